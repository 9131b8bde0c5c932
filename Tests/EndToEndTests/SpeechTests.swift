import ContentModel
import ExplorerCore
import Foundation
import Terminal
import Testing

/// The speech engine for real: the helper beside the release binary, driven by `Speaker` as
/// the run loop drives it, writing to a sound file instead of a sound card (CI has none),
/// paced as a card would play it. And the program with speech on where there is no sound:
/// it says so once and keeps working.
@Suite(.serialized) struct SpeechTests {
    static let helper = Speaker.helperPath(program: Paths.binary)
    static let noSoundCard = !FileManager.default.fileExists(atPath: "/dev/snd")

    /// The helper's reports until `until` holds for them (or 10 s pass, an issue). It reads
    /// once more after the deadline: on a busy pool this task may wake up late.
    private func events(_ speaker: Speaker, sourceLocation: SourceLocation = #_sourceLocation,
                        until: ([SpeechEvent]) -> Bool) async -> [SpeechEvent] {
        var seen: [SpeechEvent] = []
        let deadline = Date().addingTimeInterval(10)
        while true {
            let late = Date() >= deadline
            seen += speaker.events()
            if until(seen) { return seen }
            if late {
                Issue.record("the helper reported only \(seen)", sourceLocation: sourceLocation)
                return seen
            }
            await pause(microseconds: 5_000)
        }
    }

    /// 16-bit samples from a raw sound file.
    private func samples(_ path: String) -> [Int16] {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    @Test func itSaysEachChunkAndStopsAtOnceWhenHushed() async throws {
        let helper = try #require(Self.helper, "the speech helper is built beside \(Paths.binary)")
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sink = "\(directory)/sound.raw"
        let speaker = Speaker(helper: helper, arguments: ["--sink", sink])
        speaker.perform(.say(Utterance(chunks: ["Call nine one one.", "Then rest."], language: "en", wordsPerMinute: 150)))
        let reported = await events(speaker) { $0.contains(.finished) }
        #expect(reported == [.began(0), .began(1), .finished])
        let said = samples(sink)
        let seconds = Double(said.count) / 22050
        #expect(seconds > 0.8 && seconds < 5, "\(seconds) s for two short sentences")
        let loud = said.filter { abs(Int($0)) > 1000 }.count
        #expect(loud > said.count / 20, "not silent: \(loud) of \(said.count) samples are loud")

        // A long reading, stopped once it began: little more is written after the stop is
        // sent (the sink plays in real time, as a card would, so this measures the stop, not
        // how soon this task was woken to send it).
        let long = Array(repeating: "Ketamine is a medicine that can ease some kinds of long-lasting pain for a while.", count: 8)
        speaker.perform(.say(Utterance(chunks: long, language: "en", wordsPerMinute: 150)))
        _ = await events(speaker) { $0.contains(.began(0)) }
        let atStop = samples(sink).count
        speaker.perform(.hush)
        let stopped = await events(speaker) { $0.contains(.stopped) }
        let afterStop = Double(samples(sink).count - atStop) / 22050
        #expect(afterStop < 1, "\(afterStop) s of sound were written after the stop")
        #expect(!stopped.contains(.finished), "about 40 s were asked for: it did not get to the end")
        // Spanish, with its own voice, after the stop.
        speaker.perform(.say(Utterance(chunks: ["Llame al nueve uno uno."], language: "es", wordsPerMinute: 150)))
        #expect(await events(speaker) { $0.contains(.finished) } == [.began(0), .finished])
    }

    /// A say longer than a pipe holds is sent whole before the stop that follows it (a stop
    /// cut into it was once read as part of the words, and the voice went on); and when a
    /// new say interrupts one, the old one's end is not reported as the new one's.
    @Test func aStopAfterALongSayAndASayAfterASayAreEachTheirOwn() async throws {
        let helper = try #require(Self.helper)
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let speaker = Speaker(helper: helper, arguments: ["--sink", "\(directory)/sound.raw"])
        let long = Array(repeating: String(repeating: "Ketamine can ease some pain for a while. ", count: 50), count: 60)
        #expect(long.joined().utf8.count > 100_000)
        speaker.perform(.say(Utterance(chunks: long, language: "en", wordsPerMinute: 150)))
        speaker.perform(.hush)
        let stopped = await events(speaker) { $0.contains(.stopped) || $0.contains(.finished) }
        #expect(stopped.last == .stopped, "\(stopped)")

        speaker.perform(.say(Utterance(chunks: long, language: "en", wordsPerMinute: 150)))
        _ = await events(speaker) { $0.contains(.began(0)) }
        speaker.perform(.say(Utterance(chunks: ["Then rest."], language: "en", wordsPerMinute: 150)))
        let second = await events(speaker) { $0.contains(.finished) }
        #expect(second == [.began(0), .finished], "only the second say's reports: \(second)")
    }

    @Test func noHelperIsSaidOnceAndNothingElseHappens() {
        let speaker = Speaker(helper: nil)
        #expect(speaker.events().count == 1 && speaker.unavailable != nil)
        speaker.perform(.say(Utterance(chunks: ["Hello."], language: "en", wordsPerMinute: 150)))
        #expect(speaker.events().isEmpty)
    }

    @Test(.enabled(if: noSoundCard)) func withoutASoundCardTheHelperSaysSo() async throws {
        let helper = try #require(Self.helper)
        let speaker = Speaker(helper: helper)
        let reported = await events(speaker) { !$0.isEmpty }
        guard case .unavailable(let why)? = reported.first else {
            Issue.record("expected unavailable, got \(reported)")
            return
        }
        #expect(!why.isEmpty)
    }

    /// The kiosk with `speech: on` where there is no sound: the notice shows once, the
    /// heartbeat says why, and a visitor can still do everything.
    @Test(.enabled(if: noSoundCard)) func theKioskWithSpeechOnAndNoSoundKeepsWorking() async throws {
        let pack = try Paths.loadPack()
        let files = try await KioskFiles("speech: on\n")
        let pane = try TmuxPane(arguments: "--kiosk --config '\(files.config)'")
        await pane.waitFor(pack.ui[.speechUnavailable])
        try pane.send("x")
        await pane.waitFor(messageStart(pack.topics[0]))
        #expect(!pane.screen().contains(pack.ui[.speechUnavailable]), "said once: a key clears it")
        try pane.send("r", "2", "Enter")
        await pane.waitFor(messageStart(pack.topics[1]))
        let pid = try pane.explorerPID()
        // A new problem is written to the heartbeat at once.
        await pane.waitUntil("the heartbeat to name the speech problem") { _ in
            (try? String(contentsOfFile: files.heartbeat, encoding: .utf8))?.contains("last_error: speech is not available") == true
        }
        kill(pid, SIGTERM)
        #expect(await pane.exitStatus() == 143)
        pane.expectRestored()
    }

    /// Browsing with `--speech` where there is no sound: said once, and the keys all work.
    @Test(.enabled(if: noSoundCard)) func browsingWithSpeechAndNoSoundKeepsWorking() async throws {
        let pack = try Paths.loadPack()
        let pane = try TmuxPane(arguments: "--speech")
        await pane.waitFor(pack.ui[.speechUnavailable])
        try pane.send("r", "a", "+", "-", "2")
        await pane.waitFor(messageStart(pack.topics[1]))
        #expect(!pane.screen().contains(pack.ui[.speechUnavailable]))
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
    }
}
