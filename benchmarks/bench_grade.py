"""Answers graded per second: `symnn grade` on two workers, against the same answers checked one
per `symnn check` process, and against a naive loop (latex2sympy, then sympy.simplify of the
difference), in the same run; p99 per answer; and the grading process's peak memory for a
small and a large class (flat memory: the large one must not need more).

    python benchmarks/bench_grade.py [--rows 5000] [--large 100000] [--workers 2]

Needs the test extra (latex2sympy2_extended). Prints the Markdown table the README shows.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# (problem, answers a class types: right ones in several notations and the usual mistakes)
ANSWERS = {
    "4.3": [r"\left(60, -162, 1\right)", "(60, -162, 1)", "(60, 162, 1)", "(60, -162, 0)", "60, -162, 1"],
    "4.4": ["(1, 1, 0)", r"\left(1,1,0\right)", "(1, 1, 1)", "(-1, 1, 0)"],
    "4.5": ["(1, 2)", "(2, 1)", r"\begin{pmatrix}1\\2\end{pmatrix}"],
    "4.6": ["(10, 45)", "(45, 10)", "(10, 40)", r"\left(10, 45\right)"],
    "bce-grad": [r"\frac{p-y}{p(1-p)}", "(p - y)/(p*(1 - p))", "(y - p)/(p*(1 - p))", r"\frac{y-p}{p(1-p)}"],
    "bce-grad-logit": [r"\sigma(z) - y", "sigmoid(z) - y", "y - sigmoid(z)"],
    "softsign": [r"\frac{1}{(1+|x|)^2}", "1/(1 + |x|)^2", "1/(1 + x)^2"],
    "perceptron-alpha": [r"\alpha \sigma(\alpha x)(1-\sigma(\alpha x))", r"\sigma(\alpha x)(1-\sigma(\alpha x))"],
    "5.1": ["15", "15.0", "14", "30"],
    "neuron-3in": [r"\sigma(9)", "0.9999", "0.9998", "0.99988"],
}
LATEX = {"4.3": r"\left(60, -162, 1\right)", "4.4": r"\left(1, 1, 0\right)", "4.5": r"\left(1, 2\right)",
         "4.6": r"\left(10, 45\right)", "bce-grad": r"\frac{p-y}{p(1-p)}", "bce-grad-logit": r"\frac{1}{1+e^{-z}} - y",
         "softsign": r"\frac{1}{(1+|x|)^2}", "perceptron-alpha": r"\frac{\alpha e^{-\alpha x}}{(1+e^{-\alpha x})^2}",
         "5.1": "15", "neuron-3in": r"\frac{1}{1+e^{-9}}"}


def write_class(path: Path, rows: int, seed: int = 0) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    chosen = []
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["student", "problem", "answer"])
        for k in range(rows):
            problem = rng.choice(list(ANSWERS))
            answer = rng.choice(ANSWERS[problem])
            writer.writerow([f"s{k % 500}", problem, answer])
            chosen.append((problem, answer))
    return chosen


def grade(path: Path, out: Path, workers: int) -> tuple[float, float]:
    """(seconds, peak memory of the grading process in MiB), one fresh `symnn grade` process."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", "import resource, sys; from symnn.cli import main; code = main(sys.argv[1:]); "
                            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)",
                            "grade", str(path), "--out", str(out), "--workers", str(workers), "--no-progress"],
                           check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return seconds, int(child.stderr.strip().splitlines()[-1]) / 1024


def per_answer_p99(out: Path) -> float:
    with (out / "journal.jsonl").open(encoding="utf-8") as file:
        file.readline()
        seconds = sorted(json.loads(line)["seconds"] for line in file)
    return seconds[min(len(seconds) - 1, int(0.99 * len(seconds)))]


def one_process_each(sample) -> float:
    """Seconds per answer when each answer is one `symnn check` process."""
    start = time.perf_counter()
    for problem, answer in sample:
        subprocess.run(["symnn", "check", problem, answer], check=True, capture_output=True)
    return (time.perf_counter() - start) / len(sample)


def naive_loop(sample) -> float:
    """Seconds per answer for latex2sympy on the answer and simplify(reference − answer) == 0."""
    import sympy as sp
    from latex2sympy2_extended import latex2sympy
    references = {p: latex2sympy(t) for p, t in LATEX.items()}
    start = time.perf_counter()
    for problem, answer in sample:
        try:
            value = latex2sympy(answer)
            ref = references[problem]
            if isinstance(ref, sp.Tuple) or isinstance(value, sp.Tuple):
                [sp.simplify(a - b) == 0 for a, b in zip(ref, value)]
            else:
                sp.simplify(ref - value) == 0
        except Exception:   # noqa: BLE001 - a baseline that fails on an answer still spent the time
            pass
    return (time.perf_counter() - start) / len(sample)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--large", type=int, default=100_000, help="rows of the large class (memory); 0 to skip")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=40, help="answers timed one process each")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        chosen = write_class(folder / "class.csv", args.rows)
        seconds, memory = grade(folder / "class.csv", folder / "out", args.workers)
        p99 = per_answer_p99(folder / "out")
        sample = random.Random(1).sample(chosen, min(args.sample, len(chosen)))
        each = one_process_each(sample)
        naive = naive_loop(random.Random(2).sample(chosen, min(400, len(chosen))))
        large = None
        if args.large:
            write_class(folder / "large.csv", args.large)
            large = grade(folder / "large.csv", folder / "large-out", args.workers)
    rate = args.rows / seconds
    print(f"| way of checking ({args.rows} bank answers, {args.workers} workers) | answers/s | ratio |")
    print("|---|---:|---:|")
    print(f"| `symnn grade` | {rate:.0f} | 1.0 |")
    print(f"| one `symnn check` process per answer | {1 / each:.1f} | {1 / each / rate:.3f} |")
    print(f"| naive loop: latex2sympy + simplify, one process | {1 / naive:.1f} | {1 / naive / rate:.3f} |")
    print()
    print(f"p99 per answer (in the worker): {p99 * 1000:.1f} ms")
    print(f"peak memory of `symnn grade`: {memory:.0f} MiB for {args.rows} rows", end="")
    if large is not None:
        print(f", {large[1]:.0f} MiB for {args.large} rows ({args.large / large[0]:.0f} answers/s)")
    else:
        print()


if __name__ == "__main__":
    main()
