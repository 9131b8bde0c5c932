import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import Foundation
import TermRender
import Terminal
import Testing

/// A kiosk day through the real run loop, over a scripted terminal and a fake clock: what
/// took a minute and a half in tmux takes milliseconds, and nothing sleeps.
@Suite struct KioskScenarioTests {
    let pack: ContentPack
    let documents: PanelDocuments

    init() throws {
        pack = try loadShippedPack()
        documents = PanelDocuments(pack: pack, glyphs: .unicode)
    }

    /// What the loop did: effects carried out, PINs checked, and the program as it ended.
    final class Log {
        var pinsChecked: [String] = []
        var visits = 0
        var stopped = false
    }

    private func run(_ script: [InputEvent], config: KioskConfig, acceptedPIN: String = "246810",
                     resetAfterEvent: Int? = nil, second: PanelDocuments? = nil) -> (ScriptedBackend, KioskProgram, Log) {
        let clock = FakeClock()
        let backend = ScriptedBackend(clock: clock, script: script)
        var program = KioskProgram(documents: documents, second: second, config: config, size: backend.size, now: clock.now(),
                                   minuteOfDay: { nil })
        let log = Log()
        var eventsRead = 0
        _ = runLoop(&program, backend: backend, clock: clock,
                    interruptions: {
                        eventsRead += 1
                        return eventsRead == resetAfterEvent ? [.resetNow] : []
                    }) { effect, _ in
            switch effect {
            case .beginVisit:
                log.visits += 1
                return .proceed
            case .wipeScreen:
                backend.wipe()
                return .proceed
            case .checkPIN(let pin):
                log.pinsChecked.append(pin)
                return .proceed([.pinChecked(pin == acceptedPIN)])
            case .exit:
                log.stopped = true
                return .stop
            case .switchLanguage:
                Issue.record("the program carries out the language switch itself")
                return .proceed
            case .speech:
                Issue.record("speech is off: nothing is said")
                return .proceed
            }
        }
        return (backend, program, log)
    }

    private var config: KioskConfig {
        var config = KioskConfig()
        config.idleSeconds = 30
        config.warningSeconds = 20
        config.slideSeconds = 8
        config.pinHash = "set"   // the PIN check itself is the performer's (here: a fixed answer)
        return config
    }

    @Test func aVisitorIsWarnedThenWipedAndTheSlidesReturn() throws {
        let attract = try #require(pack.tours?.attract)
        var script = ScriptedBackend.idle(20)                       // slides cycle
        script += ScriptedBackend.type([.character("x"), .down, .down, .enter])   // a visitor wakes it and reads
        script += ScriptedBackend.idle(31)                          // walks away: "Still there?"
        script += [.key(.character("j"))]                           // comes back
        script += ScriptedBackend.idle(29)                          // not yet warned again
        let (backend, program, log) = run(script, config: config)
        #expect(log.visits == 1, "the waking key began the visit; the key that kept it did not begin another")
        let frames = backend.frames.map { $0.textLines().joined(separator: "\n") }
        // The slides moved on while nobody was there, before anyone touched it.
        #expect(frames.contains { $0.contains(attract.slides[1].headline) })
        // The countdown was shown, and the key that dismissed it kept the visit.
        #expect(frames.contains { $0.contains("Still there?") && $0.contains("Starting over in") })
        #expect(!backend.lastFrame.contains("Still there?"))
        #expect(program.kiosk.phase == .browsing && program.kiosk.app.focus == .content)
        #expect(backend.wipes == 0)

        // Then nobody, for the idle time and the whole countdown: everything is wiped.
        let (after, wiped, _) = run(script + ScriptedBackend.idle(2 + 20 + 1), config: config)
        #expect(after.wipes == 1)
        #expect(wiped.kiosk.phase == .attract && wiped.kiosk.resets == 1)
        #expect(wiped.kiosk.app == KioskState.freshApp(panelCount: pack.topics.count, size: after.size))
        #expect(after.lastFrame.contains(attract.prompt))
    }

    @Test func theLoopDrawsOnlyWhenTheFrameChanges() {
        // Ten seconds of attract screen: the first frame, then one more when the slide moves on.
        let (backend, _, _) = run(ScriptedBackend.idle(10), config: config)
        #expect(backend.frames.count == 2, "the idle kiosk drew \(backend.frames.count) frames in 10 s")
        #expect(backend.framesBeforeEvent.count == 40 + 1, "40 quarter seconds, then the script's end")
    }

    @Test func aResetOnTheAttractScreenDrawsTheSlideAgainOnTheWipedScreen() {
        // Nobody there, slide 1: the wipe blanks the terminal, and the same slide must come back.
        let (backend, _, _) = run(ScriptedBackend.idle(1), config: config, resetAfterEvent: 2)
        #expect(backend.wipes == 1)
        let wipedAt = 1   // the first frame was drawn before the first event, the wipe came with the second
        #expect(backend.frames.count > wipedAt, "the slide is drawn again after the wipe")
    }

    @Test func staffResetNowWipesAtOnce() {
        let script = ScriptedBackend.type([.character("x"), .enter, .down]) + ScriptedBackend.idle(1)
        let (backend, program, _) = run(script, config: config, resetAfterEvent: 4)
        #expect(backend.wipes == 1)
        #expect(program.kiosk.phase == .attract && program.kiosk.resets == 1)
    }

    @Test func staffExitWithAWrongThenTheRightPIN() {
        let chord: [Key] = [.function(12), .control("a")]
        let wrong = chord + "1111".map { Key.character($0) } + [.enter]
        let right = "246810".map { Key.character($0) } + [.enter]
        let script = ScriptedBackend.type(wrong + right) + ScriptedBackend.idle(5)
        let (backend, _, log) = run(script, config: config)
        #expect(log.pinsChecked == ["1111", "246810"])
        #expect(log.stopped, "the right PIN ends the kiosk")
        #expect(backend.frames.contains { $0.textLines().joined().contains("That PIN was not accepted.") })
    }

    @Test func fiveWrongPINsLockTheStaffExitForThirtySeconds() {
        let chord: [Key] = [.function(12), .control("a")]
        let wrong = "1111".map { Key.character($0) } + [.enter]
        var keys = chord
        for _ in 0..<5 { keys += wrong }
        let locked = ScriptedBackend.type(keys) + ScriptedBackend.type(chord + "246810".map { Key.character($0) } + [.enter])
        let (lockedOut, _, lockedLog) = run(locked, config: config)
        #expect(lockedLog.pinsChecked.count == 5, "no PIN is checked while locked")
        #expect(!lockedLog.stopped)
        #expect(lockedOut.frames.contains { $0.textLines().joined().contains("Locked after 5 wrong PINs") })
        // Thirty seconds later the chord opens the prompt again.
        let later = locked + ScriptedBackend.idle(31) + ScriptedBackend.type(chord + "246810".map { Key.character($0) } + [.enter])
        let (_, _, laterLog) = run(later, config: config)
        #expect(laterLog.stopped)
    }

    /// Two languages: the slides alternate, English's first slide then Spanish's; a visitor
    /// switches to Spanish with L; when they leave, the wipe brings English back for the next.
    @Test func aBilingualKioskAlternatesSlidesAndAResetReturnsToTheFirstLanguage() throws {
        let spanish = try ContentPack.load(from: shippedPackDirectory.replacingOccurrences(of: "/en", with: "/es"))
        let second = documents.with(pack: spanish)
        let slides = try #require(pack.tours?.attract?.slides), spanishSlides = try #require(spanish.tours?.attract?.slides)
        var script = ScriptedBackend.idle(9)                               // slide 1 in English, then in Spanish
        script += ScriptedBackend.type([.character("x"), .character("L"), .down])   // a visitor wakes it, reads in Spanish
        let (backend, program, _) = run(script, config: config, second: second)
        let frames = backend.frames.map { $0.textLines().joined(separator: "\n") }
        let english = try #require(frames.firstIndex { $0.contains(slides[0].headline) })
        let spanishSlide = try #require(frames.firstIndex { $0.contains(spanishSlides[0].headline) })
        #expect(english < spanishSlide, "English's first slide, then Spanish's")
        #expect(program.documents.pack.info.language == "es" && program.kiosk.app.selected == 1)
        #expect(backend.lastFrame.contains(spanish.ui[.hintLanguage]), "the visitor can switch back: \(backend.lastFrame)")

        let (after, wiped, _) = run(script + ScriptedBackend.idle(30 + 20 + 1), config: config, second: second)
        #expect(after.wipes == 1 && wiped.kiosk.phase == .attract)
        #expect(wiped.documents.pack.info.language == "en", "a reset returns to the first language")
        #expect(after.lastFrame.contains(slides[0].headline))
    }
}

