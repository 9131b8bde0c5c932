/// Flesch-Kincaid grade level, implemented here so `lint` needs no outside tool:
/// grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
public struct Readability: Equatable, Sendable {
    public let sentences: Int
    public let words: Int
    public let syllables: Int

    /// Counts `pieces` of text: each is a sentence or more. A piece that does not end with
    /// . ! or ? (a heading, a bullet, a table cell) still counts as one sentence, as a reader
    /// takes it in one go.
    public init(_ pieces: [String]) {
        var sentences = 0, words = 0, syllables = 0
        // Words of plain ASCII, nearly all of them, are counted on their bytes; any other word
        // as Characters. The same rules either way: Characters cost `lint`, and so every start
        // without a snapshot, about 40 ms on the shipped pack.
        var letters: [UInt8] = []
        letters.reserveCapacity(32)
        for piece in pieces {
            var pieceWords = 0
            var endsSentence = false
            var text = piece
            text.withUTF8 { bytes in
                var start = 0
                while start < bytes.count {
                    var end = start
                    var ascii = true
                    while end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x0A {
                        if bytes[end] >= 0x80 { ascii = false }
                        end += 1
                    }
                    defer { start = end + 1 }
                    guard end > start else { continue }
                    let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    let counted: (syllables: Int, endsSentence: Bool)?
                    if ascii {
                        letters.removeAll(keepingCapacity: true)
                        for byte in token where Self.isASCIIAlphanumeric(byte) { letters.append(byte | Self.lowercaseBit(byte)) }
                        counted = letters.isEmpty ? nil : (Self.syllables(inLowercaseASCII: letters),
                                                           Self.endsSentence(token.reversed().first { !Self.asciiClosers.contains($0) }.map { Character(Unicode.Scalar($0)) }))
                    } else {
                        let word = String(decoding: token, as: UTF8.self)
                        let kept = word.filter { $0.isLetter || $0.isNumber }
                        counted = kept.isEmpty ? nil : (Self.syllables(in: kept),
                                                        Self.endsSentence(word.reversed().first { !Self.closers.contains($0) }))
                    }
                    guard let counted else { continue }
                    pieceWords += 1
                    syllables += counted.syllables
                    // A sentence ends at . ! or ? after a word, closing quotes and brackets aside.
                    endsSentence = counted.endsSentence
                    if endsSentence { sentences += 1 }
                }
            }
            words += pieceWords
            if pieceWords > 0 && !endsSentence { sentences += 1 }
        }
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
    }

    private static let closers: Set<Character> = ["\"", "'", ")", "]", "»", "”", "’"]
    private static let asciiClosers: [UInt8] = Array("\"')]".utf8)

    private static func endsSentence(_ last: Character?) -> Bool { last.map { ".!?".contains($0) } ?? false }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// 0x20 for an upper-case ASCII letter (OR it in to lower-case it), else 0.
    private static func lowercaseBit(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? 0x20 : 0 }

    /// The Flesch-Kincaid grade; 0 for no text.
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
    /// Letters before which a final e or es is said, as in "table" and "goes".
    private static let keepsE: Set<Character> = ["l", "a", "e", "i", "o", "u", "y"]

    /// Syllables in one English word, by the usual heuristic: count groups of vowels (y
    /// included), after dropping a silent final e or es/ed. A number counts as one.
    public static func syllables(in word: String) -> Int {
        let lower = word.lowercased()
        guard lower.allSatisfy({ $0.isLetter }) else { return 1 }
        if lower.utf8.allSatisfy({ $0 < 0x80 }) { return syllables(inLowercaseASCII: Array(lower.utf8)) }
        return count(Array(lower), vowel: { vowels.contains($0) }, keepsE: { keepsE.contains($0) }, isHiatus: isHiatus)
    }

    /// The same for a word of lower-case ASCII letters and digits, on its bytes.
    static func syllables(inLowercaseASCII letters: [UInt8]) -> Int {
        guard letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return 1 }
        return count(letters, vowel: { "aeiouy".utf8.contains($0) }, keepsE: { "laeiouy".utf8.contains($0) },
                     isHiatus: { letters, index in
                         isHiatus(Character(Unicode.Scalar(letters[index - 1])), Character(Unicode.Scalar(letters[index])),
                                  before: index >= 2 ? Character(Unicode.Scalar(letters[index - 2])) : nil)
                     })
    }

    private static func count<Letter: Equatable>(_ word: [Letter], vowel: (Letter) -> Bool, keepsE: (Letter) -> Bool,
                                                 isHiatus: ([Letter], Int) -> Bool) -> Int where Letter: ExpressibleByLetters {
        var letters = word
        if letters.count <= 3 { return 1 }
        let last = letters[letters.count - 1], second = letters[letters.count - 2]
        if second == .e && last == .s && !keepsE(letters[letters.count - 3]) {
            letters.removeLast(2)
        } else if second == .e && last == .d {
            letters.removeLast(2)
        } else if last == .e && !keepsE(second) {
            letters.removeLast()
        }
        if letters.first == .y { letters.removeFirst() }
        var count = 0, run = 0
        for index in letters.indices {
            if vowel(letters[index]) {
                run += 1
                if run == 1 || run == 3 { count += 1 }   // a group of up to two vowels is one syllable,
                if run == 2 && isHiatus(letters, index) { count += 1 }   // unless they are said apart
                if run == 3 { run = 1 }
            } else {
                run = 0
            }
        }
        return max(1, count)
    }

    private static func isHiatus(_ letters: [Character], at index: Int) -> Bool {
        isHiatus(letters[index - 1], letters[index], before: index >= 2 ? letters[index - 2] : nil)
    }

    /// Two vowels said as two syllables: cal-ci-um, ra-di-o, vi-o-lent. Not in -tion, -cial,
    /// -sion, -gion, where the i is silent.
    private static func isHiatus(_ first: Character, _ second: Character, before: Character?) -> Bool {
        let pair = String([first, second])
        guard ["ia", "io", "iu", "eo", "ua", "uo"].contains(pair) else { return false }
        if (pair == "ia" || pair == "io"), let before, "tcsg".contains(before) { return false }
        return true
    }
}

/// The letters the syllable rules name, as Characters or as ASCII bytes.
protocol ExpressibleByLetters {
    static var e: Self { get }
    static var s: Self { get }
    static var d: Self { get }
    static var y: Self { get }
}

extension Character: ExpressibleByLetters {
    static var e: Character { "e" }
    static var s: Character { "s" }
    static var d: Character { "d" }
    static var y: Character { "y" }
}

extension UInt8: ExpressibleByLetters {
    static var e: UInt8 { 0x65 }
    static var s: UInt8 { 0x73 }
    static var d: UInt8 { 0x64 }
    static var y: UInt8 { 0x79 }
}
