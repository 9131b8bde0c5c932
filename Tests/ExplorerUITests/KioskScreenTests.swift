import ContentModel
import ExplorerCore
import ExplorerUI
import TermRender
import Testing

/// Golden screens of the kiosk: a slide, the countdown, the staff prompt, the closed screen.
@Suite struct KioskScreenTests {
    let pack: ContentPack
    let documents: PanelDocuments
    let size = Size(width: 80, height: 24)

    init() throws {
        pack = try Snapshot.loadPack()
        documents = PanelDocuments(pack: pack, glyphs: .unicode)
    }

    private func kiosk(_ edit: (inout KioskConfig) -> Void = { _ in }) throws -> KioskState {
        var config = KioskConfig()
        edit(&config)
        let slides = try #require(pack.tours?.attract?.slides.count)
        return KioskState(config: config, slideCount: slides, panelCount: pack.topics.count, size: size, now: 0)
    }

    private func send(_ kiosk: inout KioskState, _ msg: Msg, at now: Double) {
        _ = documents.update(&kiosk, .input(msg), now: now, minuteOfDay: nil)
    }

    @Test func theFirstSlideShowsItsHeadlineTextSourcesAndHowToStart() throws {
        let shown = KioskView.render(try kiosk(), documents: documents)
        let lines = shown.textLines()
        try Snapshot.assert(shown, named: "kiosk-80x24-slide-1")
        let text = lines.joined(separator: "\n")
        let attract = try #require(pack.tours?.attract)
        #expect(text.contains(attract.slides[0].headline))
        #expect(text.contains(attract.prompt))
        #expect(text.contains(pack.info.disclaimer))
        #expect(text.contains("Source"))
    }

    @Test func theLastSlideShowsTheClinicsDetailsWhenItHasThem() throws {
        let clinic = ClinicInfo(name: "Riverside Pain Clinic", phone: "(555) 010-0100", hours: "Monday to Friday, 8 to 5",
                                cost: "About $500 a visit.")
        let withClinic = PanelDocuments(pack: pack.with(clinic: clinic), glyphs: .unicode)
        let count = withClinic.pack.attractSlides.count
        var kiosk = KioskState(config: KioskConfig(), slideCount: count, panelCount: pack.topics.count, size: size, now: 0)
        var now = 0.0
        while kiosk.slide != count - 1 {
            now += 0.25
            _ = withClinic.update(&kiosk, .input(.tick(now)), now: now, minuteOfDay: nil)
        }
        let shown = KioskView.render(kiosk, documents: withClinic)
        let lines = shown.textLines()
        try Snapshot.assert(shown, named: "kiosk-80x24-clinic-slide")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Riverside Pain Clinic") && text.contains("Phone: (555) 010-0100."))
        #expect(!text.contains("$500"), "no prices on a waiting-room slide")
    }

    @Test func theSlideMovesACellAgainstBurnIn() throws {
        var kiosk = try kiosk()
        let before = KioskView.render(kiosk, documents: documents).textLines()
        var now = 0.0
        while kiosk.drift == 0 {
            now += 0.25
            send(&kiosk, .tick(now), at: now)
        }
        let after = KioskView.render(kiosk, documents: documents).textLines()
        // The safety line is on every slide: find where it starts, before and after.
        func place(_ lines: [String]) -> (row: Int, column: Int)? {
            for (row, line) in lines.enumerated() {
                if let range = line.range(of: pack.info.disclaimer) { return (row, line[..<range.lowerBound].count) }
            }
            return nil
        }
        let start = try #require(place(before)), moved = try #require(place(after))
        #expect(abs(moved.column - start.column) + abs(moved.row - start.row) >= 1)
    }

    @Test func theCountdownSaysHowToKeepReadingAndWhen() throws {
        var kiosk = try kiosk { $0.idleSeconds = 30; $0.warningSeconds = 20 }
        send(&kiosk, .key(.character("x")), at: 1)
        send(&kiosk, .tick(31), at: 31)
        send(&kiosk, .tick(38.5), at: 38.5)
        let shown = KioskView.render(kiosk, documents: documents)
        let lines = shown.textLines()
        try Snapshot.assert(shown, named: "kiosk-80x24-still-there")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Still there?"))
        #expect(text.contains("Press any key or touch the screen to keep reading."))
        #expect(text.contains("Starting over in 13 s"))
        #expect(!text.contains("q quit"))
    }

    @Test func theStaffPromptShowsStarsNotDigits() throws {
        var kiosk = try kiosk { $0.pinHash = "set" }
        for key in [Key.function(12), .control("a"), .character("4"), .character("2")] { send(&kiosk, .key(key), at: 1) }
        let shown = KioskView.render(kiosk, documents: documents)
        let lines = shown.textLines()
        try Snapshot.assert(shown, named: "kiosk-80x24-staff-pin")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("PIN: **"))
        #expect(!text.contains("42"))
    }

    /// Large print: a 1280x800 console with a double-size font is 40x12 to 53x16 cells. The
    /// slide, the countdown and the staff prompt still show whole, with the safety numbers.
    @Test(arguments: [Size(width: 40, height: 12), Size(width: 53, height: 16)])
    func largePrintSizes(_ size: Size) throws {
        let name = "\(size.width)x\(size.height)"
        let slides = try #require(pack.tours?.attract?.slides.count)
        func fresh(_ edit: (inout KioskConfig) -> Void = { _ in }) -> KioskState {
            var config = KioskConfig()
            edit(&config)
            return KioskState(config: config, slideCount: slides, panelCount: pack.topics.count, size: size, now: 0)
        }
        let slide = KioskView.render(fresh(), documents: documents)
        try Snapshot.assert(slide, named: "kiosk-\(name)-slide-1")
        var counting = fresh { $0.idleSeconds = 30; $0.warningSeconds = 20 }
        send(&counting, .key(.character("x")), at: 1)
        send(&counting, .tick(38.5), at: 38.5)
        let countdown = KioskView.render(counting, documents: documents)
        try Snapshot.assert(countdown, named: "kiosk-\(name)-still-there")
        var staff = fresh { $0.pinHash = "set" }
        for key in [Key.function(12), .control("a"), .character("4")] { send(&staff, .key(key), at: 1) }
        let pin = KioskView.render(staff, documents: documents)
        try Snapshot.assert(pin, named: "kiosk-\(name)-staff-pin")
        let prompt = try #require(pack.tours?.attract?.prompt)
        for (what, buffer, words) in [("slide", slide, prompt), ("countdown", countdown, "Starting over in"), ("PIN", pin, "PIN: *")] {
            let text = buffer.textLines().joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(text.contains(words), "\(name) \(what): \(text)")
            #expect(text.contains("911") && text.contains("988"), "\(name) \(what): the safety line")
        }
    }

    @Test func outsideOpeningHoursTheScreenIsBlank() throws {
        var kiosk = try kiosk { $0.openingHours = KioskConfig.OpeningHours("08:00-18:00") }
        _ = documents.update(&kiosk, .input(.tick(1)), now: 1, minuteOfDay: 20 * 60)
        let buffer = KioskView.render(kiosk, documents: documents)
        #expect(buffer.textLines().allSatisfy { $0.allSatisfy { $0 == " " } })
    }
}
