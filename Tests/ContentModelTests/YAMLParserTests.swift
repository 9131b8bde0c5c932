@testable import ContentModel
import Foundation
import Testing
import Yams

/// The explorer reads YAML with its own small reader (Yams links Foundation, which made
/// start-up several times slower). Yams stays here as the oracle: every shipped file, the
/// fixtures and a set of tricky cases must read to the same values on the same lines.
@Suite struct YAMLParserTests {
    /// A tree both readers can produce: text, lists, mappings, and each value's line.
    indirect enum Shape: Equatable, CustomStringConvertible {
        case text(String, line: Int)
        case list([Shape], line: Int)
        case map([(String, Int, Shape)], line: Int)

        static func == (left: Shape, right: Shape) -> Bool { left.description == right.description }

        var description: String {
            switch self {
            case .text(let text, let line): return "\(line):\(text.debugDescription)"
            case .list(let items, let line): return "\(line):[" + items.map(\.description).joined(separator: ", ") + "]"
            case .map(let pairs, let line):
                return "\(line):{" + pairs.map { "\($1):\($0.debugDescription): \($2)" }.joined(separator: ", ") + "}"
            }
        }
    }

    static func shape(_ node: YAMLNode) -> Shape {
        switch node.value {
        case .scalar(let text): return .text(text, line: node.line)
        case .sequence(let items): return .list(items.map(shape), line: node.line)
        case .mapping(let pairs): return .map(pairs.map { ($0.key, $0.line, shape($0.value)) }, line: node.line)
        }
    }

    /// Yams's tree in the same form. Yams puts an empty value on the line of whatever comes
    /// next; ours is on its key's line, which is the line an author looks at, so empty values
    /// are compared without their line.
    static func shape(_ node: Yams.Node, emptyLine: Int? = nil) -> Shape {
        let line = node.mark?.line ?? 0
        switch node {
        case .scalar(let scalar):
            return .text(scalar.string, line: scalar.string.isEmpty && scalar.style == .plain ? (emptyLine ?? line) : line)
        case .sequence(let sequence):
            return .list(sequence.map { shape($0, emptyLine: $0.mark?.line) }, line: line)
        case .mapping(let mapping):
            return .map(mapping.map { key, value in (key.string ?? "", key.mark?.line ?? 0, shape(value, emptyLine: key.mark?.line)) },
                        line: line)
        }
    }

    static func ours(_ text: String) throws -> Shape? {
        try YAMLParser.parse(Array(text.utf8)).map(shape)
    }

    static func yams(_ text: String) throws -> Shape? {
        try Yams.compose(yaml: text, .basic).map { shape($0) }
    }

    static var shippedAndFixtureFiles: [String] {
        let folders = [RepositoryPath.shippedPack, RepositoryPath.minimalFixture,
                       RepositoryPath.root.appendingPathComponent("Assets/kiosk").path]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    @Test func readsEveryShippedFileAsYamsDoes() throws {
        let files = Self.shippedAndFixtureFiles
        #expect(files.count >= 20)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(try Self.ours(text) == Self.yams(text), "\(file)")
        }
    }

    static let tricky: [String] = [
        "a: 1\nb: two words\n",
        "# only a comment\n",
        "",
        "---\na: 1\n...\n",
        "--- \n- x\n",
        "a:\n  b:\n    c: deep\n  d: back\n",
        "list:\n- one\n- two\nnext: 3\n",
        "- a\n-\n- - nested\n  - again\n- id: x\n  name: y\n",
        "-\n  a: 1\n",
        "a: plain text\n  that goes on\n\n  after a blank line\nb: 2\n",
        "a: \"double \\\"quoted\\\" \\t tab \\n break \\u00e9 \\x41 \\U0001F600 \\\\ \\/ \\_ \\e\"\n",
        "a: 'single ''quoted'' text'\n",
        "a: \"folded\n  over   \n\n  lines\"\n",
        "a: \"escaped \\\n   break\"\n",
        "a: 'single\n  folded'\n",
        "a: |\n  keep\n    indented\n\n  lines\n\nb: 1\n",
        "a: |-\n  stripped\n\n",
        "a: |+\n  kept\n\n\nb: 1\n",
        "a: >\n  folded\n  text\n\n  new paragraph\n    more indented\n  back\n",
        "a: >-\n  folded stripped\n",
        "a: |2\n    two more\n   one more\n",
        "a: |\n\n  after a blank\n",
        "a: |\n",
        "a: [x, y, \"z, quoted\", 'w']\nb: []\nc: [one,\n  two]\n",
        "a: {k: v, other: \"w\"}\nb: {}\n",
        "a: [[1, 2], [3]]\n",
        "a: [trailing, comma, ]\n",
        "\"quoted key\": 1\n'single key': 2\n",
        "a: value # a comment\nb: \"x\" # another\nc: text#not-a-comment\n",
        "url: https://example.com/a?b=c#frag\n",
        "a:\n",
        "a:\nb: 2\n",
        "- \n- x\n",
        "a: ~\nb: null\nc: true\nd: 012\ne: 1.5\n",
        "key with spaces: value with:colon-inside\n",
        "a: -1\nb: -x\n",
        "a:    spaced    \n",
        "\u{FEFF}a: 1\n",
        "a: 1\r\nb: two\r\n",
        "a: \"ends without newline\"",
        "a: |\n  ends without newline",
        "a: text\n# comment at the end\n",
        "  indented: root\n  second: key\n",
        "a:\n    - four\n    - spaces\nb:\n - one\n",
        "a: [x,\n# a comment inside\n  y]\n",
        "a: 'it''s'\n",
        "é: ünïcödé — “quotes” · ≥\n",
    ]

    @Test(arguments: tricky)
    func readsTrickyYAMLAsYamsDoes(_ text: String) throws {
        #expect(try Self.ours(text) == Self.yams(text))
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let text: String
        let line: Int
        let message: String
        var testDescription: String { message }
    }

    static let refusals: [Refusal] = [
        Refusal(text: "a: [unclosed\nb: 2\n", line: 1, message: "never closed"),
        Refusal(text: "a: {unclosed: 1\nb: 2\n", line: 1, message: "never closed"),
        Refusal(text: "a: \"unclosed\nb: 2\n", line: 1, message: "never closed"),
        Refusal(text: "a: 'unclosed\n", line: 1, message: "never closed"),
        Refusal(text: "a: 1\nb: Ketamine: a drug\n", line: 2, message: "double quotes"),
        Refusal(text: "a: 1\n  b: 2\n", line: 2, message: "': '"),
        Refusal(text: "a:\n  b: 1\n   c: 2\n", line: 3, message: "': '"),
        Refusal(text: "a:\n  b:\n    c: 1\n   d: 2\n", line: 4, message: "indented more"),
        Refusal(text: "a:\n\t- x\n", line: 2, message: "tab"),
        Refusal(text: "a: &anchor 1\n", line: 1, message: "anchors"),
        Refusal(text: "a: 1\nb: *anchor\n", line: 2, message: "aliases"),
        Refusal(text: "a: !tag 1\n", line: 1, message: "tags"),
        Refusal(text: "? complex\n: key\n", line: 1, message: "complex keys"),
        Refusal(text: "%YAML 1.2\n---\na: 1\n", line: 1, message: "directives"),
        Refusal(text: "a: 1\n---\nb: 2\n", line: 2, message: "one YAML document"),
        Refusal(text: "a: \"bad \\q escape\"\n", line: 1, message: "unknown escape"),
        Refusal(text: "a: \"\\u12\"\n", line: 1, message: "hexadecimal"),
        Refusal(text: "a: - x\n", line: 1, message: "same line as its key"),
        Refusal(text: "a: 1\n- x\n", line: 2, message: "list entry"),
        Refusal(text: "- x\nb: 1\n", line: 2, message: "does not continue"),
        Refusal(text: "a: \"x\" y\n", line: 1, message: "after the closing quote"),
        Refusal(text: "a: [x] y\n", line: 1, message: "after the closing bracket"),
        Refusal(text: "a: [x: y]\n", line: 1, message: "use { }"),
        Refusal(text: "a: [x,, y]\n", line: 1, message: "empty entry"),
        Refusal(text: "a:\n  just text\n  b: 1\n", line: 3, message: "': '"),
        Refusal(text: "a: |x\n  t\n", line: 1, message: "next line"),
        Refusal(text: "a: 1\nnot a key\n", line: 2, message: "expected 'key: value'"),
    ]

    @Test(arguments: refusals)
    func refusesWithTheLine(_ refusal: Refusal) throws {
        #expect(throws: YAMLSyntaxError.self) { try YAMLParser.parse(Array(refusal.text.utf8)) }
        do {
            _ = try YAMLParser.parse(Array(refusal.text.utf8))
        } catch {
            #expect(error.line == refusal.line, "\(error)")
            #expect(error.message.contains(refusal.message), "\(error)")
        }
    }
}
