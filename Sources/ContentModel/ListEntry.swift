/// One symptom or one cause: a short name, a plain description, and its sources.
public struct ListEntry: Equatable, Sendable, ContentReadable {
    public let id: String
    public let name: String
    public let description: String
    public let sources: [String]

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["id", "name", "description", "sources"])
        id = try reader.required("id", in: fields).text
        name = try reader.required("name", in: fields).text
        description = try reader.required("description", in: fields).text
        sources = try reader.required("sources", in: fields).texts
    }
}
