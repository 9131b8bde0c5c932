import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// The waiting-room kiosk's run loop: every key, tap, resize and tick goes to
/// `KioskState.update` with the time it came; the loop carries out the effects (wipe the
/// screen, check a PIN, exit) and keeps the heartbeat file fresh.
struct KioskSession {
    private let backend: NcursesBackend
    private let documents: PanelDocuments
    private let clock: any TickClock
    private var kiosk: KioskState
    private var heartbeat: Heartbeat?
    /// systemd's readiness and watchdog channel, when run as a notify service.
    private let systemd: SystemdNotify?
    private var lastAlive: Double

    init(pack: ContentPack, info: TerminalInfo, config: KioskConfig, settings: BrowseSettings, systemd: SystemdNotify?,
         clock: any TickClock = MonotonicClock()) throws {
        SignalGuard.installKioskHandlers()
        backend = try settings.startBackend(info: info, raw: true)
        documents = PanelDocuments(pack: pack, glyphs: info.isUTF8 ? .unicode : .ascii, motion: settings.motion)
        self.clock = clock
        let now = clock.now()
        kiosk = KioskState(config: config, slideCount: max(1, pack.attractSlides.count),
                           panelCount: pack.topics.count, size: backend.size, now: now)
        heartbeat = config.heartbeatFile.map { Heartbeat(path: $0, contentVersion: pack.info.version, startedAt: now) }
        self.systemd = systemd
        lastAlive = now
        systemd?.send("READY=1")
    }

    /// Runs until SIGTERM or SIGHUP, the terminal going away, or a staff exit; returns the
    /// signal, if one ended it. The terminal is restored before it returns.
    mutating func run() -> Int32? {
        defer { backend.shutdown() }
        while true {
            if let signal = SignalGuard.pending { return signal }
            backend.draw(KioskView.render(kiosk, documents: documents))
            let problem = kiosk.app.isTooSmall ? "screen smaller than 80x24 (\(kiosk.app.size))" : nil
            let (now, resets) = (clock.now(), kiosk.resets)
            heartbeat?.beatIfDue(now: now, resets: resets, lastError: problem)
            if let systemd, let interval = systemd.watchdogInterval, now - lastAlive >= interval {
                systemd.send("WATCHDOG=1")   // the loop is turning: a hang stops these and systemd restarts it
                lastAlive = now
            }
            guard let message = backend.readEvent().message(clock: clock) else { return nil }
            var effects = kiosk.update(message, now: clock.now(), minuteOfDay: Self.minuteOfDay(), metrics: documents)
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                switch effect {
                case .wipeScreen:
                    backend.wipe()
                case .checkPIN(let pin):
                    let accepted = kiosk.config.pinHash.map { PINHash.verify(pin: pin, against: $0) } ?? false
                    effects += kiosk.pinChecked(accepted, now: clock.now())
                case .exit:
                    return nil
                }
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
