"""Reading expressions from plain text, safely.

Text is tokenized, lightly rewritten (``^`` is a power, ``2x`` is ``2*x``), parsed
by Python's ``ast`` and then built into SymPy objects node by node from a
whitelist. Nothing is ever evaluated as code: ``sympify`` and ``parse_expr``
call ``eval`` and are never used on text from outside.

>>> parse_expr_safe("5x^3 + 3/y^2 + sin(z)")
5*x**3 + sin(z) + 3/y**2
>>> parse_expr_safe("0.5*w")      # decimals are exact
w/2
>>> parse_point("x=2, y=1/3")
{x: 2, y: 1/3}
>>> parse_expr_safe("().__class__.__base__.__subclasses__()")
Traceback (most recent call last):
...
symnn.calculus.parse.ParseError: attribute is not allowed in an expression
"""

from __future__ import annotations

import ast
import keyword

import sympy as sp

from .functions import sigmoid
from .notation import SHORTHAND, NotationError, explicit, shown

MAX_LENGTH = 5000       # characters
MAX_DEPTH = 200         # nesting of the syntax tree
MAX_NODES = 5000        # size of the syntax tree
MAX_DIGITS = 200        # of one number
MAX_EXPONENT = 1000     # |n| in a^n when both are numbers (refuses power towers)
MAX_BITS = 20_000       # of an exact number built from the text (about 6000 digits)


class ParseError(ValueError):
    """Text that is not an expression symnn can read; the message says why."""


def _log(x, base=None):
    if base is None:
        return sp.log(x)
    if base.is_number and (base.is_extended_positive is False or base == 1):
        raise ParseError(f"a logarithm needs a base above 0 other than 1, not {base}")
    return sp.log(x, base)


# name -> (SymPy constructor, fewest arguments, most arguments)
FUNCTIONS = {
    "sin": (sp.sin, 1, 1), "cos": (sp.cos, 1, 1), "tan": (sp.tan, 1, 1),
    "cot": (sp.cot, 1, 1), "sec": (sp.sec, 1, 1), "csc": (sp.csc, 1, 1),
    "asin": (sp.asin, 1, 1), "acos": (sp.acos, 1, 1), "atan": (sp.atan, 1, 1),
    "acot": (sp.acot, 1, 1), "arcsin": (sp.asin, 1, 1), "arccos": (sp.acos, 1, 1),
    "arctan": (sp.atan, 1, 1), "arccot": (sp.acot, 1, 1),
    "sinh": (sp.sinh, 1, 1), "cosh": (sp.cosh, 1, 1), "tanh": (sp.tanh, 1, 1),
    "coth": (sp.coth, 1, 1), "sech": (sp.sech, 1, 1), "csch": (sp.csch, 1, 1),
    # Russian notation
    "tg": (sp.tan, 1, 1), "ctg": (sp.cot, 1, 1), "arctg": (sp.atan, 1, 1),
    "arcctg": (sp.acot, 1, 1), "sh": (sp.sinh, 1, 1), "ch": (sp.cosh, 1, 1),
    "th": (sp.tanh, 1, 1), "cth": (sp.coth, 1, 1),
    # log is natural (the ML convention); log(x, b) has base b; lg is base 10
    "exp": (sp.exp, 1, 1), "ln": (sp.log, 1, 1), "log": (_log, 1, 2),
    "lg": (lambda x: sp.log(x, 10), 1, 1),
    "sqrt": (sp.sqrt, 1, 1), "abs": (sp.Abs, 1, 1), "Abs": (sp.Abs, 1, 1),
    "sign": (sp.sign, 1, 1), "sgn": (sp.sign, 1, 1),
    "max": (sp.Max, 2, 10), "Max": (sp.Max, 2, 10),
    "min": (sp.Min, 2, 10), "Min": (sp.Min, 2, 10),
    "relu": (lambda x: sp.Max(0, x), 1, 1), "ReLU": (lambda x: sp.Max(0, x), 1, 1),
    "heaviside": (sp.Heaviside, 1, 1), "Heaviside": (sp.Heaviside, 1, 1),
    "sigmoid": (sigmoid, 1, 1), "sigma": (sigmoid, 1, 1),
    "sigmaprime": (lambda u: sigmoid(u) * (1 - sigmoid(u)), 1, 1),   # σ'(u), written σ' by people
}
CONSTANTS = {"pi": sp.pi, "e": sp.E, "E": sp.E, "oo": sp.oo}
# characters people type that Python's tokenizer does not know
UNICODE = {"−": "-", "–": "-", "·": "*", "⋅": "*", "×": "*", "÷": "/",
           "σ": "sigma", "π": "pi", "λ": "lamda", "²": "^2", "³": "^3", "√": " sqrt "}   # lamda: SymPy's spelling of λ


def parse_expr_safe(text: str, functions: tuple[str, ...] = (), symbols=None, shorthand=None) -> sp.Expr:
    """The SymPy expression written in ``text``; raises ParseError if it is not one.

    ``functions``: names of unknown functions the text may call, such as the
    loss L in ``L(w1, w2) + lambda*(w1^2 + w2^2)``; they stay undefined.
    ``symbols``: the names the problem knows, so that ``wx`` reads as w·x.
    ``shorthand``: what a bare σ stands for (σ(1 − σ) for σ(z)(1 − σ(z))).
    """
    for name in functions:
        if not name.isidentifier() or name in FUNCTIONS or name in CONSTANTS:
            raise ParseError(f"not a name for an unknown function: {name!r}")
    tree = _syntax_tree(text, tuple(functions), symbols, shorthand is not None)
    expr = _Builder(tuple(functions), shorthand).build(tree.body)
    if not isinstance(expr, sp.Expr):
        raise ParseError(f"expected one expression, got a list: {shown(text)}")
    if expr.has(sp.zoo, sp.nan):
        raise ParseError(f"the expression is undefined (division by zero?): {shown(text)}")
    return expr


def parse_symbols(text: str) -> list[sp.Symbol]:
    """``"x, y, z"`` -> [x, y, z] (real symbols)."""
    names = [name.strip() for name in text.split(",")]
    for name in names:
        if not name.isidentifier() or keyword.iskeyword(name) or name in FUNCTIONS:
            raise ParseError(f"not a variable name: {name!r}")
    return [sp.Symbol(name, real=True) for name in names]


def parse_point(text: str) -> dict[sp.Symbol, sp.Expr]:
    """``"x=2, y=1/3"`` -> {x: 2, y: 1/3}; every value must be a number."""
    point = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        if not sep:
            raise ParseError(f"expected name=value, got {part.strip()!r}")
        (symbol,) = parse_symbols(name)
        number = parse_expr_safe(value)
        if not number.is_number:
            raise ParseError(f"the value of {symbol} is not a number: {value.strip()!r}")
        point[symbol] = number
    return point


def check_text(text, max_length: int = MAX_LENGTH, what: str = "expression") -> None:
    """Refuse what is not text, too long, empty, or holds a NUL byte."""
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__}")
    if len(text) > max_length:
        raise ParseError(f"the {what} is too long ({len(text)} characters, at most {max_length})")
    if "\x00" in text:
        raise ParseError(f"the {what} contains a NUL character")
    if not text.strip():
        raise ParseError(f"the {what} is empty")


def _syntax_tree(text: str, functions: tuple[str, ...] = (), symbols=None, shorthand: bool = False) -> ast.Expression:
    check_text(text)
    for char, replacement in UNICODE.items():
        text = text.replace(char, replacement)
    if bracket_depth(text) > MAX_DEPTH:
        raise ParseError(f"the expression is nested too deeply (at most {MAX_DEPTH} brackets)")
    try:
        source = explicit(text, frozenset(FUNCTIONS), known=symbols, shorthand=shorthand, unknown_functions=functions)
        tree = ast.parse(source, mode="eval")
    except NotationError as error:
        raise ParseError(str(error)) from None
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        message = getattr(error, "msg", None) or "cannot be read"
        raise ParseError(f"{message}: {shown(text)}") from None
    _check_size(tree)
    return tree


def bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    return deepest


def _check_size(tree: ast.AST) -> None:
    stack = [(tree, 0)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if depth > MAX_DEPTH:
            raise ParseError(f"the expression is nested too deeply (at most {MAX_DEPTH} levels)")
        if nodes > MAX_NODES:
            raise ParseError(f"the expression is too large (at most {MAX_NODES} parts)")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _bounded(value):
    """Refuse an exact number too large to work with (say 10^1000 · 10^1000 · …)."""
    if value.is_Rational and max(abs(value.p), value.q).bit_length() > MAX_BITS:
        raise ParseError("the number is too large to work with exactly")
    return value


class _Builder:
    """Build SymPy objects from a whitelisted syntax tree, one node type at a time."""

    def __init__(self, functions: tuple[str, ...] = (), shorthand=None):
        self.functions = functions   # unknown functions the text may call
        self.shorthand = shorthand   # what a bare σ is applied to

    def build(self, node: ast.AST):
        method = getattr(self, f"_build_{type(node).__name__}", None)
        if method is None:
            raise ParseError(f"{type(node).__name__.lower()} is not allowed in an expression")
        return method(node)

    def _build_Constant(self, node: ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParseError(f"not a number: {value!r}")
        if isinstance(value, int):
            if len(str(abs(value))) > MAX_DIGITS:
                raise ParseError(f"a number has more than {MAX_DIGITS} digits")
            return sp.Integer(value)
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseError("the number is too large")
        return sp.Rational(repr(value))   # 0.1 -> 1/10 exactly

    def _build_Name(self, node: ast.Name):
        if node.id == SHORTHAND and self.shorthand is not None:
            return self.shorthand
        if node.id in CONSTANTS:
            return CONSTANTS[node.id]
        if node.id in FUNCTIONS:
            raise ParseError(f"the function {node.id!r} needs an argument: {node.id}(...)")
        if node.id.startswith("_"):
            raise ParseError(f"not a variable name: {node.id!r}")
        return sp.Symbol(node.id, real=True)

    def _build_UnaryOp(self, node: ast.UnaryOp):
        operand = self._expr(node.operand)
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
        raise ParseError("only + and - may stand before a term")

    def _build_BinOp(self, node: ast.BinOp):
        left, right = self._expr(node.left), self._expr(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return _bounded(left * right)
        if isinstance(node.op, ast.Div):
            return left / right
        if isinstance(node.op, ast.Pow):
            if left.is_number and right.is_number and abs(right) > MAX_EXPONENT:
                raise ParseError(f"the power is too large (exponents up to {MAX_EXPONENT})")
            if left.is_Rational and right.is_number and abs(left) > 1 and \
                    abs(right) * max(abs(left.p), left.q).bit_length() > MAX_BITS:
                raise ParseError("the number is too large to work with exactly")
            return _bounded(left ** right)
        raise ParseError("unknown operator (use + - * / ^)")

    def _build_Call(self, node: ast.Call):
        if not isinstance(node.func, ast.Name):
            raise ParseError("only named functions can be called, like sin(x)")
        name = node.func.id
        if name in self.functions and not node.keywords and node.args:
            return sp.Function(name, real=True)(*(self._expr(arg) for arg in node.args))
        if name not in FUNCTIONS:
            raise ParseError(f"unknown function {name!r}")
        if node.keywords:
            raise ParseError(f"{name}() takes no named arguments")
        function, fewest, most = FUNCTIONS[name]
        if not fewest <= len(node.args) <= most:
            count = fewest if fewest == most else f"{fewest} to {most}"
            raise ParseError(f"{name}() takes {count} argument(s), got {len(node.args)}")
        return function(*(self._expr(arg) for arg in node.args))

    def _build_Tuple(self, node):
        return [self.build(element) for element in node.elts]

    _build_List = _build_Tuple

    def _expr(self, node):
        value = self.build(node)
        if not isinstance(value, sp.Expr):
            raise ParseError("a list cannot be part of a formula")
        return value
