import ContentModel
import TermRender

/// Work the kiosk asks of the outside world; `update` never does it itself.
public enum KioskEffect: Equatable, Sendable {
    /// A visitor woke the kiosk: from here on, everything they do must end with the visit.
    /// The kiosk's run loop carries the visit out in a process of its own that exits at the
    /// wipe, so nothing of it stays in the kiosk's memory (a fresh `AppState` alone left copies
    /// of what was typed in freed memory).
    case beginVisit
    /// Clear the screen and the terminal's scrollback: the last visitor left.
    case wipeScreen
    /// Check a typed PIN against the config's hash (slow on purpose); the answer comes back
    /// as `.pinChecked`.
    case checkPIN(String)
    /// Staff typed the right PIN: end the program, restoring the terminal.
    case exit
    /// The visitor asked for the other language (the program holds both packs): its answer
    /// comes back as `.input(.languageSwitched)`.
    case switchLanguage
    /// A speech key's ask (the program answers it with words to say), or what to say or hush.
    case speech(SpeechRequest)
}

/// What the kiosk is told: input and time, the answer to a PIN check, or staff's "reset now".
public enum KioskMsg: Equatable, Sendable {
    case input(Msg)
    /// The answer to `.checkPIN`.
    case pinChecked(Bool)
    /// Staff asked (SIGUSR1) to wipe the visit now, as an idle reset does.
    case resetNow
}

/// The unattended waiting-room kiosk: attract loop, the explorer while someone uses it,
/// the "Still there?" countdown, the wipe, opening hours and the staff exit. Pure: the run
/// loop hands in every message with the time it arrived.
///
/// Privacy: everything a visitor did lives in `app` and nowhere else; a reset replaces it
/// with a fresh `AppState`, so nothing of it survives in memory or on screen.
public struct KioskState: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// Nobody is using it: slides cycle.
        case attract
        /// Someone is using the explorer.
        case browsing
        /// Outside opening hours: the screen is blank until someone touches it.
        case closed
    }

    public let config: KioskConfig
    /// Attract slides in all: with a second language, each of the pack's slides twice, the
    /// first language's and the second's by turns.
    public let slideCount: Int
    /// A second language is there: the slides alternate, and a visitor may switch (`L`).
    public let bilingual: Bool
    public private(set) var phase: Phase
    /// The explorer; a fresh one at start-up and after every reset.
    public private(set) var app: AppState
    public private(set) var slide: Int
    private var slideShownAt: Double?
    /// When the visitor last pressed or touched anything.
    private var lastInput: Double
    /// When the countdown began, while it runs.
    public private(set) var warningSince: Double?
    /// How many times the screen moved a cell, against burn-in.
    public private(set) var drift: Int
    private var driftMovedAt: Double?
    public private(set) var staff: StaffExit
    /// How many visitors' sessions were wiped (for the heartbeat: a count, nothing else).
    public private(set) var resets: Int
    /// The time of the last message: what the views count down from.
    public private(set) var now: Double

    /// How often the attract screen moves a cell so nothing burns in.
    public static let driftSeconds = 120.0

    /// When the config's `speech:` is not `off`, the voice's keys work, in this explorer and
    /// every fresh one after a reset.
    public init(config: KioskConfig, slideCount: Int, panelCount: Int, size: Size, now: Double, bilingual: Bool = false) {
        self.config = config
        self.bilingual = bilingual
        self.slideCount = max(1, slideCount) * (bilingual ? 2 : 1)
        phase = .attract
        app = Self.freshApp(panelCount: panelCount, size: size, bilingual: bilingual, speaks: config.speech != .off)
        slide = 0
        slideShownAt = now
        lastInput = now
        warningSince = nil
        drift = 0
        driftMovedAt = now
        staff = StaffExit()
        resets = 0
        self.now = now
    }

    /// The explorer as a new visitor finds it: home panel, nothing searched, no history, no quit.
    public static func freshApp(panelCount: Int, size: Size, bilingual: Bool = false, speaks: Bool = false) -> AppState {
        var app = AppState(panelCount: panelCount, size: size, offersLanguage: bilingual, speaks: speaks)
        app.allowsQuit = false
        return app
    }

    /// Seconds left before the wipe, while the countdown runs.
    public var secondsUntilReset: Int? {
        warningSince.map { max(0, Int((Double(config.warningSeconds) - (now - $0)).rounded(.up))) }
    }

    /// Applies one message that arrived at `now`. `minuteOfDay` (local time) drives opening hours.
    public mutating func update(_ message: KioskMsg, now: Double, minuteOfDay: Int?,
                                content: some ContentAnswers) -> [KioskEffect] {
        self.now = now
        staff.expire(now: now)
        switch message {
        case .input(.tick):
            return tick(now: now, minuteOfDay: minuteOfDay, content: content)
        case .input(.key(let key)):
            if staff.entry != nil { return staff.type(key, now: now) }
            if staff.chord(key, now: now, pinConfigured: config.pinHash != nil) { return [] }
            return input(.key(key), content: content)
        case .input(let msg) where msg.isUserInput:   // a tap, the wheel, an action or a search by name
            return input(msg, content: content)
        case .input(let msg):
            // Not a visitor: the window's size, the view's layout, the program's answers (the
            // language switched, no sound). They neither wake the kiosk nor keep a visit going,
            // and what the explorer makes of them stays (no sound outlasts the reset).
            return explorer(msg, content: content)
        case .pinChecked(let accepted):
            return staff.checked(accepted, now: now)
        case .resetNow:
            return reset()
        }
    }

    /// The same for input and time alone.
    public mutating func update(_ msg: Msg, now: Double, minuteOfDay: Int?, content: some ContentAnswers) -> [KioskEffect] {
        update(.input(msg), now: now, minuteOfDay: minuteOfDay, content: content)
    }

    /// Passes a message to the explorer and carries out, or refuses, each of its effects.
    @discardableResult
    private mutating func explorer(_ msg: Msg, content: some ContentAnswers) -> [KioskEffect] {
        var effects: [KioskEffect] = []
        for effect in ExplorerCore.update(&app, msg, content: content) {
            switch effect {
            case .quit:
                continue   // refused: a visitor cannot leave the kiosk (its keymaps have no quit anyway)
            case .switchLanguage:
                effects.append(.switchLanguage)   // carried out by the program, which holds both packs
            case .speech(let request):
                effects.append(.speech(request))   // answered by the program, which knows the words
            }
        }
        return effects
    }

    private mutating func input(_ msg: Msg, content: some ContentAnswers) -> [KioskEffect] {
        // While the screen only asks to be enlarged, nothing starts unseen (the staff chord
        // still works: it is handled before this).
        if app.isTooSmall && phase != .browsing { return [] }
        lastInput = now
        if warningSince != nil {
            warningSince = nil   // any key or touch keeps the session; the key itself does nothing else
            return []
        }
        guard phase == .browsing else {
            phase = .browsing   // the first key or touch only wakes it, at the home panel
            return [.beginVisit]
        }
        return explorer(msg, content: content)
    }

    private mutating func tick(now: Double, minuteOfDay: Int?, content: some ContentAnswers) -> [KioskEffect] {
        let open = minuteOfDay.map { minute in config.openingHours?.contains(minute: minute) ?? true } ?? true
        switch phase {
        case .closed:
            if open { show(.attract) }
        case .attract:
            if !open {
                show(.closed)
                return []
            }
            if let shown = slideShownAt, now - shown >= Double(config.slideSeconds) {
                slide = (slide + 1) % slideCount
                slideShownAt = now
            }
        case .browsing:
            explorer(.tick(now), content: content)
            if let since = warningSince {
                if now - since >= Double(config.warningSeconds) { return reset() }
            } else if now - lastInput >= Double(config.idleSeconds) {
                warningSince = now
            }
        }
        if let moved = driftMovedAt, now - moved >= Self.driftSeconds {
            drift += 1
            driftMovedAt = now
        }
        return []
    }

    /// The visitor has gone: everything they did is replaced by a fresh explorer.
    private mutating func reset() -> [KioskEffect] {
        app = Self.freshApp(panelCount: app.panelCount, size: app.size, bilingual: bilingual, speaks: app.speaks)
        warningSince = nil
        resets += 1
        show(.attract)
        return [.wipeScreen]
    }

    private mutating func show(_ next: Phase) {
        phase = next
        slide = 0
        slideShownAt = now
    }
}

/// The staff exit: a chord (F12, then Ctrl-A within three seconds), then the PIN within ten.
/// Five wrong PINs lock it for thirty seconds. Without a PIN in the config there is no way out.
public struct StaffExit: Equatable, Sendable {
    /// The PIN prompt, while it is open.
    public struct Entry: Equatable, Sendable {
        public fileprivate(set) var digits: String = ""
        let openedAt: Double
        /// Set after a wrong PIN, so the prompt says so.
        public fileprivate(set) var rejected = false
    }

    public private(set) var entry: Entry?
    private var chordStartedAt: Double?
    private var failures = 0
    /// Until when the prompt will not open.
    public private(set) var lockedUntil: Double?
    /// Waiting for a typed PIN to be checked.
    public private(set) var checking = false

    public static let chordSeconds = 3.0
    public static let entrySeconds = 10.0
    public static let attempts = 5
    public static let lockSeconds = 30.0
    public static let maximumDigits = 12

    init() {}

    mutating func expire(now: Double) {
        if let started = chordStartedAt, now - started > Self.chordSeconds { chordStartedAt = nil }
        if let entry, !checking, now - entry.openedAt > Self.entrySeconds { self.entry = nil }
        if let until = lockedUntil, now >= until { lockedUntil = nil }
    }

    /// Watches for the chord; true when the key was part of it (and so is not a visitor's key).
    mutating func chord(_ key: Key, now: Double, pinConfigured: Bool) -> Bool {
        guard pinConfigured else { return false }
        if key == .function(12) {
            chordStartedAt = now
            return true
        }
        guard key == .control("a"), chordStartedAt != nil else { return false }
        chordStartedAt = nil
        if lockedUntil == nil { entry = Entry(openedAt: now) }
        return true
    }

    /// A key while the PIN prompt is open: digits, Backspace, Enter, or Esc to cancel.
    mutating func type(_ key: Key, now: Double) -> [KioskEffect] {
        guard var entry, !checking else { return [] }
        switch key {
        case .character(let character) where character.isASCII && character.isNumber:
            if entry.digits.count < Self.maximumDigits { entry.digits.append(character) }
        case .backspace, .delete:
            if !entry.digits.isEmpty { entry.digits.removeLast() }
        case .escape:
            self.entry = nil
            return []
        case .enter:
            guard !entry.digits.isEmpty else { return [] }
            checking = true
            self.entry = entry
            return [.checkPIN(entry.digits)]
        default:
            break
        }
        self.entry = entry
        return []
    }

    mutating func checked(_ accepted: Bool, now: Double) -> [KioskEffect] {
        checking = false
        guard !accepted else {
            entry = nil
            return [.exit]
        }
        failures += 1
        if failures >= Self.attempts {
            failures = 0
            entry = nil
            lockedUntil = now + Self.lockSeconds
        } else {
            entry = Entry(openedAt: now, rejected: true)   // a fresh ten seconds for another try
        }
        return []
    }
}
