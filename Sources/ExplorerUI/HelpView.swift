import ContentModel
import ExplorerCore
import TermRender

/// Every key the keymap knows, in a box over the screen. Where the screen is too small for
/// all of them (large print, a small window), the box scrolls with the arrows and pages.
enum HelpView {
    /// The box at `size`, the area inside it, and each key's lines wrapped to that area: the
    /// keys in a column beside what they do, or above it where the screen is narrow.
    private static func laidOut<A>(_ keymap: Keymap<A>, ui: UIStrings, size: Size) -> (box: Rect, inner: Rect, lines: [StyledLine]) {
        let keyWidth = keymap.bindings.map { DisplayWidth.of(ui.keys($0.keyLabel)) }.max() ?? 0
        let helpWidth = keymap.bindings.map { DisplayWidth.of(ui[$0.help]) }.max() ?? 0
        let width = min(size.width, max(keyWidth + helpWidth + 7, DisplayWidth.of(ui[.helpClose]) + 4))
        let innerWidth = max(1, width - 4)
        let beside = keyWidth + 2 <= innerWidth / 2
        var lines: [StyledLine] = []
        for binding in keymap.bindings {
            let keys = ui.keys(binding.keyLabel), help = ui[binding.help]
            if beside {
                let pad = String(repeating: " ", count: keyWidth + 2 - DisplayWidth.of(keys))
                lines += TextWrapper.wrap([Span(help)], width: innerWidth,
                                          firstIndent: [Span(keys, .helpKey), Span(pad)],
                                          restIndent: [Span(String(repeating: " ", count: keyWidth + 2))])
            } else {
                lines.append([Span(keys, .helpKey)])
                lines += TextWrapper.wrap([Span(help)], width: innerWidth, firstIndent: [Span("  ")], restIndent: [Span("  ")])
            }
        }
        let height = min(size.height, lines.count + 4)
        let box = Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
        return (box, box.inset(dx: 2, dy: 1), lines)
    }

    /// How many lines the keys take, and how many rows show them: what lets `update` scroll.
    static func extent<A>(_ keymap: Keymap<A>, ui: UIStrings, size: Size) -> BoxExtent {
        let (_, inner, lines) = laidOut(keymap, ui: ui, size: size)
        return BoxExtent(lines: lines.count, rows: inner.height - 1)
    }

    static func draw<A>(into buffer: inout Buffer, keymap: Keymap<A>, ui: UIStrings, scroll: Int, glyphs: Glyphs) {
        let (box, inner, lines) = laidOut(keymap, ui: ui, size: buffer.size)
        guard box.width > 4, box.height > 2 else { return }
        let rows = max(0, inner.height - 1)
        let first = min(max(0, scroll), max(0, lines.count - rows))
        buffer.fill(box)
        buffer.drawBox(box, glyphs: glyphs, title: ui[.helpTitle])
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + row, limit: inner.maxX)
        }
        buffer.write(ui[lines.count > rows ? .boxMore : .helpClose], x: inner.x, y: inner.maxY - 1, limit: inner.maxX, role: .muted)
        buffer.placeCursor(x: inner.x, y: inner.y)
    }
}
