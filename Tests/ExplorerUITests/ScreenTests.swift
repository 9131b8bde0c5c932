import Foundation
import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Testing

/// Golden screens of view(state, size) at 80x24, 120x40 and the too-small screen.
@Suite struct ScreenTests {
    let pack: ContentPack
    let documents: PanelDocuments

    init() throws {
        pack = try Snapshot.loadPack()
        documents = PanelDocuments(pack: pack, glyphs: .unicode)
    }

    private func screen(_ size: Size, keys: [Key] = [], reading panel: Int? = nil) -> Buffer {
        var state = AppState(panelCount: pack.topics.count, size: size)
        // A panel is opened as a reader opens it: down the list to it, then Enter.
        let opening: [Key] = panel.map { Array(repeating: .down, count: $0) + [.enter] } ?? []
        for key in opening + keys { _ = documents.update(&state, .key(key)) }
        return ExplorerView.render(state, documents: documents)
    }

    @Test func eachPanelAt80x24() throws {
        try Snapshot.assert(screen(Size(width: 80, height: 24)), named: "browse-80x24-1-overview")
        for (index, topic) in pack.topics.enumerated().dropFirst() {
            let buffer = screen(Size(width: 80, height: 24), reading: index)
            try Snapshot.assert(buffer, named: "browse-80x24-\(index + 1)-\(topic.id)")
        }
    }

    @Test func widerScreensShowMoreAt120x40() throws {
        try Snapshot.assert(screen(Size(width: 120, height: 40)), named: "browse-120x40-1-overview")
        try Snapshot.assert(screen(Size(width: 120, height: 40), keys: [.character("5"), .pageDown]),
                            named: "browse-120x40-5-ketamine-vs-opioids-page-2")
    }

    /// From a double-size console font (40x12) to a wide monitor: choosing, reading, and the
    /// safety line and the essential keys on every one.
    @Test(arguments: [Size(width: 40, height: 12), Size(width: 60, height: 20), Size(width: 80, height: 24),
                      Size(width: 120, height: 40), Size(width: 200, height: 60)])
    func everySizeFromFortyByTwelve(_ size: Size) throws {
        let name = "\(size.width)x\(size.height)"
        let choosing = screen(size, keys: [.down])
        try Snapshot.assert(choosing, named: "size-\(name)-choosing")
        let reading = screen(size, reading: 1)
        try Snapshot.assert(reading, named: "size-\(name)-reading")
        for buffer in [choosing, reading] {
            let text = buffer.textLines().joined(separator: "\n")
            #expect(text.contains("911") && text.contains("988"), "\(name): the safety line")
            #expect(text.contains("? help") && text.contains("q quit"), "\(name): help and quit")
        }
        let widest = reading.textLines().map { $0.trimmingCharacters(in: .whitespaces).count }
        #expect(widest.dropFirst().dropLast(3).allSatisfy { $0 <= ScreenLayout.maximumTextWidth }, "\(name): lines at most 90")
    }

    /// At large print the help and the sources scroll: the last key and the last source can
    /// be reached with the arrows, and any other key closes the box.
    @Test func helpAndSourcesScrollWhereTheyDoNotFit() throws {
        let size = Size(width: 40, height: 12)
        var state = AppState(panelCount: pack.topics.count, size: size)
        _ = documents.update(&state, .key(.character("?")))
        let first = ExplorerView.render(state, documents: documents).textLines().joined(separator: "\n")
        let last = try #require(BrowseKeys.active(for: state).bindings.last)
        #expect(first.contains("more") && !first.contains(last.keyLabel + " "), "\(first)")
        _ = documents.update(&state, .key(.end))
        let end = ExplorerView.render(state, documents: documents).textLines().joined(separator: " ")
        #expect(end.split(separator: " ").joined(separator: " ").contains(documents.pack.ui[last.help]), "\(end)")
        _ = documents.update(&state, .key(.up))
        #expect(state.overlay == .help && state.boxScroll > 0)
        _ = documents.update(&state, .key(.escape))
        #expect(state.overlay == nil && state.focus == .panels, "Esc only closed the box")

        let shipped = try ContentPack.load(from: Snapshot.shippedPackDirectory)
        let many = PanelDocuments(pack: shipped, glyphs: .unicode)
        let panel = try #require(shipped.topics.indices.max { shipped.sourceIDs(citedBy: shipped.topics[$0]).count
                                                              < shipped.sourceIDs(citedBy: shipped.topics[$1]).count })
        var reading = AppState(panelCount: shipped.topics.count, size: Size(width: 60, height: 20))
        _ = many.update(&reading, .action(.jump(panel)))
        _ = many.update(&reading, .key(.character("s")))
        for _ in 0..<200 { _ = many.update(&reading, .key(.pageDown)) }
        let lastID = try #require(shipped.sourceIDs(citedBy: shipped.topics[panel]).last)
        let number = try #require(shipped.sourceNumber(lastID))
        let bottom = ExplorerView.render(reading, documents: many).textLines()
        #expect(reading.overlay == .sources && bottom.contains { $0.contains("│ \(number). ") }, "\(bottom.joined(separator: "\n"))")
    }

    @Test func helpListsEveryKey() throws {
        let shown = screen(Size(width: 80, height: 24), keys: [.character("?")])
        let lines = shown.textLines()
        try Snapshot.assert(shown, named: "help-80x24")
        let text = lines.joined(separator: "\n")
        let keys = BrowseKeys.active(for: AppState(panelCount: pack.topics.count, size: Size(width: 80, height: 24)))
        for binding in keys.bindings { #expect(text.contains(pack.ui[binding.help])) }
    }

    /// The help lists the keys of what is under it: reading a panel, and watching a picture
    /// (whose own keys join the reading ones). Tall enough that the box does not scroll.
    @Test func theHelpListsEveryKeyOfReadingAndWatching() throws {
        let size = Size(width: 120, height: 60)
        let picture = try #require(pack.topics.firstIndex { $0.blocks.contains { $0.kind == .include(.mechanism) } })
        for panel in [0, picture] {
            var state = AppState(panelCount: pack.topics.count, size: size)
            for key in Array(repeating: Key.down, count: panel) + [.enter] { _ = documents.update(&state, .key(key)) }
            let keys = BrowseKeys.active(for: state)
            _ = documents.update(&state, .key(.character("?")))
            let text = ExplorerView.render(state, documents: documents).textLines().joined(separator: "\n")
            let missing = keys.bindings.map { pack.ui[$0.help] }.filter { !text.contains($0) }
            #expect(state.overlay == .help && missing.isEmpty, "panel \(panel + 1): \(missing)")
        }
    }

    @Test func theSourcesKeyListsThePanelsFullCitations() throws {
        let shown = screen(Size(width: 80, height: 24), keys: [.character("s")], reading: 0)
        let lines = shown.textLines()
        try Snapshot.assert(shown, named: "sources-80x24-1-overview")
        let first = try #require(pack.sourceIDs(citedBy: pack.topics[0]).first.flatMap(pack.source))
        let text = lines.joined(separator: " ")
        #expect(text.contains(String(first.citation.prefix(20))))
    }

    @Test func searchShowsPanelNamesAndMarkedSnippets() throws {
        let keys: [Key] = [.character("/")] + "magnesium".map { Key.character($0) }
        let buffer = screen(Size(width: 80, height: 24), keys: keys)
        let lines = buffer.textLines()
        try Snapshot.assert(buffer, named: "search-80x24-magnesium")
        #expect(lines[1].contains("Search: magnesium"))
        #expect(lines[22].contains("Esc close") && lines[22].contains("Enter open"))
        #expect(buffer.cells.contains { $0.role == .match })
    }

    /// A slip of the keyboard still finds the word meant, says so, and marks that word.
    @Test func aMisspeltSearchFindsTheWordMeantAndSaysSo() throws {
        let keys: [Key] = [.character("/")] + "magnesum".map { Key.character($0) }
        let lines = screen(Size(width: 80, height: 24), keys: keys).textLines()
        #expect(lines[2].contains("Nothing for \"magnesum\".") && lines[2].contains("found for \"magnesium\""), "\(lines[2])")
        let opened = screen(Size(width: 80, height: 24), keys: keys + [.enter])
        let marked = opened.cells.filter { $0.role == .match }.map(\.text).joined()
        #expect(marked.lowercased().hasPrefix("magnesium"))
    }

    @Test func anOpenedResultMarksTheWordsFound() throws {
        let keys: [Key] = [.character("/")] + "magnesium".map { Key.character($0) } + [.enter]
        let buffer = screen(Size(width: 80, height: 24), keys: keys)
        try Snapshot.assert(buffer, named: "search-opened-magnesium")
        #expect(buffer.textLines()[1].contains(pack.topics[try #require(pack.topicIndex(of: "how-ketamine-works"))].title))
        let marked = (0..<buffer.size.height).compactMap { y -> String? in
            let text = (0..<buffer.size.width).filter { buffer[$0, y].role == .match }.map { buffer[$0, y].text }.joined()
            return text.isEmpty ? nil : text
        }
        #expect(marked.first?.lowercased() == "magnesium")
    }

    @Test func aFocusedLinkIsReversedAndEnterShowsTheDefinition() throws {
        let focused = screen(Size(width: 80, height: 24), keys: [.tab], reading: 0)
        #expect(focused.cells.contains { $0.role == .linkFocused })
        let definition = screen(Size(width: 80, height: 24), keys: [.tab, .enter], reading: 0)
        let lines = definition.textLines()
        try Snapshot.assert(definition, named: "definition-80x24-overview-first-link")
        #expect(lines.joined(separator: " ").contains("Any key closes this. g: the whole glossary."))
    }

    @Test func matchLinesStayInsideThePanelWhicheverWayAndWherever() throws {
        let size = Size(width: 80, height: 24)
        var reading = AppState(panelCount: pack.topics.count, size: size)
        _ = documents.update(&reading, .action(.jump(3)))
        let layout = try #require(reading.layout)
        let count = documents.lines(panel: 3, area: ScreenLayout(size: size, reading: true, info: pack.info).text.size).count
        #expect(layout.searchText.count == count)
        for line in [-5, -1, 0, 1, count - 1, count, count + 5] {
            for forward in [true, false] {
                if let found = layout.matchLine("magnesium", from: line, forward: forward) {
                    #expect((0..<count).contains(found))
                    #expect(forward ? found >= line : found <= line)
                }
            }
        }
        // Going back from the top, after opening a search result there: nothing to find, no crash.
        let keys: [Key] = [.character("/")] + "magnesium".map { Key.character($0) } + [.enter, .home, .character("N")]
        _ = screen(size, keys: keys)
    }

    @Test func clicksHitWhatIsDrawnThere() throws {
        let size = Size(width: 80, height: 24)
        let choosing = AppState(panelCount: pack.topics.count, size: size)
        #expect(documents.target(atX: 5, y: 3, in: choosing) == .panel(2))
        let footer = screen(size).textLines()[22]
        let quit = try #require(footer.range(of: "q quit"))
        let column = footer.distance(from: footer.startIndex, to: quit.lowerBound) + 1
        #expect(documents.target(atX: column, y: 22, in: choosing) == .action(.quit))

        var reading = choosing
        _ = documents.update(&reading, .key(.enter))
        let buffer = ExplorerView.render(reading, documents: documents)
        let cell = try #require((0..<size.height).lazy.flatMap { y in (0..<size.width).lazy.map { (x: $0, y: y) } }
            .first { buffer[$0.x, $0.y].role == .link })
        guard case .link? = documents.target(atX: cell.x, y: cell.y, in: reading) else {
            Issue.record("a link cell is not a link target")
            return
        }
        #expect(documents.target(atX: 0, y: 0, in: reading) == nil)
    }

    /// Below 40x12: the safety line first, down to a single row, then the size needed.
    @Test func tooSmallScreenSaysWhatSizeIsNeededAndKeepsTheSafetyLine() throws {
        let shown = screen(Size(width: 39, height: 11))
        let lines = shown.textLines()
        try Snapshot.assert(shown, named: "too-small-39x11")
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
            .contains("Please enlarge the window to at least 40x12 (now 39x11)."))
        for size in [Size(width: 39, height: 1), Size(width: 30, height: 2), Size(width: 20, height: 3)] {
            let text = screen(size).textLines().joined(separator: " ")
            #expect(text.contains("911") && text.contains("988"), "\(size): \(text)")
        }
    }

    @Test func anySizeDrawsWithoutCrashing() {
        for width in [0, 1, 2, 5, 13, 40, 79, 80, 81, 200] {
            for height in [0, 1, 2, 3, 23, 24, 25, 60] {
                let buffer = screen(Size(width: width, height: height), keys: [.character("5"), .end, .character("?")])
                #expect(buffer.size == Size(width: width, height: height))
            }
        }
    }

    /// The glossary reads in alphabetical order whatever order glossary.yaml keeps.
    @Test func theGlossaryIsInAlphabeticalOrder() throws {
        let shipped = try ContentPack.load(from: Snapshot.shippedPackDirectory)
        let index = try #require(shipped.topics.firstIndex { $0.blocks.contains { $0.kind == .include(.glossary) } })
        let text = PlainText.lines(topic: index, pack: shipped, width: 200).joined(separator: "\n")
        let terms = shipped.glossary.map(\.term)
        #expect(terms != terms.sorted { $0.lowercased() < $1.lowercased() }, "the file is not sorted, so the test can fail")
        let places = terms.sorted { $0.lowercased() < $1.lowercased() }.map { term in
            text.range(of: "\n\(term)")?.lowerBound ?? text.range(of: term)?.lowerBound
        }
        #expect(places.allSatisfy { $0 != nil })
        let found = places.compactMap { $0 }
        #expect(found == found.sorted(), "\(zip(terms.sorted { $0.lowercased() < $1.lowercased() }, found).map(\.0))")
    }

    @Test func everyFullScreenCarriesTheSafetyLineAndKeyHints() {
        for index in pack.topics.indices {
            let lines = screen(Size(width: 80, height: 24), reading: index).textLines()
            #expect(lines[23].contains(pack.info.disclaimer))
            #expect(lines[22].contains("? help") && lines[22].contains("q quit"))
        }
    }

    @Test func theSelectionIsShownByMoreThanColour() {
        let choosing = screen(Size(width: 80, height: 24), keys: [.down])
        #expect(choosing.textLines()[2].hasPrefix("▸ 2 \(pack.topics[1].menu)"))
        #expect(choosing[4, 2].role == .listSelected)
        #expect(choosing.textLines()[1].hasPrefix("  1 Overview"))
    }

    @Test func openingAPanelReadsItFullWidthAndEscapeComesBack() {
        let reading = screen(Size(width: 80, height: 24), keys: [.down, .enter])
        let lines = reading.textLines()
        #expect(lines[0].hasSuffix("Panel 2 of \(pack.topics.count)"))
        #expect(!lines.contains { $0.contains("1 Overview") })
        #expect(lines[1].hasPrefix(" \(pack.topics[1].title)"))
        let back = screen(Size(width: 80, height: 24), keys: [.down, .enter, .escape])
        #expect(back.textLines()[2].hasPrefix("▸ 2 \(pack.topics[1].menu)"))
    }
}

@Suite struct ComparisonLayoutTests {
    let pack: ContentPack

    init() throws { pack = try Snapshot.loadPack() }

    private var comparisonIndex: Int { pack.topicIndex(of: "ketamine-vs-opioids") ?? 0 }

    @Test(arguments: [true, false])
    func tableFitsEightyColumnsWithSourcesOnEveryRow(reading: Bool) {
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        let area = ScreenLayout(size: Size(width: 80, height: 24), reading: reading, info: pack.info).text.size
        let width = area.width
        let lines = documents.lines(panel: comparisonIndex, area: area)
        #expect(lines.allSatisfy { $0.displayWidth <= width })
        let text = lines.map(\.plainText).joined(separator: "\n")
        #expect(text.contains("│ \(pack.comparison.columns.ketamine)"))
        let sourceLabels = lines.filter { $0.contains { $0.role == .source && $0.text.hasPrefix("Source") } }
        #expect(sourceLabels.count >= pack.comparison.rows.count)
    }

    @Test func narrowWidthsStackEachRow() throws {
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        let lines = documents.lines(panel: comparisonIndex, area: Size(width: 40, height: 20)).map(\.plainText)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(!lines.contains { $0.contains(" │ ") })   // table column separators
        let first = pack.comparison.rows[0]
        let start = try #require(lines.firstIndex { $0.hasPrefix(first.label) }, "no row begins with \(first.label)")
        #expect(lines.dropFirst(start + 1).first?.hasPrefix("  \(pack.comparison.columns.ketamine): ") == true)
    }

    @Test func plainTextStacksTablesAndHasNoEscapes() throws {
        let lines = PlainText.lines(topic: comparisonIndex, pack: pack, width: 80)
        try Snapshot.assert(lines, named: "plain-ketamine-vs-opioids")
        #expect(!lines.joined().unicodeScalars.contains { Sanitizer.isForbidden($0) })
        #expect(lines.contains { $0.hasPrefix("  \(pack.comparison.columns.opioids): ") })
    }
}

@Suite struct CalloutLayoutTests {
    @Test func aBulletLineInACalloutWrapsUnderItsText() throws {
        let pack = try Snapshot.loadPack()
        let panel = try #require(pack.topicIndex(of: "symptoms"))
        let lines = PanelDocuments(pack: pack, glyphs: .unicode).lines(panel: panel, area: Size(width: 60, height: 18))
            .map(\.plainText)
        let bullet = try #require(lines.firstIndex { $0.contains("• Trouble breathing") })
        #expect(lines[bullet + 1].hasPrefix("│   "), "the wrapped part of a bullet hangs under its text: \(lines[bullet + 1])")
        #expect(lines[bullet + 2].hasPrefix("└"), "no empty line for the block's final line break")
    }
}

/// Plain mode's browsing is the explorer's own state machine, driven by typed messages.
@Suite struct PlainBrowserTests {
    let pack: ContentPack

    init() throws { pack = try Snapshot.loadPack() }

    @Test func aSearchReportsEveryResultTheScreenFindsAndANumberOpensIt() throws {
        var browser = PlainBrowser(pack: pack)
        _ = browser.start()
        _ = browser.handle("s")
        let found = browser.handle("gate").lines
        let hits = ContentQueries(pack: pack).search("gate")
        #expect(hits.count > 1)
        #expect(found.first == "Found \(hits.count) for \"gate\":")
        let opened = browser.handle("2").lines
        #expect(opened.contains { $0.hasPrefix("End of panel \(hits[1].topic + 1) of \(pack.topics.count)") })
        // n reads on to the next panel; Enter goes back to the list.
        let next = browser.handle("n").lines
        #expect(next.contains { $0.hasPrefix("End of panel \(min(hits[1].topic + 2, pack.topics.count)) of") })
        #expect(browser.handle("").lines.first == "Panels:")
    }

    /// Every line plain mode prints fits the terminal's width, prompts and messages too, and
    /// no title ending in a question mark gets a full stop after it.
    @Test(arguments: [40, 60, 80])
    func everyLineFitsTheWidthAndEndsOnce(_ width: Int) throws {
        let shipped = try ContentPack.load(from: Snapshot.shippedPackDirectory)
        var browser = PlainBrowser(pack: shipped, width: width)
        var lines = browser.start()
        for input in ["2", "n", "p", "?", "", "s", "pain", "1", "s", "opiod", "99", "x", "q"] {
            lines += browser.handle(input).lines
        }
        let wide = lines.filter { DisplayWidth.of($0) > width }
        #expect(wide.isEmpty, "\(wide)")
        #expect(!lines.contains { $0.contains("?.") || $0.contains("!.") }, "\(lines.filter { $0.contains("?.") })")
        #expect(lines.contains { $0.hasPrefix("Nothing for \"opiod\". Found") })
    }
}

/// Link numbers come from the content alone: the pack's own reading order of a panel's links
/// is the order the screen draws them in, at any width, so following link n needs no layout.
@Suite struct LinkOrderTests {
    @Test(arguments: [Snapshot.packDirectory, Snapshot.shippedPackDirectory])
    func theContentsLinkOrderIsTheScreensAtEveryWidth(_ directory: String) throws {
        let pack = try ContentPack.load(from: directory)
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        var checked = 0
        for panel in pack.topics.indices {
            let expected = pack.links(inTopic: panel)
            checked += expected.count
            for width in [78, 40] {   // the table, and its stacks
                #expect(documents.document(panel: panel, area: Size(width: width, height: 18)).links == expected,
                        "panel \(pack.topics[panel].id) at \(width) columns")
            }
            for (number, link) in expected.enumerated() {
                let target = documents.content.linkTarget(panel: panel, link: number)
                switch link {
                case .term(let term): #expect(target == pack.glossaryEntry(for: term).map { .definition(term: $0.term) })
                case .topic(let id): #expect(target == pack.topicIndex(of: id).map(LinkTarget.panel))
                }
            }
        }
        #expect(checked > 5, "the pack has links to check")
    }
}
