#if canImport(Glibc)
import Glibc
#endif

/// espeak-ng, the speech engine Debian ships (package espeak-ng, with its English and
/// Spanish voices), run from its fixed absolute path: the text in on standard input, a WAV
/// file's bytes out on standard output. Nothing the user names is run.
enum Espeak {
    static let path = "/usr/bin/espeak-ng"
    /// A little slower than espeak-ng's 175 words a minute: listeners may be in pain or tired.
    static let wordsPerMinute = 150

    /// The voice for a pack's language: American English, Latin American Spanish.
    static func voice(_ language: String) -> String { language == "es" ? "es-419" : "en-us" }

    enum Failure: Error, CustomStringConvertible {
        case missing
        case failed(String)

        var description: String {
            switch self {
            case .missing: "there is no speech engine at \(Espeak.path); install it with: sudo apt-get install espeak-ng"
            case .failed(let why): "the speech engine failed: \(why)"
            }
        }
    }

    /// `text` said in `language`, as the bytes of a WAV file (16-bit mono PCM).
    static func wav(_ text: String, language: String) throws(Failure) -> [UInt8] {
        guard access(path, X_OK) == 0 else { throw .missing }
        // An engine that ends early must not end this program with SIGPIPE: a write then fails.
        signal(SIGPIPE, SIG_IGN)
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw .failed(String(cString: strerror(errno))) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        for descriptor in input + output { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let arguments = [path, "-v", voice(language), "-s", "\(wordsPerMinute)", "--stdin", "--stdout"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        close(input[0])
        close(output[1])
        guard spawned == 0 else {
            close(input[1])
            close(output[0])
            throw .failed(String(cString: strerror(spawned)))
        }
        // espeak-ng reads all of its input before it speaks, so the text is written first.
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { break }
            bytes = bytes.dropFirst(written)
        }
        close(input[1])
        var audio: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            audio += buffer[..<count]
        }
        close(output[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0, audio.count > 44, audio.starts(with: Array("RIFF".utf8)) else {
            throw .failed("it exited with status \(status) and \(audio.count) bytes")
        }
        // Written to a pipe, the header's sizes are placeholders: set them.
        func put(_ value: Int, at offset: Int) {
            for index in 0..<4 { audio[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
        }
        put(audio.count - 8, at: 4)
        put(audio.count - 44, at: 40)
        return audio
    }
}
