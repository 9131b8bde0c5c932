import ContentModel
import Testing

/// The pack the product ships must load, and must hold what the foundation promises.
@Suite struct ShippedPackTests {
    let pack: ContentPack

    init() throws { pack = try RepositoryPath.loadShippedPack() }

    @Test func hasEveryPanelInOrder() {
        #expect(pack.topics.map(\.id) == ["overview", "options", "symptoms", "causes", "how-ketamine-works",
                                          "ketamine-vs-opioids", "treatment", "drip-visit", "risks", "evidence",
                                          "living-with-pain", "stories", "questions", "glossary", "sources", "about"])
    }

    @Test func coversEveryConditionWithAStrengthLabel() {
        #expect(pack.evidence.map(\.id).contains("crps"))
        #expect(pack.evidence.count >= 5)
        #expect(pack.evidence.first { $0.id == "crps" }?.strength == .moderate)
    }

    @Test func storiesAreLabelledAndOneDidNotBenefit() throws {
        let stories = try #require(pack.topics.first { $0.id == "stories" })
        let tones = stories.blocks.compactMap { block -> Block.Tone? in
            if case .callout(_, let tone) = block.kind { return tone }
            return nil
        }
        #expect(tones.filter { $0 == .story }.count >= 2)
        #expect(stories.blocks.allSatisfy { $0.evidence == nil })
    }

    @Test func passesLintWithoutErrors() {
        let report = ContentPack.lint(from: RepositoryPath.shippedPack, today: nil)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.grades.allSatisfy { !$0.isTooHard })
    }

    @Test func coversEverySymptomAndCauseTheSeedLists() {
        #expect(pack.symptoms.count == 14)
        #expect(pack.causes.count == 8)
    }

    @Test func carriesTheSafetyLine() {
        #expect(pack.info.disclaimer == "Education, not medical advice. Emergency: 911. Crisis: call or text 988.")
    }

    @Test func everyComparisonRowAndListEntryCitesARealSource() {
        let cited = pack.comparison.rows.flatMap(\.sources) + pack.symptoms.flatMap(\.sources) + pack.causes.flatMap(\.sources)
        #expect(!cited.isEmpty)
        #expect(cited.allSatisfy { pack.sourceNumber($0) != nil })
    }

    @Test func isMarkedNotYetReviewedUntilAClinicSignsIt() {
        #expect(!pack.info.isClinicallyReviewed)
    }

    // MARK: A decision aid (IPDAS) that a reader of FACTS.md and the 2026-12 review would sign

    private func topic(_ id: String) throws -> Topic {
        try #require(pack.topicIndex(of: id).map { pack.topics[$0] }, "no panel '\(id)'")
    }

    /// Every piece of text a patient can read on a panel, as plain text.
    private func text(_ topic: Topic) -> String {
        ([topic.message] + topic.blocks.flatMap(\.texts)).map(InlineMarkup.plainText).joined(separator: " ")
    }

    @Test func opensWithTheDecisionAndSetsTheOptionsSideBySide() throws {
        #expect(text(try topic("overview")).contains("deciding whether to try ketamine"))
        let options = try #require(pack.topics.first { $0.id.contains("options") })
        #expect(options.level == .core)
        let headings = options.blocks.compactMap { block -> String? in
            if case .heading(let text) = block.kind { return text }
            return nil
        }
        // Keeping current care first among at least four options, ketamine one of them.
        let choices = headings.filter { $0 != "What happens without ketamine" && $0 != "What to do next" }
        #expect(choices.count >= 4, "\(headings)")
        #expect(choices.first?.lowercased().contains("current care") == true)
        #expect(choices.contains { $0.lowercased().contains("ketamine") })
    }

    @Test func givesBenefitsAndHarmsAsNaturalFrequenciesWithAnIconArray() {
        let arrays = pack.topics.flatMap(\.blocks).compactMap { block -> (arrays: [Block.IconArray], alt: String)? in
            if case .icons(let arrays, let alt) = block.kind { return (arrays, alt) }
            return nil
        }
        #expect(!arrays.isEmpty)
        for (groups, alt) in arrays {
            for group in groups { #expect(alt.contains("\(group.filled) in 100"), "the text alternative says \(group.filled) in 100") }
        }
        // Never relative terms alone.
        let all = pack.topics.map(text).joined(separator: " ").lowercased() + pack.evidence.map(\.bottomLine).joined()
            + pack.comparison.rows.flatMap { [$0.ketamine, $0.opioids] }.joined()
        for relative in ["twice as", "times as likely", "times more", "half as likely", "% more"] {
            #expect(!all.lowercased().contains(relative), "'\(relative)' is a relative term")
        }
    }

    @Test func saysPlainlyWhoShouldNotHaveKetamine() throws {
        let risks = text(try topic("risks")).lowercased()
        for phrase in ["not recommended if you are pregnant", "breastfeeding", "psychosis", "severe liver disease",
                       "heart disease or high blood pressure that is not well controlled", "drug or alcohol problem now",
                       "allergic to ketamine"] {
            #expect(risks.contains(phrase), "risks does not say '\(phrase)'")
        }
        #expect(risks.contains("call 911") && risks.contains("chest pain") && risks.contains("pee often"))
    }

    @Test func saysItIsNotAFirstTreatmentAndNotApprovedForDepression() throws {
        for id in ["overview", "treatment"] { #expect(text(try topic(id)).contains("not a first treatment"), "\(id)") }
        let overview = text(try topic("overview"))
        #expect(overview.contains("esketamine (Spravato)") && overview.contains("not approved for pain"))
        #expect(pack.tours?.guided?.summary.points.contains { $0.contains("only after other care") } == true)
    }

    @Test func describesWhatADripIsLikeBeforeDuringAndAfter() throws {
        let visit = try topic("drip-visit")
        let headings = visit.blocks.compactMap { block -> String? in
            if case .heading(let text) = block.kind { return text }
            return nil
        }
        #expect(headings == ["Before you start", "During the drip", "After the drip"])
        let words = text(visit)
        for phrase in ["ride home", "time off work", "how you will know if it is working", "Do not drive",
                       "alcohol"] {
            #expect(words.contains(phrase), "the drip panel does not say '\(phrase)'")
        }
    }

    @Test func everySourceSaysWhatItIsAndNoWeakAnonymousPageIsLeft() {
        #expect(pack.sources.allSatisfy { !$0.citation.contains("GK") })
        #expect(!pack.sources.contains { ($0.url ?? "").contains("ketaminenightmares") })
        // The kinds a reader needs to weigh them: a guideline, a systematic review, a trial and the label at least.
        let kinds = Set(pack.sources.map(\.kind))
        for kind in [Source.Kind.guideline, .systematicReview, .trial, .drugLabel] { #expect(kinds.contains(kind)) }
        // Every source is cited somewhere: no list padding.
        let cited = Set(pack.topics.flatMap { pack.sourceIDs(citedBy: $0) })
            .union(pack.tours?.attract?.slides.flatMap(\.sources) ?? [])
            .union(pack.tours?.guided?.summary.sources ?? [])
        for source in pack.sources { #expect(cited.contains(source.id), "\(source.id) is never cited") }
    }

    @Test func theAboutPanelStatesAuthorshipFundingAndConflicts() {
        for statement in [pack.info.writtenBy, pack.info.funding, pack.info.conflicts, pack.info.updatePolicy] {
            #expect(!statement.isEmpty)
        }
        #expect(pack.info.conflicts.contains("not to sell"))
        #expect(pack.info.lastReviewed == nil, "no 'last reviewed' while reviewers is empty")
    }

    @Test func theGuidedSessionChecksOpioidsAndWhoShouldNotHaveItAndShowsTheCrisisLine() throws {
        let guided = try #require(pack.tours?.guided)
        let checks = guided.steps.flatMap(\.checkpoint)
        let best = checks.map { $0.choices[$0.best].lowercased() }
        // Not stopping opioids (plain words: "strong pain medicine") on one's own.
        #expect(checks.contains { $0.again.contains("on your own") && $0.again.contains("not a proven replacement") })
        #expect(best.contains { $0.contains("care team") })
        #expect(checks.contains { $0.question.lowercased().contains("tell your care team") || $0.question.lowercased().contains("not safe") || $0.question.lowercased().contains("should not") })
        #expect(checks.allSatisfy { $0.ownWords != nil }, "every check starts with an own-words prompt")
        let symptoms = try #require(guided.steps.first { $0.show == .symptoms })
        #expect(symptoms.callout?.contains("988") == true)
        #expect(guided.summary.safety.contains { $0.contains("911") })
        #expect(guided.summary.safety.contains { $0.lowercased().contains("drive") })
    }

    @Test func theKioskSlidesStateABenefitAsWellAsTheLimits() throws {
        let slides = try #require(pack.tours?.attract?.slides)
        #expect(slides.contains { $0.text.lowercased().contains("relief") && $0.text.lowercased().contains("some studies") })
        #expect(slides.contains { $0.text.contains("67 studies of ketamine and drugs like it") })
    }
}

/// Search forgives the slips patients make typing medical words.
@Suite struct SpellingTests {
    @Test func oneSlipIsAMissingAddedChangedOrSwappedLetter() {
        func slip(_ a: String, _ b: String) -> Bool { SearchIndex.oneSlipApart(Array(a.utf8), Array(b.utf8)) }
        #expect(slip("opiod", "opioid") && slip("opioiid", "opioid") && slip("opiaid", "opioid") && slip("opioid", "opoiid"))
        #expect(slip("ketamnie", "ketamine"))
        #expect(!slip("opioid", "opioid") && !slip("opd", "opioid") && !slip("abcd", "dcba"))
    }

    @Test func aMisspeltWordFindsTheWordMeantInTheShippedPack() throws {
        let pack = try ContentPack.load(from: RepositoryPath.shippedPack)
        let index = SearchIndex(pack: pack)
        #expect(index.search("opiod").isEmpty)
        #expect(index.spelling(near: "opiod") == "opioid")
        #expect(index.spelling(near: "ketamnie") == "ketamine")
        #expect(index.spelling(near: "fibromyalga") == "fibromyalgia")
        #expect(!index.search("ketamin").isEmpty, "a word cut short is found as it is")
        #expect(index.spelling(near: "xyzzyq") == nil && index.spelling(near: "opi") == nil)
    }
}
