import ContentModel
import Foundation
import Testing

/// Choosing the language: `--lang`, else the locale, else English; `--content` may name a
/// pack or a folder of packs by language.
@Suite struct LanguageTests {
    /// A folder of packs: en is the shipped pack, es the same with its own title (the folder
    /// name, not pack.yaml, says which language a pack is shown for).
    private func packsByLanguage() throws -> String {
        let root = try Paths.temporaryDirectory()
        for code in ["en", "es"] {
            try FileManager.default.copyItem(atPath: Paths.pack, toPath: "\(root)/\(code)")
            try? FileManager.default.removeItem(atPath: "\(root)/\(code)/pack.snapshot")
        }
        let info = "\(root)/es/pack.yaml"
        let text = try String(contentsOfFile: info, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Ketamine for chronic pain", with: "title: Ketamina para el dolor crónico")
            .write(toFile: info, atomically: true, encoding: .utf8)
        return root
    }

    @Test func langPicksThePackAndTheLocaleDoesWhenItIsNotGiven() async throws {
        let root = try packsByLanguage()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let noLocale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]
        let spanish = try await runCommand(["--plain", "--content", root, "--lang", "es"], environment: noLocale, standardInput: "q\n")
        #expect(spanish.status == 0 && spanish.output.contains("Ketamina para el dolor crónico"), "\(spanish.error)")
        let english = try await runCommand(["--plain", "--content", root, "--lang", "en"], environment: ["LANG": "es_US.UTF-8"],
                                     standardInput: "q\n")
        #expect(english.status == 0 && !english.output.contains("Ketamina para"), "--lang wins over the locale")
        let byLocale = try await runCommand(["--plain", "--content", root], environment: ["LC_ALL": "", "LC_MESSAGES": "",
                                                                                  "LANG": "es_US.UTF-8"], standardInput: "q\n")
        #expect(byLocale.output.contains("Ketamina para el dolor"), "es_* in LANG means Spanish (in ASCII where that locale is not installed)")
        let lcAll = try await runCommand(["--plain", "--content", root], environment: ["LC_ALL": "C.UTF-8", "LANG": "es_US.UTF-8"],
                                   standardInput: "q\n")
        #expect(lcAll.status == 0 && !lcAll.output.contains("Ketamina para"), "LC_ALL comes first")
        let topics = try await runCommand(["topics", "--content", root, "--lang", "es"])
        #expect(topics.status == 0, "every command takes --lang: \(topics.error)")
    }

    @Test func aLanguageWithNoPackIsAnErrorOnlyWhenAskedForByName() async throws {
        let root = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Paths.pack, toPath: "\(root)/en")
        let asked = try await runCommand(["topics", "--content", root, "--lang", "es"])
        #expect(asked.status == 2 && asked.error.contains("there is no content in 'es' in \(root); languages there: en"),
                "\(asked.error)")
        let locale = try await runCommand(["topics", "--content", root], environment: ["LC_ALL": "es_MX.UTF-8"])
        #expect(locale.status == 0 && locale.output.contains("overview"), "the locale falls back to English: \(locale.error)")
        let unknown = try await runCommand(["topics", "--lang", "fr"])
        #expect(unknown.status == 2 && unknown.error.contains("unknown language 'fr'; choose en, es"), "\(unknown.error)")
    }

    /// The shipped Spanish pack, whole: `show --lang es` gives every panel, and neither it nor
    /// plain mode shows any of the program's English words (source titles may stay English).
    @Test func showLangEsGivesEveryPanelInSpanish() async throws {
        let spanish = try ContentPack.load(from: "\(Paths.root)/Assets/content/es")
        let english = try Paths.loadPack()
        let shown = try await runCommand(["show", "--content", "\(Paths.root)/Assets/content", "--lang", "es"],
                                         environment: ["LANG": "C.UTF-8", "LC_ALL": ""])
        #expect(shown.status == 0, "\(shown.error)")
        let text = shown.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for topic in spanish.topics { #expect(text.contains(topic.title), "\(topic.id)") }
        let plain = try await runCommand(["--plain", "--content", "\(Paths.root)/Assets/content", "--lang", "es"],
                                         environment: ["LANG": "C.UTF-8", "LC_ALL": ""], standardInput: "1\n?\ns\ndolor\nq\n")
        #expect(plain.status == 0, "\(plain.error)")
        let both = text + " " + plain.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for id in UIText.allCases where english.ui[id].split(separator: " ").count >= 3 {
            #expect(!both.contains(english.ui[id]), "English shown: \(english.ui[id])")
        }
        #expect(plain.output.contains(spanish.ui[.plainGoodbye]))
        #expect(plain.output.contains(spanish.ui[.plainHelpNumber]), "? gives the help in Spanish")
        #expect(plain.output.contains("«dolor»:"), "the search answers in Spanish: \(plain.output.suffix(400))")
    }

    /// In a real terminal: L shows the open panel in Spanish, its footer offers English, and
    /// L again is English; both packs come from the folder of packs.
    @Test func lSwitchesTheOpenPanelBetweenEnglishAndSpanish() async throws {
        let spanish = try ContentPack.load(from: "\(Paths.root)/Assets/content/es")
        let english = try Paths.loadPack()
        let pane = try TmuxPane(arguments: "--content '\(Paths.root)/Assets/content' --lang en", environment: "LANG=C.UTF-8")
        await pane.waitFor(english.ui[.hintLanguage])
        try pane.send("3")
        await pane.waitFor(english.topics[2].title)
        try pane.send("L")
        await pane.waitFor(spanish.topics[2].title)
        #expect(pane.screen().contains(spanish.ui[.hintLanguage]), "the footer offers English back")
        try pane.send("L")
        await pane.waitFor(english.topics[2].title)
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
    }

    /// `show --speech` prints what the voice says, in the language asked for.
    @Test func showSpeechSaysTheEmergencyNumberAsItIsDialled() async throws {
        let content = "\(Paths.root)/Assets/content"
        let english = try await runCommand(["show", "--speech", "--content", content, "--lang", "en", "risks"])
        #expect(english.status == 0 && english.output.contains("nine one one") && !english.output.contains("911"), "\(english.error)")
        let spanish = try await runCommand(["show", "--speech", "--content", content, "--lang", "es", "risks"])
        #expect(spanish.status == 0 && spanish.output.contains("nueve uno uno") && !spanish.output.contains("911"), "\(spanish.error)")
        #expect(!spanish.output.contains("Fuentes:"), "no source numbers are read")
    }
}

