import ContentModel
import Testing

/// `lint`'s quality rules, each broken once in the fixture pack.
@Suite struct LintTests {
    private let today = CalendarDate(year: 2026, month: 3, day: 1)!

    private func lint(_ pack: FixturePack, today: CalendarDate? = nil, strict: Bool = false) -> LintReport {
        ContentPack.lint(from: pack.directory, today: today ?? self.today, strict: strict)
    }

    @Test func theFixturePassesAndEveryScreenIsGraded() throws {
        let report = lint(try FixturePack())
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.warnings.isEmpty)
        #expect(report.grades.map(\.topicID) == ["first", "second"])
        #expect(report.grades.allSatisfy { $0.readability.words > 0 })
    }

    @Test func aBannedPhraseIsFoundInAnyFileWithItsLine() throws {
        let pack = try FixturePack("glossary.yaml", replacing: "definition: A chemical messenger.",
                                   with: "definition: A chemical messenger that can Cure pain.")
        let issue = try #require(lint(pack).errors.first)
        #expect(issue.file.hasSuffix("glossary.yaml"))
        #expect(issue.line == 5)
        #expect(issue.field == "glossary[1].definition")
        #expect(issue.message.contains("'cure' is on the banned list"))
    }

    @Test func bannedPhrasesMatchWholeWordsOnly() throws {
        let pack = try FixturePack("glossary.yaml", replacing: "definition: A chemical messenger.",
                                   with: "definition: A secure messenger (see emgality).")
        #expect(lint(pack).errors.isEmpty)
    }

    @Test func aDoseIsBanned() throws {
        let pack = try FixturePack("causes.yaml", replacing: "Pain can last after an injury.",
                                   with: "Pain can last after an injury. Take 5 mg.")
        let issue = try #require(lint(pack).errors.first)
        #expect(issue.file.hasSuffix("causes.yaml"))
        #expect(issue.message.contains("'mg'"))
    }

    @Test func aMedicalTermMustBeLinkedAtItsFirstUse() throws {
        let pack = try FixturePack("topics.yaml", replacing: "message: The main message of the first topic.",
                                   with: "message: The NMDA receptor matters here.")
        let issue = try #require(lint(pack).errors.first)
        #expect(issue.line == 5)
        #expect(issue.field == "topics[0].message")
        #expect(issue.message.contains("'NMDA receptor' is used before it is explained"))
    }

    @Test func aScreenThatDefinesTheTermNeedNotLinkIt() throws {
        let pack = try FixturePack("topics.yaml", replacing: "message: The main message of the first topic.",
                                   with: "message: The NMDA receptor matters here.\n  defines: [NMDA receptor]")
        #expect(lint(pack).errors.isEmpty, "\(lint(pack).errors)")
    }

    @Test func aHardScreenFailsWithItsGrade() throws {
        let pack = try FixturePack("topics.yaml", replacing: "message: The main message of the first topic.",
                                   with: "message: Intravenous administration demonstrated inconsistent analgesic efficacy "
                                       + "across heterogeneous populations, notwithstanding considerable methodological limitations.")
        let report = lint(pack)
        let issue = try #require(report.errors.first)
        #expect(issue.file.hasSuffix("topics.yaml"))
        #expect(issue.line == 1)
        #expect(issue.message.contains("first: reads at grade"))
        #expect(issue.message.contains("above 6.0 for a core screen"))
        #expect(report.grades[0].isTooHard)
    }

    /// A Spanish pack is graded by the Fernández-Huerta index and Spanish syllables: plain
    /// Spanish passes, dense Spanish fails with its index and the core screen's minimum.
    @Test func aSpanishPackIsGradedInSpanish() throws {
        let plain = try FixturePack("pack.yaml", replacing: "language: en", with: "language: es")
        try plain.edit("topics.yaml", replacing: "message: The main message of the first topic.",
                       with: "message: El dolor crónico dura más de tres meses. Hay formas de aliviarlo.")
        let easy = lint(plain)
        #expect(easy.grades[0].readability.language == .spanish && easy.grades[0].score > 70, "\(easy.grades[0].score)")
        let dense = try FixturePack("pack.yaml", replacing: "language: en", with: "language: es")
        try dense.edit("topics.yaml", replacing: "message: The main message of the first topic.",
                       with: "message: La administración intravenosa demostró una eficacia analgésica inconsistente "
                           + "en poblaciones heterogéneas, no obstante considerables limitaciones metodológicas.")
        let issue = try #require(lint(dense).errors.first { $0.message.contains("Fernández-Huerta") })
        #expect(issue.message.contains("first: reads at Fernández-Huerta") && issue.message.contains("below 70.0 for a core screen"),
                "\(issue.message)")
    }

    @Test func anOverdueReviewWarnsAndFailsWhenStrict() throws {
        let later = CalendarDate(year: 2026, month: 8, day: 1)!
        let relaxed = lint(try FixturePack(), today: later)
        #expect(relaxed.errors.isEmpty)
        let warning = try #require(relaxed.warnings.first)
        #expect(warning.line == 5)
        #expect(warning.message.contains("due for review on 2026-07-10"))
        let strict = lint(try FixturePack(), today: later, strict: true)
        #expect(strict.errors.count == 1)
    }

    @Test func aPackThatFailsLintIsRefusedByEveryLoader() throws {
        // A dose in a symptom: schema-valid, but never to be shown to a patient.
        let pack = try FixturePack("symptoms.yaml", replacing: "description: ", with: "description: Take 5 mg. ")
        let issues = pack.issues()
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.message.contains("'mg' is on the banned list") == true)
    }

    @Test func aBenefitClaimMayNotRestOnlyOnClinicOrNewsSources() throws {
        let pack = try FixturePack("topics.yaml", replacing: "      sources: [second-source]\n      evidence: weak",
                                   with: "      sources: [web-page]\n      evidence: weak")
        let issue = try #require(lint(pack).errors.first)
        #expect(issue.field == "topics[0].blocks[2].sources")
        #expect(issue.line == 13)
        #expect(issue.message.contains("cites only 'clinic or news' sources"))
        // The same source beside a trial is fine.
        let backed = try FixturePack("topics.yaml", replacing: "      sources: [second-source]\n      evidence: weak",
                                     with: "      sources: [web-page, first-source]\n      evidence: weak")
        #expect(lint(backed).errors.isEmpty, "\(lint(backed).errors)")
    }

    private static let tours = """
        guided:
          steps:
            - title: "First"
              topic: first
              sections: ["A heading"]
              notes: ["Talk about it."]
              checkpoint:
                - question: "Let's check I explained this well. Which is true?"
                  own_words: "In your own words, what did we talk about?"
                  choices: ["It may help for a short time.", "It helps for a long time."]
                  best: 1
                  again: "It may help, but only for a short time."
            - title: "Your symptoms"
              show: symptoms
              callout: "If you think of hurting yourself, call or text 988 now."
              notes: ["Let them tick what fits."]
            - title: "Summary"
              show: summary
              notes: ["Ask them to say it back."]
          values:
            prompt: "There is no right answer."
            pairs:
              - ["Fewer visits", "A chance of relief"]
          summary:
            points: ["One point.", "Two points.", "Three points."]
            next: ["Talk with your team."]
            safety: ["Call 911 for chest pain.", "Get a ride home."]
            sources: [first-source]

        """

    private func guidedPack(_ old: String = "", _ new: String = "") throws -> FixturePack {
        let pack = try FixturePack()
        try pack.writeBytes("tours.yaml", Array(Self.tours.utf8))
        if !old.isEmpty { try pack.edit("tours.yaml", replacing: old, with: new) }
        return pack
    }

    @Test func aGuidedSessionWithSectionsCalloutsAndOwnWordsPasses() throws {
        let report = lint(try guidedPack())
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.grades.map(\.topicID).contains("guided-callout-2"))
        let guided = try #require(report.pack?.tours?.guided)
        #expect(guided.steps[0].sections == ["A heading"])
        #expect(guided.steps[0].checkpoint[0].ownWords?.hasPrefix("In your own words") == true)
        #expect(guided.summary.safety.count == 2)
    }

    @Test func aTeachBackChoiceMayNotUseAnAbsoluteWord() throws {
        let report = lint(try guidedPack("It helps for a long time.", "It will always help for a while."))
        let issue = try #require(report.errors.first)
        #expect(issue.field == "tours.guided.steps[0].checkpoint[0].choices[1]")
        #expect(issue.line == 10)
        #expect(issue.message.contains("'always' makes the answer easy to guess"))
    }

    @Test func theBestAnswerMayNotBeClearlyTheLongest() throws {
        let report = lint(try guidedPack("It may help for a short time.",
                                         "It may help some people for a short time, then the pain comes back."))
        let issue = try #require(report.errors.first)
        #expect(issue.field == "tours.guided.steps[0].checkpoint[0].choices[0]")
        #expect(issue.message.contains("the longest choice is easy to guess"))
    }

    @Test func aSectionMustBeAHeadingOfTheTopic() throws {
        let issues = try guidedPack("sections: [\"A heading\"]", "sections: [\"No such part\"]").issues()
        let issue = try #require(issues.first)
        #expect(issue.field == "tours.guided.steps[0].sections[0]")
        #expect(issue.line == 5)
        #expect(issue.message.contains("'No such part' is not a heading of the topic 'first' (its headings: A heading)"))
    }

    @Test func theSummaryNeedsItsSafetyLinesAndSources() throws {
        let issues = try guidedPack("    safety: [\"Call 911 for chest pain.\", \"Get a ride home.\"]\n", "").issues()
        #expect(issues.first?.field == "tours.guided.summary.safety")
        #expect(issues.first?.message == "this field is missing")
    }

    @Test func onlyAPackWithNamedReviewersSaysLastReviewed() throws {
        let unreviewed = try ContentPack.load(from: FixturePack().directory)
        #expect(!unreviewed.info.isClinicallyReviewed)
        #expect(unreviewed.statusLine == "Content version 1.0.0, last updated 2026-01-10. Not yet reviewed by a clinician.")
        let pack = try FixturePack("pack.yaml", replacing: "reviewers: []",
                                   with: "reviewers: [\"A. Nurse, RN\"]\nlast_reviewed: 2026-02-01")
        let reviewed = try ContentPack.load(from: pack.directory)
        #expect(reviewed.info.isClinicallyReviewed)
        #expect(reviewed.statusLine == "Content version 1.0.0, last reviewed 2026-02-01 by A. Nurse, RN.")
    }

    @Test func aStoryMustNotClaimEvidence() throws {
        let pack = try FixturePack("topics.yaml", replacing: "      tone: action",
                                   with: "      tone: story\n      evidence: weak")
        let issue = try #require(pack.issues().first)
        #expect(issue.message.contains("never evidence"))
        #expect(issue.line == 17)
    }
}
