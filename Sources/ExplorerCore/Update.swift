import ContentModel
import TermRender

/// What happens next, as input to `update`.
public enum Msg: Equatable, Sendable {
    case key(Key)
    case resize(Size)
    /// A click or tap (touch screens report taps as clicks), already resolved by the view to
    /// what is drawn where it landed (nil: nothing that acts). `update` never hit-tests.
    case tap(PointerTarget?)
    /// The mouse wheel.
    case wheel(up: Bool)
    /// Does what the key bound to the action does where the screen is now (plain mode types
    /// words, not keys, so no key binding is pretended).
    case action(Action)
    /// Searches for these words at once, as typing them into the search line would.
    case searchFor(String)
    /// Time passes: seconds on a clock that only goes forward (see `Clock`).
    case tick(Double)
}

/// What the mouse or a touch screen did, in screen cells, as the terminal reports it. The
/// view turns a click into a `.tap` of what it drew there.
public enum Pointer: Equatable, Sendable {
    case click(x: Int, y: Int)
    case wheelUp
    case wheelDown
}

/// What sits under a click.
public enum PointerTarget: Equatable, Sendable {
    case panel(Int)
    case link(Int)
    case searchHit(Int)
    /// A footer hint: the click does what its key does.
    case action(Action)
}

/// Work `update` asks the outside world to do. `main` carries it out; `update` never does.
public enum Effect: Equatable, Sendable {
    case quit
}

/// How tall each panel's text is at a given screen size. The views know (they wrap the
/// text); `update` asks, so scrolling stops at the last line.
public protocol PageMetrics {
    /// The largest useful scroll offset of `panel` on a screen of `size`.
    func maxScroll(panel: Int, size: Size) -> Int
    /// How many lines of panel text one screen shows.
    func pageHeight(size: Size) -> Int
    /// Where `query` is found in the pack, best first.
    func search(_ query: String) -> [SearchHit]
    /// The first line of `panel`, at or after `line` (or at or before it, going back), that
    /// holds `query`, ignoring case and accents.
    func matchLine(panel: Int, size: Size, query: String, from line: Int, forward: Bool) -> Int?
    /// The links on screen when `panel` is scrolled to `scroll`, in reading order.
    func visibleLinks(panel: Int, size: Size, scroll: Int) -> [Int]
    /// Where link number `link` of `panel` goes.
    func linkTarget(panel: Int, link: Int) -> LinkTarget?
    /// The panel that lists the glossary, if the pack has one.
    var glossaryPanel: Int? { get }
    /// The animated picture of `panel` in the reading view at `size`, if it has one that plays.
    func diagram(panel: Int, size: Size) -> DiagramInfo?
}


/// The pure heart of the explorer: applies one message to the state.
public func update(_ state: inout AppState, _ msg: Msg, metrics: some PageMetrics) -> [Effect] {
    let effects = apply(msg, to: &state, metrics)
    syncDiagram(&state, metrics)
    return effects
}

private func apply(_ msg: Msg, to state: inout AppState, _ metrics: some PageMetrics) -> [Effect] {
    switch msg {
    case .tick(let now):
        state.diagram?.tick(now)
        return []
    case .resize(let size):
        state.size = size
        clampScroll(&state, metrics)
        return []
    case .tap(let target):
        return tap(target, &state, metrics)
    case .wheel(let up):
        return wheel(up: up, &state, metrics)
    case .action(let action):
        if state.overlay != nil {
            state.overlay = nil   // as any key does: it only closes the box
            return []
        }
        if state.search != nil {
            searchAction(action, &state, metrics)
            return []
        }
        return perform(action, on: &state, metrics)
    case .searchFor(let words):
        let query = String(words.unicodeScalars.filter { !Sanitizer.isForbidden($0) })
        state.overlay = nil
        state.search = AppState.SearchState(query: query, hits: metrics.search(query))
        return []
    case .key(let key):
        if state.overlay != nil {
            // Any key closes the box; the key is not acted on, so nothing happens by surprise.
            state.overlay = nil
            return []
        }
        if state.search != nil {
            updateSearch(&state, key, metrics)
            return []
        }
        guard let action = BrowseKeys.active(for: state).action(for: key) else { return [] }
        return perform(action, on: &state, metrics)
    }
}

private func perform(_ action: Action, on state: inout AppState, _ metrics: some PageMetrics) -> [Effect] {
    // Asked only by the actions that scroll: measuring wraps the panel's text.
    var maxScroll: Int { metrics.maxScroll(panel: state.selected, size: state.size) }
    var page: Int { max(1, metrics.pageHeight(size: state.size) - 1) }
    func scroll(by lines: Int) { state.scroll = min(max(0, state.scroll + lines), maxScroll) }
    let before = state.selected
    defer { if state.selected != before { clampScroll(&state, metrics) } }

    switch action {
    case .quit:
        return [.quit]
    case .help:
        state.overlay = .help
    case .sources:
        state.overlay = .sources
    case .moveUp:
        if state.focus == .panels { state.selected = max(0, state.selected - 1) } else { scroll(by: -1) }
    case .moveDown:
        if state.focus == .panels { state.selected = min(state.panelCount - 1, state.selected + 1) } else { scroll(by: 1) }
    case .pageUp:
        state.focus = .content
        scroll(by: -page)
    case .pageDown:
        // Paging means reading on: from the list it opens the panel too.
        state.focus = .content
        scroll(by: pageStoppingAtDiagram(state, page, metrics))
    case .top:
        if state.focus == .panels { state.selected = 0 } else { state.scroll = 0 }
    case .bottom:
        if state.focus == .panels { state.selected = state.panelCount - 1 } else { state.scroll = maxScroll }
    case .nextPanel:
        state.selected = (state.selected + 1) % state.panelCount
    case .previousPanel:
        state.selected = (state.selected + state.panelCount - 1) % state.panelCount
    case .open:
        state.focus = .content
    case .back:
        state.focus = .panels
        state.highlight = nil
    case .jump(let index):
        guard index < state.panelCount else { return [] }
        state.selected = index
        state.focus = .content
    case .search:
        state.search = AppState.SearchState()
    case .nextMatch, .previousMatch:
        let forward = action == .nextMatch
        guard let query = state.highlight,
              let line = metrics.matchLine(panel: state.selected, size: state.size, query: query,
                                           from: state.scroll + (forward ? 1 : -1), forward: forward) else { return [] }
        state.focus = .content
        state.scroll = min(line, maxScroll)
    case .deleteCharacter:
        break
    case .playPause, .previousFrame, .nextFrame, .restartDiagram:
        state.diagram?.perform(action)
    case .nextLink, .previousLink:
        let visible = metrics.visibleLinks(panel: state.selected, size: state.size, scroll: state.scroll)
        guard !visible.isEmpty else { return [] }
        let forward = action == .nextLink
        if let current = state.focusedLink, let place = visible.firstIndex(of: current) {
            state.focusedLink = visible[forward ? min(place + 1, visible.count - 1) : max(place - 1, 0)]
        } else {
            state.focusedLink = forward ? visible.first : visible.last
        }
    case .followLink:
        guard let link = state.focusedLink, let target = metrics.linkTarget(panel: state.selected, link: link) else {
            return []
        }
        switch target {
        case .definition(let term): state.overlay = .definition(term: term)
        case .panel(let panel): visit(panel, scroll: 0, &state)
        }
    case .glossary:
        guard let panel = metrics.glossaryPanel else { return [] }
        visit(panel, scroll: 0, &state)
    case .historyBack:
        guard let previous = state.history.popLast() else {
            state.focus = .panels   // nothing to go back to: back to the list, as Esc does
            return []
        }
        state.future.append(AppState.Location(panel: state.selected, scroll: state.scroll))
        restore(previous, &state)
    case .historyForward:
        guard let next = state.future.popLast() else { return [] }
        state.history.append(AppState.Location(panel: state.selected, scroll: state.scroll))
        restore(next, &state)
    }
    if state.selected != before {
        state.highlight = nil
        state.focusedLink = nil
    }
    return []
}

/// How far a page down goes: a whole page, or less so that an animated picture the page
/// would cut in two shows whole instead, with the line above it.
private func pageStoppingAtDiagram(_ state: AppState, _ page: Int, _ metrics: some PageMetrics) -> Int {
    guard let lines = metrics.diagram(panel: state.selected, size: state.size)?.lines else { return page }
    let bottom = state.scroll + metrics.pageHeight(size: state.size)
    let cutNow = lines.lowerBound > state.scroll && lines.upperBound > bottom
    let cutAfter = lines.lowerBound < state.scroll + page
    return cutNow && cutAfter && lines.lowerBound - 1 > state.scroll ? lines.lowerBound - 1 - state.scroll : page
}

/// Opens `panel` for reading, remembering where the reader was so Backspace comes back.
private func visit(_ panel: Int, scroll: Int, _ state: inout AppState) {
    if state.focus == .content {
        state.history.append(AppState.Location(panel: state.selected, scroll: state.scroll))
        if state.history.count > 50 { state.history.removeFirst() }
    }
    state.future = []
    state.selected = panel
    state.scroll = scroll
    state.focus = .content
    state.focusedLink = nil
}

private func restore(_ location: AppState.Location, _ state: inout AppState) {
    state.selected = location.panel
    state.scroll = location.scroll
    state.focus = .content
    state.focusedLink = nil
}

/// A tap does what the key for the same thing does.
private func tap(_ target: PointerTarget?, _ state: inout AppState, _ metrics: some PageMetrics) -> [Effect] {
    if state.overlay != nil {
        state.overlay = nil   // a tap anywhere closes a box, as any key does
        return []
    }
    switch target {
    case .panel(let panel)?:
        return perform(.jump(panel), on: &state, metrics)
    case .link(let link)?:
        state.focusedLink = link
        return perform(.followLink, on: &state, metrics)
    case .searchHit(let hit)?:
        state.search?.selected = hit
        searchAction(.open, &state, metrics)
        return []
    case .action(let action)?:
        if state.search != nil {
            searchAction(action, &state, metrics)
            return []
        }
        return perform(action, on: &state, metrics)
    case nil:
        return []
    }
}

/// The wheel scrolls the open panel, or moves in the list or the search results.
private func wheel(up: Bool, _ state: inout AppState, _ metrics: some PageMetrics) -> [Effect] {
    if state.overlay != nil {
        state.overlay = nil
        return []
    }
    if state.search != nil {
        searchAction(up ? .moveUp : .moveDown, &state, metrics)
    } else if state.focus == .content {
        state.scroll = min(max(0, state.scroll + (up ? -3 : 3)), metrics.maxScroll(panel: state.selected, size: state.size))
    } else {
        return perform(up ? .moveUp : .moveDown, on: &state, metrics)
    }
    return []
}

/// Keys while the search line is open: its own keymap first, any other printable key is typed.
private func updateSearch(_ state: inout AppState, _ key: Key, _ metrics: some PageMetrics) {
    if let action = BrowseKeys.search.action(for: key) {
        searchAction(action, &state, metrics)
        return
    }
    guard var search = state.search, case .character(let character) = key,
          !character.unicodeScalars.contains(where: Sanitizer.isForbidden) else { return }
    search.query.append(character)
    search.hits = metrics.search(search.query)
    search.selected = 0
    state.search = search
}

/// What the search keymap's actions do, by key or by click.
private func searchAction(_ action: Action, _ state: inout AppState, _ metrics: some PageMetrics) {
    guard var search = state.search else { return }
    switch action {
    case .back:
        state.search = nil
        return
    case .moveUp:
        search.selected = max(0, search.selected - 1)
    case .moveDown:
        search.selected = min(max(0, search.hits.count - 1), search.selected + 1)
    case .open:
        guard search.selected < search.hits.count else { return }
        let hit = search.hits[search.selected]
        let line = metrics.matchLine(panel: hit.topic, size: state.size, query: search.query, from: 0, forward: true) ?? 0
        state.search = nil
        // Show the match with a line of what comes before it.
        visit(hit.topic, scroll: min(max(0, line - 1), metrics.maxScroll(panel: hit.topic, size: state.size)), &state)
        state.highlight = search.query
        return
    case .deleteCharacter:
        guard !search.query.isEmpty else { return }
        search.query.removeLast()
        search.hits = metrics.search(search.query)
        search.selected = 0
    default:
        return
    }
    state.search = search
}

/// Gives the open panel's picture its state, and notes whether it is wholly on the reading
/// screen: it plays, and its keys work, only then.
private func syncDiagram(_ state: inout AppState, _ metrics: some PageMetrics) {
    guard let info = metrics.diagram(panel: state.selected, size: state.size) else {
        state.diagram = nil
        return
    }
    if state.diagram?.panel != state.selected {
        state.diagram = DiagramState(panel: state.selected, frameCount: info.frameCount, secondsPerFrame: info.secondsPerFrame)
    }
    let page = state.scroll..<(state.scroll + metrics.pageHeight(size: state.size))
    let onScreen = state.focus == .content && state.overlay == nil && state.search == nil && !state.isTooSmall
        && page.contains(info.lines.lowerBound) && info.lines.upperBound <= page.upperBound
    if onScreen && state.diagram?.onScreen == false { state.diagram?.shownAt = nil }   // its time starts afresh
    state.diagram?.onScreen = onScreen
}

/// Keeps the open panel's scroll inside its text at the current size. Other panels are
/// clamped when they are opened, so a resize wraps one panel, not all of them.
private func clampScroll(_ state: inout AppState, _ metrics: some PageMetrics) {
    guard state.scroll > 0 else { return }
    state.scroll = min(state.scroll, metrics.maxScroll(panel: state.selected, size: state.size))
}
