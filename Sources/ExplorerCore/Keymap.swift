import ContentModel

/// One line of a key table: which keys, what they do (an action of the mode it belongs to:
/// `Action` for browsing, `GuidedAction` for a guided session), and how the footer and the
/// help screen describe them.
public struct Binding<A: Sendable>: Sendable {
    /// Keys as the help screen names them, e.g. "↑ k" (`UIStrings.keys` names the space bar).
    public let keyLabel: String
    /// What the help screen says the keys do, in the pack's words.
    public let help: UIText
    /// A short footer hint (keys, what they do), or nil to leave it out of the footer.
    public let hint: Hint?

    public struct Hint: Sendable {
        public let keys: String
        public let text: UIText
        /// What clicking the hint does: what its first key does.
        public let action: A
        /// Kept on the narrowest footer, where others give way (help, and quit where there is one).
        public let essential: Bool
    }
    /// Each key and the action it triggers.
    public let dispatch: [(Key, A)]

    public init(_ keys: [Key], _ action: A, label: String, help: UIText, hint: (String, UIText)? = nil,
                essential: Bool = false) {
        self.keyLabel = label
        self.help = help
        self.hint = hint.map { Hint(keys: $0.0, text: $0.1, action: action, essential: essential) }
        self.dispatch = keys.map { ($0, action) }
    }

    init(label: String, help: UIText, hint: (String, UIText)?, essential: Bool = false, dispatch: [(Key, A)]) {
        self.keyLabel = label
        self.help = help
        self.hint = hint.flatMap { hint in
            dispatch.first.map { Hint(keys: hint.0, text: hint.1, action: $0.1, essential: essential) }
        }
        self.dispatch = dispatch
    }

    /// The binding without `keys`, named by the keys left, or nil if none are left. Its footer
    /// hint stays only if `keepHint`.
    func without(_ keys: [Key], keepHint: Bool) -> Binding? {
        let kept = dispatch.filter { !keys.contains($0.0) }
        guard !kept.isEmpty else { return nil }
        if kept.count == dispatch.count && keepHint { return self }
        let label = kept.count == dispatch.count ? keyLabel : kept.map(\.0.label).joined(separator: " ")
        let hint = keepHint ? self.hint.map { (kept.count == dispatch.count ? $0.keys : kept[0].0.label, $0.text) } : nil
        return Binding(label: label, help: help, hint: hint, essential: self.hint?.essential ?? false, dispatch: kept)
    }
}

/// The single table that dispatches keys and generates the footer and the help screen, for
/// one mode's actions. A mode's policy switches bindings off (the kiosk has no quit).
public struct Keymap<A: Sendable>: Sendable {
    public let bindings: [Binding<A>]
    /// Every key with its action, the first binding's winning. A list searched in order: a
    /// few dozen keys, once per keystroke, and a dictionary keyed by Key cost a scan of every
    /// protocol conformance in the binary at start-up (to check Key is Hashable).
    @usableFromInline let table: [(key: Key, action: A)]

    public init(_ bindings: [Binding<A>]) {
        self.bindings = bindings
        var table: [(key: Key, action: A)] = []
        for binding in bindings {
            for (key, action) in binding.dispatch where !table.contains(where: { $0.key == key }) {
                table.append((key, action))
            }
        }
        self.table = table
    }

    // Inlinable, so the views' modules get them specialised for their action type: called
    // generically across modules, they made the runtime look up associated types at start-up.
    @inlinable public func action(for key: Key) -> A? {
        for entry in table where entry.key == key { return entry.action }
        return nil
    }

    /// The footer's hints, in table order.
    @inlinable public var footerHints: [Binding<A>.Hint] { bindings.compactMap(\.hint) }

    /// The same table with the bindings whose actions `isOff` switched off: no key does them,
    /// and neither the footer nor the help offers them.
    ///
    /// `A` has no protocol requirement (`Sendable` is checked only by the compiler): with one,
    /// the first `Keymap<Action>` made the runtime scan every protocol conformance in the
    /// binary, 0.54 million instructions of start-up (callgrind).
    public func disabling(_ isOff: (A) -> Bool) -> Keymap {
        Keymap(bindings.filter { binding in !binding.dispatch.contains { isOff($0.1) } })
    }
}

/// The voice's keys, the same in every mode that speaks: `r` reads on, `a` says it again,
/// `-` and `+` make the voice slower and faster. Any other key stops the voice (the program
/// does that), so nothing needs a stop key.
public enum SpeechKeys {
    static let keys: [Key] = [.character("r"), .character("a"), .character("-"), .character("+"), .character("=")]

    static func bindings<A>(_ action: (SpeechKey) -> A) -> [Binding<A>] {
        [
            Binding([.character("r")], action(.readOn), label: "r", help: .keysRead, hint: ("r", .hintRead)),
            Binding([.character("a")], action(.repeatLast), label: "a", help: .keysRepeat),
            Binding([.character("-")], action(.slower), label: "-", help: .keysSlower),
            Binding([.character("+"), .character("=")], action(.faster), label: "+", help: .keysFaster),
        ]
    }

    /// `keymap` with the voice's keys first: where it used one of them, the voice wins (the
    /// picture's `r`, restart, goes: Space at the last picture plays it again from the start).
    static func adding<A>(to keymap: Keymap<A>, _ action: (SpeechKey) -> A) -> Keymap<A> {
        Keymap(bindings(action) + keymap.bindings.compactMap { $0.without(keys, keepHint: true) })
    }
}

/// The explorer's keys: choosing a panel, reading one, watching its picture, searching.
public enum BrowseKeys {
    /// The keymap for what the screen shows now. The kiosk's policy (`allowsQuit` false)
    /// switches quit off.
    public static func active(for state: AppState) -> Keymap<Action> {
        if state.search != nil { return search }
        // Switches, not arrays of the variants: an array would make them all at once.
        // Under a box (the help, a word's meaning) the keys are those of the page beneath it.
        let watches = state.diagram?.inPage == true
        switch (state.focus == .content, watches, state.speaks) {
        case (false, _, false): return variant(state, choosing, choosingOneLanguage, kioskBilingualChoosing, kioskChoosing)
        case (true, false, false): return variant(state, reading, readingOneLanguage, kioskBilingualReading, kioskReading)
        case (true, true, false): return variant(state, watching, watchingOneLanguage, kioskBilingualWatching, kioskWatching)
        case (false, _, true):
            return variant(state, spokenChoosing, spokenChoosingOneLanguage, spokenKioskBilingualChoosing, spokenKioskChoosing)
        case (true, false, true):
            return variant(state, spokenReading, spokenReadingOneLanguage, spokenKioskBilingualReading, spokenKioskReading)
        case (true, true, true):
            return variant(state, spokenWatching, spokenWatchingOneLanguage, spokenKioskBilingualWatching, spokenKioskWatching)
        }
    }

    /// One of a mode's four variants, by policy: quit (not in the kiosk) and the language switch
    /// (only with a second language). Each is made only when first used.
    private static func variant(_ state: AppState, _ all: @autoclosure () -> Keymap<Action>,
                                _ oneLanguage: @autoclosure () -> Keymap<Action>,
                                _ kioskBilingual: @autoclosure () -> Keymap<Action>,
                                _ kiosk: @autoclosure () -> Keymap<Action>) -> Keymap<Action> {
        switch (state.allowsQuit, state.offersLanguage) {
        case (true, true): all()
        case (true, false): oneLanguage()
        case (false, true): kioskBilingual()
        case (false, false): kiosk()
        }
    }

    // Each made when first used (a start-up builds one: 12 made at once cost 1 million
    // instructions, a quarter of them a scan of every protocol conformance in the binary).
    private static let choosingOneLanguage = choosing.disabling { $0 == .switchLanguage }
    private static let readingOneLanguage = reading.disabling { $0 == .switchLanguage }
    private static let watchingOneLanguage = watching.disabling { $0 == .switchLanguage }
    private static let kioskChoosing = choosing.disabling { $0 == .quit || $0 == .switchLanguage }
    private static let kioskReading = reading.disabling { $0 == .quit || $0 == .switchLanguage }
    private static let kioskWatching = watching.disabling { $0 == .quit || $0 == .switchLanguage }
    private static let kioskBilingualChoosing = choosing.disabling { $0 == .quit }
    private static let kioskBilingualReading = reading.disabling { $0 == .quit }
    private static let kioskBilingualWatching = watching.disabling { $0 == .quit }
    // With the voice's keys (`--speech`, a kiosk's `speech:`).
    private static let spokenChoosing = SpeechKeys.adding(to: choosing, Action.speech)
    private static let spokenReading = SpeechKeys.adding(to: reading, Action.speech)
    private static let spokenWatching = SpeechKeys.adding(to: watching, Action.speech)
    private static let spokenChoosingOneLanguage = spokenChoosing.disabling { $0 == .switchLanguage }
    private static let spokenReadingOneLanguage = spokenReading.disabling { $0 == .switchLanguage }
    private static let spokenWatchingOneLanguage = spokenWatching.disabling { $0 == .switchLanguage }
    private static let spokenKioskChoosing = spokenChoosing.disabling { $0 == .quit || $0 == .switchLanguage }
    private static let spokenKioskReading = spokenReading.disabling { $0 == .quit || $0 == .switchLanguage }
    private static let spokenKioskWatching = spokenWatching.disabling { $0 == .quit || $0 == .switchLanguage }
    private static let spokenKioskBilingualChoosing = spokenChoosing.disabling { $0 == .quit }
    private static let spokenKioskBilingualReading = spokenReading.disabling { $0 == .quit }
    private static let spokenKioskBilingualWatching = spokenWatching.disabling { $0 == .quit }

    /// Keys that do the same whether choosing a panel or reading one.
    private static let common: [Binding<Action>] = [
        Binding([.up, .character("k")], .moveUp, label: "↑ k",
                help: .keysMoveUp),
        Binding([.down, .character("j")], .moveDown, label: "↓ j",
                help: .keysMoveDown, hint: ("↑↓", .hintMove)),
        Binding([.pageUp, .character("b")], .pageUp, label: "PgUp b", help: .keysPageUp),
        Binding([.pageDown, .character(" ")], .pageDown, label: "PgDn Space",
                help: .keysPageDown, hint: ("Space", .hintPage)),
        Binding([.home], .top, label: "Home", help: .keysTop),
        Binding([.end, .character("G")], .bottom, label: "End G", help: .keysBottom),
        Binding(label: "1-9", help: .keysJump, hint: nil,
                dispatch: (1...9).map { (Key.character(Character(String($0))), Action.jump($0 - 1)) }),
        Binding([.character("/")], .search, label: "/", help: .keysSearch,
                hint: ("/", .hintSearch)),
        Binding([.character("n")], .nextMatch, label: "n", help: .keysNextMatch),
        Binding([.character("N")], .previousMatch, label: "N", help: .keysPreviousMatch),
        Binding([.character("g")], .glossary, label: "g", help: .keysGlossary),
        Binding([.character("s")], .sources, label: "s", help: .keysSources,
                hint: ("s", .hintSources)),
        Binding([.character("?"), .function(1)], .help, label: "? F1", help: .keysHelp, hint: ("?", .hintHelp),
                essential: true),
        Binding([.character("q"), .character("Q")], .quit, label: "q", help: .keysQuit, hint: ("q", .hintQuit), essential: true),
        Binding([.character("L")], .switchLanguage, label: "L", help: .keysLanguage, hint: ("L", .hintLanguage), essential: true),
    ]

    /// Choosing: the panel list on the left, a preview of the selected panel beside it.
    public static let choosing = Keymap<Action>([
        Binding([.enter, .right, .character("l")], .open, label: "Enter → l",
                help: .keysOpen, hint: ("Enter", .hintOpen)),
        Binding([.tab], .nextPanel, label: "Tab", help: .keysNextPanel),
        Binding([.backTab], .previousPanel, label: "Shift-Tab", help: .keysPreviousPanel),
        Binding([.escape, .left, .character("h")], .back, label: "Esc ← h", help: .keysBack),
        Binding([.backspace, .altLeft], .historyBack, label: "⌫ Alt-←", help: .keysHistoryBack),
        Binding([.altRight], .historyForward, label: "Alt-→", help: .keysHistoryForward),
    ] + common)

    /// Reading: the open panel across the full width.
    public static let reading = Keymap<Action>([
        Binding([.tab], .nextLink, label: "Tab", help: .keysNextLink, hint: ("Tab", .hintLinks)),
        Binding([.backTab], .previousLink, label: "Shift-Tab", help: .keysPreviousLink),
        Binding([.enter], .followLink, label: "Enter", help: .keysFollowLink),
        Binding([.character("]")], .openNextPanel, label: "]", help: .keysOpenNextPanel, hint: ("] [", .hintPanels)),
        Binding([.character("[")], .openPreviousPanel, label: "[", help: .keysOpenPreviousPanel),
        Binding([.escape, .left, .character("h")], .back, label: "Esc ← h", help: .keysBack,
                hint: ("Esc", .hintList)),
        Binding([.backspace, .altLeft], .historyBack, label: "⌫ Alt-←", help: .keysHistoryBack),
        Binding([.altRight], .historyForward, label: "Alt-→", help: .keysHistoryForward),
    ] + common)

    /// Reading with the animated picture wholly on screen: Space, the side arrows and r work
    /// the picture; PgDn still pages and Esc or h still go back.
    public static let watching: Keymap<Action> = {
        let diagram: [Binding<Action>] = [
            Binding([.character(" ")], .playPause, label: "Space", help: .keysPlayPause,
                    hint: ("Space", .hintPlayPause)),
            Binding([.left], .previousFrame, label: "←", help: .keysPreviousFrame),
            Binding([.right], .nextFrame, label: "→", help: .keysNextFrame, hint: ("← →", .hintStep)),
            Binding([.character("r")], .restartDiagram, label: "r", help: .keysRestart,
                    hint: ("r", .hintRestart)),
        ]
        let taken = diagram.flatMap { $0.dispatch.map(\.0) }
        // The footer has room for the picture's keys and only the most needed others.
        let footer: [Action] = [.back, .search, .help, .quit]
        return Keymap<Action>(diagram + reading.bindings.compactMap { binding in
            binding.without(taken, keepHint: binding.dispatch.contains { footer.contains($0.1) })
        })
    }()

    /// The search line: letters are typed into it, so only these keys do anything else.
    public static let search = Keymap<Action>([
        Binding([.escape], .back, label: "Esc", help: .keysCloseSearch, hint: ("Esc", .hintClose)),
        Binding([.enter], .open, label: "Enter", help: .keysOpenResult, hint: ("Enter", .hintOpen)),
        Binding([.up, .backTab], .moveUp, label: "↑", help: .keysResultAbove),
        Binding([.down, .tab], .moveDown, label: "↓", help: .keysResultBelow, hint: ("↑↓", .hintChoose)),
        Binding([.backspace, .delete], .deleteCharacter, label: "⌫", help: .keysDelete,
                hint: ("⌫", .hintDelete)),
    ])
}
