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
        // Words are read on their UTF-8 bytes, and counted as lower-case Unicode scalar
        // values: walking Characters cost `lint`, and so every start without a snapshot,
        // about 40 ms on the shipped pack. A word that is not plain ASCII (rare) goes through
        // Characters first, so both give what the Character rules give.
        var letters: [UInt32] = []
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
                    let last: Character?
                    if ascii {
                        letters.removeAll(keepingCapacity: true)
                        for byte in token where Self.isASCIIAlphanumeric(byte) { letters.append(UInt32(byte | Self.lowercaseBit(byte))) }
                        last = token.reversed().first { !Self.asciiClosers.contains($0) }.map { Character(Unicode.Scalar($0)) }
                    } else {
                        let word = String(decoding: token, as: UTF8.self)
                        letters = Self.scalars(word.filter { $0.isLetter || $0.isNumber })
                        last = word.reversed().first { !Self.closers.contains($0) }
                    }
                    guard !letters.isEmpty else { continue }
                    pieceWords += 1
                    syllables += Self.count(letters)
                    // A sentence ends at . ! or ? after a word, closing quotes and brackets aside.
                    endsSentence = last.map { ".!?".contains($0) } ?? false
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

    /// Syllables in one English word, by the usual heuristic: count groups of vowels (y
    /// included), after dropping a silent final e or es/ed. A number counts as one.
    public static func syllables(in word: String) -> Int { count(scalars(word)) }

    /// The word lower-cased, a value per Character: its scalar, or `other` for a Character of
    /// several scalars (never a vowel, nor one of the letters the rules name). A word with
    /// anything but letters in it is a number: one digit stands for it.
    private static func scalars(_ word: String) -> [UInt32] {
        let lower = word.lowercased()
        guard lower.allSatisfy(\.isLetter) else { return [digits.lowerBound] }
        return lower.map { $0.unicodeScalars.count == 1 ? ($0.unicodeScalars.first?.value ?? other) : other }
    }

    private static let other: UInt32 = 0xFFFF_FFFF
    private static let digits: ClosedRange<UInt32> = 0x30...0x39

    private static func letter(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }
    private static let vowels: [UInt32] = "aeiouy".unicodeScalars.map(\.value)
    /// Letters before which a final e or es is said, as in "table" and "goes".
    private static let keepsE: [UInt32] = "laeiouy".unicodeScalars.map(\.value)
    /// Two vowels said as two syllables: cal-ci-um, ra-di-o, vi-o-lent.
    private static let hiatus: [(UInt32, UInt32)] = ["ia", "io", "iu", "eo", "ua", "uo"].map { pair in
        let scalars = pair.unicodeScalars.map(\.value)
        return (scalars[0], scalars[1])
    }
    /// Before which "ia" and "io" are one syllable: -tion, -cial, -sion, -gion.
    private static let silentI: [UInt32] = "tcsg".unicodeScalars.map(\.value)

    private static func count(_ word: [UInt32]) -> Int {
        // A number counts as one syllable.
        if word.contains(where: { digits.contains($0) }) { return 1 }
        var letters = word
        if letters.count <= 3 { return 1 }
        let (e, s, d, y) = (letter("e"), letter("s"), letter("d"), letter("y"))
        let (i, a, o) = (letter("i"), letter("a"), letter("o"))
        let last = letters[letters.count - 1], second = letters[letters.count - 2]
        if second == e && last == s && !keepsE.contains(letters[letters.count - 3]) {
            letters.removeLast(2)
        } else if second == e && last == d {
            letters.removeLast(2)
        } else if last == e && !keepsE.contains(second) {
            letters.removeLast()
        }
        if letters.first == y { letters.removeFirst() }
        var count = 0, run = 0
        for index in letters.indices {
            guard vowels.contains(letters[index]) else {
                run = 0
                continue
            }
            run += 1
            if run == 1 || run == 3 { count += 1 }   // a group of up to two vowels is one syllable,
            if run == 2 {                            // unless they are said apart
                let (first, second) = (letters[index - 1], letters[index])
                let silent = first == i && (second == a || second == o) && index >= 2 && silentI.contains(letters[index - 2])
                if hiatus.contains(where: { $0 == (first, second) }) && !silent { count += 1 }
            }
            if run == 3 { run = 1 }
        }
        return max(1, count)
    }
}
