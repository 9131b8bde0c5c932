import CYAML

/// A value read from a content file, and the line it starts on (1-based).
///
/// Mappings keep their pairs in file order, duplicates included, so validation can say a
/// field appears twice instead of silently keeping one.
package struct YAMLNode {
    package enum Value {
        case scalar(String)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    package let value: Value
    package let line: Int
}

/// One `key: value` of a mapping; `line` is the key's line.
package struct YAMLPair {
    package let key: String
    package let line: Int
    package let value: YAMLNode
}

/// What is wrong with the YAML text, and on which line.
package struct YAMLSyntaxError: Error, Equatable, CustomStringConvertible {
    package let line: Int
    package let message: String
    package var description: String { "line \(line): \(message)" }
}

/// Reads the YAML that content and kiosk files are written in, from UTF-8 bytes, with libyaml
/// (Debian's libyaml-dev; the YAML reader of PyYAML, Ruby and Yams), which follows the spec
/// where a hand-written reader drifts: a `#` inside a plain value running over several lines,
/// an empty block of spaces, a first blank line more indented than the text.
///
/// This turns libyaml's events into a tree, with a stack on the heap rather than recursion, so
/// any depth of nesting is only memory. Every value is kept as text (no tag guessing:
/// `NodeReader` turns text into the typed model), with the line it starts on from libyaml's
/// marks. Refused with a message that names the line: anchors, aliases, tags, complex keys,
/// directives and several documents; content is plain data, and each of these lets a file
/// say one thing and show another.
package struct YAMLParser {
    /// The longest value, in bytes: eight times the longest shipped one (a 1,229-character
    /// picture). The reading-grade and phrase checks cost about 6 us a byte of one value, so a
    /// 5 MB paragraph took 30 s to refuse; no screen shows a paragraph this long anyway.
    package static let maximumValueLength = 10_000

    /// Parses one document. Nil when the text holds no value (empty, or only comments).
    package static func parse(_ bytes: [UInt8]) throws(YAMLSyntaxError) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw YAMLSyntaxError(line: 1, message: "out of memory") }
        defer { yaml_parser_delete(parser) }
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLSyntaxError) -> YAMLNode? in
            yaml_parser_set_input_string(parser, input.baseAddress, input.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var builder = TreeBuilder()
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError(parser.pointee, input) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return builder.root }
                try builder.add(event)
            }
        }
    }

    /// What is wrong, in words a clinic's editor can act on, then libyaml's own, at the line
    /// to look at: where an unclosed quote or bracket opened, else where libyaml stopped.
    private static func syntaxError(_ parser: yaml_parser_t, _ input: UnsafeBufferPointer<UInt8>) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "the text cannot be read as YAML"
        let context = parser.context.map { String(cString: $0) }
        let stopped = Int(parser.problem_mark.line) + 1, opened = Int(parser.context_mark.line) + 1
        let offset = Int(parser.problem_mark.index)
        let atTab = offset < input.count && input[offset] == UInt8(ascii: "\t")
        var libyaml = problem
        if let context { libyaml += ", \(context) from line \(opened)" }
        let (hint, line) = hint(problem: problem, context: context ?? "", atTab: atTab, stopped: stopped, opened: opened)
        return YAMLSyntaxError(line: line, message: "\(hint) (libyaml: \(libyaml))")
    }

    /// libyaml's problems as their usual cause in a content file, and the line to look at.
    private static func hint(problem: String, context: String, atTab: Bool, stopped: Int,
                             opened: Int) -> (String, Int) {
        func has(_ words: String) -> Bool { problem.contains(words) }
        if has("end of stream") && context.contains("quoted") { return ("a quote opened here is never closed", opened) }
        if has("expected ',' or ']'") {
            return ("a [ list opened here is never closed, or two of its entries have no comma between them", opened)
        }
        if has("expected ',' or '}'") {
            return ("a { mapping opened here is never closed, or two of its entries have no comma between them", opened)
        }
        if has("could not find expected ':'") { return ("expected 'key: value' here", opened) }
        if has("mapping values are not allowed") {
            return ("a ': ' where it cannot be: put a value holding ': ' in double quotes, or indent this line "
                    + "as the lines around it", stopped)
        }
        if has("cannot start any token") {
            return (atTab ? "a tab: indent with spaces only" : "a value cannot start with this character: put it in double quotes",
                    stopped)
        }
        if has("unknown escape") { return ("an unknown escape in double quotes: write \\\\ for a backslash", stopped) }
        if has("hexdecimal") { return ("a \\x, \\u or \\U escape needs hexadecimal digits (0-9, a-f)", stopped) }
        if has("block sequence entries are not allowed") {
            return ("a list starts on the line after its key, with one '- ' entry per line", stopped)
        }
        if has("expected '-' indicator") { return ("a list entry ('- ') was expected: the list does not continue as it began", stopped) }
        if has("expected node content") { return ("an empty entry: two commas together, or a comma first", stopped) }
        if has("expected comment or line break") { return ("the text of a | or > block starts on the next line", stopped) }
        if has("did not find expected key") {
            return ("this line is indented more or less than the lines around it, or text follows a closing quote or bracket",
                    stopped)
        }
        return (problem, stopped)
    }
}

/// Builds the node tree from libyaml's events.
private struct TreeBuilder {
    /// A collection still open, and for a mapping the key waiting for its value.
    private enum Open {
        case sequence(line: Int, [YAMLNode])
        case mapping(line: Int, [YAMLPair], key: (text: String, line: Int)?)
    }

    private var open: [Open] = []
    private var documents = 0
    /// Content nests four or five levels; a thousand `[` in a row is a broken or hostile file,
    /// and every reader after this one walks the tree.
    static let maximumDepth = 64
    private(set) var root: YAMLNode?

    mutating func add(_ event: yaml_event_t) throws(YAMLSyntaxError) {
        let line = Int(event.start_mark.line) + 1
        func refuse(_ message: String) -> YAMLSyntaxError { YAMLSyntaxError(line: line, message: message) }
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            let start = event.data.document_start
            if start.version_directive != nil || start.tag_directives.start != start.tag_directives.end {
                throw refuse("YAML directives (lines starting with %) are not supported here")
            }
            documents += 1
            if documents > 1 { throw refuse("a file holds one YAML document; this is a second one") }
        case YAML_ALIAS_EVENT:
            throw refuse("aliases (*name) are not supported here: write the value out")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            try plainData(anchor: scalar.anchor, tag: scalar.tag, line: line)
            guard scalar.length <= YAMLParser.maximumValueLength else {
                throw YAMLSyntaxError(line: line, message: "this value is \(scalar.length) bytes long; a value may be at most "
                                      + "\(YAMLParser.maximumValueLength): split it into several paragraphs or blocks")
            }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            var at = line
            if text.isEmpty, scalar.style == YAML_PLAIN_SCALAR_STYLE {
                if open.isEmpty { return }   // `---` alone: no value
                // libyaml marks a missing value where the next thing starts; the author looks at its key.
                if case .mapping(_, _, let key?)? = open.last { at = key.line }
            }
            try close(YAMLNode(value: .scalar(text), line: at))
        case YAML_SEQUENCE_START_EVENT:
            try plainData(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag, line: line)
            try refuseComplexKey(line)
            try refuseDepth(line)
            open.append(.sequence(line: line, []))
        case YAML_MAPPING_START_EVENT:
            try plainData(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, line: line)
            try refuseComplexKey(line)
            try refuseDepth(line)
            open.append(.mapping(line: line, [], key: nil))
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let start, let items)? = open.popLast() else { return }
            try close(YAMLNode(value: .sequence(items), line: start))
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(let start, let pairs, _)? = open.popLast() else { return }
            try close(YAMLNode(value: .mapping(pairs), line: start))
        default:
            break   // stream start, document end
        }
    }

    /// Content is plain data: no anchors to refer back to, no tags to change a value's type.
    private func plainData(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
                           line: Int) throws(YAMLSyntaxError) {
        if anchor != nil { throw YAMLSyntaxError(line: line, message: "anchors (&name) are not supported here") }
        if tag != nil { throw YAMLSyntaxError(line: line, message: "tags (!name) are not supported here") }
    }

    /// A list or a mapping where a mapping wants its key.
    private func refuseComplexKey(_ line: Int) throws(YAMLSyntaxError) {
        if case .mapping(_, _, key: nil)? = open.last {
            throw YAMLSyntaxError(line: line, message: "a key must be plain text, not a list or a mapping")
        }
    }

    private func refuseDepth(_ line: Int) throws(YAMLSyntaxError) {
        guard open.count >= Self.maximumDepth else { return }
        throw YAMLSyntaxError(line: line, message: "lists and mappings are nested more than \(Self.maximumDepth) deep here")
    }

    /// A finished value goes into the collection around it, as an item, a key or a key's value.
    private mutating func close(_ node: YAMLNode) throws(YAMLSyntaxError) {
        switch open.popLast() {
        case nil:
            root = node
        case .sequence(let line, var items)?:
            items.append(node)
            open.append(.sequence(line: line, items))
        case .mapping(let line, var pairs, let key)?:
            if let key {
                pairs.append(YAMLPair(key: key.text, line: key.line, value: node))
                open.append(.mapping(line: line, pairs, key: nil))
            } else {
                guard case .scalar(let text) = node.value else {
                    throw YAMLSyntaxError(line: node.line, message: "a key must be plain text, not a list or a mapping")
                }
                open.append(.mapping(line: line, pairs, key: (text, node.line)))
            }
        }
    }
}
