#!/usr/bin/env python3
"""make bench: the explorer side by side with `less` on a text file of similar size.

Both run on a fresh 80x24 pseudo-terminal (TERM=xterm-256color, LANG=C.UTF-8), started with
posix_spawn and timed inside this script from spawn, so Python's own start-up and memory are
not counted; the two programs start in turn, run after run. Reported as medians:
  first frame   spawn -> the frame's last line is on the terminal
  peak memory   the child's peak resident set size (VmHWM) once the first frame is shown
  scroll bytes  bytes written to the terminal for a one-line scroll (j), after the screen settles
Then the speech helper (ketamine-explorer-speech), speaking into a file paced as a device
plays, over pipes as the explorer drives it; medians and 90th percentiles:
  key to first audio sample   `say` written -> `chunk 0` read (its first samples are written)
    to the first sound        the same, plus the silence espeak-ng starts with (to -36 dBFS)
  interrupt cost              `stop` written (0.3 s into speech) -> `stopped` read
  start-up, peak memory       spawn -> `ready`; VmHWM before it exits
Then the in-process figures from `explorer-bench` (content load, a keystroke's work).
"""
import argparse, array, os, select, shutil, signal, statistics, struct, subprocess, sys, tempfile, termios, time, fcntl

ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV.pop("NO_COLOR", None)


def spawn(argv, term=None, env=None):
    """Starts argv on a new 80x24 pty as its controlling terminal (TERM=xterm-256color
    unless `term` is given). posix_spawn, not fork: a forked copy of this Python process
    would count in the child's peak memory."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    name = os.ttyname(slave)
    actions = [(os.POSIX_SPAWN_OPEN, 0, name, os.O_RDWR, 0),
               (os.POSIX_SPAWN_DUP2, 0, 1), (os.POSIX_SPAWN_DUP2, 0, 2)]
    program = shutil.which(argv[0]) or argv[0]
    env = dict(env or ENV, TERM=term) if term else (env or ENV)
    pid = os.posix_spawn(program, argv, env, file_actions=actions, setsid=True)
    os.close(slave)
    return pid, master


def answer_queries(fd, chunk):
    """Answers as xterm on a black background does: the explorer asks for the background
    colour (OSC 11) and the device attributes (DA1) before its first frame, and waits for
    the answers, so a silent pty would only measure its timeout."""
    if b"\x1b]11;?" in chunk:
        os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
    if b"\x1b[c" in chunk:
        os.write(fd, b"\x1b[?64;1;2;6;9;15;18;21;22c")


def read_until(fd, predicate, timeout=5.0):
    data = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.005)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            answer_queries(fd, chunk)
            data += chunk
            if predicate(data):
                return data, True
    return data, False


def drain_quiet(fd, quiet=0.08, timeout=3.0):
    """Reads until no output arrives for `quiet` seconds; returns the bytes read."""
    data = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return data
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return data
        if not chunk:
            return data
        data += chunk
    return data


def peak_kib(pid):
    """Peak resident memory of the running child (VmHWM), which starts afresh at exec."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def finish(pid, fd, quit_key=b"q"):
    """Sends the quit key until the child exits."""
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        try:
            os.write(fd, quit_key)
        except OSError:
            pass
        drain_quiet(fd, quiet=0.005, timeout=0.01)
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            os.close(fd)
            return
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)


def first_frame(argv, marker, env=None):
    """One start: milliseconds from spawn to `marker` on the terminal, and peak KiB."""
    start = time.perf_counter()
    pid, fd = spawn(argv, env=env)
    _, ok = read_until(fd, lambda d: marker in d)
    elapsed = time.perf_counter() - start
    if not ok:
        sys.exit(f"bench: {argv[0]} never showed {marker!r}")
    drain_quiet(fd, quiet=0.02)
    peak = peak_kib(pid)
    finish(pid, fd)
    return elapsed * 1000, peak


def first_frames(programs, runs):
    """Median first frame and peak memory of each (argv, marker, env), started in turn, run
    after run: the shared machine's load then weighs on each program alike."""
    results = [([], []) for _ in programs]
    for _ in range(runs):
        for (argv, marker, env), (times, peaks) in zip(programs, results):
            elapsed, peak = first_frame(argv, marker, env)
            times.append(elapsed)
            peaks.append(peak)
    return [(statistics.median(times), statistics.median(peaks)) for times, peaks in results]


def scroll_bytes(argv, marker, setup_keys, key, presses, term=None):
    pid, fd = spawn(argv, term)
    read_until(fd, lambda d: marker in d)
    drain_quiet(fd)
    for setup in setup_keys:
        os.write(fd, setup)
        drain_quiet(fd)
    counts = []
    for _ in range(presses):
        os.write(fd, key)
        counts.append(len(drain_quiet(fd)))
    finish(pid, fd)
    return statistics.median(counts)


def instructions(argv, marker):
    """Instructions from spawn to exit (callgrind), start-up then q: repeatable whatever
    else the machine is doing, unlike wall time. valgrind cannot read the debug info Swift
    writes, so the explorer is measured on a copy with debug info stripped."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory(prefix="kx-cg-") as folder:
        program = argv[0]
        if program.endswith("ketamine-explorer"):
            program = os.path.join(folder, "ketamine-explorer")
            shutil.copy(argv[0], program)
            subprocess.run(["strip", "--strip-debug", program], check=True)
        out = os.path.join(folder, "callgrind.out")
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                   f"--log-file={os.path.join(folder, 'log')}", program] + argv[1:]
        pid, fd = spawn(command)
        read_until(fd, lambda d: marker in d, timeout=60)
        drain_quiet(fd, quiet=0.2)
        finish(pid, fd)
        for line in open(out):
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    return None


class Speech:
    """A speech helper speaking into `sink`, started with posix_spawn (as the explorer starts
    it: pipes for stdin and stdout, stderr to /dev/null), and its replies a line at a time."""

    def __init__(self, helper, sink):
        to_child, self.to_helper = os.pipe()
        self.from_helper, from_child = os.pipe()
        actions = [(os.POSIX_SPAWN_DUP2, to_child, 0), (os.POSIX_SPAWN_DUP2, from_child, 1),
                   (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0)]
        self.pid = os.posix_spawn(helper, [helper, "--sink", sink], ENV, file_actions=actions, setsid=True)
        os.close(to_child)
        os.close(from_child)
        self.pending = b""

    def send(self, line):
        os.write(self.to_helper, line.encode() + b"\n")

    def line(self, timeout=5.0):
        deadline = time.perf_counter() + timeout
        while b"\n" not in self.pending:
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([self.from_helper], [], [], left)[0]:
                return None
            chunk = os.read(self.from_helper, 4096)
            if not chunk:
                return None
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def wait_for(self, reply):
        """Milliseconds until `reply`, counted from now."""
        start = time.perf_counter()
        while True:
            line = self.line()
            if line is None:
                sys.exit(f"bench: the speech helper never answered {reply!r}")
            if line == reply:
                return (time.perf_counter() - start) * 1000

    def close(self):
        os.close(self.to_helper)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.from_helper)
        return status


def p90(values):
    return statistics.quantiles(values, n=10)[8]


def speech_figures(helper, runs):
    """Per run, a fresh helper says one sentence twice, each stopped 0.3 s after its first
    sample; the first say also loads the voice. None and the reason if it cannot speak."""
    say = "say\ten-us\t150\tKetamine blocks the NMDA receptor, which helps keep chronic pain going."
    figures = {"first": [], "sound": [], "cold": [], "stop": [], "start": [], "peak": []}
    with tempfile.TemporaryDirectory(prefix="kx-bench-speech-") as folder:
        sink = os.path.join(folder, "speech.raw")
        for _ in range(runs):
            start = time.perf_counter()
            speech = Speech(helper, sink)
            first = speech.line()
            figures["start"].append((time.perf_counter() - start) * 1000)
            if not first or not first.startswith("ready\t"):
                speech.close()
                return None, (first or "no answer").replace("\t", ": ")
            rate = int(first.split("\t")[1])
            for kind in ["cold", "first"]:
                before = os.path.getsize(sink)
                speech.send(say)
                figures[kind].append(speech.wait_for("chunk\t0"))
                time.sleep(0.3)
                speech.send("stop")
                figures["stop"].append(speech.wait_for("stopped"))
            # The paced sink plays sample k at k / rate after the first: the first one louder
            # than -36 dBFS is when the listener hears something.
            with open(sink, "rb") as audio:
                audio.seek(before)
                samples = array.array("h", audio.read())
            loud = next((k for k, sample in enumerate(samples) if abs(sample) > 500), 0)
            figures["sound"].append(figures["first"][-1] + loud * 1000 / rate)
            figures["peak"].append(peak_kib(speech.pid))
            speech.close()
    return figures, None


def print_speech(helper, runs):
    if not os.access(helper, os.X_OK):
        print(f"Speech figures skipped: no speech helper at {helper} (`make build` builds it)")
        return
    figures, reason = speech_figures(helper, runs)
    if figures is None:
        print(f"Speech figures skipped: the helper at {helper} cannot speak ({reason})")
        return
    print(f"Speech helper: {helper} ({os.path.getsize(helper) / 1024:.0f} KiB); paced --sink, "
          f"en-us at 150 wpm, over pipes; {runs} runs")
    print()
    print(f"{'':34}{'median':>10}{'p90':>10}   aim")
    rows = [("key to first audio sample (ms)", figures["first"], "<= 150"),
            ("  the same, to the first sound", figures["sound"], "(espeak-ng starts with silence)"),
            ("  the same, first say", figures["cold"], "(loads the voice)"),
            ("interrupt cost (ms)", figures["stop"], "<= 100"),
            ("start-up to ready (ms)", figures["start"], ""),
            ("peak memory (MiB)", [kib / 1024 for kib in figures["peak"]], "")]
    for label, values, aim in rows:
        print(f"{label:34}{statistics.median(values):>10.1f}{p90(values):>10.1f}   {aim}".rstrip())
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--speech-helper", help="the speech helper (default: ketamine-explorer-speech beside --binary)")
    parser.add_argument("--speech-runs", type=int, default=15)
    parser.add_argument("--speech-only", action="store_true", help="only the speech helper's figures")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    speech_helper = os.path.abspath(args.speech_helper or os.path.join(os.path.dirname(binary), "ketamine-explorer-speech"))
    if args.speech_only:
        print_speech(speech_helper, args.speech_runs)
        return

    text = subprocess.run([binary, "show", "--content", args.content], capture_output=True, env=ENV, check=True).stdout
    sample = tempfile.NamedTemporaryFile(prefix="kx-bench-", suffix=".txt", delete=False)
    sample.write(text)
    sample.close()
    first_line_of_second_screen = text.split(b"\n")[22].strip()[:20]

    # As `make run` starts it: no arguments (the pack comes from the environment).
    ENV["KETAMINE_EXPLORER_CONTENT"] = os.path.abspath(args.content)
    explorer = [binary]
    less = ["less", sample.name]
    marker = b"call or text 988."
    less_marker = os.path.basename(sample.name).encode()

    # The same pack without its pack.snapshot: start-up reads and checks the YAML (PackSnapshot).
    unsnapped = tempfile.mkdtemp(prefix="kx-bench-pack-")
    shutil.copytree(args.content, unsnapped, dirs_exist_ok=True, ignore=shutil.ignore_patterns("pack.snapshot"))
    yaml_env = dict(ENV, KETAMINE_EXPLORER_CONTENT=unsnapped)
    (ours_ms, ours_kib), (less_ms, less_kib), (yaml_ms, yaml_kib) = first_frames(
        [(explorer, marker, None), (less, less_marker, None), (explorer, marker, yaml_env)], args.runs)
    shutil.rmtree(unsnapped)
    ours_scroll = scroll_bytes(explorer, marker, [b"\r"], b"j", 20)
    less_scroll = scroll_bytes(less, less_marker, [], b"j", 20)
    # A terminal with no scroll region: ncurses deletes and inserts a line instead.
    ours_ansi = scroll_bytes(explorer, marker, [b"\r"], b"j", 20, term="ansi")
    less_ansi = scroll_bytes(less, less_marker, [], b"j", 20, term="ansi")
    ours_instructions = instructions(explorer, marker)
    less_instructions = instructions(less, less_marker)
    os.unlink(sample.name)

    uname = os.uname()
    print(f"Machine: {uname.sysname} {uname.release} {uname.machine}, {os.cpu_count()} cores; "
          f"80x24 pty, TERM=xterm-256color; medians of {args.runs} runs")
    print(f"Text file for less: the same panels as plain text, {len(text)} bytes")
    print(f"Binary: {binary} ({os.path.getsize(binary) / 1048576:.1f} MiB)")
    print()
    print(f"{'':28}{'explorer':>12}{'less':>12}{'ratio':>8}   aim")
    print(f"{'first frame (ms)':28}{ours_ms:>12.1f}{less_ms:>12.1f}{ours_ms / less_ms:>8.2f}   <= 2.0")
    print(f"{'  the same, no pack.snapshot':28}{yaml_ms:>12.1f}{less_ms:>12.1f}{yaml_ms / less_ms:>8.2f}   (YAML read and checked)")
    print(f"{'peak memory (MiB)':28}{ours_kib / 1024:>12.1f}{less_kib / 1024:>12.1f}{ours_kib / less_kib:>8.2f}   < 24 MiB")
    print(f"{'  the same, no pack.snapshot':28}{yaml_kib / 1024:>12.1f}{less_kib / 1024:>12.1f}{yaml_kib / less_kib:>8.2f}")
    print(f"{'one-line scroll (bytes)':28}{ours_scroll:>12.0f}{less_scroll:>12.0f}{ours_scroll / less_scroll:>8.2f}   <= 1.2")
    print(f"{'  the same, TERM=ansi':28}{ours_ansi:>12.0f}{less_ansi:>12.0f}{ours_ansi / less_ansi:>8.2f}   (no scroll region)")
    if ours_instructions and less_instructions:
        print(f"{'start-up instructions (M)':28}{ours_instructions / 1e6:>12.1f}{less_instructions / 1e6:>12.1f}"
              f"{ours_instructions / less_instructions:>8.1f}   (callgrind: start, first frame, q)")
    print()
    print_speech(speech_helper, args.speech_runs)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
