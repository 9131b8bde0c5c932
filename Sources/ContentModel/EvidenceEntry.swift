/// `evidence.yaml`: how strong the evidence is for one condition, in plain words.
public struct EvidenceEntry: Equatable, Sendable, ContentReadable {
    public let id: String
    public let condition: String
    public let strength: EvidenceStrength
    public let duration: String
    public let bottomLine: String
    public let sources: [String]

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["id", "condition", "strength", "duration", "bottom_line", "sources"])
        id = try reader.required("id", in: fields).text
        condition = try reader.required("condition", in: fields).text
        strength = try reader.required("strength", in: fields).word(EvidenceStrength.self)
        duration = try reader.required("duration", in: fields).text
        bottomLine = try reader.required("bottom_line", in: fields).text
        sources = try reader.required("sources", in: fields).texts
    }
}
