import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// `show` on a terminal goes through a pager, as git's commands do: `$PAGER`, else `less`
/// (with `LESS=FRX` when `LESS` is unset, as git sets it: a short text is just printed, and
/// the screen is left as it was). `PAGER=cat`, or an empty one, prints straight.
enum Pager {
    /// Starts the pager with standard output going into it, when standard output is a
    /// terminal; its process, to `finish`.
    static func start() -> pid_t? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        let command = getenv("PAGER").map { String(cString: $0) } ?? "less"
        guard command.contains(where: { $0 != " " }), command != "cat" else { return nil }
        if getenv("LESS") == nil { setenv("LESS", "FRX", 1) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        // The pager gets Ctrl-C and Ctrl-\ as usual (less uses them); this program ignores them
        // until the pager ends, as git does: killed while less ran, it left less stopped in the
        // background with the terminal still in its modes.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(ends[0])
        guard spawned == 0 else {
            close(ends[1])
            return nil   // no pager: printed straight
        }
        dup2(ends[1], STDOUT_FILENO)
        close(ends[1])
        signal(SIGINT, SIG_IGN)
        signal(SIGQUIT, SIG_IGN)
        return pid
    }

    /// Ends the text (the pager sees its end) and waits for the reader to quit the pager.
    static func finish(_ pid: pid_t?) {
        guard let pid else { return }
        close(STDOUT_FILENO)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        PlainOutput.forgiveBrokenPipe()   // quitting the pager before the end is not a failure
    }
}
