import ArgumentParser
import ContentModel
import ExplorerUI
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// What `export` writes: a document (text, Markdown, HTML) or the panels spoken (a WAV file).
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, html, wav
}

/// `ketamine-explorer export`: the panels as text, Markdown or a web page, for printing and
/// for other tools. Named ExportCommand because ExplorerUI's `Export` does the rendering.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write panels as text, Markdown, a printable web page or spoken audio (all of them when no id is given).",
        discussion: """
            text is what `show` prints to a pipe (80 columns); markdown is a Markdown document; \
            html is one self-contained page to print; wav is what `show --speech` prints, spoken \
            by espeak-ng in the pack's language (to a file, or to standard output with --output - \
            when that is not a terminal). With --output the document is written to FILE, which must \
            not exist yet: export never overwrites a file. --output - means standard output.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("The kind of document: text, markdown, html or wav.", valueName: "FORMAT"))
    var format: ExportFormat

    @Option(help: ArgumentHelp("Write the document to this new file instead of printing it (-: standard output).",
                               valueName: "FILE"), completion: .file())
    var output: String?

    /// `--output FILE`, or nil for standard output (no --output, or `--output -`).
    private var file: String? { output == "-" ? nil : output }

    @Argument(help: "Topic ids, as `ketamine-explorer topics` lists them.", completion: .custom(ContentOptions.topicIDs))
    var ids: [String] = []

    func run() throws {
        let pack = try options.loadPack()
        let indexes = try ContentOptions.topicIndexes(ids, in: pack)
        guard let document = Export.Format(rawValue: format.rawValue) else {
            try saveSpeech(pack, indexes)
            return
        }
        let glyphs = TerminalCheck.localeIsUTF8() ? Glyphs.unicode : Glyphs.ascii
        let text = Export.render(document, topics: indexes, pack: pack, glyphs: glyphs)
        if let file {
            try Self.save(Array(text.utf8), to: file)
        } else {
            signal(SIGPIPE, SIG_IGN)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            PlainOutput.write(lines)
        }
    }

    /// The panels spoken, as a WAV file at `output`: what `show --speech` prints, said by the speech helper.
    private func saveSpeech(_ pack: ContentPack, _ indexes: [Int]) throws {
        guard file != nil || (output == "-" && isatty(STDOUT_FILENO) == 0) else {
            PlainOutput.error("ketamine-explorer: --format wav writes audio: give it a file with --output FILE "
                              + "(or --output - with standard output sent to a file or a program)")
            throw Exit.usageOrTerminal
        }
        let lexicon = try ContentOptions.loadLexicon(pack.directory)
        let chunks = indexes.flatMap { SpeechText.panel($0, pack: pack, lexicon: lexicon) }
        do {
            let audio = try SpokenAudio.wav(chunks, language: pack.info.language)
            if let file { try Self.save(audio, to: file) } else { PlainOutput.writeBytes(audio) }
        } catch let failure as Speaker.Failure {
            PlainOutput.error("ketamine-explorer: \(failure.why); nothing was saved")
            throw Exit.usageOrTerminal
        }
    }

    /// Writes `bytes` to the new file `path`: refuses (exit 2) if anything is there already,
    /// even a dangling link, and removes a half-written file if writing or closing fails.
    static func save(_ bytes: [UInt8], to path: String) throws {
        let problem = FileBytes.create(path, with: bytes)
        guard problem != 0 else { return }
        var status = stat()
        if problem == EEXIST, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            PlainOutput.error("ketamine-explorer: \(path) is a folder; give the file's name, such as \(path)/ketamine.txt")
        } else if problem == EEXIST {
            PlainOutput.error("ketamine-explorer: \(path) already exists; export never overwrites a file. "
                              + "Choose another name, or remove it first.")
        } else {
            PlainOutput.error("ketamine-explorer: could not write \(path): \(String(cString: strerror(problem))); "
                              + "nothing was saved")
        }
        throw Exit.usageOrTerminal
    }

}
