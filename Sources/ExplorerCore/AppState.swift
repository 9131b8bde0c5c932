import TermRender

/// Everything the explorer shows is a function of this value and the content pack.
public struct AppState: Equatable, Sendable {
    /// What keys act on: the panel list (choosing, with a preview beside it) or the open
    /// panel's text (reading, full width).
    public enum Focus: Equatable, Sendable {
        case panels
        case content
    }

    /// The smallest screen the full layout needs; below it a "please enlarge" screen shows.
    public static let minimumSize = Size(width: 80, height: 24)

    public let panelCount: Int
    public var size: Size
    public var selected: Int
    public var focus: Focus
    public var showingHelp: Bool
    /// Each panel keeps its own scroll position while you look at others.
    public var scrollOffsets: [Int]

    public init(panelCount: Int, size: Size) {
        self.panelCount = max(1, panelCount)
        self.size = size
        self.selected = 0
        self.focus = .panels
        self.showingHelp = false
        self.scrollOffsets = Array(repeating: 0, count: max(1, panelCount))
    }

    /// The open panel's first visible line.
    public var scroll: Int {
        get { scrollOffsets[selected] }
        set { scrollOffsets[selected] = newValue }
    }

    public var isTooSmall: Bool { !size.isAtLeast(Self.minimumSize) }
}
