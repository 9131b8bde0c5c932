/// What a cell means. Views say what a thing is; a `Theme` decides how it looks, so colour
/// never carries meaning on its own and a monochrome theme still tells roles apart.
public enum Role: UInt8, CaseIterable, Sendable {
    case plain
    case header
    case footer
    case footerKey
    case border
    case listItem
    case listSelected
    case title
    case keyMessage
    case heading
    case strong
    case link
    case linkFocused
    case source
    case muted
    case callout
    case warning
    case tableHeader
    case helpKey
    /// Words a search found.
    case match
    /// A picture drawn with box characters.
    case diagram
}
