"""How document printers write training runs, optimizer steps and gradient checks.

A mixin of DocumentPrinter, like NetworkPrinting: it uses the format hooks.
"""

from __future__ import annotations

import sympy as sp

from ..phrases import phrase
from .networks import point_equation

HISTORY_ROWS = 10     # a loss history is shown at about this many epochs


def _number(value: float, digits: int = 4) -> str:
    return f"{value:.{digits}g}"


class NumericsPrinting:
    def words(self, key: str, **values) -> str:
        """A phrase whose placeholders are plain words or numbers, escaped for the format."""
        return self.escape(phrase(self.lang, key, **values))

    def _print_TrainingRun(self, run, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain(run.task.title))),
                 self.line(depth, self.words("train.settings", optimizer=run.optimizer, epochs=run.epochs,
                                             batch=run.batch, seed=run.seed, seconds=f"{run.seconds:.2f}")),
                 self.line(depth, self.words("train.loss", start=_number(run.initial_loss),
                                             end=_number(run.history[-1])))]
        every = max(1, len(run.history) // HISTORY_ROWS)
        shown = sorted({*range(every - 1, len(run.history), every), len(run.history) - 1})
        lines.append(self.line(depth, self.words("train.history", every=every)))
        lines += self.table([self.plain("train.epoch"), self.plain("train.loss.column")],
                            [[str(i + 1), _number(run.history[i], 6)] for i in shown])
        if run.predictions:
            lines += self.table([self.plain("train.question"), self.plain("train.output")],
                                [[self.escape(q), _number(v, 3)] for q, v in run.predictions.items()])
        if run.accuracy is not None:
            lines.append(self.line(depth, self.strong(self.words("train.accuracy", accuracy=f"{run.accuracy:.1%}"))))
        return self.join(lines)

    def _print_OptimizerStep(self, run, depth: int = 0) -> str:
        opt = run.optimizer
        lines = [self.line(depth, self.strong(self.words("opt.title", name=opt.name))),
                 self.line(depth, self.words("opt.source", source=opt.source))]
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
        result = sp.Tuple(*run.result)
        lines.append(self.line(depth, self.strong(self.plain("opt.result") + ":") + " " + self.math(result)
                               + self.decimals(result)))
        return self.join(lines)

    def _print_GradCheck(self, check, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.words("gc.title.richardson" if check.richardson else "gc.title", epsilon=f"{check.epsilon:g}")))]
        lines += self.table([self.plain(k) for k in ("gc.parameter", "gc.analytic", "gc.numeric", "gc.error", "gc.verdict")],
                            [[self.escape(row.name), f"{row.analytic:.10g}", f"{row.numeric:.10g}", f"{row.error:.1e}",
                              self.escape(row.verdict)] for row in check.rows])
        lines.append(self.line(depth, self.words("gc.worst", error=f"{check.worst:.1e}", verdict=check.verdict)))
        return self.join(lines)
