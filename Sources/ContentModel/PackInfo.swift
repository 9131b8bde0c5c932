/// `pack.yaml`: what the pack is and when it was checked.
public struct PackInfo: Equatable, Sendable, ContentReadable {
    public let title: String
    public let language: String
    public let version: String
    public let lastReviewed: String
    public let nextReview: String
    public let reviewers: [String]
    public let disclaimer: String

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["title", "language", "version", "last_reviewed", "next_review",
                                                   "reviewers", "disclaimer"])
        title = try reader.required("title", in: fields).text
        language = try reader.required("language", in: fields).text
        version = try reader.required("version", in: fields).text
        lastReviewed = try reader.required("last_reviewed", in: fields).text
        nextReview = try reader.required("next_review", in: fields).text
        reviewers = try reader.required("reviewers", in: fields).texts
        disclaimer = try reader.required("disclaimer", in: fields).text
    }

    /// True until a clinic names who reviewed the pack.
    public var isClinicallyReviewed: Bool { !reviewers.isEmpty }
}
