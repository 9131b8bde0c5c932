import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender

/// The waiting-room kiosk: its state machine, the documents, and the local time of day that
/// opening hours go by (injected, so a test can say what time it is).
public struct KioskProgram: Program {
    public private(set) var kiosk: KioskState
    public let documents: PanelDocuments
    private let minuteOfDay: () -> Int?

    public init(documents: PanelDocuments, config: KioskConfig, size: Size, now: Double,
                minuteOfDay: @escaping () -> Int?) {
        self.documents = documents
        self.minuteOfDay = minuteOfDay
        kiosk = KioskState(config: config, slideCount: max(1, documents.pack.attractSlides.count),
                           panelCount: documents.pack.topics.count, size: size, now: now)
    }

    public static func input(_ msg: Msg) -> KioskMsg { .input(msg) }

    public mutating func update(_ message: KioskMsg, now: Double) -> [KioskEffect] {
        documents.update(&kiosk, message, now: now, minuteOfDay: minuteOfDay())
    }

    public func view() -> Buffer { KioskView.render(kiosk, documents: documents) }

    /// While someone browses, what the explorer shows there; otherwise a tap only wakes it.
    public func target(atX x: Int, y: Int) -> PointerTarget? {
        kiosk.phase == .browsing ? documents.target(atX: x, y: y, in: kiosk.app) : nil
    }
}
