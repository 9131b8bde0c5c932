/// Keeps control characters away from the terminal. Content is validated at load time, but
/// anything can arrive from a search line or a future content source, so every string is
/// cleaned again on its way to the screen: C0 and C1 controls, DEL and the bidirectional
/// override characters become U+FFFD, which is visible and harmless.
public enum Sanitizer {
    private static let replacementScalar: Unicode.Scalar = "\u{FFFD}"

    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// Returns `text` with every forbidden scalar replaced. Newlines are replaced too: callers
    /// that honour line breaks split on them first.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isForbidden(scalar) ? replacementScalar : scalar)
        }
        return String(result)
    }
}
