"""What a NumPy question may say: the teacher's text read with ``ast`` and held to a whitelist.

Nothing here runs anything and nothing is evaluated: ``parsed`` returns the checked tree, and
``numerics.arrays`` interprets it node by node. Only the node types, names, attributes and NumPy
functions below pass; anything else is refused with a sentence saying what and why. It imports
neither NumPy nor SymPy, so a bank file is checked cheaply when it is read.

>>> parsed("a.sum(axis=0)", {"a"}).body.func.attr
'sum'
>>> parsed("a.__class__", {"a"})
Traceback (most recent call last):
...
symnn.numerics.array_syntax.ArraySyntaxError: '__class__' is not an array attribute a question may use (shape, ndim, size, T, itemsize)
"""

from __future__ import annotations

import ast

MAX_TEXT = 400            # characters of one expression
MAX_DEPTH = 24            # nesting of the tree
MAX_NUMBER = 10 ** 15     # the largest number written in an expression

# np.NAME -> (fewest, most positional arguments, keywords it takes)
_REDUCE = (1, 2, ("axis", "keepdims"))
_ONE = (1, 1, ())
FUNCTIONS = {
    "array": _ONE, "arange": (1, 3, ()), "ones": _ONE, "zeros": _ONE, "full": (2, 2, ()), "eye": _ONE,
    "linspace": (3, 3, ()), "random.random": _ONE,
    "exp": _ONE, "log": _ONE, "sqrt": _ONE, "tanh": _ONE, "abs": _ONE, "square": _ONE,
    "maximum": (2, 2, ()), "minimum": (2, 2, ()), "dot": (2, 2, ()), "matmul": (2, 2, ()),
    "transpose": _ONE, "reshape": (2, 2, ()),
    "sum": _REDUCE, "mean": _REDUCE, "max": _REDUCE, "min": _REDUCE, "prod": _REDUCE, "std": _REDUCE,
    "var": _REDUCE, "argmax": (1, 2, ("axis",)), "argmin": (1, 2, ("axis",)),
}
# array.NAME(...) -> (fewest, most positional arguments, keywords)
METHODS = {
    "sum": (0, 1, ("axis", "keepdims")), "mean": (0, 1, ("axis", "keepdims")), "max": (0, 1, ("axis", "keepdims")),
    "min": (0, 1, ("axis", "keepdims")), "prod": (0, 1, ("axis", "keepdims")), "std": (0, 1, ("axis", "keepdims")),
    "var": (0, 1, ("axis", "keepdims")), "argmax": (0, 1, ("axis",)), "argmin": (0, 1, ("axis",)),
    "reshape": (1, 4, ()), "dot": (1, 1, ()), "transpose": (0, 0, ()), "flatten": (0, 0, ()), "ravel": (0, 0, ()),
}
ATTRIBUTES = ("shape", "ndim", "size", "T", "itemsize")
OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Pow: "**",
             ast.Mod: "%", ast.MatMult: "@"}
# what a refused construct is called in the message
_NAMED = {ast.Lambda: "a lambda", ast.ListComp: "a comprehension", ast.SetComp: "a comprehension",
          ast.DictComp: "a comprehension", ast.GeneratorExp: "a comprehension", ast.Compare: "a comparison",
          ast.BoolOp: "and/or", ast.IfExp: "an if-expression", ast.Dict: "a dictionary", ast.Set: "a set",
          ast.JoinedStr: "text", ast.NamedExpr: "an assignment", ast.Starred: "a starred argument",
          ast.Await: "await", ast.Yield: "yield", ast.YieldFrom: "yield"}


class ArraySyntaxError(ValueError):
    """An expression that may not be run: outside the whitelist, too long, or not Python at all."""


def parsed(text: str, names) -> ast.Expression:
    """The tree of ``text``, every node checked; ``names`` are the arrays it may use (and ``np``)."""
    if not isinstance(text, str):
        raise ArraySyntaxError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_TEXT:
        raise ArraySyntaxError(f"longer than {MAX_TEXT} characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as error:
        raise ArraySyntaxError(f"not a Python expression ({error.msg})") from None
    _Checker(set(names)).check(tree.body, 0)
    return tree


def numpy_name(node) -> str | None:
    """``random.random`` of ``np.random.random``, ``exp`` of ``np.exp``; None for anything else."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "np":
        return node.attr
    if isinstance(node, ast.Attribute) and numpy_name(node.value) == "random":
        return f"random.{node.attr}"
    return None


class _Checker:
    def __init__(self, names: set):
        self.names = names

    def check(self, node, depth: int, keyword: bool = False):
        if depth > MAX_DEPTH:
            raise ArraySyntaxError(f"nested more than {MAX_DEPTH} levels deep")
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            what = _NAMED.get(type(node), f"this construct ({type(node).__name__})")
            raise ArraySyntaxError(f"{what} is not allowed in an array question; use array operations, "
                                   "NumPy functions and slices")
        if isinstance(node, ast.Constant):
            self._Constant(node, keyword)
        else:
            method(node, depth + 1)

    def _Constant(self, node, keyword=False):
        value = node.value
        if isinstance(value, bool) and not keyword:
            raise ArraySyntaxError("true/false is only allowed as keepdims=True")
        if value is not None and value is not Ellipsis and not isinstance(value, (int, float)):
            raise ArraySyntaxError(f"{value!r} is not a number; an array question computes with numbers")
        if isinstance(value, (int, float)) and not abs(value) <= MAX_NUMBER:
            raise ArraySyntaxError(f"{value!r} is larger than 10^15")

    def _Name(self, node, depth):
        if node.id != "np" and node.id not in self.names:
            known = ", ".join(sorted(self.names)) or "none"
            raise ArraySyntaxError(f"unknown name {node.id!r}; the arrays are: {known} (and np for NumPy)")

    def _Attribute(self, node, depth):
        name = numpy_name(node)
        if name is not None:
            if name not in FUNCTIONS and name not in ("random", "newaxis"):
                raise ArraySyntaxError(f"np.{name} is not a NumPy function a question may use "
                                       f"({', '.join(n for n in FUNCTIONS)})")
            return
        if node.attr not in ATTRIBUTES:
            raise ArraySyntaxError(f"{node.attr!r} is not an array attribute a question may use "
                                   f"({', '.join(ATTRIBUTES)})")
        self.check(node.value, depth)

    def _Call(self, node, depth):
        name = numpy_name(node.func)
        if name in FUNCTIONS:
            fewest, most, keywords = FUNCTIONS[name]
            what = f"np.{name}"
        elif isinstance(node.func, ast.Attribute) and name is None and node.func.attr in METHODS:
            fewest, most, keywords = METHODS[node.func.attr]
            what = f".{node.func.attr}()"
            self.check(node.func.value, depth)
        else:
            if not isinstance(node.func, (ast.Attribute, ast.Name)):
                self.check(node.func, depth)             # a lambda called at once: say what it is
            called = f"np.{name}" if name else ast.unparse(node.func)[:40]
            raise ArraySyntaxError(f"{called} cannot be called in an array question; the functions are "
                                   f"np.{', np.'.join(FUNCTIONS)} and the methods .{'(), .'.join(METHODS)}()")
        if not fewest <= len(node.args) <= most:
            raise ArraySyntaxError(f"{what} takes {fewest}–{most} arguments here, got {len(node.args)}")
        for argument in node.args:
            self.check(argument, depth)
        for pair in node.keywords:
            if pair.arg not in keywords:
                allowed = ", ".join(keywords) or "none"
                raise ArraySyntaxError(f"{what} takes no keyword {pair.arg or '**'!s} here (keywords: {allowed})")
            self.check(pair.value, depth, keyword=True)

    def _BinOp(self, node, depth):
        if type(node.op) not in OPERATORS:
            raise ArraySyntaxError(f"the operator {type(node.op).__name__} is not allowed; use "
                                   f"{' '.join(OPERATORS.values())}")
        self.check(node.left, depth)
        self.check(node.right, depth)

    def _UnaryOp(self, node, depth):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise ArraySyntaxError("only the signs + and - may stand before a value")
        self.check(node.operand, depth)

    def _Tuple(self, node, depth):
        for item in node.elts:
            self.check(item, depth)

    _List = _Tuple

    def _Subscript(self, node, depth):
        self.check(node.value, depth)
        parts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        for part in parts:
            if isinstance(part, ast.Slice):
                for end in (part.lower, part.upper, part.step):
                    if end is not None:
                        self.check(end, depth)
            elif isinstance(part, ast.List):
                raise ArraySyntaxError("an index is a number or a slice (a list of indices is not allowed)")
            else:
                self.check(part, depth)
