/// A value read from a content file, and the line it starts on (1-based).
///
/// Mappings keep their pairs in file order, duplicates included, so validation can say a
/// field appears twice instead of silently keeping one.
struct YAMLNode {
    enum Value {
        case scalar(String)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    let value: Value
    let line: Int
}

/// One `key: value` of a mapping; `line` is the key's line.
struct YAMLPair {
    let key: String
    let line: Int
    let value: YAMLNode
}

/// What is wrong with the YAML text, and on which line.
struct YAMLSyntaxError: Error, Equatable, CustomStringConvertible {
    let line: Int
    let message: String
    var description: String { "line \(line): \(message)" }
}

/// Reads the YAML that content and kiosk files are written in, from UTF-8 bytes.
///
/// Why our own reader: Yams links Foundation, and Foundation's thousands of protocol
/// conformances made every first-use type check at start-up scan a far longer table; with
/// Foundation gone the explorer starts several times faster (`make bench`). Every value is
/// read as text (no tag guessing: `NodeReader` turns text into the typed model), which is
/// what the content model wants anyway.
///
/// Supported: block mappings and lists (including `- key: value` entries), plain, 'single'
/// and "double" quoted scalars over several lines (with every YAML escape), `|` and `>` block
/// text with chomping (`-`, `+`) and indentation indicators, `[flow, lists]` and
/// `{flow: mappings}`, comments, one document with optional `---` and `...`, CRLF line ends
/// and a byte-order mark. Refused with a message that names the line: anchors, aliases,
/// tags, complex keys, directives, several documents, tabs used to indent. The tests check it
/// against Yams on the shipped files and on a set of tricky cases.
struct YAMLParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Parses one document. Nil when the text holds no value (empty, or only comments).
    static func parse(_ bytes: [UInt8]) throws(YAMLSyntaxError) -> YAMLNode? {
        var parser = YAMLParser(bytes)
        return try parser.document()
    }

    private init(_ source: [UInt8]) {
        var bytes = source
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(Byte.carriageReturn) {
            // CRLF line ends (a Windows editor) read as LF; a lone CR stays, for the
            // control-character check to name.
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            for (offset, byte) in bytes.enumerated() {
                if byte == Byte.carriageReturn, offset + 1 < bytes.count, bytes[offset + 1] == Byte.newline { continue }
                kept.append(byte)
            }
            bytes = kept
        }
        self.bytes = bytes
    }

    // MARK: Document

    private mutating func document() throws(YAMLSyntaxError) -> YAMLNode? {
        guard try skipToContent() else { return nil }
        if current == Byte.percent { throw error("YAML directives (lines starting with %) are not supported here") }
        if isDocumentMarker(Byte.dash) {
            index += 3
            skipSpaces()
            if atLineEndOrComment {
                try finishLine(after: "---")
                guard try skipToContent() else { return nil }
            }
        }
        let node = try nodeHere(parentIndent: -1)
        guard index < bytes.count else { return node }
        if isDocumentMarker(Byte.dot) {
            index += 3
            try finishLine(after: "...")
            if try skipToContent() { throw error("text after the end of the document (the line with ...)") }
            return node
        }
        if isDocumentMarker(Byte.dash) { throw error("only one YAML document is allowed in a file; remove this ---") }
        throw error("this line does not continue the list or mapping above it (check its indentation)")
    }

    // MARK: Block structure

    /// The node whose first character is at the current position.
    private mutating func nodeHere(parentIndent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        let indent = column
        switch current {
        case Byte.dash where isBlankOrEnd(at: index + 1):
            return try blockSequence(indent: indent)
        case Byte.pipe, Byte.greater:
            return try blockScalar(parentIndent: parentIndent)
        case Byte.leftBracket, Byte.leftBrace:
            return try flowValue(parentIndent: parentIndent)
        default:
            try refuseUnsupported()
            if isKeyHere() { return try blockMapping(indent: indent) }
            return try scalarValue(parentIndent: parentIndent)
        }
    }

    private mutating func blockMapping(indent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        let startLine = line
        var pairs: [YAMLPair] = []
        while true {
            let keyLine = line
            let key = try mappingKey()
            skipSpaces()
            let value: YAMLNode
            if atLineEndOrComment {
                try finishLine(after: "the key")
                value = try nestedNode(parentIndent: indent, emptyLine: keyLine, listMayAlign: true)
            } else {
                value = try inlineValue(parentIndent: indent)
            }
            pairs.append(YAMLPair(key: key, line: keyLine, value: value))
            guard index < bytes.count, column >= indent, !isDocumentMarker(Byte.dash), !isDocumentMarker(Byte.dot) else { break }
            if column > indent { throw error("this line is indented more than the key above it, but that key already has a value") }
            if current == Byte.dash, isBlankOrEnd(at: index + 1) {
                throw error("a list entry ('- ') at the same indentation as the keys above it; indent it under its key")
            }
            try refuseUnsupported()
            guard isKeyHere() else { throw error("expected 'key: value' here") }
        }
        return YAMLNode(value: .mapping(pairs), line: startLine)
    }

    private mutating func blockSequence(indent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        let startLine = line
        var items: [YAMLNode] = []
        while true {
            let entryLine = line
            index += 1
            skipSpaces()
            if atLineEndOrComment {
                try finishLine(after: "-")
                items.append(try nestedNode(parentIndent: indent, emptyLine: entryLine, listMayAlign: false))
            } else {
                items.append(try nodeHere(parentIndent: indent))
            }
            guard index < bytes.count, column >= indent, !isDocumentMarker(Byte.dash), !isDocumentMarker(Byte.dot) else { break }
            if column > indent { throw error("this line is indented more than the list entry above it, but that entry already has a value") }
            guard current == Byte.dash, isBlankOrEnd(at: index + 1) else { break }
        }
        return YAMLNode(value: .sequence(items), line: startLine)
    }

    /// The value on the lines below a `key:` or `-` that had nothing after it; empty text
    /// (on the key's line) when nothing is indented below. A list may start at the key's own
    /// indentation (`listMayAlign`), as YAML allows.
    private mutating func nestedNode(parentIndent: Int, emptyLine: Int, listMayAlign: Bool) throws(YAMLSyntaxError) -> YAMLNode {
        guard try skipToContent() else { return YAMLNode(value: .scalar(""), line: emptyLine) }
        if column > parentIndent { return try nodeHere(parentIndent: parentIndent) }
        if listMayAlign, column == parentIndent, current == Byte.dash, isBlankOrEnd(at: index + 1) {
            return try blockSequence(indent: column)
        }
        return YAMLNode(value: .scalar(""), line: emptyLine)
    }

    /// The value after `key: ` on the same line.
    private mutating func inlineValue(parentIndent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        switch current {
        case Byte.pipe, Byte.greater:
            return try blockScalar(parentIndent: parentIndent)
        case Byte.leftBracket, Byte.leftBrace:
            return try flowValue(parentIndent: parentIndent)
        case Byte.dash where isBlankOrEnd(at: index + 1):
            throw error("a list cannot start on the same line as its key; put each '- ' entry on a line of its own below")
        default:
            try refuseUnsupported()
            return try scalarValue(parentIndent: parentIndent)
        }
    }

    /// A quoted or plain scalar in block context; afterwards the position is at the next
    /// line with content.
    private mutating func scalarValue(parentIndent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        let startLine = line
        let text: String
        switch current {
        case Byte.doubleQuote, Byte.singleQuote:
            text = try quoted(parentIndent: parentIndent)
            try finishLine(after: "the closing quote")
            _ = try skipToContent()
        default:
            text = try plain(parentIndent: parentIndent)
        }
        return YAMLNode(value: .scalar(text), line: startLine)
    }

    /// A `[...]` or `{...}` value in block context.
    private mutating func flowValue(parentIndent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        let node = try flowNode(parentIndent: parentIndent)
        try finishLine(after: current == Byte.colon ? "a list (a list cannot be a key)" : "the closing bracket")
        _ = try skipToContent()
        return node
    }

    /// The key at the current position (known to be one by `isKeyHere`), up to and past its colon.
    private mutating func mappingKey() throws(YAMLSyntaxError) -> String {
        if current == Byte.doubleQuote || current == Byte.singleQuote {
            let key = try quoted(parentIndent: -1)
            skipSpaces()
            index += 1
            return key
        }
        let start = index
        while !(bytes[index] == Byte.colon && isBlankOrEnd(at: index + 1)) { index += 1 }
        var end = index
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        index += 1
        return string(start..<end)
    }

    /// True when the current line, from here, is `key: ...` (or `key:` alone).
    private func isKeyHere() -> Bool {
        var position = index
        let first = bytes[position]
        if first == Byte.doubleQuote || first == Byte.singleQuote {
            position += 1
            while position < bytes.count, bytes[position] != Byte.newline {
                if bytes[position] == first {
                    if first == Byte.singleQuote, position + 1 < bytes.count, bytes[position + 1] == Byte.singleQuote {
                        position += 2
                        continue
                    }
                    break
                }
                position += first == Byte.doubleQuote && bytes[position] == Byte.backslash ? 2 : 1
            }
            guard position < bytes.count, bytes[position] == first else { return false }
            position += 1
            while position < bytes.count, isBlank(bytes[position]) { position += 1 }
            return position < bytes.count && bytes[position] == Byte.colon && isBlankOrEnd(at: position + 1)
        }
        if first == Byte.leftBracket || first == Byte.leftBrace || first == Byte.hash { return false }
        while position < bytes.count, bytes[position] != Byte.newline {
            let byte = bytes[position]
            if byte == Byte.colon, isBlankOrEnd(at: position + 1) { return true }
            if byte == Byte.hash, isBlank(bytes[position - 1]) { return false }
            position += 1
        }
        return false
    }

    // MARK: Scalars

    /// A plain (unquoted) scalar in block context, folded over the lines indented below its
    /// parent; afterwards the position is at the next line with content.
    private mutating func plain(parentIndent: Int) throws(YAMLSyntaxError) -> String {
        var text: [UInt8] = []
        try plainLine(into: &text)
        while true {
            var blankLines = 0
            guard try skipToContent(blankLines: &blankLines) else { break }
            guard blankLines >= 0, column > parentIndent, !isDocumentMarker(Byte.dash), !isDocumentMarker(Byte.dot) else { break }
            if blankLines == 0 {
                text.append(Byte.space)
            } else {
                text.append(contentsOf: repeatElement(Byte.newline, count: blankLines))
            }
            try plainLine(into: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// One line of a plain scalar, up to a comment or the line's end.
    private mutating func plainLine(into text: inout [UInt8]) throws(YAMLSyntaxError) {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Byte.newline { break }
            if byte == Byte.hash, index > start, isBlank(bytes[index - 1]) { break }
            if byte == Byte.colon, isBlankOrEnd(at: index + 1) {
                throw error("a value holds ': ', which YAML reads as a new key; put the whole value in double quotes")
            }
            index += 1
        }
        var end = index
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        text.append(contentsOf: bytes[start..<end])
        index = lineEnd(from: index)
        advancePastLineEnd()
    }

    /// A 'single' or "double" quoted scalar, from its opening quote to just past its closing
    /// one. Line breaks inside fold to a space (blank lines to line breaks), as YAML says.
    /// A line indented no deeper than the parent means the quote was never closed.
    private mutating func quoted(parentIndent: Int) throws(YAMLSyntaxError) -> String {
        let quote = current
        let openLine = line
        let unclosed = YAMLSyntaxError(line: openLine, message: quote == Byte.doubleQuote
            ? "a value in double quotes is never closed (a \" is missing)"
            : "a value in single quotes is never closed (a ' is missing)")
        index += 1
        var text: [UInt8] = []
        text.reserveCapacity(128)
        // Escapes and folds produce text that trailing-space trimming must not remove.
        var kept = 0
        while true {
            guard index < bytes.count else { throw unclosed }
            let byte = bytes[index]
            if byte == quote {
                if quote == Byte.singleQuote, index + 1 < bytes.count, bytes[index + 1] == Byte.singleQuote {
                    text.append(Byte.singleQuote)
                    index += 2
                    kept = text.count
                    continue
                }
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == Byte.newline {
                while text.count > kept, isBlank(text[text.count - 1]) { text.removeLast() }
                try foldLineBreaks(into: &text, parentIndent: parentIndent, unclosed: unclosed)
                kept = text.count
                continue
            }
            if byte == Byte.backslash, quote == Byte.doubleQuote {
                if index + 1 < bytes.count, bytes[index + 1] == Byte.newline {
                    // An escaped line break joins the lines with nothing between.
                    index += 1
                    advancePastLineEnd()
                    try skipContinuationIndent(parentIndent: parentIndent, unclosed: unclosed)
                    kept = text.count
                    continue
                }
                try escape(into: &text)
                kept = text.count
                continue
            }
            // A run of ordinary characters, copied at once.
            let start = index
            index += 1
            while index < bytes.count {
                let next = bytes[index]
                if next == quote || next == Byte.newline || next == Byte.backslash { break }
                index += 1
            }
            text.append(contentsOf: bytes[start..<index])
        }
    }

    /// At a line break inside quotes: one break becomes a space, each blank line a break.
    private mutating func foldLineBreaks(into text: inout [UInt8], parentIndent: Int, unclosed: YAMLSyntaxError) throws(YAMLSyntaxError) {
        var breaks = 0
        while index < bytes.count, bytes[index] == Byte.newline {
            advancePastLineEnd()
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == Byte.newline { breaks += 1 }
        }
        guard index < bytes.count else { throw unclosed }
        if parentIndent >= 0, column <= parentIndent { throw unclosed }
        if breaks == 0 {
            text.append(Byte.space)
        } else {
            text.append(contentsOf: repeatElement(Byte.newline, count: breaks))
        }
    }

    private mutating func skipContinuationIndent(parentIndent: Int, unclosed: YAMLSyntaxError) throws(YAMLSyntaxError) {
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        guard index < bytes.count else { throw unclosed }
        if parentIndent >= 0, column <= parentIndent, bytes[index] != Byte.newline { throw unclosed }
    }

    /// One backslash escape in double quotes, appended as UTF-8.
    private mutating func escape(into text: inout [UInt8]) throws(YAMLSyntaxError) {
        let code = index + 1 < bytes.count ? bytes[index + 1] : 0
        index += 2
        let scalar: UInt32
        switch code {
        case UInt8(ascii: "0"): scalar = 0
        case UInt8(ascii: "a"): scalar = 7
        case UInt8(ascii: "b"): scalar = 8
        case UInt8(ascii: "t"), Byte.tab: scalar = 9
        case UInt8(ascii: "n"): scalar = 10
        case UInt8(ascii: "v"): scalar = 11
        case UInt8(ascii: "f"): scalar = 12
        case UInt8(ascii: "r"): scalar = 13
        case UInt8(ascii: "e"): scalar = 0x1B
        case Byte.space: scalar = 0x20
        case Byte.doubleQuote: scalar = 0x22
        case UInt8(ascii: "/"): scalar = 0x2F
        case Byte.backslash: scalar = 0x5C
        case UInt8(ascii: "N"): scalar = 0x85
        case UInt8(ascii: "_"): scalar = 0xA0
        case UInt8(ascii: "L"): scalar = 0x2028
        case UInt8(ascii: "P"): scalar = 0x2029
        case UInt8(ascii: "x"): scalar = try hexDigits(2)
        case UInt8(ascii: "u"): scalar = try hexDigits(4)
        case UInt8(ascii: "U"): scalar = try hexDigits(8)
        default:
            let shown = code >= 0x21 && code < 0x7F ? String(UnicodeScalar(code)) : "?"
            throw error("unknown escape \\\(shown) in double quotes (write \\\\ for a backslash)")
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            throw error("the escape names no character (U+\(String(scalar, radix: 16, uppercase: true)))")
        }
        text.append(contentsOf: UTF8.encode(unicode)!)
    }

    private mutating func hexDigits(_ count: Int) throws(YAMLSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else {
                throw error("an escape needs \(count) hexadecimal digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `|` (lines kept) or `>` (lines folded) text on the lines below, indented deeper than
    /// the parent. Its line is the indicator's.
    private mutating func blockScalar(parentIndent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        let startLine = line
        let folded = current == Byte.greater
        index += 1
        enum Chomping { case clip, strip, keep }
        var chomping = Chomping.clip
        var explicitIndent: Int?
        // Up to two indicators, in either order: chomping (+ or -) and indentation (1-9).
        for _ in 0..<2 {
            switch current {
            case Byte.plus where chomping == .clip: chomping = .keep
            case Byte.dash where chomping == .clip: chomping = .strip
            case UInt8(ascii: "1")...UInt8(ascii: "9") where explicitIndent == nil:
                explicitIndent = Int(current - UInt8(ascii: "0"))
            default: continue
            }
            index += 1
        }
        guard atLineEnd || isBlank(current) else {
            throw error("unexpected text after \(folded ? ">" : "|"); the text starts on the next line")
        }
        skipSpaces()
        try finishLine(after: folded ? ">" : "|")

        let floor = max(parentIndent + 1, 1)
        let indent = explicitIndent.map { max(parentIndent, 0) + $0 } ?? detectIndent(floor: floor)
        var lines: [Range<Int>?] = []   // nil: an empty line
        while index < bytes.count {
            var spaces = 0
            while index + spaces < bytes.count, bytes[index + spaces] == Byte.space { spaces += 1 }
            let end = lineEnd(from: index + spaces)
            if index + spaces == end {
                lines.append(spaces > indent ? (index + indent)..<end : nil)
            } else if spaces < indent {
                break
            } else {
                lines.append((index + indent)..<end)
            }
            index = end
            advancePastLineEnd()
        }

        var text: [UInt8] = []
        var breaks = 0
        var started = false
        var previousMoreIndented = false
        // The last line's break belongs to the text only if the file has one.
        var lastBreak = 1
        for range in lines {
            guard let range, !range.isEmpty else {
                breaks += 1
                continue
            }
            let moreIndented = isBlank(bytes[range.lowerBound])
            if started {
                if folded, !moreIndented, !previousMoreIndented {
                    if breaks == 0 { text.append(Byte.space) } else { text.append(contentsOf: repeatElement(Byte.newline, count: breaks)) }
                } else {
                    text.append(contentsOf: repeatElement(Byte.newline, count: breaks + 1))
                }
            } else {
                text.append(contentsOf: repeatElement(Byte.newline, count: breaks))
            }
            text.append(contentsOf: bytes[range])
            lastBreak = range.upperBound < bytes.count ? 1 : 0
            breaks = 0
            started = true
            previousMoreIndented = moreIndented
        }
        switch chomping {
        case .strip: break
        case .clip: if started { text.append(contentsOf: repeatElement(Byte.newline, count: lastBreak)) }
        case .keep: text.append(contentsOf: repeatElement(Byte.newline, count: breaks + (started ? lastBreak : 0)))
        }
        _ = try skipToContent()
        return YAMLNode(value: .scalar(String(decoding: text, as: UTF8.self)), line: startLine)
    }

    /// The indentation of a block scalar's first non-empty line (at least `floor`).
    private func detectIndent(floor: Int) -> Int {
        var position = index
        var widest = 0
        while position < bytes.count {
            var spaces = 0
            while position + spaces < bytes.count, bytes[position + spaces] == Byte.space { spaces += 1 }
            let end = lineEnd(from: position + spaces)
            if position + spaces < end { return max(spaces, floor) }
            widest = max(widest, spaces)
            position = end + 1
        }
        return max(widest, floor)
    }

    // MARK: Flow collections

    /// `[a, b]`, `{key: value}`, or a scalar inside one.
    private mutating func flowNode(parentIndent: Int) throws(YAMLSyntaxError) -> YAMLNode {
        let startLine = line
        switch current {
        case Byte.leftBracket:
            let unclosed = YAMLSyntaxError(line: startLine, message: "a list opened with [ is never closed (a ] is missing)")
            index += 1
            var items: [YAMLNode] = []
            while true {
                try skipFlowSpace(parentIndent: parentIndent, unclosed: unclosed)
                if current == Byte.rightBracket { break }
                items.append(try flowNode(parentIndent: parentIndent))
                try skipFlowSpace(parentIndent: parentIndent, unclosed: unclosed)
                if current == Byte.colon {
                    throw error("'key: value' inside [ ] is not supported here; use { } for a mapping")
                }
                if current == Byte.comma { index += 1; continue }
                if current == Byte.rightBracket { break }
                throw error("expected ',' or ']' in the list opened on line \(startLine)")
            }
            index += 1
            return YAMLNode(value: .sequence(items), line: startLine)
        case Byte.leftBrace:
            let unclosed = YAMLSyntaxError(line: startLine, message: "a mapping opened with { is never closed (a } is missing)")
            index += 1
            var pairs: [YAMLPair] = []
            while true {
                try skipFlowSpace(parentIndent: parentIndent, unclosed: unclosed)
                if current == Byte.rightBrace { break }
                let keyLine = line
                guard case .scalar(let key) = try flowNode(parentIndent: parentIndent).value else {
                    throw error("a key inside { } must be text")
                }
                try skipFlowSpace(parentIndent: parentIndent, unclosed: unclosed)
                var value = YAMLNode(value: .scalar(""), line: keyLine)
                if current == Byte.colon {
                    index += 1
                    try skipFlowSpace(parentIndent: parentIndent, unclosed: unclosed)
                    if current != Byte.comma, current != Byte.rightBrace {
                        value = try flowNode(parentIndent: parentIndent)
                        try skipFlowSpace(parentIndent: parentIndent, unclosed: unclosed)
                    }
                }
                pairs.append(YAMLPair(key: key, line: keyLine, value: value))
                if current == Byte.comma { index += 1; continue }
                if current == Byte.rightBrace { break }
                throw error("expected ',' or '}' in the mapping opened on line \(startLine)")
            }
            index += 1
            return YAMLNode(value: .mapping(pairs), line: startLine)
        case Byte.doubleQuote, Byte.singleQuote:
            return YAMLNode(value: .scalar(try quoted(parentIndent: parentIndent)), line: startLine)
        case Byte.comma, Byte.rightBracket, Byte.rightBrace:
            throw error("an empty entry (two commas in a row, or a comma first)")
        default:
            try refuseUnsupported()
            return YAMLNode(value: .scalar(try flowPlain(parentIndent: parentIndent)), line: startLine)
        }
    }

    /// A plain scalar inside brackets: it ends at , [ ] { }, at ': ' or at a comment.
    private mutating func flowPlain(parentIndent: Int) throws(YAMLSyntaxError) -> String {
        var text: [UInt8] = []
        let start = index
        while index < bytes.count {
            let here = bytes[index]
            if here == Byte.newline || here == Byte.comma || here == Byte.leftBracket || here == Byte.rightBracket
                || here == Byte.leftBrace || here == Byte.rightBrace { break }
            if here == Byte.colon, isBlankOrEnd(at: index + 1) || Self.isFlowIndicator(byte(at: index + 1)) { break }
            if here == Byte.hash, index > start, isBlank(bytes[index - 1]) { break }
            index += 1
        }
        var end = index
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        text.append(contentsOf: bytes[start..<end])
        return String(decoding: text, as: UTF8.self)
    }

    /// Spaces, line breaks and comments between flow items. A line indented no deeper than
    /// the parent means the bracket was never closed.
    private mutating func skipFlowSpace(parentIndent: Int, unclosed: YAMLSyntaxError) throws(YAMLSyntaxError) {
        while true {
            guard index < bytes.count else { throw unclosed }
            let byte = bytes[index]
            if isBlank(byte) {
                index += 1
            } else if byte == Byte.hash, index == lineStart || isBlank(bytes[index - 1]) {
                index = lineEnd(from: index)
            } else if byte == Byte.newline {
                advancePastLineEnd()
                var position = index
                while position < bytes.count, isBlank(bytes[position]) { position += 1 }
                let blank = position >= bytes.count || bytes[position] == Byte.newline || bytes[position] == Byte.hash
                if !blank, parentIndent >= 0, position - lineStart <= parentIndent { throw unclosed }
            } else {
                return
            }
        }
    }

    private static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == Byte.comma || byte == Byte.leftBracket || byte == Byte.rightBracket
            || byte == Byte.leftBrace || byte == Byte.rightBrace
    }

    // MARK: Lines

    /// Skips blank and comment-only lines from the start of a line to the first character of
    /// the next line with content. False at the end of the text.
    private mutating func skipToContent() throws(YAMLSyntaxError) -> Bool {
        var blankLines = 0
        return try skipToContent(blankLines: &blankLines)
    }

    /// As `skipToContent()`, counting the blank lines passed; a comment line sets the count
    /// to -1 (nothing may continue a plain scalar past a comment).
    private mutating func skipToContent(blankLines: inout Int) throws(YAMLSyntaxError) -> Bool {
        while index < bytes.count {
            var position = index
            while position < bytes.count, bytes[position] == Byte.space { position += 1 }
            var content = position
            while content < bytes.count, bytes[content] == Byte.tab || bytes[content] == Byte.space { content += 1 }
            if content >= bytes.count { index = content; return false }
            let byte = bytes[content]
            if byte == Byte.newline {
                if blankLines >= 0 { blankLines += 1 }
                index = content
                advancePastLineEnd()
                continue
            }
            if byte == Byte.hash {
                blankLines = -1
                index = lineEnd(from: content)
                advancePastLineEnd()
                continue
            }
            if content != position {
                index = position
                throw error("a tab is used to indent this line; YAML needs spaces")
            }
            index = content
            return true
        }
        return false
    }

    /// Skips trailing spaces and a comment, then moves to the next line. Anything else left
    /// on the line is an error.
    private mutating func finishLine(after what: String) throws(YAMLSyntaxError) {
        skipSpaces()
        if index < bytes.count, bytes[index] == Byte.hash, index == lineStart || isBlank(bytes[index - 1]) {
            index = lineEnd(from: index)
        }
        guard atLineEnd else { throw error("unexpected text after \(what)") }
        advancePastLineEnd()
    }

    /// From a line break (or the end), to the start of the next line.
    private mutating func advancePastLineEnd() {
        guard index < bytes.count else { return }
        index += 1
        line += 1
        lineStart = index
    }

    private mutating func skipSpaces() {
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
    }

    private func lineEnd(from position: Int) -> Int {
        var end = position
        while end < bytes.count, bytes[end] != Byte.newline { end += 1 }
        return end
    }

    private mutating func refuseUnsupported() throws(YAMLSyntaxError) {
        switch current {
        case Byte.ampersand: throw error("YAML anchors (&name) are not supported here; write the value out")
        case Byte.asterisk: throw error("YAML aliases (*name) are not supported here; write the value out")
        case Byte.exclamation: throw error("YAML tags (!tag) are not supported here; every value is read as text")
        case Byte.question where isBlankOrEnd(at: index + 1): throw error("YAML complex keys (? key) are not supported here")
        case Byte.at, Byte.backtick: throw error("a value cannot start with @ or `; put it in double quotes")
        default: return
        }
    }

    private var current: UInt8 { byte(at: index) }
    private var column: Int { index - lineStart }
    private var atLineEnd: Bool { index >= bytes.count || bytes[index] == Byte.newline }
    private var atLineEndOrComment: Bool { atLineEnd || bytes[index] == Byte.hash }

    /// The byte at `position`; a line break past the end, so the end reads like a line end.
    private func byte(at position: Int) -> UInt8 { position < bytes.count ? bytes[position] : Byte.newline }
    private func isBlankOrEnd(at position: Int) -> Bool {
        let byte = byte(at: position)
        return byte == Byte.space || byte == Byte.tab || byte == Byte.newline
    }
    private func isBlank(_ byte: UInt8) -> Bool { byte == Byte.space || byte == Byte.tab }

    /// `---` or `...` alone at the start of a line.
    private func isDocumentMarker(_ mark: UInt8) -> Bool {
        column == 0 && index + 2 < bytes.count && bytes[index] == mark && bytes[index + 1] == mark
            && bytes[index + 2] == mark && isBlankOrEnd(at: index + 3)
    }

    private func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    private func error(_ message: String) -> YAMLSyntaxError { YAMLSyntaxError(line: line, message: message) }
}

private enum Byte {
    static let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21, doubleQuote: UInt8 = 0x22, hash: UInt8 = 0x23, percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26, singleQuote: UInt8 = 0x27, asterisk: UInt8 = 0x2A, plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C, dash: UInt8 = 0x2D, dot: UInt8 = 0x2E, colon: UInt8 = 0x3A
    static let greater: UInt8 = 0x3E, question: UInt8 = 0x3F, at: UInt8 = 0x40, leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C, rightBracket: UInt8 = 0x5D, backtick: UInt8 = 0x60
    static let leftBrace: UInt8 = 0x7B, pipe: UInt8 = 0x7C, rightBrace: UInt8 = 0x7D
}
