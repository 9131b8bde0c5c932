import ContentModel
import ExplorerCore
import TermRender

/// The guided session as plain lines (`--guided --plain`): the same `GuidedSession` state
/// machine as the full screen, driven by typed answers instead of keys. Each step is written
/// out whole; numbers tick items or pick answers.
public struct PlainGuided {
    private var session: GuidedSession
    private let documents: GuidedDocuments
    private let width: Int
    /// A yes-or-no question is waiting for its answer.
    private var confirming: Confirm?

    private enum Confirm { case end, export }
    /// How words a screen reader misreads are written (speech.yaml's `plain:`).
    private let lexicon: SpeechLexicon

    public init(pack: ContentPack, guided: Guided, width: Int = 80, glyphs: Glyphs = .unicode, saveFolder: String? = nil,
                lexicon: SpeechLexicon = SpeechLexicon()) {
        self.lexicon = lexicon
        documents = GuidedDocuments(pack: pack, guided: guided, glyphs: glyphs, saveFolder: saveFolder)
        session = GuidedSession(outline: GuidedOutline(guided, pack: pack), size: Size(width: width, height: 24))
        self.width = width
    }

    /// The program's words in the pack's language.
    public var ui: UIStrings { documents.pack.ui }
    /// The pack the session is shown from.
    public var pack: ContentPack { documents.pack }

    /// The handout as it stands, for the caller to save.
    public var handout: Handout { Handout(session: session, documents: documents) }

    public mutating func start() -> [String] {
        PlainText.fitted([ui(.plainGuidedTitle, ["title": documents.pack.info.title]), documents.pack.info.disclaimer, ""] + screen(),
                         width: width, lexicon: lexicon)
    }

    /// What the export did (after `.export`).
    public mutating func exported(_ notice: String) -> [String] {
        _ = documents.update(&session, .exported(notice))
        _ = documents.update(&session, .action(.confirm))   // closes the notice
        // Not respelled for screen readers: the notice names folders and files, which must stay as they are.
        return PlainText.fitted(notice.split(separator: "\n").map(String.init) + [prompt()], width: width)
    }

    /// Answers one typed line. Effects are the session's: export the handout, or end.
    public mutating func handle(_ input: String) -> (lines: [String], effects: [GuidedEffect]) {
        let (lines, effects) = answer(input)
        return (PlainText.fitted(lines, width: width, lexicon: lexicon), effects)
    }

    private mutating func answer(_ input: String) -> (lines: [String], effects: [GuidedEffect]) {
        let answer = String(input.unicodeScalars.filter { !Sanitizer.isForbidden($0) }).trimmingSpaces.lowercased()
        if let question = confirming {
            confirming = nil
            let actions: [GuidedAction]
            switch (question, answer) {
            case (.end, "y"), (.end, "yes"): actions = [.end, .confirm]
            case (.export, "y"), (.export, "yes"): actions = [.export, .confirm]
            case (.export, "p"): actions = [.export, .print]
            default: return ([ui[.plainNothingDone], prompt()], [])
            }
            return ([], perform(actions))
        }
        let words = answer.split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "", "n", "next": return move(.next)
        case "b", "back": return move(.back)
        case "q", "quit", "end":
            confirming = .end
            return ([ui[.plainEndAsk]], [])
        case "x", "save":
            guard case .summary = session.current.screen else { return ([ui[.plainSaveFromSummary], prompt()], []) }
            confirming = .export
            let folder = documents.saveFolder.map { " " + ui(.guidedSavedIn, ["folder": $0]) } ?? ""
            return ([ui[.plainSaveAsk] + folder + " " + ui[.plainSaveKeys]], [])
        case "p", "notes":
            return ([ui[.plainForClinician]] + documents.guided.steps[session.step].notes.map { "- \($0)" } + [prompt()], [])
        case "e":
            guard case .checkpoint = session.screen else { return ([ui[.plainExplainedOnlyChecks], prompt()], []) }
            _ = perform([.explainedBack])
            return ([ui[.plainMarkedExplained], prompt()], [])
        case "l", "steps":
            return (steps() + [prompt()], [])
        case "go":
            guard words.count == 2, let number = Int(words[1]), (1...session.furthest + 1).contains(number) else {
                return ([ui(.plainGoStep, ["count": "\(session.furthest + 1)"]), prompt()], [])
            }
            _ = documents.update(&session, .reopen(step: number - 1))
            return (screen(), [])
        default:
            guard let numbers = Optional(words.compactMap { Int($0) }), numbers.count == words.count, !numbers.isEmpty else {
                return ([ui[.plainNoMatch] + " " + prompt()], [])
            }
            return choose(numbers)
        }
    }

    /// Drives the session by its actions, as the keys bound to them would (but whichever
    /// keys those are: plain mode never pretends to press one).
    private mutating func perform(_ actions: [GuidedAction]) -> [GuidedEffect] {
        actions.flatMap { documents.update(&session, .action($0)) }
    }

    private mutating func move(_ action: GuidedAction) -> (lines: [String], effects: [GuidedEffect]) {
        let before = (session.step, session.screen)
        _ = perform([action])
        if before == (session.step, session.screen) {
            return ([ui[action == .next ? .plainLastStep : .plainFirstStep], prompt()], [])
        }
        return (screen(), [])
    }

    /// Numbers typed on a list (tick or untick each), a pair (pair, then 1 to 3), or a question.
    private mutating func choose(_ numbers: [Int]) -> (lines: [String], effects: [GuidedEffect]) {
        if case .checkpoint(let question) = session.screen {
            let choices = session.current.questions[question].choices
            guard numbers.count == 1, (1...choices).contains(numbers[0]) else {
                return ([ui(.plainOneNumber, ["count": "\(choices)"]), prompt()], [])
            }
            _ = documents.update(&session, .pick(numbers[0] - 1))
            return (checkpoint(question, answered: true), [])
        }
        switch session.current.screen {
        case .symptoms(let count), .questions(let count):
            guard numbers.allSatisfy({ (1...count).contains($0) }) else { return ([ui(.plainNumbers, ["count": "\(count)"]), prompt()], []) }
            for number in numbers { _ = documents.update(&session, .pick(number - 1)) }
            return (screen(), [])
        case .values(let pairs):
            guard numbers.count == 2, (1...pairs).contains(numbers[0]), (1...3).contains(numbers[1]) else {
                return ([ui[.plainPairNumber], prompt()], [])
            }
            if let lean = GuidedSession.Lean(rawValue: numbers[1] - 1) {
                _ = documents.update(&session, .lean(pair: numbers[0] - 1, lean))
            }
            return (screen(), [])
        case .topic, .summary:
            return ([ui[.plainNothingToChoose] + " " + prompt()], [])
        }
    }

    private func screen() -> [String] {
        if case .checkpoint(let question) = session.screen { return checkpoint(question, answered: false) }
        let step = documents.guided.steps[session.step]
        var lines = ["", ui(.plainStepOf, ["number": "\(session.step + 1)", "count": "\(session.stepCount)", "title": step.title]), ""]
        switch session.current.screen {
        case .topic(let panel):
            lines += PlainText.lines(topic: documents.pack.topics[panel].only(sections: step.sections),
                                     pack: documents.pack, width: width, glyphs: documents.glyphs, pictures: false).dropFirst(2)
        case .symptoms, .questions, .values, .summary:
            lines += documents.plainLines(step: session.step, session: session, width: width)
        }
        return lines + ["", prompt()]
    }

    private func checkpoint(_ number: Int, answered: Bool) -> [String] {
        let step = documents.guided.steps[session.step]
        let question = step.checkpoint[number]
        let answer = session.answers[GuidedSession.QuestionKey(step: session.step, question: number)]
        if answered {
            if answer?.understood == true { return [ui[.guidedRightPlain], prompt()] }
            return [ui[.guidedAgain] + " " + question.again, ui[.guidedPickAgain], prompt()]
        }
        var lines = ["", PlainText.sentence(ui(.plainChecking, ["step": step.title])) + " "
                     + ui(.plainQuestionOf, ["number": "\(number + 1)", "count": "\(step.checkpoint.count)"])]
        if let ownWords = question.ownWords {
            lines += [ui[.guidedOwnWords] + " " + ownWords, ui[.guidedChoicesFallback]]
        }
        lines.append(question.question)
        for (index, choice) in question.choices.enumerated() { lines.append("  \(index + 1). \(choice)") }
        return lines + [prompt()]
    }

    private func steps() -> [String] {
        documents.guided.steps.enumerated().map { index, step in
            let state = index == session.step ? " " + ui[.guidedHere] : index <= session.furthest ? "" : " " + ui[.guidedNotYet]
            return "  \(index + 1). \(step.title)\(state)"
        }
    }

    private func prompt() -> String {
        if case .checkpoint = session.screen {
            return ui[.plainPromptCheckpoint]
        }
        switch session.current.screen {
        case .symptoms, .questions: return ui[.plainPromptTicks]
        case .values: return ui[.plainPromptPairs]
        case .summary: return ui[.plainPromptSummary]
        case .topic: return ui[.plainPromptTopic]
        }
    }
}
