/// One symptom or one cause: a short name, a plain description, and its sources.
public struct ListEntry: Decodable, Equatable, Sendable {
    public let id: String
    public let name: String
    public let description: String
    public let sources: [String]
}
