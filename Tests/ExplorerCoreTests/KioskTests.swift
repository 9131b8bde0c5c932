import ContentModel
import ExplorerCore
import TermRender
import Testing

/// The kiosk's state machine, driven by a hand-moved clock: attract slides, the idle
/// countdown and its dismissal, the wipe, opening hours and the staff exit.
@Suite struct KioskTests {
    private let size = Size(width: 80, height: 24)
    private let metrics = FixedMetrics()

    private final class Clock {
        var now = 5000.0
    }

    private func kiosk(_ edit: (inout KioskConfig) -> Void = { _ in }) -> (KioskState, Clock) {
        var config = KioskConfig()
        edit(&config)
        let clock = Clock()
        return (KioskState(config: config, slideCount: 5, panelCount: 6, size: size, now: clock.now), clock)
    }

    /// Ticks four times a second for `seconds`, as the run loop does; returns the effects.
    @discardableResult
    private func wait(_ kiosk: inout KioskState, _ clock: Clock, _ seconds: Double, minute: Int? = nil) -> [KioskEffect] {
        var effects: [KioskEffect] = []
        for _ in 0..<Int(seconds * 4) {
            clock.now += 0.25
            effects += kiosk.send(.input(.tick(clock.now)), now: clock.now, minuteOfDay: minute, metrics: metrics)
        }
        return effects
    }

    @discardableResult
    private func press(_ kiosk: inout KioskState, _ clock: Clock, _ keys: Key...) -> [KioskEffect] {
        keys.flatMap { kiosk.send(.input(.key($0)), now: clock.now, minuteOfDay: nil, metrics: metrics) }
    }

    @Test func slidesCycleAtTheConfiguredPaceAndWrapAround() {
        var (kiosk, clock) = self.kiosk { $0.slideSeconds = 12 }
        #expect(kiosk.phase == .attract && kiosk.slide == 0)
        wait(&kiosk, clock, 11.75)
        #expect(kiosk.slide == 0)
        wait(&kiosk, clock, 0.25)
        #expect(kiosk.slide == 1)
        wait(&kiosk, clock, 12 * 4)
        #expect(kiosk.slide == 0, "five slides: back to the first")
    }

    @Test func theViewsLayoutIsNotAVisitorsInput() {
        var (kiosk, clock) = self.kiosk { $0.idleSeconds = 60 }
        let layout = metrics.layout(for: kiosk.app)
        _ = kiosk.update(.input(.layout(layout)), now: clock.now, minuteOfDay: nil, content: metrics)
        #expect(kiosk.phase == .attract, "it does not wake the kiosk")
        press(&kiosk, clock, .character(" "), .enter)   // a visitor opens the first panel
        #expect(kiosk.app.layout != nil && kiosk.app.focus == .content)
        wait(&kiosk, clock, 60)
        #expect(kiosk.secondsUntilReset != nil)
        _ = kiosk.update(.input(.layout(metrics.layout(for: kiosk.app))), now: clock.now, minuteOfDay: nil, content: metrics)
        #expect(kiosk.secondsUntilReset != nil, "nor does it stop the countdown")
    }

    @Test func anyKeyOrTapStartsTheExplorerAtItsHomePanel() {
        var (kiosk, clock) = self.kiosk()
        wait(&kiosk, clock, 25)
        #expect(press(&kiosk, clock, .character("x")) == [.beginVisit], "a visit of its own begins")
        #expect(kiosk.phase == .browsing)
        #expect(kiosk.app == KioskState.freshApp(panelCount: 6, size: size), "the waking key does nothing else")
        var (tapped, tapClock) = self.kiosk()
        wait(&tapped, tapClock, 3)
        _ = tapped.send(.input(.tap(.panel(2))), now: tapClock.now, minuteOfDay: nil, metrics: metrics)
        #expect(tapped.phase == .browsing)
    }

    /// Below 40x12 the slides give way to the enlarge notice, and a key does not start a
    /// visit nobody can see; at 40x12 it does.
    @Test func aKeyWaitsWhileTheScreenIsTooSmall() {
        var (kiosk, clock) = self.kiosk()
        _ = kiosk.send(.input(.resize(Size(width: 39, height: 11))), now: clock.now, minuteOfDay: nil, metrics: metrics)
        #expect(press(&kiosk, clock, .character("x")).isEmpty && kiosk.phase == .attract)
        _ = kiosk.send(.input(.resize(Size(width: 40, height: 12))), now: clock.now, minuteOfDay: nil, metrics: metrics)
        #expect(press(&kiosk, clock, .character("x")) == [.beginVisit])
    }

    @Test func quitIsNotAKeyInTheKiosk() {
        var (kiosk, clock) = self.kiosk()
        press(&kiosk, clock, .character("x"))
        #expect(press(&kiosk, clock, .character("q"), .character("Q")).isEmpty, "and only one: no effect while browsing")
        #expect(kiosk.phase == .browsing)
        #expect(!BrowseKeys.active(for: kiosk.app).footerHints.contains { $0.action == .quit })
        #expect(!BrowseKeys.active(for: kiosk.app).bindings.contains { $0.dispatch.contains { $0.1 == .quit } })
    }

    @Test func idleTimeBringsACountdownThatAnyKeyDismissesEveryTime() {
        var (kiosk, clock) = self.kiosk { $0.idleSeconds = 60; $0.warningSeconds = 25 }
        press(&kiosk, clock, .character("x"))
        press(&kiosk, clock, .enter, .down)
        let reading = kiosk.app
        for _ in 0..<12 {
            wait(&kiosk, clock, 59.75)
            #expect(kiosk.secondsUntilReset == nil)
            wait(&kiosk, clock, 0.25)
            #expect(kiosk.secondsUntilReset == 25)
            wait(&kiosk, clock, 10)
            #expect(kiosk.secondsUntilReset == 15)
            press(&kiosk, clock, .character("j"))
            #expect(kiosk.secondsUntilReset == nil)
            #expect(kiosk.app == reading, "the dismissing key only dismisses")
        }
        #expect(kiosk.resets == 0)
    }

    @Test func whenTheCountdownRunsOutEverythingIsWipedAndTheSlidesReturn() {
        var (kiosk, clock) = self.kiosk { $0.idleSeconds = 30; $0.warningSeconds = 20 }
        press(&kiosk, clock, .character("x"))
        press(&kiosk, clock, .character("3"), .character("j"), .character("/"), .character("p"), .character("a"))
        press(&kiosk, clock, .enter, .character("g"), .character("?"))
        #expect(kiosk.app != KioskState.freshApp(panelCount: 6, size: size))
        wait(&kiosk, clock, 30)
        #expect(kiosk.secondsUntilReset == 20)
        let effects = wait(&kiosk, clock, 20)
        #expect(effects == [.wipeScreen])
        #expect(kiosk.phase == .attract)
        #expect(kiosk.slide == 0)
        #expect(kiosk.resets == 1)
        #expect(kiosk.app == KioskState.freshApp(panelCount: 6, size: size),
                "no panel, scroll, search, history or overlay of the last visitor is left")
        #expect(kiosk.secondsUntilReset == nil)
    }

    @Test func aResetKeepsTheCurrentScreenSize() {
        var (kiosk, clock) = self.kiosk { $0.idleSeconds = 30; $0.warningSeconds = 20 }
        let bigger = Size(width: 120, height: 40)
        _ = kiosk.send(.input(.resize(bigger)), now: clock.now, minuteOfDay: nil, metrics: metrics)
        press(&kiosk, clock, .character("x"))
        wait(&kiosk, clock, 51)
        #expect(kiosk.app == KioskState.freshApp(panelCount: 6, size: bigger))
    }

    @Test func outsideOpeningHoursTheScreenGoesBlankUntilTouched() {
        var (kiosk, clock) = self.kiosk { config in
            config.openingHours = KioskConfig.OpeningHours("08:00-18:00")
        }
        wait(&kiosk, clock, 1, minute: 17 * 60 + 59)
        #expect(kiosk.phase == .attract)
        wait(&kiosk, clock, 1, minute: 18 * 60)
        #expect(kiosk.phase == .closed)
        press(&kiosk, clock, .character(" "))
        #expect(kiosk.phase == .browsing, "someone at night still gets the explorer")
        wait(&kiosk, clock, 200, minute: 23 * 60)
        #expect(kiosk.phase == .closed, "after the reset it goes dark again")
        wait(&kiosk, clock, 1, minute: 8 * 60)
        #expect(kiosk.phase == .attract)
    }

    @Test func theAttractScreenMovesACellEveryFewMinutes() {
        var (kiosk, clock) = self.kiosk()
        wait(&kiosk, clock, KioskState.driftSeconds - 1)
        #expect(kiosk.drift == 0)
        wait(&kiosk, clock, 1)
        #expect(kiosk.drift == 1)
    }

    // MARK: Staff exit

    private func withPIN() -> (KioskState, Clock) {
        kiosk { $0.pinHash = "configured" }   // the state machine only asks whether there is one
    }

    @Test func theChordThenTheRightPINExits() {
        var (kiosk, clock) = withPIN()
        press(&kiosk, clock, .function(12), .control("a"))
        #expect(kiosk.staff.entry != nil)
        #expect(press(&kiosk, clock, .character("1"), .character("2"), .character("3"), .character("4"), .enter)
                == [.checkPIN("1234")])
        #expect(kiosk.send(.pinChecked(true), now: clock.now, minuteOfDay: nil, metrics: metrics) == [.exit])
    }

    @Test func withoutAPINInTheConfigThereIsNoWayOut() {
        var (kiosk, clock) = self.kiosk()
        press(&kiosk, clock, .function(12), .control("a"))
        #expect(kiosk.staff.entry == nil)
    }

    @Test func theChordMustBeQuickAndThePromptClosesAfterTenSeconds() {
        var (kiosk, clock) = withPIN()
        press(&kiosk, clock, .function(12))
        wait(&kiosk, clock, 3.5)
        press(&kiosk, clock, .control("a"))
        #expect(kiosk.staff.entry == nil)
        press(&kiosk, clock, .function(12), .control("a"))
        #expect(kiosk.staff.entry != nil)
        wait(&kiosk, clock, 10.25)
        #expect(kiosk.staff.entry == nil)
    }

    @Test func fiveWrongPINsLockTheExitForThirtySeconds() {
        var (kiosk, clock) = withPIN()
        press(&kiosk, clock, .function(12), .control("a"))
        for attempt in 1...5 {
            #expect(press(&kiosk, clock, .character("9"), .character("9"), .character("9"), .character("9"), .enter)
                    == [.checkPIN("9999")])
            #expect(kiosk.send(.pinChecked(false), now: clock.now, minuteOfDay: nil, metrics: metrics).isEmpty)
            if attempt < 5 { #expect(kiosk.staff.entry?.rejected == true) }
        }
        #expect(kiosk.staff.entry == nil)
        #expect(kiosk.staff.lockedUntil == clock.now + 30)
        press(&kiosk, clock, .function(12), .control("a"))
        #expect(kiosk.staff.entry == nil, "locked")
        wait(&kiosk, clock, 30)
        press(&kiosk, clock, .function(12), .control("a"))
        #expect(kiosk.staff.entry != nil, "open again after thirty seconds")
    }

    @Test func escapeCancelsThePromptAndItsDigitsDoNotReachTheExplorer() {
        var (kiosk, clock) = withPIN()
        press(&kiosk, clock, .character("x"))
        let before = kiosk.app
        press(&kiosk, clock, .function(12), .control("a"), .character("2"), .escape)
        #expect(kiosk.staff.entry == nil)
        #expect(kiosk.app == before, "neither the digit nor Esc moved the explorer")
    }
}

extension KioskState {
    /// Applies `message` as the run loop does: then, if the explorer asks for the open panel's
    /// layout, sends it.
    mutating func send(_ message: KioskMsg, now: Double, minuteOfDay: Int?, metrics: FixedMetrics) -> [KioskEffect] {
        var effects = update(message, now: now, minuteOfDay: minuteOfDay, content: metrics)
        if app.needsLayout {
            effects += update(.input(.layout(metrics.layout(for: app))), now: now, minuteOfDay: minuteOfDay, content: metrics)
        }
        return effects
    }
}
