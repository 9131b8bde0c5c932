import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import Foundation
import TermRender
import Terminal
import Testing

/// Speaking, through the run loop over a scripted terminal: what the voice is asked to say
/// as a listener moves, opens, reads on, stops, repeats and changes the pace; the kiosk's
/// `on-request` and its reset; a guided session's rows and their state; and no sound at all.
/// The engine is the performer's: here it records what it was asked and reports what the
/// script says it heard.
@Suite struct SpeechScenarioTests {
    let pack: ContentPack
    let documents: PanelDocuments
    let lexicon: SpeechLexicon
    let lexicons: Lexicons

    private static let lexiconRead = Result { try SpeechLexicon.load(directory: shippedPackDirectory) }

    init() throws {
        pack = try loadShippedPack()
        lexicon = try Self.lexiconRead.get()
        documents = PanelDocuments(pack: pack, glyphs: .unicode)
        var lexicons = Lexicons()
        lexicons.add(lexicon, for: "en")
        self.lexicons = lexicons
    }

    /// What the engine was asked: each say, and "hush" for each stop.
    final class Engine {
        var asked: [String] = []
        var said: [Utterance] = []
        /// Reports for the program, by the turn of the loop they arrive at (1: before the first event).
        var reports: [Int: [SpeechEvent]] = [:]
        var turn = 0

        func perform(_ request: SpeechRequest) {
            switch request {
            case .say(let utterance):
                said.append(utterance)
                asked.append("say")
            case .hush: asked.append("hush")
            default: Issue.record("the program answers the keys' asks itself: \(request)")
            }
        }

        func nextReports() -> [SpeechEvent] {
            turn += 1
            return reports[turn] ?? []
        }
    }

    /// Whether `frame`'s footer offers reading aloud ("r Read aloud").
    private func offersReading(_ frame: Buffer?) -> Bool {
        frame?.textLines().contains { $0.contains("r " + pack.ui[.hintRead]) } == true
    }

    /// Browsing with the engine's reports coming back; `L` switches to `otherLanguage` when given.
    private func browse(_ script: [InputEvent], engine: Engine, speech: SpeechMode = .on,
                        otherLanguage: ContentPack? = nil) -> (ScriptedBackend, BrowseProgram) {
        let clock = FakeClock()
        let backend = ScriptedBackend(clock: clock, script: script)
        var program = BrowseProgram(documents: documents, size: backend.size, otherLanguage: otherLanguage != nil,
                                    speech: speech, lexicons: lexicons)
        _ = runLoop(&program, backend: backend, clock: clock, interruptions: { engine.nextReports().map { .speech($0) } }) { effect, _ in
            switch effect {
            case .quit: return .stop
            case .switchLanguage: return .proceed([.languageLoaded(otherLanguage)])
            case .speech(let request):
                engine.perform(request)
                return .proceed
            }
        }
        return (backend, program)
    }

    /// Down says the item; Enter its title and main message; r reads on; a key stops it,
    /// and r goes on from the block it stopped in; a repeats; + is faster, heard at once.
    @Test func movingOpeningAndReadingOnStopAndResumeWhereTheVoiceWas() throws {
        let page = SpeechText.panel(1, pack: pack, lexicon: lexicon)
        try #require(page.count > 6)
        let engine = Engine()
        // Turn 4 (before j): the engine reports blocks 1 and 2 of what r asked for began (it
        // numbers them from the start of what it was given).
        engine.reports[4] = [.began(1), .began(2)]
        let keys: [Key] = [.down, .enter, .character("r"), .character("j"), .character("r"), .character("a"), .character("+")]
        let (_, program) = browse(ScriptedBackend.type(keys), engine: engine)
        #expect(engine.asked == ["say", "say", "say", "hush", "say", "say", "say"])
        let said = engine.said.map(\.chunks)
        try #require(said.count == 6)
        #expect(said[0] == [page[0]], "the item's title")
        #expect(said[1] == Array(page[0..<2]), "the opened panel's title and main message")
        #expect(said[2] == Array(page[2...]), "r reads on from there")
        #expect(said[3] == Array(page[4...]), "r again goes on from the block the key stopped")
        #expect(said[4] == said[3], "a says it again")
        #expect(said[5] == said[3] && engine.said[5].wordsPerMinute > engine.said[4].wordsPerMinute, "+ is faster")
        #expect(engine.said.allSatisfy { $0.language == "en" })
        #expect(program.state.selected == 1 && program.state.focus == .content, "the keys did what they do")
        #expect(!said.joined().contains { $0.contains("911") || $0.contains("[") }, "said for the ear, no source numbers")
    }

    /// A key that cuts off a panel's opening words: the next `r` reads from the block it cut.
    @Test func readingOnAfterTheOpeningWasCutOffStartsWhereItWas() throws {
        let page = SpeechText.panel(1, pack: pack, lexicon: lexicon)
        let engine = Engine()
        engine.reports[3] = [.began(0)]   // before j: only the title had begun
        let keys: [Key] = [.down, .enter, .character("j"), .character("r")]
        _ = browse(ScriptedBackend.type(keys), engine: engine)
        #expect(engine.asked == ["say", "say", "hush", "say"])
        let said = engine.said.map(\.chunks)
        try #require(said.count == 3)
        #expect(said[1] == Array(page[0..<2]), "the opened panel's title and main message")
        #expect(said[2] == page, "r reads from the title, which j cut off")
    }

    /// With speech off nothing is said, and neither the footer nor the help offers the voice's keys.
    @Test func speechOffSaysNothingAndOffersNoVoiceKeys() {
        let engine = Engine()
        let (backend, _) = browse(ScriptedBackend.type([.down, .enter, .character("r"), .character("?")]), engine: engine,
                                  speech: .off)
        #expect(engine.asked.isEmpty)
        #expect(!backend.lastFrame.contains(pack.ui[.keysRead]))
        let engineOn = Engine()
        let (spoken, _) = browse(ScriptedBackend.type([.character("?")]), engine: engineOn)
        #expect(spoken.lastFrame.contains(pack.ui[.keysRead]), "with speech on the help lists them")
        #expect(offersReading(spoken.frames.first), "and the footer offers reading aloud")
        #expect(!offersReading(backend.frames.first))
    }

    /// No engine or no sound: said once on the bottom line until the next key; then
    /// everything works in silence, nothing more is asked of the engine, and neither the
    /// footer nor the help offers the voice's keys any more.
    @Test func noSoundIsSaidOnceAndEverythingElseWorks() throws {
        let engine = Engine()
        engine.reports[2] = [.unavailable("no audio device")]
        let (backend, program) = browse([.timeout, .timeout, .key(.down), .key(.enter), .key(.character("r")),
                                         .key(.character("?"))], engine: engine)
        #expect(offersReading(backend.frames.first), "offered until the report")
        #expect(!backend.frames.dropFirst(2).contains { offersReading($0) }, "not offered after it")
        #expect(!backend.lastFrame.contains(pack.ui[.keysRead]), "the help no longer lists them")
        let notice = pack.ui[.speechUnavailable]
        let shown = backend.frames.filter { $0.textLines().contains { $0.contains(notice) } }
        #expect(!shown.isEmpty, "the notice is shown")
        #expect(shown.allSatisfy { $0.textLines().contains { $0.contains(pack.info.disclaimer) } },
                "over the key hints: the safety line stays")
        #expect(!backend.lastFrame.contains(notice), "and gone after the next key")
        #expect(engine.asked == ["say"], "the first tick's item only: after the report nothing more")
        #expect(program.state.selected == 1 && program.state.focus == .content)
    }

    /// In the kiosk, no sound outlasts the reset: the next visitor is not offered the voice's keys either.
    @Test func theKioskWithNoSoundOffersNoVoiceKeysAfterTheReset() throws {
        let clock = FakeClock()
        var config = kioskConfig
        config.speech = .on
        let script = ScriptedBackend.type([.character("x")]) + ScriptedBackend.idle(55) + ScriptedBackend.type([.character("x")])
        let backend = ScriptedBackend(clock: clock, script: script)
        var program = KioskProgram(documents: documents, config: config, size: backend.size, now: clock.now(),
                                   lexicons: lexicons, minuteOfDay: { nil })
        let engine = Engine()
        engine.reports[3] = [.unavailable("no audio device")]
        var wipes = 0
        _ = runLoop(&program, backend: backend, clock: clock, interruptions: { engine.nextReports().map { .speech($0) } }) { effect, _ in
            if case .wipeScreen = effect { wipes += 1 }
            if case .exit = effect { return .stop }
            return .proceed
        }
        #expect(backend.frames.contains { offersReading($0) }, "offered until the report")
        #expect(wipes == 1)
        #expect(program.kiosk.phase == .browsing, "the next visitor browses")
        #expect(!offersReading(backend.frames.last), "and is not offered reading aloud")
    }

    /// The voice follows the language: after L, the same place is said in Spanish.
    @Test func theVoiceFollowsTheLanguage() throws {
        let spanish = try ContentPack.load(from: shippedPackDirectory.replacingOccurrences(of: "/en", with: "/es"))
        let engine = Engine()
        _ = browse(ScriptedBackend.type([.down, .character("L")]), engine: engine, otherLanguage: spanish)
        let last = try #require(engine.said.last)
        #expect(last.language == "es" && last.chunks.first?.hasPrefix(spanish.topics[1].title.prefix(8)) == true, "\(last)")
    }

    private var kioskConfig: KioskConfig {
        var config = KioskConfig()
        config.idleSeconds = 30
        config.warningSeconds = 20
        config.pinHash = "set"
        config.speech = .onRequest
        return config
    }

    /// `on-request`: silent until a visitor presses r, then it follows the screen, asks
    /// "Still there?" aloud, and the reset stops it; the next visitor finds it silent again.
    /// The staff PIN is never said.
    @Test func theKioskOnRequestSpeaksOnlyOnceAskedUntilTheReset() throws {
        let clock = FakeClock()
        let first: [InputEvent] = ScriptedBackend.type([.character("x"), .down, .character("r"), .down])
        // While the voice is on: the staff's PIN dialog, a wrong PIN, and Escape.
        let staff: [InputEvent] = ScriptedBackend.type([.function(12), .control("a"), .character("2"), .character("4"),
                                                        .enter, .escape])
        let next: [InputEvent] = ScriptedBackend.type([.character("x"), .down])
        let backend = ScriptedBackend(clock: clock, script: first + staff + ScriptedBackend.idle(55) + next)
        var program = KioskProgram(documents: documents, config: kioskConfig, size: backend.size, now: clock.now(),
                                   lexicons: lexicons, minuteOfDay: { nil })
        let engine = Engine()
        var wipes = 0
        _ = runLoop(&program, backend: backend, clock: clock) { effect, _ in
            switch effect {
            case .beginVisit, .switchLanguage: return .proceed
            case .wipeScreen:
                wipes += 1
                return .proceed
            case .checkPIN: return .proceed([.pinChecked(false)])
            case .exit: return .stop
            case .speech(let request):
                engine.perform(request)
                return .proceed
            }
        }
        let page = SpeechText.panel(1, pack: pack, lexicon: lexicon)
        let item = [SpeechText.panel(2, pack: pack, lexicon: lexicon)[0]]
        let said = engine.said.map(\.chunks)
        try #require(said.count >= 4, "\(engine.asked)")
        #expect(said[0] == page, "nothing before r; r reads the selected panel from its start")
        #expect(said[1] == item, "then moving says the item")
        #expect(said[2] == item, "the PIN dialog says nothing, not its keys; closed, the item again")
        #expect(said[3] == [pack.ui[.kioskStillThere], pack.ui[.kioskKeepReading]], "the countdown asks aloud")
        #expect(wipes == 1 && engine.asked.last == "hush", "the reset stops the voice; the next visitor's moves are silent")
        #expect(said.count == 4)
        #expect(!said.joined().contains { $0.contains("24") }, "the PIN is never said")
    }

    /// A guided session: the first screen is said at start; a list says its prompt and the
    /// focused row with its state, and says it again when ticked.
    @Test func aGuidedListSaysEachRowAndItsState() throws {
        let guided = try #require(pack.tours?.guided)
        let symptoms = try #require(guided.steps.firstIndex { $0.show == .symptoms })
        let clock = FakeClock()
        // → past each step before the list and each of its checks (→ skips a check without an answer).
        let rights = symptoms + guided.steps[..<symptoms].reduce(0) { $0 + $1.checkpoint.count }
        let keys: [Key] = Array(repeating: .right, count: rights) + [.down, .character(" ")]
        let backend = ScriptedBackend(clock: clock, script: [.timeout] + ScriptedBackend.type(keys))
        var program = GuidedProgram(documents: GuidedDocuments(pack: pack, guided: guided, glyphs: .unicode), size: backend.size,
                                    speech: .on, lexicons: lexicons)
        let engine = Engine()
        _ = runLoop(&program, backend: backend, clock: clock) { effect, _ in
            switch effect {
            case .end: return .stop
            case .export, .switchLanguage: return .proceed
            case .speech(let request):
                engine.perform(request)
                return .proceed
            }
        }
        let said = engine.said.map { $0.chunks.joined(separator: " ") }
        try #require(said.count >= 3)
        #expect(said[0].hasPrefix(pack.ui(.guidedStepOf, ["number": "1", "count": "\(guided.steps.count)"])), "the first screen, at start")
        let second = pack.symptoms[1].name
        #expect(said[said.count - 2].contains(second) && said[said.count - 2].hasSuffix(pack.ui[.speechNotTicked]),
                "\(said[said.count - 2])")
        #expect(said[said.count - 1].contains(second) && said[said.count - 1].hasSuffix(pack.ui[.speechTicked]),
                "\(said[said.count - 1])")
        #expect(said[said.count - 1].hasPrefix(pack.ui(.speechRow, ["number": "2", "count": "\(pack.symptoms.count)"])))
        #expect(program.session.symptoms == [1])
    }
}
