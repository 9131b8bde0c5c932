/// A content type read straight from a YAML node.
///
/// Why not Codable: Codable decoding spends most of its time in first-use protocol-conformance
/// lookups, which scan every conformance in the binary; that was the largest share of
/// start-up (`make bench`). Reading the node tree directly costs a fraction, knows the line
/// of every value, and can refuse a misspelled key instead of silently ignoring it.
protocol ContentReadable {
    init(from reader: NodeReader) throws(ContentIssue)
}

/// A position in a YAML document: the node there and the path that led to it.
struct NodeReader {
    let document: YAMLDocument
    let node: YAMLNode
    let path: [PathComponent]

    init(document: YAMLDocument, node: YAMLNode, path: [PathComponent]) {
        self.document = document
        self.node = node
        self.path = path
    }

    // MARK: Mappings

    /// The mapping here, refusing any key not in `allowed` (a typo would otherwise be lost).
    /// Content mappings have a handful of keys, so a list searched in order beats hashing.
    func mapping(allowing allowed: [String]) throws(ContentIssue) -> Fields {
        var issues: [ContentIssue] = []
        let fields = try mapping(allowing: allowed, issues: &issues)
        if let first = issues.first { throw first }
        return fields
    }

    /// The same, for settings files whose every mistake is reported at once: an unknown or
    /// doubled field is added to `issues` and left out, and the rest are read.
    func mapping(allowing allowed: [String], issues: inout [ContentIssue]) throws(ContentIssue) -> Fields {
        guard case .mapping(let mapping) = node.value else { throw problem("expected a mapping (key: value lines)") }
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(mapping.count)
        for pair in mapping {
            guard allowed.contains(pair.key) else {
                let known = allowed.sorted().joined(separator: ", ")
                issues.append(document.issue(at: path + [.key(pair.key)], "unknown field '\(pair.key)' (known fields: \(known))"))
                continue
            }
            guard !pairs.contains(where: { $0.key == pair.key }) else {
                // YAML would keep only one of the two values; say so instead of guessing.
                issues.append(ContentIssue(file: document.file, line: pair.line,
                                           field: (path + [.key(pair.key)]).fieldName(root: document.rootName),
                                           message: "this field appears twice in the same place"))
                continue
            }
            pairs.append(pair)
        }
        return Fields(pairs: pairs)
    }

    /// The fields of one mapping.
    struct Fields {
        let pairs: [YAMLPair]

        subscript(key: String) -> YAMLNode? { pairs.first { $0.key == key }?.value }
    }

    func child(_ key: String, in fields: Fields) -> NodeReader? {
        fields[key].map { NodeReader(document: document, node: $0, path: path + [.key(key)]) }
    }

    func required(_ key: String, in fields: Fields) throws(ContentIssue) -> NodeReader {
        guard let reader = child(key, in: fields) else {
            throw ContentIssue(file: document.file, line: node.line,
                               field: (path + [.key(key)]).fieldName(root: document.rootName),
                               message: "this field is missing")
        }
        return reader
    }

    // MARK: Values

    var text: String {
        get throws(ContentIssue) {
            guard case .scalar(let text) = node.value else { throw problem("expected text") }
            return text
        }
    }

    var wholeNumber: Int {
        get throws(ContentIssue) {
            guard let value = Int(try text) else { throw problem("expected a whole number") }
            return value
        }
    }

    /// `true`/`false` (also `yes`/`no`, as YAML 1.1 and many editors write them).
    var flag: Bool {
        get throws(ContentIssue) {
            switch try text.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: throw problem("expected true or false")
            }
        }
    }

    var texts: [String] {
        get throws(ContentIssue) {
            var result: [String] = []
            for element in try elements { result.append(try element.text) }
            return result
        }
    }

    var elements: [NodeReader] {
        get throws(ContentIssue) {
            guard case .sequence(let sequence) = node.value else { throw problem("expected a list") }
            return sequence.enumerated().map { index, element in
                NodeReader(document: document, node: element, path: path + [.index(index)])
            }
        }
    }

    func list<T: ContentReadable>(of type: T.Type) throws(ContentIssue) -> [T] {
        var result: [T] = []
        for element in try elements { result.append(try T(from: element)) }
        return result
    }

    func word<T: ContentWord>(_ type: T.Type) throws(ContentIssue) -> T {
        let value = try text
        guard let word = T(rawValue: value) else {
            let choices = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw problem("'\(value)' is not one of \(choices)")
        }
        return word
    }

    func problem(_ message: String) -> ContentIssue { document.issue(at: path, message) }
}

/// A closed set of words a content author may write (`core`, `detail`, ...).
public protocol ContentWord: RawRepresentable, CaseIterable where RawValue == String {}
