import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender

/// The waiting-room kiosk: its state machine, the documents, and the local time of day that
/// opening hours go by (injected, so a test can say what time it is).
///
/// With a second language both packs are loaded at start (nothing is read while visitors
/// use it): the attract slides alternate between the two, a visitor may
/// switch (`L`, or a tap on "Español" / "English"), and every reset returns to the first.
public struct KioskProgram: Program {
    public private(set) var kiosk: KioskState
    private var languages: Languages<PanelDocuments>
    /// The first language's and the second's, as loaded.
    private let first: PanelDocuments
    private let second: PanelDocuments?
    /// The documents shown: the first language's, or the second's while a visitor reads in it.
    public var documents: PanelDocuments { languages.shown }
    private let minuteOfDay: () -> Int?

    /// - Parameter second: the same content in the second language, if there is one (with the
    ///   same panels as `documents`).
    public init(documents: PanelDocuments, second: PanelDocuments? = nil, config: KioskConfig, size: Size, now: Double,
                minuteOfDay: @escaping () -> Int?) {
        first = documents
        self.second = second.flatMap { $0.pack.topics.map(\.id) == documents.pack.topics.map(\.id) ? $0 : nil }
        languages = Languages(documents, other: self.second)
        self.minuteOfDay = minuteOfDay
        kiosk = KioskState(config: config, slideCount: max(1, documents.pack.attractSlides.count),
                           panelCount: documents.pack.topics.count, size: size, now: now, bilingual: self.second != nil)
    }

    public static func input(_ msg: Msg) -> KioskMsg { .input(msg) }

    public mutating func update(_ message: KioskMsg, now: Double) -> [KioskEffect] {
        var effects = documents.update(&kiosk, message, now: now, minuteOfDay: minuteOfDay())
        if effects.contains(.wipeScreen), documents !== first { _ = languages.swap() }   // the next visitor finds the first language
        if effects.contains(.switchLanguage), languages.swap() {
            effects.removeAll { $0 == .switchLanguage }
            effects += documents.update(&kiosk, .input(.languageSwitched(true)), now: now, minuteOfDay: minuteOfDay())
        }
        return effects
    }

    public func view() -> Buffer { KioskView.render(kiosk, documents: documents, second: second) }

    /// While someone browses, what the explorer shows there; otherwise a tap only wakes it.
    public func target(atX x: Int, y: Int) -> PointerTarget? {
        kiosk.phase == .browsing ? documents.target(atX: x, y: y, in: kiosk.app) : nil
    }
}
