"""Training the course's networks for real: xor, gender and digits.

A task is a data set, a model and the settings the course uses. ``train``
runs the optimizer over shuffled mini-batches (or in order, one observation
at a time, as seed 002 does), reports the training loss once per epoch (seed
002 printed it inside the inner loop, once per observation) and returns the
history with the predictions.

>>> run = train("gender", seed=0, progress=False)
>>> run.predictions["female"] > 0.9, run.predictions["male"] < 0.1
(True, True)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np

from ..calculus.display import RichDisplay
from ..nn.network import Network
from ..nn.optimizers import OPTIMIZERS
from .dense import DenseModel
from .models import ScalarModel
from .updater import Updater


@dataclass(frozen=True)
class Task:
    name: str
    title: str                 # a phrase key
    layers: tuple[int, ...]
    optimizer: str
    settings: dict             # hyperparameters of the optimizer
    epochs: int
    batch: int | None          # None: the optimizer's default
    shuffle: bool = True
    dense: bool = False        # the matrix-form model (DenseModel) instead of named scalars
    activation: str = "sigmoid"
    loss: str = "mse"
    output: str = "same"
    biases: tuple[str, ...] | None = None   # per layer of neurons "neuron" or "none" (nn.naming); None: one per neuron


TASKS = {t.name: t for t in (
    # lab 12 of seed 003: three sigmoid neurons learn XOR
    Task("xor", "train.xor", (2, 2, 1), "gd", {"eta": 2.0}, 3000, None),
    # seed 002: four people, centred weight and height, SGD one person at a time in order
    Task("gender", "train.gender", (2, 2, 1), "sgd", {"eta": 0.1}, 1000, 1, shuffle=False),
    # scikit-learn's 8×8 digits: 64-32-10, softmax and cross-entropy, in matrix form
    Task("digits", "train.digits", (64, 32, 10), "adam", {"eta": 0.01}, 40, 32, dense=True,
         loss="ce", output="softmax"),
)}

XOR = (np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float), np.array([[0], [1], [1], [0]], dtype=float))
# seed 002: weight (kg) and height (cm) of Оля, Ваня, Миша, Анна (the bank's problems/data/people.csv);
# 1 for a woman. The network learns them minus the table's means, and so are the course's questions:
# a woman of 50 kg and 168 cm, a man of 77 kg and 173 cm.
PEOPLE = np.array([[54, 168], [65, 185], [62, 179], [47, 152]], dtype=float)
MEANS = PEOPLE.mean(axis=0)
GENDER = (PEOPLE - MEANS, np.array([[1], [0], [0], [1]], dtype=float))
GENDER_QUESTIONS = {"female": np.array([50.0, 168.0]) - MEANS, "male": np.array([77.0, 173.0]) - MEANS}


@dataclass
class Data:
    X: np.ndarray
    Y: np.ndarray
    X_test: np.ndarray | None = None
    labels_test: np.ndarray | None = None
    questions: dict = field(default_factory=dict)   # named inputs whose prediction is reported


def load_data(name: str, seed: int = 0) -> Data:
    if name == "xor":
        return Data(*XOR, questions={f"{int(a)} xor {int(b)}": np.array([a, b]) for a, b in XOR[0]})
    if name == "gender":
        return Data(*GENDER, questions=GENDER_QUESTIONS)
    if name == "digits":
        return _digits(seed)
    raise ValueError(f"unknown task {name!r}; use one of {', '.join(TASKS)}")


def _digits(seed: int) -> Data:
    try:
        from sklearn.datasets import load_digits
        from sklearn.model_selection import train_test_split
    except ImportError:
        raise ImportError('the digits task needs scikit-learn: pip install "symnn[digits]"') from None
    digits = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(
        digits.data, digits.target, test_size=0.25, random_state=seed, stratify=digits.target)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std[std == 0] = 1.0                       # pixels that are always blank stay 0
    scale = lambda X: (X - mean) / std        # standardised: minus the mean, over the deviation
    return Data(scale(X_train), np.eye(10)[y_train], scale(X_test), y_test)


def make_model(task: Task):
    if task.dense:
        return DenseModel(list(task.layers), task.activation, task.loss, task.output)
    return ScalarModel(Network(list(task.layers), task.activation, task.loss, task.output,
                               biases=task.biases or "neuron"))


@dataclass(frozen=True)
class TrainingRun(RichDisplay):
    task: Task
    optimizer: str
    settings: dict
    epochs: int
    batch: int
    seed: int
    history: tuple[float, ...]          # the training loss after each epoch
    initial_loss: float
    predictions: dict                   # question → the network's output
    accuracy: float | None              # on the test set, when the task has one
    seconds: float
    params: dict
    model: object
    start: dict = field(default_factory=dict)   # the parameters before the first epoch
    start_places: int | None = None             # ... the draws rounded to these places, if they were


def fit(model, params: dict, X, Y, updater: Updater, epochs: int, batch: int, rng, shuffle=True, bar=None):
    """Run the optimizer; return the final parameters and the loss after each epoch."""
    history, n = [], X.shape[0]
    for _ in range(epochs):
        order = rng.permutation(n) if shuffle else np.arange(n)
        for start in range(0, n, batch):
            rows = order[start:start + batch]
            _, grads = model.loss_and_gradient(updater.lookahead(params), X[rows], Y[rows])
            params = updater.step(params, grads)
        history.append(float(model.loss(params, X, Y)))
        if bar is not None:
            bar.update(1)
            bar.set_postfix(loss=f"{history[-1]:.4f}", refresh=False)
    return params, history


def train(task: str, optimizer: str | None = None, epochs: int | None = None, seed: int = 0,
          batch: int | None = None, progress: bool = True, start_places: int | None = None,
          **settings) -> TrainingRun:
    """Train a task; the same seed gives the same run. ``settings`` are the optimizer's (eta=…);
    ``start_places``: see ``run_task``."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; use one of {', '.join(TASKS)}")
    spec = TASKS[task]
    name = optimizer or spec.optimizer
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; use one of {', '.join(OPTIMIZERS)}")
    settings = {**(spec.settings if name == spec.optimizer else {}), **settings}
    if batch is not None and batch < 1:
        raise ValueError("the batch holds at least 1 observation")
    batch = batch or (spec.batch if name == spec.optimizer else None)
    spec = replace(spec, optimizer=name, settings=settings, epochs=spec.epochs if epochs is None else epochs,
                   batch=batch)
    return run_task(spec, load_data(task, seed), seed, progress, start_places)


def run_task(spec: Task, data: Data, seed: int = 0, progress: bool = False,
             start_places: int | None = None, start: dict | None = None) -> TrainingRun:
    """Train ``spec``'s model on ``data`` with ``spec``'s optimizer, epochs and batch (None: the
    optimizer's default batch, or the whole data set): parameters drawn from N(0, 1) by a
    generator seeded with ``seed``, which also shuffles the batches when ``spec.shuffle``;
    with ``start_places``, the draws rounded to that many places (a start a statement can print);
    with ``start`` (every parameter by name), the run begins from it and draws nothing."""
    if spec.epochs < 1:
        raise ValueError("epochs must be at least 1")
    if spec.batch is not None and spec.batch < 1:
        raise ValueError("the batch holds at least 1 observation")
    n = data.X.shape[0]
    batch = min(n, spec.batch or OPTIMIZERS[spec.optimizer].batch or n)
    rng = np.random.default_rng(seed)
    model = make_model(spec)
    if start is not None:
        names = model.parameter_names
        if set(start) != set(names):
            raise ValueError(f"start: expected a value for each of {', '.join(names)}, got {', '.join(start)}")
        params = {name: float(start[name]) if np.ndim(start[name]) == 0 else np.array(start[name], dtype=float)
                  for name in names}
    else:
        params = model.init(rng)
        if start_places is not None:
            params = {name: np.round(value, start_places) for name, value in params.items()}
    start = dict(params)
    initial = float(model.loss_and_gradient(params, data.X, data.Y)[0])
    updater = Updater(spec.optimizer, **spec.settings)
    started = time.perf_counter()
    bar = _progress_bar(spec.epochs, spec.name) if progress else None
    try:
        params, history = fit(model, params, data.X, data.Y, updater, spec.epochs, batch, rng, spec.shuffle, bar)
    finally:
        if bar is not None:
            bar.close()
    seconds = time.perf_counter() - started
    predictions = {q: float(model.predict(params, x[None, :])[0, 0]) for q, x in data.questions.items()}
    accuracy = None
    if data.X_test is not None:
        accuracy = float(np.mean(model.predict(params, data.X_test).argmax(axis=1) == data.labels_test))
    return TrainingRun(spec, spec.optimizer, spec.settings, spec.epochs, batch, seed, tuple(history), initial,
                       predictions, accuracy, seconds, params, model, start, start_places)


def _progress_bar(epochs: int, task: str):
    from tqdm import tqdm
    return tqdm(total=epochs, desc=task, unit="epoch", leave=False)
