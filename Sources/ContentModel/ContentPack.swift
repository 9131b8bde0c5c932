import TermRender

/// A whole content pack, loaded and validated. Immutable: the explorer never changes it.
public struct ContentPack: Equatable, Sendable {
    /// The files a pack is made of, with the name each one's root has in field paths.
    public enum File: String, CaseIterable, Sendable {
        case pack = "pack.yaml"
        case sources = "sources.yaml"
        case glossary = "glossary.yaml"
        case topics = "topics.yaml"
        case symptoms = "symptoms.yaml"
        case causes = "causes.yaml"
        case comparison = "comparison.yaml"
        case evidence = "evidence.yaml"
        /// Optional: the animated picture of how ketamine works.
        case mechanism = "mechanism.yaml"
        /// Optional: the kiosk's attract loop; `--kiosk` needs it.
        case tours = "tours.yaml"
        /// The program's own words in the pack's language.
        case ui = "ui.yaml"
        /// Optional, read by speech only: how the voice says numbers and abbreviations.
        case speech = "speech.yaml"
        /// Read by `lint` only.
        case lint = "lint.yaml"

        var rootName: String { String(rawValue.prefix { $0 != "." }) }
    }

    public let directory: String
    public let info: PackInfo
    public let sources: [Source]
    public let glossary: [GlossaryEntry]
    public let topics: [Topic]
    public let symptoms: [ListEntry]
    public let causes: [ListEntry]
    public let comparison: Comparison
    public let evidence: [EvidenceEntry]
    /// The animated picture, if the pack has `mechanism.yaml`.
    public let mechanism: Mechanism?
    /// The attract loop, if the pack has `tours.yaml`.
    public let tours: Tours?
    /// The program's own words (titles, footers, help, prompts) in the pack's language.
    public let ui: UIStrings
    /// The clinic's own details, when it has a `clinic.yaml`: never part of the pack's files.
    public private(set) var clinic: ClinicInfo?

    private let sourceNumbers: [String: Int]
    private let glossaryIndex: [String: Int]
    private let topicIndex: [String: Int]

    init(directory: String, info: PackInfo, sources: [Source], glossary: [GlossaryEntry], topics: [Topic],
         symptoms: [ListEntry], causes: [ListEntry], comparison: Comparison, evidence: [EvidenceEntry],
         mechanism: Mechanism?, tours: Tours?, ui: UIStrings) {
        self.directory = directory
        self.ui = ui
        self.info = info
        self.sources = sources
        self.glossary = glossary
        self.topics = topics
        self.symptoms = symptoms
        self.causes = causes
        self.comparison = comparison
        self.evidence = evidence
        self.mechanism = mechanism
        self.tours = tours
        // Sized up front: growing a dictionary rehashes every key at each doubling, which
        // was a twentieth of start-up.
        var numbers = [String: Int](minimumCapacity: sources.count)
        for (index, source) in sources.enumerated() where numbers[source.id] == nil { numbers[source.id] = index + 1 }
        sourceNumbers = numbers
        var terms = [String: Int](minimumCapacity: glossary.reduce(0) { $0 + $1.names.count })
        for (index, entry) in glossary.enumerated() {
            for name in entry.names {
                let key = Self.termKey(name)
                if terms[key] == nil { terms[key] = index }
            }
        }
        glossaryIndex = terms
        var topicsByID = [String: Int](minimumCapacity: topics.count)
        for (index, topic) in topics.enumerated() where topicsByID[topic.id] == nil { topicsByID[topic.id] = index }
        topicIndex = topicsByID
    }

    /// Reads every file of the pack in `directory` and checks it as `lint` does (schema,
    /// references, reading grades, banned phrases, medical terms): a pack with an error is
    /// never shown to a patient. Throws every problem found, each naming its file, line and
    /// field. A passed review date does not stop it (`reviewWarning`).
    public static func load(from directory: String) throws(ContentErrors) -> ContentPack {
        let report = lint(from: directory, today: nil)
        guard let pack = report.pack, report.errors.isEmpty else { throw ContentErrors(report.errors) }
        return pack
    }

    /// The same pack showing `clinic`'s details where its panels include them.
    public func with(clinic: ClinicInfo?) -> ContentPack {
        var copy = self
        copy.clinic = clinic
        return copy
    }

    /// The kiosk's slides: the pack's attract loop, then one with the clinic's details when
    /// it has set them up.
    public var attractSlides: [Tours.Slide] {
        var slides = tours?.attract?.slides ?? []
        if let clinic { slides.append(Tours.Slide(clinic: clinic)) }
        return slides
    }

    /// What `lint` warns about without failing (an error with `--strict`): the review date,
    /// once it has passed. The content is still shown.
    public func reviewWarning(today: CalendarDate) -> String? {
        guard let next = CalendarDate(info.nextReview), next < today else { return nil }
        return "the content was due for review on \(next) (today is \(today)); have a clinician review it"
    }

    /// The pack from its snapshot when `directory/pack.snapshot` matches the files and
    /// `program` (see `PackSnapshot`), else read and checked from the YAML as `load(from:)` does.
    public static func load(from directory: String, program: [UInt8]) throws(ContentErrors) -> ContentPack {
        if let pack = PackSnapshot.load(directory: directory, program: program) { return pack }
        return try load(from: directory)
    }

    /// Loads the pack and checks its quality: reading grades, banned phrases, medical terms
    /// and the review date, as `ketamine-explorer lint` does.
    public static func lint(from directory: String, today: CalendarDate?, strict: Bool = false) -> LintReport {
        var loader = PackLoader(directory: directory)
        return loader.lint(today: today, strict: strict)
    }

    /// The number a source is shown with ("Sources: 1, 3"), from 1.
    public func sourceNumber(_ id: String) -> Int? { sourceNumbers[id] }

    public func source(_ id: String) -> Source? { sourceNumbers[id].map { sources[$0 - 1] } }

    /// The glossary as a reader looks a word up: in alphabetical order of its terms, ignoring
    /// case and accents (the file keeps whatever order its editors like).
    public var glossaryInAlphabeticalOrder: [GlossaryEntry] {
        func key(_ term: String) -> String { term.lowercased().map(ASCIIFallback.text(for:)).joined() }
        return glossary.map { (key($0.term), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The glossary entry a `[[term]]` link points to, ignoring case.
    public func glossaryEntry(for term: String) -> GlossaryEntry? {
        glossaryIndex[Self.termKey(term)].map { glossary[$0] }
    }

    public func topicIndex(of id: String) -> Int? { topicIndex[id] }

    /// The ids of every source a topic cites, its included lists' too, in source-number order.
    public func sourceIDs(citedBy topic: Topic) -> [String] {
        var ids: [String] = []
        for block in topic.blocks {
            ids += block.sources
            if case .include(let include) = block.kind {
                switch include {
                case .symptoms: ids += symptoms.flatMap(\.sources)
                case .causes: ids += causes.flatMap(\.sources)
                case .comparison: ids += comparison.rows.flatMap(\.sources)
                case .evidence: ids += evidence.flatMap(\.sources)
                case .mechanism: ids += mechanism?.sources ?? []
                case .glossary: ids += glossary.flatMap(\.sources)
                case .sources, .about, .clinic: break
                }
            }
        }
        return Set(ids).compactMap { id in sourceNumber(id).map { (id, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The questions a patient can pick from in a guided session: every bullet of the topic
    /// at `index`, in order, as plain text.
    public func questionList(topic index: Int) -> [String] {
        guard topics.indices.contains(index) else { return [] }
        return topics[index].blocks.flatMap { block -> [String] in
            if case .bullets(let items) = block.kind { return items.map(InlineMarkup.plainText) }
            return []
        }
    }

    static func termKey(_ term: String) -> String { term.lowercased() }
}
