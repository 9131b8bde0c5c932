import ContentModel
import Foundation
import Testing

/// The snapshot may make start-up faster, never different: it gives back exactly the pack
/// the YAML gives, and only while every pack file and the program are unchanged.
@Suite struct PackSnapshotTests {
    private let program: [UInt8] = [0xB1, 0x1D, 0x1D]

    /// A copy of `source` in a temporary folder, without any snapshot it had.
    private func copy(of source: String) throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("kx-snapshot-\(UUID().uuidString)").path
        try copyPack(source, to: target)
        try? FileManager.default.removeItem(atPath: "\(target)/\(PackSnapshot.fileName)")
        return target
    }

    @Test(arguments: [RepositoryPath.shippedPack, RepositoryPath.minimalFixture])
    func givesBackExactlyThePackTheYAMLGives(_ source: String) throws {
        let directory = try copy(of: source)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(PackSnapshot.load(directory: directory, program: program) == nil, "no snapshot yet")

        let size = try PackSnapshot.save(directory: directory, program: program)
        #expect(size == (try FileManager.default.attributesOfItem(atPath: "\(directory)/\(PackSnapshot.fileName)")[.size] as? Int))
        let fromYAML = try ContentPack.load(from: directory)
        let fromSnapshot = try #require(PackSnapshot.load(directory: directory, program: program))
        #expect(fromSnapshot == fromYAML)
        #expect(try ContentPack.load(from: directory, program: program) == fromYAML)
    }

    @Test func anEditedFileMakesItStaleAndTheYAMLIsReadAgain() throws {
        let pack = try FixturePack()
        try PackSnapshot.save(directory: pack.directory, program: program)
        try pack.edit("topics.yaml", replacing: "title: The first topic", with: "title: The changed topic")
        #expect(PackSnapshot.load(directory: pack.directory, program: program) == nil)
        let loaded = try ContentPack.load(from: pack.directory, program: program)
        #expect(loaded.topics[0].title == "The changed topic")
    }

    @Test func anEditThatBreaksThePackIsReportedNotHidden() throws {
        let pack = try FixturePack()
        try PackSnapshot.save(directory: pack.directory, program: program)
        try pack.edit("sources.yaml", replacing: "year: ", with: "year: not-a-year ")
        #expect(throws: ContentErrors.self) { try ContentPack.load(from: pack.directory, program: program) }
        let issues = pack.issues()
        #expect(issues.contains { $0.file.hasSuffix("sources.yaml") && $0.line > 0 })
    }

    @Test func anAddedOrRemovedFileMakesItStale() throws {
        let pack = try FixturePack()
        try PackSnapshot.save(directory: pack.directory, program: program)
        let mechanism = try Data(contentsOf: URL(fileURLWithPath: "\(pack.directory)/mechanism.yaml"))
        try pack.remove("mechanism.yaml")
        try pack.edit("topics.yaml", replacing: "include: mechanism", with: "include: symptoms")
        try PackSnapshot.save(directory: pack.directory, program: program)
        #expect(PackSnapshot.load(directory: pack.directory, program: program) != nil)
        try mechanism.write(to: URL(fileURLWithPath: "\(pack.directory)/mechanism.yaml"))
        #expect(PackSnapshot.load(directory: pack.directory, program: program) == nil)
    }

    @Test func aNewLintRuleTheContentBreaksIsCheckedNotSkipped() throws {
        let pack = try FixturePack()
        try PackSnapshot.save(directory: pack.directory, program: program)
        try pack.edit("lint.yaml", replacing: "banned_phrases: [cure, mg]", with: "banned_phrases: [cure, mg, ketamine]")
        #expect(PackSnapshot.load(directory: pack.directory, program: program) == nil)
        let error = #expect(throws: ContentErrors.self) { try ContentPack.load(from: pack.directory, program: program) }
        #expect(error?.issues.contains { $0.message.contains("'ketamine' is on the banned list") } == true, "\(String(describing: error))")
    }

    @Test func anotherBuildOrNoBuildIDNeverUsesIt() throws {
        let pack = try FixturePack()
        try PackSnapshot.save(directory: pack.directory, program: program)
        #expect(PackSnapshot.load(directory: pack.directory, program: program) != nil)
        #expect(PackSnapshot.load(directory: pack.directory, program: [0xB1, 0x1D, 0x1E]) == nil)
        #expect(PackSnapshot.load(directory: pack.directory, program: []) == nil)
    }

    @Test func aBrokenPackWritesNoSnapshot() throws {
        let pack = try FixturePack("topics.yaml", replacing: "level: core", with: "level: easy")
        #expect(throws: PackSnapshot.SaveError.self) { try PackSnapshot.save(directory: pack.directory, program: program) }
        #expect(!FileManager.default.fileExists(atPath: "\(pack.directory)/\(PackSnapshot.fileName)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: pack.directory).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// Every cut-short copy and every single changed byte is refused (the checksum), never
    /// read as some other pack and never a crash.
    @Test func aDamagedSnapshotIsIgnored() throws {
        let pack = try FixturePack()
        defer { try? FileManager.default.removeItem(atPath: pack.directory) }
        try PackSnapshot.save(directory: pack.directory, program: program)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(pack.directory)/\(PackSnapshot.fileName)")))
        let files = PackSnapshot.readFiles(pack.directory)
        #expect(PackSnapshot.decode(bytes, files: files, directory: pack.directory, program: program) != nil)
        for length in 0..<bytes.count {
            #expect(PackSnapshot.decode(Array(bytes[..<length]), files: files, directory: pack.directory, program: program) == nil)
        }
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x20
            #expect(PackSnapshot.decode(damaged, files: files, directory: pack.directory, program: program) == nil,
                    "byte \(index) changed")
        }
    }

    /// With a matching checksum (as if written by a faulty program), a body that does not
    /// parse is still refused, not trusted.
    @Test func aBodyThatDoesNotParseIsRefusedEvenWithAGoodChecksum() throws {
        let pack = try FixturePack()
        defer { try? FileManager.default.removeItem(atPath: pack.directory) }
        let files = PackSnapshot.readFiles(pack.directory)
        let good = PackSnapshot.encode(try ContentPack.load(from: pack.directory), files: files, program: program)
        #expect(PackSnapshot.decode(good, files: files, directory: pack.directory, program: program) != nil)
        let extended = PackSnapshot.sealed(Array(good.dropLast(8)) + [0])   // a byte past the pack's end
        #expect(PackSnapshot.decode(extended, files: files, directory: pack.directory, program: program) == nil)
    }
}

@Suite struct SnapshotEncodingTests {
    @Test(arguments: [0, 1, -1, 63, -64, 64, 1970, 2026, Int.max, Int.min])
    func numbersComeBackAsTheyWent(_ value: Int) throws {
        var writer = SnapshotWriter()
        writer.number(value)
        writer.count(300)
        var reader = SnapshotReader(bytes: writer.bytes, end: writer.bytes.count)
        #expect(try reader.number() == value)
        #expect(throws: SnapshotReader.Damaged.self) { try reader.count() }   // 300 is more than there is
    }
}
