import Yams
#if canImport(Glibc)
import Glibc
#endif

/// One content file, parsed into a YAML node tree that remembers where every value came
/// from, so decoding and validation errors can name the line.
struct YAMLDocument {
    /// The path shown in messages.
    let file: String
    /// The name of the root value in field paths (`topics`, `pack`, ...).
    let rootName: String
    let root: Node
    /// True when the raw text cannot hold a control character in any value: no such byte,
    /// and no backslash escape that could make one (a double-quoted "\e" would).
    let isPlainText: Bool

    /// Reads and parses `path`. Throws an issue naming the line for unreadable files, invalid
    /// UTF-8 and YAML syntax errors.
    static func load(path: String, rootName: String) throws(ContentIssue) -> YAMLDocument {
        guard let bytes = readFile(path) else {
            throw ContentIssue(file: path, line: 0, field: "", message: "cannot read this file (missing, or no permission)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = firstInvalidUTF8Line(bytes)
            throw ContentIssue(file: path, line: line, field: "", message: "the file is not valid UTF-8 text")
        }
        let node: Node?
        do {
            // The basic resolver skips tag guessing by regular expression (slow ICU regexes, and
            // loading ICU data); every field is read into a typed model anyway. Naming UTF-8
            // skips `Encoding.default`, which consults the process environment through Foundation.
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw issue(for: error, file: path, text: text)
        } catch {
            throw ContentIssue(file: path, line: 0, field: "", message: "cannot parse YAML: \(error)")
        }
        guard let node else {
            throw ContentIssue(file: path, line: 1, field: rootName, message: "the file is empty")
        }
        return YAMLDocument(file: path, rootName: rootName, root: node, isPlainText: isPlain(bytes))
    }

    /// A reader at the document's root.
    var reader: NodeReader { NodeReader(document: self, node: root, path: []) }

    /// The line of the deepest node along `path` that exists.
    func line(at path: [PathComponent]) -> Int {
        var node = root
        var line = node.mark?.line ?? 0
        for component in path {
            guard let next = child(of: node, component) else { break }
            node = next
            line = node.mark?.line ?? line
        }
        return line
    }

    /// - Parameter linesBelow: how far below the value's first line the problem is (a line
    ///   inside a `|` block, say).
    func issue(at path: [PathComponent], _ message: String, linesBelow: Int = 0) -> ContentIssue {
        ContentIssue(file: file, line: line(at: path) + linesBelow, field: path.fieldName(root: rootName), message: message)
    }

    /// Every scalar (keys included) with its path, for checks that apply to all text.
    func forEachScalar(_ body: (String, Int, [PathComponent]) -> Void) {
        func visit(_ node: Node, _ path: [PathComponent]) {
            switch node {
            case .scalar(let scalar):
                body(scalar.string, node.mark?.line ?? 0, path)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = key.string ?? "?"
                    body(name, key.mark?.line ?? 0, path + [.key(name)])
                    visit(value, path + [.key(name)])
                }
            case .sequence(let sequence):
                for (index, element) in sequence.enumerated() { visit(element, path + [.index(index)]) }
            }
        }
        visit(root, [])
    }

    private func child(of node: Node, _ component: PathComponent) -> Node? {
        switch (node, component) {
        case (.mapping(let mapping), .key(let key)):
            return mapping.first { $0.key.string == key }?.value
        case (.sequence(let sequence), .index(let index)):
            return index < sequence.count ? sequence[index] : nil
        default:
            return nil
        }
    }

    private static func issue(for error: YamlError, file: String, text: String) -> ContentIssue {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ContentIssue(file: file, line: mark.line, field: "", message: "YAML syntax error: \(problem)")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { lineNumber(ofUTF8Offset: $0, in: text) } ?? 0
            return ContentIssue(file: file, line: line, field: "", message: "YAML cannot read this text: \(problem)")
        default:
            return ContentIssue(file: file, line: 0, field: "", message: "YAML error: \(error)")
        }
    }

    /// A fast scan of the raw bytes, so the tree walk that names the line of a control
    /// character only runs when there may be one.
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                // Escapes that make printable text (\" \\ \/ \space \_ \n \L \P) are safe.
                guard index + 1 < bytes.count, Self.safeEscapes.contains(bytes[index + 1]) else { return false }
                index += 2
                continue
            }
            if byte == 0x7F { return false }
            if byte < 0x20 && byte != UInt8(ascii: "\n") { return false }
            // C1 controls (C2 80...C2 9F) and bidirectional overrides (E2 80 AA...AE, E2 81 A6...A9).
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return false }
            if byte == 0xE2, index + 2 < bytes.count,
               (bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2]))
                || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2])) { return false }
            index += 1
        }
        return true
    }

    private static let safeEscapes: [UInt8] = Array("\"\\/ _nLP".utf8)

    private static func lineNumber(ofUTF8Offset offset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
