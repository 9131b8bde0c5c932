import ContentModel
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// Finds the content pack, in the language to show.
///
/// The language: `--lang`, else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: the
/// first that is set decides, and `es_*` means Spanish), else English.
///
/// The folder: `--content DIR`, else `KETAMINE_EXPLORER_CONTENT`; either may be a pack (a
/// folder with pack.yaml) or a folder of packs by language (`DIR/en`, `DIR/es`). Else
/// `Assets/content/LANG` beside the binary's checkout (a `swift build` tree), then a clinic's
/// own packs in `/etc/ketamine-explorer/content/LANG`, then an installed
/// `share/ketamine-explorer/content/LANG`, then `Assets/content/LANG` in the current directory. A language that has no pack there is an error when `--lang` asked for
/// it; when only the locale did, the English pack is shown.
enum ContentLocation {
    static let environmentVariable = "KETAMINE_EXPLORER_CONTENT"
    /// Where a clinic keeps its own edited packs (`en/`, `es/`), checked as the shipped ones
    /// are: an installed program shows them instead of its own, and an upgrade leaves them.
    static let overrideFolder = "/etc/ketamine-explorer/content"
    static let languages = Preferences.languages
    static let defaultLanguage = "en"

    /// Why there is no pack to show, in one line that says where the folder came from.
    enum Missing: Error, CustomStringConvertible {
        /// `--lang` names a language there is no pack for.
        case language(String, folder: String, available: [String])
        /// The folder named (by `--content`, the environment or the default) holds no pack.
        case noPack(folder: String, namedBy: String)

        var description: String {
            switch self {
            case .language(let language, let folder, let available):
                return "there is no content in '\(language)' in \(folder)"
                    + (available.isEmpty ? "" : "; languages there: \(available.joined(separator: ", "))")
            case .noPack(let folder, let namedBy):
                return "there is no content pack in \(folder) (\(namedBy)); a pack is a folder with pack.yaml in it, "
                    + "or a folder of them by language (en, es)"
            }
        }
    }

    /// The language the locale asks for, if it is one of the pack's (nil: the default).
    static func localeLanguage(_ environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> String? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment(name), !value.isEmpty else { continue }
            let code = String(value.prefix { $0.isLetter }).lowercased()
            return languages.contains(code) ? code : nil
        }
        return nil
    }

    /// The pack folder to load. `language` is `--lang`, if given.
    static func resolve(_ explicit: String?, language: String? = nil,
                        environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) throws(Missing) -> String {
        let wanted = language ?? localeLanguage(environment) ?? defaultLanguage
        /// The pack for `wanted` in a folder of packs, or English where only the locale asked.
        func pick(in root: String) throws(Missing) -> String? {
            for code in language == nil ? [wanted, defaultLanguage] : [wanted] where isPack("\(root)/\(code)") {
                return "\(root)/\(code)"
            }
            guard language != nil, languages.contains(where: { isPack("\(root)/\($0)") }) else { return nil }
            throw .language(wanted, folder: root, available: languages.filter { isPack("\(root)/\($0)") })
        }
        if let given = explicit ?? environment(environmentVariable).flatMap({ $0.isEmpty ? nil : $0 }) {
            if isPack(given) { return given }
            if let found = try pick(in: given) { return found }
            var status = stat()
            guard stat(given, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw .noPack(folder: given, namedBy: explicit != nil ? "--content" : "$\(environmentVariable)")
            }
            return given   // a folder, but not a whole pack: the loader says what is missing
        }
        // The wanted language wherever it is, before English where only the locale asked.
        let roots = defaultRoots()
        for code in language == nil ? [wanted, defaultLanguage] : [wanted] {
            if let root = roots.first(where: { isPack("\($0)/\(code)") }) { return "\(root)/\(code)" }
        }
        if language != nil, let root = roots.first(where: { root in languages.contains { isPack("\(root)/\($0)") } }) {
            throw .language(wanted, folder: root, available: languages.filter { isPack("\(root)/\($0)") })
        }
        throw .noPack(folder: "Assets/content", namedBy: "the default: none beside the program, none installed in "
                      + "share/ketamine-explorer/content; give --content DIR")
    }

    /// Where packs are looked for when no folder is named, in order: a build tree's own
    /// content, the clinic's own packs (which an upgrade never overwrites), the installed
    /// ones, then `Assets/content` here.
    private static func defaultRoots() -> [String] {
        var folders: [String] = []
        if let executable = Executable.path {
            var folder = parent(of: executable)
            for _ in 0..<6 where !folders.contains(folder) {
                folders.append(folder)
                folder = parent(of: folder)
            }
        }
        return folders.map { "\($0)/Assets/content" } + [overrideFolder]
            + folders.map { "\($0)/share/ketamine-explorer/content" } + ["Assets/content"]
    }

    /// The pack in the other language (`.../en` beside `.../es`), if there is one: what `L`
    /// switches to. Beside `folder` first; for a clinic's own pack in /etc that has no
    /// sibling, the installed one.
    static func otherLanguage(of folder: String) -> String? {
        var trimmed = folder
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let code = trimmed.split(separator: "/").last.map(String.init) ?? ""
        guard languages.contains(code), let other = languages.first(where: { $0 != code }) else { return nil }
        let sibling = (trimmed.contains("/") ? parent(of: trimmed) : ".") + "/" + other
        if isPack(sibling) { return sibling }
        guard parent(of: trimmed) == overrideFolder else { return nil }
        return defaultRoots().drop { $0 != overrideFolder }.dropFirst().map { "\($0)/\(other)" }.first(where: isPack)
    }

    private static func isPack(_ folder: String) -> Bool { access("\(folder)/pack.yaml", R_OK) == 0 }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
