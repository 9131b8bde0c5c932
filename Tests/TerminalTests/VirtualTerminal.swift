import TermRender

/// A small model of an ANSI terminal (xterm's behaviour where terminals differ), enough to
/// replay what the frame writer sends and read the screen back: printing with wide
/// characters and the late wrap at the margin, cursor addressing and relative moves, the
/// scroll region with line feed and reverse index, insert and delete line, erase, save and
/// restore of the cursor, and SGR attributes and colours.
struct VirtualTerminal {
    struct Attributes: Equatable {
        var bold = false, dim = false, underline = false, reverse = false
        var foreground = -1, background = -1
    }

    struct Slot: Equatable {
        var text = " "
        var attributes = Attributes()
    }

    let width: Int
    let height: Int
    private(set) var slots: [Slot]
    private(set) var row = 0
    private(set) var column = 0
    private(set) var top = 0
    private(set) var bottom: Int
    private(set) var cursorVisible = true
    /// Erasing fills with the current background (bce).
    var erasesWithBackground = true
    private var attributes = Attributes()
    private var pendingWrap = false
    private var saved: (row: Int, column: Int, attributes: Attributes)?
    /// Escape sequences this model does not know; a test fails on any.
    private(set) var unknown: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        bottom = height - 1
        slots = Array(repeating: Slot(), count: width * height)
    }

    /// The window changed size: what fits stays, the attributes in force stay, the region
    /// becomes the whole screen.
    mutating func resize(width newWidth: Int, height newHeight: Int) {
        var resized = VirtualTerminal(width: newWidth, height: newHeight)
        for y in 0..<min(height, newHeight) {
            for x in 0..<min(width, newWidth) { resized.slots[y * newWidth + x] = self[x, y] }
        }
        resized.attributes = attributes
        resized.cursorVisible = cursorVisible
        resized.erasesWithBackground = erasesWithBackground
        resized.row = min(row, newHeight - 1)
        resized.column = min(column, newWidth - 1)
        self = resized
    }

    subscript(x: Int, y: Int) -> Slot { slots[y * width + x] }

    var cursor: (x: Int, y: Int) { (column, row) }

    mutating func feed(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\u{1B}": escape(&characters)
            case "\r": column = 0; pendingWrap = false
            case "\n": lineFeed()
            case "\u{08}": column = max(0, column - 1); pendingWrap = false
            case "\u{0F}", "\u{0E}", "\u{07}": break
            default:
                if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) {
                    unknown.append("control \(character.unicodeScalars.map { $0.value })")
                } else {
                    put(character)
                }
            }
        }
    }

    private mutating func put(_ character: Character) {
        let span = DisplayWidth.of(character)
        guard span > 0 else { return }
        if pendingWrap || column + span > width {
            column = 0
            lineFeed()
        }
        clearHalves(at: column, span: span)
        slots[row * width + column] = Slot(text: String(character), attributes: attributes)
        if span == 2 { slots[row * width + column + 1] = Slot(text: "", attributes: attributes) }
        if column + span >= width {
            column = width - 1
            pendingWrap = true
        } else {
            column += span
        }
    }

    /// Writing over half of a wide character blanks its other half, as xterm does.
    private mutating func clearHalves(at x: Int, span: Int) {
        if slots[row * width + x].text.isEmpty, x > 0 { slots[row * width + x - 1].text = " " }
        let after = x + span
        if after < width, slots[row * width + after].text.isEmpty { slots[row * width + after].text = " " }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if row == bottom {
            scrollUp(top: top, bottom: bottom, by: 1)
        } else if row < height - 1 {
            row += 1
        }
    }

    private mutating func reverseIndex() {
        pendingWrap = false
        if row == top {
            scrollDown(top: top, bottom: bottom, by: 1)
        } else if row > 0 {
            row -= 1
        }
    }

    private var blank: Slot {
        Slot(text: " ", attributes: Attributes(background: erasesWithBackground ? attributes.background : -1))
    }

    private mutating func scrollUp(top: Int, bottom: Int, by count: Int) {
        for _ in 0..<count {
            for y in top..<bottom {
                for x in 0..<width { slots[y * width + x] = slots[(y + 1) * width + x] }
            }
            for x in 0..<width { slots[bottom * width + x] = blank }
        }
    }

    private mutating func scrollDown(top: Int, bottom: Int, by count: Int) {
        for _ in 0..<count {
            for y in stride(from: bottom, to: top, by: -1) {
                for x in 0..<width { slots[y * width + x] = slots[(y - 1) * width + x] }
            }
            for x in 0..<width { slots[top * width + x] = blank }
        }
    }

    private mutating func escape(_ characters: inout ArraySlice<Character>) {
        guard let next = characters.popFirst() else { return }
        switch next {
        case "7": saved = (row, column, attributes)
        case "8":
            if let saved { (row, column, attributes) = saved }
            pendingWrap = false
        case "M": reverseIndex()
        case "D": lineFeed()
        case "(": _ = characters.popFirst()
        case "[": control(&characters)
        default: unknown.append("ESC \(next)")
        }
    }

    private mutating func control(_ characters: inout ArraySlice<Character>) {
        var body = ""
        var final: Character = " "
        while let character = characters.popFirst() {
            if let value = character.asciiValue, value >= 0x40, value <= 0x7E {
                final = character
                break
            }
            body.append(character)
        }
        let isPrivate = body.hasPrefix("?")
        let numbers = body.drop { $0 == "?" }.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func number(_ index: Int, _ fallback: Int = 1) -> Int {
            index < numbers.count ? (numbers[index] ?? fallback) : fallback
        }
        if isPrivate {
            if body == "?25l", final == "l" { cursorVisible = false }
            if body == "?25", final == "h" || final == "l" { cursorVisible = final == "h" }
            return
        }
        switch final {
        case "H", "f": moveTo(row: number(0) - 1, column: number(1) - 1)
        case "d": moveTo(row: number(0) - 1, column: column)
        case "G": moveTo(row: row, column: number(0) - 1)
        case "C": moveTo(row: row, column: column + number(0))
        case "D": moveTo(row: row, column: column - number(0))
        case "A": moveTo(row: max(row >= top ? top : 0, row - number(0)), column: column)
        case "B": moveTo(row: min(row <= bottom ? bottom : height - 1, row + number(0)), column: column)
        case "r":
            top = number(0) - 1
            bottom = min(height - 1, number(1, height) - 1)
            moveTo(row: 0, column: 0)
        case "K":
            pendingWrap = false
            for x in column..<width { slots[row * width + x] = blank }
        case "J":
            switch number(0, 0) {
            case 0:
                for index in (row * width + column)..<slots.count { slots[index] = blank }
            case 2: for index in slots.indices { slots[index] = blank }
            case 3: break   // the scrollback
            default: unknown.append("ED \(body)")
            }
        case "L": if row >= top && row <= bottom { scrollDown(top: row, bottom: bottom, by: number(0)); column = 0 }
        case "M": if row >= top && row <= bottom { scrollUp(top: row, bottom: bottom, by: number(0)); column = 0 }
        case "@":
            let count = min(number(0), width - column)
            for x in stride(from: width - 1, through: column + count, by: -1) { slots[row * width + x] = slots[row * width + x - count] }
            for x in column..<(column + count) { slots[row * width + x] = blank }
        case "S": scrollUp(top: top, bottom: bottom, by: number(0))
        case "T": scrollDown(top: top, bottom: bottom, by: number(0))
        case "m": graphicRendition(numbers.map { $0 ?? 0 })
        case "h", "l": break   // screen's "\E[34h" in cnorm: cursor style
        default: unknown.append("CSI \(body)\(final)")
        }
    }

    private mutating func moveTo(row newRow: Int, column newColumn: Int) {
        row = min(max(0, newRow), height - 1)
        column = min(max(0, newColumn), width - 1)
        pendingWrap = false
    }

    private mutating func graphicRendition(_ codes: [Int]) {
        var index = 0
        let codes = codes.isEmpty ? [0] : codes
        while index < codes.count {
            let code = codes[index]
            switch code {
            case 0: attributes = Attributes()
            case 1: attributes.bold = true
            case 2: attributes.dim = true
            case 4: attributes.underline = true
            case 7: attributes.reverse = true
            case 10: break
            case 22: attributes.bold = false; attributes.dim = false
            case 24: attributes.underline = false
            case 27: attributes.reverse = false
            case 30...37: attributes.foreground = code - 30
            case 39: attributes.foreground = -1
            case 40...47: attributes.background = code - 40
            case 49: attributes.background = -1
            case 90...97: attributes.foreground = code - 90 + 8
            case 100...107: attributes.background = code - 100 + 8
            case 38, 48:
                if index + 2 < codes.count, codes[index + 1] == 5 {
                    if code == 38 { attributes.foreground = codes[index + 2] } else { attributes.background = codes[index + 2] }
                    index += 2
                } else {
                    unknown.append("SGR \(codes)")
                }
            default: unknown.append("SGR \(code)")
            }
            index += 1
        }
    }
}
