import ContentModel
import Foundation
import Testing

/// Paths inside this repository, found from this file's location.
enum RepositoryPath {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shippedPack = root.appendingPathComponent("Assets/content/en").path
    static let shippedSpanish = root.appendingPathComponent("Assets/content/es").path
    static let minimalFixture = root.appendingPathComponent("Tests/ContentModelTests/Fixtures/minimal").path

    /// The shipped English pack, read once for every test that only reads it (a debug build
    /// takes a fifth of a second a time, and a hundred tests read it).
    static func loadShippedPack() throws -> ContentPack { try shippedPackRead.get() }
    private static let shippedPackRead = Result { try ContentPack.load(from: shippedPack) }
}

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

/// A copy of the minimal fixture pack in a temporary folder, edited to break one rule.
struct FixturePack {
    let directory: String

    /// Copies the fixture, then replaces `old` with `new` in `file` (the edit must apply).
    init(_ file: String = "", replacing old: String = "", with new: String = "",
         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let manager = FileManager.default
        let target = manager.temporaryDirectory
            .appendingPathComponent("kx-fixture-\(UUID().uuidString)").path
        try copyPack(RepositoryPath.minimalFixture, to: target)
        directory = target
        if !file.isEmpty { try edit(file, replacing: old, with: new, sourceLocation: sourceLocation) }
    }

    func edit(_ file: String, replacing old: String, with new: String,
              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = "\(directory)/\(file)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "the fixture edit must apply to \(file)", sourceLocation: sourceLocation)
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func writeBytes(_ file: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: "\(directory)/\(file)"))
    }

    func remove(_ file: String) throws {
        try FileManager.default.removeItem(atPath: "\(directory)/\(file)")
    }

    /// The issues loading reports; empty when the pack loads.
    func issues() -> [ContentIssue] {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try ContentPack.load(from: directory)
            return []
        } catch {
            return error.issues
        }
    }
}
