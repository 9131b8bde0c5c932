/// The words of the program itself in the pack's language, from its `ui.yaml`: one text per
/// `UIText`, each with exactly the {placeholders} English's has.
public struct UIStrings: Equatable, Sendable {
    /// In `UIText` case order.
    let texts: [String]

    init(texts: [String]) {
        self.texts = texts
    }

    public subscript(_ text: UIText) -> String { texts[text.rawValue] }

    /// The text with each {name} replaced by its value.
    ///
    /// Character by character, with no ranges of String.Index and no Substring `+=`: on the
    /// first frame those made the runtime check generic requirements by scanning every
    /// protocol conformance in the binary (0.9 million instructions and 1 MiB of peak memory
    /// over `make test`'s budgets).
    public func callAsFunction(_ text: UIText, _ values: KeyValuePairs<String, String>) -> String {
        Self.fill(texts[text.rawValue]) { name in
            var value = "{" + name + "}"
            for pair in values where pair.key == name { value = pair.value }
            return value
        }
    }

    /// `template` with each {name} replaced by `value(name)`: the one reading of the
    /// placeholder syntax, for filling texts in and for checking them.
    static func fill(_ template: String, _ value: (String) -> String) -> String {
        var result = ""
        var name = ""
        var inName = false
        for character in template {
            if inName {
                if character == "}" {
                    result.append(value(name))
                    name = ""
                    inName = false
                } else {
                    name.append(character)
                }
            } else if character == "{" {
                inName = true
            } else {
                result.append(character)
            }
        }
        if inName { result.append("{" + name) }
        return result
    }


    /// A count the search shows: the number, or "100 or more" at the list's limit.
    public func searchCount(_ count: Int) -> String {
        count >= SearchIndex.listLimit ? self(.searchOrMore, ["count": "\(SearchIndex.listLimit)"]) : "\(count)"
    }

    /// `label` (a key as the keymap names it, "PgDn Space") in this language: the space bar's
    /// name is a word; the others are printed on the keys.
    public func keys(_ label: String) -> String {
        // Word by word, by hand: `String.contains(String)` and `split` are generic, and on the
        // first frame they cost the runtime a scan of every protocol conformance (0.6 million
        // instructions, `make test`'s budgets).
        var result = ""
        var word = ""
        for character in label + " " {
            guard character == " " else { word.append(character); continue }
            if !result.isEmpty { result.append(" ") }
            result.append(word == "Space" ? self[.keySpace] : word)
            word = ""
        }
        return result
    }
}

extension UIStrings: ContentReadable {
    /// Every id once, each a text with exactly its placeholders; an unknown id is refused, as a
    /// misspelt one would otherwise leave its text out.
    init(from reader: NodeReader) throws(ContentIssue) {
        guard case .mapping(let pairs) = reader.node.value else { throw reader.problem("expected a mapping (id: text lines)") }
        var index = [String: Int](minimumCapacity: UIText.ids.count)
        for (number, id) in UIText.ids.enumerated() { index[id] = number }
        var texts = [String?](repeating: nil, count: UIText.ids.count)
        for pair in pairs {
            let field = NodeReader(document: reader.document, node: pair.value, path: reader.path + [.key(pair.key)])
            guard let number = index[pair.key] else {
                throw field.problem("unknown id '\(pair.key)' (the ids are those of en/ui.yaml)")
            }
            guard texts[number] == nil else { throw field.problem("this id appears twice") }
            let text = try field.text
            guard text.contains(where: { !$0.isWhitespace }) else { throw field.problem("this text is empty") }
            let expected = UIText.placeholders[number]
            let found = Self.placeholders(in: text)
            guard found.allSatisfy(expected.contains), expected.allSatisfy(found.contains) else {
                let wanted = expected.isEmpty ? "none" : expected.map { "{\($0)}" }.joined(separator: ", ")
                throw field.problem("the placeholders must be exactly those of English: \(wanted)")
            }
            texts[number] = text
        }
        if let missing = texts.firstIndex(where: { $0 == nil }) {
            let more = texts.count { $0 == nil } - 1
            throw reader.problem("'\(UIText.ids[missing])' is missing" + (more > 0 ? " (and \(more) more ids)" : ""))
        }
        self.texts = texts.map { $0 ?? "" }
    }

    /// The {name}s in `text`.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        _ = fill(text) { name in
            names.append(name)
            return ""
        }
        return names
    }

}

/// The pack's facts in its own words: what every renderer (screen, `show`, exports, the
/// handout) says about versions, reviews and sources.
extension ContentPack {
    /// The line every printed copy carries: the version, and "last reviewed" only when someone did.
    public var statusLine: String {
        if info.isClinicallyReviewed, let lastReviewed = info.lastReviewed {
            return ui(.statusReviewed, ["version": info.version, "date": lastReviewed,
                                        "reviewers": info.reviewers.joined(separator: "; ")])
        }
        return ui(.statusNotReviewed, ["version": info.version, "date": info.lastUpdated])
    }

    /// "2019", or "n.d., accessed 2026" for an undated page.
    public func dateLabel(_ source: Source) -> String {
        switch (source.year, source.accessed) {
        case (let year?, nil): return "\(year)"
        case (let year?, let accessed?): return ui(.sourceAccessed, ["year": "\(year)", "accessed": "\(accessed)"])
        case (nil, let accessed?): return ui(.sourceUndatedAccessed, ["accessed": "\(accessed)"])
        case (nil, nil): return ui[.sourceUndated]
        }
    }

    /// How the sources list names a kind of source ("Systematic review").
    public func label(_ kind: Source.Kind) -> String {
        switch kind {
        case .guideline: ui[.sourceKindGuideline]
        case .systematicReview: ui[.sourceKindSystematicReview]
        case .trial: ui[.sourceKindTrial]
        case .study: ui[.sourceKindStudy]
        case .review: ui[.sourceKindReview]
        case .drugLabel: ui[.sourceKindDrugLabel]
        case .agency: ui[.sourceKindAgency]
        case .textbook: ui[.sourceKindTextbook]
        case .clinicOrNews: ui[.sourceKindClinicOrNews]
        }
    }

    /// How strong the evidence is, in the screen's plain words ("very uncertain").
    public func label(_ strength: EvidenceStrength) -> String {
        switch strength {
        case .moderate: ui[.evidenceModerate]
        case .weak: ui[.evidenceWeak]
        case .veryUncertain: ui[.evidenceVeryUncertain]
        }
    }
}
