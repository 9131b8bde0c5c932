import TermRender
import Terminal
import Testing

/// Terminfo values of real terminal types (from `infocmp -1`), so these tests do not depend
/// on the machine's terminal database.
enum TerminalTypes {
    static let xterm256: [String: String] = [
        "cup": "\u{1B}[%i%p1%d;%p2%dH", "hpa": "\u{1B}[%i%p1%dG", "vpa": "\u{1B}[%i%p1%dd", "cuf1": "\u{1B}[C",
        "cuf": "\u{1B}[%p1%dC", "cub1": "\u{08}", "cr": "\r", "home": "\u{1B}[H", "csr": "\u{1B}[%i%p1%d;%p2%dr",
        "ind": "\n", "indn": "\u{1B}[%p1%dS", "ri": "\u{1B}M", "rin": "\u{1B}[%p1%dT", "il1": "\u{1B}[L",
        "il": "\u{1B}[%p1%dL", "dl1": "\u{1B}[M", "dl": "\u{1B}[%p1%dM", "clear": "\u{1B}[H\u{1B}[2J", "el": "\u{1B}[K",
        "E3": "\u{1B}[3J", "sc": "\u{1B}7", "rc": "\u{1B}8", "sgr0": "\u{1B}(B\u{1B}[m", "bold": "\u{1B}[1m",
        "smul": "\u{1B}[4m", "rev": "\u{1B}[7m", "dim": "\u{1B}[2m",
        "setaf": "\u{1B}[%?%p1%{8}%<%t3%p1%d%e%p1%{16}%<%t9%p1%{8}%-%d%e38;5;%p1%d%;m",
        "setab": "\u{1B}[%?%p1%{8}%<%t4%p1%d%e%p1%{16}%<%t10%p1%{8}%-%d%e48;5;%p1%d%;m",
        "op": "\u{1B}[39;49m", "civis": "\u{1B}[?25l", "cnorm": "\u{1B}[?12l\u{1B}[?25h",
        "am": "", "xenl": "", "msgr": "", "bce": "", "colors": "256",
    ]
    /// No scroll region, no save and restore, wraps at once at the margin, rmul resets everything.
    static let ansi: [String: String] = [
        "cup": "\u{1B}[%i%p1%d;%p2%dH", "hpa": "\u{1B}[%i%p1%dG", "vpa": "\u{1B}[%i%p1%dd", "cuf1": "\u{1B}[C",
        "cuf": "\u{1B}[%p1%dC", "cub1": "\u{1B}[D", "cr": "\r", "home": "\u{1B}[H", "ind": "\n", "il1": "\u{1B}[L",
        "il": "\u{1B}[%p1%dL", "dl1": "\u{1B}[M", "dl": "\u{1B}[%p1%dM", "ich": "\u{1B}[%p1%d@",
        "clear": "\u{1B}[H\u{1B}[J", "el": "\u{1B}[K", "sgr0": "\u{1B}[0;10m", "bold": "\u{1B}[1m", "smul": "\u{1B}[4m", "rev": "\u{1B}[7m",
        "setaf": "\u{1B}[3%p1%dm", "setab": "\u{1B}[4%p1%dm", "op": "\u{1B}[39;49m",
        "am": "", "msgr": "", "colors": "8", "ncv": "3",
    ]
    /// No colour, padding after most strings.
    static let vt100: [String: String] = [
        "cup": "\u{1B}[%i%p1%d;%p2%dH$<5>", "cuf1": "\u{1B}[C$<2>", "cub1": "\u{08}", "cr": "\r",
        "home": "\u{1B}[H", "csr": "\u{1B}[%i%p1%d;%p2%dr", "ind": "\n", "ri": "\u{1B}M$<5>",
        "clear": "\u{1B}[H\u{1B}[J$<50>", "el": "\u{1B}[K$<3>", "sc": "\u{1B}7", "rc": "\u{1B}8",
        "sgr0": "\u{1B}[m\u{0F}$<2>", "bold": "\u{1B}[1m$<2>", "smul": "\u{1B}[4m$<2>", "rev": "\u{1B}[7m$<2>",
        "am": "", "xenl": "", "msgr": "",
    ]
}

/// A writer and a model terminal fed with everything it writes.
struct WriterBench {
    var writer: FrameWriter
    var terminal: VirtualTerminal
    /// Per role (by raw value): the attributes a cell of it should have at the terminal.
    private let expected: [VirtualTerminal.Attributes]

    init(_ values: [String: String], theme: Theme = .standard, size: Size, color: Bool = true) throws {
        let capabilities = try #require(TerminalCapabilities(values: values))
        writer = FrameWriter(capabilities: capabilities, theme: theme, color: color, asciiOnly: false)
        terminal = VirtualTerminal(width: size.width, height: size.height)
        terminal.erasesWithBackground = values["bce"] != nil
        let colors = color ? capabilities.colors : 0
        expected = Role.allCases.map { Self.attributes(of: $0, theme: theme, colors: colors, noColorAttributes: capabilities.noColorAttributes) }
    }

    @discardableResult
    mutating func show(_ frame: Buffer) -> [UInt8] {
        if frame.size.width != terminal.width || frame.size.height != terminal.height {
            terminal.resize(width: frame.size.width, height: frame.size.height)
        }
        let bytes = writer.bytes(for: frame)
        terminal.feed(bytes)
        return bytes
    }

    /// Every cell where the model terminal differs from the frame, and a wrong cursor.
    func differences(from frame: Buffer) -> [String] {
        var found = terminal.unknown.map { "unknown sequence: \($0)" }
        for y in 0..<frame.size.height {
            for x in 0..<frame.size.width {
                let want = frame[x, y], shown = terminal[x, y]
                if want.text != shown.text {
                    found.append("(\(x),\(y)) text \(shown.text.debugDescription), want \(want.text.debugDescription)")
                    continue
                }
                let expected = self.expected[Int(want.role.rawValue)]
                let got = shown.attributes
                let same = want.text == " "
                    ? (expected.background == got.background && expected.reverse == got.reverse && expected.underline == got.underline)
                    : expected == got
                if !same { found.append("(\(x),\(y)) '\(want.text)' \(got), want \(expected)") }
            }
        }
        if let cursor = frame.cursor {
            if !terminal.cursorVisible || terminal.cursor != (cursor.x, cursor.y) {
                found.append("cursor at \(terminal.cursor) visible \(terminal.cursorVisible), want \(cursor)")
            }
        }
        return found
    }

    private static func attributes(of role: Role, theme: Theme, colors: Int, noColorAttributes: Int) -> VirtualTerminal.Attributes {
        var style = theme.style(for: role)
        if colors == 0 { style = style.withoutColor }
        // Attributes the terminal cannot show with colour (ncv) are left out, as ncurses does.
        if style.foreground != .terminalDefault || style.background != .terminalDefault {
            if noColorAttributes & 2 != 0 { style.underline = false }
            if noColorAttributes & 4 != 0 { style.reverse = false }
        }
        return VirtualTerminal.Attributes(bold: style.bold, dim: style.dim, underline: style.underline, reverse: style.reverse,
                                          foreground: Int(style.foreground.cursesNumber(colors: max(colors, 8))),
                                          background: Int(style.background.cursesNumber(colors: max(colors, 8))))
    }
}

/// Deterministic random numbers (SplitMix64), so a failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Screens shaped like the explorer's: a header, a title, a scrolling text band, a footer.
struct ReadingScreen {
    var lines: [[Span]]
    var offset = 0
    var focus: (line: Int, span: Int)?

    init(lineCount: Int, random: inout SeededRandom) {
        let words = ["pain", "ketamine", "NMDA", "receptor", "the", "of", "and", "日本", "studies", "é", "opioids", "a"]
        let roles: [Role] = [.plain, .plain, .plain, .link, .strong, .source, .heading, .callout, .warning]
        lines = (0..<lineCount).map { _ in
            if Int.random(in: 0..<6, using: &random) == 0 { return [] }
            return (0..<Int.random(in: 1...6, using: &random)).map { _ in
                let text = (0..<Int.random(in: 1...4, using: &random)).map { _ in words.randomElement(using: &random) ?? "" }
                    .joined(separator: " ")
                return Span(text + " ", roles.randomElement(using: &random) ?? .plain)
            }
        }
    }

    func render(_ size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        buffer.write(" Ketamine treatment explorer", x: 0, y: 0, role: .header)
        buffer.write(" What is chronic pain?", x: 0, y: 1, role: .title)
        let band = 3..<(size.height - 3)
        for y in band {
            let index = offset + y - band.lowerBound
            guard index < lines.count else { continue }
            var spans = lines[index]
            if let focus, focus.line == index, focus.span < spans.count { spans[focus.span].role = .linkFocused }
            buffer.write(spans, x: 1, y: y, limit: size.width - 1)
        }
        buffer.write(" More below: press Space or ↓", x: 0, y: size.height - 3, role: .muted)
        buffer.write(" Tab links  Esc list  ↑↓ move", x: 0, y: size.height - 2, role: .footer)
        buffer.write(" Education, not medical advice. Emergency: 911.", x: 0, y: size.height - 1, role: .footer)
        if let focus, focus.line >= offset, focus.line - offset < band.count {
            buffer.placeCursor(x: 1, y: band.lowerBound + focus.line - offset)
        } else {
            buffer.placeCursor(x: 1, y: 1)
        }
        return buffer
    }
}

@Suite struct FrameWriterTests {
    /// Scrolls, page jumps, edits, focus moves and resizes, replayed through a model terminal:
    /// after every frame the terminal shows exactly the frame.
    @Test(arguments: [("xterm-256color", TerminalTypes.xterm256), ("ansi", TerminalTypes.ansi), ("vt100", TerminalTypes.vt100)])
    func everyFrameLeavesTheTerminalShowingIt(name: String, values: [String: String]) throws {
        for theme in Theme.all {
            var random = SeededRandom(state: 42)
            var screen = ReadingScreen(lineCount: 120, random: &random)
            var size = Size(width: 80, height: 24)
            var bench = try WriterBench(values, theme: theme, size: size)
            for step in 0..<300 {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...3: screen.offset = max(0, min(100, screen.offset + [1, 1, -1, 2, -3].randomElement(using: &random)!))
                case 4: screen.offset = max(0, min(100, screen.offset + [16, -16].randomElement(using: &random)!))
                case 5: screen.lines[Int.random(in: 0..<screen.lines.count, using: &random)] = [Span("changed 日本 text", .strong)]
                case 6, 7: screen.focus = (Int.random(in: screen.offset..<(screen.offset + 18), using: &random), Int.random(in: 0..<3, using: &random))
                case 8: screen.focus = nil
                default: if Int.random(in: 0..<4, using: &random) == 0 { size = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 81, height: 25)].randomElement(using: &random)! }
                }
                let frame = screen.render(size)
                bench.show(frame)
                let differences = bench.differences(from: frame)
                #expect(differences.isEmpty, "\(name), \(theme.name), step \(step): \(differences.prefix(5))")
                if !differences.isEmpty { return }
            }
        }
    }

    /// The case `make bench` measures: a one-line scroll under a fixed header and footer costs
    /// the new line's text and attributes plus at most 10 bytes, as `less` spends 10.
    @Test func aOneLineScrollWritesTheNewLineAndTenBytesMore() throws {
        var random = SeededRandom(state: 1)
        var screen = ReadingScreen(lineCount: 60, random: &random)
        screen.lines = (0..<60).map { [Span("Line \($0) of text that is plain and long enough to matter here.", .plain)] }
        var bench = try WriterBench(TerminalTypes.xterm256, size: Size(width: 80, height: 24))
        bench.show(screen.render(Size(width: 80, height: 24)))
        for _ in 0..<5 {
            screen.offset += 1
            let frame = screen.render(Size(width: 80, height: 24))
            let bytes = bench.show(frame)
            #expect(bench.differences(from: frame).isEmpty)
            let newLine = "Line \(screen.offset + 17) of text that is plain and long enough to matter here."
            #expect(String(decoding: bytes, as: UTF8.self).contains(newLine))
            // The first scroll also sets the region (9 bytes) and addresses the line again (6).
            #expect(bytes.count <= newLine.utf8.count + 10 + (screen.offset == 1 ? 15 : 0), "\(bytes.count) bytes: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    /// Down to a single cell and back, on every kind of terminal: no crash, and right.
    @Test(arguments: [TerminalTypes.xterm256, TerminalTypes.ansi, TerminalTypes.vt100])
    func tinyScreensAreDrawnRight(values: [String: String]) throws {
        var bench = try WriterBench(values, theme: .highContrast, size: Size(width: 80, height: 24))
        var random = SeededRandom(state: 9)
        let screen = ReadingScreen(lineCount: 40, random: &random)
        for size in [Size(width: 1, height: 1), Size(width: 2, height: 1), Size(width: 1, height: 3), Size(width: 3, height: 2),
                     Size(width: 80, height: 24)] {
            var frame = Buffer(size: size, fill: Cell(text: "x", role: .warning))
            frame.placeCursor(x: 0, y: 0)
            if size.height >= 24 { frame = screen.render(size) }
            bench.show(frame)
            var differences = bench.differences(from: frame)
            // One column on a terminal that wraps at once (ansi): nothing can put a character
            // in the bottom-right cell without scrolling the screen, so it stays blank.
            if size.width == 1, values["xenl"] == nil { differences.removeAll { $0.hasPrefix("(0,\(size.height - 1)) text") } }
            #expect(differences.isEmpty, "\(size): \(differences)")
        }
    }

    @Test func onlyTheCellsThatChangedAreWritten() throws {
        var first = Buffer(size: Size(width: 20, height: 3))
        first.write("same line", x: 0, y: 0, role: .plain)
        first.write("old word", x: 0, y: 1, role: .plain)
        var bench = try WriterBench(TerminalTypes.xterm256, size: first.size)
        bench.show(first)
        var second = first
        second.write("new", x: 0, y: 1, role: .plain)
        #expect(String(decoding: bench.show(second), as: UTF8.self) == "\rnew")   // back to the line start, three letters
        #expect(bench.differences(from: second).isEmpty)
    }

    @Test func aRoleChangeAloneIsWritten() throws {
        var first = Buffer(size: Size(width: 4, height: 1))
        first.write("ab", x: 0, y: 0, role: .plain)
        var bench = try WriterBench(TerminalTypes.xterm256, size: first.size)
        bench.show(first)
        var second = Buffer(size: Size(width: 4, height: 1))
        second.write("ab", x: 0, y: 0, role: .listSelected)
        #expect(!bench.show(second).isEmpty)
        #expect(bench.differences(from: second).isEmpty)
    }

    @Test func nothingChangedWritesNothing() throws {
        var random = SeededRandom(state: 7)
        let frame = ReadingScreen(lineCount: 40, random: &random).render(Size(width: 80, height: 24))
        var bench = try WriterBench(TerminalTypes.xterm256, size: frame.size)
        bench.show(frame)
        #expect(bench.show(frame).isEmpty)
    }

    /// The scroll region is the writer's alone: leaving gives the whole screen back.
    @Test func leavingResetsTheScrollRegionAndAttributes() throws {
        var random = SeededRandom(state: 1)
        var screen = ReadingScreen(lineCount: 60, random: &random)
        var bench = try WriterBench(TerminalTypes.xterm256, size: Size(width: 80, height: 24))
        bench.show(screen.render(Size(width: 80, height: 24)))
        screen.offset = 1
        bench.show(screen.render(Size(width: 80, height: 24)))
        #expect(bench.terminal.bottom < 23)
        bench.terminal.feed(bench.writer.leave())
        #expect(bench.terminal.top == 0 && bench.terminal.bottom == 23)
        bench.terminal.feed(Array("x".utf8))
        #expect(bench.terminal[bench.terminal.cursor.x - 1, bench.terminal.cursor.y].attributes == VirtualTerminal.Attributes())
        #expect(bench.writer.regionReset(height: 24) == Array("\u{1B}[1;24r".utf8))
    }

    /// Whatever a cell holds, no control character reaches the terminal from it.
    @Test func aControlCharacterInACellIsNeverSent() throws {
        var frame = Buffer(size: Size(width: 20, height: 3))
        frame[0, 0] = Cell(text: "\u{1B}", role: .plain)
        frame[1, 0] = Cell(text: "[2J\u{07}", role: .plain)
        frame[2, 0] = Cell(text: "\u{9B}", role: .plain)
        frame[0, 1] = Cell(text: "\u{202E}", role: .plain)   // right-to-left override
        var bench = try WriterBench(TerminalTypes.xterm256, size: frame.size)
        let bytes = bench.show(frame)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\u{07}") && !text.contains("\u{9B}") && !text.contains("\u{202E}")
                && !text.contains("\u{1B}[2J\u{07}"))
        #expect(bench.terminal.unknown.isEmpty)
        // As Buffer.write does with text: the replacement character, visible and harmless.
        #expect(bench.terminal[0, 0].text == "\u{FFFD}" && bench.terminal[0, 1].text == "\u{FFFD}")
    }

    /// Padding such as vt100's `$<5>` is for hardware terminals; none is sent.
    @Test func paddingIsNeverSent() throws {
        var random = SeededRandom(state: 3)
        let frame = ReadingScreen(lineCount: 40, random: &random).render(Size(width: 80, height: 24))
        var bench = try WriterBench(TerminalTypes.vt100, size: frame.size, color: false)
        let text = String(decoding: bench.show(frame), as: UTF8.self)
        #expect(!text.contains("$<"))
        #expect(bench.differences(from: frame).isEmpty)
    }
}
