import ContentModel
import ExplorerCore
import TermRender
import Testing

/// A clock the test moves by hand: animations are tested without sleeping.
private final class FakeClock: TickClock {
    var seconds = 1000.0
    func now() -> Double { seconds }
    func advance(_ by: Double) { seconds += by }
}

/// The animated mechanism picture: when it plays, how fast, and what its keys do.
@Suite struct DiagramTests {
    private let metrics = FixedMetrics(diagramPanel: 2)
    private let clock = FakeClock()

    /// Panel 2 opened for reading: its picture is wholly on screen.
    private func opened() -> AppState {
        var state = AppState(panelCount: 5, size: Size(width: 80, height: 24))
        _ = update(&state, .key(.character("3")), metrics: metrics)
        return state
    }

    private func send(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = update(&state, .key(key), metrics: metrics) }
    }

    /// Ticks four times a second, as the run loop does, for `seconds`.
    private func wait(_ state: inout AppState, _ seconds: Double) {
        for _ in 0..<Int(seconds * 4) {
            clock.advance(0.25)
            _ = update(&state, .tick(clock.now()), metrics: metrics)
        }
    }

    @Test func onlyAPanelWithAPictureHasOne() {
        var state = opened()
        #expect(state.diagram?.frame == 0)
        #expect(state.diagram?.onScreen == true)
        send(&state, .character("2"))
        #expect(state.diagram == nil)
    }

    @Test func itPlaysOnceAtTheContentsPaceThenStopsOnTheLastPicture() {
        var state = opened()
        var frames = [state.diagram!.frame]
        var changes: [Double] = []
        for _ in 0..<(4 * 40) {
            clock.advance(0.25)
            _ = update(&state, .tick(clock.now()), metrics: metrics)
            if state.diagram!.frame != frames.last {
                frames.append(state.diagram!.frame)
                changes.append(clock.seconds)
            }
        }
        #expect(frames == [0, 1, 2, 3, 4, 5])
        // Never faster than the content's 4 seconds a picture.
        #expect(zip(changes.dropFirst(), changes).allSatisfy { $0 - $1 >= 4 })
        #expect(state.diagram?.playing == false)
        #expect(state.diagram?.isAtEnd == true)
    }

    @Test func aLongGapBetweenTicksStillMovesOnlyOnePicture() {
        var state = opened()
        _ = update(&state, .tick(clock.now()), metrics: metrics)
        clock.advance(60)
        _ = update(&state, .tick(clock.now()), metrics: metrics)
        #expect(state.diagram?.frame == 1)
    }

    @Test func spacePausesAndPlaysAndPausedPicturesStay() {
        var state = opened()
        wait(&state, 4.5)
        #expect(state.diagram?.frame == 1)
        send(&state, .character(" "))
        #expect(state.diagram?.playing == false)
        wait(&state, 20)
        #expect(state.diagram?.frame == 1)
        #expect(state.scroll == 0, "Space works the picture here, not the page")
        send(&state, .character(" "))
        wait(&state, 4.5)
        #expect(state.diagram?.frame == 2)
    }

    @Test func sideArrowsStepAndPauseAndRStartsAgain() {
        var state = opened()
        send(&state, .right, .right, .right)
        #expect(state.diagram?.frame == 3)
        #expect(state.diagram?.playing == false)
        send(&state, .left)
        #expect(state.diagram?.frame == 2)
        #expect(state.focus == .content, "← steps the picture instead of leaving the panel")
        send(&state, .left, .left, .left)
        #expect(state.diagram?.frame == 0)
        send(&state, .right, .right, .right, .right, .right, .right, .right)
        #expect(state.diagram?.frame == 5)
        send(&state, .character("r"))
        #expect(state.diagram?.frame == 0)
        #expect(state.diagram?.playing == true)
    }

    @Test func spaceAtTheLastPicturePlaysFromTheStart() {
        var state = opened()
        wait(&state, 30)
        #expect(state.diagram?.isAtEnd == true)
        send(&state, .character(" "))
        #expect(state.diagram?.frame == 0)
        #expect(state.diagram?.playing == true)
    }

    @Test func offScreenItNeitherMovesNorTakesTheKeys() {
        var state = opened()
        send(&state, .down, .down)   // line 1 of the picture is above the screen now
        #expect(state.diagram?.onScreen == false)
        wait(&state, 20)
        #expect(state.diagram?.frame == 0)
        send(&state, .character(" "))
        #expect(state.scroll > 2, "Space pages as usual when the picture is not on screen")
        send(&state, .left)
        #expect(state.focus == .panels, "← goes back as usual")
    }

    @Test func inTheListItDoesNotPlay() {
        var state = opened()
        send(&state, .escape)
        #expect(state.diagram?.onScreen == false)
        wait(&state, 20)
        #expect(state.diagram?.frame == 0)
    }

    @Test func anOverlayOverThePictureStopsItMoving() {
        var state = opened()
        send(&state, .character("?"))
        wait(&state, 20)
        #expect(state.diagram?.frame == 0)
    }

    @Test func theFooterAndHelpNameThePictureKeysOnlyWhenItIsOnScreen() {
        var state = opened()
        #expect(BrowseKeys.active(for: state).footerHints.map(\.text).contains(.hintPlayPause))
        #expect(BrowseKeys.active(for: state).action(for: .character(" ")) == .playPause)
        let help = BrowseKeys.active(for: state).bindings.map(\.keyLabel)
        #expect(help.contains("Esc h"), "help does not claim ← goes back while it steps")
        #expect(help.contains("PgDn"))
        send(&state, .down, .down)
        #expect(!BrowseKeys.active(for: state).footerHints.map(\.text).contains(.hintPlayPause))
        #expect(BrowseKeys.active(for: state).action(for: .character(" ")) == .pageDown)
    }

    @Test func openingAnotherPanelAndComingBackStartsThePictureAfresh() {
        var state = opened()
        send(&state, .right, .right)
        send(&state, .character("2"), .character("3"))
        #expect(state.diagram?.frame == 0)
        #expect(state.diagram?.playing == true)
    }
}

@Suite struct DiagramPagingTests {
    @Test func pagingDownStopsWhereThePictureShowsWholeRatherThanCuttingIt() {
        // A 10-line page over a picture on lines 12-19: one page would cut it at the top.
        let metrics = FixedMetrics(lines: 60, diagramPanel: 0, diagramLines: 12..<20)
        var state = AppState(panelCount: 3, size: Size(width: 80, height: 24))
        _ = update(&state, .key(.enter), metrics: metrics)
        _ = update(&state, .key(.pageDown), metrics: metrics)
        #expect(state.scroll == 9)
        _ = update(&state, .key(.pageDown), metrics: metrics)
        #expect(state.scroll == 11, "stops with the line above the picture at the top")
        #expect(state.diagram?.onScreen == true)
        _ = update(&state, .key(.pageDown), metrics: metrics)
        #expect(state.scroll == 20, "PgDn pages on past it")
    }
}
