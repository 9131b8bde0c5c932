import ContentModel
import ExplorerCore
import ExplorerUI
import Foundation
import TermRender
import Testing

/// What the voice says for each panel: goldens of the layout fixture (its words in English,
/// the program's in English and in Spanish), and the rules on both shipped packs.
@Suite struct SpeechTextTests {
    @Test(arguments: [("speech-en", Snapshot.packDirectory), ("speech-es", Snapshot.spanishPackDirectory)])
    func everyPanelSpoken(_ name: String, _ directory: String) throws {
        let pack = try ContentPack.load(from: directory)
        let lexicon = try SpeechLexicon.load(directory: directory)
        for (index, topic) in pack.topics.enumerated() {
            try Snapshot.assert(SpeechText.panel(index, pack: pack, lexicon: lexicon), named: "\(name)-\(index + 1)-\(topic.id)")
        }
    }

    /// On the shipped packs: the emergency numbers and every abbreviation in speech.yaml are
    /// said as it says (never written), no box drawing or marks, no source numbers, a list
    /// says its length first, and a panel that cites ends by saying where the sources are.
    @Test(arguments: ["en", "es"])
    func theShippedPacksAreWrittenForTheEar(_ language: String) throws {
        let directory = Snapshot.shippedPackDirectory.replacingOccurrences(of: "/en", with: "/\(language)")
        let pack = try ContentPack.load(from: directory)
        let lexicon = try SpeechLexicon.load(directory: directory)
        #expect(lexicon.entries.contains { $0.written == "911" } && lexicon.entries.contains { $0.written == "988" })
        for index in pack.topics.indices where pack.topics[index].id != "sources" {
            let chunks = SpeechText.panel(index, pack: pack, lexicon: lexicon)
            let text = chunks.joined(separator: " ")
            for entry in lexicon.entries {
                let words = text.split { !$0.isLetter && !$0.isNumber }
                #expect(!words.contains(Substring(entry.written)), "\(pack.topics[index].id): '\(entry.written)' is written, not said")
            }
            #expect(!text.contains { "│┌┐└┘─═║▸•■□●○".contains($0) }, "\(pack.topics[index].id): marks are read out")
            #expect(!text.contains(pack.ui(.citeSources, ["numbers": ""])) || pack.topics[index].id == "sources")
            #expect(chunks.allSatisfy { $0.last.map { ".:?!)»".contains($0) } == true }, "each chunk ends as a sentence")
        }
        let risks = try #require(pack.topicIndex(of: "risks"))
        let spoken = SpeechText.panel(risks, pack: pack, lexicon: lexicon)
        #expect(spoken.last == pack.ui[.speechSources])
        let said911 = try #require(lexicon.entries.first { $0.written == "911" }).spoken
        #expect(spoken.contains { $0.contains(said911) }, "the risks panel says when to call nine one one")
    }

    /// Plain mode, read by screen readers, writes the words they misread as `plain:` says:
    /// marks only, so a form that changes what the text says is refused with its line.
    @Test func plainFormsAddMarksOnly() throws {
        let lexicon = try SpeechLexicon.load(directory: Snapshot.shippedPackDirectory)
        #expect(lexicon.forScreenReaders("Call 911 or 988 now. An IV drip, not 9110.") == "Call 9-1-1 or 9-8-8 now. An I.V. drip, not 9110.")
        let folder = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                                 appropriateFor: URL(fileURLWithPath: "/tmp"), create: true).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "say:\n  911: \"nine one one\"\nplain:\n  911: \"9-1-1\"\n  IV: \"I V\"\n".write(toFile: "\(folder)/speech.yaml",
                                                                                                 atomically: true, encoding: .utf8)
        let error = #expect(throws: ContentErrors.self) { try SpeechLexicon.load(directory: folder) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("speech.yaml:5") && message.contains("IV"), "\(message)")
    }

    @Test func theLexiconReplacesWholeWordsOnly() {
        let lexicon = SpeechLexicon(entries: [.init(written: "IV", spoken: "I V"), .init(written: "911", spoken: "nine one one")])
        #expect(lexicon.spoken("An IV drip. Call 911, not 9110 or IVY.") == "An I V drip. Call nine one one, not 9110 or IVY.")
        #expect(lexicon.spoken("(IV)") == "(I V)")
    }

    /// The handout spoken: its title and headings, never a source's citation (one sentence
    /// says the printed handout lists them), in the pack's language.
    @Test func theHandoutIsSpokenWithoutItsCitations() throws {
        let directory = Snapshot.shippedPackDirectory.replacingOccurrences(of: "/en", with: "/es")
        let pack = try ContentPack.load(from: directory)
        let guided = try #require(pack.tours?.guided)
        let documents = GuidedDocuments(pack: pack, guided: guided, glyphs: .unicode)
        let handout = Handout(session: GuidedSession(outline: GuidedOutline(guided, pack: pack), size: Size(width: 80, height: 24)),
                              documents: documents)
        let spoken = SpeechText.handout(handout, lexicon: try SpeechLexicon.load(directory: directory))
        #expect(spoken.first?.hasPrefix(pack.ui(.handoutTitle, ["title": pack.info.title])) == true)
        #expect(!handout.sources.isEmpty && spoken.contains(pack.ui[.speechHandoutSources]))
        for source in handout.sources { #expect(!spoken.contains { $0.contains(source.prefix(30)) }) }
        #expect(!spoken.joined().contains("911") && spoken.joined().contains("nueve uno uno"))
    }
}

