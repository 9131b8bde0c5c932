#if canImport(Glibc)
import Glibc
#endif

/// A terminal colour. `terminalDefault` keeps the user's own foreground or background.
public enum Color: Equatable, Hashable, Sendable {
    case terminalDefault
    /// The eight basic colours, as the terminal's own palette shows them.
    case black, red, green, yellow, blue, magenta, cyan, white
    /// A colour of the 256-colour palette (16 to 255), whose RGB values are fixed; on a
    /// terminal with only 8 colours, the nearest basic colour stands in.
    case xterm(UInt8)

    private static let basic: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]

    /// The curses colour number on a terminal with `colors` colours (-1 for the default).
    public func cursesNumber(colors: Int) -> Int16 {
        switch self {
        case .terminalDefault: return -1
        case .xterm(let index): return colors >= 256 ? Int16(index) : nearestBasic.cursesNumber(colors: colors)
        default: return Int16(Self.basic.firstIndex(of: self) ?? 0)
        }
    }

    /// The colour as red, green and blue (0-255): xterm's values for the basic colours, the
    /// palette's fixed values for the rest; nil for the terminal's default.
    public var rgb: (red: Int, green: Int, blue: Int)? {
        switch self {
        case .terminalDefault: return nil
        case .black: return (0, 0, 0)
        case .red: return (205, 0, 0)
        case .green: return (0, 205, 0)
        case .yellow: return (205, 205, 0)
        case .blue: return (0, 0, 238)
        case .magenta: return (205, 0, 205)
        case .cyan: return (0, 205, 205)
        case .white: return (229, 229, 229)
        case .xterm(let index):
            if index >= 232 {
                let level = 8 + 10 * Int(index - 232)
                return (level, level, level)
            }
            let cube = max(0, Int(index) - 16)
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[cube / 36 % 6], steps[cube / 6 % 6], steps[cube % 6])
        }
    }

    private var nearestBasic: Color {
        guard let target = rgb else { return .terminalDefault }
        return Self.basic.min { a, b in distance(a, target) < distance(b, target) } ?? .white
    }

    private func distance(_ color: Color, _ target: (red: Int, green: Int, blue: Int)) -> Int {
        guard let value = color.rgb else { return .max }
        let (dr, dg, db) = (value.red - target.red, value.green - target.green, value.blue - target.blue)
        return dr * dr + dg * dg + db * db
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    public var luminance: Double? {
        guard let rgb else { return nil }
        return Self.luminance(red: Double(rgb.red) / 255, green: Double(rgb.green) / 255, blue: Double(rgb.blue) / 255)
    }

    /// WCAG relative luminance of a colour whose channels run from 0 to 1.
    public static func luminance(red: Double, green: Double, blue: Double) -> Double {
        func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG contrast ratio of two colours, 1 to 21.
    public static func contrast(_ a: Color, _ b: Color) -> Double? {
        guard let la = a.luminance, let lb = b.luminance else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}

/// How one role looks.
public struct CellStyle: Equatable, Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: Color = .terminalDefault, background: Color = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The same style with colours dropped, for terminals without colour and for NO_COLOR.
    public var withoutColor: CellStyle {
        CellStyle(bold: bold, underline: underline, reverse: reverse, dim: dim)
    }
}

/// What the terminal's own background is, when it says (an OSC 11 reply, `COLORFGBG`, the
/// Linux console's black): a coloured foreground that reads on one background can vanish on
/// the other, so colours over the terminal's background are chosen for it.
public enum Background: String, CaseIterable, Sendable {
    /// Not known: only colours that hold on both, which means text keeps the terminal's own
    /// foreground and colour comes only as a foreground and background pair.
    case unknown
    case dark
    case light
}

/// Maps every role to a style, for the background the terminal has.
///
/// Rules every theme keeps, because terminals paint attributes in colour (xterm draws bold
/// basic colours bright; the Linux console also paints underlined text in its underline
/// colour, cyan, and draws bold as bright): no bold with a black foreground (it shows grey),
/// no bold with reverse (the console shows dark grey on grey, 3.2:1), and no underline over a
/// coloured background where the terminal would turn it into cyan on cyan. The palette model
/// in ExplorerUITests (`PaintedTerminal`) checks every cell of every golden screen against
/// WCAG 1.4.3 and 1.4.11 as xterm on white, xterm on black and the Linux console paint it.
public struct Theme: Sendable {
    public let name: String
    /// The background these styles are for.
    public let background: Background
    private let styles: [CellStyle]
    private let table: @Sendable (Role, Background) -> CellStyle

    public init(name: String, style: @escaping @Sendable (Role, Background) -> CellStyle) {
        self.init(name: name, background: .unknown, table: style)
    }

    private init(name: String, background: Background, table: @escaping @Sendable (Role, Background) -> CellStyle) {
        self.name = name
        self.background = background
        self.table = table
        self.styles = Role.allCases.map { table($0, background) }
    }

    public func style(for role: Role) -> CellStyle { styles[Int(role.rawValue)] }

    /// The same theme, for a terminal whose background is `background`.
    public func on(_ background: Background) -> Theme {
        background == self.background ? self : Theme(name: name, background: background, table: table)
    }

    /// Colour where it reads: on an unknown background only attributes and colour pairs, on a
    /// known one coloured titles, links, sources and pictures in shades that reach 4.5:1 on it
    /// (the 256-colour palette's fixed values on light backgrounds, where the basic colours
    /// are too pale). Every role also differs by attribute or by the marker text the views
    /// draw, so nothing depends on colour alone.
    public static let standard = Theme(name: "default") { role, background in
        // Pairs read anywhere: black on cyan 7.3:1 on the console, 10.6:1 in xterm; bright
        // white on red 5.8:1 and 7.7:1.
        let bar = CellStyle(foreground: .black, background: .cyan)
        switch (role, background) {
        case (.plain, _), (.listItem, _), (.footer, _): return CellStyle()
        case (.header, _): return bar
        case (.listSelected, _): return CellStyle(reverse: true)
        case (.linkFocused, _): return CellStyle(underline: true, reverse: true)
        case (.keyMessage, _), (.strong, _), (.heading, _): return CellStyle(bold: true)
        case (.tableHeader, _): return CellStyle(bold: true, underline: true)
        case (.match, .light): return CellStyle(foreground: .black, background: .yellow)
        case (.match, _): return bar
        case (.warning, .unknown): return CellStyle(foreground: .white, background: .red, bold: true)
        case (.warning, .dark): return CellStyle(foreground: .red, bold: true)
        case (.warning, .light): return CellStyle(foreground: .xterm(124), bold: true)
        case (.title, .unknown), (.footerKey, .unknown), (.helpKey, .unknown), (.callout, .unknown):
            return CellStyle(bold: true)
        case (.link, .unknown): return CellStyle(underline: true)
        case (.border, .unknown), (.diagram, .unknown), (.source, .unknown), (.muted, .unknown): return CellStyle()
        case (.title, .dark), (.footerKey, .dark), (.helpKey, .dark): return CellStyle(foreground: .cyan, bold: true)
        case (.link, .dark): return CellStyle(foreground: .cyan, underline: true)
        case (.border, .dark), (.diagram, .dark): return CellStyle(foreground: .cyan)
        case (.source, .dark), (.muted, .dark): return CellStyle(foreground: .green)
        case (.callout, .dark): return CellStyle(foreground: .yellow, bold: true)
        case (.title, .light), (.footerKey, .light), (.helpKey, .light): return CellStyle(foreground: .xterm(25), bold: true)
        case (.link, .light): return CellStyle(foreground: .xterm(25), underline: true)
        case (.border, .light), (.diagram, .light): return CellStyle(foreground: .blue)
        case (.source, .light), (.muted, .light): return CellStyle(foreground: .xterm(22))
        case (.callout, .light): return CellStyle(foreground: .xterm(94), bold: true)
        }
    }

    /// White and yellow on black, at least 7:1 everywhere (WCAG AAA), from the 256-colour
    /// palette's fixed values, whatever the terminal's background (it paints its own); on an
    /// 8-colour terminal the nearest basic colours still reach 4.5:1. Every role still also
    /// differs by attribute or marker.
    public static let highContrast = Theme(name: "high-contrast") { role, _ in
        let black = Color.xterm(16), white = Color.xterm(231), yellow = Color.xterm(226), cyan = Color.xterm(51)
        switch role {
        case .plain, .listItem, .footer, .border, .diagram: return CellStyle(foreground: white, background: black)
        case .source, .muted: return CellStyle(foreground: .xterm(252), background: black)
        // Black on white, not on yellow: the console's yellow is brown (4.0:1 under black).
        case .header: return CellStyle(foreground: black, background: white)
        case .match: return CellStyle(foreground: black, background: cyan)
        case .footerKey, .helpKey, .title, .callout: return CellStyle(foreground: yellow, background: black, bold: true)
        case .listSelected: return CellStyle(foreground: black, background: white)
        case .keyMessage, .strong, .heading: return CellStyle(foreground: white, background: black, bold: true)
        case .tableHeader: return CellStyle(foreground: white, background: black, bold: true, underline: true)
        case .link: return CellStyle(foreground: cyan, background: black, underline: true)
        case .linkFocused: return CellStyle(foreground: cyan, background: black, underline: true, reverse: true)
        case .warning: return CellStyle(foreground: white, background: .xterm(124), bold: true)
        }
    }

    /// Bold, underline and reverse only: the default theme's attributes, with the bars (the
    /// header, a match) reversed where the default theme gives them a colour pair.
    public static let monochrome = Theme(name: "monochrome") { role, _ in
        switch role {
        case .header, .match: return CellStyle(reverse: true)
        case .warning: return CellStyle(bold: true)
        default: return standard.style(for: role).withoutColor
        }
    }

    /// Every theme, by the name `--theme` takes.
    public static let all = [standard, highContrast, monochrome]

    public static func named(_ name: String) -> Theme? { all.first { $0.name == name } }

    /// Whether the theme asks for any colour at all.
    public var usesColor: Bool {
        Role.allCases.contains { style(for: $0).foreground != .terminalDefault || style(for: $0).background != .terminalDefault }
    }
}
