import ContentModel
import Testing

/// The Flesch-Kincaid formula against examples counted by hand.
@Suite struct ReadabilityTests {
    @Test(arguments: [
        ("cat", 1), ("pain", 1), ("table", 2), ("chronic", 2), ("receptor", 3), ("ketamine", 3),
        ("anesthetic", 4), ("calcium", 3), ("makes", 1), ("yes", 1), ("every", 3), ("2309", 1),
        ("radio", 3), ("nation", 2), ("social", 2), ("infusion", 3), ("glutamate", 3), ("naïve", 1), ("café", 1), ("Ünterricht", 2),
    ])
    func countsSyllablesOfAWord(_ word: String, _ expected: Int) {
        #expect(Readability.syllables(in: word) == expected)
    }

    @Test func countsAShortTextByHand() {
        // 2 sentences; 9 words; syllables: The(1) cat(1) sat(1) on(1) the(1) mat(1) / Pain(1) is(1) real(1) = 9.
        let score = Readability(["The cat sat on the mat. Pain is real."])
        #expect(score.sentences == 2)
        #expect(score.words == 9)
        #expect(score.syllables == 9)
        // 0.39 × 4.5 + 11.8 × 1 − 15.59 = −2.035
        #expect(abs(score.grade - (-2.035)) < 0.001)
    }

    @Test func aHeadingOrBulletWithoutAFullStopIsOneSentence() {
        // "Chronic pain" (2 words: 2 + 1 syllables) and "It lasts." (2 words: 1 + 1).
        let score = Readability(["Chronic pain", "It lasts."])
        #expect(score.sentences == 2)
        #expect(score.words == 4)
        #expect(score.syllables == 5)
        #expect(abs(score.grade - (0.39 * 2 + 11.8 * 1.25 - 15.59)) < 0.001)
    }

    @Test func harderTextScoresHigher() {
        let easy = Readability(["Ketamine can help some people. It does not help all."])
        let hard = Readability(["Intravenous ketamine administration demonstrated inconsistent analgesic efficacy "
                                + "across heterogeneous neuropathic populations."])
        #expect(hard.grade > easy.grade + 8)
    }

    @Test func noTextIsGradeZero() {
        #expect(Readability([]).grade == 0)
        #expect(Readability(["  "]).words == 0)
    }
}
