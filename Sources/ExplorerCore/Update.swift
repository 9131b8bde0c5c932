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
    /// The open panel's reading layout, sent by the view when `AppState.needsLayout`.
    case layout(PanelLayout)
    /// The result of `Effect.switchLanguage`: the explorer now shows the other language's
    /// pack (true: same panels, same order, so the place is kept), or it could not (false:
    /// the switch is no longer offered).
    case languageSwitched(Bool)
    /// The speech engine said it cannot speak (no engine, no sound): the voice's keys are no
    /// longer taken (a picture's `r` restarts it again), and the footer and help stop offering them.
    case speechUnavailable

    /// Something the user did (a key, a tap, the wheel, a typed command), not time passing
    /// or the program's own answers.
    public var isUserInput: Bool {
        switch self {
        case .key, .tap, .wheel, .action, .searchFor: true
        case .resize, .tick, .layout, .languageSwitched, .speechUnavailable: false
        }
    }
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
    /// Show the pack in the other language; the result comes back as `.languageSwitched`.
    case switchLanguage
    /// A speech key's ask, answered by the program (which knows the words) with what to say.
    case speech(SpeechRequest)
}

/// The pure heart of the explorer: applies one message to the state. What it needs of the
/// layout comes in as `.layout` (see `AppState.needsLayout`); `content` answers search, links
/// and the glossary.
public func update(_ state: inout AppState, _ msg: Msg, content: some ContentAnswers) -> [Effect] {
    let effects = apply(msg, to: &state, content)
    syncDiagram(&state)
    return effects
}

private func apply(_ msg: Msg, to state: inout AppState, _ content: some ContentAnswers) -> [Effect] {
    switch msg {
    case .tick(let now):
        state.diagram?.tick(now)
        return []
    case .resize(let size):
        state.size = size   // scroll is kept inside the text when the new layout comes
        return []
    case .layout(let layout):
        guard layout.panel == state.selected, layout.size == state.size, layout.overlay == state.overlay else {
            return []   // too late
        }
        state.layout = layout
        if state.scroll > 0 { state.scroll = min(state.scroll, layout.maxScroll) }
        switch state.waiting {
        case .action(let action)?:
            state.waiting = nil
            return perform(action, on: &state, content)
        case .firstMatch?:
            state.waiting = nil
            showFirstMatch(&state, layout)
        case nil:
            break
        }
        return []
    case .languageSwitched(let switched):
        if switched {
            // The same panel at about the same place: the new text's layout clamps the scroll.
            state.layout = nil
            state.highlight = nil
            state.focusedLink = nil
        } else {
            state.offersLanguage = false
        }
        return []
    case .speechUnavailable:
        state.speaks = false
        return []
    case .tap(let target):
        return tap(target, &state, content)
    case .wheel(let up):
        return state.isTooSmall ? [] : wheel(up: up, &state, content)
    case .action(let action):
        if state.overlay != nil {
            state.overlay = nil   // as any key does: it only closes the box
            return []
        }
        if state.search != nil {
            searchAction(action, &state, content)
            return []
        }
        return perform(action, on: &state, content)
    case .searchFor(let words):
        let query = String(String(words.unicodeScalars.filter { !Sanitizer.isForbidden($0) })
                                .prefix(AppState.SearchState.maximumLength))
        state.overlay = nil
        var search = AppState.SearchState(query: query)
        search.find(content)
        state.search = search
        return []
    case .key(let key):
        if state.isTooSmall {
            // Nothing is done unseen while the screen only asks to be enlarged; quit still quits.
            let action = BrowseKeys.active(for: state).action(for: key)
            return action == .quit ? perform(.quit, on: &state, content) : []
        }
        if state.overlay != nil {
            // A long box scrolls with the arrows and pages; any other key closes it, and is
            // not acted on, so nothing happens by surprise.
            if let scroll = state.currentLayout?.box?.scrolled(state.boxScroll, by: key) {
                state.boxScroll = scroll
            } else {
                state.overlay = nil
            }
            return []
        }
        if state.search != nil {
            updateSearch(&state, key, content)
            return []
        }
        guard let action = BrowseKeys.active(for: state).action(for: key) else { return [] }
        return perform(action, on: &state, content)
    }
}

private func perform(_ action: Action, on state: inout AppState, _ content: some ContentAnswers) -> [Effect] {
    /// The open panel's layout for the actions that scroll or look at lines; without it the
    /// action waits for `.layout` (opening a panel sends it) and is done then.
    func laidOut() -> PanelLayout? {
        if let layout = state.currentLayout { return layout }
        state.waiting = .action(action)
        return nil
    }
    func scroll(by lines: Int, _ layout: PanelLayout) {
        state.scroll = min(max(0, state.scroll + lines), layout.maxScroll)
    }
    let before = state.selected

    switch action {
    case .quit:
        return [.quit]
    case .switchLanguage:
        return state.offersLanguage ? [.switchLanguage] : []
    case .speech(let key):
        return state.speaks ? [.speech(.ask(key))] : []
    case .help:
        state.overlay = .help
    case .sources:
        state.overlay = .sources
    case .moveUp:
        if state.focus == .panels {
            state.selected = max(0, state.selected - 1)
        } else if let layout = laidOut() {
            scroll(by: -1, layout)
        }
    case .moveDown:
        if state.focus == .panels {
            state.selected = min(state.panelCount - 1, state.selected + 1)
        } else if let layout = laidOut() {
            scroll(by: 1, layout)
        }
    case .pageUp:
        state.focus = .content
        guard let layout = laidOut() else { return [] }
        scroll(by: -max(1, layout.pageHeight - 1), layout)
    case .pageDown:
        // Paging means reading on: from the list it opens the panel too.
        state.focus = .content
        guard let layout = laidOut() else { return [] }
        scroll(by: pageStoppingAtDiagram(state, layout), layout)
    case .top:
        if state.focus == .panels { state.selected = 0 } else { state.scroll = 0 }
    case .bottom:
        if state.focus == .panels {
            state.selected = state.panelCount - 1
        } else if let layout = laidOut() {
            state.scroll = layout.maxScroll
        }
    case .nextPanel:
        state.selected = (state.selected + 1) % state.panelCount
    case .previousPanel:
        state.selected = (state.selected + state.panelCount - 1) % state.panelCount
    case .openNextPanel:
        visit((state.selected + 1) % state.panelCount, scroll: 0, &state)
    case .openPreviousPanel:
        visit((state.selected + state.panelCount - 1) % state.panelCount, scroll: 0, &state)
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
        guard let query = state.highlight, let layout = laidOut(),
              let line = layout.matchLine(query, from: state.scroll + (forward ? 1 : -1), forward: forward) else { return [] }
        state.focus = .content
        state.scroll = min(line, layout.maxScroll)
    case .deleteCharacter:
        break
    case .playPause, .previousFrame, .nextFrame, .restartDiagram:
        state.diagram?.perform(action)
    case .nextLink, .previousLink:
        guard let visible = laidOut()?.visibleLinks(scroll: state.scroll), !visible.isEmpty else { return [] }
        let forward = action == .nextLink
        if let current = state.focusedLink, let place = visible.firstIndex(of: current) {
            state.focusedLink = visible[forward ? min(place + 1, visible.count - 1) : max(place - 1, 0)]
        } else {
            state.focusedLink = forward ? visible.first : visible.last
        }
    case .followLink:
        guard let link = state.focusedLink, let target = content.linkTarget(panel: state.selected, link: link) else {
            return []
        }
        switch target {
        case .definition(let term): state.overlay = .definition(term: term)
        case .panel(let panel): visit(panel, scroll: 0, &state)
        }
    case .glossary:
        guard let panel = content.glossaryPanel else { return [] }
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
private func pageStoppingAtDiagram(_ state: AppState, _ layout: PanelLayout) -> Int {
    let page = max(1, layout.pageHeight - 1)
    guard let lines = layout.diagram?.lines else { return page }
    let bottom = state.scroll + layout.pageHeight
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
private func tap(_ target: PointerTarget?, _ state: inout AppState, _ content: some ContentAnswers) -> [Effect] {
    if state.overlay != nil {
        state.overlay = nil   // a tap anywhere closes a box, as any key does
        return []
    }
    switch target {
    case .panel(let panel)?:
        return perform(.jump(panel), on: &state, content)
    case .link(let link)?:
        state.focusedLink = link
        return perform(.followLink, on: &state, content)
    case .searchHit(let hit)?:
        state.search?.selected = hit
        searchAction(.open, &state, content)
        return []
    case .action(let action)?:
        if state.search != nil {
            searchAction(action, &state, content)
            return []
        }
        return perform(action, on: &state, content)
    case nil:
        return []
    }
}

/// The wheel scrolls the open panel, or moves in the list or the search results.
private func wheel(up: Bool, _ state: inout AppState, _ content: some ContentAnswers) -> [Effect] {
    if state.overlay != nil {
        // The wheel scrolls a long box, as the arrows do; over a short one it closes it.
        if let box = state.currentLayout?.box, box.maxScroll > 0 {
            state.boxScroll = min(max(0, state.boxScroll + (up ? -3 : 3)), box.maxScroll)
        } else {
            state.overlay = nil
        }
        return []
    }
    if state.search != nil {
        searchAction(up ? .moveUp : .moveDown, &state, content)
    } else if state.focus == .content {
        // Reading has its layout (it is sent whenever a panel opens); without it the wheel does nothing.
        guard let layout = state.currentLayout else { return [] }
        state.scroll = min(max(0, state.scroll + (up ? -3 : 3)), layout.maxScroll)
    } else {
        return perform(up ? .moveUp : .moveDown, on: &state, content)
    }
    return []
}

/// Keys while the search line is open: its own keymap first, any other printable key is typed.
private func updateSearch(_ state: inout AppState, _ key: Key, _ content: some ContentAnswers) {
    if let action = BrowseKeys.search.action(for: key) {
        searchAction(action, &state, content)
        return
    }
    guard var search = state.search, case .character(let character) = key,
          !character.unicodeScalars.contains(where: Sanitizer.isForbidden),
          search.query.count < AppState.SearchState.maximumLength else { return }
    search.query.append(character)
    search.find(content)
    state.search = search
}

/// What the search keymap's actions do, by key or by click.
private func searchAction(_ action: Action, _ state: inout AppState, _ content: some ContentAnswers) {
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
        state.search = nil
        visit(search.hits[search.selected].topic, scroll: 0, &state)
        state.highlight = search.foundWords
        if let layout = state.currentLayout { showFirstMatch(&state, layout) } else { state.waiting = .firstMatch }
        return
    case .deleteCharacter:
        guard !search.query.isEmpty else { return }
        search.query.removeLast()
        search.find(content)
    default:
        return
    }
    state.search = search
}

/// Scrolls the open panel to the first line that holds the words searched for, with a line
/// of what comes before it.
private func showFirstMatch(_ state: inout AppState, _ layout: PanelLayout) {
    let line = state.highlight.flatMap { layout.matchLine($0, from: 0, forward: true) } ?? 0
    state.scroll = min(max(0, line - 1), layout.maxScroll)
}

/// Gives the open panel's picture its state, and notes whether it is wholly within the page
/// being read (its keys work then, and the help lists them) and on screen with no box over
/// it (it plays only then). Where the picture is comes with the layout; until it comes
/// (while choosing in the list) the picture keeps its frame, still.
private func syncDiagram(_ state: inout AppState) {
    guard let layout = state.currentLayout else {
        if state.diagram?.panel != state.selected { state.diagram = nil }
        state.diagram?.onScreen = false
        return   // inPage stays: a box opening over the page does not move the picture
    }
    guard let info = layout.diagram else {
        state.diagram = nil
        return
    }
    if state.diagram?.panel != state.selected {
        state.diagram = DiagramState(panel: state.selected, frameCount: info.frameCount, secondsPerFrame: info.secondsPerFrame)
    }
    let page = state.scroll..<(state.scroll + layout.pageHeight)
    let inPage = state.focus == .content && state.search == nil && !state.isTooSmall
        && page.contains(info.lines.lowerBound) && info.lines.upperBound <= page.upperBound
    state.diagram?.inPage = inPage
    let onScreen = inPage && state.overlay == nil
    if onScreen && state.diagram?.onScreen == false { state.diagram?.shownAt = nil }   // its time starts afresh
    state.diagram?.onScreen = onScreen
}
