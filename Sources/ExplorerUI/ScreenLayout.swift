import TermRender

/// Where each part of the browse screen goes at a given size. One place decides it, so the
/// views and the scroll limits in `update` agree.
///
/// Two arrangements: choosing (the panel list beside a preview of the selected panel) and
/// reading (the open panel across the full width). Reading full-width gives text and tables
/// the most room, and lets a one-line scroll move whole terminal lines, which the terminal
/// does itself instead of having every row redrawn.
public struct ScreenLayout: Equatable, Sendable {
    /// Width of the panel list, including its margin: a pointer, a digit and a 20-column
    /// menu name fit.
    public static let listWidth = 26

    public let size: Size
    public let header: Rect
    /// Empty while reading.
    public let list: Rect
    /// The column of the line between the list and the panel, or nil while reading.
    public let dividerX: Int?
    public let title: Rect
    /// The scrolling text of the open panel.
    public let text: Rect
    /// "More below" and similar, under the text.
    public let indicator: Rect
    public let hints: Rect
    public let disclaimer: Rect

    public init(size: Size, reading: Bool) {
        self.size = size
        let screen = Rect(size)
        let (header, afterHeader) = screen.splitTop(1)
        let (body, footer) = afterHeader.splitBottom(2)
        let (hints, disclaimer) = footer.splitTop(1)
        let panel: Rect
        if reading {
            list = Rect(x: 0, y: body.y, width: 0, height: body.height)
            dividerX = nil
            panel = body
        } else {
            let (list, rest) = body.splitLeft(Self.listWidth - 1)
            let (divider, right) = rest.splitLeft(1)
            self.list = list
            dividerX = divider.x
            panel = right
        }
        let padded = Rect(x: panel.x + 1, y: panel.y, width: panel.width - 2, height: panel.height)
        let (title, afterTitle) = padded.splitTop(2)
        let (text, indicator) = afterTitle.splitBottom(1)
        self.header = header
        self.title = Rect(x: title.x, y: title.y, width: title.width, height: 1)
        self.text = text
        self.indicator = indicator
        self.hints = hints
        self.disclaimer = disclaimer
    }
}
