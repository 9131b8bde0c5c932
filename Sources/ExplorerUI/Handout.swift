import ContentModel
import ExplorerCore
import TermRender

/// What a clinician may print for the patient at the end of a guided session: the key
/// points, the warning signs and after-care, the questions chosen and the symptoms ticked,
/// the clinic's details, the sources, and the pack's version and review status. Nothing else
/// from the session, and nothing that identifies anyone: no name, no date.
public struct Handout: Equatable, Sendable {
    public let title: String
    public let points: [String]
    public let safety: [String]
    public let symptoms: [String]
    public let questions: [String]
    public let next: [String]
    /// "Phone: ...": the clinic's own details, when it has set them up.
    public let clinic: (heading: String, details: [String])?
    /// Each source the summary rests on, in full.
    public let sources: [String]
    public let footer: [String]
    /// The pack's words (headings, "None ticked.") and language.
    let ui: UIStrings
    /// The pack's language: the page's, and the voice's.
    public let language: String

    public init(session: GuidedSession, documents: GuidedDocuments) {
        let pack = documents.pack
        let summary = documents.guided.summary
        ui = pack.ui
        language = pack.info.language
        title = ui(.handoutTitle, ["title": pack.info.title])
        points = summary.points
        safety = summary.safety
        symptoms = session.symptoms.sorted().map { pack.symptoms[$0].name }
        questions = documents.chosenQuestions(session)
        next = summary.next
        clinic = pack.clinic.map { (PackFacts.clinicHeading($0, ui: pack.ui), PackFacts.clinicLines($0)) }
        sources = summary.sources.compactMap { id in
            pack.source(id).map { source in PackFacts.citation(source, pack: pack) + (source.url.map { " \($0)" } ?? "") }
        }
        footer = [pack.statusLine, pack.info.disclaimer]
    }

    public static func == (lhs: Handout, rhs: Handout) -> Bool { lhs.text == rhs.text }

    /// Each heading with its items, in order: what the text, the page and the sound file hold.
    var sections: [(String, [String])] {
        var sections = [(ui[.handoutPoints], points),
                        (ui[.handoutSafety], safety),
                        (ui[.handoutSymptoms], symptoms.isEmpty ? [ui[.guidedNoneTicked]] : symptoms),
                        (ui[.handoutQuestions], questions.isEmpty ? [ui[.guidedNoneChosen]] : questions),
                        (ui[.handoutNext], next)]
        if let clinic { sections.append((clinic.heading, clinic.details)) }
        if !sources.isEmpty { sections.append((ui[.handoutSources], sources)) }
        return sections
    }

    /// Plain text, for any printer.
    public var text: String {
        var lines = [title, String(repeating: "=", count: title.count)]
        for (heading, items) in sections {
            lines += ["", heading] + items.map { "- \($0)" }
        }
        lines += [""] + footer
        return lines.map(Sanitizer.clean).joined(separator: "\n") + "\n"
    }

    /// A printable web page.
    public var html: String {
        var page = """
            <!DOCTYPE html>
            <html lang="\(Export.escapeHTML(language))">
            <head>
            <meta charset="utf-8">
            <title>\(Export.escapeHTML(title))</title>
            <style>
            body { font-family: sans-serif; font-size: 14pt; line-height: 1.5; max-width: 40em; margin: 2em auto; }
            h1 { font-size: 20pt; } h2 { font-size: 16pt; margin-top: 1.5em; }
            footer { margin-top: 2em; font-size: 11pt; }
            </style>
            </head>
            <body>
            <h1>\(Export.escapeHTML(title))</h1>

            """
        for (heading, items) in sections {
            page += "<h2>\(Export.escapeHTML(heading))</h2>\n<ul>\n" + items.map { "<li>\(Export.escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
        }
        page += "<footer>\n" + footer.map { "<p>\(Export.escapeHTML($0))</p>\n" }.joined() + "</footer>\n</body>\n</html>\n"
        return page
    }
}
