#!/usr/bin/env python3
"""A bounded storm of random input against the real program in a pty (issue 18).

    storm.py BINARY CONTENT SEED [browse|guided|kiosk] [EVENTS]

Sends EVENTS random events (keys, escape sequences, control characters, pastes of up to
2,000 characters, mouse reports in both encodings, and resizes from 1x1 to 500x200), reading
everything the program writes so it never blocks, then SIGTERM. It passes when the program
was alive after the storm, ended by that SIGTERM (status 143, no crash), within the time
limit, and left the terminal's modes as they were. The same SEED replays the same storm.
Prints one line: what happened.
"""
import fcntl
import os
import subprocess
import random
import select
import signal
import struct
import sys
import termios
import time

KEYS = [b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D", b"\x1b[5~", b"\x1b[6~", b"\x1b[H", b"\x1b[F",
        b"\x1bOP", b"\x1b[24~", b"\x1b[1;3D", b"\x1b[1;3C", b"\x1b[Z", b"\t", b"\r", b"\x7f", b"\x1b",
        b"/", b"?", b"g", b"s", b"n", b"N", b"j", b"k", b"q", b" ", b"1", b"5", b"9", b"x", b"b", b"r",
        b"\x13", b"\x11", b"\x01", b"\x04", b"\x0c", b"\x1a"]


QUITTING = bytes.maketrans(b"qQ\x03\x1c\x1a", b"xxxxx")


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def drain(fd, seconds):
    """Reads what the program wrote for up to `seconds`; False once it has closed the pty."""
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return True
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return True
        try:
            if not os.read(fd, 65536):
                return False
        except OSError:
            return False


def event(rng, size):
    kind = rng.random()
    if kind < 0.45:
        return rng.choice(KEYS), size
    if kind < 0.60:
        return bytes(rng.randrange(0x20, 0x7f) for _ in range(rng.randrange(1, 8))), size
    if kind < 0.66:   # a paste, sometimes bracketed, sometimes with accents and controls
        text = "".join(rng.choice("abcdefghij klmnop\u00e9\u00f1\u00fc\u2014\x1b\x07\x9b") for _ in range(rng.randrange(50, 2000)))
        data = text.encode("utf-8", "surrogatepass")
        return (b"\x1b[200~" + data + b"\x1b[201~") if rng.random() < 0.5 else data, size
    if kind < 0.78:   # a mouse report: SGR or the old X10 form, in or out of the screen
        x, y = rng.randrange(0, size[1] + 3), rng.randrange(0, size[0] + 3)
        if rng.random() < 0.5:
            button = rng.choice([0, 64, 65, 2])
            return b"\x1b[<%d;%d;%d%s" % (button, x + 1, y + 1, rng.choice([b"M", b"m"])), size
        return b"\x1b[M" + bytes([32 + rng.choice([0, 3, 64]), min(255, 33 + x), min(255, 33 + y)]), size
    if kind < 0.80:
        return bytes(rng.randrange(0, 256) for _ in range(rng.randrange(1, 6))), size
    rows = rng.choice([1, 2, 5, 11, 12, 20, 24, 40, 60, 100, 200, rng.randrange(1, 201)])
    cols = rng.choice([1, 2, 10, 39, 40, 60, 80, 120, 200, 300, 500, rng.randrange(1, 501)])
    return None, (rows, cols)


def main():
    binary, content, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    mode = sys.argv[4] if len(sys.argv) > 4 else "browse"
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 600
    rng = random.Random(seed)
    arguments = [binary, "--content", content]
    config = None
    if mode == "guided":
        arguments += ["--guided", "--export-dir", "/tmp"]
    elif mode == "kiosk":
        config = "/tmp/kx-storm-%d.yaml" % os.getpid()
        with open(config, "w") as handle:
            handle.write("idle_seconds: 30\nwarning_seconds: 20\n")
        os.chmod(config, 0o640)
        arguments += ["--kiosk", "--config", config]

    fd, terminal = os.openpty()
    size = (24, 80)
    set_size(fd, *size)
    before = termios.tcgetattr(terminal)
    environment = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    process = subprocess.Popen(arguments, stdin=terminal, stdout=terminal, stderr=terminal, env=environment,
                               start_new_session=True,
                               preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    pid = process.pid
    os.set_blocking(fd, False)   # a program that stops reading must not stop the storm
    drain(fd, 1.0)
    started = time.monotonic()
    alive = True
    for _ in range(count):
        data, new_size = event(rng, size)
        if data is not None and mode != "kiosk":
            # Outside the kiosk these end or stop the program on purpose (q, Ctrl-C, Ctrl-\,
            # Ctrl-Z); the storm is about everything else.
            data = data.translate(QUITTING)
        if data is None:
            size = new_size
            set_size(fd, *size)
            os.kill(pid, signal.SIGWINCH)
        else:
            try:
                os.write(fd, data)
            except BlockingIOError:
                pass   # its input is full: the keys are lost, as on a real terminal
            except OSError:
                alive = False
                break
        if not drain(fd, 0.002) or process.poll() is not None:
            alive = False
            break
    if alive and process.poll() is None:
        set_size(fd, 24, 80)
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            drain(fd, 0.05)
        if process.poll() is None:
            process.kill()
            process.wait()
            print("seed %d %s: SIGTERM did not end it within 10 s" % (seed, mode))
            return 1
    after = termios.tcgetattr(terminal)
    if config:
        os.unlink(config)
    seconds = time.monotonic() - started
    code = process.returncode
    if code < 0:
        print("seed %d %s: died of signal %d" % (seed, mode, -code))
        return 1
    # 143: the SIGTERM that ended the storm; 0 or 130: the storm itself quit it (q, Ctrl-C).
    if code not in (143, 0, 130):
        print("seed %d %s: exit status %d" % (seed, mode, code))
        return 1
    if after != before:
        print("seed %d %s: terminal modes changed: %s -> %s" % (seed, mode, before, after))
        return 1
    print("seed %d %s: %d events in %.1f s, exit %d, modes restored" % (seed, mode, count, seconds, code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
