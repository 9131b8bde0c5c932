import ContentModel
import Foundation
import Testing

/// Files are written without following planted links, and read without blocking on a FIFO or
/// swallowing a file far larger than any of its kind (issue 18, defects 1 and 7, and the limits).
@Suite struct FileSafetyTests {
    private let program: [UInt8] = [0xF1, 0x1E]

    /// A symlink planted at the name the temporary file used to have (`<path>.<pid>.tmp`),
    /// and at the file's own name, is never written through: the target keeps its bytes.
    @Test func aSnapshotNeverWritesThroughAPlantedLink() throws {
        let pack = try FixturePack()
        let victim = "\(pack.directory)/victim"
        try "precious".write(toFile: victim, atomically: true, encoding: .utf8)
        let path = "\(pack.directory)/\(PackSnapshot.fileName)"
        try FileManager.default.createSymbolicLink(atPath: "\(path).\(getpid()).tmp", withDestinationPath: victim)

        try PackSnapshot.save(directory: pack.directory, program: program)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
        #expect(type == .typeRegular, "the snapshot is a file of its own, not the planted link")
        #expect(PackSnapshot.load(directory: pack.directory, program: program) != nil)
        defer { _ = pack.issues() }   // removes the folder

        // A link at the snapshot's own name is replaced, not followed.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        try PackSnapshot.save(directory: pack.directory, program: program)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType == .typeRegular)
    }

    @Test func aReplacedFileIsReadableByOthersAndNoTemporaryFileIsLeft() throws {
        let pack = try FixturePack()
        defer { _ = pack.issues() }   // removes the folder
        let path = "\(pack.directory)/beat"
        #expect(FileBytes.replace(path, with: Array("one".utf8)) == nil)
        #expect(FileBytes.replace(path, with: Array("two".utf8)) == nil)
        #expect(try FileBytes.read(path, limit: 10) == Array("two".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o644)
        let left = try FileManager.default.contentsOfDirectory(atPath: pack.directory).filter { $0.hasPrefix("beat.") }
        #expect(left.isEmpty, "\(left)")
        #expect(FileBytes.replace("\(pack.directory)/no-such-folder/beat", with: [1])?.contains("No such file") == true)
    }

    /// A FIFO where a pack file or the snapshot belongs is refused at once, not waited on: no
    /// writer ever comes, so reading it as before would block this test for good.
    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        let pack = try FixturePack()
        let topics = "\(pack.directory)/topics.yaml"
        try FileManager.default.removeItem(atPath: topics)
        #expect(mkfifo(topics, 0o644) == 0)
        #expect(mkfifo("\(pack.directory)/\(PackSnapshot.fileName)", 0o644) == 0)
        #expect(PackSnapshot.load(directory: pack.directory, program: program) == nil)
        let errors = pack.issues()
        #expect(errors.contains { $0.file == topics && $0.message.contains("not a regular file") }, "\(errors)")
    }

    @Test func aFIFOAsTheKioskConfigOrClinicFileIsRefused() throws {
        let pack = try FixturePack()
        defer { _ = pack.issues() }   // removes the folder
        let fifo = "\(pack.directory)/kiosk.yaml"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: ContentErrors.self) { try KioskConfig.load(path: fifo) { _ in nil } }
        do {
            _ = try KioskConfig.load(path: fifo) { _ in nil }
        } catch {
            #expect(error.issues.first?.message.contains("not a regular file") == true, "\(error.issues)")
        }
        #expect(throws: ContentErrors.self) { try ClinicInfo.load(path: fifo) }
    }

    @Test func aFileLargerThanItsKindAllowsIsRefusedUnread() throws {
        let pack = try FixturePack()
        let topics = "\(pack.directory)/topics.yaml"
        let handle = try #require(FileHandle(forWritingAtPath: topics))
        try handle.truncate(atOffset: UInt64(FileBytes.contentLimit + 1))
        try handle.close()
        #expect(throws: FileBytes.ReadError.tooLarge(limit: 4)) { try FileBytes.read(topics, limit: 4) }
        let errors = pack.issues()
        #expect(errors.contains { $0.file == topics && $0.message.contains("larger than 1024 KiB") }, "\(errors)")
    }
}
