"""Training on a teacher's own data: the network of a ``training`` problem trained on its rows.

The rows come inline or from a CSV file next to the problem file (``problems.data_schema``);
with ``center = true`` each input column's mean, derived from the table, is subtracted from it
and from the rows to predict. The run is ``numerics.train.run_task``: the course's scalar
network compiled to NumPy, weights and biases drawn from N(0, 1) by a generator seeded with
``seed`` and rounded to START_PLACES places (so the statement can give the start exactly), or
given by ``weights`` and ``biases`` as a ``network`` problem gives them (a textbook's start, so
that its published run is reproduced), the optimizer's updates one batch at a time (``batch = 1``:
one row at a time, in the order of the table, as the loops of seed 002 and lab 12 go).

>>> from symnn.problems.bank import get_problem
>>> run = solve_data_training(get_problem("gender-train")).work
>>> [str(m) for m in run.means]
['57', '171']
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import sympy as sp

from ..calculus.display import RichDisplay
from ..nn.naming import bias_modes
from ..nn.network import Network
from ..nn.optimizers import hyperparameters, optimizer
from ..numerics.train import Data, Task, TrainingRun, run_task
from .bank import BankError, Problem
from .data_schema import DataError, Table, read_table
from .network_problems import parameter_values

START_PLACES = 4     # a random start is the seed's draws to this many places: the statement gives them


@dataclass(frozen=True)
class DataTrainingRun(RichDisplay):
    """A network trained on given rows: the data, the settings, the loss after each epoch, the outputs."""

    table: Table
    rows: tuple[tuple[sp.Rational, ...], ...]        # the inputs, exactly as written
    targets: tuple[tuple[sp.Rational, ...], ...]
    means: tuple[sp.Rational, ...] | None            # of the input columns, when the inputs are centred
    predict: tuple[tuple[sp.Rational, ...], ...]     # the rows asked about, as written
    network: Network
    optimizer: str
    hyper: tuple[tuple[sp.Symbol, object], ...]      # the optimizer's hyperparameters, with their values
    epochs: int
    batch: int
    shuffle: bool
    history: tuple[float, ...]                       # the training loss after each epoch
    initial_loss: float
    outputs: tuple[tuple[float, ...], ...]           # the trained network's outputs for the rows asked about
    correct: int                                     # training rows the trained network classifies right
    parameters: tuple[tuple[sp.Symbol, float], ...]  # every weight and bias after the last epoch
    start: tuple[tuple[sp.Symbol, object], ...]      # ... and before the first (exact when given)
    find: tuple[str, ...]
    rounded: bool                                    # outputs rounded to 0 or 1 in the answer
    run: TrainingRun
    given: bool = False                              # the start is the problem's weights and biases, not drawn
    by_hand: object = None                           # a short run from a given start, step by step (sgd_steps)
    rule: str = ""                                   # "lms": the steps written as the LMS rule W + 2αe·pᵀ
    classes: tuple = ()                              # (language, the name of each class) the statement asks

    def class_of(self, outputs, lang: str) -> str | None:
        """The class the outputs tell, in ``lang``: the output rounded (0 or 1), or the largest output."""
        names = dict(self.classes).get(lang)
        if not names:
            return None
        return names[min(max(round(outputs[0]), 0), 1) if len(outputs) == 1 else int(np.argmax(outputs))]

    def centred(self, row) -> tuple:
        return tuple(v - m for v, m in zip(row, self.means)) if self.means is not None else tuple(row)

    @property
    def final_loss(self) -> float:
        return self.history[-1]


def _exact(rows) -> tuple:
    """Numbers as written (text: 168, 0.5, 1/3), exactly."""
    return tuple(tuple(sp.Rational(Fraction(str(v).strip())) for v in row) for row in rows)


def solve_data_training(problem: Problem):
    """The answer lists what ``find`` asks for, in its order: the final training loss, the outputs for
    each row of ``predict`` (rounded to 0 or 1 with ``rounded``), the share of training rows
    classified right (the output rounded, or the largest output, equals the target), a trained
    weight or bias by its name (w1, b3)."""
    from .solve import Solution
    data = problem.data
    try:
        run = train_on_table(read_table(data, problem.folder), data)
    except DataError as error:
        raise BankError(f"problem {problem.id}: {error}") from None
    answer = []
    for part in run.find:
        if part == "loss":
            answer.append(sp.Float(run.final_loss, 15))
        elif part == "predictions":
            answer += [sp.Integer(round(v)) if run.rounded else sp.Float(v, 15) for row in run.outputs for v in row]
        elif part == "accuracy":
            answer.append(sp.Rational(run.correct, len(run.rows)))
        else:
            answer.append(sp.Float(dict((str(p), v) for p, v in run.parameters)[part], 15))
    return Solution(problem, run, tuple(answer))


def train_on_table(table: Table, data: dict) -> DataTrainingRun:
    """Train the network ``data`` states (layers, activation, loss, optimizer, …) on ``table``."""
    rows, targets = _exact(table.inputs), _exact(table.targets)
    predict = _exact(data.get("predict", []))
    means = None
    if data.get("center"):
        means = tuple(sum(column, sp.Integer(0)) / len(rows) for column in zip(*rows))
    name = data.get("optimizer", "sgd")
    names = [str(s) for s in optimizer(name).defaults]
    settings = {key: float(sp.Rational(value)) for key, value in data.get("settings", {}).items()}   # 0.9 or "9/10"
    if "learning_rate" in data:
        settings["eta" if "eta" in names else names[0]] = float(sp.Rational(data["learning_rate"]))
    try:
        hyper = hyperparameters(optimizer(name), settings)
    except ValueError as error:            # a setting the optimizer does not have (known only with SymPy)
        raise DataError(f"settings: {error}") from None
    modes = bias_modes(data.get("biases", 0), False, len(data["layers"]) - 1)
    spec = Task("data", "train.data", tuple(data["layers"]), name, settings, data.get("epochs", 100),
                data.get("batch"), shuffle=data.get("shuffle", False), activation=data.get("activation", "sigmoid"),
                loss=data.get("loss", "mse"), output=data.get("output", "same"), biases=modes)
    given = None
    if "weights" in data:
        network = Network(list(spec.layers), spec.activation, spec.loss, spec.output, biases=modes)
        given = parameter_values(network, data["weights"], data.get("biases", 0))
    centre = (lambda row: [float(v - m) for v, m in zip(row, means)]) if means else (lambda row: [float(v) for v in row])
    X = np.array([centre(row) for row in rows])
    Y = np.array([[float(v) for v in row] for row in targets])
    run = run_task(spec, Data(X, Y), data.get("seed", 0), start_places=START_PLACES, start=given)
    outputs = run.model.predict(run.params, np.array([centre(row) for row in predict])) if predict else np.empty((0, 0))
    fitted = run.model.predict(run.params, X)
    if Y.shape[1] == 1:
        correct = int(np.sum(np.round(fitted[:, 0]) == Y[:, 0]))
    else:
        correct = int(np.sum(fitted.argmax(axis=1) == Y.argmax(axis=1)))
    find = tuple(data.get("find", ["predictions"] if predict else ["loss"]))
    return DataTrainingRun(table, rows, targets, means, predict, run.model.network, name, tuple(hyper.items()),
                           run.epochs, run.batch, spec.shuffle, run.history, run.initial_loss,
                           tuple(tuple(float(v) for v in row) for row in outputs), correct,
                           tuple((p, float(run.params[str(p)])) for p in run.model.network.parameters()),
                           tuple((p, given[str(p)] if given else float(run.start[str(p)]))
                                 for p in run.model.network.parameters()), find,
                           bool(data.get("rounded")), run, given is not None,
                           _by_hand(run, given, [tuple(v - m for v, m in zip(row, means)) if means else row for row in rows],
                                    targets, data), data.get("rule", ""),
                           tuple((lang, tuple(names)) for lang, names in data.get("classes", {}).items()))


def _by_hand(run: TrainingRun, given: dict | None, inputs: list, targets: tuple, data: dict):
    """A run from a given start of at most FULL_STEPS updates, one row at a time in the order of the table
    (Hagan's LMS: the orange, then the apple), worked exactly step by step as a network problem's steps are;
    None for a longer or shuffled run, for batches, or from a random start. ``inputs``: the rows, exact
    (centred when the problem centres them)."""
    from ..nn.sgd_steps import FULL_STEPS, train_steps
    steps = run.epochs * len(inputs)
    if given is None or run.batch != 1 or data.get("shuffle") or steps > FULL_STEPS:
        return None
    network = run.model.network
    samples = tuple({**{str(x): v for x, v in zip(network.inputs, row)}, **{str(y): v for y, v in zip(network.targets, target)}}
                    for row, target in zip(inputs, targets))
    return train_steps(network, {**given, **samples[0]}, steps=steps, optimizer=data.get("optimizer", "sgd"),
                       learning_rate=data.get("learning_rate"), settings=data.get("settings"), samples=samples)
