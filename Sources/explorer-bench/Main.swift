import ContentModel
import ExplorerApp
import ExplorerCore
import ExplorerUI
import TermRender
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// In-process figures for `make bench`: loading the pack, the first frame's view, and the
/// work one keystroke costs (update, view, and the bytes the frame writer makes of it for
/// xterm-256color), on the shipped pack.
@main
enum ExplorerBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        let directory = arguments.count > 1 ? arguments[1] : "Assets/content/en"
        let clock = ContinuousClock()

        var loadTimes: [Double] = []
        var pack: ContentPack?
        for _ in 0..<21 {
            let start = clock.now
            pack = try ContentPack.load(from: directory)
            loadTimes.append(milliseconds(clock.now - start))
        }
        guard let pack else { return }
        let snapshotTimes = try snapshotLoads(directory, clock: clock)

        guard let terminal = TerminalCapabilities.named("xterm-256color") else {
            print("explorer-bench: no xterm-256color in the terminal database")
            return
        }
        func newWriter() -> FrameWriter { FrameWriter(capabilities: terminal, theme: .standard, color: true, asciiOnly: false) }
        let size = Size(width: 80, height: 24)
        var firstFrameTimes: [Double] = []
        for _ in 0..<21 {
            let start = clock.now
            let documents = PanelDocuments(pack: pack, glyphs: .unicode)
            let state = AppState(panelCount: pack.topics.count, size: size)
            var writer = newWriter()
            _ = writer.bytes(for: ExplorerView.render(state, documents: documents))
            firstFrameTimes.append(milliseconds(clock.now - start))
        }

        let (keyTimes, bytesWritten) = keystrokes(pack, size: size, rounds: 500, writer: newWriter(), clock: clock)

        let pictureTimes = pictureFrames(pack, writer: newWriter(), clock: clock)
        let shippedSearch = try searchPerKeystroke(pack, clock: clock)
        // Before the large pack, so the memory figures are the kiosk's own. The largest pack
        // the loader takes: topics.yaml just under its 1 MiB limit (FileBytes.contentLimit).
        let soakReport = soak(pack, writer: newWriter())
        // After the soak too: the largest screen the explorer draws (a larger window gets it in
        // its corner), whose frames are 50 times the cells of 80x24.
        let largest = Size(width: 500, height: 200)
        let (largeKeyTimes, _) = keystrokes(pack, size: largest, rounds: 20, writer: newWriter(), clock: clock)
        let large = try generatedPack(topics: 1_800, from: directory)
        let largeSearch = try searchPerKeystroke(large, clock: clock)

        print("In-process, release build, shipped pack (\(directory)):")
        print("  load + validate the whole pack        median \(format(median(loadTimes))) ms")
        print("  the same from its snapshot            median \(format(median(snapshotTimes))) ms "
              + "(what start-up does after `make build`)")
        print("  first frame: wrap + view + bytes      median \(format(median(firstFrameTimes))) ms")
        print("  one keystroke: update + view + bytes  median \(format(median(keyTimes))) µs, "
              + "p99 \(format(percentile(keyTimes, 0.99))) µs, max \(format(keyTimes.max() ?? 0)) µs "
              + "(\(keyTimes.count) keys)")
        print("  the same at \(largest.width)x\(largest.height) (largest drawn)  median \(format(median(largeKeyTimes))) µs, "
              + "p99 \(format(percentile(largeKeyTimes, 0.99))) µs, max \(format(largeKeyTimes.max() ?? 0)) µs")
        print("  a new mechanism picture, 120x40      median \(format(median(pictureTimes))) µs, "
              + "max \(format(pictureTimes.max() ?? 0)) µs (update + view + bytes)")
        print("  search, per keystroke (\"magnesium\")   median \(format(median(shippedSearch))) µs, "
              + "max \(format(shippedSearch.max() ?? 0)) µs")
        print("  search, \(large.topics.count) generated topics        median \(format(median(largeSearch) / 1000)) ms, "
              + "max \(format((largeSearch.max() ?? 0) / 1000)) ms per keystroke")
        print("  bytes written per keystroke           median \(Int(median(bytesWritten.map(Double.init)))), "
              + "max \(bytesWritten.max() ?? 0) (the keys above, once each)")
        for line in soakReport { print(line) }
    }

    /// Loading the pack from a snapshot, in a scratch copy of the pack (the real one's snapshot
    /// belongs to the explorer's build, not to this program).
    static func snapshotLoads(_ directory: String, clock: ContinuousClock) throws -> [Double] {
        var template = Array("/tmp/kx-bench-XXXXXX".utf8CString)
        guard let scratch = mkdtemp(&template).map({ String(cString: $0) }) else { return [] }
        defer {
            for file in ContentPack.File.allCases { unlink("\(scratch)/\(file.rawValue)") }
            unlink("\(scratch)/\(PackSnapshot.fileName)")
            rmdir(scratch)
        }
        for file in ContentPack.File.allCases {
            guard let bytes = try? FileBytes.read("\(directory)/\(file.rawValue)", limit: FileBytes.contentLimit) else { continue }
            if let problem = FileBytes.replace("\(scratch)/\(file.rawValue)", with: bytes) { print("bench: \(problem)") }
        }
        let program: [UInt8] = Array("explorer-bench".utf8)
        _ = try PackSnapshot.save(directory: scratch, program: program)
        var times: [Double] = []
        for _ in 0..<21 {
            let start = clock.now
            guard PackSnapshot.load(directory: scratch, program: program) != nil else { return [] }
            times.append(milliseconds(clock.now - start))
        }
        return times
    }

    /// A simulated week in a waiting room, through the kiosk's `update` and `view`: open
    /// 08:00-18:00, the attract loop between visitors, a visitor every 20 minutes who reads
    /// for two minutes and walks away (idle countdown, reset), a blank screen at night.
    /// Peak and current memory after the first day and after the seventh must match. The
    /// kiosk speaks (`speech: on`): what the voice would say is worked out for every key.
    static func soak(_ pack: ContentPack, writer: FrameWriter) -> [String] {
        var writer = writer
        var config = KioskConfig()
        config.openingHours = KioskConfig.OpeningHours("08:00-18:00")
        config.speech = .on
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        let size = Size(width: 80, height: 24)
        var lexicons = Lexicons()
        lexicons.add((try? SpeechLexicon.load(directory: pack.directory)) ?? SpeechLexicon(), for: pack.info.language)
        var minuteNow = 0
        var program = KioskProgram(documents: documents, config: config, size: size, now: 0, lexicons: lexicons,
                                   minuteOfDay: { minuteNow })
        var said = 0
        let keys: [Key] = [.character("3"), .character("j"), .pageDown, .character("4"), .pageDown, .right, .right,
                           .character("/"), .character("p"), .character("a"), .character("i"), .character("n"),
                           .enter, .tab, .enter, .character("x"), .character("g"), .character("?"), .escape,
                           .backspace, .character("7"), .end, .home, .character("5"), .pageDown, .pageDown]
        _ = writer.bytes(for: program.view())
        var frames = 0
        var memory: [(day: Int, peak: Int, current: Int)] = []
        let clock = ContinuousClock()
        let start = clock.now
        for second in 0..<(7 * 24 * 3600) {
            let now = Double(second)
            let minute = (second / 60) % (24 * 60)
            var message = Msg.tick(now)
            // A visitor arrives every 20 minutes while open, pressing a key every 5 seconds for 2 minutes.
            let intoVisit = second % 1200
            if (8 * 60..<18 * 60).contains(minute), intoVisit < 130, intoVisit % 5 == 0 {
                message = .key(intoVisit == 0 ? .character(" ") : keys[(second / 5) % keys.count])
            }
            minuteNow = minute
            let effects = program.update(KioskProgram.input(message), now: now)
            if effects.contains(.wipeScreen) { _ = writer.clearBytes(scrollback: true, screen: program.kiosk.app.size) }
            said += effects.filter { if case .speech(.say) = $0 { true } else { false } }.count
            if second % (24 * 3600) == 24 * 3600 - 1 {
                let (peak, current) = memoryKiB()
                memory.append((second / (24 * 3600) + 1, peak, current))
            }
            if case .key = message { } else if second % 4 != 0 { continue }   // the view, as often as it changes
            _ = writer.bytes(for: program.view())
            frames += 1
        }
        var report = ["Kiosk soak, a simulated week (\(frames) frames, \(program.kiosk.resets) visitors wiped, \(said) things said) in "
                      + "\(format(milliseconds(clock.now - start) / 1000)) s:"]
        report.append("  peak memory after each day (KiB): " + memory.map { "\($0.peak)" }.joined(separator: ", "))
        for entry in memory where entry.day == 1 || entry.day == 7 {
            report.append("  after day \(entry.day): peak memory \(entry.peak) KiB, now \(entry.current) KiB")
        }
        if let first = memory.first, let last = memory.last {
            report.append("  growth from day 1 to day 7: peak \(last.peak - first.peak) KiB, now \(last.current - first.current) KiB")
        }
        return report
    }

    /// This process's peak and current resident memory (VmHWM, VmRSS), in KiB.
    static func memoryKiB() -> (peak: Int, current: Int) {
        let text = (try? readText("/proc/self/status")) ?? ""
        func value(_ key: String) -> Int {
            let line = text.split(separator: "\n").first { $0.hasPrefix(key) } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return (value("VmHWM:"), value("VmRSS:"))
    }

    /// A long, varied session at `size`: every key a reader uses, `rounds` times over. Each
    /// key's time (update, view and the frame's bytes) and, for the first round, its bytes.
    static func keystrokes(_ pack: ContentPack, size: Size, rounds: Int, writer: FrameWriter,
                           clock: ContinuousClock) -> (times: [Double], bytes: [Int]) {
        var writer = writer
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        var state = AppState(panelCount: pack.topics.count, size: size)
        _ = writer.bytes(for: ExplorerView.render(state, documents: documents))
        let keys: [Key] = [.down, .down, .enter, .character("j"), .character("j"), .pageDown, .pageUp, .tab,
                           .character(" "), .end, .home, .backTab, .escape, .character("3"), .character("5"),
                           .pageDown, .character("?"), .character("x"), .up, .character("G")]
        var times: [Double] = []
        var bytesWritten: [Int] = []
        for round in 0..<rounds {
            for key in keys {
                let start = clock.now
                _ = documents.update(&state, .key(key))
                let bytes = writer.bytes(for: ExplorerView.render(state, documents: documents))
                times.append(microseconds(clock.now - start))
                if round == 0 { bytesWritten.append(bytes.count) }
            }
        }
        return (times, bytesWritten)
    }

    /// Times stepping through the animated picture, drawn twice as large at 120x40.
    static func pictureFrames(_ pack: ContentPack, writer: FrameWriter, clock: ContinuousClock) -> [Double] {
        var writer = writer
        guard let panel = pack.topics.firstIndex(where: { $0.blocks.contains { $0.kind == .include(.mechanism) } }) else { return [] }
        let size = Size(width: 120, height: 40)
        let documents = PanelDocuments(pack: pack, glyphs: .unicode)
        var state = AppState(panelCount: pack.topics.count, size: size)
        _ = documents.update(&state, .key(.character(Character(String(panel + 1)))))
        let target = max(0, (state.layout?.diagram?.lines.lowerBound ?? 1) - 1)
        while state.scroll < target {   // line by line, as ↓ reads on
            let before = state.scroll
            _ = documents.update(&state, .key(.down))
            if state.scroll == before { break }
        }
        _ = writer.bytes(for: ExplorerView.render(state, documents: documents))
        var times: [Double] = []
        for step in 0..<300 {
            let start = clock.now
            _ = documents.update(&state, .key(step % 12 < 6 ? .right : .left))
            _ = writer.bytes(for: ExplorerView.render(state, documents: documents))
            times.append(microseconds(clock.now - start))
        }
        return times
    }

    /// Times each keystroke of typing "magnesium" into search, index built beforehand.
    static func searchPerKeystroke(_ pack: ContentPack, clock: ContinuousClock) throws -> [Double] {
        let index = SearchIndex(pack: pack)
        var times: [Double] = []
        for _ in 0..<5 {
            var query = ""
            for character in "magnesium" {
                query.append(character)
                let start = clock.now
                _ = index.search(query)
                times.append(microseconds(clock.now - start))
            }
        }
        return times
    }

    /// The shipped pack with `topics` generated panels of ordinary text instead of its own.
    /// They are reference panels, so the load's reading-grade and medical-term checks (which
    /// word salad would fail) pass over them, as they do over the glossary.
    static func generatedPack(topics count: Int, from directory: String) throws -> ContentPack {
        let folder = "/tmp/kx-bench-pack-\(getpid())"
        mkdir(folder, 0o755)
        defer {
            for file in ContentPack.File.allCases { unlink("\(folder)/\(file.rawValue)") }
            rmdir(folder)
        }
        // The optional files name topics of the shipped pack, which the generated one lacks.
        for file in ContentPack.File.allCases where ![.topics, .mechanism, .tours].contains(file) {
            try writeText(try readText("\(directory)/\(file.rawValue)"), to: "\(folder)/\(file.rawValue)")
        }
        let source = try readText("\(directory)/sources.yaml").split(separator: "\n")
            .first { $0.hasPrefix("- id: ") }.map { String($0.dropFirst(6)) } ?? "missing"
        let words = ["pain", "nerve", "relief", "study", "clinic", "signal", "sleep", "care", "team", "weeks",
                     "body", "brain", "spinal", "cord", "gate", "plug", "calcium", "glutamate", "dose", "visit"]
        var text = ""
        for number in 0..<count {
            var sentence: [String] = []
            for position in 0..<60 { sentence.append(words[(number * 7 + position * 13) % words.count]) }
            text += """
                - id: topic-\(number)
                  title: Generated topic \(number)
                  menu: Topic \(number)
                  level: reference
                  message: A generated message about \(words[number % words.count]).
                  blocks:
                    - paragraph: \(sentence.joined(separator: " ")).
                      sources: [\(source)]

                """
        }
        try writeText(text, to: "\(folder)/topics.yaml")
        return try ContentPack.load(from: folder)
    }

    static func writeText(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else { throw CocoaLikeError(path) }
        defer { fclose(file) }
        fputs(text, file)
    }

    static func readText(_ path: String) throws -> String {
        guard let file = fopen(path, "r") else { throw CocoaLikeError(path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    struct CocoaLikeError: Error { let path: String; init(_ path: String) { self.path = path } }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func microseconds(_ duration: Duration) -> Double { milliseconds(duration) * 1000 }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return "\(scaled)"
    }
}
