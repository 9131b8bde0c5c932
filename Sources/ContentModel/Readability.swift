/// Readability, implemented here so `lint` needs no outside tool. English: the Flesch-Kincaid
/// grade level, 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59. Spanish: the
/// Fernández-Huerta index, 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences)
/// (Fernández Huerta 1959, with the correction Law (2011) showed: the last term is words per
/// sentence, as in Flesch's formula it adapts); 70 to 80 is "bastante fácil", about grade 6,
/// and 60 to 70 "normal", grades 7 and 8.
public struct Readability: Equatable, Sendable {
    /// The language whose syllable rules count the words.
    public enum Language: Sendable {
        case english
        case spanish

        /// The rules for a pack's `language:` ("es", "es-US": Spanish; anything else English).
        public init(code: String) {
            self = code.lowercased().hasPrefix("es") ? .spanish : .english
        }
    }

    public let language: Language
    public let sentences: Int
    public let words: Int
    public let syllables: Int

    /// Counts `pieces` of text: each is a sentence or more. A piece that does not end with
    /// . ! or ? (a heading, a bullet, a table cell) still counts as one sentence, as a reader
    /// takes it in one go.
    public init(_ pieces: [String], language: Language = .english) {
        self.language = language
        let spanish = language == .spanish
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
                    syllables += spanish ? Self.countSpanish(letters) : Self.count(letters)
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

    /// The Fernández-Huerta index (higher is easier); 0 for no text.
    public var fernandezHuerta: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 206.84 - 60 * Double(syllables) / Double(words) - 1.02 * Double(words) / Double(sentences)
    }

    /// Syllables in one English word, by the usual heuristic: count groups of vowels (y
    /// included), after dropping a silent final e or es/ed. A number counts as one.
    public static func syllables(in word: String) -> Int { count(scalars(word)) }

    /// Syllables in one Spanish word, by the rules of Spanish spelling (which say how a word
    /// is spoken): each vowel or group of vowels is one syllable, except that two strong
    /// vowels (a, e, o), or a weak one with a written accent (í, ú) beside another vowel, are
    /// said apart ("le-er", "dí-a"); i, u and ü beside another vowel join it ("ciu-dad",
    /// "bue-no", "U-ru-guay"); the u of qu, and of gu before e or i, is silent ("que", "guerra");
    /// y is a vowel only where no vowel follows it ("muy", "y", but "re-yes"). A number counts
    /// as one.
    public static func spanishSyllables(in word: String) -> Int { countSpanish(scalars(word)) }

    private static func countSpanish(_ word: [UInt32]) -> Int {
        if word.contains(where: { digits.contains($0) }) { return 1 }
        enum Sound { case strong, weak, accentedWeak, consonant }
        func sound(at index: Int) -> Sound {
            let letter = word[index]
            switch letter {
            case spanish.a, spanish.e, spanish.o, spanish.á, spanish.é, spanish.ó: return .strong
            case spanish.í, spanish.ú: return .accentedWeak
            case spanish.i, spanish.ü: return .weak
            case spanish.u:
                // Silent after q, and after g before e or i.
                let before = index > 0 ? word[index - 1] : 0
                let after = index + 1 < word.count ? word[index + 1] : 0
                if before == spanish.q { return .consonant }
                if before == spanish.g && [spanish.e, spanish.i, spanish.é, spanish.í].contains(after) { return .consonant }
                return .weak
            case spanish.y:
                // A vowel at the end of a word ("muy"), alone ("y"), or before a consonant.
                let after = index + 1 < word.count ? word[index + 1] : 0
                return spanishVowels.contains(after) ? .consonant : .weak
            default: return .consonant
            }
        }
        var count = 0
        var previous: Sound = .consonant
        for index in word.indices {
            let current = sound(at: index)
            switch (previous, current) {
            case (_, .consonant): break
            case (.consonant, _): count += 1                     // a new vowel group
            case (.strong, .strong), (.accentedWeak, _), (_, .accentedWeak): count += 1   // said apart
            default: break                                       // a diphthong or triphthong
            }
            previous = current
        }
        return max(1, count)
    }

    private enum spanish {
        static let (a, e, i, o, u) = (value("a"), value("e"), value("i"), value("o"), value("u"))
        static let (á, é, í, ó, ú, ü) = (value("á"), value("é"), value("í"), value("ó"), value("ú"), value("ü"))
        static let (q, g, y) = (value("q"), value("g"), value("y"))
        static func value(_ letter: Unicode.Scalar) -> UInt32 { letter.value }
    }
    private static let spanishVowels: [UInt32] = "aeiouáéíóúü".unicodeScalars.map(\.value)

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
