import TermRender
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
    let root: YAMLNode
    /// True when the raw text cannot hold a control character in any value: no such byte,
    /// and no backslash escape that could make one (a double-quoted "\e" would).
    let isPlainText: Bool

    /// Reads and parses `path`. Throws an issue naming the line for unreadable files, invalid
    /// UTF-8 and YAML syntax errors.
    /// - Parameter limit: the most bytes a file of this kind may hold (`FileBytes.contentLimit`
    ///   or `settingsLimit`).
    static func load(path: String, rootName: String, limit: Int) throws(ContentIssue) -> YAMLDocument {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: limit)
        } catch {
            throw ContentIssue(file: path, line: 0, field: "", message: error.message)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let line = firstInvalidUTF8Line(bytes)
            throw ContentIssue(file: path, line: line, field: "", message: "the file is not valid UTF-8 text")
        }
        let isPlain = isPlain(bytes)
        if !isPlain, let (line, scalar) = firstRawControl(bytes) {
            throw ContentIssue(file: path, line: line, field: "", message: controlMessage(scalar))
        }
        let node: YAMLNode?
        do {
            node = try YAMLParser.parse(bytes)
        } catch {
            throw ContentIssue(file: path, line: error.line, field: "", message: "YAML syntax error: \(error.message)")
        }
        guard let node else {
            throw ContentIssue(file: path, line: 1, field: rootName, message: "the file is empty")
        }
        return YAMLDocument(file: path, rootName: rootName, root: node, isPlainText: isPlain)
    }

    /// A reader at the document's root.
    var reader: NodeReader { NodeReader(document: self, node: root, path: []) }

    /// The line of the deepest node along `path` that exists.
    func line(at path: [PathComponent]) -> Int {
        var node = root
        for component in path {
            guard let next = child(of: node, component) else { break }
            node = next
        }
        return node.line
    }

    /// - Parameter linesBelow: how far below the value's first line the problem is (a line
    ///   inside a `|` block, say).
    func issue(at path: [PathComponent], _ message: String, linesBelow: Int = 0) -> ContentIssue {
        ContentIssue(file: file, line: line(at: path) + linesBelow, field: path.fieldName(root: rootName), message: message)
    }

    /// No control character may reach the terminal, so none may be in a file whose text is
    /// shown. Line breaks inside text are the one exception. One issue per value that has one.
    func controlCharacterIssues() -> [ContentIssue] {
        guard !isPlainText else { return [] }
        var found: [ContentIssue] = []
        forEachScalar { text, line, path in
            var newlines = 0
            for scalar in text.unicodeScalars {
                if scalar == "\n" { newlines += 1; continue }
                guard Sanitizer.isForbidden(scalar) else { continue }
                found.append(ContentIssue(file: file, line: line + newlines, field: path.fieldName(root: rootName),
                                          message: Self.controlMessage(scalar)))
                return
            }
        }
        return found
    }

    /// Every scalar (keys included) with its path, for checks that apply to all text.
    func forEachScalar(_ body: (String, Int, [PathComponent]) -> Void) {
        func visit(_ node: YAMLNode, _ path: [PathComponent]) {
            switch node.value {
            case .scalar(let text):
                body(text, node.line, path)
            case .mapping(let pairs):
                for pair in pairs {
                    body(pair.key, pair.line, path + [.key(pair.key)])
                    visit(pair.value, path + [.key(pair.key)])
                }
            case .sequence(let sequence):
                for (index, element) in sequence.enumerated() { visit(element, path + [.index(index)]) }
            }
        }
        visit(root, [])
    }

    private func child(of node: YAMLNode, _ component: PathComponent) -> YAMLNode? {
        switch (node.value, component) {
        case (.mapping(let pairs), .key(let key)):
            return pairs.first { $0.key == key }?.value
        case (.sequence(let sequence), .index(let index)):
            return index < sequence.count ? sequence[index] : nil
        default:
            return nil
        }
    }

    /// A fast scan of the raw bytes, so the tree walk that names the line of a control
    /// character only runs when there may be one.
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Printable ASCII other than a backslash: nearly every byte of a content file.
                if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") {
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "\\") {
                    // Escapes that make printable text (\" \\ \/ \space \_ \n \L \P) are safe.
                    guard index + 1 < bytes.count, Self.safeEscapes.contains(bytes[index + 1]) else { return false }
                    index += 2
                    continue
                }
                if byte < 0x80 { return false }
                // C1 controls (C2 80...C2 9F) and bidirectional overrides (E2 80 AA...AE, E2 81 A6...A9).
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return false }
                if byte == 0xE2, index + 2 < bytes.count,
                   (bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2]))
                    || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2])) { return false }
                index += 1
            }
            return true
        }
    }

    private static let safeEscapes: [UInt8] = Array("\"\\/ _nLP".utf8)

    /// The line and character of the first control character typed into the file itself
    /// (not made by an escape). Tabs and line ends (LF or CRLF) are YAML's own.
    private static func firstRawControl(_ bytes: [UInt8]) -> (Int, Unicode.Scalar)? {
        var line = 1
        var previous: Unicode.Scalar = " "
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            defer { previous = scalar }
            if previous == "\r" && scalar != "\n" { return (line, previous) }
            if scalar == "\n" { line += 1; continue }
            if scalar == "\t" || scalar == "\r" { continue }
            if Sanitizer.isForbidden(scalar) { return (line, scalar) }
        }
        return previous == "\r" ? (line, previous) : nil
    }

    /// What the loader says about a control character in content.
    static func controlMessage(_ scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x09: "tab",
                                       0x0D: "carriage return", 0x1B: "ESC", 0x7F: "DEL"]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name = names[scalar.value].map { "\($0) (\(code))" } ?? code
        return "\(name) is a control character; it is not allowed in content"
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
}
