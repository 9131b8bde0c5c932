import ContentModel
import Foundation
import Testing

/// The animated mechanism picture in a real terminal: it plays, pauses, steps and restarts,
/// never faster than its content says, and `--reduce-motion` shows stills instead.
@Suite(.serialized) struct MechanismTests {
    let pack: ContentPack
    let mechanism: Mechanism
    let panelKey: String

    init() throws {
        pack = try Paths.loadPack()
        mechanism = try #require(pack.mechanism)
        let panel = try #require(pack.topics.firstIndex { $0.blocks.contains { $0.kind == .include(.mechanism) } })
        panelKey = "\(panel + 1)"
    }

    /// Opens the panel and pages down until the picture shows whole (at whichever picture: at
    /// one second a picture, a poll late on a loaded machine finds it already past the first).
    private func openPicture(_ pane: TmuxPane) async throws {
        await pane.waitFor("Ketamine treatment explorer")
        try pane.send(panelKey)
        let count = mechanism.frames.count
        for _ in 0..<6 where !(1...count).contains(where: { pane.screen().contains("Picture \($0) of \(count)") }) {
            try await pane.sendAndWaitForChange("PageDown")
        }
    }

    @Test func playsThroughAtOneSecondAPictureThenPausesStepsAndRestarts() async throws {
        // One second a picture (the fastest allowed) keeps the test short.
        let copy = try EditedPack("mechanism.yaml", replacing: "seconds_per_frame: \(mechanism.secondsPerFrame)",
                                  with: "seconds_per_frame: 1")
        let pane = try TmuxPane(arguments: "--content '\(copy.path)'")
        try await openPicture(pane)
        let count = mechanism.frames.count
        // A poll may come late (the tests share two cores): whichever picture plays next.
        var seen = 0
        await pane.waitUntil("a later picture to play") { screen in
            // A poll seconds late may find the last picture already: then only the end is checked.
            seen = (2..<count).first { screen.contains("Picture \($0) of \(count), playing") }
                ?? (screen.contains("Picture \(count) of \(count), the last") ? count : 0)
            return seen > 0
        }
        let since = Date()
        await pane.waitFor("Picture \(count) of \(count), the last", seconds: Double(count) + 10)
        // The last picture comes count - seen changes later, each at least a second; a late
        // poll may lose up to a second. It still fails a loop that runs through the pictures
        // at once. The exact pace is DiagramTests' (a fake clock).
        #expect(Date().timeIntervalSince(since) >= Double(count - seen) - 1)
        let last = pane.screen().split(separator: "\n").joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(last.contains(mechanism.frames[count - 1].caption))
        // That it then stays on the last picture is time passing with nothing happening: the
        // fake-clock test DiagramTests.itPlaysOnceAtTheContentsPaceThenStopsOnTheLastPicture shows it.

        try pane.send("Space")   // at the last picture: plays again from the first
        await pane.waitUntil("the pictures to play again from the first") { $0.contains(", playing") }
        try pane.send("Space")
        await pane.waitFor("paused")
        // Wherever it paused (a late poll), ← steps back to the first picture and stays there.
        for _ in 0..<count { try pane.send("Left") }
        await pane.waitFor("Picture 1 of \(count), paused")
        try pane.send("Right")
        await pane.waitFor("Picture 2 of \(count), paused")
        try pane.send("Left", "Left")
        await pane.waitFor("Picture 1 of \(count), paused")
        #expect(pane.screen().contains(pack.topics[Int(panelKey)! - 1].title), "← stepped, it did not leave the panel")
        try pane.send("r")
        // Playing again from picture 1 (paused there before r); a late poll may find it further
        // on, or played through to the last: anything but still paused.
        await pane.waitUntil("the pictures to play again") {
            $0.contains(", playing") || $0.contains("Picture \(count) of \(count), the last")
        }
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
        pane.expectRestored()
    }

    @Test func reduceMotionShowsEveryPictureStillWithItsCaption() async throws {
        let pane = try TmuxPane(arguments: "--reduce-motion")
        await pane.waitFor("Ketamine treatment explorer")
        try pane.send(panelKey)
        var seen = Set<Int>()
        for _ in 0..<12 {
            let screen = pane.screen()
            #expect(!screen.contains("playing"))
            for number in 1...mechanism.frames.count where screen.contains("Picture \(number) of \(mechanism.frames.count)") {
                seen.insert(number)
            }
            try pane.send("Space")
            await pause(microseconds: 150_000)
        }
        #expect(seen == Set(1...mechanism.frames.count))
        try pane.send("q")
        #expect(await pane.exitStatus() == 0)
    }

    @Test func theShowCommandPrintsStills() async throws {
        let output = try await runCommand(["show", "how-ketamine-works"]).output
        for (index, frame) in mechanism.frames.enumerated() {
            #expect(output.contains("Picture \(index + 1) of \(mechanism.frames.count)"))
            #expect(output.split(separator: "\n").joined(separator: " ").contains(frame.caption))
        }
        #expect(!output.contains("\u{1B}"))
    }
}
