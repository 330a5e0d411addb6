"""Gradients in matrix form, derived by reverse mode on matrix formulas and checked entry by entry.

A problem is a loss L = c·‖R‖² of a residual R written with letters (matrices and vectors of
declared shapes, ``nn.matrix_algebra``) and named steps of the forward pass (a = XW), or a
function that is itself a number (f = xᵀAx). The gradient is derived backwards from L, one
rule per operation:

- the loss: ∂L/∂R = 2c·R
- a sum: every term receives ∂L/∂(sum)
- a product A·F·B: ∂L/∂F = Aᵀ (∂L/∂(AFB)) Bᵀ
- an entrywise σ: ∂L/∂A = ∂L/∂σ(A) ⊙ σ′(A)
- a transposed letter: ∂L/∂X = (∂L/∂Xᵀ)ᵀ
- a letter used more than once (x and xᵀ of xᵀAx): its contributions add, Ax + Aᵀx = (A + Aᵀ)x

Every step is checked against the scalar form: the letters become matrices of symbols of
small sizes, L is differentiated entry by entry, and the two matrices are compared (SymPy's
own MatrixSymbol derivatives are not used: they silently return 0 for sums of traces, SymPy
issues 26561 and 26585). A number (1×1) moves to the front of a product, as the course
writes it. A wrong formula of the course is shown with the reason: a product whose shapes
do not fit, a result of the wrong shape, or a missing factor.

>>> derivation = derive("half-norm")
>>> derivation.answer
Xᵀ*a
>>> [(step.rule, step.holds) for step in derivation.steps]
[('loss', True), ('product', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.equal import equal
from ..calculus.functions import sigmoid
from ..calculus.parse import parse_expr_safe
from ..calculus.transpose import MARK, Hadamard, Letter, SigmoidSlope, transposed
from .matrix_algebra import ShapeMismatch, concrete, is_number_like, shape_of, sizes_of, symbol_matrices


@dataclass(frozen=True)
class MatrixSpec:
    """A matrix-form problem: L = scale·‖residual‖², differentiated by ``wrt``."""

    title: str                   # a phrase key
    loss: str                    # the loss's name: f, L, MSE
    scale: str
    residual: str                # formulas in the parser's text grammar, letters are matrices
    wrt: str
    shapes: dict                 # letter -> (rows, columns) as named sizes
    definitions: tuple = ()      # (name, formula) of the forward pass, in order
    named: dict = field(default_factory=dict)   # a quantity whose gradient the course names: Z -> delta
    scalars: tuple = ()          # letters that are numbers: y of one sample, the n of 1/n
    wrong: tuple = ()            # (where it comes from, formula): the course's wrong formulas
    form: str = "norm"           # "norm": L = scale·‖residual‖²; "scalar": L = scale·residual, a 1×1 formula
    symmetric: tuple = ()        # square letters equal to their transposes (A = Aᵀ)


SPECS = {
    "half-norm": MatrixSpec("matrix.half-norm", "f", "1/2", "a", "W", {"X": ("n", "d"), "W": ("d", "k")},
                            definitions=(("a", "X*W"),)),
    "linear-regression": MatrixSpec("matrix.linreg", "MSE", "1/n", "y - X*w", "w",
                                    {"X": ("n", "d"), "w": ("d", "1"), "y": ("n", "1")}, scalars=("n",)),
    "two-layer": MatrixSpec("matrix.two-layer", "L", "1/2", "y - sigmoid(X*W_1)*W_2", "W_1",
                            {"X": ("1", "d"), "W_1": ("d", "h"), "W_2": ("h", "1")}, scalars=("y",),
                            wrong=(("slide", "-(y - sigmoid(X*W_1)*W_2)*W_2*slope(X*W_1)*W_1"),)),
    "two-layer-w2": MatrixSpec("matrix.two-layer-w2", "L", "1/2", "y - sigmoid(X*W_1)*W_2", "W_2",
                               {"X": ("1", "d"), "W_1": ("d", "h"), "W_2": ("h", "1")}, scalars=("y",),
                               wrong=(("slide", "-(y - sigmoid(X*W_1)*W_2)*sigmoid(X*W_1)"),)),
    "dense-layer": MatrixSpec("matrix.dense", "L", "1/2", "Z - Y", "W", {"X": ("n", "d"), "W": ("d", "k"),
                              "Y": ("n", "k")}, definitions=(("Z", "X*W"),), named={"Z": "delta"}),
    "dense-backward": MatrixSpec("matrix.dense-backward", "L", "1/2", "Z - Y", "A",
                                 {"A": ("n", "h"), "W_2": ("h", "k"), "Y": ("n", "k")},
                                 definitions=(("H", "sigmoid(A)"), ("Z", "H*W_2")), named={"Z": "delta"},
                                 wrong=(("without slope", "delta*transpose(W_2)"),)),
    "quadratic-form": MatrixSpec("matrix.quadratic-form", "f", "1", "transpose(x)*A*x", "x",
                                 {"x": ("n", "1"), "A": ("n", "n")}, form="scalar",
                                 wrong=(("symmetric only", "2*A*x"),)),
    "symmetric-quadratic-form": MatrixSpec("matrix.symmetric-quadratic-form", "f", "1", "transpose(x)*A*x", "x",
                                           {"x": ("n", "1"), "A": ("n", "n")}, form="scalar", symmetric=("A",)),
}


@dataclass(frozen=True)
class MatrixStep:
    """∂L/∂quantity = gradient, by ``rule`` (loss, sum, product, entrywise), checked entry by entry."""

    quantity: sp.Expr
    gradient: sp.Expr
    rule: str
    shape: tuple                 # of the quantity and of its gradient, as named sizes
    factors: tuple               # ((factor, shape), ...) of the gradient's product
    holds: bool
    name: sp.Symbol | None = None    # the name the course gives this gradient (δ)
    total: sp.Expr | None = None     # the contributions of a letter used more than once, before factoring
    via: tuple = ()                  # how the rule was applied, in the problem's letters: (upstream, ...) below


@dataclass(frozen=True)
class WrongFormula:
    """A formula of the course that is not the gradient, and why."""

    source: str                  # slide, without slope
    formula: sp.Expr
    reason: str                  # product shape, result shape, missing factor, differs
    parts: tuple = ()            # the reason's parts: (formula, shape) pairs, or the missing factor


@dataclass(frozen=True)
class MatrixGradient(RichDisplay):
    """A matrix-form gradient: the forward pass, the steps backwards, the answer and the wrong formulas."""

    problem: str
    title: str
    loss: sp.Symbol
    scale: sp.Expr
    residual: sp.Expr
    residual_shape: tuple | None
    definitions: tuple           # (name, formula)
    shapes: tuple                # (letter, shape) of the given letters
    sizes: tuple                 # (named size, the number used in the check)
    steps: tuple[MatrixStep, ...]
    wrt: sp.Symbol
    answer: sp.Expr
    wrong: tuple[WrongFormula, ...]
    form: str = "norm"
    symmetric: tuple = ()        # the letters equal to their transposes
    stationary: object = None    # where the gradient is zero (nn.matrix_solution), when that is asked


def _read(text, spec: MatrixSpec):
    """A formula of the spec: its letters matrices (Letter), its scalars numbers, slope(A) σ′(A);
    the names of the forward pass stand in for words the parser keeps (H is Heaviside's). A formula already
    read (a spec in the column layout, ``in_columns``) is itself."""
    if isinstance(text, sp.Basic):
        return text
    names = [n for n, _ in spec.definitions]
    slopes = re.findall(r"slope\(([^()]*)\)", text)
    for i, argument in enumerate(slopes):
        text = text.replace(f"slope({argument})", f"Slope{i}q", 1)
    for i, name in enumerate(names):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", f"Name{i}q", text)
    expr = parse_expr_safe(text, matrices=True)
    marked = {f"Name{i}q": name for i, name in enumerate(names)}
    letters = {}
    for s in expr.free_symbols:
        base = s.name.removesuffix(MARK)
        name = marked.get(base, base) + s.name[len(base):]
        letters[s] = sp.Symbol(name, real=True) if name in spec.scalars else Letter(name)
    letters |= {Letter(f"Slope{i}q"): SigmoidSlope(_read(argument, spec)) for i, argument in enumerate(slopes)}
    return expr.xreplace({s: letters.get(Letter(s.name), letters.get(s)) for s in expr.free_symbols})


class _Backward:
    """Reverse mode over a residual: each quantity on the way to wrt, its gradient and how it was found."""

    def __init__(self, spec: MatrixSpec):
        self.spec = spec
        self.definitions = {Letter(n): _read(f, spec) for n, f in spec.definitions}
        self.shapes = dict(spec.shapes)
        for name, formula in self.definitions.items():
            self.shapes[name.name] = shape_of(formula, self.shapes)
        self.named = {}                      # δ -> its formula
        self.sizes = sizes_of(spec.shapes)
        self.values = {**symbol_matrices(spec.shapes, spec.symmetric),
                       **{s: sp.Integer(self.sizes[s]) for s in spec.scalars if s in self.sizes}}
        self.scale = _read(spec.scale, spec)
        self.residual = _read(spec.residual, spec)
        self.target, self.target_t = Letter(spec.wrt), Letter(spec.wrt + MARK)
        self.steps, self.answer = [], None
        self.contributions = []              # (∂L/∂wrt through one use of it, that use's context)

    def expanded(self, expr):
        for _ in range(len(self.definitions) + len(self.named) + 1):
            expr = expr.xreplace({**self.definitions, **self.named})
        return expr

    def depends(self, expr) -> bool:
        return bool({self.target, self.target_t} & self.expanded(expr).free_symbols)

    def run(self):
        if self.spec.form == "scalar":           # f is the formula itself: ∂f/∂f = 1, times the scale
            self.visit(self.residual, self.scale, lambda r: r, "loss", record=False, upstream=None)
        else:
            gradient = tidy(2 * self.scale * self.residual, self.shapes)
            self.visit(self.residual, gradient, lambda r: r, "loss", record=True, upstream=None)
        self.add_up()
        return self

    def add_up(self):
        """The answer: the one contribution, or the sum of the contributions of every use of wrt."""
        if len(self.contributions) == 1:
            self.answer = self.contributions[0][0]
            return
        total = sp.Add(*(gradient for gradient, _ in self.contributions))
        mirror = {Letter(name + MARK): Letter(name) for name in self.spec.symmetric}
        answer = _factored(total.xreplace(mirror))
        everywhere = lambda r: self.residual.xreplace({self.target: r, self.target_t: transposed(r)})   # noqa: E731
        shape = shape_of(self.target, self.shapes)
        factors = tuple((f, shape_of(f, self.shapes)) for f in _factors(answer))
        self.steps.append(MatrixStep(self.target, answer, "uses", shape, factors,
                                     self.holds(self.target, answer, everywhere), total=total))
        self.answer = answer

    def visit(self, node, gradient, context, rule, record, upstream, via=()):
        """``upstream``: the quantity whose gradient reached node (node itself is a term of it, or a factor of a
        term); ``via``: how the rule used it, (upstream, numbers, left, right, product) of a product
        (∂L/∂F = numbers·leftᵀ·∂L/∂upstream·rightᵀ), (upstream,) of σ entry by entry."""
        if record or isinstance(node, Letter):
            self.record(node, gradient, context, rule, via)
            gradient = self.steps[-1].name or gradient
            upstream = node
        if node == self.target:
            self.contributions.append((self.steps[-1].gradient, context))
            return
        if node == self.target_t:                   # the use of Xᵀ: its contribution to X is transposed
            through = lambda r: context(transposed(r))   # noqa: E731
            self.record(self.target, tidy(transposed(self.steps[-1].gradient), self.shapes), through, "transpose")
            self.contributions.append((self.steps[-1].gradient, through))
            return
        if node in self.definitions:
            node = self.definitions[node]             # the same quantity, written out
        if isinstance(node, sp.Add):
            for i, term in enumerate(node.args):
                if self.depends(term):
                    self.visit(term, gradient, _in(context, node, i), "sum", record=False, upstream=upstream)
        elif isinstance(node, sp.Mul):
            scalars, factors = node.args_cnc()
            for i, factor in enumerate(factors):
                if self.depends(factor):
                    left, right = sp.Mul(*factors[:i]), sp.Mul(*factors[i + 1:])
                    local = tidy(sp.Mul(*scalars) * transposed(left) * gradient * transposed(right), self.shapes)
                    self.visit(factor, local, _in(context, node, node.args.index(factor)), "product", record=True,
                               upstream=upstream, via=(upstream, sp.Mul(*scalars), left, right, node))
        elif isinstance(node, sigmoid):
            local = tidy(Hadamard(gradient, SigmoidSlope(node.args[0])), self.shapes)
            self.visit(node.args[0], local, _in(context, node, 0), "entrywise", record=True, upstream=upstream,
                       via=(upstream,))
        elif not node.is_Symbol:
            raise ValueError(f"no matrix rule for {node}")

    def record(self, node, gradient, context, rule, via=()):
        shape = shape_of(node, self.shapes)
        name = None
        if isinstance(node, Letter) and node.name in self.spec.named:
            name = Letter(self.spec.named[node.name])
            self.named[name] = gradient
            self.shapes[name.name] = shape
        factors = tuple((f, shape_of(f, self.shapes)) for f in _factors(gradient))
        self.steps.append(MatrixStep(node, gradient, rule, shape, factors, self.holds(node, gradient, context), name,
                                     via=via))

    def holds(self, node, gradient, context) -> bool:
        """∂L/∂node by the formula equals ∂L/∂node of the scalar form, entry by entry."""
        shape = shape_of(node, self.shapes)
        if shape is None:
            return False
        probe = sp.Matrix(self.sizes[shape[0]], self.sizes[shape[1]],
                          lambda i, j: sp.Symbol(f"probe[{i + 1},{j + 1}]", real=True))
        values = {**self.values, "probe": probe}
        residual = concrete(self.expanded(context(Letter("probe"))), values)
        entries = residual if isinstance(residual, sp.MatrixBase) else [residual]
        loss = concrete(self.scale, values) * (sum(e ** 2 for e in entries) if self.spec.form == "norm" else entries[0])
        at = dict(zip(probe, _matrix(concrete(self.expanded(node), self.values))))
        scalar = probe.applyfunc(lambda p: sp.diff(loss, p).xreplace(at))
        formula = _matrix(concrete(self.expanded(gradient), self.values))
        return formula.shape == scalar.shape and all(equal(a, b) for a, b in zip(formula, scalar))


def _matrix(value):
    return value if isinstance(value, sp.MatrixBase) else sp.Matrix([[value]])


def _in(context, node, index):
    """The residual with the index-th argument of node replaced by r."""
    return lambda r: context(node.func(*node.args[:index], r, *node.args[index + 1:]))


def _factored(total):
    """A sum of products that end in the same factor, with it taken out to the right: Ax + Aᵀx = (A + Aᵀ)x."""
    if not isinstance(total, sp.Add):
        return total
    parts = [term.args_cnc() for term in total.args]
    last = {tuple(factors[-1:]) for _, factors in parts}
    if len(last) != 1 or any(len(factors) < 2 for _, factors in parts):
        return total
    (right,) = last
    return sp.Add(*(sp.Mul(*scalars, *factors[:-1]) for scalars, factors in parts)) * right[0]


def _factors(expr):
    if isinstance(expr, sp.Mul):
        return tuple(expr.args_cnc()[1])
    return (expr,) if not expr.is_commutative else ()


def tidy(expr, shapes):
    """Numbers first: the scalar and 1×1 factors of every product (and of every factor of an entrywise
    product) move to the front, in order."""
    if expr.is_Atom or expr.is_commutative:
        return expr
    args = [tidy(a, shapes) for a in expr.args]
    if isinstance(expr, Hadamard):
        outside, inside = [], []
        for arg in args:
            scalars, factors = arg.args_cnc() if isinstance(arg, sp.Mul) else ([], [arg])
            ones = [f for f in factors if is_number_like(shape_of(f, shapes))]
            outside += [*scalars, *ones]
            inside.append(sp.Mul(*[f for f in factors if f not in ones]))
        return sp.Mul(*outside) * Hadamard(*inside) if outside else Hadamard(*inside)
    if isinstance(expr, sp.Mul):
        flat = sp.Mul(*args)
        scalars, factors = flat.args_cnc() if isinstance(flat, sp.Mul) else ([], [flat])
        ones = [f for f in factors if is_number_like(shape_of(f, shapes))]
        return sp.Mul(*scalars, *ones, *[f for f in factors if f not in ones])
    return expr.func(*args)


def _judged(source, formula, backward: _Backward) -> WrongFormula:
    """Why a formula is not the gradient: the first product that does not fit, the result's shape,
    a factor of the gradient it leaves out, or different entries."""
    target_shape = shape_of(backward.target, backward.shapes)
    try:
        shape = shape_of(formula, backward.shapes)
    except ShapeMismatch as mismatch:
        return WrongFormula(source, formula, "product shape", ((mismatch.left, mismatch.left_shape),
                                                               (mismatch.right, mismatch.right_shape)))
    if shape != target_shape:
        return WrongFormula(source, formula, "result shape", ((formula, shape), (backward.target, target_shape)))
    value = concrete(backward.expanded(formula), backward.values)
    answer = backward.answer
    parts = answer.args if isinstance(answer, Hadamard) else _factors(answer)
    for i, part in enumerate(parts):
        rest = [p for j, p in enumerate(parts) if j != i]
        without = Hadamard(*rest) if isinstance(answer, Hadamard) and len(rest) > 1 else (
            rest[0] if isinstance(answer, Hadamard) else sp.Mul(*answer.args_cnc()[0], *rest))
        try:
            shorter = concrete(backward.expanded(without), backward.values)
        except (ValueError, sp.ShapeError):
            continue
        if getattr(shorter, "shape", None) == value.shape and all(equal(a, b) for a, b in zip(shorter, value)):
            return WrongFormula(source, formula, "missing factor", ((part, shape_of(part, backward.shapes)),))
    return WrongFormula(source, formula, "differs")


# the identities whose letters hold samples as rows (Z = XW), which the column layout writes transposed (Z = WX)
ROW_LAYOUT = ("half-norm", "two-layer", "two-layer-w2", "dense-layer", "dense-backward")


def in_columns(spec: MatrixSpec) -> MatrixSpec:
    """The spec in the column layout (Nielsen's: a sample is a column, z = Wx): every letter stands for the
    row layout's letter transposed, so each formula is transposed and then each letter X (Xᵀ) is read as Xᵀ (X):
    Z = HW₂ becomes Z = W₂H, σ(A) stays σ(A), and δW₂ᵀ becomes W₂ᵀδ."""
    def column(text):
        formula = transposed(_read(text, spec))
        swap = {s: Letter(s.name.removesuffix(MARK) if s.name.endswith(MARK) else s.name + MARK)
                for s in formula.free_symbols if isinstance(s, Letter)}
        return formula.xreplace(swap)
    return replace(spec, residual=column(spec.residual), definitions=tuple((n, column(f)) for n, f in spec.definitions),
                   wrong=tuple((source, column(f)) for source, f in spec.wrong if source != "slide"),   # a quote stays out
                   shapes={letter: (columns, rows) for letter, (rows, columns) in spec.shapes.items()})


def derive(problem: str, layout: str = "row") -> MatrixGradient:
    """The matrix-form gradient of a problem of SPECS, derived, checked and set beside the course's wrong formulas;
    ``layout = "column"``: in the column layout (``in_columns``), for an identity of ROW_LAYOUT."""
    if problem not in SPECS:
        raise ValueError(f"identity: unknown matrix problem {problem!r}; use one of {', '.join(SPECS)}")
    if layout == "column" and problem not in ROW_LAYOUT:
        raise ValueError(f"layout: {problem} has no row layout to write in columns; layout = \"column\" is for "
                         f"{', '.join(ROW_LAYOUT)}")
    spec = SPECS[problem] if layout == "row" else in_columns(SPECS[problem])
    backward = _Backward(spec).run()
    wrong = tuple(_judged(source, _read(text, spec), backward) for source, text in spec.wrong)
    residual_shape = shape_of(backward.residual, backward.shapes)
    return MatrixGradient(problem, spec.title, sp.Symbol(spec.loss), backward.scale, backward.residual,
                          residual_shape, tuple(backward.definitions.items()),
                          tuple((Letter(n), s) for n, s in spec.shapes.items()),
                          tuple((n, s) for n, s in sizes_of(spec.shapes).items() if n != "1"),
                          tuple(backward.steps), backward.target, backward.answer, wrong, spec.form, spec.symmetric)
