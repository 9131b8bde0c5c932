/// Where an inline link goes.
public enum InlineLink: Equatable, Hashable, Sendable {
    /// A glossary term, as written between `[[` and `]]`.
    case term(String)
    /// Another panel, by topic id.
    case topic(String)
}

/// A run of text with its inline style.
public struct InlineRun: Equatable, Sendable {
    public var text: String
    public var strong: Bool
    public var link: InlineLink?

    public init(text: String, strong: Bool = false, link: InlineLink? = nil) {
        self.text = text
        self.strong = strong
        self.link = link
    }
}

/// The pack's tiny inline markup: `**bold**`, `[[term]]` and `[[topic:id|label]]`.
public enum InlineMarkup {
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func parse(_ text: String) throws(SyntaxError) -> [InlineRun] {
        // Works on UTF-8 bytes: the markup is ASCII, and no byte of a multi-byte character
        // is ever an ASCII byte, so slicing at markup bytes is always at character boundaries.
        // Every text is parsed at load time, so this is on the start-up path.
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == asterisk || $0 == open || $0 == close }) else {
            return text.isEmpty ? [] : [InlineRun(text: text)]
        }
        var runs: [InlineRun] = []
        var strong = false
        var runStart = bytes.startIndex
        var index = bytes.startIndex

        func isPair(_ byte: UInt8, at position: String.Index) -> Bool {
            guard position < bytes.endIndex, bytes[position] == byte else { return false }
            let next = bytes.index(after: position)
            return next < bytes.endIndex && bytes[next] == byte
        }
        func flush(upTo end: String.Index) {
            if runStart < end { runs.append(InlineRun(text: String(text[runStart..<end]), strong: strong)) }
        }

        while index < bytes.endIndex {
            if isPair(asterisk, at: index) {
                flush(upTo: index)
                strong.toggle()
                index = bytes.index(index, offsetBy: 2)
                runStart = index
            } else if isPair(open, at: index) {
                let inside = bytes.index(index, offsetBy: 2)
                var end = inside
                while end < bytes.endIndex && !isPair(close, at: end) { end = bytes.index(after: end) }
                guard end < bytes.endIndex else {
                    throw SyntaxError(message: "a link opened with [[ is never closed with ]]")
                }
                flush(upTo: index)
                runs.append(try link(String(text[inside..<end]), strong: strong))
                index = bytes.index(end, offsetBy: 2)
                runStart = index
            } else if isPair(close, at: index) {
                throw SyntaxError(message: "]] without a matching [[")
            } else {
                index = bytes.index(after: index)
            }
        }
        flush(upTo: bytes.endIndex)
        if strong { throw SyntaxError(message: "bold text opened with ** is never closed") }
        return runs
    }

    private static let asterisk = UInt8(ascii: "*")
    private static let open = UInt8(ascii: "[")
    private static let close = UInt8(ascii: "]")

    /// The text a reader sees, markup removed.
    public static func plainText(_ text: String) -> String {
        ((try? parse(text)) ?? [InlineRun(text: text)]).map(\.text).joined()
    }

    private static func link(_ inside: String, strong: Bool) throws(SyntaxError) -> InlineRun {
        let trimmed = inside.trimmingSpaces
        guard !trimmed.isEmpty else { throw SyntaxError(message: "an empty link [[]]") }
        guard trimmed.hasPrefix("topic:") else {
            return InlineRun(text: trimmed, strong: strong, link: .term(trimmed))
        }
        let body = trimmed.dropFirst("topic:".count)
        guard let bar = body.firstIndex(of: "|") else {
            throw SyntaxError(message: "a topic link needs a label: [[topic:ID|label]]")
        }
        let id = body[..<bar].trimmingSpaces
        let label = body[body.index(after: bar)...].trimmingSpaces
        guard !id.isEmpty, !label.isEmpty else {
            throw SyntaxError(message: "a topic link needs an id and a label: [[topic:ID|label]]")
        }
        return InlineRun(text: label, strong: strong, link: .topic(id))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and newlines.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\n" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\n" }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
