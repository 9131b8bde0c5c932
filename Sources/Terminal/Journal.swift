#if canImport(Glibc)
import Glibc
#endif

/// The kiosk's log for the clinic's IT: lines on standard error with the journal's priority
/// prefixes ("<4>"), which systemd reads from a service's standard error (the unit's
/// `StandardError=journal`): start, each reset, the staff exit, PIN lockouts, content and
/// config errors, speech unavailable. Never anything a visitor chose: versions, counts and
/// what went wrong. Written only when standard error is not a terminal: on the kiosk's own
/// screen a line would mar it (and a person is there to see the problem anyway).
public enum Journal {
    public enum Priority: Int, Sendable {
        case error = 3
        case warning = 4
        case notice = 5
        case info = 6
    }

    /// Standard error is not a terminal: lines go to the journal (or a file).
    public static var active: Bool { isatty(STDERR_FILENO) == 0 }

    public static func log(_ priority: Priority, _ message: String) {
        guard active else { return }
        PlainOutput.errorText("<\(priority.rawValue)>ketamine-explorer: \(message)\n")
    }

    /// A warning at start: in the journal with its priority, or on the terminal as a message.
    public static func warn(_ message: String) {
        if active { log(.warning, "warning: " + message) } else { PlainOutput.error("ketamine-explorer: warning: \(message)") }
    }
}
