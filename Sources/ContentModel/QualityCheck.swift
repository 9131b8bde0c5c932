/// What `lint` found beyond the schema.
public struct LintReport: Sendable {
    /// The pack, when it loaded.
    public let pack: ContentPack?
    /// Problems that fail `lint` (exit 1).
    public let errors: [ContentIssue]
    /// Problems that only warn (the review date, unless --strict).
    public let warnings: [ContentIssue]
    /// Each graded screen's reading level, in panel order.
    public let grades: [ScreenGrade]
}

/// One screen's reading level.
public struct ScreenGrade: Equatable, Sendable {
    public let topicID: String
    public let level: Topic.Level
    public let readability: Readability

    public var grade: Double { readability.grade }
    public var isTooHard: Bool { level.maximumGrade.map { grade > $0 } ?? false }
}

/// The quality rules: reading grade per screen, banned phrases anywhere, medical terms
/// linked or defined at first use, and the next review date.
struct QualityCheck {
    let pack: ContentPack
    let rules: LintRules
    let documents: [ContentPack.File: YAMLDocument]
    private var errors: [ContentIssue] = []
    private var warnings: [ContentIssue] = []

    init(pack: ContentPack, rules: LintRules, documents: [ContentPack.File: YAMLDocument]) {
        self.pack = pack
        self.rules = rules
        self.documents = documents
    }

    mutating func run(today: CalendarDate?, strict: Bool) -> LintReport {
        var grades: [ScreenGrade] = []
        for (index, topic) in pack.topics.enumerated() {
            let segments = ScreenText.segments(of: topic, at: index, in: pack)
            let readability = Readability(segments.map { InlineMarkup.plainText($0.text) })
            grades.append(checkGrade(ScreenGrade(topicID: topic.id, level: topic.level, readability: readability),
                                     .topics, [.index(index)]))
            if topic.level != .reference { checkMedicalTerms(topic, segments) }
        }
        for (index, slide) in (pack.tours?.attract?.slides ?? []).enumerated() {
            // A waiting-room slide is a core screen: anyone may read it.
            grades.append(checkGrade(ScreenGrade(topicID: "attract-slide-\(index + 1)", level: .core,
                                                 readability: Readability([slide.headline, slide.text])),
                                     .tours, [.key("attract"), .key("slides"), .index(index)]))
        }
        if let guided = pack.tours?.guided { grades += gradeGuided(guided) }
        checkBannedPhrases()
        if let today { checkReviewDate(today: today, strict: strict) }
        return LintReport(pack: pack, errors: ContentErrors(errors).issues, warnings: warnings, grades: grades)
    }

    // MARK: Rules

    /// The guided session's own screens (its steps show topics, graded above) are core screens.
    private mutating func gradeGuided(_ guided: Guided) -> [ScreenGrade] {
        var grades: [ScreenGrade] = []
        let base: [PathComponent] = [.key("guided")]
        for (index, step) in guided.steps.enumerated() where !step.checkpoint.isEmpty {
            let texts = step.checkpoint.flatMap { [$0.question] + $0.choices + [$0.again] }
            grades.append(checkGrade(ScreenGrade(topicID: "guided-checkpoint-\(index + 1)", level: .core,
                                                 readability: Readability(texts)),
                                     .tours, base + [.key("steps"), .index(index), .key("checkpoint")]))
        }
        grades.append(checkGrade(ScreenGrade(topicID: "guided-values", level: .core,
                                             readability: Readability([guided.values.prompt] + guided.values.pairs.flatMap { $0 })),
                                 .tours, base + [.key("values")]))
        grades.append(checkGrade(ScreenGrade(topicID: "guided-summary", level: .core,
                                             readability: Readability(guided.summary.points + guided.summary.next)),
                                 .tours, base + [.key("summary")]))
        return grades
    }

    /// A screen reads no harder than its level allows.
    private mutating func checkGrade(_ grade: ScreenGrade, _ file: ContentPack.File, _ path: [PathComponent]) -> ScreenGrade {
        if grade.isTooHard, let maximum = grade.level.maximumGrade {
            errors.append(issue(file, path, "\(grade.topicID): reads at grade \(Self.format(grade.grade)), above "
                + "\(Self.format(maximum)) for a \(grade.level.rawValue) screen; use shorter sentences and words"))
        }
        return grade
    }

    /// Every medical term's first use on a screen links to the glossary, unless the screen
    /// says it defines the term itself.
    private mutating func checkMedicalTerms(_ topic: Topic, _ segments: [ScreenText.Segment]) {
        var introduced = Set(topic.defines.map { $0.lowercased() })
        for segment in segments where segment.countsForTerms {
            let runs = (try? InlineMarkup.parse(segment.text)) ?? []
            for run in runs {
                if case .term(let term)? = run.link, let entry = pack.glossaryEntry(for: term) {
                    introduced.formUnion(entry.names.map { $0.lowercased() })
                    continue
                }
                guard run.link == nil else { continue }
                let text = run.text.lowercased()
                for term in rules.medicalTerms where !introduced.contains(term.lowercased()) {
                    let names = [term] + (pack.glossaryEntry(for: term)?.names ?? [])
                    guard names.contains(where: { Self.containsPhrase($0.lowercased(), in: text) }) else { continue }
                    errors.append(issue(segment.file, segment.path,
                        "\(topic.id): the medical term '\(term)' is used before it is explained on this screen; "
                        + "link its first use ([[\(term)]]) or add it to the topic's `defines`"))
                    introduced.formUnion(names.map { $0.lowercased() })
                }
            }
        }
    }

    /// No banned phrase in any text of any file, as a whole word, in any case.
    private mutating func checkBannedPhrases() {
        for (file, document) in documents.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where file != .lint {
            document.forEachScalar { text, line, path in
                let lower = text.lowercased()
                for phrase in rules.bannedPhrases where Self.containsPhrase(phrase.lowercased(), in: lower) {
                    errors.append(ContentIssue(file: document.file, line: line,
                                               field: path.fieldName(root: document.rootName),
                                               message: "'\(phrase)' is on the banned list in lint.yaml"))
                }
            }
        }
    }

    private mutating func checkReviewDate(today: CalendarDate, strict: Bool) {
        guard let next = CalendarDate(pack.info.nextReview), next < today else { return }
        let problem = issue(.pack, [.key("next_review")],
                            "the content was due for review on \(next) (today is \(today)); have a clinician review it")
        if strict { errors.append(problem) } else { warnings.append(problem) }
    }

    // MARK: Helpers

    private func issue(_ file: ContentPack.File, _ path: [PathComponent], _ message: String) -> ContentIssue {
        documents[file]?.issue(at: path, message)
            ?? ContentIssue(file: "\(pack.directory)/\(file.rawValue)", line: 0,
                            field: path.fieldName(root: file.rootName), message: message)
    }

    /// True when `phrase` occurs in `text` with no letter or digit right before or after it
    /// (so "cure" does not match "secure"). Both are lowercased already.
    static func containsPhrase(_ phrase: String, in text: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        var searchStart = text.startIndex
        while let range = text.range(ofPhrase: phrase, from: searchStart) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    static func format(_ grade: Double) -> String {
        let tenths = (grade * 10).rounded() / 10
        return "\(tenths)"
    }
}

extension String {
    /// The first occurrence of `phrase` at or after `start`, compared character by character.
    fileprivate func range(ofPhrase phrase: String, from start: Index) -> Range<Index>? {
        var index = start
        while index < endIndex {
            if self[index...].hasPrefix(phrase) {
                return index..<(self.index(index, offsetBy: phrase.count, limitedBy: endIndex) ?? endIndex)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
