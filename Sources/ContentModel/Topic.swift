/// A panel: its heading, its one main message, and the blocks shown after it.
public struct Topic: Equatable, Sendable, ContentReadable {
    public let id: String
    public let title: String
    public let menu: String
    public let level: Level
    public let message: String
    public internal(set) var blocks: [Block]
    /// Medical terms this panel explains in its own words, so their first use need not link.
    public let defines: [String]

    /// The topic's headings, in order: the sections a guided step can pick.
    public var headings: [String] {
        blocks.compactMap { block in
            if case .heading(let text) = block.kind { return text }
            return nil
        }
    }

    /// The topic with only the parts under these headings (each heading and its blocks up to
    /// the next heading), for a guided step that shows part of a long topic.
    public func only(sections headings: [String]) -> Topic {
        guard !headings.isEmpty else { return self }
        var copy = self
        var keep = false
        copy.blocks = blocks.filter { block in
            if case .heading(let text) = block.kind { keep = headings.contains(text) }
            return keep
        }
        return copy
    }

    /// Core screens are written for reading grade 6, detail screens for grade 8; reference
    /// screens (glossary, sources, about) are lists, not prose, and are not graded.
    public enum Level: String, ContentWord, Sendable {
        case core
        case detail
        case reference

        /// The highest Flesch-Kincaid grade allowed, or nil for ungraded screens.
        public var maximumGrade: Double? {
            switch self {
            case .core: return 6
            case .detail: return 8
            case .reference: return nil
            }
        }

        /// The lowest Fernández-Huerta index allowed in Spanish ("bastante fácil" for core
        /// screens, "normal" for detail), or nil for ungraded screens.
        public var minimumFernandezHuerta: Double? {
            switch self {
            case .core: return 70
            case .detail: return 60
            case .reference: return nil
            }
        }
    }

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["id", "title", "menu", "level", "message", "blocks", "defines"])
        id = try reader.required("id", in: fields).text
        title = try reader.required("title", in: fields).text
        menu = try reader.child("menu", in: fields)?.text ?? title
        level = try reader.required("level", in: fields).word(Level.self)
        message = try reader.required("message", in: fields).text
        blocks = try reader.required("blocks", in: fields).list(of: Block.self)
        defines = try reader.child("defines", in: fields)?.texts ?? []
    }
}

/// How strong the evidence behind a block is, in the plain words the screen shows.
public enum EvidenceStrength: String, ContentWord, Sendable {
    case moderate
    case weak
    case veryUncertain = "very uncertain"
}

/// One piece of a panel. Written in YAML as a mapping with exactly one of the kind keys
/// (`paragraph`, `bullets`, `heading`, `callout`, `include`) plus `sources` and `evidence`.
public struct Block: Equatable, Sendable, ContentReadable {
    public enum Kind: Equatable, Sendable {
        case paragraph(String)
        case bullets([String])
        case heading(String)
        case callout(String, Tone)
        case include(Include)
        /// 10x10 icon arrays side by side, with their one-line text alternative.
        case icons([IconArray], alt: String)
    }

    /// 100 marks, `filled` of them filled: "about 76 in 100 people" drawn as a picture.
    public struct IconArray: Equatable, Sendable, ContentReadable {
        public let label: String
        public let filled: Int

        public static let total = 100
        public static let columns = 10
        public static let maximumLabel = 20
        public static let maximumArrays = 3

        public init(label: String, filled: Int) {
            self.label = label
            self.filled = filled
        }

        init(from reader: NodeReader) throws(ContentIssue) {
            let fields = try reader.mapping(allowing: ["label", "filled"])
            label = try reader.required("label", in: fields).text
            let count = try reader.required("filled", in: fields)
            filled = try count.wholeNumber
            if !(0...Self.total).contains(filled) {
                throw count.problem("\(filled) is outside 0 to \(Self.total): an icon array shows so many in 100")
            }
        }
    }

    public enum Tone: String, ContentWord, Sendable {
        case info
        case action
        case warning
        /// An illustrative patient story: a composite, never evidence.
        case story
    }

    /// Lists kept in their own files and shown where a topic includes them.
    public enum Include: String, ContentWord, Sendable {
        case symptoms
        case causes
        case comparison
        case evidence
        case glossary
        case sources
        case about
        case mechanism
        /// The clinic's own name, phone numbers, hours, website and costs, from `clinic.yaml`
        /// (never part of the pack); nothing when the clinic has not set one up.
        case clinic
    }

    public let kind: Kind
    public let sources: [String]
    public let evidence: EvidenceStrength?

    /// Paragraphs and bullet lists state facts, so they must cite a source.
    public var requiresSources: Bool {
        switch kind {
        case .paragraph, .bullets, .icons: return true
        case .heading, .callout, .include: return false
        }
    }

    /// Every piece of text the block holds, for validation and search.
    public var texts: [String] {
        switch kind {
        case .paragraph(let text), .heading(let text), .callout(let text, _): return [text]
        case .bullets(let items): return items
        case .icons(let arrays, let alt): return arrays.map(\.label) + [alt]
        case .include: return []
        }
    }

    private static let kindKeys = ["paragraph", "bullets", "heading", "callout", "include", "icons"]

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: Self.kindKeys + ["tone", "sources", "evidence", "alt"])
        let present = Self.kindKeys.filter { fields[$0] != nil }
        guard present.count == 1, let key = present.first, let value = reader.child(key, in: fields) else {
            let found = present.isEmpty ? "none" : present.joined(separator: " and ")
            throw reader.problem("a block needs exactly one of \(Self.kindKeys.joined(separator: ", ")) (found \(found))")
        }
        switch key {
        case "paragraph": kind = .paragraph(try value.text)
        case "bullets": kind = .bullets(try value.texts)
        case "heading": kind = .heading(try value.text)
        case "callout": kind = .callout(try value.text, try reader.child("tone", in: fields)?.word(Tone.self) ?? .info)
        case "icons":
            let arrays = try value.list(of: IconArray.self)
            if !(1...IconArray.maximumArrays).contains(arrays.count) {
                throw value.problem("give 1 to \(IconArray.maximumArrays) icon arrays (found \(arrays.count))")
            }
            kind = .icons(arrays, alt: try reader.required("alt", in: fields).text)
        default: kind = .include(try value.word(Include.self))
        }
        if key != "icons", fields["alt"] != nil {
            throw reader.problem("`alt` is the text alternative of `icons`; this block has none")
        }
        sources = try reader.child("sources", in: fields)?.texts ?? []
        evidence = try reader.child("evidence", in: fields)?.word(EvidenceStrength.self)
    }
}
