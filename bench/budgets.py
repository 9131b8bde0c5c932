#!/usr/bin/env python3
"""`make test` fails when start-up grows past its budgets: the instructions run from start to
the first frame and q (callgrind counts them the same on a busy machine, where wall time does
not) and the peak memory of the first frame (the median of several starts). Each budget is
about 10 % above the figure when it was set; the product's own bar for memory is 8 MiB.

Set 2026-12-07 on this project's 2-core machine, release build, shipped pack with its
pack.snapshot, 80x24, TERM=xterm-256color: 7.23 million instructions, 5.4 MiB (5,512 KiB).
A change that needs more says so here, with the new figures and why.

Raised 2026-12-07 (second session): 7.62 million instructions, 5,964 to 6,036 KiB. The
program's own words now come from the pack's ui.yaml (257 texts decoded from the snapshot:
+0.3 million instructions, +0.1 MiB), and adding the WAV export's code, which never runs at
start, moved the peak by another 0.2 MiB through the binary's layout (a build with that
code stubbed out peaks 70 KiB lower; `make startup-order` did not help). With 24 KiB of room
the memory budget failed at random, so it is 10 % above the new figure; the instructions
(counted exactly) keep theirs.

Usage: bench/budgets.py BINARY CONTENT_DIR [--instructions N] [--peak-kib N]
(the options set other budgets, for the test that a regression fails)"""
import argparse, os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

INSTRUCTIONS = 8_000_000
PEAK_KIB = 6_600


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("content")
    parser.add_argument("--instructions", type=int, default=INSTRUCTIONS)
    parser.add_argument("--peak-kib", type=int, default=PEAK_KIB)
    args = parser.parse_args()
    binary, content = os.path.abspath(args.binary), os.path.abspath(args.content)
    budget_instructions, budget_kib = args.instructions, args.peak_kib
    if not os.path.exists(os.path.join(content, "pack.snapshot")):
        sys.exit(f"budgets: {content} has no pack.snapshot; run `{binary} snapshot {content}` first")
    bench.ENV["KETAMINE_EXPLORER_CONTENT"] = content
    marker = b"call or text 988."
    peaks = [bench.first_frame([binary], marker)[1] for _ in range(7)]
    peak = statistics.median(peaks)
    instructions = bench.instructions([binary], marker)
    failures = []
    if instructions is None:
        failures.append("start-up instructions: callgrind (valgrind) did not run")
    elif instructions > budget_instructions:
        failures.append(f"start-up instructions: {instructions / 1e6:.2f} million, over the budget of "
                        f"{budget_instructions / 1e6:.2f} million (bench/budgets.py)")
    if peak > budget_kib:
        failures.append(f"peak memory of the first frame: {peak:.0f} KiB, over the budget of {budget_kib} KiB "
                        f"(bench/budgets.py; the product's bar is 8 MiB)")
    if failures:
        sys.exit("\n".join(["Start-up budgets exceeded:"] + failures))
    print(f"Start-up budgets: {instructions / 1e6:.2f} of {budget_instructions / 1e6:.2f} million instructions, "
          f"peak memory {peak:.0f} of {budget_kib} KiB")


if __name__ == "__main__":
    main()
