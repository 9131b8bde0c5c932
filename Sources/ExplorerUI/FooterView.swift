import ExplorerCore
import TermRender

/// Key hints generated from the keymap, and the safety line every screen carries.
enum FooterView {
    static func draw(into buffer: inout Buffer, layout: ScreenLayout, keymap: Keymap, disclaimer: String, glyphs: Glyphs) {
        var x = layout.hints.x + 1
        for (index, hint) in keymap.footerHints.enumerated() {
            let text = [Span(hint.keys, .footerKey), Span(" \(hint.text)", .footer)]
            let width = text.displayWidth + (index > 0 ? 2 : 0)
            guard x + width <= layout.hints.maxX else { break }
            if index > 0 { x += 2 }
            x = buffer.write(text, x: x, y: layout.hints.y, limit: layout.hints.maxX)
        }
        buffer.write(" \(disclaimer)", x: layout.disclaimer.x, y: layout.disclaimer.y,
                     limit: layout.disclaimer.maxX, role: .strong)
    }
}
