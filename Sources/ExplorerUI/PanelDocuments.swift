import ContentModel
import ExplorerCore
import TermRender

/// One panel's text at one width, and the links in it (a span's tag is its link's place).
public struct PanelDocument: Sendable {
    public let lines: [StyledLine]
    public let links: [InlineLink]
    /// The blank block where the animated picture is drawn, if the panel has one.
    public let diagram: DiagramPlacement?
}

/// The wrapped text of every panel, built once per width and reused for every frame and
/// keystroke until the width changes. Also works out the layout `update` is told (`layout`).
public final class PanelDocuments {
    public let pack: ContentPack
    public let glyphs: Glyphs
    /// False with `--reduce-motion`: the mechanism is shown as still pictures.
    public let motion: Bool
    /// Wrapped lines per width and picture scale, for the last three used: the preview, the
    /// reading view, and the reading view of the panel with the picture (whose scale only it
    /// needs), and memory stays flat however often the window is resized.
    /// Each holds a slot per panel (an array, not a dictionary keyed by Int: see `Keymap.table`).
    private var cache: [(key: Key, panels: [PanelDocument?])] = []

    private struct Key: Equatable {
        let width: Int
        let diagramScale: Int
    }

    /// The picture's scale for the last text areas asked about (wrapping its captions to find
    /// out is too slow to repeat on every keystroke).
    private var scales: [(area: Size, scale: Int)] = []

    private func diagramScale(_ area: Size) -> Int {
        guard motion, let mechanism = pack.mechanism else { return 0 }
        if let known = scales.first(where: { $0.area == area }) { return known.scale }
        let scale = MechanismView.scale(mechanism, area: area)
        if scales.count == 4 { scales.removeFirst() }
        scales.append((area, scale))
        return scale
    }

    /// Search, link targets and the glossary panel: questions of content, not of layout.
    public let content: ContentQueries

    public init(pack: ContentPack, glyphs: Glyphs, motion: Bool = true) {
        self.pack = pack
        self.glyphs = glyphs
        self.motion = motion
        content = ContentQueries(pack: pack)
    }

    /// The same documents for another pack (the other language), nothing laid out yet.
    public func with(pack: ContentPack) -> PanelDocuments { PanelDocuments(pack: pack, glyphs: glyphs, motion: motion) }

    /// The top of `panel` laid out in `area`, at least its height and one line more (so a
    /// reader can tell there is more below): what the list shows beside itself while choosing.
    /// Laying out only that much keeps the first frame and every move in the list cheap (the
    /// overview alone is 60 lines); the whole panel is laid out when it is opened.
    public func preview(panel: Int, area: Size) -> PanelDocument {
        let key = Key(width: area.width, diagramScale: showsMechanism(panel) ? diagramScale(area) : 0)
        if let slot = cache.firstIndex(where: { $0.key == key }), let document = cache[slot].panels[panel] {
            return document
        }
        if let known = previews.first(where: { $0.key == key && $0.panel == panel }) { return known.document }
        var builder = DocumentBuilder(pack: pack, width: area.width, glyphs: glyphs, tableStyle: .automatic,
                                      diagramStyle: motion ? .animated(scale: key.diagramScale) : .stills)
        let document = PanelDocument(lines: builder.build(pack.topics[panel], limit: area.height), links: builder.links,
                                     diagram: builder.diagram)
        if previews.count == max(4, pack.topics.count) { previews.removeFirst() }
        previews.append((key, panel, document))
        return document
    }

    /// The previews built lately, about one per panel (keyed by layout and panel): moving up and
    /// down the list finds them again.
    private var previews: [(key: Key, panel: Int, document: PanelDocument)] = []

    /// The lines of `panel` laid out in `area` (the text's width, and height for the picture's scale).
    public func lines(panel: Int, area: Size) -> [StyledLine] { document(panel: panel, area: area).lines }

    /// The lines of `panel` laid out in `area`, with its links in reading order.
    public func document(panel: Int, area: Size) -> PanelDocument {
        // Only the panel with the picture needs its scale (finding it wraps every caption).
        let key = Key(width: area.width, diagramScale: showsMechanism(panel) ? diagramScale(area) : 0)
        if let slot = cache.firstIndex(where: { $0.key == key }), let document = cache[slot].panels[panel] {
            return document
        }
        var builder = DocumentBuilder(pack: pack, width: area.width, glyphs: glyphs, tableStyle: .automatic,
                                      diagramStyle: motion ? .animated(scale: key.diagramScale) : .stills)
        let document = PanelDocument(lines: builder.build(pack.topics[panel]), links: builder.links,
                                     diagram: builder.diagram)
        if let slot = cache.firstIndex(where: { $0.key == key }) {
            cache[slot].panels[panel] = document
        } else {
            if cache.count == 3 { cache.removeFirst() }
            var panels = [PanelDocument?](repeating: nil, count: pack.topics.count)
            panels[panel] = document
            cache.append((key, panels))
        }
        return document
    }

    /// The reading view's text area at `size`: where scrolling happens, so it sets the limits.
    private func readingArea(_ size: Size) -> Size { ScreenLayout(size: size, reading: true, info: pack.info).text.size }

    /// The reading layout of the panel `state` has open, at its size: what `.layout` tells `update`.
    public func layout(for state: AppState) -> PanelLayout {
        let panel = state.selected, area = readingArea(state.size)
        let document = self.document(panel: panel, area: area)
        // The animated picture's block is blank in the document: its captions count as its first line.
        let captions = pack.mechanism?.frames.map(\.caption).joined(separator: " ") ?? ""
        var searchText: [String] = []
        var links: [LinkPlace] = []
        for (index, line) in document.lines.enumerated() {
            if let diagram = document.diagram, diagram.lines.contains(index) {
                searchText.append(index == diagram.lines.lowerBound ? captions : "")
            } else {
                searchText.append(line.plainText)
            }
            for span in line { if let tag = span.tag { links.append(LinkPlace(line: index, link: tag)) } }
        }
        var diagram: DiagramInfo?
        if let mechanism = pack.mechanism, let placement = document.diagram {
            diagram = DiagramInfo(lines: placement.lines, frameCount: mechanism.frames.count,
                                  secondsPerFrame: Double(mechanism.secondsPerFrame))
        }
        let box: BoxExtent?
        switch state.overlay {
        case .help?: box = HelpView.extent(BrowseKeys.active(for: state), ui: pack.ui, size: state.size)
        case .sources?: box = SourcesView.extent(topic: panel, pack: pack, size: state.size)
        default: box = nil
        }
        return PanelLayout(panel: panel, size: state.size, pageHeight: area.height, searchText: searchText,
                           links: links, diagram: diagram, overlay: state.overlay, box: box)
    }

    /// Applies `msg` to `state`, then sends the layout `update` asked for, if it did: how every
    /// driver of the explorer (the run loop, plain mode, the bench, tests) updates it.
    public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
        var effects = ExplorerCore.update(&state, msg, content: content)
        if state.needsLayout { effects += ExplorerCore.update(&state, .layout(layout(for: state)), content: content) }
        return effects
    }

    /// The same for the kiosk, whose explorer is `kiosk.app`.
    public func update(_ kiosk: inout KioskState, _ message: KioskMsg, now: Double, minuteOfDay: Int?) -> [KioskEffect] {
        var effects = kiosk.update(message, now: now, minuteOfDay: minuteOfDay, content: content)
        if kiosk.app.needsLayout {
            effects += kiosk.update(.input(.layout(layout(for: kiosk.app))), now: now, minuteOfDay: minuteOfDay, content: content)
        }
        return effects
    }

    private func showsMechanism(_ panel: Int) -> Bool {
        pack.topics.indices.contains(panel) && pack.topics[panel].blocks.contains { $0.kind == .include(.mechanism) }
    }

    /// What is drawn at (x, y) on the screen `state` shows: the view's own hit-test, so a click
    /// reaches `update` as a `.tap` of what it landed on.
    public func target(atX x: Int, y: Int, in state: AppState) -> PointerTarget? {
        guard !state.isTooSmall else { return nil }
        let layout = ScreenLayout(size: state.size, reading: state.focus == .content, info: pack.info)
        if y == layout.hints.y {
            let keymap = BrowseKeys.active(for: state)
            return FooterView.hintPositions(keymap: keymap, ui: pack.ui, in: layout.hints).first { $0.x <= x && x < $0.x + $0.width }
                .map { .action($0.hint.action) }
        }
        if let search = state.search {
            return SearchView.rows(layout, search).first { $0.y == y || $0.y + 1 == y }.map { .searchHit($0.hit) }
        }
        if layout.list.width > 0, layout.list.contains(x: x, y: y) {
            let row = PanelListView.firstVisible(state: state, count: pack.topics.count, rows: layout.list.height)
                + (y - layout.list.y)
            return row < pack.topics.count ? .panel(row) : nil
        }
        guard state.focus == .content, layout.text.contains(x: x, y: y) else { return nil }
        let lines = document(panel: state.selected, area: layout.text.size).lines
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
}
