"""How document printers write a network trained by hand (``nn.sgd_steps``): tables, step by step.

Each step is the forward pass, the deltas, the gradients and the update of every parameter, each
row its formula, the formula with the numbers put in, and the value; then the network after the
last update. A mixin of DocumentPrinter, like NetworkPrinting: it uses the format hooks.
"""

from __future__ import annotations

import re

import sympy as sp

from ..lang import catalogue, whole
from ..nn.optimizers import w_new, w_old
from ..nn.reverse import delta
from ..nn.sgd_steps import DECAY, DIGITS
from .stated import StatedProduct, StatedSum
from .values import put_in

QUICK_ROWS = 10          # the loss of a long run is shown before about this many of its steps
LONG_RUN = 10            # a run of more steps is keyed by its setup, its rule, its loss and its result, no step worked


def after(name) -> sp.Symbol:
    """w₅⁺: a parameter or the loss after the updates."""
    return sp.Symbol(f"{name}^+")


def on_scores(run) -> bool:
    """A loss on scores given outright (CS231n's cat): the bank states them as one identity layer without
    biases whose weights are the identity matrix and which nothing trains, so its sums are the scores."""
    network, n = run.network, run.network.sizes[0]
    identity = [value for _, value in run.parameters] == [int(i == j) for i in range(n) for j in range(n)]
    return (list(network.sizes) == [n, n] and tuple(network.activations) == ("identity",) and identity
            and all(layer.bias == "none" for layer in network.layers) and not any(step.number for step in run.steps))


class TrainingStepsPrinting:
    def _print_NetworkTraining(self, run, depth: int = 0) -> str:
        network = run.network
        if on_scores(run):
            return self.join(self.scores_lines(run, depth))
        L = network.loss_symbol
        names = catalogue(self.lang)["activations"]
        layers = list(network.activations)
        if getattr(network, "output", "same") == "softmax" and layers:
            layers[-1] = "softmax"                 # the output layer is a softmax, whatever its sums go through
        activations = ", ".join(names.get(a, a) for a in layers)
        sizes = network.sizes              # one neuron (2-1): its inputs counted, not a network's layers
        named = self.plain("net.name.neuron", sizes=str(sizes[0]), activation=activations) if list(sizes[1:]) == [1] \
            else self.plain("sgd.network", sizes="-".join(map(str, sizes)), activations=activations)
        lines = [self.line(depth, self.strong(self.plain("sgd.title") + ":") + " " + named
                           + " " + self.as_stated(L, self.as_written(network.definitions()[L])))]    # Σ as it writes
        lines += self.matrices_named(network, depth)
        updating = any(step.number for step in run.steps)       # step 0: the forward and backward pass only
        fixed = any(n.bias is not None for n in network.neurons()) and not run.update_biases
        if updating:
            # on the one sample of a network problem, SGD's step is a step of gradient descent
            method = "gd" if run.optimizer == "sgd" else run.optimizer
            lines.append(self.line(depth, self.strong(self.plain(f"opt.name.{method}")) + ": "
                                   + self.escape("; ").join(self.result(self.raw_math(s), v) for s, v in run.hyper)
                                   + (self.escape(". ") + self.plain("sgd.biases.fixed") if fixed else "")))
        if updating and run.history and run.history[-1][0] > LONG_RUN:
            lines += self.long_run_lines(run, depth)      # mazur-221-10000: what step 1 is would read as the answer
        else:
            for step in run.steps:           # every step with the same tables, in a brief key too
                if len(run.steps) > 1:
                    lines.append(self.line(depth, self.strong(self.plain("sgd.step", number=step.number))))
                lines += self.step_tables(network, step, depth, run.asked)
        if not updating:
            return self.join(lines)
        if len(run.history) > len(run.steps) and run.history[-1][0] <= LONG_RUN:
            lines += self.quick_lines(run, depth)
        parameters = {str(s) for s in dict(run.parameters)}
        if run.asked and not any(name.endswith("+") and name[:-1] not in parameters for name in run.asked):
            return self.join(lines)       # only new parameters asked: no forward pass after the update
        # the answer's E_total⁺, out_o1⁺: the mark introduced here, where those values are computed
        marked = [after(self.names.get(n[:-1], n[:-1])) for n in run.asked if n.endswith("+") and n[:-1] not in parameters]
        lines.append(self.line(depth, self.say("sgd.after.marked", example=marked[0]) if marked else self.plain("sgd.after")))
        known = {**dict(run.parameters), **dict(run.after), **{s: v for s, v in run.steps[-1].point
                                                                 if s not in dict(run.parameters)}}
        lines += self.forward_table(network, run.after, known)
        return self.join(lines)

    def scores_lines(self, run, depth: int) -> list[str]:
        """The loss on the given scores and its derivative by each score: no layer, no deltas (for scores
        given outright δ_j = ∂L/∂s_j), no weights."""
        network, step = run.network, run.steps[0]
        L = network.loss_symbol
        known = {**dict(step.point), **dict(step.forward)}
        scores = [(name, value) for name, value in step.forward if name != L]
        targets = [(name, value) for name, value in step.point if str(name).startswith("y")]
        ones = [k for k, (_, value) in enumerate(targets, 1) if value == 1]
        if len(ones) == 1 and all(value in (0, 1) for _, value in targets):     # one-hot: the correct class y, as s_y
            targets = [(sp.Symbol("y"), sp.Integer(ones[0]))]
        given = scores + targets
        lines = [self.line(depth, self.strong(self.plain("sgd.scores") + ":") + " " + self.equation(L, network.definitions()[L])),
                 self.line(depth, self.say("net.at", point=self.point(tuple(given))))]
        lines += self.forward_table(network, [(L, dict(step.forward)[L])], known)
        errors = [row for row in step.errors if f"d{L}/d{row[0]}" in run.asked]
        if errors:
            lines.append(self.line(depth, self.plain("sgd.scores.gradient")))
            rows = [[self.ratio(L, neuron), *self.worked_row(neuron, formula, known, value)[1:]]
                    for neuron, formula, value in errors]
            lines += self.table([self.plain("graph.node"), self.plain("delta.formula"), self.plain("delta.numbers"),
                                 self.plain("graph.value")], rows)
        return lines

    def long_run_lines(self, run, depth: int) -> list[str]:
        """A long run: the point it starts from, the rule of one step (the updates of its first step, in
        symbols), and the loss before about QUICK_ROWS of its steps; the forward pass after the last follows."""
        first = run.steps[0]
        rule = self.escape("; ").join(self.equation(update.quantity, update.formula)
                                      for update in dict.fromkeys(u for _, updates in first.updates[:1] for u in updates))
        return [self.line(depth, self.say("net.at", point=self.point(first.point))),
                self.line(depth, self.say("sgd.long", steps=sp.Integer(run.history[-1][0])) + " " + rule),
                *self.quick_lines(run, depth, shown=0)]

    def quick_lines(self, run, depth: int, shown: int | None = None) -> list[str]:
        """The steps not worked (all but the ``shown`` first): the loss before each of about QUICK_ROWS of them,
        evenly spaced, and the last."""
        shown = len(run.steps) if shown is None else shown
        last = run.history[-1][0]
        every = max(1, last // QUICK_ROWS)
        rows = [(n, loss) for n, loss in run.history if n <= shown + 1 or n % every == 0 or n == last]
        key = "sgd.quick" if shown else "sgd.quick.all"
        lines = [self.line(depth, self.plain(key, first=whole(shown + 1), last=whole(last), digits=DIGITS))]
        return lines + self.table([self.plain("sgd.step.column"), self.math(run.network.loss_symbol)],
                                  [[whole(n), self.value(loss)] for n, loss in rows])

    def forward_table(self, network, forward, known) -> list[str]:
        """The forward pass, each node worked from the values ``known`` (which it extends); a sum in an exponent
        (a softmax's z_o1 = w₅h₁ + w₆h₂ + b) is a row of its own before the node that uses it, and the node's
        exponentials take its value: e^(z_o1)/(e^(z_o1) + e^(z_o2)) = e^(−1.65)/(e^(−1.65) + e^(1.65))."""
        definitions = network.definitions()
        sums = exponent_sums([(name, definitions[name]) for name, _ in forward])
        rows = []
        for name, value in forward:
            formula = definitions[name]
            for total, z in sums.items():
                if z not in known and formula.has(total):
                    worth = total.xreplace({k: v for k, v in known.items() if isinstance(k, sp.Symbol)})
                    rows.append(self.worked_row(z, self.as_written(total), known, worth))
                    known[z] = worth
            rows.append(self.worked_row(name, self.as_written(formula.xreplace(sums)), known, value))
        return self.table([self.plain("graph.node"), self.plain("delta.formula"), self.plain("delta.numbers"),
                           self.plain("graph.value")], rows)

    def delta_lines(self, step, known: dict, depth: int) -> list[str]:
        """The table of the deltas, output first, each worked from the values ``known`` (which it extends)."""
        rows = []
        for neuron, formula, value in step.deltas:
            rows.append(self.worked_row(delta(neuron), formula, known, value))
            known[delta(neuron)] = value
        return [self.line(depth, self.plain(self.said_once("sgd.deltas", "delta.deltas"))), *self.simplified_lines(step, depth)] \
            + self.table(self.delta_header(), rows)

    def simplified_lines(self, step, depth: int) -> list[str]:
        """The δ of each output worked to its simple form (nn.output_deltas), σ with cross-entropy: δ = … = ŷ − t;
        a softmax's through each of its outputs, the one-hot targets adding up to 1."""
        said = self.__dict__.setdefault("_rules_said", set())
        if "sgd.simplified" in said or not step.simplified:        # worked once a problem, at its first step
            return []
        said.add("sgd.simplified")
        lines, softmax = [], [(neuron, sides, targets) for neuron, sides, targets in step.simplified if targets is not None]
        if softmax:                                     # said once, then each output's δ
            lines.append(self.line(depth, self.say("sgd.simplified softmax", one=sp.Eq(softmax[0][2], 1, evaluate=False))))
        for neuron, sides, targets in step.simplified:
            if targets is not None:                     # Σ_k in the order of k: −y₁(1 − o₁) + y₂o₁ + y₃o₁
                self.written = self.written + (StatedSum(*(self.renamed(term) for term in sides[0].args)),)
            else:                                       # ∂L/∂ŷ first, then the slope: (… − t/ŷ)·ŷ(1 − ŷ)
                factors = sp.Mul.make_args(sides[0])
                first = [f for f in factors if f.is_Add and any(sp.denom(t) != 1 for t in f.args)]
                self.written = self.written + (StatedProduct(*(self.renamed(f) for f in first + [f for f in factors if f not in first])),)
            said = "" if targets is not None else self.plain("sgd.simplified") + " "
            lines.append(self.line(depth + bool(targets is not None), said + self.inline(" = ".join(
                [self.raw_math(delta(neuron)), *(self.raw_math(side) for side in sides)]))))
        return lines

    def said_once(self, rule: str, again: str, *covering: str) -> str:
        """The phrase of a rule in words the first time a problem's steps use it (or one of ``covering``, which
        says it too), the short lead-in ``again`` at each later step: the rule once a problem, not per step."""
        said = self.__dict__.setdefault("_rules_said", set())
        if said & {rule, *covering}:
            return again
        said.add(rule)
        return rule

    def delta_header(self) -> list[str]:
        return [self.plain("delta.neuron"), self.plain("delta.formula"), self.plain("delta.numbers"), self.plain("graph.value")]

    def matrices_named(self, network, depth: int) -> list[str]:
        """W_1 = [w_1 w_2; w_3 w_4], b_1 = (b_(1,1), b_(1,2)), …: where the statement gives a layer's weights as
        a matrix W_k (and its biases as a vector b_k), the names its entries have in the tables below."""
        text, pairs = getattr(self, "statement_text", ""), []
        for k, layer in enumerate(network.layers, 1):
            if re.search(rf"W_\{{?{k}\}}?\s*=\s*\\begin\{{pmatrix\}}", text):
                pairs.append((sp.Symbol(f"W_{k}"), layer.weights.applyfunc(self.renamed)))
                if re.search(rf"b_\{{?{k}\}}?\s*=\s*\(", text) and all(b is not None for b in layer.biases):
                    pairs.append((sp.Symbol(f"b_{k}"), sp.Tuple(*layer.biases)))
        if not pairs:
            return []
        return [self.line(depth, self.plain("sgd.matrices") + " "
                          + self.escape(", ").join(self.equation(name, value) for name, value in pairs))]

    def step_tables(self, network, step, depth: int, asked=()) -> list[str]:
        """The forward pass, ∂L/∂ of the outputs asked for, the deltas, the gradients and the updates of one step."""
        known = {**dict(step.point), **dict(step.forward)}
        lines = [self.line(depth, self.say("net.at", point=self.point(step.point))),
                 self.line(depth, self.plain("net.forward") + ":")]
        lines += self.forward_table(network, step.forward, known)
        if step.objective:                  # weight decay: J = L + (λ/2)Σ w², and λw in each weight's gradient
            J, formula, value, decay = step.objective
            known[DECAY] = decay
            w = sp.Symbol("w", real=True)
            lines.append(self.line(depth, self.say("sgd.decay", decay=sp.Eq(DECAY, self.as_given(decay), evaluate=False), w=w,
                                                   term=DECAY * w)))
            L, penalty = formula.as_independent(DECAY)          # L + (λ/2)(w₁² + …), as d2l writes it
            written = sp.Add(L, sp.Mul(DECAY / 2, penalty / DECAY * 2, evaluate=False), evaluate=False)
            values = {self.renamed(k): v for k, v in known.items()}
            numbers = self.raw_math(put_in(self.renamed(written), values, self.places()), keep_order=True, numbers=True)
            lines.append(self.line(depth, self.result(" = ".join((self.raw_math(J), self.raw_math(written, keep_order=True),
                                                                  numbers)), value)))
        L = network.loss_symbol
        lines += self.delta_lines(step, known, depth)
        header = self.delta_header()
        errors = [row for row in step.errors if f"d{L}/d{row[0]}" in asked]    # ∂L/∂o1, ∂L/∂h1 when asked
        if errors:
            lines.append(self.line(depth, self.plain("sgd.errors")))
            rows = [[self.ratio(L, neuron), *self.worked_row(neuron, formula, known, value)[1:]]
                    for neuron, formula, value in errors]
            lines += self.table([self.plain("graph.node")] + header[1:], rows)
        parameters = {f"d{L}/d{p}" for p, _, _ in step.gradients}
        if not step.updates and not parameters & set(asked):    # step 0 asks for no gradient of a parameter
            return lines
        # a bias the step leaves as it is (update_biases = false) has no row, unless its gradient is asked for
        moving = {p for p, _ in step.updates}
        gradients = [(p, formula, value) for p, formula, value in step.gradients
                     if not step.updates or p in moving or f"d{L}/d{p}" in asked]
        if re.search(r"\\cdot\s*\\delta", getattr(self, "statement_text", "")):     # x₁·δ₅ as stated: every row value·δ
            self.written = self.written + tuple(StatedProduct(*(self.renamed(f) for f in sorted(
                sp.Mul.make_args(formula), key=lambda f: str(f).startswith("delta")))) for _, formula, _ in gradients)
        biases = {n.bias for n in network.neurons()}
        biased = any(p in biases for p, _, _ in gradients)        # "a bias is a weight from a constant 1"
        # the rule in words: a formula ∂L/∂w_jk = a_k·δ_j would be in symnn's indices, not the statement's names
        rule = "sgd.gradients.biased" if biased else "sgd.gradients"
        lines.append(self.line(depth, self.plain(self.said_once(rule, "sgd.gradients.again", "sgd.gradients.biased"))))
        if any(layer.bias == "shared" and any(p == n.bias for n in layer for p, _, _ in gradients) for layer in network.layers):
            lines.append(self.line(depth, self.plain("sgd.shared")))
        rows = [self.worked_row(p, formula, known, value) for p, formula, value in gradients]
        lines += self.table([self.plain("delta.parameter")] + header[1:], rows)
        return lines + self.update_table(step, depth) if step.updates else lines

    def update_table(self, step, depth: int) -> list[str]:
        header = [self.plain("delta.formula"), self.plain("delta.numbers"), self.plain("graph.value")]
        lines = [self.line(depth, self.plain(self.said_once("sgd.updates", "sgd.updates.again")))]
        rows = []
        for parameter, updates in step.updates:
            # w_{t−1} − ηg_t reads w₅ − ηg_t; the new value in the statement's name (b_2⁺)
            named = {w_old: parameter, w_new: after(self.names.get(str(parameter), parameter))}
            for update in updates:
                values = {named.get(k, k): v for k, v in update.values}
                rows.append([self.math(parameter), *self.worked_row(named.get(update.quantity, update.quantity),
                                                                     update.formula.xreplace(named), values, update.value)])
        if all(len(updates) == 1 for _, updates in step.updates):      # w₁⁺ alone names its parameter
            return lines + self.table([self.plain("sgd.new")] + header, [row[1:] for row in rows])
        return lines + self.table([self.plain("delta.parameter"), self.plain("sgd.quantity")] + header, rows)

    def answer_items(self, work, answer):
        """h₁ = …; E = …; ∂E/∂w₅ = …; w₅⁺ = …: each part of a network problem's answer by its name."""
        if type(work).__name__ != "NetworkTraining":
            return super().answer_items(work, answer)
        L = str(work.network.loss_symbol)
        top = work.steps[0].objective[0] if work.steps and work.steps[0].objective else work.network.loss_symbol   # ∂J/∂w
        labels = []
        for name in work.asked:
            if name.startswith(f"d{L}/d"):
                labels.append(self.raw_ratio(top, sp.Symbol(name[len(L) + 3:])))
            elif name.endswith("+"):                       # E_total⁺ where the statement calls L E_total
                labels.append(self.raw_math(after(self.names.get(name[:-1], name[:-1]))))
            else:
                labels.append(self.raw_math(sp.Symbol(name)))
        if len(labels) != len(answer):
            return None
        return [("", label, work.value(name)) for label, name in zip(labels, work.asked)]   # exact, not the key's decimals


def exponent_sums(definitions) -> dict:
    """Each sum of several terms that is an exponent in the formulas of ``definitions`` (name, formula), with the
    name of its value: z_o1 for the sum in the numerator of o1's e^(…)/Σ (a softmax's output takes its own sum),
    z_1, z_2, … for any other."""
    def long(power):
        return isinstance(power, sp.exp) and isinstance(power.args[0], sp.Add) and len(power.args[0].free_symbols) > 1
    sums = {}
    for name, formula in definitions:
        top = sp.fraction(formula)[0]
        if long(top):
            sums.setdefault(top.args[0], sp.Symbol(f"z_{name}"))
    others = [power.args[0] for _, formula in definitions for power in sorted(formula.atoms(sp.exp), key=sp.default_sort_key)
              if long(power) and power.args[0] not in sums]
    sums.update({total: sp.Symbol(f"z_{k + 1}") for k, total in enumerate(dict.fromkeys(others))})
    return sums
