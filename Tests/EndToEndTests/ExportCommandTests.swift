import ContentModel
import Foundation
import Testing

/// `ketamine-explorer export`, run as a real program with pipes.
@Suite struct ExportCommandTests {
    let pack: ContentPack

    init() throws {
        pack = try ContentPack.load(from: Paths.pack)
    }

    @Test func markdownOfOneTopic() async throws {
        let topic = try #require(pack.topicIndex(of: "how-ketamine-works").map { pack.topics[$0] })
        let result = try await runCommand(["export", "--format", "markdown", "--content", Paths.pack, topic.id])
        #expect(result.status == 0, "stderr: \(result.error)")
        #expect(result.output.hasPrefix("# \(pack.info.title)\n"))
        #expect(result.output.contains("## <a id=\"\(topic.id)\"></a>\(topic.title)\n"))
        #expect(result.output.contains(messageStart(topic)))
        for other in pack.topics where other.id != topic.id {
            #expect(!result.output.contains("<a id=\"\(other.id)\">"), "\(other.id) was exported too")
        }
        #expect(result.error.isEmpty)
    }

    @Test func htmlToAFileNeverOverwritesIt() async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/panels.html"
        let first = try await runCommand(["export", "--format", "html", "--output", path, "--content", Paths.pack])
        #expect(first.status == 0, "stderr: \(first.error)")
        #expect(first.output.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(written.hasSuffix("</html>\n"))
        for topic in pack.topics { #expect(written.contains("<section id=\"\(topic.id)\">")) }

        let second = try await runCommand(["export", "--format", "text", "--output", path, "--content", Paths.pack])
        #expect(second.status == 2)
        #expect(second.error.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
    }

    @Test func textIsWhatShowPrints() async throws {
        let export = try await runCommand(["export", "--format", "text", "--content", Paths.pack, "causes", "overview"])
        let show = try await runCommand(["show", "--content", Paths.pack, "causes", "overview"])
        #expect(export.status == 0)
        #expect(export.output == show.output)
    }

    @Test func anUnknownFormatIsAUsageError() async throws {
        let result = try await runCommand(["export", "--format", "pdf", "--content", Paths.pack])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("markdown"))
    }

    @Test func anUnknownIdIsAUsageErrorNamingTheKnownOnes() async throws {
        let result = try await runCommand(["export", "--format", "html", "--content", Paths.pack, "no-such-topic"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("no-such-topic"))
        #expect(result.error.contains(pack.topics[0].id))
    }

    @Test func anInvalidPackExitsOne() async throws {
        let copy = try EditedPack("pack.yaml", replacing: "title:", with: "titel:")
        let result = try await runCommand(["export", "--format", "markdown", "--content", copy.path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
    }

    /// `export --format wav`: a panel spoken by the speech helper (espeak-ng) in each language, as a WAV file with
    /// right sizes in its header, not silent, and about as long as its words take to say
    /// (150 a minute; between half and twice that). It needs --output, and never overwrites.
    @Test(arguments: ["en", "es"])
    func wavSpeaksThePanelInItsLanguage(_ language: String) async throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = "\(Paths.root)/Assets/content", path = "\(directory)/causes.wav"
        let saved = try await runCommand(["export", "--format", "wav", "--lang", language, "--content", content,
                                          "--output", path, "causes"])
        #expect(saved.status == 0, "\(saved.error)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        func number(_ offset: Int, _ size: Int) -> Int { (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        #expect(String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF" && String(decoding: bytes[8..<12], as: UTF8.self) == "WAVE")
        #expect(number(4, 4) == bytes.count - 8 && number(40, 4) == bytes.count - 44, "the header's sizes are the file's")
        #expect(number(22, 2) == 1 && number(34, 2) == 16, "16-bit mono")
        let rate = number(24, 4)
        let samples = (bytes.count - 44) / 2
        let loud = bytes.withUnsafeBytes { raw in
            (0..<samples).reduce(0) { count, index in
                count + (abs(Int(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 44 + 2 * index, as: Int16.self)))) > 1000 ? 1 : 0)
            }
        }
        #expect(loud > samples / 20, "not silent: \(loud) of \(samples) samples are loud")
        let spoken = try await runCommand(["show", "--speech", "--lang", language, "--content", content, "causes"])
        let words = Double(spoken.output.split(whereSeparator: \.isWhitespace).count)
        let seconds = Double(samples) / Double(rate), expected = words / 150 * 60
        #expect(seconds > expected / 2 && seconds < expected * 2, "\(seconds) s for \(words) words")

        let again = try await runCommand(["export", "--format", "wav", "--lang", language, "--content", content, "--output", path, "causes"])
        #expect(again.status == 2 && again.error.contains("already exists"))
        let toTerminal = try await runCommand(["export", "--format", "wav", "--content", content, "causes"])
        #expect(toTerminal.status == 2 && toTerminal.error.contains("--output FILE"))
    }
}

