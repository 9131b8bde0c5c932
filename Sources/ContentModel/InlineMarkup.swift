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
        // Walks the Unicode scalars and slices the original string: the markup is ASCII, and
        // this keeps Foundation's string search and generic appends off the start-up path.
        let scalars = text.unicodeScalars
        var runs: [InlineRun] = []
        var strong = false
        var runStart = scalars.startIndex
        var index = scalars.startIndex

        func isPair(_ character: Unicode.Scalar, at position: String.Index) -> Bool {
            guard position < scalars.endIndex, scalars[position] == character else { return false }
            let next = scalars.index(after: position)
            return next < scalars.endIndex && scalars[next] == character
        }
        func flush(upTo end: String.Index) {
            if runStart < end { runs.append(InlineRun(text: String(text[runStart..<end]), strong: strong)) }
        }

        while index < scalars.endIndex {
            if isPair("*", at: index) {
                flush(upTo: index)
                strong.toggle()
                index = scalars.index(index, offsetBy: 2)
                runStart = index
            } else if isPair("[", at: index) {
                let inside = scalars.index(index, offsetBy: 2)
                var close = inside
                while close < scalars.endIndex && !isPair("]", at: close) { close = scalars.index(after: close) }
                guard close < scalars.endIndex else {
                    throw SyntaxError(message: "a link opened with [[ is never closed with ]]")
                }
                flush(upTo: index)
                runs.append(try link(String(text[inside..<close]), strong: strong))
                index = scalars.index(close, offsetBy: 2)
                runStart = index
            } else if isPair("]", at: index) {
                throw SyntaxError(message: "]] without a matching [[")
            } else {
                index = scalars.index(after: index)
            }
        }
        flush(upTo: scalars.endIndex)
        if strong { throw SyntaxError(message: "bold text opened with ** is never closed") }
        return runs
    }

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
