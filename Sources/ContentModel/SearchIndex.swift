import TermRender

/// One place a search found its words.
public struct SearchHit: Equatable, Sendable {
    /// The panel that shows the text.
    public let topic: Int
    /// The text around the match, plain, on one line.
    public let snippet: String
    /// Where the match is in `snippet`, in characters.
    public let matchStart: Int
    public let matchLength: Int

    public init(topic: Int, snippet: String, matchStart: Int, matchLength: Int) {
        self.topic = topic
        self.snippet = snippet
        self.matchStart = matchStart
        self.matchLength = matchLength
    }
}

/// Finds words in titles, text, glossary and sources, ignoring case and accents. Titles
/// rank first, then messages and headings, then the rest, each in panel order.
public final class SearchIndex: Sendable {
    private struct Entry: Sendable {
        let topic: Int
        let rank: Int
        let text: String
        /// `text` folded (lowercase, no accents), one Character for each of `text`'s, as UTF-8.
        let folded: [UInt8]
    }

    private let entries: [Entry]

    public init(pack: ContentPack) {
        var entries: [Entry] = []
        for (index, topic) in pack.topics.enumerated() {
            for segment in ScreenText.segments(of: topic, at: index, in: pack) {
                let text = InlineMarkup.plainText(segment.text).replacingNewlines
                let rank: Int
                switch segment.kind {
                case .title: rank = 0
                case .heading: rank = 1
                case .label, .body: rank = segment.path.last == .key("message") ? 1 : 2
                }
                entries.append(Entry(topic: index, rank: rank, text: text, folded: Array(SearchIndex.fold(text).utf8)))
            }
        }
        self.entries = entries
    }

    /// The most hits a search lists: more than anyone reads through, and a one-letter query
    /// would otherwise list every line of the pack. The views say "or more" when it is reached.
    public static let listLimit = 100

    /// The hits for `query`, best first, at most `limit`. An empty query finds nothing.
    public func search(_ query: String, limit: Int = listLimit) -> [SearchHit] {
        let folded = SearchIndex.fold(Self.printable(query).trimmingSpaces)
        let needle = Array(folded.utf8)
        guard !needle.isEmpty else { return [] }
        var found: [(rank: Int, order: Int, offset: Int)] = []
        for (order, entry) in entries.enumerated() {
            guard let (start, _) = SearchIndex.characterOffset(of: needle, in: entry.folded) else { continue }
            // Folded text has one scalar per Character, so lead bytes count Characters.
            found.append((entry.rank, order, entry.folded[..<start].filter { $0 & 0xC0 != 0x80 }.count))
        }
        found.sort { ($0.rank, $0.order) < ($1.rank, $1.order) }
        // Snippets only for the hits shown: a one-letter query matches nearly everything.
        return found.prefix(limit).map { SearchIndex.hit(entries[$0.order], at: $0.offset, length: folded.count) }
    }

    /// The word of the content that `query` most likely meant, when it is one word of at
    /// least 4 letters one slip away (a letter missing, added, changed, or two swapped:
    /// "opiod", "ketamnie", "fibromyalga"): the most common such word, else the first. Only
    /// asked when a search finds nothing, so the scan of every word costs nothing otherwise.
    public func spelling(near query: String) -> String? {
        let needle = Array(SearchIndex.fold(Self.printable(query).trimmingSpaces).utf8)
        guard needle.count >= 4, needle.allSatisfy(Self.isWordByte) else { return nil }
        var counts: [[UInt8]: Int] = [:]
        var order: [[UInt8]] = []
        for entry in entries {
            var start = 0
            while start < entry.folded.count {
                guard Self.isWordByte(entry.folded[start]) else { start += 1; continue }
                var end = start
                while end < entry.folded.count, Self.isWordByte(entry.folded[end]) { end += 1 }
                if abs(end - start - needle.count) <= 1 {
                    let word = Array(entry.folded[start..<end])
                    if Self.oneSlipApart(needle, word) {
                        if counts[word] == nil { order.append(word) }
                        counts[word, default: 0] += 1
                    }
                }
                start = end
            }
        }
        let best = order.max { counts[$0]! < counts[$1]! }   // the first of equals
        return best.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Letters of folded text (ASCII letters, and any byte of a non-ASCII letter).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || byte >= 0x80
    }

    /// Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours
    /// (and is not `b` already).
    package static func oneSlipApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a != b else { return false }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        let restA = a[prefix...], restB = b[prefix...]
        switch a.count - b.count {
        case 0:
            if restA.dropFirst().elementsEqual(restB.dropFirst()) { return true }   // one changed
            return restA.count >= 2 && restA.first == restB.dropFirst().first && restB.first == restA.dropFirst().first
                && restA.dropFirst(2).elementsEqual(restB.dropFirst(2))                  // two swapped
        case 1: return restA.dropFirst().elementsEqual(restB)                           // one added
        case -1: return restA.elementsEqual(restB.dropFirst())                          // one missing
        default: return false
        }
    }

    /// Lowercase, with accents and other combining marks removed: "Ménière" becomes
    /// "meniere". Each Character stays one Character, so offsets carry over to the text.
    public static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            result.unicodeScalars.append(first.isASCII ? asciiLowercase(first) : baseLetter(of: first))
        }
        return result
    }

    private static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
    }

    /// One scalar for one scalar, so folded text keeps one scalar per Character.
    private static func baseLetter(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        for (letter, variants) in accentTable where variants.unicodeScalars.contains(lower) { return letter }
        return lower
    }

    /// Latin letters with accents, by their plain letter (Latin-1 and Latin Extended-A).
    private static let accentTable: [(Unicode.Scalar, String)] = [
        ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"),
        ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"),
        ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşšß"), ("t", "ţťŧ"), ("u", "ùúûüũūŭůűų"),
        ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
    ]

    /// Where `query` occurs in `text`, ignoring case and accents, as Character offsets into
    /// `text`. The one matcher behind search, marking matches and n/N.
    public static func occurrences(of query: String, in text: String) -> [Range<Int>] {
        let needle = Array(fold(printable(query).trimmingSpaces).utf8)
        var found: [Range<Int>] = []
        var from = 0
        let bytes = Array(fold(text).utf8)
        while let (start, end) = characterOffset(of: needle, in: bytes, from: from) {
            found.append(start..<end)
            from = end
        }
        return found.map { range in
            // Byte positions back to Character offsets: one scalar per Character in folded text.
            let prefix = bytes[..<range.lowerBound].filter { $0 & 0xC0 != 0x80 }.count
            let length = bytes[range].filter { $0 & 0xC0 != 0x80 }.count
            return prefix..<prefix + length
        }
    }

    /// The byte range of the first `needle` in `bytes` at or after byte `from`, both folded UTF-8.
    private static func characterOffset(of needle: [UInt8], in bytes: [UInt8], from: Int = 0) -> (Int, Int)? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var position = from
        let last = bytes.count - needle.count
        while position <= last {
            if bytes[position] == first {
                var matched = 1
                while matched < needle.count && bytes[position + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return (position, position + needle.count) }
            }
            position += 1
        }
        return nil
    }

    /// The query without control characters: it comes from the keyboard.
    private static func printable(_ query: String) -> String {
        String(String.UnicodeScalarView(query.unicodeScalars.filter { !Sanitizer.isForbidden($0) }))
    }

    private static func hit(_ entry: Entry, at offset: Int, length: Int) -> SearchHit {
        let characters = Array(entry.text)
        let context = 24
        let start = max(0, offset - context)
        let end = min(characters.count, offset + length + 40)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        return SearchHit(topic: entry.topic, snippet: prefix + String(characters[start..<end]) + suffix,
                         matchStart: offset - start + (start > 0 ? 1 : 0), matchLength: length)
    }
}

extension String {
    /// Line breaks as spaces, for one-line snippets.
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
