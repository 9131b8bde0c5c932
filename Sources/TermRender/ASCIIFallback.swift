/// What a terminal without UTF-8 is shown instead of each non-ASCII character: something of
/// the same width, so every border and column stays where it was.
public enum ASCIIFallback {
    /// The ASCII text for one cell's character: one character per column it takes.
    public static func text(for character: Character) -> String {
        if character.isASCII { return String(character) }
        if let replacement = table[character] { return String(replacement) }
        if let base = latin[character] { return String(base) }
        return String(repeating: "?", count: max(1, DisplayWidth.of(character)))
    }

    private static let table: [Character: Character] = [
        "↑": "^", "↓": "v", "←": "<", "→": ">", "▸": ">", "▶": ">", "◀": "<", "▲": "^", "▼": "v",
        "⌫": "<", "•": "*", "●": "*", "○": "o", "◆": "#", "■": "#", "□": "-", "·": "-", "…": ".",
        "─": "-", "═": "=", "│": "|", "║": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+",
        "┬": "+", "┴": "+", "┼": "+", "╔": "+", "╗": "+", "╚": "+", "╝": "+", "‘": "'", "’": "'", "“": "\"",
        "”": "\"", "–": "-", "—": "-", "×": "x", "≥": ">", "≤": "<", "°": "o", "µ": "u",
        // Spanish opening marks: a blank keeps the column ("¿Qué?" reads " Que?"), where a
        // question mark would open the sentence with one. Plain lines drop them (`line`).
        "¿": " ", "¡": " ",
    ]

    /// A whole line of plain output in ASCII: as `text(for:)`, but with no columns to keep,
    /// Spanish opening marks are dropped ("¿Qué?" reads "Que?").
    public static func line(_ text: String) -> String {
        text.filter { $0 != "¿" && $0 != "¡" }.map(Self.text(for:)).joined()
    }

    /// Latin letters with accents, to the letter without.
    private static let latin: [Character: Character] = {
        var table: [Character: Character] = [:]
        let groups: [(Character, String)] = [
            ("A", "ÀÁÂÃÄÅĀĂĄ"), ("a", "àáâãäåāăą"), ("C", "ÇĆČ"), ("c", "çćč"), ("E", "ÈÉÊËĒĖĘĚ"), ("e", "èéêëēėęě"),
            ("I", "ÌÍÎÏĪĮ"), ("i", "ìíîïīį"), ("N", "ÑŃŇ"), ("n", "ñńň"), ("O", "ÒÓÔÕÖØŌ"), ("o", "òóôõöøō"),
            ("U", "ÙÚÛÜŪŮŲ"), ("u", "ùúûüūůų"), ("Y", "ÝŸ"), ("y", "ýÿ"), ("S", "ŚŠ"), ("s", "śšß"), ("Z", "ŹŻŽ"),
            ("z", "źżž"), ("L", "Ł"), ("l", "ł"), ("D", "Ď"), ("d", "ď"), ("R", "Ř"), ("r", "ř"), ("T", "Ť"), ("t", "ť"),
        ]
        for (base, accented) in groups { for character in accented { table[character] = base } }
        return table
    }()
}
