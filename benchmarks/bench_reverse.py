"""Deriving the whole gradient of an n-n-1 sigmoid network with MSE loss.

Baseline: ``sympy.diff`` of the fully nested loss by every parameter.
symnn: ``reverse_gradient`` (reverse accumulation over named nodes).
SymPy's cache is cleared before each measurement. The baseline is skipped for
sizes after one that took longer than --cap seconds.

    python benchmarks/bench_reverse.py [--sizes 2,4,8,16,32] [--cap 120]
"""

from __future__ import annotations

import argparse
import time

import sympy as sp
from sympy.core.cache import clear_cache

from symnn.nn.network import Network
from symnn.nn.reverse import reverse_gradient


def nested_gradient(network):
    loss = network.loss()
    return [sp.diff(loss, p) for p in network.parameters()]


def timed(function, *args):
    clear_cache()
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,4,8,16,32")
    parser.add_argument("--cap", type=float, default=120.0)
    args = parser.parse_args()
    print("| network | parameters | sympy.diff of the nested loss | symnn reverse mode | ratio |")
    print("|---|---:|---:|---:|---:|")
    baseline_ok = True
    for n in (int(s) for s in args.sizes.split(",")):
        network = Network([n, n, 1])
        ours = timed(reverse_gradient, network)
        base = timed(nested_gradient, network) if baseline_ok else None
        baseline_ok = base is not None and base <= args.cap
        base_text = f"{base:.2f} s" if base is not None else "skipped"
        ratio = f"{base / ours:.0f}×" if base is not None else "—"
        print(f"| {n}-{n}-1 | {len(network.parameters())} | {base_text} | {ours:.3f} s | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
