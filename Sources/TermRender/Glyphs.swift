/// The characters used for borders and markers. UTF-8 terminals get box drawing; anything
/// else gets plain ASCII that means the same.
public struct Glyphs: Equatable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var bullet: String
    public var pointer: String
    public var ellipsis: String
    public var middleDot: String
    /// An icon array's marks: one person affected, one not. Different shapes, so colour never
    /// carries the meaning.
    public var iconFilled: String
    public var iconEmpty: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", bullet: "•", pointer: "▸", ellipsis: "…", middleDot: "·",
        iconFilled: "●", iconEmpty: "○")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", bullet: "*", pointer: ">", ellipsis: "...", middleDot: "-",
        iconFilled: "#", iconEmpty: ".")
}
