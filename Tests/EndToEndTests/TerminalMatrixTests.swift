import ContentModel
import Foundation
import Testing

/// Any terminal, any locale, with and without colour: the first screen is sane everywhere,
/// and NO_COLOR means no colour codes at all.
@Suite struct TerminalMatrixTests {
    let pack: ContentPack

    init() throws { pack = try ContentPack.load(from: Paths.pack) }

    @Test(arguments: ["xterm-256color", "xterm", "screen", "tmux-256color", "linux", "vt100", "vt220"])
    func theFirstScreenIsSaneOn(_ term: String) async throws {
        try await expectSaneFirstScreen(environment: "TERM=\(term)", utf8: true)
    }

    @Test(arguments: ["xterm-256color", "vt100"])
    func aNonUTF8LocaleGetsASCII(_ term: String) async throws {
        try await expectSaneFirstScreen(environment: "TERM=\(term) LANG=C LC_ALL=C", utf8: false)
    }

    private func expectSaneFirstScreen(environment: String, utf8: Bool) async throws {
        let pane = try TmuxPane(environment: environment)
        await pane.waitFor(pack.info.disclaimer)
        let screen = pane.screen()
        #expect(screen.contains("Ketamine treatment explorer"), "\(environment)")
        for topic in pack.topics.prefix(5) { #expect(screen.contains(topic.menu), "\(environment): \(topic.menu)") }
        #expect(screen.contains("? help") && screen.contains("q quit"), "\(environment)")
        #expect(!screen.contains("\u{1B}") && !screen.contains("[?") && !screen.contains("^["), "stray escape text: \(screen)")
        let allASCII = screen.unicodeScalars.allSatisfy { $0.isASCII }
        if !utf8 { #expect(allASCII, "\(environment): \(screen)") }
        // Every function works: open a panel, search, help, and leave.
        try pane.send("4")
        await pane.waitFor(messageStart(pack.topics[3]))
        try pane.send("/", "n", "e", "r", "v", "e")
        await pane.waitFor("found.")
        try pane.send("Escape", "?")
        await pane.waitFor("close this")   // the help box: "Press any key to close this help." or, scrolling, "Other keys close this."
        try pane.send("x", "q")
        #expect(await pane.exitStatus() == 0, "\(environment)")
        pane.expectRestored()
    }

    /// Terminals without a scroll region (ansi, sun, cons25) scroll a panel by deleting and
    /// inserting a line: a one-line scroll writes about one line's bytes, not the whole panel
    /// again (about 1,000), and leaves the same screen as xterm after the same keys.
    @Test func withoutAScrollRegionOnlyTheNewLineIsWritten() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recording = "\(directory)/typescript"
        let ansi = try TmuxPane(environment: "TERM=ansi", recording: recording)
        let xterm = try TmuxPane(environment: "TERM=xterm-256color")
        for pane in [ansi, xterm] {
            await pane.waitFor(pack.info.disclaimer)
            try await pane.sendAndWaitForChange("Enter")
        }
        let before = await settledSize(of: recording)
        let presses = 10
        for _ in 0..<presses { try await ansi.sendAndWaitForChange("j") }
        let written = await settledSize(of: recording) - before
        #expect(written < presses * 250, "\(written) bytes for \(presses) one-line scrolls")
        try xterm.tmux(["send-keys", "-t", "0"] + Array(repeating: "j", count: presses))
        let scrolled = ansi.screen()
        #expect(scrolled.contains(pack.info.disclaimer) && scrolled.contains("q quit"), "\(scrolled)")
        await xterm.waitUntil("the screen ansi shows:\n\(scrolled)") { $0 == scrolled }
        for pane in [ansi, xterm] {
            try pane.send("q")
            #expect(await pane.exitStatus() == 0)
            pane.expectRestored()
        }
    }

    /// The size of a file that is still being written, once it has stopped growing.
    private func settledSize(of path: String) async -> Int {
        var last = -1
        var steady = 0
        while steady < 3 {
            await pause(microseconds: 50_000)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            steady = size == last ? steady + 1 : 0
            last = size
        }
        return last
    }

    /// The SGR colour parameters (30-37, 38, 40-47, 48, 90-97, 100-107) in what was written.
    private func colourCodes(in file: String) throws -> [String] {
        let bytes = try String(contentsOfFile: file, encoding: .isoLatin1)
        var found: [String] = []
        var rest = bytes[...]
        while let start = rest.range(of: "\u{1B}[") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(where: { !"0123456789;".contains($0) }) else { break }
            if after[end] == "m" {
                let parameters = after[..<end].split(separator: ";").compactMap { Int($0) }
                if parameters.contains(where: { (30...49).contains($0) || (90...107).contains($0) }) {
                    found.append(String(after[..<end]))
                }
            }
            rest = after[end...]
        }
        return found
    }

    private func recorded(_ environment: String, _ arguments: String = "") async throws -> [String] {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recording = "\(directory)/typescript"
        // NO_COLOR may be set where the tests run: each case starts without it.
        let pane = try TmuxPane(arguments: arguments, environment: "env -u NO_COLOR TERM=xterm-256color \(environment)",
                                recording: recording)
        await pane.waitFor(pack.info.disclaimer)
        try pane.send("4", "Tab", "/", "p", "a", "i", "n", "Enter", "?")   // links, matches, help: every role
        await pane.waitFor("close this")   // the help box: "Press any key to close this help." or, scrolling, "Other keys close this."
        try pane.send("x", "q")
        #expect(await pane.exitStatus() == 0)
        return try colourCodes(in: recording)
    }

    @Test func noColorMeansNoColourCodesAndColorOverridesIt() async throws {
        #expect(!(try await recorded("")).isEmpty, "the default theme uses colour")
        #expect(try await recorded("NO_COLOR=1").isEmpty)
        #expect(try await recorded("", "--theme monochrome").isEmpty)
        #expect(!(try await recorded("NO_COLOR=1", "--color")).isEmpty)
        let highContrast = try await recorded("", "--theme high-contrast")
        #expect(highContrast.contains { $0.contains("48;5;16") || $0.contains("38;5;231") }, "\(Set(highContrast))")
    }

    /// Titles and links take a colour only where the background is known: dark blue on a
    /// light one, cyan on a dark one; on an unknown one they keep the terminal's own colour.
    @Test func coloursFollowTheBackgroundColorFGBGNames() async throws {
        let light = try await recorded("COLORFGBG=0\\;15"), dark = try await recorded("COLORFGBG=15\\;0"), unknown = try await recorded("")
        #expect(light.contains("38;5;25") && !light.contains("36"), "\(Set(light))")
        #expect(dark.contains("36") && !dark.contains("38;5;25"), "\(Set(dark))")
        #expect(!unknown.contains("38;5;25") && !unknown.contains("36"), "\(Set(unknown))")
    }

    /// A terminal that answers xterm's background question (OSC 11) and the device attributes
    /// question gets the colours for its background.
    @Test func aTerminalThatSaysItsBackgroundGetsColoursForIt() async throws {
        let script = """
            import os, sys
            sys.path.insert(0, sys.argv[1] + "/bench")
            import bench
            bench.ENV["KETAMINE_EXPLORER_CONTENT"] = sys.argv[1] + "/Assets/content/en"
            bench.answer_queries = lambda fd, chunk: (b"\\x1b]11;?" in chunk and os.write(fd, b"\\x1b]11;rgb:" + sys.argv[3].encode() + b"\\x07"),
                                                      b"\\x1b[c" in chunk and os.write(fd, b"\\x1b[?62;c"))
            pid, fd = bench.spawn([sys.argv[2]])
            data, shown = bench.read_until(fd, lambda d: b"988." in d)
            bench.finish(pid, fd)
            print("light" if b"38;5;25m" in data else "dark" if b"[36m" in data or b";36m" in data else "neither", shown)
            """
        for (answer, expected) in [("ffff/ffff/ffff", "light"), ("0000/0000/0000", "dark"), ("fdf6/e3e3/d0d0", "light")] {
            let result = try await runProgram("/usr/bin/env", ["python3", "-c", script, Paths.root, Paths.binary, answer], timeout: 30)
            #expect(result.output == "\(expected) True\n", "\(answer): \(result.output)\(result.error)")
        }
    }

    @Test func anUnknownThemeIsAUsageError() async throws {
        let result = try await runCommand(["--theme", "neon"])
        #expect(result.status == 2)
        #expect(result.error.contains("unknown theme 'neon'; choose default, high-contrast, monochrome"))
    }
}
