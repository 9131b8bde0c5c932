import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Terminal

/// The full-screen run loop: key or resize -> update -> view -> draw changed cells.
struct BrowseSession {
    private let backend: NcursesBackend
    private let documents: PanelDocuments
    private var state: AppState

    init(pack: ContentPack, info: TerminalInfo, color: Bool, mouse: Bool) throws {
        SignalGuard.installStopHandlers()
        do {
            backend = try NcursesBackend(info: info, theme: color ? .standard : .monochrome, color: color, mouse: mouse)
        } catch {
            PlainOutput.error("ketamine-explorer: \(error)")
            throw Exit.usageOrTerminal
        }
        documents = PanelDocuments(pack: pack, glyphs: info.isUTF8 ? .unicode : .ascii)
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
            let message: Msg
            switch backend.readEvent() {
            case .timeout: continue
            case .hangup: return nil
            case .resize(let size): message = .resize(size)
            case .key(let key): message = .key(key)
            case .pointer(let pointer): message = .pointer(pointer)
            }
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
