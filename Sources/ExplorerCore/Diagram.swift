/// The animated picture on the open panel: which picture shows, and whether it plays.
///
/// It plays through once when it first comes wholly into view in the reading view, then
/// stops on the last picture (r or Space plays it again). It moves only while wholly on
/// screen, and never faster than its content's `seconds_per_frame` (at least one second).
public struct DiagramState: Equatable, Sendable {
    /// The panel the picture belongs to; opening another panel starts afresh.
    public let panel: Int
    public let frameCount: Int
    public let secondsPerFrame: Double
    public var frame: Int
    public var playing: Bool
    /// The whole picture is on the reading screen, with nothing over it: it plays then.
    public var onScreen: Bool
    /// The whole picture is within the page being read, whether or not a box (the help, a
    /// word's meaning) is over it for now: its keys are the reader's, and the help lists them.
    public var inPage: Bool
    /// When the shown picture appeared, by the clock that sends ticks; nil until the next tick.
    public var shownAt: Double?

    public init(panel: Int, frameCount: Int, secondsPerFrame: Double) {
        self.panel = panel
        self.frameCount = max(1, frameCount)
        self.secondsPerFrame = max(1, secondsPerFrame)
        self.frame = 0
        self.playing = true
        self.onScreen = false
        self.inPage = false
        self.shownAt = nil
    }

    public var isAtEnd: Bool { frame == frameCount - 1 }

    mutating func perform(_ action: Action) {
        switch action {
        case .playPause:
            if playing {
                playing = false
            } else {
                if isAtEnd { frame = 0 }
                play()
            }
        case .previousFrame:
            frame = max(0, frame - 1)
            playing = false
        case .nextFrame:
            frame = min(frameCount - 1, frame + 1)
            playing = false
        case .restartDiagram:
            frame = 0
            play()
        default:
            break
        }
    }

    /// Time passes: the next picture once the shown one has had its full time.
    mutating func tick(_ now: Double) {
        guard playing, onScreen else { return }
        guard let shownAt else {
            self.shownAt = now
            return
        }
        guard now - shownAt >= secondsPerFrame else { return }
        frame = min(frameCount - 1, frame + 1)
        self.shownAt = now
        if isAtEnd { playing = false }
    }

    /// Starts playing; the shown picture gets its full time from the next tick.
    private mutating func play() {
        playing = true
        shownAt = nil
    }
}

/// Where a panel's animated picture is and how it plays, as the views lay it out.
public struct DiagramInfo: Equatable, Sendable {
    /// The panel lines the picture, its caption and its status line take.
    public let lines: Range<Int>
    public let frameCount: Int
    public let secondsPerFrame: Double

    public init(lines: Range<Int>, frameCount: Int, secondsPerFrame: Double) {
        self.lines = lines
        self.frameCount = frameCount
        self.secondsPerFrame = secondsPerFrame
    }
}
