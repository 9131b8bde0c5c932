/// A medical term and its plain definition. `[[term]]` in any text links here.
public struct GlossaryEntry: Decodable, Equatable, Sendable {
    public let term: String
    public let aliases: [String]
    public let definition: String
    public let sources: [String]

    enum CodingKeys: String, CodingKey { case term, aliases, definition, sources }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        term = try container.decode(String.self, forKey: .term)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        definition = try container.decode(String.self, forKey: .definition)
        sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
    }

    /// Every spelling that links to this entry.
    public var names: [String] { [term] + aliases }
}
