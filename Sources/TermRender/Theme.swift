/// A terminal colour. `terminalDefault` keeps the user's own foreground or background.
public enum Color: Equatable, Hashable, Sendable {
    case terminalDefault
    case black, red, green, yellow, blue, magenta, cyan, white

    /// The curses colour number (-1 for the terminal's default).
    public var cursesNumber: Int16 {
        switch self {
        case .terminalDefault: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        }
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

    /// Bold, underline and reverse only.
    public static let monochrome = Theme(name: "monochrome") { standard.style(for: $0).withoutColor }
}
