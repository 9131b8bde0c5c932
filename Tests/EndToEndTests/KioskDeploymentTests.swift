import ContentModel
import ExplorerCore
import Foundation
import Testing

/// What a clinic's IT person installs: the example config, the systemd unit and the sshd
/// snippet are valid for the tools that read them; and a kiosk session writes nothing.
@Suite struct KioskDeploymentTests {
    private let kioskAssets = URL(fileURLWithPath: Paths.pack).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("kiosk").path

    @Test func theExampleConfigLoadsAsTheDefaultsAndExplainsEveryOption() throws {
        let path = "\(kioskAssets)/kiosk.example.yaml"
        #expect(try KioskConfig.load(path: path, pinHashProblem: { _ in nil }) == KioskConfig())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for option in KioskConfig.options { #expect(text.contains("\(option):"), "\(option) is not in the example") }
    }

    @Test func theSystemdUnitVerifies() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unit = try String(contentsOfFile: "\(kioskAssets)/ketamine-explorer-kiosk.service", encoding: .utf8)
        #expect(unit.contains("Restart=always"))
        // Pointed at the binary under test, since it is not installed here.
        let copy = "\(directory)/ketamine-explorer-kiosk.service"
        try unit.replacingOccurrences(of: "/usr/local/bin/ketamine-explorer", with: Paths.binary)
            .write(toFile: copy, atomically: true, encoding: .utf8)
        let result = try await runProgram("/usr/bin/systemd-analyze", ["verify", copy])
        #expect(result.status == 0 && result.error.isEmpty, "\(result.error)")
    }

    /// The unit's lockdown: `systemd-analyze security` rates its exposure at most 3.0, and its
    /// system-call filter lets through every call the kiosk makes (traced with strace through
    /// a visit, a search, a reset and the speech helper's start), none of them privileged.
    @Test func theKioskUnitIsHardenedAndAllowsEveryCallTheKioskMakes() async throws {
        let analysis = try run(["systemd-analyze", "security", "--offline=true", "\(kioskAssets)/ketamine-explorer-kiosk.service"])
        let overall = try #require(analysis.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let exposure = try #require(overall.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(exposure <= 3.0, "\(overall)")

        var groups: [String: Set<String>] = [:]
        func calls(_ group: String) throws -> Set<String> {
            if let known = groups[group] { return known }
            var names: Set<String> = []
            for line in try run(["systemd-analyze", "syscall-filter", group]).split(separator: "\n").dropFirst() {
                let entry = line.trimmingCharacters(in: .whitespaces)
                if entry.hasPrefix("@") { names.formUnion(try calls(entry)) }
                else if !entry.isEmpty, entry.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) { names.insert(entry) }
            }
            groups[group] = names
            return names
        }
        let allowed = try calls("@system-service").subtracting(try calls("@privileged"))
        try #require(allowed.count > 100)

        let pack = try Paths.loadPack()
        let files = try await KioskFiles("speech: on\nidle_seconds: 30\n", pin: false)
        let trace = "\(files.directory)/trace"
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'", environment: "strace -f -qq -o '\(trace)'")
        await pane.waitForAttract()
        try pane.send("x", "3", "r", "/")
        try pane.tmux(["send-keys", "-t", "0", "-l", "nerve"])
        try pane.send("Enter", "Escape", "Escape", "5")
        await pane.waitFor(messageStart(pack.topics[4]))
        let strace = try pane.explorerPID()
        let kiosk = try #require(Int32(try run(["pgrep", "-P", "\(strace)"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(kiosk, SIGUSR1)   // reset now: the visit's process ends
        await pane.waitForAttract()
        kill(kiosk, SIGTERM)
        #expect(await pane.exitStatus() == 143)
        let made = Set(try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
            // "1234  openat(AT_FDCWD, ..." (strace pads the process id).
            let call = line.drop { $0.isNumber || $0 == " " }.prefix { $0 != "(" }
            return !call.isEmpty && call.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) ? String(call) : nil
        })
        #expect(made.count > 30, "strace traced the kiosk: \(made.sorted())")
        #expect(made.subtracting(allowed).isEmpty, "calls the unit's filter would refuse: \(made.subtracting(allowed).sorted())")
    }

    /// The journal (the kiosk's standard error under systemd, a file here) hears of the
    /// start, each reset, wrong PINs and the lockout, and the stop, each with its priority, and
    /// never what a visitor looked for; a `.prom` heartbeat is in Prometheus's format, and says
    /// the kiosk is down once it has stopped.
    @Test func theJournalAndThePrometheusHeartbeatSayWhatHappenedAndNothingAVisitorChose() async throws {
        let files = try await KioskFiles(heartbeatName: "kiosk.prom")
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitForAttract()
        try pane.send("x", "/")
        try pane.tmux(["send-keys", "-t", "0", "-l", "zebrafish"])
        try pane.send("Enter")
        await pane.waitFor("zebrafish")
        let pid = try pane.explorerPID()
        kill(pid, SIGUSR1)
        await pane.waitForAttract()
        try pane.send("F12", "C-a")
        for attempt in 1...StaffExit.attempts {
            // Keys typed while a PIN is being checked are dropped: each waits for the one before.
            try pane.send("1", "1", "1", "1", "1", "1", "Enter")
            await pane.waitUntil("wrong PIN \(attempt) in the journal") { _ in
                pane.standardError.components(separatedBy: "wrong staff PIN").count > attempt
            }
        }
        await pane.waitUntil("the lockout in the journal") { _ in pane.standardError.contains("staff exit locked") }
        kill(pid, SIGTERM)
        #expect(await pane.exitStatus() == 143)
        let journal = pane.standardError
        for line in ["<6>ketamine-explorer: kiosk started: version ", "<6>ketamine-explorer: reset: the visit was wiped (1 since start)",
                     "<5>ketamine-explorer: a wrong staff PIN was typed", "<4>ketamine-explorer: staff exit locked for 30 s after 5 wrong PINs",
                     "<6>ketamine-explorer: kiosk stopped (signal 15)"] {
            #expect(journal.contains(line), "\(line) is not in:\n\(journal)")
        }
        #expect(!journal.contains("zebrafish") && !journal.contains("111111"))
        let beat = try String(contentsOfFile: files.heartbeat, encoding: .utf8)
        #expect(beat.contains("ketamine_explorer_up 0\n") && beat.contains("ketamine_explorer_resets_total 1\n"), "\(beat)")
        for line in beat.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            #expect(parts.count == 2 && Double(parts[1]) != nil && parts[0].hasPrefix("ketamine_explorer_"), "not Prometheus's format: \(line)")
        }
    }

    /// Under the journal (standard error not a terminal), what stops the kiosk at start is
    /// marked as an error, every line of it.
    @Test func aKioskConfigErrorIsAnErrorInTheJournal() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = "\(directory)/kiosk.yaml"
        try "idle_seconds: 5\nbogus: 1\n".write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o640)
        let result = try await runCommand(["--kiosk", "--config", config])
        #expect(result.status == 2)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.hasPrefix("<3>") }, "\(result.error)")
    }

    /// `check-config` reports every mistake at once, each with its file and line, and exit 1;
    /// the example config and clinic file pass.
    @Test func checkConfigReportsEveryProblemAtOnce() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = "\(directory)/kiosk.yaml", clinic = "\(directory)/clinic.yaml"
        try "idle_seconds: 5\nbogus: 1\nopening_hours: \"7-18\"\nlanguage: fr\nspeech: loud\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o640)
        try "name: \"\"\nfoo: bar\n".write(toFile: clinic, atomically: true, encoding: .utf8)
        let result = try await runCommand(["check-config", config, "--clinic", clinic])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.prefix { $0 != " " } } == (1...5).map { "\(config):\($0):" } + (1...2).map { "\(clinic):\($0):" },
                "\(result.output)")
        #expect(result.error.contains("7 problems"))
        let example = try await runCommand(["check-config", "\(kioskAssets)/kiosk.example.yaml", "--clinic", "\(kioskAssets)/clinic.example.yaml"])
        #expect(example.status == 0 && example.output.components(separatedBy: ": OK").count == 3, "\(example.output)\(example.error)")
    }

    @Test func theSSHSnippetPassesSSHDsOwnCheck() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let key = "\(directory)/host_key"
        #expect(try await runProgram("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]).status == 0)
        let snippet = try String(contentsOfFile: "\(kioskAssets)/sshd_config.kiosk", encoding: .utf8)
        #expect(snippet.contains("ForceCommand /usr/local/bin/ketamine-explorer --kiosk"))
        #expect(snippet.contains("SetEnv LANG=C.UTF-8"), "the kiosk gets a UTF-8 locale whatever the client sends")
        try ("Port 2222\n" + snippet).write(toFile: "\(directory)/sshd_config", atomically: true, encoding: .utf8)
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)   // sshd -t wants it
        let result = try await runProgram("/usr/sbin/sshd", ["-t", "-f", "\(directory)/sshd_config", "-h", key])
        #expect(result.status == 0, "\(result.error)")
    }

    /// As a systemd notify service: READY=1 once started, then WATCHDOG=1 at half the
    /// watchdog time, so a kiosk that hangs is restarted.
    @Test func itTellsSystemdItIsReadyAndAlive() async throws {
        let files = try await KioskFiles(pin: false)
        let path = "\(files.directory)/notify"
        let listener = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'",
                                environment: "NOTIFY_SOCKET='\(path)' WATCHDOG_USEC=1000000")
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while messages.filter({ $0 == "WATCHDOG=1" }).count < 2 {
            let count = recv(listener, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
        #expect(messages.first == "READY=1")
        #expect(messages.filter { $0 == "WATCHDOG=1" }.count >= 2, "\(messages)")
        kill(try pane.explorerPID(), SIGTERM)
        #expect(await pane.exitStatus() == 143)
    }

    /// Every file the kiosk opens for writing during a visit, traced by strace: only the
    /// terminal and the heartbeat may appear.
    @Test func aVisitWritesNothingButTheHeartbeat() async throws {
        let pack = try ContentPack.load(from: Paths.pack)
        let files = try await KioskFiles(pin: false)
        let trace = "\(files.directory)/trace"
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'",
                                environment: "strace -f -qq -e trace=%file,%desc -o '\(trace)'")
        await pane.waitForAttract()
        try pane.send("x", "3")
        await pane.waitFor(messageStart(pack.topics[2]))
        try pane.send("/")
        try pane.tmux(["send-keys", "-t", "0", "-l", "nerve pain"])
        try pane.send("Enter", "g", "?", "x", "Tab", "Enter")
        try pane.send("Escape", "Escape", "5")   // once its panel shows, the keys above were dealt with
        await pane.waitFor(messageStart(pack.topics[4]))
        let strace = try pane.explorerPID()
        let kiosk = try #require(Int32(try run(["pgrep", "-P", "\(strace)"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(kiosk, SIGTERM)
        #expect(await pane.exitStatus() == 143)

        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        let allowed = ["/dev/tty", "/dev/pts/", files.heartbeat]
        var writes: [String] = []
        for line in lines {
            let opensForWriting = line.contains("open") && ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND"]
                .contains { line.contains($0) }
            let changesFiles = ["rename", "unlink", "mkdir", "truncate", "creat("].contains { line.contains($0) }
            guard opensForWriting || changesFiles, !line.contains("= -1 E") else { continue }
            guard let path = line.split(separator: "\"").dropFirst().first.map(String.init) else { continue }
            if !allowed.contains(where: { path.hasPrefix($0) }) { writes.append(String(line)) }
        }
        #expect(lines.count > 20, "strace traced the kiosk")
        #expect(writes.isEmpty, "files written during a visit:\n\(writes.joined(separator: "\n"))")
    }
}
