import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// What the command line chose for a full-screen session.
struct BrowseSettings {
    /// Take clicks, taps and the wheel (`--no-mouse` turns it off).
    var mouse = true
    /// Animate the mechanism pictures (`--reduce-motion` shows them as stills).
    var motion = true
    /// How roles look (`--theme`).
    var theme = Theme.standard
    /// `--color`: colour even when NO_COLOR is set.
    var forceColor = false
    /// `--plain`: numbered menus and plain lines instead of the full screen.
    var plain = false

    /// Plain lines are used when asked for, and when the full screen cannot work: output
    /// is not a terminal (a pipe, a file, a screen reader's capture) or TERM is dumb.
    var usePlain: Bool {
        plain || isatty(STDOUT_FILENO) == 0 || getenv("TERM").map { String(cString: $0) == "dumb" } == true
    }

    /// Colour is used when the theme has any, unless NO_COLOR is set (to anything but
    /// empty) and `--color` is not given.
    var color: Bool {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        return theme.usesColor && (forceColor || !noColor)
    }

    /// Starts full-screen mode, or says why not and exits 2.
    func startBackend(info: TerminalInfo, raw: Bool = false) throws -> NcursesBackend {
        do {
            return try NcursesBackend(info: info, theme: color ? theme : .monochrome, color: color, mouse: mouse, raw: raw)
        } catch {
            PlainOutput.error("ketamine-explorer: \(error)")
            throw Exit.usageOrTerminal
        }
    }
}

/// The full-screen run loop: key, resize or tick -> update -> view -> draw changed cells.
struct BrowseSession {
    private let backend: NcursesBackend
    private let documents: PanelDocuments
    private let clock: any TickClock
    private var state: AppState

    init(pack: ContentPack, info: TerminalInfo, settings: BrowseSettings, clock: any TickClock = MonotonicClock()) throws {
        SignalGuard.installStopHandlers()
        backend = try settings.startBackend(info: info)
        documents = PanelDocuments(pack: pack, glyphs: info.isUTF8 ? .unicode : .ascii, motion: settings.motion)
        self.clock = clock
        state = AppState(panelCount: pack.topics.count, size: backend.size)
    }

    /// Runs until the user quits or a stop signal arrives; returns that signal, if any.
    /// The terminal is restored before it returns.
    mutating func run() -> Int32? {
        defer { backend.shutdown() }
        var needsDraw = true
        while true {
            if let signal = SignalGuard.pending { return signal }
            if needsDraw {
                backend.draw(ExplorerView.render(state, documents: documents))
                needsDraw = false
            }
            guard let message = backend.readEvent().message(clock: clock) else { return nil }
            let before = state
            let effects = update(&state, message, metrics: documents)
            if effects.contains(.quit) { return nil }
            needsDraw = state != before || isResize(message)
        }
    }

    private func isResize(_ message: Msg) -> Bool {
        if case .resize = message { return true }
        return false
    }
}

extension InputEvent {
    /// What `update` is told: a timeout is a tick of `clock`. Nil when the terminal went away.
    func message(clock: any TickClock) -> Msg? {
        switch self {
        case .timeout: return .tick(clock.now())
        case .hangup: return nil
        case .resize(let size): return .resize(size)
        case .key(let key): return .key(key)
        case .pointer(let pointer): return .pointer(pointer)
        }
    }
}
