"""Time per checked answer: median, 90th and 99th percentile, warm, on the test cases.

Runs every case of tests/answers/test_check.py (and the hostile corpus of
tests/hostile/*.toml) through ``check_answer`` -- reading, comparing and
explaining, in the killable worker -- after one warm-up pass, and prints a
Markdown table. Targets: median <= 50 ms, p99 <= 1 s, never over the limit.

    python benchmarks/bench_check.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import statistics
import sys
import time
from pathlib import Path

from symnn import check_answer
from symnn.answers.check import check_bank_answer

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cases():
    for reference, answer, options, _, _ in load(ROOT / "tests" / "answers" / "test_check.py").CASES:
        vector = re.fullmatch(r"\(([^()]*)\)", reference) if isinstance(reference, str) else None
        yield check_answer, (tuple(vector[1].split(",")) if vector else reference), answer, options


def hostile():
    sys.path.insert(0, str(ROOT))
    from tests.hostile.corpus import cases as corpus
    for case in corpus():
        if case["expect"] != "error":          # a bank problem's case is checked against the problem
            check, target = (check_bank_answer, case["problem"]) if case.get("problem") else (check_answer, case["reference"])
            yield check, target, case["answer"], case["options"]


def timings(corpus, repeat):
    seconds = []
    for _ in range(repeat):
        for check, target, answer, options in corpus:
            start = time.perf_counter()
            check(target, answer, **options)
            seconds.append(time.perf_counter() - start)
    return seconds


def row(name, seconds, limit):
    ordered = sorted(seconds)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]   # noqa: E731
    over = sum(s > limit for s in seconds)
    return (f"| {name} | {len(seconds)} | {statistics.median(seconds) * 1e3:.1f} ms | {pick(0.9) * 1e3:.0f} ms "
            f"| {pick(0.99) * 1e3:.0f} ms | {max(seconds) * 1e3:.0f} ms | {over} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpora = {"course cases": list(cases()), "hostile inputs": list(hostile())}
    for corpus in corpora.values():
        timings(corpus, 1)   # warm-up: the worker process and SymPy's caches
    print("| answers | n | median | p90 | p99 | max | over the 2 s limit |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, corpus in corpora.items():
        print(row(name, timings(corpus, args.repeat), 2.0))


if __name__ == "__main__":
    main()
