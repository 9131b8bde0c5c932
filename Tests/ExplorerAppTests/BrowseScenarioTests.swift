import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import Foundation
import TermRender
import Terminal
import Testing

/// Browsing through the run loop: a tap is resolved by the view to what it landed on, so
/// `update` gets an already-resolved message; q ends the loop.
@Suite struct BrowseScenarioTests {
    let documents: PanelDocuments

    init() throws {
        documents = PanelDocuments(pack: try loadShippedPack(), glyphs: .unicode)
    }

    @Test func aTapOnAPanelNameOpensItAndQQuits() {
        let clock = FakeClock()
        // Row 3 of the list is the third panel's name; then read on, and quit.
        let backend = ScriptedBackend(clock: clock, script: [.pointer(.click(x: 5, y: 3)), .pointer(.wheelDown),
                                                             .key(.character("q")), .key(.down)])
        var program = BrowseProgram(documents: documents, size: backend.size)
        var quit = false
        _ = runLoop(&program, backend: backend, clock: clock) { effect, _ in
            switch effect {
            case .quit:
                quit = true
                return .stop
            case .switchLanguage:
                Issue.record("no second language was offered")
                return .proceed
            case .speech:
                Issue.record("speech is off: nothing is said")
                return .proceed
            }
        }
        #expect(program.state.selected == 2 && program.state.focus == .content)
        #expect(program.state.scroll == 3, "the wheel scrolls the open panel")
        #expect(quit)
        #expect(backend.framesBeforeEvent.count == 3, "the key after q is never read")
        #expect(backend.lastFrame.contains(documents.pack.topics[2].title))
    }

    /// `L` shows the same panel at the same place in Spanish, the footer then offers English,
    /// and `L` again is English at once (the Spanish pack is loaded once, when first asked for).
    @Test func lSwitchesToSpanishAtTheSamePlaceAndBack() throws {
        let spanish = try ContentPack.load(from: shippedPackDirectory.replacingOccurrences(of: "/en", with: "/es"))
        let clock = FakeClock()
        let backend = ScriptedBackend(clock: clock, script: [.key(.character("3")), .key(.down), .key(.down),
                                                             .key(.character("L")), .key(.character("L")), .key(.character("L"))])
        var program = BrowseProgram(documents: documents, size: backend.size, otherLanguage: true)
        var loads = 0
        var languages: [String] = []
        _ = runLoop(&program, backend: backend, clock: clock, everyTurn: { _, program in
            if languages.last != program.documents.pack.info.language { languages.append(program.documents.pack.info.language) }
        }) { effect, _ in
            switch effect {
            case .quit: return .stop
            case .switchLanguage:
                loads += 1
                return .proceed([.languageLoaded(spanish)])
            case .speech:
                Issue.record("speech is off: nothing is said")
                return .proceed
            }
        }
        #expect(languages == ["en", "es", "en", "es"])
        #expect(loads == 1, "switching back uses the pack already loaded")
        #expect(program.state.selected == 2 && program.state.focus == .content && program.state.scroll == 2)
        let frame = backend.lastFrame
        #expect(frame.contains(spanish.topics[2].title) && frame.contains(spanish.ui[.hintLanguage]), "\(frame)")
        #expect(frame.contains(spanish.info.safetyLine) || frame.contains(spanish.info.disclaimer.prefix(20)))
    }

    /// A tap on "Español" in the footer switches too; a Spanish pack that does not load leaves
    /// English on screen and the switch is no longer offered.
    @Test func aTapOnTheLanguageInTheFooterSwitchesAndABrokenPackIsNeverShown() throws {
        let clock = FakeClock()
        var program = BrowseProgram(documents: documents, size: Size(width: 80, height: 24), otherLanguage: true)
        let footer = try #require((0..<24).last { program.view().textLines()[$0].contains(documents.pack.ui[.hintLanguage]) })
        let column = try #require(program.view().textLines()[footer].range(of: documents.pack.ui[.hintLanguage])).lowerBound
        let x = program.view().textLines()[footer].distance(from: program.view().textLines()[footer].startIndex, to: column)
        let backend = ScriptedBackend(clock: clock, script: [.pointer(.click(x: x, y: footer)), .key(.character("L"))])
        var loads = 0
        _ = runLoop(&program, backend: backend, clock: clock) { effect, _ in
            if effect == .switchLanguage { loads += 1 }
            return .proceed([.languageLoaded(nil)])
        }
        #expect(loads == 1, "the tap asked for Spanish; after it failed, L no longer does")
        #expect(program.documents.pack.info.language == "en" && !program.state.offersLanguage)
        #expect(!backend.lastFrame.contains(documents.pack.ui[.hintLanguage]))
    }
}

