import TermRender
#if canImport(Glibc)
import Glibc
#endif

/// A checked content pack saved as compact bytes beside its YAML, so start-up can skip reading
/// and checking the YAML (most of the time to the first frame). `ketamine-explorer snapshot DIR`
/// writes it (`make build` does this for the shipped pack).
///
/// A snapshot is used only while it still matches: the same program (its build ID, passed in as
/// `program`) and the same bytes in every pack file: it holds each file's size and 64-bit
/// checksum and compares them with the files. (It held a copy of each file until the pack
/// grew to 120 KB: reading and comparing twice that at every start cost 0.1 ms and doubled the
/// snapshot. An edit that kept a file's size and checksum would go unnoticed about once in
/// 2^64 edits, and even then the pack shown would be the checked one the snapshot was made
/// from, never an unchecked one.) A snapshot that is out of date, damaged (a checksum covers it
/// all) or from another build is ignored and the pack is read from its YAML as usual, with every
/// check and line-exact error. So a snapshot can make start-up faster, never different. It
/// holds content only, never anything a person did, and only a pack that passed every check.
///
/// Why it stays, and why it mirrors the model types instead of storing the YAML node trees
/// (measured 2026-12-07 on this project's 2-core machine, `make bench` and explorer-bench):
/// - without a snapshot the first frame takes 28.4 ms, 15 times `less`'s 1.9 ms: reading the
///   files with libyaml is 4.0 ms, decoding and checking the model 2.0 ms more, and the reading
///   grades and phrase rules every start must pass (no pack with an error is shown) 18 ms more;
/// - node trees would skip only the 4.0 ms of parsing: decoding and checking the model again
///   at each start would put the first frame near 5.5 ms, about 2.9 times `less`'s;
/// - this typed encoding decodes in 0.5 ms, for a first frame of 3.5 ms (1.8 to 1.9 times).
///
/// The layout: magic and format, program, each pack file (present, size, checksum), the pack,
/// checksum.
/// Change `magic` whenever the layout or any model type's encoding changes.
public enum PackSnapshot {
    public static let fileName = "pack.snapshot"

    /// "KXSNAP", then the format number.
    static let magic: [UInt8] = [0x4B, 0x58, 0x53, 0x4E, 0x41, 0x50, 0x00, 0x05]

    /// The files a snapshot stands for: those `ContentPack.load` reads, with `lint.yaml`, whose
    /// rules a pack must pass to be shown (a new banned phrase makes the snapshot stale).
    static let files = ContentPack.File.allCases

    public enum SaveError: Error {
        /// The pack has problems: nothing was written.
        case content(ContentErrors)
        /// The pack is fine but the file could not be written (the message says why).
        case write(String)
    }

    /// Reads and checks the pack in `directory` in full, then writes `directory/pack.snapshot`
    /// (through a temporary file, so a reader never sees half of one). Returns its size in bytes.
    @discardableResult
    public static func save(directory: String, program: [UInt8]) throws(SaveError) -> Int {
        let before = readFiles(directory)
        let pack: ContentPack
        do {
            pack = try ContentPack.load(from: directory)
        } catch {
            throw .content(error)
        }
        guard readFiles(directory) == before else {
            throw .write("a pack file changed while it was being read; run this again")
        }
        let bytes = encode(pack, files: before, program: program)
        if let problem = FileBytes.replace("\(directory)/\(fileName)", with: bytes) { throw .write(problem) }
        return bytes.count
    }

    /// The pack from `directory/pack.snapshot`, or nil when there is none or it does not match
    /// the pack's files and this program exactly.
    public static func load(directory: String, program: [UInt8]) -> ContentPack? {
        guard !program.isEmpty, let bytes = try? FileBytes.read("\(directory)/\(fileName)", limit: FileBytes.snapshotLimit) else { return nil }
        return decode(bytes, files: readFiles(directory), directory: directory, program: program)
    }

    /// The current bytes of each file in `files` (nil for a missing one).
    package static func readFiles(_ directory: String) -> [[UInt8]?] {
        files.map { try? FileBytes.read("\(directory)/\($0.rawValue)", limit: FileBytes.contentLimit) }
    }

    package static func encode(_ pack: ContentPack, files contents: [[UInt8]?], program: [UInt8]) -> [UInt8] {
        var writer = SnapshotWriter()
        writer.bytes.append(contentsOf: magic)
        writer.data(program)
        writer.count(contents.count)
        for content in contents {
            writer.flag(content != nil)
            if let content {
                writer.count(content.count)
                writer.number(Int(bitPattern: UInt(checksum(content[...]))))
            }
        }
        pack.save(to: &writer)
        return sealed(writer.bytes)
    }

    /// `body` with its checksum after it, eight bytes, least significant first.
    package static func sealed(_ body: [UInt8]) -> [UInt8] {
        let sum = checksum(body[...])
        return body + (0..<8).map { UInt8(truncatingIfNeeded: sum >> UInt64($0 * 8)) }
    }

    package static func decode(_ bytes: [UInt8], files contents: [[UInt8]?], directory: String, program: [UInt8]) -> ContentPack? {
        let end = bytes.count - 8
        guard end >= magic.count else { return nil }
        var stored: UInt64 = 0
        for index in 0..<8 { stored |= UInt64(bytes[end + index]) << UInt64(index * 8) }
        guard checksum(bytes[..<end]) == stored else { return nil }
        var reader = SnapshotReader(bytes: bytes, end: end)
        do {
            guard same(try reader.take(magic.count), magic), same(try reader.take(reader.count()), program),
                  try reader.count() == contents.count else { return nil }
            for content in contents {
                guard try reader.flag() == (content != nil) else { return nil }
                if let content {
                    guard try reader.fileSize() == content.count,
                          try reader.number() == Int(bitPattern: UInt(checksum(content[...]))) else { return nil }
                }
            }
            let pack = try ContentPack(snapshot: &reader, directory: directory)
            return reader.isAtEnd ? pack : nil
        } catch {
            return nil
        }
    }

    /// Byte-for-byte equality through memcmp (a generic `elementsEqual` over 60 KB of content
    /// was a sixth of start-up).
    static func same(_ stored: ArraySlice<UInt8>, _ current: [UInt8]) -> Bool {
        guard stored.count == current.count else { return false }
        return stored.withUnsafeBytes { left in
            current.withUnsafeBytes { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        }
    }

    /// A 64-bit checksum, eight bytes at a time: enough to notice a damaged file, not a
    /// defence against someone who can write the pack folder (they could change the YAML too).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0xC4CE_B9FE_1A85_EC53
                hash ^= hash >> 29
                offset += 1
            }
            return hash
        }
    }
}

/// The snapshot's encoding: counts and numbers as LEB128 varints (numbers zig-zagged),
/// strings as a count of UTF-8 bytes and the bytes.
package struct SnapshotWriter {
    package var bytes: [UInt8] = []
    package init() {}

    package mutating func count(_ value: Int) { varint(UInt(value)) }

    package mutating func number(_ value: Int) { varint(UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> 63)) }

    private mutating func varint(_ value: UInt) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func data(_ value: [UInt8]) {
        count(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    mutating func optional(_ value: String?) {
        flag(value != nil)
        if let value { string(value) }
    }

    mutating func optionalNumber(_ value: Int?) {
        flag(value != nil)
        if let value { number(value) }
    }

    mutating func word<Word: RawRepresentable>(_ value: Word) where Word.RawValue == String { string(value.rawValue) }

    mutating func optionalWord<Word: RawRepresentable>(_ value: Word?) where Word.RawValue == String {
        flag(value != nil)
        if let value { word(value) }
    }

    mutating func optional<Element: Snapshotted>(_ value: Element?) {
        flag(value != nil)
        value?.save(to: &self)
    }

    mutating func list<Element: Snapshotted>(_ values: [Element]) {
        count(values.count)
        for value in values { value.save(to: &self) }
    }
}

/// Reads what `SnapshotWriter` wrote; anything out of place throws `Damaged`.
package struct SnapshotReader {
    package struct Damaged: Error {}

    let bytes: [UInt8]
    let end: Int
    var offset = 0

    package init(bytes: [UInt8], end: Int) {
        self.bytes = bytes
        self.end = end
    }

    var isAtEnd: Bool { offset == end }

    mutating func take(_ length: Int) throws(Damaged) -> ArraySlice<UInt8> {
        guard length >= 0, length <= end - offset else { throw Damaged() }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }

    /// A count or length: never more than the bytes there are.
    package mutating func count() throws(Damaged) -> Int {
        let value = try varint()
        guard value <= UInt(end) else { throw Damaged() }
        return Int(value)
    }

    /// A pack file's size, which may be more than the whole snapshot (a small pack's ui.yaml).
    mutating func fileSize() throws(Damaged) -> Int {
        let value = try varint()
        guard value <= UInt(FileBytes.contentLimit) else { throw Damaged() }
        return Int(value)
    }

    package mutating func number() throws(Damaged) -> Int {
        let value = try varint()
        return Int(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }

    private mutating func varint() throws(Damaged) -> UInt {
        var value: UInt = 0
        var shift: UInt = 0
        while true {
            guard offset < end, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func flag() throws(Damaged) -> Bool {
        let byte = try take(1).first!
        guard byte <= 1 else { throw Damaged() }
        return byte == 1
    }

    mutating func string() throws(Damaged) -> String {
        String(decoding: try take(count()), as: UTF8.self)
    }

    mutating func strings() throws(Damaged) -> [String] {
        let total = try count()
        var values: [String] = []
        values.reserveCapacity(total)
        for _ in 0..<total { values.append(try string()) }
        return values
    }

    mutating func optional() throws(Damaged) -> String? {
        try flag() ? try string() : nil
    }

    mutating func optionalNumber() throws(Damaged) -> Int? {
        try flag() ? try number() : nil
    }

    mutating func word<Word: RawRepresentable>(_: Word.Type) throws(Damaged) -> Word where Word.RawValue == String {
        guard let word = Word(rawValue: try string()) else { throw Damaged() }
        return word
    }

    mutating func optionalWord<Word: RawRepresentable>(_: Word.Type) throws(Damaged) -> Word? where Word.RawValue == String {
        try flag() ? try word(Word.self) : nil
    }

    mutating func optional<Element: Snapshotted>(_: Element.Type) throws(Damaged) -> Element? {
        try flag() ? try Element(snapshot: &self) : nil
    }

    mutating func list<Element: Snapshotted>(of _: Element.Type) throws(Damaged) -> [Element] {
        let total = try count()
        var values: [Element] = []
        values.reserveCapacity(total)
        for _ in 0..<total { values.append(try Element(snapshot: &self)) }
        return values
    }
}

/// A model type the snapshot can hold. Each writes its fields in declaration order and reads
/// them back in the same order.
protocol Snapshotted {
    func save(to writer: inout SnapshotWriter)
    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged)
}

extension ContentPack {
    func save(to writer: inout SnapshotWriter) {
        info.save(to: &writer)
        writer.list(sources)
        writer.list(glossary)
        writer.list(topics)
        writer.list(symptoms)
        writer.list(causes)
        comparison.save(to: &writer)
        writer.list(evidence)
        writer.optional(mechanism)
        writer.optional(tours)
        writer.strings(ui.texts)
    }

    init(snapshot reader: inout SnapshotReader, directory: String) throws(SnapshotReader.Damaged) {
        self.init(directory: directory,
                  info: try PackInfo(snapshot: &reader),
                  sources: try reader.list(of: Source.self),
                  glossary: try reader.list(of: GlossaryEntry.self),
                  topics: try reader.list(of: Topic.self),
                  symptoms: try reader.list(of: ListEntry.self),
                  causes: try reader.list(of: ListEntry.self),
                  comparison: try Comparison(snapshot: &reader),
                  evidence: try reader.list(of: EvidenceEntry.self),
                  mechanism: try reader.optional(Mechanism.self),
                  tours: try reader.optional(Tours.self),
                  ui: try UIStrings(snapshot: &reader))
    }
}

extension UIStrings {
    /// A text for each id of this program, or the snapshot is not this program's.
    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        let texts = try reader.strings()
        guard texts.count == UIText.count else { throw SnapshotReader.Damaged() }
        self.init(texts: texts)
    }
}

extension PackInfo: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(title)
        writer.string(language)
        writer.string(version)
        writer.string(lastUpdated)
        writer.optional(lastReviewed)
        writer.string(nextReview)
        writer.strings(reviewers)
        writer.string(writtenBy)
        writer.string(funding)
        writer.string(conflicts)
        writer.string(updatePolicy)
        writer.string(disclaimer)
        writer.string(safetyLine)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        title = try reader.string()
        language = try reader.string()
        version = try reader.string()
        lastUpdated = try reader.string()
        lastReviewed = try reader.optional()
        nextReview = try reader.string()
        reviewers = try reader.strings()
        writtenBy = try reader.string()
        funding = try reader.string()
        conflicts = try reader.string()
        updatePolicy = try reader.string()
        disclaimer = try reader.string()
        safetyLine = try reader.string()
    }
}

extension Source: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(id)
        writer.word(kind)
        writer.string(citation)
        writer.optionalNumber(year)
        writer.optionalNumber(accessed)
        writer.optional(url)
        writer.flag(checked)
        writer.optional(reviewerNote)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        id = try reader.string()
        kind = try reader.word(Kind.self)
        citation = try reader.string()
        year = try reader.optionalNumber()
        accessed = try reader.optionalNumber()
        url = try reader.optional()
        checked = try reader.flag()
        reviewerNote = try reader.optional()
    }
}

extension GlossaryEntry: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(term)
        writer.strings(aliases)
        writer.string(definition)
        writer.strings(sources)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        term = try reader.string()
        aliases = try reader.strings()
        definition = try reader.string()
        sources = try reader.strings()
    }
}

extension Topic: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(id)
        writer.string(title)
        writer.string(menu)
        writer.word(level)
        writer.string(message)
        writer.list(blocks)
        writer.strings(defines)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        id = try reader.string()
        title = try reader.string()
        menu = try reader.string()
        level = try reader.word(Level.self)
        message = try reader.string()
        blocks = try reader.list(of: Block.self)
        defines = try reader.strings()
    }
}

extension Block: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        switch kind {
        case .paragraph(let text):
            writer.count(0)
            writer.string(text)
        case .bullets(let items):
            writer.count(1)
            writer.strings(items)
        case .heading(let text):
            writer.count(2)
            writer.string(text)
        case .callout(let text, let tone):
            writer.count(3)
            writer.string(text)
            writer.word(tone)
        case .include(let include):
            writer.count(4)
            writer.word(include)
        case .icons(let arrays, let alt):
            writer.count(5)
            writer.list(arrays)
            writer.string(alt)
        }
        writer.strings(sources)
        writer.optionalWord(evidence)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        switch try reader.count() {
        case 0: kind = .paragraph(try reader.string())
        case 1: kind = .bullets(try reader.strings())
        case 2: kind = .heading(try reader.string())
        case 3: kind = .callout(try reader.string(), try reader.word(Tone.self))
        case 4: kind = .include(try reader.word(Include.self))
        case 5: kind = .icons(try reader.list(of: IconArray.self), alt: try reader.string())
        default: throw SnapshotReader.Damaged()
        }
        sources = try reader.strings()
        evidence = try reader.optionalWord(EvidenceStrength.self)
    }
}

extension Block.IconArray: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(label)
        writer.number(filled)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        label = try reader.string()
        filled = try reader.number()
    }
}

extension ListEntry: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(id)
        writer.string(name)
        writer.string(description)
        writer.strings(sources)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        id = try reader.string()
        name = try reader.string()
        description = try reader.string()
        sources = try reader.strings()
    }
}

extension Comparison: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        columns.save(to: &writer)
        writer.list(rows)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        columns = try Columns(snapshot: &reader)
        rows = try reader.list(of: Row.self)
    }
}

extension Comparison.Columns: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(ketamine)
        writer.string(opioids)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        ketamine = try reader.string()
        opioids = try reader.string()
    }
}

extension Comparison.Row: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(id)
        writer.string(label)
        writer.string(ketamine)
        writer.string(opioids)
        writer.strings(sources)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        id = try reader.string()
        label = try reader.string()
        ketamine = try reader.string()
        opioids = try reader.string()
        sources = try reader.strings()
    }
}

extension EvidenceEntry: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(id)
        writer.string(condition)
        writer.word(strength)
        writer.string(duration)
        writer.string(bottomLine)
        writer.strings(sources)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        id = try reader.string()
        condition = try reader.string()
        strength = try reader.word(EvidenceStrength.self)
        duration = try reader.string()
        bottomLine = try reader.string()
        sources = try reader.strings()
    }
}

extension Mechanism: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.number(secondsPerFrame)
        writer.strings(sources)
        writer.list(frames)
        writer.number(pictureSize.width)
        writer.number(pictureSize.height)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        secondsPerFrame = try reader.number()
        sources = try reader.strings()
        frames = try reader.list(of: Frame.self)
        pictureSize = Size(width: try reader.number(), height: try reader.number())
    }
}

extension Mechanism.Frame: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(caption)
        writer.strings(picture)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        caption = try reader.string()
        picture = try reader.strings()
    }
}

extension Tours: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.optional(attract)
        writer.optional(guided)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        attract = try reader.optional(Attract.self)
        guided = try reader.optional(Guided.self)
    }
}

extension Tours.Attract: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(prompt)
        writer.list(slides)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        prompt = try reader.string()
        slides = try reader.list(of: Tours.Slide.self)
    }
}

extension Tours.Slide: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(headline)
        writer.string(text)
        writer.strings(sources)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        headline = try reader.string()
        text = try reader.string()
        sources = try reader.strings()
    }
}

extension Guided: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.list(steps)
        values.save(to: &writer)
        summary.save(to: &writer)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        steps = try reader.list(of: Step.self)
        values = try Values(snapshot: &reader)
        summary = try Summary(snapshot: &reader)
    }
}

extension Guided.Values: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(prompt)
        writer.count(pairs.count)
        for pair in pairs { writer.strings(pair) }
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        prompt = try reader.string()
        let total = try reader.count()
        var pairs: [[String]] = []
        for _ in 0..<total { pairs.append(try reader.strings()) }
        self.pairs = pairs
    }
}

extension Guided.Summary: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.strings(points)
        writer.strings(next)
        writer.strings(safety)
        writer.strings(sources)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        points = try reader.strings()
        next = try reader.strings()
        safety = try reader.strings()
        sources = try reader.strings()
    }
}

extension Guided.Step: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(title)
        writer.optional(topic)
        writer.strings(sections)
        writer.optionalWord(show)
        writer.optional(callout)
        writer.strings(notes)
        writer.list(checkpoint)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        title = try reader.string()
        topic = try reader.optional()
        sections = try reader.strings()
        show = try reader.optionalWord(Screen.self)
        callout = try reader.optional()
        notes = try reader.strings()
        checkpoint = try reader.list(of: Guided.Question.self)
    }
}

extension Guided.Question: Snapshotted {
    func save(to writer: inout SnapshotWriter) {
        writer.string(question)
        writer.optional(ownWords)
        writer.strings(choices)
        writer.number(best)
        writer.string(again)
    }

    init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Damaged) {
        question = try reader.string()
        ownWords = try reader.optional()
        choices = try reader.strings()
        best = try reader.number()
        again = try reader.string()
    }
}
