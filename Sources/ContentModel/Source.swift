/// A reference that factual text cites. Its number on screen is its place in `sources.yaml`.
public struct Source: Equatable, Sendable, ContentReadable {
    public let id: String
    public let citation: String
    public let year: Int
    public let url: String?
    public let note: String?

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["id", "citation", "year", "url", "note"])
        id = try reader.required("id", in: fields).text
        citation = try reader.required("citation", in: fields).text
        year = try reader.required("year", in: fields).wholeNumber
        url = try reader.child("url", in: fields)?.text
        note = try reader.child("note", in: fields)?.text
    }
}
