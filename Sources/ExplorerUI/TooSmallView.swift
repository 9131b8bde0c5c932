import ContentModel
import ExplorerCore
import TermRender

/// Shown instead of the explorer while the window is smaller than it needs: the safety line
/// first (it is on screen at every size, down to one row), then the size it needs and has,
/// and how to quit where `q` quits. Keys other than quit wait until the window is larger.
/// Safe at any size, even 1x1.
enum TooSmallView {
    /// - Parameter quits: whether `q` quits here (not in the kiosk, nor in a guided session,
    ///   where it asks to end).
    static func draw(into buffer: inout Buffer, minimum: Size, pack: ContentPack, quits: Bool) {
        let size = buffer.size
        guard size.width > 0, size.height > 0 else { return }
        let safetyLine = pack.info.safetyLine
        let message = pack.ui(.smallEnlarge, ["width": "\(minimum.width)", "height": "\(minimum.height)",
                                              "current": "\(size.width)x\(size.height)"])
        var lines = TextWrapper.wrap([Span(safetyLine, .strong)], width: size.width)
        lines += TextWrapper.wrap([Span(message, .plain)], width: size.width)
        if quits { lines += TextWrapper.wrap([Span(pack.ui[.smallQuit], .plain)], width: size.width) }
        let top = max(0, (size.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < size.height {
            let x = max(0, (size.width - line.displayWidth) / 2)
            buffer.write(line, x: x, y: top + row)
        }
    }
}
