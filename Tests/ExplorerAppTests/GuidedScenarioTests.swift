import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import Foundation
import TermRender
import Terminal
import Testing

/// A whole guided session through the run loop, over a scripted terminal: step to the end,
/// save the handout (the save is the performer's; here it records what it was given), and end.
@Suite struct GuidedScenarioTests {
    let pack: ContentPack
    let guided: Guided

    init() throws {
        pack = try ContentPack.load(from: shippedPackDirectory)
        guided = try #require(pack.tours?.guided)
    }

    @Test func aSessionToTheSummarySavesTheHandoutAndEnds() throws {
        let clock = FakeClock()
        // Tick the second symptom, then walk on: past each step and its checks (→ skips a
        // check without an answer), to the summary; x, Enter saves; q, Enter ends.
        var keys: [Key] = []
        let symptoms = try #require(guided.steps.firstIndex { $0.show == .symptoms })
        let checks = guided.steps.reduce(0) { $0 + $1.checkpoint.count }
        for step in 0..<guided.steps.count - 1 {
            if step == symptoms { keys += [.down, .character(" ")] }
            keys.append(.right)
        }
        keys += Array(repeating: .right, count: checks)
        let backend = ScriptedBackend(clock: clock, script: ScriptedBackend.type(keys))
        var program = GuidedProgram(documents: GuidedDocuments(pack: pack, guided: guided, glyphs: .unicode), size: backend.size)
        var saved: [Handout] = []
        var ended = false
        func perform(_ effect: GuidedEffect, _ program: GuidedProgram) -> Outcome<GuidedMsg> {
            switch effect {
            case .export:
                saved.append(program.handout)
                return .proceed([.exported("Saved ketamine-handout.txt and ketamine-handout.html in /clinic.")])
            case .end:
                ended = true
                return .stop
            }
        }
        _ = runLoop(&program, backend: backend, clock: clock, perform: perform)
        #expect(program.session.step == guided.steps.count - 1, "the keys reach the summary")
        #expect(backend.lastFrame.contains("Key points"))

        backend.append(ScriptedBackend.type([.character("x"), .enter]))
        _ = runLoop(&program, backend: backend, clock: clock, perform: perform)
        let handout = try #require(saved.first)
        #expect(handout.symptoms == [pack.symptoms[1].name])
        #expect(backend.lastFrame.contains("Saved ketamine-handout.txt"), "the save's outcome comes back as a message")

        backend.append(ScriptedBackend.type([.enter, .character("q"), .enter]))
        _ = runLoop(&program, backend: backend, clock: clock, perform: perform)
        #expect(ended)
        #expect(saved.count == 1)
    }
}
