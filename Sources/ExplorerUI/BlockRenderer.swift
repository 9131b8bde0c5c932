import ContentModel

/// One way of writing a topic's blocks: the screen (`DocumentBuilder`), Markdown and HTML
/// (`Export`). Which kind of block does what, and where an included list comes from, is
/// decided here once; each renderer only says how it writes each kind.
protocol BlockRenderer {
    var pack: ContentPack { get }
    /// Between a source list's numbers and the evidence strength ("Sources: 1, 3 · Evidence: weak").
    var citationSeparator: String { get }

    mutating func addParagraph(_ text: String)
    mutating func addHeading(_ text: String)
    mutating func addBullets(_ items: [String])
    mutating func addCallout(_ text: String, tone: Block.Tone)
    mutating func addEntries(_ entries: [ListEntry])
    mutating func addComparison(_ comparison: Comparison)
    mutating func addEvidence(_ entries: [EvidenceEntry])
    mutating func addGlossary(_ entries: [GlossaryEntry])
    mutating func addSources(_ sources: [Source])
    /// Who wrote and reviewed the content (`PackFacts.about`).
    mutating func addAbout(_ rows: [PackFacts.Row])
    mutating func addMechanism(_ mechanism: Mechanism)
    /// 10x10 icon arrays and their one-line text alternative.
    mutating func addIcons(_ arrays: [Block.IconArray], alt: String)
    /// The clinic's own name and details (`clinic.yaml`).
    mutating func addClinic(_ clinic: ClinicInfo)
    /// The line after a block naming its sources (and, where it speaks of benefit, the evidence).
    mutating func addCitation(_ label: String)
}

extension BlockRenderer {
    /// Writes one block, then its sources.
    mutating func addBlock(_ block: Block) {
        switch block.kind {
        case .paragraph(let text): addParagraph(text)
        case .heading(let text): addHeading(text)
        case .bullets(let items): addBullets(items)
        case .callout(let text, let tone): addCallout(text, tone: tone)
        case .include(.symptoms): addEntries(pack.symptoms)
        case .include(.causes): addEntries(pack.causes)
        case .include(.comparison): addComparison(pack.comparison)
        case .include(.evidence): addEvidence(pack.evidence)
        case .include(.glossary): addGlossary(pack.glossaryInAlphabeticalOrder)
        case .include(.sources): addSources(pack.sources)
        case .include(.about):
            addAbout(PackFacts.about(pack))
            if let clinic = pack.clinic { addClinic(clinic) }
        case .include(.mechanism): if let mechanism = pack.mechanism { addMechanism(mechanism) }
        case .include(.clinic): if let clinic = pack.clinic { addClinic(clinic) }
        case .icons(let arrays, let alt): addIcons(arrays, alt: alt)
        }
        if let label = pack.citationLabel(block.sources, evidence: block.evidence, separator: citationSeparator) {
            addCitation(label)
        }
    }
}
