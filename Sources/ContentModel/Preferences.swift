import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// How a person likes the explorer: theme, motion, mouse, language, speech. From
/// `$XDG_CONFIG_HOME/ketamine-explorer/config.yaml` (default `~/.config/...`) for browsing
/// and guided sessions; the kiosk takes the same options from its own config. The command
/// line wins over either. Every option is optional; a missing one leaves the default.
public struct Preferences: Equatable, Sendable {
    /// A theme's name (`default`, `high-contrast`, `monochrome`).
    public var theme: String?
    public var reduceMotion: Bool?
    public var mouse: Bool?
    /// `en` or `es`.
    public var language: String?
    public var speech: SpeechMode?

    public static let options = ["theme", "reduce_motion", "mouse", "language", "speech"]
    /// The languages there are packs for.
    public static let languages = ["en", "es"]

    public init() {}

    /// Where the user's file is: `$XDG_CONFIG_HOME`, else `$HOME/.config`; nil without either.
    public static func userPath(environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> String? {
        if let config = environment("XDG_CONFIG_HOME"), config.hasPrefix("/") { return "\(config)/ketamine-explorer/config.yaml" }
        guard let home = environment("HOME"), home.hasPrefix("/") else { return nil }
        return "\(home)/.config/ketamine-explorer/config.yaml"
    }

    /// The user's preferences; none (every default) when there is no file.
    public static func load(path: String) throws(ContentErrors) -> Preferences {
        let document: YAMLDocument
        do {
            document = try YAMLDocument.load(path: path, rootName: "", limit: FileBytes.settingsLimit)
        } catch {
            throw ContentErrors([error])
        }
        var preferences = Preferences()
        var issues = document.controlCharacterIssues()
        do {
            let fields = try document.reader.mapping(allowing: options, issues: &issues)
            preferences.read(document.reader, fields, issues: &issues)
        } catch {
            issues.append(error)
        }
        guard issues.isEmpty else { throw ContentErrors(issues) }
        return preferences
    }

    /// Reads the options among `fields` (the user's file, or the kiosk's config), each
    /// mistake into `issues`.
    mutating func read(_ reader: NodeReader, _ fields: NodeReader.Fields, issues: inout [ContentIssue]) {
        func attempt(_ key: String, _ body: (NodeReader) throws(ContentIssue) -> Void) {
            guard let value = reader.child(key, in: fields) else { return }
            do { try body(value) } catch { issues.append(error) }
        }
        attempt("theme") { value throws(ContentIssue) in
            let name = try value.text
            guard Theme.named(name) != nil else {
                throw value.problem("'\(name)' is not a theme; choose \(Theme.all.map(\.name).joined(separator: ", "))")
            }
            theme = name
        }
        attempt("reduce_motion") { value throws(ContentIssue) in reduceMotion = try value.flag }
        attempt("mouse") { value throws(ContentIssue) in mouse = try value.flag }
        attempt("language") { value throws(ContentIssue) in
            let code = try value.text
            guard Self.languages.contains(code) else {
                throw value.problem("'\(code)' is not a language of the explorer; choose \(Self.languages.joined(separator: " or "))")
            }
            language = code
        }
        attempt("speech") { value throws(ContentIssue) in
            let text = try value.text
            guard let mode = SpeechMode(rawValue: text) else {
                throw value.problem("'\(text)' is not a speech setting; choose off, on-request or on")
            }
            speech = mode
        }
    }
}
