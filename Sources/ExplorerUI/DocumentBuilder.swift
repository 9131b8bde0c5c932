import ContentModel
import TermRender

/// Turns a topic into the lines of text its panel shows at one width: the main message
/// first, then each block with its sources. The browse screen and plain output share it.
struct DocumentBuilder: BlockRenderer {
    enum TableStyle {
        /// A three-column table when the width allows, stacked rows when it does not.
        case automatic
        /// Always "row: ketamine … / opioids …" stacks (plain text, screen readers).
        case stacked
    }

    enum DiagramStyle: Equatable {
        /// Blank lines where the view draws the shown picture, at this scale.
        case animated(scale: Int)
        /// Every picture and caption written out (print, reduced motion).
        case stills
        /// Only the captions, numbered: the pictures' text alternative (plain mode). Callouts
        /// lose their boxes too.
        case captions
    }

    /// Below this many columns the comparison table turns into stacks.
    static let minimumTableWidth = 48

    let pack: ContentPack
    let width: Int
    let glyphs: Glyphs
    let tableStyle: TableStyle
    let diagramStyle: DiagramStyle
    private var lines: [StyledLine] = []
    /// Every link in the panel, in reading order; a span's tag is its place here.
    private(set) var links: [InlineLink] = []
    /// Where the animated picture's blank block is, if the topic has one.
    private(set) var diagram: DiagramPlacement?

    init(pack: ContentPack, width: Int, glyphs: Glyphs, tableStyle: TableStyle, diagramStyle: DiagramStyle) {
        self.pack = pack
        self.width = max(1, width)
        self.glyphs = glyphs
        self.tableStyle = tableStyle
        self.diagramStyle = diagramStyle
    }

    /// The topic's lines; with `limit`, only the blocks needed for that many lines and one
    /// more (a preview, which need not lay out the rest).
    mutating func build(_ topic: Topic, limit: Int? = nil) -> [StyledLine] {
        lines = []
        links = []
        diagram = nil
        add(spans(topic.message, role: .keyMessage))
        var afterHeading = false
        for block in topic.blocks {
            if let limit, lines.count > limit { break }
            // No clinic details set up: the block shows nothing, so it takes no space either.
            if case .include(.clinic) = block.kind, pack.clinic == nil { continue }
            if !afterHeading { lines.append([]) }
            addBlock(block)
            if case .heading = block.kind { afterHeading = true } else { afterHeading = false }
        }
        return lines
    }

    // MARK: Blocks

    var citationSeparator: String { glyphs.middleDot }

    mutating func addParagraph(_ text: String) { add(spans(text)) }

    mutating func addHeading(_ text: String) { add(spans(text, role: .heading)) }

    mutating func addBullets(_ items: [String]) {
        for item in items {
            add(spans(item), first: [Span("\(glyphs.bullet) ")], rest: [Span("  ")])
        }
    }

    mutating func addCitation(_ label: String) { add([Span(label, .source)]) }

    mutating func addCallout(_ text: String, tone: Block.Tone) {
        let label = Export.calloutLabel(tone, ui: pack.ui)
        let role: Role = tone == .warning ? .warning : .callout
        // No box where there is no room, nor in plain mode's text alternatives (a screen
        // reader would read out every border character).
        guard width >= 8, diagramStyle != .captions else {
            add([Span("\(label): ", role)] + spans(text))
            return
        }
        let inner = width - 4
        var top = glyphs.topLeft + glyphs.horizontal + " \(label) "
        top += String(repeating: glyphs.horizontal, count: max(0, width - 1 - DisplayWidth.of(top))) + glyphs.topRight
        lines.append([Span(top, role)])
        // A line of its own that starts with a bullet ("• Chest pain.") wraps under its text.
        var wrapped: [StyledLine] = []
        var pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
        while pieces.count > 1, pieces.last?.isEmpty == true { pieces.removeLast() }   // a `|` block's final line break
        for piece in pieces {
            let bulleted = piece.hasPrefix("• ") || piece.hasPrefix("- ")
            wrapped += TextWrapper.wrap(spans(String(piece)), width: inner,
                                        restIndent: bulleted ? [Span("  ")] : [])
        }
        for line in wrapped {
            let padding = String(repeating: " ", count: max(0, inner - line.displayWidth))
            lines.append([Span(glyphs.vertical + " ", role)] + line + [Span(padding + " " + glyphs.vertical, role)])
        }
        lines.append([Span(glyphs.bottomLeft + String(repeating: glyphs.horizontal, count: width - 2) + glyphs.bottomRight, role)])
    }

    mutating func addMechanism(_ mechanism: Mechanism) {
        if case .animated(let scale) = diagramStyle, scale > 0 {
            let block = MechanismView.placeholder(mechanism, scale: scale, width: width)
            diagram = DiagramPlacement(lines: lines.count..<lines.count + block.count, scale: scale,
                                       captionLines: MechanismView.captionLineCount(mechanism, width: width))
            lines += block
        } else {
            lines += MechanismView.stills(mechanism, width: width, glyphs: glyphs, ui: pack.ui, pictures: diagramStyle != .captions)
        }
        if let label = pack.citationLabel(mechanism.sources, separator: glyphs.middleDot) {
            add([Span(label, .source)])
        }
    }

    mutating func addEntries(_ entries: [ListEntry]) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { lines.append([]) }
            let name = entry.name.last.map { ".:?!".contains($0) } == true ? entry.name : entry.name + ":"
            var text = spans(name, role: .strong) + [Span(" ")] + spans(entry.description)
            if let label = pack.citationLabel(entry.sources, separator: glyphs.middleDot) {
                text.append(Span(" (\(label))", .source))
            }
            add(text, first: [Span("\(glyphs.bullet) ")], rest: [Span("  ")])
        }
    }

    mutating func addEvidence(_ entries: [EvidenceEntry]) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { lines.append([]) }
            add(spans(entry.condition, role: .heading))
            add([Span(pack.ui[.entryEvidence] + ": ", .strong), Span(pack.label(entry.strength), .strong)])
            add([Span(pack.ui[.entryDuration] + ": ", .strong)] + spans(entry.duration), rest: [Span("  ")])
            add([Span(pack.ui[.entryBottomLine] + ": ", .strong)] + spans(entry.bottomLine), rest: [Span("  ")])
            if let label = pack.citationLabel(entry.sources, separator: glyphs.middleDot) {
                add([Span(label, .source)])
            }
        }
    }

    mutating func addGlossary(_ entries: [GlossaryEntry]) {
        for (index, entry) in entries.enumerated() {
            if index > 0 { lines.append([]) }
            add([Span(entry.term + ":", .strong), Span(" ")] + spans(entry.definition), rest: [Span("  ")])
        }
    }

    mutating func addSources(_ sources: [Source]) {
        for (index, source) in sources.enumerated() {
            if index > 0 { lines.append([]) }
            let number = "\(index + 1). "
            let indent = [Span(String(repeating: " ", count: number.count))]
            add([Span(number, .strong), Span(PackFacts.citation(source, pack: pack))], first: [], rest: indent)
            if let url = source.url { add([Span(url, .source)], first: indent, rest: indent) }
            if !source.checked { add([Span(pack.ui[.sourceUnchecked], .muted)], first: indent, rest: indent) }
        }
    }

    mutating func addAbout(_ rows: [PackFacts.Row]) {
        for row in rows {
            add([Span(row.label + ": ", .strong), Span(row.value, row.warning ? .warning : .plain)], rest: [Span("  ")])
        }
    }

    mutating func addClinic(_ clinic: ClinicInfo) {
        if lines.last?.isEmpty == false { lines.append([]) }
        add([Span(PackFacts.clinicHeading(clinic, ui: pack.ui), .heading)])
        for row in PackFacts.clinic(clinic) {
            add([Span(row.label + ": ", .strong), Span(row.value)], rest: [Span("  ")])
        }
    }

    /// The marks, unless this is plain mode's text alternative (a screen reader would read
    /// out a hundred marks), then the one-line alternative.
    mutating func addIcons(_ arrays: [Block.IconArray], alt: String) {
        if diagramStyle != .captions {
            for line in PackFacts.iconLines(arrays, glyphs: glyphs, width: width, ui: pack.ui) {
                lines.append(line.text.isEmpty ? [] : [Span(line.text, line.marks ? .diagram : .strong)])
            }
            lines.append([])
        }
        add(spans(alt))
    }

    // MARK: Comparison

    mutating func addComparison(_ comparison: Comparison) {
        if tableStyle == .automatic && width >= Self.minimumTableWidth {
            addTable(comparison)
        } else {
            addStacks(comparison)
        }
    }

    private mutating func addStacks(_ comparison: Comparison) {
        for (index, row) in comparison.rows.enumerated() {
            if index > 0 { lines.append([]) }
            var heading = [Span(row.label, .heading)]
            if let label = pack.citationLabel(row.sources, separator: glyphs.middleDot) {
                heading.append(Span(" (\(label))", .source))
            }
            add(heading)
            add([Span("\(comparison.columns.ketamine): ", .strong)] + spans(row.ketamine),
                first: [Span("  ")], rest: [Span("    ")])
            add([Span("\(comparison.columns.opioids): ", .strong)] + spans(row.opioids),
                first: [Span("  ")], rest: [Span("    ")])
        }
    }

    private mutating func addTable(_ comparison: Comparison) {
        let separator = " \(glyphs.vertical) "
        let labelWidth = min(16, max(10, width / 4))
        let cellWidth = (width - labelWidth - 2 * DisplayWidth.of(separator)) / 2
        let rule = String(repeating: glyphs.horizontal, count: width)

        func row(_ columns: [[StyledLine]]) {
            let height = columns.map(\.count).max() ?? 0
            let widths = [labelWidth, cellWidth, cellWidth]
            for lineIndex in 0..<height {
                var line: StyledLine = []
                for (column, cells) in columns.enumerated() {
                    if column > 0 { line.append(Span(separator, .border)) }
                    let content = lineIndex < cells.count ? cells[lineIndex] : []
                    line += content
                    let padding = widths[column] - content.displayWidth
                    if padding > 0 && column < columns.count - 1 { line.append(Span(String(repeating: " ", count: padding))) }
                }
                lines.append(line)
            }
        }

        row([[[]],
             TextWrapper.wrap([Span(comparison.columns.ketamine, .tableHeader)], width: cellWidth),
             TextWrapper.wrap([Span(comparison.columns.opioids, .tableHeader)], width: cellWidth)])
        for entry in comparison.rows {
            lines.append([Span(rule, .border)])
            var label = TextWrapper.wrap([Span(entry.label, .strong)], width: labelWidth)
            if let citation = pack.citationLabel(entry.sources, separator: glyphs.middleDot) {
                label += TextWrapper.wrap([Span(citation, .source)], width: labelWidth)
            }
            row([label,
                 TextWrapper.wrap(spans(entry.ketamine), width: cellWidth),
                 TextWrapper.wrap(spans(entry.opioids), width: cellWidth)])
        }
    }

    // MARK: Text

    private mutating func add(_ text: [Span], first: [Span] = [], rest: [Span] = []) {
        lines += TextWrapper.wrap(text, width: width, firstIndent: first, restIndent: rest)
    }

    /// Inline markup to styled spans: links are underlined and numbered, bold is bold.
    private mutating func spans(_ text: String, role: Role = .plain) -> [Span] {
        let runs = (try? InlineMarkup.parse(text)) ?? [InlineRun(text: text)]
        return runs.map { run in
            if let link = run.link {
                links.append(link)
                return Span(run.text, .link, tag: links.count - 1)
            }
            if run.strong && role == .plain { return Span(run.text, .strong) }
            return Span(run.text, role)
        }
    }
}
