import ContentModel
import Foundation
import Testing

/// Plain mode through a pipe and on a dumb terminal: numbered menus, plain lines, no escape
/// sequences, pictures as their captions.
@Suite struct PlainModeTests {
    let pack: ContentPack

    init() throws { pack = try Paths.loadPack() }

    private func expectNoEscapes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains("\u{1B}"), "an escape sequence in plain output", sourceLocation: sourceLocation)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, sourceLocation: sourceLocation)
    }

    @Test func aNumberThroughAPipeReadsThatPanel() async throws {
        let result = try await runCommand(["--plain"], standardInput: "2\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Panels:") && result.output.contains("   2. \(pack.topics[1].title)"))
        #expect(result.output.contains(messageStart(pack.topics[1], words: 6)))
        #expect(result.output.contains("End of panel 2 of \(pack.topics.count)"))
        expectNoEscapes(result.output)
    }

    @Test func aLocaleThatIsNotUTF8GetsASCIIOnly() async throws {
        let result = try await runCommand(["--plain"], environment: ["LANG": "C", "LC_ALL": "C"], standardInput: "4\n7\n")
        #expect(result.status == 0)
        #expect(result.output.contains("End of panel 7 of"))
        #expect(result.output.unicodeScalars.allSatisfy { $0.isASCII })
        let show = try await runCommand(["show", "how-ketamine-works"], environment: ["LANG": "C", "LC_ALL": "C"])
        #expect(show.output.contains("Picture 1 of") && show.output.unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// Screen readers read plain mode: the emergency numbers are written so they read them
    /// digit by digit ("9-1-1"), as the pack's speech.yaml says; `show` keeps "911".
    @Test func emergencyNumbersAreWrittenForScreenReaders() async throws {
        let risks = try #require(pack.topicIndex(of: "risks"))
        let result = try await runCommand(["--plain"], standardInput: "\(risks + 1)\nq\n")
        #expect(result.status == 0)
        #expect(result.output.contains("9-1-1") && result.output.contains("9-8-8"))
        #expect(!result.output.split { !$0.isNumber && $0 != "-" }.contains("911"), "no bare 911 left")
        let show = try await runCommand(["show", "risks"])
        #expect(show.output.contains("911") && !show.output.contains("9-1-1"))
    }

    @Test func outputToAPipeIsPlainWithoutBeingAsked() async throws {
        let result = try await runCommand([], environment: ["TERM": "xterm-256color"], standardInput: "q\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Panels:"))
        expectNoEscapes(result.output)
    }

    @Test func searchListsNumberedResultsAndOpensOne() async throws {
        let result = try await runCommand(["--plain"], standardInput: "s\nmagnesium\n1\nq\n")
        let mechanism = try #require(pack.topics.first { $0.id == "how-ketamine-works" })
        #expect(result.output.contains("for \"magnesium\":"))
        #expect(result.output.contains("1. \(mechanism.title):"))
        let number = try #require(pack.topicIndex(of: "how-ketamine-works")) + 1
        #expect(result.output.contains("End of panel \(number) of"))
        // The mechanism's pictures are replaced by their captions.
        let captions = try #require(pack.mechanism).frames.map(\.caption)
        #expect(result.output.contains("Picture 1 of \(captions.count): "))
        #expect(!result.output.contains("╔") && !result.output.contains("┌───"))
        #expect(result.status == 0)
        expectNoEscapes(result.output)
    }

    @Test func tablesAreFlattenedToLabelAndValueLines() async throws {
        let comparison = try #require(pack.topics.firstIndex { $0.id == "ketamine-vs-opioids" })
        let result = try await runCommand(["--plain"], standardInput: "\(comparison + 1)\n")
        #expect(result.output.contains("  \(pack.comparison.columns.ketamine): "))
        #expect(result.output.contains("  \(pack.comparison.columns.opioids): "))
        #expect(!result.output.contains(" │ "))
    }

    @Test func aWrongAnswerSaysWhatToType() async throws {
        let result = try await runCommand(["--plain"], standardInput: "99\nhello\nq\n")
        #expect(result.output.contains("There is no panel 99: type 1 to \(pack.topics.count)."))
        #expect(result.output.contains("That did not match a choice."))
        #expect(result.output.contains("Goodbye."))
    }

    @Test func aDumbTerminalGetsPlainModeInsteadOfARefusal() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pane = try TmuxPane(environment: "TERM=dumb", recording: "\(directory)/typescript")
        await pane.waitFor("Type a panel number")
        try pane.send("3", "Enter")
        await pane.waitFor("End of panel 3 of")
        try pane.send("q", "Enter")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
        let recorded = try String(contentsOfFile: "\(directory)/typescript", encoding: .isoLatin1)
        #expect(!recorded.contains("\u{1B}["), "no cursor addressing, no colour, no alternate screen")
    }

    @Test func aGuidedSessionThroughAPipeSavesOnlyWhatWasChosen() async throws {
        let guided = try #require(pack.tours?.guided)
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Next through every step (checkpoints included), ticking on the list steps, then save.
        var input: [String] = []
        for step in guided.steps {
            switch step.show {
            case .symptoms?: input.append("2")
            case .questions?: input.append("1 3")
            case .values?: input.append("1 3")
            default: break
            }
            if step.show == .summary { break }
            input.append("")
            for question in step.checkpoint {
                input += ["\(question.best + 1)", ""]
            }
        }
        input += ["x", "y", "q", "y"]
        let result = try await runCommand(["--guided", "--plain", "--export-dir", directory],
                                    standardInput: input.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Step \(guided.steps.count) of \(guided.steps.count): "))
        #expect(result.output.contains("Yes, that is it."))
        // The checks' feedback has no blame and no score (content elsewhere may say "wrong").
        let feedback = result.output.split(separator: "\n").filter { $0.hasPrefix("Yes") || $0.hasPrefix("Here is that point") }
        #expect(!feedback.isEmpty && !feedback.contains { $0.lowercased().contains("wrong") || $0.contains("score") })
        expectNoEscapes(result.output)
        let text = try String(contentsOfFile: "\(directory)/ketamine-handout.txt", encoding: .utf8)
        let questionTopic = try #require(guided.steps.first { $0.show == .questions }?.topic.flatMap(pack.topicIndex(of:)))
        let questions = pack.questionList(topic: questionTopic)
        #expect(text.contains(questions[0]) && text.contains(questions[2]) && !text.contains(questions[1]))
        #expect(text.contains(pack.symptoms[1].name) && !text.contains(pack.symptoms[0].name))
        #expect(!text.contains(guided.values.pairs[0][1]), "what matters to the patient stays out of the handout")
    }

    /// `--guided` starts in a folder its user cannot write to (nothing is written until the
    /// clinician saves), and says so when saving there fails. As `nobody`, in this checkout.
    @Test(.enabled(if: getuid() == 0, "needs root to run as nobody"))
    func aSessionStartsWhereItCannotWriteAndSaysSoOnlyWhenSaving() async throws {
        let guided = try #require(pack.tours?.guided)
        var input: [String] = []
        for step in guided.steps {
            if step.show == .summary { break }
            input.append("")
            for _ in step.checkpoint { input.append("") }
        }
        input += ["x", "y", "q", "y"]
        let result = try await runProgram("/usr/sbin/runuser", ["-u", "nobody", "--", Paths.binary, "--guided", "--plain",
                                                                "--content", Paths.pack],
                                          standardInput: input.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.error.contains("is not a folder this user can write to"), "it started")
        let failed = pack.ui(.handoutSaveFailed, ["folder": Paths.root, "reason": "Permission denied"])
        #expect(result.output.contains(failed), "\(result.output.suffix(600))")
    }

    @Test func endingAPlainGuidedSessionPartWayWritesNothing() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await runCommand(["--guided", "--plain", "--export-dir", directory], standardInput: "\n2 3\nq\ny\n")
        #expect(result.status == 0)
        #expect(result.output.contains("The session has ended."))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).isEmpty)
    }
}
