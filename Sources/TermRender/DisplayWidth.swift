/// Display width of text in terminal columns, the way terminals and glibc's wcwidth count
/// it: combining marks take no column, East Asian wide and fullwidth characters and emoji
/// take two, everything else one. Control characters take none; `Sanitizer` replaces them
/// before anything is drawn.
public enum DisplayWidth {
    /// Columns taken by one Unicode scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if value < 0x300 { return 1 }                       // fast path: Latin and friends
        // Fast path: dashes, quotes, bullets, arrows, box drawing, blocks and shapes (none of
        // them wide, zero-width or emoji by default); the Unicode property lookups below are slow.
        if (0x2010...0x2027).contains(value) || (0x2190...0x21FF).contains(value) || (0x2500...0x25FC).contains(value) {
            return 1
        }
        if isZeroWidth(scalar) { return 0 }
        if isWide(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns taken by one grapheme cluster (a user-perceived character).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return of(first) }
        var width = of(first)
        for scalar in scalars.dropFirst() {
            // VS16 asks for emoji presentation; a regional-indicator pair is a flag.
            if scalar.value == 0xFE0F || (0x1F1E6...0x1F1FF).contains(scalar.value) { width = 2 }
        }
        if width == 0 {
            width = scalars.dropFirst().map(of).max() ?? 0
        }
        return min(width, 2)
    }

    /// Columns taken by a string. String and Substring get their own entry points: called
    /// from other modules, the generic one runs unspecialised, and its first call made the
    /// runtime scan every protocol conformance in the binary for `allSatisfy`'s types.
    public static func of(_ text: String) -> Int { width(of: text) }

    /// Columns taken by a substring.
    public static func of(_ text: Substring) -> Int { width(of: text) }

    /// Columns taken by any other kind of string.
    public static func of(_ text: some StringProtocol) -> Int { width(of: text) }

    private static func width(of text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }   // ASCII fast path
        // Scalar by scalar while every scalar stands alone (no marks, joiners, selectors or
        // flags): splitting into grapheme clusters costs far more.
        var total = 0
        for scalar in text.unicodeScalars {
            let width = of(scalar)
            let value = scalar.value
            if width == 0 || value == 0xFE0F || (0x1F1E6...0x1F1FF).contains(value) || (0x1F3FB...0x1F3FF).contains(value) {
                return byCharacter(text)
            }
            total += width
        }
        return total
    }

    private static func byCharacter(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x200B || value == 0x200C || value == 0x200D || value == 0x2060 { return true }
        if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return true }
        if (0x1160...0x11FF).contains(value) { return true }   // Hangul medial vowels and finals
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E,
             0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
