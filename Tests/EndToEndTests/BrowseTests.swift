import ContentModel
import Foundation
import Testing

/// The real binary in a real terminal (tmux), as a user would meet it.
@Suite(.serialized) struct BrowseTests {
    let pack: ContentPack

    init() throws { pack = try Paths.loadPack() }

    @Test func visitsEveryPanelOpensHelpAndQuitsCleanly() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        #expect(pane.screen().contains("Education, not medical advice. Emergency: 911. Crisis: call or text 988."))
        // Digits reach the first nine; from the list, Tab goes on from there and wraps around.
        for (index, topic) in pack.topics.enumerated() {
            if index < 9 { try pane.send("\(index + 1)") } else { try pane.send("Escape", "Tab", "Enter") }
            await pane.waitFor(messageStart(topic))
        }
        try pane.send("Escape", "Tab", "Enter")
        await pane.waitFor(messageStart(pack.topics[0]))
        try pane.send("?")
        await pane.waitFor("close this")   // the help box: "Press any key to close this help." or, scrolling, "Other keys close this."
        try pane.send("x")
        await pane.waitFor("More below")
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
    }

    @Test func scrollsAPanelWithTheKeyboard() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        try pane.send("Enter")
        try pane.send("G")
        await pane.waitFor("End of this panel")
        try pane.send("Home")
        await pane.waitFor(messageStart(pack.topics[0]))
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
    }

    /// A keystroke's frame reaches the terminal in one write (two at most, for a cursor
    /// shown or hidden), not flushed at every cursor move: a terminal can show a frame split
    /// over many writes half drawn, and ssh sends each write as a packet of its own.
    @Test func aFrameIsWrittenAtOnce() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let trace = "\(directory)/trace"
        let pane = try TmuxPane(environment: "strace -qq -e trace=read,write -o '\(trace)'")
        await pane.waitFor(pack.info.disclaimer)
        let keys = ["Enter", "j", "Tab", "j", "Escape", "Tab", "3"]
        for key in keys { try await pane.sendAndWaitForChange(key) }
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        // After each key the program reads, the writes to the terminal until the next key.
        var frames: [[Substring]] = []
        for line in try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("read(0,"), line.hasSuffix("= 1") {
                frames.append([])
            } else if line.hasPrefix("write(1,"), !frames.isEmpty {
                frames[frames.count - 1].append(line)
            }
        }
        // Each key is one read (Escape too: ncurses then only polls for what might follow), and q.
        #expect(frames.count == keys.count + 1, "\(frames.count) keys read")
        for (key, writes) in zip(keys, frames) {
            #expect((1...2).contains(writes.count), "\(key): \(writes.count) writes\n\(writes.joined(separator: "\n"))")
        }
    }

    @Test func searchingForMagnesiumLandsOnTheMechanismPanel() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        try pane.send("/")
        await pane.waitFor("Search:")
        try pane.tmux(["send-keys", "-t", "0", "-l", "magnésium"])
        await pane.waitFor("found.")
        try pane.send("Enter")
        let mechanism = try #require(pack.topics.first { $0.id == "how-ketamine-works" })
        await pane.waitFor(mechanism.title)
        #expect(pane.screen().lowercased().contains("magnesium"))
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
    }

    @Test func followsAGlossaryLinkAndComesBackWithBackspace() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        try pane.send("Enter", "Tab", "Enter")
        await pane.waitFor("Any key closes this. g: the whole glossary.")
        try pane.send("x", "g")
        let glossary = try #require(pack.topics.first { $0.id == "glossary" })
        await pane.waitFor(glossary.title)
        try pane.send("BSpace")
        await pane.waitFor(messageStart(pack.topics[0]))
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
    }

    /// A mouse press then release at (x, y), as a terminal sends it in the X10 encoding.
    private func click(_ pane: TmuxPane, x: Int, y: Int) throws {
        func event(_ button: Int) -> String {
            "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x)))
                + String(UnicodeScalar(UInt8(33 + y)))
        }
        try pane.tmux(["send-keys", "-t", "0", "-l", event(0) + event(3)])
    }

    @Test func clickingAPanelNameOpensIt() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        try click(pane, x: 4, y: 3)
        await pane.waitFor(messageStart(pack.topics[2]))
        #expect(pane.screen().contains("Panel 3 of \(pack.topics.count)"))
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
    }

    @Test func noMouseLeavesClicksAlone() async throws {
        let pane = try TmuxPane(arguments: "--no-mouse")
        await pane.waitFor("Ketamine treatment explorer")
        try click(pane, x: 4, y: 3)
        try pane.send("?")
        await pane.waitFor("close this")   // the help box: "Press any key to close this help." or, scrolling, "Other keys close this."
        #expect(!pane.screen().contains("Panel 3 of"))
        try pane.send("x", "q")
        #expect(await pane.exitStatus() == 0)
    }

    /// Below 40x12 the screen asks to be enlarged, keeps the safety numbers, and keys typed
    /// meanwhile are not acted on unseen; back at 40x12 it carries on where it was.
    @Test func resizingBelowTheMinimumAsksToEnlargeAndRecovers() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        try pane.resize(width: 39, height: 11)
        await pane.waitUntil("the notice") { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .contains("Please enlarge the window to at least 40x12 (now 39x11).") }
        #expect(pane.screen().contains("911") && pane.screen().contains("988"))
        try pane.send("3", "Enter")
        try pane.resize(width: 40, height: 12)
        await pane.waitFor("Ketamine treatment explorer")
        #expect(!pane.screen().contains("Please enlarge"))
        #expect(!pane.screen().contains("Panel 3 of"), "keys typed while the notice showed were not acted on")
        try pane.resize(width: 1, height: 1)
        await pause(microseconds: 200_000)
        try pane.resize(width: 120, height: 40)
        await pane.waitFor("Ketamine treatment explorer")
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
    }

    /// Large print and small windows: at 40x12 and 60x20 the list and the panel take turns,
    /// help opens, ] reads on, and the safety numbers stay on screen.
    @Test(arguments: [(40, 12), (60, 20)])
    func smallScreensWorkWhole(_ width: Int, _ height: Int) async throws {
        let pane = try TmuxPane(width: width, height: height)
        await pane.waitFor("1 Overview")
        #expect(!pane.screen().contains("│"), "one column: the list alone")
        try pane.send("2")
        await pane.waitFor("Panel 2 of")
        #expect(!pane.screen().contains("1 Overview"), "one column: the panel alone")
        try pane.send("]")
        await pane.waitFor("Panel 3 of")
        try pane.send("?")
        await pane.waitFor("Keys")
        try pane.send("x")
        await pane.waitUntil("the help to close") { !$0.contains("┌ Keys") }
        let screen = pane.screen()
        #expect(screen.contains("911") && screen.contains("988") && screen.contains("? help"), "\(screen)")
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
    }

    /// Starts the explorer, sends it `number`, and checks the exit status and the terminal.
    private func sendSignal(_ number: Int, named name: String) async throws -> TmuxPane {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        try await pane.openAndScroll()
        kill(try pane.explorerPID(), Int32(number))
        #expect(await pane.exitStatus() == 128 + number, "SIG\(name)")
        pane.expectRestored()
        return pane
    }

    @Test(arguments: [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)])
    func stopSignalsRestoreTheTerminal(_ name: String, _ number: Int) async throws {
        _ = try await sendSignal(number, named: name)
    }

    @Test func controlCRestoresTheTerminal() async throws {
        let pane = try TmuxPane()
        await pane.waitFor("Ketamine treatment explorer")
        try await pane.openAndScroll()
        try pane.send("C-c")
        #expect(await pane.exitStatus() == 130)
        pane.expectRestored()
    }

    /// Ctrl-Z gives the shell back a working terminal while the explorer is stopped (line
    /// mode, echo, main screen, cursor, no scroll region); `fg` brings the screen back whole.
    @Test func controlZHandsTheTerminalBackAndFgRedrawsIt() async throws {
        let pane = try TmuxPane(jobControl: true)
        await pane.waitFor("Ketamine treatment explorer")
        try await pane.openAndScroll()
        try pane.send("C-z")
        await pane.waitFor("STOPPED=148")
        pane.expectHandedBack()
        #expect(pane.sttySame(as: "stty.stopped"), "the shell gets its terminal modes back")
        try pane.send("hello", "Enter")
        await pane.waitUntil("the whole panel again") { $0.contains(pack.topics[0].title) && $0.contains("call or text 988.") }
        #expect(pane.format("alternate_on") == "1")
        try await pane.sendAndWaitForChange("j")
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        #expect(pane.screen().contains("TYPED=hello"), "the shell read the line typed while the explorer was stopped")
        pane.expectRestored()
    }

    @Test(arguments: [("SEGV", 11), ("ABRT", 6), ("ILL", 4)])
    func aCrashStillRestoresTheTerminal(_ name: String, _ number: Int) async throws {
        let pane = try await sendSignal(number, named: name)
        #expect(pane.standardError.contains("stopped unexpectedly; the terminal was restored"))
    }
}

/// Bad packs and bad terminals: a clear message, the right exit code, and no escape codes.
@Suite(.serialized) struct RefusalTests {
    @Test func aBrokenPackIsRefusedBeforeTheTerminalIsTouched() async throws {
        let copy = try EditedPack("topics.yaml", replacing: "- id: causes", with: "- id: overview")

        let pane = try TmuxPane(arguments: "--content '\(copy.path)'")
        #expect(await pane.exitStatus() == 1)
        pane.expectRestored()
        let message = pane.standardError
        #expect(message.contains("topics.yaml:"))
        #expect(message.contains("duplicate id 'overview'"))
        #expect(!message.contains("\u{1B}"))

        let lint = try await runCommand(["lint", copy.path])
        #expect(lint.status == 1)
        #expect(lint.error.contains("topics.yaml:"))
    }

    @Test(arguments: [
        ("env -u TERM", "TERM is not set"),
        ("TERM=no-such-terminal", "'no-such-terminal' (from TERM) is not in this system's terminal database"),
    ])
    func unusableTerminalsGetAMessageAndExitTwo(_ environment: String, _ message: String) async throws {
        let pane = try TmuxPane(environment: environment)
        #expect(await pane.exitStatus() == 2)
        #expect(pane.standardError.contains(message), "\(pane.standardError)")
        #expect(pane.standardError.contains("ketamine-explorer show"))
        pane.expectRestored()
    }

    @Test func keysFromAPipeIntoAFullScreenTerminalGetAMessage() async throws {
        // Output is a terminal but input is not: the full screen could not read keys.
        let pane = try TmuxPane(environment: "true |")
        #expect(await pane.exitStatus() == 2)
        #expect(pane.standardError.contains("standard input is not a terminal"))
        #expect(pane.standardError.contains("--plain"))
        pane.expectRestored()
    }
}

/// The plain commands, through pipes.
@Suite struct CommandLineTests {
    let pack: ContentPack

    init() throws { pack = try Paths.loadPack() }

    @Test func showPrintsEveryPanelAsPlainText() async throws {
        let result = try await runCommand(["show"])
        #expect(result.status == 0)
        for topic in pack.topics { #expect(result.output.contains(topic.title)) }
        #expect(result.output.contains(pack.info.disclaimer))
        #expect(!result.output.contains("\u{1B}"))
        #expect(!result.output.contains("[["))
    }

    @Test func showPrintsOnlyThePanelsAsked() async throws {
        let result = try await runCommand(["show", "causes"])
        #expect(result.status == 0)
        let causes = try #require(pack.topicIndex(of: "causes"))
        #expect(result.output.contains(pack.topics[causes].title))
        #expect(!result.output.contains(pack.topics[0].title + "\n"))
        let unknown = try await runCommand(["show", "no-such-topic"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("Known ids: overview"))
    }

    @Test func topicsListsIdsAndTitles() async throws {
        let result = try await runCommand(["topics"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == pack.topics.count)
        for (line, topic) in zip(lines, pack.topics) {
            #expect(line.hasPrefix(topic.id) && line.hasSuffix(topic.title))
        }
    }

    @Test func lintPassesOnTheShippedPackAndPrintsEachScreensGrade() async throws {
        let result = try await runCommand(["lint", Paths.pack])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("OK"))
        for topic in pack.topics {
            let line = result.output.split(separator: "\n").first { $0.hasPrefix("  \(topic.id) ") }
            #expect(line != nil, "no grade line for \(topic.id)")
        }
        #expect(!result.output.contains("TOO HARD"))
    }

    @Test func lintFailsOnABannedPhraseNamingFileAndLine() async throws {
        let copy = try EditedPack("causes.yaml", replacing: "description: ", with: "description: A miracle. ")
        let result = try await runCommand(["lint", copy.path])
        #expect(result.status == 1)
        #expect(result.error.contains("causes.yaml:"))
        #expect(result.error.contains("'miracle' is on the banned list"))
    }

    /// A pack that loads but fails lint (a dose, say) is never shown to a patient, in any mode.
    @Test func aPackThatFailsLintIsRefusedEverywhereWithLintsMessages() async throws {
        let copy = try EditedPack("causes.yaml", replacing: "description: ", with: "description: Take 5 mg. ")
        let lint = try await runCommand(["lint", copy.path])
        #expect(lint.status == 1)
        let message = try #require(lint.error.split(separator: "\n").first { $0.contains("'mg' is on the banned list") })
        for arguments in [["show", "--content", copy.path], ["topics", "--content", copy.path],
                          ["export", "--format", "html", "--content", copy.path],
                          ["--plain", "--content", copy.path], ["--guided", "--plain", "--content", copy.path],
                          ["--kiosk", "--content", copy.path]] {
            let result = try await runCommand(arguments, standardInput: "1\nq\n")
            #expect(result.status == 1, "\(arguments)")
            #expect(result.output.isEmpty, "\(arguments) showed something: \(result.output.prefix(200))")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
        }
    }

    @Test func theClinicsDetailsAreShownAndABrokenFileIsRefusedWithItsLines() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = "\(directory)/clinic.yaml"
        try "name: Riverside Pain Clinic\nphone: (555) 010-0100\noffers_ketamine: yes\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        let about = try await runCommand(["show", "about", "--content", Paths.pack, "--clinic", good])
        #expect(about.status == 0, "\(about.error)")
        #expect(about.output.contains("Your clinic: Riverside Pain Clinic"))
        #expect(about.output.contains("Phone: (555) 010-0100"))
        let flowing = about.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowing.contains("Riverside Pain Clinic offers ketamine treatment."))
        let without = try await runCommand(["show", "about", "--content", Paths.pack])
        #expect(!without.output.contains("Your clinic"), "no clinic file, no clinic")

        let bad = "\(directory)/bad.yaml"
        try "name: Riverside\nphone: call us\nwebsite: not a site\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try await runCommand(["show", "--content", Paths.pack, "--clinic", bad])
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
        #expect(refused.error.contains("the clinic file \(bad) has 2 problems"))
        #expect(refused.error.contains("\(bad):2: phone: 'call us' has no phone number"))
        #expect(refused.error.contains("\(bad):3: website:"))
        let missing = try await runCommand(["show", "--content", Paths.pack, "--clinic", "\(directory)/none.yaml"])
        #expect(missing.status == 1 && missing.error.contains("cannot read this file"))
    }

    @Test func reviewerNotesAreForLintNotesOnly() async throws {
        let pack = try Paths.loadPack()
        let note = try #require(pack.sources.compactMap(\.reviewerNote).first)
        let notes = try await runCommand(["lint", "--notes", Paths.pack])
        #expect(notes.status == 0, "\(notes.error)")
        #expect(notes.output.contains(note))
        let shown = try await runCommand(["show", "--content", Paths.pack])
        #expect(!shown.output.contains(note))
        #expect(shown.output.contains(pack.ui[.sourceUnchecked]) == pack.sources.contains { !$0.checked })
    }

    @Test func versionHelpAndUsageErrorsUseTheDocumentedExitCodes() async throws {
        let version = try await runCommand(["--version"])
        #expect(version.status == 0)
        #expect(!version.output.isEmpty)
        let help = try await runCommand(["--help"])
        #expect(help.status == 0)
        for word in ["show", "topics", "lint", "--content"] { #expect(help.output.contains(word)) }
        #expect(try await runCommand(["--no-such-option"]).status == 2)
        #expect(try await runCommand(["show", "--content"]).status == 2)
    }
}

/// `ketamine-explorer snapshot`: a faster start that can never hide an edit.
@Suite(.serialized) struct SnapshotCommandTests {
    @Test func aSnapshotIsSavedUsedAndIgnoredOnceAFileChanges() async throws {
        let copy = try EditedPack("pack.yaml", replacing: "title:", with: "title:")
        let saved = try await runCommand(["snapshot", copy.path])
        #expect(saved.status == 0, "\(saved.error)")
        #expect(saved.output.contains("pack.snapshot: saved"))

        let pane = try TmuxPane(arguments: "--content '\(copy.path)'")
        #expect(await pane.waitFor("call or text 988."))
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)

        // Break a file after the snapshot was made: the YAML is read again and refused.
        let topics = "\(copy.path)/topics.yaml"
        let text = try String(contentsOfFile: topics, encoding: .utf8)
        try text.replacingOccurrences(of: "- id: causes", with: "- id: overview").write(toFile: topics, atomically: true, encoding: .utf8)
        let refused = try await runCommand(["topics", "--content", copy.path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("topics.yaml:"))
        #expect(refused.error.contains("duplicate id 'overview'"))

        // And a broken pack gets no snapshot.
        try FileManager.default.removeItem(atPath: "\(copy.path)/pack.snapshot")
        let again = try await runCommand(["snapshot", copy.path])
        #expect(again.status == 1)
        #expect(!FileManager.default.fileExists(atPath: "\(copy.path)/pack.snapshot"))
    }
}
