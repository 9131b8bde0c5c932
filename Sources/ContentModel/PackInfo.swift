/// `pack.yaml`: what the pack is, who made it, and when it was last changed and checked.
public struct PackInfo: Equatable, Sendable, ContentReadable {
    public let title: String
    public let language: String
    public let version: String
    /// When the text last changed (YYYY-MM-DD).
    public let lastUpdated: String
    /// When the named `reviewers` last checked it; only allowed when there are reviewers, so
    /// no screen says "reviewed" of a pack nobody has reviewed.
    public let lastReviewed: String?
    public let nextReview: String
    /// "Name, credentials" of each clinician who checked it; empty: not yet reviewed.
    public let reviewers: [String]
    /// Who wrote it, who paid for it, and what interests are at stake (IPDAS, HONcode).
    public let writtenBy: String
    public let funding: String
    public let conflicts: String
    /// When and why the content is brought up to date.
    public let updatePolicy: String
    public let disclaimer: String
    /// The emergency and crisis numbers alone, as short as they can be said ("Emergency 911.
    /// Crisis 988."): what the smallest screens show when the disclaimer does not fit. Lint
    /// checks that every number in the disclaimer is in it.
    public let safetyLine: String

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["title", "language", "version", "last_updated", "last_reviewed",
                                                   "next_review", "reviewers", "written_by", "funding", "conflicts",
                                                   "update_policy", "disclaimer", "safety_line"])
        title = try reader.required("title", in: fields).text
        language = try reader.required("language", in: fields).text
        version = try reader.required("version", in: fields).text
        lastUpdated = try reader.required("last_updated", in: fields).text
        lastReviewed = try reader.child("last_reviewed", in: fields)?.text
        nextReview = try reader.required("next_review", in: fields).text
        reviewers = try reader.required("reviewers", in: fields).texts
        writtenBy = try reader.required("written_by", in: fields).text
        funding = try reader.required("funding", in: fields).text
        conflicts = try reader.required("conflicts", in: fields).text
        updatePolicy = try reader.required("update_policy", in: fields).text
        disclaimer = try reader.required("disclaimer", in: fields).text
        safetyLine = try reader.required("safety_line", in: fields).text
    }

    /// True once a clinic names who reviewed the pack, and when.
    public var isClinicallyReviewed: Bool { !reviewers.isEmpty && lastReviewed != nil }
}
