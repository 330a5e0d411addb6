"""Start-up time of the command line, cold processes, against a bare Python start.

Each command is run ``--repeat`` times as a fresh process (``python -m symnn``),
in turns so that machine noise hits all alike; the table gives the median and
the slowest run. Targets: ``symnn --help`` and ``symnn problems`` under 0.2 s,
``symnn check 4.3 ANSWER`` and ``symnn solve 4.3`` under 0.8 s. Then the
slowest imports of a cold check, from ``python -X importtime``.

    python benchmarks/bench_startup.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass (baseline)": [sys.executable, "-c", "pass"],
    "symnn --help": [sys.executable, "-m", "symnn", "--help"],
    "symnn problems": [sys.executable, "-m", "symnn", "problems"],
    "symnn solve 4.3": [sys.executable, "-m", "symnn", "solve", "4.3"],
    "symnn check 4.3 '(60, -162, 1)'": [sys.executable, "-m", "symnn", "check", "4.3", "(60, -162, 1)"],
}
TARGETS = {"symnn --help": 0.2, "symnn problems": 0.2, "symnn solve 4.3": 0.8, "symnn check 4.3 '(60, -162, 1)'": 0.8}


def seconds(command) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def importtime(command) -> list[tuple[float, str, int]]:
    """(cumulative seconds, module, processes) for the top-level imports of one cold run; the
    checking worker reports its own imports on the same stream, so a module can appear twice
    (the two imports run in parallel, on two cores)."""
    run = subprocess.run([command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True)
    rows = []
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line[13:]:
            continue
        _, cumulative, name = (part.strip() for part in line[12:].split("|"))
        if cumulative.isdigit() and not name.startswith(" ") and "." not in name.strip():
            rows.append((int(cumulative) / 1e6, name.strip()))
    merged = {}
    for cumulative, name in rows:
        slowest, count = merged.get(name, (0.0, 0))
        merged[name] = (max(slowest, cumulative), count + 1)
    return sorted(((t, name, n) for name, (t, n) in merged.items()), reverse=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    times = {name: [] for name in COMMANDS}
    for name, command in COMMANDS.items():
        seconds(command)                      # the first run compiles nothing new but fills the disk cache
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            times[name].append(seconds(command))
    print("| command | median | slowest | target | met |")
    print("|---|---:|---:|---:|---|")
    for name, runs in times.items():
        target = TARGETS.get(name)
        met = "" if target is None else ("yes" if statistics.median(runs) < target else "no")
        print(f"| `{name}` | {statistics.median(runs):.3f} s | {max(runs):.3f} s | "
              f"{'' if target is None else f'{target} s'} | {met} |")
    print()
    print("Slowest top-level imports of a cold `symnn check 4.3 ...` (python -X importtime, cumulative):")
    print()
    print("| module | seconds (slowest) | imported by |")
    print("|---|---:|---|")
    for cumulative, name, count in importtime(COMMANDS["symnn check 4.3 '(60, -162, 1)'"])[:5]:
        print(f"| {name} | {cumulative:.3f} | {'caller and worker' if count > 1 else 'one process'} |")


if __name__ == "__main__":
    main()
