import ContentModel
import ExplorerCore
import TermRender

/// The open panel: its title, its scrolling text, and a line saying whether there is more.
enum PanelTextView {
    static func draw(into buffer: inout Buffer, layout: ScreenLayout, state: AppState, documents: PanelDocuments) {
        let topic = documents.pack.topics[state.selected]
        let titleRow = layout.title
        buffer.write(topic.title, x: titleRow.x, y: titleRow.y, limit: titleRow.maxX, role: .title)

        let lines = documents.lines(panel: state.selected, width: layout.text.width)
        // While choosing, the panel is previewed from its top; the reading view keeps its place.
        let reading = state.focus == .content
        let scroll = reading ? min(state.scroll, max(0, lines.count - layout.text.height)) : 0
        for row in 0..<layout.text.height {
            let index = scroll + row
            guard index < lines.count else { break }
            buffer.write(lines[index], x: layout.text.x, y: layout.text.y + row, limit: layout.text.maxX)
        }

        let hasMoreBelow = scroll + layout.text.height < lines.count
        let indicator: String
        if hasMoreBelow {
            indicator = reading ? "More below: press Space or ↓" : "More below: press Enter to read on"
        } else if scroll > 0 {
            indicator = "End of this panel. Tab: next panel"
        } else {
            indicator = ""
        }
        buffer.write(indicator, x: layout.indicator.x, y: layout.indicator.y, limit: layout.indicator.maxX, role: .muted)
    }
}
