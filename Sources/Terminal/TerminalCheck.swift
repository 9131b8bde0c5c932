import CNcursesW
#if canImport(Glibc)
import Glibc
#endif

/// Why the full-screen explorer cannot run here. Each message says what to do instead.
public enum TerminalProblem: Error, Equatable, CustomStringConvertible {
    case inputNotTerminal
    case outputNotTerminal
    case termUnset
    case termDumb
    case unknownTerminal(String)
    case noCursorAddressing(String)
    case cannotStart(String)

    public var description: String {
        let plain = "Use `ketamine-explorer --plain` for plain text and numbered menus, or `ketamine-explorer show` to print the panels."
        switch self {
        case .inputNotTerminal:
            return "standard input is not a terminal, so keys cannot be read. Run it in a terminal window. \(plain)"
        case .outputNotTerminal:
            return "standard output is not a terminal (it is a pipe or a file). \(plain)"
        case .termUnset:
            return "TERM is not set, so the terminal type is unknown. Set it, for example `export TERM=xterm-256color`. \(plain)"
        case .termDumb:
            return "TERM is 'dumb': this terminal cannot move the cursor, which the explorer needs. \(plain)"
        case .unknownTerminal(let term):
            return "the terminal type '\(term)' (from TERM) is not in this system's terminal database. "
                + "Install it (Debian: `apt-get install ncurses-term`) or set TERM=xterm-256color. \(plain)"
        case .noCursorAddressing(let term):
            return "the terminal type '\(term)' cannot move the cursor, which the explorer needs. \(plain)"
        case .cannotStart(let term):
            return "the terminal '\(term)' could not be started by ncurses. \(plain)"
        }
    }
}

/// What the checks learned about the terminal.
public struct TerminalInfo: Sendable {
    public let term: String
    /// The locale's character set is UTF-8, so box drawing and accents can be shown.
    public let isUTF8: Bool
}

/// Checks, before any curses call, that a full-screen program can run: both ends are
/// terminals, TERM names a known terminal, and that terminal can address the cursor. Writes
/// nothing to the terminal.
public enum TerminalCheck {
    public static func run() -> Result<TerminalInfo, TerminalProblem> {
        if isatty(STDIN_FILENO) == 0 { return .failure(.inputNotTerminal) }
        if isatty(STDOUT_FILENO) == 0 { return .failure(.outputNotTerminal) }
        guard let rawTerm = getenv("TERM"), rawTerm.pointee != 0 else { return .failure(.termUnset) }
        let term = String(cString: rawTerm)
        if term == "dumb" { return .failure(.termDumb) }
        var status: Int32 = 0
        guard setupterm(rawTerm, STDOUT_FILENO, &status) == OK else { return .failure(.unknownTerminal(term)) }
        let canAddress = kx_has_string_capability("cup") != 0
        let isHardCopy = tigetflag("hc") > 0
        if let loaded = kx_cur_term() { del_curterm(loaded) }
        guard canAddress, !isHardCopy else { return .failure(.noCursorAddressing(term)) }
        return .success(TerminalInfo(term: term, isUTF8: localeIsUTF8()))
    }

    /// Applies the user's character set (the locale's LC_CTYPE) and reports whether it is
    /// UTF-8. Call before `newterm`. Only LC_CTYPE: it is all ncursesw and our text need, and
    /// each further category is another locale file read at start-up.
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_CTYPE, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
