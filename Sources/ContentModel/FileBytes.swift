#if canImport(Glibc)
import Glibc
#endif

/// Whole files in and out, as bytes.
public enum FileBytes {
    /// The most a content file may hold: 1 MiB, about thirty times the largest shipped one
    /// (topics.yaml, 35 KB). Anything bigger is a mistake, and reading and checking it would
    /// keep a patient waiting seconds.
    public static let contentLimit = 1 << 20
    /// The most a settings file (kiosk config, clinic file) may hold: 64 KiB, forty times the examples.
    public static let settingsLimit = 1 << 16
    /// The most a `pack.snapshot` may hold: 16 MiB, about 170 times the shipped one (94 KB).
    public static let snapshotLimit = 1 << 24

    /// Why a file could not be read, in words for whoever put it there.
    public enum ReadError: Error, Equatable {
        case cannotOpen(errno: Int32)
        /// A folder, FIFO, device or socket: reading it could block forever or never end.
        case notARegularFile
        case tooLarge(limit: Int)
        case readFailed(errno: Int32)

        public var message: String {
            switch self {
            case .cannotOpen(let code) where code == ENOENT: return "cannot read this file: it does not exist"
            case .cannotOpen(let code): return "cannot read this file: \(String(cString: strerror(code)))"
            case .notARegularFile: return "this is not a regular file (a folder, a pipe or a device)"
            case .tooLarge(let limit): return "this file is larger than \(limit / 1024) KiB; no file of this kind needs to be"
            case .readFailed(let code): return "cannot read this file: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The whole file, read into an array of its exact size (no zeroed buffer to fill first).
    /// Opened without blocking, so a FIFO put where a file belongs is refused, not waited on;
    /// a file over `limit` bytes is refused before any of it is read.
    public static func read(_ path: String, limit: Int) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(limit: limit) }
        if size == 0 { return [] }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }   // the file shrank while being read: what is there
                count += got
            }
        }
        if failure != 0 { throw .readFailed(errno: failure) }
        return bytes
    }

    /// Writes `bytes` to a new temporary file beside `path` and renames it over `path`, so a
    /// reader sees the old file or the new one, never half of one. Returns nil when done, else
    /// why not (and no temporary file is left).
    ///
    /// The temporary file is made by `mkstemp`: a random name, created with O_EXCL, so a
    /// symlink or file planted at a guessable name is never followed or written through (the
    /// admin may run `snapshot` as root on the installed content folder). `rename` replaces
    /// whatever is at `path` itself, a symlink included, never what it points to.
    public static func replace(_ path: String, with bytes: [UInt8], mode: mode_t = 0o644) -> String? {
        var template = Array("\(path).XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        // mkstemp makes it 0600; what it replaces is meant to be read by others.
        var problem: Int32 = fchmod(descriptor, mode) == 0 ? 0 : errno
        if problem == 0 { problem = writeAll(bytes, to: descriptor) }
        if close(descriptor) != 0 && problem == 0 { problem = errno }
        if problem == 0 && rename(temporary, path) != 0 { problem = errno }
        guard problem != 0 else { return nil }
        unlink(temporary)
        return "cannot write \(path): \(String(cString: strerror(problem)))"
    }

    /// Writes `bytes` to the new file `path`, never over anything already there (not even a
    /// dangling link: O_EXCL). Returns 0 when done, else the errno (EEXIST: something is
    /// there); a half-written file is removed.
    public static func create(_ path: String, with bytes: [UInt8]) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        var problem = writeAll(bytes, to: descriptor)
        if close(descriptor) != 0 && problem == 0 && errno != EINTR { problem = errno }
        if problem != 0 { unlink(path) }
        return problem
    }

    /// Writes every byte (a write may take only part of them); 0, or the errno.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        var written = 0
        return bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return result < 0 ? errno : EIO }
                written += result
            }
            return 0
        }
    }
}
