import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Terminal

/// What the command line chose for a full-screen session.
struct BrowseSettings {
    /// Take clicks, taps and the wheel (`--no-mouse` turns it off).
    var mouse = true
    /// Animate the mechanism pictures (`--reduce-motion` shows them as stills).
    var motion = true
}

/// The full-screen run loop: key, resize or tick -> update -> view -> draw changed cells.
struct BrowseSession {
    private let backend: NcursesBackend
    private let documents: PanelDocuments
    private let clock: any TickClock
    private var state: AppState

    init(pack: ContentPack, info: TerminalInfo, color: Bool, settings: BrowseSettings,
         clock: any TickClock = MonotonicClock()) throws {
        SignalGuard.installStopHandlers()
        do {
            backend = try NcursesBackend(info: info, theme: color ? .standard : .monochrome, color: color,
                                         mouse: settings.mouse)
        } catch {
            PlainOutput.error("ketamine-explorer: \(error)")
            throw Exit.usageOrTerminal
        }
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
