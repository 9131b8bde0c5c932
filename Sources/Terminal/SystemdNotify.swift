#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd the kiosk is up (`READY=1`) and still alive (`WATCHDOG=1`), when it runs
/// as a `Type=notify` service with `WatchdogSec=`: a kiosk that hangs is then killed and
/// restarted, not left frozen on the waiting-room screen. Outside systemd it does nothing.
///
/// Written here rather than linked from libsystemd: the protocol is a documented, stable
/// datagram to a Unix socket (sd_notify(3), "NOTIFY_SOCKET"), a few lines; libsystemd ships
/// no static library and is not meant to be linked statically, and the release binary is one
/// static executable.
public struct SystemdNotify: Sendable {
    private let path: [UInt8]
    /// How often to say it is alive: half the watchdog's time, as systemd advises.
    public let watchdogInterval: Double?

    /// From NOTIFY_SOCKET and WATCHDOG_USEC, which systemd sets. Read it before the kiosk
    /// clears its environment.
    public static func fromEnvironment() -> SystemdNotify? {
        guard let socket = getenv("NOTIFY_SOCKET").map({ String(cString: $0) }), !socket.isEmpty else { return nil }
        let microseconds = getenv("WATCHDOG_USEC").flatMap { Double(String(cString: $0)) }
        return SystemdNotify(socket: socket, watchdogMicroseconds: microseconds)
    }

    public init?(socket: String, watchdogMicroseconds: Double?) {
        var bytes = Array(socket.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }   // an abstract socket
        guard bytes.first == UInt8(ascii: "/") || bytes.first == 0, bytes.count < 108 else { return nil }
        path = bytes
        watchdogInterval = watchdogMicroseconds.map { $0 / 2_000_000 }
    }

    /// Sends one message; failures are ignored (systemd will notice the silence).
    public func send(_ message: String) {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.enumerated() { buffer[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
    }
}
