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

    @Test func aStoryMustNotClaimEvidence() throws {
        let pack = try FixturePack("topics.yaml", replacing: "      tone: action",
                                   with: "      tone: story\n      evidence: weak")
        let issue = try #require(pack.issues().first)
        #expect(issue.message.contains("never evidence"))
        #expect(issue.line == 17)
    }
}
