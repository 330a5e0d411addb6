"""How document printers write a run of the perceptron rule (``nn.perceptron``).

The rule in the statement's letters (a = hardlim(Wp + b), e = t − a, W ← W + e·pᵀ, b ← b + e), then a
table with a row for each input presented: p, t, the net input n with the numbers put in, a, e, and
the weights and bias after it; then whether a whole pass changed nothing. A mixin of DocumentPrinter.
"""

from __future__ import annotations

import sympy as sp

from .board import InOrder
from .values import put_in


def weight_names(S: int, R: int) -> list[sp.Symbol]:
    """w₁, …, w_R for one neuron; w_{j,k} (row j, column k of W) for several."""
    if S == 1:
        return [sp.Symbol(f"w_{k}") for k in range(1, R + 1)]
    return [sp.Symbol(f"w_{{{j},{k}}}") for j in range(1, S + 1) for k in range(1, R + 1)]


def bias_names(S: int) -> list[sp.Symbol]:
    return [sp.Symbol("b")] if S == 1 else [sp.Symbol(f"b_{j}") for j in range(1, S + 1)]


class Assigned(sp.Expr):
    """lhs ← rhs: an update of the rule, its letters renamed as the statement's notation says (b as w_0)."""

    def _latex(self, printer):
        return rf"{printer._print(self.args[0])} \leftarrow {printer._print(self.args[1])}"

    def _sympystr(self, printer):
        return f"{printer._print(self.args[0])} ← {printer._print(self.args[1])}"


class PerceptronPrinting:
    def _print_PerceptronRun(self, run, depth: int = 0) -> str:
        first = run.presentations[0]
        S, R = first.weights.shape
        biased = first.bias is not None
        W, p, b, t, n, a, e = sp.symbols("W p b t n a e")
        rule = [sp.Eq(n, W * p + b if biased else W * p, evaluate=False),
                sp.Eq(a, sp.Function(run.transfer)(n), evaluate=False), sp.Eq(e, t - a, evaluate=False)]
        # W ← W + e·pᵀ, b ← b + e; with a learning rate W ← W + η·e·pᵀ (Mitchell's w ← w + η(t − o)x), η = 0.1
        eta = sp.Symbol("eta")
        step = e if run.rate == 1 else eta * e
        updates = {"weights": Assigned(W, InOrder(W, step * sp.Symbol("p^T"))), "bias": Assigned(b, InOrder(b, step))}
        rate = "" if run.rate == 1 else self.escape("; ") + self.result(self.raw_math(eta), run.rate)
        lines = [self.line(depth, self.strong(self.plain("perceptron.title") + ":") + " "
                           + self.escape(", ").join(self.math(r) for r in rule) + self.escape("; ")
                           + self.say(f"perceptron.rule{'' if biased else '.nobias'}", **updates) + rate),
                 self.line(depth, self.plain(f"perceptron.{run.transfer}"))]
        header = ["k", self.math(p), self.math(t), self.math(n), self.math(a), self.math(e),
                  self.plain("perceptron.after")]
        rows = [[str(step.number), self.math(self._column(step.p)), self.math(self._column(step.t)),
                 self._net_input(step), self.math(self._column(step.a)), self.math(self._column(step.e)),
                 self._after(step)] for step in run.presentations]
        lines += self.table(header, rows)
        lines.append(self.line(depth, self.plain("perceptron.converged" if run.converged else "perceptron.stopped",
                                                 passes=run.epochs)))
        return self.join(lines)

    @staticmethod
    def _column(matrix: sp.Matrix):
        """A column as a tuple (the table has no room for a column matrix); a single number as itself."""
        return matrix[0] if matrix.rows == 1 else sp.Tuple(*matrix)

    def _net_input(self, step) -> str:
        """n = Wp + b with the numbers put in, for one neuron (1·1 + (−0.8)·2 = −0.6); several: the values."""
        S, R = step.weights.shape
        if S > 1:
            return self.math(self._column(step.n))
        w, x = sp.symbols(f"w:{R}"), sp.symbols(f"x:{R}")
        terms = [wk * xk for wk, xk in zip(w, x)]
        values = {**dict(zip(w, step.weights)), **dict(zip(x, step.p))}
        if step.bias is not None:
            terms.append(sp.Symbol("z_b"))
            values[sp.Symbol("z_b")] = step.bias[0]
        worked = put_in(sp.Add(*terms, evaluate=False), values)
        return self.result(self.raw_math(worked, numbers=True), step.n[0])

    def _after(self, step) -> str:
        """The weights and bias after the presentation; "unchanged" when e = 0."""
        if not any(step.e):
            return self.plain("perceptron.unchanged")
        S, R = step.new_weights.shape
        names = weight_names(S, R) + (bias_names(S) if step.new_bias is not None else [])
        values = [*step.new_weights, *(step.new_bias if step.new_bias is not None else [])]
        return self.escape(", ").join(self.result(self.raw_math(name), value) for name, value in zip(names, values))
