/// A run of text in one role.
public struct Span: Equatable, Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .plain) {
        self.text = text
        self.role = role
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
