import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender

/// A clinician-led session: the session's state machine and its screens.
///
/// With a second language the clinician can switch at any step (`L`): the same step, every
/// answer kept (a translation has English's steps, lists and checks), and the handout is
/// saved in the language shown. The other pack is loaded when first asked for and kept.
public struct GuidedProgram: Program {
    public private(set) var session: GuidedSession
    private var languages: Languages<GuidedDocuments>
    /// What the voice says (`--speech`); off, it does nothing.
    public private(set) var narrator: Narrator
    private let lexicons: Lexicons
    /// The documents of the language shown.
    public var documents: GuidedDocuments { languages.shown }

    /// What the program is told: the session's messages, and the other language's pack once loaded.
    public enum Message: Equatable, Sendable {
        case session(GuidedMsg)
        /// The pack in the other language, or nil if it could not be loaded.
        case languageLoaded(ContentPack?)
        /// What the speech engine reported.
        case speech(SpeechEvent)
    }

    /// - Parameters:
    ///   - otherLanguage: whether there is a pack in another language to switch to.
    ///   - speech: when the voice speaks; `lexicons` say how it says numbers and abbreviations.
    public init(documents: GuidedDocuments, size: Size, otherLanguage: Bool = false, speech: SpeechMode = .off,
                lexicons: Lexicons = Lexicons()) {
        languages = Languages(documents)
        narrator = Narrator(mode: speech)
        self.lexicons = lexicons
        session = GuidedSession(outline: GuidedOutline(documents.guided, pack: documents.pack), size: size,
                                offersLanguage: otherLanguage, speaks: speech != .off)
    }

    public static func input(_ msg: Msg) -> Message { .session(.input(msg)) }

    public mutating func update(_ message: Message, now: Double) -> [GuidedEffect] {
        switch message {
        case .session(let msg):
            var effects = documents.update(&session, msg)
            if effects.contains(.switchLanguage), languages.swap() {
                effects = effects.filter { $0 != .switchLanguage } + documents.update(&session, .languageSwitched(true))
            }
            return narrated(effects, key: msg.isUserInput)
        case .languageLoaded(let pack?):
            guard let switched = documents.with(pack: pack),
                  GuidedOutline(switched.guided, pack: pack) == session.outline else { fallthrough }
            languages.show(switched)
            return narrated(documents.update(&session, .languageSwitched(true)), key: false)
        case .languageLoaded:
            return documents.update(&session, .languageSwitched(false))
        case .speech(let event):
            guard let told = narrator.heard(event, notice: documents.pack.ui[.speechUnavailable]) else { return [] }
            return documents.update(&session, .input(told))
        }
    }

    /// The effects with the voice's answers: what a new screen says, what a speech key asked.
    private mutating func narrated(_ effects: [GuidedEffect], key: Bool) -> [GuidedEffect] {
        let (session, documents, lexicons) = (self.session, self.documents, self.lexicons)
        return narrator.narrate(effects, key: key, screen: { .guided(session, documents: documents, lexicons: lexicons) },
                                end: documents.pack.ui[.speechEnd])
    }

    public func view() -> Buffer {
        var frame = GuidedView.render(session, documents: documents)
        narrator.overlay(&frame)
        return frame
    }

    /// The handout as the session stands, in the language shown: what `.export` saves.
    public var handout: Handout { Handout(session: session, documents: documents) }
}
