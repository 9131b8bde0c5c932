import ContentModel
import Foundation
import Testing

/// Defects found by fuzzing the real program (issue 18): each test failed before its fix.
@Suite(.serialized) struct RobustnessTests {
    /// Output lost is a failure: `show > /dev/full` exited 0 with nothing written.
    @Test(arguments: [["show"], ["topics"], ["lint", Paths.pack], ["export", "--format", "markdown"]])
    func aFullDiskOrClosedOutputIsAFailureNotASuccess(_ arguments: [String]) async throws {
        let content = arguments[0] == "lint" ? [] : ["--content", Paths.pack]
        let result = try await runProgram(Paths.binary, arguments + content, standardOutput: "/dev/full")
        #expect(result.status == 1, "\(arguments): \(result.error)")
        #expect(result.error.contains("could not write the output: No space left on device"), "\(result.error)")
    }

    /// The pane's terminal device, to change its size or modes from outside as `stty` would.
    private func paneTTY(_ pane: TmuxPane) throws -> String {
        let tty = pane.format("pane_tty")
        try #require(tty.hasPrefix("/dev/"), "no pane tty: \(tty)")
        return tty
    }

    /// Ctrl-S was the terminal's XOFF in browse and guided (cbreak leaves flow control on):
    /// the screen froze until Ctrl-Q. It is an ordinary key now.
    @Test(arguments: ["", "--guided --export-dir /tmp"])
    func controlSDoesNotFreezeTheScreen(_ mode: String) async throws {
        let pane = try TmuxPane(arguments: mode)
        await pane.waitFor(mode.isEmpty ? "Ketamine treatment explorer" : "Step 1 of")
        try pane.send("C-s")
        try await pane.sendAndWaitForChange(mode.isEmpty ? "j" : "n")
        try pane.send("C-q")
        try pane.send(mode.isEmpty ? "q" : "C-c")
        #expect(await pane.exitStatus() != nil)
        pane.expectRestored()
    }

    /// A window wider than 32,767 columns crashed ncurses (it keeps sizes in 16 bits), and
    /// Ctrl-Z at that size too. The explorer now draws at most 500x200 in the corner.
    @Test func aWindowWiderThanNcursesCanCountIsDrawnNotACrash() async throws {
        let pane = try TmuxPane(jobControl: true)
        await pane.waitFor("Ketamine treatment explorer")
        let tty = try paneTTY(pane)
        try run(["stty", "-F", tty, "cols", "40000", "rows", "30"])
        try await pane.sendAndWaitForChange("j")
        try pane.send("C-z")
        await pane.waitFor("STOPPED=148")
        try pane.send("fg", "Enter")
        try pane.send("j")
        try run(["stty", "-F", tty, "cols", "80", "rows", "24"])
        try pane.resize(width: 80, height: 24)
        await pane.waitFor("Ketamine treatment explorer")
        try pane.send("q")
        #expect(await pane.exitStatus() == 0, "\(pane.standardError)")
        #expect(!pane.standardError.contains("stopped unexpectedly"))
    }

    /// With the terminal's output stopped (XOFF) and its buffer full, a frame's write blocks;
    /// SIGTERM used to be retried into that write forever. Now the program restarts output,
    /// gives up the frame and exits, restoring the terminal.
    @Test func sigtermEndsTheProgramWhileAFrameWriteIsBlocked() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        let tty = try paneTTY(pane)
        try run(["stty", "-F", tty, "ixon"])   // as a terminal that kept flow control would
        try pane.send("C-s")
        // Full redraws until the terminal's buffer is full and a write blocks.
        let explorer = try pane.explorerPID()
        var blocked = false
        for round in 0..<400 where !blocked {
            try pane.resize(width: round % 2 == 0 ? 200 : 120, height: round % 2 == 0 ? 60 : 40)
            let syscall = (try? String(contentsOfFile: "/proc/\(explorer)/syscall", encoding: .utf8)) ?? ""
            blocked = syscall.hasPrefix("1 ")   // write(2)
        }
        try #require(blocked, "the explorer's frame write never blocked")
        kill(explorer, SIGTERM)
        #expect(await pane.exitStatus() == 143, "\(pane.standardError)")
    }

    /// A kiosk config anyone may change is refused before the kiosk starts; one everyone may
    /// read with a PIN hash in it starts with a warning; a heartbeat that cannot be written
    /// stops it at start (it was silently ignored).
    @Test func theKioskConfigsPermissionsAndHeartbeatAreCheckedAtStart() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let hash = try await runCommand(["hash-pin"], standardInput: "246810\n")
        try #require(hash.status == 0, "\(hash.error)")
        let config = "\(directory)/kiosk.yaml"
        try (hash.output + "idle_seconds: 60\n").write(toFile: config, atomically: true, encoding: .utf8)

        chmod(config, 0o666)
        let writable = try await runCommand(["--kiosk", "--config", config])
        #expect(writable.status == 2)
        #expect(writable.error.contains("can be changed by users other than its owner (mode 666)"), "\(writable.error)")
        chmod(config, 0o620)
        #expect(try await runCommand(["--kiosk", "--config", config]).error.contains("can be changed by users other than its owner"))

        chmod(config, 0o644)
        let readable = try await runCommand(["--kiosk", "--config", config])
        #expect(readable.error.contains("warning: \(config) holds pin_hash and every user can read it"), "\(readable.error)")
        #expect(readable.error.contains("not a terminal"), "then it goes on (and needs a terminal)")

        chmod(config, 0o640)
        let fine = try await runCommand(["--kiosk", "--config", config])
        #expect(!fine.error.contains("warning") && fine.error.contains("not a terminal"), "\(fine.error)")

        try (hash.output + "heartbeat_file: \(directory)/no-such-folder/heartbeat\n").write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o640)
        let heartbeat = try await runCommand(["--kiosk", "--config", config])
        #expect(heartbeat.status == 2)
        #expect(heartbeat.error.contains("heartbeat_file: cannot write \(directory)/no-such-folder/heartbeat"), "\(heartbeat.error)")
    }

    /// Line modes took no signals: Ctrl-C at hash-pin's hidden prompt left echo off, and
    /// plain mode ended without a word. Now each ends with 128 + n and the terminal as it was.
    @Test(arguments: [("hash-pin", "New staff PIN", ""), ("--plain", "or q (quit)", ""),
                      ("--guided --plain --export-dir /tmp", "Enter: next", "The session has ended. Everything ticked and chosen is wiped.")])
    func controlCInALineModeLeavesTheTerminalAsItWas(_ arguments: String, _ prompt: String, _ farewell: String) async throws {
        let pane = try TmuxPane(arguments: arguments)
        if arguments == "hash-pin" {   // its prompt goes to standard error, which the pane keeps in a file
            await pane.waitUntil("the PIN prompt") { _ in pane.standardError.contains(prompt) }
        } else {
            await pane.waitFor(prompt)
        }
        try pane.send("1", "2", "C-c")
        #expect(await pane.exitStatus() == 130, "\(pane.screen())")
        #expect(pane.sttyUnchanged, "stty -g differs after Ctrl-C")
        if !farewell.isEmpty { #expect(pane.screen().contains(farewell)) }
    }

    /// TERMINFO may point anywhere its owner likes. An entry whose cup divides Int.min by -1
    /// and pads a number to 2,000,000,000 places, and whose setaf has a width that overflows,
    /// trapped the program (SIGILL) before its crash handler was armed, leaving the terminal raw.
    @Test func aCraftedTerminfoEntryNeitherCrashesNorHangs() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = try run(["infocmp", "-x", "xterm-256color"])
        var crafted = source.replacingOccurrences(of: "xterm-256color|", with: "kxcrafted|")
        for (name, value) in [("cup", #"\E[%i%p1%{-9223372036854775808}%{-1}%/%p1%d;%p2%2000000000d;%p2%dH"#),
                              ("setaf", #"\E[38;5;%p1%99999999999999999999dm"#)] {
            let range = try #require(crafted.range(of: "(?<=[\t ])\(name)=[^,]*,", options: .regularExpression))
            crafted.replaceSubrange(range, with: "\(name)=\(value),")
        }
        try crafted.write(toFile: "\(directory)/crafted.src", atomically: true, encoding: .utf8)
        try run(["tic", "-x", "-o", "\(directory)/terminfo", "\(directory)/crafted.src"])
        let pane = try TmuxPane(environment: "TERMINFO='\(directory)/terminfo' TERM=kxcrafted")
        let shell = pane.format("pane_pid")
        await pane.waitUntil("the explorer to be running") { _ in !((try? run(["pgrep", "-P", shell])) ?? "").isEmpty }
        try pane.send("j", "q")
        #expect(await pane.exitStatus() == 0, "\(pane.standardError)")
        #expect(pane.sttyUnchanged)
    }

    @Test func hashPinRefusesPINsShorterThanSixDigits() async throws {
        let short = try await runCommand(["hash-pin"], standardInput: "2468\n")
        #expect(short.status != 0 && short.error.contains("6 to 12 digits"), "\(short.error)")
        #expect(short.output.isEmpty)
    }
}

/// A bounded storm against the real program in a pty (`storm.py`): random keys, escape
/// sequences, pastes, mouse reports and resizes from 1x1 to 500x200, then SIGTERM. It must not
/// crash or hang, and must leave the terminal's modes as they were. Two fixed seeds per mode
/// replay the same storm every run; one more seed is new each run (printed when it fails, and
/// `python3 Tests/EndToEndTests/storm.py BINARY CONTENT SEED MODE` replays it).
@Suite struct StormTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("storm.py").path

    @Test(arguments: ["browse", "guided", "kiosk"])
    func aStormOfInputNeitherCrashesNorHangsIt(_ mode: String) async throws {
        let fresh = Int(UInt32.random(in: 1000...UInt32.max))
        for seed in [1, 2, fresh] {
            let result = try await runProgram("/usr/bin/env", ["python3", Self.script, Paths.binary, Paths.pack, "\(seed)", mode, "1500"],
                                        timeout: 90)
            #expect(result.status == 0, "\(result.output)\(result.error)")
        }
    }
}
