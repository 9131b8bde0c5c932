import ContentModel
import ExplorerCore
import TermRender

/// Where each part of the browse screen goes at a given size. One place decides it, so the
/// views and the scroll limits in `update` agree.
///
/// Two arrangements: choosing (the panel list, and beside it a preview of the selected panel
/// where the screen is 80 columns or more) and reading (the open panel alone). Reading alone
/// gives text and tables the most room, and lets a one-line scroll move whole terminal lines,
/// which the terminal does itself instead of having every row redrawn. From 40x12 (a console
/// font at double size) up: below 80 columns the list and the panel take turns, below 16 rows
/// the title loses its blank line, and on wide screens the text stays at most 90 columns
/// wide, where reading is comfortable.
public struct ScreenLayout: Equatable, Sendable {
    /// Width of the panel list, including its margin: a pointer, a digit and a 20-column
    /// menu name fit.
    public static let listWidth = 26
    /// The widest the reading text gets: lines much longer are hard to follow.
    public static let maximumTextWidth = 90

    public let size: Size
    public let header: Rect
    /// Empty while reading, and the whole body while choosing on a narrow screen.
    public let list: Rect
    /// The column of the line between the list and the panel, or nil where only one shows.
    public let dividerX: Int?
    /// Empty while choosing on a narrow screen.
    public let title: Rect
    /// The scrolling text of the open panel.
    public let text: Rect
    /// "More below" and similar, under the text.
    public let indicator: Rect
    public let hints: Rect
    /// The safety line's rows, and what they say: the disclaimer where it fits in two rows,
    /// else the shorter safety line (which names the same numbers).
    public let disclaimer: Rect
    public let disclaimerLines: [String]

    public init(size: Size, reading: Bool, info: PackInfo) {
        self.size = size
        let screen = Rect(size)
        disclaimerLines = Self.safetyLines(info, width: size.width)
        let (header, afterHeader) = screen.splitTop(1)
        let (body, footer) = afterHeader.splitBottom(1 + disclaimerLines.count)
        let (hints, disclaimer) = footer.splitTop(1)
        let narrow = size.width < AppState.fullWidth
        var panel: Rect
        if reading {
            list = Rect(x: 0, y: body.y, width: 0, height: body.height)
            dividerX = nil
            panel = body
        } else if narrow {
            list = body
            dividerX = nil
            panel = Rect(x: body.maxX, y: body.y, width: 0, height: body.height)
        } else {
            let (list, rest) = body.splitLeft(Self.listWidth - 1)
            let (divider, right) = rest.splitLeft(1)
            self.list = list
            dividerX = divider.x
            panel = right
        }
        // Text at most 90 columns: centred when reading alone, beside the list when choosing.
        if panel.width - 2 > Self.maximumTextWidth {
            let margin = reading ? (panel.width - Self.maximumTextWidth) / 2 : 1
            panel = Rect(x: panel.x + margin - 1, y: panel.y, width: Self.maximumTextWidth + 2, height: panel.height)
        }
        let padded = Rect(x: panel.x + 1, y: panel.y, width: max(0, panel.width - 2), height: panel.height)
        let (title, afterTitle) = padded.splitTop(size.height >= 16 ? 2 : 1)
        let (text, indicator) = afterTitle.splitBottom(1)
        self.header = header
        self.title = Rect(x: title.x, y: title.y, width: title.width, height: min(1, title.height))
        self.text = text
        self.indicator = indicator
        self.hints = hints
        self.disclaimer = disclaimer
    }

    /// The disclaimer wrapped to the width, where two rows hold it; else the safety line alone.
    /// Every frame and every click build a layout: where the disclaimer fits on one row (80
    /// columns and more) it is not wrapped at all.
    static func safetyLines(_ info: PackInfo, width: Int) -> [String] {
        if DisplayWidth.of(info.disclaimer) <= width - 2 { return [info.disclaimer] }
        let wrapped = TextWrapper.wrap([Span(info.disclaimer)], width: max(1, width - 2)).map { $0.map(\.text).joined() }
        return wrapped.count <= 2 ? wrapped : [info.safetyLine]
    }
}
