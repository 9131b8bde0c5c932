import ContentModel
import TermRender

/// What `update` needs of the reading screen, for one panel at one size: how long the text
/// is, how much one screen shows, where the links and the animated picture are, and each
/// line's words for finding a match. ExplorerUI works it out (it wraps the text) and sends it
/// in as `Msg.layout` whenever `AppState.needsLayout` says so; `update` never asks the view.
public struct PanelLayout: Equatable, Sendable {
    public let panel: Int
    public let size: Size
    /// How many lines of panel text one screen shows.
    public let pageHeight: Int
    /// Each line's words as search reads them (the picture's block reads as its captions).
    public let searchText: [String]
    /// Every line a link is on, with the link's place among the panel's links, in reading order.
    public let links: [LinkPlace]
    /// The animated picture, if the panel has one that plays.
    public let diagram: DiagramInfo?
    /// The box over the screen this layout was made with (help, sources), and how much of it
    /// shows, so its arrow keys can scroll it as far as it goes and no further.
    public let overlay: AppState.Overlay?
    public let box: BoxExtent?

    public init(panel: Int, size: Size, pageHeight: Int, searchText: [String], links: [LinkPlace],
                diagram: DiagramInfo?, overlay: AppState.Overlay? = nil, box: BoxExtent? = nil) {
        self.panel = panel
        self.size = size
        self.pageHeight = pageHeight
        self.searchText = searchText
        self.links = links
        self.diagram = diagram
        self.overlay = overlay
        self.box = box
    }

    /// The largest useful scroll offset: the last line at the bottom of the screen.
    public var maxScroll: Int { max(0, searchText.count - pageHeight) }

    /// The links on screen when the panel is scrolled to `scroll`, in reading order.
    public func visibleLinks(scroll: Int) -> [Int] {
        var seen: [Int] = []
        for place in links where (scroll..<scroll + pageHeight).contains(place.line) && !seen.contains(place.link) {
            seen.append(place.link)
        }
        return seen
    }

    /// The first line at or after `line` (or at or before it, going back) that holds `query`,
    /// ignoring case and accents.
    public func matchLine(_ query: String, from line: Int, forward: Bool) -> Int? {
        guard !searchText.isEmpty, forward || line >= 0, !forward || line < searchText.count else { return nil }
        let candidates = forward ? Array(max(0, line)..<searchText.count)
            : Array((0...min(line, searchText.count - 1)).reversed())
        return candidates.first { !SearchIndex.occurrences(of: query, in: searchText[$0]).isEmpty }
    }

}

/// A line a link is on, and the link's place among its panel's links.
public struct LinkPlace: Equatable, Sendable {
    public let line: Int
    public let link: Int

    public init(line: Int, link: Int) {
        self.line = line
        self.link = link
    }
}

/// How much of a box over the screen shows: its lines, and the rows it has for them.
public struct BoxExtent: Equatable, Sendable {
    public let lines: Int
    public let rows: Int

    public init(lines: Int, rows: Int) {
        self.lines = lines
        self.rows = max(1, rows)
    }

    /// The last useful scroll: the last line on the last row.
    public var maxScroll: Int { max(0, lines - rows) }

    /// How far a key scrolls the box, or nil for a key that closes it: the arrows and j k a
    /// line, PgUp PgDn b Space a page, Home and End to either end.
    func lines(for key: Key) -> Int? {
        switch key {
        case .down, .character("j"): return 1
        case .up, .character("k"): return -1
        case .pageDown, .character(" "): return max(1, rows - 1)
        case .pageUp, .character("b"): return -max(1, rows - 1)
        case .home: return -lines
        case .end: return lines
        default: return nil
        }
    }

    /// `scroll` moved by `key`, inside the box; nil for a key that closes it (or when the
    /// box fits, and there is nothing to scroll).
    func scrolled(_ scroll: Int, by key: Key) -> Int? {
        guard maxScroll > 0, let step = lines(for: key) else { return nil }
        return min(max(0, scroll + step), maxScroll)
    }
}

/// The questions `update` asks of the content, not of the layout: search, where a link goes,
/// which panel is the glossary. ContentModel's `ContentQueries` answers them from the pack.
public protocol ContentAnswers {
    func search(_ query: String) -> [SearchHit]
    /// A word of the content one slip away from `query` ("opiod" for "opioid"), for a search
    /// that finds nothing; nil when there is none.
    func spelling(near query: String) -> String?
    func linkTarget(panel: Int, link: Int) -> LinkTarget?
    var glossaryPanel: Int? { get }
}

extension ContentQueries: ContentAnswers {}

extension ContentAnswers {
    public func spelling(near query: String) -> String? { nil }
}

/// What the guided session needs of a step's screen as laid out: how long its text is and
/// how much one screen shows. The view works it out for the step, size and notes shown now
/// and sends it in as `GuidedMsg.layout`.
public struct StepLayout: Equatable, Sendable {
    public let step: Int
    public let size: Size
    public let notes: Bool
    public let lineCount: Int
    public let pageHeight: Int
    /// The help box, while it is open, and how much of it shows.
    public let help: BoxExtent?

    public init(step: Int, size: Size, notes: Bool, lineCount: Int, pageHeight: Int, help: BoxExtent? = nil) {
        self.step = step
        self.size = size
        self.notes = notes
        self.lineCount = lineCount
        self.pageHeight = pageHeight
        self.help = help
    }

    public var maxScroll: Int { max(0, lineCount - pageHeight) }
}
