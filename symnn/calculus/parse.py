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
symnn.calculus.parse.ParseError: a dot after a name (as in X.T; write a transpose as X^T) is not allowed in an expression
"""

from __future__ import annotations

import ast
import keyword

import sympy as sp

from .functions import sigmoid
from .indexed_terms import index_renamed as _index_renamed
from .indexed_terms import indexed as _indexed
from .notation import SHORTHAND, NotationError, ReaderError, construct, explicit, hint, shown, symbol_name, unreadable
from .transpose import transposed
from .vector_arithmetic import elementwise

MAX_LENGTH = 5000       # characters
MAX_DEPTH = 200         # nesting of the syntax tree
MAX_NODES = 5000        # size of the syntax tree
MAX_DIGITS = 200        # of one number
MAX_EXPONENT = 1000     # |n| in a^n when both are numbers (refuses power towers)
MAX_BITS = 20_000       # of an exact number built from the text (about 6000 digits)


class ParseError(ReaderError):
    """Text that is not an expression symnn can read; the message says why (``in_language``)."""


def _log(x, base=None):
    if base is None:
        return sp.log(x)
    if base.is_number and (base.is_extended_positive is False or base == 1):
        raise ParseError("log base", base=base)
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
    "heaviside": (sp.Heaviside, 1, 2), "Heaviside": (sp.Heaviside, 1, 2), "H": (sp.Heaviside, 1, 1),
    "sigmoid": (sigmoid, 1, 1), "sigma": (sigmoid, 1, 1),
    "sigmaprime": (lambda u: sigmoid(u) * (1 - sigmoid(u)), 1, 1),   # σ'(u), written σ' by people
}
CONSTANTS = {"pi": sp.pi, "e": sp.E, "E": sp.E, "oo": sp.oo}
NAMEABLE = frozenset(("e", "E"))    # constants a problem may use as names of its own values (a node e, an error E)
# comparisons, and what a piecewise function or a condition is built from
RELATIONS = {ast.Lt: sp.Lt, ast.LtE: sp.Le, ast.Gt: sp.Gt, ast.GtE: sp.Ge, ast.NotEq: sp.Ne}
INTERVALS = {"interval_oo": (False, False), "interval_co": (True, False), "interval_oc": (False, True),
             "interval_cc": (True, True)}    # a ∈ (lo, hi), [lo, hi), (lo, hi], [lo, hi]
MAX_TERMS = 100         # of a sum or product with number bounds, written out
# Greek letters that stand for scalars among matrices (a learning rate, a weight decay); δ is a vector
SCALAR_NAMES = set(("alpha beta gamma epsilon eta theta kappa lamda mu nu rho sigma tau").split())
# characters people type that Python's tokenizer does not know
UNICODE = {"−": "-", "–": "-", "·": "*", "⋅": "*", "×": "*", "÷": "/",
           "σ": "sigma", "π": "pi", "λ": "lamda", "²": "^2", "³": "^3", "√": " sqrt "}   # lamda: SymPy's spelling of λ


def parse_expr_safe(text: str, functions: tuple[str, ...] = (), symbols=None, shorthand=None,
                    matrices: bool = False, vectors: bool = False) -> sp.Expr:
    """The SymPy expression written in ``text``; raises ParseError if it is not one.

    ``functions``: names of unknown functions the text may call, such as the
    loss L in ``L(w1, w2) + lambda*(w1^2 + w2^2)``; they stay undefined.
    ``symbols``: the names the problem knows, so that ``wx`` reads as w·x.
    ``shorthand``: what a bare σ stands for (σ(1 − σ) for σ(z)(1 − σ(z))).
    ``matrices``: letters are matrices and vectors (their products do not commute; Greek letters other than δ are
    scalars, but those of a set ``matrices`` gives: the θ of Φθ), and transpose(A) is Aᵀ.
    ``vectors``: a vector worked out entry by entry, 0.5·(1, 2), is a value: the tuple of its entries.
    """
    for name in functions:
        if not name.isidentifier() or name in FUNCTIONS or name in CONSTANTS:
            raise ParseError("function name", name=name)
    tree = _syntax_tree(text, tuple(functions), symbols, shorthand is not None)
    # σ a name of the problem, or e a value it names (a graph's node e): the problem's, not the function or Euler's e
    shadowed = frozenset(str(s) for s in symbols or ()) & (frozenset(FUNCTIONS) | NAMEABLE)
    expr = _Builder(tuple(functions), shorthand, matrices, shadowed).build(tree.body)
    if isinstance(expr, list) and len(expr) == 1 and is_condition(expr[0]):
        expr = _indicator(expr[0])                    # [x > 0]: Iverson's bracket
    if is_condition(expr):
        return expr                                   # a condition such as 0 < a < 2
    if vectors and isinstance(expr, list) and isinstance(tree.body, (ast.BinOp, ast.UnaryOp)) and expr and \
            all(isinstance(v, sp.Expr) for v in expr):
        return tuple(expr)                            # worked out, not written: (1, 2) alone is a list, {1, 2} a set
    if not isinstance(expr, sp.Expr):           # 0.0452 < 0.25 is true or false, no value; (1, 2) a list
        raise ParseError("comparison of numbers" if isinstance(expr, sp.logic.boolalg.BooleanAtom) else "a list", text=shown(text))
    if expr.has(sp.zoo, sp.nan):
        raise ParseError("undefined", text=shown(text))
    return expr


def parse_symbols(text: str) -> list[sp.Symbol]:
    """``"x, y, z"`` -> [x, y, z] (real symbols); lambda is λ, spelt lamda as the expressions read it."""
    names = [symbol_name(name) for name in text.split(",")]
    for name in names:
        if not name.isidentifier() or keyword.iskeyword(name) or name in FUNCTIONS:
            raise ParseError("variable name", name=name)
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
        raise ParseError("too long", length=len(text), most=max_length)
    if "\x00" in text:
        raise ParseError("nul")
    if not text.strip():
        raise ParseError("empty")


def _syntax_tree(text: str, functions: tuple[str, ...] = (), symbols=None, shorthand: bool = False) -> ast.Expression:
    check_text(text)
    for char, replacement in UNICODE.items():
        text = text.replace(char, replacement)
    if bracket_depth(text) > MAX_DEPTH:
        raise ParseError("too deep", most=MAX_DEPTH)
    named = (frozenset(FUNCTIONS) | frozenset(INTERVALS)) - frozenset(str(s) for s in symbols or ())     # H is a variable where the problem says so
    try:
        source = explicit(text, named, known=symbols, shorthand=shorthand, unknown_functions=functions)
        tree = ast.parse(source, mode="eval")
    except NotationError as error:
        raise ParseError(error.key, **error.values) from None
    except (SyntaxError, ValueError, RecursionError, MemoryError):      # Python's own words never reach a reader
        raise ParseError((found := unreadable(text))[0], **found[1]) from None      # the key and its values
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
            raise ParseError("too deep", most=MAX_DEPTH)
        if nodes > MAX_NODES:
            raise ParseError("too large", most=MAX_NODES)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def is_condition(value) -> bool:
    """A relation or a logical combination of them (0 < a < 2), not a value (a Symbol is both to SymPy)
    nor a truth value."""
    return isinstance(value, sp.logic.boolalg.Boolean) and not isinstance(value, (sp.Expr, sp.logic.boolalg.BooleanAtom))


def _indicator(condition):
    """1 where the condition holds, else 0."""
    return sp.Piecewise((1, condition), (0, True))


def _bounded(value):
    """Refuse an exact number too large to work with (say 10^1000 · 10^1000 · …)."""
    if value.is_Rational and max(abs(value.p), value.q).bit_length() > MAX_BITS:
        raise ParseError("number too large")
    return value


class _Builder:
    """Build SymPy objects from a whitelisted syntax tree, one node type at a time."""

    def __init__(self, functions: tuple[str, ...] = (), shorthand=None, matrices: bool = False,
                 shadowed=frozenset()):
        self.functions = functions   # unknown functions the text may call
        self.shorthand = shorthand   # what a bare σ is applied to
        self.matrices, self.greek = bool(matrices), (matrices if isinstance(matrices, frozenset) else frozenset())
        self.shadowed = shadowed     # function and constant names the problem uses as its own (σ = σ(z), a node e)

    def build(self, node: ast.AST):
        method = getattr(self, f"_build_{type(node).__name__}", None)
        if method is None:
            raise ParseError("not allowed", what=construct(node))
        return method(node)

    def _build_Constant(self, node: ast.Constant):
        value = node.value
        if value is Ellipsis:
            raise ParseError("ellipsis")                     # (2.9, −1, ...): terms left out, not a value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParseError("not a number", value=value)
        if isinstance(value, int):
            if len(str(abs(value))) > MAX_DIGITS:
                raise ParseError("digits", most=MAX_DIGITS)
            return sp.Integer(value)
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseError("number too large")
        return sp.Rational(repr(value))   # 0.1 -> 1/10 exactly

    def _build_Name(self, node: ast.Name):
        if node.id == "otherwise":
            return sp.true                                   # the last case of a piecewise function
        if node.id == SHORTHAND and self.shorthand is not None:
            return self.shorthand
        if node.id in CONSTANTS and node.id not in self.shadowed:
            return CONSTANTS[node.id]
        if node.id in FUNCTIONS and node.id not in self.shadowed:
            raise ParseError("needs argument", name=node.id)
        if node.id.startswith("_"):
            raise ParseError("variable name", name=node.id)
        if self.matrices and (node.id not in SCALAR_NAMES or node.id in self.greek):    # letters are matrices and vectors
            return sp.Symbol(node.id, commutative=False)
        return sp.Symbol(node.id, real=True)

    def _build_UnaryOp(self, node: ast.UnaryOp):
        operand = self.build(node.operand)
        if isinstance(operand, list) and isinstance(node.op, (ast.USub, ast.UAdd)):       # −(1, 2)
            return elementwise(ast.Mult(), sp.Integer(-1 if isinstance(node.op, ast.USub) else 1), operand,
                               lambda a, b: a * self._value(b))
        operand = self._value(operand)
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
        raise ParseError("unary")

    def _build_BinOp(self, node: ast.BinOp):
        left, right = self.build(node.left), self.build(node.right)
        if isinstance(left, list) or isinstance(right, list):       # 0.5·(1, 2): a vector's arithmetic, entry by entry
            entries = elementwise(node.op, left, right, lambda a, b: self._binary(node.op, self._value(a), self._value(b)))
            if entries is None:
                raise ParseError("list in formula")
            return entries
        return self._binary(node.op, self._value(left), self._value(right))

    def _binary(self, op, left, right):
        if isinstance(op, ast.Add):
            return left + right
        if isinstance(op, ast.Sub):
            return left - right
        if isinstance(op, ast.Mult):
            return _bounded(left * right)
        if isinstance(op, ast.Div):
            return left / right
        if isinstance(op, ast.Pow):
            if left.is_number and right.is_number and abs(right) > MAX_EXPONENT:
                raise ParseError("power", most=MAX_EXPONENT)
            if left.is_Rational and right.is_number and abs(left) > 1 and \
                    abs(right) * max(abs(left.p), left.q).bit_length() > MAX_BITS:
                raise ParseError("number too large")
            return _bounded(left ** right)
        raise ParseError("operator")

    def _build_Compare(self, node: ast.Compare):
        """0 < a < 2 is 0 < a and a < 2; a in interval_co(0, 2) is 0 <= a < 2."""
        parts, left = [], self._expr(node.left)
        for op, right_node in zip(node.ops, node.comparators):
            if isinstance(op, ast.In):
                parts.append(self._membership(left, right_node))
                continue
            if type(op) not in RELATIONS:
                raise ParseError("relation")
            right = self._expr(right_node)
            parts.append(RELATIONS[type(op)](left, right))
            left = right
        return sp.And(*parts)

    def _membership(self, value, node):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in INTERVALS
                and len(node.args) == 2):
            raise ParseError("interval")
        (closed_low, closed_high), (low, high) = INTERVALS[node.func.id], (self._expr(a) for a in node.args)
        return sp.And((sp.Ge if closed_low else sp.Gt)(value, low), (sp.Le if closed_high else sp.Lt)(value, high))

    def _build_BoolOp(self, node: ast.BoolOp):
        parts = [self._condition(value) for value in node.values]
        return sp.And(*parts) if isinstance(node.op, ast.And) else sp.Or(*parts)

    def _condition(self, node):
        value = self.build(node)
        if not (is_condition(value) or value is sp.true):             # "otherwise" is always true
            raise ParseError("and or")
        return value

    def _piecewise(self, node: ast.Call):
        pieces = []
        for argument in node.args:
            if not (isinstance(argument, ast.Tuple) and len(argument.elts) == 2):
                raise ParseError("case parts")
            value, condition = self._expr(argument.elts[0]), self._condition(argument.elts[1])
            pieces.append((value, condition))
        if not pieces:
            raise ParseError("no cases")
        return sp.Piecewise(*pieces)

    def _big_operator(self, node: ast.Call):
        """summation(term, i, lo, hi) and product(...): written out when the bounds are numbers."""
        if len(node.args) != 4 or not isinstance(node.args[1], ast.Name):
            raise ParseError("sum parts")
        index = sp.Symbol(node.args[1].id, real=True)
        term, low, high = (self._expr(a) for a in (node.args[0], node.args[2], node.args[3]))
        if not (low.is_Integer and high.is_Integer):                    # \sum_{i=1}^{n}: kept as a sum
            limits = (index, low, high)
            term = _indexed(term, index)
            return sp.Sum(term, limits) if node.func.id == "summation" else sp.Product(term, limits)
        if high - low + 1 > MAX_TERMS:
            raise ParseError("sum size", most=MAX_TERMS)
        terms = [_index_renamed(term, index, k) for k in range(int(low), int(high) + 1)]
        return sp.Add(*terms) if node.func.id == "summation" else sp.Mul(*terms)

    def _build_Call(self, node: ast.Call):
        if not isinstance(node.func, ast.Name):
            raise ParseError("named call")
        name = node.func.id
        if name == "piecewise" and not node.keywords:
            return self._piecewise(node)
        if name in ("summation", "product") and not node.keywords:
            return self._big_operator(node)
        if name == "transpose" and self.matrices and len(node.args) == 1:
            return transposed(self._expr(node.args[0]))
        if name == "iverson" and len(node.args) == 1:
            return _indicator(self._condition(node.args[0]))
        if name in self.functions and not node.keywords and node.args:
            return sp.Function(name, real=True)(*(self._expr(arg) for arg in node.args))
        if name not in FUNCTIONS:
            raise ParseError("unknown function", name=name, hint=hint(f"{name}()"))
        if node.keywords:
            raise ParseError("named arguments", name=name)
        function, fewest, most = FUNCTIONS[name]
        if not fewest <= len(node.args) <= most:
            count = fewest if fewest == most else f"{fewest} to {most}"
            raise ParseError("argument count", name=name, count=count, got=len(node.args))
        return function(*(self._expr(arg) for arg in node.args))

    def _build_Tuple(self, node):
        return [self.build(element) for element in node.elts]

    _build_List = _build_Tuple

    def _expr(self, node):
        return self._value(self.build(node))

    @staticmethod
    def _value(value):
        if not isinstance(value, sp.Expr):
            raise ParseError("list in formula")
        return value
