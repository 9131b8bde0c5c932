import ContentModel
import ExplorerCore
import TermRender

/// Key hints generated from the keymap, and the safety line every screen carries.
enum FooterView {
    static func draw<A>(into buffer: inout Buffer, layout: ScreenLayout, keymap: Keymap<A>, ui: UIStrings, glyphs: Glyphs) {
        for (x, _, hint) in hintPositions(keymap: keymap, ui: ui, in: layout.hints) {
            buffer.write([Span(ui.keys(hint.keys), .footerKey), Span(" \(ui[hint.text])", .footer)], x: x,
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
        func width(_ hint: Binding<A>.Hint) -> Int { DisplayWidth.of(ui.keys(hint.keys)) + 1 + DisplayWidth.of(ui[hint.text]) }
        var room = row.width + 1   // each hint takes its width and a gap of 2, but the last no gap
        var shown = hints.map { _ in false }
        for (index, hint) in hints.enumerated() where hint.essential && width(hint) + 2 <= room {
            shown[index] = true
            room -= width(hint) + 2
        }
        for (index, hint) in hints.enumerated() where !hint.essential {
            guard width(hint) + 2 <= room else { break }
            shown[index] = true
            room -= width(hint) + 2
        }
        var result: [(x: Int, width: Int, hint: Binding<A>.Hint)] = []
        var x = row.x + 1
        for (index, hint) in hints.enumerated() where shown[index] {
            result.append((x, width(hint), hint))
            x += width(hint) + 2
        }
        return result
    }
}
