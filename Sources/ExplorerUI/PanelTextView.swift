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
        let highlight = reading ? state.highlight : nil
        for row in 0..<layout.text.height {
            let index = scroll + row
            guard index < lines.count else { break }
            let y = layout.text.y + row
            let line = reading ? focusing(state.focusedLink, in: lines[index]) : lines[index]
            buffer.write(line, x: layout.text.x, y: y, limit: layout.text.maxX)
            if let highlight { mark(highlight, in: lines[index], x: layout.text.x, y: y, buffer: &buffer) }
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

    /// The line with the focused link in reverse video: it is underlined as every link is,
    /// so focus shows without colour.
    private static func focusing(_ link: Int?, in line: StyledLine) -> StyledLine {
        guard let link, line.contains(where: { $0.tag == link }) else { return line }
        return line.map { span in span.tag == link ? Span(span.text, .linkFocused, tag: link) : span }
    }

    /// Gives the cells of every occurrence of `query` on one line the match role.
    private static func mark(_ query: String, in line: StyledLine, x: Int, y: Int, buffer: inout Buffer) {
        let text = line.plainText
        let ranges = SearchIndex.occurrences(of: query, in: text)
        guard !ranges.isEmpty else { return }
        var columns: [Int] = []   // the column where each character starts, and the end
        var column = x
        for character in text {
            columns.append(column)
            column += DisplayWidth.of(character)
        }
        columns.append(column)
        for range in ranges where range.upperBound < columns.count {
            for cellX in columns[range.lowerBound]..<columns[range.upperBound] where cellX < buffer.size.width {
                buffer[cellX, y].role = .match
            }
        }
    }
}
