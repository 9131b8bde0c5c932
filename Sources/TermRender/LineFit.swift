/// One line of text (a title, a status) made to fit a width without cutting a word in two: a
/// reader who finds "Enter p" or "Explorador del tratami" at 40 columns has to guess. Whole
/// sentences where those fit ("7 found." of "7 found. ↑ ↓ to choose, Enter to open."),
/// otherwise whole parts before a " · " or the words that fit and an ellipsis, whichever
/// shows more; a single word too long for the width is cut, ellipsis and all.
public enum LineFit {
    public static func fitting(_ text: String, width: Int, ellipsis: String) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let characters = Array(text)
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        var used = 0
        var sentenceEnd: Int?   // characters up to the end of the last whole sentence that fits
        var partEnd: Int?       // up to the last whole part before a " · " that fits
        var wordEnd: Int?       // up to the last word that fits with the ellipsis
        for (index, character) in characters.enumerated() {
            used += DisplayWidth.of(character)
            if used > width { break }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if next == " " {
                if ".!?".contains(character) { sentenceEnd = index + 1 }
                if index + 2 < characters.count, "·|".contains(characters[index + 2]) { partEnd = index + 1 }
                if used + ellipsisWidth <= width { wordEnd = index + 1 }
            }
        }
        if let sentenceEnd { return String(characters[..<sentenceEnd]) }
        if let partEnd, partEnd >= wordEnd ?? 0 { return String(characters[..<partEnd]) }
        if var end = wordEnd {
            // "to choose,…" reads as a pause: the comma or colon before the cut goes.
            while end > 0, ",;:·-–—".contains(characters[end - 1]) || characters[end - 1] == " " { end -= 1 }
            if end > 0 { return String(characters[..<end]) + ellipsis }
        }
        // One long word: as much of it as fits beside the ellipsis.
        var cut = 0
        var cutWidth = 0
        while cut < characters.count, cutWidth + DisplayWidth.of(characters[cut]) + ellipsisWidth <= width {
            cutWidth += DisplayWidth.of(characters[cut])
            cut += 1
        }
        return cut == 0 ? String(ellipsis.prefix(max(0, width))) : String(characters[..<cut]) + ellipsis
    }
}
