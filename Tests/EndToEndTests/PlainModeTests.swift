import ContentModel
import Foundation
import Testing

/// Plain mode through a pipe and on a dumb terminal: numbered menus, plain lines, no escape
/// sequences, pictures as their captions.
@Suite struct PlainModeTests {
    let pack: ContentPack

    init() throws { pack = try ContentPack.load(from: Paths.pack) }

    private func expectNoEscapes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains("\u{1B}"), "an escape sequence in plain output", sourceLocation: sourceLocation)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, sourceLocation: sourceLocation)
    }

    @Test func aNumberThroughAPipeReadsThatPanel() throws {
        let result = try runCommand(["--plain"], standardInput: "2\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Panels:") && result.output.contains("   2. \(pack.topics[1].title)"))
        #expect(result.output.contains(messageStart(pack.topics[1], words: 6)))
        #expect(result.output.contains("End of panel 2 of \(pack.topics.count)"))
        expectNoEscapes(result.output)
    }

    @Test func outputToAPipeIsPlainWithoutBeingAsked() throws {
        let result = try runCommand([], environment: ["TERM": "xterm-256color"], standardInput: "q\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Panels:"))
        expectNoEscapes(result.output)
    }

    @Test func searchListsNumberedResultsAndOpensOne() throws {
        let result = try runCommand(["--plain"], standardInput: "s\nmagnesium\n1\nq\n")
        let mechanism = try #require(pack.topics.first { $0.id == "how-ketamine-works" })
        #expect(result.output.contains("for \"magnesium\":"))
        #expect(result.output.contains("1. \(mechanism.title):"))
        #expect(result.output.contains("End of panel 4 of"))
        // The mechanism's pictures are replaced by their captions.
        let captions = try #require(pack.mechanism).frames.map(\.caption)
        #expect(result.output.contains("Picture 1 of \(captions.count): "))
        #expect(!result.output.contains("╔") && !result.output.contains("┌───"))
        #expect(result.status == 0)
        expectNoEscapes(result.output)
    }

    @Test func tablesAreFlattenedToLabelAndValueLines() throws {
        let comparison = try #require(pack.topics.firstIndex { $0.id == "ketamine-vs-opioids" })
        let result = try runCommand(["--plain"], standardInput: "\(comparison + 1)\n")
        #expect(result.output.contains("  \(pack.comparison.columns.ketamine): "))
        #expect(result.output.contains("  \(pack.comparison.columns.opioids): "))
        #expect(!result.output.contains(" │ "))
    }

    @Test func aWrongAnswerSaysWhatToType() throws {
        let result = try runCommand(["--plain"], standardInput: "99\nhello\nq\n")
        #expect(result.output.contains("There is no panel 99: type 1 to \(pack.topics.count)."))
        #expect(result.output.contains("That did not match a choice."))
        #expect(result.output.contains("Goodbye."))
    }

    @Test func aDumbTerminalGetsPlainModeInsteadOfARefusal() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pane = try TmuxPane(environment: "TERM=dumb", recording: "\(directory)/typescript")
        pane.waitFor("Type a panel number")
        try pane.send("3", "Enter")
        pane.waitFor("End of panel 3 of")
        try pane.send("q", "Enter")
        #expect(pane.exitStatus() == 0)
        pane.expectRestored()
        let recorded = try String(contentsOfFile: "\(directory)/typescript", encoding: .isoLatin1)
        #expect(!recorded.contains("\u{1B}["), "no cursor addressing, no colour, no alternate screen")
    }
}
