import TermRender
import Testing

@Suite struct BufferTests {
    @Test func clipsAtTheLimitAndNeverSplitsAWideCharacter() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        let end = buffer.write("ab日本語", x: 0, y: 0, role: .plain)
        #expect(end == 6)
        #expect(buffer.textLines() == ["ab日本"])
        var narrow = Buffer(size: Size(width: 5, height: 1))
        narrow.write("ab日本", x: 0, y: 0, role: .plain)
        #expect(narrow.textLines() == ["ab日"])   // the last column is a space, not half a glyph
    }

    @Test func writesNothingOutsideTheBuffer() {
        var buffer = Buffer(size: Size(width: 3, height: 2))
        buffer.write("hello", x: 1, y: 5, role: .plain)
        buffer.write("hello", x: -2, y: 1, role: .plain)
        #expect(buffer.textLines() == ["", "llo"])
    }

    @Test func neverWritesAControlCharacter() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.write("a\u{1B}[2J", x: 0, y: 0, role: .plain)
        #expect(!buffer.cells.contains { $0.text.unicodeScalars.contains { Sanitizer.isForbidden($0) } })
    }

    @Test func plainTextStopsAtTheLimitAndDeleteIsStillCleaned() {
        var buffer = Buffer(size: Size(width: 10, height: 2))
        #expect(buffer.write("abcdef", x: 2, y: 0, limit: 5, role: .strong) == 5)
        #expect(buffer.textLines() == ["  abc", ""])
        #expect(buffer[2, 0].role == .strong && buffer[5, 0].role == .plain)
        buffer.write("a\u{7F}b", x: 0, y: 1, role: .plain)
        #expect(buffer[1, 1].text == "\u{FFFD}")
    }
}
