import ContentModel
import ExplorerCore
import TermRender

/// What the waiting-room screen shows: the attract slides, the explorer while someone uses
/// it, the "Still there?" countdown, the staff PIN prompt, or nothing outside opening hours.
public enum KioskView {
    /// - Parameter second: the second language's documents, whose slides alternate with the first's.
    public static func render(_ kiosk: KioskState, documents: PanelDocuments, second: PanelDocuments? = nil) -> Buffer {
        var buffer: Buffer
        let glyphs = documents.glyphs, ui = documents.pack.ui
        switch kiosk.phase {
        case .browsing:
            buffer = ExplorerView.render(kiosk.app, documents: documents)
            if let seconds = kiosk.secondsUntilReset, !kiosk.app.isTooSmall {
                MessageBox.draw(into: &buffer, title: ui[.kioskStillThere], lines: [
                    [Span(ui[.kioskKeepReading])],
                    [],
                    [Span(ui(.kioskStartingOver, ["seconds": "\(seconds)"]), .strong)],
                ], maxWidth: 56, glyphs: glyphs)
            }
        case .attract:
            if kiosk.app.isTooSmall { return ExplorerView.render(kiosk.app, documents: documents) }
            buffer = Buffer(size: kiosk.app.size)
            // Two languages: the first's slide 1, the second's slide 1, the first's slide 2, ...
            let (shown, number) = kiosk.bilingual ? (kiosk.slide % 2 == 1 ? second ?? documents : documents, kiosk.slide / 2)
                                                  : (documents, kiosk.slide)
            let slides = shown.pack.attractSlides
            if let attract = shown.pack.tours?.attract, !slides.isEmpty {
                drawSlide(into: &buffer, slides, index: number % slides.count, prompt: attract.prompt,
                          drift: kiosk.drift, pack: shown.pack, glyphs: glyphs)
            }
        case .closed:
            buffer = Buffer(size: kiosk.app.size)   // blank: nothing to burn in, nothing to read
        }
        drawStaff(into: &buffer, kiosk, glyphs: glyphs, ui: ui)
        return buffer
    }

    /// One slide: the headline in a box, its text and sources, the dots, and how to start.
    /// Everything moves one cell every few minutes (`drift`) so nothing burns in.
    /// A slide: its headline boxed, its text, its sources, which slide of how many, how to
    /// start, and the safety line. On a small screen (large print: 40x12 to 53x16) the blank
    /// rows go first, then the programme's name and the slide dots, so the words and the
    /// safety numbers always show whole.
    private static func drawSlide(into buffer: inout Buffer, _ slides: [Tours.Slide], index: Int, prompt: String,
                                  drift: Int, pack: ContentPack, glyphs: Glyphs) {
        enum Kind { case headline, words, spacer, dots }
        let offsets = [(0, 0), (1, 0), (1, 1), (0, 1)]
        let (dx, dy) = offsets[drift % offsets.count]
        let area = Rect(x: 1 + dx, y: dy, width: buffer.size.width - 3, height: buffer.size.height - 1)
        let slide = slides[index]
        let textWidth = max(1, min(area.width - 4, 64))
        let safety = ScreenLayout.safetyLines(pack.info, width: area.width + 2)

        var rows: [(line: StyledLine, kind: Kind)] = [([Span(slide.headline, .title)], .headline), ([], .spacer)]
        rows += TextWrapper.wrap([Span(slide.text)], width: textWidth).map { ($0, .words) }
        if let label = pack.citationLabel(slide.sources, separator: glyphs.middleDot) {
            rows += TextWrapper.wrap([Span(label, .source)], width: textWidth).map { ($0, .words) }
        }
        rows.append(([], .spacer))
        let dots = slides.indices.map { $0 == index ? (glyphs == .ascii ? "*" : "●") : (glyphs == .ascii ? "o" : "○") }
        rows.append(([Span(dots.joined(separator: " "), .muted)], .dots))
        rows.append(([], .spacer))
        rows += TextWrapper.wrap([Span(prompt)], width: max(1, textWidth - 4)).map { line in
            ([Span("  " + line.map(\.text).joined() + "  ", .listSelected)], .words)
        }

        // The headline sits in a box two rows taller than it.
        func height(_ rows: [(line: StyledLine, kind: Kind)]) -> Int { rows.count + 2 }
        var room = area.height - safety.count
        let named = room - height(rows) >= 2
        if named { room -= 1 }
        if height(rows) > room { rows.removeAll { $0.kind == .spacer } }
        if height(rows) > room { rows.removeAll { $0.kind == .dots } }
        let top = area.y + (named ? 1 : 0)
        var y = top + max(0, (room - height(rows)) / 2)
        for (line, kind) in rows where y < area.y + area.height - safety.count {
            let x = area.x + max(0, (area.width - line.displayWidth) / 2)
            if kind == .headline {
                let box = Rect(x: max(area.x, x - 3), y: y, width: min(area.width, line.displayWidth + 6), height: 3)
                buffer.drawBox(box, glyphs: glyphs, title: nil)
                buffer.write(line, x: max(box.x + 1, x), y: y + 1, limit: box.maxX - 1)
                y += 3
            } else {
                buffer.write(line, x: x, y: y, limit: area.maxX)
                if line.first?.role == .listSelected { buffer.placeCursor(x: x, y: y) }   // on how to start
                y += 1
            }
        }
        if named {
            let title = " \(pack.ui[.appName]) \(glyphs.middleDot) \(pack.info.title)"
            buffer.write(title, x: area.x, y: area.y, limit: area.maxX, role: .muted)
        }
        for (row, line) in safety.enumerated() {
            buffer.write(line, x: area.x + max(0, (area.width - DisplayWidth.of(line)) / 2),
                         y: area.maxY - safety.count + row, limit: area.maxX, role: .strong)
        }
    }

    private static func drawStaff(into buffer: inout Buffer, _ kiosk: KioskState, glyphs: Glyphs, ui: UIStrings) {
        if let entry = kiosk.staff.entry {
            var lines: [StyledLine] = [[Span(ui[.kioskPinPrompt])]]
            if entry.rejected { lines += [[], [Span(ui[.kioskPinRejected], .warning)]] }
            lines += [[], [Span(ui[.kioskPinLabel] + " ", .strong), Span(String(repeating: "*", count: entry.digits.count))]]
            MessageBox.draw(into: &buffer, title: ui[.kioskStaffExit], lines: lines, maxWidth: 56, glyphs: glyphs)
        } else if let until = kiosk.staff.lockedUntil {
            let seconds = max(0, Int((until - kiosk.now).rounded(.up)))
            MessageBox.draw(into: &buffer, title: ui[.kioskStaffExit], lines: [
                [Span(ui(.kioskLocked, ["attempts": "\(StaffExit.attempts)", "seconds": "\(seconds)"]), .warning)],
            ], maxWidth: 56, glyphs: glyphs)
        }
    }
}
