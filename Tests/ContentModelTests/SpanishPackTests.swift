import ContentModel
import Foundation
import Testing

/// The shipped Spanish pack: it passes lint (schema, sources, banned phrases in both
/// languages, Fernández-Huerta readability screen by screen) and has English's structure;
/// and a translation that strays from English's structure is refused, naming file and line.
@Suite struct SpanishPackTests {
    @Test func passesLintWithEnglishBesideIt() throws {
        let report = ContentPack.lint(from: RepositoryPath.shippedSpanish, today: nil)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let pack = try #require(report.pack)
        #expect(pack.info.language == "es")
        #expect(!report.grades.isEmpty && report.grades.allSatisfy { !$0.isTooHard })
        #expect(pack.ui[.appName] == "Explorador del tratamiento con ketamina")
    }

    @Test func everyPanelAndEntryIsEnglishsInTheSameOrder() throws {
        let spanish = try ContentPack.load(from: RepositoryPath.shippedSpanish)
        let english = try ContentPack.load(from: RepositoryPath.shippedPack)
        #expect(spanish.topics.map(\.id) == english.topics.map(\.id))
        #expect(spanish.sources.map(\.id) == english.sources.map(\.id))
        #expect(spanish.glossary.map(\.sources) == english.glossary.map(\.sources))
        #expect(spanish.tours?.guided?.steps.count == english.tours?.guided?.steps.count)
        #expect(spanish.info.safetyLine.contains("911") && spanish.info.safetyLine.contains("988"))
    }

    /// Copies of both shipped packs side by side, the Spanish one edited.
    private func translation(_ file: String, replacing old: String, with new: String) throws -> (root: String, issues: [ContentIssue]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kx-parity-\(UUID().uuidString)").path
        try copyPack(RepositoryPath.shippedPack, to: "\(root)/en")
        try copyPack(RepositoryPath.shippedSpanish, to: "\(root)/es")
        let path = "\(root)/es/\(file)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "the edit must apply to \(file)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return (root, ContentPack.lint(from: "\(root)/es", today: nil).errors)
    }

    @Test(arguments: [
        // A block citing other sources than English's.
        ("topics.yaml", "sources: [iasp-icd11-2015, cdc-mmwr-2023, yong-2022, nchs-2020]",
         "sources: [iasp-icd11-2015, cdc-mmwr-2023, yong-2022]", "English cites [iasp-icd11-2015, cdc-mmwr-2023, yong-2022, nchs-2020] here"),
        // Another best answer than English's.
        ("tours.yaml", "best: 2", "best: 1", "English's best answer is choice 2"),
        // Evidence rated otherwise.
        ("evidence.yaml", "strength: moderate", "strength: weak", "English says 'moderate' here"),
    ])
    func aTranslationThatStraysFromEnglishIsRefused(_ file: String, _ old: String, _ new: String, _ message: String) throws {
        let (root, issues) = try translation(file, replacing: old, with: new)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let issue = try #require(issues.first { $0.message.contains(message) }, "\(issues)")
        #expect(issue.file.hasSuffix("es/\(file)") && issue.line > 0, "\(issue)")
    }

    /// Search ignores accents both ways: typed without them ("cronico", "dano") it finds
    /// what typed with them finds ("crónico", "daño"), and the other way round.
    @Test(arguments: [("cronico", "crónico"), ("dano", "daño"), ("higado", "hígado")])
    func searchFindsAcrossAccentsBothWays(_ plain: String, _ accented: String) throws {
        let index = SearchIndex(pack: try ContentPack.load(from: RepositoryPath.shippedSpanish))
        let withAccents = index.search(accented)
        #expect(!withAccents.isEmpty, "\(accented) is in the Spanish pack")
        #expect(index.search(plain).map(\.snippet) == withAccents.map(\.snippet))
        #expect(index.search(plain.uppercased()).map(\.snippet) == withAccents.map(\.snippet))
    }
}

