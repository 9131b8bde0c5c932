import ContentModel
import Foundation
import Testing

/// The YAML reader is libyaml (Debian's libyaml-dev, as under PyYAML, Ruby and Yams) turned
/// into a node tree. These tests hold what the content model needs of it: every value as text
/// on the line it starts on, the spec followed where a hand-written reader drifted, and a
/// refusal in plain words, on the line to look at, of what content files must not use.
@Suite struct YAMLParserTests {
    /// A tree as one line of text: each value with its line, keys with theirs.
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

    static func read(_ text: String) throws -> String {
        try YAMLParser.parse(Array(text.utf8)).map { shape($0).description } ?? "nil"
    }

    static var shippedAndFixtureFiles: [String] {
        let folders = [RepositoryPath.shippedPack, RepositoryPath.minimalFixture,
                       RepositoryPath.root.appendingPathComponent("Assets/kiosk").path]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    /// Every key of every shipped file is on the line the tree says, so a message naming that
    /// line sends the editor to it.
    @Test func everyShippedKeyIsOnTheLineItsNodeNames() throws {
        let files = Self.shippedAndFixtureFiles
        #expect(files.count >= 20)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let root = try #require(try YAMLParser.parse(Array(text.utf8)), "\(file)")
            var pairs = 0
            func visit(_ node: YAMLNode) {
                switch node.value {
                case .scalar: break
                case .sequence(let items): items.forEach(visit)
                case .mapping(let entries):
                    for pair in entries {
                        pairs += 1
                        #expect(lines[pair.line - 1].contains(pair.key + ":"), "\(file):\(pair.line) \(pair.key)")
                        visit(pair.value)
                    }
                }
            }
            visit(root)
            #expect(pairs > 0, "\(file)")
        }
    }

    /// What each case reads as, checked against Yams (libyaml's Swift wrapper) when this reader
    /// was our own: block and flow styles, every quoting and escape, chomping, comments, document
    /// markers, a byte-order mark, CRLF, and empty values on their key's line.
    static let tricky: [(String, String)] = [
        ("a: 1\nb: two words\n", "1:{1:\"a\": 1:\"1\", 2:\"b\": 2:\"two words\"}"),
        ("# only a comment\n", "nil"),
        ("", "nil"),
        ("---\na: 1\n...\n", "2:{2:\"a\": 2:\"1\"}"),
        ("--- \n- x\n", "2:[2:\"x\"]"),
        ("a:\n  b:\n    c: deep\n  d: back\n", "1:{1:\"a\": 2:{2:\"b\": 3:{3:\"c\": 3:\"deep\"}, 4:\"d\": 4:\"back\"}}"),
        ("list:\n- one\n- two\nnext: 3\n", "1:{1:\"list\": 2:[2:\"one\", 3:\"two\"], 4:\"next\": 4:\"3\"}"),
        ("- a\n-\n- - nested\n  - again\n- id: x\n  name: y\n", "1:[1:\"a\", 2:\"\", 3:[3:\"nested\", 4:\"again\"], 5:{5:\"id\": 5:\"x\", 6:\"name\": 6:\"y\"}]"),
        ("-\n  a: 1\n", "1:[2:{2:\"a\": 2:\"1\"}]"),
        ("a: plain text\n  that goes on\n\n  after a blank line\nb: 2\n", "1:{1:\"a\": 1:\"plain text that goes on\\nafter a blank line\", 5:\"b\": 5:\"2\"}"),
        ("a: \"double \\\"quoted\\\" \\t tab \\n break \\u00e9 \\x41 \\U0001F600 \\\\ \\/ \\_ \\e\"\n", "1:{1:\"a\": 1:\"double \\\"quoted\\\" \\t tab \\n break é A 😀 \\\\ /   \\u{1B}\"}"),
        ("a: \'single \'\'quoted\'\' text\'\n", "1:{1:\"a\": 1:\"single \\'quoted\\' text\"}"),
        ("a: \"folded\n  over   \n\n  lines\"\n", "1:{1:\"a\": 1:\"folded over\\nlines\"}"),
        ("a: \"escaped \\\n   break\"\n", "1:{1:\"a\": 1:\"escaped break\"}"),
        ("a: \'single\n  folded\'\n", "1:{1:\"a\": 1:\"single folded\"}"),
        ("a: |\n  keep\n    indented\n\n  lines\n\nb: 1\n", "1:{1:\"a\": 1:\"keep\\n  indented\\n\\nlines\\n\", 7:\"b\": 7:\"1\"}"),
        ("a: |-\n  stripped\n\n", "1:{1:\"a\": 1:\"stripped\"}"),
        ("a: |+\n  kept\n\n\nb: 1\n", "1:{1:\"a\": 1:\"kept\\n\\n\\n\", 5:\"b\": 5:\"1\"}"),
        ("a: >\n  folded\n  text\n\n  new paragraph\n    more indented\n  back\n", "1:{1:\"a\": 1:\"folded text\\nnew paragraph\\n  more indented\\nback\\n\"}"),
        ("a: >-\n  folded stripped\n", "1:{1:\"a\": 1:\"folded stripped\"}"),
        ("a: |2\n    two more\n   one more\n", "1:{1:\"a\": 1:\"  two more\\n one more\\n\"}"),
        ("a: |\n\n  after a blank\n", "1:{1:\"a\": 1:\"\\nafter a blank\\n\"}"),
        ("a: |\n", "1:{1:\"a\": 1:\"\"}"),
        ("a: [x, y, \"z, quoted\", \'w\']\nb: []\nc: [one,\n  two]\n", "1:{1:\"a\": 1:[1:\"x\", 1:\"y\", 1:\"z, quoted\", 1:\"w\"], 2:\"b\": 2:[], 3:\"c\": 3:[3:\"one\", 4:\"two\"]}"),
        ("a: {k: v, other: \"w\"}\nb: {}\n", "1:{1:\"a\": 1:{1:\"k\": 1:\"v\", 1:\"other\": 1:\"w\"}, 2:\"b\": 2:{}}"),
        ("a: [[1, 2], [3]]\n", "1:{1:\"a\": 1:[1:[1:\"1\", 1:\"2\"], 1:[1:\"3\"]]}"),
        ("a: [trailing, comma, ]\n", "1:{1:\"a\": 1:[1:\"trailing\", 1:\"comma\"]}"),
        ("\"quoted key\": 1\n\'single key\': 2\n", "1:{1:\"quoted key\": 1:\"1\", 2:\"single key\": 2:\"2\"}"),
        ("a: value # a comment\nb: \"x\" # another\nc: text#not-a-comment\n", "1:{1:\"a\": 1:\"value\", 2:\"b\": 2:\"x\", 3:\"c\": 3:\"text#not-a-comment\"}"),
        ("url: https://example.com/a?b=c#frag\n", "1:{1:\"url\": 1:\"https://example.com/a?b=c#frag\"}"),
        ("a:\n", "1:{1:\"a\": 1:\"\"}"),
        ("a:\nb: 2\n", "1:{1:\"a\": 1:\"\", 2:\"b\": 2:\"2\"}"),
        ("- \n- x\n", "1:[1:\"\", 2:\"x\"]"),
        ("a: ~\nb: null\nc: true\nd: 012\ne: 1.5\n", "1:{1:\"a\": 1:\"~\", 2:\"b\": 2:\"null\", 3:\"c\": 3:\"true\", 4:\"d\": 4:\"012\", 5:\"e\": 5:\"1.5\"}"),
        ("key with spaces: value with:colon-inside\n", "1:{1:\"key with spaces\": 1:\"value with:colon-inside\"}"),
        ("a: -1\nb: -x\n", "1:{1:\"a\": 1:\"-1\", 2:\"b\": 2:\"-x\"}"),
        ("a:    spaced    \n", "1:{1:\"a\": 1:\"spaced\"}"),
        ("﻿a: 1\n", "1:{1:\"a\": 1:\"1\"}"),
        ("a: 1\r\nb: two\r\n", "1:{1:\"a\": 1:\"1\", 2:\"b\": 2:\"two\"}"),
        ("a: \"ends without newline\"", "1:{1:\"a\": 1:\"ends without newline\"}"),
        ("a: |\n  ends without newline", "1:{1:\"a\": 1:\"ends without newline\"}"),
        ("a: text\n# comment at the end\n", "1:{1:\"a\": 1:\"text\"}"),
        ("  indented: root\n  second: key\n", "1:{1:\"indented\": 1:\"root\", 2:\"second\": 2:\"key\"}"),
        ("a:\n    - four\n    - spaces\nb:\n - one\n", "1:{1:\"a\": 2:[2:\"four\", 3:\"spaces\"], 4:\"b\": 5:[5:\"one\"]}"),
        ("a: [x,\n# a comment inside\n  y]\n", "1:{1:\"a\": 1:[1:\"x\", 3:\"y\"]}"),
        ("a: \'it\'\'s\'\n", "1:{1:\"a\": 1:\"it\\'s\"}"),
        ("é: ünïcödé — “quotes” · ≥\n", "1:{1:\"é\": 1:\"ünïcödé — “quotes” · ≥\"}"),
    ]

    @Test func readsEachCaseAsTheSpecSays() throws {
        for (text, expected) in Self.tricky {
            #expect(try Self.read(text) == expected, "\(text.debugDescription)")
        }
    }

    /// The three places where the reader we wrote ourselves read what YAML does not say.
    @Test func followsTheSpecWhereOurOldReaderDidNot() throws {
        // A comment inside a plain value over several lines makes the file invalid; it was dropped.
        #expect(throws: YAMLSyntaxError.self) { try YAMLParser.parse(Array("a: first line\n  # a comment\n  second line\n".utf8)) }
        // An empty block whose only line holds spaces is empty; it read as the spaces.
        #expect(try Self.read("a: |\n   \nb: 1\n") == #"1:{1:"a": 1:"", 3:"b": 3:"1"}"#)
        #expect(try Self.read("a: >\n   \nb: 1\n") == #"1:{1:"a": 1:"", 3:"b": 3:"1"}"#)
        // A first blank line with more spaces than the text is an error; its spaces were kept.
        #expect(throws: YAMLSyntaxError.self) { try YAMLParser.parse(Array("a: |\n     \n  text\n".utf8)) }
    }

    /// A 5 MB paragraph took the checks after parsing 30 s to refuse; it is refused here, by line.
    @Test func aValueLongerThanAnyScreenShowsIsRefusedWithItsLine() throws {
        let long = "a: 1\nb: " + String(repeating: "word ", count: 1_000_000) + "\n"
        #expect(throws: YAMLSyntaxError.self) { try YAMLParser.parse(Array(long.utf8)) }
        do {
            _ = try YAMLParser.parse(Array(long.utf8))
        } catch {
            #expect(error.line == 2 && error.message.contains("at most 10000"), "\(error)")
        }
        let fits = "a: " + String(repeating: "x", count: YAMLParser.maximumValueLength) + "\n"
        #expect(try YAMLParser.parse(Array(fits.utf8)) != nil)
    }

    @Test func nestingDeeperThanContentEverNeedsIsRefusedNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: YAMLSyntaxError.self) { try YAMLParser.parse(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 60) + "x" + String(repeating: "]", count: 60)
        #expect(try YAMLParser.parse(Array(fine.utf8)) != nil)
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let text: String
        let line: Int
        let message: String
        var testDescription: String { message }
    }

    static let refusals: [Refusal] = [
        Refusal(text: "a: [unclosed\nb: 2\n", line: 1, message: "opened here is never closed"),
        Refusal(text: "a: {unclosed: 1\nb: 2\n", line: 1, message: "opened here is never closed"),
        Refusal(text: "a: \"unclosed\nb: 2\n", line: 1, message: "opened here is never closed"),
        Refusal(text: "a: 'unclosed\n", line: 1, message: "opened here is never closed"),
        Refusal(text: "a: 1\nb: Ketamine: a drug\n", line: 2, message: "double quotes"),
        Refusal(text: "a: 1\n  b: 2\n", line: 2, message: "': '"),
        Refusal(text: "a:\n  b: 1\n   c: 2\n", line: 3, message: "': '"),
        Refusal(text: "a:\n  b:\n    c: 1\n   d: 2\n", line: 4, message: "indented more or less"),
        Refusal(text: "a:\n\t- x\n", line: 2, message: "a tab: indent with spaces"),
        Refusal(text: "a: &anchor 1\n", line: 1, message: "anchors"),
        Refusal(text: "a: 1\nb: *anchor\n", line: 2, message: "aliases"),
        Refusal(text: "a: !tag 1\n", line: 1, message: "tags"),
        Refusal(text: "? [complex]\n: key\n", line: 1, message: "a key must be plain text"),
        Refusal(text: "{[a]: 1}\n", line: 1, message: "a key must be plain text"),
        Refusal(text: "%YAML 1.2\n---\na: 1\n", line: 1, message: "directives"),
        Refusal(text: "a: 1\n---\nb: 2\n", line: 2, message: "one YAML document"),
        Refusal(text: "a: \"bad \\q escape\"\n", line: 1, message: "unknown escape"),
        Refusal(text: "a: \"\\u12\"\n", line: 1, message: "hexadecimal"),
        Refusal(text: "a: - x\n", line: 1, message: "a list starts on the line after its key"),
        Refusal(text: "a: 1\n- x\n", line: 2, message: "indented more or less"),
        Refusal(text: "- x\nb: 1\n", line: 2, message: "does not continue as it began"),
        Refusal(text: "a: \"x\" y\n", line: 1, message: "text follows a closing quote"),
        Refusal(text: "a: [x] y\n", line: 1, message: "text follows a closing quote or bracket"),
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
