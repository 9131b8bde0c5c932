import ContentModel
import TermRender

/// A panel as the voice says it, from the same blocks the screen and the exports draw: in
/// chunks (a block each) so reading can go on, stop and repeat block by block. Written for
/// the ear: numbers and abbreviations as `speech.yaml` says them ("nine one one", "I V"), no
/// box drawing or marks, source numbers left out (one sentence at the end says the sources
/// are on screen), a table row by row, a picture as its caption, a list with its length.
public enum SpeechText {
    /// The chunks of panel `index`: its title and main message first.
    public static func panel(_ index: Int, pack: ContentPack, lexicon: SpeechLexicon) -> [String] {
        topic(pack.topics[index], pack: pack, lexicon: lexicon)
    }

    /// The chunks of `topic` (a panel, or the parts of one a guided step shows).
    static func topic(_ topic: Topic, pack: ContentPack, lexicon: SpeechLexicon) -> [String] {
        var writer = SpeechWriter(pack: pack, lexicon: lexicon)
        writer.say(topic.title)
        writer.say(topic.message)
        for block in topic.blocks { writer.addBlock(block) }
        if writer.cites { writer.say(pack.ui[.speechSources]) }
        return writer.chunks
    }

    /// A guided session's handout as the voice says it: its title, each heading and item,
    /// and the lines at its foot; the sources' citations are not read, one sentence says the
    /// printed handout lists them. What the `.wav` beside the printed handout holds.
    public static func handout(_ handout: Handout, lexicon: SpeechLexicon) -> [String] {
        let read = handout.sections.filter { handout.sources.isEmpty || $0.1 != handout.sources }
        let note = handout.sources.isEmpty ? [] : [handout.ui[.speechHandoutSources]]
        return ([handout.title] + read.flatMap { [$0.0] + $0.1 } + note + handout.footer).compactMap { chunk($0, lexicon: lexicon) }
    }

    /// One chunk: plain words (no markup, no line breaks or bullets), said as the lexicon
    /// says, ending as a sentence so the voice pauses; nil for nothing to say.
    public static func chunk(_ text: String, lexicon: SpeechLexicon) -> String? {
        var words = InlineMarkup.plainText(text).split(whereSeparator: \.isWhitespace)
            .filter { $0 != "•" && $0 != "-" }.joined(separator: " ")
        guard !words.isEmpty else { return nil }
        // Ends as a sentence, unless it does already: "(... complex.)" and "«...»." are left as they are.
        let ending = words.last == ")" || words.last == "»" ? words.dropLast().last : words.last
        if let ending, ending.isLetter || ending.isNumber || ending == ")" || ending == "»" { words += "." }
        return lexicon.spoken(words)
    }
}

struct SpeechWriter: BlockRenderer {
    let pack: ContentPack
    let lexicon: SpeechLexicon
    var citationSeparator: String { "," }
    private(set) var chunks: [String] = []
    /// Some block named its sources: the panel ends by saying where they are.
    private(set) var cites = false

    mutating func say(_ text: String) {
        if let chunk = SpeechText.chunk(text, lexicon: lexicon) { chunks.append(chunk) }
    }

    private var ui: UIStrings { pack.ui }

    mutating func addParagraph(_ text: String) { say(text) }
    mutating func addHeading(_ text: String) { say(text) }

    mutating func addBullets(_ items: [String]) {
        say(ui(.speechList, ["count": "\(items.count)"]))
        for item in items { say(item) }
    }

    mutating func addCallout(_ text: String, tone: Block.Tone) { say(Export.calloutLabel(tone, ui: ui) + ": " + text) }

    mutating func addEntries(_ entries: [ListEntry]) {
        say(ui(.speechList, ["count": "\(entries.count)"]))
        for entry in entries {
            let name = entry.name.last.map { ".:?!".contains($0) } == true ? entry.name : entry.name + ":"
            say(name + " " + entry.description)
        }
    }

    /// Row by row: "How it works. Ketamine: ... Opioids: ...".
    mutating func addComparison(_ comparison: Comparison) {
        for row in comparison.rows {
            say("\(row.label). \(comparison.columns.ketamine): \(Self.sentence(row.ketamine)) \(comparison.columns.opioids): \(row.opioids)")
        }
    }

    mutating func addEvidence(_ entries: [EvidenceEntry]) {
        for entry in entries {
            say("\(Self.sentence(entry.condition)) \(ui[.entryEvidence]): \(pack.label(entry.strength)). "
                + "\(ui[.entryDuration]): \(Self.sentence(entry.duration)) \(ui[.entryBottomLine]): \(entry.bottomLine)")
        }
    }

    mutating func addGlossary(_ entries: [GlossaryEntry]) {
        for entry in entries { say("\(entry.term): \(entry.definition)") }
    }

    mutating func addSources(_ sources: [Source]) {
        for (index, source) in sources.enumerated() { say("\(index + 1). \(PackFacts.citation(source, pack: pack))") }
    }

    mutating func addAbout(_ rows: [PackFacts.Row]) {
        for row in rows { say("\(row.label): \(row.value)") }
    }

    mutating func addMechanism(_ mechanism: Mechanism) {
        for (index, frame) in mechanism.frames.enumerated() {
            say(ui(.pictureNumber, ["number": "\(index + 1)", "count": "\(mechanism.frames.count)"]) + ". " + frame.caption)
        }
    }

    mutating func addIcons(_ arrays: [Block.IconArray], alt: String) { say(alt) }

    mutating func addClinic(_ clinic: ClinicInfo) {
        say(PackFacts.clinicHeading(clinic, ui: ui))
        for row in PackFacts.clinic(clinic) { say("\(row.label): \(row.value)") }
    }

    mutating func addCitation(_ label: String) { cites = true }

    /// `text` ending as a sentence, for joining with more after it.
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".:?!".contains(last) else { return text }
        return text + "."
    }
}
