"""The order in which a statement writes the terms of its sums, so a key can keep it.

SymPy sorts the terms of a sum its own way (b + wx − y, 5x³ + sin z + 3/y²); a teacher
who wrote wx + b − y and 5x³ + 3/y² + sin z expects to read them back in that order.
"""

from __future__ import annotations

import ast
import re

import sympy as sp

from ..calculus.parse import ParseError, parse_expr_safe
from .stated import StatedProduct

MAX_TEXT = 2000        # a bank formula longer than this keeps SymPy's order


def written_terms(text, functions: tuple[str, ...] = ()) -> tuple:
    """Every term of every sum in ``text``, in the order written (a subtracted term negated).

    >>> written_terms("(w*x + b - y)^2")
    (w*x, b, -y)
    """
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return ()
    source = text.replace("^", "**")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        return ()
    inside_chain = {id(node.left) for node in ast.walk(tree) if _is_sum(node)}     # a + b of a + b − c
    terms = []
    for node in sorted(ast.walk(tree), key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0))):
        if _is_sum(node) and id(node) not in inside_chain:
            for operand, sign in _operands(node, 1):
                segment = ast.get_source_segment(source, operand)
                try:
                    terms.append(sign * parse_expr_safe(segment.replace("**", "^"), functions))
                except (ParseError, ValueError, TypeError):
                    return ()
    return tuple(terms)


def _is_sum(node) -> bool:
    return isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub))


def _operands(node, sign):
    """The terms of a chain a + b − c, left to right, with the sign each is taken with."""
    if not _is_sum(node):
        return [(node, sp.Integer(sign))]
    right_sign = sign if isinstance(node.op, ast.Add) else -sign
    return _operands(node.left, sign) + [(node.right, sp.Integer(right_sign))]


# how a statement may call a network's prediction and its target in a loss (o − y, ŷ − y, target − out)
PREDICTION_WORDS = ("o", "out", r"\haty", "y_pred", "y'")
TARGET_WORDS = ("y", "t", "target", "y_true")
_DIFFERENCE = re.compile(r"\(([^()+\-]+)-([^()+\-]+)\)")


def bare(latex: str) -> str:
    """A LaTeX name without spaces and braces: out_{pred} and out_pred, \\hat{y} and \\hat y alike."""
    return re.sub(r"[\s{}]", "", latex)


def loss_terms(statement, outputs: tuple, targets: tuple, names: dict, loss: str = "L") -> tuple:
    """The terms of the loss's differences as the statement writes them, in the key's symbols: (o1, −y) for
    $L = \\frac{1}{2}(o_1 - y)^2$, () when the statement writes no loss ``loss = …`` with a difference of a
    prediction and its target. ``names``: the bank's notation (o1 = "out_{pred}"), read back.

    >>> o1, y = sp.symbols("o1 y", real=True)
    >>> loss_terms(r"with $L = \\frac{1}{2}(out_{pred} - out_y)^2$", (o1,), (y,), {"o1": "out_{pred}", "y": "out_y"})
    (o1, -y)
    >>> loss_terms(r"with $L = \\frac{1}{2}(y - o)^2$", (o1,), (y,), {})
    (y, -o1)
    """
    if not isinstance(statement, str):
        return ()
    known = {}
    for own, other in zip(outputs, targets):
        known[bare(names.get(own.name) or sp.latex(own))] = (own, other, 1)
        known[bare(names.get(other.name) or sp.latex(other))] = (other, own, -1)
    if len(outputs) == 1:
        known.update({word: (outputs[0], targets[0], 1) for word in PREDICTION_WORDS if word not in known})
        known.update({word: (targets[0], outputs[0], -1) for word in TARGET_WORDS if word not in known})
    loss_name = bare(names.get(loss, loss)) + "="
    terms = []
    for formula in re.findall(r"\$([^$]+)\$", statement):
        if not bare(formula).startswith(loss_name):
            continue
        for first, second in _DIFFERENCE.findall(formula):
            a, b = known.get(bare(first)), known.get(bare(second))
            if a is None or b is None or a[1] != b[0] or a[2] == b[2]:    # not a prediction and its own target
                continue
            terms += [a[0], -b[0]]
    return tuple(terms)


def signs_as_written(expr, written: tuple, shown=lambda term: term):
    """``expr`` with each even power of a difference taken with the sign the statement writes it with:
    (o₁ − y)² where ``written`` (the statement's terms, as ``shown`` names them) has o₁ and −y, and
    SymPy's y − o₁ otherwise. The value is the same.

    >>> o1, y = sp.symbols("o1 y", real=True)
    >>> signs_as_written((y - o1)**2 / 2, (o1, -y))
    (o1 - y)**2/2
    """
    if not written or not isinstance(expr, sp.Basic):
        return expr

    def as_written(base) -> bool:
        return all(any(shown(term) == other for other in written) for term in sp.Add.make_args(base))

    def flip(power):
        base, exponent = power.args
        return sp.Pow(-base, exponent, evaluate=False) if as_written(-base) and not as_written(base) else power

    return expr.replace(lambda e: e.is_Pow and e.args[0].is_Add and e.args[1].is_integer and e.args[1].is_even, flip)


def network_loss_terms(problem, work) -> tuple:
    """loss_terms of a network problem's statement (in English: its formulas are those of every language),
    for the network its key works on; () for other problems."""
    network = getattr(work, "network", None)
    if network is None or not hasattr(network, "targets"):
        return ()
    notation = problem.data.get("notation", {})
    # weights the notation names as a family (w = '\theta'): each written before its input, θ₁φ₁, as w₁x₁ is
    weighted = tuple(StatedProduct(weight, source) for neuron in network.neurons()
                     for source, weight in zip(neuron.inputs, neuron.weights)) if "w" in notation else ()
    return loss_terms(problem.statement.get("en"), tuple(network.outputs), tuple(network.targets),
                      notation, str(network.loss_symbol)) + weighted


def model_terms(problem) -> tuple:
    """The parameters of the line a least-squares problem fits, in the order of y = wx + b: w before b,
    so its equations read 11w + 3b = 49, not SymPy's 3b + 11w = 49; () for other problems."""
    return sp.symbols("w b", real=True) if problem.kind == "least-squares" else ()


_STEP = re.compile(r"([A-Za-z])\^\{?\(?(\d+)\)?\}?\s*=\s*\1\^\{?\(?(\d+)\)?\}?")       # w^1 = w^0, x^{(1)} = x^{(0)}


def step_letters(problem) -> dict:
    """The names of an optimizer step's before and after as its statement writes the update, w^1 = w^0 + …:
    w_(t−1) as w^0, w_t as w^1 (and so for every variable of ``wrt``, the gradient g_t as g^0); {} where the
    statement writes no such step or a variable is not one letter."""
    match = _STEP.search(problem.statement.get("en") or "")
    names = [name.strip() for name in str(problem.data.get("wrt", "")).split(",")]
    if not match or int(match[2]) != int(match[3]) + 1 or not all(len(n) == 1 and n.isalpha() for n in names):
        return {}
    after, before = match[2], match[3]
    letters = {"g_t": f"g^{before}"}
    for name in {*names, "w"}:                 # w: the letter of the method's own rule
        letters.update({f"{name}_{{t-1}}": f"{name}^{before}", f"{name}_{{t}}": f"{name}^{after}",
                        f"{name}_t": f"{name}^{after}"})
    return letters


_NABLA = re.compile(r"\\nabla_\s*(\{[^{}]*\}|\\?\w)\s*(\\?[A-Za-z]\w*(?:_\{?\w+\}?)?)")


def nabla_names(statement) -> frozenset:
    """The gradients a statement writes with ∇ and a subscript, as (function, variable) bare names:
    {("f", "W")} for $\\nabla_W f$, so a key names the result as the statement does, not ∂f/∂W.

    >>> sorted(nabla_names(r"find $\\nabla_W f$ and $\\nabla_{x} f(x)$"))
    [('f', 'W'), ('f', 'x')]
    """
    if not isinstance(statement, str):
        return frozenset()
    return frozenset((bare(top), bare(bottom)) for bottom, top in _NABLA.findall(statement))


_ORDINARY = re.compile(r"\\frac\{d[^}]*\}\{d")        # \frac{dy}{dx}


def ordinary_derivatives(problem) -> bool:
    """d, not ∂, for every derivative of a problem of one variable: its statement never writes ∂, and writes dy/dx or
    defines its function of the variable differentiated alone (f(x) = … with a parameter α beside x, σ(z) = …)."""
    text = problem.statement.get("en") or ""
    wrt = problem.data.get("wrt")
    alone = isinstance(wrt, str) and re.search(r"(?<![\\\w])(?:\\[A-Za-z]+|[A-Za-z])\s*\(\s*%s\s*\)\s*=" % re.escape(wrt), text)
    return "\\partial" not in text and bool(_ORDINARY.search(text) or alone)


_D_RATIO = re.compile(r"\\frac\{\s*d\s*(\\?[A-Za-z]\w*(?:_\{?\w+\}?)?)\s*\}\{\s*d\s*(\\?[A-Za-z]\w*(?:_\{?\w+\}?)?)\s*\}")


def ordinary_ratios(statement) -> frozenset:
    """The derivatives a statement writes with d, as (function, variable) bare names: {("f", "x")} for a Jacobian
    it asks as $\\frac{df}{dx}$, even where its entries are written with ∂.

    >>> sorted(ordinary_ratios(r"Find the Jacobian $\\frac{df}{dx}$, the matrix of $\\frac{\\partial f_i}{\\partial x_j}$"))
    [('f', 'x')]
    """
    if not isinstance(statement, str):
        return frozenset()
    return frozenset((bare(top), bare(bottom)) for top, bottom in _D_RATIO.findall(statement))
