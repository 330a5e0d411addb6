"""How document printers write training runs, optimizer steps and gradient checks.

A mixin of DocumentPrinter, like NetworkPrinting: it uses the format hooks.
"""

from __future__ import annotations

import re

import numpy as np
import sympy as sp

from ..lang import PHRASES, method_name, separator, whole
from ..nn.optimizers import OPTIMIZERS, STATE_NAMES, alpha, dw_new, dw_old, g, lam, w_new, w_old
from ..nn.reverse import delta
from .difference_quotients import DifferenceQuotientPrinting
from .values import put_in, rounded

HISTORY_ROWS = 10     # a loss history is shown at about this many epochs


def ratio_first(printer, optimizer) -> bool:
    """Whether a ratio ∂f/∂x put for g_t would sort before the letters around it (LaTeX's \\frac before β, λ): in
    braces it sorts after them, in the rule's order, βv + ∂f/∂x and λ·∂E/∂ω₀ as g_t stood."""
    return printer.nabla.startswith("\\")


class NumericsPrinting(DifferenceQuotientPrinting):
    def number(self, value: float, spec: str) -> str:
        """A float formatted by ``spec``, as the reader's language writes it (1,5·10⁻³ in Russian)."""
        text = format(value, spec)
        if "e" in text:              # 2.683e-01 as 2.683·10⁻¹, a formula
            mantissa, exponent = text.split("e")
            if float(mantissa) == 1:                 # 10⁻⁵, not 1.0·10⁻⁵
                return self.inline(self.raw_math(sp.Pow(10, int(exponent), evaluate=False)))
            return self.power_of_ten(sp.Float(mantissa, len(mantissa.strip("-").replace(".", ""))), int(exponent))
        return self.escape(text.replace(".", ",") if self.lang == "ru" else text)

    def decimal(self, value: float) -> str:
        """A computed float (a loss, a network's output, a trained weight) as a formula, rounded as every
        value of the key is (``values.rounded``: the key's places, zeros kept): 0.0360, 0.9680."""
        return self.math(self.rounded(value))

    def rounded(self, value: float) -> sp.Float:
        return rounded(sp.Float(value, 15), self.places())

    def method(self, name: str) -> str:
        """An optimizer's name inside a Russian sentence starts with a small letter (метод моментов), not Adam."""
        return method_name(self.lang, name)

    def power_of_ten(self, mantissa, exponent: int) -> str:
        return self.inline(self.raw_math(mantissa) + r" \cdot 10^{%d}" % exponent)

    def _print_TrainingRun(self, run, depth: int = 0) -> str:
        settings = self.escape(", ").join(self.result(self.raw_math(sp.Symbol(k)), sp.Float(v, 15))
                                          for k, v in run.settings.items())       # η = 2
        lines = [self.line(depth, self.strong(self.plain(run.task.title))),
                 self.line(depth, self.plain("train.settings", optimizer=self.method(run.optimizer),
                                             epochs=whole(run.epochs), batch=whole(run.batch)) + (" " + settings if settings else ""))]
        named = run.start and all(np.ndim(v) == 0 for v in run.start.values())    # w1, …, b3, not matrices
        start = [(sp.Symbol(k), v) for k, v in run.start.items()] if named else []
        trained = [(sp.Symbol(k), v) for k, v in run.params.items()] if named else []
        tabled = named and self.shows_parameters((), trained)       # a task asks its outputs, never its weights
        if named:
            lines.append(self.line(depth, self.plain("data.init") if run.start_places is None
                                   else self.start_line(start, run.model.network, tabled, "rounded", run.start_places)))
        if self.shows_loss(()):
            lines.append(self.line(depth, self.say("train.loss", start=self.rounded(run.initial_loss),
                                                   end=self.rounded(run.history[-1]))))
            lines += self.history_lines(run.history, depth)
        if run.predictions:
            lines += self.table([self.plain("train.question"), self.plain("train.output")],
                                [[self.escape(self.question(q)), self.decimal(v)] for q, v in run.predictions.items()])
        if tabled:
            lines += self.parameter_lines(start, trained, depth)
        if run.accuracy is not None:
            lines.append(self.line(depth, self.strong(self.plain("train.accuracy", accuracy=f"{run.accuracy:.1%}"))))
        return self.join(lines)

    def history_lines(self, history, depth: int, rows: int = HISTORY_ROWS) -> list[str]:
        """The loss after about ``rows`` evenly spaced epochs, and after the last."""
        every = max(1, len(history) // rows)
        shown = sorted({*range(every - 1, len(history), every), len(history) - 1})
        return [self.line(depth, self.plain("train.history", every=whole(every)))] + self.table(
            [self.plain("train.epoch"), self.plain("train.loss.column")],
            [[whole(i + 1), self.decimal(history[i])] for i in shown])

    def _print_OptimizerStep(self, run, depth: int = 0) -> str:
        opt = run.optimizer
        # what the method does, where it says more than its rule (GD on a function has no data set to speak of)
        # RMSProp's {state}: its accumulated G in the problem's letter (Géron's s)
        about = None if opt.name in ("gd", "sgd", "minibatch") or f"opt.source.{opt.name}" not in PHRASES[self.lang] \
            else self.say(f"opt.source.{opt.name}", state=sp.Symbol(STATE_NAMES[opt.state[0][0]]) if opt.state else None)
        lines = [self.line(depth, self.strong(self.plain(f"opt.name.{opt.name}")) + (". " + about if about else ""))]
        vector = self.vector_names(run)       # 𝐱_t = 𝐱_(t−1) − α·∇F(𝐱_(t−1)) for x1, x2, not w_t = … g_t
        named = vector or self.own_names(run)    # x_t = x_(t−1) − a·∂f/∂x for x, y: no w the statement does not name
        rules = [self.equation(new.xreplace(named), formula.xreplace(named)) for new, formula in opt.updates]
        if not vector and len(run.variables) > 1:          # the rule in x, and likewise for y
            rules[-1] += " " + self.say("opt.rule.alike", others=sp.Tuple(*run.variables[1:]) if len(run.variables) > 2
                                        else run.variables[1])
        values = self.escape(separator(self.lang)).join(self.result(self.raw_math(s), v) for s, v in run.hyper.items())
        if self.steps_tabled:          # a comparison in brief: the rule and its numbers on a line, then the table
            lines.append(self.line(depth + 1, self.escape(separator(self.lang)).join([*rules, values])))
        else:
            lines += [self.line(depth + 1, rule) for rule in rules] + [self.line(depth, values)]
        if opt.lookahead is not None:
            at = [self.as_given(c) for c in run.gradient_at]       # one coordinate: its number, as "Gradient at x = …"
            lines.append(self.line(depth, self.say("opt.lookahead", lookahead=opt.lookahead.xreplace(named),
                                                   point=sp.Tuple(*at) if len(at) > 1 else at[0])))
        if self.steps_tabled:          # a comparison in brief: its numbers in the comparison's table
            return self.join(lines)
        if tuple(run.gradient_at) != self.gradient_shown:        # a look-ahead elsewhere takes its own
            lines += self.gradient_lines(run, depth)
        renames_g = g in named
        for v, updates in zip(run.variables, run.lines):
            lines.append(self.line(depth, self.say("opt.coordinate", variable=v)))
            named = {w_old: self.at_step(v, "t-1"), w_new: self.at_step(v, "t")}   # w_t is x_t for x
            # g_t of each coordinate is its own ∂F/∂x (∂L/∂b for b, never one g for w and b), where the rule's line
            # names it (not where the rule squares it); in LaTeX in braces, which sort after every letter, so that a
            # sum keeps the rule's order, βv_(t−1) + ∂f/∂x₁ as the statement writes it
            if renames_g:
                ratio, stated = self.raw_ratio(sp.Symbol(self.function_name()), v), ratio_first(self, opt)
                named[g] = sp.Symbol("{%s}" % ratio if stated else ratio)
            for row in updates:
                values = {named.get(s, s): value for s, value in row.values}
                lines.append(self.line(depth + 1, self.worked(named.get(row.quantity, row.quantity),
                                                              row.formula.xreplace(named), values, row.value)))
        if run.closed_form:
            lines += self.closed_form_lines(run, depth)
        if not self.answer_follows:
            result = sp.Tuple(*run.result) if len(run.result) > 1 else run.result[0]
            lines.append(self.line(depth, self.strong(self.plain("opt.result") + ":") + " " + self.value(result)))
        return self.join(lines)

    def _print_OptimizerRun(self, run, depth: int = 0) -> str:
        """N steps: the first worked in full, then each later step as a row (``later_steps``)."""
        follows, self.answer_follows = self.answer_follows, False
        try:
            lines = [self.line(depth, self.strong(self.plain("opt.run.first"))), self._print(run.steps[0], depth=depth + 1)]
        finally:
            self.answer_follows = follows
        # a method with a state (momentum's v_t, Adam's m_t and v_t) shows it at every step, as the first step does
        states = run.steps[0].states
        return self.join(lines + self.later_steps([step.row for step in run.steps[1:]], depth, states))

    steps_tabled = False         # an optimizer's step in a comparison's table (in brief), not worked out

    def later_steps(self, rows, depth: int, states=()) -> list[str]:
        """The steps after the first one worked above, one row each (``OptimizerStep.row``): its number, where it
        starts, the gradient there, each state of the method (v_t) and where it ends (the first is not repeated)."""
        if not rows:
            return []
        point, last = self.step_point, rows[-1][0]
        title = self.plain("opt.run.second") if len(rows) == 1 else self.plain("opt.run.rest", n=last)
        return [self.line(depth, self.strong(title))] + self.table(
            [self.plain("opt.run.step"), self.plain("opt.run.start"), self.plain("opt.run.gradient"),
             *(self.math(q) for q in states), self.plain("opt.run.end")],
            [[str(n), point(start), point(gradient), *(point(v) for v in (row[0] if row else ())), point(end)]
             for n, start, gradient, end, *row in rows])

    def step_point(self, values) -> str:
        """A point of a step (both coordinates together), or one number."""
        return self.value(sp.Tuple(*values) if len(values) > 1 else values[0])

    def vector_names(self, run) -> dict:
        """w_t, w_(t−1) and g_t of a step's rule in the statement's letter when its variables are the
        coordinates of one vector (x1, x2, or x_1, x_2 as the notation writes them; \\theta_1, \\theta_2 give 𝛉_t):
        𝐱_t, 𝐱_(t−1) and ∇F(𝐱_(t−1)); {} for variables of their own (x, y; w, b) or a rule that squares g_t (its
        coordinate's ∂F/∂x1 squared would read badly)."""
        if len(run.variables) == 1 and self.renamed(run.variables[0]) != run.variables[0]:
            return self.point_names(run)
        heads = {m.group(1) if m else None for m in
                 (re.fullmatch(r"([A-Za-z]|\\[A-Za-z]+)_?\{?\d+\}?", self.renamed(v).name) for v in run.variables)}
        if len(run.variables) < 2 or len(heads) != 1 or None in heads \
                or any(power.base == g for _, formula in run.optimizer.updates for power in formula.atoms(sp.Pow)):
            return {}
        head, F = heads.pop(), self.raw_math(sp.Symbol(self.function_name()))
        bold = self._bold(head)         # \mathbf{x}, \boldsymbol{\theta}: plain text prints 𝐱, 𝛉
        gradient = (rf"\nabla {F}" if self.nabla.startswith("\\") else f"∇{F}") + rf"({bold}_{{t-1}})"
        names = {w_new: sp.Symbol(f"{bold}_{{t}}"), w_old: sp.Symbol(f"{bold}_{{t-1}}"), g: sp.Symbol(gradient)}
        for old, new in run.optimizer.state:          # 𝐯_t too, where the statement writes the state bold, \mathbf{v}_t
            letter = str(new).removesuffix("_t")
            if len(letter) == 1 and rf"\mathbf{{{letter}}}" in getattr(self, "statement_text", ""):
                names.update({new: sp.Symbol(f"{self._bold(letter)}_{{t}}"), old: sp.Symbol(f"{self._bold(letter)}_{{t-1}}")})
        return names

    def point_names(self, run) -> dict:
        """w_t, w_(t−1) of a step's rule in the letter the problem gives its one variable (Géron's θ_t), and g_t,
        unless the rule squares it, as the gradient of the function where it is taken: ∇J(θ_(t−1)), or
        ∇J(θ_(t−1) + β·m_(t−1)) where Nesterov looks ahead."""
        v = run.variables[0]
        names = {w_new: self.at_step(v, "t"), w_old: self.at_step(v, "t-1")}
        if any(power.base == g for _, formula in run.optimizer.updates for power in formula.atoms(sp.Pow)):
            return names
        F = self.raw_math(sp.Symbol(self.function_name()))
        nabla = sp.Function(rf"\nabla {F}" if self.nabla.startswith("\\") else f"∇{F}")
        names[g] = nabla((run.optimizer.lookahead if run.optimizer.lookahead is not None else w_old).xreplace(names))
        return names

    def own_names(self, run) -> dict:
        """w_t, w_(t−1) and g_t of a step's rule in the first variable's name, x_t = x_(t−1) − a·∂f/∂x, where the
        variables are of their own (x, y; w, b); g_t stays where the rule squares it (∂f/∂x² would read badly)."""
        v = self.renamed(run.variables[0])
        names = {w_new: self.at_step(v, "t"), w_old: self.at_step(v, "t-1")}
        if not any(power.base == g for _, formula in run.optimizer.updates for power in formula.atoms(sp.Pow)):
            ratio = self.raw_ratio(sp.Symbol(self.function_name()), v)
            names[g] = sp.Symbol("{%s}" % ratio if ratio_first(self, run.optimizer) else ratio)   # sorts last
        return names

    def _bold(self, letter: str) -> str:
        r"""\mathbf{v} in LaTeX (\boldsymbol{\theta} for a Greek letter), the mathematical bold 𝐯, 𝛉 in text."""
        return rf"\boldsymbol{{{letter}}}" if letter.startswith("\\") else rf"\mathbf{{{letter}}}"

    def at_step(self, v, step: str) -> sp.Symbol:
        """``v`` at a step of the method, in the statement's name: x_{t-1} for x, ω_{0,t-1} for w0 written ω₀
        (not w0_{t-1}, a name of the code)."""
        name = self.renamed(v).name
        head, sub = name.split("_", 1) if "_" in name else re.fullmatch(r"(.*?)(\d*)", name).groups()
        sub = sub.removeprefix("{").removesuffix("}")
        return sp.Symbol(f"{head}_{{{sub},{step}}}" if sub else f"{head}_{{{step}}}")

    gradient_shown = None        # where an optimizer comparison has shown the gradient, once for all

    def gradient_lines(self, run, depth: int) -> list[str]:
        """∇f where the step takes it: each partial derivative, the numbers put in, its value."""
        f = sp.Symbol(self.function_name())
        # the function first, as its data make it (L(w, b) = (1/3)·(…) over the points), then its derivatives there
        # its fractions in decimals where the statement writes decimals and no fraction (d2l's 0.1x₁² + 2x₂²; ½(x² + 10y²)
        # stays exact)
        stated = self.in_stated_numbers if r"\frac" not in getattr(self, "statement_text", "") else (lambda expr: expr)
        lines = [self.line(depth, self.equation(sp.Function(f.name)(*run.variables), stated(run.expr))),
                 self.line(depth, self.say("opt.gradient", point=self.point(tuple(zip(run.variables, run.gradient_at)))))]
        at = dict(zip(run.variables, run.gradient_at))
        for v, value in zip(run.variables, run.gradient):
            lines.append(self.line(depth + 1, self.worked(self.raw_ratio(f, v), stated(sp.diff(run.expr, v)), at, value)))
        return lines

    def closed_form_lines(self, run, depth: int) -> list[str]:
        """The statement's closed form x_i = (1 − a)^i x₀ at i = the step, per coordinate, against the step."""
        formula, counter, start = run.closed_form
        x_i, x_0 = sp.Symbol(f"x_{counter}"), sp.Symbol("x_0")
        lines = [self.line(depth, self.say("opt.closed", formula=sp.Eq(x_i, formula.xreplace({start: x_0}), evaluate=False),
                                           counter=sp.Eq(counter, run.step_number, evaluate=False)))]
        agree = True
        for v, c, new in zip(run.variables, run.start, run.result):
            value = sp.nsimplify(formula.subs({counter: run.step_number, start: c, **run.hyper}))
            agree = agree and sp.simplify(value - new) == 0
            v_0 = sp.Symbol(f"{v}_0")
            values = {v_0: c, **run.hyper}
            with sp.evaluate(False):        # x_1 = x_0·(1 − a)^1: the step's i put in with the left side's 1
                at_step = formula.xreplace({start: v_0, counter: sp.Integer(run.step_number)})
            lines.append(self.line(depth + 1, self.worked(self.raw_math(sp.Symbol(f"{v}_{run.step_number}")),
                                                          at_step, values, value)))
        lines.append(self.line(depth, self.plain("opt.closed.same" if agree else "opt.closed.differs")))
        return lines

    def _print_GradCheck(self, check, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain("gc.title.richardson" if check.richardson else "gc.title", epsilon=f"{check.epsilon:g}")))]
        lines += self.table([self.plain(k) for k in ("gc.parameter", "gc.analytic", "gc.numeric", "gc.error", "gc.verdict")],
                            [[self.escape(row.name), f"{row.analytic:.10g}", f"{row.numeric:.10g}", f"{row.error:.1e}",
                              self.escape(row.verdict)] for row in check.rows])
        lines.append(self.line(depth, self.plain("gc.worst", error=f"{check.worst:.1e}", verdict=check.verdict)))
        return self.join(lines)

    def _print_OptimizerComparison(self, comparison, depth: int = 0) -> str:
        """Every method from one start: the gradient there once, then each method's update (Nesterov, who
        looks ahead, takes his own)."""
        lines = [self.line(depth, self.strong(self.plain("opt.comparison")))]
        common = next((step for step in comparison.steps if step.optimizer.lookahead is None), None)
        if common is not None:
            lines += self.gradient_lines(common, depth)
        self.gradient_shown = tuple(common.gradient_at) if common is not None else None
        # in brief, each method's rule, then one table: a method's step a row, both coordinates in each cell
        self.steps_tabled = self._settings["detail"] == "brief"
        try:
            lines += [self._print(step, depth=depth + 1) for step in comparison.steps]
            return self.join(lines + (self.comparison_table(comparison.steps) if self.steps_tabled else []))
        finally:
            self.gradient_shown, self.steps_tabled = None, False

    def comparison_table(self, steps) -> list[str]:
        """The methods' steps from one start, a row each: the gradient taken (Nesterov's ahead), the states, the point."""
        rows, point, sep = [], self.step_point, self.escape(separator(self.lang))
        for step in steps:
            carried = {new for _, new in step.optimizer.state}        # h_t, G_t (not Adam's ĥ_t, Ĝ_t of the step)
            kept = [f"{self.math(q)} = {point(v)}" for q, v in zip(step.states, step.row[4]) if q in carried]
            rows.append([self.plain(f"opt.name.{step.optimizer.name}"), point(step.gradient), sep.join(kept), point(step.result)])
        return self.table([self.plain("opt.table.method"), self.plain("opt.table.gradient"),
                           self.plain("opt.table.state"), self.plain("opt.table.end")], rows)

    def _print_DeltaRule(self, rule, depth: int = 0) -> str:
        """Forward values, then tables of the deltas, the gradients and the momentum step: in each row the
        formula, the numbers put in, and the value (rounded when the exact value is long)."""
        out, y = sp.Symbol("out"), sp.Symbol("y")
        lines = [self.line(depth, self.strong(self.plain("delta.title") + ":") + " " + self._network_name(rule.network)),
                 self.line(depth, self.say("net.at", point=self.point(rule.point)))]
        lines += self.forward_lines(rule.network, rule.forward, depth, rule.point)
        lines.append(self.line(depth, self.plain("delta.slope") + " " + self.equation(sp.Symbol("f'(in)"), rule.slope)))
        net = rule.network      # one output neuron: ∂L/∂out_pred = out_pred − out_y in its own names, as the table writes it
        out, y = (sp.Symbol(str(net.outputs[0])), sp.Symbol(str(net.targets[0]))) if len(net.outputs) == 1 else (out, y)
        error = rule.error.subs({sp.Symbol("out", real=True): out, sp.Symbol("y", real=True): y})
        lines.append(self.line(depth, self.plain("delta.error") + " " + self.ratio(sp.Symbol("L"), out) + " = " + self.math(error)))
        known = {**dict(rule.point), **dict(rule.forward)}
        rows = []
        for n, formula, value in rule.deltas:
            rows.append(self.worked_row(delta(n), formula, known, value))
            known[delta(n)] = value
        lines.append(self.line(depth, self.plain("delta.deltas")))
        lines += self.table([self.plain("delta.neuron"), self.plain("delta.formula"), self.plain("delta.numbers"),
                             self.plain("graph.value")], rows)
        grad = {}
        rows = []
        for p, source, n, value in rule.gradients:
            rows.append(self.worked_row(p, source * delta(n), known, value))
            grad[p] = value
        rule_of_gradients = self.raw_math(sp.Symbol("grad^b_a")) + " = " + self.raw_math(
            sp.Mul(sp.Symbol("out_a"), sp.Symbol("delta_b"), evaluate=False), keep_order=True)
        lines.append(self.line(depth, self.plain("delta.gradients") + " " + self.inline(rule_of_gradients)))
        lines += self.table([self.plain("delta.parameter"), self.plain("delta.formula"), self.plain("delta.numbers"),
                             self.plain("graph.value")], rows)
        step = dict(OPTIMIZERS["momentum-delta"].updates)
        rates = self.escape(separator(self.lang)).join(
            self.result(self.raw_math(s), v) for s, v in ((lam, rule.learning_rate), (alpha, rule.momentum)))
        # the statement asks the steps Δw_t, not the new weights: no w_t = w_(t−1) + Δw_t and no table of them
        lines.append(self.line(depth, self.plain("delta.updates") + " " + self.equation(dw_new, step[dw_new]) + "; " + rates))
        changes = []
        for p, before, change, _ in rule.updates:
            values = {lam: rule.learning_rate, alpha: rule.momentum, g: grad[p], dw_old: before}
            changes.append([self.math(p), self.numbers(step[dw_new], values), self.value(change)])
        lines += self.table([self.plain("delta.parameter"), self.math(dw_new), self.plain("graph.value")], changes)
        return self.join(lines)

    def worked_row(self, name, formula, values, value) -> list[str]:
        """A table row: the name, its formula, the formula with numbers put in, and the value."""
        numbers = "" if isinstance(formula, sp.Symbol) else self.numbers(formula, values)
        return [self.math(name), self.math(formula), numbers, self.value(value)]

    def numbers(self, formula, values) -> str:
        """``formula`` with the numbers of ``values`` put in, as a formula of this format."""
        values = {self.renamed(name): value for name, value in values.items()}
        return self.inline(self.raw_math(put_in(self.renamed(formula), values, self.places()), numbers=True))

    def _print_ScalingDemo(self, demo, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain("scale.title"))),
                 self.line(depth, self.plain("scale.explain", tolerance=f"{demo.tolerance:g}"))]
        lines += self.table([self.plain(k) for k in ("scale.features", "scale.kappa", "scale.rate", "scale.steps",
                                                     "scale.predicted")],
                            [[self.plain(f"scale.{row.name}"), f"{row.condition:.3g}", f"{row.learning_rate:.3g}",
                              whole(row.steps), whole(round(row.predicted))] for row in demo.rows])
        return self.join(lines)
