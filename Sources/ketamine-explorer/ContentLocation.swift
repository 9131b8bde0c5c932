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
        // A build tree's own content first, then the clinic's own edits (which an upgrade
        // never overwrites), then the installed packs.
        let executableFolders = Executable.path.map { executable in
            (0..<5).reduce(into: [parent(of: executable)]) { folders, _ in folders.append(parent(of: folders.last ?? "/")) }
        } ?? []
        for folder in executableFolders {
            if let found = try pick(in: "\(folder)/Assets/content") { return found }
        }
        if let found = try pick(in: overrideFolder) { return found }
        for folder in executableFolders {
            if let found = try pick(in: "\(folder)/share/ketamine-explorer/content") { return found }
        }
        if let found = try pick(in: "Assets/content") { return found }
        throw .noPack(folder: "Assets/content", namedBy: "the default: none beside the program, none installed in "
                      + "share/ketamine-explorer/content; give --content DIR")
    }

    /// The pack beside `folder` in the other language (`.../en` beside `.../es`), if there is
    /// one: what `L` switches to.
    static func otherLanguage(of folder: String) -> String? {
        var trimmed = folder
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let code = trimmed.split(separator: "/").last.map(String.init) ?? ""
        guard languages.contains(code), let other = languages.first(where: { $0 != code }) else { return nil }
        let sibling = (trimmed.contains("/") ? parent(of: trimmed) : ".") + "/" + other
        return isPack(sibling) ? sibling : nil
    }

    private static func isPack(_ folder: String) -> Bool { access("\(folder)/pack.yaml", R_OK) == 0 }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
