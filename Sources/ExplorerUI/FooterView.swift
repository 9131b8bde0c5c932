import ContentModel
import ExplorerCore
import TermRender

/// Key hints generated from the keymap, and the safety line every screen carries.
enum FooterView {
    static func draw<A>(into buffer: inout Buffer, layout: ScreenLayout, keymap: Keymap<A>, ui: UIStrings, glyphs: Glyphs) {
        for (x, _, hint) in hintPositions(keymap: keymap, ui: ui, in: layout.hints) {
            buffer.write([Span(ui.keys(hint.keys), .footerKey), Span(" " + ui[hint.text], .footer)], x: x,
                         y: layout.hints.y, limit: layout.hints.maxX)
        }
        for (row, line) in layout.disclaimerLines.enumerated() {
            buffer.write(" \(line)", x: layout.disclaimer.x, y: layout.disclaimer.y + row, limit: layout.disclaimer.maxX, role: .strong)
        }
    }

    /// Where each hint that fits is drawn: what the view draws and what a click hits. (Columns
    /// as x and width, not a Range: an array of Range<Int> made the runtime check at start-up,
    /// by scanning every protocol conformance in the binary, that Int is Comparable.)
    /// Hints are taken in table order while they fit beside the essential ones (help, quit),
    /// which are always shown while they fit at all: the help screen names every other key.
    static func hintPositions<A>(keymap: Keymap<A>, ui: UIStrings, in row: Rect) -> [(x: Int, width: Int, hint: Binding<A>.Hint)] {
        let hints = keymap.footerHints
        // Each hint's width in the pack's words, worked out once: this runs every frame and click.
        let widths = hints.map { DisplayWidth.of(ui.keys($0.keys)) + 1 + DisplayWidth.of(ui[$0.text]) }
        var room = row.width + 1   // each hint takes its width and a gap of 2, but the last no gap
        var shown = hints.map { _ in false }
        for (index, hint) in hints.enumerated() where hint.essential && widths[index] + 2 <= room {
            shown[index] = true
            room -= widths[index] + 2
        }
        for (index, hint) in hints.enumerated() where !hint.essential {
            guard widths[index] + 2 <= room else { break }
            shown[index] = true
            room -= widths[index] + 2
        }
        var result: [(x: Int, width: Int, hint: Binding<A>.Hint)] = []
        var x = row.x + 1
        for (index, hint) in hints.enumerated() where shown[index] {
            result.append((x, widths[index], hint))
            x += widths[index] + 2
        }
        return result
    }
}
