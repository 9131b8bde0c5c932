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
/// effects (begin a visit, wipe the screen, check a PIN, exit), passes on staff's "reset now"
/// (SIGUSR1), and keeps the heartbeat file and systemd's watchdog fresh while it turns.
///
/// Each visit runs in a child process (`Visit`): the kiosk forks when a visitor wakes it, the
/// child runs the same loop on the same terminal until the visit's wipe and then exits, and
/// the kiosk, which never saw anything but the waking key, goes back to its slides. Swift
/// cannot zero what a visit left in freed memory (over a hundred copies of a searched word
/// were found after a reset); a process that ends takes all of it along. A visit that crashes
/// takes only itself down.
struct KioskSession {
    private let backend: NcursesBackend
    private var program: KioskProgram
    private var heartbeat: Heartbeat?
    /// systemd's readiness and watchdog channel, when run as a notify service.
    private let systemd: SystemdNotify?

    /// A problem found at start that does not stop the kiosk (a readable PIN hash); the
    /// heartbeat's last_error carries it while nothing worse is wrong.
    private let warning: String?
    private let voice: Voice

    /// - Parameter second: the content in the second language, if there is one.
    init(pack: ContentPack, second: ContentPack?, info: TerminalInfo, config: KioskConfig, settings: BrowseSettings,
         voice: Voice, systemd: SystemdNotify?, warning: String?) throws {
        self.warning = warning
        self.voice = voice
        SignalGuard.installKioskHandlers()
        backend = try settings.startBackend(info: info, raw: true)
        let now = MonotonicClock().now()
        let documents = PanelDocuments(pack: pack, glyphs: info.isUTF8 ? .unicode : .ascii, motion: settings.motion)
        program = KioskProgram(documents: documents, second: second.map(documents.with(pack:)),
                               config: config, size: backend.size, now: now, lexicons: voice.lexicons,
                               minuteOfDay: Self.minuteOfDay)
        heartbeat = config.heartbeatFile.map { Heartbeat(path: $0, contentVersion: pack.info.version, startedAt: now) }
        self.systemd = systemd
        systemd?.send("READY=1")
    }

    /// Runs until SIGTERM or SIGHUP, the terminal going away, or a staff exit; returns the
    /// signal, if one ended it. The terminal is restored before it returns.
    mutating func run() -> Int32? {
        let (backend, systemd, warning, voice) = (self.backend, self.systemd, self.warning, self.voice)
        var heartbeat = self.heartbeat
        var lastAlive = MonotonicClock().now()
        var visit = Visit()
        /// Why there is no sound, once the engine said so: for the journal (once) and the heartbeat.
        var silent: String?
        /// The staff exit is locked after wrong PINs (said once in the journal each time).
        var locked = false
        Journal.log(.info, "kiosk started: version \(KetamineExplorer.version) (build \(BuildID.hex)), content \(program.documents.pack.info.version) "
                    + "in \(program.documents.pack.info.language), speech \(program.kiosk.config.speech.rawValue)")
        let signal = runLoop(&program, backend: backend, clock: MonotonicClock(),
                       stopSignal: { SignalGuard.pending },
                       interruptions: {
                           let spoken = voice.events()
                           for case .unavailable(let why) in spoken where silent == nil {
                               silent = "speech is not available: \(why)"
                               Journal.log(.warning, "\(silent ?? why); the kiosk goes on without sound")
                           }
                           return (SignalGuard.takeResetRequest() ? [.resetNow] : []) + spoken.map { .speech($0) }
                       },
                       everyTurn: { now, program in
                           let kiosk = program.kiosk
                           if kiosk.staff.lockedUntil != nil, !locked {
                               Journal.log(.warning, "staff exit locked for \(Int(StaffExit.lockSeconds)) s after \(StaffExit.attempts) wrong PINs")
                           }
                           locked = kiosk.staff.lockedUntil != nil
                           let problem = kiosk.app.isTooSmall ? "screen smaller than 80x24 (\(kiosk.app.size))" : warning ?? silent
                           heartbeat?.beatIfDue(now: now, resets: kiosk.resets, lastError: problem)
                           if let systemd, let interval = systemd.watchdogInterval, now - lastAlive >= interval {
                               systemd.send("WATCHDOG=1")   // the loop is turning: a hang stops these and systemd restarts it
                               lastAlive = now
                           }
                       }) { effect, program in
            switch effect {
            case .beginVisit:
                let outcome = visit.begin()
                if !visit.inside { backend.forgetScreen() }   // the visit drew on it
                return outcome
            case .wipeScreen:
                backend.wipe()
                visit.endIfInside(.ended)   // the visit's process ends here; the kiosk goes on
                Journal.log(.info, "reset: the visit was wiped (\(program.kiosk.resets) since start)")
                return .proceed
            case .checkPIN(let pin):
                let accepted = program.kiosk.config.pinHash.map { StaffPIN.verify(pin: pin, against: $0) } ?? false
                if !accepted { Journal.log(.notice, "a wrong staff PIN was typed") }
                return .proceed([.pinChecked(accepted)])
            case .exit:
                Journal.log(.notice, "staff exit with the PIN")
                visit.endIfInside(.staffExit)
                return .stop
            case .switchLanguage:
                return .proceed   // carried out by KioskProgram, which holds both packs: it never comes here
            case .speech(let request):
                voice.perform(request)
                return .proceed
            }
        }
        // A visit's process leaves the terminal to the kiosk, which restores it.
        visit.endIfInside(signal.map { .signal($0) } ?? .terminalGone)
        heartbeat?.stopped(now: MonotonicClock().now(), resets: program.kiosk.resets)
        Journal.log(.info, "kiosk stopped" + (signal.map { " (signal \($0))" } ?? ""))
        backend.shutdown()
        return signal
    }

    /// Minutes since local midnight, for opening hours.
    private static func minuteOfDay() -> Int? {
        var seconds = time(nil)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return nil }
        return Int(parts.tm_hour) * 60 + Int(parts.tm_min)
    }
}

/// One visitor's time at the kiosk, in a process of its own (see `KioskSession`).
struct Visit {
    /// How a visit's process ended; `status` is its exit status.
    enum End {
        /// The visit was wiped (idle countdown or staff's reset): the kiosk goes back to its slides.
        case ended
        /// Staff left with the PIN: the kiosk ends too.
        case staffExit
        /// The terminal went away.
        case terminalGone
        /// A stop signal (passed on by the kiosk, which stops too).
        case signal(Int32)

        var status: Int32 {
            switch self {
            case .ended: return 0
            case .staffExit: return 3
            case .terminalGone: return 4
            case .signal(let number): return 128 + number
            }
        }
    }

    /// True in the visit's own process.
    private(set) var inside = false

    /// Forks the visit. In the child: go on with the loop. In the kiosk: wait until the visit
    /// ends, passing on stop signals and "reset now", then wipe what it showed and go back to
    /// the slides (or stop).
    mutating func begin() -> Outcome<KioskProgram.Message> {
        let pid = fork()
        if pid == 0 {
            inside = true
            // A crash in here must not restore the terminal (or run the exit hook's endwin):
            // the kiosk still uses it, and draws again once this process is gone.
            SignalGuard.disarm()
            return .proceed
        }
        guard pid > 0 else {
            // No process to spare: the visit runs in the kiosk itself, as before.
            PlainOutput.error("ketamine-explorer: warning: could not start a visit's process (\(String(cString: strerror(errno)))); "
                              + "this visit runs in the kiosk's own memory")
            return .proceed
        }
        var status: Int32 = 0
        var forwarded = false
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .proceed([.resetNow]) }
            if let signal = SignalGuard.pending, !forwarded {
                kill(pid, signal)   // the kiosk is stopping: so is the visit
                forwarded = true
            }
            if SignalGuard.takeResetRequest() { kill(pid, SIGUSR1) }
        }
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        if exited && (code == End.staffExit.status || code == End.terminalGone.status) { return .stop }
        if !exited {
            PlainOutput.error("ketamine-explorer: a visit stopped unexpectedly (signal \(status & 0x7F)); the kiosk went on")
        }
        // Ended, stopped or crashed: what it showed is wiped, and the kiosk's own state,
        // which never saw the visit, goes back to its slides.
        return .proceed([.resetNow])
    }

    /// In the visit's process: ends it now, without the exit hooks (they belong to the kiosk).
    func endIfInside(_ end: End) {
        if inside { _exit(end.status) }
    }
}

/// The optional heartbeat file: proof of life for the clinic's IT, with counts only. It never
/// holds anything about what a visitor looked at. A path ending in `.prom` gets Prometheus's
/// text format, for node_exporter's textfile collector (a fleet's kiosks watched with the
/// tools a clinic already runs); any other path, `key: value` lines.
struct Heartbeat {
    let path: String
    let contentVersion: String
    let startedAt: Double
    private var lastBeat: Double?
    private var lastWritten: String?
    /// When the last problem was first seen (Unix time), if there ever was one.
    private var errorSeenAt: Int?

    /// How often the file is rewritten.
    static let interval = 30.0

    /// What one beat says.
    struct Beat {
        var up = true
        var contentVersion: String
        var uptime = 0
        var resets = 0
        var lastError: String?
        var lastErrorAt: Int?
    }

    init(path: String, contentVersion: String, startedAt: Double) {
        self.path = path
        self.contentVersion = contentVersion
        self.startedAt = startedAt
    }

    /// Writes a first beat before the kiosk starts: nil when the file can be written, else why not.
    static func first(path: String) -> String? {
        FileBytes.replace(path, with: Array(text(Beat(contentVersion: "starting"), prometheus: path.hasSuffix(".prom")).utf8))
    }

    /// Rewrites the file every `interval` seconds, and at once when the problem changes.
    mutating func beatIfDue(now: Double, resets: Int, lastError: String?) {
        if let lastBeat, now - lastBeat < Self.interval, lastError == lastWritten { return }
        lastBeat = now
        if lastError != nil && lastError != lastWritten { errorSeenAt = Int(time(nil)) }
        lastWritten = lastError
        write(Beat(contentVersion: contentVersion, uptime: Int(now - startedAt), resets: resets, lastError: lastError,
                   lastErrorAt: errorSeenAt))
    }

    /// The last beat, as the kiosk stops: not up.
    func stopped(now: Double, resets: Int) {
        write(Beat(up: false, contentVersion: contentVersion, uptime: Int(now - startedAt), resets: resets,
                   lastError: lastWritten, lastErrorAt: errorSeenAt))
    }

    private func write(_ beat: Beat) {
        _ = FileBytes.replace(path, with: Array(Self.text(beat, prometheus: path.hasSuffix(".prom")).utf8))   // a missed beat is retried in 30 s
    }

    static func text(_ beat: Beat, prometheus: Bool) -> String {
        guard prometheus else {
            return """
                version: \(KetamineExplorer.version)
                content_version: \(beat.contentVersion)
                uptime_seconds: \(beat.uptime)
                resets: \(beat.resets)
                last_error: \(beat.lastError ?? "none")

                """
        }
        // A label's value escapes \\, " and line ends (the format's rule).
        func label(_ value: String) -> String {
            var escaped = ""
            for character in value {
                switch character {
                case "\\": escaped += "\\\\"
                case "\"": escaped += "\\\""
                case "\n": escaped += "\\n"
                default: escaped.append(character)
                }
            }
            return escaped
        }
        return """
            # HELP ketamine_explorer_up 1 while the kiosk runs, 0 once it has stopped.
            # TYPE ketamine_explorer_up gauge
            ketamine_explorer_up \(beat.up ? 1 : 0)
            # HELP ketamine_explorer_uptime_seconds Seconds since the kiosk started.
            # TYPE ketamine_explorer_uptime_seconds gauge
            ketamine_explorer_uptime_seconds \(beat.uptime)
            # HELP ketamine_explorer_resets_total Visits wiped since the kiosk started.
            # TYPE ketamine_explorer_resets_total counter
            ketamine_explorer_resets_total \(beat.resets)
            # HELP ketamine_explorer_info The program's and the content's versions.
            # TYPE ketamine_explorer_info gauge
            ketamine_explorer_info{version="\(label(KetamineExplorer.version))",content_version="\(label(beat.contentVersion))"} 1
            # HELP ketamine_explorer_last_error_timestamp_seconds When the last problem was first seen (Unix time; 0: none yet).
            # TYPE ketamine_explorer_last_error_timestamp_seconds gauge
            ketamine_explorer_last_error_timestamp_seconds \(beat.lastErrorAt ?? 0)
            # HELP ketamine_explorer_problem 1 while a problem is seen (see the journal), else 0.
            # TYPE ketamine_explorer_problem gauge
            ketamine_explorer_problem \(beat.lastError == nil ? 0 : 1)

            """
    }
}
