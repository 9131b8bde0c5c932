import ContentModel
import TermRender

/// The content pack's panels as one document, for printing and for other tools:
/// `ketamine-explorer export --format text|markdown|html`. Every format walks the same
/// blocks in the same order, with the same labels, as the panel on screen
/// (`DocumentBuilder`), so all of them say the same thing. No output holds a control
/// character other than the line break.
public enum Export {
    public enum Format: String, CaseIterable, Sendable {
        /// Exactly what `ketamine-explorer show` prints when piped.
        case text
        /// A Markdown document (CommonMark, with a GitHub-style table for the comparison).
        case markdown
        /// One self-contained, printable web page.
        case html
    }

    /// The width the text format is laid out at, as `show` does when it is not on a terminal.
    public static let textWidth = 80

    /// The topics at `topics` (indexes into `pack.topics`, in the order given; unknown
    /// indexes are skipped) as one document, ending with a line break. `glyphs` only affects
    /// the text format: Markdown and HTML are always UTF-8.
    public static func render(_ format: Format, topics: [Int], pack: ContentPack, glyphs: Glyphs = .unicode) -> String {
        let indexes = topics.filter { pack.topics.indices.contains($0) }
        let lines: [String]
        switch format {
        case .text: lines = textLines(topics: indexes, pack: pack, glyphs: glyphs)
        case .markdown: lines = splitLines(MarkdownWriter(pack: pack, topics: indexes).document())
        case .html: lines = splitLines(HTMLWriter(pack: pack, topics: indexes).document())
        }
        // The last guard: every line is cleaned on its way out, as PlainOutput does.
        return lines.map { Sanitizer.clean($0) + "\n" }.joined()
    }

    /// Lines that may hold line breaks (a picture), as single lines.
    private static func splitLines(_ lines: [String]) -> [String] {
        lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The lines `show` prints: each panel at 80 columns, two blank lines between panels,
    /// then the footer.
    static func textLines(topics: [Int], pack: ContentPack, glyphs: Glyphs) -> [String] {
        var lines: [String] = []
        for (position, index) in topics.enumerated() {
            if position > 0 { lines += ["", ""] }
            lines += PlainText.lines(topic: index, pack: pack, width: textWidth, glyphs: glyphs)
        }
        return lines + PlainText.footer(pack: pack)
    }

    /// `text` safe anywhere in an HTML page, attribute values included: control characters
    /// become U+FFFD, and `& < > " '` become character references.
    public static func escapeHTML(_ text: String) -> String {
        var result = ""
        for character in Sanitizer.clean(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` as literal Markdown inside a line: the characters that would start emphasis,
    /// links, code, HTML, strikethrough or a table cell are backslash-escaped. Line breaks
    /// become spaces, so a piece of text never splits a heading, list item or table row.
    public static func escapeMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(" ")
                continue
            }
            if Self.markdownSpecial.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private static let markdownSpecial: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "|", "~"]

    /// The word a callout begins with, so its kind never depends on colour: the same on the
    /// screen and in every export.
    static func calloutLabel(_ tone: Block.Tone, ui: UIStrings) -> String {
        switch tone {
        case .info: return ui[.calloutInfo]
        case .action: return ui[.calloutAction]
        case .warning: return ui[.calloutWarning]
        case .story: return ui[.calloutStory]
        }
    }

    /// Runs of inline markup, or the text as one plain run if it does not parse (the
    /// loader rejects such text, so this is only a fallback), line breaks made spaces.
    static func runs(_ text: String) -> [InlineRun] {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return (try? InlineMarkup.parse(flat)) ?? [InlineRun(text: flat)]
    }

    /// Consecutive runs with the same `strong`, so bold is opened and closed once per stretch.
    static func strongGroups(_ runs: [InlineRun], allStrong: Bool) -> [(strong: Bool, runs: [InlineRun])] {
        var groups: [(strong: Bool, runs: [InlineRun])] = []
        for run in runs {
            let strong = allStrong || run.strong
            if let last = groups.last, last.strong == strong {
                groups[groups.count - 1].runs.append(run)
            } else {
                groups.append((strong, [run]))
            }
        }
        return groups
    }
}

// MARK: - Markdown

private struct MarkdownWriter: BlockRenderer {
    let pack: ContentPack
    let topics: [Int]
    /// Topic links point inside the document, so only exported topics are linked.
    let exported: Set<String>
    let separator = Glyphs.unicode.middleDot

    init(pack: ContentPack, topics: [Int]) {
        self.pack = pack
        self.topics = topics
        exported = Set(topics.map { pack.topics[$0].id })
    }

    /// Markdown blocks (each one line or several), one blank line between them.
    private var blocks: [String] = []

    func document() -> [String] {
        var writer = self
        writer.blocks = ["# " + Export.escapeMarkdown(pack.info.title)]
        for index in topics { writer.add(pack.topics[index]) }
        writer.blocks.append("---")
        writer.blocks.append("*" + Export.escapeMarkdown(pack.statusLine) + "*")
        writer.blocks.append(Export.escapeMarkdown(pack.info.disclaimer))
        return [writer.blocks.joined(separator: "\n\n")]
    }

    private mutating func add(_ topic: Topic) {
        blocks.append("## <a id=\"\(Export.escapeHTML(topic.id))\"></a>" + Export.escapeMarkdown(topic.title))
        blocks.append(inline(topic.message, allStrong: true))
        for block in topic.blocks { addBlock(block) }
    }

    var citationSeparator: String { separator }

    mutating func addParagraph(_ text: String) { blocks.append(lineStart(inline(text))) }

    mutating func addHeading(_ text: String) { blocks.append("### " + inline(text)) }

    mutating func addBullets(_ items: [String]) {
        blocks.append(items.map { "- " + lineStart(inline($0)) }.joined(separator: "\n"))
    }

    mutating func addCallout(_ text: String, tone: Block.Tone) {
        blocks.append("> **\(Export.calloutLabel(tone, ui: pack.ui)):** " + inline(text))
    }

    mutating func addGlossary(_ entries: [GlossaryEntry]) {
        blocks.append(entries.map { entry in
            "- **" + Export.escapeMarkdown(entry.term) + ":** " + inline(entry.definition)
        }.joined(separator: "\n"))
    }

    mutating func addCitation(_ label: String) { blocks.append(citation(label)) }

    mutating func addEntries(_ entries: [ListEntry]) {
        guard !entries.isEmpty else { return }
        blocks.append(entries.map { entry in
            var line = "- " + inline(entryName(entry.name), allStrong: true) + " " + inline(entry.description)
            if let label = pack.citationLabel(entry.sources, separator: separator) {
                line += " (" + Export.escapeMarkdown(label) + ")"
            }
            return line
        }.joined(separator: "\n"))
    }

    mutating func addComparison(_ comparison: Comparison) {
        var rows = ["|  | " + Export.escapeMarkdown(comparison.columns.ketamine) + " | "
                    + Export.escapeMarkdown(comparison.columns.opioids) + " |",
                    "|---|---|---|"]
        for row in comparison.rows {
            var label = "**" + Export.escapeMarkdown(row.label) + "**"
            if let citation = pack.citationLabel(row.sources, separator: separator) {
                label += " (" + Export.escapeMarkdown(citation) + ")"
            }
            rows.append("| \(label) | \(inline(row.ketamine)) | \(inline(row.opioids)) |")
        }
        blocks.append(rows.joined(separator: "\n"))
    }

    mutating func addEvidence(_ entries: [EvidenceEntry]) {
        for entry in entries {
            blocks.append("### " + inline(entry.condition))
            blocks.append("**\(Export.escapeMarkdown(pack.ui[.entryEvidence])):** " + Export.escapeMarkdown(pack.label(entry.strength)))
            blocks.append("**\(Export.escapeMarkdown(pack.ui[.entryDuration])):** " + inline(entry.duration))
            blocks.append("**\(Export.escapeMarkdown(pack.ui[.entryBottomLine])):** " + inline(entry.bottomLine))
            if let label = pack.citationLabel(entry.sources, separator: separator) { blocks.append(citation(label)) }
        }
    }

    mutating func addSources(_ sources: [Source]) {
        guard !sources.isEmpty else { return }
        blocks.append(sources.enumerated().map { index, source in
            var item = "\(index + 1). " + Export.escapeMarkdown(PackFacts.citation(source, pack: pack))
            if let url = source.url { item += " " + autolink(url) }
            if !source.checked { item += "\\\n   *" + Export.escapeMarkdown(pack.ui[.sourceUnchecked]) + "*" }
            return item
        }.joined(separator: "\n"))
    }

    mutating func addAbout(_ rows: [PackFacts.Row]) {
        blocks += rows.map { "**\(Export.escapeMarkdown($0.label)):** " + Export.escapeMarkdown($0.value) }
    }

    mutating func addClinic(_ clinic: ClinicInfo) {
        blocks.append("### " + Export.escapeMarkdown(PackFacts.clinicHeading(clinic, ui: pack.ui)))
        blocks += PackFacts.clinic(clinic).map { "**\(Export.escapeMarkdown($0.label)):** " + Export.escapeMarkdown($0.value) }
    }

    mutating func addIcons(_ arrays: [Block.IconArray], alt: String) {
        // Marks and labels only: no backticks can occur, so a plain fence is safe.
        let lines = PackFacts.iconLines(arrays, glyphs: .unicode, width: 80, ui: pack.ui).map(\.text)
        blocks.append((["```text"] + lines + ["```"]).joined(separator: "\n"))
        blocks.append(lineStart(inline(alt)))
    }

    mutating func addMechanism(_ mechanism: Mechanism) {
        let count = mechanism.frames.count
        for (index, frame) in mechanism.frames.enumerated() {
            let number = pack.ui(.pictureNumber, ["number": "\(index + 1)", "count": "\(count)"])
            blocks.append("**\(Export.escapeMarkdown(number)).** " + Export.escapeMarkdown(frame.caption))
            // A fence longer than any run of backticks in the picture, so none can close it.
            let longest = frame.picture.map(Self.longestBacktickRun).max() ?? 0
            let fence = String(repeating: "`", count: max(3, longest + 1))
            blocks.append(([fence + "text"] + frame.picture + [fence]).joined(separator: "\n"))
        }
        if let label = pack.citationLabel(mechanism.sources, separator: separator) { blocks.append(citation(label)) }
    }

    // MARK: Inline

    private func citation(_ label: String) -> String { "*" + Export.escapeMarkdown(label) + "*" }

    /// `**bold**` as `**bold**`, a glossary term in italics, a topic link as `[label](#id)`.
    private func inline(_ text: String, allStrong: Bool = false) -> String {
        Export.strongGroups(Export.runs(text), allStrong: allStrong).map { group in
            let body = group.runs.map(piece).joined()
            return group.strong ? Self.strong(body) : body
        }.joined()
    }

    private func piece(_ run: InlineRun) -> String {
        let text = Export.escapeMarkdown(run.text)
        switch run.link {
        case .term?: return "*\(text)*"
        case .topic(let id)? where exported.contains(id): return "[\(text)](#\(id))"
        default: return text
        }
    }

    /// `**…**` around the text, with its outer spaces moved outside (else it is not bold).
    private static func strong(_ body: String) -> String {
        let lead = body.prefix { $0 == " " }
        let rest = body.dropFirst(lead.count)
        let trail = rest.reversed().prefix { $0 == " " }
        let core = rest.dropLast(trail.count)
        return core.isEmpty ? body : "\(lead)**\(core)**\(String(trail))"
    }

    /// Text that would start a heading, quote, list or rule at the start of a line, escaped.
    private func lineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    /// A symptom's or cause's name as the panel shows it: with a colon unless it ends in
    /// punctuation.
    private func entryName(_ name: String) -> String {
        name.last.map { ".:?!".contains($0) } == true ? name : name + ":"
    }

    /// `<url>` when that is a valid autolink, else the escaped text.
    private func autolink(_ url: String) -> String {
        let valid = url.contains(":") && !url.contains { $0 == " " || $0 == "<" || $0 == ">" || $0.isNewline }
        return valid ? "<\(url)>" : Export.escapeMarkdown(url)
    }

    private static func longestBacktickRun(_ line: String) -> Int {
        var longest = 0, current = 0
        for character in line {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

// MARK: - HTML

private struct HTMLWriter: BlockRenderer {
    let pack: ContentPack
    let topics: [Int]
    /// Topic links point inside the page, so only exported topics are linked.
    let exported: Set<String>
    let separator = Glyphs.unicode.middleDot

    init(pack: ContentPack, topics: [Int]) {
        self.pack = pack
        self.topics = topics
        exported = Set(topics.map { pack.topics[$0].id })
    }

    private var lines: [String] = []

    private static let style = """
        body { font-family: "Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif; font-size: 14pt;
               line-height: 1.5; max-width: 40em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
        h1 { font-size: 22pt; }
        h2 { font-size: 18pt; margin-top: 2em; border-bottom: 1px solid #777; }
        h3 { font-size: 15pt; margin-bottom: 0.3em; }
        .message { font-size: 15pt; }
        .sources { font-size: 11pt; color: #333; }
        aside { border: 1px solid #777; border-left: 6px solid #777; padding: 0.4em 0.8em; margin: 1em 0; }
        aside.callout-warning { border-color: #000; border-left-width: 10px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #777; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        dt { font-weight: bold; }
        dd { margin: 0 0 0.5em 1.5em; }
        pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 10pt; line-height: 1.15; }
        figure { margin: 1em 0; break-inside: avoid; }
        figcaption { font-style: italic; }
        footer { margin-top: 3em; border-top: 1px solid #777; font-size: 11pt; }
        a { color: inherit; }
        @media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } tr, aside { break-inside: avoid; } }
        """

    func document() -> [String] {
        var writer = self
        let title = Export.escapeHTML(pack.info.title)
        writer.lines = ["<!DOCTYPE html>",
                        "<html lang=\"\(Export.escapeHTML(pack.info.language))\">",
                        "<head>",
                        "<meta charset=\"utf-8\">",
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                        "<title>\(title)</title>",
                        "<style>"]
        writer.lines += Self.style.split(separator: "\n").map(String.init)
        writer.lines += ["</style>", "</head>", "<body>", "<h1>\(title)</h1>"]
        for index in topics { writer.add(pack.topics[index]) }
        writer.lines += ["<footer>",
                         "<p>\(Export.escapeHTML(pack.info.disclaimer))</p>",
                         "<p>" + Export.escapeHTML(pack.statusLine) + "</p>",
                         "</footer>", "</body>", "</html>"]
        return writer.lines
    }

    private mutating func add(_ topic: Topic) {
        lines.append("<section id=\"\(Export.escapeHTML(topic.id))\">")
        lines.append("<h2>\(Export.escapeHTML(topic.title))</h2>")
        lines.append("<p class=\"message\"><strong>\(inline(topic.message, allStrong: true))</strong></p>")
        for block in topic.blocks { addBlock(block) }
        lines.append("</section>")
    }

    var citationSeparator: String { separator }

    mutating func addParagraph(_ text: String) { lines.append("<p>\(inline(text))</p>") }

    mutating func addHeading(_ text: String) { lines.append("<h3>\(inline(text))</h3>") }

    mutating func addBullets(_ items: [String]) {
        lines.append("<ul>")
        lines += items.map { "<li>\(inline($0))</li>" }
        lines.append("</ul>")
    }

    mutating func addCallout(_ text: String, tone: Block.Tone) {
        lines.append("<aside class=\"callout callout-\(tone.rawValue)\"><strong>"
                     + Export.escapeHTML(Export.calloutLabel(tone, ui: pack.ui)) + ":</strong> \(inline(text))</aside>")
    }

    mutating func addCitation(_ label: String) { lines.append(sources(label)) }

    mutating func addEntries(_ entries: [ListEntry]) {
        guard !entries.isEmpty else { return }
        lines.append("<ul>")
        for entry in entries {
            let name = entry.name.last.map { ".:?!".contains($0) } == true ? entry.name : entry.name + ":"
            var item = "<li><strong>\(inline(name, allStrong: true))</strong> \(inline(entry.description))"
            if let label = pack.citationLabel(entry.sources, separator: separator) {
                item += " <span class=\"sources\">(\(Export.escapeHTML(label)))</span>"
            }
            lines.append(item + "</li>")
        }
        lines.append("</ul>")
    }

    mutating func addComparison(_ comparison: Comparison) {
        lines += ["<table>", "<thead>",
                  "<tr><td></td><th scope=\"col\">\(Export.escapeHTML(comparison.columns.ketamine))</th>"
                    + "<th scope=\"col\">\(Export.escapeHTML(comparison.columns.opioids))</th></tr>",
                  "</thead>", "<tbody>"]
        for row in comparison.rows {
            var label = Export.escapeHTML(row.label)
            if let citation = pack.citationLabel(row.sources, separator: separator) {
                label += "<br><span class=\"sources\">\(Export.escapeHTML(citation))</span>"
            }
            lines.append("<tr><th scope=\"row\">\(label)</th><td>\(inline(row.ketamine))</td>"
                         + "<td>\(inline(row.opioids))</td></tr>")
        }
        lines += ["</tbody>", "</table>"]
    }

    mutating func addEvidence(_ entries: [EvidenceEntry]) {
        for entry in entries {
            lines.append("<h3>\(inline(entry.condition))</h3>")
            lines += ["<dl>",
                      "<dt>\(Export.escapeHTML(pack.ui[.entryEvidence]))</dt><dd>\(Export.escapeHTML(pack.label(entry.strength)))</dd>",
                      "<dt>\(Export.escapeHTML(pack.ui[.entryDuration]))</dt><dd>\(inline(entry.duration))</dd>",
                      "<dt>\(Export.escapeHTML(pack.ui[.entryBottomLine]))</dt><dd>\(inline(entry.bottomLine))</dd>",
                      "</dl>"]
            if let label = pack.citationLabel(entry.sources, separator: separator) { lines.append(sources(label)) }
        }
    }

    mutating func addGlossary(_ entries: [GlossaryEntry]) {
        guard !entries.isEmpty else { return }
        lines.append("<dl>")
        for entry in entries {
            lines.append("<dt>\(Export.escapeHTML(entry.term))</dt><dd>\(inline(entry.definition))</dd>")
        }
        lines.append("</dl>")
    }

    mutating func addSources(_ sources: [Source]) {
        guard !sources.isEmpty else { return }
        lines.append("<ol>")
        for source in sources {
            var item = "<li>" + Export.escapeHTML(PackFacts.citation(source, pack: pack))
            if let url = source.url {
                let text = Export.escapeHTML(url)
                item += Self.isWebAddress(url) ? " <a href=\"\(text)\">\(text)</a>" : " \(text)"
            }
            if !source.checked { item += "<br><em>" + Export.escapeHTML(pack.ui[.sourceUnchecked]) + "</em>" }
            lines.append(item + "</li>")
        }
        lines.append("</ol>")
    }

    mutating func addAbout(_ rows: [PackFacts.Row]) {
        lines.append("<dl>")
        for row in rows {
            let value = Export.escapeHTML(row.value)
            lines.append("<dt>\(Export.escapeHTML(row.label))</dt><dd>\(row.warning ? "<strong>\(value)</strong>" : value)</dd>")
        }
        lines.append("</dl>")
    }

    mutating func addClinic(_ clinic: ClinicInfo) {
        lines.append("<h3>\(Export.escapeHTML(PackFacts.clinicHeading(clinic, ui: pack.ui)))</h3>")
        lines.append("<dl>")
        lines += PackFacts.clinic(clinic).map { "<dt>\(Export.escapeHTML($0.label))</dt><dd>\(Export.escapeHTML($0.value))</dd>" }
        lines.append("</dl>")
    }

    mutating func addIcons(_ arrays: [Block.IconArray], alt: String) {
        let text = Export.escapeHTML(InlineMarkup.plainText(alt))
        let picture = PackFacts.iconLines(arrays, glyphs: .unicode, width: 80, ui: pack.ui).map { Export.escapeHTML($0.text) }
        lines.append("<figure>")
        lines.append("<pre role=\"img\" aria-label=\"\(text)\">\(picture.joined(separator: "\n"))</pre>")
        lines.append("<figcaption>\(inline(alt))</figcaption>")
        lines.append("</figure>")
    }

    mutating func addMechanism(_ mechanism: Mechanism) {
        let count = mechanism.frames.count
        for (index, frame) in mechanism.frames.enumerated() {
            let caption = Export.escapeHTML(frame.caption)
            // The picture's lines stay lines: each is escaped (and cleaned) on its own.
            let picture = frame.picture.map(Export.escapeHTML).joined(separator: "\n")
            lines.append("<figure>")
            lines.append("<pre role=\"img\" aria-label=\"\(caption)\">\(picture)</pre>")
            let number = Export.escapeHTML(pack.ui(.pictureNumber, ["number": "\(index + 1)", "count": "\(count)"]))
            lines.append("<figcaption>\(number). \(caption)</figcaption>")
            lines.append("</figure>")
        }
        if let label = pack.citationLabel(mechanism.sources, separator: separator) { lines.append(sources(label)) }
    }

    // MARK: Inline

    private func sources(_ label: String) -> String { "<p class=\"sources\">\(Export.escapeHTML(label))</p>" }

    /// Bold as `<strong>`, a glossary term as `<em>`, a topic link as `<a href="#id">`.
    /// With `allStrong` the caller wraps the whole text in `<strong>` itself.
    private func inline(_ text: String, allStrong: Bool = false) -> String {
        Export.strongGroups(Export.runs(text), allStrong: allStrong).map { group in
            let body = group.runs.map(piece).joined()
            return group.strong && !allStrong ? "<strong>\(body)</strong>" : body
        }.joined()
    }

    private func piece(_ run: InlineRun) -> String {
        let text = Export.escapeHTML(run.text)
        switch run.link {
        case .term?: return "<em>\(text)</em>"
        case .topic(let id)? where exported.contains(id): return "<a href=\"#\(Export.escapeHTML(id))\">\(text)</a>"
        default: return text
        }
    }

    /// Only web addresses become links: nothing in content may run script when clicked.
    private static func isWebAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
