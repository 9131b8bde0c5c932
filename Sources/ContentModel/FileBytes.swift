#if canImport(Glibc)
import Glibc
#endif

/// Whole files in and out, as bytes.
public enum FileBytes {
    /// The whole file, read into an array of its exact size (no zeroed buffer to fill first).
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if size == 0 { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { failed = got < 0; break }
                count += got
            }
        }
        return failed ? nil : bytes
    }

    /// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so a reader
    /// sees the old file or the new one, never half of one. Returns nil when done, else why not
    /// (and no temporary file is left).
    public static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return "cannot write \(temporary): \(String(cString: strerror(errno)))" }
        var written = 0
        var problem: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 {
                    problem = result < 0 ? errno : EIO
                    return
                }
                written += result
            }
        }
        if close(descriptor) != 0 && problem == 0 { problem = errno }
        if problem == 0 && rename(temporary, path) != 0 { problem = errno }
        guard problem != 0 else { return nil }
        unlink(temporary)
        return "cannot write \(path): \(String(cString: strerror(problem)))"
    }
}
