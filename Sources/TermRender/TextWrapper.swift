/// Word-wraps styled text by display width. Runs of spaces fold to one; a newline forces a
/// break; a word longer than the line is broken between graphemes. Callers cache the result
/// per width: wrapping is done once per width, never per keystroke.
///
/// It works on UTF-8 bytes: words and lines are gathered in reused byte buffers and become
/// Strings once per styled run of a finished line. (Building a Span per word and joining them
/// cost about 550 instructions per byte of text, half of the first frame's layout.)
public enum TextWrapper {
    /// Wraps `spans` into lines of at most `width` columns. The first line starts with
    /// `firstIndent`, later ones with `restIndent` (for bullets and hanging indents).
    public static func wrap(_ spans: [Span], width: Int,
                            firstIndent: [Span] = [], restIndent: [Span] = []) -> [StyledLine] {
        var builder = LineBuilder(width: max(1, width), firstIndent: firstIndent, restIndent: restIndent)
        for span in spans {
            // Spaces and newlines are ASCII, so the text can be cut at them byte by byte.
            var text = span.text
            text.makeContiguousUTF8()
            let style = Style(role: span.role, tag: span.tag)
            text.utf8.withContiguousStorageIfAvailable { bytes in
                var start = 0
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") else { continue }
                    if start < index { builder.addToWord(UnsafeBufferPointer(rebasing: bytes[start..<index]), style) }
                    builder.flushWord()
                    if byte == UInt8(ascii: "\n") {
                        builder.breakLine()
                    } else {
                        builder.pendingSpace = style
                    }
                    start = index + 1
                }
                if start < bytes.count { builder.addToWord(UnsafeBufferPointer(rebasing: bytes[start...]), style) }
            }
        }
        builder.flushWord()
        return builder.finish()
    }
}

/// A span's look: what a run of text shares.
private struct Style: Equatable {
    var role: Role
    var tag: Int?
}

/// Styled text as one byte buffer and where each style's run ends in it. Adjacent runs of
/// the same style merge as they are added; empty runs are never kept.
private struct Runs {
    var bytes: [UInt8] = []
    var ends: [(style: Style, end: Int)] = []
    var width = 0

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>, _ style: Style, width pieceWidth: Int) {
        guard !piece.isEmpty else { return }
        bytes.append(contentsOf: piece)
        width += pieceWidth
        if let last = ends.last, last.style == style {
            ends[ends.count - 1].end = bytes.count
        } else {
            ends.append((style, bytes.count))
        }
    }

    mutating func append(_ runs: Runs) {
        var start = 0
        runs.bytes.withUnsafeBufferPointer { all in
            for (style, end) in runs.ends {
                append(UnsafeBufferPointer(rebasing: all[start..<end]), style, width: 0)
                start = end
            }
        }
        width += runs.width
    }

    mutating func append(_ spans: [Span]) {
        for span in spans {
            var text = span.text
            text.makeContiguousUTF8()
            let spanWidth = DisplayWidth.of(text)
            text.utf8.withContiguousStorageIfAvailable { append($0, Style(role: span.role, tag: span.tag), width: spanWidth) }
        }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        width = 0
    }

    var spans: [Span] {
        var start = 0
        return ends.map { style, end in
            defer { start = end }
            return Span(String(decoding: bytes[start..<end], as: UTF8.self), style.role, tag: style.tag)
        }
    }
}

private struct LineBuilder {
    let width: Int
    let firstIndent: [Span]
    let restIndent: [Span]
    var lines: [StyledLine] = []
    var current = Runs()
    var word = Runs()
    var hasWords = false
    /// The style of the space before the next word: that of the text it came from.
    var pendingSpace: Style?
    private static let space: [UInt8] = [UInt8(ascii: " ")]

    init(width: Int, firstIndent: [Span], restIndent: [Span]) {
        self.width = width
        self.firstIndent = firstIndent
        self.restIndent = restIndent
        start(with: firstIndent)
    }

    private mutating func start(with indent: [Span]) {
        current.removeAll()
        current.append(indent)
        hasWords = false
        pendingSpace = nil
    }

    mutating func breakLine() {
        lines.append(current.spans)
        start(with: restIndent)
    }

    mutating func addToWord(_ piece: UnsafeBufferPointer<UInt8>, _ style: Style) {
        var ascii = true
        for byte in piece where byte >= 0x80 {
            ascii = false
            break
        }
        let pieceWidth = ascii ? piece.count : DisplayWidth.of(String(decoding: piece, as: UTF8.self))
        word.append(piece, style, width: pieceWidth)
    }

    mutating func flushWord() {
        guard !word.isEmpty else { return }
        addWord()
        word.removeAll()
    }

    private mutating func addWord() {
        let spaceWidth = hasWords && pendingSpace != nil ? 1 : 0
        if current.width + spaceWidth + word.width <= width {
            if spaceWidth == 1, let style = pendingSpace {
                Self.space.withUnsafeBufferPointer { current.append($0, style, width: 1) }
            }
            appendWord()
            return
        }
        if hasWords { breakLine() }
        if current.width + word.width <= width {
            appendWord()
            return
        }
        // Longer than a whole line: break it between graphemes.
        for span in word.spans {
            let style = Style(role: span.role, tag: span.tag)
            for character in span.text {
                let characterWidth = DisplayWidth.of(character)
                if current.width + characterWidth > width && hasWords { breakLine() }
                var text = String(character)
                text.makeContiguousUTF8()
                text.utf8.withContiguousStorageIfAvailable { current.append($0, style, width: characterWidth) }
                hasWords = true
            }
        }
        pendingSpace = nil
    }

    private mutating func appendWord() {
        current.append(word)
        hasWords = true
        pendingSpace = nil
    }

    mutating func finish() -> [StyledLine] {
        if hasWords || lines.isEmpty { lines.append(current.spans) }
        return lines
    }
}
