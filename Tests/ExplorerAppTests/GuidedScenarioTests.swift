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
        pack = try loadShippedPack()
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
        func perform(_ effect: GuidedEffect, _ program: GuidedProgram) -> Outcome<GuidedProgram.Message> {
            switch effect {
            case .export:
                saved.append(program.handout)
                return .proceed([.session(.exported("Saved ketamine-handout.txt and ketamine-handout.html in /clinic."))])
            case .end:
                ended = true
                return .stop
            case .switchLanguage:
                Issue.record("no second language was offered")
                return .proceed
            case .speech:
                Issue.record("speech is off: nothing is said")
                return .proceed
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

    /// A whole session in Spanish: the clinician switches with L at the second step, every
    /// answer is kept, each screen from then on is in Spanish, and the handout is saved in
    /// Spanish with the Spanish names of what was ticked.
    @Test func aSessionSwitchedToSpanishSavesASpanishHandout() throws {
        let spanish = try ContentPack.load(from: shippedPackDirectory.replacingOccurrences(of: "/en", with: "/es"))
        let clock = FakeClock()
        let symptoms = try #require(guided.steps.firstIndex { $0.show == .symptoms })
        let checks = guided.steps.reduce(0) { $0 + $1.checkpoint.count }
        var keys: [Key] = []
        for step in 0..<guided.steps.count - 1 {
            if step == 1 { keys.append(.character("L")) }
            if step == symptoms { keys += [.down, .character(" ")] }
            keys.append(.right)
        }
        keys += Array(repeating: .right, count: checks) + [.character("x"), .enter]
        let backend = ScriptedBackend(clock: clock, script: ScriptedBackend.type(keys))
        var program = GuidedProgram(documents: GuidedDocuments(pack: pack, guided: guided, glyphs: .unicode), size: backend.size,
                                    otherLanguage: true)
        var saved: [Handout] = []
        _ = runLoop(&program, backend: backend, clock: clock) { effect, program in
            switch effect {
            case .export:
                saved.append(program.handout)
                return .proceed([.session(.exported(program.documents.pack.ui(.handoutSaved, ["text": "a.txt", "html": "a.html",
                                                                                               "folder": "/clinic"])))])
            case .end: return .stop
            case .switchLanguage: return .proceed([.languageLoaded(spanish)])
            case .speech:
                Issue.record("speech is off: nothing is said")
                return .proceed
            }
        }
        let handout = try #require(saved.first)
        #expect(handout.symptoms == [spanish.symptoms[1].name], "the tick made in English is kept, named in Spanish")
        #expect(handout.text.contains(spanish.ui(.handoutTitle, ["title": spanish.info.title])))
        #expect(handout.text.contains(spanish.ui[.handoutPoints]) && !handout.text.contains(pack.ui[.handoutPoints]))
        #expect(handout.html.contains("<html lang=\"es\">"))
        #expect(backend.lastFrame.contains(spanish.ui(.handoutSaved, ["text": "a.txt", "html": "a.html", "folder": "/clinic"])))
        #expect(backend.lastFrame.contains(spanish.ui[.guidedTitle]) && !backend.lastFrame.contains(pack.ui[.guidedTitle]))
    }
}

