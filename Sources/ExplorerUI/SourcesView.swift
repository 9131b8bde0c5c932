import ContentModel
import ExplorerCore
import TermRender

/// The full citation, with its address, of every source the open panel cites, in a box over
/// the screen. A long list scrolls with the arrows and pages.
enum SourcesView {
    private static func laidOut(topic index: Int, pack: ContentPack, size: Size) -> (box: Rect, inner: Rect, lines: [StyledLine]) {
        let box = Rect(size).inset(dx: size.width >= 60 ? 2 : 0, dy: size.height >= 20 ? 2 : 0)
        let inner = box.inset(dx: 2, dy: 1)
        var lines: [StyledLine] = []
        for id in pack.sourceIDs(citedBy: pack.topics[index]) {
            guard let number = pack.sourceNumber(id), let source = pack.source(id) else { continue }
            let label = "\(number). "
            let indent = [Span(String(repeating: " ", count: label.count))]
            lines += TextWrapper.wrap([Span(label, .strong), Span(PackFacts.citation(source, pack: pack))] + (source.url.map { [Span(" \($0)", .link)] } ?? []),
                                      width: max(1, inner.width), restIndent: indent)
        }
        if lines.isEmpty { lines = [[Span(pack.ui[.sourcesNone])]] }
        return (box, inner, lines)
    }

    /// How many lines the citations take, and how many rows show them.
    static func extent(topic index: Int, pack: ContentPack, size: Size) -> BoxExtent {
        let (_, inner, lines) = laidOut(topic: index, pack: pack, size: size)
        return BoxExtent(lines: lines.count, rows: inner.height - 2)
    }

    static func draw(into buffer: inout Buffer, topic index: Int, pack: ContentPack, scroll: Int, glyphs: Glyphs) {
        let (box, inner, lines) = laidOut(topic: index, pack: pack, size: buffer.size)
        guard box.width > 10, box.height > 4 else { return }
        buffer.fill(box)
        buffer.drawBox(box, glyphs: glyphs, title: pack.ui(.sourcesTitle, ["panel": pack.topics[index].menu]))
        buffer.placeCursor(x: inner.x, y: inner.y)
        let rows = max(0, inner.height - 2)
        let first = min(max(0, scroll), max(0, lines.count - rows))
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + row, limit: inner.maxX)
        }
        let closing = pack.ui[lines.count > rows ? .boxMore : .sourcesClose]
        buffer.write(closing, x: inner.x, y: inner.maxY - 1, limit: inner.maxX, role: .muted)
    }
}
