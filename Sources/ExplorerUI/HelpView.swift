import ExplorerCore
import TermRender

/// Every key the keymap knows, in a box over the screen.
enum HelpView {
    static func draw<A>(into buffer: inout Buffer, keymap: Keymap<A>, glyphs: Glyphs) {
        let keyWidth = keymap.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 0
        let helpWidth = keymap.bindings.map { DisplayWidth.of($0.help) }.max() ?? 0
        let closing = "Press any key to close this help."
        let width = min(buffer.size.width, max(keyWidth + helpWidth + 7, DisplayWidth.of(closing) + 4))
        let height = min(buffer.size.height, keymap.bindings.count + 4)
        let box = Rect(x: (buffer.size.width - width) / 2, y: (buffer.size.height - height) / 2,
                       width: width, height: height)
        buffer.fill(box)
        buffer.drawBox(box, glyphs: glyphs, title: "Keys")
        let inner = box.inset(dx: 2, dy: 1)
        for (row, binding) in keymap.bindings.enumerated() where row < inner.height - 1 {
            let y = inner.y + row
            buffer.write(binding.keyLabel, x: inner.x, y: y, limit: inner.maxX, role: .helpKey)
            buffer.write(binding.help, x: inner.x + keyWidth + 2, y: y, limit: inner.maxX, role: .plain)
        }
        buffer.write(closing, x: inner.x, y: inner.maxY - 1, limit: inner.maxX, role: .muted)
        buffer.placeCursor(x: inner.x, y: inner.y)
    }
}
