/// Where `.tick` messages get the time: seconds on a clock that only goes forward. The run
/// loop reads the system's monotonic clock; tests step a fake one, so nothing sleeps.
public protocol TickClock {
    func now() -> Double
}
