import ContentModel
import TermRender
import Foundation
import Testing

/// The kiosk config: defaults when empty, every bad option named with its line.
@Suite struct KioskConfigTests {
    static func hours(_ text: String) throws -> KioskConfig.OpeningHours? {
        let file = try TemporaryFile("opening_hours: \"\(text)\"\n")
        return try KioskConfig.load(path: file.path, pinHashProblem: { _ in nil }).openingHours
    }

    @Test func openingHoursMayRunPastMidnight() throws {
        let day = try #require(try Self.hours("08:00-18:00"))
        #expect(day.contains(minute: 8 * 60) && !day.contains(minute: 18 * 60) && !day.contains(minute: 7 * 60 + 59))
        let night = try #require(try Self.hours("22:00-06:00"))
        #expect(night.contains(minute: 23 * 60) && night.contains(minute: 60) && !night.contains(minute: 12 * 60))
    }

    @Test func theWaitingRoomsFirstLanguageIsSet() throws {
        let file = try TemporaryFile("language: es\n")
        #expect(try KioskConfig.load(path: file.path, pinHashProblem: { _ in nil }).language == "es")
    }

    @Test func anEmptyConfigMeansDefaults() throws {
        let file = try TemporaryFile("# nothing set\n{}\n")
        #expect(try KioskConfig.load(path: file.path, pinHashProblem: { _ in nil }) == KioskConfig())
    }

    @Test(arguments: [
        ("idle_seconds: 10\n", 1, "idle_seconds", "outside 30 to 600"),
        ("warning_seconds: 5\n", 1, "warning_seconds", "outside 20 to 120"),
        ("slide_seconds: 3\n", 1, "slide_seconds", "outside 8 to 15"),
        ("idle_seconds: 90\nopening_hours: 9-5\n", 2, "opening_hours", "HH:MM-HH:MM"),
        ("heartbeat_file: beat.txt\n", 1, "heartbeat_file", "full path"),
        ("pin_hash: \"1234\"\n", 1, "pin_hash", "not a hash"),
        ("idle_second: 90\n", 1, "idle_second", "unknown field 'idle_second'"),
        ("slide_seconds: 10\nlanguage: fr\n", 2, "language", "'fr' is not a language of the explorer; choose en or es"),
    ])
    func aBadOptionIsNamedWithItsLine(_ text: String, _ line: Int, _ field: String, _ message: String) throws {
        let file = try TemporaryFile(text)
        do {
            _ = try KioskConfig.load(path: file.path) { $0 == "1234" ? "not a hash" : nil }
            Issue.record("the config must be refused")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(issue.file == file.path)
            #expect(issue.line == line)
            #expect(issue.field == field)
            #expect(issue.message.contains(message), "\(issue)")
        }
    }
}

/// A file in the temporary folder with the given text, removed when the value goes away.
final class TemporaryFile {
    let path: String

    init(_ text: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kx-config-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A person's preferences (`$XDG_CONFIG_HOME/ketamine-explorer/config.yaml`), and the same
/// options in the kiosk's config.
@Suite struct PreferencesTests {
    @Test func everyOptionIsRead() throws {
        let file = try TemporaryFile("theme: high-contrast\nreduce_motion: yes\nmouse: false\nlanguage: es\nspeech: on-request\n")
        let preferences = try Preferences.load(path: file.path)
        #expect(preferences.theme == "high-contrast" && preferences.reduceMotion == true && preferences.mouse == false)
        #expect(preferences.language == "es" && preferences.speech == .onRequest)
        let config = try TemporaryFile("theme: monochrome\nmouse: no\nspeech: on\n")
        let kiosk = try KioskConfig.load(path: config.path, pinHashProblem: { _ in nil })
        #expect(kiosk.preferences.theme == "monochrome" && kiosk.preferences.mouse == false && kiosk.speech == .on)
    }

    @Test func everyMistakeIsReportedWithItsLine() throws {
        let file = try TemporaryFile("theme: pink\nreduce_motion: maybe\ncolour: red\nlanguage: fr\nspeech: loud\n")
        let error = #expect(throws: ContentErrors.self) { try Preferences.load(path: file.path) }
        let lines = Set(error?.issues.map(\.line) ?? [])
        #expect(lines == [1, 2, 3, 4, 5], "\(error?.issues.map(\.description) ?? [])")
    }

    @Test func theFileIsUnderXDGConfigHomeElseHome() {
        #expect(Preferences.userPath { ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/a"][$0] } == "/x/conf/ketamine-explorer/config.yaml")
        #expect(Preferences.userPath { ["HOME": "/home/a"][$0] } == "/home/a/.config/ketamine-explorer/config.yaml")
        #expect(Preferences.userPath { _ in nil } == nil)
    }
}
