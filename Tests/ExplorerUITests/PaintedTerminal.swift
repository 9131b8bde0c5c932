import TermRender
import Terminal
import Testing

/// A model of how a real terminal paints a styled cell: its palette, what it does with bold,
/// underline and reverse, and which of the theme's backgrounds it stands for. The frame
/// writer's own `shown` decides what is sent (colour count, ncv), so the model sees what the
/// terminal would be sent.
struct PaintedTerminal: Sendable {
    typealias RGB = (red: Int, green: Int, blue: Int)

    enum Painter: Sendable {
        /// xterm: bold turns the basic colours 0-7 into their bright 8-15 (boldColors, on by
        /// default), the default foreground stays as it is; reverse swaps what results.
        case xterm
        /// The Linux console (drivers/tty/vt/vt.c, build_attr): an underlined cell takes the
        /// underline colour (cyan) as its foreground, reverse swaps the two colours but the
        /// foreground keeps its bright bit, and bold then toggles that bit.
        case console
    }

    let name: String
    let capabilities: TerminalCapabilities
    let painter: Painter
    /// Colours 0-15.
    let palette: [RGB]
    let foreground: RGB
    let background: RGB
    /// The theme backgrounds this terminal can be told apart as.
    let backgrounds: [Background]

    /// xterm's default palette (XTerm-col.ad).
    static let xtermPalette: [RGB] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    /// The console's VGA palette, in ANSI order (yellow is brown).
    static let vgaPalette: [RGB] = [
        (0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0), (0, 0, 170), (170, 0, 170), (0, 170, 170), (170, 170, 170),
        (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85), (85, 85, 255), (255, 85, 255), (85, 255, 255), (255, 255, 255),
    ]

    /// xterm-256color's and linux's colour strings, as `infocmp -1` shows them.
    static let xterm256 = TerminalCapabilities(values: [
        "cup": "\u{1B}[%i%p1%d;%p2%dH", "bold": "\u{1B}[1m", "smul": "\u{1B}[4m", "rev": "\u{1B}[7m", "dim": "\u{1B}[2m",
        "setaf": "\u{1B}[%?%p1%{8}%<%t3%p1%d%e%p1%{16}%<%t9%p1%{8}%-%d%e38;5;%p1%d%;m",
        "setab": "\u{1B}[%?%p1%{8}%<%t4%p1%d%e%p1%{16}%<%t10%p1%{8}%-%d%e48;5;%p1%d%;m",
        "op": "\u{1B}[39;49m", "colors": "256",
    ])!
    static let linux = TerminalCapabilities(values: [
        "cup": "\u{1B}[%i%p1%d;%p2%dH", "bold": "\u{1B}[1m", "smul": "\u{1B}[4m", "rev": "\u{1B}[7m",
        "setaf": "\u{1B}[3%p1%dm", "setab": "\u{1B}[4%p1%dm", "op": "\u{1B}[39;49m", "colors": "8", "ncv": "18",
    ])!

    static let all = [
        PaintedTerminal(name: "xterm on white", capabilities: xterm256, painter: .xterm, palette: xtermPalette,
                        foreground: (0, 0, 0), background: (255, 255, 255), backgrounds: [.unknown, .light]),
        PaintedTerminal(name: "xterm on black", capabilities: xterm256, painter: .xterm, palette: xtermPalette,
                        foreground: (229, 229, 229), background: (0, 0, 0), backgrounds: [.unknown, .dark]),
        PaintedTerminal(name: "Linux console", capabilities: linux, painter: .console, palette: vgaPalette,
                        foreground: vgaPalette[7], background: vgaPalette[0], backgrounds: [.unknown, .dark]),
    ]

    private func rgb(_ index: Int) -> RGB {
        index < 16 ? palette[index] : Color.xterm(UInt8(index)).rgb!
    }

    /// The foreground and background a cell of `style` is painted in.
    func paint(_ style: CellStyle) -> (foreground: RGB, background: RGB) {
        let shown = FrameWriter.shown(style, color: true, on: capabilities)
        func number(_ color: Color) -> Int? {
            color == .terminalDefault ? nil : Int(color.cursesNumber(colors: capabilities.colors))
        }
        switch painter {
        case .xterm:
            var foreground = number(shown.foreground)
            if shown.bold, let index = foreground, index < 8 { foreground = index + 8 }
            var colors = (foreground.map(rgb) ?? self.foreground, number(shown.background).map(rgb) ?? background)
            if shown.dim { colors.0 = Self.blend(colors.0, colors.1) }
            if shown.reverse { colors = (colors.1, colors.0) }
            return colors
        case .console:
            var foreground = number(shown.foreground) ?? 7, background = number(shown.background) ?? 0
            if shown.underline { foreground = 6 } else if shown.dim { foreground = 8 }
            if shown.reverse { (foreground, background) = (foreground & 8 | background & 7, foreground & 7) }
            if shown.bold { foreground ^= 8 }
            return (palette[foreground], palette[background])
        }
    }

    private static func blend(_ a: RGB, _ b: RGB) -> RGB {
        ((a.red + b.red) / 2, (a.green + b.green) / 2, (a.blue + b.blue) / 2)
    }

    /// WCAG 2 contrast ratio.
    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        func luminance(_ color: RGB) -> Double {
            Color.luminance(red: Double(color.red) / 255, green: Double(color.green) / 255, blue: Double(color.blue) / 255)
        }
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Lines and boxes need 3:1 (WCAG 1.4.11), text 4.5:1 (1.4.3). A cell of a picture or a
    /// border is a line unless it is a letter or digit (a label); elsewhere box drawing and
    /// block characters are lines.
    static func isLine(_ cell: Cell) -> Bool {
        guard let scalar = cell.text.unicodeScalars.first else { return false }
        if cell.role == .border || cell.role == .diagram {
            return !cell.text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        return (0x2500...0x259F).contains(scalar.value)
    }

    /// Every cell of `buffer` with text, as `theme` paints it here, below its minimum.
    func failures(_ buffer: Buffer, theme: Theme) -> [String] {
        var found: [String: String] = [:]
        for background in backgrounds {
            let themed = theme.on(background)
            for y in 0..<buffer.size.height {
                for x in 0..<buffer.size.width {
                    let cell = buffer[x, y]
                    guard !cell.isContinuation, cell.text != " " else { continue }
                    let colors = paint(themed.style(for: cell.role))
                    let ratio = Self.contrast(colors.foreground, colors.background)
                    let minimum = Self.isLine(cell) ? 3.0 : 4.5
                    if ratio < minimum {
                        let key = "\(theme.name) (\(background)) \(cell.role)"
                        found[key] = found[key] ?? "\(key) on \(name): \((ratio * 10).rounded() / 10):1 at \(x),\(y) '\(cell.text)'"
                    }
                }
            }
        }
        return found.values.sorted()
    }

    /// Checks a golden screen in every theme on every modelled terminal.
    static func expectLegible(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let failures = all.flatMap { terminal in Theme.all.flatMap { terminal.failures(buffer, theme: $0) } }
        #expect(failures.isEmpty, "\(name): \(failures.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}

/// The model against the figures measured in a real xterm and on the console (issue 19): the
/// styles the explorer had then fail here as they failed there.
@Suite struct PaintedTerminalTests {
    private func ratio(_ style: CellStyle, on name: String) throws -> Double {
        let terminal = try #require(PaintedTerminal.all.first { $0.name == name })
        let colors = terminal.paint(style)
        return PaintedTerminal.contrast(colors.foreground, colors.background)
    }

    private func about(_ value: Double, _ expected: Double) -> Bool { abs(value - expected) < 0.06 }

    @Test func theOldDefaultThemeFailedWhereItWasSeenToFail() throws {
        // Cyan titles on white: bold draws them bright, 1.25:1; cyan links 2:1 or so.
        #expect(about(try ratio(CellStyle(foreground: .cyan, bold: true), on: "xterm on white"), 1.25))
        #expect(try ratio(CellStyle(foreground: .cyan, underline: true), on: "xterm on white") < 2.1)
        #expect(try ratio(CellStyle(foreground: .green), on: "xterm on white") < 2.3)
        // The header, bold black on cyan: grey on cyan, 2:1.
        #expect(about(try ratio(CellStyle(foreground: .black, background: .cyan, bold: true), on: "xterm on black"), 2.0))
        // Blue borders on the console's black, 1.6:1; the high-contrast header there, 1.4:1.
        #expect(about(try ratio(CellStyle(foreground: .blue), on: "Linux console"), 1.6))
        #expect(about(try ratio(CellStyle(foreground: .xterm(16), background: .xterm(226), bold: true), on: "Linux console"), 1.4))
    }

    @Test func theConsolePaintsUnderlineInCyanAndBoldReverseGrey() throws {
        let console = try #require(PaintedTerminal.all.first { $0.name == "Linux console" })
        #expect(console.paint(CellStyle(underline: true)).foreground == (0, 170, 170))
        // Reverse then bold: dark grey on light grey.
        let selected = console.paint(CellStyle(bold: true, reverse: true))
        #expect(selected.foreground == (85, 85, 85) && selected.background == (170, 170, 170))
        // linux's ncv drops underline where colour is used, so a coloured link keeps its colour.
        #expect(console.paint(CellStyle(foreground: .green, underline: true)).foreground == (0, 170, 0))
    }

    @Test func aFailingCellIsReported() throws {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        buffer.write("a─", x: 0, y: 0, role: .plain)
        let pale = Theme(name: "pale") { role, _ in role == .plain ? CellStyle(foreground: .xterm(250)) : CellStyle() }
        let failures = PaintedTerminal.all[0].failures(buffer, theme: pale)
        // Once per role and background (unknown and light), at the first cell that fails.
        #expect(failures.count == 2 && failures.allSatisfy { $0.contains("plain") && $0.contains("at 0,0 'a'") }, "\(failures)")
        #expect(PaintedTerminal.all[1].failures(buffer, theme: pale).isEmpty)
    }
}
