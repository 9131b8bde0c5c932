import TermRender

/// The word wrapper as it was before it worked on bytes (November 2026), kept as the oracle
/// the faster one must agree with exactly (TextWrapperTests).
/// Word-wraps styled text by display width. Runs of spaces fold to one; a newline forces a
/// break; a word longer than the line is broken between graphemes. Callers cache the result
/// per width: wrapping is done once per width, never per keystroke.
enum ReferenceWrapper {
    /// Wraps `spans` into lines of at most `width` columns. The first line starts with
    /// `firstIndent`, later ones with `restIndent` (for bullets and hanging indents).
    static func wrap(_ spans: [Span], width: Int,
                            firstIndent: [Span] = [], restIndent: [Span] = []) -> [StyledLine] {
        var builder = ReferenceLineBuilder(width: max(1, width), firstIndent: firstIndent, restIndent: restIndent)
        var word: [Span] = []

        func flushWord() {
            if !word.isEmpty { builder.add(word: word) }
            word.removeAll()
        }

        for span in spans {
            // Spaces and newlines are ASCII, so the text can be cut at them byte by byte:
            // no grapheme breaking on this path, which runs for every line of every panel.
            var text = span.text
            text.makeContiguousUTF8()
            text.utf8.withContiguousStorageIfAvailable { bytes in
                var start = 0
                func piece(upTo end: Int) {
                    if start < end {
                        word.append(Span(String(decoding: bytes[start..<end], as: UTF8.self), span.role, tag: span.tag))
                    }
                }
                for index in 0..<bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\n"):
                        piece(upTo: index)
                        flushWord()
                        builder.breakLine()
                        start = index + 1
                    case UInt8(ascii: " "):
                        piece(upTo: index)
                        flushWord()
                        builder.pendingSpace = Span(" ", span.role, tag: span.tag)
                        start = index + 1
                    default:
                        break
                    }
                }
                piece(upTo: bytes.count)
            }
        }
        flushWord()
        return builder.finish()
    }
}

private struct ReferenceLineBuilder {
    let width: Int
    let firstIndent: [Span]
    let restIndent: [Span]
    var lines: [StyledLine] = []
    var current: [Span] = []
    var currentWidth = 0
    var hasWords = false
    /// The space before the next word, styled like the text it came from.
    var pendingSpace: Span?

    init(width: Int, firstIndent: [Span], restIndent: [Span]) {
        self.width = width
        self.firstIndent = firstIndent
        self.restIndent = restIndent
        start(with: firstIndent)
    }

    private mutating func start(with indent: [Span]) {
        current = indent
        currentWidth = indent.displayWidth
        hasWords = false
        pendingSpace = nil
    }

    mutating func breakLine() {
        lines.append(merged(current))
        start(with: restIndent)
    }

    mutating func add(word: [Span]) {
        let wordWidth = word.displayWidth
        let spaceWidth = hasWords && pendingSpace != nil ? 1 : 0
        if currentWidth + spaceWidth + wordWidth <= width {
            if spaceWidth == 1 {
                current.append(pendingSpace ?? Span(" "))
                currentWidth += 1
            }
            append(word, width: wordWidth)
            return
        }
        if hasWords { breakLine() }
        if currentWidth + wordWidth <= width {
            append(word, width: wordWidth)
            return
        }
        // Longer than a whole line: break it between graphemes.
        for span in word {
            for character in span.text {
                let characterWidth = DisplayWidth.of(character)
                if currentWidth + characterWidth > width && hasWords { breakLine() }
                current.append(Span(String(character), span.role, tag: span.tag))
                currentWidth += characterWidth
                hasWords = true
            }
        }
        pendingSpace = nil
    }

    private mutating func append(_ word: [Span], width wordWidth: Int) {
        current.append(contentsOf: word)
        currentWidth += wordWidth
        hasWords = true
        pendingSpace = nil
    }

    mutating func finish() -> [StyledLine] {
        if hasWords || lines.isEmpty { lines.append(merged(current)) }
        return lines
    }

    private func merged(_ spans: [Span]) -> StyledLine {
        var result: [Span] = []
        for span in spans where !span.text.isEmpty {
            if let last = result.last, last.role == span.role, last.tag == span.tag {
                result[result.count - 1].text += span.text
            } else {
                result.append(span)
            }
        }
        return result
    }
}
