#if canImport(Glibc)
import Glibc
#endif

/// Finds the content pack when `--content` is not given: `KETAMINE_EXPLORER_CONTENT`, then
/// `Assets/content/en` beside the binary's checkout (a `swift build` tree), then an installed
/// `share/ketamine-explorer/content/en`, then `Assets/content/en` in the current directory.
enum ContentLocation {
    static let environmentVariable = "KETAMINE_EXPLORER_CONTENT"

    static func resolve(_ explicit: String?) -> String {
        if let explicit { return explicit }
        if let value = getenv(environmentVariable), value.pointee != 0 { return String(cString: value) }
        if let executable = executablePath() {
            var directory = parent(of: executable)
            for _ in 0..<5 {
                for candidate in ["\(directory)/Assets/content/en", "\(directory)/share/ketamine-explorer/content/en"]
                where access("\(candidate)/pack.yaml", R_OK) == 0 {
                    return candidate
                }
                directory = parent(of: directory)
            }
        }
        return "Assets/content/en"
    }

    private static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
