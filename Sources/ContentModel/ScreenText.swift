/// The text one screen shows, piece by piece in display order, with where each piece comes
/// from: what the reading grade is measured on, where medical terms are looked for, and
/// what search finds.
enum ScreenText {
    struct Segment {
        enum Kind { case title, heading, label, body }

        let text: String
        let kind: Kind
        let file: ContentPack.File
        let path: [PathComponent]

        /// Where a medical term's first use must link: running text, not titles or labels.
        var countsForTerms: Bool { kind == .body }
    }

    static func segments(of topic: Topic, at index: Int, in pack: ContentPack) -> [Segment] {
        let base: [PathComponent] = [.index(index)]
        var result = [Segment(text: topic.title, kind: .title, file: .topics, path: base + [.key("title")]),
                      Segment(text: topic.message, kind: .body, file: .topics, path: base + [.key("message")])]
        for (blockIndex, block) in topic.blocks.enumerated() {
            let path = base + [.key("blocks"), .index(blockIndex)]
            switch block.kind {
            case .paragraph(let text):
                result.append(Segment(text: text, kind: .body, file: .topics, path: path + [.key("paragraph")]))
            case .heading(let text):
                result.append(Segment(text: text, kind: .heading, file: .topics, path: path + [.key("heading")]))
            case .callout(let text, _):
                result.append(Segment(text: text, kind: .body, file: .topics, path: path + [.key("callout")]))
            case .bullets(let items):
                for (item, text) in items.enumerated() {
                    result.append(Segment(text: text, kind: .body, file: .topics, path: path + [.key("bullets"), .index(item)]))
                }
            case .icons(let arrays, let alt):
                for (arrayIndex, array) in arrays.enumerated() {
                    result.append(Segment(text: array.label, kind: .label, file: .topics,
                                          path: path + [.key("icons"), .index(arrayIndex), .key("label")]))
                }
                result.append(Segment(text: alt, kind: .body, file: .topics, path: path + [.key("alt")]))
            case .include(let include):
                result += segments(of: include, in: pack)
            }
        }
        return result
    }

    private static func segments(of include: Block.Include, in pack: ContentPack) -> [Segment] {
        switch include {
        case .symptoms: return entries(pack.symptoms, .symptoms)
        case .causes: return entries(pack.causes, .causes)
        case .comparison:
            var result = [Segment(text: pack.comparison.columns.ketamine, kind: .label, file: .comparison,
                                  path: [.key("columns"), .key("ketamine")]),
                          Segment(text: pack.comparison.columns.opioids, kind: .label, file: .comparison,
                                  path: [.key("columns"), .key("opioids")])]
            for (index, row) in pack.comparison.rows.enumerated() {
                let path: [PathComponent] = [.key("rows"), .index(index)]
                result += [Segment(text: row.label, kind: .label, file: .comparison, path: path + [.key("label")]),
                           Segment(text: row.ketamine, kind: .body, file: .comparison, path: path + [.key("ketamine")]),
                           Segment(text: row.opioids, kind: .body, file: .comparison, path: path + [.key("opioids")])]
            }
            return result
        case .evidence:
            return pack.evidence.enumerated().flatMap { index, entry -> [Segment] in
                let path: [PathComponent] = [.index(index)]
                return [Segment(text: entry.condition, kind: .label, file: .evidence, path: path + [.key("condition")]),
                        Segment(text: entry.duration, kind: .body, file: .evidence, path: path + [.key("duration")]),
                        Segment(text: entry.bottomLine, kind: .body, file: .evidence, path: path + [.key("bottom_line")])]
            }
        case .glossary:
            return pack.glossary.enumerated().flatMap { index, entry -> [Segment] in
                [Segment(text: entry.term, kind: .label, file: .glossary, path: [.index(index), .key("term")]),
                 Segment(text: entry.definition, kind: .body, file: .glossary, path: [.index(index), .key("definition")])]
            }
        case .sources:
            return pack.sources.enumerated().map { index, source in
                Segment(text: source.citation, kind: .label, file: .sources, path: [.index(index), .key("citation")])
            }
        case .about, .clinic:
            return []   // version, dates and statements; the clinic's own details
        case .mechanism:
            return (pack.mechanism?.frames ?? []).enumerated().map { index, frame in
                Segment(text: frame.caption, kind: .body, file: .mechanism, path: [.key("frames"), .index(index), .key("caption")])
            }
        }
    }

    private static func entries(_ list: [ListEntry], _ file: ContentPack.File) -> [Segment] {
        list.enumerated().flatMap { index, entry -> [Segment] in
            [Segment(text: entry.name, kind: .label, file: file, path: [.index(index), .key("name")]),
             Segment(text: entry.description, kind: .body, file: file, path: [.index(index), .key("description")])]
        }
    }
}
