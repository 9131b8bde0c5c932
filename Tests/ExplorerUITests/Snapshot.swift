import ContentModel
import Foundation
import TermRender
import Testing

/// Copies the pack folder `source` to `target`, each file's contents: the fixtures' `ui.yaml`
/// is a relative link to the shipped English one, which a copied link would no longer reach.
func copyPack(_ source: String, to target: String) throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
    for name in try manager.contentsOfDirectory(atPath: source) {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(source)/\(name)").resolvingSymlinksInPath())
        try data.write(to: URL(fileURLWithPath: "\(target)/\(name)"))
    }
}

/// Golden screen files under `Tests/ExplorerUITests/Snapshots/`. Run the tests with
/// `SNAPSHOT_UPDATE=1` to write them anew after an intended change, then read the diff.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    /// The pack the layout goldens draw: a small fixture with every kind of block and screen,
    /// so an edit of the shipped content never breaks a layout test (the shipped pack has its
    /// own content tests in ContentModelTests).
    static let packDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/layout").path
    /// The same fixture with the Spanish program texts (`es/ui.yaml`): the Spanish goldens,
    /// which show that the longer Spanish words fit every screen.
    static let spanishPackDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/layout-es").path
    /// The layout fixture, read once for every test that only reads it.
    static func loadPack() throws -> ContentPack { try packRead.get() }
    private static let packRead = Result { try ContentPack.load(from: packDirectory) }

    /// The shipped pack, for the few checks that must hold for it too.
    static let shippedPackDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Assets/content/en").path

    /// A golden screen: its text, and every cell of it legible in every theme on every
    /// terminal `PaintedTerminal` models.
    static func assert(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        PaintedTerminal.expectLegible(buffer, named: name, sourceLocation: sourceLocation)
        try assert(buffer.textLines(), named: name, sourceLocation: sourceLocation)
    }

    static func assert(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = lines.joined(separator: "\n") + "\n"
        let file = directory.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["SNAPSHOT_UPDATE"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No golden file \(name).txt; run with SNAPSHOT_UPDATE=1 to create it.", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "(end)"
            let got = first < actualLines.count ? String(actualLines[first]) : "(end)"
            Issue.record("""
                Screen differs from \(name).txt at line \(first + 1):
                  expected: \(want)
                  actual:   \(got)
                Run with SNAPSHOT_UPDATE=1 if the change is intended.
                """, sourceLocation: sourceLocation)
        }
    }
}
