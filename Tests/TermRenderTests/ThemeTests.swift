import TermRender
import Testing

@Suite struct ThemeTests {
    /// The background a role's text is seen on: its own, or the theme's plain background.
    private func contrast(_ theme: Theme, _ role: Role) -> Double? {
        let style = theme.style(for: role)
        let base = theme.style(for: .plain).background
        let background = style.background == .terminalDefault ? base : style.background
        var (text, behind) = (style.foreground, background)
        if style.reverse { swap(&text, &behind) }
        return Color.contrast(text, behind)
    }

    @Test(arguments: Role.allCases)
    func highContrastReachesSevenToOneForEveryRole(_ role: Role) throws {
        let ratio = try #require(contrast(.highContrast, role), "\(role) has both colours set")
        #expect(ratio >= 7, "\(role): \(ratio):1")
    }

    @Test func contrastIsComputedAsWCAGDoes() throws {
        #expect(try #require(Color.contrast(.xterm(231), .xterm(16))) > 20.9)   // white on black: 21:1
        #expect(try #require(Color.contrast(.xterm(16), .xterm(16))) == 1)
        let gray = try #require(Color.contrast(.xterm(244), .xterm(231)))       // #808080 on white: about 3.9:1
        #expect(gray > 3.8 && gray < 4.0)
    }

    @Test func monochromeHasNoColourAndTheDefaultKeepsTheTerminalsBackground() {
        #expect(!Theme.monochrome.usesColor)
        #expect(Role.allCases.allSatisfy { Theme.monochrome.style(for: $0).foreground == .terminalDefault })
        #expect(Theme.standard.style(for: .plain).background == .terminalDefault)
        #expect(Theme.named("high-contrast") != nil && Theme.named("neon") == nil)
    }

    @Test func paletteColoursFallBackToTheNearestOfTheEightBasicOnes() {
        #expect(Color.xterm(226).cursesNumber(colors: 8) == Color.yellow.cursesNumber(colors: 8))
        #expect(Color.xterm(16).cursesNumber(colors: 8) == 0)
        #expect(Color.xterm(231).cursesNumber(colors: 8) == 7)
        #expect(Color.xterm(226).cursesNumber(colors: 256) == 226)
        #expect(Color.terminalDefault.cursesNumber(colors: 256) == -1)
    }

    @Test func focusLinksWarningsAndMatchesDifferWithoutColour() {
        // With colour taken away, each state still looks different from plain text.
        for role in [Role.linkFocused, .link, .warning, .match, .listSelected, .heading] {
            #expect(Theme.monochrome.style(for: role) != Theme.monochrome.style(for: .plain), "\(role)")
        }
    }
}

@Suite struct ASCIIFallbackTests {
    @Test func everyCharacterBecomesASCIIOfTheSameWidth() {
        for text in ["↑↓ move", "│ Überblick ─┐", "naïve café", "Schmerz 神経 ●○", "Picture 1 of 6 · playing"] {
            let ascii = text.map(ASCIIFallback.text(for:)).joined()
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii)")
            #expect(DisplayWidth.of(ascii) == DisplayWidth.of(text), "\(text) -> \(ascii)")
        }
        #expect("↑↓ ←→ ⌫".map(ASCIIFallback.text(for:)).joined() == "^v <> <")
        #expect("é".map(ASCIIFallback.text(for:)).joined() == "e")
    }

    /// Spanish stays readable in ASCII: accents dropped, the opening marks dropped from plain
    /// lines and blank on the screen (where every column must stay where it was).
    @Test func spanishKeepsReadableInASCII() {
        #expect("¿Qué es el dolor crónico? ¡Pida ayuda!".map(ASCIIFallback.text(for:)).joined()
                == " Que es el dolor cronico?  Pida ayuda!")
        #expect(ASCIIFallback.line("¿Qué es el dolor crónico? ¡Pida ayuda, niño!") == "Que es el dolor cronico? Pida ayuda, nino!")
    }
}
