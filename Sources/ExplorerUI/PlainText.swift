import ContentModel
import TermRender

/// Panels as plain lines of text, for `ketamine-explorer show`, pipes, printing and screen
/// readers: no colour, no cursor movement, tables as stacked rows.
public enum PlainText {
    /// `text` ended as a sentence: a full stop after it, unless it already ends in one, a
    /// question mark or an exclamation mark ("What is chronic pain?", not "pain?.").
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".?!".contains(last) else { return text }
        return text + "."
    }

    /// Lines wider than `width` (prompts, messages) word-wrapped to it; the rest as they are
    /// (content is wrapped already, and keeps its indents). With `lexicon`, words a screen
    /// reader misreads are first written as its `plain:` says ("9-1-1").
    static func fitted(_ lines: [String], width: Int, lexicon: SpeechLexicon? = nil) -> [String] {
        lines.map { lexicon?.forScreenReaders($0) ?? $0 }.flatMap { line in
            DisplayWidth.of(line) <= width ? [line]
                : TextWrapper.wrap([Span(line, .plain)], width: width).map { $0.map(\.text).joined() }
        }
    }

    /// - Parameter pictures: draw the mechanism's pictures (for print); false gives only their
    ///   captions, the text alternative a screen reader needs.
    public static func lines(topic index: Int, pack: ContentPack, width: Int = 80, glyphs: Glyphs = .unicode,
                             pictures: Bool = true) -> [String] {
        lines(topic: pack.topics[index], pack: pack, width: width, glyphs: glyphs, pictures: pictures)
    }

    /// The same for a topic that is not whole (a guided step's sections of one).
    static func lines(topic: Topic, pack: ContentPack, width: Int, glyphs: Glyphs, pictures: Bool) -> [String] {
        var builder = DocumentBuilder(pack: pack, width: width, glyphs: glyphs, tableStyle: .stacked,
                                      diagramStyle: pictures ? .stills : .captions)
        var result = [topic.title, String(repeating: "=", count: min(width, DisplayWidth.of(topic.title)))]
        result += builder.build(topic).map { line in
            var text = line.plainText
            while text.last == " " { text.removeLast() }
            return text
        }
        return result
    }

    /// The closing lines every printout carries.
    public static func footer(pack: ContentPack) -> [String] {
        ["", pack.info.disclaimer]
    }
}
