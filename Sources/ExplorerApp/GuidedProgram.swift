import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender

/// A clinician-led session: the session's state machine and its screens.
public struct GuidedProgram: Program {
    public private(set) var session: GuidedSession
    public let documents: GuidedDocuments

    public init(documents: GuidedDocuments, size: Size) {
        self.documents = documents
        session = GuidedSession(outline: GuidedOutline(documents.guided, pack: documents.pack), size: size)
    }

    public static func input(_ msg: Msg) -> GuidedMsg { .input(msg) }

    public mutating func update(_ message: GuidedMsg, now: Double) -> [GuidedEffect] {
        documents.update(&session, message)
    }

    public func view() -> Buffer { GuidedView.render(session, documents: documents) }

    /// The handout as the session stands: what `.export` saves.
    public var handout: Handout { Handout(session: session, documents: documents) }
}
