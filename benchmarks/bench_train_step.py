"""One gradient step (loss, gradient, SGD update) of the same network in every implementation.

Cases: (a) seed 002's 2-2-1 sigmoid net with MSE on a batch of 1,000;
(b) a 64-32-10 sigmoid net with softmax and cross-entropy on a batch of 128.
Baseline: hand-written NumPy backprop (``symnn.numerics.reference``). Every contender's
gradient is first checked against the baseline's, then timed: the median of
``--repeats`` rounds, each timing a loop of every contender in turn (so a slow
spell of the machine hits all of them alike). Peers that are not installed
are listed as such (install them with ``pip install ".[bench]"``).

    python benchmarks/bench_train_step.py [--repeats 15] [--budget 0.2]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import sympy as sp

from symnn.nn.network import Network
from symnn.numerics import reference
from symnn.numerics.compile import batch_sum, compile_numpy
from symnn.numerics.dense import DenseModel, dense_parameters
from symnn.numerics.models import ScalarModel

LR = 0.1


def sgd(step_gradient):
    """A step function from a loss-and-gradient function over dicts of arrays."""
    def step(params, X, Y):
        _, grads = step_gradient(params, X, Y)
        return {k: params[k] - LR * grads[k] for k in params}
    return step


# -- symnn without common-subexpression elimination, to show what cse buys

def lambdify_without_cse(network: Network):
    model = ScalarModel(network)
    loss, data = network.loss(), (*network.inputs, *network.targets)
    sums = [batch_sum(e) for e in (loss, *(sp.diff(loss, p) for p in network.parameters()))]
    model.training = compile_numpy(sums, (*data, *network.parameters()), cse=False, batch=data)
    return model.loss_and_gradient


# -- peers, each written the way its documentation suggests

def torch_step(case):
    import torch
    torch.set_num_threads(1)

    def step(params, X, Y):
        tensors = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
        Xt, Yt = torch.from_numpy(X), torch.from_numpy(Y)
        loss = torch_loss(case, tensors, Xt, Yt, torch)
        loss.backward()
        with torch.no_grad():
            return {k: (t - LR * t.grad).numpy() for k, t in tensors.items()}

    def gradient(params, X, Y):
        tensors = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
        loss = torch_loss(case, tensors, torch.from_numpy(X), torch.from_numpy(Y), torch)
        loss.backward()
        return float(loss), {k: t.grad.numpy() for k, t in tensors.items()}
    return step, gradient


def torch_loss(case, p, X, Y, torch):
    if case == "221":
        h1 = torch.sigmoid(p["w1"] * X[:, 0] + p["w2"] * X[:, 1] + p["b1"])
        h2 = torch.sigmoid(p["w3"] * X[:, 0] + p["w4"] * X[:, 1] + p["b2"])
        o1 = torch.sigmoid(p["w5"] * h1 + p["w6"] * h2 + p["b3"])
        return torch.mean((Y[:, 0] - o1) ** 2)
    H = torch.sigmoid(X @ p["W1"] + p["b1"])
    return torch.nn.functional.cross_entropy(H @ p["W2"] + p["b2"], Y.argmax(dim=1))


def numpy_loss(case, p, X, Y, np_):
    """The loss in plain array code, for autograd and JAX (``np_`` is their NumPy)."""
    sig = lambda z: 1 / (1 + np_.exp(-z))
    if case == "221":
        h1 = sig(p["w1"] * X[:, 0] + p["w2"] * X[:, 1] + p["b1"])
        h2 = sig(p["w3"] * X[:, 0] + p["w4"] * X[:, 1] + p["b2"])
        o1 = sig(p["w5"] * h1 + p["w6"] * h2 + p["b3"])
        return np_.mean((Y[:, 0] - o1) ** 2)
    Z = sig(X @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    top = np_.max(Z, axis=1, keepdims=True)
    lse = top[:, 0] + np_.log(np_.sum(np_.exp(Z - top), axis=1))
    return np_.mean(lse - np_.sum(Y * Z, axis=1))


def autograd_step(case):
    import autograd
    import autograd.numpy as anp
    value_and_grad = autograd.value_and_grad(lambda p, X, Y: numpy_loss(case, p, X, Y, anp))
    return sgd(value_and_grad), value_and_grad


def jax_step(case):
    import jax
    import jax.numpy as jnp
    jax.config.update("jax_enable_x64", True)
    value_and_grad = jax.value_and_grad(lambda p, X, Y: numpy_loss(case, p, X, Y, jnp))

    @jax.jit
    def step(params, X, Y):
        _, grads = value_and_grad(params, X, Y)
        return jax.tree_util.tree_map(lambda p, g: p - LR * g, params, grads)

    def run(params, X, Y):
        return jax.block_until_ready(step(params, X, Y))
    return run, lambda p, X, Y: jax.jit(value_and_grad)(p, X, Y)


def micrograd_value():
    """micrograd's Value with exp and log added in micrograd's own style (it ships +, *, ** and relu)."""
    import math

    from micrograd.engine import Value

    def unary(function, slope, name):
        def op(self):
            out = Value(function(self.data), (self,), name)
            def _backward():
                self.grad += slope(self.data, out.data) * out.grad
            out._backward = _backward
            return out
        return op

    Value.exp = unary(math.exp, lambda x, y: y, "exp")
    Value.log = unary(math.log, lambda x, y: 1 / x, "log")
    return Value


def micrograd_step(case):
    import sys
    sys.setrecursionlimit(100_000)      # micrograd sorts its graph recursively; a batch sum is deep
    Value = micrograd_value()
    scalar = np.vectorize(Value, otypes=[object])

    def gradient(params, X, Y):
        values = {k: scalar(v) if np.ndim(v) else Value(float(v)) for k, v in params.items()}
        loss = micrograd_loss(case, values, X, Y)
        loss.backward()
        grads = {k: np.vectorize(lambda u: u.grad)(v) if isinstance(v, np.ndarray) else v.grad for k, v in values.items()}
        return loss.data, grads
    return sgd(gradient), gradient


def micrograd_loss(case, p, X, Y):
    sig = lambda z: (1 + (-z).exp()) ** -1
    total, n = 0, X.shape[0]
    if case == "221":
        for (x1, x2), (y,) in zip(X, Y):
            h1 = sig(p["w1"] * x1 + p["w2"] * x2 + p["b1"])
            h2 = sig(p["w3"] * x1 + p["w4"] * x2 + p["b2"])
            o1 = sig(p["w5"] * h1 + p["w6"] * h2 + p["b3"])
            total = total + (o1 - y) ** 2
        return total * (1 / n)
    W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]
    for x, y in zip(X, Y):
        h = [sig(sum((W1[k, j] * x[k] for k in range(W1.shape[0])), b1[j])) for j in range(W1.shape[1])]
        z = [sum((W2[k, j] * h[k] for k in range(len(h))), b2[j]) for j in range(W2.shape[1])]
        top = max(v.data for v in z)                                  # log-sum-exp, shifted by the max
        lse = sum((v - top).exp() for v in z).log() + top
        total = total + lse - sum(v * float(t) for v, t in zip(z, y))
    return total * (1 / n)


# -- the cases

def case_221(rng):
    network = Network([2, 2, 1])
    params = {str(p): np.float64(rng.normal()) for p in network.parameters()}
    X, Y = rng.normal(size=(1000, 2)), rng.uniform(size=(1000, 1))
    scalar, dense, plain = ScalarModel(network).loss_and_gradient, DenseModel([2, 2, 1]), lambdify_without_cse(network)
    contenders = {
        "hand-written NumPy": (sgd(reference.net221_mse), reference.net221_mse, params),
        "symnn scalar form (lambdify + cse)": (sgd(scalar), scalar, params),
        "symnn matrix form": (sgd(dense.loss_and_gradient), None, dense_parameters(network, params)),
        "lambdify without cse": (sgd(plain), plain, params),
    }
    return "2-2-1, batch 1,000", "221", params, X, Y, contenders


def case_64(rng):
    model = DenseModel([64, 32, 10], loss="ce", output="softmax")
    params = model.init(rng)
    X, Y = rng.normal(size=(128, 64)), np.eye(10)[rng.integers(0, 10, 128)]
    contenders = {
        "hand-written NumPy": (sgd(reference.dense_softmax_ce), reference.dense_softmax_ce, params),
        "symnn matrix form": (sgd(model.loss_and_gradient), model.loss_and_gradient, params),
    }
    return "64-32-10, batch 128", "64", params, X, Y, contenders


PEERS = {"PyTorch CPU": torch_step, "HIPS autograd": autograd_step, "JAX jit": jax_step, "micrograd": micrograd_step}


def calibrate(step, params, X, Y, budget: float) -> int:
    """Loops of ``step`` that take about ``budget`` seconds (after a warm-up that compiles JAX)."""
    step(params, X, Y)
    start = time.perf_counter()
    step(params, X, Y)
    return max(1, int(budget / max(time.perf_counter() - start, 1e-7)))


def loop_seconds(step, params, X, Y, loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        step(params, X, Y)
    return (time.perf_counter() - start) / loops


def median_seconds(entries: dict, X, Y, repeats: int, budget: float) -> dict:
    """Median seconds per step of each entry, timed in rounds (every contender once per round), so
    that a slow spell of the machine hits them all alike. A contender slower than ``budget`` per
    step (micrograd) is timed on its own, fewer times."""
    loops = {name: calibrate(step, start, X, Y, budget) for name, (step, start) in entries.items()}
    fast = [name for name in entries if loops[name] > 1]
    times = {name: [] for name in entries}
    for _ in range(repeats):
        for name in fast:
            step, start = entries[name]
            times[name].append(loop_seconds(step, start, X, Y, loops[name]))
    for name in entries:
        if name not in fast:
            step, start = entries[name]
            times[name] = [loop_seconds(step, start, X, Y, 1) for _ in range(2)]
    return {name: statistics.median(values) for name, values in times.items()}


def agrees(gradient, baseline, params, X, Y) -> bool:
    _, ours = gradient(params, X, Y)
    _, theirs = baseline(params, X, Y)
    return all(np.allclose(np.asarray(ours[k]), np.asarray(theirs[k]), rtol=1e-6, atol=1e-9) for k in theirs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--budget", type=float, default=0.2, help="seconds per timed loop")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    print("| network | implementation | median step | × hand-written NumPy |")
    print("|---|---|---:|---:|")
    for build in (case_221, case_64):
        title, case, params, X, Y, contenders = build(rng)
        baseline = contenders["hand-written NumPy"][1]
        for name, make in PEERS.items():
            try:
                step, gradient = make(case)
            except ImportError:
                contenders[name] = None
                continue
            contenders[name] = (step, gradient, params)
        missing = [name for name, entry in contenders.items() if entry is None]
        entries = {}
        for name, entry in contenders.items():
            if entry is None:
                continue
            step, gradient, start = entry
            if gradient is not None and not agrees(gradient, baseline, start, X, Y):
                raise AssertionError(f"{name} computes a different gradient on {title}")
            entries[name] = (step, start)
        seconds = median_seconds(entries, X, Y, args.repeats, args.budget)
        base = seconds["hand-written NumPy"]
        for name, value in seconds.items():
            print(f"| {title} | {name} | {value * 1e6:,.0f} µs | {value / base:.2f} |", flush=True)
        for name in missing:
            print(f"| {title} | {name} | not installed | — |", flush=True)


if __name__ == "__main__":
    main()
