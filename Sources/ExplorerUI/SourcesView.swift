import ContentModel
import TermRender

/// The full citation of every source the open panel cites, in a box over the screen.
enum SourcesView {
    static func draw(into buffer: inout Buffer, topic index: Int, pack: ContentPack, glyphs: Glyphs) {
        let topic = pack.topics[index]
        let box = buffer.bounds.inset(dx: 2, dy: 2)
        guard box.width > 10, box.height > 4 else { return }
        buffer.fill(box)
        buffer.drawBox(box, glyphs: glyphs, title: "Sources: \(topic.menu)")
        let inner = box.inset(dx: 2, dy: 1)
        buffer.placeCursor(x: inner.x, y: inner.y)
        var lines: [StyledLine] = []
        for id in pack.sourceIDs(citedBy: topic) {
            guard let number = pack.sourceNumber(id), let source = pack.source(id) else { continue }
            let label = "\(number). "
            let indent = [Span(String(repeating: " ", count: label.count))]
            lines += TextWrapper.wrap([Span(label, .strong), Span(PackFacts.citation(source))],
                                      width: inner.width, restIndent: indent)
        }
        if lines.isEmpty { lines = [[Span("This panel cites no sources.")]] }
        let closing: StyledLine = [Span("Any key closes this. All sources: the Sources panel.", .muted)]
        let room = inner.height - 2
        if lines.count > room {
            lines = Array(lines.prefix(max(0, room - 1))) + [[Span("\(glyphs.ellipsis) more on the Sources panel", .muted)]]
        }
        for (row, line) in lines.enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + row, limit: inner.maxX)
        }
        buffer.write(closing, x: inner.x, y: inner.maxY - 1, limit: inner.maxX)
    }
}
