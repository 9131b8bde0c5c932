import CNcursesW
import ExplorerCore
import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// The only code that calls curses. ncurses sets the terminal's modes, reads keys, mouse and
/// resizes, and enters and leaves full-screen mode; the frames themselves are drawn by a
/// `FrameWriter` from the terminal's terminfo strings (why: see FrameWriter) and written in
/// one `write` each. ncurses never draws: nothing is put in its windows.
public final class NcursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var writer: FrameWriter
    /// The terminal's restore strings (sgr0, cnorm, rmkx, rmcup), for the crash handler.
    private let restoreTail: [UInt8]
    private var active = true

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
        Self.windowSize()
        guard let screen = newterm(nil, kx_stdout(), kx_stdin()), let window = kx_stdscr(),
              let capabilities = TerminalCapabilities.loaded() else {
            throw .cannotStart(info.term)
        }
        self.screen = screen
        self.window = window
        if raw { CNcursesW.raw() } else { cbreak() }
        noecho()
        nonl()
        Self.turnOffFlowControl()
        var drawingModes = termios()
        tcgetattr(STDOUT_FILENO, &drawingModes)
        let lineFeedReturns = drawingModes.c_oflag & tcflag_t(OPOST) != 0 && drawingModes.c_oflag & tcflag_t(ONLCR) != 0
        writer = FrameWriter(capabilities: capabilities, theme: theme, color: color && has_colors(),
                             asciiOnly: !info.isUTF8, lineFeedReturns: lineFeedReturns, cursorVisible: false)
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, waitMilliseconds)
        // Enter full-screen mode now, in one go: ncurses sends smcup, resets the scroll region
        // and clears the screen at its first refresh. (ncurses 6.4 also flushes at every
        // cursor move until the screen has once been suspended and resumed; suspending once
        // here keeps its own few writes whole.)
        endwin()
        wnoutrefresh(window)
        doupdate()
        curs_set(0)
        if mouse {
            mousemask(kx_BUTTON1_PRESSED() | kx_BUTTON1_CLICKED() | kx_BUTTON4_PRESSED() | kx_BUTTON5_PRESSED(), nil)
            mouseinterval(0)   // report a press at once, not after waiting to see if it is a click
        }
        restoreTail = Self.restoreSequence()
        SignalGuard.armCrashRestore(modes: modes, bytes: hurriedExitBytes())
        atexit { NcursesBackend.restoreAtExit() }
    }

    deinit { shutdown() }

    /// The terminal's current size.
    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Draws `buffer`, writing only what differs from the last frame, in one write.
    public func draw(_ buffer: Buffer) {
        guard active else { return }
        send(writer.bytes(for: buffer))
    }

    /// What leaving in a hurry writes for the screen's height now: the whole screen as the
    /// scroll region (which the writer leaves set) for the exit hook, and with the terminal's
    /// restore strings after it for the crash handler.
    private func hurriedExitBytes() -> [UInt8] {
        let reset = writer.regionReset(height: size.height)
        NcursesBackend.exitBytes = reset
        return reset + restoreTail
    }

    /// Forgets what the screen shows, so the next frame and wipe send everything: another
    /// process (a kiosk visit) drew on this terminal meanwhile.
    public func forgetScreen() {
        writer.invalidate()
    }

    /// Clears the screen, so nothing shown stays there.
    public func clear() {
        guard active else { return }
        send(writer.clearBytes(scrollback: false, screen: size))
    }

    /// Clears the screen and the terminal's scrollback (terminfo E3, where the terminal has
    /// it), so nothing the last visitor saw can be scrolled back to.
    public func wipe() {
        guard active else { return }
        send(writer.clearBytes(scrollback: true, screen: size))
    }

    /// The largest screen drawn: a bigger window shows the program in its top left corner at
    /// this size. ncurses keeps sizes in 16 bits (it crashed at 32,768 columns), and a
    /// 1x65,535 window cost 443 MB; 500x200 is wider than any monitor's text at a readable
    /// font and keeps every buffer under a few MiB.
    public static let largest = Size(width: 500, height: 200)

    /// Rows and columns the kernel says the terminal has, at most `largest` (0 when it cannot
    /// say). ncurses reads the size again itself at start and after a suspend, and takes LINES
    /// and COLUMNS over the kernel's figures: they are set to the same clamped size for it.
    @discardableResult
    private static func windowSize() -> (rows: Int, columns: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return (0, 0) }
        let rows = min(Int(size.ws_row), largest.height), columns = min(Int(size.ws_col), largest.width)
        setenv("LINES", "\(rows)", 1)
        setenv("COLUMNS", "\(columns)", 1)
        return (rows, columns)
    }

    /// Waits for the next key, resize or timeout. After Ctrl-Z it suspends, and once
    /// continued reports a resize so the whole screen is drawn again.
    public func readEvent() -> InputEvent {
        if SignalGuard.takeResizeRequest() { return resized() }
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if status == KEY_CODE_YES {
            let code = Int32(character)
            if code == KEY_RESIZE { return resized() }
            if code == KEY_MOUSE { return mouseEvent() }
            return .key(KeyDecoder.key(forCode: code))
        }
        if status == OK { return .key(KeyDecoder.key(forCharacter: UInt32(character))) }
        if SignalGuard.takeResizeRequest() { return resized() }
        if SignalGuard.takeSuspendRequest() {
            suspend()
            return resized()
        }
        // ERR: a timeout, or an interrupted wait; if input is gone, it would repeat forever.
        return isatty(STDIN_FILENO) == 0 ? .hangup : .timeout
    }

    /// Tells ncurses the new size, at most `largest`, and reports it.
    private func resized() -> InputEvent {
        let (rows, columns) = Self.windowSize()
        if rows > 0 { resize_term(Int32(rows), Int32(columns)) }
        // ncurses marks its (empty) window changed on a resize; were it left so, the next
        // wait for a key would draw that empty window over the frame.
        wnoutrefresh(window)
        writer.invalidate()
        SignalGuard.updateRestoreBytes(hurriedExitBytes())
        return .resize(size)
    }

    /// Work before the program stops for Ctrl-Z: the voice is hushed (its helper, in a process
    /// group of its own, is not stopped with the program).
    public var beforeSuspend: (() -> Void)?

    /// Hands the terminal back to the shell until the program is continued, then takes it again.
    private func suspend() {
        beforeSuspend?()
        clearUnlessAlternateScreen()
        send(writer.leave())
        curs_set(1)
        endwin()
        SignalGuard.suspend()
        Self.windowSize()   // the window may have changed size meanwhile
        // Continued: ncurses restores the program's modes and full-screen mode at its refresh.
        wnoutrefresh(window)
        doupdate()
        curs_set(0)
        writer.invalidate()
    }

    /// Leaves full-screen mode and restores the terminal. Safe to call more than once.
    public func shutdown() {
        guard active else { return }
        clearUnlessAlternateScreen()
        send(writer.leave())
        active = false
        curs_set(1)
        endwin()
        delscreen(screen)
        SignalGuard.disarm()
        NcursesBackend.live = false
    }

    /// Without an alternate screen (vt100, linux) the last frame would stay under the shell's
    /// prompt, a guided session's answers with it: clear it, so the terminal is left as clean
    /// as it was found.
    private func clearUnlessAlternateScreen() {
        if kx_string_capability("rmcup") == nil { clear() }
    }

    /// cbreak mode leaves the terminal's flow control on, so Ctrl-S would stop all output
    /// (the screen looks frozen) until Ctrl-Q. Nobody reading a panel means that: turn it off,
    /// so Ctrl-S and Ctrl-Q arrive as keys, as they do in raw mode; `def_prog_mode` makes
    /// ncurses restore this after a suspend, and `endwin` puts the shell's modes back.
    private static func turnOffFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0, modes.c_iflag & tcflag_t(IXON) != 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        def_prog_mode()
    }

    /// Writes all of `bytes` to the terminal in one call (more only if the kernel takes part).
    ///
    /// A write can block: the terminal's output was stopped (XOFF, where flow control is on)
    /// or nobody reads a pty. A stop signal interrupts it (no SA_RESTART). From then on the
    /// terminal's output is restarted (flow control off, TCOON) and each write may block for
    /// at most half a second (a timer interrupts it) before the rest is given up, so SIGTERM
    /// always ends the program and the restore strings are sent when they can be.
    private func send(_ bytes: [UInt8]) {
        var offset = 0
        var stopping = false
        while offset < bytes.count {
            if !stopping, SignalGuard.pending != nil {
                stopping = true
                Self.restartOutput()
            }
            if stopping { SignalGuard.interruptWrite(afterMicroseconds: 500_000) }
            let written = bytes.withUnsafeBufferPointer { pointer -> Int in
                guard let base = pointer.baseAddress else { return 0 }
                return write(STDOUT_FILENO, base + offset, pointer.count - offset)
            }
            let failure = errno
            if stopping { SignalGuard.interruptWrite(afterMicroseconds: 0) }
            if written > 0 {
                offset += written
            } else if written < 0 && failure == EINTR && !stopping {
                continue   // a signal: the next turn sees whether it asks to stop
            } else if written < 0 && failure == EAGAIN {
                continue
            } else {
                return   // the terminal is gone, or will not take bytes while stopping
            }
        }
    }

    /// Output stopped by XOFF starts again when flow control is turned off (TCSANOW: without
    /// waiting for the stopped output to drain), and output stopped by TCOOFF with TCOON.
    private static func restartOutput() {
        var modes = termios()
        if tcgetattr(STDOUT_FILENO, &modes) == 0, modes.c_iflag & tcflag_t(IXON) != 0 {
            modes.c_iflag &= ~tcflag_t(IXON)
            tcsetattr(STDOUT_FILENO, TCSANOW, &modes)
        }
        _ = tcflow(STDOUT_FILENO, TCOON)
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

    // MARK: Restoring

    /// True between start-up and shutdown; read by the exit hook.
    nonisolated(unsafe) fileprivate static var live = true

    /// What leaving at exit writes before `endwin`: the whole screen as the scroll region.
    nonisolated(unsafe) fileprivate static var exitBytes: [UInt8] = []

    private static func restoreAtExit() {
        guard live, isendwin() == false else { return }
        exitBytes.withUnsafeBufferPointer { pointer in
            if let base = pointer.baseAddress { _ = write(STDOUT_FILENO, base, pointer.count) }
        }
        curs_set(1)
        endwin()
    }

    /// The terminal's own sequences for leaving full-screen mode, from terminfo.
    private static func restoreSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = kx_string_capability(name) { bytes += TerminalCapabilities.bytes(of: value) }
        }
        return bytes
    }
}
