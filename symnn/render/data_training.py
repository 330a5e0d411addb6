"""How document printers write a network trained on given data (``problems.data_training``).

The data as a table (and its centred inputs, with the means derived from it), the network and
the settings, the loss after a few epochs, and the trained network's outputs. A mixin of
DocumentPrinter, like NumericsPrinting: it uses the format hooks.
"""

from __future__ import annotations

import sympy as sp

from ..lang import PHRASES, catalogue, count, phrase, separator, whole
from ..problems.data_training import START_PLACES
from .values import put_in, shown

SHOWN_EPOCHS = 10     # the loss is shown at about this many epochs
SHOWN_ROWS = 12       # a longer table shows its first rows and says how many more there are
SHOWN_PARAMETERS = 24  # a network with at most this many weights and biases has them listed


def written(value) -> sp.Expr:
    """A data value as a formula shows it: 168, −3, 0.5 (never 1/2 for a decimal of the table)."""
    value = sp.Rational(value)
    return value if value.q == 1 else sp.Float(repr(float(value)))


DRAWN = "data.init.rounded"     # said once in a key: the start is numbers drawn once from N(0, 1) and rounded


def drawn_start(work) -> bool:
    """The work trains from weights drawn once and rounded (a course's lab), not from the problem's own."""
    kind = type(work).__name__
    if kind == "DataTrainingRun":
        return not work.given
    return kind == "TrainingRun" and work.start_places is not None and bool(work.start) \
        and all(getattr(v, "ndim", 0) == 0 for v in work.start.values())         # w1, …, b3, not matrices


class DataTrainingPrinting:
    def _print_DataTrainingRun(self, run, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.plain("data.title")))]
        lines.append(self.line(depth, self.plain("data.rows", rows=count(self.lang, len(run.rows), "row"))))  # not the file's name
        lines += self.data_table(run)
        if len(run.rows) > SHOWN_ROWS:
            lines.append(self.line(depth, self.plain("data.more", rows=len(run.rows) - SHOWN_ROWS)))
        if run.means is not None:
            # weight 57, height 171 (вес 57; рост 171: a Russian decimal comma would read as a separator)
            means = self.escape(separator(self.lang)).join(self.column(run, k) + " " + self.value(m)
                                                                          for k, m in enumerate(run.means))
            lines.append(self.line(depth, self.plain("data.centre") + " " + means + self.escape(".")))   # a sentence
        network = run.network
        names = catalogue(self.lang)["activations"]
        activations = ", ".join(names.get(a, a) for a in network.activations)
        L = network.loss_symbol
        said = phrase(self.lang, "sgd.network", sizes="-".join(map(str, network.sizes)), activations=activations)
        lines.append(self.line(depth, self.escape(said[:1].upper() + said[1:]) + " "
                               + self.equation(L, network.definitions()[L])))
        lms = run.rule == "lms" and run.by_hand is not None       # the statement's LMS rule, not SGD's w − α·g
        lines.append(self.line(depth, self.strong(self.plain("opt.name.lms" if lms else f"opt.name.{run.optimizer}")) + ": "
                               + self.escape("; ").join(self.result(self.raw_math(s), v) for s, v in run.hyper)))
        order = self.plain("data.order.shuffled" if run.shuffle else "data.order.table")
        one = "" if run.epochs > 1 else ".one"
        if run.batch >= len(run.rows):       # a batch of the whole table: one step per epoch, in no order
            lines.append(self.line(depth, self.plain(f"data.settings.full{one}", epochs=whole(run.epochs))))
        else:
            lines.append(self.line(depth, self.plain(f"data.settings{one}", epochs=whole(run.epochs), batch=whole(run.batch), order=order)))
        parameters = self.shows_parameters(run.find, run.parameters, run.by_hand is None)
        lines.append(self.line(depth, self.start_line(run.start, run.network, parameters,
                                                      "given" if run.given else "rounded", START_PLACES)))
        if run.by_hand is not None:
            lines += self.by_hand_lines(run, depth)
        if self.shows_loss(run.find):
            lines.append(self.line(depth, self.say("train.loss" if run.epochs > 1 else "train.loss.one", start=self.rounded(run.initial_loss),
                                                   end=self.rounded(run.final_loss))))
            if len(run.history) > 1:          # after one epoch the loss above is all there is
                lines += self.history_lines(run.history, depth, SHOWN_EPOCHS)
        if run.predict:
            lines.append(self.line(depth, self.plain("data.outputs")))
            lines += self.outputs_table(run)
        if parameters:
            lines += self.parameter_lines(run.start, run.parameters, depth)
        if "accuracy" in run.find:
            lines.append(self.line(depth, self.plain("data.accuracy", correct=run.correct, rows=len(run.rows))))
        return self.join(lines)

    def by_hand_lines(self, run, depth: int) -> list[str]:
        """Each step of a short run worked out as a network problem's step (its forward pass, deltas,
        gradients and updates, every step alike), or with ``rule = "lms"`` as the LMS rule (``lms_lines``)."""
        training = run.by_hand
        lines = [self.line(depth, self.plain("data.by_hand"))]
        for step in training.steps:
            lines.append(self.line(depth, self.strong(self.plain("data.step", number=step.number,
                                                                  row=(step.number - 1) % len(run.rows) + 1))))
            lines += (self.lms_lines(training, step, depth) if run.rule == "lms"      # the same lines, or tables, each step
                      else self.step_tables(training.network, step, depth))
        return lines

    def lms_lines(self, training, step, depth: int) -> list[str]:
        """A step of the LMS (Widrow–Hoff) rule as the statement writes it: a = Wp (+ b) with the numbers,
        e = t − a, W(k+1) = W(k) + 2αe·pᵀ (and b(k+1) = b(k) + 2αe); the new weights are the step's own,
        so its SGD on (t − a)² must agree with the rule."""
        network = training.network
        neuron, t, (_, rate) = network.neurons()[0], network.targets[0], training.hyper[0]
        known = {**dict(step.point), **dict(step.forward)}
        new = {p: rows[-1].value for p, rows in step.updates}
        a, e, alpha, k = neuron.name, sp.Symbol("e"), training.hyper[0][0], step.number - 1
        error = known[t] - known[a]
        inputs = [known[x] for x in neuron.inputs]
        for w, x in zip(neuron.weights, inputs):
            if new[w] != known[w] + 2 * rate * error * x:
                raise ValueError(f"the LMS step of {w} is not the SGD step on (t - a)^2: {new[w]} != {known[w]} + 2·{rate}·{error}·{x}")
        before, after = sp.Symbol(f"W({k})"), sp.Symbol(f"W({k + 1})")
        # each entry of a vector as a value is shown (−0.4, not −2/5; 0.3333 for 1/3)
        vector = lambda values: sp.Tuple(*(exact if decimal is None or exact is not None and exact.is_Rational else decimal
                                           for exact, decimal in (shown(v, self.places()) for v in values)))
        p = sp.Symbol(str(self.renamed(neuron.inputs[0]))[:1] + "^T")
        lines = [self.line(depth, self.worked(a, self.as_written(network.definitions()[a]), known, known[a])),
                 self.line(depth, self.worked(e, sp.Add(t, -a, evaluate=False), known, error)),
                 self.line(depth, self.in_order(after, sp.Add(before, sp.Mul(2, alpha, e, p, evaluate=False), evaluate=False),
                                              {before: vector(known[w] for w in neuron.weights), alpha: rate, e: error,
                                               p: vector(inputs)}, sp.Tuple(*(new[w] for w in neuron.weights))))]
        if neuron.bias is not None and neuron.bias in new:
            b_before, b_after = sp.Symbol(f"b({k})"), sp.Symbol(f"b({k + 1})")
            lines.append(self.line(depth, self.in_order(b_after, sp.Add(b_before, sp.Mul(2, alpha, e, evaluate=False), evaluate=False),
                                                      {b_before: known[neuron.bias], alpha: rate, e: error}, new[neuron.bias])))
        return lines

    def in_order(self, lhs, formula, values: dict, value) -> str:
        """lhs = formula = the numbers put in = value, the terms as written (b(k) + 2αe, not 2αe + b(k))."""
        numbers = put_in(formula, values, self.places())
        return self.result(" = ".join((self.raw_math(lhs), self.raw_math(formula, keep_order=True),
                                       self.raw_math(numbers, keep_order=True, numbers=True))), value)

    def shows_loss(self, find) -> bool:
        """The training loss and its log: in a full key, or when the statement asks the loss."""
        return self._settings["detail"] == "full" or "loss" in find

    def shows_parameters(self, find, trained, tabled: bool = True) -> bool:
        """The table of every weight and bias at the start and after training: in a full key, or when the
        statement asks a trained weight or bias; never after a run worked step by step (its steps show
        every new value) or of a network too large to list."""
        if not tabled or not trained or len(trained) > SHOWN_PARAMETERS:
            return False
        return self._settings["detail"] == "full" or bool({str(p) for p, _ in trained} & set(find))

    def start_line(self, start, network, tabled: bool, source: str, places: int) -> str:
        """Where the weights (and biases, if the network has any) start: given by the problem, or drawn and
        rounded; the table at the end when it is shown (``tabled``), else the values themselves."""
        biased = any(neuron.bias is not None for neuron in network.neurons())
        key = f"data.init.{source}" + ("" if biased else ".weights") + ("" if tabled else ".listed")
        if source == "rounded" and DRAWN in self._settings["defined"]:     # where they come from: said once in a key
            key += ".again"
        if tabled:
            return self.plain(key, places=places)
        # a start given is exact already; one drawn and rounded is 0.1257 exactly
        exact = lambda v: v if isinstance(v, sp.Expr) else sp.Rational(repr(float(v)))
        template = PHRASES[self.lang][key].replace("{places}", str(places))      # a count in words, not a formula
        return self.sentence(template, start=self.point(tuple((p, exact(v)) for p, v in start)))

    def parameter_lines(self, start, trained, depth: int) -> list[str]:
        """Every weight and bias at the start (as the statement gives them) and after the last epoch."""
        start = dict(start)
        # a start given is exact already; one drawn and rounded is 0.1257 exactly
        exact = lambda v: v if isinstance(v, sp.Expr) else sp.Rational(repr(float(v)))
        return [self.line(depth, self.plain("data.parameters"))] + self.table(
            [self.plain("delta.parameter"), self.plain("data.start"), self.plain("data.end")],
            [[self.math(p), self.value(exact(start[p])) if p in start else "", self.decimal(v)] for p, v in trained])

    def column(self, run, k: int) -> str:
        """The name of an input column: its label in the key's language, the CSV's name as program text,
        or x_k (a notation renames it)."""
        labels = dict(run.table.labels).get(self.lang)
        if labels:
            return self.escape(labels[k])
        if run.table.input_names:
            return self.code(run.table.input_names[k])
        return self.math(run.network.inputs[k])

    def data_table(self, run) -> list[str]:
        """The rows as given, then (when centred) the inputs minus their means, then the targets."""
        inputs, targets = len(run.rows[0]), len(run.targets[0])
        header = [self.column(run, k) for k in range(inputs)]
        if run.means is not None:
            # the network's input x_k is the column less its mean: x₁ = weight − 57 (inline rows: x₁ − 57)
            named = bool(run.table.input_names)
            header += [(self.math(run.network.inputs[k]) + self.escape(" = ") if named else "")
                       + self.column(run, k) + self.escape(" − ") + self.value(m) for k, m in enumerate(run.means)]
        header += [self.math(run.network.targets[k]) for k in range(targets)]      # y (t) as the statement names it
        cells = lambda values: [self.math(written(v)) for v in values]
        rows = [cells(row) + (cells(run.centred(row)) if run.means is not None else []) + cells(target)
                for row, target in zip(run.rows[:SHOWN_ROWS], run.targets)]
        return self.table(header, rows)

    def outputs_table(self, run) -> list[str]:
        header = [self.plain("train.question")]
        if run.means is not None:
            header.append(self.plain("data.centred"))
        header.append(self.plain("train.output"))
        if run.rounded:
            header.append(self.plain("data.rounded"))
        named = run.class_of(run.outputs[0], self.lang) is not None if run.outputs else False
        if named:
            header.append(self.plain("data.class"))
        rows = []
        for row, outputs in zip(run.predict, run.outputs):
            cells = [self.math(self.row_tuple(row))]
            if run.means is not None:
                cells.append(self.math(self.row_tuple(run.centred(row))))
            cells.append(self.escape("; ").join(self.decimal(v) for v in outputs))
            if run.rounded:
                cells.append(self.escape("; ").join(str(round(v)) for v in outputs))
            if named:
                cells.append(self.escape(run.class_of(outputs, self.lang)))
            rows.append(cells)
        return self.table(header, rows)

    def row_tuple(self, row) -> sp.Expr:
        return sp.Tuple(*map(written, row)) if len(row) > 1 else written(row[0])

    def data_answer_items(self, run, parts) -> list | None:
        """The answer's parts named: the final loss L, ŷ(x) for each row asked about, the accuracy."""
        items, parts = [], list(parts)
        for part in run.find:
            if part == "loss":
                items.append(("", self.raw_math(run.network.loss_symbol), parts.pop(0)))
            elif part == "predictions":
                for row, outputs in zip(run.predict, run.outputs):
                    named = run.class_of(outputs, self.lang)       # ŷ(50, 168) ≈ 0.9630 (woman), as asked
                    for j in range(len(run.targets[0])):
                        items.append(("", self.output_at(run.network, j, row), parts.pop(0))
                                     + ((named,) if named is not None and j == len(outputs) - 1 else ()))
            elif part == "accuracy":
                items.append((phrase(self.lang, "data.accuracy.label"), None, parts.pop(0)))
            else:
                items.append(("", self.raw_math(dict((str(p), p) for p, _ in run.parameters)[part]), parts.pop(0)))
        return items if not parts else None

    def output_at(self, network, j: int, row) -> str:
        """ŷ(0, 1): the network's output ``j`` at an input, in the statement's name for it (the output neuron
        as the notation renames it, a for o1 = "a"), else ŷ (ŷ_j of several outputs); raw math."""
        neuron = network.outputs[j]
        y = neuron if str(neuron) in self.names else sp.Symbol("yhat" if len(network.outputs) == 1 else f"yhat_{j + 1}")
        at = self.raw_math(self.row_tuple(row))
        return self.raw_math(y) + (at if len(row) > 1 else f"({at})")

    def task_answer_items(self, run, parts) -> list | None:
        """A task's answer: ŷ(0, 1) = 1 for each XOR row, as a data run names its outputs; a task's other
        questions (a woman (−7, −3)) by their words."""
        if len(run.predictions) != len(parts):
            return None
        items = []
        for question, value in zip(run.predictions, parts):
            if " xor " in question:
                row = tuple(int(bit) for bit in question.split(" xor "))
                items.append(("", self.output_at(run.model.network, 0, row), value))
            else:
                items.append((self.question(question), None, value))
        return items
