import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// What the command line said about the look and sound: it wins over the preferences.
struct BrowseFlags {
    var noMouse = false
    var reduceMotion = false
    var theme: String?
    var color = false
    var plain = false
    var speech = false
}

/// How a full-screen session looks and sounds: the preferences (the user's file, or the
/// kiosk's config), with what the command line said over them.
struct BrowseSettings {
    /// Take clicks, taps and the wheel (`--no-mouse`, `mouse: false` turn it off).
    var mouse: Bool
    /// Animate the mechanism pictures (`--reduce-motion`, `reduce_motion: true` show them as stills).
    var motion: Bool
    /// How roles look (`--theme`, `theme:`).
    var theme: Theme
    /// `--color`: colour even when NO_COLOR is set.
    var forceColor: Bool
    /// `--plain`: numbered menus and plain lines instead of the full screen.
    var plain: Bool
    /// `--speech`, `speech:`: the voice says what the screen shows.
    var speech: SpeechMode

    init(_ preferences: Preferences = Preferences(), _ flags: BrowseFlags = BrowseFlags()) {
        mouse = !flags.noMouse && preferences.mouse ?? true
        motion = !flags.reduceMotion && !(preferences.reduceMotion ?? false)
        theme = (flags.theme ?? preferences.theme).flatMap(Theme.named) ?? .standard
        forceColor = flags.color
        plain = flags.plain
        speech = flags.speech ? .on : preferences.speech ?? .off
    }

    /// The user's preferences (`$XDG_CONFIG_HOME/ketamine-explorer/config.yaml`); every default
    /// without the file; every problem in it printed, and exit 2.
    static func userPreferences() throws -> Preferences {
        guard let path = Preferences.userPath(), access(path, F_OK) == 0 else { return Preferences() }
        do {
            return try Preferences.load(path: path)
        } catch {
            PlainOutput.error("ketamine-explorer: your preferences file \(path) has \(error.issues.count) problem"
                              + "\(error.issues.count == 1 ? "" : "s"):")
            for issue in error.issues { PlainOutput.error("  \(issue)") }
            PlainOutput.error("Options: \(Preferences.options.joined(separator: ", ")) (see the README, \"Preferences\").")
            throw Exit.usageOrTerminal
        }
    }

    /// Plain lines are used when asked for, and when the full screen cannot work: output
    /// is not a terminal (a pipe, a file, a screen reader's capture) or TERM is dumb.
    var usePlain: Bool {
        plain || isatty(STDOUT_FILENO) == 0 || getenv("TERM").map { String(cString: $0) == "dumb" } == true
    }

    /// Colour is used when the theme has any, unless NO_COLOR is set (to anything but
    /// empty) and `--color` is not given.
    var color: Bool {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        return theme.usesColor && (forceColor || !noColor)
    }

    /// Starts full-screen mode, or says why not and exits 2.
    func startBackend(info: TerminalInfo, raw: Bool = false) throws -> NcursesBackend {
        do {
            // Before full-screen mode: the answer to the background question is read in it.
            let background = color ? TerminalBackground.detect(term: info.term) : .unknown
            return try NcursesBackend(info: info, theme: (color ? theme : .monochrome).on(background), color: color,
                                      mouse: mouse, raw: raw)
        } catch {
            PlainOutput.error("ketamine-explorer: \(error)")
            throw Exit.usageOrTerminal
        }
    }
}

/// Browsing full-screen: the browse program in the run loop until the user quits.
struct BrowseSession {
    private let backend: NcursesBackend
    private var program: BrowseProgram
    /// Loads the pack in the other language, when there is one (nil: it has problems).
    private let otherLanguage: (() -> ContentPack?)?
    private let voice: Voice

    init(pack: ContentPack, info: TerminalInfo, settings: BrowseSettings, voice: Voice,
         otherLanguage: (() -> ContentPack?)? = nil) throws {
        SignalGuard.installStopHandlers()
        backend = try settings.startBackend(info: info)
        self.otherLanguage = otherLanguage
        self.voice = voice
        backend.beforeSuspend = { voice.perform(.hush) }   // Ctrl-Z stops the voice too
        program = BrowseProgram(documents: PanelDocuments(pack: pack, glyphs: info.isUTF8 ? .unicode : .ascii,
                                                          motion: settings.motion),
                                size: backend.size, otherLanguage: otherLanguage != nil, speech: settings.speech,
                                lexicons: voice.lexicons)
    }

    /// Runs until the user quits or a stop signal arrives; returns that signal, if any.
    /// The terminal is restored before it returns.
    mutating func run() -> Int32? {
        defer { backend.shutdown() }
        let (otherLanguage, voice) = (self.otherLanguage, self.voice)
        return runLoop(&program, backend: backend, clock: MonotonicClock(), stopSignal: { SignalGuard.pending },
                       interruptions: { voice.events().map { .speech($0) } }) { effect, _ in
            switch effect {
            case .quit: return .stop
            case .switchLanguage: return .proceed([.languageLoaded(otherLanguage?())])
            case .speech(let request):
                voice.perform(request)
                return .proceed
            }
        }
    }
}
