import ContentModel
import ExplorerCore
import TermRender

/// How ketamine blocks the NMDA receptor, as pictures (`mechanism.yaml`).
///
/// Animated, the panel's text keeps a block of blank lines for it (a `DiagramPlacement`)
/// and this view draws the shown picture, its caption and a status line there, so a new
/// picture changes only the cells that differ. As stills (plain text, `--reduce-motion`)
/// every picture is written out, each followed by its caption.
enum MechanismView {
    /// The largest scale the picture is drawn at, however big the screen.
    static let maximumScale = 3

    /// The biggest whole-number scale at which the picture, its caption and its status line
    /// fit in `area`; 0 if even the plain picture is too wide.
    static func scale(_ mechanism: Mechanism, area: Size) -> Int {
        let picture = mechanism.pictureSize
        guard picture.width > 0, picture.width <= area.width else { return 0 }
        let below = captionLineCount(mechanism, width: area.width) + 1
        var scale = 1
        while scale < maximumScale, picture.width * (scale + 1) <= area.width,
              scaledHeight(picture.height, scale + 1) + below <= area.height {
            scale += 1
        }
        return scale
    }

    static func scaledHeight(_ height: Int, _ scale: Int) -> Int { height == 0 ? 0 : (height - 1) * scale + 1 }

    /// The lines of the tallest caption at `width`.
    static func captionLineCount(_ mechanism: Mechanism, width: Int) -> Int {
        mechanism.frames.map { caption($0, width: width).count }.max() ?? 0
    }

    private static func caption(_ frame: Mechanism.Frame, width: Int) -> [StyledLine] {
        TextWrapper.wrap([Span(frame.caption, .keyMessage)], width: width)
    }

    /// One picture as lines: scaled, in ASCII if need be, centred in `width`.
    static func picture(_ frame: Mechanism.Frame, of mechanism: Mechanism, scale: Int, width: Int,
                        glyphs: Glyphs) -> [StyledLine] {
        let size = mechanism.pictureSize
        let margin = String(repeating: " ", count: max(0, (width - size.width * scale) / 2))
        var lines = frame.picture + Array(repeating: "", count: max(0, size.height - frame.picture.count))
        if glyphs == .ascii { lines = lines.map(BoxArt.ascii) }
        return BoxArt.scale(lines, by: scale).map { $0.isEmpty ? [] : [Span(margin + $0, .diagram)] }
    }

    /// The block the animated picture takes in the panel's lines at `width`: picture,
    /// caption and status line, all blank; the view fills them in.
    static func placeholder(_ mechanism: Mechanism, scale: Int, width: Int) -> [StyledLine] {
        let height = scaledHeight(mechanism.pictureSize.height, scale) + captionLineCount(mechanism, width: width) + 1
        return Array(repeating: [], count: height)
    }

    /// Every picture with its caption, for print and reduced motion; or only the captions,
    /// numbered (the text alternative), when asked or when a picture is too wide for `width`.
    static func stills(_ mechanism: Mechanism, width: Int, glyphs: Glyphs, ui: UIStrings, pictures: Bool = true) -> [StyledLine] {
        var lines: [StyledLine] = []
        let drawable = pictures && mechanism.pictureSize.width <= width
        for (index, frame) in mechanism.frames.enumerated() {
            let number = ui(.pictureNumber, ["number": "\(index + 1)", "count": "\(mechanism.frames.count)"])
            if drawable {
                if index > 0 { lines.append([]) }
                lines.append([Span(number, .heading)])
                lines += picture(frame, of: mechanism, scale: 1, width: width, glyphs: glyphs)
                lines += caption(frame, width: width)
            } else {
                lines += TextWrapper.wrap([Span("\(number): ", .strong), Span(frame.caption)], width: width)
            }
        }
        return lines
    }

    /// The line under the caption: which picture, and whether it plays.
    static func status(_ diagram: DiagramState?, frameCount: Int, reading: Bool, ui: UIStrings) -> String {
        let frame = diagram?.frame ?? 0
        let number = ui(.pictureNumber, ["number": "\(frame + 1)", "count": "\(frameCount)"])
        guard reading, let diagram else { return ui(.pictureOpen, ["picture": number]) }
        if diagram.playing { return ui(.picturePlaying, ["picture": number]) }
        if diagram.isAtEnd { return ui(.pictureLast, ["picture": number]) }
        return ui(.picturePaused, ["picture": number])
    }

    /// Draws the shown picture into the rows of the placeholder that are on screen.
    /// - Parameters:
    ///   - rows: which of the placeholder's lines are visible, and the screen row of each.
    static func draw(into buffer: inout Buffer, _ mechanism: Mechanism, placement: DiagramPlacement, state: AppState,
                     visible rows: [(line: Int, y: Int)], x: Int, width: Int, glyphs: Glyphs, ui: UIStrings) {
        let frameIndex = min(state.diagram?.frame ?? 0, mechanism.frames.count - 1)
        let frame = mechanism.frames[frameIndex]
        var lines = picture(frame, of: mechanism, scale: placement.scale, width: width, glyphs: glyphs)
        let captionLines = caption(frame, width: width)
        lines += captionLines + Array(repeating: [], count: placement.captionLines - captionLines.count)
        let status = status(state.diagram, frameCount: mechanism.frames.count, reading: state.focus == .content, ui: ui)
        lines.append([Span(status, .muted)])
        for (line, y) in rows where line < lines.count {
            buffer.write(lines[line], x: x, y: y, limit: x + width)
        }
    }
}

/// Where the animated picture's block sits among a panel's lines, and its scale.
public struct DiagramPlacement: Equatable, Sendable {
    public let lines: Range<Int>
    public let scale: Int
    public let captionLines: Int
}
