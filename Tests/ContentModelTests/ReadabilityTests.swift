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

/// Spanish syllables and the Fernández-Huerta index, against words and a sentence counted by
/// hand with the rules of Spanish spelling (RAE, Ortografía 2010, ch. I §4).
@Suite struct SpanishReadabilityTests {
    @Test(arguments: [
        ("hoy", 1), ("muy", 1), ("y", 1), ("hay", 1), ("rey", 1), ("reyes", 2),      // y: vowel only where no vowel follows
        ("día", 2), ("país", 2), ("oído", 3), ("baúl", 2),                           // í, ú beside a vowel: said apart
        ("leer", 2), ("poeta", 3), ("aéreo", 4), ("creer", 2),                       // two strong vowels: said apart
        ("ciudad", 2), ("cuidado", 3), ("bueno", 2), ("paciente", 3), ("tratamiento", 4), ("náusea", 3),
        ("Uruguay", 3), ("buey", 1),                                                 // three vowels, one syllable
        ("que", 1), ("queso", 2), ("guerra", 2), ("guitarra", 3), ("agua", 2), ("pingüino", 3),   // silent u, spoken ü
        ("dolor", 2), ("crónico", 3), ("ketamina", 4), ("médico", 3), ("niño", 2), ("opioides", 3),   // o-pioi-des: i-o-i is a triphthong in writing
        ("911", 1),
    ])
    func syllables(_ word: String, _ expected: Int) {
        #expect(Readability.spanishSyllables(in: word) == expected, "\(word)")
    }

    @Test func theIndexOfASentenceCountedByHand() {
        // El(1) do-lor(2) cró-ni-co(3) du-ra(2) más(1) de(1) tres(1) me-ses(2): 13 syllables,
        // 8 words, 1 sentence. 206.84 − 60 × 13/8 − 1.02 × 8 = 101.18.
        let score = Readability(["El dolor crónico dura más de tres meses."], language: .spanish)
        #expect(score.syllables == 13 && score.words == 8 && score.sentences == 1)
        #expect(abs(score.fernandezHuerta - 101.18) < 0.005)
    }

    @Test func longWordsAndLongSentencesScoreLower() {
        let plain = Readability(["La ketamina puede ayudar a algunas personas. No ayuda a todas."], language: .spanish)
        let dense = Readability(["La administración intravenosa de ketamina demostró una eficacia analgésica "
                                 + "inconsistente en poblaciones heterogéneas con dolor neuropático refractario."], language: .spanish)
        #expect(plain.fernandezHuerta >= 70, "\(plain.fernandezHuerta)")
        #expect(dense.fernandezHuerta < 60, "\(dense.fernandezHuerta)")
        // The English rules would count these words differently: the language matters.
        #expect(Readability(["aéreo"], language: .english).syllables != Readability(["aéreo"], language: .spanish).syllables)
    }
}
