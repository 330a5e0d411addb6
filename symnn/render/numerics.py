"""How document printers write training runs, optimizer steps and gradient checks.

A mixin of DocumentPrinter, like NetworkPrinting: it uses the format hooks.
"""

from __future__ import annotations

import sympy as sp

from ..nn.optimizers import alpha, lam
from ..nn.reverse import delta
from .networks import point_equation

HISTORY_ROWS = 10     # a loss history is shown at about this many epochs


def _number(value: float, digits: int = 4) -> str:
    return f"{value:.{digits}g}"


class NumericsPrinting:
    def _print_TrainingRun(self, run, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain(run.task.title))),
                 self.line(depth, self.plain("train.settings", optimizer=run.optimizer, epochs=run.epochs,
                                             batch=run.batch, seed=run.seed, seconds=f"{run.seconds:.2f}")),
                 self.line(depth, self.plain("train.loss", start=_number(run.initial_loss),
                                             end=_number(run.history[-1])))]
        every = max(1, len(run.history) // HISTORY_ROWS)
        shown = sorted({*range(every - 1, len(run.history), every), len(run.history) - 1})
        lines.append(self.line(depth, self.plain("train.history", every=every)))
        lines += self.table([self.plain("train.epoch"), self.plain("train.loss.column")],
                            [[str(i + 1), _number(run.history[i], 6)] for i in shown])
        if run.predictions:
            lines += self.table([self.plain("train.question"), self.plain("train.output")],
                                [[self.escape(q), _number(v, 3)] for q, v in run.predictions.items()])
        if run.accuracy is not None:
            lines.append(self.line(depth, self.strong(self.plain("train.accuracy", accuracy=f"{run.accuracy:.1%}"))))
        return self.join(lines)

    def _print_OptimizerStep(self, run, depth: int = 0) -> str:
        opt = run.optimizer
        lines = [self.line(depth, self.strong(self.plain("opt.title", name=opt.name))),
                 self.line(depth, self.plain(f"opt.source.{opt.name}"))]
        lines += [self.line(depth + 1, self.equation(new, formula)) for new, formula in opt.updates]
        hyper = sp.Tuple(*(sp.Eq(s, v, evaluate=False) for s, v in run.hyper.items()))
        lines.append(self.line(depth, ", ".join(self.math(eq) for eq in hyper)))
        f = sp.Symbol("f")
        if opt.lookahead is not None:
            lines.append(self.line(depth, self.say("opt.lookahead", point=sp.Tuple(*run.gradient_at))))
        lines.append(self.line(depth, self.say("opt.gradient", point=point_equation(tuple(zip(run.variables, run.gradient_at))))))
        for v, value in zip(run.variables, run.gradient):
            lines.append(self.line(depth + 1, self.ratio(f, v) + " = " + self.math(sp.diff(run.expr, v))
                                   + " = " + self.math(value) + self.decimals(value)))
        for v, updates in zip(run.variables, run.lines):
            lines.append(self.line(depth, self.say("opt.coordinate", variable=v)))
            for row in updates:
                lines.append(self.line(depth + 1, self.equation(row.quantity, row.substituted, row.value)
                                       + self.decimals(row.value)))
        result = sp.Tuple(*run.result) if len(run.result) > 1 else run.result[0]
        lines.append(self.line(depth, self.strong(self.plain("opt.result") + ":") + " " + self.math(result)
                               + self.decimals(result)))
        return self.join(lines)

    def _print_GradCheck(self, check, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain("gc.title.richardson" if check.richardson else "gc.title", epsilon=f"{check.epsilon:g}")))]
        lines += self.table([self.plain(k) for k in ("gc.parameter", "gc.analytic", "gc.numeric", "gc.error", "gc.verdict")],
                            [[self.escape(row.name), f"{row.analytic:.10g}", f"{row.numeric:.10g}", f"{row.error:.1e}",
                              self.escape(row.verdict)] for row in check.rows])
        lines.append(self.line(depth, self.plain("gc.worst", error=f"{check.worst:.1e}", verdict=check.verdict)))
        return self.join(lines)

    def _print_OptimizerComparison(self, comparison, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain("opt.comparison")))]
        return self.join(lines + [self._print(step, depth=depth + 1) for step in comparison.steps])

    def _print_CentralDifference(self, run, depth: int = 0) -> str:
        eps = sp.Symbol("varepsilon")
        lines = [self.line(depth, self.strong(self.say("fd.title", function=run.expr,
                                                       point=sp.Eq(run.var, run.at, evaluate=False)))),
                 self.line(depth, self.plain("fd.series") + " " + self.equation(sp.Function("D")(eps), run.series)),
                 self.line(depth, self.plain("fd.exact") + " " + self.equation(sp.Symbol("f'(a)"), run.derivative)
                           + self.decimals(run.derivative)),
                 self.line(depth, self.plain("fd.error") + " " + self.equation(sp.Symbol("c"), run.error_coefficient)
                           + self.decimals(run.error_coefficient)),
                 self.line(depth, self.plain("fd.table"))]
        lines += self.table(["ε", "D(ε)", self.plain("fd.abs"), self.plain("fd.ratio")],
                            [[f"{e:g}", f"{value:.15g}", f"{error:.3e}", f"{ratio:.4g}"] for e, value, error, ratio in run.rows])
        return self.join(lines)

    def _print_DeltaRule(self, rule, depth: int = 0) -> str:
        out = sp.Symbol("out")
        lines = [self.line(depth, self.strong(self.plain("delta.title")) + " " + self._network_name(rule.network)),
                 self.line(depth, self.say("net.at", point=point_equation(rule.point)))]
        lines += self.forward_lines(rule.network, rule.forward, depth)
        lines.append(self.line(depth, self.plain("delta.slope") + " " + self.equation(sp.Symbol("f'(in)"), rule.slope)))
        lines.append(self.line(depth, self.plain("delta.error") + " " + self.ratio(sp.Symbol("L"), out) + " = "
                               + self.math(rule.error)))
        lines.append(self.line(depth, self.plain("delta.deltas")))
        lines += self.table([self.plain("delta.neuron"), self.escape("δ"), ""],
                            [[self.math(n), self.math(formula), self.math(value) + self.decimals(value)]
                             for n, formula, value in rule.deltas])
        lines.append(self.line(depth, self.plain("delta.gradients")))
        lines += self.table([self.plain("delta.parameter"), *map(self.escape, ("out_a", "δ_b", "grad"))],
                            [[self.math(p), self.math(source), self.math(delta(n)),
                              self.math(value) + self.decimals(value)] for p, source, n, value in rule.gradients])
        rates = ", ".join(self.math(sp.Eq(s, v, evaluate=False)) for s, v in
                          ((lam, rule.learning_rate), (alpha, rule.momentum)))
        lines.append(self.line(depth, self.plain("delta.updates") + " " + rates))
        lines += self.table([self.plain("delta.parameter"), *map(self.escape, ("Δw_(t−1)", "Δw_t", "w_t"))],
                            [[self.math(p), self.math(before), self.math(change) + self.decimals(change),
                              self.math(new) + self.decimals(new)] for p, before, change, new in rule.updates])
        return self.join(lines)

    def _print_ScalingDemo(self, demo, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain("scale.title"))),
                 self.line(depth, self.plain("scale.explain", tolerance=f"{demo.tolerance:g}"))]
        lines += self.table([self.plain(k) for k in ("scale.features", "scale.kappa", "scale.rate", "scale.steps",
                                                     "scale.predicted")],
                            [[self.plain(f"scale.{row.name}"), f"{row.condition:.3g}", f"{row.learning_rate:.3g}",
                              f"{row.steps:,}", f"{row.predicted:,.0f}"] for row in demo.rows])
        return self.join(lines)
