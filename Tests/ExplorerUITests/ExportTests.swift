import ContentModel
import ExplorerUI
import Foundation
import TermRender
import Testing

/// `ketamine-explorer export`: the shipped pack as text, Markdown and HTML.
@Suite struct ExportTests {
    let pack: ContentPack
    let all: [Int]

    init() throws {
        pack = try Snapshot.loadPack()
        all = Array(pack.topics.indices)
    }

    private func render(_ format: Export.Format) -> String {
        Export.render(format, topics: all, pack: pack)
    }

    /// Every `[[topic:id|label]]` link in the pack's topics, in order.
    private var topicLinks: [(id: String, label: String)] {
        pack.topics.flatMap { topic in
            ([topic.message] + topic.blocks.flatMap(\.texts)).flatMap { text in
                ((try? InlineMarkup.parse(text)) ?? []).compactMap { run -> (id: String, label: String)? in
                    if case .topic(let id)? = run.link { return (id, run.text) }
                    return nil
                }
            }
        }
    }

    // MARK: All formats

    @Test(arguments: Export.Format.allCases)
    func noControlCharacterButTheLineBreak(_ format: Export.Format) {
        let output = render(format)
        let bad = output.unicodeScalars.filter { $0 != "\n" && Sanitizer.isForbidden($0) }
        #expect(bad.isEmpty, "\(format) output holds \(bad.map { String($0.value, radix: 16) })")
        #expect(output.hasSuffix("\n"))
        #expect(!output.contains("\u{FFFD}"), "\(format): a line break inside a line was replaced")
    }

    @Test(arguments: Export.Format.allCases)
    func everyTopicTitleAppears(_ format: Export.Format) {
        let output = render(format)
        for topic in pack.topics {
            let title = format == .html ? Export.escapeHTML(topic.title) : topic.title
            #expect(output.contains(title), "\(format) lacks '\(topic.title)'")
        }
    }

    @Test(arguments: Export.Format.allCases)
    func endsWithTheDisclaimer(_ format: Export.Format) {
        let output = render(format)
        let disclaimer = format == .html ? Export.escapeHTML(pack.info.disclaimer) : pack.info.disclaimer
        let tail = output.suffix(400)
        #expect(tail.contains(disclaimer))
    }

    @Test func onlyTheNamedTopicsInTheOrderGiven() throws {
        let first = try #require(pack.topicIndex(of: "ketamine-vs-opioids"))
        let second = try #require(pack.topicIndex(of: "overview"))
        for format in Export.Format.allCases {
            let output = Export.render(format, topics: [first, second], pack: pack)
            let a = try #require(output.range(of: pack.topics[first].title), "\(format)")
            let b = try #require(output.range(of: pack.topics[second].title), "\(format)")
            #expect(a.lowerBound < b.lowerBound, "\(format): topics out of order")
            #expect(!output.contains(pack.topics[pack.topics.count - 1].title), "\(format): an unnamed topic")
        }
    }

    // MARK: Text

    @Test func textIsWhatShowPrints() {
        var lines: [String] = []
        for (position, index) in all.enumerated() {
            if position > 0 { lines += ["", ""] }
            lines += PlainText.lines(topic: index, pack: pack, width: 80, glyphs: .unicode)
        }
        lines += PlainText.footer(pack: pack)
        let expected = lines.map { Sanitizer.clean($0) + "\n" }.joined()
        #expect(render(.text) == expected)
        let ascii = Export.render(.text, topics: [0], pack: pack, glyphs: .ascii)
        let asciiLines = PlainText.lines(topic: 0, pack: pack, width: 80, glyphs: .ascii) + PlainText.footer(pack: pack)
        #expect(ascii == asciiLines.map { $0 + "\n" }.joined())
    }

    // MARK: Markdown

    @Test func markdownHasTheComparisonAsATable() throws {
        let lines = render(.markdown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("|") })
        #expect(lines[header].contains(pack.comparison.columns.ketamine))
        #expect(lines[header].contains(pack.comparison.columns.opioids))
        #expect(lines[header + 1].hasPrefix("|---"))
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        #expect(rows.count == pack.comparison.rows.count)
        for (line, row) in zip(rows, pack.comparison.rows) {
            #expect(line.contains("**\(row.label)**"))
            // Four unescaped bars: label | ketamine | opioids.
            let bars = line.indices.filter { line[$0] == "|" && (
                $0 == line.startIndex || line[line.index(before: $0)] != "\\") }
            #expect(bars.count == 4, "row '\(row.label)' has \(bars.count) cell bars")
        }
        #expect(lines.filter { $0.hasPrefix("|") }.count == pack.comparison.rows.count + 2, "only one table")
    }

    @Test func markdownLinksTopicsInsideTheDocument() {
        let output = render(.markdown)
        let links = topicLinks
        #expect(!links.isEmpty, "the shipped pack links panels to each other")
        for link in links {
            #expect(output.contains("[\(Export.escapeMarkdown(link.label))](#\(link.id))"))
            #expect(output.contains("<a id=\"\(link.id)\"></a>"), "no anchor for #\(link.id)")
        }
        // With the target left out, the label stays but the link goes.
        if let link = links.first, let target = pack.topicIndex(of: link.id) {
            let others = all.filter { $0 != target }
            #expect(!Export.render(.markdown, topics: others, pack: pack).contains("](#\(link.id))"))
        }
    }

    @Test func markdownNumbersTheSources() {
        let lines = render(.markdown).split(separator: "\n").map(String.init)
        for (index, source) in pack.sources.enumerated() {
            let start = "\(index + 1). " + Export.escapeMarkdown("\(source.citation) (\(pack.dateLabel(source))). \(pack.label(source.kind)).")
            #expect(lines.contains { $0.hasPrefix(start) }, "source \(index + 1) is not numbered")
            if let url = source.url { #expect(lines.contains { $0.hasPrefix(start) && $0.contains(url) }) }
        }
    }

    @Test func reviewerNotesAreNeverExported() throws {
        let notes = pack.sources.compactMap(\.reviewerNote)
        #expect(!notes.isEmpty, "the shipped pack has reviewer notes to keep out")
        for format in [Export.Format.text, .markdown, .html] {
            let output = render(format)
            for note in notes { #expect(!output.contains(note), "\(format) shows a reviewer note") }
            #expect(!output.contains("GK - verify"))
        }
    }

    @Test func iconArraysAreDrawnWithTheirTextAlternative() throws {
        let arrays = pack.topics.flatMap(\.blocks).compactMap { block -> ([Block.IconArray], String)? in
            if case .icons(let arrays, let alt) = block.kind { return (arrays, alt) }
            return nil
        }
        let (first, alt) = try #require(arrays.first, "the shipped pack has an icon array")
        let filled = String(repeating: "● ", count: min(10, first[0].filled)).dropLast()
        for format in [Export.Format.text, .markdown, .html] {
            let output = render(format)
            #expect(output.contains(filled), "\(format) draws the marks")
            #expect(output.contains("\(first[0].filled) in 100"))
            let words = InlineMarkup.plainText(alt).split(separator: " ").prefix(6).joined(separator: " ")
            #expect(output.contains(format == .html ? Export.escapeHTML(words) : words), "\(format) has the text alternative")
        }
        #expect(render(.html).contains("<pre role=\"img\" aria-label="))
    }

    @Test func markdownStructure() throws {
        let output = render(.markdown)
        #expect(output.hasPrefix("# \(pack.info.title)\n"))
        for topic in pack.topics { #expect(output.contains("## <a id=\"\(topic.id)\"></a>\(topic.title)\n")) }
        #expect(output.contains("> **Important:** "))
        #expect(output.contains("*Sources: "))
        #expect(output.contains("· Evidence: "))
        let mechanism = try #require(pack.mechanism)
        #expect(output.contains("**Picture 1 of \(mechanism.frames.count).** "))
        let arrays = pack.topics.flatMap(\.blocks).filter { if case .icons = $0.kind { return true } else { return false } }
        #expect(output.components(separatedBy: "```text\n").count - 1 == mechanism.frames.count + arrays.count)
        for term in ["NMDA receptor", "glutamate"] { #expect(output.contains("*\(term)*")) }
    }

    @Test func markdownEscapesWhatWouldBeMarkup() {
        #expect(Export.escapeMarkdown("a | b") == "a \\| b")
        #expect(Export.escapeMarkdown("*x* [y] <z> `c` _u_ ~s~ \\") == "\\*x\\* \\[y\\] \\<z> \\`c\\` \\_u\\_ \\~s\\~ \\\\")
        #expect(Export.escapeMarkdown("one\ntwo") == "one two")
    }

    // MARK: HTML

    @Test func htmlIsOneWholePage() throws {
        let output = render(.html)
        #expect(output.hasPrefix("<!DOCTYPE html>\n"))
        #expect(output.contains("<html lang=\"\(pack.info.language)\">"))
        #expect(output.contains("<meta charset=\"utf-8\">"))
        #expect(output.contains("<h1>\(Export.escapeHTML(pack.info.title))</h1>"))
        #expect(output.contains("<table>"))
        #expect(output.components(separatedBy: "<th scope=\"col\">").count - 1 == 2)
        #expect(output.components(separatedBy: "<th scope=\"row\">").count - 1 == pack.comparison.rows.count)
        for (open, close) in [("<section", "</section>"), ("<aside", "</aside>"), ("<figure>", "</figure>"),
                              ("<ul>", "</ul>"), ("<ol>", "</ol>"), ("<dl>", "</dl>"), ("<pre ", "</pre>")] {
            let opened = output.components(separatedBy: open).count - 1
            #expect(opened == output.components(separatedBy: close).count - 1, "\(open) and \(close) differ")
        }
        let paragraphs = output.components(separatedBy: "<p>").count + output.components(separatedBy: "<p ").count - 2
        #expect(paragraphs == output.components(separatedBy: "</p>").count - 1, "<p> and </p> differ")
        #expect(output.components(separatedBy: "<section").count - 1 == pack.topics.count)
        for topic in pack.topics { #expect(output.contains("<section id=\"\(topic.id)\">")) }
        for link in topicLinks { #expect(output.contains("<a href=\"#\(link.id)\">\(Export.escapeHTML(link.label))</a>")) }
        #expect(output.contains("<footer>\n<p>\(Export.escapeHTML(pack.info.disclaimer))</p>\n<p>Content version \(pack.info.version)"))
        #expect(output.hasSuffix("</html>\n"))
        let mechanism = try #require(pack.mechanism)
        #expect(output.contains("<figcaption>Picture 1 of \(mechanism.frames.count). "))
    }

    @Test func htmlEscapesEveryCharacterThatMatters() {
        #expect(Export.escapeHTML("<b>Tom & \"Jerry's\"</b>") == "&lt;b&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;")
        #expect(Export.escapeHTML("a\u{1B}[31mb") == "a\u{FFFD}[31mb")
        #expect(Export.escapeHTML("plain words") == "plain words")
    }

    /// Content with markup characters in it, in a copy of the shipped pack: HTML escapes
    /// them, the Markdown table keeps its cells.
    @Test func contentTextIsEscapedInEveryFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kx-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try copyPack(Snapshot.packDirectory, to: directory.path)
        let file = directory.appendingPathComponent("comparison.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let row = try #require(pack.comparison.rows.first)
        let tricky = "Pills & patches | <script>alert('x')</script> \\\"quoted\\\""
        let edited = original.replacingOccurrences(of: "opioids: \"\(row.opioids)\"", with: "opioids: \"\(tricky)\"")
        try #require(edited != original, "the first row's opioids cell was not found")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let copy = try ContentPack.load(from: directory.path)
        let index = try #require(copy.topicIndex(of: "ketamine-vs-opioids"))

        let html = Export.render(.html, topics: [index], pack: copy)
        #expect(!html.contains("<script>"))
        #expect(html.contains("Pills &amp; patches | &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot;"))

        let markdown = Export.render(.markdown, topics: [index], pack: copy)
        #expect(markdown.contains("Pills & patches \\| \\<script>alert('x')\\</script> \"quoted\""))
    }
}
