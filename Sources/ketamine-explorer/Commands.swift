import ArgumentParser
import ContentModel
import ExplorerCore
import ExplorerUI
import StaffPIN
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// Exit codes: 0 ok, 1 content invalid, 2 usage or terminal problem.
enum Exit {
    static let contentInvalid = ExitCode(1)
    static let usageOrTerminal = ExitCode(2)
}

struct KetamineExplorer: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ketamine-explorer",
        abstract: "Learn about ketamine treatment for chronic pain, in the terminal.",
        usage: """
            ketamine-explorer [--lang en|es] [--content DIR] [--clinic FILE] [--speech]
            ketamine-explorer --kiosk [--config FILE] [--lang en|es] [--content DIR] [--clinic FILE]
            ketamine-explorer --guided [--export-dir DIR] [--speech] [--lang en|es] [--content DIR] [--clinic FILE]
            ketamine-explorer hash-pin
            ketamine-explorer check-config [FILE] [--clinic FILE]
            ketamine-explorer show [--speech] [ID ...] [--lang en|es] [--content DIR] [--clinic FILE]
            ketamine-explorer export --format text|markdown|html|wav [--output FILE] [--lang en|es] [ID ...]
            ketamine-explorer topics [--lang en|es] [--content DIR]
            ketamine-explorer lint [DIR] [--strict] [--notes]
            ketamine-explorer snapshot [DIR]
            """,
        discussion: """
            --lang picks the language (default: the locale's, from LC_ALL, LC_MESSAGES or LANG, where there is a pack in it; else en). --content DIR picks the content: a pack, or a folder of packs by language (default: Assets/content of this checkout, an installed share/ketamine-explorer/content, or $KETAMINE_EXPLORER_CONTENT). --clinic FILE shows the clinic's own name, phone, hours and costs (default: /etc/ketamine-explorer/clinic.yaml if it exists). Inside the explorer, press ? for every key.

            Exit codes: 0 ok, 1 the content pack is invalid, 2 a usage or terminal problem.

            Education, not medical advice. Emergency: 911. Crisis: call or text 988.
            """,
        version: version,
        subcommands: [Browse.self, Show.self, Topics.self, Lint.self, Snapshot.self, HashPIN.self, ExportCommand.self, CheckConfig.self],
        defaultSubcommand: Browse.self
    )
}

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The content pack folder (default: Assets/content/en of this checkout, or $\(ContentLocation.environmentVariable)).",
        valueName: "DIR"), completion: .directory)
    var content: String?

    @Option(help: ArgumentHelp(
        "The clinic's own details to show: name, phone, hours, website, cost (default: \(ClinicInfo.defaultPath) if it exists).",
        valueName: "FILE"), completion: .file(extensions: ["yaml"]))
    var clinic: String?

    @Option(help: ArgumentHelp(
        "The language to show: \(ContentLocation.languages.joined(separator: " or ")) (default: the locale's, LC_ALL, "
            + "LC_MESSAGES or LANG, where there is a pack in it; else \(ContentLocation.defaultLanguage)).",
        valueName: "CODE"), completion: .list(ContentLocation.languages))
    var lang: String?

    func validate() throws {
        if let lang, !ContentLocation.languages.contains(lang) {
            throw ValidationError("unknown language '\(lang)'; choose \(ContentLocation.languages.joined(separator: ", "))")
        }
    }

    /// Loads the pack and the clinic's details, or prints every problem and exits 1.
    func loadPack() throws -> ContentPack {
        try Self.load(directory(), clinic: clinic)
    }

    /// Topic ids for the shell's completion of `show` and `export`: the default pack's (none
    /// when it does not load; a completion never prints an error).
    @Sendable static func topicIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        (defaultPack()?.pack.topics.map(\.id) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// The pack shown when the command line names none (in the language of the user's
    /// preferences, if their file says one), loaded quietly: nil when none loads.
    static func defaultPack() -> (directory: String, pack: ContentPack)? {
        let language = Preferences.userPath().flatMap { try? Preferences.load(path: $0) }?.language
        guard let directory = try? ContentLocation.resolve(nil, language: language),
              let pack = try? ContentPack.load(from: directory, program: BuildID.current) else { return nil }
        return (directory, pack)
    }

    /// The pack folder for `--content` and `--lang`, else the language of the user's
    /// preferences (see `ContentLocation`).
    func directory() throws -> String {
        try Self.directory(content, language: lang ?? BrowseSettings.userPreferences().language)
    }

    /// The pack folder, or a message and exit 2 when `--lang` names a language with no pack.
    static func directory(_ content: String?, language: String?) throws -> String {
        do {
            return try ContentLocation.resolve(content, language: language)
        } catch {
            PlainOutput.error("ketamine-explorer: \(error)")
            throw Exit.usageOrTerminal
        }
    }

    /// The pack in `directory`, checked as `lint` checks it (or from its snapshot of a checked
    /// pack), with the clinic's details from `clinic` (or the default place). Any error in
    /// either: every problem printed, exit 1; a pack with errors is never shown. A passed
    /// review date is printed as a warning and does not stop it.
    static func load(_ directory: String, clinic: String?) throws -> ContentPack {
        let pack: ContentPack
        do {
            pack = try ContentPack.load(from: directory, program: BuildID.current)
        } catch {
            try refuse(error.issues, in: directory)
        }
        if let today = Lint.today(), let warning = pack.reviewWarning(today: today) {
            PlainOutput.error("ketamine-explorer: warning: \(directory)/\(ContentPack.File.pack.rawValue): \(warning)")
        }
        return pack.with(clinic: try loadClinic(clinic))
    }

    /// The pack's speech.yaml (none: nothing is said differently), or its problems and exit 1.
    static func loadLexicon(_ directory: String) throws -> SpeechLexicon {
        do {
            return try SpeechLexicon.load(directory: directory)
        } catch {
            try refuse(error.issues, in: directory)
        }
    }

    /// What loads the pack in the other language beside `directory` (for `L`), if there is
    /// one: quietly, and nil when it has problems, which then are never shown to a patient.
    static func otherLanguage(of directory: String, clinic: ClinicInfo?) -> (() -> ContentPack?)? {
        ContentLocation.otherLanguage(of: directory).map { other in
            { try? ContentPack.load(from: other, program: BuildID.current).with(clinic: clinic) }
        }
    }

    /// The clinic's details from `path`, or from the default place if a file is there; nil
    /// when there is none (then nothing about the clinic is shown).
    static func loadClinic(_ path: String?) throws -> ClinicInfo? {
        let file = path ?? ClinicInfo.defaultPath
        // No file at the default place, or the package's, all comments: no clinic shown.
        if path == nil && (!ClinicInfo.exists(file) || ClinicInfo.setsNothing(path: file)) { return nil }
        do {
            return try ClinicInfo.load(path: file)
        } catch {
            let count = error.issues.count
            PlainOutput.error("ketamine-explorer: the clinic file \(file) has \(count) problem\(count == 1 ? "" : "s"):")
            for issue in error.issues { PlainOutput.error("  \(issue)") }
            PlainOutput.error("Options: \(ClinicInfo.options.joined(separator: ", ")) (see Assets/kiosk/clinic.example.yaml).")
            throw Exit.contentInvalid
        }
    }

    /// The panels named by `ids` (all of them when there are none), or a message listing the
    /// known ids and exit 2.
    static func topicIndexes(_ ids: [String], in pack: ContentPack) throws -> [Int] {
        var indexes: [Int] = []
        for id in ids {
            guard let index = pack.topicIndex(of: id) else {
                let known = pack.topics.map(\.id).joined(separator: ", ")
                PlainOutput.error("ketamine-explorer: no topic has the id '\(id)'. Known ids: \(known).")
                throw Exit.usageOrTerminal
            }
            indexes.append(index)
        }
        return indexes.isEmpty ? Array(pack.topics.indices) : indexes
    }

    /// Prints every problem, file:line first, and exits 1.
    static func refuse(_ issues: [ContentIssue], in directory: String) throws -> Never {
        let count = issues.count
        PlainOutput.error("ketamine-explorer: the content pack in \(directory) has \(count) problem\(count == 1 ? "" : "s"):")
        for issue in issues { PlainOutput.error("  \(issue)") }
        PlainOutput.error("Fix them and run `ketamine-explorer lint \(directory)` again.")
        throw Exit.contentInvalid
    }
}

struct Browse: ParsableCommand {
    // Every command names itself: otherwise ArgumentParser derives the name from the type's
    // name at run time, a costly reflection on every start with arguments.
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse the panels full-screen (the default).")

    @OptionGroup var options: ContentOptions

    @Flag(name: .customLong("no-mouse"), help: "Do not take mouse clicks, taps or the wheel (keeps the terminal's own text selection).")
    var noMouse = false

    @Flag(name: .customLong("reduce-motion"), help: "Show the moving pictures as still pictures, each with its caption.")
    var reduceMotion = false

    @Flag(help: "Run unattended in a waiting room: attract loop, idle reset, no way out but the staff PIN.")
    var kiosk = false

    @Option(help: ArgumentHelp("The kiosk's settings (default: \(KioskConfig.defaultPath) if it exists).",
                               valueName: "FILE"), completion: .file(extensions: ["yaml"]))
    var config: String?

    @Flag(help: "A session a clinician leads with a patient, step by step, with teach-back checks.")
    var guided = false

    @Option(name: .customLong("export-dir"), help: ArgumentHelp(
        "Where a guided session's handout is saved, when the clinician asks (default: the current folder).",
        valueName: "DIR"), completion: .directory)
    var exportDirectory: String?

    @Flag(help: "Plain lines of text and numbered menus, for screen readers and simple terminals (automatic when output is not a terminal or TERM is dumb).")
    var plain = false

    @Option(help: ArgumentHelp("How it looks: default, high-contrast (at least 7:1) or monochrome (default: default).",
                               valueName: "NAME"), completion: .list(Theme.all.map(\.name)))
    var theme: String?

    @Flag(help: "Use colour even when NO_COLOR is set.")
    var color = false

    @Flag(help: "Speak what the screen shows (espeak-ng): r reads on, a repeats, - and + for a slower or faster voice. The kiosk sets this in its config (speech:).")
    var speech = false

    func validate() throws {
        if let theme, Theme.named(theme) == nil {
            throw ValidationError("unknown theme '\(theme)'; choose \(Theme.all.map(\.name).joined(separator: ", "))")
        }
        if config != nil && !kiosk { throw ValidationError("--config goes with --kiosk") }
        if kiosk && guided { throw ValidationError("--kiosk and --guided are different ways to run; choose one") }
        if exportDirectory != nil && !guided { throw ValidationError("--export-dir goes with --guided") }
        if plain && kiosk { throw ValidationError("the kiosk needs the full screen; --plain does not go with --kiosk") }
        if speech && kiosk { throw ValidationError("the kiosk speaks as its config says (speech: off, on-request or on), not with --speech") }
        if speech && plain { throw ValidationError("--plain is read by your own screen reader; --speech goes with the full screen") }
    }

    func run() throws {
        let flags = BrowseFlags(noMouse: noMouse, reduceMotion: reduceMotion, theme: theme, color: color, plain: plain,
                                speech: speech)
        if kiosk {
            // The kiosk's look comes from its own config, never from a user's file.
            try Self.startKiosk(content: options.content, language: options.lang, clinic: options.clinic, configPath: config,
                                flags: flags)
            return
        }
        let preferences = try BrowseSettings.userPreferences()
        let settings = BrowseSettings(preferences, flags)
        let directory = try ContentOptions.directory(options.content, language: options.lang ?? preferences.language)
        if guided {
            try Self.startGuided(directory: directory, clinic: options.clinic, exportDirectory: exportDirectory, settings: settings)
        } else {
            try Self.start(directory: directory, clinic: options.clinic, settings: settings)
        }
    }

    /// Browses the pack in `directory` (found by `ContentOptions.directory`). `Main` calls this
    /// directly when there are no arguments, skipping the argument parser's reflection at start-up.
    static func start(directory: String, clinic: String? = nil, settings: BrowseSettings) throws {
        let pack = try ContentOptions.load(directory, clinic: clinic)
        if settings.usePlain {
            try runPlain(pack)
            return
        }
        let info = try checkedTerminal()
        var voice = Voice(settings.speech)
        try voice.loadLexicons(directory: directory, language: pack.info.language, other: ContentLocation.otherLanguage(of: directory))
        var session = try BrowseSession(pack: pack, info: info, settings: settings, voice: voice,
                                        otherLanguage: ContentOptions.otherLanguage(of: directory, clinic: pack.clinic))
        if let signal = session.run() {
            throw ExitCode(128 + signal)
        }
    }

    /// Plain mode: the menu, then one answer per line typed, until q or the end of input.
    static func runPlain(_ pack: ContentPack) throws {
        SignalGuard.installLineModeHandlers()
        let utf8 = TerminalCheck.localeIsUTF8()
        PlainOutput.asciiOnly = !utf8
        var browser = PlainBrowser(pack: pack, width: PlainOutput.width, glyphs: utf8 ? .unicode : .ascii,
                                   lexicon: try ContentOptions.loadLexicon(pack.directory))
        PlainOutput.write(browser.start())
        while let line = LineInput.next() {
            let (lines, done) = browser.handle(line)
            PlainOutput.write(lines)
            if done { return }
        }
        if let signal = SignalGuard.pending {
            PlainOutput.write([""])   // the shell's prompt starts on a line of its own, after the ^C
            throw ExitCode(128 + signal)
        }
    }

    /// The guided session in plain lines, until it is ended or the input ends. Nothing is
    /// written unless the clinician saves the handout.
    static func runPlainGuided(_ pack: ContentPack, _ guided: Guided, exportDirectory: String) throws {
        SignalGuard.installLineModeHandlers()
        let utf8 = TerminalCheck.localeIsUTF8()
        PlainOutput.asciiOnly = !utf8
        var session = PlainGuided(pack: pack, guided: guided, width: PlainOutput.width, glyphs: utf8 ? .unicode : .ascii,
                                  saveFolder: exportDirectory, lexicon: try ContentOptions.loadLexicon(pack.directory))
        PlainOutput.write(session.start())
        while let line = LineInput.next() {
            let (lines, effects) = session.handle(line)
            PlainOutput.write(lines)
            for effect in effects {
                switch effect {
                case .end:
                    PlainOutput.write([session.ui[.plainSessionEnded]])
                    return
                case .export(let print):
                    PlainOutput.write(session.exported(HandoutFiles.write(session.handout, to: exportDirectory, print: print, pack: session.pack)))
                case .switchLanguage, .speech:
                    continue   // plain mode has no language or speech keys: its session offers neither
                }
            }
        }
        if let signal = SignalGuard.pending {
            PlainOutput.write(["", "The session has ended. Everything ticked and chosen is wiped."])
            throw ExitCode(128 + signal)
        }
    }

    /// The waiting-room kiosk. Reads its config, starts the speech engine if the config asks
    /// for it (a long-lived child, started before the lockdown, from a fixed path), locks
    /// itself down (environment, core dumps), then reads the pack; any problem is reported
    /// before the terminal is touched.
    /// - Parameters:
    ///   - content: `--content`, if given (see `ContentLocation`).
    ///   - language: `--lang`, if given; else the config's `language`, else the locale, chooses.
    static func startKiosk(content: String?, language: String?, clinic: String?, configPath: String?,
                           flags: BrowseFlags) throws {
        let systemd = SystemdNotify.fromEnvironment()   // before the environment is cleared
        PlainOutput.errorsForJournal = Journal.active   // what stops it is an error in the journal
        let config = try loadKioskConfig(configPath)
        let settings = BrowseSettings(config.preferences, flags)
        var directory = try ContentOptions.directory(content, language: language)
        if language == nil, let first = config.language, let other = ContentLocation.otherLanguage(of: directory),
           other.hasSuffix("/\(first)") {
            directory = other   // the waiting room's first language, as the config says
        }
        var voice = Voice(config.speech)
        KioskLockdown.apply()
        let file = configPath ?? KioskConfig.defaultPath
        let (refusal, warning) = KioskConfig.permissionProblems(path: file, hasPIN: config.pinHash != nil)
        if let refusal {
            PlainOutput.error("ketamine-explorer: \(refusal)")
            throw Exit.usageOrTerminal
        }
        if let warning { Journal.warn(warning) }   // the journal, under systemd
        if let path = config.heartbeatFile, let problem = Heartbeat.first(path: path) {
            PlainOutput.error("ketamine-explorer: heartbeat_file: \(problem); fix the path or the folder's owner, or leave the option out")
            throw Exit.usageOrTerminal
        }
        let pack = try ContentOptions.load(directory, clinic: clinic)
        guard let attract = pack.tours?.attract, attract.slides.count >= Tours.minimumSlides else {
            PlainOutput.error("ketamine-explorer: the content pack in \(directory) has no tours.yaml with attract slides; "
                              + "the kiosk needs at least \(Tours.minimumSlides) (see Assets/content/README.md)")
            throw Exit.contentInvalid
        }
        try voice.loadLexicons(directory: directory, language: pack.info.language, other: ContentLocation.otherLanguage(of: directory))
        let info = try checkedTerminal()
        // Loaded now, before any visitor: the second language's slides alternate with the first's.
        let second = ContentOptions.otherLanguage(of: directory, clinic: pack.clinic)?()
        var session = try KioskSession(pack: pack, second: second, info: info, config: config, settings: settings,
                                       voice: voice, systemd: systemd, warning: warning)
        if let signal = session.run() {
            throw ExitCode(128 + signal)
        }
    }

    /// The clinician-led session. The export folder is checked first, so a clinician learns
    /// of a typo before the session, not at its end.
    /// - Parameter exportDirectory: `--export-dir`, checked at once (a typo is found before the
    ///   session, not at its end); without it the current folder, checked only when saving (a
    ///   session starts anywhere: nothing is written unless the clinician saves).
    static func startGuided(directory: String, clinic: String?, exportDirectory given: String?, settings: BrowseSettings) throws {
        let pack = try ContentOptions.load(directory, clinic: clinic)
        guard let guided = pack.tours?.guided else {
            PlainOutput.error("ketamine-explorer: the content pack in \(directory) has no guided session "
                              + "(`guided:` in tours.yaml; see Assets/content/README.md)")
            throw Exit.contentInvalid
        }
        var status = stat()
        if let given, stat(given, &status) != 0 || status.st_mode & S_IFMT != S_IFDIR || access(given, W_OK) != 0 {
            PlainOutput.error("ketamine-explorer: --export-dir \(given) is not a folder this user can write to")
            throw Exit.usageOrTerminal
        }
        // Absolute, so the clinician is told exactly where the handout goes, before and after.
        let exportDirectory = realpath(given ?? ".", nil).map { path in defer { free(path) }; return String(cString: path) }
            ?? given ?? "."
        if settings.usePlain {
            try runPlainGuided(pack, guided, exportDirectory: exportDirectory)
            return
        }
        let info = try checkedTerminal()
        var voice = Voice(settings.speech)
        try voice.loadLexicons(directory: directory, language: pack.info.language, other: ContentLocation.otherLanguage(of: directory))
        var run = try GuidedRun(pack: pack, guided: guided, info: info, settings: settings, voice: voice,
                                exportDirectory: exportDirectory,
                                otherLanguage: ContentOptions.otherLanguage(of: directory, clinic: pack.clinic))
        if let signal = run.run() {
            throw ExitCode(128 + signal)
        }
    }

    /// The kiosk config at `path`, or at the default place; defaults when there is none there.
    static func loadKioskConfig(_ path: String?) throws -> KioskConfig {
        let file = path ?? KioskConfig.defaultPath
        if path == nil && !KioskConfig.exists(file) { return KioskConfig() }
        do {
            return try KioskConfig.load(path: file, pinHashProblem: StaffPIN.problem(in:))
        } catch {
            PlainOutput.error("ketamine-explorer: the kiosk config \(file) has \(error.issues.count) problem"
                              + "\(error.issues.count == 1 ? "" : "s"):")
            for issue in error.issues { PlainOutput.error("  \(issue)") }
            throw Exit.usageOrTerminal
        }
    }

    /// The terminal, checked before any curses call; a message and exit 2 if it will not do.
    private static func checkedTerminal() throws -> TerminalInfo {
        switch TerminalCheck.run() {
        case .success(let checked): return checked
        case .failure(let problem):
            PlainOutput.error("ketamine-explorer: \(problem)")
            throw Exit.usageOrTerminal
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print panels as plain text (all of them when no id is given).")

    @OptionGroup var options: ContentOptions

    @Argument(help: "Topic ids, as `ketamine-explorer topics` lists them.", completion: .custom(ContentOptions.topicIDs))
    var ids: [String] = []

    @Flag(help: "Print what the voice says instead: written for the ear (numbers and abbreviations as speech.yaml says them, no source numbers), a paragraph a chunk.")
    var speech = false

    func run() throws {
        let pack = try options.loadPack()
        let indexes = try ContentOptions.topicIndexes(ids, in: pack)
        signal(SIGPIPE, SIG_IGN)
        let width = PlainOutput.width   // the terminal's, before the output goes to a pager
        let pager = Pager.start()
        defer { Pager.finish(pager) }
        if speech {
            let lexicon = try ContentOptions.loadLexicon(pack.directory)
            var lines: [String] = []
            for (position, index) in indexes.enumerated() {
                if position > 0 { lines += ["", ""] }
                lines += SpeechText.panel(index, pack: pack, lexicon: lexicon).flatMap { [$0, ""] }.dropLast()
            }
            PlainOutput.write(lines)
            return
        }
        let glyphs = TerminalCheck.localeIsUTF8() ? Glyphs.unicode : Glyphs.ascii
        PlainOutput.asciiOnly = glyphs == .ascii
        var lines: [String] = []
        for (position, index) in indexes.enumerated() {
            if position > 0 { lines += ["", ""] }
            lines += PlainText.lines(topic: index, pack: pack, width: width, glyphs: glyphs)
        }
        lines += PlainText.footer(pack: pack)
        PlainOutput.write(lines)
    }

}

struct Topics: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topics", abstract: "List the panel ids and titles.")

    @OptionGroup var options: ContentOptions

    func run() throws {
        let pack = try options.loadPack()
        let width = pack.topics.map { DisplayWidth.of($0.id) }.max() ?? 0
        PlainOutput.write(pack.topics.map { topic in
            topic.id + String(repeating: " ", count: width - DisplayWidth.of(topic.id) + 2) + topic.title
        })
    }
}

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a content pack: schema, sources, reading grade, banned phrases, medical terms, review date.",
        discussion: "Names file, line and field of every problem and prints each screen's reading grade.")

    @Argument(help: ArgumentHelp("The content pack folder (default: the shipped pack).", valueName: "DIR"))
    var directory: String?

    @Flag(help: "Treat a passed review date as an error, not a warning.")
    var strict = false

    @Flag(help: "Also print the reviewers' notes on the sources (never shown to patients).")
    var notes = false

    func run() throws {
        let path = try ContentOptions.directory(directory, language: nil)
        let report = ContentPack.lint(from: path, today: Self.today(), strict: strict)
        guard let pack = report.pack else { try ContentOptions.refuse(report.errors, in: path) }
        if notes { PlainOutput.write(Self.reviewerNotes(pack)) }
        var lines = [Readability.Language(code: pack.info.language) == .spanish
            ? "Reading ease (Fernández-Huerta) of each screen; core at least 70, detail at least 60:"
            : "Reading grade (Flesch-Kincaid) of each screen; core at most 6, detail at most 8:"]
        let width = report.grades.map { DisplayWidth.of($0.topicID) }.max() ?? 0
        for grade in report.grades {
            let name = grade.topicID + String(repeating: " ", count: width - DisplayWidth.of(grade.topicID))
            let value = grade.level == .reference ? "not graded" : Self.format(grade.score) + (grade.isTooHard ? "  TOO HARD" : "")
            lines.append("  \(name)  \(grade.level.rawValue.padding(9))  \(value)")
        }
        PlainOutput.write(lines)
        for warning in report.warnings { PlainOutput.error("warning: \(warning)") }
        guard report.errors.isEmpty else { try ContentOptions.refuse(report.errors, in: path) }
        PlainOutput.write(["\(path): OK. \(pack.topics.count) topics, \(pack.sources.count) sources, "
            + "\(pack.glossary.count) glossary terms, \(pack.symptoms.count) symptoms, \(pack.causes.count) causes, "
            + "\(pack.comparison.rows.count) comparison rows, \(pack.evidence.count) evidence entries."])
    }

    static func format(_ grade: Double) -> String { "\((grade * 10).rounded() / 10)" }

    /// Each source's reviewer note, numbered as the sources list numbers them, and which
    /// sources patients see marked as not yet checked.
    static func reviewerNotes(_ pack: ContentPack) -> [String] {
        var lines = ["Reviewer notes (never shown to patients):"]
        for (index, source) in pack.sources.enumerated() where source.reviewerNote != nil || !source.checked {
            lines.append("  \(index + 1). \(source.id)\(source.checked ? "" : " [marked not yet checked]")")
            if let note = source.reviewerNote { lines.append("     \(note)") }
        }
        if lines.count == 1 { lines.append("  none") }
        return lines + [""]
    }

    /// Today's date in UTC, for the review-date check (nil if the clock makes no sense).
    static func today() -> CalendarDate? {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Check a content pack and save it as \(PackSnapshot.fileName) in its folder, for a faster start.",
        discussion: """
            `make build` does this for the shipped pack. The explorer uses the snapshot only while \
            every pack file and the program are unchanged; otherwise it reads the YAML as usual. \
            Deleting the file is always safe.
            """)

    @Argument(help: ArgumentHelp("The content pack folder (default: the shipped pack).", valueName: "DIR"))
    var directory: String?

    func run() throws {
        let path = try ContentOptions.directory(directory, language: nil)
        guard !BuildID.current.isEmpty else {
            PlainOutput.error("ketamine-explorer: this build has no build ID, so it cannot use a snapshot; nothing written.")
            throw Exit.usageOrTerminal
        }
        do {
            let size = try PackSnapshot.save(directory: path, program: BuildID.current)
            PlainOutput.write(["\(path)/\(PackSnapshot.fileName): saved (\(size) bytes)."])
        } catch .content(let errors) {
            try ContentOptions.refuse(errors.issues, in: path)
        } catch .write(let message) {
            PlainOutput.error("ketamine-explorer: \(message)")
            throw Exit.usageOrTerminal
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}

struct HashPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-pin",
        abstract: "Make the kiosk's staff-exit PIN hash for the config's pin_hash line.",
        discussion: """
            Asks for a PIN of 6 to 12 digits twice (or reads one line from standard input when
            it is not a terminal) and prints a pin_hash line to put in the kiosk config: a
            crypt(3) SHA-512 hash with 500,000 rounds and a random salt. Only this hash is
            stored; the PIN itself is never written anywhere. A hash from
            `mkpasswd -m sha-512 -R 500000` or `mkpasswd -m yescrypt` works too.
            """)

    func run() throws {
        let interactive = isatty(STDIN_FILENO) == 1
        let first = PINPrompt.read(interactive ? "New staff PIN (6 to 12 digits): " : nil)
        try PINPrompt.exitIfInterrupted()
        guard let pin = first else {
            PlainOutput.error("ketamine-explorer: no PIN given")
            throw Exit.usageOrTerminal
        }
        guard StaffPIN.isValidPIN(pin) else {
            PlainOutput.error("ketamine-explorer: a PIN is 6 to 12 digits (0-9)")
            throw Exit.usageOrTerminal
        }
        let again = interactive ? PINPrompt.read("The same PIN again: ") : pin
        try PINPrompt.exitIfInterrupted()
        if again != pin {
            PlainOutput.error("ketamine-explorer: the two PINs differ; nothing was made")
            throw Exit.usageOrTerminal
        }
        guard let hash = StaffPIN.make(pin: pin) else {
            PlainOutput.error("ketamine-explorer: libxcrypt could not make a hash (no random salt); nothing was made")
            throw ExitCode.failure
        }
        PlainOutput.write(["pin_hash: \"\(hash)\""])
    }
}

/// Reads one line from standard input; with a prompt, on a terminal, without echoing it.
enum PINPrompt {
    static func read(_ prompt: String?) -> String? {
        SignalGuard.installLineModeHandlers()   // Ctrl-C must not leave echo off
        var saved = termios()
        let hide = prompt != nil && tcgetattr(STDIN_FILENO, &saved) == 0
        if hide {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if hide {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
                PlainOutput.errorText("\n")
            }
        }
        if let prompt { PlainOutput.errorText(prompt) }
        return LineInput.next().map { String($0.filter { !$0.isWhitespace }) }
    }

    /// After a PIN prompt was interrupted: nothing was made, echo is back; exit 128 + n.
    static func exitIfInterrupted() throws {
        if let signal = SignalGuard.pending { throw ExitCode(128 + signal) }
    }
}
