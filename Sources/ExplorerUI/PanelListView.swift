import ContentModel
import ExplorerCore
import TermRender

/// The numbered list of panels on the left. The selected one has a pointer as well as
/// reverse video, so the selection never depends on colour.
enum PanelListView {
    static func draw(into buffer: inout Buffer, layout: ScreenLayout, state: AppState, pack: ContentPack, glyphs: Glyphs) {
        let area = layout.list
        guard area.height > 0 else { return }
        let first = firstVisible(state: state, count: pack.topics.count, rows: area.height)
        for (row, index) in (first..<pack.topics.count).prefix(area.height).enumerated() {
            let topic = pack.topics[index]
            let selected = index == state.selected
            let role: Role = selected ? .listSelected : .listItem
            let number = index < 9 ? "\(index + 1)" : " "
            let y = area.y + row
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(text: " ", role: role)) }
            let marker = selected ? glyphs.pointer : " "
            if selected { buffer.placeCursor(x: area.x, y: y) }
            buffer.write("\(marker) \(number) \(topic.menu)", x: area.x, y: y, limit: area.maxX, role: role)
        }
    }

    /// The first panel listed: the selected one stays visible when there are more panels than rows.
    static func firstVisible(state: AppState, count: Int, rows: Int) -> Int {
        max(0, min(state.selected - rows + 1, count - rows))
    }
}
