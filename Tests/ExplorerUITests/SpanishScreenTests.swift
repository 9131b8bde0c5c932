import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Testing

/// Golden screens with the Spanish program texts: the header, footer, help, search, boxes,
/// the kiosk's countdown and staff prompt and the guided session's frame, at 80x24 and at
/// large print (40x12), with both languages offered. Spanish runs about a fifth longer than
/// English; each screen must still show its safety line and its essential keys whole.
@Suite struct SpanishScreenTests {
    let pack: ContentPack
    let documents: PanelDocuments

    init() throws {
        pack = try ContentPack.load(from: Snapshot.spanishPackDirectory)
        documents = PanelDocuments(pack: pack, glyphs: .unicode)
    }

    private func browse(_ size: Size, _ keys: [Key]) -> Buffer {
        var state = AppState(panelCount: pack.topics.count, size: size, offersLanguage: true)
        for key in keys { _ = documents.update(&state, .key(key)) }
        return ExplorerView.render(state, documents: documents)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12)])
    func browsingReadingHelpAndSearch(_ size: Size) throws {
        let name = "es-\(size.width)x\(size.height)"
        let list = browse(size, [])
        try Snapshot.assert(list, named: "\(name)-list")
        #expect(list.textLines().joined().contains(pack.ui[.hintLanguage]), "the footer offers English")
        try Snapshot.assert(browse(size, [.enter]), named: "\(name)-reading")
        try Snapshot.assert(browse(size, [.character("?")]), named: "\(name)-help")
        try Snapshot.assert(browse(size, [.character("/"), .character("d"), .character("o")]), named: "\(name)-search")
    }

    @Test func theKioskCountdownAndStaffPrompt() throws {
        var config = KioskConfig()
        config.pinHash = "set"
        var kiosk = KioskState(config: config, slideCount: pack.attractSlides.count, panelCount: pack.topics.count,
                               size: Size(width: 80, height: 24), now: 0, bilingual: true)
        _ = documents.update(&kiosk, .input(.key(.character("x"))), now: 1, minuteOfDay: nil)
        _ = documents.update(&kiosk, .input(.tick(Double(config.idleSeconds) + 2)), now: Double(config.idleSeconds) + 2,
                             minuteOfDay: nil)
        try Snapshot.assert(KioskView.render(kiosk, documents: documents), named: "es-kiosk-80x24-still-there")
        _ = documents.update(&kiosk, .input(.key(.function(12))), now: Double(config.idleSeconds) + 3, minuteOfDay: nil)
        _ = documents.update(&kiosk, .input(.key(.control("a"))), now: Double(config.idleSeconds) + 3, minuteOfDay: nil)
        try Snapshot.assert(KioskView.render(kiosk, documents: documents), named: "es-kiosk-80x24-staff")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12)])
    func aGuidedStepAndItsCheck(_ size: Size) throws {
        let guided = try #require(pack.tours?.guided)
        let documents = GuidedDocuments(pack: pack, guided: guided, glyphs: .unicode)
        var session = GuidedSession(outline: GuidedOutline(guided, pack: pack), size: size, offersLanguage: true)
        try Snapshot.assert(GuidedView.render(session, documents: documents), named: "es-guided-\(size.width)x\(size.height)-step")
        let check = try #require(guided.steps.firstIndex { !$0.checkpoint.isEmpty })
        for _ in 0...check { _ = documents.update(&session, .action(.next)) }
        try Snapshot.assert(GuidedView.render(session, documents: documents), named: "es-guided-\(size.width)x\(size.height)-check")
    }
}
