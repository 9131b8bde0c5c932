/// One terminal cell: the grapheme drawn there and its role. A wide grapheme occupies its
/// own cell plus a continuation cell whose text is empty.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role

    public init(text: String = " ", role: Role = .plain) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell()

    public var isContinuation: Bool { text.isEmpty }
}
