import ContentModel
import Foundation
import Testing

/// Where things are, for tests that run the real binary.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let pack = "\(root)/Assets/content/en"

    /// The shipped English pack, read once for every test that only reads it.
    static func loadPack() throws -> ContentPack { try packRead.get() }
    private static let packRead = Result { try ContentPack.load(from: pack) }

    /// KETAMINE_EXPLORER_BIN (set by `make test`), else a release build, else a debug build.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["KETAMINE_EXPLORER_BIN"], !path.isEmpty { return path }
        for candidate in ["\(root)/.build/release/ketamine-explorer", "\(root)/.build/debug/ketamine-explorer"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return "\(root)/.build/release/ketamine-explorer"
    }()

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kx-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A copy of the shipped pack with the first `old` in `file` replaced, removed when released.
final class EditedPack {
    let path: String
    private let directory: String

    init(_ file: String, replacing old: String, with new: String) throws {
        directory = try Paths.temporaryDirectory()
        path = "\(directory)/pack"
        try FileManager.default.copyItem(atPath: Paths.pack, toPath: path)
        let text = try String(contentsOfFile: "\(path)/\(file)", encoding: .utf8)
        let range = try #require(text.range(of: old), "\(file) has no '\(old)'")
        try text.replacingCharacters(in: range, with: new).write(toFile: "\(path)/\(file)", atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// The result of running the binary with pipes (no terminal).
struct CommandResult {
    let status: Int32
    let output: String
    let error: String
}

func runCommand(_ arguments: [String], environment: [String: String] = [:], standardInput: String? = nil) async throws -> CommandResult {
    try await runProgram(Paths.binary, arguments, environment: environment, standardInput: standardInput)
}

/// Runs `path` with pipes for its output. `standardOutput`: a file to write its output to
/// instead (`/dev/full`, say). A hang is cut off after `timeout` seconds (SIGKILL, status 9),
/// so a regression fails the test instead of stopping the run.
func runProgram(_ path: String, _ arguments: [String], environment: [String: String] = [:], standardInput: String? = nil,
                standardOutput: String? = nil, timeout: Double = 120) async throws -> CommandResult {
    try await offThePool {
        try waitForProgram(path, arguments, environment: environment, standardInput: standardInput,
                           standardOutput: standardOutput, timeout: timeout)
    }
}

/// Runs `work`, which blocks (waits for a process), on a thread of its own rather than one of
/// the cooperative pool's (one per core): a storm or a budget run that held a pool thread for
/// seconds left the other tests' polls unserved until their deadlines had passed.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

private func waitForProgram(_ path: String, _ arguments: [String], environment: [String: String], standardInput: String?,
                            standardOutput: String?, timeout: Double) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe(), error = Pipe()
    if let standardOutput {
        process.standardOutput = FileHandle(forWritingAtPath: standardOutput)
    } else {
        process.standardOutput = output
    }
    process.standardError = error
    let input = Pipe()
    process.standardInput = standardInput == nil ? FileHandle.nullDevice : input
    try process.run()
    let pid = process.processIdentifier
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    defer { watchdog.cancel() }
    if let standardInput {
        input.fileHandleForWriting.write(Data(standardInput.utf8))
        try input.fileHandleForWriting.close()
    }
    let outData = standardOutput == nil ? output.fileHandleForReading.readDataToEndOfFile() : Data()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         output: String(decoding: outData, as: UTF8.self),
                         error: String(decoding: errData, as: UTF8.self))
}

/// A private tmux server running one pane at a fixed size. The pane runs a small shell
/// script that records `stty -g` before and after the explorer and prints its exit status,
/// so a test can prove the terminal came back exactly as it was. The script ignores signals
/// while the explorer runs (the signal tests aim them at the explorer), then takes them
/// again, so that `kill-server` at the end (its SIGHUP) also ends the pane's last `sleep`
/// and with it the server.
final class TmuxPane {
    let socket = "kx-\(UUID().uuidString.prefix(8))"
    let directory: String

    /// - Parameter recording: also record every byte the explorer writes to the terminal in
    ///   this file (through `script`), to look for escape sequences a screen capture hides.
    ///   - jobControl: run the explorer as a job of a shell with job control (`set -m`), so
    ///     Ctrl-Z stops it: the script then prints STOPPED=, saves `stty -g` as stty.stopped,
    ///     reads a line (echoed back as TYPED=) and continues the explorer with `fg`.
    init(width: Int = 80, height: Int = 24, arguments: String = "", environment: String = "",
         wrapper: Bool = true, recording: String? = nil, jobControl: Bool = false) throws {
        directory = try Paths.temporaryDirectory()
        var command = "\(environment) '\(Paths.binary)' \(arguments)"
        if let recording { command = "script -qfec \"\(command)\" '\(recording)'" }
        let stopped = jobControl ? """
            echo "STOPPED=$?"
            stty -g > '\(directory)/stty.stopped'
            read line
            echo "TYPED=$line"
            fg
            """ : ""
        let script = wrapper ? """
            \(jobControl ? "set -m" : "")
            trap '' INT HUP TERM QUIT
            stty -g > '\(directory)/stty.before'
            \(command) 2> '\(directory)/stderr'
            \(stopped)
            echo "EXIT=$?"
            stty -g > '\(directory)/stty.after'
            echo DONE
            trap - INT HUP TERM QUIT
            sleep 600
            """ : command
        try script.write(toFile: "\(directory)/run.sh", atomically: true, encoding: .utf8)
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                  "sh '\(directory)/run.sh'"])
        try tmux(["set-option", "-g", "window-size", "manual"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs a tmux command on this pane's server and returns what it printed.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try run(["tmux", "-L", socket] + arguments)
    }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    /// The pane's text; `styled` adds its colours and attributes as escape sequences.
    func screen(styled: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-t", "0"] + (styled ? ["-e"] : []))) ?? ""
    }

    /// The words inside the box on the screen (between its side borders), in one line: what
    /// a box says whatever way it wrapped.
    func boxText() -> String {
        screen().split(separator: "\n").compactMap { line -> String? in
            guard let left = line.firstIndex(of: "│"), let right = line.lastIndex(of: "│"), left < right else { return nil }
            return String(line[line.index(after: left)..<right])
        }.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    func format(_ name: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", "0", "#{\(name)}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `text` appears (no fixed sleeps). Records an issue on timeout.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        await waitUntil("\"\(text)\"", seconds: seconds, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Polls the screen (`styled`: with its colours) until `condition` holds for it. Records
    /// an issue on timeout.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 10, styled: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if condition(screen(styled: styled)) { return true }
            // Looked at once more after the deadline, however late this task was woken.
            if Date() >= deadline { break }
            await pause(microseconds: 20_000)
        }
        Issue.record("Timed out waiting for \(what). Screen:\n\(screen())", sourceLocation: sourceLocation)
        return false
    }

    /// Sends `key` and waits until the screen shows something else, if only in its colours.
    func sendAndWaitForChange(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = screen(styled: true)
        try send(key)
        await waitUntil("the screen to change after \(key)", styled: true, sourceLocation: sourceLocation) { $0 != before }
    }

    /// The explorer's process id: the child of the pane's shell.
    func explorerPID() throws -> Int32 {
        let shell = format("pane_pid")
        let text = try run(["pgrep", "-P", shell]).split(separator: "\n").first.map(String.init) ?? ""
        return try #require(Int32(text.trimmingCharacters(in: .whitespaces)), "no explorer process under \(shell)")
    }

    /// After the explorer exited: its status, and whether the terminal is as it was.
    func exitStatus(sourceLocation: SourceLocation = #_sourceLocation) async -> Int? {
        guard await waitFor("DONE", sourceLocation: sourceLocation) else { return nil }
        let line = screen().split(separator: "\n").last { $0.hasPrefix("EXIT=") }
        return line.flatMap { Int($0.dropFirst(5)) }
    }

    var sttyUnchanged: Bool { sttySame(as: "stty.after") }

    /// Whether `stty -g` saved in `file` is what it was before the explorer started.
    func sttySame(as file: String) -> Bool {
        let before = try? String(contentsOfFile: "\(directory)/stty.before", encoding: .utf8)
        let other = try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
        return before != nil && before == other
    }

    var standardError: String { (try? String(contentsOfFile: "\(directory)/stderr", encoding: .utf8)) ?? "" }

    /// The terminal is back to normal: same modes, main screen, visible cursor, and the
    /// whole screen as the scroll region.
    func expectRestored(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sttyUnchanged, "stty -g differs after exit", sourceLocation: sourceLocation)
        expectHandedBack(sourceLocation: sourceLocation)
    }

    /// The screen is the shell's again: main screen, visible cursor, no scroll region.
    func expectHandedBack(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(format("alternate_on") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
        #expect(format("cursor_flag") == "1", "cursor left hidden", sourceLocation: sourceLocation)
        #expect(scrollRegionIsWholeScreen, "scroll region left at \(format("scroll_region_upper"))-\(format("scroll_region_lower"))",
                sourceLocation: sourceLocation)
    }

    var scrollRegionIsWholeScreen: Bool {
        format("scroll_region_upper") == "0" && Int(format("scroll_region_lower")) == (Int(format("pane_height")) ?? 0) - 1
    }

    /// Opens the first panel and scrolls it a line, so that the explorer's scroll region is
    /// set: the state every way out must undo.
    func openAndScroll(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try send("Enter")
        // The open panel's own line (the list's preview says "More below: press Enter").
        await waitFor("More below: press Space", sourceLocation: sourceLocation)
        try send("j")
        await waitUntil("scrolling a panel to set a scroll region", sourceLocation: sourceLocation) { _ in
            !self.scrollRegionIsWholeScreen
        }
    }
}

/// Waits without holding a thread: tests run on Swift's cooperative pool, one thread per
/// core, and a test that slept in `usleep` kept other tests from running meanwhile (the
/// end-to-end tests spend most of their time waiting for the explorer and tmux).
func pause(microseconds: Int) async {
    try? await Task.sleep(nanoseconds: UInt64(microseconds) * 1_000)
}

/// Runs a program and waits for it, with output through a file rather than a pipe: a tmux
/// server started by the command lives on and would hold a pipe open forever. For the same
/// reason nothing else open in this process is passed on: tests run in parallel, and a tmux
/// server that inherited another test's `runCommand` pipe kept that test waiting for the end
/// of its output until the server's script finished (ten minutes).
@discardableResult
func run(_ arguments: [String]) throws -> String {
    closeOnExec()
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("kx-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // No blocked signals and default handlers in the child: the test runner's threads block
    // most signals, and a tmux server that inherited that mask (SIGCHLD blocked) never saw
    // its pane end, so `kill-server` left it running for the rest of the pane's `sleep 600`.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
    guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .ENOENT) }
    var exitStatus: Int32 = 0
    while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
}

/// Marks every descriptor above standard error close-on-exec (Foundation's pipes are not).
/// Harmless for `Process`: it hands a child its pipes by dup2, which clears the mark.
func closeOnExec() {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
    for descriptor in entries.compactMap({ Int32($0) }) where descriptor > 2 {
        let flags = fcntl(descriptor, F_GETFD)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
    }
}

/// The first words of a topic's main message, as the screen shows them.
func messageStart(_ topic: Topic, words: Int = 4) -> String {
    InlineMarkup.plainText(topic.message).split(separator: " ").prefix(words).joined(separator: " ")
}
