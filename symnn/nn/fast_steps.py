"""The steps of a long run a key does not show, computed from the same formulas with mpmath.

Substituting into the SymPy formulas takes about 25 ms a step, so the 10 000 steps of a textbook's
"after repeating this process 10 000 times" would take minutes; the same formulas, compiled once
with ``sympy.lambdify`` for mpmath, take a millisecond a step at the DIGITS significant digits that
``sgd_steps`` carries from its second step on. ``sgd_steps`` shows the first step in full, these
steps as the loss before each, and the network after the last.

>>> from symnn.nn.network import Network
>>> from symnn.nn.sgd_steps import train_steps
>>> run = train_steps(Network([1, 1], loss="half-se"), {"x1": 1, "y": 0, "w1": 0, "b1": 0}, steps=3,
...                   learning_rate=1, shown=1)
>>> [number for number, _ in run.history], len(run.steps)
([1, 2, 3], 1)
>>> round(run.value("L+"), 6) == round(train_steps(Network([1, 1], loss="half-se"),
...     {"x1": 1, "y": 0, "w1": 0, "b1": 0}, steps=3, learning_rate=1).value("L+"), 6)
True
"""

from __future__ import annotations

import mpmath
import sympy as sp

from .optimizers import g, t, w_old

# how mpmath computes what SymPy writes by name
MPMATH_FUNCTIONS = {"sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)),
                    "Heaviside": lambda z, *_: mpmath.mpf(1) if z > 0 else mpmath.mpf(0) if z < 0 else mpmath.mpf(0.5),
                    "Max": max, "Min": min}


def _mpf(value, digits: int):
    return mpmath.mpf(str(sp.Float(value, digits)))


class Compiled:
    """A formula as an mpmath function of the values of its symbols, taken from a dict."""

    def __init__(self, formula: sp.Expr):
        self.symbols = sorted(getattr(formula, "free_symbols", ()), key=str)     # a plain number has none
        self.function = sp.lambdify(self.symbols, formula, modules=[MPMATH_FUNCTIONS, "mpmath"], docstring_limit=0)

    def __call__(self, values: dict):
        return self.function(*(values[s] for s in self.symbols))


def run_quickly(digits: int, first: int, last: int, point: dict, nodes: dict, deltas: list, gradients: list,
                updates: dict, states: dict, loss: sp.Symbol):
    """Steps ``first`` to ``last``: each the forward pass (``nodes``, name → formula in order), the deltas
    and gradients ((symbol, formula) in order), and ``updates``, parameter → function(step number,
    gradient, value before, state) → new value, with the optimizer's ``states`` carried on. Returns
    the parameters after the last step and (step, loss before it) of every step."""
    compiled_nodes = [(name, Compiled(f)) for name, f in nodes.items()]
    compiled_deltas = [(name, Compiled(f)) for name, f in deltas]
    compiled_gradients = [(p, Compiled(f)) for p, f in gradients]
    history = []
    with mpmath.workdps(digits):
        values = {s: _mpf(v, digits) for s, v in point.items()}
        states = {p: {old: _mpf(v, digits) for old, v in state.items()} for p, state in states.items()}
        for number in range(first, last + 1):
            for name, f in compiled_nodes:
                values[name] = f(values)
            history.append((number, values[loss]))
            for name, f in compiled_deltas:
                values[name] = f(values)
            moved = {p: updates[p](number, f(values), values[p], states[p]) for p, f in compiled_gradients if p in updates}
            values.update(moved)
        return ({s: sp.Float(mpmath.nstr(values[s], digits), digits) for s in point},
                [(n, sp.Float(mpmath.nstr(v, digits), digits)) for n, v in history])


def optimizer_step(optimizer, hyper: dict):
    """The optimizer's assignments for one parameter compiled: (step number, gradient, value before, state)
    → the value after, the state (old → value) carried on in place."""
    rows = [(quantity, Compiled(formula.xreplace(hyper))) for quantity, formula in optimizer.updates]

    def step(number, gradient, before, state):
        known = {t: number, g: gradient, w_old: before, **{old: state.get(old, 0) for old, _ in optimizer.state}}
        for quantity, f in rows:
            known[quantity] = f(known)
        state.update({old: known[new] for old, new in optimizer.state})
        return known[rows[-1][0]]
    return step
