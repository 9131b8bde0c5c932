import TermRender

/// Turns each frame into the bytes that change the terminal's screen into it, using the
/// terminal's own terminfo strings. Pure: it keeps a model of what the screen shows and
/// returns bytes; the backend writes them in one `write`.
///
/// Why not ncurses's `doupdate` (a measured win, so it stays; see README "Performance"): to
/// scroll a panel under a fixed header and footer, ncurses sets a scroll region, scrolls, and
/// resets the region every time (`ESC[4;21r ESC[21;1H LF ESC[1;24r ESC[21;2H`, 33 bytes), then
/// draws the line and addresses the focus again: 86 bytes for a one-line scroll at 80x24,
/// against `less`'s 46. This writer leaves the region set between frames, so the next
/// one-line scroll is `ESC 7`, a move to the region's bottom, a line feed, the line and `ESC 8`:
/// 10 bytes besides the line, 46 to 50 in all (`make bench`, "one-line scroll (bytes)"). It
/// also turns attributes on and off with the shortest terminfo strings that do it.
///
/// Checked against the terminal, not against ncurses's bytes: FrameWriterTests feed every
/// frame of random screens through a model terminal (`VirtualTerminal`) for xterm-256color,
/// ansi and vt100 and require it to show exactly the frame; the tmux tests do the same on a
/// real terminal. ncurses still sets the modes, reads keys, mouse and resizes, and enters and
/// leaves full-screen mode.
///
/// The region stays set only while the program owns the screen: `leave()` (quit, suspend,
/// an error) resets it, and the crash handler's bytes do too (`restoreBytes`).
public struct FrameWriter {
    /// What the writer believes one cell of the terminal shows.
    enum ScreenCell: Equatable {
        /// Anything: the cell is always written.
        case unknown
        /// Erased with the terminal's default colours (a blank, no attributes).
        case erased
        case cell(Cell)
    }

    private let capabilities: TerminalCapabilities
    /// The style each role is drawn in on this terminal (colour and attributes it can show).
    private let styles: [CellStyle]
    /// Per role: the first role with the same style. Cells whose roles look the same are the same.
    private let looks: [UInt8]
    /// Per role: how a blank cell in it looks, as an index in `blankStyles`; 0 is an erased cell's look.
    private let blankLooks: [UInt8]
    /// The distinct looks of a blank: background, reverse and underline (the rest does not show).
    private let blankStyles: [CellStyle]
    /// setaf and setab for each colour a role uses, filled in once.
    private let colorCodes: [(color: Color, foreground: [UInt8], background: [UInt8])]
    private let asciiOnly: Bool
    /// Some role has a colour: NO_COLOR and monochrome never send a colour code, not even op.
    private let usesColor: Bool
    /// The tty turns a line feed into CR LF (ONLCR), so a scroll by line feed loses the column.
    private let lineFeedReturns: Bool

    private var size: Size?
    private var screen: [ScreenCell] = []
    private var cursorRow: Int?
    private var cursorColumn: Int?
    /// The attributes and colours in force at the terminal; nil when not known.
    private var current: CellStyle?
    /// The scroll region set at the terminal (top and bottom rows); nil when not known.
    private var region: (top: Int, bottom: Int)?
    private var cursorVisible: Bool?
    private var out: [UInt8] = []

    /// - Parameters:
    ///   - color: draw colours (false for NO_COLOR, a monochrome theme, or no colour at the terminal).
    ///   - asciiOnly: the locale is not UTF-8; every character becomes ASCII of the same width.
    ///   - lineFeedReturns: the tty turns a line feed into CR LF (its ONLCR mode).
    ///   - cursorVisible: whether the terminal's cursor shows now.
    public init(capabilities: TerminalCapabilities, theme: Theme, color: Bool, asciiOnly: Bool,
                lineFeedReturns: Bool = false, cursorVisible: Bool? = nil) {
        self.capabilities = capabilities
        self.asciiOnly = asciiOnly
        self.lineFeedReturns = lineFeedReturns
        let useColor = color && capabilities.colors >= 8 && capabilities.foreground != nil
        let styles = Role.allCases.map { role in
            Self.shown(theme.style(for: role), color: useColor, on: capabilities)
        }
        self.styles = styles
        usesColor = styles.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
        var codes: [(color: Color, foreground: [UInt8], background: [UInt8])] = []
        for color in styles.flatMap({ [$0.foreground, $0.background] })
        where color != .terminalDefault && !codes.contains(where: { $0.color == color }) {
            let number = Int(color.cursesNumber(colors: capabilities.colors))
            codes.append((color, capabilities.foreground?(number) ?? [], capabilities.background?(number) ?? []))
        }
        colorCodes = codes
        looks = styles.map { style in UInt8(styles.firstIndex(of: style) ?? 0) }
        var blanks: [CellStyle] = [CellStyle()]
        blankLooks = styles.map { style in
            let look = CellStyle(background: style.background, underline: style.underline, reverse: style.reverse)
            if let index = blanks.firstIndex(of: look) { return UInt8(index) }
            blanks.append(look)
            return UInt8(blanks.count - 1)
        }
        blankStyles = blanks
        self.cursorVisible = cursorVisible
    }

    /// The bytes that turn the screen into `frame`: everything, the first time or after
    /// `invalidate()` or a change of size; afterwards only what changed.
    public mutating func bytes(for frame: Buffer) -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        var saved: CellStyle?
        let height = frame.size.height
        var shown: [Bool]
        if size != frame.size {
            // A blank screen: nothing to scroll, nothing to compare.
            repaint(frame.size)
            shown = (0..<height).map { rowIsShown($0, of: frame) }
        } else {
            shown = (0..<height).map { rowIsShown($0, of: frame) }
            let changedRows = shown.reduce(0) { $0 + ($1 ? 0 : 1) }
            // Save the cursor where it is when the frame will put it back there: restoring
            // costs 2 bytes, addressing it again 6 to 8.
            if changedRows > 0, let focus = frame.cursor, focus.y == cursorRow, focus.x == cursorColumn,
               let save = capabilities.saveCursor, capabilities.restoreCursor != nil, let style = current {
                out += save
                saved = style
            }
            // Rows are told apart by hash here; drawRow compares every cell, so a collision
            // can only cost a missed saving, never a wrong screen.
            if changedRows >= 2 {
                let width = frame.size.width
                let targetKeys = (0..<height).map { rowKey(frame, $0) }
                let screenKeys = (0..<height).map { screenRowKey($0, width: width) }
                if let scroll = bestScroll(frame, targetKeys: targetKeys, screenKeys: screenKeys) {
                    perform(scroll, width: width)
                    shown = (0..<height).map { rowIsShown($0, of: frame) }
                }
            }
        }
        for y in 0..<height where !shown[y] { drawRow(y, of: frame) }
        placeCursor(frame.cursor, restoring: saved)
        return out
    }

    /// Forgets what the screen shows, so the next frame is drawn whole (after a resize, or
    /// when something else wrote to the terminal).
    public mutating func invalidate() {
        size = nil
        cursorVisible = nil
        cursorRow = nil
        cursorColumn = nil
        current = nil
        region = nil
    }

    /// The bytes that clear the screen now (and the scrollback, where the terminal can), so
    /// nothing shown stays there. `screen`: the terminal's size, in case the writer has
    /// forgotten it (`invalidate`): the scroll region is reset for it too.
    public mutating func clearBytes(scrollback: Bool, screen screenSize: Size) -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        repaint(size ?? screenSize)
        if scrollback, let clear = capabilities.clearScrollback { out += clear }
        return out
    }

    /// The bytes that hand the terminal back as ncurses expects to find it: the whole screen
    /// as the scroll region, attributes and colours off. Then `invalidate()` before drawing again.
    public mutating func leave() -> [UInt8] {
        out.removeAll(keepingCapacity: true)
        if let height = size?.height { resetRegion(height: height) }
        out += capabilities.resetAttributes
        // sgr0 resets colour too on every ANSI terminal; op is for the rest, where colour was used.
        if usesColor, let colors = capabilities.defaultColors { out += colors }
        current = nil
        return out
    }

    /// What a crash handler writes before leaving full-screen mode at this size: the whole
    /// screen as the scroll region.
    public func regionReset(height: Int) -> [UInt8] {
        guard let set = capabilities.setScrollRegion, height > 0 else { return [] }
        return set(0, height - 1)
    }

    // MARK: Whole screen

    private mutating func repaint(_ newSize: Size) {
        size = newSize
        resetRegion(height: newSize.height)
        let erased = prepareErase()
        if let clear = capabilities.clearScreen {
            out += clear
            cursorRow = 0
            cursorColumn = 0
            screen = Array(repeating: erased, count: newSize.width * newSize.height)
        } else {
            screen = Array(repeating: .unknown, count: newSize.width * newSize.height)
        }
    }

    private func regionIs(_ top: Int, _ bottom: Int) -> Bool {
        region.map { $0 == (top, bottom) } ?? false
    }

    private mutating func resetRegion(height: Int) {
        guard let set = capabilities.setScrollRegion, height > 0, !regionIs(0, height - 1) else { return }
        out += set(0, height - 1)
        region = (0, height - 1)
        cursorRow = nil
        cursorColumn = nil
    }

    // MARK: Comparing

    /// A key for how a cell looks: cells with equal keys and equal text look the same.
    private func key(_ cell: Cell) -> UInt16 {
        let role = Int(cell.role.rawValue)
        return cell.isSpace ? 0x100 | UInt16(blankLooks[role]) : UInt16(looks[role])
    }

    // In this and `mix`, no `&&` or `??` reads a property of self on its right: in a debug
    // build the autoclosure copies the whole writer for each cell (half the time of the
    // FrameWriter tests). Release builds are the same either way.
    private func sameLook(_ screenCell: ScreenCell, _ target: Cell) -> Bool {
        switch screenCell {
        case .unknown: return false
        case .erased:
            guard target.isSpace else { return false }
            return blankLooks[Int(target.role.rawValue)] == 0
        case .cell(let shown):
            guard shown.text == target.text else { return false }
            return key(shown) == key(target)
        }
    }

    /// A hash of a row of the frame, for finding rows that moved.
    private func rowKey(_ frame: Buffer, _ y: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        let width = frame.size.width
        for x in 0..<width { mix(&hash, frame.cells[y * width + x]) }
        return hash
    }

    /// The same hash of a row of the screen; nil when any cell of it is not known.
    private func screenRowKey(_ y: Int, width: Int) -> UInt64? {
        var hash: UInt64 = 0xcbf29ce484222325
        for x in 0..<width {
            switch screen[y * width + x] {
            case .unknown: return nil
            case .erased: mix(&hash, Cell.blank, look: 0x100)
            case .cell(let cell): mix(&hash, cell)
            }
        }
        return hash
    }

    /// Folds in a cell's first byte, length and look: enough to tell rows of text apart, and
    /// cheaper than every byte (a collision only costs a saving).
    private func mix(_ hash: inout UInt64, _ cell: Cell, look: UInt16? = nil) {
        let utf8 = cell.text.utf8
        let look = if let look { look } else { key(cell) }
        let value = UInt64(utf8.first ?? 0) | UInt64(utf8.count) << 8 | UInt64(look) << 16
        hash = (hash ^ value) &* 0x100000001b3
    }

    // MARK: Scrolling

    private struct Scroll {
        var top: Int
        var bottom: Int
        /// Lines the band's content moves up (positive) or down (negative).
        var lines: Int
    }

    /// The scroll of whole rows that saves the most writing, if it saves more than it costs.
    /// Each shift is tried over each run of rows it fits, and over the region already set.
    private func bestScroll(_ frame: Buffer, targetKeys: [UInt64], screenKeys: [UInt64?]) -> Scroll? {
        let height = frame.size.height, width = frame.size.width
        let canRegion = capabilities.setScrollRegion != nil
        let canLines = (capabilities.insertLine != nil || capabilities.insertLines != nil)
            && (capabilities.deleteLine != nil || capabilities.deleteLines != nil)
        guard height >= 3, canRegion || canLines else { return nil }
        func fits(_ y: Int, _ lines: Int) -> Bool {
            y + lines >= 0 && y + lines < height && targetKeys[y] == screenKeys[y + lines]
        }
        /// Bytes saved by scrolling, over the rows that receive moved content.
        func saving(_ rows: ClosedRange<Int>) -> Int {
            rows.reduce(0) { $0 + (targetKeys[$1] == screenKeys[$1] ? 0 : rowCost(frame, $1, width: width)) }
        }
        var best: (scroll: Scroll, net: Int)?
        func consider(_ scroll: Scroll, receiving rows: ClosedRange<Int>) {
            let net = saving(rows) - cost(of: scroll)
            if net > 0, net > best?.net ?? 0 { best = (scroll, net) }
        }
        for lines in -(height - 2)...(height - 2) where lines != 0 {
            if canRegion, capabilities.scrollStep(lines) == nil { continue }
            var y = max(0, -lines)
            while y < height {
                guard fits(y, lines) else { y += 1; continue }
                let start = y
                while y < height, fits(y, lines) { y += 1 }
                let end = y - 1
                consider(lines > 0 ? Scroll(top: start, bottom: end + lines, lines: lines)
                                   : Scroll(top: start + lines, bottom: end, lines: lines),
                         receiving: start...end)
            }
            if canRegion, let region, !regionIs(0, height - 1), region.bottom - region.top >= abs(lines) {
                let receiving = lines > 0 ? region.top...(region.bottom - lines) : (region.top - lines)...region.bottom
                if receiving.allSatisfy({ fits($0, lines) }) {
                    consider(Scroll(top: region.top, bottom: region.bottom, lines: lines), receiving: receiving)
                }
            }
        }
        return best?.scroll
    }

    /// About how many bytes drawing row `y` of the frame over the screen would take.
    private func rowCost(_ frame: Buffer, _ y: Int, width: Int) -> Int {
        var cost = 0
        for x in 0..<width where !sameLook(screen[y * width + x], frame.cells[y * width + x]) {
            cost += max(1, frame.cells[y * width + x].text.utf8.count)
        }
        return cost
    }

    private func cost(of scroll: Scroll) -> Int {
        let count = abs(scroll.lines)
        if let set = capabilities.setScrollRegion {
            let regionCost = regionIs(scroll.top, scroll.bottom) ? 0 : set(scroll.top, scroll.bottom).count
            return regionCost + 8 + (capabilities.scrollStep(scroll.lines)?.count ?? 4) * count
        }
        return 2 * 8 + 2 * 3 * count
    }

    private mutating func perform(_ scroll: Scroll, width: Int) {
        let erased = prepareErase()
        let count = abs(scroll.lines)
        if let set = capabilities.setScrollRegion {
            if !regionIs(scroll.top, scroll.bottom) {
                out += set(scroll.top, scroll.bottom)
                region = (scroll.top, scroll.bottom)
                cursorRow = nil
                cursorColumn = nil
            }
            // Any column will do: stay in the one the cursor is in.
            let column = cursorColumn ?? 0
            if scroll.lines > 0 {
                move(toRow: scroll.bottom, column: column)
                repeatOrCount(capabilities.scrollForward, capabilities.scrollForwardBy, count)
                if lineFeedReturns, capabilities.scrollForward == [0x0A] { cursorColumn = 0 }
            } else {
                move(toRow: scroll.top, column: column)
                repeatOrCount(capabilities.scrollReverse, capabilities.scrollReverseBy, count)
            }
        } else {
            // No scroll region at all: delete lines above and insert them below.
            let (deleteAt, insertAt) = scroll.lines > 0 ? (scroll.top, scroll.bottom - count + 1)
                                                        : (scroll.bottom - count + 1, scroll.top)
            move(toRow: deleteAt, column: 0)
            repeatOrCount(capabilities.deleteLine, capabilities.deleteLines, count)
            cursorColumn = nil
            move(toRow: insertAt, column: 0)
            repeatOrCount(capabilities.insertLine, capabilities.insertLines, count)
            cursorColumn = nil
        }
        // The model scrolls the same way; the rows it uncovers are erased.
        var rows = (scroll.top...scroll.bottom).map { Array(screen[($0 * width)..<($0 * width + width)]) }
        if scroll.lines > 0 {
            rows.removeFirst(count)
            rows += Array(repeating: Array(repeating: erased, count: width), count: count)
        } else {
            rows.removeLast(count)
            rows.insert(contentsOf: Array(repeating: Array(repeating: erased, count: width), count: count), at: 0)
        }
        for (offset, row) in rows.enumerated() {
            let start = (scroll.top + offset) * width
            screen.replaceSubrange(start..<(start + width), with: row)
        }
    }

    private mutating func repeatOrCount(_ single: [UInt8]?, _ counted: TerminalCapabilities.Parameterized?, _ count: Int) {
        if let single, count * single.count <= (counted.map { $0(count).count } ?? Int.max) {
            for _ in 0..<count { out += single }
        } else if let counted {
            out += counted(count)
        }
    }

    // MARK: Drawing

    /// Whether the screen shows row `y` of the frame: the quick test that passes over most
    /// rows of most frames (the same cell, roles and all, before asking how roles look).
    private func rowIsShown(_ y: Int, of frame: Buffer) -> Bool {
        let width = frame.size.width
        for x in (y * width)..<(y * width + width) {
            if case .cell(let shown) = screen[x], shown == frame.cells[x] { continue }
            guard sameLook(screen[x], frame.cells[x]) else { return false }
        }
        return true
    }

    private mutating func drawRow(_ y: Int, of frame: Buffer) {
        let width = frame.size.width, height = frame.size.height
        let row = y * width
        // From here to the end the row is blank: one erase does it, where that is shorter.
        var blankFrom = width
        while blankFrom > 0 {
            let cell = frame.cells[row + blankFrom - 1]
            guard cell.isSpace, blankLooks[Int(cell.role.rawValue)] == 0 else { break }
            blankFrom -= 1
        }
        var tailChecked = false
        var x = 0
        while x < width {
            let target = frame.cells[row + x]
            let wide = x + 1 < width && frame.cells[row + x + 1].isContinuation
            let span = wide ? 2 : 1
            if target.isContinuation || (sameLook(screen[row + x], target) && (!wide || sameLook(screen[row + x + 1], frame.cells[row + x + 1]))) {
                x += 1
                continue
            }
            if x >= blankFrom, !tailChecked, let erase = capabilities.clearToEndOfLine {
                tailChecked = true
                let differing = (x..<width).reduce(0) { $0 + (sameLook(screen[row + $1], frame.cells[row + $1]) ? 0 : 1) }
                if differing > erase.count {
                    move(toRow: y, column: x, frame: frame)
                    let erased = prepareErase()
                    out += erase
                    for column in x..<width { screen[row + column] = erased }
                    return
                }
            }
            // Writing the bottom-right cell would scroll the whole screen on a terminal that
            // wraps at once (am without xenl): write it one to the left and push it over by
            // inserting the cell before it, as ncurses does; with no way to insert, leave it.
            if y == height - 1, x + span == width, capabilities.autoMargins, !capabilities.wrapsLate {
                drawBottomRightCorner(of: frame)
                return
            }
            move(toRow: y, column: x, frame: frame)
            apply(styles[Int(target.role.rawValue)])
            put(target.text)
            // Written over half of a wide character, a terminal blanks the other half. Nothing
            // to note: that half is a continuation cell in the model, which looks like no
            // other cell, so it is written again in this pass anyway.
            screen[row + x] = .cell(target)
            if wide { screen[row + x + 1] = .cell(frame.cells[row + x + 1]) }
            x += span
            if x >= width {
                // The cursor waits at the margin (or has wrapped): its place is not known.
                cursorRow = nil
                cursorColumn = nil
            } else {
                cursorColumn = x
            }
        }
    }

    private mutating func drawBottomRightCorner(of frame: Buffer) {
        let width = frame.size.width, y = frame.size.height - 1
        guard width >= 2, let insert = capabilities.insertCharacter ?? capabilities.insertCharacters?(1) else { return }
        let last = frame.cells[y * width + width - 1], before = frame.cells[y * width + width - 2]
        guard !last.isContinuation, !before.isContinuation else { return }
        move(toRow: y, column: width - 2)
        apply(styles[Int(last.role.rawValue)])
        put(last.text)
        cursorColumn = width - 1
        move(toRow: y, column: width - 2)
        out += insert
        apply(styles[Int(before.role.rawValue)])
        put(before.text)
        cursorColumn = width - 1
        screen[y * width + width - 2] = .cell(before)
        screen[y * width + width - 1] = .cell(last)
    }

    /// Appends a cell's text, in ASCII where the locale is not UTF-8. Whatever the views put
    /// in a cell, nothing `Sanitizer` forbids (control characters, bidirectional overrides)
    /// reaches the terminal: it goes out as U+FFFD, as the views' own text does.
    private mutating func put(_ text: String) {
        if text.isPrintableASCII {
            out += text.utf8
            return
        }
        let clean = Sanitizer.clean(text)
        if asciiOnly {
            for character in clean { out += ASCIIFallback.text(for: character).utf8 }
        } else {
            out += clean.utf8
        }
    }

    // MARK: Cursor

    /// Moves the cursor by the shortest means: rewriting a few cells that are already right,
    /// a relative move, a column or row address, or a full address.
    private mutating func move(toRow row: Int, column: Int, frame: Buffer? = nil) {
        if cursorRow == row, cursorColumn == column { return }
        if !capabilities.movesInAttributes, let style = current, style.bold || style.underline || style.reverse || style.dim {
            apply(CellStyle())
        }
        // The fixed strings and rewriting first; the parameterized ones (each to be filled
        // in) only while nothing of 3 bytes or fewer has been found.
        var best: [UInt8]?
        func consider(_ bytes: [UInt8]?) {
            if let bytes, bytes.count < best?.count ?? Int.max { best = bytes }
        }
        func worthFillingIn() -> Bool { best?.count ?? Int.max > 3 }
        let sameRow = cursorRow == row
        if row == 0, column == 0 { consider(capabilities.home) }
        if sameRow, let from = cursorColumn {
            if column > from {
                if let frame { consider(rewrite(row: row, from: from, to: column, frame: frame, limit: 8)) }
                if let forward = capabilities.forward, (column - from) * forward.count <= 8 {
                    consider(Array(repeating: forward, count: column - from).flatMap { $0 })
                }
            } else if let back = capabilities.backspace, (from - column) * back.count <= 8 {
                consider(Array(repeating: back, count: from - column).flatMap { $0 })
            }
        }
        if sameRow, let carriageReturn = capabilities.carriageReturn {
            if column == 0 {
                consider(carriageReturn)
            } else if let frame, let cells = rewrite(row: row, from: 0, to: column, frame: frame, limit: 8 - carriageReturn.count) {
                consider(carriageReturn + cells)
            }
        }
        if sameRow, worthFillingIn() {
            consider(capabilities.column?(column))
            if let from = cursorColumn, column > from, worthFillingIn() { consider(capabilities.forwardBy?(column - from)) }
        }
        if !sameRow, cursorRow != nil, cursorColumn == column, worthFillingIn() { consider(capabilities.row?(row)) }
        if worthFillingIn() { consider(capabilities.moveTo(row, column)) }
        out += best ?? []
        cursorRow = row
        cursorColumn = column
    }

    /// The bytes of the cells from `from` up to `to` on `row`, when they already show what
    /// the frame has, would look the same written in the attributes now in force, and take
    /// fewer than `limit` bytes.
    private func rewrite(row: Int, from: Int, to: Int, frame: Buffer, limit: Int) -> [UInt8]? {
        guard to - from < limit, let style = current else { return nil }
        let width = frame.size.width
        let blankLook = CellStyle(background: style.background, underline: style.underline, reverse: style.reverse)
        var bytes: [UInt8] = []
        for x in from..<to {
            let cell = frame.cells[row * width + x]
            guard !cell.isContinuation, x + 1 >= width || !frame.cells[row * width + x + 1].isContinuation,
                  sameLook(screen[row * width + x], cell),
                  cell.text.isPrintableASCII else { return nil }
            let role = Int(cell.role.rawValue)
            if cell.isSpace {
                guard blankLook == blankStyles[Int(blankLooks[role])] else { return nil }
            } else {
                guard styles[role] == style else { return nil }
            }
            bytes += cell.text.utf8
            if bytes.count >= limit { return nil }
        }
        return bytes
    }

    private mutating func placeCursor(_ point: Buffer.Point?, restoring saved: CellStyle?) {
        if let point {
            if let saved, let restore = capabilities.restoreCursor, cursorRow != point.y || cursorColumn != point.x {
                out += restore
                cursorRow = point.y
                cursorColumn = point.x
                current = saved
            } else {
                move(toRow: point.y, column: point.x)
            }
            if cursorVisible != true, let show = capabilities.showCursor {
                out += show
                cursorVisible = true
            }
        } else if cursorVisible != false, let hide = capabilities.hideCursor {
            out += hide
            cursorVisible = false
        }
    }

    // MARK: Attributes

    /// What the terminal can show of `style`: no colour where there is none or it is off
    /// (nor where it has foregrounds but no backgrounds: black meant for cyan would land on
    /// the user's own, perhaps black, background), and without the attributes it cannot
    /// combine with colour (ncv) or has no string for. The contrast tests paint what this gives.
    public static func shown(_ style: CellStyle, color: Bool, on capabilities: TerminalCapabilities) -> CellStyle {
        let colored = color && capabilities.foreground != nil && capabilities.background != nil
        var shown = colored ? style : style.withoutColor
        if shown.foreground != .terminalDefault || shown.background != .terminalDefault {
            let ncv = capabilities.noColorAttributes
            if ncv & 2 != 0 { shown.underline = false }
            if ncv & 4 != 0 { shown.reverse = false }
            if ncv & 16 != 0 { shown.dim = false }
            if ncv & 32 != 0 { shown.bold = false }
        }
        if capabilities.bold == nil { shown.bold = false }
        if capabilities.underline == nil { shown.underline = false }
        if capabilities.reverse == nil { shown.reverse = false }
        if capabilities.dim == nil { shown.dim = false }
        return shown
    }

    /// Before erasing: the terminal erases with the current background (bce), so it must be
    /// the default, or the plain role's own where the terminal erases with it. Returns what an
    /// erased cell then shows.
    private mutating func prepareErase() -> ScreenCell {
        let plain = styles[Int(Role.plain.rawValue)]
        if plain.background != .terminalDefault, capabilities.erasesWithBackground, !plain.reverse, !plain.underline {
            apply(plain)
            return .cell(.blank)
        }
        if let style = current, style.background == .terminalDefault, !style.reverse, !style.underline {
            return .erased
        }
        apply(CellStyle())
        return .erased
    }

    /// Sets the terminal's attributes and colours to `style` with as few bytes as it can.
    /// Turning an attribute off takes sgr0 (which also resets colour) and then whatever is
    /// still wanted; a colour back to the default takes op (both colours) or sgr0.
    private mutating func apply(_ style: CellStyle) {
        if let current, current == style { return }
        var reset = capabilities.resetAttributes
        append(on: style, from: CellStyle(), to: &reset)
        if let current, !(current.bold && !style.bold), !(current.underline && !style.underline),
           !(current.reverse && !style.reverse), !(current.dim && !style.dim) {
            var keep: [UInt8]? = []
            var base = current
            if (current.foreground != .terminalDefault && style.foreground == .terminalDefault)
                || (current.background != .terminalDefault && style.background == .terminalDefault) {
                keep = capabilities.defaultColors
                base.foreground = .terminalDefault
                base.background = .terminalDefault
            }
            if var keep {
                append(on: style, from: base, to: &keep)
                if keep.count < reset.count {
                    out += keep
                    self.current = style
                    return
                }
            }
        }
        out += reset
        self.current = style
    }

    /// The strings that turn on what `style` has and `base` lacks.
    private func append(on style: CellStyle, from base: CellStyle, to bytes: inout [UInt8]) {
        if style.bold && !base.bold, let bold = capabilities.bold { bytes += bold }
        if style.dim && !base.dim, let dim = capabilities.dim { bytes += dim }
        if style.underline && !base.underline, let underline = capabilities.underline { bytes += underline }
        if style.reverse && !base.reverse, let reverse = capabilities.reverse { bytes += reverse }
        if style.foreground != base.foreground, let codes = colorCodes.first(where: { $0.color == style.foreground }) {
            bytes += codes.foreground
        }
        if style.background != base.background, let codes = colorCodes.first(where: { $0.color == style.background }) {
            bytes += codes.background
        }
    }
}

extension TerminalCapabilities {
    /// The string that scrolls the region a line up (positive) or down.
    func scrollStep(_ lines: Int) -> [UInt8]? {
        lines > 0 ? (scrollForward ?? scrollForwardBy?(1)) : (scrollReverse ?? scrollReverseBy?(1))
    }
}

private extension String {
    var isPrintableASCII: Bool { utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
}

private extension Cell {
    /// Byte for byte: String's == with a literal takes its slow comparison for every other text.
    var isSpace: Bool { text.utf8.count == 1 && text.utf8.first == 0x20 }
}
