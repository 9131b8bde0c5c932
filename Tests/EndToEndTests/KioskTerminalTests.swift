import ContentModel
import Foundation
import Testing

/// A kiosk config in a temporary folder, with the staff PIN 246810 hashed by `hash-pin`,
/// owned and moded as the README says (0640).
final class KioskFiles {
    let directory: String
    var config: String { "\(directory)/kiosk.yaml" }
    let heartbeat: String

    /// - Parameter heartbeatName: the heartbeat file's name (`.prom`: Prometheus's format).
    init(_ options: String = "", pin: Bool = true, heartbeatName: String = "heartbeat") async throws {
        directory = try Paths.temporaryDirectory()
        heartbeat = "\(directory)/\(heartbeatName)"
        var text = options + "heartbeat_file: \(heartbeat)\n"
        if pin {
            let hashed = try await runCommand(["hash-pin"], standardInput: "246810\n")
            try #require(hashed.status == 0, "\(hashed.error)")
            text += hashed.output
        }
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o640)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// The attract screen's prompt in each language shipped: the slides alternate between the two.
let attractPrompts: [String] = ["en", "es"].compactMap {
    try? ContentPack.load(from: "\(Paths.root)/Assets/content/\($0)").tours?.attract?.prompt
}

extension TmuxPane {
    /// Waits for the attract screen, in whichever language its slide is (a prompt may wrap).
    @discardableResult
    func waitForAttract(seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        await waitUntil("the attract screen", seconds: seconds, sourceLocation: sourceLocation) { screen in
            let words = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return attractPrompts.contains { words.contains($0) }
        }
    }
}

/// The kiosk in a real terminal: nothing a visitor presses or sends stops it; staff leave
/// with the PIN; SIGTERM ends it cleanly.
@Suite(.serialized) struct KioskTerminalTests {
    let pack: ContentPack

    init() throws { pack = try Paths.loadPack() }

    @Test func noKeyOrSignalAVisitorCanSendStopsIt() async throws {
        let files = try await KioskFiles()
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitForAttract()
        try pane.send("x")
        await pane.waitFor(messageStart(pack.topics[0]))
        let pid = try pane.explorerPID()
        for key in ["C-c", "C-z", "C-\\", "C-s", "C-q", "C-d", "q", "Q", "Escape", "F1", "F4", "F10", "F11", "M-x", "C-a"] {
            try pane.send(key)
        }
        try pane.tmux(["send-keys", "-t", "0", "-l", "\u{1B}[24~\u{1B}OP\u{1B}[200~exit\u{1B}[201~"])
        // Ignored signals are dropped as they are sent: nothing to wait for.
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] { kill(pid, signal) }
        // Keys are read in order: once a later key's panel shows, every key above was dealt with.
        try pane.send("Escape", "2")
        await pane.waitFor(messageStart(pack.topics[1]))
        #expect(kill(pid, 0) == 0, "the kiosk is still running")
        #expect(!pane.screen().contains("EXIT="))
        #expect(!pane.screen().contains("q quit"))
        kill(pid, SIGTERM)
        #expect(await pane.exitStatus() == 143)
        pane.expectRestored()
    }

    @Test func itIgnoresTheEnvironmentItWasStartedWith() async throws {
        // ncurses would take LINES and COLUMNS as the screen size, and the explorer would ask
        // for a bigger window; the kiosk drops every variable but its own few.
        let files = try await KioskFiles(pin: false)
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'",
                                environment: "LINES=10 COLUMNS=40 PAGER=sh EDITOR=sh SHELL=/bin/sh ESCDELAY=5000")
        await pane.waitForAttract()
        #expect(!pane.screen().contains("Please enlarge"))
        try pane.send("x", "Escape")   // Esc is not held back five seconds
        try pane.send("2")
        await pane.waitFor(messageStart(pack.topics[1]), seconds: 2)
        kill(try pane.explorerPID(), SIGTERM)
        #expect(await pane.exitStatus() == 143)
    }

    @Test func theRightPINAfterTheChordLetsStaffOut() async throws {
        let files = try await KioskFiles()
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitForAttract()
        try pane.send("F12", "C-a")
        await pane.waitFor("Type the staff PIN")
        try pane.send("2", "4", "6", "8", "1", "0")
        await pane.waitFor("PIN: ******")
        #expect(!pane.screen().contains("246810"))
        try pane.send("Enter")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
    }

    @Test func fiveWrongPINsLockTheStaffExit() async throws {
        let files = try await KioskFiles()
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitForAttract()
        try pane.send("F12", "C-a")
        for attempt in 1...5 {
            await pane.waitFor("Type the staff PIN")
            try pane.send("1", "1", "1", "1", "Enter")
            if attempt < 5 { await pane.waitFor("That PIN was not accepted.") }
        }
        await pane.waitFor("Locked after 5 wrong PINs")
        // Even the right PIN cannot get in while it is locked.
        try pane.send("F12", "C-a", "2", "4", "6", "8", "1", "0", "Enter")
        // Keys are read in order: once a later key's panel shows, every key above was dealt with.
        try pane.send("Escape", "3")
        await pane.waitFor(messageStart(pack.topics[2]))
        #expect(!pane.screen().contains("EXIT="))
        #expect(!pane.screen().contains("Type the staff PIN"))
        kill(try pane.explorerPID(), SIGTERM)
        #expect(await pane.exitStatus() == 143)
        pane.expectRestored()
    }

    @Test func withoutAPINThereIsNoWayOutFromTheKeyboard() async throws {
        let files = try await KioskFiles(pin: false)
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitForAttract()
        try pane.send("F12", "C-a", "2", "4", "6", "8", "1", "0", "Enter")
        try pane.send("Escape", "3")   // once its panel shows, the keys above were dealt with
        await pane.waitFor(messageStart(pack.topics[2]))
        #expect(!pane.screen().contains("Type the staff PIN"))
        #expect(!pane.screen().contains("EXIT="))
        kill(try pane.explorerPID(), SIGTERM)
        #expect(await pane.exitStatus() == 143)
    }

    @Test func aBadConfigNamesTheFileLineAndOptionBeforeTheScreenIsTouched() async throws {
        let files = try await KioskFiles("idle_seconds: 90\nwarning_seconds: 5\n", pin: false)
        let result = try await runCommand(["--kiosk", "--config", files.config])
        #expect(result.status == 2)
        #expect(result.error.contains("\(files.config):2: warning_seconds: 5 is outside 20 to 120 seconds"), "\(result.error)")
        #expect(!result.error.contains("\u{1B}"))
        let missing = try await runCommand(["--kiosk", "--config", "\(files.directory)/nowhere.yaml"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("nowhere.yaml"))
    }
}

/// Staff's "reset now" (SIGUSR1) wipes the visit from the screen and the terminal's scrollback
/// at once, as the idle reset does, and the slides return. The idle countdown itself, and the
/// wipe it ends in, run through the same loop as scenario tests (ExplorerAppTests) in
/// milliseconds; what only a real terminal can show is checked here: the scrollback.
@Suite(.serialized) struct KioskResetNowTests {
    @Test func sigusr1WipesTheVisitFromScreenAndScrollbackAndTheSlidesReturn() async throws {
        let pack = try Paths.loadPack()
        let files = try await KioskFiles("idle_seconds: 600\n", pin: false)
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitForAttract()
        try pane.send("x", "3")
        let panel = messageStart(pack.topics[2], words: 5)
        await pane.waitFor(panel)

        kill(try pane.explorerPID(), SIGUSR1)
        await pane.waitForAttract(seconds: 5)
        let screen = pane.screen()
        let history = try pane.tmux(["capture-pane", "-p", "-S", "-", "-t", "0"])
        #expect(!screen.contains(panel) && !history.contains(panel), "nothing of the last visit is left on screen")

        // The heartbeat holds counts only.
        let beat = try String(contentsOfFile: files.heartbeat, encoding: .utf8)
        let keys = beat.split(separator: "\n").map { $0.split(separator: ":").first.map(String.init) ?? "" }
        #expect(keys == ["version", "content_version", "uptime_seconds", "resets", "last_error"])
        #expect(!beat.contains(pack.topics[2].title))
        kill(try pane.explorerPID(), SIGTERM)
        #expect(await pane.exitStatus() == 143)
        pane.expectRestored()
    }

    /// After a reset, nothing a visitor typed is readable in the kiosk's memory: the word
    /// searched for is found in a kiosk process while the visit lasts (the scan works), and in
    /// none after staff's reset. (With the visit in the kiosk's own process, over a hundred
    /// copies of it stayed in freed memory.)
    @Test func aResetLeavesNothingTypedInTheKiosksMemory() async throws {
        let files = try await KioskFiles("idle_seconds: 600\n", pin: false)
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitForAttract()
        try pane.send("x")
        try pane.send("/")
        let word = "zq" + String((0..<10).map { _ in "abcdefghijklmnopqrstuvwxy".randomElement()! })
        try pane.tmux(["send-keys", "-t", "0", "-l", word])
        await pane.waitFor("Search: \(word)")
        let kiosk = try pane.explorerPID()
        #expect(!processes(from: kiosk, holding: word).isEmpty, "while the visit lasts, a kiosk process holds the word")

        kill(kiosk, SIGUSR1)
        await pane.waitForAttract(seconds: 5)
        let holding = processes(from: kiosk, holding: word)
        #expect(holding.isEmpty, "processes still holding the visitor's word: \(holding)")
        try pane.send("x")   // the next visitor finds the kiosk working
        await pane.waitFor(messageStart(try Paths.loadPack().topics[0]))
        kill(kiosk, SIGTERM)
        #expect(await pane.exitStatus() == 143)
        pane.expectRestored()
    }

    /// `root` and its children that hold `word` anywhere in their writable memory.
    private func processes(from root: Int32, holding word: String) -> [Int32] {
        let children = ((try? run(["pgrep", "-P", "\(root)"])) ?? "").split(separator: "\n").compactMap { Int32($0) }
        let needle = Array(word.utf8)
        return ([root] + children).filter { pid in
            guard let maps = try? String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8) else { return false }
            let memory = open("/proc/\(pid)/mem", O_RDONLY)
            guard memory >= 0 else { return false }
            defer { close(memory) }
            for line in maps.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count >= 2, fields[1].hasPrefix("rw") else { continue }
                let bounds = fields[0].split(separator: "-").compactMap { UInt64($0, radix: 16) }
                guard bounds.count == 2, bounds[1] > bounds[0], bounds[1] - bounds[0] < 1 << 30 else { continue }
                var bytes = [UInt8](repeating: 0, count: Int(bounds[1] - bounds[0]))
                let got = bytes.withUnsafeMutableBytes { pread(memory, $0.baseAddress, $0.count, off_t(bounds[0])) }
                guard got > 0 else { continue }
                if contains(bytes[..<got], needle) { return true }
            }
            return false
        }
    }

    private func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            guard let found = haystack[index...last].firstIndex(of: first) else { return false }
            if haystack[found..<found + needle.count].elementsEqual(needle) { return true }
            index = found + 1
        }
        return false
    }
}
