import ExplorerCore
import TermRender

/// One way of running the explorer (browse, kiosk, guided) as the run loop sees it: a state
/// machine that takes messages and returns effects, and a view of its state.
public protocol Program {
    /// What the program is told: input and time from the terminal, and the results of its
    /// effects.
    associatedtype Message
    /// Work the program asks of the outside world; the run loop's `perform` carries it out.
    associatedtype Effect

    /// A key, tap, wheel, resize or tick, as this program's message.
    static func input(_ msg: Msg) -> Message
    /// What the program's screen shows at (x, y), for a click to arrive as a `.tap` of it:
    /// hit-testing belongs to the view, never to `update`.
    func target(atX x: Int, y: Int) -> PointerTarget?
    /// Applies one message that arrived at `now` (seconds on the loop's clock).
    mutating func update(_ message: Message, now: Double) -> [Effect]
    /// The screen for the state as it is.
    func view() -> Buffer
}

extension Program {
    /// Nothing on the screen answers a click.
    public func target(atX x: Int, y: Int) -> PointerTarget? { nil }
}

/// What the run loop does after an effect: go on, with any messages that carry its result,
/// or stop.
public enum Outcome<Message> {
    case proceed([Message])
    case stop

    public static var proceed: Outcome { .proceed([]) }
}
