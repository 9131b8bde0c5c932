import ContentModel
import TermRender

/// What a guided session needs to know of its content: each step's screen, how many items
/// its lists have, and its checkpoint's questions (how many choices, which is best).
public struct GuidedOutline: Equatable, Sendable {
    public enum Screen: Equatable, Sendable {
        /// A topic's text, its main message first.
        case topic(panel: Int)
        case symptoms(count: Int)
        case values(pairs: Int)
        case questions(count: Int)
        case summary
    }

    public struct Step: Equatable, Sendable {
        public let screen: Screen
        /// For each checkpoint question: its number of choices and the best one.
        public let questions: [(choices: Int, best: Int)]

        public init(screen: Screen, questions: [(choices: Int, best: Int)]) {
            self.screen = screen
            self.questions = questions
        }

        public static func == (lhs: Step, rhs: Step) -> Bool {
            lhs.screen == rhs.screen && lhs.questions.elementsEqual(rhs.questions) { $0 == $1 }
        }
    }

    public let steps: [Step]

    public init(steps: [Step]) { self.steps = steps }

    /// The outline of the pack's guided session.
    public init(_ guided: Guided, pack: ContentPack) {
        steps = guided.steps.map { step in
            let panel = step.topic.flatMap(pack.topicIndex(of:)) ?? 0
            let screen: Screen
            switch step.show {
            case .symptoms?: screen = .symptoms(count: pack.symptoms.count)
            case .values?: screen = .values(pairs: guided.values.pairs.count)
            case .questions?: screen = .questions(count: pack.questionList(topic: panel).count)
            case .summary?: screen = .summary
            case nil: screen = .topic(panel: panel)
            }
            return Step(screen: screen, questions: step.checkpoint.map { ($0.choices.count, $0.best) })
        }
    }
}

/// What the guided session is told: input and time, an action by name (plain mode types
/// words, not keys, so no key binding is pretended), a choice by number, or how an export went.
public enum GuidedMsg: Equatable, Sendable {
    case input(Msg)
    /// Does what the key bound to the action does, whatever key that is.
    case action(GuidedAction)
    /// Ticks or unticks row `row` of a list, or picks answer `row` of a check question.
    case pick(Int)
    /// Where the patient leans on a pair of what matters.
    case lean(pair: Int, GuidedSession.Lean)
    /// Opens a step already reached.
    case reopen(step: Int)
    /// The outcome of `.export`, in a line or two for the clinician.
    case exported(String)
    /// The outcome of `.switchLanguage`: the other language is shown (true), or it could not
    /// be loaded and is no longer offered (false).
    case languageSwitched(Bool)
    /// The shown step's screen as the view lays it out: sent after any message that changed it
    /// (ExplorerUI's `GuidedDocuments.update` does).
    case layout(StepLayout)

    /// Something the clinician or patient did, not time passing or an answer to an effect.
    public var isUserInput: Bool {
        switch self {
        case .input(let msg): msg.isUserInput
        case .action, .pick, .lean, .reopen: true
        case .exported, .languageSwitched, .layout: false
        }
    }
}

/// Work the guided session asks of the outside world.
public enum GuidedEffect: Equatable, Sendable {
    /// Write the handout (and print it, if asked); the outcome comes back as `.exported`.
    case export(print: Bool)
    /// The session ended: clear the screen and exit. Every answer goes with the process.
    case end
    /// Show the session in the other language; the outcome comes back as `.languageSwitched`.
    case switchLanguage
    /// A speech key's ask (the program answers it with words to say), or what to say or hush.
    case speech(SpeechRequest)
}

/// A clinician-led session, step by step: a pure state machine. Everything the patient
/// ticks or chooses lives here and nowhere else; nothing is written unless the clinician
/// exports the handout, and ending the session ends it all.
public struct GuidedSession: Equatable, Sendable {
    public enum Screen: Equatable, Sendable {
        /// The step's own screen.
        case step
        /// Question `n` of the step's teach-back checkpoint.
        case checkpoint(Int)
        /// The steps, to reopen any completed one.
        case stepList
        /// "End the session?"
        case confirmEnd
        /// "Save the handout?"
        case confirmExport
        /// Every key.
        case help
    }

    /// Where the patient leans between two things that matter; there is no right answer.
    public enum Lean: Int, Equatable, Sendable, CaseIterable {
        case first, both, second
    }

    /// One teach-back question's state. A miss is never counted or shown as a mark.
    public struct Answer: Equatable, Sendable {
        /// The last choice picked.
        public var picked: Int?
        /// The best answer was picked.
        public var understood = false
        /// The last pick missed: the point is shown again in other words.
        public var showAgain = false
        /// The clinician marked that the patient explained it back in their own words.
        public var explainedBack = false
    }

    public struct QuestionKey: Hashable, Sendable {
        public let step: Int
        public let question: Int

        public init(step: Int, question: Int) {
            self.step = step
            self.question = question
        }
    }

    public let outline: GuidedOutline
    public private(set) var size: Size
    public private(set) var step = 0
    public private(set) var screen: Screen = .step
    /// The furthest step reached: every step before it is complete and can be reopened.
    public private(set) var furthest = 0
    /// The focused row of a list (symptoms, pairs, questions, choices, the step list).
    public private(set) var cursor = 0
    /// How far each step's text is scrolled.
    public private(set) var scroll: [Int]
    public private(set) var symptoms: Set<Int> = []
    public private(set) var values: [Int: Lean] = [:]
    public private(set) var questions: Set<Int> = []
    public private(set) var answers: [QuestionKey: Answer] = [:]
    /// The clinician's talking points are showing (`p`).
    public private(set) var notesShown = false
    /// What the export did, for the clinician: where the files went, or what failed. Shown
    /// in a box until the next key.
    public private(set) var notice: String?
    /// The screen under an open dialog or the help, to go back to.
    private var under: Screen = .step
    /// The shown step's layout as the view last sent it (`.layout`): how far its text scrolls.
    public private(set) var layout: StepLayout?
    /// How far the help box is scrolled (it opens at its top).
    public private(set) var helpScroll = 0
    /// The pack has another language the clinician can switch to (`L`) at any step.
    public private(set) var offersLanguage: Bool
    /// The session speaks (`--speech`): the voice's keys work, and the footer and help offer
    /// them. Off for good once the engine says it cannot speak (`.speechUnavailable`).
    public private(set) var speaks: Bool

    public init(outline: GuidedOutline, size: Size, offersLanguage: Bool = false, speaks: Bool = false) {
        self.outline = outline
        self.size = size
        self.offersLanguage = offersLanguage
        self.speaks = speaks
        scroll = Array(repeating: 0, count: outline.steps.count)
    }

    public var stepCount: Int { outline.steps.count }
    public var current: GuidedOutline.Step { outline.steps[step] }
    public var isTooSmall: Bool { !size.isAtLeast(AppState.minimumSize) }

    /// The keys that work on the screen shown now.
    public var keymap: Keymap<GuidedAction> { GuidedKeys.keymap(for: self) }

    public mutating func update(_ message: GuidedMsg) -> [GuidedEffect] {
        switch message {
        case .input(let msg): return update(msg)
        case .action(let action):
            if notice != nil {
                notice = nil   // as a key would, it only closes the export's message
                return []
            }
            return perform(action)
        case .pick(let row): pick(row)
        case .lean(let pair, let lean): self.lean(pair: pair, to: lean)
        case .reopen(let index): reopen(step: index)
        case .exported(let notice): self.notice = notice
        case .languageSwitched(let switched):
            if switched { layout = nil } else { offersLanguage = false }   // the new text's layout keeps the scroll inside it
        case .layout(let layout):
            guard layout.step == step, layout.size == size, layout.notes == notesShown else { return [] }   // too late
            self.layout = layout
            scroll[step] = min(scroll[step], layout.maxScroll)
        }
        return []
    }

    /// The same for input and time alone.
    public mutating func update(_ msg: Msg) -> [GuidedEffect] {
        switch msg {
        case .resize(let size):
            self.size = size   // the scroll is kept inside the text when the new layout comes
            return []
        case .speechUnavailable:
            speaks = false
            return []
        case .tick, .tap, .wheel, .action, .searchFor, .layout, .languageSwitched:
            return []   // the explorer's own messages: the session has its own (GuidedMsg)
        case .key(let key):
            // While the screen only asks to be enlarged nothing happens unseen: keys wait.
            guard !isTooSmall else { return [] }
            if notice != nil {
                notice = nil   // the export's message box: any key closes it, and only that
                return []
            }
            if screen == .help, let scroll = layout?.help?.scrolled(helpScroll, by: key) {
                helpScroll = scroll   // a help longer than the screen scrolls; other keys close it
                return []
            }
            guard let action = keymap.action(for: key) else {
                // Any other key closes a dialog, the step list or the help, doing nothing else.
                switch screen {
                case .confirmEnd, .confirmExport, .help: screen = under
                case .stepList: screen = .step
                case .step, .checkpoint: break
                }
                return []
            }
            return perform(action)
        }
    }

    // MARK: Choosing by number (plain mode types numbers instead of moving a pointer): `.pick`, `.lean`, `.reopen`

    /// Ticks or unticks row `row` of a list, or picks answer `row` of a check question, as
    /// Space or Enter on that row would.
    private mutating func pick(_ row: Int) {
        guard let length = listLength, (0..<length).contains(row) else { return }
        cursor = row
        choose()
    }

    /// Sets where the patient leans on pair `pair`.
    private mutating func lean(pair: Int, to lean: Lean) {
        guard case .values(let pairs) = current.screen, screen == .step, (0..<pairs).contains(pair) else { return }
        cursor = pair
        values[pair] = lean
    }

    /// Opens step `index`, if it has been reached.
    private mutating func reopen(step index: Int) {
        guard (0...furthest).contains(index) else { return }
        go(to: index)
    }

    /// The keys that work under the help box, for the help to list.
    public var keymapUnderHelp: Keymap<GuidedAction> {
        var below = self
        if below.screen == .help { below.screen = below.under }
        return below.keymap
    }

    // MARK: Actions

    private mutating func perform(_ action: GuidedAction) -> [GuidedEffect] {
        switch screen {
        case .confirmEnd:
            if action == .confirm {
                self = GuidedSession(outline: outline, size: size, offersLanguage: offersLanguage, speaks: speaks)   // every answer wiped, here too
                return [.end]
            }
            screen = under
            return []
        case .confirmExport:
            screen = under
            switch action {
            case .confirm: return [.export(print: false)]
            case .print: return [.export(print: true)]
            default: return []
            }
        case .help:
            screen = under
            return []
        case .stepList:
            switch action {
            case .up: cursor = max(0, cursor - 1)
            case .down: cursor = min(furthest, cursor + 1)
            case .confirm, .toggle: go(to: cursor)
            default: screen = .step
            }
            return []
        case .step, .checkpoint:
            break
        }
        switch action {
        case .next: next()
        case .back: back()
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: scrollText(by: -max(1, (layout?.pageHeight ?? 1) - 1))
        case .pageDown: scrollText(by: max(1, (layout?.pageHeight ?? 1) - 1))
        case .toggle, .confirm: choose()
        case .steps:
            under = screen
            screen = .stepList
            cursor = step
        case .notes:
            notesShown.toggle()   // the text's height changes: the new layout keeps the scroll inside it
        case .explainedBack:
            if case .checkpoint(let question) = screen { answers[QuestionKey(step: step, question: question), default: Answer()].explainedBack.toggle() }
        case .export:
            if case .summary = current.screen, screen == .step {
                under = screen
                screen = .confirmExport
            }
        case .end:
            under = screen
            screen = .confirmEnd
        case .help:
            under = screen
            screen = .help
            helpScroll = 0
        case .print:
            break
        case .switchLanguage:
            return offersLanguage ? [.switchLanguage] : []
        case .speech(let key):
            return speaks ? [.speech(.ask(key))] : []
        }
        return []
    }

    private mutating func next() {
        if case .checkpoint(let question) = screen, question + 1 < current.questions.count {
            show(.checkpoint(question + 1))
        } else if screen == .step, !current.questions.isEmpty {
            show(.checkpoint(0))
        } else if step + 1 < stepCount {
            go(to: step + 1)
        }
    }

    private mutating func back() {
        if case .checkpoint(let question) = screen {
            show(question > 0 ? .checkpoint(question - 1) : .step)
        } else if step > 0 {
            go(to: step - 1)
            if !current.questions.isEmpty { show(.checkpoint(current.questions.count - 1)) }
        }
    }

    private mutating func go(to index: Int) {
        step = min(max(0, index), stepCount - 1)
        furthest = max(furthest, step)
        show(.step)
    }

    private mutating func show(_ next: Screen) {
        screen = next
        cursor = 0
    }

    /// The number of rows the cursor moves over on this screen, or nil where ↑↓ scroll.
    private var listLength: Int? {
        if case .checkpoint(let question) = screen { return current.questions[question].choices }
        switch current.screen {
        case .symptoms(let count), .questions(let count): return count
        case .values(let pairs): return pairs
        case .topic, .summary: return nil
        }
    }

    private mutating func move(_ delta: Int) {
        if let length = listLength {
            cursor = min(max(0, cursor + delta), max(0, length - 1))
        } else {
            scrollText(by: delta)
        }
    }

    /// Scrolls the step's text, inside it. The view sends the layout after any message that
    /// changed it, so it is the shown step's; without one nothing scrolls.
    private mutating func scrollText(by lines: Int) {
        guard screen == .step, let layout, layout.step == step, layout.size == size, layout.notes == notesShown else { return }
        scroll[step] = min(max(0, scroll[step] + lines), layout.maxScroll)
    }

    /// Space or Enter on the focused row: tick, lean, or pick an answer.
    private mutating func choose() {
        if case .checkpoint(let question) = screen {
            let key = QuestionKey(step: step, question: question)
            var answer = answers[key] ?? Answer()
            answer.picked = cursor
            answer.understood = cursor == current.questions[question].best
            answer.showAgain = !answer.understood
            answers[key] = answer
            return
        }
        switch current.screen {
        case .symptoms: symptoms.formSymmetricDifference([cursor])
        case .questions: questions.formSymmetricDifference([cursor])
        case .values:
            let lean = values[cursor].map { Lean(rawValue: ($0.rawValue + 1) % Lean.allCases.count) ?? .first } ?? .first
            values[cursor] = lean
        case .topic, .summary: break
        }
    }
}

/// What the session's keys ask for.
public enum GuidedAction: Hashable, Sendable {
    case next, back, up, down, pageUp, pageDown
    /// Tick, lean or pick the focused row.
    case toggle
    /// Enter: pick, or say yes in a dialog.
    case confirm
    case steps, notes, explainedBack, export, print, end, help
    /// The session in the pack's other language, at the same step, every answer kept.
    case switchLanguage
    /// Read on, repeat, slower, faster (only when the session speaks).
    case speech(SpeechKey)
}

/// The guided session's keys, per screen. One table per screen drives dispatch, the footer
/// and the help, as in the explorer.
enum GuidedKeys {
    static func keymap(for session: GuidedSession) -> Keymap<GuidedAction> {
        let language = Variants.Policy(offersLanguage: session.offersLanguage, speaks: session.speaks)
        switch session.screen {
        case .confirmEnd: return confirmEnd
        case .confirmExport: return confirmExport
        case .stepList: return stepList
        case .help: return help
        case .checkpoint: return checkpoint.keymap(language)
        case .step:
            switch session.current.screen {
            case .summary: return summary.keymap(language)
            case .symptoms, .questions, .values: return list.keymap(language)
            case .topic: return reading.keymap(language)
            }
        }
    }

    /// A step's keys with the language switch and without it (a pack in one language), each
    /// with the voice's keys and without, all made once: the keymap is asked for on every key
    /// and frame.
    private struct Variants {
        struct Policy {
            let offersLanguage: Bool
            let speaks: Bool
        }
        let bilingual: Keymap<GuidedAction>
        let oneLanguage: Keymap<GuidedAction>
        let spokenBilingual: Keymap<GuidedAction>
        let spokenOneLanguage: Keymap<GuidedAction>

        init(_ keymap: Keymap<GuidedAction>) {
            bilingual = keymap
            oneLanguage = keymap.disabling { $0 == .switchLanguage }
            spokenBilingual = SpeechKeys.adding(to: keymap, GuidedAction.speech)
            spokenOneLanguage = spokenBilingual.disabling { $0 == .switchLanguage }
        }

        func keymap(_ policy: Policy) -> Keymap<GuidedAction> {
            switch (policy.offersLanguage, policy.speaks) {
            case (true, false): bilingual
            case (false, false): oneLanguage
            case (true, true): spokenBilingual
            case (false, true): spokenOneLanguage
            }
        }
    }

    private static func bind(_ keys: [Key], _ action: GuidedAction, _ label: String, _ help: UIText,
                             hint: (String, UIText)? = nil, essential: Bool = false) -> Binding<GuidedAction> {
        Binding(keys, action, label: label, help: help, hint: hint, essential: essential)
    }

    private static let moving: [Binding<GuidedAction>] = [
        bind([.right, .character("n")], .next, "→ n", .guidedKeysNext, hint: ("→", .guidedHintNext)),
        bind([.left, .character("b")], .back, "← b", .guidedKeysBack, hint: ("←", .guidedHintBack)),
        bind([.up, .character("k")], .up, "↑ k", .guidedKeysUp),
        bind([.down, .character("j")], .down, "↓ j", .guidedKeysDown),
        bind([.pageUp], .pageUp, "PgUp", .guidedKeysPageUp),
        bind([.pageDown], .pageDown, "PgDn", .guidedKeysPageDown),
    ]

    private static let always: [Binding<GuidedAction>] = [
        bind([.character("l")], .steps, "l", .guidedKeysSteps, hint: ("l", .guidedHintSteps)),
        bind([.character("p")], .notes, "p", .guidedKeysNotes, hint: ("p", .guidedHintNotes)),
        bind([.character("q"), .escape], .end, "q Esc", .guidedKeysEnd,
             hint: ("q", .guidedHintEnd), essential: true),
        bind([.character("?"), .function(1)], .help, "? F1", .guidedKeysHelp, hint: ("?", .hintHelp), essential: true),
        bind([.character("L")], .switchLanguage, "L", .keysLanguage, hint: ("L", .hintLanguage), essential: true),
    ]

    private static let reading = Variants(Keymap(moving + always))
    private static let list = Variants(Keymap([
        bind([.character(" "), .enter], .toggle, "Space Enter", .guidedKeysToggle,
             hint: ("Space", .guidedHintChoose)),
    ] + moving + always))
    private static let checkpoint = Variants(Keymap([
        bind([.enter, .character(" ")], .confirm, "Enter Space", .guidedKeysPick, hint: ("Enter", .guidedHintPick)),
        bind([.character("e")], .explainedBack, "e", .guidedKeysExplained,
             hint: ("e", .guidedHintExplained)),
    ] + moving + always))
    private static let summary = Variants(Keymap([
        bind([.character("x")], .export, "x", .guidedKeysExport, hint: ("x", .guidedHintHandout)),
    ] + moving + always))
    static let stepList = Keymap([
        bind([.up, .character("k")], .up, "↑ k", .guidedKeysStepUp),
        bind([.down, .character("j")], .down, "↓ j", .guidedKeysStepDown, hint: ("↑↓", .guidedHintChoose)),
        bind([.enter], .confirm, "Enter", .guidedKeysOpenStep, hint: ("Enter", .hintOpen)),
    ])
    static let confirmEnd = Keymap([
        bind([.enter, .character("y")], .confirm, "Enter y", .guidedKeysConfirmEnd, hint: ("Enter", .guidedHintEnd)),
    ])
    static let confirmExport = Keymap([
        bind([.enter, .character("y")], .confirm, "Enter y", .guidedKeysSave, hint: ("Enter", .guidedHintSave)),
        bind([.character("p")], .print, "p", .guidedKeysPrint, hint: ("p", .guidedHintSavePrint)),
    ])
    static let help = Keymap<GuidedAction>([])
}
