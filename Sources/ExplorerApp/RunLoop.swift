import ExplorerCore
import TermRender
import Terminal

/// The one run loop, for every full-screen mode: an event from the backend becomes a message,
/// `update` turns it into effects, `perform` carries each out (its result comes back as a
/// message), and the view is drawn when the frame changed. Generic over the backend and the
/// clock, so tests run whole scenarios over a scripted backend and a fake clock.
///
/// Returns the stop signal that ended it, or nil when the program (or the terminal) ended.
/// The caller restores the terminal.
/// - Parameters:
///   - stopSignal: a signal asked the program to stop (SIGTERM ...), checked every turn.
///   - interruptions: messages from outside the terminal, checked every turn (the kiosk's
///     "reset now").
///   - everyTurn: work that must happen while the loop turns (the kiosk's heartbeat and
///     systemd watchdog), given the time and the program.
///   - perform: carries out one effect.
public func runLoop<P: Program, Backend: TerminalBackend, Clock: TickClock>(
    _ program: inout P, backend: Backend, clock: Clock,
    stopSignal: () -> Int32? = { nil },
    interruptions: () -> [P.Message] = { [] },
    everyTurn: (Double, P) -> Void = { _, _ in },
    perform: (P.Effect, P) -> Outcome<P.Message>
) -> Int32? {
    var shown: Buffer?
    // Only time passed since the last frame: the frame is compared with it first, so an idle
    // screen is not drawn again four times a second. After input it is drawn at once: the
    // frame writer compares it with the screen anyway, and comparing twice would put that
    // work twice on every keystroke.
    var onlyTimePassed = false
    while true {
        if let signal = stopSignal() { return signal }
        let frame = program.view()
        if !onlyTimePassed || frame != shown {
            backend.draw(frame)
            shown = frame
        }
        everyTurn(clock.now(), program)
        var messages = interruptions()
        let event = backend.readEvent()
        onlyTimePassed = event == .timeout && messages.isEmpty
        switch event {
        case .hangup: return nil
        case .timeout: messages.append(P.input(.tick(clock.now())))
        case .resize(let size): messages.append(P.input(.resize(size)))
        case .key(let key): messages.append(P.input(.key(key)))
        case .pointer(.click(let x, let y)): messages.append(P.input(.tap(program.target(atX: x, y: y))))
        case .pointer(.wheelUp): messages.append(P.input(.wheel(up: true)))
        case .pointer(.wheelDown): messages.append(P.input(.wheel(up: false)))
        }
        while !messages.isEmpty {
            for effect in program.update(messages.removeFirst(), now: clock.now()) {
                onlyTimePassed = false   // an effect may have wiped or cleared the screen: draw the next frame
                switch perform(effect, program) {
                case .stop: return nil
                case .proceed(let results): messages += results
                }
            }
        }
    }
}
