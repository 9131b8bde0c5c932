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

/// A title or status too long for its line ends at a whole sentence, a whole part or a whole
/// word with an ellipsis, never in the middle of a word.
@Suite struct LineFitTests {
    @Test(arguments: [
        ("Fits as it is.", 20, "Fits as it is."),
        ("7 found. ↑ ↓ to choose, Enter to open.", 30, "7 found."),
        ("Choose one, then press Enter", 16, "Choose one…"),
        ("Explorador del tratamiento con ketamina · Un paquete", 39, "Explorador del tratamiento con ketamina"),
        ("Ketamine treatment explorer · Layout test pack", 39, "Ketamine treatment explorer · Layout…"),
        ("Supercalifragilistic", 6, "Super…"),
        ("日本語テキスト", 5, "日本…"),
        ("Anything", 0, ""),
    ])
    func endsAtAWholeSentencePartOrWord(_ text: String, _ width: Int, _ expected: String) {
        #expect(LineFit.fitting(text, width: width, ellipsis: "…") == expected)
    }

    @Test func neverWiderThanItsLine() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bb", "ccc ", "dolor ", "crónico, ", "日本 ", "· ", ". ", "😀", " "]
        var tooWide: [(String, Int)] = []
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 0...30, using: &generator)
            let fitted = LineFit.fitting(text, width: width, ellipsis: "…")
            if DisplayWidth.of(fitted) > width || (DisplayWidth.of(text) <= width && fitted != text) { tooWide.append((text, width)) }
        }
        #expect(tooWide.isEmpty, "\(tooWide.prefix(5))")
    }
}
