/// A panel: its heading, its one main message, and the blocks shown after it.
public struct Topic: Decodable, Equatable, Sendable {
    public let id: String
    public let title: String
    public let menu: String
    public let level: Level
    public let message: String
    public let blocks: [Block]

    /// Core screens are written for reading grade 6, detail screens for grade 8.
    public enum Level: String, ContentEnum, Sendable {
        case core
        case detail
    }

    enum CodingKeys: String, CodingKey { case id, title, menu, level, message, blocks }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        menu = try container.decodeIfPresent(String.self, forKey: .menu) ?? title
        level = try container.decode(Level.self, forKey: .level)
        message = try container.decode(String.self, forKey: .message)
        blocks = try container.decode([Block].self, forKey: .blocks)
    }
}

/// How strong the evidence behind a block is, in the plain words the screen shows.
public enum EvidenceStrength: String, ContentEnum, Sendable {
    case moderate
    case weak
    case veryUncertain = "very uncertain"
}

/// One piece of a panel. Written in YAML as a mapping with exactly one of the kind keys
/// (`paragraph`, `bullets`, `heading`, `callout`, `include`) plus `sources` and `evidence`.
public struct Block: Decodable, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case paragraph(String)
        case bullets([String])
        case heading(String)
        case callout(String, Tone)
        case include(Include)
    }

    public enum Tone: String, ContentEnum, Sendable {
        case info
        case action
        case warning
    }

    /// Lists kept in their own files and shown where a topic includes them.
    public enum Include: String, ContentEnum, Sendable {
        case symptoms
        case causes
        case comparison
    }

    public let kind: Kind
    public let sources: [String]
    public let evidence: EvidenceStrength?

    /// Paragraphs and bullet lists state facts, so they must cite a source.
    public var requiresSources: Bool {
        switch kind {
        case .paragraph, .bullets: return true
        case .heading, .callout, .include: return false
        }
    }

    /// Every piece of text the block holds, for validation and search.
    public var texts: [String] {
        switch kind {
        case .paragraph(let text), .heading(let text), .callout(let text, _): return [text]
        case .bullets(let items): return items
        case .include: return []
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case paragraph, bullets, heading, callout, include, tone, sources, evidence
    }

    private static let kindKeys: [CodingKeys] = [.paragraph, .bullets, .heading, .callout, .include]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let present = Self.kindKeys.filter { container.contains($0) }
        guard present.count == 1, let key = present.first else {
            let names = Self.kindKeys.map(\.rawValue).joined(separator: ", ")
            let found = present.isEmpty ? "none" : present.map(\.rawValue).joined(separator: " and ")
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath,
                debugDescription: "a block needs exactly one of \(names) (found \(found))"))
        }
        switch key {
        case .paragraph: kind = .paragraph(try container.decode(String.self, forKey: key))
        case .bullets: kind = .bullets(try container.decode([String].self, forKey: key))
        case .heading: kind = .heading(try container.decode(String.self, forKey: key))
        case .callout:
            let tone = try container.decodeIfPresent(Tone.self, forKey: .tone) ?? .info
            kind = .callout(try container.decode(String.self, forKey: key), tone)
        default: kind = .include(try container.decode(Include.self, forKey: key))
        }
        sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
        evidence = try container.decodeIfPresent(EvidenceStrength.self, forKey: .evidence)
    }
}
