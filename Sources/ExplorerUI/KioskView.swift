import ContentModel
import ExplorerCore
import TermRender

/// What the waiting-room screen shows: the attract slides, the explorer while someone uses
/// it, the "Still there?" countdown, the staff PIN prompt, or nothing outside opening hours.
public enum KioskView {
    public static func render(_ kiosk: KioskState, documents: PanelDocuments) -> Buffer {
        var buffer: Buffer
        let glyphs = documents.glyphs
        switch kiosk.phase {
        case .browsing:
            buffer = ExplorerView.render(kiosk.app, documents: documents)
            if let seconds = kiosk.secondsUntilReset, !kiosk.app.isTooSmall {
                MessageBox.draw(into: &buffer, title: "Still there?", lines: [
                    [Span("Press any key or touch the screen to keep reading.")],
                    [],
                    [Span("Resetting in \(seconds) s", .strong)],
                ], maxWidth: 56, glyphs: glyphs)
            }
        case .attract:
            if kiosk.app.isTooSmall { return ExplorerView.render(kiosk.app, documents: documents) }
            buffer = Buffer(size: kiosk.app.size)
            let slides = documents.pack.attractSlides
            if let attract = documents.pack.tours?.attract, !slides.isEmpty {
                drawSlide(into: &buffer, slides, index: kiosk.slide % slides.count, prompt: attract.prompt,
                          drift: kiosk.drift, pack: documents.pack, glyphs: glyphs)
            }
        case .closed:
            buffer = Buffer(size: kiosk.app.size)   // blank: nothing to burn in, nothing to read
        }
        drawStaff(into: &buffer, kiosk, glyphs: glyphs)
        return buffer
    }

    /// One slide: the headline in a box, its text and sources, the dots, and how to start.
    /// Everything moves one cell every few minutes (`drift`) so nothing burns in.
    private static func drawSlide(into buffer: inout Buffer, _ slides: [Tours.Slide], index: Int, prompt: String,
                                  drift: Int, pack: ContentPack, glyphs: Glyphs) {
        let offsets = [(0, 0), (1, 0), (1, 1), (0, 1)]
        let (dx, dy) = offsets[drift % offsets.count]
        let area = Rect(x: 1 + dx, y: dy, width: buffer.size.width - 3, height: buffer.size.height - 1)
        let slide = slides[index]
        let textWidth = min(area.width - 4, 64)

        var rows: [(StyledLine, boxed: Bool)] = []
        rows.append(([Span(slide.headline, .title)], true))
        rows.append(([], false))
        for line in TextWrapper.wrap([Span(slide.text)], width: textWidth) { rows.append((line, false)) }
        if let label = pack.citationLabel(slide.sources, separator: glyphs.middleDot) {
            rows.append(([Span(label, .source)], false))
        }
        rows.append(([], false))
        let dots = slides.indices.map { $0 == index ? (glyphs == .ascii ? "*" : "●") : (glyphs == .ascii ? "o" : "○") }
        rows.append(([Span(dots.joined(separator: " "), .muted)], false))
        rows.append(([], false))
        rows.append(([Span("  \(prompt)  ", .listSelected)], false))

        // The headline sits in a box two rows taller than it; centre the whole block.
        let height = rows.count + 2
        var y = area.y + max(1, (area.height - 1 - height) / 2)
        for (line, boxed) in rows {
            let x = area.x + max(0, (area.width - line.displayWidth) / 2)
            if boxed {
                let box = Rect(x: x - 3, y: y, width: line.displayWidth + 6, height: 3)
                buffer.drawBox(box, glyphs: glyphs, title: nil)
                buffer.write(line, x: x, y: y + 1, limit: area.maxX)
                y += 3
            } else {
                buffer.write(line, x: x, y: y, limit: area.maxX)
                if line.first?.role == .listSelected { buffer.placeCursor(x: x, y: y) }   // on how to start
                y += 1
            }
        }
        let title = " Ketamine treatment explorer \(glyphs.middleDot) \(pack.info.title)"
        buffer.write(title, x: area.x, y: area.y, limit: area.maxX, role: .muted)
        buffer.write(pack.info.disclaimer, x: area.x + max(0, (area.width - DisplayWidth.of(pack.info.disclaimer)) / 2),
                     y: area.maxY - 1, limit: area.maxX, role: .strong)
    }

    private static func drawStaff(into buffer: inout Buffer, _ kiosk: KioskState, glyphs: Glyphs) {
        if let entry = kiosk.staff.entry {
            var lines: [StyledLine] = [[Span("Type the staff PIN, then press Enter. Esc cancels.")]]
            if entry.rejected { lines += [[], [Span("That PIN was not accepted.", .warning)]] }
            lines += [[], [Span("PIN: ", .strong), Span(String(repeating: "*", count: entry.digits.count))]]
            MessageBox.draw(into: &buffer, title: "Staff exit", lines: lines, maxWidth: 56, glyphs: glyphs)
        } else if let until = kiosk.staff.lockedUntil {
            let seconds = max(0, Int((until - kiosk.now).rounded(.up)))
            MessageBox.draw(into: &buffer, title: "Staff exit", lines: [
                [Span("Locked after \(StaffExit.attempts) wrong PINs. Try again in \(seconds) s.", .warning)],
            ], maxWidth: 56, glyphs: glyphs)
        }
    }
}
