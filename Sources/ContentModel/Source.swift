/// A reference that factual text cites. Its number on screen is its place in `sources.yaml`.
public struct Source: Decodable, Equatable, Sendable {
    public let id: String
    public let citation: String
    public let year: Int
    public let url: String?
    public let note: String?
}
