/// A translated pack checked against English's (`lint` on a pack whose language is not `en`,
/// with English beside it in `../en`): the same panels with the same ids in the same order,
/// each block of the same kind with the same sources and evidence, the same glossary
/// entries (by place and sources), lists, table rows, evidence entries, pictures, attract
/// slides and guided steps with their checks. The words differ; what they rest on may not.
struct PackParity {
    let pack: ContentPack
    let english: ContentPack
    let documents: [ContentPack.File: YAMLDocument]
    private(set) var issues: [ContentIssue] = []

    init(pack: ContentPack, english: ContentPack, documents: [ContentPack.File: YAMLDocument]) {
        self.pack = pack
        self.english = english
        self.documents = documents
    }

    mutating func run() -> [ContentIssue] {
        checkIDs(pack.sources.map(\.id), english.sources.map(\.id), .sources, "sources")
        checkCount(pack.glossary.count, english.glossary.count, .glossary, [], "glossary entries")
        for (index, (entry, reference)) in zip(pack.glossary, english.glossary).enumerated() {
            checkSources(entry.sources, reference.sources, .glossary, [.index(index), .key("sources")])
        }
        checkTopics()
        checkEntries(pack.symptoms, english.symptoms, .symptoms)
        checkEntries(pack.causes, english.causes, .causes)
        checkIDs(pack.comparison.rows.map(\.id), english.comparison.rows.map(\.id), .comparison, "rows", path: [.key("rows")])
        for (index, (row, reference)) in zip(pack.comparison.rows, english.comparison.rows).enumerated() {
            checkSources(row.sources, reference.sources, .comparison, [.key("rows"), .index(index), .key("sources")])
        }
        checkIDs(pack.evidence.map(\.id), english.evidence.map(\.id), .evidence, "entries")
        for (index, (entry, reference)) in zip(pack.evidence, english.evidence).enumerated() {
            if entry.strength != reference.strength {
                report(.evidence, [.index(index), .key("strength")], "English says '\(reference.strength.rawValue)' here")
            }
            checkSources(entry.sources, reference.sources, .evidence, [.index(index), .key("sources")])
        }
        checkMechanism()
        checkTours()
        return issues
    }

    private mutating func checkTopics() {
        checkIDs(pack.topics.map(\.id), english.topics.map(\.id), .topics, "panels")
        for (index, (topic, reference)) in zip(pack.topics, english.topics).enumerated() where topic.id == reference.id {
            let path: [PathComponent] = [.index(index)]
            if topic.level != reference.level {
                report(.topics, path + [.key("level")], "English's panel '\(topic.id)' is '\(reference.level.rawValue)'")
            }
            checkCount(topic.blocks.count, reference.blocks.count, .topics, path + [.key("blocks")], "blocks")
            for (number, (block, other)) in zip(topic.blocks, reference.blocks).enumerated() {
                let blockPath = path + [.key("blocks"), .index(number)]
                let (kind, englishKind) = (Self.kindName(block.kind), Self.kindName(other.kind))
                guard kind == englishKind else {
                    report(.topics, blockPath, "block \(number + 1) is \(englishKind) in English, \(kind) here")
                    continue
                }
                checkSources(block.sources, other.sources, .topics, blockPath + [.key("sources")])
                if block.evidence != other.evidence {
                    report(.topics, blockPath, "English gives this block the evidence '\(other.evidence?.rawValue ?? "none")'")
                }
            }
        }
    }

    /// A block's kind as a sentence says it, with what must match inside it (a callout's
    /// tone, an include's list, how many bullets or icon arrays).
    private static func kindName(_ kind: Block.Kind) -> String {
        switch kind {
        case .paragraph: return "a paragraph"
        case .heading: return "a heading"
        case .bullets(let items): return "a list of \(items.count)"
        case .callout(_, let tone): return "a callout (\(tone.rawValue))"
        case .include(let list): return "the \(list.rawValue) list"
        case .icons(let arrays, _): return "\(arrays.count) icon arrays (\(arrays.map { "\($0.filled)" }.joined(separator: ", ")) in 100)"
        }
    }

    private mutating func checkEntries(_ entries: [ListEntry], _ reference: [ListEntry], _ file: ContentPack.File) {
        checkIDs(entries.map(\.id), reference.map(\.id), file, "entries")
        for (index, (entry, other)) in zip(entries, reference).enumerated() {
            checkSources(entry.sources, other.sources, file, [.index(index), .key("sources")])
        }
    }

    private mutating func checkMechanism() {
        switch (pack.mechanism, english.mechanism) {
        case (nil, nil): break
        case (let mechanism?, let reference?):
            checkCount(mechanism.frames.count, reference.frames.count, .mechanism, [.key("frames")], "pictures")
            checkSources(mechanism.sources, reference.sources, .mechanism, [.key("sources")])
        case (nil, _?): report(.pack, [], "English has mechanism.yaml; this pack has none")
        case (_?, nil): report(.mechanism, [], "English has no mechanism.yaml")
        }
    }

    private mutating func checkTours() {
        let slides = pack.tours?.attract?.slides ?? [], englishSlides = english.tours?.attract?.slides ?? []
        checkCount(slides.count, englishSlides.count, .tours, [.key("attract"), .key("slides")], "attract slides")
        for (index, (slide, other)) in zip(slides, englishSlides).enumerated() {
            checkSources(slide.sources, other.sources, .tours, [.key("attract"), .key("slides"), .index(index), .key("sources")])
        }
        guard let guided = pack.tours?.guided, let reference = english.tours?.guided else {
            if (pack.tours?.guided == nil) != (english.tours?.guided == nil) {
                report(.tours, [], "English \(english.tours?.guided == nil ? "has no" : "has a") guided session")
            }
            return
        }
        let stepsPath: [PathComponent] = [.key("guided"), .key("steps")]
        checkCount(guided.steps.count, reference.steps.count, .tours, stepsPath, "guided steps")
        for (index, (step, other)) in zip(guided.steps, reference.steps).enumerated() {
            let path = stepsPath + [.index(index)]
            if step.topic != other.topic || step.show != other.show {
                report(.tours, path, "English's step \(index + 1) shows \(other.topic ?? other.show?.rawValue ?? "nothing")")
            }
            checkCount(step.sections.count, other.sections.count, .tours, path + [.key("sections")], "sections")
            checkCount(step.notes.count, other.notes.count, .tours, path + [.key("notes")], "notes")
            checkCount(step.checkpoint.count, other.checkpoint.count, .tours, path + [.key("checkpoint")], "check questions")
            for (number, (question, englishQuestion)) in zip(step.checkpoint, other.checkpoint).enumerated() {
                let questionPath = path + [.key("checkpoint"), .index(number)]
                checkCount(question.choices.count, englishQuestion.choices.count, .tours, questionPath + [.key("choices")], "choices")
                if question.best != englishQuestion.best {
                    report(.tours, questionPath + [.key("best")], "English's best answer is choice \(englishQuestion.best + 1)")
                }
                if (question.ownWords == nil) != (englishQuestion.ownWords == nil) {
                    report(.tours, questionPath, "English \(englishQuestion.ownWords == nil ? "has no" : "has an") own_words prompt")
                }
            }
        }
        checkCount(guided.values.pairs.count, reference.values.pairs.count, .tours, [.key("guided"), .key("values"), .key("pairs")], "pairs")
        let summary: [PathComponent] = [.key("guided"), .key("summary")]
        checkCount(guided.summary.points.count, reference.summary.points.count, .tours, summary + [.key("points")], "points")
        checkCount(guided.summary.next.count, reference.summary.next.count, .tours, summary + [.key("next")], "next steps")
        checkCount(guided.summary.safety.count, reference.summary.safety.count, .tours, summary + [.key("safety")], "safety lines")
        checkSources(guided.summary.sources, reference.summary.sources, .tours, summary + [.key("sources")])
    }

    // MARK: Reporting

    private mutating func checkIDs(_ ids: [String], _ reference: [String], _ file: ContentPack.File, _ what: String,
                                   path: [PathComponent] = []) {
        guard ids != reference else { return }
        if let index = zip(ids, reference).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            report(file, path + [.index(index)], "English has '\(reference[index])' here (the same \(what), in the same order)")
        } else {
            checkCount(ids.count, reference.count, file, path, what)
        }
    }

    private mutating func checkCount(_ count: Int, _ reference: Int, _ file: ContentPack.File, _ path: [PathComponent],
                                     _ what: String) {
        if count != reference { report(file, path, "English has \(reference) \(what) here; this pack has \(count)") }
    }

    private mutating func checkSources(_ sources: [String], _ reference: [String], _ file: ContentPack.File,
                                       _ path: [PathComponent]) {
        if sources != reference { report(file, path, "English cites [\(reference.joined(separator: ", "))] here") }
    }

    private mutating func report(_ file: ContentPack.File, _ path: [PathComponent], _ message: String) {
        if let document = documents[file] {
            issues.append(document.issue(at: path, message))
        } else {
            issues.append(ContentIssue(file: "\(pack.directory)/\(file.rawValue)", line: 0,
                                       field: path.fieldName(root: file.rootName), message: message))
        }
    }
}
