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
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(rgb.red) + 0.7152 * channel(rgb.green) + 0.0722 * channel(rgb.blue)
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

/// Maps every role to a style.
public struct Theme: Sendable {
    public let name: String
    private let styles: [CellStyle]

    public init(name: String, style: (Role) -> CellStyle) {
        self.name = name
        self.styles = Role.allCases.map(style)
    }

    public func style(for role: Role) -> CellStyle { styles[Int(role.rawValue)] }

    /// Colour on the terminal's own background. Every role also differs by attribute or by
    /// the marker text the views draw, so nothing depends on colour alone.
    public static let standard = Theme(name: "default") { role in
        switch role {
        case .plain, .listItem: return CellStyle()
        case .header: return CellStyle(foreground: .black, background: .cyan, bold: true)
        case .footer: return CellStyle()
        case .footerKey, .helpKey: return CellStyle(foreground: .cyan, bold: true)
        case .border, .diagram: return CellStyle(foreground: .blue)
        case .listSelected: return CellStyle(bold: true, reverse: true)
        case .title: return CellStyle(foreground: .cyan, bold: true)
        case .keyMessage, .strong, .heading: return CellStyle(bold: true)
        case .link: return CellStyle(foreground: .cyan, underline: true)
        case .linkFocused: return CellStyle(bold: true, underline: true, reverse: true)
        case .source, .muted: return CellStyle(foreground: .green)
        case .callout: return CellStyle(foreground: .yellow, bold: true)
        case .warning: return CellStyle(foreground: .red, bold: true)
        case .tableHeader: return CellStyle(bold: true, underline: true)
        case .match: return CellStyle(bold: true, reverse: true)
        }
    }

    /// White and yellow on black, at least 7:1 everywhere (WCAG AAA), from the 256-colour
    /// palette's fixed values; every role still also differs by attribute or marker.
    public static let highContrast = Theme(name: "high-contrast") { role in
        let black = Color.xterm(16), white = Color.xterm(231), yellow = Color.xterm(226), cyan = Color.xterm(51)
        switch role {
        case .plain, .listItem, .footer, .border, .diagram: return CellStyle(foreground: white, background: black)
        case .source, .muted: return CellStyle(foreground: .xterm(252), background: black)
        case .header, .match: return CellStyle(foreground: black, background: yellow, bold: true)
        case .footerKey, .helpKey, .title, .callout: return CellStyle(foreground: yellow, background: black, bold: true)
        case .listSelected: return CellStyle(foreground: black, background: white, bold: true)
        case .keyMessage, .strong, .heading: return CellStyle(foreground: white, background: black, bold: true)
        case .tableHeader: return CellStyle(foreground: white, background: black, bold: true, underline: true)
        case .link: return CellStyle(foreground: cyan, background: black, underline: true)
        case .linkFocused: return CellStyle(foreground: black, background: cyan, bold: true, underline: true)
        case .warning: return CellStyle(foreground: white, background: .xterm(124), bold: true)
        }
    }

    /// Bold, underline and reverse only.
    public static let monochrome = Theme(name: "monochrome") { standard.style(for: $0).withoutColor }

    /// Every theme, by the name `--theme` takes.
    public static let all = [standard, highContrast, monochrome]

    public static func named(_ name: String) -> Theme? { all.first { $0.name == name } }

    /// Whether the theme asks for any colour at all.
    public var usesColor: Bool {
        Role.allCases.contains { style(for: $0).foreground != .terminalDefault || style(for: $0).background != .terminalDefault }
    }
}
