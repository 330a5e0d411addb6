"""Optimizers, each written once as SymPy update equations (seeds 003 and 004).

The same equations serve twice: ``one_step`` shows a step at a point with
every value substituted (a derivation a student can follow), and
``symnn.numerics.updater.Updater`` compiles them to NumPy and applies them to
every parameter array while training. An optimizer keeps a state per parameter (h, G, …, starting at 0);
g is the gradient, t the step number (1, 2, …).

Momentum is written in three conventions with the same numbers: the course's h adds the gradient
and is subtracted from the weight, CS231n's velocity v subtracts it and is added (v = −h), and d2l's
(and PyTorch's SGD with momentum) v sums the raw gradients and is scaled by η when subtracted (ηv = h):

>>> OPTIMIZERS["momentum"].equations()
['h_t = alpha*h_{t-1} + eta*g_t', 'w_t = -h_t + w_{t-1}']
>>> OPTIMIZERS["momentum-cs231n"].equations()
['v_t = -eta*g_t + mu*v_{t-1}', 'w_t = v_t + w_{t-1}']
>>> OPTIMIZERS["momentum-d2l"].equations()
['v_t = beta*v_{t-1} + g_t', 'w_t = -eta*v_t + w_{t-1}']

Géron's Hands-On ML writes momentum, Nesterov and Adam with the sign in the first moment, m = −h (Adam's
m = −h as well, and ε under the root): the same iterates, the point moving by +m.

>>> OPTIMIZERS["nesterov-geron"].equations(), OPTIMIZERS["nesterov-geron"].lookahead
(['m_t = beta*m_{t-1} - eta*g_t', 'w_t = m_t + w_{t-1}'], beta*m_{t-1} + w_{t-1})
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.expressions import as_expr
from ..calculus.gradient import exact_number


def _pair(name: str) -> tuple[sp.Symbol, sp.Symbol]:
    """(name_{t−1}, name_t): a quantity before and after the step."""
    return sp.Symbol(f"{name}_{{t-1}}", real=True), sp.Symbol(f"{name}_t", real=True)


eta, alpha, lam, beta1, beta2, epsilon, mu, beta = sp.symbols("eta alpha lambda beta_1 beta_2 varepsilon mu beta",
                                                             positive=True)
t = sp.Symbol("t", positive=True, integer=True)
g = sp.Symbol("g_t", real=True)
w_old, w_new = _pair("w")
h_old, h_new = _pair("h")
G_old, G_new = _pair("G")
dw_old, dw_new = _pair(r"\Delta w")
v_old, v_new = _pair("v")
m_old, m_new = _pair("m")       # Géron's first moment, m = −h
s_old, s_new = _pair("s")       # Géron's second moment, the course's G
h_hat, G_hat = sp.Symbol("hhat_t", real=True), sp.Symbol("Ghat_t", real=True)   # printed ĥ_t, Ĝ_t in LaTeX
m_hat, s_hat = sp.Symbol("mhat_t", real=True), sp.Symbol("shat_t", real=True)   # m̂_t, ŝ_t
STATE_NAMES = {h_old: "h", G_old: "G", dw_old: "dw", v_old: "v", m_old: "m", s_old: "s"}    # how a caller names a previous state


@dataclass(frozen=True)
class Optimizer:
    name: str
    updates: tuple[tuple[sp.Symbol, sp.Expr], ...]   # assignments in order; the last one is w_t
    defaults: dict = field(default_factory=dict)     # hyperparameter → value
    state: tuple[tuple[sp.Symbol, sp.Symbol], ...] = ()   # (old, new) pairs carried to the next step
    lookahead: sp.Expr | None = None             # Nesterov: the gradient is taken here, not at w_{t−1}
    batch: int | None = None                     # default batch size: None = the whole data set

    def equations(self) -> list[str]:
        return [f"{new} = {expr}" for new, expr in self.updates]


def _sgd(name, batch):
    return Optimizer(name, ((w_new, w_old - eta * g),), {eta: 0.1}, batch=batch)


_momentum_state = ((h_old, h_new),)
_adam_moments = ((h_new, beta1 * h_old + (1 - beta1) * g), (G_new, beta2 * G_old + (1 - beta2) * g ** 2))
_adam_defaults = {eta: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8}

OPTIMIZERS = {o.name: o for o in (
    _sgd("gd", None),
    _sgd("sgd", 1),
    _sgd("minibatch", 32),
    Optimizer("momentum", ((h_new, alpha * h_old + eta * g), (w_new, w_old - h_new)),
              {eta: 0.1, alpha: 0.9}, _momentum_state, batch=32),
    Optimizer("momentum-delta", ((dw_new, -lam * g + alpha * dw_old), (w_new, w_old + dw_new)),
              {lam: 0.1, alpha: 0.9}, ((dw_old, dw_new),), batch=32),
    Optimizer("momentum-cs231n", ((v_new, mu * v_old - eta * g), (w_new, w_old + v_new)),     # CS231n's names
              {eta: 0.1, mu: 0.9}, ((v_old, v_new),), batch=32),
    # d2l §12.6 and PyTorch: v sums the gradients, η scales the step; from v = 0 its ηv is the course's h
    Optimizer("momentum-d2l", ((v_new, beta * v_old + g), (w_new, w_old - eta * v_new)),
              {eta: 0.1, beta: 0.9}, ((v_old, v_new),), batch=32),
    Optimizer("nesterov", ((h_new, alpha * h_old + eta * g), (w_new, w_old - h_new)),
              {eta: 0.1, alpha: 0.9}, _momentum_state, lookahead=w_old - alpha * h_old, batch=32),
    Optimizer("adagrad", ((G_new, G_old + g ** 2), (w_new, w_old - eta * g / sp.sqrt(G_new + epsilon))),
              {eta: 0.01, epsilon: 1e-8}, ((G_old, G_new),), batch=32),
    Optimizer("rmsprop", ((G_new, alpha * G_old + (1 - alpha) * g ** 2), (w_new, w_old - eta * g / sp.sqrt(G_new + epsilon))),
              {eta: 0.01, alpha: 0.9, epsilon: 1e-8}, ((G_old, G_new),), batch=32),
    Optimizer("adam-slide", (*_adam_moments, (w_new, w_old - eta * h_new / sp.sqrt(G_new + epsilon))),
              _adam_defaults, ((h_old, h_new), (G_old, G_new)), batch=32),
    Optimizer("adam", (*_adam_moments, (h_hat, h_new / (1 - beta1 ** t)), (G_hat, G_new / (1 - beta2 ** t)),
               (w_new, w_old - eta * h_hat / (sp.sqrt(G_hat) + epsilon))),
              _adam_defaults, ((h_old, h_new), (G_old, G_new)), batch=32),
    # Géron, Hands-On ML, Eq. 11-4, 11-5 and 11-8: m ← βm − η∇J, θ ← θ + m; Adam's m ← β₁m − (1 − β₁)∇J,
    # θ ← θ + η·m̂/√(ŝ + ε). With m = −h (and ε = 0 for Adam) these are the iterates of momentum, nesterov and adam.
    Optimizer("momentum-geron", ((m_new, beta * m_old - eta * g), (w_new, w_old + m_new)),
              {eta: 0.1, beta: 0.9}, ((m_old, m_new),), batch=32),
    Optimizer("nesterov-geron", ((m_new, beta * m_old - eta * g), (w_new, w_old + m_new)),
              {eta: 0.1, beta: 0.9}, ((m_old, m_new),), lookahead=w_old + beta * m_old, batch=32),
    Optimizer("adam-geron", ((m_new, beta1 * m_old - (1 - beta1) * g), (s_new, beta2 * s_old + (1 - beta2) * g ** 2),
                             (m_hat, m_new / (1 - beta1 ** t)), (s_hat, s_new / (1 - beta2 ** t)),
                             (w_new, w_old + eta * m_hat / sp.sqrt(s_hat + epsilon))),
              _adam_defaults, ((m_old, m_new), (s_old, s_new)), batch=32),
)}


def optimizer(name: str) -> Optimizer:
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; use one of {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[name]


def hyperparameters(opt: Optimizer, settings: dict | None) -> dict:
    """The optimizer's defaults with ``settings`` (by name: 'eta', 'alpha', 'beta_1', …) applied."""
    by_name = {str(s): s for s in opt.defaults}
    unknown = set(settings or {}) - set(by_name)
    if unknown:
        raise ValueError(f"{opt.name} has no hyperparameter {', '.join(sorted(unknown))}; "
                         f"it has {', '.join(by_name)}")
    return {**opt.defaults, **{by_name[k]: v for k, v in (settings or {}).items()}}


# -- symbolic: one step at a point, every value shown

@dataclass(frozen=True)
class UpdateLine:
    quantity: sp.Symbol
    formula: sp.Expr          # the equation's right-hand side
    substituted: sp.Expr      # with the numbers put in, unevaluated
    value: sp.Expr            # exact
    values: tuple = ()        # (symbol, value) of everything the formula uses


@dataclass(frozen=True)
class OptimizerStep(RichDisplay):
    """One step of an optimizer on f at a point: the gradient, then each update per coordinate."""

    optimizer: Optimizer
    expr: sp.Expr
    variables: tuple[sp.Symbol, ...]
    start: tuple                                  # w_{t−1}, per variable
    hyper: dict
    gradient_at: tuple                            # where ∇f is taken (the lookahead for Nesterov)
    gradient: tuple                               # ∇f there
    lines: tuple[tuple[UpdateLine, ...], ...]     # per variable
    step_number: int
    # a closed form the statement compares the step with: (formula, the step counter, the start symbol)
    closed_form: tuple = ()

    @property
    def result(self) -> tuple:
        return tuple(next(l.value for l in lines if l.quantity == w_new) for lines in self.lines)

    @property
    def states(self) -> list:
        """The states the step updates (h_t, G_t, ĥ_t, Ĝ_t), in its rule's order, not the point itself."""
        return [row.quantity for row in self.lines[0] if row.quantity != w_new]

    @property
    def row(self) -> tuple:
        """The step as a row of a table: its number, start, gradient, end, and each state's value per coordinate."""
        values = [{row.quantity: row.value for row in coordinate} for coordinate in self.lines]
        return (self.step_number, self.start, self.gradient, self.result, tuple([v[q] for v in values] for q in self.states))


@dataclass(frozen=True)
class OptimizerComparison(RichDisplay):
    """One step of several optimizers from the same point."""

    steps: tuple[OptimizerStep, ...]

    @property
    def result(self) -> tuple:
        return tuple(step.result for step in self.steps)


@dataclass(frozen=True)
class OptimizerRun(RichDisplay):
    """Several steps of one optimizer, each from where the last ended (``descent``): the iterates."""

    steps: tuple[OptimizerStep, ...]

    @property
    def result(self) -> tuple:
        """The last iterate."""
        return self.steps[-1].result


def one_step(name: str, expr, variables, at, state=None, step_number: int = 1, **settings) -> OptimizerStep:
    """One step of optimizer ``name`` on f = ``expr`` from the point ``at`` (exact arithmetic).

    ``state`` gives the previous values per coordinate by name, h, G or dw (Δw)
    (e.g. ``{"h": [0.5, 1]}``); they start at 0.
    Hyperparameters are given by name (``eta=0.1``) and kept exact (0.1 = 1/10).
    """
    opt = optimizer(name)
    f = as_expr(expr)
    variables = tuple(sp.Symbol(v, real=True) if isinstance(v, str) else v for v in variables)
    start = tuple(exact_number(c) for c in at)
    hyper = {s: exact_number(v) for s, v in hyperparameters(opt, settings).items()}
    unknown = set(state or {}) - {STATE_NAMES[old] for old, _ in opt.state}
    if unknown:
        kept = ", ".join(STATE_NAMES[old] for old, _ in opt.state) or "none"
        raise ValueError(f"state: {opt.name} keeps no state {', '.join(sorted(unknown))}; it keeps {kept}")
    previous = {old: [exact_number(c) for c in (state or {}).get(STATE_NAMES[old], [0] * len(start))]
                for old, _ in opt.state}
    look = start
    if opt.lookahead is not None:
        look = tuple(opt.lookahead.subs(hyper).subs({w_old: c, **{o: previous[o][k] for o in previous}})
                     for k, c in enumerate(start))
    gradient = tuple(sp.diff(f, v).subs(dict(zip(variables, look))) for v in variables)
    lines = []
    for k, c in enumerate(start):
        env = {w_old: c, g: gradient[k], t: step_number, **{o: previous[o][k] for o in previous}, **hyper}
        rows = []
        for new, formula in opt.updates:
            with sp.evaluate(False):          # the numbers put in, nothing computed yet
                substituted = formula.xreplace(env)
            value = sp.simplify(formula.subs(env))
            env[new] = value
            rows.append(UpdateLine(new, formula, substituted, value,
                                   tuple((s, env[s]) for s in formula.free_symbols if s in env)))
        lines.append(tuple(rows))
    return OptimizerStep(opt, f, variables, start, hyper, look, gradient, tuple(lines), step_number)


def descent(name: str, expr, variables, at, steps: int, **settings) -> tuple[OptimizerStep, ...]:
    """``steps`` steps of optimizer ``name`` from ``at``, each a ``one_step`` from where the last ended,
    with the optimizer's state (h, G, Δw) carried over: the iterates w_1, w_2, ... exactly.

    >>> [s.result for s in descent("gd", "(x^2 + y^2)/2", "xy", (1, 2), 2, eta=0.5)]
    [(1/2, 1), (1/4, 1/2)]
    """
    done: list[OptimizerStep] = []
    point, state = at, None
    for number in range(1, steps + 1):
        step = one_step(name, expr, variables, point, state=state, step_number=number, **settings)
        done.append(step)
        point = step.result
        state = {STATE_NAMES[old]: [next(l.value for l in lines if l.quantity == new) for lines in step.lines]
                 for old, new in step.optimizer.state}
    return tuple(done)
