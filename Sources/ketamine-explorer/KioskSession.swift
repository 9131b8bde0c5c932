import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import StaffPIN
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// The waiting-room kiosk: the kiosk program in the run loop. The loop carries out its
/// effects (wipe the screen, check a PIN, exit), passes on staff's "reset now" (SIGUSR1), and
/// keeps the heartbeat file and systemd's watchdog fresh while it turns.
struct KioskSession {
    private let backend: NcursesBackend
    private var program: KioskProgram
    private var heartbeat: Heartbeat?
    /// systemd's readiness and watchdog channel, when run as a notify service.
    private let systemd: SystemdNotify?

    /// A problem found at start that does not stop the kiosk (a readable PIN hash); the
    /// heartbeat's last_error carries it while nothing worse is wrong.
    private let warning: String?

    init(pack: ContentPack, info: TerminalInfo, config: KioskConfig, settings: BrowseSettings, systemd: SystemdNotify?,
         warning: String?) throws {
        self.warning = warning
        SignalGuard.installKioskHandlers()
        backend = try settings.startBackend(info: info, raw: true)
        let now = MonotonicClock().now()
        program = KioskProgram(documents: PanelDocuments(pack: pack, glyphs: info.isUTF8 ? .unicode : .ascii,
                                                         motion: settings.motion),
                               config: config, size: backend.size, now: now, minuteOfDay: Self.minuteOfDay)
        heartbeat = config.heartbeatFile.map { Heartbeat(path: $0, contentVersion: pack.info.version, startedAt: now) }
        self.systemd = systemd
        systemd?.send("READY=1")
    }

    /// Runs until SIGTERM or SIGHUP, the terminal going away, or a staff exit; returns the
    /// signal, if one ended it. The terminal is restored before it returns.
    mutating func run() -> Int32? {
        defer { backend.shutdown() }
        let (backend, systemd, warning) = (self.backend, self.systemd, self.warning)
        var heartbeat = self.heartbeat
        var lastAlive = MonotonicClock().now()
        return runLoop(&program, backend: backend, clock: MonotonicClock(),
                       stopSignal: { SignalGuard.pending },
                       interruptions: { SignalGuard.takeResetRequest() ? [.resetNow] : [] },
                       everyTurn: { now, program in
                           let kiosk = program.kiosk
                           let problem = kiosk.app.isTooSmall ? "screen smaller than 80x24 (\(kiosk.app.size))" : warning
                           heartbeat?.beatIfDue(now: now, resets: kiosk.resets, lastError: problem)
                           if let systemd, let interval = systemd.watchdogInterval, now - lastAlive >= interval {
                               systemd.send("WATCHDOG=1")   // the loop is turning: a hang stops these and systemd restarts it
                               lastAlive = now
                           }
                       }) { effect, program in
            switch effect {
            case .wipeScreen:
                backend.wipe()
                return .proceed
            case .checkPIN(let pin):
                return .proceed([.pinChecked(program.kiosk.config.pinHash.map { StaffPIN.verify(pin: pin, against: $0) } ?? false)])
            case .exit:
                return .stop
            }
        }
    }

    /// Minutes since local midnight, for opening hours.
    private static func minuteOfDay() -> Int? {
        var seconds = time(nil)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return nil }
        return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
    }
}

/// The optional heartbeat file: proof of life for the clinic's IT, with counts only. It never
/// holds anything about what a visitor looked at.
struct Heartbeat {
    let path: String
    let contentVersion: String
    let startedAt: Double
    private var lastBeat: Double?

    /// How often the file is rewritten.
    static let interval = 30.0

    init(path: String, contentVersion: String, startedAt: Double) {
        self.path = path
        self.contentVersion = contentVersion
        self.startedAt = startedAt
    }

    /// Writes a first beat before the kiosk starts: nil when the file can be written, else why not.
    static func first(path: String) -> String? {
        FileBytes.replace(path, with: Array(text(version: KetamineExplorer.version, contentVersion: "starting", uptime: 0,
                                                   resets: 0, lastError: nil).utf8))
    }

    mutating func beatIfDue(now: Double, resets: Int, lastError: String?) {
        if let lastBeat, now - lastBeat < Self.interval { return }
        lastBeat = now
        let text = Self.text(version: KetamineExplorer.version, contentVersion: contentVersion,
                             uptime: Int(now - startedAt), resets: resets, lastError: lastError)
        _ = FileBytes.replace(path, with: Array(text.utf8))   // a missed beat is retried in 30 s
    }

    static func text(version: String, contentVersion: String, uptime: Int, resets: Int, lastError: String?) -> String {
        """
        version: \(version)
        content_version: \(contentVersion)
        uptime_seconds: \(uptime)
        resets: \(resets)
        last_error: \(lastError ?? "none")

        """
    }
}
