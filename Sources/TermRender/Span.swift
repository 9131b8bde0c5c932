/// A run of text in one role. `tag` is the caller's: the explorer numbers links with it, so a
/// link that wraps onto two lines is still one link.
public struct Span: Equatable, Hashable, Sendable {
    public var text: String
    public var role: Role
    public var tag: Int?

    public init(_ text: String, _ role: Role = .plain, tag: Int? = nil) {
        self.text = text
        self.role = role
        self.tag = tag
    }
}

/// One screen line of styled text.
public typealias StyledLine = [Span]

extension Array where Element == Span {
    /// Display width of the whole line.
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }

    /// The line's text without roles.
    public var plainText: String { map(\.text).joined() }
}
