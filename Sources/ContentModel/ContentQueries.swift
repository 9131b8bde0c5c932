/// Where a followed link goes.
public enum LinkTarget: Equatable, Sendable {
    case definition(term: String)
    case panel(Int)
}

/// The questions `update` asks of the content, answered from the pack alone: search, where a
/// link goes, which panel is the glossary. Nothing here depends on how the text is laid out.
public final class ContentQueries {
    public let pack: ContentPack
    /// Built on the first search, not at start-up.
    private lazy var index = SearchIndex(pack: pack)
    /// Each panel's links in reading order, worked out the first time a link there is followed.
    private var linkLists: [[InlineLink]?]

    public init(pack: ContentPack) {
        self.pack = pack
        linkLists = Array(repeating: nil, count: pack.topics.count)
    }

    /// Where `query` is found in the pack, best first.
    public func search(_ query: String) -> [SearchHit] { index.search(query) }

    public func spelling(near query: String) -> String? { index.spelling(near: query) }

    /// Where link number `link` of panel `panel` goes (links are numbered in reading order).
    public func linkTarget(panel: Int, link: Int) -> LinkTarget? {
        guard pack.topics.indices.contains(panel) else { return nil }
        if linkLists[panel] == nil { linkLists[panel] = pack.links(inTopic: panel) }
        guard let links = linkLists[panel], links.indices.contains(link) else { return nil }
        switch links[link] {
        case .term(let term): return pack.glossaryEntry(for: term).map { .definition(term: $0.term) }
        case .topic(let id): return pack.topicIndex(of: id).map(LinkTarget.panel)
        }
    }

    /// The panel that lists the glossary, if the pack has one.
    public var glossaryPanel: Int? {
        pack.topics.firstIndex { $0.blocks.contains { $0.kind == .include(.glossary) } }
    }
}

extension ContentPack {
    /// The links of topic `index` in reading order: the order the panel shows them in, and
    /// so the numbers a focused link has (every view writes the same text in the same order:
    /// the main message, then each block; of included lists, the text that can hold a link).
    public func links(inTopic index: Int) -> [InlineLink] {
        let topic = topics[index]
        var texts = [topic.message]
        for block in topic.blocks {
            switch block.kind {
            case .paragraph(let text), .heading(let text), .callout(let text, _): texts.append(text)
            case .bullets(let items): texts += items
            case .icons(_, let alt): texts.append(alt)
            case .include(.symptoms): texts += symptoms.flatMap { [$0.name, $0.description] }
            case .include(.causes): texts += causes.flatMap { [$0.name, $0.description] }
            case .include(.comparison): texts += comparison.rows.flatMap { [$0.ketamine, $0.opioids] }
            case .include(.evidence): texts += evidence.flatMap { [$0.condition, $0.duration, $0.bottomLine] }
            case .include(.glossary): texts += glossary.map(\.definition)
            case .include(.sources), .include(.about), .include(.mechanism), .include(.clinic): break
            }
        }
        return texts.flatMap { text in ((try? InlineMarkup.parse(text)) ?? []).compactMap(\.link) }
    }
}
