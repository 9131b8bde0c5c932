import ContentModel
import TermRender

/// A glossary term's plain definition, in a box over the panel it was linked from.
enum DefinitionView {
    static func draw(into buffer: inout Buffer, term: String, pack: ContentPack, glyphs: Glyphs) {
        guard let entry = pack.glossaryEntry(for: term) else { return }
        MessageBox.draw(into: &buffer, title: entry.term,
                        lines: [[Span(InlineMarkup.plainText(entry.definition))], [],
                                [Span(pack.ui[.definitionClose], .muted)]],
                        glyphs: glyphs)
    }
}
