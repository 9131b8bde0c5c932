import ContentModel
import Foundation
import Testing

/// A whole guided session in a real terminal, driven by keys: the handout holds what was
/// chosen and nothing else, and quitting part-way writes nothing.
@Suite(.serialized) struct GuidedTerminalTests {
    let pack: ContentPack
    let guided: Guided

    init() throws {
        pack = try Paths.loadPack()
        guided = try #require(pack.tours?.guided)
    }

    private func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func aWholeSessionEndsWithAHandoutOfTheChosenQuestionsAndNothingElse() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Given as a relative-looking path; the clinician is told the folder in full.
        let pane = try TmuxPane(arguments: "--guided --export-dir '\(directory)/./'")
        let count = guided.steps.count
        await pane.waitFor("Step 1 of \(count)")
        let questionTopic = try #require(guided.steps.first { $0.show == .questions }?.topic.flatMap(pack.topicIndex(of:)))
        let questionList = pack.questionList(topic: questionTopic)
        var ticked: [String] = []
        var chosen: [String] = []
        var step = 1
        while step <= count {
            await pane.waitFor("Step \(step) of \(count)")
            let current = guided.steps[step - 1]
            await pane.waitFor(current.title)
            switch current.show {
            case .symptoms?:
                try pane.send("Down", "Space")   // the second symptom
                ticked.append(pack.symptoms[1].name)
            case .values?:
                try pane.send("Space", "Space")  // a lean: not for the handout
            case .questions?:
                try pane.send("Space", "Down", "Down", "Space")   // the first and the third
                chosen += [questionList[0], questionList[2]]
            case .summary?:
                break
            default:
                break
            }
            if current.show == .summary { break }
            try pane.send("Right")
            for (number, question) in current.checkpoint.enumerated() {
                await pane.waitFor("Question \(number + 1) of \(current.checkpoint.count)")
                // A miss first: the point comes again in other words, with no mark.
                let miss = question.best == 0 ? 1 : 0
                for _ in 0..<miss { try pane.send("Down") }
                try pane.send("Enter")
                await pane.waitFor("Here is that point again")
                #expect(!pane.screen().lowercased().contains("wrong"))
                try pane.send("Up", "Up", "Up", "Up")
                for _ in 0..<question.best { try pane.send("Down") }
                try pane.send("Enter", "e")
                await pane.waitFor("Yes, that is it.")
                await pane.waitFor("[x] Explained back")
                try pane.send("Right")
            }
            step += 1
        }
        await pane.waitFor("The questions you chose")
        #expect(files(in: directory).isEmpty, "nothing is written before the clinician asks")
        try pane.send("x")
        await pane.waitFor("Save a handout?")
        #expect(pane.boxText().contains("It is saved in \(directory)."), "\(pane.boxText())")
        try pane.send("Enter")
        await pane.waitFor("Saved ketamine-handout.txt")
        #expect(pane.boxText().contains("Saved ketamine-handout.txt and ketamine-handout.html in \(directory)."),
                "\(pane.boxText())")
        // And spoken, for a patient who reads poorly: the speech helper is built with the program.
        await pane.waitFor("For listening: ketamine-handout.wav.")
        #expect(files(in: directory) == ["ketamine-handout.html", "ketamine-handout.txt", "ketamine-handout.wav"])
        let sound = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/ketamine-handout.wav"))
        #expect(sound.count > 100_000 && String(decoding: sound.prefix(4), as: UTF8.self) == "RIFF")

        let text = try String(contentsOfFile: "\(directory)/ketamine-handout.txt", encoding: .utf8)
        let html = try String(contentsOfFile: "\(directory)/ketamine-handout.html", encoding: .utf8)
        for question in chosen { #expect(text.contains(question) && html.contains(question.replacingOccurrences(of: "'", with: "&#39;"))) }
        for symptom in ticked { #expect(text.contains(symptom)) }
        for point in guided.summary.points { #expect(text.contains(point)) }
        // Nothing else from the session: no unchosen question, no unticked symptom, no lean, no answer.
        for (index, question) in questionList.enumerated() where index != 0 && index != 2 { #expect(!text.contains(question)) }
        for symptom in pack.symptoms.map(\.name) where !ticked.contains(symptom) { #expect(!text.contains("- \(symptom)\n")) }
        for pair in guided.values.pairs { #expect(!text.contains(pair[0]) && !text.contains(pair[1])) }
        for question in guided.steps.flatMap(\.checkpoint) { #expect(!text.contains(question.question)) }
        #expect(text.contains(pack.statusLine))
        for line in guided.summary.safety { #expect(text.contains(line)) }

        try pane.send("Enter")   // closes the message
        try pane.send("q")
        await pane.waitFor("End the session?")
        try pane.send("Enter")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
        #expect(files(in: directory).count == 3, "ending the session writes nothing more")
    }

    @Test func quittingPartWayLeavesNoFileBehind() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pane = try TmuxPane(arguments: "--guided --export-dir '\(directory)'")
        await pane.waitFor("Step 1 of")
        try pane.send("Right", "Space", "Down", "Space", "Right", "Right")
        await pane.waitFor("Step 4 of")
        try pane.send("q")
        await pane.waitFor("End the session?")
        try pane.send("Enter")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
        #expect(files(in: directory).isEmpty)
        // Nor does a stop signal mid-session.
        let second = try TmuxPane(arguments: "--guided --export-dir '\(directory)'")
        await second.waitFor("Step 1 of")
        try second.send("Right", "Space")
        kill(try second.explorerPID(), SIGTERM)
        #expect(await second.exitStatus() == 143)
        second.expectRestored()
        #expect(files(in: directory).isEmpty)
    }

    @Test func printingSavesTheFilesAndSaysWhereTheyAreWhenThereIsNoPrinter() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pane = try TmuxPane(arguments: "--guided --export-dir '\(directory)'")
        await pane.waitFor("Step 1 of")
        let rights = guided.steps.count - 1 + guided.steps.reduce(0) { $0 + $1.checkpoint.count }
        for _ in 0..<rights { try pane.send("Right") }
        await pane.waitFor("Step \(guided.steps.count) of \(guided.steps.count)")
        try pane.send("x")
        await pane.waitFor("Save a handout?")
        try pane.send("p")
        let hasLP = ["/usr/bin/lp", "/bin/lp", "/usr/local/bin/lp"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        await pane.waitFor("Saved ketamine-handout.txt and ketamine-handout.html in")
        await pane.waitFor(hasLP ? "printer" : "No lp here to print with: print one of the files.")
        #expect(files(in: directory) == ["ketamine-handout.html", "ketamine-handout.txt", "ketamine-handout.wav"])
        // A second handout never overwrites the first.
        try pane.send("Enter", "x", "Enter")
        await pane.waitFor("ketamine-handout-2.txt")
        await pane.waitFor("ketamine-handout-2.wav")
        #expect(files(in: directory).count == 6)
        try pane.send("Enter", "q", "Enter")
        #expect(await pane.exitStatus() == 0)
    }

    @Test func anExportFolderThatCannotBeWrittenIsRefusedBeforeTheSession() async throws {
        let result = try await runCommand(["--guided", "--export-dir", "/nonexistent/folder"])
        #expect(result.status == 2)
        #expect(result.error.contains("--export-dir /nonexistent/folder is not a folder"))
    }
}
