import ExplorerCore
import TermRender

/// Something that happened at the terminal.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    case pointer(Pointer)
    /// No input within the wait time: time to tick.
    case timeout
    /// The terminal went away (input closed or hung up).
    case hangup
}

/// What the one run loop needs of a terminal. `NcursesBackend` is the real one; tests use a
/// scripted one (events in, frames recorded) with a fake clock, so whole scenarios run in
/// milliseconds.
public protocol TerminalBackend: AnyObject {
    /// The screen's size now.
    var size: Size { get }
    /// Shows `buffer`, writing only what differs from what is on the screen.
    func draw(_ buffer: Buffer)
    /// The next key, click, resize, or a timeout after a short wait (a quarter of a second for
    /// ncurses). Suspending (Ctrl-Z) and resuming happen inside: once resumed it reports a
    /// resize, so the whole screen is drawn again.
    func readEvent() -> InputEvent
    /// Clears the screen, so nothing shown stays there.
    func clear()
    /// Clears the screen and the terminal's scrollback: nothing can be scrolled back to.
    func wipe()
    /// Leaves full-screen mode and restores the terminal.
    func shutdown()
}
