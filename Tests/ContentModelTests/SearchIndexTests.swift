import ContentModel
import Testing

@Suite struct SearchIndexTests {
    let pack: ContentPack
    let index: SearchIndex

    init() throws {
        pack = try RepositoryPath.loadShippedPack()
        index = SearchIndex(pack: pack)
    }

    private func topicID(_ hit: SearchHit?) -> String? { hit.map { pack.topics[$0.topic].id } }

    @Test func findsMagnesiumOnTheMechanismPanelFirst() {
        let hits = index.search("magnesium")
        #expect(topicID(hits.first) == "how-ketamine-works")
        let hit = hits[0]
        let snippet = Array(hit.snippet)
        #expect(String(snippet[hit.matchStart..<hit.matchStart + hit.matchLength]).lowercased() == "magnesium")
    }

    @Test func ignoresCaseAndAccents() {
        #expect(index.search("MAGNÉSIUM") == index.search("magnesium"))
        #expect(SearchIndex.fold("Ménière ÅNGSTRÖM Ñandú") == "meniere angstrom nandu")
    }

    @Test func titlesRankFirst() {
        let hits = index.search("opioids")
        #expect(topicID(hits.first) == "ketamine-vs-opioids")
        #expect(hits.count > 3)
    }

    @Test func findsGlossaryDefinitionsAndSourceAuthors() {
        #expect(index.search("Sigtermans").contains { pack.topics[$0.topic].id == "sources" })
        let glossary = pack.glossary[0]
        #expect(index.search(String(glossary.definition.prefix(25))).contains { pack.topics[$0.topic].id == "glossary" })
    }

    @Test func occurrencesAreCharacterRangesIgnoringCaseAndAccents() {
        #expect(SearchIndex.occurrences(of: "PAIN", in: "Pain, pain, and páin.") == [0..<4, 6..<10, 16..<20])
        #expect(SearchIndex.occurrences(of: "日本", in: "ñ日本語") == [1..<3])
        #expect(SearchIndex.occurrences(of: "\u{1B}", in: "a\u{1B}b").isEmpty)
    }

    @Test func anEmptyOrControlOnlyQueryFindsNothing() {
        #expect(index.search("").isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("\u{1B}\u{07}").isEmpty)
        #expect(index.search("zzzqqq").isEmpty)
    }
}
