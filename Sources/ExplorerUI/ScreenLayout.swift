import TermRender

/// Where each part of the browse screen goes at a given size. One place decides it, so the
/// views and the scroll limits in `update` agree.
public struct ScreenLayout: Equatable, Sendable {
    /// Width of the panel list, including its one-column margin: a pointer, a digit and a
    /// 20-column menu name fit.
    public static let listWidth = 26

    public let size: Size
    public let header: Rect
    public let list: Rect
    /// The column of the line between the list and the panel.
    public let dividerX: Int
    public let title: Rect
    /// The scrolling text of the open panel.
    public let text: Rect
    /// "More below" and similar, under the text.
    public let indicator: Rect
    public let hints: Rect
    public let disclaimer: Rect

    public init(size: Size) {
        self.size = size
        let screen = Rect(size)
        let (header, afterHeader) = screen.splitTop(1)
        let (body, footer) = afterHeader.splitBottom(2)
        let (hints, disclaimer) = footer.splitTop(1)
        let (list, rest) = body.splitLeft(Self.listWidth - 1)
        let (divider, panel) = rest.splitLeft(1)
        let padded = Rect(x: panel.x + 1, y: panel.y, width: panel.width - 2, height: panel.height)
        let (title, afterTitle) = padded.splitTop(2)
        let (text, indicator) = afterTitle.splitBottom(1)
        self.header = header
        self.list = list
        self.dividerX = divider.x
        self.title = Rect(x: title.x, y: title.y, width: title.width, height: 1)
        self.text = text
        self.indicator = indicator
        self.hints = hints
        self.disclaimer = disclaimer
    }
}
