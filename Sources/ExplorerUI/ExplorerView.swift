import ContentModel
import ExplorerCore
import TermRender

/// view(state) -> Buffer: the whole screen as a function of the state and the pack.
public enum ExplorerView {
    public static func render(_ state: AppState, documents: PanelDocuments) -> Buffer {
        let keymap = BrowseKeys.active(for: state)
        var buffer = Buffer(size: state.size)
        if state.isTooSmall {
            TooSmallView.draw(into: &buffer, minimum: AppState.minimumSize, pack: documents.pack,
                              quits: keymap.action(for: .character("q")) == .quit)
            return buffer
        }
        let layout = ScreenLayout(size: state.size, reading: state.focus == .content, info: documents.pack.info)
        let glyphs = documents.glyphs
        drawHeader(&buffer, layout, documents.pack, glyphs, position: state.focus == .content ? state.selected : nil)
        if let search = state.search {
            SearchView.draw(into: &buffer, layout: layout, search: search, pack: documents.pack, glyphs: glyphs)
        } else {
            if layout.list.width > 0 {
                PanelListView.draw(into: &buffer, layout: layout, state: state, pack: documents.pack, glyphs: glyphs)
            }
            if let dividerX = layout.dividerX {
                for y in layout.list.y..<layout.list.maxY {
                    buffer.write(glyphs.vertical, x: dividerX, y: y, role: .border)
                }
            }
            if layout.text.width > 0 {
                PanelTextView.draw(into: &buffer, layout: layout, state: state, documents: documents)
            }
        }
        FooterView.draw(into: &buffer, layout: layout, keymap: keymap, ui: documents.pack.ui, glyphs: glyphs)
        switch state.overlay {
        case .help?: HelpView.draw(into: &buffer, keymap: keymap, ui: documents.pack.ui, scroll: state.boxScroll, glyphs: glyphs)
        case .sources?: SourcesView.draw(into: &buffer, topic: state.selected, pack: documents.pack, scroll: state.boxScroll,
                                         glyphs: glyphs)
        case .definition(let term)?: DefinitionView.draw(into: &buffer, term: term, pack: documents.pack, glyphs: glyphs)
        case nil: break
        }
        return buffer
    }

    private static func drawHeader(_ buffer: inout Buffer, _ layout: ScreenLayout, _ pack: ContentPack, _ glyphs: Glyphs,
                                   position: Int?) {
        buffer.fill(layout.header, with: Cell(text: " ", role: .header))
        // "Panel 2 of 11" keeps its place at the right; the title stops short of it.
        let place = position.map { " " + pack.ui(.headerPanelOf, ["number": "\($0 + 1)", "count": "\(pack.topics.count)"]) + " " } ?? ""
        let placeX = layout.header.maxX - DisplayWidth.of(place)
        let title = LineFit.fitting("\(pack.ui[.appName]) \(glyphs.middleDot) \(pack.info.title)",
                                    width: placeX - layout.header.x - 1, ellipsis: glyphs.ellipsis)
        buffer.write(" " + title, x: layout.header.x, y: layout.header.y, limit: max(layout.header.x, placeX), role: .header)
        buffer.write(place, x: placeX, y: layout.header.y, role: .header)
    }
}
