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
    /// The documents of the language shown.
    public var documents: GuidedDocuments { languages.shown }

    /// What the program is told: the session's messages, and the other language's pack once loaded.
    public enum Message: Equatable, Sendable {
        case session(GuidedMsg)
        /// The pack in the other language, or nil if it could not be loaded.
        case languageLoaded(ContentPack?)
    }

    /// - Parameter otherLanguage: whether there is a pack in another language to switch to.
    public init(documents: GuidedDocuments, size: Size, otherLanguage: Bool = false) {
        languages = Languages(documents)
        session = GuidedSession(outline: GuidedOutline(documents.guided, pack: documents.pack), size: size,
                                offersLanguage: otherLanguage)
    }

    public static func input(_ msg: Msg) -> Message { .session(.input(msg)) }

    public mutating func update(_ message: Message, now: Double) -> [GuidedEffect] {
        switch message {
        case .session(let msg):
            let effects = documents.update(&session, msg)
            guard effects.contains(.switchLanguage), languages.swap() else { return effects }
            return effects.filter { $0 != .switchLanguage } + documents.update(&session, .languageSwitched(true))
        case .languageLoaded(let pack?):
            guard let switched = documents.with(pack: pack),
                  GuidedOutline(switched.guided, pack: pack) == session.outline else { fallthrough }
            languages.show(switched)
            return documents.update(&session, .languageSwitched(true))
        case .languageLoaded:
            return documents.update(&session, .languageSwitched(false))
        }
    }

    public func view() -> Buffer { GuidedView.render(session, documents: documents) }

    /// The handout as the session stands, in the language shown: what `.export` saves.
    public var handout: Handout { Handout(session: session, documents: documents) }
}
