import ExplorerCore
#if canImport(Glibc)
import Glibc
#endif

/// The system's monotonic clock, in seconds: it never jumps when the wall clock is set.
public struct MonotonicClock: TickClock {
    public init() {}

    public func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
