import ContentModel
import Testing

/// The pack the product ships must load, and must hold what the foundation promises.
@Suite struct ShippedPackTests {
    let pack: ContentPack

    init() throws { pack = try ContentPack.load(from: RepositoryPath.shippedPack) }

    @Test func hasTheFivePanelsInOrder() {
        #expect(pack.topics.map(\.id) == ["overview", "symptoms", "causes", "how-ketamine-works", "ketamine-vs-opioids"])
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
