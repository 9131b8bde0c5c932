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
        var runs: [InlineRun] = []
        var strong = false
        var current = ""
        var rest = Substring(text)

        func flush() {
            if !current.isEmpty { runs.append(InlineRun(text: current, strong: strong)) }
            current = ""
        }

        while let first = rest.first {
            if rest.hasPrefix("**") {
                flush()
                strong.toggle()
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("[[") {
                guard let close = rest.range(of: "]]") else {
                    throw SyntaxError(message: "a link opened with [[ is never closed with ]]")
                }
                flush()
                let inside = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                runs.append(try link(String(inside), strong: strong))
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("]]") {
                throw SyntaxError(message: "]] without a matching [[")
            } else {
                current.append(first)
                rest = rest.dropFirst()
            }
        }
        flush()
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
        let characters = Array(self)
        var start = 0, end = characters.count
        while start < end, characters[start] == " " || characters[start] == "\n" { start += 1 }
        while end > start, characters[end - 1] == " " || characters[end - 1] == "\n" { end -= 1 }
        return String(characters[start..<end])
    }
}
