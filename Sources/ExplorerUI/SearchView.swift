import ContentModel
import ExplorerCore
import TermRender

/// The search line and its results over the panel area: each result names its panel and
/// shows the words around the match, the match itself marked.
enum SearchView {
    static func draw(into buffer: inout Buffer, layout: ScreenLayout, search: AppState.SearchState,
                     pack: ContentPack, glyphs: Glyphs) {
        let area = Self.area(layout)
        buffer.fill(Rect(x: 0, y: area.y, width: buffer.size.width, height: area.height))
        let ui = pack.ui
        let end = buffer.write([Span(ui[.searchLabel] + " ", .strong), Span(search.query, .plain)], x: area.x, y: area.y, limit: area.maxX)
        buffer.write("_", x: end, y: area.y, limit: area.maxX, role: .muted)
        buffer.placeCursor(x: end, y: area.y)   // where the next letter goes

        let status: String
        if search.query.isEmpty {
            status = ui[.searchHint]
        } else if search.query.count >= AppState.SearchState.maximumLength {
            status = ui(.searchTooLong, ["count": "\(AppState.SearchState.maximumLength)"])
        } else if search.hits.isEmpty {
            status = ui(.searchNothing, ["query": search.query])
        } else if let word = search.insteadOf {
            status = ui(.searchInstead, ["query": search.query, "count": ui.searchCount(search.hits.count), "word": word])
        } else {
            status = ui(.searchFound, ["count": ui.searchCount(search.hits.count)])
        }
        buffer.write(LineFit.fitting(status, width: area.width, ellipsis: glyphs.ellipsis), x: area.x, y: area.y + 1,
                     limit: area.maxX, role: .muted)

        for (y, index) in rows(layout, search) {
            let hit = search.hits[index]
            let selected = index == search.selected
            let role: Role = selected ? .listSelected : .strong
            if selected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), with: Cell(text: " ", role: role)) }
            buffer.write("\(selected ? glyphs.pointer : " ") \(pack.topics[hit.topic].menu)", x: area.x, y: y,
                         limit: area.maxX, role: role)
            let snippet = Array(hit.snippet)
            let before = String(snippet[..<hit.matchStart])
            let match = String(snippet[hit.matchStart..<min(snippet.count, hit.matchStart + hit.matchLength)])
            let after = String(snippet[min(snippet.count, hit.matchStart + hit.matchLength)...])
            buffer.write([Span("    "), Span(before), Span(match, .match), Span(after)], x: area.x, y: y + 1, limit: area.maxX)
        }
    }

    /// The whole width between header and footer, whatever the arrangement behind it.
    static func area(_ layout: ScreenLayout) -> Rect {
        Rect(x: 1, y: layout.title.y, width: layout.size.width - 2, height: layout.indicator.maxY - layout.title.y)
    }

    /// The first screen row of each result shown (each takes two rows), with its place in the hits.
    static func rows(_ layout: ScreenLayout, _ search: AppState.SearchState) -> [(y: Int, hit: Int)] {
        let area = area(layout)
        let top = area.y + 3
        let count = max(0, area.maxY - top) / 2
        guard count > 0 else { return [] }
        let first = max(0, min(search.selected - count + 1, search.hits.count - count))
        return (first..<search.hits.count).prefix(count).enumerated().map { (top + $0.offset * 2, $0.element) }
    }
}
