import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// The speech engine for a full-screen session, when the session speaks: started once, when
/// the session is made (for the kiosk, before it locks itself down), and kept until the
/// program ends. Off, nothing is started and nothing is loaded.
struct Voice {
    private let speaker: Speaker?
    /// How the voice says numbers and abbreviations, in each language the session may show.
    private(set) var lexicons = Lexicons()

    init(_ mode: SpeechMode) {
        speaker = mode == .off ? nil : Speaker(helper: Speaker.helperPath())
    }

    /// Reads the speech lexicons, when the session speaks.
    /// - Parameters:
    ///   - directory: the pack shown first, in `language`; its `speech.yaml` must be sound.
    ///   - other: the pack in the other language, if there is one (a broken `speech.yaml`
    ///     there leaves that language's words as written: lint reports it).
    mutating func loadLexicons(directory: String, language: String, other: @autoclosure () -> String?) throws {
        guard speaker != nil else { return }   // nothing read, nothing looked for: start-up as without speech
        lexicons.add(try ContentOptions.loadLexicon(directory), for: language)
        if let other = other(), let code = other.split(separator: "/").last.map(String.init) {
            lexicons.add((try? SpeechLexicon.load(directory: other)) ?? SpeechLexicon(), for: code)
        }
    }

    func perform(_ request: SpeechRequest) { speaker?.perform(request) }

    /// What the engine reported since the last turn.
    func events() -> [SpeechEvent] { speaker?.events() ?? [] }
}
