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
