import ExplorerCore
import TermRender

/// Key hints generated from the keymap, and the safety line every screen carries.
enum FooterView {
    static func draw<A>(into buffer: inout Buffer, layout: ScreenLayout, keymap: Keymap<A>, disclaimer: String, glyphs: Glyphs) {
        for (x, _, hint) in hintPositions(keymap: keymap, in: layout.hints) {
            buffer.write([Span(hint.keys, .footerKey), Span(" \(hint.text)", .footer)], x: x,
                         y: layout.hints.y, limit: layout.hints.maxX)
        }
        buffer.write(" \(disclaimer)", x: layout.disclaimer.x, y: layout.disclaimer.y,
                     limit: layout.disclaimer.maxX, role: .strong)
    }

    /// Where each hint that fits is drawn: what the view draws and what a click hits. (Columns
    /// as x and width, not a Range: an array of Range<Int> made the runtime check at start-up,
    /// by scanning every protocol conformance in the binary, that Int is Comparable.)
    static func hintPositions<A>(keymap: Keymap<A>, in row: Rect) -> [(x: Int, width: Int, hint: Binding<A>.Hint)] {
        var result: [(x: Int, width: Int, hint: Binding<A>.Hint)] = []
        var x = row.x + 1
        for hint in keymap.footerHints {
            let width = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.text)
            let start = result.isEmpty ? x : x + 2
            guard start + width <= row.maxX else { break }
            result.append((start, width, hint))
            x = start + width
        }
        return result
    }
}
