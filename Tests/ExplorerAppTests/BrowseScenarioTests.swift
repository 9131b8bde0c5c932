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
        documents = PanelDocuments(pack: try ContentPack.load(from: shippedPackDirectory), glyphs: .unicode)
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
            }
        }
        #expect(program.state.selected == 2 && program.state.focus == .content)
        #expect(program.state.scroll == 3, "the wheel scrolls the open panel")
        #expect(quit)
        #expect(backend.framesBeforeEvent.count == 3, "the key after q is never read")
        #expect(backend.lastFrame.contains(documents.pack.topics[2].title))
    }
}
