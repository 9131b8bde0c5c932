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
        // is ever an ASCII byte, so cutting at markup bytes is always at character boundaries.
        // Every text is parsed at load time, so this is on the start-up path.
        var text = text
        text.makeContiguousUTF8()
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in parse(bytes) }
        switch result {
        case .success(let runs)?: return runs
        case .failure(let error)?: throw error
        case nil: return [InlineRun(text: text)]   // not reached: the text was made contiguous
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[InlineRun], SyntaxError> {
        func isPair(_ byte: UInt8, at position: Int) -> Bool {
            position + 1 < bytes.count && bytes[position] == byte && bytes[position + 1] == byte
        }
        func slice(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

        guard bytes.contains(where: { $0 == asterisk || $0 == open || $0 == close }) else {
            return .success(bytes.isEmpty ? [] : [InlineRun(text: slice(0, bytes.count))])
        }
        var runs: [InlineRun] = []
        var strong = false
        var runStart = 0
        var index = 0
        while index < bytes.count {
            if isPair(asterisk, at: index) {
                if runStart < index { runs.append(InlineRun(text: slice(runStart, index), strong: strong)) }
                strong.toggle()
                index += 2
                runStart = index
            } else if isPair(open, at: index) {
                var end = index + 2
                while end < bytes.count && !isPair(close, at: end) { end += 1 }
                guard end < bytes.count else {
                    return .failure(SyntaxError(message: "a link opened with [[ is never closed with ]]"))
                }
                if runStart < index { runs.append(InlineRun(text: slice(runStart, index), strong: strong)) }
                do {
                    runs.append(try link(slice(index + 2, end), strong: strong))
                } catch {
                    return .failure(error)
                }
                index = end + 2
                runStart = index
            } else if isPair(close, at: index) {
                return .failure(SyntaxError(message: "]] without a matching [["))
            } else {
                index += 1
            }
        }
        if runStart < bytes.count { runs.append(InlineRun(text: slice(runStart, bytes.count), strong: strong)) }
        if strong { return .failure(SyntaxError(message: "bold text opened with ** is never closed")) }
        return .success(runs)
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
    /// On the UTF-8 bytes (space and newline are single bytes): building a string from a
    /// slice of Unicode scalars costs a hundred times more.
    public var trimmingSpaces: String {
        let bytes = String(self).utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x0A }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
