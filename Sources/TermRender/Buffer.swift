/// A grid of cells the size of the screen. Views draw into it; the backend's `FrameWriter`
/// writes only what differs from the previous frame.
public struct Buffer: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor goes after the frame is drawn: on the focused item, so
    /// screen magnifiers and readers follow the focus. Nil hides it.
    public var cursor: Point?

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size) }

    /// A cell's place on the screen.
    public struct Point: Equatable, Sendable {
        public let x: Int
        public let y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// Puts the cursor at (x, y) if that is on the screen.
    public mutating func placeCursor(x: Int, y: Int) {
        cursor = x >= 0 && y >= 0 && x < size.width && y < size.height ? Point(x: x, y: y) : nil
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Fills `rect` (clipped to the buffer) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y] = cell }
        }
    }

    /// Writes `text` at (x, y) in `role`, never past `limit` (exclusive) or the buffer's edge.
    /// Wide graphemes that do not fit in the remaining space become spaces. Returns the column
    /// after the last one written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, limit: Int? = nil, role: Role) -> Int {
        guard y >= 0, y < size.height else { return x }
        let end = min(limit ?? size.width, size.width)
        var column = x
        // Printable ASCII, most of what is drawn: a cell per byte, nothing to clean, no
        // grapheme breaking or width lookups.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                guard column < end else { break }
                if column >= 0 { self[column, y] = Cell(text: String(Unicode.Scalar(byte)), role: role) }
                column += 1
            }
            return column
        }
        for character in Sanitizer.clean(text) {
            guard column < end else { break }
            let width = DisplayWidth.of(character)
            if width == 0 {
                continue
            }
            if column < 0 {
                column += width
                continue
            }
            if column + width > end {
                self[column, y] = Cell(text: " ", role: role)
                column += 1
                continue
            }
            self[column, y] = Cell(text: String(character), role: role)
            if width == 2 { self[column + 1, y] = Cell(text: "", role: role) }
            column += width
        }
        return column
    }

    /// Writes styled spans one after another on row `y`.
    @discardableResult
    public mutating func write(_ spans: [Span], x: Int, y: Int, limit: Int? = nil) -> Int {
        var column = x
        for span in spans {
            column = write(span.text, x: column, y: y, limit: limit, role: span.role)
        }
        return column
    }

    /// Draws a box around `rect` with the given glyphs, and an optional title on its top edge.
    public mutating func drawBox(_ rect: Rect, glyphs: Glyphs, role: Role = .border,
                                 title: String? = nil, titleRole: Role = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x + 1..<right {
            write(glyphs.horizontal, x: x, y: rect.y, role: role)
            write(glyphs.horizontal, x: x, y: bottom, role: role)
        }
        for y in rect.y + 1..<bottom {
            write(glyphs.vertical, x: rect.x, y: y, role: role)
            write(glyphs.vertical, x: right, y: y, role: role)
        }
        write(glyphs.topLeft, x: rect.x, y: rect.y, role: role)
        write(glyphs.topRight, x: right, y: rect.y, role: role)
        write(glyphs.bottomLeft, x: rect.x, y: bottom, role: role)
        write(glyphs.bottomRight, x: right, y: bottom, role: role)
        if let title, rect.width > 4 {
            write(" \(title) ", x: rect.x + 1, y: rect.y, limit: right, role: titleRole)
        }
    }

    /// The buffer as plain text, one string per row, trailing spaces removed. Used by golden
    /// screen tests and by anything that needs to read the screen back.
    public func textLines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width where !self[x, y].isContinuation {
                line += self[x, y].text
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
