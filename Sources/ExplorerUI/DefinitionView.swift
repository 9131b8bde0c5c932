import ContentModel
import TermRender

/// A glossary term's plain definition, in a box over the panel it was linked from.
enum DefinitionView {
    static func draw(into buffer: inout Buffer, term: String, pack: ContentPack, glyphs: Glyphs) {
        guard let entry = pack.glossaryEntry(for: term) else { return }
        let width = min(buffer.size.width - 4, 64)
        guard width > 12 else { return }
        var lines = TextWrapper.wrap([Span(InlineMarkup.plainText(entry.definition))], width: width - 4)
        lines.append([])
        lines.append([Span("Any key closes this. g: the whole glossary.", .muted)])
        let height = min(buffer.size.height - 2, lines.count + 2)
        let box = Rect(x: (buffer.size.width - width) / 2, y: max(1, (buffer.size.height - height) / 2),
                       width: width, height: height)
        buffer.fill(box)
        buffer.drawBox(box, glyphs: glyphs, title: entry.term)
        for (row, line) in lines.prefix(height - 2).enumerated() {
            buffer.write(line, x: box.x + 2, y: box.y + 1 + row, limit: box.maxX - 2)
        }
    }
}
