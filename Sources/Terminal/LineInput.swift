import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// Lines from standard input, for the line modes (plain browse and guided, the PIN prompt).
/// Swift's `readLine` waits on through a signal; this returns nil when a stop signal arrives
/// (see `SignalGuard.installLineModeHandlers`), as at the end of input, so the program can
/// put things back and exit.
public enum LineInput {
    nonisolated(unsafe) private static var buffer: [UInt8] = []
    nonisolated(unsafe) private static var ended = false

    /// The next line without its line break (a final line without one counts), or nil at the
    /// end of input or after a stop signal. Invalid UTF-8 is repaired, not refused.
    public static func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if ended || SignalGuard.pending != nil {
                guard !buffer.isEmpty, SignalGuard.pending == nil else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                ended = true
            }
        }
    }
}
