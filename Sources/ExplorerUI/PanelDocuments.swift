import ContentModel
import ExplorerCore
import TermRender

/// One panel's text at one width, and the links in it (a span's tag is its link's place).
public struct PanelDocument: Sendable {
    public let lines: [StyledLine]
    public let links: [InlineLink]
}

/// The wrapped text of every panel, built once per width and reused for every frame and
/// keystroke until the width changes. Also answers `update`'s questions about scrolling.
public final class PanelDocuments: PageMetrics {
    public let pack: ContentPack
    public let glyphs: Glyphs
    /// Wrapped lines per width, for the last two widths used: the preview and the reading
    /// view each have one, and memory stays flat however often the window is resized.
    private var cache: [(width: Int, panels: [Int: PanelDocument])] = []

    /// Built on the first search, not at start-up.
    private lazy var index = SearchIndex(pack: pack)

    public init(pack: ContentPack, glyphs: Glyphs) {
        self.pack = pack
        self.glyphs = glyphs
    }

    /// The lines of `panel` wrapped to `width` columns.
    public func lines(panel: Int, width: Int) -> [StyledLine] { document(panel: panel, width: width).lines }

    /// The lines of `panel` at `width`, with its links in reading order.
    public func document(panel: Int, width: Int) -> PanelDocument {
        if let slot = cache.firstIndex(where: { $0.width == width }), let document = cache[slot].panels[panel] {
            return document
        }
        var builder = DocumentBuilder(pack: pack, width: width, glyphs: glyphs, tableStyle: .automatic)
        let document = PanelDocument(lines: builder.build(pack.topics[panel]), links: builder.links)
        if let slot = cache.firstIndex(where: { $0.width == width }) {
            cache[slot].panels[panel] = document
        } else {
            if cache.count == 2 { cache.removeFirst() }
            cache.append((width, [panel: document]))
        }
        return document
    }

    /// Scrolling happens in the reading view, so its layout sets the limits.
    public func maxScroll(panel: Int, size: Size) -> Int {
        let layout = ScreenLayout(size: size, reading: true)
        return max(0, lines(panel: panel, width: layout.text.width).count - layout.text.height)
    }

    public func pageHeight(size: Size) -> Int { ScreenLayout(size: size, reading: true).text.height }

    public func search(_ query: String) -> [SearchHit] { index.search(query) }

    public func visibleLinks(panel: Int, size: Size, scroll: Int) -> [Int] {
        let layout = ScreenLayout(size: size, reading: true)
        let lines = document(panel: panel, width: layout.text.width).lines
        var seen: [Int] = []
        for line in lines.dropFirst(max(0, scroll)).prefix(layout.text.height) {
            for span in line { if let tag = span.tag, !seen.contains(tag) { seen.append(tag) } }
        }
        return seen
    }

    public func linkTarget(panel: Int, link: Int) -> LinkTarget? {
        // Links are numbered the same at every width, so any cached width will do.
        let links = cache.first?.panels[panel]?.links ?? document(panel: panel, width: 78).links
        guard link < links.count else { return nil }
        switch links[link] {
        case .term(let term): return pack.glossaryEntry(for: term).map { .definition(term: $0.term) }
        case .topic(let id): return pack.topicIndex(of: id).map(LinkTarget.panel)
        }
    }

    public func target(atX x: Int, y: Int, in state: AppState) -> PointerTarget? {
        guard !state.isTooSmall else { return nil }
        let layout = ScreenLayout(size: state.size, reading: state.focus == .content)
        if y == layout.hints.y {
            let keymap = Keymap.active(for: state)
            return FooterView.hintPositions(keymap: keymap, in: layout.hints).first { $0.columns.contains(x) }
                .map { .action($0.hint.action) }
        }
        if let search = state.search {
            return SearchView.rows(layout, search).first { $0.y == y || $0.y + 1 == y }.map { .searchHit($0.hit) }
        }
        if layout.dividerX != nil, layout.list.contains(x: x, y: y) {
            let row = PanelListView.firstVisible(state: state, count: pack.topics.count, rows: layout.list.height)
                + (y - layout.list.y)
            return row < pack.topics.count ? .panel(row) : nil
        }
        guard state.focus == .content, layout.text.contains(x: x, y: y) else { return nil }
        let lines = document(panel: state.selected, width: layout.text.width).lines
        let index = min(state.scroll, max(0, lines.count - layout.text.height)) + (y - layout.text.y)
        guard index < lines.count else { return nil }
        var column = layout.text.x
        for span in lines[index] {
            let width = DisplayWidth.of(span.text)
            if x < column + width { return span.tag.map(PointerTarget.link) }
            column += width
        }
        return nil
    }

    public var glossaryPanel: Int? {
        pack.topics.firstIndex { $0.blocks.contains { $0.kind == .include(.glossary) } }
    }

    public func matchLine(panel: Int, size: Size, query: String, from line: Int, forward: Bool) -> Int? {
        let lines = self.lines(panel: panel, width: ScreenLayout(size: size, reading: true).text.width)
        guard !lines.isEmpty, forward || line >= 0, !forward || line < lines.count else { return nil }
        let candidates = forward ? Array(max(0, line)..<lines.count) : Array((0...min(line, lines.count - 1)).reversed())
        return candidates.first { !SearchIndex.occurrences(of: query, in: lines[$0].plainText).isEmpty }
    }
}
