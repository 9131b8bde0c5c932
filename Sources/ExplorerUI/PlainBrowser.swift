import ContentModel
import ExplorerCore
import TermRender

/// The explorer as plain lines of text, for screen readers, pipes and terminals that cannot
/// move the cursor (`--plain`, or automatically when output is not a terminal or TERM is
/// dumb): numbered menus answered by typing a number and Enter, tables as "label: value"
/// stacks, pictures as their captions, nothing that moves. Each answer only appends lines.
///
/// The state is the full-screen explorer's own `AppState`, driven by the same `update` with
/// typed messages (`.action`, `.searchFor`, `.tap` of a result): only the command grammar
/// and the way of printing are plain mode's.
public struct PlainBrowser {
    public let pack: ContentPack
    private let width: Int
    private let glyphs: Glyphs
    private let documents: PanelDocuments
    private var state: AppState
    /// "s" was typed: the next line is the words to search for.
    private var askingSearch = false
    /// How words a screen reader misreads are written (speech.yaml's `plain:`).
    private let lexicon: SpeechLexicon

    public init(pack: ContentPack, width: Int = 80, glyphs: Glyphs = .unicode, lexicon: SpeechLexicon = SpeechLexicon()) {
        self.pack = pack
        self.lexicon = lexicon
        self.width = max(40, width)
        self.glyphs = glyphs
        documents = PanelDocuments(pack: pack, glyphs: glyphs, motion: false)
        state = AppState(panelCount: pack.topics.count, size: AppState.minimumSize)
    }

    /// What is shown first: the title, the safety line and the list of panels.
    public mutating func start() -> [String] {
        PlainText.fitted(["\(pack.ui[.appName]): \(pack.info.title)", pack.info.disclaimer, ""] + menu(), width: width,
                         lexicon: lexicon)
    }

    /// Answers one line typed by the user. `done` is true when they asked to quit.
    public mutating func handle(_ input: String) -> (lines: [String], done: Bool) {
        let (lines, done) = answer(input)
        return (PlainText.fitted(lines, width: width, lexicon: lexicon), done)
    }

    private mutating func answer(_ input: String) -> (lines: [String], done: Bool) {
        let answer = String(input.unicodeScalars.filter { !Sanitizer.isForbidden($0) }).trimmingSpaces
        if askingSearch {
            askingSearch = false
            return (search(answer), false)
        }
        switch answer.lowercased() {
        case "q", "quit", "exit": return ([pack.ui[.plainGoodbye] + " " + pack.info.disclaimer], true)
        case "": return (menu(), false)
        case "s", "/", "search":
            askingSearch = true
            return ([pack.ui[.plainSearchPrompt]], false)
        case "?", "h", "help": return (help(), false)
        case "n", "next":
            if isReading { return (read(min(state.selected + 1, pack.topics.count - 1)), false) }
        case "p", "previous":
            if isReading { return (read(max(state.selected - 1, 0)), false) }
        default:
            if let number = Int(answer) {
                if let hits = state.search?.hits {
                    guard (1...max(1, hits.count)).contains(number), !hits.isEmpty else {
                        return ([pack.ui(.plainNoResult, ["number": "\(number)"]) + " " + prompt()], false)
                    }
                    send(.tap(.searchHit(number - 1)))   // choosing a result opens it, as a tap does
                    return (reading(), false)
                }
                guard (1...pack.topics.count).contains(number) else {
                    return ([pack.ui(.plainNoPanel, ["number": "\(number)", "count": "\(pack.topics.count)"]) + " " + prompt()], false)
                }
                return (read(number - 1), false)
            }
        }
        return ([pack.ui[.plainNoMatch] + " " + prompt()], false)
    }

    private var isReading: Bool { state.focus == .content && state.search == nil }

    private mutating func send(_ msg: Msg) {
        _ = documents.update(&state, msg)
    }

    /// Back to the list of panels: whatever was open (a search, a panel) closes.
    private mutating func menu() -> [String] {
        if state.search != nil { send(.action(.back)) }
        if state.focus == .content { send(.action(.back)) }
        let digits = String(pack.topics.count).count
        var lines = [pack.ui[.plainPanels]]
        for (index, topic) in pack.topics.enumerated() {
            let number = String(index + 1)
            lines.append(String(repeating: " ", count: digits - number.count + 2) + "\(number). \(topic.title)")
        }
        return lines + [prompt()]
    }

    private mutating func read(_ panel: Int) -> [String] {
        if state.search != nil { send(.action(.back)) }
        send(.action(.jump(panel)))
        return reading()
    }

    /// The open panel, whole.
    private func reading() -> [String] {
        let panel = state.selected
        return [""] + PlainText.lines(topic: panel, pack: pack, width: width, glyphs: glyphs, pictures: false)
            + ["", PlainText.sentence(pack.ui(.plainEndOfPanel, ["number": "\(panel + 1)", "count": "\(pack.topics.count)",
                                                               "title": pack.topics[panel].title])), prompt()]
    }

    private mutating func search(_ query: String) -> [String] {
        send(.searchFor(query))
        guard let hits = state.search?.hits, !hits.isEmpty else {
            _ = menu()
            return [pack.ui(.plainNothingFound, ["query": query]) + " " + prompt()]
        }
        let ui = pack.ui, count = ui.searchCount(hits.count)
        let found = state.search?.insteadOf.map { ui(.plainFoundInstead, ["query": query, "count": count, "word": $0]) }
        var lines = [found ?? ui(.plainFound, ["count": count, "query": query])]
        for (number, hit) in hits.enumerated() {
            lines.append("\(number + 1). \(pack.topics[hit.topic].title): \(hit.snippet)")
        }
        return lines + [ui[.plainResultHelp]]
    }

    private func help() -> [String] {
        [pack.ui[.plainHelpNumber], pack.ui[.plainHelpEnter], pack.ui[.plainHelpNext], pack.ui[.plainHelpSearch],
         pack.ui[.plainHelpQuit], prompt()]
    }

    private func prompt() -> String {
        pack.ui[isReading ? .plainPromptReading : .plainPromptList]
    }
}
