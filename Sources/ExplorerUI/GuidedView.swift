import ContentModel
import ExplorerCore
import TermRender

/// Where the parts of a guided-session screen go: the explorer's reading layout (header,
/// title, text, "more below", footer), with the clinician's notes taking the bottom of the
/// text area when shown.
struct GuidedLayout {
    /// The reading layout underneath: header, title, hints and the safety line come from it.
    let screen: ScreenLayout
    /// The step's scrolling text or list.
    let body: Rect
    /// "More below", under the body.
    let indicator: Rect
    /// The clinician's notes, when shown.
    let notes: Rect?

    static let notesHeight = 7

    var header: Rect { screen.header }
    var title: Rect { screen.title }

    init(size: Size, notes: Bool, info: PackInfo) {
        screen = ScreenLayout(size: size, reading: true, info: info)
        guard notes else {
            (body, indicator, self.notes) = (screen.text, screen.indicator, nil)
            return
        }
        let shift = min(Self.notesHeight, screen.text.height)
        body = Rect(x: screen.text.x, y: screen.text.y, width: screen.text.width, height: screen.text.height - shift)
        indicator = Rect(x: screen.indicator.x, y: screen.indicator.y - shift, width: screen.indicator.width, height: 1)
        self.notes = Rect(x: 0, y: screen.hints.y - shift, width: size.width, height: shift)
    }
}

/// The guided session's screens as functions of its state and the pack, and the layout the
/// session is told (how far a step's text scrolls).
public final class GuidedDocuments {
    public let pack: ContentPack
    public let guided: Guided
    let documents: PanelDocuments

    /// The folder a handout is saved in, as an absolute path, so the question before saving
    /// and the notice after it can say where.
    public let saveFolder: String?

    public init(pack: ContentPack, guided: Guided, glyphs: Glyphs, saveFolder: String? = nil) {
        self.pack = pack
        self.guided = guided
        self.saveFolder = saveFolder
        // Pictures as stills: the clinician talks over them at their own pace.
        documents = PanelDocuments(pack: pack, glyphs: glyphs, motion: false)
    }

    public var glyphs: Glyphs { documents.glyphs }

    /// The same session's documents in another pack (the other language), or nil if that
    /// pack has no guided session.
    public func with(pack: ContentPack) -> GuidedDocuments? {
        pack.tours?.guided.map { GuidedDocuments(pack: pack, guided: $0, glyphs: glyphs, saveFolder: saveFolder) }
    }

    /// The shown step's screen as laid out for `session`: what `.layout` tells it.
    public func layout(for session: GuidedSession) -> StepLayout {
        let body = GuidedLayout(size: session.size, notes: session.notesShown, info: pack.info).body
        return StepLayout(step: session.step, size: session.size, notes: session.notesShown,
                          lineCount: lines(step: session.step, session: session, width: body.width).count,
                          pageHeight: body.height,
                          help: session.screen == .help ? HelpView.extent(session.keymapUnderHelp, ui: documents.pack.ui, size: session.size) : nil)
    }

    /// Applies `message` to `session`, then tells it the shown step's layout if that changed:
    /// how every driver of a guided session (the run loop, plain mode, tests) updates it.
    public func update(_ session: inout GuidedSession, _ message: GuidedMsg) -> [GuidedEffect] {
        let effects = session.update(message)
        let layout = layout(for: session)
        if session.layout != layout { _ = session.update(.layout(layout)) }
        return effects
    }

    /// The step's own screen as lines, and the line the cursor is on (for lists).
    func lines(step index: Int, session: GuidedSession, width: Int) -> [StyledLine] {
        screen(step: index, session: session, width: width).lines
    }

    private func item(_ mark: String, _ text: String, focused: Bool, width: Int, role: Role = .plain) -> [StyledLine] {
        Self.item(mark, text, focused: focused, width: width, role: role)
    }

    func screen(step index: Int, session: GuidedSession, width: Int) -> (lines: [StyledLine], cursorLine: Int?) {
        let step = guided.steps[index]
        let focused = session.step == index && session.screen == .step ? session.cursor : nil
        let pointer = glyphs == .ascii ? ">" : "▸"
        func row(_ number: Int, _ ticked: Bool, _ text: String) -> [StyledLine] {
            let mark = "\(number == focused ? pointer : " ") [\(ticked ? "x" : " ")] "
            return item(mark, text, focused: number == focused, width: width)
        }
        var lines: [StyledLine] = []
        var cursorLine: Int?
        if case .topic(let panel) = session.outline.steps[index].screen {
            return (step.sections.isEmpty ? documents.lines(panel: panel, area: Size(width: width, height: 20))
                        : sectionLines(step: index, topic: panel, width: width), nil)
        }
        if let callout = step.callout {
            lines += wrap(callout, width, .warning)
            lines.append([])
        }
        let screen = session.outline.steps[index].screen
        switch listRows(step: index, session: session) {
        case .ticks(let items, let ticked)?:
            lines += wrap(listPrompt(screen), width, .keyMessage)
            lines.append([])
            for (number, text) in items.enumerated() {
                if number == focused { cursorLine = lines.count }
                lines += row(number, ticked.contains(number), text)
            }
        case .pairs(let pairs, let leans)?:
            lines += wrap(listPrompt(screen), width, .keyMessage)
            for (number, options) in pairs.enumerated() {
                lines.append([])
                if number == focused { cursorLine = lines.count }
                // Both sides and the middle on one row, the chosen one marked: no right answer.
                lines += item("\(number == focused ? pointer : " ") ", marked(options, leans[number]),
                              focused: number == focused, width: width)
            }
        case nil:   // the summary (a topic was returned above)
            let ui = pack.ui
            lines += heading(ui[.guidedKeyPoints], width).dropFirst()
            lines += bullets(guided.summary.points, width)
            lines += heading(ui[.guidedSymptomsTicked], width)
            lines += bullets(session.symptoms.sorted().map { pack.symptoms[$0].name }, width, none: ui[.guidedNoneTicked])
            lines += heading(ui[.guidedQuestionsChosen], width)
            lines += bullets(chosenQuestions(session), width, none: ui[.guidedNoneChosen])
            lines += heading(ui[.guidedWhatNext], width)
            lines += bullets(guided.summary.next, width)
            lines += heading(ui[.handoutSafety], width)
            lines += bullets(guided.summary.safety, width)
            if let clinic = pack.clinic {
                lines += heading(PackFacts.clinicHeading(clinic, ui: pack.ui), width)
                lines += bullets(PackFacts.clinicLines(clinic), width)
            }
            if let label = pack.citationLabel(guided.summary.sources, separator: glyphs.middleDot) {
                lines.append([])
                lines += wrap(label, width, .source)
            }
            lines.append([])
            lines += wrap(ui[.guidedSaveHint], width, .muted)
        }
        return (lines, cursorLine)
    }

    /// The parts of a topic a step names in `sections`, laid out at `width`; kept for the
    /// last few widths, as `PanelDocuments` keeps whole panels, so a keystroke does not lay
    /// them out again.
    private func sectionLines(step: Int, topic panel: Int, width: Int) -> [StyledLine] {
        if let known = sectionCache.first(where: { $0.step == step && $0.width == width }) { return known.lines }
        var builder = DocumentBuilder(pack: pack, width: width, glyphs: glyphs, tableStyle: .automatic,
                                      diagramStyle: .stills)
        let lines = builder.build(pack.topics[panel].only(sections: guided.steps[step].sections))
        if sectionCache.count == 4 { sectionCache.removeFirst() }
        sectionCache.append((step, width, lines))
        return lines
    }

    private var sectionCache: [(step: Int, width: Int, lines: [StyledLine])] = []

    /// A list or summary step as plain text lines: numbered rows to type, the summary as it reads.
    public func plainLines(step: Int, session: GuidedSession, width: Int) -> [String] {
        let screen = session.outline.steps[step].screen
        switch listRows(step: step, session: session) {
        case .ticks(let items, let ticked)?:
            let numbers: [String] = if case .symptoms = screen {
                (guided.steps[step].callout.map { [$0] } ?? []) + [pack.ui[.guidedSymptomsNumbers]]
            } else {
                [pack.ui[.guidedQuestionsNumbers]]
            }
            return numbers + items.enumerated().map { "  \($0.offset + 1). [\(ticked.contains($0.offset) ? "x" : " ")] \($0.element)" }
        case .pairs(let pairs, let leans)?:
            return [listPrompt(screen), pack.ui[.guidedPairsNumbers]]
                + pairs.indices.map { "  \($0 + 1). " + marked(pairs[$0], leans[$0]) }
        case nil:
            return self.screen(step: step, session: session, width: width).lines.map { line in
                var text = line.plainText
                while text.last == " " { text.removeLast() }
                return text
            }
        }
    }

    /// What a list step lists, as the session stands (nil for a topic or the summary): the
    /// one place that says which rows a list has and their state, which the screen, plain
    /// mode and the voice each write in their own way.
    enum ListRows {
        /// Rows to tick (symptoms, questions) and the ones ticked.
        case ticks([String], ticked: Set<Int>)
        /// Pairs of what matters, each as its two sides and the middle, and where the patient leans.
        case pairs([[String]], leans: [GuidedSession.Lean?])
    }

    func listRows(step index: Int, session: GuidedSession) -> ListRows? {
        switch session.outline.steps[index].screen {
        case .symptoms: return .ticks(pack.symptoms.map(\.name), ticked: session.symptoms)
        case .questions:
            let topic = guided.steps[index].topic.flatMap(pack.topicIndex(of:)) ?? 0
            return .ticks(pack.questionList(topic: topic), ticked: session.questions)
        case .values:
            return .pairs(guided.values.pairs.map { [$0[0], pack.ui[.guidedBoth], $0[1]] },
                          leans: guided.values.pairs.indices.map { session.values[$0] })
        case .topic, .summary: return nil
        }
    }

    /// What a list step asks.
    func listPrompt(_ screen: GuidedOutline.Screen) -> String {
        switch screen {
        case .symptoms: pack.ui[.guidedSymptomsPrompt]
        case .questions: pack.ui[.guidedQuestionsPrompt]
        case .values: guided.values.prompt
        case .topic, .summary: ""
        }
    }

    /// A pair's options on one line, the one leaned to marked.
    private func marked(_ options: [String], _ lean: GuidedSession.Lean?) -> String {
        let chosen = glyphs == .ascii ? "*" : "•"
        return options.enumerated().map { "(\(lean?.rawValue == $0.offset ? chosen : " ")) \($0.element)" }
            .joined(separator: " \(glyphs.middleDot) ")
    }

    /// The questions the patient picked, as text.
    func chosenQuestions(_ session: GuidedSession) -> [String] {
        guard let index = session.outline.steps.firstIndex(where: {
            if case .questions = $0.screen { return true } else { return false }
        }), let topic = guided.steps[index].topic.flatMap(pack.topicIndex(of:)) else { return [] }
        let list = pack.questionList(topic: topic)
        return session.questions.sorted().filter { $0 < list.count }.map { list[$0] }
    }

    /// A row of a list: its marker (pointer, tick) first, the text wrapped under itself.
    static func item(_ mark: String, _ text: String, focused: Bool, width: Int, role: Role = .plain) -> [StyledLine] {
        let style: Role = focused ? .listSelected : role
        let indent = String(repeating: " ", count: DisplayWidth.of(mark))
        return TextWrapper.wrap([Span(text, style)], width: width, firstIndent: [Span(mark, style)], restIndent: [Span(indent)])
    }

    private func wrap(_ text: String, _ width: Int, _ role: Role = .plain) -> [StyledLine] {
        TextWrapper.wrap([Span(text, role)], width: width)
    }

    private func heading(_ text: String, _ width: Int) -> [StyledLine] {
        [[], [Span(text, .heading)]]
    }

    private func bullets(_ items: [String], _ width: Int, none: String? = nil) -> [StyledLine] {
        if items.isEmpty, let none { return wrap(none, width, .muted) }
        let bullet = glyphs.bullet
        return items.flatMap { TextWrapper.wrap([Span($0)], width: width, firstIndent: [Span("\(bullet) ")], restIndent: [Span("  ")]) }
    }
}

/// view(session) -> Buffer for the guided session.
public enum GuidedView {
    public static func render(_ session: GuidedSession, documents: GuidedDocuments) -> Buffer {
        var buffer = Buffer(size: session.size)
        let glyphs = documents.glyphs
        if session.isTooSmall {
            TooSmallView.draw(into: &buffer, minimum: AppState.minimumSize, pack: documents.pack, quits: false)
            return buffer
        }
        let layout = GuidedLayout(size: session.size, notes: session.notesShown, info: documents.pack.info)
        let step = documents.guided.steps[session.step]
        let ui = documents.pack.ui
        drawHeader(&buffer, layout, session, glyphs, ui)

        func title(_ text: String) {
            buffer.write(LineFit.fitting(text, width: layout.title.width, ellipsis: glyphs.ellipsis),
                         x: layout.title.x, y: layout.title.y, limit: layout.title.maxX, role: .title)
        }
        switch session.screen {
        case .checkpoint(let number):
            title(ui(.guidedChecking, ["step": step.title]))
            drawCheckpoint(&buffer, layout, session, step.checkpoint[number], number: number, of: step.checkpoint.count,
                           glyphs: glyphs, ui: ui)
        default:
            title(step.title)
            buffer.placeCursor(x: layout.title.x, y: layout.title.y)
            drawStep(&buffer, layout, session, documents)
        }
        if let notes = layout.notes {
            buffer.fill(notes)
            buffer.drawBox(notes, glyphs: glyphs, title: ui[.guidedNotesTitle])
            let inner = notes.inset(dx: 2, dy: 1)
            let lines = step.notes.flatMap {
                TextWrapper.wrap([Span($0)], width: inner.width, firstIndent: [Span("\(glyphs.bullet) ")], restIndent: [Span("  ")])
            }
            for (row, line) in lines.prefix(inner.height).enumerated() {
                buffer.write(line, x: inner.x, y: inner.y + row, limit: inner.maxX)
            }
        }
        FooterView.draw(into: &buffer, layout: layout.screen, keymap: session.keymap, ui: documents.pack.ui, glyphs: glyphs)
        drawOverlay(&buffer, session, documents)
        return buffer
    }

    private static func drawHeader(_ buffer: inout Buffer, _ layout: GuidedLayout, _ session: GuidedSession, _ glyphs: Glyphs,
                                   _ ui: UIStrings) {
        buffer.fill(layout.header, with: Cell(text: " ", role: .header))
        let count = session.stepCount
        let text = " \(ui[.guidedTitle]) \(glyphs.middleDot) " + ui(.guidedStepOf, ["number": "\(session.step + 1)", "count": "\(count)"])
        buffer.write(text, x: layout.header.x, y: layout.header.y, limit: layout.header.maxX, role: .header)
        // The progress bar: one cell a step, filled up to this one.
        let (done, left) = glyphs == .ascii ? ("#", "-") : ("■", "□")
        let bar = String(repeating: done, count: session.step + 1) + String(repeating: left, count: count - session.step - 1)
        buffer.write("\(bar) ", x: layout.header.maxX - count - 1, y: layout.header.y, role: .header)
    }

    private static func drawStep(_ buffer: inout Buffer, _ layout: GuidedLayout, _ session: GuidedSession,
                                 _ documents: GuidedDocuments) {
        let (lines, cursorLine) = documents.screen(step: session.step, session: session, width: layout.body.width)
        var top = min(session.scroll[session.step], max(0, lines.count - layout.body.height))
        if let cursorLine {
            // Lists follow the cursor: keep its row (and the one after) on screen.
            top = max(0, min(cursorLine - 1, max(0, cursorLine + 2 - layout.body.height)))
        }
        for row in 0..<layout.body.height where top + row < lines.count {
            buffer.write(lines[top + row], x: layout.body.x, y: layout.body.y + row, limit: layout.body.maxX)
        }
        if let cursorLine, (top..<top + layout.body.height).contains(cursorLine) {
            buffer.placeCursor(x: layout.body.x, y: layout.body.y + cursorLine - top)   // on the focused row
        }
        if top + layout.body.height < lines.count {
            buffer.write(documents.pack.ui[.guidedMoreBelow], x: layout.indicator.x, y: layout.indicator.y,
                         limit: layout.indicator.maxX, role: .muted)
        }
    }

    private static func drawCheckpoint(_ buffer: inout Buffer, _ layout: GuidedLayout, _ session: GuidedSession,
                                       _ question: Guided.Question, number: Int, of count: Int, glyphs: Glyphs,
                                       ui: UIStrings) {
        let width = layout.body.width
        let answer = session.answers[GuidedSession.QuestionKey(step: session.step, question: number)]
        var lines: [StyledLine] = [[Span(ui(.guidedQuestionOf, ["number": "\(number + 1)", "count": "\(count)"]), .muted)], []]
        if let ownWords = question.ownWords {
            // Teach-back first: the patient says it in their own words; the choices are a fallback.
            lines += TextWrapper.wrap([Span(ui[.guidedOwnWords] + " ", .strong), Span(ownWords, .keyMessage)], width: width)
            lines += TextWrapper.wrap([Span(ui[.guidedChoicesFallback], .muted)], width: width)
            lines.append([])
        } else {
            lines += TextWrapper.wrap([Span(ui[.guidedPickBest], .muted)], width: width)
        }
        lines += TextWrapper.wrap([Span(question.question, .keyMessage)], width: width)
        lines.append([])
        let pointer = glyphs == .ascii ? ">" : "▸"
        var focusedLine = 0
        for (index, choice) in question.choices.enumerated() {
            if index == session.cursor { focusedLine = lines.count }
            let picked = answer?.picked == index ? (glyphs == .ascii ? "*" : "•") : " "
            lines += GuidedDocuments.item("\(index == session.cursor ? pointer : " ") (\(picked)) ", choice,
                                          focused: index == session.cursor, width: width)
        }
        lines.append([])
        let feedbackLine = lines.count
        if answer?.understood == true {
            lines += TextWrapper.wrap([Span(ui[.guidedRight], .strong)], width: width)
        } else if answer?.showAgain == true {
            lines += TextWrapper.wrap([Span(ui[.guidedAgain] + " ", .strong), Span(question.again)],
                                      width: width)
            lines += TextWrapper.wrap([Span(ui[.guidedPickAgain], .muted)], width: width)
        }
        lines.append([])
        let mark = answer?.explainedBack == true ? "x" : " "
        lines.append([Span("[\(mark)] " + ui[.guidedExplained], .muted)])
        // On a small screen the lines scroll so the focused answer, or what picking it said,
        // is in the middle of what shows.
        let anchor = answer?.understood == true || answer?.showAgain == true ? feedbackLine : focusedLine
        let first = max(0, min(lines.count - layout.body.height, anchor - layout.body.height / 2))
        for (row, line) in lines.dropFirst(first).prefix(layout.body.height).enumerated() {
            buffer.write(line, x: layout.body.x, y: layout.body.y + row, limit: layout.body.maxX)
        }
        buffer.placeCursor(x: layout.body.x, y: layout.body.y + focusedLine - first)   // on the focused answer
    }

    private static func drawOverlay(_ buffer: inout Buffer, _ session: GuidedSession, _ documents: GuidedDocuments) {
        let glyphs = documents.glyphs, ui = documents.pack.ui
        if let notice = session.notice {
            let lines = notice.split(separator: "\n").map { [Span(String($0))] }
            MessageBox.draw(into: &buffer, title: ui[.guidedHandout], lines: lines + [[], [Span(ui[.guidedAnyKeyCloses], .muted)]],
                            glyphs: glyphs)
            return
        }
        switch session.screen {
        case .confirmEnd:
            MessageBox.draw(into: &buffer, title: ui[.guidedEndTitle], lines: [
                [Span(ui[.guidedEndWipes])], [],
                [Span(ui[.guidedEndKeys], .strong)],
            ], glyphs: glyphs)
        case .confirmExport:
            MessageBox.draw(into: &buffer, title: ui[.guidedSaveTitle], lines: [
                [Span(ui[.guidedSaveHolds])], [],
            ] + (documents.saveFolder.map { [[Span(ui(.guidedSavedIn, ["folder": $0]))], []] } ?? []) + [
                [Span(ui[.guidedSaveKeys], .strong)],
            ], glyphs: glyphs)
        case .stepList:
            let pointer = glyphs == .ascii ? ">" : "▸"
            let lines = documents.guided.steps.enumerated().map { index, step -> StyledLine in
                let reached = index <= session.furthest
                let mark = index == session.cursor ? pointer : " "
                let state = index == session.step ? " " + ui[.guidedHere] : reached ? "" : " " + ui[.guidedNotYet]
                return [Span("\(mark) \(index + 1). \(step.title)\(state)", index == session.cursor ? .listSelected : reached ? .plain : .muted)]
            }
            MessageBox.draw(into: &buffer, title: ui[.guidedStepsTitle], lines: lines + [[], [Span(ui[.guidedStepsKeys], .muted)]],
                            maxWidth: 60, glyphs: glyphs)
        case .help:
            HelpView.draw(into: &buffer, keymap: session.keymapUnderHelp, ui: documents.pack.ui, scroll: session.helpScroll, glyphs: glyphs)
        case .step, .checkpoint:
            break
        }
    }
}
