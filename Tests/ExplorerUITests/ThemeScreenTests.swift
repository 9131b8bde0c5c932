import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Testing

/// Golden screens of each theme: the same screen, with how every run of cells looks.
@Suite struct ThemeScreenTests {
    let pack: ContentPack
    let documents: PanelDocuments

    init() throws {
        pack = try Snapshot.loadPack()
        documents = PanelDocuments(pack: pack, glyphs: .unicode)
    }

    /// Each row as its text, then each run of one style: columns, and the style in words.
    private func styled(_ buffer: Buffer, _ theme: Theme) -> [String] {
        var lines: [String] = []
        for (y, text) in buffer.textLines().enumerated() {
            lines.append(text)
            var runs: [String] = []
            var start = 0
            for x in 0...buffer.size.width {
                let ends = x == buffer.size.width || buffer[x, y].role != buffer[start, y].role
                guard ends else { continue }
                let style = theme.style(for: buffer[start, y].role)
                if style != CellStyle() { runs.append("\(start)-\(x - 1) \(describe(style))") }
                start = x
            }
            if !runs.isEmpty { lines.append("    " + runs.joined(separator: "; ")) }
        }
        return lines
    }

    private func describe(_ style: CellStyle) -> String {
        var words: [String] = []
        if style.foreground != .terminalDefault { words.append("fg \(style.foreground)") }
        if style.background != .terminalDefault { words.append("bg \(style.background)") }
        if style.bold { words.append("bold") }
        if style.underline { words.append("underline") }
        if style.reverse { words.append("reverse") }
        if style.dim { words.append("dim") }
        return words.joined(separator: " ")
    }

    /// The default theme on each background it can be told; the others paint their own.
    @Test(arguments: [("default", Background.unknown), ("default", .dark), ("default", .light),
                      ("high-contrast", .unknown), ("monochrome", .unknown)])
    func eachTheme(_ name: String, _ background: Background) throws {
        let theme = try #require(Theme.named(name)).on(background)
        var state = AppState(panelCount: pack.topics.count, size: Size(width: 80, height: 24))
        for key in [Key.enter, .tab] { _ = documents.update(&state, .key(key)) }   // reading, a link focused
        let lines = styled(ExplorerView.render(state, documents: documents), theme)
        try Snapshot.assert(lines, named: name == "default" ? "theme-default-\(background)-80x24" : "theme-\(name)-80x24")
        if name == "monochrome" { #expect(!lines.joined().contains("fg ") && !lines.joined().contains("bg ")) }
    }
}
