import ExplorerCore
import TermRender

/// Key hints generated from the keymap, and the safety line every screen carries.
enum FooterView {
    static func draw(into buffer: inout Buffer, layout: ScreenLayout, keymap: Keymap, disclaimer: String, glyphs: Glyphs) {
        for (columns, hint) in hintPositions(keymap: keymap, in: layout.hints) {
            buffer.write([Span(hint.keys, .footerKey), Span(" \(hint.text)", .footer)], x: columns.lowerBound,
                         y: layout.hints.y, limit: layout.hints.maxX)
        }
        buffer.write(" \(disclaimer)", x: layout.disclaimer.x, y: layout.disclaimer.y,
                     limit: layout.disclaimer.maxX, role: .strong)
    }

    /// Where each hint that fits is drawn: what the view draws and what a click hits.
    static func hintPositions(keymap: Keymap, in row: Rect) -> [(columns: Range<Int>, hint: Binding.Hint)] {
        var result: [(Range<Int>, Binding.Hint)] = []
        var x = row.x + 1
        for hint in keymap.footerHints {
            let width = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.text)
            let start = result.isEmpty ? x : x + 2
            guard start + width <= row.maxX else { break }
            result.append((start..<start + width, hint))
            x = start + width
        }
        return result
    }
}
