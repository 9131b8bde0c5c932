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
    case .jump(let index):
        guard index < state.panelCount else { return [] }
        state.selected = index
        state.focus = .content
    }
    return []
}

/// Keeps the open panel's scroll inside its text at the current size. Other panels are
/// clamped when they are opened, so a resize wraps one panel, not all of them.
private func clampScroll(_ state: inout AppState, _ metrics: some PageMetrics) {
    guard state.scroll > 0 else { return }
    state.scroll = min(state.scroll, metrics.maxScroll(panel: state.selected, size: state.size))
}
