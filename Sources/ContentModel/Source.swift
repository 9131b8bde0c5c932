/// A reference that factual text cites. Its number on screen is its place in `sources.yaml`.
public struct Source: Equatable, Sendable, ContentReadable {
    /// What sort of work a source is, shown beside it so a reader can weigh it. A benefit
    /// claim may not rest on `clinicOrNews` alone (`lint`).
    public enum Kind: String, ContentWord, Sendable {
        case guideline
        case systematicReview = "systematic review"
        case trial
        /// Observational studies, case series, laboratory and animal studies.
        case study
        /// A narrative review.
        case review
        case drugLabel = "drug label"
        /// A government body: FDA, CDC, DEA, HHS.
        case agency
        case textbook
        /// Consumer health pages, clinics' sites, encyclopedias, magazines, explainers.
        case clinicOrNews = "clinic or news"
    }

    public let id: String
    public let kind: Kind
    public let citation: String
    /// The year it was published, when it says; nil for an undated page.
    public let year: Int?
    /// For an undated page or a label, the year it was read for this pack.
    public let accessed: Int?
    public let url: String?
    /// False while some point the pack rests on it has not been checked against it; patients
    /// see that it is marked.
    public let checked: Bool
    /// For the pack's editors and reviewers only: never shown to patients (screen, `show`,
    /// exports, handout). `lint --notes` prints them.
    public let reviewerNote: String?

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["id", "kind", "citation", "year", "accessed", "url", "checked",
                                                   "reviewer_note"])
        id = try reader.required("id", in: fields).text
        kind = try reader.required("kind", in: fields).word(Kind.self)
        citation = try reader.required("citation", in: fields).text
        year = try reader.child("year", in: fields)?.wholeNumber
        accessed = try reader.child("accessed", in: fields)?.wholeNumber
        if year == nil && accessed == nil {
            throw reader.problem("give `year:` (when it was published) or, for an undated page, `accessed:` (when it was read)")
        }
        url = try reader.child("url", in: fields)?.text
        checked = try reader.child("checked", in: fields)?.flag ?? true
        reviewerNote = try reader.child("reviewer_note", in: fields)?.text
    }
}
