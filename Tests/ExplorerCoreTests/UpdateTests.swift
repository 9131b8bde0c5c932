import ContentModel
import ExplorerCore
import TermRender
import Testing

/// Layout and content without a content pack: every panel is `lines` long, a page is 10 lines
/// (5 on a screen under 24 rows). Search finds "pain" on panels 1 and 3, and lines 12 and 25 of
/// every panel hold it. Every panel has three links on line 4 (0 a term, 1 to panel 2, 2 to
/// panel 4), so they are on screen while scrolled less than 5 lines.
/// Panel `diagramPanel` has an animated picture of 6 frames, 4 s each, on `diagramLines`.
struct FixedMetrics: ContentAnswers {
    var lines = 30
    var diagramPanel: Int? = nil
    var diagramLines = 1..<9
    func search(_ query: String) -> [SearchHit] {
        guard !query.isEmpty, "pain".hasPrefix(query.lowercased()) else { return [] }
        return [1, 3].map { SearchHit(topic: $0, snippet: "chronic pain", matchStart: 8, matchLength: query.count) }
    }
    func linkTarget(panel: Int, link: Int) -> LinkTarget? {
        [LinkTarget.definition(term: "glutamate"), .panel(2), .panel(4)][link]
    }
    var glossaryPanel: Int? { 4 }

    /// What the view would send as `.layout` for the panel `state` has open.
    func layout(for state: AppState) -> PanelLayout {
        let text = (0..<lines).map { [12, 25].contains($0) ? "chronic pain" : "line \($0)" }
        return PanelLayout(panel: state.selected, size: state.size, pageHeight: state.size.height >= 24 ? 10 : 5,
                           searchText: text, links: (0..<3).map { LinkPlace(line: 4, link: $0) },
                           diagram: state.selected == diagramPanel
                               ? DiagramInfo(lines: diagramLines, frameCount: 6, secondsPerFrame: 4) : nil,
                           overlay: state.overlay, box: state.overlay.map(\.scrolls) == true ? BoxExtent(lines: 30, rows: 10) : nil)
    }
}

/// Applies `msg` as the run loop does: then, if `update` asks for the open panel's layout, sends it.
func update(_ state: inout AppState, _ msg: Msg, metrics: FixedMetrics) -> [Effect] {
    var effects = update(&state, msg, content: metrics)
    if state.needsLayout { effects += update(&state, .layout(metrics.layout(for: state)), content: metrics) }
    return effects
}

@Suite struct UpdateTests {
    private let size = Size(width: 80, height: 24)

    private func run(_ keys: [Key], panels: Int = 5, metrics: FixedMetrics = FixedMetrics()) -> (AppState, [Effect]) {
        var state = AppState(panelCount: panels, size: size)
        var effects: [Effect] = []
        for key in keys { effects += update(&state, .key(key), metrics: metrics) }
        return (state, effects)
    }

    @Test func startsOnTheFirstPanelWithTheListFocused() {
        let state = AppState(panelCount: 5, size: size)
        #expect(state.selected == 0)
        #expect(state.focus == .panels)
        #expect(state.overlay == nil)
    }

    /// While reading, ] and [ open the next and previous panel at its top, and Backspace comes
    /// back to where the reader was; the footer offers them.
    @Test func bracketsOpenTheNextAndPreviousPanelWhileReading() {
        let (next, _) = run([.enter, .pageDown, .character("]")])
        #expect(next.selected == 1 && next.focus == .content && next.scroll == 0)
        #expect(run([.enter, .character("]"), .character("]"), .character("[")]).0.selected == 1)
        #expect(run([.enter, .character("[")]).0.selected == 4)   // round from the first to the last
        let (back, _) = run([.enter, .pageDown, .character("]"), .backspace])
        #expect(back.selected == 0 && back.scroll > 0)
        #expect(BrowseKeys.reading.footerHints.contains { $0.keys == "] [" && $0.action == .openNextPanel })
        #expect(run([.character("]")]).0.focus == .panels, "choosing: Tab moves, ] does nothing")
    }

    /// A box longer than the screen (30 lines, 10 rows here) scrolls as far as it goes and
    /// no further; any other key closes it and does nothing else.
    @Test func aLongBoxScrollsAndAnyOtherKeyClosesIt() {
        let (state, _) = run([.enter, .character("?"), .down, .down, .pageDown])
        #expect(state.overlay == .help && state.boxScroll == 11)
        #expect(run([.enter, .character("?"), .end, .down]).0.boxScroll == 20)
        #expect(run([.enter, .character("?"), .end, .home]).0.boxScroll == 0)
        let (closed, _) = run([.enter, .character("s"), .down, .character("3")])
        #expect(closed.overlay == nil && closed.selected == 0 && closed.boxScroll == 0)
        #expect(run([.enter, .character("?"), .down, .escape, .character("?")]).0.boxScroll == 0, "a box opens at its top")
    }

    @Test func arrowsAndVimKeysMoveThroughTheListAndStopAtTheEnds() {
        #expect(run([.down, .character("j"), .down]).0.selected == 3)
        #expect(run([.down, .down, .up, .character("k")]).0.selected == 0)
        #expect(run(Array(repeating: .down, count: 9)).0.selected == 4)
        #expect(run([.character("G")]).0.selected == 4)
        #expect(run([.end, .home]).0.selected == 0)
    }

    @Test func enterOpensAndEscapeOrBackspaceGoesBack() {
        #expect(run([.enter]).0.focus == .content)
        #expect(run([.character("l")]).0.focus == .content)
        #expect(run([.enter, .escape]).0.focus == .panels)
        #expect(run([.enter, .backspace]).0.focus == .panels)
        #expect(run([.right, .character("h")]).0.focus == .panels)
    }

    @Test func arrowsScrollTheOpenPanelAndStopAtItsEnd() {
        #expect(run([.enter, .down, .character("j")]).0.scroll == 2)
        #expect(run([.enter, .down, .up, .up]).0.scroll == 0)
        #expect(run([.enter] + Array(repeating: .down, count: 50)).0.scroll == 20)
        #expect(run([.enter, .character("G")]).0.scroll == 20)
        #expect(run([.enter, .end, .home]).0.scroll == 0)
    }

    @Test func pagingMovesAPageLessOneLineFromEitherSide() {
        #expect(run([.pageDown]).0.scroll == 9)
        #expect(run([.character(" "), .character(" ")]).0.scroll == 18)
        #expect(run([.pageDown, .pageDown, .pageDown]).0.scroll == 20)
        #expect(run([.pageDown, .pageDown, .pageUp]).0.scroll == 9)
    }

    @Test func tabCyclesPanelsBothWays() {
        #expect(run([.tab, .tab]).0.selected == 2)
        #expect(run([.backTab]).0.selected == 4)
        #expect(run(Array(repeating: .tab, count: 5)).0.selected == 0)
    }

    @Test func digitsJumpToAPanelAndOpenIt() {
        let (state, _) = run([.character("3")])
        #expect(state.selected == 2)
        #expect(state.focus == .content)
        #expect(run([.character("9")]).0.selected == 0)   // no ninth panel: nothing happens
    }

    @Test func eachPanelKeepsItsOwnScrollPosition() {
        let (state, _) = run([.enter, .pageDown, .escape, .tab, .backTab])
        #expect(state.selected == 0)
        #expect(state.scroll == 9)
        #expect(state.scrollOffsets[1] == 0)
    }

    @Test func helpOpensAndAnyKeyClosesItWithoutActing() {
        #expect(run([.character("?")]).0.overlay == .help)
        #expect(run([.function(1)]).0.overlay == .help)
        let (state, effects) = run([.character("?"), .character("q")])
        #expect(state.overlay == nil)
        #expect(effects.isEmpty)
        #expect(run([.character("?"), .down]).0.selected == 0)
    }

    @Test func sShowsTheSourcesAndAnyKeyClosesThem() {
        #expect(run([.character("s")]).0.overlay == .sources)
        let (state, effects) = run([.character("s"), .escape])
        #expect(state.overlay == nil)
        #expect(state.focus == .panels)
        #expect(effects.isEmpty)
    }

    @Test func qQuitsAndUnknownKeysDoNothing() {
        #expect(run([.character("q")]).1 == [.quit])
        let (state, effects) = run([.character("z"), .control("x"), .unknown(999)])
        #expect(effects.isEmpty)
        #expect(state == AppState(panelCount: 5, size: size))
    }

    @Test func resizingClampsScrollToTheNewEnd() {
        var state = AppState(panelCount: 2, size: size)
        let metrics = FixedMetrics()
        _ = update(&state, .key(.end), metrics: metrics)
        _ = update(&state, .key(.enter), metrics: metrics)
        _ = update(&state, .key(.end), metrics: metrics)
        #expect(state.scroll == 20)
        _ = update(&state, .resize(Size(width: 120, height: 40)), metrics: FixedMetrics(lines: 15))
        #expect(state.scroll == 5)
        #expect(state.size == Size(width: 120, height: 40))
    }

    @Test func aPanelScrolledBeforeAResizeIsClampedWhenOpenedAgain() {
        var state = AppState(panelCount: 2, size: size)
        let long = FixedMetrics()
        _ = update(&state, .key(.enter), metrics: long)
        _ = update(&state, .key(.end), metrics: long)
        _ = update(&state, .key(.escape), metrics: long)
        _ = update(&state, .key(.tab), metrics: long)
        let short = FixedMetrics(lines: 15)
        _ = update(&state, .resize(Size(width: 120, height: 40)), metrics: short)
        _ = update(&state, .key(.backTab), metrics: short)
        _ = update(&state, .key(.enter), metrics: short)
        #expect(state.selected == 0)
        #expect(state.scroll == 5, "the last line at the bottom, as far as the shorter text goes")
    }

    /// Below 40x12 the screen only asks to be enlarged: keys wait (nothing happens unseen),
    /// except quit.
    @Test func belowFortyByTwelveKeysWaitButQuitQuits() {
        var state = AppState(panelCount: 5, size: Size(width: 39, height: 20))
        #expect(state.isTooSmall)
        for key in [Key.down, .enter, .character("?"), .character("3"), .character("/")] {
            _ = update(&state, .key(key), metrics: FixedMetrics())
        }
        #expect(state.selected == 0 && state.focus == .panels && state.overlay == nil && state.search == nil)
        #expect(update(&state, .key(.character("q")), metrics: FixedMetrics()) == [.quit])
        _ = update(&state, .resize(Size(width: 40, height: 12)), metrics: FixedMetrics())
        #expect(!state.isTooSmall)
        _ = update(&state, .key(.down), metrics: FixedMetrics())
        #expect(state.selected == 1)
    }
}

@Suite struct SearchUpdateTests {
    private let size = Size(width: 80, height: 24)

    private func run(_ keys: [Key]) -> AppState {
        var state = AppState(panelCount: 5, size: size)
        for key in keys { _ = update(&state, .key(key), metrics: FixedMetrics()) }
        return state
    }

    @Test func slashOpensSearchAndTypedLettersFormTheQuery() {
        let state = run([.character("/"), .character("P"), .character("a"), .character("q")])
        #expect(state.search?.query == "Paq")
        #expect(state.search?.hits.isEmpty == true)
        #expect(run([.character("/"), .character("p"), .character("a")]).search?.hits.count == 2)
    }

    @Test func lettersThatAreKeysElsewhereAreTypedWhileSearching() {
        let state = run([.character("/"), .character("q"), .character("j"), .character("?")])
        #expect(state.search?.query == "qj?")
        #expect(state.overlay == nil)
    }

    @Test func backspaceDeletesAndEscapeCloses() {
        #expect(run([.character("/"), .character("p"), .character("x"), .backspace]).search?.query == "p")
        #expect(run([.character("/"), .backspace]).search?.query == "")
        #expect(run([.character("/"), .character("p"), .escape]).search == nil)
    }

    /// A 16,000-character paste (a barcode reader, a keyboard macro) searched the whole pack
    /// once per character on a growing query and froze the screen for 13 s: the query stops at
    /// its limit, and keys past it search nothing.
    @Test func aLongPasteStopsAtTheLimitAndSearchesNoMore() {
        final class Counter: @unchecked Sendable { var searches = 0, longest = 0 }
        struct Counting: ContentAnswers {
            let counter: Counter
            func search(_ query: String) -> [SearchHit] {
                counter.searches += 1
                counter.longest = max(counter.longest, query.count)
                return FixedMetrics().search(query)
            }
            func linkTarget(panel: Int, link: Int) -> LinkTarget? { nil }
            var glossaryPanel: Int? { nil }
        }
        let counter = Counter()
        var state = AppState(panelCount: 5, size: size)
        _ = update(&state, .key(.character("/")), content: Counting(counter: counter))
        for character in String(repeating: "pain relief ", count: 1_334) {
            _ = update(&state, .key(.character(character)), content: Counting(counter: counter))
        }
        let limit = AppState.SearchState.maximumLength
        #expect(state.search?.query.count == limit)
        #expect(counter.searches == limit, "one search per character kept, none after")
        #expect(counter.longest == limit)
        _ = update(&state, .searchFor(String(repeating: "x", count: 16_000)), content: Counting(counter: counter))
        #expect(state.search?.query.count == limit)
        _ = update(&state, .key(.backspace), content: Counting(counter: counter))
        #expect(state.search?.query.count == limit - 1, "Backspace still edits a full query")
    }

    @Test func controlCharactersNeverReachTheQuery() {
        let state = run([.character("/"), .character("p"), .character("\u{1B}"), .character("\u{9B}"), .control("c")])
        #expect(state.search?.query == "p")
    }

    @Test func enterOpensTheChosenHitScrolledToTheMatch() {
        let state = run([.character("/"), .character("p"), .down, .enter])
        #expect(state.search == nil)
        #expect(state.selected == 3)
        #expect(state.focus == .content)
        #expect(state.scroll == 11)
        #expect(state.highlight == "p")
    }

    @Test func nAndShiftNMoveBetweenMatchesInThePanel() {
        let opened = run([.character("/"), .character("p"), .enter])
        var state = opened
        _ = update(&state, .key(.character("n")), metrics: FixedMetrics())
        #expect(state.scroll == 12)
        _ = update(&state, .key(.character("n")), metrics: FixedMetrics())
        #expect(state.scroll == 20)   // the match on line 25, as far as the panel scrolls
        _ = update(&state, .key(.character("N")), metrics: FixedMetrics())
        #expect(state.scroll == 12)
    }

    @Test func leavingThePanelForgetsTheHighlight() {
        #expect(run([.character("/"), .character("p"), .enter, .character("3")]).highlight == nil)
        #expect(run([.character("/"), .character("p"), .enter, .escape]).highlight == nil)
        #expect(run([.character("n")]).scroll == 0)   // nothing searched: n does nothing
    }
}

@Suite struct LinkAndHistoryTests {
    private let size = Size(width: 80, height: 24)

    private func run(_ keys: [Key], from start: AppState? = nil) -> AppState {
        var state = start ?? AppState(panelCount: 5, size: size)
        for key in keys { _ = update(&state, .key(key), metrics: FixedMetrics()) }
        return state
    }

    @Test func tabMovesBetweenTheLinksOnScreenWhileReading() {
        #expect(run([.enter, .tab]).focusedLink == 0)
        #expect(run([.enter, .tab, .tab, .tab, .tab]).focusedLink == 2)
        #expect(run([.enter, .backTab]).focusedLink == 2)
        #expect(run([.enter, .tab, .tab, .backTab]).focusedLink == 0)
        #expect(run([.tab]).selected == 1)   // choosing: Tab still moves through panels
    }

    @Test func followingATermOpensItsDefinition() {
        let state = run([.enter, .tab, .enter])
        #expect(state.overlay == .definition(term: "glutamate"))
        #expect(state.selected == 0)
    }

    @Test func followingAPanelLinkOpensItAndBackspaceComesBackToTheSameScroll() {
        let scrolled = run([.enter, .down, .down, .tab, .tab, .enter])
        #expect(scrolled.selected == 2)
        #expect(scrolled.scroll == 0)
        #expect(scrolled.history == [AppState.Location(panel: 0, scroll: 2)])
        let back = run([.backspace], from: scrolled)
        #expect(back.selected == 0)
        #expect(back.scroll == 2)
        #expect(back.focus == .content)
        let forward = run([.altRight], from: back)
        #expect(forward.selected == 2)
        let alsoBack = run([.altLeft], from: scrolled)
        #expect(alsoBack.selected == 0)
    }

    @Test func gOpensTheGlossaryAndBackspaceReturns() {
        let state = run([.enter, .character("g")])
        #expect(state.selected == 4)
        #expect(state.focus == .content)
        #expect(run([.backspace], from: state).selected == 0)
    }

    @Test func backspaceWithNoHistoryGoesBackToTheList() {
        #expect(run([.enter, .backspace]).focus == .panels)
    }
}

@Suite struct PointerTests {
    private let size = Size(width: 80, height: 24)

    private func run(_ messages: [Msg]) -> (AppState, [Effect]) {
        var state = AppState(panelCount: 5, size: size)
        var effects: [Effect] = []
        for message in messages { effects += update(&state, message, metrics: FixedMetrics()) }
        return (state, effects)
    }

    @Test func tappingAPanelNameOpensIt() {
        let (state, _) = run([.tap(.panel(2))])
        #expect(state.selected == 2)
        #expect(state.focus == .content)
    }

    @Test func tappingALinkFollowsIt() {
        let (state, _) = run([.key(.enter), .tap(.link(1))])
        #expect(state.selected == 2)
        #expect(state.history == [AppState.Location(panel: 0, scroll: 0)])
    }

    @Test func tappingAFooterHintDoesWhatItsKeyDoes() {
        #expect(run([.tap(.action(.quit))]).1 == [.quit])
        #expect(run([.tap(nil)]).1.isEmpty)
    }

    @Test func tappingASearchResultOpensIt() {
        let (state, _) = run([.key(.character("/")), .key(.character("p")), .tap(.searchHit(1))])
        #expect(state.search == nil)
        #expect(state.selected == 3)
    }

    @Test func aTapClosesABoxWithoutActing() {
        let (state, effects) = run([.key(.character("?")), .tap(.action(.quit))])
        #expect(state.overlay == nil)
        #expect(effects.isEmpty)
    }

    @Test func theWheelScrollsWhileReadingAndMovesInTheList() {
        #expect(run([.key(.enter), .wheel(up: false), .wheel(up: false)]).0.scroll == 6)
        #expect(run([.key(.enter), .wheel(up: false), .wheel(up: true)]).0.scroll == 0)
        #expect(run([.wheel(up: false)]).0.selected == 1)
    }

    // `update` never asks the view: what it needs of the layout comes in as `.layout`.

    @Test func aPageDownFromTheListWaitsForTheLayoutAndIsDoneWhenItComes() {
        let metrics = FixedMetrics()
        var state = AppState(panelCount: 5, size: size)
        #expect(!state.needsLayout, "choosing in the list lays nothing out whole")
        _ = update(&state, .key(.pageDown), content: metrics)
        #expect(state.needsLayout && state.focus == .content && state.scroll == 0)
        var other = state
        _ = update(&other, .resize(Size(width: 100, height: 30)), content: metrics)
        _ = update(&state, .layout(metrics.layout(for: other)), content: metrics)   // for another size: ignored
        #expect(state.needsLayout && state.scroll == 0)
        _ = update(&state, .layout(metrics.layout(for: state)), content: metrics)
        #expect(!state.needsLayout && state.scroll == 9, "a page less one line, once the page's height is known")
    }

    @Test func aSearchResultOpensAtItsFirstMatchOnceLaidOut() {
        let metrics = FixedMetrics()
        var state = AppState(panelCount: 5, size: size)
        for key in [Key.character("/"), .character("p"), .character("a"), .enter] { _ = update(&state, .key(key), content: metrics) }
        #expect(state.selected == 1 && state.scroll == 0 && state.needsLayout)
        _ = update(&state, .layout(metrics.layout(for: state)), content: metrics)
        #expect(state.scroll == 11, "the match on line 12, with the line above it")
    }

    @Test func aResizeWhileReadingAsksForTheNewLayoutAndKeepsTheScrollInsideIt() {
        var state = run([.key(.enter), .key(.end)]).0
        #expect(state.scroll == 20)
        _ = update(&state, .resize(Size(width: 120, height: 40)), content: FixedMetrics(lines: 15))
        #expect(state.needsLayout)
        _ = update(&state, .layout(FixedMetrics(lines: 15).layout(for: state)), content: FixedMetrics(lines: 15))
        #expect(state.scroll == 5)
    }
}

@Suite struct KeymapTests {
    @Test(arguments: [BrowseKeys.choosing, BrowseKeys.reading, BrowseKeys.search, BrowseKeys.watching])
    func noKeyIsBoundTwice(_ keymap: Keymap<Action>) {
        var seen = Set<Key>()
        for binding in keymap.bindings {
            for (key, _) in binding.dispatch {
                #expect(!seen.contains(key), "\(key) is bound twice")
                seen.insert(key)
            }
        }
    }

    @Test func theFooterShowsHelpAndQuit() {
        let hints = BrowseKeys.choosing.footerHints.map(\.text) + BrowseKeys.reading.footerHints.map(\.text)
        #expect(hints.contains(.hintHelp))
        #expect(hints.contains(.hintQuit))
    }
}
