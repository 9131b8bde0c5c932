/// `comparison.yaml`: ketamine and opioids side by side, row by row.
public struct Comparison: Equatable, Sendable, ContentReadable {
    public let columns: Columns
    public let rows: [Row]

    public struct Columns: Equatable, Sendable, ContentReadable {
        public let ketamine: String
        public let opioids: String

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["ketamine", "opioids"])
            ketamine = try reader.required("ketamine", in: fields).text
            opioids = try reader.required("opioids", in: fields).text
        }
    }

    public struct Row: Equatable, Sendable, ContentReadable {
        public let id: String
        public let label: String
        public let ketamine: String
        public let opioids: String
        public let sources: [String]

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["id", "label", "ketamine", "opioids", "sources"])
            id = try reader.required("id", in: fields).text
            label = try reader.required("label", in: fields).text
            ketamine = try reader.required("ketamine", in: fields).text
            opioids = try reader.required("opioids", in: fields).text
            sources = try reader.required("sources", in: fields).texts
        }
    }

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["columns", "rows"])
        columns = try Columns(from: reader.required("columns", in: fields))
        rows = try reader.required("rows", in: fields).list(of: Row.self)
    }
}
