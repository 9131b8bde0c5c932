import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Testing

/// Golden screens of every kind of guided step at 80x24, and the handout's content.
@Suite struct GuidedScreenTests {
    let pack: ContentPack
    let guided: Guided
    let documents: GuidedDocuments

    init() throws {
        pack = try Snapshot.loadPack()
        guided = try #require(pack.tours?.guided)
        documents = GuidedDocuments(pack: pack, guided: guided, glyphs: .unicode, saveFolder: "/home/clinic/handouts")
    }

    private func session(_ keys: [Key], size: Size = Size(width: 80, height: 24)) -> GuidedSession {
        var session = GuidedSession(outline: GuidedOutline(guided, pack: pack), size: size)
        for key in keys { _ = documents.update(&session, .input(.key(key))) }
        return session
    }

    /// Next, as many times as it takes to reach the first step that `matching` accepts.
    private func keys(toFirst matching: (Guided.Step) -> Bool) throws -> [Key] {
        let index = guided.steps.firstIndex(where: matching)
        try #require(index != nil, "the shipped session has such a step")
        return keys(from: 0, to: index ?? 0)
    }

    /// Next from step `from` to step `to`, through the checkpoints between.
    private func keys(from: Int, to: Int) -> [Key] {
        let questions = guided.steps[from..<to].reduce(0) { $0 + $1.checkpoint.count }
        return Array(repeating: .right, count: to - from + questions)
    }

    /// A clinician may show the session on a large-print console: at 40x12 and 60x20 a step,
    /// a checkpoint and the summary still carry the step, the safety numbers and the keys.
    @Test(arguments: [Size(width: 40, height: 12), Size(width: 60, height: 20)])
    func smallScreens(_ size: Size) throws {
        for (name, keys) in [("topic", [Key]()), ("checkpoint", try keys { !$0.checkpoint.isEmpty } + [.right]),
                             ("summary", try keys { $0.show == .summary })] {
            let shown = GuidedView.render(session(keys, size: size), documents: documents)
            try Snapshot.assert(shown, named: "guided-\(size.width)x\(size.height)-\(name)")
            let text = shown.textLines().joined(separator: "\n")
            #expect(text.contains("Step ") && text.contains("911") && text.contains("988") && text.contains("? help"),
                    "\(size) \(name):\n\(text)")
        }
    }

    /// On a small screen the help scrolls to its last key; any other key closes it.
    @Test func theHelpScrollsAtLargePrint() throws {
        var shown = session([.character("?")], size: Size(width: 40, height: 12))
        let last = try #require(shown.keymapUnderHelp.bindings.last)
        func text(_ session: GuidedSession) -> String {
            GuidedView.render(session, documents: documents).textLines().joined(separator: " ").split(separator: " ").joined(separator: " ")
        }
        #expect(!text(shown).contains(documents.pack.ui[last.help]))
        _ = documents.update(&shown, .input(.key(.end)))
        #expect(text(shown).contains(documents.pack.ui[last.help]) && shown.helpScroll > 0)
        _ = documents.update(&shown, .input(.key(.character("x"))))
        #expect(shown.screen == .step)
    }

    @Test func eachKindOfStep() throws {
        let cases: [(String, [Key])] = [
            ("topic", []),
            ("symptoms", try keys { $0.show == .symptoms } + [.character(" "), .down, .down, .character(" ")]),
            ("values", try keys { $0.show == .values } + [.character(" "), .down, .character(" "), .character(" ")]),
            ("questions", try keys { $0.show == .questions } + [.down, .character(" ")]),
            ("summary", try keys { $0.show == .summary }),
            ("checkpoint", try keys { !$0.checkpoint.isEmpty } + [.right]),
            ("checkpoint-missed", try keys { !$0.checkpoint.isEmpty } + [.right] + missKeys()),
            ("notes", [.character("p")]),
            ("step-list", try keys { $0.show == .values } + [.character("l")]),
            ("confirm-end", [.character("q")]),
            ("confirm-export", try keys { $0.show == .summary } + [.character("x")]),
        ]
        for (name, keys) in cases {
            let shown = GuidedView.render(session(keys), documents: documents)
            let lines = shown.textLines()
            try Snapshot.assert(shown, named: "guided-80x24-\(name)")
            #expect(lines[0].contains("Step ") && lines[0].contains(" of \(guided.steps.count)"), "\(name)")
            #expect(lines[23].contains("Education, not medical advice"), "\(name)")
            #expect(!lines.joined().lowercased().contains("wrong"), "\(name): no blame, no score")
        }
    }

    /// Picks a choice that is not the best for the first checkpoint question.
    private func missKeys() throws -> [Key] {
        let question = try #require(guided.steps.first { !$0.checkpoint.isEmpty }?.checkpoint.first)
        let miss = question.best == 0 ? 1 : 0
        return Array(repeating: .down, count: miss) + [.enter]
    }

    @Test func theStepShowsItsMainMessageFirst() throws {
        let first = try #require(guided.steps.first?.topic.flatMap(pack.topicIndex(of:)))
        let lines = GuidedView.render(session([]), documents: documents).textLines()
        let message = InlineMarkup.plainText(pack.topics[first].message).split(separator: " ").prefix(5).joined(separator: " ")
        #expect(lines[3].contains(message))
    }

    @Test func theHandoutHoldsThePointsTheChosenQuestionsAndTheTicksOnly() throws {
        let symptoms = try #require(guided.steps.firstIndex { $0.show == .symptoms })
        let questions = try #require(guided.steps.firstIndex { $0.show == .questions })
        let session = self.session(keys(from: 0, to: symptoms) + [.down, .character(" ")]
                                   + keys(from: symptoms, to: questions) + [.down, .down, .character(" ")])
        let handout = Handout(session: session, documents: documents)
        #expect(handout.symptoms == [pack.symptoms[1].name])
        let questionTopic = try #require(guided.steps.first { $0.show == .questions }?.topic.flatMap(pack.topicIndex(of:)))
        #expect(handout.questions == [pack.questionList(topic: questionTopic)[2]])
        #expect(handout.points == guided.summary.points)
        #expect(handout.text.contains(pack.statusLine))
        for line in guided.summary.safety { #expect(handout.text.contains("- \(line)\n")) }
        // The summary's sources in full, and never "last reviewed" while nobody has reviewed it.
        for id in guided.summary.sources { #expect(handout.text.contains(try #require(pack.source(id)).citation)) }
        #expect(pack.info.isClinicallyReviewed || !handout.text.lowercased().contains("last reviewed"))
        #expect(pack.info.isClinicallyReviewed || handout.text.contains(pack.ui[.aboutNotReviewed]))
        #expect(!handout.text.contains("Your clinic"), "no clinic file, no clinic section")
        #expect(handout.html.hasPrefix("<!DOCTYPE html>") && handout.html.contains("<li>\(pack.symptoms[1].name)</li>"))
        #expect(!handout.text.contains(pack.symptoms[0].name), "unticked symptoms stay out")
    }

    @Test func theClinicsDetailsAreOnTheSummaryAndTheHandout() throws {
        let clinic = ClinicInfo(name: "Riverside Pain Clinic", phone: "555-010-0100", nurseLine: "555-010-0199")
        let withClinic = GuidedDocuments(pack: pack.with(clinic: clinic), guided: guided, glyphs: .unicode)
        let summary = try #require(guided.steps.firstIndex { $0.show == .summary })
        let session = self.session(keys(from: 0, to: summary))
        let text = withClinic.plainLines(step: summary, session: session, width: 80).joined(separator: "\n")
        #expect(text.contains("Your clinic: Riverside Pain Clinic") && text.contains("Nurse line: 555-010-0199"))
        let handout = Handout(session: session, documents: withClinic)
        #expect(handout.text.contains("Your clinic: Riverside Pain Clinic\n- Phone: 555-010-0100\n- Nurse line: 555-010-0199"))
    }

    @Test func theSymptomsStepShowsItsCalloutFirst() throws {
        let symptoms = try #require(guided.steps.firstIndex { $0.show == .symptoms })
        let callout = try #require(guided.steps[symptoms].callout, "the symptoms step carries the crisis line")
        #expect(callout.contains("988"))
        let lines = GuidedView.render(session(keys(from: 0, to: symptoms)), documents: documents).textLines()
        #expect(lines[3].contains(callout.split(separator: " ").prefix(5).joined(separator: " ")))
    }
}
