import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// Whether the terminal's background is dark or light, where the terminal says: the Linux
/// console is black; `COLORFGBG` (rxvt, Konsole and others set it) names the background's
/// colour number; and most terminal emulators answer xterm's OSC 11 query with the colour.
/// Where none says, `.unknown`, and the theme uses only colours that hold on both.
public enum TerminalBackground {
    /// How long to wait for the replies. Every VT100-like terminal answers the primary device
    /// attributes query (DA1) at once, and answers in order, so the wait normally ends with
    /// that answer after a round trip; the timeout is for a terminal that answers nothing.
    public static let timeoutMilliseconds: Int32 = 150

    /// Decides before full-screen mode starts, from TERM, the environment and, only where it
    /// is safe to ask, the terminal itself.
    public static func detect(term: String, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> Background {
        if term == "linux" { return .dark }
        if let value = environment("COLORFGBG"), let background = fromColorFGBG(value) { return background }
        guard asks(term) else { return .unknown }
        return query() ?? .unknown
    }

    /// `COLORFGBG` is "foreground;background" or "foreground;default;background", with rxvt's
    /// colour numbers: 0-6 and 8 are dark backgrounds, 7 and 9-15 light.
    public static func fromColorFGBG(_ value: String) -> Background? {
        guard let last = value.split(separator: ";").last, let number = Int(last), (0...15).contains(number) else { return nil }
        return number == 7 || number >= 9 ? .light : .dark
    }

    /// Terminals known to take an OSC query they do not understand quietly. The Linux console
    /// (and so the kiosk's tty1) would print it, and is known to be black anyway.
    static func asks(_ term: String) -> Bool {
        ["xterm", "tmux", "screen", "rxvt", "foot", "alacritty", "kitty", "wezterm", "vte", "gnome", "konsole", "st-", "contour"]
            .contains { term.hasPrefix($0) }
    }

    /// Sends OSC 11 (what is the background colour?) and DA1 (what are you?), and reads the
    /// answers until DA1's arrives or the timeout passes. nil when there is no colour answer.
    /// Written with plain loops over bytes: it runs before the first frame, and the generic
    /// collection and string code it would otherwise reach sits far from the start-up path
    /// in the binary (about 400 KiB more peak memory, `make bench`).
    static func query() -> Background? {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
        quiet.c_cc.6 = 0   // VMIN
        quiet.c_cc.5 = 0   // VTIME
        guard tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0 else { return nil }
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        let question: StaticString = "\u{1B}]11;?\u{1B}\\\u{1B}[c"
        guard write(STDOUT_FILENO, question.utf8Start, question.utf8CodeUnitCount) == question.utf8CodeUnitCount else { return nil }
        let reply = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1024)
        defer { reply.deallocate() }
        var count = 0
        let end = milliseconds() + Int(timeoutMilliseconds)
        while count < reply.count, !answersEnded(UnsafeBufferPointer(rebasing: reply[0..<count])) {
            let left = end - milliseconds()
            guard left > 0 else { break }
            var ready = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(left)) > 0 else { continue }
            let got = read(STDIN_FILENO, reply.baseAddress! + count, reply.count - count)
            if got <= 0 { break }
            count += got
        }
        return parse(UnsafeBufferPointer(rebasing: reply[0..<count]))
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    /// The DA1 answer, ESC [ ? ... c, has come.
    package static func answersEnded(_ reply: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 2 < reply.count {
            if reply[index] == 0x1B, reply[index + 1] == UInt8(ascii: "["), reply[index + 2] == UInt8(ascii: "?") {
                var end = index + 3
                while end < reply.count {
                    if reply[end] == UInt8(ascii: "c") { return true }
                    end += 1
                }
                return false
            }
            index += 1
        }
        return false
    }

    /// The background from an OSC 11 answer, "ESC ] 11 ; rgb:RRRR/GGGG/BBBB" ended by BEL or
    /// ESC \ (each channel 1 to 4 hex digits): light when its luminance is above 0.18, where
    /// black and white text would contrast with it equally. (Luminance here squares each
    /// channel instead of sRGB's curve: the same answer for the dark and light backgrounds
    /// terminals ship, without the maths library before the first frame.)
    static func parse(_ reply: UnsafeBufferPointer<UInt8>) -> Background? {
        let marker: StaticString = "]11;rgb:"
        var index = 0
        findMarker: while index + marker.utf8CodeUnitCount <= reply.count {
            for offset in 0..<marker.utf8CodeUnitCount where reply[index + offset] != marker.utf8Start[offset] {
                index += 1
                continue findMarker
            }
            break
        }
        index += marker.utf8CodeUnitCount
        guard index <= reply.count else { return nil }
        var luminance = 0.0
        for channel in 0..<3 {
            let weight = channel == 0 ? 0.2126 : channel == 1 ? 0.7152 : 0.0722
            var value = 0, digits = 0
            while index < reply.count, let digit = hexValue(reply[index]) {
                value = value * 16 + digit
                digits += 1
                index += 1
            }
            guard (1...4).contains(digits) else { return nil }
            if channel < 2 {
                guard index < reply.count, reply[index] == UInt8(ascii: "/") else { return nil }
                index += 1
            }
            let level = Double(value) / Double((1 << (4 * digits)) - 1)
            luminance += weight * level * level
        }
        return luminance > 0.18 ? .light : .dark
    }

    public static func parse(_ reply: [UInt8]) -> Background? {
        reply.withUnsafeBufferPointer { parse($0) }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
