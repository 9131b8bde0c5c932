import CNcursesW
#if canImport(Glibc)
import Glibc
#endif

/// What the kiosk does to itself before anything else, so a visitor cannot use the process
/// or its environment to get at anything.
public enum KioskLockdown {
    /// Environment variables the kiosk keeps; every other one is removed at start-up, so
    /// nothing set by whoever started it (PAGER, EDITOR, SHELL, LD_*, TERMINFO, ESCDELAY ...)
    /// can change what it does.
    public static func isKept(_ name: String) -> Bool {
        ["TERM", "LANG", "NO_COLOR", "KETAMINE_EXPLORER_CONTENT"].contains(name) || name.hasPrefix("LC_")
    }

    public static func apply() {
        var names: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") { names.append(String(text[..<equals])) }
            entry += 1
        }
        for name in names where !isKept(name) { unsetenv(name) }
        // No core dumps: a crash must not write what was on screen to disk.
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        _ = kx_forbid_dumps()
    }
}
