import TermRender
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("plain", 5), ("ñandú", 5), ("e\u{301}", 1), ("日本語", 6), ("Ärzte", 5),
        ("😀", 2), ("❤\u{FE0F}", 2), ("≤ ≥ ±", 5), ("", 0),
    ])
    func countsColumnsLikeATerminal(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }
}

@Suite struct SanitizerTests {
    @Test func replacesEveryControlCharacter() {
        let cleaned = Sanitizer.clean("a\u{1B}[31mb\u{07}c\u{9B}d\u{202E}e\tf")
        #expect(!cleaned.unicodeScalars.contains { Sanitizer.isForbidden($0) })
        #expect(cleaned == "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
    }

    @Test func leavesOrdinaryTextAlone() {
        #expect(Sanitizer.clean("Dolor crónico — 日本") == "Dolor crónico — 日本")
    }
}
