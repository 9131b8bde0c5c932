#if canImport(Glibc)
import Glibc
#endif

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

    /// The measure for the pack's language: the Flesch-Kincaid grade (lower is easier), or the
    /// Fernández-Huerta index in Spanish (higher is easier).
    public var score: Double { readability.language == .spanish ? readability.fernandezHuerta : grade }

    public var isTooHard: Bool {
        switch readability.language {
        case .english: return level.maximumGrade.map { grade > $0 } ?? false
        case .spanish: return level.minimumFernandezHuerta.map { readability.fernandezHuerta < $0 } ?? false
        }
    }

    /// What is wrong, in the measure of the pack's language; nil when it reads easily enough.
    var problem: String? {
        guard isTooHard else { return nil }
        switch readability.language {
        case .english:
            return "reads at grade \(QualityCheck.format(grade)), above \(QualityCheck.format(level.maximumGrade ?? 0))"
        case .spanish:
            return "reads at Fernández-Huerta \(QualityCheck.format(score)), below "
                + "\(QualityCheck.format(level.minimumFernandezHuerta ?? 0))"
        }
    }
}

/// The quality rules: reading grade per screen, banned phrases anywhere, medical terms
/// linked or defined at first use, and the next review date.
struct QualityCheck {
    let pack: ContentPack
    let rules: LintRules
    let documents: [ContentPack.File: YAMLDocument]
    private var errors: [ContentIssue] = []
    private var warnings: [ContentIssue] = []
    /// The rules' words lower-cased once, not once per text they are looked for in (that
    /// was a quarter of `lint`).
    private let bannedPhrases: [(phrase: String, lower: String)]
    private let medicalTerms: [(term: String, lower: String, names: [String])]
    /// Whose syllable rules and readability measure grade the screens.
    private let language: Readability.Language

    init(pack: ContentPack, rules: LintRules, documents: [ContentPack.File: YAMLDocument]) {
        self.pack = pack
        self.rules = rules
        self.documents = documents
        language = Readability.Language(code: pack.info.language)
        bannedPhrases = rules.bannedPhrases.map { ($0, $0.lowercased()) }
        medicalTerms = rules.medicalTerms.map { term in
            (term, term.lowercased(), ([term] + (pack.glossaryEntry(for: term)?.names ?? [])).map { $0.lowercased() })
        }
    }

    mutating func run(today: CalendarDate?, strict: Bool) -> LintReport {
        var grades: [ScreenGrade] = []
        for (index, topic) in pack.topics.enumerated() {
            let segments = ScreenText.segments(of: topic, at: index, in: pack)
            let readability = Readability(segments.map { InlineMarkup.plainText($0.text) }, language: language)
            grades.append(checkGrade(ScreenGrade(topicID: topic.id, level: topic.level, readability: readability),
                                     .topics, [.index(index)]))
            if topic.level != .reference { checkMedicalTerms(topic, segments) }
        }
        for (index, slide) in (pack.tours?.attract?.slides ?? []).enumerated() {
            // A waiting-room slide is a core screen: anyone may read it.
            grades.append(checkGrade(ScreenGrade(topicID: "attract-slide-\(index + 1)", level: .core,
                                                 readability: Readability([slide.headline, slide.text], language: language)),
                                     .tours, [.key("attract"), .key("slides"), .index(index)]))
        }
        if let guided = pack.tours?.guided {
            grades += gradeGuided(guided)
            checkTeachBack(guided)
        }
        checkBenefitSources()
        checkBannedPhrases()
        if let today { checkReviewDate(today: today, strict: strict) }
        return LintReport(pack: pack, errors: ContentErrors(errors).issues, warnings: warnings, grades: grades)
    }

    // MARK: Rules

    /// The guided session's own screens (its steps show topics, graded above) are core screens.
    private mutating func gradeGuided(_ guided: Guided) -> [ScreenGrade] {
        var grades: [ScreenGrade] = []
        let base: [PathComponent] = [.key("guided")]
        for (index, step) in guided.steps.enumerated() {
            if let callout = step.callout {
                grades.append(checkGrade(ScreenGrade(topicID: "guided-callout-\(index + 1)", level: .core,
                                                     readability: Readability([callout], language: language)),
                                         .tours, base + [.key("steps"), .index(index), .key("callout")]))
            }
            guard !step.checkpoint.isEmpty else { continue }
            let texts = step.checkpoint.flatMap { [$0.ownWords, $0.question].compactMap { $0 } + $0.choices + [$0.again] }
            grades.append(checkGrade(ScreenGrade(topicID: "guided-checkpoint-\(index + 1)", level: .core,
                                                 readability: Readability(texts, language: language)),
                                     .tours, base + [.key("steps"), .index(index), .key("checkpoint")]))
        }
        grades.append(checkGrade(ScreenGrade(topicID: "guided-values", level: .core,
                                             readability: Readability([guided.values.prompt] + guided.values.pairs.flatMap { $0 }, language: language)),
                                 .tours, base + [.key("values")]))
        grades.append(checkGrade(ScreenGrade(topicID: "guided-summary", level: .core,
                                             readability: Readability(guided.summary.points + guided.summary.next
                                                                         + guided.summary.safety, language: language)),
                                 .tours, base + [.key("summary")]))
        return grades
    }

    /// A screen reads no harder than its level allows.
    private mutating func checkGrade(_ grade: ScreenGrade, _ file: ContentPack.File, _ path: [PathComponent]) -> ScreenGrade {
        if let problem = grade.problem {
            errors.append(issue(file, path, "\(grade.topicID): \(problem) for a \(grade.level.rawValue) screen; "
                + "use shorter sentences and words"))
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
                for (term, lower, names) in medicalTerms where !introduced.contains(lower) {
                    guard names.contains(where: { Self.containsPhrase($0, in: text) }) else { continue }
                    errors.append(issue(segment.file, segment.path,
                        "\(topic.id): the medical term '\(term)' is used before it is explained on this screen; "
                        + "link its first use ([[\(term)]]) or add it to the topic's `defines`"))
                    introduced.formUnion(names)
                }
            }
        }
    }

    /// A teach-back check tests the explanation, so its answer must not be guessable from the
    /// wording: no choice uses an absolute word ("always", "never" ...: `absolute_words` in
    /// lint.yaml), and the best answer is not clearly the longest.
    private mutating func checkTeachBack(_ guided: Guided) {
        for (stepIndex, step) in guided.steps.enumerated() {
            for (number, question) in step.checkpoint.enumerated() {
                let path: [PathComponent] = [.key("guided"), .key("steps"), .index(stepIndex), .key("checkpoint"), .index(number)]
                for (choice, text) in question.choices.enumerated() {
                    let lower = text.lowercased()
                    for word in rules.absoluteWords where Self.containsPhrase(word.lowercased(), in: lower) {
                        errors.append(issue(.tours, path + [.key("choices"), .index(choice)],
                            "'\(word)' makes the answer easy to guess (absolute words in lint.yaml); "
                            + "word every choice with the same care"))
                    }
                }
                guard question.choices.indices.contains(question.best) else { continue }
                let best = question.choices[question.best].count
                let others = question.choices.enumerated().filter { $0.offset != question.best }.map(\.element.count)
                if let longest = others.max(), Double(best) > Double(longest) * Self.longestBestAnswer {
                    errors.append(issue(.tours, path + [.key("choices"), .index(question.best)],
                        "the best answer is \(best) characters, more than \(Self.longestBestAnswer) times "
                        + "the longest other choice (\(longest)): the longest choice is easy to guess"))
                }
            }
        }
    }

    /// How much longer than every other choice the best answer of a check may be.
    static let longestBestAnswer = 1.25

    /// A statement of benefit (a block with `evidence:`, an evidence.yaml entry) must rest on
    /// more than consumer pages, clinics' sites or the news.
    private mutating func checkBenefitSources() {
        func check(_ ids: [String], _ file: ContentPack.File, _ path: [PathComponent]) {
            let kinds = ids.compactMap { pack.source($0)?.kind }
            guard !kinds.isEmpty, kinds.allSatisfy({ $0 == .clinicOrNews }) else { return }
            errors.append(issue(file, path, "this benefit claim cites only '\(Source.Kind.clinicOrNews.rawValue)' sources; "
                + "cite a guideline, review, trial, study or drug label"))
        }
        for (index, topic) in pack.topics.enumerated() {
            for (blockIndex, block) in topic.blocks.enumerated() where block.evidence != nil {
                check(block.sources, .topics, [.index(index), .key("blocks"), .index(blockIndex), .key("sources")])
            }
        }
        for (index, entry) in pack.evidence.enumerated() {
            check(entry.sources, .evidence, [.index(index), .key("sources")])
        }
    }

    /// No banned phrase in any text of any file, as a whole word, in any case.
    private mutating func checkBannedPhrases() {
        for (file, document) in documents.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where file != .lint {
            document.forEachScalar { text, line, path in
                let lower = text.lowercased()
                for (phrase, lowerPhrase) in bannedPhrases where Self.containsPhrase(lowerPhrase, in: lower) {
                    errors.append(ContentIssue(file: document.file, line: line,
                                               field: path.fieldName(root: document.rootName),
                                               message: "'\(phrase)' is on the banned list in lint.yaml"))
                }
            }
        }
    }

    private mutating func checkReviewDate(today: CalendarDate, strict: Bool) {
        guard let message = pack.reviewWarning(today: today) else { return }
        let problem = issue(.pack, [.key("next_review")], message)
        if strict { errors.append(problem) } else { warnings.append(problem) }
    }

    // MARK: Helpers

    private func issue(_ file: ContentPack.File, _ path: [PathComponent], _ message: String) -> ContentIssue {
        documents[file]?.issue(at: path, message)
            ?? ContentIssue(file: "\(pack.directory)/\(file.rawValue)", line: 0,
                            field: path.fieldName(root: file.rootName), message: message)
    }

    /// True when `phrase` occurs in `text` with no letter or digit right before or after it
    /// (so "cure" does not match "secure"). Both are lowercased already. Compared as UTF-8
    /// bytes: walking Characters made `lint`, and so every start without a snapshot, take
    /// half a second.
    static func containsPhrase(_ phrase: String, in text: String) -> Bool {
        var phrase = phrase
        var text = text
        return phrase.withUTF8 { needle in
            text.withUTF8 { haystack in
                guard let first = needle.first, needle.count <= haystack.count else { return false }
                let base = haystack.baseAddress!
                var start = 0
                while start + needle.count <= haystack.count {
                    // memchr finds the next candidate far faster than a byte-by-byte loop.
                    guard let found = memchr(base + start, Int32(first), haystack.count - needle.count + 1 - start) else {
                        return false
                    }
                    start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    var matched = true
                    for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched && !isWordScalar(before: start, in: haystack)
                        && !isWordScalar(startingAt: start + needle.count, in: haystack) {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// Whether the character that ends just before byte `index` is a letter or digit.
    private static func isWordScalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordScalar(startingAt: start, in: bytes)
    }

    /// Whether the character that starts at byte `index` is a letter or digit.
    private static func isWordScalar(startingAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < bytes.count else { return false }
        let lead = bytes[index]
        if lead < 0x80 {
            return (lead >= UInt8(ascii: "a") && lead <= UInt8(ascii: "z"))
                || (lead >= UInt8(ascii: "A") && lead <= UInt8(ascii: "Z"))
                || (lead >= UInt8(ascii: "0") && lead <= UInt8(ascii: "9"))
        }
        var decoder = UTF8()
        var iterator = bytes[index...].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func format(_ grade: Double) -> String {
        let tenths = (grade * 10).rounded() / 10
        return "\(tenths)"
    }
}
