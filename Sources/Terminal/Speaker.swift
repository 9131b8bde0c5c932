import ExplorerCore
#if canImport(Glibc)
import Glibc
#endif

/// The speech engine as the run loop uses it: `ketamine-explorer-speech`, a small helper
/// beside the program (Helpers/ketamine-explorer-speech.c) that speaks with libespeak-ng and
/// plays through pcaudio (ALSA or PulseAudio). The program is one static executable and
/// cannot link the sound libraries, which exist only as shared libraries, so the helper runs
/// as a child: started once, from a fixed absolute path next to the program (never from
/// PATH), before the kiosk locks itself down, and kept until the program ends.
///
/// Nothing here blocks: words go out through a non-blocking pipe (what does not fit waits
/// for the next turn; a newer say replaces a waiting one), and the helper's reports are read
/// when they are there. If there is no helper, no engine or no audio device, `events` says
/// so once with `.unavailable` and the rest does nothing.
public final class Speaker {
    private var input: Int32 = -1
    private var output: Int32 = -1
    private var pid: pid_t = 0
    /// The line being written to the helper: once begun it is always finished, so no line
    /// is ever cut into another (a pipe takes part of a long line at a time).
    private var writing: ArraySlice<UInt8> = []
    private var writingSay = false
    /// The next line, not begun: a newer say or stop replaces it (it was never heard).
    private var next: (line: [UInt8], say: Bool)?
    /// Says the helper has whole and has not yet answered with `done` or `stopped`. The
    /// helper answers in order, so while more than one is out, its reports are about an
    /// older say, which the program has moved on from: they are dropped.
    private var outstanding = 0
    /// Read but not yet a whole line.
    private var partial: [UInt8] = []
    private var reported: [SpeechEvent] = []
    public private(set) var unavailable: String?

    /// Where the helper is: beside the program (a build folder), or in
    /// `../libexec/ketamine-explorer/` from it (an installed program).
    public static func helperPath(program: String? = Executable.path) -> String? {
        guard let program else { return nil }
        let folder = program.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let candidates = [folder + "/ketamine-explorer-speech", folder + "/../libexec/ketamine-explorer/ketamine-explorer-speech"]
        return candidates.first { access($0, X_OK) == 0 }
    }

    /// Starts the helper at `helper` (nil: there is none); `arguments` are for tests (a sink file).
    public init(helper: String?, arguments: [String] = []) {
        guard let helper else {
            fail(Self.notInstalled)
            return
        }
        do throws(Failure) {
            let child = try Self.spawn(helper, arguments: arguments)
            (pid, input, output) = (child.pid, child.input, child.output)
        } catch {
            fail(error.why)
            return
        }
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if input >= 0 { close(input) }   // the helper reads the end of its input and exits
        if output >= 0 { close(output) }
    }

    /// The voice for a pack's language: American English, Latin American Spanish.
    public static func voice(_ language: String) -> String { language == "es" ? "es-419" : "en-us" }

    /// Why there is no speech: no helper, no engine, no sound card.
    public struct Failure: Error {
        public let why: String
        /// There is no speech here at all (no helper, or no engine), rather than a failure.
        public var missing = false
    }

    static let notInstalled = "the speech helper ketamine-explorer-speech is not installed beside the program"

    /// Starts the helper with its input and output on pipes (the program's ends returned) and
    /// standard error on /dev/null, in a process group of its own; `audio`, if given, becomes
    /// its file descriptor 3.
    private static func spawn(_ helper: String, arguments: [String], audio: Int32? = nil)
        throws(Failure) -> (pid: pid_t, input: Int32, output: Int32) {
        // A helper that ends early must not end this program with SIGPIPE: a write then fails.
        signal(SIGPIPE, SIG_IGN)
        var toHelper: [Int32] = [0, 0], fromHelper: [Int32] = [0, 0]
        guard pipe(&toHelper) == 0 else { throw Failure(why: String(cString: strerror(errno))) }
        guard pipe(&fromHelper) == 0 else {
            toHelper.forEach { close($0) }
            throw Failure(why: String(cString: strerror(errno)))
        }
        // The program's own ends stay out of other children (a pager, the printer).
        _ = fcntl(toHelper[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fromHelper[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toHelper[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromHelper[1], 1)
        // The terminal is the program's: what the sound libraries print goes nowhere.
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if let audio { posix_spawn_file_actions_adddup2(&actions, audio, 3) }
        // Its own process group: Ctrl-C and Ctrl-Z at the terminal are the program's to handle.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let argv = ([helper] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, helper, &actions, &attributes, argv, environ)
        close(toHelper[0])
        close(fromHelper[1])
        guard spawned == 0 else {
            close(toHelper[1])
            close(fromHelper[0])
            throw Failure(why: "the speech helper could not start: \(String(cString: strerror(spawned)))")
        }
        return (pid, toHelper[1], fromHelper[0])
    }

    /// The protocol's line for saying `chunks`: tabs and line ends separate its fields and
    /// lines, so they, and any other control character, become spaces.
    private static func sayLine(_ chunks: [String], voice: String, wordsPerMinute: Int) -> [UInt8] {
        let fields = chunks.map { chunk in
            String(chunk.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        }
        return Array((["say", voice, "\(wordsPerMinute)"] + fields).joined(separator: "\t").utf8) + [0x0A]
    }

    /// `chunks` said with `voice`, recorded: 16-bit mono samples and their rate, for a sound
    /// file (`export --format wav`, the handout's). The helper writes them as fast as it makes
    /// them to a pipe (its `--sink /dev/fd/3 --unpaced`); this waits until all is said.
    /// Throws why not: no helper, no engine.
    public static func record(_ chunks: [String], voice: String, wordsPerMinute: Int,
                              helper: String? = helperPath()) throws(Failure) -> (rate: Int, samples: [UInt8]) {
        guard let helper else { throw Failure(why: notInstalled, missing: true) }
        guard !chunks.isEmpty else { throw Failure(why: "there is nothing to say") }
        var audio: [Int32] = [0, 0]
        guard pipe(&audio) == 0 else { throw Failure(why: String(cString: strerror(errno))) }
        _ = fcntl(audio[0], F_SETFD, FD_CLOEXEC)
        let child: (pid: pid_t, input: Int32, output: Int32)
        do throws(Failure) {
            child = try spawn(helper, arguments: ["--sink", "/dev/fd/3", "--unpaced"], audio: audio[1])
        } catch {
            audio.forEach { close($0) }
            throw error
        }
        close(audio[1])
        var input: Int32? = child.input
        var line = sayLine(chunks, voice: voice, wordsPerMinute: wordsPerMinute)[...]
        var rate = 0, samples: [UInt8] = [], replies: [UInt8] = [], failure: String?, ended = false, missingEngine = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        var streams = [pollfd(fd: audio[0], events: Int16(POLLIN), revents: 0), pollfd(fd: child.output, events: Int16(POLLIN), revents: 0)]
        while streams[0].fd >= 0 {
            if let open = input, !line.isEmpty {
                // The say line first (the helper reads it at once); then wait for what it says.
                let written = line.withUnsafeBytes { write(open, $0.baseAddress, $0.count) }
                if written > 0 { line = line.dropFirst(written) } else if errno != EINTR { line = [] }
            }
            guard poll(&streams, 2, -1) >= 0 || errno == EINTR else { break }
            for index in streams.indices where streams[index].fd >= 0 && streams[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(streams[index].fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    close(streams[index].fd)
                    streams[index].fd = -1
                    continue
                }
                if index == 0 { samples += buffer[..<count]; continue }
                replies += buffer[..<count]
                while let end = replies.firstIndex(of: 0x0A) {
                    let reply = Reply(String(decoding: replies[..<end], as: UTF8.self))
                    replies.removeSubrange(...end)
                    switch reply {
                    case .ready(let given)?: rate = given
                    case .event(.unavailable(let why))?:
                        failure = why
                        missingEngine = true
                    case .event(.finished)?: ended = true
                    case .event(.stopped)?: failure = "the speech engine stopped before the end"
                    case .event(.began)?, nil: break
                    }
                    if ended || failure != nil, let open = input {
                        close(open)   // all said (or it cannot be): the helper exits, and the audio pipe ends
                        input = nil
                    }
                }
            }
        }
        if let open = input { close(open) }
        for stream in streams where stream.fd >= 0 { close(stream.fd) }
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0 && errno == EINTR {}
        if let failure { throw Failure(why: failure, missing: missingEngine) }
        guard ended, rate > 0, !samples.isEmpty else {
            throw Failure(why: "the speech helper ended early (status \(status))")
        }
        return (rate, samples)
    }

    /// Carries out what the program asked of the voice: say or hush (the asks of the speech
    /// keys are answered by the program before they come here).
    public func perform(_ request: SpeechRequest) {
        switch request {
        case .say(let utterance): say(utterance.chunks, voice: Self.voice(utterance.language), wordsPerMinute: utterance.wordsPerMinute)
        case .hush: hush()
        case .ask: break
        }
    }

    /// Says `chunks` one after another with `voice` at `wordsPerMinute`, stopping whatever is
    /// being said.
    public func say(_ chunks: [String], voice: String, wordsPerMinute: Int) {
        guard input >= 0, !chunks.isEmpty else { return }
        next = (Self.sayLine(chunks, voice: voice, wordsPerMinute: wordsPerMinute), true)
        flush()
    }

    /// Stops speaking at once.
    public func hush() {
        guard input >= 0 else { return }
        next = (Array("stop\n".utf8), false)   // a say not yet begun is never sent at all
        flush()
    }

    /// What the helper reported since the last call; sends what waited to be sent.
    public func events() -> [SpeechEvent] {
        flush()
        while output >= 0 {
            // On the stack: this runs at every turn of the loop, key or tick.
            let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
                let count = read(output, buffer.baseAddress, buffer.count)
                if count > 0 { partial.append(contentsOf: buffer[..<count]) }
                return count
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && errno == EAGAIN { break }
            guard count > 0 else {
                // The helper ended: after saying it cannot speak, or unexpectedly.
                close(output)
                output = -1
                // It has closed its output, so it is ending: wait for it, so that no zombie is
                // left for the kiosk's days.
                var status: Int32 = 0
                while pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                pid = 0
                if unavailable == nil { fail("the speech helper stopped") }
                break
            }
            while let end = partial.firstIndex(of: 0x0A) {
                let line = String(decoding: partial[..<end], as: UTF8.self)
                partial.removeSubrange(...end)
                take(line)
            }
        }
        defer { reported = [] }
        return reported
    }

    /// One reply line of the helper's protocol.
    enum Reply: Equatable {
        case ready(rate: Int)
        case event(SpeechEvent)

        init?(_ line: String) {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            let value = fields.count > 1 ? fields[1] : nil
            switch fields.first {
            case "ready": self = .ready(rate: value.flatMap { Int($0) } ?? 0)
            case "chunk": guard let number = value.flatMap({ Int($0) }) else { return nil }; self = .event(.began(number))
            case "done": self = .event(.finished)
            case "stopped": self = .event(.stopped)
            case "unavailable": self = .event(.unavailable(value ?? "no sound"))
            default: return nil   // something newer than this program
            }
        }
    }

    private func take(_ line: String) {
        guard case .event(let event)? = Reply(line) else { return }
        switch event {
        case .began:
            if outstanding <= 1 { reported.append(event) }
        case .finished, .stopped:
            outstanding = max(0, outstanding - 1)
            if outstanding == 0 { reported.append(event) }   // the last say's end, not an older one's
        case .unavailable(let why):
            fail(why)
        }
    }

    private func flush() {
        while input >= 0 {
            if writing.isEmpty {
                guard let line = next else { return }
                next = nil
                writing = line.line[...]
                writingSay = line.say
            }
            let written = writing.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && errno == EAGAIN { return }   // the rest goes on the next turn
            guard written > 0 else {
                close(input)
                input = -1
                if unavailable == nil { fail("the speech helper stopped") }
                return
            }
            writing = writing.dropFirst(written)
            if writing.isEmpty && writingSay { outstanding += 1 }
        }
    }

    private func fail(_ why: String) {
        unavailable = why
        reported.append(.unavailable(why))
        if input >= 0 { close(input) }
        input = -1
        writing = []
        next = nil
    }
}
