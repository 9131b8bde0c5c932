import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// Writes lines of plain text to standard output, with every control character removed:
/// nothing from content reaches a terminal or a pipe as an escape sequence.
public enum PlainOutput {
    /// Text for people in a locale that is not UTF-8: every character becomes ASCII of the same
    /// width (set by the commands that print for reading, not by those writing documents).
    nonisolated(unsafe) public static var asciiOnly = false
    /// The first error writing standard output (errno), if any: the program then exits 1
    /// saying so (`Main`), never 0 with output lost (`show > /dev/full`, a closed stdout).
    nonisolated(unsafe) public private(set) static var outputFailure: Int32?
    /// Set by the kiosk under the journal (`Journal.active`): its error messages are marked
    /// as errors ("<3>") for the journal's priority.
    nonisolated(unsafe) public static var errorsForJournal = false

    /// The width plain lines wrap at: the terminal's, when printing to one (at least 40), else
    /// COLUMNS where a program capturing the output set it, else 80.
    public static var width: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return max(40, Int(size.ws_col))
        }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return max(40, min(columns, 500)) }
        return 80
    }

    public static func write(_ lines: [String]) {
        var text = ""
        for line in lines {
            let clean = Sanitizer.clean(line)
            text += asciiOnly ? ASCIIFallback.line(clean) : clean
            text += "\n"
        }
        guard outputFailure == nil else { return }
        outputFailure = writeAll(text, to: STDOUT_FILENO)
    }

    /// Output stopped because its reader, a pager, was quit before the end: not a failure.
    public static func forgiveBrokenPipe() {
        if outputFailure == EPIPE { outputFailure = nil }
    }

    /// Bytes as they are (a sound file) on standard output; a failure is kept as `write`'s is.
    public static func writeBytes(_ bytes: [UInt8]) {
        guard outputFailure == nil else { return }
        outputFailure = writeAll(bytes, to: STDOUT_FILENO)
    }

    /// One message line on standard error.
    public static func error(_ message: String) {
        _ = writeAll((errorsForJournal ? "<\(Journal.Priority.error.rawValue)>" : "") + Sanitizer.clean(message) + "\n", to: STDERR_FILENO)
    }

    /// Text on standard error as it is (a prompt), control characters removed but for newlines.
    public static func errorText(_ text: String) {
        _ = writeAll(text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.clean(String($0)) }
                    .joined(separator: "\n"), to: STDERR_FILENO)
    }

    /// Nil when all was written, else the error (errno).
    private static func writeAll(_ text: String, to descriptor: Int32) -> Int32? { writeAll(Array(text.utf8), to: descriptor) }

    private static func writeAll(_ all: [UInt8], to descriptor: Int32) -> Int32? {
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return written < 0 ? errno : EIO }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }
}
