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
        let scroll = min(state.scroll, max(0, lines.count - layout.text.height))
        for row in 0..<layout.text.height {
            let index = scroll + row
            guard index < lines.count else { break }
            buffer.write(lines[index], x: layout.text.x, y: layout.text.y + row, limit: layout.text.maxX)
        }

        let hasMoreBelow = scroll + layout.text.height < lines.count
        let indicator: String
        if hasMoreBelow {
            indicator = "More below: press Space or \(state.focus == .content ? "↓" : "Enter")"
        } else if scroll > 0 {
            indicator = "End of this panel. Tab: next panel"
        } else {
            indicator = ""
        }
        buffer.write(indicator, x: layout.indicator.x, y: layout.indicator.y, limit: layout.indicator.maxX, role: .muted)
    }
}
