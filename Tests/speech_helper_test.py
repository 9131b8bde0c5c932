#!/usr/bin/env python3
"""The speech helper (Helpers/ketamine-explorer-speech.c), driven as the explorer drives it.

    KETAMINE_EXPLORER_SPEECH=.build/release/ketamine-explorer-speech python3 Tests/speech_helper_test.py

There is no sound card on CI, so it speaks into a file (--sink), paced as a device would play
it: what the file holds, and when, is what a listener would have heard. Every wait has a
timeout, so a broken helper fails the test instead of hanging it.
"""
import array, math, os, select, subprocess, tempfile, time, unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELPER = os.environ.get("KETAMINE_EXPLORER_SPEECH",
                        os.path.join(ROOT, ".build/release/ketamine-explorer-speech"))
RATE = 22050  # espeak-ng 1.51's voices
BYTES_PER_SECOND = RATE * 2

SHORT = "say\ten-us\t175\tCall nine one one.\tThen rest."
# About ten seconds of speech, in four chunks.
LONG = ("say\ten-us\t175\tKetamine is a medicine that blocks the NMDA receptor in the brain and spinal cord."
        "\tIn chronic pain, this receptor helps keep pain signals going long after an injury has healed."
        "\tA drip visit takes a few hours, and a nurse checks your blood pressure while it runs."
        "\tMost people feel a little dreamy or far away during the drip, and this passes soon after.")


class Helper:
    """One running helper: its pipes, and its replies one line at a time."""

    def __init__(self, sink=None, unpaced=False):
        argv = [HELPER]
        if sink:
            argv += ["--sink", sink] + (["--unpaced"] if unpaced else [])
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, bufsize=0, start_new_session=True)
        self.pending = b""

    def send(self, line):
        self.process.stdin.write(line.encode() + b"\n")

    def line(self, timeout=10.0):
        """The next reply, or None if none came within `timeout` seconds (or output ended)."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.process.stdout.fileno(), 4096)
            if not chunk:
                return None
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def close(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


def writable_memory(pid):
    """The process's private writable memory (heap, stack, libraries' data), as one bytes."""
    parts = []
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for mapping in maps:
            fields = mapping.split()
            if not fields[1].startswith("rw"):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            try:
                mem.seek(start)
                parts.append(mem.read(end - start))
            except OSError:
                pass
    return b"\0".join(parts)


class SpeechHelperTest(unittest.TestCase):

    def setUp(self):
        self.assertTrue(os.access(HELPER, os.X_OK), f"no speech helper at {HELPER} (make build builds it)")
        self.folder = tempfile.TemporaryDirectory(prefix="kx-speech-")
        self.sink = os.path.join(self.folder.name, "speech.raw")
        self.helpers = []

    def tearDown(self):
        for helper in self.helpers:
            helper.close()
        self.folder.cleanup()

    def start(self, **options):
        helper = Helper(self.sink if "sink" not in options else options.pop("sink"), **options)
        self.helpers.append(helper)
        self.assertEqual(helper.line(), f"ready\t{RATE}")
        return helper

    def expect(self, helper, reply, timeout=10.0):
        self.assertEqual(helper.line(timeout), reply)

    def expect_no_reply_before_the_next(self, helper):
        """Nothing was due: the helper answers lines in order, so the first reply after a new
        say is that say's own (no waiting to see that nothing comes)."""
        helper.send(SHORT)
        self.assertEqual(helper.line(10.0), "chunk\t0", "a reply when none was due")
        self.expect(helper, "chunk\t1")
        self.expect(helper, "done")

    def sink_bytes(self):
        return os.path.getsize(self.sink)

    def test_starts_ready_with_a_private_sink(self):
        self.start()
        self.assertEqual(os.stat(self.sink).st_mode & 0o777, 0o600)

    def test_says_chunks_in_order_paced_as_a_device_plays(self):
        helper = self.start()
        began = time.monotonic()
        helper.send(SHORT)
        self.expect(helper, "chunk\t0")
        self.expect(helper, "chunk\t1")
        self.expect(helper, "done")
        elapsed = time.monotonic() - began
        with open(self.sink, "rb") as sink:
            samples = array.array("h", sink.read())
        seconds = len(samples) / RATE
        self.assertTrue(0.5 < seconds < 6, f"{seconds:.2f} s of audio")
        rms = math.sqrt(sum(s * s for s in samples) / len(samples))
        self.assertGreater(rms, 300, "the audio is silent")
        self.assertGreaterEqual(elapsed, seconds - 0.1, "the sink ran ahead of real time")
        self.expect_no_reply_before_the_next(helper)

    def test_stop_cuts_speech_off_at_once(self):
        helper = self.start()
        helper.send(LONG)
        self.expect(helper, "chunk\t0")
        time.sleep(0.2)  # well into the first chunk
        before = self.sink_bytes()
        helper.send("stop")
        self.expect(helper, "stopped", timeout=2)
        # Measured in sound, not in this test's time: the paced sink takes audio only as fast
        # as a device plays it, so what came after the stop is how long the helper took.
        written = self.sink_bytes()
        self.assertLess(written - before, 0.15 * BYTES_PER_SECOND, "stop took too long")
        self.assertLess(written, 3 * BYTES_PER_SECOND)
        # Nothing is being said now: a stop is not answered, and no chunk or done of the
        # stopped say follows.
        helper.send("stop")
        self.expect_no_reply_before_the_next(helper)

    def test_a_new_say_interrupts_and_is_carried_out(self):
        helper = self.start()
        helper.send(LONG)
        self.expect(helper, "chunk\t0")
        time.sleep(0.2)
        helper.send("say\tes-419\t175\tLlame al nueve uno uno.")
        self.expect(helper, "stopped", timeout=2)
        before = self.sink_bytes()
        self.expect(helper, "chunk\t0")
        self.expect(helper, "done")
        spanish = (self.sink_bytes() - before) / BYTES_PER_SECOND
        self.assertTrue(0.5 < spanish < 6, f"{spanish:.2f} s of Spanish")
        self.assertLess(self.sink_bytes(), 6 * BYTES_PER_SECOND, "the first say was not cut short")

    def test_the_voice_changes_the_sound(self):
        """--unpaced, so it is quick. espeak-ng's output varies a little from one utterance to the
        next, so the voices are told apart by length: Spanish says these about 15% longer."""
        helper = self.start(unpaced=True)
        lengths = []
        began = time.monotonic()
        for voice in ["en-us", "es-419", "en-us", "es-419"]:
            before = self.sink_bytes()
            helper.send(f"say\t{voice}\t175\tkm kg ml cm mm.\t100% 200% 300%")
            self.expect(helper, "chunk\t0")
            self.expect(helper, "chunk\t1")
            self.expect(helper, "done")
            lengths.append(self.sink_bytes() - before)
        self.assertLess(time.monotonic() - began, sum(lengths) / BYTES_PER_SECOND / 2, "--unpaced was paced")
        english, spanish, english_again, spanish_again = lengths
        self.assertGreater(spanish, english * 1.07, f"es-419 sounded like en-us: {lengths} bytes")
        self.assertGreater(spanish_again, english_again * 1.07, f"no change back and forth: {lengths} bytes")
        self.assertLess(abs(english_again - english), english * 0.04, f"en-us changed: {lengths} bytes")

    def test_rate_changes_the_length(self):
        helper = self.start(unpaced=True)
        lengths = []
        for wpm in [450, 80]:
            before = self.sink_bytes()
            helper.send(f"say\ten-us\t{wpm}\tCall nine one one.")
            self.expect(helper, "chunk\t0")
            self.expect(helper, "done")
            lengths.append(self.sink_bytes() - before)
        self.assertLess(lengths[0] * 2, lengths[1], f"450 and 80 words a minute: {lengths} bytes")

    def test_long_lines_and_lines_not_understood(self):
        helper = self.start()
        helper.send("hello\tthere")
        helper.send("say\ten-us")  # no rate, no chunk
        helper.send("x" * 30000)
        # None of the three is answered: the next reply is the next say's.
        # A whole panel: 20 KB in one line, arriving in several reads.
        panel = " ".join(["The drip runs for about forty minutes."] * 520)
        helper.send(f"say\ten-us\t175\tFirst.\t{panel}")
        self.expect(helper, "chunk\t0")
        self.expect(helper, "chunk\t1")
        helper.send("stop")
        self.expect(helper, "stopped", timeout=2)

    def test_forgets_what_it_said(self):
        """What a patient chose to hear is not left in the helper's memory (its own buffers, nor
        espeak-ng's) once a say is done or stopped."""
        words = ["Zebulonia", "quarantinesque", "xylophonium", "Valparaisito"]
        helper = self.start(unpaced=True)
        helper.send(f"say\ten-us\t175\tMy name is {words[0]} {words[1]}.\tI live in {words[2]} {words[3]}.")
        self.expect(helper, "chunk\t0")
        self.expect(helper, "chunk\t1")
        self.expect(helper, "done")
        paced = self.start(sink=os.path.join(self.folder.name, "paced.raw"))
        paced.send("say\ten-us\t175\t" + f"Again {words[1]} and {words[2]}, " * 30)
        self.expect(paced, "chunk\t0")
        paced.send(f"say\ten-us\t175\tNow {words[3]} instead of {words[0]}.")
        self.expect(paced, "stopped")
        self.expect(paced, "chunk\t0")
        paced.send("stop")
        self.expect(paced, "stopped")
        # It forgets just after replying: look until the words are gone, for up to 2 s.
        for process in [helper.process, paced.process]:
            deadline = time.monotonic() + 2
            while True:
                try:
                    found = [word for word in words if word.lower().encode() in writable_memory(process.pid).lower()]
                except PermissionError:
                    self.skipTest("cannot read the helper's memory here")
                if not found or time.monotonic() >= deadline:
                    break
                time.sleep(0.02)
            self.assertEqual(found, [], "words said are still in memory")

    def test_end_of_input_ends_it_while_speaking(self):
        helper = self.start()
        helper.send(LONG)
        self.expect(helper, "chunk\t0")
        sent = time.monotonic()
        helper.process.stdin.close()
        self.assertEqual(helper.process.wait(timeout=1), 0)
        self.assertLess(time.monotonic() - sent, 1)

    def test_end_of_input_ends_it_when_idle(self):
        helper = self.start()
        helper.process.stdin.close()
        self.assertEqual(helper.process.wait(timeout=1), 0)

    def test_a_sound_output_that_fails_is_reported_and_ends_it(self):
        # A pipe whose reader has gone, as a sound server that went away: it does not come
        # back, so the helper says why and ends, and the explorer goes on in silence.
        fifo = os.path.join(self.folder.name, "fifo")
        os.mkfifo(fifo)
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        helper = self.start(sink=fifo)
        os.close(reader)
        helper.send(SHORT)
        kind, _, reason = (helper.line() or "").partition("\t")
        self.assertEqual(kind, "unavailable")
        self.assertIn("Broken pipe", reason)
        self.assertEqual(helper.process.wait(timeout=10), 0)

    def test_without_a_sound_card_it_says_why(self):
        helper = Helper()
        self.helpers.append(helper)
        first = helper.line(timeout=10)
        self.assertIsNotNone(first, "no first line within 10 s")
        if os.path.exists("/dev/snd") and first.startswith("ready\t"):
            self.skipTest("this machine has a sound card")
        kind, _, reason = first.partition("\t")
        self.assertEqual(kind, "unavailable")
        self.assertGreater(len(reason), 10, "no reason given")
        self.assertEqual(helper.process.wait(timeout=10), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
