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

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", bullet: "•", pointer: "▸", ellipsis: "…", middleDot: "·")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", bullet: "*", pointer: ">", ellipsis: "...", middleDot: "-")
}
