/// `lint.yaml`: what `ketamine-explorer lint` checks beyond the schema. Only `lint` reads it;
/// the explorer itself does not need it to start.
public struct LintRules: Equatable, Sendable, ContentReadable {
    /// Never allowed in any text, in any case, as whole words.
    public let bannedPhrases: [String]
    /// Where one appears on a panel, its first use must link to the glossary, or the panel
    /// must say it `defines` the term.
    public let medicalTerms: [String]
    /// Words that give away a teach-back choice ("always", "never"): no choice may use one.
    public let absoluteWords: [String]

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["banned_phrases", "medical_terms", "absolute_words"])
        bannedPhrases = try reader.required("banned_phrases", in: fields).texts
        medicalTerms = try reader.required("medical_terms", in: fields).texts
        absoluteWords = try reader.child("absolute_words", in: fields)?.texts ?? []
    }
}
