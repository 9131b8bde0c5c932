import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender

/// Browsing the panels: the explorer's state, and the documents its view and `update` use.
public struct BrowseProgram: Program {
    public private(set) var state: AppState
    public let documents: PanelDocuments

    public init(documents: PanelDocuments, size: Size) {
        self.documents = documents
        state = AppState(panelCount: documents.pack.topics.count, size: size)
    }

    public static func input(_ msg: Msg) -> Msg { msg }

    public mutating func update(_ message: Msg, now: Double) -> [Effect] {
        documents.update(&state, message)
    }

    public func view() -> Buffer { ExplorerView.render(state, documents: documents) }

    public func target(atX x: Int, y: Int) -> PointerTarget? { documents.target(atX: x, y: y, in: state) }
}
