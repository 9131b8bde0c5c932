import ContentModel
import TermRender

/// Everything the explorer shows is a function of this value and the content pack. It
/// changes only through `update` (its fields are read-only outside ExplorerCore), as
/// `KioskState` and `GuidedSession` do.
public struct AppState: Equatable, Sendable {
    /// What keys act on: the panel list (choosing, with a preview beside it) or the open
    /// panel's text (reading, full width).
    public enum Focus: Equatable, Sendable {
        case panels
        case content
    }

    /// What the search line holds and what it found.
    public struct SearchState: Equatable, Sendable {
        /// The longest query, in characters. Each key searches the whole pack again, so a
        /// 16,000-character paste (a barcode reader, a macro) took 13 s and froze the kiosk past
        /// its watchdog; nothing a patient looks up is longer than a few words.
        public static let maximumLength = 60

        public var query: String
        public var hits: [SearchHit]
        public internal(set) var selected: Int
        /// The word searched for instead, when `query` found nothing and is a slip away from a
        /// word of the content ("opiod": "opioid").
        public internal(set) var insteadOf: String?

        public init(query: String = "", hits: [SearchHit] = [], selected: Int = 0) {
            self.query = query
            self.hits = hits
            self.selected = selected
        }

        /// Searches for `query` as typed, or for the word it most likely meant.
        mutating func find(_ content: some ContentAnswers) {
            hits = content.search(query)
            insteadOf = nil
            if hits.isEmpty, let word = content.spelling(near: query) {
                hits = content.search(word)
                insteadOf = hits.isEmpty ? nil : word
            }
            selected = 0
        }

        /// The words the hits hold: what to mark in an opened panel.
        public var foundWords: String { insteadOf ?? query }
    }

    public enum Overlay: Equatable, Sendable {
        /// Every key.
        case help
        /// The full citation of every source the open panel cites.
        case sources
        /// A glossary term's definition.
        case definition(term: String)

        /// Whether the box can be longer than the screen, and so scrolls.
        public var scrolls: Bool { self == .help || self == .sources }
    }

    /// The smallest screen the explorer draws (a 1280x800 console with a double-size font);
    /// below it a notice with the safety line shows, and keys wait.
    public static let minimumSize = Size(width: 40, height: 12)
    /// From this width the panel list and the selected panel show side by side.
    public static let fullWidth = 80

    public let panelCount: Int
    public internal(set) var size: Size
    public internal(set) var selected: Int
    public internal(set) var focus: Focus
    /// A box over the screen, closed by any key (but those that scroll a long one).
    public internal(set) var overlay: Overlay? {
        didSet { if overlay != oldValue { boxScroll = 0 } }
    }
    /// How far the help or sources box is scrolled (a new box starts at its top).
    public internal(set) var boxScroll = 0
    /// The search line and its results, while searching.
    public internal(set) var search: SearchState?
    /// Words found by the last search, marked in the open panel; n and N move between them.
    public internal(set) var highlight: String?
    /// The focused link in the open panel, by its place among the panel's links.
    public internal(set) var focusedLink: Int?
    /// Where Backspace and Alt-Right go: the panels visited, and those gone back from.
    public internal(set) var history: [Location]
    public internal(set) var future: [Location]

    /// A panel and how far it was scrolled.
    public struct Location: Equatable, Sendable {
        public var panel: Int
        public var scroll: Int

        public init(panel: Int, scroll: Int) {
            self.panel = panel
            self.scroll = scroll
        }
    }
    /// False in the kiosk: no key quits, and the footer and help do not offer it.
    public internal(set) var allowsQuit: Bool
    /// The pack has another language to switch to (`L`, and "Español" or "English" in the footer).
    public internal(set) var offersLanguage: Bool
    /// The program speaks (`--speech`, a kiosk's `speech:`): the read, repeat, slower and
    /// faster keys work, and the footer and help offer them. Off for good once the engine
    /// says it cannot speak (`.speechUnavailable`).
    public internal(set) var speaks: Bool
    /// The open panel's animated picture, if it has one.
    public internal(set) var diagram: DiagramState?
    /// Each panel keeps its own scroll position while you look at others.
    public internal(set) var scrollOffsets: [Int]
    /// The reading layout the view last sent (`Msg.layout`); it holds for one panel at one size.
    public internal(set) var layout: PanelLayout?
    /// What waits for the layout of a panel not yet laid out, done when `.layout` comes.
    var waiting: Waiting?

    enum Waiting: Equatable, Sendable {
        /// An action that scrolls or finds something on the open panel.
        case action(Action)
        /// Opening a search result: show its first match.
        case firstMatch
    }

    public init(panelCount: Int, size: Size, offersLanguage: Bool = false, speaks: Bool = false) {
        self.panelCount = max(1, panelCount)
        self.size = size
        self.selected = 0
        self.focus = .panels
        self.overlay = nil
        self.search = nil
        self.highlight = nil
        self.focusedLink = nil
        self.history = []
        self.future = []
        self.allowsQuit = true
        self.offersLanguage = offersLanguage
        self.speaks = speaks
        self.diagram = nil
        self.scrollOffsets = Array(repeating: 0, count: max(1, panelCount))
        self.layout = nil
        self.waiting = nil
    }

    /// The layout of the open panel at this size, if the view has sent it.
    var currentLayout: PanelLayout? {
        guard let layout, layout.panel == selected, layout.size == size, layout.overlay == overlay else { return nil }
        return layout
    }

    /// True when `update` needs the open panel's reading layout: while reading, or while an
    /// action waits for it. The one who drives `update` then sends `.layout` (ExplorerUI's
    /// `PanelDocuments.update` does). While choosing in the list nothing is laid out whole,
    /// which keeps the first frame and every move in the list cheap.
    public var needsLayout: Bool { (focus == .content || waiting != nil || overlay.map(\.scrolls) == true) && currentLayout == nil }

    /// The open panel's first visible line.
    public internal(set) var scroll: Int {
        get { scrollOffsets[selected] }
        set { scrollOffsets[selected] = newValue }
    }

    public var isTooSmall: Bool { !size.isAtLeast(Self.minimumSize) }
}
