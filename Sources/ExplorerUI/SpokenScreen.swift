import ContentModel
import ExplorerCore
import TermRender

/// What a screen says, for the voice (ExplorerApp's `Narrator`): which screen it is, the
/// words it says on arrival and the rest that `r` reads on, and on a screen with a focused
/// row (a list to tick, a question's choices) what the row says when only it changed.
public struct SpokenScreen {
    /// Tells screens apart: a new `id` is a new screen, said on arrival.
    public let id: String
    /// The pack's language: the voice.
    public let language: String
    /// How many of the page's first chunks are said on arrival (0: none).
    public let arrival: Int
    /// Everything the screen says, in chunks; worked out only when needed.
    public let page: () -> [String]
    /// The focused row: a new `key` (moved, ticked, picked) says it again.
    public let row: (key: String, say: () -> [String])?

    public init(id: String, language: String, arrival: Int, row: (key: String, say: () -> [String])? = nil,
                page: @escaping () -> [String]) {
        self.id = id
        self.language = language
        self.arrival = arrival
        self.row = row
        self.page = page
    }
}

/// The pack's speech lexicon for each language the program may show ("en", "es"): how the
/// voice says numbers and abbreviations. Empty where a pack has no `speech.yaml`.
public struct Lexicons: Sendable {
    // Two arrays, not an array of pairs: a tuple type made the runtime build its metadata at
    // every start-up, speech or not (10,000 instructions, callgrind).
    private var languages: [String] = []
    private var lexicons: [SpeechLexicon] = []

    public init() {}

    public mutating func add(_ lexicon: SpeechLexicon, for language: String) {
        languages.append(language)
        lexicons.append(lexicon)
    }

    public subscript(_ language: String) -> SpeechLexicon {
        languages.firstIndex(of: language).map { lexicons[$0] } ?? SpeechLexicon()
    }
}

extension SpokenScreen {
    /// The explorer's screen as the voice says it: a list item its title, an opened panel its
    /// title and main message (then `r` reads the rest), the search's chosen result, a
    /// word's meaning, the voice's keys on the help screen.
    public static func browse(_ state: AppState, documents: PanelDocuments, lexicons: Lexicons) -> SpokenScreen {
        let pack = documents.pack
        let language = pack.info.language
        let lexicon = lexicons[language]
        func said(_ texts: [String]) -> [String] { texts.compactMap { SpeechText.chunk($0, lexicon: lexicon) } }
        if let search = state.search {
            let hit = search.hits.indices.contains(search.selected) ? search.hits[search.selected] : nil
            let id = "\(language) search \(search.selected) \(search.query)"
            return SpokenScreen(id: id, language: language, arrival: search.query.isEmpty ? 0 : 1) {
                guard let hit else { return said([pack.ui(.searchNothing, ["query": search.query])]) }
                return said([pack.topics[hit.topic].title + ". " + hit.snippet])
            }
        }
        switch state.overlay {
        case .help?:
            return SpokenScreen(id: "\(language) help", language: language, arrival: 1) { said([pack.ui[.speechHelp]]) }
        case .definition(let term)?:
            return SpokenScreen(id: "\(language) term \(term)", language: language, arrival: 1) {
                said([pack.glossaryEntry(for: term).map { $0.term + ". " + $0.definition } ?? term])
            }
        case .sources?:
            return SpokenScreen(id: "\(language) sources \(state.selected)", language: language, arrival: 1) {
                said([pack.ui[.speechSources]])
            }
        case nil:
            let panel = state.selected
            let opened = state.focus == .content
            return SpokenScreen(id: "\(language) \(opened ? "panel" : "item") \(panel)", language: language,
                                   arrival: opened ? 2 : 1) {
                SpeechText.panel(panel, pack: pack, lexicon: lexicon)
            }
        }
    }
}


extension SpokenScreen {
    /// The kiosk's screen as the voice says it: the explorer while a visitor uses it, the
    /// "Still there?" question while it counts down; nothing on the slides, and never
    /// anything of the staff PIN.
    public static func kiosk(_ kiosk: KioskState, documents: PanelDocuments, lexicons: Lexicons) -> SpokenScreen {
        let pack = documents.pack
        let language = pack.info.language
        guard kiosk.phase == .browsing, kiosk.staff.entry == nil else {
            return SpokenScreen(id: "\(language) quiet", language: language, arrival: 0) { [] }
        }
        if kiosk.warningSince != nil {
            let chunks = [pack.ui[.kioskStillThere], pack.ui[.kioskKeepReading]]
            return SpokenScreen(id: "\(language) still there", language: language, arrival: 2) { chunks }
        }
        return browse(kiosk.app, documents: documents, lexicons: lexicons)
    }

    /// A guided session's screen as the voice says it: a step says where it is and its first
    /// words (a topic its message, a list its prompt), and the focused row with its state
    /// ("3 of 9. Nausea. Ticked."); a check question says itself and the focused choice; a
    /// dialog says itself whole. `r` reads on through the step.
    public static func guided(_ session: GuidedSession, documents: GuidedDocuments, lexicons: Lexicons) -> SpokenScreen {
        let pack = documents.pack, ui = pack.ui, guided = documents.guided
        let language = pack.info.language
        let lexicon = lexicons[language]
        func said(_ texts: [String]) -> [String] { texts.compactMap { SpeechText.chunk($0, lexicon: lexicon) } }
        func dialog(_ name: String, _ texts: [String]) -> SpokenScreen {
            let chunks = said(texts)
            return SpokenScreen(id: "\(language) \(name)", language: language, arrival: chunks.count) { chunks }
        }
        if let notice = session.notice { return dialog("notice \(notice)", [notice]) }
        let index = session.step
        let step = guided.steps[index]
        let heading = ui(.guidedStepOf, ["number": "\(index + 1)", "count": "\(session.stepCount)"]) + ". " + step.title
        switch session.screen {
        case .confirmEnd: return dialog("end", [ui[.guidedEndTitle], ui[.guidedEndWipes], ui[.guidedEndKeys]])
        case .confirmExport: return dialog("save", [ui[.guidedSaveTitle], ui[.guidedSaveHolds], ui[.guidedSaveKeys]])
        case .help: return dialog("help", [ui[.speechHelp]])
        case .stepList:
            let cursor = session.cursor
            let steps = guided.steps
            return SpokenScreen(id: "\(language) steps", language: language, arrival: 1,
                                row: ("\(cursor)", { said(["\(cursor + 1). " + steps[min(cursor, steps.count - 1)].title]) })) {
                said([ui[.guidedStepsTitle]])
            }
        case .checkpoint(let number):
            let questions = step.checkpoint
            guard questions.indices.contains(number) else { break }
            let question = questions[number]
            let answer = session.answers[GuidedSession.QuestionKey(step: index, question: number)]
            let cursor = session.cursor
            let choices: [String] = question.choices.enumerated().map { place, choice in
                ui(.speechRow, ["number": "\(place + 1)", "count": "\(question.choices.count)"]) + " " + choice
            }
            let key = "\(cursor) \(answer?.picked ?? -1) \(answer?.understood == true)"
            let focused: () -> [String] = {
                guard choices.indices.contains(cursor) else { return [] }
                var texts = [choices[cursor]]
                if answer?.picked == cursor {
                    texts.append(ui[.speechPicked])
                    texts.append(answer?.understood == true ? ui[.guidedRightPlain] : ui[.guidedAgain] + " " + question.again)
                }
                return said(texts)
            }
            var asks = [ui(.guidedQuestionOf, ["number": "\(number + 1)", "count": "\(questions.count)"])]
            if let ownWords = question.ownWords {
                asks += [ui[.guidedOwnWords] + " " + ownWords, ui[.guidedChoicesFallback], question.question]
            } else {
                asks += [question.question, ui[.guidedPickBest]]
            }
            let page = asks + choices
            return SpokenScreen(id: "\(language) check \(index) \(number)", language: language, arrival: asks.count,
                                row: (key, focused)) { said(page) }
        case .step:
            break
        }
        let id = "\(language) step \(index)"
        let screen = session.outline.steps[index].screen
        if case .topic(let panel) = screen {
            let topic = step.sections.isEmpty ? pack.topics[panel] : pack.topics[panel].only(sections: step.sections)
            return SpokenScreen(id: id, language: language, arrival: 2) {
                said([heading]) + SpeechText.topic(topic, pack: pack, lexicon: lexicon).dropFirst()
            }
        }
        // A list or the summary: the lines the screen shows, each a chunk; a list's rows with their state.
        let rows = documents.spokenRows(step: index, session: session)
        let intro = [heading] + (step.callout.map { [$0] } ?? [])
        let cursor = session.cursor
        guard !rows.isEmpty else {
            let lines = documents.plainLines(step: index, session: session, width: 2000)
            return SpokenScreen(id: id, language: language, arrival: intro.count) { said(intro + lines) }
        }
        return SpokenScreen(id: id, language: language, arrival: intro.count + 1,
                            row: ("\(cursor) \(rows.indices.contains(cursor) ? rows[cursor] : "")", {
            rows.indices.contains(cursor) ? said([ui(.speechRow, ["number": "\(cursor + 1)", "count": "\(rows.count)"]) + " " + rows[cursor]]) : []
        })) {
            said(intro + [documents.listPrompt(screen)] + rows)
        }
    }
}

extension GuidedDocuments {
    /// The rows of a list step, each with its state, as the voice says them ("Nausea. Ticked.";
    /// a pair as its two sides and the middle, then "Picked." and the side leaned to); none
    /// for other steps.
    func spokenRows(step index: Int, session: GuidedSession) -> [String] {
        let ui = pack.ui
        switch listRows(step: index, session: session) {
        case .ticks(let items, let ticked)?:
            return items.enumerated().map {
                SpeechWriter.sentence($0.element) + " " + (ticked.contains($0.offset) ? ui[.speechTicked] : ui[.speechNotTicked])
            }
        case .pairs(let pairs, let leans)?:
            return zip(pairs, leans).map { options, lean in
                options.map(SpeechWriter.sentence).joined(separator: " ")
                    + (lean.map { " " + ui[.speechPicked] + " " + SpeechWriter.sentence(options[$0.rawValue]) } ?? "")
            }
        case nil: return []
        }
    }
}
