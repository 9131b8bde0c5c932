import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// The guided session: the guided program in the run loop. It writes files only when the
/// clinician confirms an export; ending the session clears the screen, and every answer ends
/// with the process.
struct GuidedRun {
    private let backend: NcursesBackend
    private let exportDirectory: String
    private var program: GuidedProgram
    /// Loads the pack in the other language, when there is one (nil: it has problems).
    private let otherLanguage: (() -> ContentPack?)?
    private let voice: Voice

    init(pack: ContentPack, guided: Guided, info: TerminalInfo, settings: BrowseSettings, voice: Voice,
         exportDirectory: String, otherLanguage: (() -> ContentPack?)? = nil) throws {
        SignalGuard.installStopHandlers()
        backend = try settings.startBackend(info: info)
        self.exportDirectory = exportDirectory
        self.otherLanguage = otherLanguage
        self.voice = voice
        backend.beforeSuspend = { voice.perform(.hush) }   // Ctrl-Z stops the voice too
        program = GuidedProgram(documents: GuidedDocuments(pack: pack, guided: guided, glyphs: info.isUTF8 ? .unicode : .ascii,
                                                           saveFolder: exportDirectory),
                                size: backend.size, otherLanguage: otherLanguage != nil, speech: settings.speech,
                                lexicons: voice.lexicons)
    }

    /// Runs until the session is ended or a stop signal arrives; returns that signal, if any.
    mutating func run() -> Int32? {
        defer {
            backend.clear()   // nothing of the session stays on screen
            backend.shutdown()
        }
        let directory = exportDirectory, otherLanguage = otherLanguage, voice = voice
        return runLoop(&program, backend: backend, clock: MonotonicClock(), stopSignal: { SignalGuard.pending },
                       interruptions: { voice.events().map { .speech($0) } }) { effect, program in
            switch effect {
            case .end:
                return .stop
            case .export(let print):
                let notice = HandoutFiles.write(program.handout, to: directory, print: print, pack: program.documents.pack)
                return .proceed([.session(.exported(notice))])
            case .switchLanguage:
                return .proceed([.languageLoaded(otherLanguage?())])
            case .speech(let request):
                voice.perform(request)
                return .proceed
            }
        }
    }
}

/// Writes the handout as text and as a web page, and spoken as a sound file for a patient
/// who reads poorly (espeak-ng, when it is there); prints it if asked and `lp` is there.
enum HandoutFiles {
    /// What happened, in a line or two for the clinician. `pack`: the language shown, whose
    /// speech.yaml says how words are spoken.
    static func write(_ handout: Handout, to directory: String, print: Bool, pack: ContentPack) -> String {
        let ui = pack.ui
        guard let text = freeName(in: directory, extension: "txt"), let html = freeName(in: directory, extension: "html",
                                                                                      matching: text) else {
            return ui(.handoutNoFreeName, ["folder": directory])
        }
        guard save(Array(handout.text.utf8), to: text), save(Array(handout.html.utf8), to: html) else {
            let reason = String(cString: strerror(errno))   // before unlink sets errno again
            unlink(text)
            return ui(.handoutSaveFailed, ["folder": directory, "reason": reason])
        }
        let saved = ui(.handoutSaved, ["text": name(text), "html": name(html), "folder": directory])
            + "\n" + sound(handout, to: String(text.dropLast(3)) + "wav", pack: pack)
        guard print else { return saved }
        guard let lp = (["/usr/bin/lp", "/bin/lp", "/usr/local/bin/lp"] as [String]).first(where: { path in access(path, X_OK) == 0 }) else {
            return saved + "\n" + ui[.handoutNoPrinter]
        }
        return saved + "\n" + ui[runLP(lp, text) ? .handoutPrinted : .handoutPrintFailed]
    }

    /// The handout spoken, beside the text (same name, .wav): what the clinician is told.
    private static func sound(_ handout: Handout, to path: String, pack: ContentPack) -> String {
        let ui = pack.ui
        guard let lexicon = try? SpeechLexicon.load(directory: pack.directory) else { return ui[.handoutSoundFailed] }
        do {
            let audio = try SpokenAudio.wav(SpeechText.handout(handout, lexicon: lexicon), language: handout.language)
            return save(audio, to: path) ? ui(.handoutSoundSaved, ["audio": name(path)]) : ui[.handoutSoundFailed]
        } catch {
            return ui[error.missing ? .handoutNoSound : .handoutSoundFailed]
        }
    }

    private static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// `ketamine-handout.txt`, or with -2, -3 ... if that is taken (never overwriting).
    private static func freeName(in directory: String, extension ext: String, matching other: String? = nil) -> String? {
        if let other {
            return String(other.dropLast(3)) + ext   // the same stem as the text file
        }
        for number in 1...999 {
            let stem = "\(directory)/ketamine-handout\(number == 1 ? "" : "-\(number)")"
            if ["txt", "html", "wav"].allSatisfy({ access("\(stem).\($0)", F_OK) != 0 }) { return "\(stem).\(ext)" }
        }
        return nil
    }

    private static func save(_ bytes: [UInt8], to path: String) -> Bool { FileBytes.create(path, with: bytes) == 0 }

    /// `lp FILE`, its output discarded so it cannot paint over the screen.
    private static func runLP(_ lp: String, _ file: String) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let argv = [strdup(lp), strdup(file), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, lp, &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status == 0
    }
}
