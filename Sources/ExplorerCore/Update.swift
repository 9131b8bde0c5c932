import ContentModel
import TermRender

/// What happens next, as input to `update`.
public enum Msg: Equatable, Sendable {
    case key(Key)
    case resize(Size)
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
}

/// The pure heart of the explorer: applies one message to the state.
public func update(_ state: inout AppState, _ msg: Msg, keymap: Keymap = .browse,
                   metrics: some PageMetrics) -> [Effect] {
    switch msg {
    case .resize(let size):
        state.size = size
        clampScroll(&state, metrics)
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
        guard let action = keymap.action(for: key) else { return [] }
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
        scroll(by: page)
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
    }
    if state.selected != before { state.highlight = nil }
    return []
}

/// Keys while the search line is open: its own keymap first, any other printable key is typed.
private func updateSearch(_ state: inout AppState, _ key: Key, _ metrics: some PageMetrics) {
    guard var search = state.search else { return }
    switch Keymap.search.action(for: key) {
    case .back?:
        state.search = nil
        return
    case .moveUp?:
        search.selected = max(0, search.selected - 1)
    case .moveDown?:
        search.selected = min(max(0, search.hits.count - 1), search.selected + 1)
    case .open?:
        guard search.selected < search.hits.count else { return }
        let hit = search.hits[search.selected]
        state.selected = hit.topic
        state.focus = .content
        state.search = nil
        state.highlight = search.query
        let line = metrics.matchLine(panel: hit.topic, size: state.size, query: search.query, from: 0, forward: true) ?? 0
        // Show the match with a line of what comes before it.
        state.scroll = min(max(0, line - 1), metrics.maxScroll(panel: hit.topic, size: state.size))
        return
    case .deleteCharacter?:
        guard !search.query.isEmpty else { return }
        search.query.removeLast()
        search.hits = metrics.search(search.query)
        search.selected = 0
    default:
        guard case .character(let character) = key,
              character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }) else { return }
        search.query.append(character)
        search.hits = metrics.search(search.query)
        search.selected = 0
    }
    state.search = search
}

/// Keeps the open panel's scroll inside its text at the current size. Other panels are
/// clamped when they are opened, so a resize wraps one panel, not all of them.
private func clampScroll(_ state: inout AppState, _ metrics: some PageMetrics) {
    guard state.scroll > 0 else { return }
    state.scroll = min(state.scroll, metrics.maxScroll(panel: state.selected, size: state.size))
}
