import ContentModel
import Foundation
import Testing

/// The command line as users of less, git and htop expect it: help with every option, a
/// version that says what it would show, `-` for standard output, and errors that say what
/// is wrong with a path and where it came from.
@Suite struct CommandLineConventionTests {
    @Test func helpListsEveryOptionOfTheDefaultModeAndEveryCommand() async throws {
        for flag in ["--help", "-h"] {
            let help = try await runCommand([flag])
            #expect(help.status == 0)
            for option in ["--plain", "--theme", "--reduce-motion", "--no-mouse", "--color", "--speech", "--kiosk", "--guided",
                           "--config", "--export-dir", "--lang", "--content", "--clinic", "--version"] {
                #expect(help.output.contains(option), "\(flag) does not list \(option)")
            }
            // HelpAndVersion replaces ArgumentParser's own --version line by its exact words: if
            // those change, -V (which works) would no longer be listed.
            #expect(help.output.contains("-V, --version") && !help.output.contains("Show the version."), "\(help.output)")
            for command in ["show", "export", "topics", "lint", "snapshot", "hash-pin", "check-config"] {
                #expect(help.output.contains("  \(command) "), "\(flag) does not list \(command)")
            }
        }
    }

    @Test func versionSaysTheContentAndTheBuild() async throws {
        let pack = try Paths.loadPack()
        for flag in ["--version", "-V"] {
            let version = try await runCommand([flag], environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
            let lines = version.output.split(separator: "\n").map(String.init)
            #expect(version.status == 0 && lines.count == 3, "\(version.output)\(version.error)")
            #expect(lines.first?.hasPrefix("ketamine-explorer ") == true)
            #expect(lines.dropFirst().first?.hasPrefix("content \(pack.info.version) (en) in ") == true, "\(lines)")
            let build = lines.last?.split(separator: " ").last ?? ""
            #expect(lines.last?.hasPrefix("build ") == true && build.count == 40 && build.allSatisfy(\.isHexDigit), "\(lines)")
        }
    }

    @Test func outputDashIsStandardOutputAndAFolderIsNamedAsOne() async throws {
        let dash = try await runCommand(["export", "--format", "text", "--output", "-", "causes"])
        #expect(dash.status == 0 && dash.output.contains("=="), "\(dash.error)")
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"), "no file named -")
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Sound to standard output, here a file (megabytes through a pipe only slow the test).
        let sound = "\(directory)/sound.wav"
        FileManager.default.createFile(atPath: sound, contents: nil)
        let wav = try await runProgram(Paths.binary, ["export", "--format", "wav", "--output", "-", "causes"], standardOutput: sound)
        let bytes = FileManager.default.contents(atPath: sound) ?? Data()
        #expect(wav.status == 0 && bytes.count > 44 && bytes.prefix(4) == Data("RIFF".utf8), "\(wav.error)")
        let folder = try await runCommand(["export", "--format", "html", "--output", directory, "causes"])
        #expect(folder.status == 2 && folder.error.contains("\(directory) is a folder"), "\(folder.error)")
    }

    /// `show` on a terminal goes through the pager (less, as git sets it up); q leaves it,
    /// and leaving before the end is no failure.
    @Test func showOnATerminalGoesThroughThePager() async throws {
        let pack = try Paths.loadPack()
        let pane = try TmuxPane(arguments: "show", environment: "env -u LESS -u PAGER")
        await pane.waitFor(pack.topics[0].title)
        await pane.waitUntil("less's prompt on the last line") { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).last { !$0.isEmpty }?.hasPrefix(":") == true
        }
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        #expect(pane.standardError.isEmpty, "\(pane.standardError)")
    }

    @Test func aMissingContentFolderIsOneLineSayingWhereItCameFrom() async throws {
        let flag = try await runCommand(["show", "--content", "/nonexistent/pack"])
        #expect(flag.status == 2)
        #expect(flag.error == "ketamine-explorer: there is no content pack in /nonexistent/pack (--content); a pack is a folder "
                + "with pack.yaml in it, or a folder of them by language (en, es)\n", "\(flag.error)")
        let environment = try await runCommand(["topics"], environment: ["KETAMINE_EXPLORER_CONTENT": "/nonexistent/packs"])
        #expect(environment.status == 2 && environment.error.contains("/nonexistent/packs ($KETAMINE_EXPLORER_CONTENT)"))
        #expect(environment.error.split(separator: "\n").count == 1)
    }
}

/// A person's preferences in `$XDG_CONFIG_HOME/ketamine-explorer/config.yaml`: the command
/// line wins over them, a mistake is named with its line, and the kiosk never reads them.
@Suite struct PreferencesFileTests {
    @Test func theLanguageOfThePreferencesIsShownUnlessTheCommandLineSaysOtherwise() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: "\(directory)/ketamine-explorer", withIntermediateDirectories: true)
        try "language: es\ntheme: monochrome\n".write(toFile: "\(directory)/ketamine-explorer/config.yaml", atomically: true, encoding: .utf8)
        let spanish = try ContentPack.load(from: "\(Paths.root)/Assets/content/es"), english = try Paths.loadPack()
        let environment = ["XDG_CONFIG_HOME": directory, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        let preferred = try await runCommand(["topics"], environment: environment)
        #expect(preferred.status == 0 && preferred.output.contains(spanish.topics[0].title), "\(preferred.output)\(preferred.error)")
        let told = try await runCommand(["topics", "--lang", "en"], environment: environment)
        #expect(told.output.contains(english.topics[0].title))
        // --version names the content it would show: the preferred language's.
        let version = try await runCommand(["--version"], environment: environment)
        #expect(version.output.contains("(es) in ") && version.output.contains("/content/es"), "\(version.output)")

        try "language: fr\nmouse: sometimes\n".write(toFile: "\(directory)/ketamine-explorer/config.yaml", atomically: true, encoding: .utf8)
        let broken = try await runCommand(["topics"], environment: environment)
        #expect(broken.status == 2)
        #expect(broken.error.contains("config.yaml:1: language:") && broken.error.contains("config.yaml:2: mouse:"), "\(broken.error)")
        // The kiosk's look and language come from its own config: it never reads a user's file.
        let files = try await KioskFiles(pin: false)
        let kiosk = try await runCommand(["--kiosk", "--config", files.config], environment: environment)
        #expect(!kiosk.error.contains("preferences") && kiosk.error.contains("not a terminal"), "\(kiosk.error)")
    }
}
