"""How much a step-by-step derivation costs over a bare ``sympy.diff``.

For every expression of a corpus, time (SymPy's cache cleared before each call):
  - ``sympy.diff(expr, x)``                        the baseline;
  - ``symnn.diff_steps(expr, x)``                  the derivation with its final tidy form;
  - ``diff_steps`` + ``step.failures()``           plus checking every step against sympy.diff.
Prints medians, 90th percentiles and ratios as a Markdown table.

Corpora: the bank's expressions (every partial derivative of every problem) and
random elementary expressions (the generator of the property tests, fixed seed).

    python benchmarks/bench_diff_steps.py [--random 300] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import sympy as sp
from sympy.core.cache import clear_cache

import symnn
from symnn.calculus.expressions import as_expr, as_symbol
from symnn.calculus.random_exprs import X, random_expression


def bank_corpus():
    """(expression, variable) for every derivative and gradient problem of the bank."""
    pairs = []
    for problem in symnn.load_bank().values():
        if problem.kind not in ("derivative", "gradient"):
            continue
        expr = as_expr(problem.data["expr"])
        for name in problem.data["wrt"].split(","):
            pairs.append((expr, as_symbol(name.strip(), expr)))
    return pairs


def random_corpus(count, seed):
    rng = random.Random(seed)
    return [(random_expression(rng, rng.randint(2, 4)), X) for _ in range(count)]


def timed(function, expr, var):
    clear_cache()
    start = time.perf_counter()
    function(expr, var)
    return time.perf_counter() - start


def derive_and_verify(expr, var):
    assert not symnn.diff_steps(expr, var).failures()


def measure(pairs):
    columns = {"sympy.diff": sp.diff, "diff_steps": symnn.diff_steps, "diff_steps + verify": derive_and_verify}
    return {name: [timed(f, e, v) for e, v in pairs] for name, f in columns.items()}


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=300, help="size of the random corpus")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    corpora = {"bank": bank_corpus(), f"random (seed {args.seed})": random_corpus(args.random, args.seed)}
    print("| corpus | n | sympy.diff median | diff_steps median | + verify median | + verify p90 | ratio (median, + verify / sympy.diff) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, pairs in corpora.items():
        times = measure(pairs)
        base = statistics.median(times["sympy.diff"])
        steps = statistics.median(times["diff_steps"])
        verified = statistics.median(times["diff_steps + verify"])
        p90 = percentile(times["diff_steps + verify"], 0.9)
        print(f"| {name} | {len(pairs)} | {base * 1e3:.2f} ms | {steps * 1e3:.2f} ms | {verified * 1e3:.2f} ms "
              f"| {p90 * 1e3:.1f} ms | {verified / base:.0f}× |")


if __name__ == "__main__":
    main()
