import ContentModel
import ExplorerCore
import Foundation
import TermRender
import Terminal

/// The shipped pack, which the scenarios run on.
let shippedPackDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Assets/content/en").path

/// The shipped pack, read once for every scenario (a debug build takes a fifth of a second a time).
func loadShippedPack() throws -> ContentPack { try shippedPackRead.get() }
private let shippedPackRead = Result { try ContentPack.load(from: shippedPackDirectory) }

/// Seconds that move only when the scripted backend says time passed.
final class FakeClock: TickClock {
    var seconds = 1000.0
    func now() -> Double { seconds }
}

/// A terminal made of a script: each `readEvent` hands out the next event, and every
/// `.timeout` moves the fake clock on by the quarter second ncurses would have waited.
/// It records every frame drawn, every wipe and clear, and ends the run with `.hangup`
/// when the script runs out.
final class ScriptedBackend: TerminalBackend {
    private(set) var frames: [Buffer] = []
    private(set) var wipes = 0
    private(set) var clears = 0
    /// Frames drawn before each event was read, by the event's place in the script.
    private(set) var framesBeforeEvent: [Int] = []
    private var script: [InputEvent]
    private let clock: FakeClock
    var size: Size

    /// The quarter second NcursesBackend waits before it reports a timeout.
    static let wait = 0.25

    init(size: Size = Size(width: 80, height: 24), clock: FakeClock, script: [InputEvent] = []) {
        self.size = size
        self.clock = clock
        self.script = script
    }

    /// More events at the end of the script.
    func append(_ events: [InputEvent]) { script += events }

    /// `seconds` of nobody doing anything.
    static func idle(_ seconds: Double) -> [InputEvent] {
        Array(repeating: .timeout, count: Int((seconds / wait).rounded(.up)))
    }

    static func type(_ keys: [Key]) -> [InputEvent] { keys.map(InputEvent.key) }

    var lastFrame: String { frames.last.map { $0.textLines().joined(separator: "\n") } ?? "" }

    func draw(_ buffer: Buffer) { frames.append(buffer) }

    func readEvent() -> InputEvent {
        framesBeforeEvent.append(frames.count)
        guard !script.isEmpty else { return .hangup }
        let event = script.removeFirst()
        if event == .timeout { clock.seconds += Self.wait }
        return event
    }

    func clear() { clears += 1 }
    func wipe() { wipes += 1 }
    func shutdown() {}
}
