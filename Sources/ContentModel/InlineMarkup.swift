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
        // Scans Unicode scalars: the markup is ASCII, and this stays off Foundation's slower
        // string searching on the start-up path.
        let scalars = Array(text.unicodeScalars)
        var runs: [InlineRun] = []
        var strong = false
        var current = String.UnicodeScalarView()
        var index = 0

        func flush() {
            if !current.isEmpty { runs.append(InlineRun(text: String(current), strong: strong)) }
            current = String.UnicodeScalarView()
        }
        func pair(_ character: Unicode.Scalar, at position: Int) -> Bool {
            position + 1 < scalars.count && scalars[position] == character && scalars[position + 1] == character
        }

        while index < scalars.count {
            if pair("*", at: index) {
                flush()
                strong.toggle()
                index += 2
            } else if pair("[", at: index) {
                var close = index + 2
                while close < scalars.count && !pair("]", at: close) { close += 1 }
                guard close < scalars.count else {
                    throw SyntaxError(message: "a link opened with [[ is never closed with ]]")
                }
                flush()
                var inside = String.UnicodeScalarView()
                inside.append(contentsOf: scalars[(index + 2)..<close])
                runs.append(try link(String(inside), strong: strong))
                index = close + 2
            } else if pair("]", at: index) {
                throw SyntaxError(message: "]] without a matching [[")
            } else {
                current.append(scalars[index])
                index += 1
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
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\n" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\n" }) else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }
}
