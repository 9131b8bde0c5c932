import ContentModel
import ExplorerCore
import TermRender

/// The wrapped text of every panel, built once per width and reused for every frame and
/// keystroke until the width changes. Also answers `update`'s questions about scrolling.
public final class PanelDocuments: PageMetrics {
    public let pack: ContentPack
    public let glyphs: Glyphs
    private var width = -1
    private var cache: [Int: [StyledLine]] = [:]

    public init(pack: ContentPack, glyphs: Glyphs) {
        self.pack = pack
        self.glyphs = glyphs
    }

    /// The lines of `panel` wrapped to `width` columns.
    public func lines(panel: Int, width: Int) -> [StyledLine] {
        if width != self.width {
            // Keep one width only, so memory stays flat however often the window is resized.
            cache.removeAll(keepingCapacity: true)
            self.width = width
        }
        if let lines = cache[panel] { return lines }
        var builder = DocumentBuilder(pack: pack, width: width, glyphs: glyphs, tableStyle: .automatic)
        let lines = builder.build(pack.topics[panel])
        cache[panel] = lines
        return lines
    }

    public func maxScroll(panel: Int, size: Size) -> Int {
        let layout = ScreenLayout(size: size)
        return max(0, lines(panel: panel, width: layout.text.width).count - layout.text.height)
    }

    public func pageHeight(size: Size) -> Int { ScreenLayout(size: size).text.height }
}
