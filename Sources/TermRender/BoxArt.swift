/// Pictures drawn with box characters: scaling them up for big screens, and an ASCII
/// version for terminals without Unicode.
///
/// Scaling stretches lines, not words: each box character moves to its scaled column and
/// the lines leaving it to the right (or down) are drawn on through the new cells; a word
/// keeps its letters together and starts at the scaled column of its first letter, so
/// labels written one under another stay lined up. Boxes stay closed and labels readable
/// at any whole-number scale.
public enum BoxArt {
    /// How a box character connects to its neighbours.
    private struct Joins {
        var left = false, right = false, up = false, down = false
        var double = false
    }

    private static let joins: [Character: Joins] = {
        var table: [Character: Joins] = [:]
        func add(_ characters: String, left: Bool = false, right: Bool = false, up: Bool = false, down: Bool = false) {
            for (index, character) in characters.enumerated() {
                table[character] = Joins(left: left, right: right, up: up, down: down, double: index == 1)
            }
        }
        // Each string holds the light character, then the double one.
        add("─═", left: true, right: true)
        add("│║", up: true, down: true)
        add("┌╔", right: true, down: true)
        add("┐╗", left: true, down: true)
        add("└╚", right: true, up: true)
        add("┘╝", left: true, up: true)
        add("├╠", right: true, up: true, down: true)
        add("┤╣", left: true, up: true, down: true)
        add("┬╦", left: true, right: true, down: true)
        add("┴╩", left: true, right: true, up: true)
        add("┼╬", left: true, right: true, up: true, down: true)
        table["▼"] = Joins(up: true)
        table["▲"] = Joins(down: true)
        table["▶"] = Joins(left: true)
        table["◀"] = Joins(right: true)
        return table
    }()

    /// Whether `character` is part of a drawing's lines rather than of a word.
    public static func isLine(_ character: Character) -> Bool { joins[character] != nil }

    /// `lines` drawn `scale` times as wide and as tall (less the last line's extra height).
    public static func scale(_ lines: [String], by scale: Int) -> [String] {
        guard scale > 1 else { return lines }
        var result: [String] = []
        for (index, line) in lines.enumerated() {
            let row = scaleRow(line, by: scale)
            result.append(String(row).trimmingTrailingSpaces)
            guard index < lines.count - 1 else { break }
            // The lines going down carry on through the new rows.
            let between = String(row.map { character -> Character in
                guard let joins = joins[character], joins.down else { return " " }
                return joins.double ? "║" : "│"
            }).trimmingTrailingSpaces
            result += Array(repeating: between, count: scale - 1)
        }
        return result
    }

    /// One line stretched sideways: box characters to scaled columns, words centred.
    private static func scaleRow(_ line: String, by scale: Int) -> [Character] {
        var row: [Character] = []
        var words: [(column: Int, width: Int, text: [Character])] = []
        let characters = Array(line)
        var column = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let width = DisplayWidth.of(character)
            if character == " " {
                column += 1
                index += 1
                continue
            }
            if let joins = joins[character] {
                put(character, at: column * scale, in: &row)
                if joins.right {
                    for offset in 1..<scale { put(joins.double ? "═" : "─", at: column * scale + offset, in: &row) }
                }
                column += width
                index += 1
                continue
            }
            // A word runs on through single spaces, up to two spaces or a line.
            var text: [Character] = []
            let start = column
            while index < characters.count, !isLine(characters[index]) {
                let next = characters[index]
                if next == " " && (index + 1 >= characters.count || characters[index + 1] == " "
                                   || isLine(characters[index + 1])) { break }
                text.append(next)
                column += DisplayWidth.of(next)
                index += 1
            }
            words.append((start, column - start, text))
        }
        for word in words {
            var at = word.column * scale
            for character in word.text {
                put(character, at: at, in: &row)
                for extra in 1..<max(1, DisplayWidth.of(character)) { put("\u{0}", at: at + extra, in: &row) }
                at += DisplayWidth.of(character)
            }
        }
        return row.filter { $0 != "\u{0}" }
    }

    private static func put(_ character: Character, at column: Int, in row: inout [Character]) {
        if row.count <= column { row += Array(repeating: " ", count: column - row.count + 1) }
        row[column] = character
    }

    /// The picture with plain ASCII for every box character, arrow and dot, for terminals
    /// that cannot show Unicode.
    public static func ascii(_ line: String) -> String {
        line.map(ASCIIFallback.text(for:)).joined()
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...last])
    }
}
