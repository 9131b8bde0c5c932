/// A medical term and its plain definition. `[[term]]` in any text links here.
public struct GlossaryEntry: Equatable, Sendable, ContentReadable {
    public let term: String
    public let aliases: [String]
    public let definition: String
    public let sources: [String]

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["term", "aliases", "definition", "sources"])
        term = try reader.required("term", in: fields).text
        aliases = try reader.child("aliases", in: fields)?.texts ?? []
        definition = try reader.required("definition", in: fields).text
        sources = try reader.child("sources", in: fields)?.texts ?? []
    }

    /// Every spelling that links to this entry.
    public var names: [String] { [term] + aliases }
}
