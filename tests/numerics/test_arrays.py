"""The NumPy interpreter against NumPy itself, and the texts it must refuse without running them."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.numerics.array_syntax import ArraySyntaxError, parsed
from symnn.numerics.arrays import MAX_ELEMENTS, ArrayError, Failure, broadcast_steps, define, run

A = np.arange(6).reshape(2, 3)
B = np.array([[1.0, 2.0], [3.0, 4.0]])
V = np.array([1, 2, 3])
ARRAYS = {"a": A, "b": B, "v": V}

# the expression, and what NumPy itself gives for it (computed here, by NumPy, not by symnn)
CASES = [
    ("a + v", A + V),
    ("a * 2 - 1", A * 2 - 1),
    ("a / 4", A / 4),
    ("a // 2", A // 2),
    ("a % 4", A % 4),
    ("a ** 2", A ** 2),
    ("-a", -A),
    ("a.sum(axis=0)", A.sum(axis=0)),
    ("a.sum(axis=1)", A.sum(axis=1)),
    ("a.sum()", A.sum()),
    ("a.max(axis=1, keepdims=True)", A.max(axis=1, keepdims=True)),
    ("a.mean(axis=0)", A.mean(axis=0)),
    ("np.sum(a, axis=1)", np.sum(A, axis=1)),
    ("a.argmax(axis=1)", A.argmax(axis=1)),
    ("a[1:, ::2]", A[1:, ::2]),
    ("a[0]", A[0]),
    ("a[:, -1]", A[:, -1]),
    ("v[None, :]", V[None, :]),
    ("a.T", A.T),
    ("np.transpose(a)", np.transpose(A)),
    ("a.shape", A.shape),
    ("a.ndim", A.ndim),
    ("a.size", A.size),
    ("b.itemsize", B.itemsize),
    ("a @ v", A @ V),
    ("a.dot(v)", A.dot(V)),
    ("np.dot(b, b)", np.dot(B, B)),
    ("b @ b.T", B @ B.T),
    ("np.exp(b)", np.exp(B)),
    ("np.sqrt(b)", np.sqrt(B)),
    ("np.maximum(a - 2, 0)", np.maximum(A - 2, 0)),
    ("a.reshape(3, 2)", A.reshape(3, 2)),
    ("a.reshape((3, -1))", A.reshape((3, -1))),
    ("a.flatten()", A.flatten()),
    ("np.ones((3, 1)) + np.arange(3)", np.ones((3, 1)) + np.arange(3)),
    ("np.ones((3, 3)) + np.arange(3)", np.ones((3, 3)) + np.arange(3)),
    ("np.arange(3) + 5", np.arange(3) + 5),
    ("np.zeros((4, 3, 2)).shape", np.zeros((4, 3, 2)).shape),
    ("np.full((2, 2), 7)", np.full((2, 2), 7)),
    ("np.eye(3)", np.eye(3)),
    ("np.linspace(0, 1, 5)", np.linspace(0, 1, 5)),
    ("np.arange(2, 11, 3)", np.arange(2, 11, 3)),
    ("np.array([[1, 2], [3, 4]]) * 1.6", np.array([[1, 2], [3, 4]]) * 1.6),
    ("np.zeros((32, 32, 3)).reshape(-1).shape", np.zeros((32, 32, 3)).reshape(-1).shape),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_the_interpreter_gives_what_numpy_gives(text, expected):
    got = run(text, ARRAYS).value
    if isinstance(expected, tuple):
        assert tuple(int(n) for n in got) == expected
    else:
        assert np.shape(got) == np.shape(expected)
        assert np.array_equal(got, expected)
        assert np.asarray(got).dtype == np.asarray(expected).dtype


# NumPy refuses the operation: that is the answer, with the reason and the shapes
REFUSED = [
    ("np.ones((3, 2)) + np.arange(3)", Failure("broadcast", ((3, 2), (3,)), -1)),
    ("a + np.ones((3, 3))", Failure("broadcast", ((2, 3), (3, 3)), -2)),
    ("a @ a", Failure("product", ((2, 3), (2, 3)))),
    ("a.reshape(4)", Failure("reshape", ((2, 3), (4,)))),
    ("a.sum(axis=2)", Failure("axis", ((2, 3),), 2)),
    ("a[5]", Failure("index", ((2, 3),))),
]


@pytest.mark.parametrize("text, failure", REFUSED, ids=[c[0] for c in REFUSED])
def test_what_numpy_refuses_is_the_answer_with_its_reason(text, failure):
    with pytest.raises((ValueError, IndexError)):          # NumPy itself refuses it too
        eval(text, {"np": np, "a": A})       # noqa: S307 - the test's own fixed text, run by NumPy as the oracle
    assert run(text, ARRAYS).value == failure


def test_broadcasting_steps_pad_then_stretch():
    assert broadcast_steps((3, 1), (3,)) == (((3, 1), (1, 3)), (3, 3))
    assert broadcast_steps((3, 2), (3,)) == (((3, 2), (1, 3)), None)
    assert broadcast_steps((), (2, 2)) == (((1, 1), (2, 2)), (2, 2))


# text that must never run: each with the words its refusal must contain
HOSTILE = [
    ("__import__('os').system('true')", "cannot be called"),      # a builtin call
    ("a.__class__", "'__class__' is not an array attribute"),      # an attribute escape
    ("a.__class__.__bases__[0].__subclasses__()", "cannot be called"),
    ("np.__dict__", "not a NumPy function"),
    ("np.load('x.npy')", "np.load cannot be called"),
    ("np.ones((10**9,))", "more than the 100000"),                  # a billion ones
    ("np.ones((100000, 100000))", "more than the 100000"),
    ("np.arange(10**12)", "more than the 100000"),
    ("np.ones((400, 1)) + np.ones(400)", "more than the 100000"),  # broadcasting sized before it is made
    ("np.ones((300, 300)) @ np.ones((300, 300))", "more than"),
    ("(lambda: 1)()", "a lambda is not allowed"),
    ("[x for x in a]", "a comprehension is not allowed"),
    ("a if a else a", "an if-expression is not allowed"),
    ("a > 1", "a comparison is not allowed"),
    ("'text'", "is not a number"),
    ("b", "unknown name 'b'"),
    ("open", "unknown name 'open'"),
    ("a.sum(axis=0, out=a)", "takes no keyword out"),
    ("a.tofile('x')", "a.tofile cannot be called"),
    ("12345678901234567890 * a", "larger than 10^15"),
    ("10**10**10", ""),                                             # NumPy's int64 power: fast, it wraps
    ("(" * 40 + "a" + ")" * 40, ""),                                # deep nesting is refused or harmless
    ("a" + " + a" * 200, "longer than 400 characters"),
    ("a = 1", "not a Python expression"),
]


@pytest.mark.parametrize("text, words", HOSTILE, ids=[c[0][:40] for c in HOSTILE])
def test_hostile_text_is_refused_with_a_clear_message(text, words):
    try:
        outcome = run(text, {"a": A})
    except ArraySyntaxError as error:
        assert words in str(error)
    else:
        assert words == ""                   # only what is harmless may pass, and it runs at once
        assert outcome.value is not None


def test_deep_nesting_is_refused():
    with pytest.raises(ArraySyntaxError, match="nested more than"):
        parsed("-" * 60 + "a", {"a"})


def test_arrays_are_defined_in_order_and_bounded():
    arrays = define({"x": [[1, 2], [3, 4]], "y": "x.T @ x"})
    assert np.array_equal(arrays["y"], np.array([[1, 2], [3, 4]]).T @ np.array([[1, 2], [3, 4]]))
    with pytest.raises(ArrayError, match="x: rows of different lengths"):
        define({"x": [[1, 2], [3]]})
    with pytest.raises(ArrayError, match="y: unknown name 'z'"):
        define({"y": "z + 1"})
    with pytest.raises(ArrayError, match="cannot name an array"):
        define({"np": [1]})
    assert MAX_ELEMENTS >= 32 * 32 * 3 * 10          # seed 001's layer fits
