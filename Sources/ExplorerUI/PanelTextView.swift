import ContentModel
import ExplorerCore
import TermRender

/// The open panel: its title, its scrolling text, and a line saying whether there is more.
enum PanelTextView {
    static func draw(into buffer: inout Buffer, layout: ScreenLayout, state: AppState, documents: PanelDocuments) {
        let topic = documents.pack.topics[state.selected]
        let titleRow = layout.title
        buffer.write(LineFit.fitting(topic.title, width: titleRow.width, ellipsis: documents.glyphs.ellipsis),
                     x: titleRow.x, y: titleRow.y, limit: titleRow.maxX, role: .title)
        if state.focus == .content { buffer.placeCursor(x: titleRow.x, y: titleRow.y) }   // until a link has focus

        // While choosing, the panel is previewed from its top; the reading view keeps its place.
        let reading = state.focus == .content
        let document = reading ? documents.document(panel: state.selected, area: layout.text.size)
            : documents.preview(panel: state.selected, area: layout.text.size)
        let lines = document.lines
        let scroll = reading ? min(state.scroll, max(0, lines.count - layout.text.height)) : 0
        let highlight = reading ? state.highlight : nil
        var diagramRows: [(line: Int, y: Int)] = []
        for row in 0..<layout.text.height {
            let index = scroll + row
            guard index < lines.count else { break }
            let y = layout.text.y + row
            if let diagram = document.diagram, diagram.lines.contains(index) {
                diagramRows.append((index - diagram.lines.lowerBound, y))
                continue
            }
            let line = reading ? focusing(state.focusedLink, in: lines[index]) : lines[index]
            buffer.write(line, x: layout.text.x, y: y, limit: layout.text.maxX)
            if reading, let link = state.focusedLink, buffer.cursor == nil || buffer.cursor?.y == titleRow.y,
               let column = Self.column(of: link, in: line) {
                buffer.placeCursor(x: layout.text.x + column, y: y)   // on the focused link
            }
            if let highlight { mark(highlight, in: lines[index], x: layout.text.x, y: y, buffer: &buffer) }
        }

        if let mechanism = documents.pack.mechanism, let placement = document.diagram, !diagramRows.isEmpty {
            MechanismView.draw(into: &buffer, mechanism, placement: placement, state: state, visible: diagramRows,
                               x: layout.text.x, width: layout.text.width, glyphs: documents.glyphs,
                               ui: documents.pack.ui)
        }

        let hasMoreBelow = scroll + layout.text.height < lines.count
        let indicator: String
        if hasMoreBelow {
            // Space works the picture while it is within the page (a box over it or not).
            let ui = documents.pack.ui
            indicator = !reading ? ui[.panelMoreBelowPreview]
                : ui[state.diagram?.inPage == true ? .panelMoreBelowDown : .panelMoreBelowSpace]
        } else if scroll > 0 {
            indicator = documents.pack.ui[.panelEnd]
        } else {
            indicator = ""
        }
        buffer.write(indicator, x: layout.indicator.x, y: layout.indicator.y, limit: layout.indicator.maxX, role: .muted)
    }

    /// The column where link `link` starts on `line`, if it is there.
    private static func column(of link: Int, in line: StyledLine) -> Int? {
        var column = 0
        for span in line {
            if span.tag == link { return column }
            column += DisplayWidth.of(span.text)
        }
        return nil
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
