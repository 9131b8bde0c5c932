import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The signal that asked the program to stop, or 0. Set by the handler, read by the loop:
/// the handler does nothing but this store, which is async-signal-safe.
private let pendingSignal = Atomic<Int32>(0)
/// Ctrl-Z (SIGTSTP) asked the program to suspend; the loop does it between frames.
private let pendingSuspend = Atomic<Bool>(false)
/// Staff sent SIGUSR1 to the kiosk: wipe the visit now, as an idle reset does.
private let pendingReset = Atomic<Bool>(false)
/// The window changed size (SIGWINCH); the backend reads the new size between frames.
private let pendingResize = Atomic<Bool>(false)

/// Bytes that put the terminal back (leave the alternate screen, show the cursor, reset
/// attributes) and the terminal modes from before start-up, kept where a crash handler can
/// use them without allocating.
nonisolated(unsafe) private var restoreBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var restoreCount = 0
nonisolated(unsafe) private var savedModes: UnsafeMutablePointer<termios>?
nonisolated(unsafe) private var armed = false

/// Signal handling for the full-screen explorer.
///
/// SIGTERM, SIGHUP, SIGINT and SIGQUIT only set a flag; the run loop sees it, restores the
/// terminal with `endwin` and exits. Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
/// SIGTRAP) cannot return to the loop, so a last-resort handler writes the saved restore
/// bytes, puts back the saved terminal modes, and re-raises the signal.
public enum SignalGuard {
    public static let stopSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    public static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// The stop signal received since start, if any.
    public static var pending: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Installs the stop handlers, and one for Ctrl-Z. Call before `newterm`, so ncurses
    /// keeps its hands off these signals (it only installs its own where the action is still
    /// the default): ncurses's own Ctrl-Z handler would leave the screen to a shell with the
    /// frame writer's scroll region still set, and redraw only what ncurses itself drew.
    public static func installStopHandlers(ignoring ignored: [Int32] = []) {
        for signal in stopSignals {
            if ignored.contains(signal) {
                install(signal, SIG_IGN)
            } else {
                install(signal) { number in pendingSignal.store(number, ordering: .relaxed) }
            }
        }
        installSuspendHandler()
        install(SIGWINCH) { _ in pendingResize.store(true, ordering: .relaxed) }
    }

    /// Interrupts a blocked write after `microseconds` (SIGALRM, no SA_RESTART); 0 cancels.
    /// For the last writes of a program that is stopping, which must not wait forever.
    public static func interruptWrite(afterMicroseconds microseconds: Int) {
        if microseconds > 0 { install(SIGALRM) { _ in } }
        var timer = itimerval()
        timer.it_value.tv_sec = microseconds / 1_000_000
        timer.it_value.tv_usec = microseconds % 1_000_000
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
    }

    /// True once after the window changed size. Our handler, installed before `newterm`, keeps
    /// ncurses from resizing itself: it stores sizes in 16 bits and crashed past 32,767 cells.
    public static func takeResizeRequest() -> Bool {
        pendingResize.exchange(false, ordering: .relaxed)
    }

    /// For line modes (plain browse and guided, the PIN prompt): SIGTERM, SIGHUP, SIGINT and
    /// SIGQUIT interrupt the wait for a line (no SA_RESTART) and only set `pending`, so the
    /// program puts back what it changed (echo) and says goodbye before it exits 128 + n.
    /// Ctrl-Z keeps its usual meaning.
    public static func installLineModeHandlers() {
        for signal in stopSignals {
            install(signal) { number in pendingSignal.store(number, ordering: .relaxed) }
        }
    }

    /// True once after Ctrl-Z: the caller hands the terminal back and calls `suspend()`.
    public static func takeSuspendRequest() -> Bool {
        pendingSuspend.exchange(false, ordering: .relaxed)
    }

    /// Stops the process as Ctrl-Z would, and returns once the shell continues it (`fg`).
    public static func suspend() {
        install(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        installSuspendHandler()
    }

    private static func installSuspendHandler() {
        install(SIGTSTP) { _ in pendingSuspend.store(true, ordering: .relaxed) }
    }

    /// The kiosk's signals: SIGTERM and SIGHUP end it cleanly; SIGINT, SIGQUIT and the job-control
    /// stops are ignored, so nothing a visitor can send suspends or kills it; SIGUSR1 is staff's
    /// "reset now" (`systemctl kill -s USR1 ketamine-explorer-kiosk`).
    public static func installKioskHandlers() {
        installStopHandlers(ignoring: [SIGINT, SIGQUIT])
        for signal in [SIGTSTP, SIGTTIN, SIGTTOU] { install(signal, SIG_IGN) }
        install(SIGUSR1) { _ in pendingReset.store(true, ordering: .relaxed) }
    }

    /// True once after SIGUSR1: the kiosk wipes the visit now.
    public static func takeResetRequest() -> Bool {
        pendingReset.exchange(false, ordering: .relaxed)
    }

    /// Remembers how to restore the terminal and arms the crash handlers. `modes` are the
    /// terminal modes from before start-up; `bytes` the escape sequences that undo full-screen mode.
    public static func armCrashRestore(modes: termios, bytes: [UInt8]) {
        let modeStorage = savedModes ?? UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modeStorage.initialize(to: modes)
        savedModes = modeStorage
        updateRestoreBytes(bytes)
        _ = crashNotice.count   // initialise the lazy global now, not inside a handler
        armed = true
        for signal in crashSignals {
            install(signal) { number in
                SignalGuard.restoreAfterCrash()
                // Die of the same signal, so the exit status and any core dump tell the truth.
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// Replaces the bytes a crash writes (they depend on the screen's size).
    public static func updateRestoreBytes(_ bytes: [UInt8]) {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        storage.initialize(from: bytes, count: bytes.count)
        let old = restoreBytes
        restoreCount = 0
        restoreBytes = storage
        restoreCount = bytes.count
        old?.deallocate()
    }

    /// Called once the terminal is restored normally: a later crash has nothing to undo.
    public static func disarm() {
        armed = false
    }

    /// Async-signal-safe: only write(2) and tcsetattr(3).
    static func restoreAfterCrash() {
        guard armed else { return }
        armed = false
        if let bytes = restoreBytes, restoreCount > 0 { _ = write(STDOUT_FILENO, bytes, restoreCount) }
        if let modes = savedModes { _ = tcsetattr(STDIN_FILENO, TCSANOW, modes) }
        crashNotice.withUnsafeBufferPointer { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Built before any handler is armed: a signal handler must not allocate.
    private static let crashNotice = Array("ketamine-explorer stopped unexpectedly; the terminal was restored.\n".utf8)

    private static func install(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a signal interrupts the wait for a key
        sigaction(signal, &action, nil)
        // A program started with the signal blocked (a parent's mask is inherited: a test
        // runner's, a service manager's) would never see it: SIGTERM could not end it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
