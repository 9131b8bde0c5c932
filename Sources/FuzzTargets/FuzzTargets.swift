import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import StaffPIN
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// What the fuzzers run (`make fuzz`, libFuzzer) and `make test` replays (`Fuzz/corpus`): each
/// target takes any bytes and returns the invariants they broke, empty when none. A trap or a
/// hang is a finding too; the fuzzer catches those itself.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// One pack file replaced by the input (its first byte picks which), then the whole pack
    /// loaded and checked as `lint` does, and every panel laid out if it passed.
    case pack
    /// The input as a kiosk config, and as a clinic file.
    case kioskConfig = "kiosk-config"
    /// Typed input: the input's bytes as the characters the terminal sends (decoded as the
    /// backend decodes them), taps at places on the screen, and lines of plain mode.
    case input
    /// `update` under a random sequence of keys, taps, wheel turns, resizes from 1x1 to
    /// 500x200 and time, in browse, kiosk and guided modes, through the one run loop.
    case update

    /// The invariants `bytes` broke.
    public func run(_ bytes: [UInt8]) -> [String] {
        switch self {
        case .pack: return PackFuzz.shared.run(bytes)
        case .kioskConfig: return SettingsFuzz.shared.run(bytes)
        case .input: return InputFuzz.run(bytes)
        case .update: return UpdateFuzz.run(bytes)
        }
    }

    /// The repository's root, from this file's place in it.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // Sources/FuzzTargets/FuzzTargets.swift
        return parts.joined(separator: "/")
    }()

    /// The shipped pack, loaded once per process.
    static let shipped: ContentPack? = {
        try? ContentPack.load(from: "\(root)/Assets/content/en")
    }()
}

/// A private scratch folder, made once per process and removed at exit.
final class Scratch {
    let path: String

    init(copying source: String?) {
        var template = Array("/tmp/kx-fuzz-XXXXXX".utf8CString)
        path = mkdtemp(&template).map { String(cString: $0) } ?? "/tmp"
        guard let source else { return }
        for file in ContentPack.File.allCases {
            if let bytes = try? FileBytes.read("\(source)/\(file.rawValue)", limit: FileBytes.contentLimit) {
                _ = FileBytes.replace("\(path)/\(file.rawValue)", with: bytes)
            }
        }
    }
}

/// Loads the minimal fixture pack with one of its files replaced by the input.
final class PackFuzz: @unchecked Sendable {
    static let shared = PackFuzz()
    private let scratch = Scratch(copying: "\(FuzzTarget.root)/Tests/ContentModelTests/Fixtures/minimal")
    private let originals: [[UInt8]?]

    private init() {
        let folder = scratch.path
        originals = ContentPack.File.allCases.map { try? FileBytes.read("\(folder)/\($0.rawValue)", limit: FileBytes.contentLimit) }
    }

    func run(_ bytes: [UInt8]) -> [String] {
        guard let selector = bytes.first else { return [] }
        let files = ContentPack.File.allCases
        let index = Int(selector) % files.count
        let path = "\(scratch.path)/\(files[index].rawValue)"
        _ = FileBytes.replace(path, with: Array(bytes.dropFirst()))
        defer {
            if let original = originals[index] { _ = FileBytes.replace(path, with: original) } else { unlink(path) }
        }
        let report = ContentPack.lint(from: scratch.path, today: nil)
        var broken: [String] = []
        for issue in report.errors where issue.file.isEmpty || issue.message.isEmpty {
            broken.append("an error that names no file or says nothing: \(issue)")
        }
        for issue in report.errors where issue.message.unicodeScalars.contains(where: Sanitizer.isForbidden) {
            broken.append("a control character in a message: \(issue)")
        }
        guard let pack = report.pack, report.errors.isEmpty else { return broken }
        // A pack that passed is shown: every panel must lay out at the smallest and a wide size.
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        for panel in pack.topics.indices {
            for area in [Size(width: 38, height: 8), Size(width: 120, height: 40)] {
                let document = documents.document(panel: panel, area: area)
                for line in document.lines where line.displayWidth > area.width {
                    broken.append("panel \(panel) has a line wider than \(area.width): \(line.displayWidth)")
                }
            }
        }
        return broken
    }
}

/// Reads the input as a kiosk config and as a clinic file.
final class SettingsFuzz: @unchecked Sendable {
    static let shared = SettingsFuzz()
    private let scratch = Scratch(copying: nil)

    func run(_ bytes: [UInt8]) -> [String] {
        let path = "\(scratch.path)/settings.yaml"
        _ = FileBytes.replace(path, with: bytes)
        var broken: [String] = []
        if let config = try? KioskConfig.load(path: path, pinHashProblem: StaffPIN.problem(in:)) {
            if !KioskConfig.idleRange.contains(config.idleSeconds) { broken.append("idle_seconds out of range: \(config.idleSeconds)") }
            if !KioskConfig.warningRange.contains(config.warningSeconds) { broken.append("warning_seconds out of range") }
            if !KioskConfig.slideRange.contains(config.slideSeconds) { broken.append("slide_seconds out of range") }
            if let hash = config.pinHash, StaffPIN.problem(in: hash) != nil { broken.append("a pin_hash it should refuse: \(hash)") }
            if let file = config.heartbeatFile, !file.hasPrefix("/") { broken.append("a relative heartbeat_file: \(file)") }
        }
        if let clinic = try? ClinicInfo.load(path: path) {
            for (label, value) in clinic.details where (label + value).unicodeScalars.contains(where: Sanitizer.isForbidden) {
                broken.append("a control character in the clinic's \(label)")
            }
        }
        return broken
    }
}

/// Reads bytes in order, as small numbers; zero once they run out.
struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func next() -> Int {
        defer { index += 1 }
        return index < bytes.count ? Int(bytes[index]) : 0
    }

    /// A number in `range`, from one byte (two for ranges over 256).
    mutating func next(in range: ClosedRange<Int>) -> Int {
        let value = range.count > 256 ? next() << 8 | next() : next()
        return range.lowerBound + value % range.count
    }
}

enum InputFuzz {
    static func run(_ bytes: [UInt8]) -> [String] {
        guard let pack = FuzzTarget.shipped else { return ["the shipped pack did not load"] }
        var broken: [String] = []
        // The bytes as wide characters from the terminal, four at a time, then taps.
        var reader = ByteReader(bytes)
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        var state = AppState(panelCount: pack.topics.count, size: Size(width: 80, height: 24))
        while !reader.isAtEnd {
            let value = UInt32(truncatingIfNeeded: reader.next() << 24 | reader.next() << 16 | reader.next() << 8 | reader.next())
            let key = KeyDecoder.key(forCharacter: value % 0x11_0000)
            _ = documents.update(&state, .key(key))
            let x = reader.next(in: -2...90), y = reader.next(in: -2...30)
            _ = documents.update(&state, .tap(documents.target(atX: x, y: y, in: state)))
            if let query = state.search?.query, query.unicodeScalars.contains(where: Sanitizer.isForbidden) {
                broken.append("a control character reached the search line")
            }
        }
        // The bytes as lines typed in plain mode.
        let text = String(decoding: bytes, as: UTF8.self)
        var browser = PlainBrowser(pack: pack)
        var lines = browser.start()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(50) {
            let answer = browser.handle(String(line))
            lines += answer.lines
            if answer.done { break }
        }
        if let guided = pack.tours?.guided {
            var session = PlainGuided(pack: pack, guided: guided)
            lines += session.start()
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(50) {
                let answer = session.handle(String(line))
                lines += answer.lines
                if answer.effects.contains(.end) { break }
            }
            lines += session.handout.text.split(separator: "\n").map(String.init)
        }
        for line in lines where line.unicodeScalars.contains(where: { Sanitizer.isForbidden($0) && $0 != "\n" }) {
            broken.append("plain mode would print a control character: \(line.debugDescription)")
            break
        }
        return broken
    }
}

/// A terminal made of fuzz bytes, for the one run loop.
final class FuzzBackend: TerminalBackend {
    final class Clock: TickClock {
        var seconds = 1000.0
        func now() -> Double { seconds }
    }

    private var reader: ByteReader
    let clock = Clock()
    var size: Size
    var broken: [String] = []
    private var events = 0

    init(_ bytes: [UInt8]) {
        reader = ByteReader(bytes)
        size = Size(width: reader.next(in: 1...500), height: reader.next(in: 1...200))
    }

    func draw(_ buffer: Buffer) {
        if buffer.size != size { broken.append("a \(buffer.size) frame on a \(size) screen") }
    }

    /// Keys that do something somewhere, so the fuzzer need not find them byte by byte.
    private static let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape,
                                      .backspace, .tab, .backTab, .delete, .function(1), .function(12), .altLeft,
                                      .altRight, .character("/"), .character("?"), .character("q"), .character("g"),
                                      .character("s"), .character("n"), .character("N"), .character(" "),
                                      .character("r"), .character("x"), .character("b"), .character("p"),
                                      .character("e"), .control("a"), .control("c"), .character("2"),
                                      .character("4"), .character("6"), .character("8"), .character("1"),
                                      .character("0"), .unknown(999)]

    func readEvent() -> InputEvent {
        events += 1
        guard !reader.isAtEnd, events < 600 else { return .hangup }   // a run a second, not minutes
        switch reader.next() % 8 {
        case 0, 1: return .key(Self.keys[reader.next() % Self.keys.count])
        case 2: return .key(KeyDecoder.key(forCharacter: UInt32(reader.next(in: 0...0x2FFF))))
        case 3:
            size = Size(width: reader.next(in: 1...500), height: reader.next(in: 1...200))
            return .resize(size)
        case 4: return .pointer(.click(x: reader.next(in: -1...size.width), y: reader.next(in: -1...size.height)))
        case 5: return .pointer(reader.next() % 2 == 0 ? .wheelUp : .wheelDown)
        default:
            // Time: up to about 4 minutes at once, past the kiosk's idle and warning times.
            clock.seconds += Double(reader.next(in: 1...1000)) * 0.25
            return .timeout
        }
    }

    func clear() {}
    func wipe() {}
    func shutdown() {}
}

enum UpdateFuzz {
    nonisolated(unsafe) static let documents: PanelDocuments? = FuzzTarget.shipped.map { PanelDocuments(pack: $0, glyphs: .unicode) }

    static func run(_ bytes: [UInt8]) -> [String] {
        guard let mode = bytes.first, let documents else { return [] }
        let backend = FuzzBackend(Array(bytes.dropFirst()))
        var broken: [String] = []
        switch mode % 3 {
        case 0:
            var program = BrowseProgram(documents: documents, size: backend.size)
            _ = runLoop(&program, backend: backend, clock: backend.clock,
                        everyTurn: { _, program in broken += check(program.state, documents) }) { _, _ in .stop }
        case 1:
            var config = KioskConfig()
            config.idleSeconds = 30
            config.warningSeconds = 20
            config.pinHash = "set"
            config.speech = .onRequest   // the narrator too: what it says must never break anything
            var program = KioskProgram(documents: documents, config: config, size: backend.size,
                                       now: backend.clock.now(), minuteOfDay: { 600 })
            _ = runLoop(&program, backend: backend, clock: backend.clock,
                        everyTurn: { _, program in broken += check(program.kiosk.app, documents) }) { effect, _ in
                switch effect {
                case .beginVisit, .wipeScreen, .switchLanguage, .speech: return .proceed
                case .checkPIN(let pin): return .proceed([.pinChecked(pin == "246810")])
                case .exit: return .stop
                }
            }
        default:
            guard let guided = documents.pack.tours?.guided else { return [] }
            var program = GuidedProgram(documents: GuidedDocuments(pack: documents.pack, guided: guided, glyphs: .unicode),
                                        size: backend.size, speech: .on)
            _ = runLoop(&program, backend: backend, clock: backend.clock,
                        everyTurn: { _, program in
                            let session = program.session
                            if !(0..<session.stepCount).contains(session.step) { broken.append("guided step \(session.step) out of range") }
                            if session.cursor < 0 { broken.append("guided cursor \(session.cursor)") }
                        }) { effect, program in
                switch effect {
                case .export: return .proceed([.session(.exported("Saved \(program.handout.text.utf8.count) bytes."))])
                case .end: return .stop
                case .switchLanguage: return .proceed([.languageLoaded(nil)])
                case .speech: return .proceed
                }
            }
        }
        return broken + backend.broken
    }

    /// The explorer's state is always somewhere real: a panel that exists, scrolled inside it.
    static func check(_ state: AppState, _ documents: PanelDocuments) -> [String] {
        var broken: [String] = []
        if !(0..<state.panelCount).contains(state.selected) { broken.append("selected panel \(state.selected) of \(state.panelCount)") }
        if state.scroll < 0 { broken.append("scroll \(state.scroll)") }
        if state.focus == .content, !state.isTooSmall {
            let layout = documents.layout(for: state)
            if state.scroll > layout.maxScroll { broken.append("scroll \(state.scroll) past the end \(layout.maxScroll)") }
        }
        if let search = state.search, search.query.count > AppState.SearchState.maximumLength {
            broken.append("a search query of \(search.query.count) characters")
        }
        return broken
    }
}
