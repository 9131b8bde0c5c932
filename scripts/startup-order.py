#!/usr/bin/env python3
"""Writes the functions the release binary runs from start to its first frame, one symbol per
line, for the linker to place side by side (`--symbol-ordering-file`, see the Makefile).

Why: the kernel maps a program's code 64 KiB at a time around each page it first touches, so
start-up code spread over the whole 11 MB of text made 5.4 MiB of it resident, two thirds of
the explorer's peak memory. Grouped, it is 2.7 MiB (peak 8.0 -> 5.3 MiB, `make bench`).

Usage: scripts/startup-order.py BINARY CONTENT_DIR OUTPUT   (`make startup-order` runs it)
The list is found with callgrind (valgrind), which names every function run. A list that has
fallen behind the code only groups less well: names the linker does not find are skipped."""
import os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
import bench  # noqa: E402  (the pty helpers make bench uses)


def main():
    binary, content, output = (os.path.abspath(argument) for argument in sys.argv[1:4])
    with tempfile.TemporaryDirectory(prefix="kx-order-pack-") as unsnapped:
        # The start from the snapshot first, then what a start without one adds (the YAML read
        # and checked): the usual start is the most tightly packed.
        shutil.copytree(content, unsnapped, dirs_exist_ok=True, ignore=shutil.ignore_patterns("pack.snapshot"))
        order = functions_run(binary, content)
        order += [name for name in functions_run(binary, unsnapped) if name not in set(order)]
    with open(output, "w") as file:
        file.write("\n".join(order) + "\n")
    print(f"{output}: {len(order)} functions")


def functions_run(binary, content):
    """The symbols of every function run from start to the first frame and q, in the order
    callgrind first names them."""
    bench.ENV["KETAMINE_EXPLORER_CONTENT"] = content
    with tempfile.TemporaryDirectory(prefix="kx-order-") as folder:
        # valgrind cannot read the debug info Swift writes: a copy without it, symbols kept.
        program = os.path.join(folder, "ketamine-explorer")
        shutil.copy(binary, program)
        subprocess.run(["strip", "--strip-debug", program], check=True)
        out = os.path.join(folder, "callgrind.out")
        pid, fd = bench.spawn(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={out}",
                               f"--log-file={os.path.join(folder, 'log')}", program])
        _, shown = bench.read_until(fd, lambda data: b"call or text 988." in data, timeout=60)
        bench.drain_quiet(fd, quiet=0.2)
        bench.finish(pid, fd)
        if not shown:
            sys.exit("startup-order: the explorer never showed its first frame under valgrind")
        # callgrind names a function once in full, then by its number: "fn=(12) name", "fn=(12)".
        names, order, seen = {}, [], set()
        for line in open(out):
            if not (line.startswith("fn=") or line.startswith("cfn=")):
                continue
            rest = line.split("=", 1)[1].strip()
            if rest.startswith("("):
                number, _, name = rest.partition(")")
                name = name.strip() or names.get(number)
                names.setdefault(number, name)
            else:
                name = rest
            if name and name not in seen:
                seen.add(name)
                order.append(name)
    return order


if __name__ == "__main__":
    main()
