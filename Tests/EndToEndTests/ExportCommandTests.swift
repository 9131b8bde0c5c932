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
}
