import TermRender
import Testing

@Suite struct BoxArtTests {
    @Test func scaleOneLeavesThePictureAlone() {
        let picture = ["┌─┐  gate", "└─┘"]
        #expect(BoxArt.scale(picture, by: 1) == picture)
    }

    @Test func boxesStayClosedAndLinesRunOnWhenDoubled() {
        let scaled = BoxArt.scale(["┌─┐", "│ │", "└─┘"], by: 2)
        // Three columns and rows become five: the gaps between them double.
        #expect(scaled == [
            "┌───┐",
            "│   │",
            "│   │",
            "│   │",
            "└───┘",
        ])
    }

    @Test func doubleLinesStayDoubleAndArrowsKeepTheirStems() {
        let scaled = BoxArt.scale(["══╗", "  ║", "  ▼"], by: 2)
        #expect(scaled == ["════╗", "    ║", "    ║", "    ║", "    ▼"])
    }

    @Test func wordsKeepTheirLettersTogetherAndStayLinedUp() {
        let scaled = BoxArt.scale(["│  NMDA receptor  │", "│  (gate)         │"], by: 2)
        // Each word starts at twice its column; the box's right side moves from 18 to 36.
        #expect(scaled[0] == "│     NMDA receptor" + String(repeating: " ", count: 17) + "│")
        #expect(scaled[2] == "│     (gate)" + String(repeating: " ", count: 24) + "│")
        #expect(scaled[1] == "│" + String(repeating: " ", count: 35) + "│")
    }

    @Test func twoSpacesEndAWordSoSpreadOutDotsSpreadFurther() {
        #expect(BoxArt.scale(["●  ●"], by: 2) == ["●     ●"])
        #expect(BoxArt.scale(["● glutamate"], by: 2) == ["● glutamate"])
    }

    @Test func wideCharactersKeepTheirColumns() {
        let scaled = BoxArt.scale(["│  神経  │"], by: 2)
        #expect(DisplayWidth.of(scaled[0]) == 9 * 2 + 1)   // the right side was at column 9
        #expect(scaled[0].hasPrefix("│     神経"))
        #expect(scaled[0].hasSuffix("│"))
    }

    @Test func asciiReplacesEveryBoxCharacterArrowAndDot() {
        #expect(BoxArt.ascii("┌─┐ ║ ═ ▼ ▶ ● ○ ╝ Ca") == "+-+ | = v > * o + Ca")
        #expect(BoxArt.ascii("┼├┤┬┴") == "+++++")
    }
}
