import TermRender
import Testing

@Suite struct TextWrapperTests {
    private func wrap(_ text: String, _ width: Int, first: String = "", rest: String = "") -> [String] {
        TextWrapper.wrap([Span(text)], width: width,
                         firstIndent: first.isEmpty ? [] : [Span(first)],
                         restIndent: rest.isEmpty ? [] : [Span(rest)]).map(\.plainText)
    }

    @Test func breaksBetweenWordsWithinTheWidth() {
        let lines = wrap("Chronic pain lasts three months or more and it is real.", 16)
        #expect(lines == ["Chronic pain", "lasts three", "months or more", "and it is real."])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 })
    }

    @Test func breaksAWordLongerThanTheLine() {
        #expect(wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"])
    }

    @Test func honoursNewlinesAndFoldsSpaces() {
        #expect(wrap("one   two\nthree", 20) == ["one two", "three"])
    }

    @Test func hangsTheIndentUnderABullet() {
        #expect(wrap("alpha beta gamma delta", 12, first: "• ", rest: "  ") == ["• alpha beta", "  gamma", "  delta"])
    }

    @Test func countsWideCharactersByColumns() {
        let lines = wrap("日本語 日本語 日本語", 13)
        #expect(lines == ["日本語 日本語", "日本語"])
    }

    @Test func keepsRolesOfGluedWords() {
        let lines = TextWrapper.wrap([Span("bold", .strong), Span(", then plain")], width: 40)
        #expect(lines == [[Span("bold", .strong), Span(", then plain")]])
    }
}

/// The byte-based wrapper must wrap exactly as the Span-per-word one it replaced.
@Suite struct TextWrapperAgreementTests {
    /// A small fixed-seed generator, so a failure can be replayed.
    private struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    private static let pieces = ["pain", "a", "ketamine", "NMDA", "café", "naïve", "日本語", "👍🏽", "e\u{301}", "🇺🇸",
                                 "—", "“quoted”", "supercalifragilisticexpialidocious", " ", "  ", "\n", " \n ", "\n\n",
                                 "1,000", "x", "é", "ab\u{200D}cd", "──────"]
    private static let roles: [Role] = [.plain, .strong, .link, .heading]

    @Test func agreesWithTheReferenceOnGeneratedText() {
        var random = SplitMix(state: 2026)
        for _ in 0..<3000 {
            var spans: [Span] = []
            for _ in 0..<(1 + random.next(6)) {
                var text = ""
                for _ in 0..<random.next(8) { text += Self.pieces[random.next(Self.pieces.count)] }
                spans.append(Span(text, Self.roles[random.next(Self.roles.count)], tag: random.next(3) == 0 ? random.next(2) : nil))
            }
            let width = 1 + random.next(30)
            let first = random.next(3) == 0 ? [Span("• ", .strong)] : (random.next(2) == 0 ? [] : [Span("  ")])
            let rest = random.next(2) == 0 ? [] : [Span("  ")]
            let expected = ReferenceWrapper.wrap(spans, width: width, firstIndent: first, restIndent: rest)
            let actual = TextWrapper.wrap(spans, width: width, firstIndent: first, restIndent: rest)
            #expect(actual == expected, "width \(width), spans \(spans)")
            if actual != expected { return }
        }
    }
}
