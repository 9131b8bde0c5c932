#if canImport(Glibc)
import Glibc
#endif

/// This program's own file.
public enum Executable {
    /// Its absolute path (from /proc/self/exe), or nil if the kernel will not say. Read once.
    public static let path: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()
}
