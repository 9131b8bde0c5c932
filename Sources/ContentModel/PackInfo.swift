/// `pack.yaml`: what the pack is and when it was checked.
public struct PackInfo: Decodable, Equatable, Sendable {
    public let title: String
    public let language: String
    public let version: String
    public let lastReviewed: String
    public let nextReview: String
    public let reviewers: [String]
    public let disclaimer: String

    enum CodingKeys: String, CodingKey {
        case title, language, version, reviewers, disclaimer
        case lastReviewed = "last_reviewed"
        case nextReview = "next_review"
    }

    /// True until a clinic names who reviewed the pack.
    public var isClinicallyReviewed: Bool { !reviewers.isEmpty }
}
