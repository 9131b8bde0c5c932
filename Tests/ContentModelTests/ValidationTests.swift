import Foundation
import ContentModel
import TermRender
import Testing

/// Each rule the loader enforces, broken once in an otherwise good pack. Every message must
/// name the file, the line and the field, so a clinic's IT person can find and fix it.
@Suite struct ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let old: String
        let new: String
        let line: Int
        let field: String
        let message: String
        var testDescription: String { name }
    }

    /// The line of the fixture's ui.yaml (the shipped English one) that starts with `start`,
    /// so an edit of the program's texts does not move these cases' lines.
    static func uiLine(_ start: String) -> Int {
        let text = (try? String(contentsOfFile: "\(RepositoryPath.minimalFixture)/ui.yaml", encoding: .utf8)) ?? ""
        return (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(start) } ?? -1) + 1
    }

    static let cases: [Case] = [
        Case(name: "a placeholder English does not have", file: "ui.yaml", old: "Panel {number} of {count}",
             new: "Panel {number} of {total}", line: uiLine("header.panel_of:"), field: "ui.header.panel_of",
             message: "the placeholders must be exactly those of English: {number}, {count}"),
        Case(name: "an unknown program text", file: "ui.yaml", old: "app.name:", new: "app.nam:",
             line: uiLine("app.name:"), field: "ui.app.nam", message: "unknown id 'app.nam'"),
        Case(name: "a missing program text", file: "ui.yaml", old: "small.quit: \"q: quit.\"\n", new: "",
             line: uiLine("app.name:"), field: "ui", message: "'small.quit' is missing"),
        Case(name: "an empty program text", file: "ui.yaml", old: "plain.goodbye: \"Goodbye.\"", new: "plain.goodbye: \" \"",
             line: uiLine("plain.goodbye:"), field: "ui.plain.goodbye", message: "this text is empty"),
        Case(name: "unknown source id", file: "topics.yaml", old: "sources: [first-source]",
             new: "sources: [no-such-source]", line: 8, field: "topics[0].blocks[0].sources[0]",
             message: "unknown source id 'no-such-source'"),
        Case(name: "duplicate id", file: "causes.yaml", old: "  sources: [second-source]\n",
             new: "  sources: [second-source]\n- id: injury\n  name: Again\n  description: Twice.\n  sources: [second-source]\n",
             line: 5, field: "causes[1].id", message: "duplicate id 'injury' (first used on line 1)"),
        Case(name: "missing field", file: "topics.yaml", old: "  message: The main message of the first topic.\n",
             new: "", line: 1, field: "topics[0].message", message: "this field is missing"),
        Case(name: "ESC in a string", file: "topics.yaml", old: "message: The main message of the first topic.",
             new: "message: \"Bad \\e[31m red\"", line: 5, field: "topics[0].message", message: "ESC (U+001B)"),
        Case(name: "ESC after a harmless escape", file: "topics.yaml", old: "message: The main message of the first topic.",
             new: "message: \"A \\\"quote\\\" then \\e[2J\"", line: 5, field: "topics[0].message", message: "ESC (U+001B)"),
        Case(name: "bell in a string", file: "glossary.yaml", old: "definition: A chemical messenger.",
             new: "definition: \"Ring \\a\"", line: 5, field: "glossary[1].definition", message: "BEL (U+0007)"),
        Case(name: "wrong type", file: "topics.yaml", old: "level: core", new: "level: [core]",
             line: 4, field: "topics[0].level", message: "expected text"),
        Case(name: "unknown level", file: "topics.yaml", old: "level: core", new: "level: basic",
             line: 4, field: "topics[0].level", message: "'basic' is not one of 'core', 'detail'"),
        Case(name: "unknown glossary link", file: "topics.yaml", old: "[[glutamate]]", new: "[[serotonin]]",
             line: 11, field: "topics[0].blocks[2].bullets[0]", message: "[[serotonin]] matches no term"),
        Case(name: "unknown topic link", file: "topics.yaml", old: "topic:second|", new: "topic:third|",
             line: 12, field: "topics[0].blocks[2].bullets[1]", message: "unknown topic id 'third'"),
        Case(name: "unclosed bold", file: "topics.yaml", old: "**bold** words", new: "**bold words",
             line: 7, field: "topics[0].blocks[0].paragraph", message: "never closed"),
        Case(name: "paragraph without a source", file: "topics.yaml", old: "      sources: [first-source]\n",
             new: "", line: 7, field: "topics[0].blocks[0].sources", message: "names no source"),
        Case(name: "block with two kinds", file: "topics.yaml", old: "    - heading: A heading",
             new: "    - heading: A heading\n      paragraph: More", line: 9, field: "topics[0].blocks[1]",
             message: "exactly one of"),
        Case(name: "unknown include", file: "topics.yaml", old: "include: causes", new: "include: treatments",
             line: 23, field: "topics[1].blocks[1].include", message: "'treatments' is not one of"),
        Case(name: "menu name too long", file: "topics.yaml", old: "menu: First",
             new: "menu: A very long menu name for a panel", line: 3, field: "topics[0].menu",
             message: "longer than 20 columns"),
        Case(name: "bad date", file: "pack.yaml", old: "last_updated: 2026-01-10", new: "last_updated: 2026-13-40",
             line: 4, field: "pack.last_updated", message: "YYYY-MM-DD"),
        Case(name: "reviewed with no reviewer named", file: "pack.yaml", old: "last_updated: 2026-01-10",
             new: "last_updated: 2026-01-10\nlast_reviewed: 2026-01-10", line: 5, field: "pack.last_reviewed",
             message: "no one is named under `reviewers`"),
        Case(name: "reviewers named with no review date", file: "pack.yaml", old: "reviewers: []",
             new: "reviewers: [\"A. Nurse, RN\"]", line: 6, field: "pack.reviewers", message: "add `last_reviewed"),
        Case(name: "no conflict-of-interest statement", file: "pack.yaml", old: "conflicts: \"None.\"\n", new: "",
             line: 1, field: "pack.conflicts", message: "this field is missing"),
        Case(name: "unknown kind of source", file: "sources.yaml", old: "kind: trial", new: "kind: blog",
             line: 2, field: "sources[0].kind", message: "'blog' is not one of 'guideline', 'systematic review'"),
        Case(name: "a source with no date at all", file: "sources.yaml", old: "  year: 2020\n", new: "",
             line: 1, field: "sources[0]", message: "give `year:`"),
        Case(name: "an old-style source note", file: "sources.yaml", old: "  year: 2020\n", new: "  year: 2020\n  note: GK - verify\n",
             line: 5, field: "sources[0].note", message: "unknown field 'note'"),
        Case(name: "more than 100 in an icon array", file: "topics.yaml", old: "filled: 30", new: "filled: 130",
             line: 29, field: "topics[1].blocks[5].icons[0].filled", message: "130 is outside 0 to 100"),
        Case(name: "an icon array without its text alternative", file: "topics.yaml",
             old: "      alt: \"About 30 in 100 people felt better with it. About 27 in 100 felt better without it.\"\n",
             new: "", line: 27, field: "topics[1].blocks[5].alt", message: "this field is missing"),
        Case(name: "an icon label too long to draw", file: "topics.yaml", old: "label: \"Without it\"",
             new: "label: \"Without it, in a long label\"", line: 30, field: "topics[1].blocks[5].icons[1].label",
             message: "longer than 20 columns"),
        Case(name: "next review before last", file: "pack.yaml", old: "next_review: 2026-07-10",
             new: "next_review: 2025-07-10", line: 5, field: "pack.next_review", message: "must come after"),
        Case(name: "duplicate glossary term", file: "glossary.yaml", old: "aliases: [NMDA receptors]",
             new: "aliases: [NMDA receptors, Glutamate]", line: 4, field: "glossary[1].term",
             message: "already defined"),
        Case(name: "unknown source in a table row", file: "comparison.yaml", old: "[first-source, second-source]",
             new: "[first-source, nowhere]", line: 9, field: "comparison.rows[0].sources[1]",
             message: "unknown source id 'nowhere'"),
        Case(name: "symptom without sources", file: "symptoms.yaml", old: "  sources: [first-source]\n", new: "",
             line: 1, field: "symptoms[0].sources", message: "this field is missing"),
        Case(name: "invalid id", file: "causes.yaml", old: "id: injury", new: "id: Bad_ID",
             line: 1, field: "causes[0].id", message: "not a valid id"),
        Case(name: "misspelled field", file: "topics.yaml", old: "      evidence: weak", new: "      evidance: weak",
             line: 14, field: "topics[0].blocks[2].evidance", message: "unknown field 'evidance'"),
        Case(name: "a field given twice", file: "topics.yaml", old: "  menu: First\n", new: "  menu: First\n  menu: Again\n",
             line: 4, field: "topics[0].menu", message: "appears twice"),
        Case(name: "pictures changing too fast", file: "mechanism.yaml", old: "seconds_per_frame: 2",
             new: "seconds_per_frame: 0", line: 1, field: "mechanism.seconds_per_frame",
             message: "must not change faster than once a second"),
        Case(name: "picture too wide", file: "mechanism.yaml", old: "      │  │\n",
             new: "      │  │" + String(repeating: "x", count: 60) + "\n", line: 7, field: "mechanism.frames[0].picture",
             message: "line 2 of the picture is 64 columns wide"),
        Case(name: "markup in a caption", file: "mechanism.yaml", old: "caption: A gate, shut.",
             new: "caption: A [[glutamate]] gate.", line: 4, field: "mechanism.frames[0].caption",
             message: "one line of plain text"),
        Case(name: "unknown source for the pictures", file: "mechanism.yaml", old: "sources: [first-source]",
             new: "sources: [elsewhere]", line: 2, field: "mechanism.sources[0]", message: "unknown source id 'elsewhere'"),
        Case(name: "a single picture", file: "mechanism.yaml", old: "  - caption: The gate, open.\n    picture: |\n      ┌──┐  gate\n         │  open\n      └──┘\n",
             new: "", line: 4, field: "mechanism.frames", message: "there are 1 frames"),
        Case(name: "YAML syntax error", file: "topics.yaml", old: "  title: The first topic",
             new: "  title: [unclosed", line: 2, field: "", message: "YAML syntax error: a [ list opened here is never closed"),
    ]

    @Test func theMechanismFileIsOptionalUnlessATopicIncludesIt() throws {
        let pack = try FixturePack("topics.yaml", replacing: "    - include: mechanism\n", with: "")
        try pack.remove("mechanism.yaml")
        #expect(pack.issues().isEmpty)
        let including = try FixturePack()
        try including.remove("mechanism.yaml")
        let issues = including.issues()
        #expect(issues.count == 1)
        #expect(issues.first?.field == "topics[1].blocks[4].include")
        #expect(issues.first?.message.contains("needs the file mechanism.yaml") == true)
    }

    @Test(arguments: cases)
    func reportsFileLineAndField(_ rule: Case) throws {
        let issues = try FixturePack(rule.file, replacing: rule.old, with: rule.new).issues()
        let issue = try #require(issues.first, "the pack must be refused")
        #expect(issues.count == 1, "\(issues)")
        #expect(issue.file.hasSuffix("/\(rule.file)"))
        #expect(issue.line == rule.line, "\(issue)")
        #expect(issue.field == rule.field, "\(issue)")
        #expect(issue.message.contains(rule.message), "\(issue)")
        #expect(issue.description.contains("\(rule.file):\(rule.line): "))
    }

    @Test func theFixtureItselfIsValid() throws {
        let pack = try FixturePack()
        #expect(pack.issues().isEmpty)
    }

    @Test func rawControlByteNamesTheLine() throws {
        let pack = try FixturePack()
        try pack.writeBytes("causes.yaml", Array("- id: injury\n  name: Inj\u{07}ury\n".utf8))
        let issue = try #require(pack.issues().first)
        #expect(issue.file.hasSuffix("causes.yaml"))
        #expect(issue.line == 2, "\(issue)")
        #expect(issue.message.contains("control character"), "\(issue)")
    }

    /// Found by fuzzing: a tab inside a key was quoted into the message as it was.
    @Test func aControlCharacterQuotedInAMessageIsWrittenOut() throws {
        let pack = try FixturePack()
        try pack.writeBytes("causes.yaml", Array("- id: injury\n  name: Injury\n  description: Pain.\n  so\trces: [second-source]\n".utf8))
        let issue = try #require(pack.issues().first { $0.message.contains("unknown field") })
        #expect(issue.message.contains("'so\\u{9}rces'"), "\(issue)")
        #expect(!issue.description.unicodeScalars.contains(where: Sanitizer.isForbidden))
    }

    @Test(arguments: ["\u{202E}", "\u{9B}", "\u{1B}"])
    func rawInvisibleControlsAreRefused(_ control: String) throws {
        let pack = try FixturePack()
        try pack.writeBytes("causes.yaml", Array("- id: injury\n  name: Injury\n  description: Pain \(control)lasts.\n  sources: [second-source]\n".utf8))
        let issue = try #require(pack.issues().first)
        #expect(issue.file.hasSuffix("causes.yaml"))
        #expect(issue.line == 3, "\(issue)")
        #expect(issue.message.contains("control character"), "\(issue)")
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let pack = try FixturePack()
        try pack.writeBytes("symptoms.yaml", Array("- id: aching\n  name: Aching\n  description: ".utf8) + [0xFF, 0x0A])
        let issue = try #require(pack.issues().first)
        #expect(issue.line == 3, "\(issue)")
        #expect(issue.message.contains("not valid UTF-8"))
    }

    @Test func missingFileIsNamed() throws {
        let pack = try FixturePack()
        try pack.remove("causes.yaml")
        let issue = try #require(pack.issues().first)
        #expect(issue.file.hasSuffix("causes.yaml"))
        #expect(issue.message.contains("cannot read"))
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let pack = try FixturePack("topics.yaml", replacing: "sources: [first-source]", with: "sources: [nope]")
        try pack.edit("comparison.yaml", replacing: "label: How it works", with: "label: \"\\e[2J\"")
        let issues = pack.issues()
        #expect(issues.count == 2, "\(issues)")
        let files = issues.map { $0.file }
        #expect(files.contains { $0.hasSuffix("comparison.yaml") })
        #expect(files.contains { $0.hasSuffix("topics.yaml") })
    }
}
