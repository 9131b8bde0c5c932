import ContentModel
import ExplorerCore
import TermRender
import Testing

extension GuidedSession {
    /// Applies `message` as the run loop does, then sends the shown step's layout if it
    /// changed: every guided screen's text is 30 lines long; a page is 10 (5 with the notes).
    mutating func send(_ message: GuidedMsg) -> [GuidedEffect] {
        let effects = update(message)
        let layout = StepLayout(step: step, size: size, notes: notesShown, lineCount: 30, pageHeight: notesShown ? 5 : 10)
        if self.layout != layout { _ = update(.layout(layout)) }
        return effects
    }

    mutating func send(_ msg: Msg) -> [GuidedEffect] { send(.input(msg)) }
}

/// The guided session, step by step: moving, answers kept on Back and wiped at the end,
/// the teach-back retry, the clinician's mark, the step list, and export only on request.
@Suite struct GuidedTests {
    /// Topic, symptoms (4), topic with a two-question checkpoint (best: 2nd, then 1st),
    /// values (2 pairs), questions (3), summary.
    private let outline = GuidedOutline(steps: [
        .init(screen: .topic(panel: 0), questions: []),
        .init(screen: .symptoms(count: 4), questions: []),
        .init(screen: .topic(panel: 3), questions: [(choices: 3, best: 1), (choices: 2, best: 0)]),
        .init(screen: .values(pairs: 2), questions: []),
        .init(screen: .questions(count: 3), questions: []),
        .init(screen: .summary, questions: []),
    ])

    private func session(_ keys: Key...) -> (GuidedSession, [GuidedEffect]) {
        var session = GuidedSession(outline: outline, size: Size(width: 80, height: 24))
        var effects: [GuidedEffect] = []
        for key in keys { effects += session.send(.key(key)) }
        return (session, effects)
    }

    private func send(_ session: inout GuidedSession, _ keys: Key...) -> [GuidedEffect] {
        keys.flatMap { session.send(.key($0)) }
    }

    /// Below 40x12 the screen only asks to be enlarged: keys wait, and the session carries on
    /// where it was once the window is larger.
    @Test func belowFortyByTwelveKeysWait() {
        var session = GuidedSession(outline: outline, size: Size(width: 39, height: 11))
        #expect(send(&session, .right, .right, .character("q"), .enter).isEmpty)
        #expect(session.step == 0 && session.screen == .step)
        _ = session.send(.resize(Size(width: 40, height: 12)))
        _ = send(&session, .right)
        #expect(session.step == 1)
    }

    /// With a voice, `r` asks it to read; once the engine says it cannot speak, `r` asks
    /// nothing, and the footer's keys (the keymap) no longer hold the voice's.
    @Test func theVoicesKeysGoWhenTheEngineCannotSpeak() {
        var session = GuidedSession(outline: outline, size: Size(width: 80, height: 24), speaks: true)
        #expect(send(&session, .character("r")) == [.speech(.ask(.readOn))])
        #expect(session.keymap.footerHints.contains { $0.text == .hintRead })
        _ = session.send(.speechUnavailable)
        #expect(send(&session, .character("r")).isEmpty)
        #expect(!session.keymap.footerHints.contains { $0.text == .hintRead })
    }

    @Test func nextAndBackMoveThroughTheStepsAndStopAtTheEnds() {
        #expect(session().0.step == 0)
        #expect(session(.right).0.step == 1)
        #expect(session(.character("n"), .character("n")).0.step == 2)
        #expect(session(.left).0.step == 0)
        #expect(session(.right, .character("b")).0.step == 0)
        let last = session(.right, .right, .right, .right, .right, .right, .right, .right, .right, .right).0
        #expect(last.step == 5)
    }

    @Test func aCheckpointComesAfterItsStepAndBackReturnsThroughIt() {
        var (session, _) = self.session(.right, .right)
        #expect(session.screen == .step && session.step == 2)
        _ = send(&session, .right)
        #expect(session.screen == .checkpoint(0))
        _ = send(&session, .right)
        #expect(session.screen == .checkpoint(1))
        _ = send(&session, .right)
        #expect(session.step == 3 && session.screen == .step)
        _ = send(&session, .left)
        #expect(session.step == 2 && session.screen == .checkpoint(1), "back from the next step lands on the last question")
    }

    @Test func aMissShowsThePointAgainAndOffersAnotherTryWithNoMark() {
        var (session, _) = self.session(.right, .right, .right)
        let key = GuidedSession.QuestionKey(step: 2, question: 0)
        _ = send(&session, .enter)   // the first choice; the best is the second
        #expect(session.answers[key]?.showAgain == true)
        #expect(session.answers[key]?.understood == false)
        _ = send(&session, .down, .enter)
        #expect(session.answers[key]?.understood == true)
        #expect(session.answers[key]?.showAgain == false, "the point need not be repeated once it is understood")
    }

    @Test func theClinicianCanMarkExplainedBack() {
        var (session, _) = self.session(.right, .right, .right)
        _ = send(&session, .character("e"))
        #expect(session.answers[GuidedSession.QuestionKey(step: 2, question: 0)]?.explainedBack == true)
        _ = send(&session, .character("e"))
        #expect(session.answers[GuidedSession.QuestionKey(step: 2, question: 0)]?.explainedBack == false)
    }

    @Test func ticksLeansAndChoicesAreKeptOnBack() {
        var (session, _) = self.session(.right)
        _ = send(&session, .character(" "), .down, .down, .enter)
        #expect(session.symptoms == [0, 2])
        _ = send(&session, .right, .right, .right, .right)   // step 2, its two questions, then values
        #expect(session.step == 3)
        _ = send(&session, .character(" "), .down, .character(" "), .character(" "))
        #expect(session.values == [0: .first, 1: .both])
        _ = send(&session, .right, .down, .down, .character(" "))
        #expect(session.questions == [2])
        _ = send(&session, .left, .left, .left, .left, .left)
        #expect(session.step == 1)
        #expect(session.symptoms == [0, 2] && session.values == [0: .first, 1: .both] && session.questions == [2])
        _ = send(&session, .character(" "))   // untick
        #expect(session.symptoms == [2])
    }

    @Test func anyCompletedStepCanBeReopenedFromTheStepList() {
        var (session, _) = self.session(.right, .right, .right, .right, .right)
        #expect(session.step == 3)
        _ = send(&session, .character("l"))
        #expect(session.screen == .stepList)
        _ = send(&session, .up, .up, .up, .enter)
        #expect(session.step == 0 && session.screen == .step)
        _ = send(&session, .character("l"), .down, .down, .down, .down, .down, .down, .enter)
        #expect(session.step == 3, "steps not reached yet cannot be opened")
    }

    @Test func leavingAsksOnceThenWipesEveryAnswer() {
        var (session, _) = self.session(.right, .character(" "))
        #expect(send(&session, .character("q")).isEmpty)
        #expect(session.screen == .confirmEnd)
        #expect(send(&session, .character("x")).isEmpty, "any other key keeps going")
        #expect(session.screen == .step && session.symptoms == [0])
        #expect(send(&session, .escape, .enter) == [.end])
        #expect(session.symptoms.isEmpty && session.answers.isEmpty && session.step == 0)
    }

    @Test func theHandoutIsSavedOnlyFromTheSummaryAfterAYes() {
        var (session, _) = self.session(.character("x"))
        #expect(session.screen == .step, "no export before the summary")
        _ = send(&session, .right, .right, .right, .right, .right, .right, .right)
        #expect(session.step == 5)
        #expect(send(&session, .character("x")).isEmpty)
        #expect(session.screen == .confirmExport)
        #expect(send(&session, .escape).isEmpty, "cancelled")
        #expect(send(&session, .character("x"), .enter) == [.export(print: false)])
        #expect(send(&session, .character("x"), .character("p")) == [.export(print: true)])
        #expect(session.send(.exported("Saved handout.txt")).isEmpty)
        #expect(session.notice == "Saved handout.txt")
        _ = send(&session, .right)
        #expect(session.notice == nil && session.step == 5, "the key only closes the message")
    }

    @Test func notesToggleAndTextScrollsWithinItsLength() {
        var (session, _) = self.session(.character("p"))
        #expect(session.notesShown)
        _ = send(&session, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(session.scroll[0] == 25, "30 lines, 5 at a time under the notes: stops at the end")
        _ = send(&session, .character("p"), .up)   // a page of 10 without them: 20 at most
        #expect(!session.notesShown && session.scroll[0] == 19)
    }

    @Test func theFooterOffersWhatWorksOnEachScreen() {
        let reading = session().0.keymap.footerHints.map(\.text)
        #expect(reading.contains(.guidedHintNext) && reading.contains(.guidedHintNotes) && reading.contains(.guidedHintEnd))
        #expect(session(.right).0.keymap.footerHints.map(\.text).contains(.guidedHintChoose))
        #expect(session(.right, .right, .right).0.keymap.footerHints.map(\.text).contains(.guidedHintExplained))
        #expect(!reading.contains(.guidedHintHandout))
    }

    @Test func actionsByNameDoWhatTheirKeysDoWhateverTheKeys() {
        var (byKey, _) = self.session(.right, .right, .right)
        var (byName, _) = self.session(.right, .right, .right)
        _ = send(&byKey, .character("e"), .right, .character("q"))
        for action in [GuidedAction.explainedBack, .next, .end] {
            _ = byName.send(.action(action))
        }
        #expect(byName == byKey)
        #expect(byName.send(.action(.confirm)) == [.end])
    }

    @Test func choosingByNumberDoesWhatTheKeysDo() {
        var (session, _) = self.session(.right)
        _ = session.send(.pick(2))
        _ = session.send(.pick(3))
        _ = session.send(.pick(2))
        _ = session.send(.pick(9))   // not a row: nothing
        #expect(session.symptoms == [3])
        _ = send(&session, .right, .right)   // step 3, then its checkpoint's first question (best: 2nd)
        _ = session.send(.pick(0))
        #expect(session.answers[GuidedSession.QuestionKey(step: 2, question: 0)]?.showAgain == true)
        _ = session.send(.pick(1))
        #expect(session.answers[GuidedSession.QuestionKey(step: 2, question: 0)]?.understood == true)
        _ = send(&session, .right, .right)
        _ = session.send(.lean(pair: 1, .second))
        #expect(session.values == [1: .second])
        _ = session.send(.reopen(step: 5))
        #expect(session.step == 3, "a step not reached yet stays closed")
        _ = session.send(.reopen(step: 0))
        #expect(session.step == 0 && session.symptoms == [3] && session.values == [1: .second])
    }
}
