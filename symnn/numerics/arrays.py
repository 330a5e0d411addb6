"""NumPy questions answered by running them: the checked tree (``array_syntax``) interpreted node by node.

Every array a question makes is bounded before NumPy makes it (creation calls, broadcasting and
products are sized first), so no text can ask for a billion ones. What NumPy refuses — shapes that
do not broadcast, a product whose inner lengths differ, a reshape to another size — is not an error of
the question but its answer: a ``Failure`` saying why.

>>> arrays = define({"a": "np.arange(6).reshape(2, 3)"})
>>> run("a.sum(axis=0)", arrays).value
array([3, 5, 7])
>>> run("np.ones((3, 2)) + np.arange(3)", {}).value
Failure(reason='broadcast', shapes=((3, 2), (3,)), axis=-1)
"""

from __future__ import annotations

import ast
import math
import operator
from dataclasses import dataclass

import numpy as np

from .array_syntax import OPERATORS, ArraySyntaxError, numpy_name, parsed

MAX_ELEMENTS = 100_000        # of any array a question makes (32·32·3 inputs to 10 neurons fit)
MAX_PRODUCT_WORK = 10 ** 7    # multiplications of one matrix product
MAX_LITERAL_DEPTH = 4         # nesting of a list written out

_BINARY = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv,
           "**": operator.pow, "%": operator.mod, "@": None}
_REDUCTIONS = ("sum", "mean", "max", "min", "prod", "std", "var", "argmax", "argmin")


class ArrayError(ArraySyntaxError):
    """A question that cannot be run: outside the whitelist, or asking for too large an array."""


@dataclass(frozen=True)
class Failure:
    """NumPy refuses the operation: ``reason`` (broadcast, product, reshape, axis, index, arguments), the
    shapes involved and, for broadcasting, the axis (counted from the end) where the lengths clash."""

    reason: str
    shapes: tuple
    axis: int | None = None


class _Failed(Exception):
    def __init__(self, failure: Failure):
        self.failure = failure


@dataclass(frozen=True)
class Operation:
    """The last operation of a question, for its explanation: ``kind`` (elementwise, product, reduce,
    transpose, index, attribute, reshape, call), its name or operator, its operands and axis."""

    kind: str
    name: str
    operands: tuple
    axis: object = None
    keepdims: bool = False


@dataclass(frozen=True)
class Outcome:
    value: object             # an ndarray, a NumPy number, a tuple (a shape), or a Failure
    operation: Operation


def define(arrays: dict) -> dict:
    """{name: ndarray} of a question's arrays, each a nested list of numbers or an expression over
    the arrays before it (``np.arange(6).reshape(2, 3)``)."""
    values = {}
    for name, given in arrays.items():
        if not (isinstance(name, str) and name.isidentifier() and not name.startswith("_") and name != "np"):
            raise ArrayError(f"{name!r} cannot name an array (a name such as a, data, W)")
        try:
            value = _literal(given, 0) if isinstance(given, list) else run(given, values).value
        except ArraySyntaxError as error:
            raise ArrayError(f"{name}: {error}") from None
        if isinstance(value, Failure):
            raise ArrayError(f"{name}: NumPy cannot make it ({value.reason}: shapes {value.shapes})")
        values[name] = np.asarray(value)
    return values


def _literal(rows, depth: int):
    """A nested list of numbers as an array: every row as long as the others."""
    if depth > MAX_LITERAL_DEPTH:
        raise ArrayError(f"nested more than {MAX_LITERAL_DEPTH} levels deep")
    if isinstance(rows, list):
        parts = [_literal(row, depth + 1) for row in rows]
        if len({p.shape for p in parts}) > 1:
            raise ArrayError("rows of different lengths")
        return np.array(parts)
    if isinstance(rows, bool) or not isinstance(rows, (int, float)) or not math.isfinite(rows):
        raise ArrayError(f"{rows!r} is not a number")
    return np.array(rows)


def run(text: str, arrays: dict) -> Outcome:
    """The value of ``text`` over ``arrays`` (a Failure when NumPy refuses it), and its last operation."""
    tree = parsed(text, arrays)
    interpreter = _Interpreter(arrays)
    with np.errstate(all="ignore"):
        try:
            value = interpreter.value(tree.body)
            operation = interpreter.operation(tree.body)
        except _Failed as failed:
            return Outcome(failed.failure, Operation("call", "", ()))
    return Outcome(value, operation)


def _size(shape) -> int:
    return math.prod(int(n) for n in shape)


def _shape_argument(shape) -> tuple:
    """A shape given to a creation call, checked: whole, not negative, at most MAX_ELEMENTS in all."""
    dims = tuple(shape) if isinstance(shape, (tuple, list, np.ndarray)) else (shape,)
    if not all(isinstance(n, (int, np.integer)) and n >= 0 for n in dims):
        raise ArrayError(f"a shape is made of whole numbers, got {tuple(dims)}")
    _bounded(_size(dims))
    return tuple(int(n) for n in dims)


def _bounded(size: int):
    if size > MAX_ELEMENTS:
        raise ArrayError(f"an array of {size} elements is more than the {MAX_ELEMENTS} a question may make")


def _array(value):
    """An operand as an array (a list or tuple written in the question becomes one)."""
    return value if isinstance(value, np.ndarray) or np.isscalar(value) else np.asarray(value)


class _Interpreter:
    def __init__(self, arrays: dict):
        self.arrays = arrays

    def value(self, node):
        return getattr(self, f"_{type(node).__name__}")(node)

    # -- leaves
    def _Constant(self, node):
        value = node.value
        if isinstance(value, bool) or value is None or value is Ellipsis:
            return value
        return np.int64(value) if isinstance(value, int) else np.float64(value)

    def _Name(self, node):
        if node.id == "np":
            raise ArrayError("np alone is not a value; call one of its functions")
        return self.arrays[node.id]

    def _Tuple(self, node):
        return tuple(self.value(item) for item in node.elts)

    def _List(self, node):
        return [self.value(item) for item in node.elts]

    # -- operations
    def _UnaryOp(self, node):
        operand = _array(self.value(node.operand))
        return -operand if isinstance(node.op, ast.USub) else +operand

    def _BinOp(self, node):
        left, right = _array(self.value(node.left)), _array(self.value(node.right))
        symbol = OPERATORS[type(node.op)]
        if symbol == "@":
            return _product(left, right)
        return _elementwise(_BINARY[symbol], left, right)

    def _Attribute(self, node):
        name = numpy_name(node)
        if name == "newaxis":
            return None
        if name is not None:
            raise ArrayError(f"np.{name} is a function: call it")
        array = _array(self.value(node.value))
        if node.attr == "T":
            return array.T
        value = getattr(array, node.attr)
        return tuple(np.int64(n) for n in value) if node.attr == "shape" else np.int64(value)

    def _Subscript(self, node):
        array = _array(self.value(node.value))
        index = self.value(node.slice)
        try:
            return array[index]
        except (IndexError, TypeError):
            raise _Failed(Failure("index", (array.shape,))) from None

    def _Slice(self, node):
        return slice(*(None if end is None else self.value(end) for end in (node.lower, node.upper, node.step)))

    def _Call(self, node):
        args = [self.value(a) for a in node.args]
        keywords = {k.arg: self.value(k.value) for k in node.keywords}
        name = numpy_name(node.func)
        if name is not None:
            return _function(name, args, keywords)
        return _method(_array(self.value(node.func.value)), node.func.attr, args, keywords)

    # -- what the last operation was, for the explanation
    def operation(self, node) -> Operation:
        if isinstance(node, ast.BinOp):
            symbol = OPERATORS[type(node.op)]
            operands = (_array(self.value(node.left)), _array(self.value(node.right)))
            return Operation("product" if symbol == "@" else "elementwise", symbol, operands)
        if isinstance(node, ast.Attribute) and numpy_name(node) is None:
            kind = "transpose" if node.attr == "T" else "attribute"
            return Operation(kind, node.attr, (_array(self.value(node.value)),))
        if isinstance(node, ast.Subscript):
            return Operation("index", "", (_array(self.value(node.value)),))
        if isinstance(node, ast.Call):
            name = numpy_name(node.func)
            arrays = [_array(self.value(a)) for a in node.args]
            if name is None:
                name, arrays = node.func.attr, [_array(self.value(node.func.value)), *arrays]
            keywords = {k.arg: self.value(k.value) for k in node.keywords}
            if name in _REDUCTIONS:
                axis = keywords.get("axis", arrays[1] if len(arrays) > 1 else None)
                axis = tuple(int(a) for a in axis) if isinstance(axis, tuple) else None if axis is None else int(axis)
                return Operation("reduce", name, arrays[:1], axis, bool(keywords.get("keepdims", False)))
            kinds = {"dot": "product", "matmul": "product", "transpose": "transpose", "reshape": "reshape",
                     "flatten": "reshape", "ravel": "reshape", "maximum": "elementwise", "minimum": "elementwise"}
            kind = kinds.get(name, "call")
            return Operation(kind, name, tuple(arrays[:2]) if kind in ("product", "elementwise") else tuple(arrays[:1]))
        return Operation("call", "", ())


def _elementwise(function, left, right):
    """``function`` entry by entry after broadcasting, the broadcast shape sized first."""
    try:
        shape = np.broadcast_shapes(np.shape(left), np.shape(right))
    except ValueError:
        raise _Failed(Failure("broadcast", (np.shape(left), np.shape(right)), clash(np.shape(left), np.shape(right))))\
            from None
    _bounded(_size(shape))
    try:                                      # (NumPy refuses negative integer powers of integers)
        return function(left, right)
    except (ValueError, TypeError, ZeroDivisionError):
        raise _Failed(Failure("arguments", (np.shape(left), np.shape(right)))) from None


def broadcast_steps(left: tuple, right: tuple) -> tuple:
    """How NumPy broadcasts two shapes: (both padded on the left with axes of length 1 to one length,
    the shape of the result or None where an axis clashes).

    >>> broadcast_steps((3, 1), (3,))
    (((3, 1), (1, 3)), (3, 3))
    """
    n = max(len(left), len(right))
    padded = tuple((1,) * (n - len(shape)) + tuple(int(k) for k in shape) for shape in (left, right))
    if clash(left, right) is not None:
        return padded, None
    return padded, tuple(max(a, b) for a, b in zip(*padded))


def clash(left: tuple, right: tuple) -> int | None:
    """The axis, counted from the end (−1 the last), where two shapes cannot be broadcast; None if they can."""
    for k in range(1, max(len(left), len(right)) + 1):
        a = left[-k] if k <= len(left) else 1
        b = right[-k] if k <= len(right) else 1
        if a != b and 1 not in (a, b):
            return -k
    return None


def _product(left, right):
    """A matrix product of vectors and matrices, its size and work bounded before it is made."""
    if np.ndim(left) == 0 or np.ndim(right) == 0:
        return _elementwise(operator.mul, left, right)
    if np.ndim(left) > 2 or np.ndim(right) > 2:
        raise ArrayError("a matrix product here is of vectors and matrices (at most two axes)")
    rows = left.shape[0] if left.ndim == 2 else 1
    columns = right.shape[1] if right.ndim == 2 else 1
    inner = left.shape[-1]
    if inner != right.shape[0]:
        raise _Failed(Failure("product", (left.shape, right.shape)))
    _bounded(rows * columns)
    if rows * columns * inner > MAX_PRODUCT_WORK:
        raise ArrayError(f"a product of {rows * columns * inner} multiplications is more than a question may ask")
    return left @ right


def _function(name: str, args: list, keywords: dict):
    """np.NAME(*args, **keywords), each creation sized before the array is made."""
    if name in ("ones", "zeros", "random.random"):
        shape = _shape_argument(args[0])
        return np.random.default_rng(0).random(shape) if name == "random.random" else getattr(np, name)(shape)
    if name == "full":
        return np.full(_shape_argument(args[0]), _scalar(args[1]))
    if name == "eye":
        n = _shape_argument(args[0])[0]
        _bounded(n * n)
        return np.eye(n)
    if name == "arange":
        start, stop, step = (np.int64(0), args[0], np.int64(1)) if len(args) == 1 else (*args, np.int64(1))[:3]
        if _scalar(step) == 0:
            raise _Failed(Failure("arguments", ()))
        _bounded(max(0, math.ceil((_scalar(stop) - _scalar(start)) / _scalar(step))))
        return np.arange(_scalar(start), _scalar(stop), _scalar(step))
    if name == "linspace":
        count = _shape_argument(args[2])[0]
        return np.linspace(_scalar(args[0]), _scalar(args[1]), count)
    if name == "array":
        array = np.asarray(args[0])
        if array.dtype == object:
            raise ArrayError("np.array takes rows of numbers, every row as long as the others")
        return array
    if name in ("dot", "matmul"):
        return _product(_array(args[0]), _array(args[1]))
    if name in ("maximum", "minimum"):
        return _elementwise(getattr(np, name), _array(args[0]), _array(args[1]))
    return _method(_array(args[0]), name, args[1:], keywords, function=True)


def _method(array, name: str, args: list, keywords: dict, function: bool = False):
    """array.NAME(*args, **keywords); the elementwise functions of NumPy come here too (np.exp(a))."""
    if name == "reshape":
        shape = tuple(args[0]) if len(args) == 1 and isinstance(args[0], (tuple, list)) else tuple(args)
        try:
            return array.reshape(tuple(int(n) for n in shape))
        except (ValueError, TypeError):
            raise _Failed(Failure("reshape", (array.shape, tuple(int(n) for n in shape)))) from None
    if name == "dot":
        return _product(array, _array(args[0]))
    if name in ("transpose", "flatten", "ravel"):
        return getattr(array, name)()
    if name in _REDUCTIONS:
        axis = keywords.get("axis", args[0] if args else None)
        extra = {"keepdims": bool(keywords["keepdims"])} if "keepdims" in keywords else {}
        try:
            return getattr(np, name)(array, axis=axis, **extra)
        except (ValueError, TypeError):     # AxisError is both a ValueError and an IndexError
            raise _Failed(Failure("axis", (array.shape,), int(axis) if isinstance(axis, (int, np.integer)) else None)) \
                from None
    if function:
        return getattr(np, name)(array)
    raise ArrayError(f".{name}() cannot be called here")


def _scalar(value):
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if not (np.isscalar(value) and isinstance(value, (int, float, np.integer, np.floating))):
        raise ArrayError(f"expected a number, got {type(value).__name__}")
    return value
