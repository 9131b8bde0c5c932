import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// Loads the files of a pack, then checks everything decoding alone cannot: ids, references,
/// links, dates and forbidden characters. Collects every problem rather than stopping at the
/// first, so one `lint` run shows the whole list.
struct PackLoader {
    let directory: String
    private var issues: [ContentIssue] = []
    private(set) var documents: [ContentPack.File: YAMLDocument] = [:]

    init(directory: String) {
        self.directory = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
    }

    mutating func load() throws(ContentErrors) -> ContentPack {
        let info = read(.pack) { reader throws(ContentIssue) in try PackInfo(from: reader) }
        let sources = read(.sources) { reader throws(ContentIssue) in try reader.list(of: Source.self) }
        let glossary = read(.glossary) { reader throws(ContentIssue) in try reader.list(of: GlossaryEntry.self) }
        let topics = read(.topics) { reader throws(ContentIssue) in try reader.list(of: Topic.self) }
        let symptoms = read(.symptoms) { reader throws(ContentIssue) in try reader.list(of: ListEntry.self) }
        let causes = read(.causes) { reader throws(ContentIssue) in try reader.list(of: ListEntry.self) }
        let comparison = read(.comparison) { reader throws(ContentIssue) in try Comparison(from: reader) }
        let evidence = read(.evidence) { reader throws(ContentIssue) in try reader.list(of: EvidenceEntry.self) }
        let mechanism = exists(.mechanism) ? read(.mechanism) { reader throws(ContentIssue) in try Mechanism(from: reader) } : nil
        let tours = exists(.tours) ? read(.tours) { reader throws(ContentIssue) in try Tours(from: reader) } : nil
        let ui = read(.ui) { reader throws(ContentIssue) in try UIStrings(from: reader) }
        guard let info, let sources, let glossary, let topics, let symptoms, let causes, let comparison,
              let evidence, let ui else {
            throw ContentErrors(issues)
        }
        let pack = ContentPack(directory: directory, info: info, sources: sources, glossary: glossary,
                               topics: topics, symptoms: symptoms, causes: causes, comparison: comparison,
                               evidence: evidence, mechanism: mechanism, tours: tours, ui: ui)
        validate(pack)
        guard issues.isEmpty else { throw ContentErrors(issues) }
        return pack
    }

    /// Loads the pack as `load` does, then applies the quality rules of `lint.yaml`.
    mutating func lint(today: CalendarDate?, strict: Bool) -> LintReport {
        let pack: ContentPack
        do {
            pack = try load()
        } catch {
            return LintReport(pack: nil, errors: error.issues, warnings: [], grades: [])
        }
        guard let rules = read(.lint, { reader throws(ContentIssue) in try LintRules(from: reader) }) else {
            return LintReport(pack: pack, errors: ContentErrors(issues).issues, warnings: [], grades: [])
        }
        var linter = QualityCheck(pack: pack, rules: rules, documents: documents)
        let report = linter.run(today: today, strict: strict)
        var problems = translationProblems(pack)
        do {
            _ = try SpeechLexicon.load(directory: directory)
        } catch {
            problems += error.issues
        }
        guard !problems.isEmpty else { return report }
        return LintReport(pack: pack, errors: report.errors + problems, warnings: report.warnings, grades: report.grades)
    }

    /// A pack in another language than English, with English beside it (`../en`), has
    /// English's structure (`PackParity`). English that does not load is a problem too: the
    /// translation cannot be checked against it.
    private func translationProblems(_ pack: ContentPack) -> [ContentIssue] {
        guard pack.info.language != "en" else { return [] }
        let parent = directory.lastIndex(of: "/").map { String(directory[..<$0]) } ?? "."
        let englishDirectory = (parent.isEmpty ? "" : parent) + "/en"
        guard access(englishDirectory, F_OK) == 0 else { return [] }
        do {
            let english = try ContentPack.load(from: englishDirectory)
            var parity = PackParity(pack: pack, english: english, documents: documents)
            return parity.run()
        } catch {
            return [ContentIssue(file: englishDirectory, line: 0, field: "",
                                 message: "English beside this pack has problems, so it cannot be checked against it: lint it first")]
        }
    }

    // MARK: Reading

    private mutating func read<T>(_ file: ContentPack.File,
                                  _ body: (NodeReader) throws(ContentIssue) -> T) -> T? {
        do {
            let document = try YAMLDocument.load(path: "\(directory)/\(file.rawValue)", rootName: file.rootName, limit: FileBytes.contentLimit)
            documents[file] = document
            issues += document.controlCharacterIssues()
            return try body(document.reader)
        } catch {
            issues.append(error)
            return nil
        }
    }

    /// Whether an optional file is there at all (a file that is there but unreadable is an error).
    private func exists(_ file: ContentPack.File) -> Bool {
        access("\(directory)/\(file.rawValue)", F_OK) == 0
    }

    // MARK: Validation

    private mutating func validate(_ pack: ContentPack) {
        validateInfo(pack.info)
        checkIDs(pack.sources.map(\.id), in: .sources) { [.index($0), .key("id")] }
        checkIDs(pack.topics.map(\.id), in: .topics) { [.index($0), .key("id")] }
        checkIDs(pack.symptoms.map(\.id), in: .symptoms) { [.index($0), .key("id")] }
        checkIDs(pack.causes.map(\.id), in: .causes) { [.index($0), .key("id")] }
        checkIDs(pack.comparison.rows.map(\.id), in: .comparison) { [.key("rows"), .index($0), .key("id")] }
        validateGlossary(pack)
        validateTopics(pack)
        for (file, entries) in [(ContentPack.File.symptoms, pack.symptoms), (.causes, pack.causes)] {
            for (index, entry) in entries.enumerated() {
                let path: [PathComponent] = [.index(index)]
                checkText(entry.name, pack, file, path + [.key("name")])
                checkText(entry.description, pack, file, path + [.key("description")])
                checkSources(entry.sources, pack, file, path + [.key("sources")], required: true)
            }
        }
        for (index, row) in pack.comparison.rows.enumerated() {
            let path: [PathComponent] = [.key("rows"), .index(index)]
            checkText(row.label, pack, .comparison, path + [.key("label")])
            checkText(row.ketamine, pack, .comparison, path + [.key("ketamine")])
            checkText(row.opioids, pack, .comparison, path + [.key("opioids")])
            checkSources(row.sources, pack, .comparison, path + [.key("sources")], required: true)
        }
        checkText(pack.comparison.columns.ketamine, pack, .comparison, [.key("columns"), .key("ketamine")])
        checkText(pack.comparison.columns.opioids, pack, .comparison, [.key("columns"), .key("opioids")])
        if pack.comparison.rows.isEmpty { report(.comparison, [.key("rows")], "the table has no rows") }
        checkIDs(pack.evidence.map(\.id), in: .evidence) { [.index($0), .key("id")] }
        for (index, entry) in pack.evidence.enumerated() {
            let path: [PathComponent] = [.index(index)]
            checkText(entry.condition, pack, .evidence, path + [.key("condition")])
            checkText(entry.duration, pack, .evidence, path + [.key("duration")])
            checkText(entry.bottomLine, pack, .evidence, path + [.key("bottom_line")])
            checkSources(entry.sources, pack, .evidence, path + [.key("sources")], required: true)
        }
        validateMechanism(pack)
        if let tours = pack.tours { validateTours(tours, pack) }
        for (index, source) in pack.sources.enumerated() {
            if source.citation.trimmingSpaces.isEmpty {
                report(.sources, [.index(index), .key("citation")], "the citation is empty")
            }
            for (key, year) in [("year", source.year), ("accessed", source.accessed)] {
                if let year, !(1800...2200).contains(year) {
                    report(.sources, [.index(index), .key(key)], "\(year) is not a plausible year")
                }
            }
        }
    }

    /// The runs of digits in `text` ("911", "988").
    private static func numbers(in text: String) -> [String] {
        text.split { !$0.isASCII || !$0.isNumber }.map(String.init)
    }

    private mutating func validateInfo(_ info: PackInfo) {
        for (key, value) in [("title", info.title), ("language", info.language), ("version", info.version),
                             ("written_by", info.writtenBy), ("funding", info.funding), ("conflicts", info.conflicts),
                             ("update_policy", info.updatePolicy), ("disclaimer", info.disclaimer),
                             ("safety_line", info.safetyLine)]
            where value.trimmingSpaces.isEmpty {
            report(.pack, [.key(key)], "this field is empty")
        }
        // The short line stands in for the disclaimer on the smallest screens: it must carry
        // every number the disclaimer gives, and fit the narrowest screen, 40 columns.
        for number in Self.numbers(in: info.disclaimer) where !Self.numbers(in: info.safetyLine).contains(number) {
            report(.pack, [.key("safety_line")], "it does not give \(number), which the disclaimer gives")
        }
        if DisplayWidth.of(info.safetyLine) > 38 {
            report(.pack, [.key("safety_line")], "it is \(DisplayWidth.of(info.safetyLine)) columns; at most 38 fit a 40-column screen")
        }
        func date(_ key: String, _ text: String?) -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(text) else {
                report(.pack, [.key(key)], "'\(text)' is not a date written YYYY-MM-DD")
                return nil
            }
            return date
        }
        let updated = date("last_updated", info.lastUpdated)
        let reviewed = date("last_reviewed", info.lastReviewed)
        let next = date("next_review", info.nextReview)
        if info.lastReviewed != nil && info.reviewers.isEmpty {
            report(.pack, [.key("last_reviewed")], "no one is named under `reviewers`, so nothing may say the content "
                   + "was reviewed: remove `last_reviewed`, or name the clinicians who reviewed it")
        }
        if !info.reviewers.isEmpty && info.lastReviewed == nil {
            report(.pack, [.key("reviewers")], "say when they reviewed it: add `last_reviewed: YYYY-MM-DD`")
        }
        if let next, let latest = [updated, reviewed].compactMap({ $0 }).max(), next <= latest {
            report(.pack, [.key("next_review")], "the next review must come after the last update or review (\(latest))")
        }
    }

    private mutating func validateGlossary(_ pack: ContentPack) {
        var seen: [String: String] = [:]
        for (index, entry) in pack.glossary.enumerated() {
            for (nameIndex, name) in entry.names.enumerated() {
                let path: [PathComponent] = nameIndex == 0 ? [.index(index), .key("term")]
                    : [.index(index), .key("aliases"), .index(nameIndex - 1)]
                let key = ContentPack.termKey(name)
                if name.trimmingSpaces.isEmpty {
                    report(.glossary, path, "the term is empty")
                } else if let other = seen[key] {
                    report(.glossary, path, "'\(name)' is already defined (by '\(other)')")
                } else {
                    seen[key] = entry.term
                }
            }
            checkText(entry.definition, pack, .glossary, [.index(index), .key("definition")])
            checkSources(entry.sources, pack, .glossary, [.index(index), .key("sources")], required: false)
        }
    }

    private mutating func validateTopics(_ pack: ContentPack) {
        if pack.topics.isEmpty { report(.topics, [], "the pack has no topics") }
        for (index, topic) in pack.topics.enumerated() {
            let path: [PathComponent] = [.index(index)]
            checkText(topic.title, pack, .topics, path + [.key("title")])
            checkText(topic.message, pack, .topics, path + [.key("message")])
            checkText(topic.menu, pack, .topics, path + [.key("menu")])
            for (field, text) in [("title", topic.title), ("menu", topic.menu)] where Self.hasMarkup(text, orBreaks: false) {
                report(.topics, path + [.key(field)], "titles and menu names are shown as plain text: remove the markup")
            }
            if DisplayWidth.of(topic.menu) > Self.menuWidth {
                report(.topics, path + [.key("menu")],
                       "'\(topic.menu)' is longer than \(Self.menuWidth) columns; give the topic a shorter `menu` name")
            }
            if topic.blocks.isEmpty { report(.topics, path + [.key("blocks")], "the topic has no blocks") }
            for (blockIndex, block) in topic.blocks.enumerated() {
                let blockPath = path + [.key("blocks"), .index(blockIndex)]
                switch block.kind {
                case .paragraph(let text): checkText(text, pack, .topics, blockPath + [.key("paragraph")])
                case .heading(let text): checkText(text, pack, .topics, blockPath + [.key("heading")])
                case .callout(let text, let tone):
                    checkText(text, pack, .topics, blockPath + [.key("callout")])
                    if tone == .story && block.evidence != nil {
                        report(.topics, blockPath + [.key("evidence")],
                               "a story is an illustration, never evidence: remove `evidence`")
                    }
                case .bullets(let items):
                    if items.isEmpty { report(.topics, blockPath + [.key("bullets")], "the list is empty") }
                    for (itemIndex, item) in items.enumerated() {
                        checkText(item, pack, .topics, blockPath + [.key("bullets"), .index(itemIndex)])
                    }
                case .icons(let arrays, let alt):
                    for (arrayIndex, array) in arrays.enumerated() {
                        let labelPath = blockPath + [.key("icons"), .index(arrayIndex), .key("label")]
                        checkPlainText(array.label, pack, .topics, labelPath)
                        if DisplayWidth.of(array.label) > Block.IconArray.maximumLabel {
                            report(.topics, labelPath, "the label is longer than \(Block.IconArray.maximumLabel) "
                                   + "columns; it is drawn above its icon array")
                        }
                    }
                    checkPlainText(alt, pack, .topics, blockPath + [.key("alt")])
                case .include:
                    break
                }
                checkSources(block.sources, pack, .topics, blockPath + [.key("sources")], required: block.requiresSources)
            }
        }
    }

    private mutating func validateMechanism(_ pack: ContentPack) {
        let includes = pack.topics.enumerated().flatMap { index, topic in
            topic.blocks.enumerated().filter { $0.element.kind == .include(.mechanism) }.map { (index, $0.offset) }
        }
        guard let mechanism = pack.mechanism else {
            for (topic, block) in includes {
                report(.topics, [.index(topic), .key("blocks"), .index(block), .key("include")],
                       "`include: mechanism` needs the file mechanism.yaml, which this pack does not have")
            }
            return
        }
        if !Mechanism.secondsPerFrameRange.contains(mechanism.secondsPerFrame) {
            report(.mechanism, [.key("seconds_per_frame")],
                   "\(mechanism.secondsPerFrame) is outside \(Mechanism.secondsPerFrameRange.lowerBound) to "
                   + "\(Mechanism.secondsPerFrameRange.upperBound): pictures must not change faster than once a second")
        }
        checkSources(mechanism.sources, pack, .mechanism, [.key("sources")], required: true)
        if !Mechanism.frameCountRange.contains(mechanism.frames.count) {
            report(.mechanism, [.key("frames")], "there are \(mechanism.frames.count) frames; give "
                   + "\(Mechanism.frameCountRange.lowerBound) to \(Mechanism.frameCountRange.upperBound)")
        }
        for (index, frame) in mechanism.frames.enumerated() {
            let path: [PathComponent] = [.key("frames"), .index(index)]
            checkPlainText(frame.caption, pack, .mechanism, path + [.key("caption")])
            if frame.picture.isEmpty { report(.mechanism, path + [.key("picture")], "the picture is empty") }
            if frame.picture.count > Mechanism.maximumHeight {
                report(.mechanism, path + [.key("picture")],
                       "the picture has \(frame.picture.count) lines; at most \(Mechanism.maximumHeight) fit on one screen")
            }
            for (number, line) in frame.picture.enumerated() where DisplayWidth.of(line) > Mechanism.maximumWidth {
                // A `|` block starts on the line after its key: name the picture's own line.
                report(.mechanism, path + [.key("picture")],
                       "line \(number + 1) of the picture is \(DisplayWidth.of(line)) columns wide; at most "
                       + "\(Mechanism.maximumWidth) fit beside the panel list", linesBelow: number + 1)
            }
        }
    }

    private mutating func validateTours(_ tours: Tours, _ pack: ContentPack) {
        if let attract = tours.attract { validateAttract(attract, pack) }
        if let guided = tours.guided { validateGuided(guided, pack) }
    }

    private mutating func validateAttract(_ attract: Tours.Attract, _ pack: ContentPack) {
        let base: [PathComponent] = [.key("attract")]
        checkPlainText(attract.prompt, pack, .tours, base + [.key("prompt")])
        if attract.slides.count < Tours.minimumSlides {
            report(.tours, base + [.key("slides")], "there are \(attract.slides.count) slides; the attract loop needs "
                   + "at least \(Tours.minimumSlides)")
        }
        for (index, slide) in attract.slides.enumerated() {
            let path = base + [.key("slides"), .index(index)]
            checkPlainText(slide.headline, pack, .tours, path + [.key("headline")])
            if DisplayWidth.of(slide.headline) > Tours.maximumHeadline {
                report(.tours, path + [.key("headline")], "the headline is \(DisplayWidth.of(slide.headline)) columns; "
                       + "at most \(Tours.maximumHeadline) fit when it is drawn large")
            }
            checkPlainText(slide.text, pack, .tours, path + [.key("text")])
            checkSources(slide.sources, pack, .tours, path + [.key("sources")], required: true)
        }
    }

    private mutating func validateGuided(_ guided: Guided, _ pack: ContentPack) {
        let base: [PathComponent] = [.key("guided")]
        if guided.steps.isEmpty { report(.tours, base + [.key("steps")], "the session has no steps") }
        for (index, step) in guided.steps.enumerated() {
            let path = base + [.key("steps"), .index(index)]
            checkPlainText(step.title, pack, .tours, path + [.key("title")])
            if DisplayWidth.of(step.title) > Guided.maximumTitle {
                report(.tours, path + [.key("title")], "the title is longer than \(Guided.maximumTitle) columns")
            }
            if let topic = step.topic, pack.topicIndex(of: topic) == nil {
                report(.tours, path + [.key("topic")], "unknown topic id '\(topic)' (not in topics.yaml)")
            }
            if !step.sections.isEmpty {
                if step.topic == nil || step.show != nil {
                    report(.tours, path + [.key("sections")], "`sections` picks parts of the step's `topic:`; "
                           + "it goes with `topic:` and no `show:`")
                } else if let topic = step.topic.flatMap(pack.topicIndex(of:)).map({ pack.topics[$0] }) {
                    let headings = topic.headings
                    for (number, section) in step.sections.enumerated() where !headings.contains(section) {
                        report(.tours, path + [.key("sections"), .index(number)], "'\(section)' is not a heading of the "
                               + "topic '\(topic.id)' (its headings: \(headings.joined(separator: "; ")))")
                    }
                }
            }
            if let callout = step.callout {
                checkPlainText(callout, pack, .tours, path + [.key("callout")])
                if step.show == nil {
                    report(.tours, path + [.key("callout")], "a step's `callout` is shown on a `show:` screen; a topic "
                           + "step shows the topic's own callouts")
                }
            }
            switch step.show {
            case nil where step.topic == nil:
                report(.tours, path, "a step shows a `topic:` or a screen (`show: symptoms`, `values`, `questions` or `summary`)")
            case .questions? where step.topic == nil:
                report(.tours, path + [.key("topic")], "`show: questions` needs `topic:`, the topic whose bullet lists are the questions")
            default:
                break
            }
            if step.notes.isEmpty { report(.tours, path + [.key("notes")], "give the clinician at least one talking point") }
            for (note, text) in step.notes.enumerated() {
                checkPlainText(text, pack, .tours, path + [.key("notes"), .index(note)])
            }
            if step.checkpoint.count > Guided.maximumQuestions {
                report(.tours, path + [.key("checkpoint")], "\(step.checkpoint.count) questions; a checkpoint has at most "
                       + "\(Guided.maximumQuestions)")
            }
            for (number, question) in step.checkpoint.enumerated() {
                let questionPath = path + [.key("checkpoint"), .index(number)]
                checkPlainText(question.question, pack, .tours, questionPath + [.key("question")])
                if let ownWords = question.ownWords {
                    checkPlainText(ownWords, pack, .tours, questionPath + [.key("own_words")])
                }
                checkPlainText(question.again, pack, .tours, questionPath + [.key("again")])
                if !(2...4).contains(question.choices.count) {
                    report(.tours, questionPath + [.key("choices")], "give 2 to 4 choices")
                }
                for (choice, text) in question.choices.enumerated() {
                    checkPlainText(text, pack, .tours, questionPath + [.key("choices"), .index(choice)])
                }
                if !question.choices.indices.contains(question.best) {
                    report(.tours, questionPath + [.key("best")],
                           "\(question.best + 1) is not a choice; count the choices from 1")
                }
            }
        }
        checkPlainText(guided.values.prompt, pack, .tours, base + [.key("values"), .key("prompt")])
        for (index, pair) in guided.values.pairs.enumerated() {
            for (side, text) in pair.enumerated() {
                checkPlainText(text, pack, .tours, base + [.key("values"), .key("pairs"), .index(index), .index(side)])
            }
        }
        if !(3...5).contains(guided.summary.points.count) {
            report(.tours, base + [.key("summary"), .key("points")], "give 3 to 5 key points")
        }
        if !(2...6).contains(guided.summary.safety.count) {
            report(.tours, base + [.key("summary"), .key("safety")],
                   "give 2 to 6 lines: the warning signs and whom to call, and the after-care rules")
        }
        for (key, texts) in [("points", guided.summary.points), ("next", guided.summary.next),
                             ("safety", guided.summary.safety)] {
            for (index, text) in texts.enumerated() {
                checkPlainText(text, pack, .tours, base + [.key("summary"), .key(key), .index(index)])
            }
        }
        checkSources(guided.summary.sources, pack, .tours, base + [.key("summary"), .key("sources")], required: true)
    }

    /// Whether `text` holds `[[` or `**` (or, if asked, a line break). On the UTF-8 bytes,
    /// which is far cheaper than a generic substring search.
    static func hasMarkup(_ text: String, orBreaks: Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == previous && (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "*")) { return true }
            if orBreaks && byte == UInt8(ascii: "\n") { return true }
            previous = byte
        }
        return false
    }

    /// Text shown as it is, where links cannot be followed: no markup.
    @inline(never)
    private mutating func checkPlainText(_ text: String, _ pack: ContentPack, _ file: ContentPack.File,
                                         _ path: [PathComponent]) {
        checkText(text, pack, file, path)
        if Self.hasMarkup(text, orBreaks: true) {
            report(file, path, "this is shown as one line of plain text: remove the markup and line breaks")
        }
    }

    /// The longest panel name the panel list shows whole at 80 columns.
    static let menuWidth = 20

    // MARK: Helpers

    @inline(never)
    private mutating func checkIDs(_ ids: [String], in file: ContentPack.File, path: (Int) -> [PathComponent]) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if !Self.isValidID(id) {
                report(file, path(index), "'\(id)' is not a valid id: use lowercase letters, digits and dashes")
            }
            if let first = seen[id] {
                let line = documents[file]?.line(at: path(first)) ?? 0
                report(file, path(index), "duplicate id '\(id)' (first used on line \(line))")
            } else {
                seen[id] = index
            }
        }
    }

    private static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
        }
    }

    @inline(never)
    private mutating func checkSources(_ ids: [String], _ pack: ContentPack, _ file: ContentPack.File,
                                       _ path: [PathComponent], required: Bool) {
        if required && ids.isEmpty {
            report(file, path, "this factual text names no source; add `sources:` with ids from sources.yaml")
        }
        for (index, id) in ids.enumerated() where pack.sourceNumber(id) == nil {
            report(file, path + [.index(index)], "unknown source id '\(id)' (not in sources.yaml)")
        }
    }

    // checkText, report and the other checks are called from dozens of places in the
    // validate functions; inlined into each, they made this file 11 s of the release build's
    // optimiser time (4 s now). Validation runs only when a pack is linted or has no snapshot.
    @inline(never)
    private mutating func checkText(_ text: String, _ pack: ContentPack, _ file: ContentPack.File, _ path: [PathComponent]) {
        if text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }) {
            report(file, path, "the text is empty")
            return
        }
        let runs: [InlineRun]
        do {
            runs = try InlineMarkup.parse(text)
        } catch {
            report(file, path, error.message)
            return
        }
        for run in runs {
            switch run.link {
            case .term(let term) where pack.glossaryEntry(for: term) == nil:
                report(file, path, "the link [[\(term)]] matches no term in glossary.yaml")
            case .topic(let id) where pack.topicIndex(of: id) == nil:
                report(file, path, "the link [[topic:\(id)|...]] names an unknown topic id '\(id)'")
            default:
                break
            }
        }
    }

    @inline(never)
    private mutating func report(_ file: ContentPack.File, _ path: [PathComponent], _ message: String,
                                 linesBelow: Int = 0) {
        if let document = documents[file] {
            issues.append(document.issue(at: path, message, linesBelow: linesBelow))
        } else {
            issues.append(ContentIssue(file: "\(directory)/\(file.rawValue)", line: 0,
                                       field: path.fieldName(root: file.rootName), message: message))
        }
    }
}

/// A YYYY-MM-DD date, compared as a date. Dates stay text in the model: the pack needs no
/// time zones or calendars, and this keeps Foundation's calendar code off the start-up path.
public struct CalendarDate: Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(year: Int, month: Int, day: Int) {
        self.init("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
