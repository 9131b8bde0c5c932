import CNcursesW
import ExplorerCore
import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// Something that happened at the terminal.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    case pointer(Pointer)
    /// No input within the wait time.
    case timeout
    /// The terminal went away (input closed or hung up).
    case hangup
}

/// The only code that calls curses. It starts full-screen mode, draws only the cells that
/// changed since the last frame, decodes keys, and restores the terminal on every way out.
public final class NcursesBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let theme: Theme
    private let useColor: Bool
    /// The locale is not UTF-8: every character is drawn in ASCII of the same width.
    private let asciiOnly: Bool
    /// The colour pairs made so far; pair n is at index n-1. A theme has a few dozen at most,
    /// so a list searched in order (a dictionary keyed by CellStyle cost a scan of every
    /// protocol conformance in the binary at start-up, to check CellStyle is Hashable).
    private var pairs: [CellStyle] = []
    private var previous: Buffer?
    private var active = true
    private var cursorShown = false

    /// Starts full-screen mode. Call only after `TerminalCheck.run()` succeeded.
    /// - Parameters:
    ///   - theme: how roles look.
    ///   - color: false for NO_COLOR or a monochrome theme; colour is also off when the terminal has none.
    ///   - waitMilliseconds: how long `readEvent` waits before reporting a timeout.
    ///   - mouse: report clicks, taps and the wheel (touch screens send taps as clicks).
    ///   - raw: the kiosk's raw mode: Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-S and Ctrl-Q arrive as keys
    ///     instead of signals or flow control (cbreak mode would let them stop or suspend it).
    public init(info: TerminalInfo, theme: Theme, color: Bool, mouse: Bool, raw: Bool = false,
                waitMilliseconds: Int32 = 250) throws(TerminalProblem) {
        var modes = termios()
        tcgetattr(STDIN_FILENO, &modes)
        // Unicode box drawing instead of the VT100 alternate character set.
        setenv("NCURSES_NO_UTF8_ACS", "1", 0)
        guard let screen = newterm(nil, kx_stdout(), kx_stdin()), let window = kx_stdscr() else {
            throw .cannotStart(info.term)
        }
        self.screen = screen
        self.window = window
        self.theme = theme
        asciiOnly = !info.isUTF8
        if raw { CNcursesW.raw() } else { cbreak() }
        noecho()
        nonl()
        intrflush(window, false)
        // Scroll with insert/delete line where the terminal has no scroll region (ansi, sun,
        // cons25): without this, ncurses repaints every line of a scrolled panel (about 1,000
        // bytes a line instead of 75). Terminals with a scroll region still use it.
        idlok(window, true)
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, waitMilliseconds)
        // ncurses 6.4 leaves a new screen in its "initial" state until the first endwin, and
        // in that state flushes its output at every cursor move: a frame went out in 4 to 30
        // write calls, which a terminal may show half drawn and ssh sends as many packets.
        // Suspending once and resuming (endwin, then a refresh that clears the screen) puts it
        // in the running state, where a frame is one write. Before colours are started, or
        // resuming would also reset the terminal's palette (terminfo oc).
        endwin()
        wnoutrefresh(window)
        doupdate()
        curs_set(0)
        if mouse {
            mousemask(kx_BUTTON1_PRESSED() | kx_BUTTON1_CLICKED() | kx_BUTTON4_PRESSED() | kx_BUTTON5_PRESSED(), nil)
            mouseinterval(0)   // report a press at once, not after waiting to see if it is a click
        }
        self.useColor = color && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        // A theme with its own background (high contrast) paints every blank cell with it too.
        if useColor, theme.style(for: .plain).background != .terminalDefault {
            wbkgdset(window, chtype(UInt8(ascii: " ")) | kx_COLOR_PAIR(Int32(colorPair(for: theme.style(for: .plain)))))
        }
        SignalGuard.armCrashRestore(modes: modes, bytes: Self.restoreSequence())
        atexit { NcursesBackend.restoreAtExit() }
    }

    deinit { shutdown() }

    /// The terminal's current size.
    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Draws `buffer`, writing only the cells that differ from the last frame.
    public func draw(_ buffer: Buffer) {
        guard active else { return }
        if previous?.size != buffer.size {
            // A new or resized screen starts blank, so blank cells need no writing.
            werase(window)
            previous = Buffer(size: buffer.size)
        }
        // Consecutive changed cells of one style go out as one string.
        var run: [wchar_t] = []
        var runStart: Buffer.Change?
        var runEnd = 0
        for change in buffer.changes(from: previous) {
            if let start = runStart, start.y == change.y, runEnd == change.x, start.cell.role == change.cell.role {
                append(change.cell, to: &run)
                runEnd += 1
                continue
            }
            if let start = runStart { put(run, at: start) }
            run.removeAll(keepingCapacity: true)
            append(change.cell, to: &run)
            runStart = change
            runEnd = change.x + 1
        }
        if let start = runStart { put(run, at: start) }
        previous = buffer
        placeCursor(buffer.cursor)
        wnoutrefresh(window)
        doupdate()
    }

    /// The cursor on the focused item (readers and magnifiers follow it), or hidden.
    private func placeCursor(_ point: Buffer.Point?) {
        if let point {
            wmove(window, Int32(point.y), Int32(point.x))
            if !cursorShown { curs_set(1); cursorShown = true }
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
    }

    /// Clears the screen, so nothing shown stays there.
    public func clear() {
        guard active else { return }
        wclear(window)
        wnoutrefresh(window)
        doupdate()
        previous = Buffer(size: size)
    }

    /// Clears the screen and the terminal's scrollback (terminfo E3, where the terminal has
    /// it), so nothing the last visitor saw can be scrolled back to.
    public func wipe() {
        clear()
        if let clearScrollback = kx_string_capability("E3") { putp(clearScrollback) }
        fflush(kx_stdout())
    }

    /// Waits for the next key, resize or timeout.
    public func readEvent() -> InputEvent {
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if status == KEY_CODE_YES {
            let code = Int32(character)
            if code == KEY_RESIZE {
                previous = nil
                return .resize(size)
            }
            if code == KEY_MOUSE { return mouseEvent() }
            return .key(Self.key(forCode: code))
        }
        if status == OK { return .key(Self.key(forCharacter: UInt32(character))) }
        // ERR: a timeout, or an interrupted wait; if input is gone, it would repeat forever.
        return isatty(STDIN_FILENO) == 0 ? .hangup : .timeout
    }

    /// Leaves full-screen mode and restores the terminal. Safe to call more than once.
    public func shutdown() {
        guard active else { return }
        // Without an alternate screen (vt100, linux) the last frame would stay under the
        // shell's prompt: clear it, so the terminal is left as clean as it was found.
        if kx_string_capability("rmcup") == nil { clear() }
        active = false
        curs_set(1)
        endwin()
        delscreen(screen)
        SignalGuard.disarm()
        NcursesBackend.live = false
    }

    private func mouseEvent() -> InputEvent {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .timeout }
        if event.bstate & kx_BUTTON4_PRESSED() != 0 { return .pointer(.wheelUp) }
        if event.bstate & kx_BUTTON5_PRESSED() != 0 { return .pointer(.wheelDown) }
        if event.bstate & (kx_BUTTON1_PRESSED() | kx_BUTTON1_CLICKED()) != 0 {
            return .pointer(.click(x: Int(event.x), y: Int(event.y)))
        }
        return .timeout
    }

    // MARK: Drawing

    private func append(_ cell: Cell, to run: inout [wchar_t]) {
        let text = asciiOnly ? cell.text.map(ASCIIFallback.text(for:)).joined() : cell.text
        for scalar in text.unicodeScalars { run.append(wchar_t(bitPattern: scalar.value)) }
    }

    private func put(_ run: [wchar_t], at start: Buffer.Change) {
        let style = theme.style(for: start.cell.role)
        var attributes = kx_A_NORMAL()
        if style.bold { attributes |= kx_A_BOLD() }
        if style.underline { attributes |= kx_A_UNDERLINE() }
        if style.reverse { attributes |= kx_A_REVERSE() }
        if style.dim { attributes |= kx_A_DIM() }
        wattr_set(window, attributes, useColor ? colorPair(for: style) : 0, nil)
        _ = run.withUnsafeBufferPointer { characters in
            mvwaddnwstr(window, Int32(start.y), Int32(start.x), characters.baseAddress, Int32(characters.count))
        }
    }

    private func colorPair(for style: CellStyle) -> Int16 {
        if style.foreground == .terminalDefault && style.background == .terminalDefault { return 0 }
        let key = CellStyle(foreground: style.foreground, background: style.background)
        if let index = pairs.firstIndex(of: key) { return Int16(index + 1) }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < kx_color_pairs() else { return 0 }
        let colors = Int(kx_colors())
        init_pair(next, style.foreground.cursesNumber(colors: colors), style.background.cursesNumber(colors: colors))
        pairs.append(key)
        return next
    }

    // MARK: Keys

    private static func key(forCode code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_F0 + 1...KEY_F0 + 63: return .function(Int(code - KEY_F0))
        default:
            // Alt-arrows have no fixed codes; terminfo names them kLFT3 and kRIT3.
            switch keyname(code).map({ String(cString: $0) }) {
            case "kLFT3"?: return .altLeft
            case "kRIT3"?: return .altRight
            default: return .unknown(Int(code))
            }
        }
    }

    private static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return .control(Character(Unicode.Scalar(value + 96).map(String.init) ?? "?"))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
            return .character(Character(scalar))
        }
    }

    // MARK: Restoring

    /// True between start-up and shutdown; read by the exit hook.
    nonisolated(unsafe) fileprivate static var live = true

    private static func restoreAtExit() {
        guard live, isendwin() == false else { return }
        curs_set(1)
        endwin()
    }

    /// The terminal's own sequences for leaving full-screen mode, from terminfo.
    private static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = kx_string_capability(name) {
                bytes += Array(String(cString: value).utf8)
            }
        }
        return bytes
    }
}
