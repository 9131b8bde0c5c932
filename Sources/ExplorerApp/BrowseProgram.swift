import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender

/// Browsing the panels: the explorer's state, and the documents its view and `update` use.
///
/// With a second language (`L`, or "Español" / "English" in the footer) it shows the other
/// pack at the same panel and place: the packs have the same panels in the same order (lint
/// holds a translation to English's structure). The other pack is loaded the first time it
/// is asked for (`Effect.switchLanguage`, answered by `.languageLoaded`) and kept, so
/// switching back costs nothing and start-up loads one pack only.
public struct BrowseProgram: Program {
    public private(set) var state: AppState
    private var languages: Languages<PanelDocuments>
    /// What the voice says (`--speech`); off, it does nothing.
    public private(set) var narrator: Narrator
    private let lexicons: Lexicons
    /// The documents of the language shown.
    public var documents: PanelDocuments { languages.shown }

    /// What the program is told: input, and the other language's pack once loaded.
    public enum Message: Equatable, Sendable {
        case input(Msg)
        /// The pack in the other language, or nil if it could not be loaded (the switch is
        /// then no longer offered; a pack with errors is never shown).
        case languageLoaded(ContentPack?)
        /// What the speech engine reported.
        case speech(SpeechEvent)
    }

    /// - Parameters:
    ///   - otherLanguage: whether there is a pack in another language to switch to.
    ///   - speech: when the voice speaks; `lexicons` say how it says numbers and abbreviations.
    public init(documents: PanelDocuments, size: Size, otherLanguage: Bool = false, speech: SpeechMode = .off,
                lexicons: Lexicons = Lexicons()) {
        languages = Languages(documents)
        narrator = Narrator(mode: speech)
        self.lexicons = lexicons
        state = AppState(panelCount: documents.pack.topics.count, size: size, offersLanguage: otherLanguage,
                         speaks: speech != .off)
    }

    public static func input(_ msg: Msg) -> Message { .input(msg) }

    public mutating func update(_ message: Message, now: Double) -> [Effect] {
        switch message {
        case .input(let msg):
            var effects = documents.update(&state, msg)
            if effects.contains(.switchLanguage), languages.swap() {
                effects = effects.filter { $0 != .switchLanguage } + documents.update(&state, .languageSwitched(true))
            }
            return narrated(effects, key: msg.isUserInput)
        case .languageLoaded(let pack?) where pack.topics.map(\.id) == documents.pack.topics.map(\.id):
            languages.show(documents.with(pack: pack))
            return narrated(documents.update(&state, .languageSwitched(true)), key: false)
        case .languageLoaded:
            return documents.update(&state, .languageSwitched(false))
        case .speech(let event):
            guard let told = narrator.heard(event, notice: documents.pack.ui[.speechUnavailable]) else { return [] }
            return documents.update(&state, told)
        }
    }

    /// The effects with the voice's answers: what a new screen says, what a speech key asked.
    private mutating func narrated(_ effects: [Effect], key: Bool) -> [Effect] {
        let (state, documents, lexicons) = (self.state, self.documents, self.lexicons)
        return narrator.narrate(effects, key: key, screen: { .browse(state, documents: documents, lexicons: lexicons) },
                                end: documents.pack.ui[.speechEnd])
    }

    public func view() -> Buffer {
        var frame = ExplorerView.render(state, documents: documents)
        narrator.overlay(&frame)
        return frame
    }

    public func target(atX x: Int, y: Int) -> PointerTarget? { documents.target(atX: x, y: y, in: state) }
}
