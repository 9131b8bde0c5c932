import ContentModel
import ExplorerCore
import TermRender

/// The wrapped text of every panel, built once per width and reused for every frame and
/// keystroke until the width changes. Also answers `update`'s questions about scrolling.
public final class PanelDocuments: PageMetrics {
    public let pack: ContentPack
    public let glyphs: Glyphs
    /// Wrapped lines per width, for the last two widths used: the preview and the reading
    /// view each have one, and memory stays flat however often the window is resized.
    private var cache: [(width: Int, panels: [Int: [StyledLine]])] = []

    /// Built on the first search, not at start-up.
    private lazy var index = SearchIndex(pack: pack)

    public init(pack: ContentPack, glyphs: Glyphs) {
        self.pack = pack
        self.glyphs = glyphs
    }

    /// The lines of `panel` wrapped to `width` columns.
    public func lines(panel: Int, width: Int) -> [StyledLine] {
        if let slot = cache.firstIndex(where: { $0.width == width }), let lines = cache[slot].panels[panel] {
            return lines
        }
        var builder = DocumentBuilder(pack: pack, width: width, glyphs: glyphs, tableStyle: .automatic)
        let lines = builder.build(pack.topics[panel])
        if let slot = cache.firstIndex(where: { $0.width == width }) {
            cache[slot].panels[panel] = lines
        } else {
            if cache.count == 2 { cache.removeFirst() }
            cache.append((width, [panel: lines]))
        }
        return lines
    }

    /// Scrolling happens in the reading view, so its layout sets the limits.
    public func maxScroll(panel: Int, size: Size) -> Int {
        let layout = ScreenLayout(size: size, reading: true)
        return max(0, lines(panel: panel, width: layout.text.width).count - layout.text.height)
    }

    public func pageHeight(size: Size) -> Int { ScreenLayout(size: size, reading: true).text.height }

    public func search(_ query: String) -> [SearchHit] { index.search(query) }

    public func matchLine(panel: Int, size: Size, query: String, from line: Int, forward: Bool) -> Int? {
        let lines = self.lines(panel: panel, width: ScreenLayout(size: size, reading: true).text.width)
        let needle = SearchIndex.fold(query)
        guard !needle.isEmpty, !lines.isEmpty else { return nil }
        let candidates = forward ? Array(max(0, line)..<lines.count) : Array((0...min(line, lines.count - 1)).reversed())
        return candidates.first { SearchIndex.fold(lines[$0].plainText).contains(needle) }
    }
}
