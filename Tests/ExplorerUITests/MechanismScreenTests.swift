import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Testing

/// The animated mechanism picture on the "How ketamine works" panel: a golden screen of
/// every picture at 80x24 and 120x40, its scaling, and the stills for reduced motion.
@Suite struct MechanismScreenTests {
    let pack: ContentPack
    let panel: Int

    init() throws {
        pack = try Snapshot.loadPack()
        panel = try #require(pack.topics.firstIndex { $0.blocks.contains { $0.kind == .include(.mechanism) } })
    }

    /// The animated picture of the mechanism panel, as the reading layout at `size` places it.
    private func diagram(_ documents: PanelDocuments, size: Size) -> DiagramInfo? {
        var state = AppState(panelCount: pack.topics.count, size: size)
        _ = documents.update(&state, .action(.jump(panel)))
        return state.layout?.diagram
    }

    /// The panel open, scrolled so the picture shows whole.
    private func watching(_ size: Size, documents: PanelDocuments) throws -> AppState {
        var state = AppState(panelCount: pack.topics.count, size: size)
        _ = documents.update(&state, .key(.character(Character(String(panel + 1)))))
        let lines = try #require(state.layout?.diagram).lines
        // Line by line, as ↓ reads on, until it shows whole (with the line above it, where the
        // page has room for both).
        while state.scroll < lines.lowerBound && state.diagram?.onScreen != true {
            let before = state.scroll
            _ = documents.update(&state, .key(.down))
            try #require(state.scroll > before)
        }
        try #require(state.diagram?.onScreen == true, "scroll \(state.scroll), picture on \(lines)")
        return state
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func everyPictureWithItsCaption(size: Size) throws {
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        let mechanism = try #require(pack.mechanism)
        var state = try watching(size, documents: documents)
        for (index, frame) in mechanism.frames.enumerated() {
            let shown = ExplorerView.render(state, documents: documents)
            let lines = shown.textLines()
            try Snapshot.assert(shown, named: "mechanism-\(size)-frame-\(index + 1)")
            let text = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(text.contains(frame.caption), "picture \(index + 1) shows its caption")
            #expect(text.contains("Picture \(index + 1) of \(mechanism.frames.count)"))
            _ = documents.update(&state, .key(.right))
        }
    }

    @Test func theDrawingKeepsItsShapeAt80x24AndGrowsOnABiggerScreen() throws {
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        let mechanism = try #require(pack.mechanism)
        let small = try #require(diagram(documents, size: Size(width: 80, height: 24))).lines.count
        let large = try #require(diagram(documents, size: Size(width: 120, height: 40))).lines.count
        let height = mechanism.pictureSize.height
        #expect(small == height + 2 + 1, "the picture as drawn, a two-line caption and the status line")
        #expect(large > small + height / 2, "drawn about twice as tall at 120x40")
        // Every row of the drawing keeps its box characters, in order, at both sizes.
        let frame = mechanism.frames[0]
        let scaled = BoxArt.scale(frame.picture, by: 2)
        let lines = { (rows: [String]) in rows.map { String($0.filter(BoxArt.isLine)) }.filter { !$0.isEmpty } }
        for row in lines(frame.picture) {
            let squeezed = { (text: String) in String(text.reduce(into: "") { if $0.last != $1 || !"─═".contains($1) { $0.append($1) } }) }
            #expect(lines(scaled).map(squeezed).contains(squeezed(row)))
        }
    }

    @Test func reducedMotionShowsEveryPictureAsAStillWithItsCaption() throws {
        let documents = PanelDocuments(pack: pack, glyphs: .unicode, motion: false)
        let mechanism = try #require(pack.mechanism)
        #expect(diagram(documents, size: Size(width: 80, height: 24)) == nil)
        let text = documents.lines(panel: panel, area: Size(width: 78, height: 18)).map(\.plainText).joined(separator: " ")
        let words = text.split(separator: " ").joined(separator: " ")
        for (index, frame) in mechanism.frames.enumerated() {
            #expect(words.contains("Picture \(index + 1) of \(mechanism.frames.count)"))
            #expect(words.contains(frame.caption))
        }
        var state = AppState(panelCount: pack.topics.count, size: Size(width: 80, height: 24))
        _ = documents.update(&state, .key(.character(Character(String(panel + 1)))))
        #expect(state.diagram == nil, "nothing plays")
        #expect(BrowseKeys.active(for: state).action(for: .character(" ")) == .pageDown)
    }

    @Test func plainTextShowsStillsAndASCIITerminalsGetAnASCIIPicture() throws {
        let plain = PlainText.lines(topic: panel, pack: pack, width: 80).joined(separator: "\n")
        #expect(plain.contains("Picture 1 of"))
        #expect(plain.contains("┌"))
        let ascii = PlainText.lines(topic: panel, pack: pack, width: 80, glyphs: .ascii)
        let picture = ascii.drop { !$0.hasPrefix("Picture 1 of") }.dropFirst().prefix(pack.mechanism?.pictureSize.height ?? 0)
        #expect(!picture.isEmpty)
        #expect(picture.allSatisfy { line in line.unicodeScalars.allSatisfy(\.isASCII) })
    }
}
