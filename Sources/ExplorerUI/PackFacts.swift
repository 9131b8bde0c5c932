import ContentModel
import TermRender

/// What the About panel, a source's entry and an icon array say, worked out once for every
/// renderer (screen, `show`, Markdown, HTML): each only decides how to write it.
enum PackFacts {
    struct Row: Equatable {
        let label: String
        let value: String
        /// Drawn as a warning: the content has not been reviewed by a clinician.
        var warning = false
    }

    /// Who wrote the content, who paid, what interests are at stake, who reviewed it and when.
    /// "Last reviewed" appears only when the pack names its reviewers.
    static func about(_ pack: ContentPack) -> [Row] {
        let info = pack.info, ui = pack.ui
        var conflicts = info.conflicts
        if let clinic = pack.clinic, let offers = clinic.offersKetamine {
            conflicts += " " + ui(offers ? .aboutClinicOffers : .aboutClinicDoesNotOffer, ["clinic": clinic.name])
        }
        var rows = [Row(label: ui[.aboutWrittenBy], value: info.writtenBy),
                    Row(label: ui[.aboutFunding], value: info.funding),
                    Row(label: ui[.aboutConflicts], value: conflicts),
                    Row(label: ui[.aboutVersion], value: info.version),
                    Row(label: ui[.aboutUpdated], value: info.lastUpdated)]
        if info.isClinicallyReviewed, let reviewed = info.lastReviewed {
            rows += [Row(label: ui[.aboutReviewedBy], value: info.reviewers.joined(separator: "; ")),
                     Row(label: ui[.aboutLastReviewed], value: reviewed)]
        } else {
            rows.append(Row(label: ui[.aboutReview], value: ui[.aboutNotReviewed], warning: true))
        }
        rows += [Row(label: ui[.aboutNextReview], value: info.nextReview),
                 Row(label: ui[.aboutUpdates], value: info.updatePolicy),
                 Row(label: ui[.aboutDisclaimer], value: info.disclaimer)]
        return rows
    }

    /// "Citation (2019). Systematic review." A source's entry in the sources list, without
    /// its address. Reviewer notes are never part of it.
    static func citation(_ source: Source, pack: ContentPack) -> String {
        "\(source.citation) (\(pack.dateLabel(source))). \(pack.label(source.kind))."
    }

    /// The clinic's details as label and value, after its name.
    static func clinic(_ clinic: ClinicInfo) -> [Row] {
        clinic.details.map { Row(label: $0.label, value: $0.value) }
    }

    static func clinicHeading(_ clinic: ClinicInfo, ui: UIStrings) -> String { ui(.aboutClinicHeading, ["clinic": clinic.name]) }

    /// "Phone: 555-0100", a line each: the summary's and the handout's list.
    static func clinicLines(_ clinic: ClinicInfo) -> [String] { clinic.details.map { "\($0.label): \($0.value)" } }

    /// Icon arrays as lines of text: each array's label, its ten rows of ten marks (filled
    /// first, row by row), and "76 in 100" under it; side by side when `width` allows, else
    /// one under another. `marks` is false for the label and count lines.
    static func iconLines(_ arrays: [Block.IconArray], glyphs: Glyphs, width: Int, ui: UIStrings) -> [(text: String, marks: Bool)] {
        let markWidth = 2 * Block.IconArray.columns - 1
        let rows = Block.IconArray.total / Block.IconArray.columns
        let isMarks = { (line: Int) in line > 0 && line <= rows }
        let columns = arrays.map { array -> [String] in
            var lines = [array.label]
            for row in 0..<rows {
                lines.append((0..<Block.IconArray.columns).map { column in
                    row * Block.IconArray.columns + column < array.filled ? glyphs.iconFilled : glyphs.iconEmpty
                }.joined(separator: " "))
            }
            lines.append(ui(.iconsIn, ["filled": "\(array.filled)", "total": "\(Block.IconArray.total)"]))
            return lines
        }
        let columnWidth = max(markWidth, arrays.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let gap = 3
        guard arrays.count > 1, arrays.count * columnWidth + (arrays.count - 1) * gap <= width else {
            return columns.enumerated().flatMap { index, lines in
                (index == 0 ? [] : [("", false)]) + lines.enumerated().map { ($0.element, isMarks($0.offset)) }
            }
        }
        return columns[0].indices.map { row in
            let text = columns.enumerated().map { index, lines in
                let cell = lines[row]
                let padding = index == columns.count - 1 ? 0 : columnWidth - DisplayWidth.of(cell) + gap
                return cell + String(repeating: " ", count: max(0, padding))
            }.joined()
            return (text, isMarks(row))
        }
    }
}
