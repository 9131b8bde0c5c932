#if canImport(Glibc)
import Glibc
#endif

/// `speech.yaml`: how the voice says what a speech engine reads wrong: emergency numbers
/// digit by digit ("nine one one", not "nine hundred eleven"), abbreviations as people say
/// them ("I V", "F D A"). Optional, one per language; read by speech (`show --speech`, the
/// spoken screens, sound files) and by plain mode, whose screen readers read the same words
/// as its `plain:` writes them ("9-1-1", "I.V."); a full-screen start without speech never
/// reads it.
public struct SpeechLexicon: Equatable, Sendable, ContentReadable {
    public struct Entry: Equatable, Sendable {
        /// As the text writes it: a whole word or number, matched with its case.
        public let written: String
        /// What the voice says instead (in `plain:`, what plain mode writes instead).
        public let spoken: String
        /// `written` as characters, made once for matching.
        fileprivate let characters: [Character]

        public init(written: String, spoken: String) {
            self.written = written
            self.spoken = spoken
            characters = Array(written)
        }
    }

    /// Longest written form first, so "N95" is tried before "N".
    public let entries: [Entry]
    /// How plain mode writes words a screen reader reads wrong; longest first too.
    public let plainEntries: [Entry]

    public init(entries: [Entry] = [], plainEntries: [Entry] = []) {
        self.entries = entries.sorted { $0.written.count > $1.written.count }
        self.plainEntries = plainEntries.sorted { $0.written.count > $1.written.count }
    }

    init(from reader: NodeReader) throws(ContentIssue) {
        let fields = try reader.mapping(allowing: ["say", "plain"])
        /// The `written: form` lines under `key`, each form checked by `check` (nil: fine).
        func entries(_ key: String, _ check: (_ written: String, _ form: String) -> String?) throws(ContentIssue) -> [Entry] {
            guard let section = reader.child(key, in: fields) else { return [] }
            guard case .mapping(let pairs) = section.node.value else { throw section.problem("expected written: \(key) lines") }
            var entries: [Entry] = []
            for pair in pairs {
                let value = NodeReader(document: section.document, node: pair.value, path: section.path + [.key(pair.key)])
                let form = try value.text
                guard !pair.key.isEmpty, pair.key.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                    throw value.problem("'\(pair.key)' is not one word or number")
                }
                if let problem = check(pair.key, form) { throw value.problem(problem) }
                entries.append(Entry(written: pair.key, spoken: form))
            }
            return entries
        }
        let plainEntries = try entries("plain") { written, form in
            // Only marks added ("9-1-1", "I.V."): what the text says must not change.
            form.filter({ $0.isLetter || $0.isNumber }) == written && form.allSatisfy({ $0 != " " }) ? nil
                : "write '\(written)' with marks only (dashes or full stops), as in 9-1-1 or I.V."
        }
        let entries = try entries("say") { _, spoken in spoken.contains(where: { $0.isLetter }) ? nil : "say it in words" }
        self.init(entries: entries, plainEntries: plainEntries)
    }

    /// The lexicon of the pack in `directory`; none when it has no speech.yaml.
    public static func load(directory: String) throws(ContentErrors) -> SpeechLexicon {
        let path = "\(directory)/\(ContentPack.File.speech.rawValue)"
        guard access(path, F_OK) == 0 else { return SpeechLexicon() }
        let document: YAMLDocument
        do {
            document = try YAMLDocument.load(path: path, rootName: ContentPack.File.speech.rootName, limit: FileBytes.settingsLimit)
        } catch {
            throw ContentErrors([error])
        }
        let issues = document.controlCharacterIssues()
        guard issues.isEmpty else { throw ContentErrors(issues) }
        do {
            return try SpeechLexicon(from: document.reader)
        } catch {
            throw ContentErrors([error])
        }
    }

    /// `text` as the voice should say it: each written form that stands as a whole word (not
    /// inside a longer word or number) replaced by its spoken form.
    public func spoken(_ text: String) -> String { Self.replaced(text, entries) }

    /// `text` as plain mode writes it for screen readers: each word `plain:` names, written
    /// its way ("Call 9-1-1").
    public func forScreenReaders(_ text: String) -> String { Self.replaced(text, plainEntries) }

    private static func replaced(_ text: String, _ entries: [Entry]) -> String {
        guard !entries.isEmpty else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        func isWordCharacter(_ at: Int) -> Bool {
            at >= 0 && at < characters.count && (characters[at].isLetter || characters[at].isNumber)
        }
        while index < characters.count {
            if !isWordCharacter(index - 1), let entry = entries.first(where: { entry in
                let count = entry.characters.count
                return index + count <= characters.count && characters[index..<index + count].elementsEqual(entry.characters)
                    && !isWordCharacter(index + count)
            }) {
                result += entry.spoken
                index += entry.characters.count
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }
}
