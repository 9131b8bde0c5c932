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
    /// What the voice says (the config's `speech:`); a reset starts it afresh.
    public private(set) var narrator: Narrator
    private let lexicons: Lexicons

    /// What the program is told: the kiosk's messages, and what the speech engine reported
    /// (for the voice, which the kiosk's state has nothing to do with).
    public enum Message: Equatable, Sendable {
        case kiosk(KioskMsg)
        case speech(SpeechEvent)

        /// The answer to `.checkPIN`.
        public static func pinChecked(_ accepted: Bool) -> Message { .kiosk(.pinChecked(accepted)) }
        /// Staff asked (SIGUSR1) to wipe the visit now.
        public static var resetNow: Message { .kiosk(.resetNow) }
    }

    /// - Parameter second: the same content in the second language, if there is one (with the
    ///   same panels as `documents`).
    public init(documents: PanelDocuments, second: PanelDocuments? = nil, config: KioskConfig, size: Size, now: Double,
                lexicons: Lexicons = Lexicons(), minuteOfDay: @escaping () -> Int?) {
        first = documents
        self.second = second.flatMap { $0.pack.topics.map(\.id) == documents.pack.topics.map(\.id) ? $0 : nil }
        languages = Languages(documents, other: self.second)
        self.minuteOfDay = minuteOfDay
        narrator = Narrator(mode: config.speech)
        self.lexicons = lexicons
        kiosk = KioskState(config: config, slideCount: max(1, documents.pack.attractSlides.count),
                           panelCount: documents.pack.topics.count, size: size, now: now, bilingual: self.second != nil)
    }

    public static func input(_ msg: Msg) -> Message { .kiosk(.input(msg)) }

    public mutating func update(_ incoming: Message, now: Double) -> [KioskEffect] {
        let message: KioskMsg
        switch incoming {
        case .speech(let event):
            guard let told = narrator.heard(event, notice: documents.pack.ui[.speechUnavailable]) else { return [] }
            message = .input(told)
        case .kiosk(let kioskMessage):
            message = kioskMessage
        }
        let input: Bool
        if case .input(let msg) = message { input = msg.isUserInput } else { input = false }
        var effects = documents.update(&kiosk, message, now: now, minuteOfDay: minuteOfDay())
        if effects.contains(.wipeScreen) {
            if documents !== first { _ = languages.swap() }   // the next visitor finds the first language
            // The voice forgets the visit too, and stops: a reset wipes what was said as it wipes the screen.
            let speaking = narrator.isOn
            narrator = Narrator(mode: narrator.mode, unavailable: narrator.unavailable)
            return speaking ? [.speech(.hush)] + effects : effects   // before the wipe, which ends a visit's process
        }
        if effects.contains(.switchLanguage), languages.swap() {
            effects.removeAll { $0 == .switchLanguage }
            effects += documents.update(&kiosk, .input(.languageSwitched(true)), now: now, minuteOfDay: minuteOfDay())
        }
        let (kiosk, documents, lexicons) = (self.kiosk, self.documents, self.lexicons)
        return narrator.narrate(effects, key: input, screen: { .kiosk(kiosk, documents: documents, lexicons: lexicons) },
                                end: documents.pack.ui[.speechEnd])
    }

    public func view() -> Buffer {
        var frame = KioskView.render(kiosk, documents: documents, second: second)
        narrator.overlay(&frame)
        return frame
    }

    /// While someone browses, what the explorer shows there; otherwise a tap only wakes it.
    public func target(atX x: Int, y: Int) -> PointerTarget? {
        kiosk.phase == .browsing ? documents.target(atX: x, y: y, in: kiosk.app) : nil
    }
}
