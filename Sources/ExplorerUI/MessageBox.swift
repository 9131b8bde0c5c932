import TermRender

/// A titled box in the middle of the screen, over whatever is drawn there.
enum MessageBox {
    /// Draws `lines` (already styled, wrapped here to the box) in a box at most `maxWidth` wide.
    static func draw(into buffer: inout Buffer, title: String, lines: [StyledLine], maxWidth: Int = 64, glyphs: Glyphs) {
        let width = min(buffer.size.width - 4, maxWidth)
        guard width > 12 else { return }
        // Lines that fit are kept as they are (wrapping would fold their leading spaces).
        let wrapped = lines.flatMap { $0.displayWidth <= width - 4 ? [$0] : TextWrapper.wrap($0, width: width - 4) }
        let height = min(buffer.size.height - 2, wrapped.count + 2)
        let box = Rect(x: (buffer.size.width - width) / 2, y: max(1, (buffer.size.height - height) / 2),
                       width: width, height: height)
        buffer.fill(box)
        buffer.drawBox(box, glyphs: glyphs, title: title)
        for (row, line) in wrapped.prefix(height - 2).enumerated() {
            buffer.write(line, x: box.x + 2, y: box.y + 1 + row, limit: box.maxX - 2)
        }
        buffer.placeCursor(x: box.x + 2, y: box.y + 1)   // a reader starts at the message
    }
}
