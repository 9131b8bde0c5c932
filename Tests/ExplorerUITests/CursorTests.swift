import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Testing

/// The terminal's cursor follows the focus, so screen magnifiers and readers can too.
@Suite struct CursorTests {
    let pack: ContentPack
    let documents: PanelDocuments
    let size = Size(width: 80, height: 24)

    init() throws {
        pack = try Snapshot.loadPack()
        documents = PanelDocuments(pack: pack, glyphs: .unicode)
    }

    private func render(_ keys: [Key]) -> Buffer {
        var state = AppState(panelCount: pack.topics.count, size: size)
        for key in keys { _ = documents.update(&state, .key(key)) }
        return ExplorerView.render(state, documents: documents)
    }

    private func text(at point: Buffer.Point?, in buffer: Buffer, length: Int) -> String {
        guard let point else { return "" }
        return (point.x..<min(buffer.size.width, point.x + length)).map { buffer[$0, point.y].text }.joined()
    }

    @Test func itSitsOnTheSelectedPanelInTheList() {
        let buffer = render([.down, .down])
        #expect(text(at: buffer.cursor, in: buffer, length: 6) == "▸ 3 Ca")
    }

    @Test func itSitsOnTheFocusedLinkWhileReading() throws {
        let buffer = render([.enter, .tab])
        let cursor = try #require(buffer.cursor)
        #expect(buffer[cursor.x, cursor.y].role == .linkFocused)
    }

    @Test func itSitsAtTheEndOfWhatIsTypedInSearch() throws {
        let buffer = render([.character("/"), .character("p"), .character("a")])
        let cursor = try #require(buffer.cursor)
        #expect(buffer[cursor.x, cursor.y].text == "_")
        #expect(buffer[cursor.x - 2, cursor.y].text == "p")
    }

    @Test func itSitsInAnOpenBox() throws {
        let buffer = render([.character("?")])
        let cursor = try #require(buffer.cursor)
        #expect(buffer[cursor.x - 2, cursor.y].text == "│")
    }
}
