"""Training a network with given weight matrices by hand: forward, deltas, gradients, updates.

The textbook exercise: a network whose every weight and bias is given, one sample (inputs and
targets), a loss over its outputs, and N steps of SGD (or another optimizer of ``optimizers``).
Each step is the forward pass, the deltas from the output back,

    δ_j = ∂L/∂o_j · f'(z_j)                 (an output neuron; a softmax layer: o_j(∂L/∂o_j − Σ_k o_k ∂L/∂o_k),
                                             with cross-entropy and one-hot targets o_j − y_j)
    δ_j = f'(z_j) · Σ_k w_kj δ_k            (a hidden neuron, over the neurons it feeds)
    ∂L/∂w_jk = a_k · δ_j,  ∂L/∂b_j = δ_j    (a_k: the input or neuron the weight comes from)

with weight decay (d2l §5.3: J = L + (λ/2)Σ w², the biases not penalised) each weight's gradient
gains λw, ∂J/∂w_jk = a_k · δ_j + λ w_jk; and the update of every parameter from its gradient, all gradients taken before any parameter
moves (the hidden layer is updated with the old output weights). The first step is exact; its
exact expressions nest into every later one and grow exponentially, so from the second step on the
parameters are carried as DIGITS-digit decimals, far beyond any precision a text prints (and so
are the forward pass after the last update, and the gradients an optimizer takes a square root
of: AdaGrad, RMSprop, Adam).

>>> net = Network([1, 1], loss="half-se")
>>> run = train_steps(net, {"x1": 1, "y": 0, "w1": 0, "b1": 0}, learning_rate=1)
>>> run.steps[0].gradients[0][2], dict(run.parameters)
(1/8, {w1: -1/8, b1: -1/8})
>>> round(run.value("L+"), 6)
0.095845
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.gradient import exact_number
from .backprop import forward_values, network_point
from .naming import FULL_STEPS
from .network import Network
from .optimizers import OPTIMIZERS, alpha, beta, eta, g, lam, mu, t, w_old
from .output_deltas import simplified_delta, softmax_ce_delta
from .reverse import delta
from .slopes import a, slope_through_output, z

RATES = (eta, lam)          # the learning rate of an optimizer is η, or λ in lecture 3's momentum rule
MOMENTA = (alpha, mu, beta)   # the momentum is α, or μ in CS231n's velocity form, or β in d2l's
DIGITS = 50                 # significant digits of the parameters carried from the second step on


@dataclass(frozen=True)
class Update:
    """One line of an optimizer's step for one parameter: quantity = formula, the values put in, the value."""

    quantity: sp.Symbol
    formula: sp.Expr
    values: tuple
    value: sp.Expr


@dataclass(frozen=True)
class TrainingStep:
    """Step ``number``: the forward pass, the deltas, the gradients and the update of each parameter."""

    number: int
    point: tuple         # (symbol, value) of inputs, targets and parameters before the step
    forward: tuple       # (node, value) of every neuron and the loss
    deltas: tuple        # (neuron, formula, value), outputs first
    gradients: tuple     # (parameter, formula, value)
    updates: tuple       # (parameter, tuple of Update); biases left out when they stay fixed
    errors: tuple = ()   # (neuron, formula, value) of ∂L/∂(the neuron's output), outputs first
    objective: tuple = ()    # with weight decay: (J, L + (λ/2)Σ w², its value, λ's value)
    simplified: tuple = ()   # (output, the sides of its δ simplified, the last its formula; Σ y_k = 1 of a softmax or None)


@dataclass(frozen=True)
class NetworkTraining(RichDisplay):
    """N steps of an optimizer on one sample, and the forward pass after them."""

    network: Network
    optimizer: str
    hyper: tuple         # (symbol, value) of the optimizer's hyperparameters
    update_biases: bool
    steps: tuple         # TrainingStep, one per update
    after: tuple         # (node, value) of every neuron and the loss after the last update
    parameters: tuple    # (symbol, value) after the last update
    asked: tuple = ()    # the names of what a problem asks (h1, L, dL/dw5, w5+, L+), in order
    history: tuple = ()  # (step, the loss before it) of every step, when some are not in ``steps``

    def value(self, name: str):
        """A quantity by the name a problem asks for it: h1 / L (before training), dL/dw5 (the first
        step's gradient), dL/do1 (the first step's ∂L/∂ of a neuron's output: of a raw score), w5+, o1+
        and L+ (after the last update)."""
        before = {str(s): v for s, v in self.steps[0].forward} if self.steps else {}
        if self.steps and self.steps[0].objective:            # J = L + (λ/2)Σ w² of weight decay
            before[str(self.steps[0].objective[0])] = self.steps[0].objective[2]
        if name.endswith("+"):
            after = {str(s): v for s, v in (*self.parameters, *self.after)}
            if name[:-1] in after:
                return after[name[:-1]]
        elif name.startswith("d") and "/d" in name:
            top, wrt = name[1:].split("/d", 1)
            gradients = {str(p): v for p, _, v in (*self.steps[0].gradients, *self.steps[0].errors)}
            if top == str(self.network.loss_symbol) and wrt in gradients:
                return gradients[wrt]
        elif name in before:
            return before[name]
        raise ValueError(f"{name!r} is not a node (h1, o1), the loss {self.network.loss_symbol}, a gradient "
                         f"(d{self.network.loss_symbol}/dw1, d{self.network.loss_symbol}/do1) or a value after "
                         f"training (w1+, o1+, {self.network.loss_symbol}+) of {self.network!r}")


def _hyper(optimizer: str, learning_rate, momentum, settings) -> dict:
    """The optimizer's hyperparameters: its defaults, then the rate, the momentum and named settings."""
    if optimizer not in OPTIMIZERS or OPTIMIZERS[optimizer].lookahead is not None:
        known = [name for name, o in OPTIMIZERS.items() if o.lookahead is None]
        raise ValueError(f"unknown optimizer {optimizer!r} for a network step; use one of {', '.join(known)}")
    hyper = {s: exact_number(v) for s, v in OPTIMIZERS[optimizer].defaults.items()}
    names = {str(s): s for s in hyper}
    for name, value in (settings or {}).items():
        if name not in names:
            raise ValueError(f"{optimizer} has no setting {name!r}; its settings: {', '.join(names)}")
        hyper[names[name]] = exact_number(value)
    for given, symbols in ((learning_rate, RATES), (momentum, MOMENTA)):
        for s in symbols:
            if given is not None and s in hyper:
                hyper[s] = exact_number(given)
    return hyper


def _slope(neuron) -> sp.Expr:
    """f'(z) through the neuron's output (σ' = h₁(1 − h₁)), or of its sum z where it cannot be (ReLU: θ(z))."""
    return slope_through_output(neuron.activation).subs(a, neuron.name).subs(z, neuron.z)


def _common_factor(error: sp.Expr) -> sp.Expr:
    """2(a − t), not SymPy's 2a − 2t: a number common to every term of ∂L/∂o written before the sum."""
    content, rest = error.as_content_primitive()
    return sp.Mul(content, rest, evaluate=False) if content not in (1, -1) and rest.is_Add else error


def _deltas(network: Network, values: dict) -> tuple[list, dict, list, list]:
    """(neuron, formula, value) from the output back, δ of each neuron by name, (neuron, formula,
    value) of ∂L/∂(its output): ∂L/∂o_j of the loss, Σ w·δ of a hidden neuron; and (output, the sides of its
    δ simplified) where it simplifies (σ with cross-entropy: ŷ − t)."""
    L = network.loss_symbol
    loss = network.definitions()[L]
    consumers = {n.name: [] for n in network.neurons()}
    for layer in network.layers[1:]:
        for neuron in layer:
            for source, weight in zip(neuron.inputs, neuron.weights):
                consumers[source].append((weight, neuron.name))
    rows, value_of, error_rows, simplified = [], {}, [], []
    outputs = network.outputs
    for layer in reversed(network.layers):
        for neuron in layer:
            name = neuron.name
            known = {**values, **{delta(n): v for n, v in value_of.items()}}
            error = _common_factor(sp.diff(loss, name)) if name in outputs else \
                sp.Add(*(w * delta(n) for w, n in consumers[name]))
            if name in outputs and network.output == "softmax":   # ∂L/∂z_j through every o_k
                errors = [sp.diff(loss, o) for o in outputs]
                j = outputs.index(name)
                total = sp.expand(-sp.Add(*(o * e for o, e in zip(outputs, errors))))    # Σ y_k of cross-entropy
                if total.free_symbols and total.xreplace(values) == 1:      # one-hot targets: Σ y_k = 1
                    formula = sp.expand(name * errors[j]) + name             # δ_j = o_j − y_j
                    worked = softmax_ce_delta(tuple(outputs), tuple(errors), j)
                    simplified += [(name, worked, total)] if worked is not None and worked[-1] == formula else []
                else:
                    formula = sp.expand(name * (errors[j] - sp.Add(*(o * e for o, e in zip(outputs, errors)))))
            elif name in outputs:                                 # δ = ∂L/∂o · f'(z)
                formula = error * _slope(neuron)
                worked = simplified_delta(error, _slope(neuron))      # σ with cross-entropy: ŷ − t
                if worked is not None:
                    simplified.append((name, worked, None))
                    formula = worked[-1]
            else:                                                 # δ = f'(z) · Σ w·δ
                formula = _slope(neuron) * error
            value_of[name] = formula.xreplace(known)
            rows.append((name, formula, value_of[name]))
            error_rows.append((name, error, error.xreplace(known)))
    return rows, value_of, error_rows, simplified


DECAY, OBJECTIVE = sp.Symbol("lambda", real=True), sp.Symbol("J", real=True)     # weight decay λ, J = L + (λ/2)Σ w²


def _gradients(network: Network, values: dict, delta_of: dict, decay=None) -> list:
    """(parameter, a·δ, value) for every weight, and (bias, δ, value) for every bias: a bias shared by a
    layer is in every sum of the layer, so its gradient is the sum of their δ. With weight ``decay`` λ a
    weight's is a·δ + λw, the gradient of (λ/2)w² added."""
    rows = {}
    for neuron in network.neurons():
        for source, weight in zip(neuron.inputs, neuron.weights):
            rows[weight] = (source * delta(neuron.name), values.get(source, source) * delta_of[neuron.name])
            if decay is not None:
                rows[weight] = (rows[weight][0] + DECAY * weight, rows[weight][1] + decay * values[weight])
        if neuron.bias is not None:
            formula, value = rows.get(neuron.bias, (sp.S.Zero, sp.S.Zero))
            rows[neuron.bias] = (formula + delta(neuron.name), value + delta_of[neuron.name])
    return [(p, *rows[p]) for p in network.parameters()]


def _decimal(value):
    return value if value.is_Rational else sp.Float(sp.N(value, DIGITS), DIGITS)


def _has_roots(optimizer: str) -> bool:
    """Does a step take a square root (AdaGrad, RMSprop, Adam)? √ of a nested exact value is slow to settle."""
    return any(not power.exp.is_Integer for _, formula in OPTIMIZERS[optimizer].updates for power in formula.atoms(sp.Pow))


def _update(optimizer: str, hyper: dict, number: int, gradient, before, state: dict) -> tuple:
    """The optimizer's assignments for one parameter, in order; ``state`` (old -> value) is carried on."""
    opt = OPTIMIZERS[optimizer]
    if _has_roots(optimizer):      # the gradient as a decimal: see the module's note
        gradient, before = _decimal(gradient), _decimal(before)
    known = {**hyper, t: sp.Integer(number), g: gradient, w_old: before,
             **{old: state.get(old, sp.S.Zero) for old, _ in opt.state}}
    rows = []
    for quantity, formula in opt.updates:
        used = {s: known[s] for s in formula.free_symbols if s in known}
        known[quantity] = formula.xreplace(used)
        rows.append(Update(quantity, formula, tuple(used.items()), known[quantity]))
    state.update({old: known[new] for old, new in opt.state})
    return tuple(rows)


def objective(network: Network, values: dict, decay) -> tuple:
    """(J, L + (λ/2)(w₁² + w₂² + …), its value, λ) of weight ``decay`` λ: every weight penalised, no bias."""
    weights = [w for neuron in network.neurons() for w in neuron.weights]
    formula = network.loss_symbol + DECAY / 2 * sp.Add(*(w ** 2 for w in weights))
    return OBJECTIVE, formula, formula.xreplace({**values, DECAY: decay}), decay


def train_steps(network: Network, at, weights=None, biases=None, steps: int = 1, optimizer: str = "sgd",
                learning_rate=None, momentum=None, settings=None, update_biases: bool = True,
                shown: int | None = None, samples: tuple = (), weight_decay=None) -> NetworkTraining:
    """``steps`` updates of every parameter on one sample ``at`` (inputs, targets, parameters); ``steps=0``:
    the forward and backward pass only, as step 0 without updates. The first ``shown`` steps are kept
    whole (every step up to FULL_STEPS, else the first), the others run quickly (``fast_steps``).
    ``samples``: the inputs and targets of step 1, 2, … in turn (the rows of a table, one per step, from
    the first again after the last), in place of the one sample of ``at``; each step is then shown.
    ``weight_decay``: λ of J = L + (λ/2)Σ w², whose gradients the steps take."""
    if not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps: expected a whole number of updates, 0 or more, got {steps!r}")
    hyper = _hyper(optimizer, learning_rate, momentum, settings)
    point = network_point(network, at, weights, biases)
    bias_symbols = {n.bias for n in network.neurons()}
    moving = [p for p in network.parameters() if update_biases or p not in bias_symbols]
    states = {p: {} for p in moving}
    runs = []
    shown = min(steps, max(1, shown if shown is not None else steps if steps <= FULL_STEPS else 1))
    if samples:
        shown = steps
    for number in range(1 if steps else 0, shown + 1):
        if samples:
            point = {**point, **{network.symbol(str(k)): exact_number(v)
                                 for k, v in samples[(max(number, 1) - 1) % len(samples)].items()}}
        values = forward_values(network, point)
        deltas, delta_of, errors, simplified = _deltas(network, values)
        decay = None if weight_decay is None else exact_number(weight_decay)
        gradients = _gradients(network, values, delta_of, decay)
        updates = tuple((p, _update(optimizer, hyper, number, value, point[p], states[p]))
                        for p, _, value in gradients if p in states and number)
        runs.append(TrainingStep(number, tuple(point.items()), _nodes(network, values), tuple(deltas),
                                 tuple(gradients), updates, tuple(errors),
                                 objective(network, values, decay) if decay is not None else (), tuple(simplified)))
        point = {**point, **{p: rows[-1].value for p, rows in updates}}
        if number < steps:   # the next step starts from decimals (see the module's note)
            point = {s: _decimal(v) for s, v in point.items()}
            for state in states.values():
                state.update({old: _decimal(v) for old, v in state.items()})
    history = ()
    if shown < steps:
        point, quick = _quickly(network, optimizer, hyper, point, states, runs[-1], shown + 1, steps, weight_decay)
        L = network.loss_symbol
        history = tuple((step.number, dict(step.forward)[L]) for step in runs) + tuple(quick)
    after = forward_values(network, {s: _decimal(v) for s, v in point.items()} if steps else point)
    after = {s: _decimal(v) for s, v in after.items()} if steps else after
    parameters = tuple((p, point[p]) for p in network.parameters())
    return NetworkTraining(network, optimizer, tuple(hyper.items()), update_biases, tuple(runs),
                           _nodes(network, after), parameters, history=history)


def _quickly(network: Network, optimizer: str, hyper: dict, point: dict, states: dict, shown: TrainingStep,
             first: int, last: int, decay=None):
    """Steps ``first`` to ``last`` from the formulas of a step shown, with mpmath (``fast_steps``)."""
    from .fast_steps import optimizer_step, run_quickly
    step = optimizer_step(OPTIMIZERS[optimizer], hyper)
    return run_quickly(DIGITS, first, last, point, network.definitions(),
                       [(delta(n), formula) for n, formula, _ in shown.deltas],
                       [(p, formula.xreplace({DECAY: exact_number(decay or 0)})) for p, formula, _ in shown.gradients],
                       {p: step for p in states}, states,
                       network.loss_symbol)


def _nodes(network: Network, values: dict) -> tuple:
    return tuple((name, values[name]) for name in network.definitions())
