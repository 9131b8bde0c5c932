import ContentModel
import ExplorerCore
import ExplorerUI
import Foundation
import TermRender
import Testing

/// Wide (CJK) and accented text keeps every box border and table column in place.
@Suite struct WideTextTests {
    @Test func boxesAroundWideAndAccentedTextStayAligned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kx-wide-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copyPack(Snapshot.packDirectory, to: folder)
        let path = "\(folder)/topics.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let wide = "痛みが続くときは医師に相談してください。Café, naïve, Schmerz: 疼痛 ist real. 통증이 계속되면 의사와 상담하세요."
        let edited = text.replacingOccurrences(
            of: "callout: \"Ask what the blocker may do for you.\"",
            with: "callout: \"\(wide)\"")
        #expect(edited != text, "the edit applies")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let pack = try ContentPack.load(from: folder)
        let panel = try #require(pack.topicIndex(of: "how-ketamine-works"))
        for width in [78, 52, 40] {
            let lines = PanelDocuments(pack: pack, glyphs: .unicode).lines(panel: panel, area: Size(width: width, height: 18))
            let box = lines.drop { !$0.plainText.contains("What you can do") }.prefix { !$0.plainText.hasPrefix("└") } + 
                lines.drop { !$0.plainText.hasPrefix("└") }.prefix(1)
            #expect(box.count >= 3, "the callout box is there at \(width)")
            #expect(box.allSatisfy { $0.displayWidth == width }, "every box line is \(width) columns: \(box.map(\.displayWidth))")
            let rightEdges = box.map { $0.plainText.last }
            #expect(rightEdges.allSatisfy { $0 == "┐" || $0 == "│" || $0 == "┘" })
        }
    }
}
