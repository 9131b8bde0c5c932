import ExplorerCore
import TermRender

/// Shown instead of the explorer while the window is smaller than it needs. It names the
/// size it needs, the size it has, and the keys that still work. Safe at any size, even 1x1.
enum TooSmallView {
    /// - Parameter quits: whether `q` quits here (not in the kiosk, nor in a guided session,
    ///   where it asks to end).
    static func draw(into buffer: inout Buffer, minimum: Size, quits: Bool) {
        let size = buffer.size
        guard size.width > 0, size.height > 0 else { return }
        let message = "Please enlarge the window to at least \(minimum.width)x\(minimum.height) (now \(size.width)x\(size.height))."
        let keys = quits ? "q: quit. ?: help." : "?: help."
        var lines = TextWrapper.wrap([Span(message, .strong)], width: size.width)
        lines += TextWrapper.wrap([Span(keys, .plain)], width: size.width)
        let top = max(0, (size.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < size.height {
            let x = max(0, (size.width - line.displayWidth) / 2)
            buffer.write(line, x: x, y: top + row)
        }
    }
}
