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
        for piece in pieces {
            var pieceWords = 0
            var endsSentence = false
            for token in piece.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let letters = token.filter { $0.isLetter || $0.isNumber }
                guard !letters.isEmpty else { continue }
                pieceWords += 1
                syllables += Self.syllables(in: String(letters))
                // A sentence ends at . ! or ? after a word, closing quotes and brackets aside.
                let last = token.reversed().first { !"\"')]»”’".contains($0) }
                endsSentence = last.map { ".!?".contains($0) } ?? false
                if endsSentence { sentences += 1 }
            }
            words += pieceWords
            if pieceWords > 0 && !endsSentence { sentences += 1 }
        }
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
    }

    /// The Flesch-Kincaid grade; 0 for no text.
    public var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
    /// Letters before which a final e or es is said, as in "table" and "goes".
    private static let keepsE: Set<Character> = ["l", "a", "e", "i", "o", "u", "y"]

    /// Two vowels said as two syllables: cal-ci-um, ra-di-o, vi-o-lent. Not in -tion, -cial,
    /// -sion, -gion, where the i is silent.
    private static func isHiatus(_ letters: [Character], at index: Int) -> Bool {
        let pair = String([letters[index - 1], letters[index]])
        guard ["ia", "io", "iu", "eo", "ua", "uo"].contains(pair) else { return false }
        if (pair == "ia" || pair == "io"), index >= 2, "tcsg".contains(letters[index - 2]) { return false }
        return true
    }

    /// Syllables in one English word, by the usual heuristic: count groups of vowels (y
    /// included), after dropping a silent final e or es/ed. A number counts as one.
    public static func syllables(in word: String) -> Int {
        let lower = word.lowercased()
        guard lower.allSatisfy({ $0.isLetter }) else { return 1 }
        var letters = Array(lower)
        if letters.count <= 3 { return 1 }
        let last = letters[letters.count - 1], second = letters[letters.count - 2]
        if second == "e" && last == "s" && !keepsE.contains(letters[letters.count - 3]) {
            letters.removeLast(2)
        } else if second == "e" && last == "d" {
            letters.removeLast(2)
        } else if last == "e" && !keepsE.contains(second) {
            letters.removeLast()
        }
        if letters.first == "y" { letters.removeFirst() }
        var count = 0, run = 0
        for (index, letter) in letters.enumerated() {
            if vowels.contains(letter) {
                run += 1
                if run == 1 || run == 3 { count += 1 }   // a group of up to two vowels is one syllable,
                if run == 2 && isHiatus(letters, at: index) { count += 1 }   // unless they are said apart
                if run == 3 { run = 1 }
            } else {
                run = 0
            }
        }
        return max(1, count)
    }
}
