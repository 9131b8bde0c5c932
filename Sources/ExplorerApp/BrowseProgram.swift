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
    /// The documents of the language shown.
    public var documents: PanelDocuments { languages.shown }

    /// What the program is told: input, and the other language's pack once loaded.
    public enum Message: Equatable, Sendable {
        case input(Msg)
        /// The pack in the other language, or nil if it could not be loaded (the switch is
        /// then no longer offered; a pack with errors is never shown).
        case languageLoaded(ContentPack?)
    }

    /// - Parameter otherLanguage: whether there is a pack in another language to switch to.
    public init(documents: PanelDocuments, size: Size, otherLanguage: Bool = false) {
        languages = Languages(documents)
        state = AppState(panelCount: documents.pack.topics.count, size: size, offersLanguage: otherLanguage)
    }

    public static func input(_ msg: Msg) -> Message { .input(msg) }

    public mutating func update(_ message: Message, now: Double) -> [Effect] {
        switch message {
        case .input(let msg):
            let effects = documents.update(&state, msg)
            guard effects.contains(.switchLanguage), languages.swap() else { return effects }
            return effects.filter { $0 != .switchLanguage } + documents.update(&state, .languageSwitched(true))
        case .languageLoaded(let pack?) where pack.topics.map(\.id) == documents.pack.topics.map(\.id):
            languages.show(documents.with(pack: pack))
            return documents.update(&state, .languageSwitched(true))
        case .languageLoaded:
            return documents.update(&state, .languageSwitched(false))
        }
    }

    public func view() -> Buffer { ExplorerView.render(state, documents: documents) }

    public func target(atX x: Int, y: Int) -> PointerTarget? { documents.target(atX: x, y: y, in: state) }
}
