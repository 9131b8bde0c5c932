import ContentModel
import Testing

/// The pack the product ships must load, and must hold what the foundation promises.
@Suite struct ShippedPackTests {
    let pack: ContentPack

    init() throws { pack = try ContentPack.load(from: RepositoryPath.shippedPack) }

    @Test func hasEveryPanelInOrder() {
        #expect(pack.topics.map(\.id) == ["overview", "symptoms", "causes", "how-ketamine-works", "ketamine-vs-opioids",
                                          "treatment", "risks", "evidence", "living-with-pain", "stories", "questions",
                                          "glossary", "sources", "about"])
    }

    @Test func coversEveryConditionWithAStrengthLabel() {
        #expect(pack.evidence.map(\.id).contains("crps"))
        #expect(pack.evidence.count >= 5)
        #expect(pack.evidence.first { $0.id == "crps" }?.strength == .moderate)
    }

    @Test func storiesAreLabelledAndOneDidNotBenefit() throws {
        let stories = try #require(pack.topics.first { $0.id == "stories" })
        let tones = stories.blocks.compactMap { block -> Block.Tone? in
            if case .callout(_, let tone) = block.kind { return tone }
            return nil
        }
        #expect(tones.filter { $0 == .story }.count >= 2)
        #expect(stories.blocks.allSatisfy { $0.evidence == nil })
    }

    @Test func passesLintWithoutErrors() {
        let report = ContentPack.lint(from: RepositoryPath.shippedPack, today: nil)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.grades.allSatisfy { !$0.isTooHard })
    }

    @Test func coversEverySymptomAndCauseTheSeedLists() {
        #expect(pack.symptoms.count == 14)
        #expect(pack.causes.count == 8)
    }

    @Test func carriesTheSafetyLine() {
        #expect(pack.info.disclaimer == "Education, not medical advice. Emergency: 911. Crisis: call or text 988.")
    }

    @Test func everyComparisonRowAndListEntryCitesARealSource() {
        let cited = pack.comparison.rows.flatMap(\.sources) + pack.symptoms.flatMap(\.sources) + pack.causes.flatMap(\.sources)
        #expect(!cited.isEmpty)
        #expect(cited.allSatisfy { pack.sourceNumber($0) != nil })
    }

    @Test func isMarkedNotYetReviewedUntilAClinicSignsIt() {
        #expect(!pack.info.isClinicallyReviewed)
    }
}
