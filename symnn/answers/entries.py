r"""Vectors and matrices written as one formula: with unit vectors (60i − 162j + k for
(60, −162, 1)), or as the formula of an entry over its indices (∂s_i/∂y_j = s_i(δ_ij − s_j) for the 3×3
Jacobian of the softmax, Bishop's y_k(I_kj − y_j), the gradient softmax(o)_j − y_j), which is written out entry
by entry; δ_ij and I_kj are Kronecker's.

>>> import sympy as sp
>>> i, j, k = sp.symbols("i j k", real=True)
>>> unit_vector_components(60 * i - 162 * j + k, 3)
(60, -162, 1)
>>> s1, s2 = sp.symbols("s_1 s_2", real=True)
>>> written_out(sp.Symbol("s_i", real=True) * (sp.Symbol("delta_ij", real=True) - sp.Symbol("s_j", real=True)), (2, 2))
(s_1*(1 - s_1), -s_1*s_2, -s_1*s_2, s_2*(1 - s_2))
"""

from __future__ import annotations

import itertools
import re

import sympy as sp

UNITS = ("i", "j", "k")
INDICES = ("i", "j", "k", "l")      # letters that index entries: s_i, y_k, δ_kj
KRONECKER = ("delta", "I")          # δ_kj, and I_kj of the identity matrix (Bishop's y_k(I_kj − y_j))
SOFTMAX = "softmaxof"               # softmax(o)_j, an entry of a function's value, read as the name softmaxofo_j
# softmax(o)_j, \mathrm{softmax}(o)_{j}: the j-th entry of softmax of the vector o
SOFTMAX_ENTRY = re.compile(r"\bsoftmax\s*\(\s*([A-Za-z]\w*)\s*\)\s*_\s*\{?\s*([A-Za-z]|\d+)\s*\}?")


# diag(s) − s sᵀ, the softmax's Jacobian as a matrix (sᵀ as the reader writes it, s^(T) or s^T): diag(v) is the
# matrix of entries v_i δ_ij, an outer product v wᵀ the matrix of entries v_i w_j
DIAG = re.compile(r"\bdiag\s*\(\s*([A-Za-z])\s*\)")
OUTER = re.compile(r"(?<![\w)])([A-Za-z])\s*\*?\s*([A-Za-z])\s*\^\s*(?:\(\s*T\s*\)|T(?![\w(]))")


def diagonal_forms(text: str) -> str:
    """A matrix written with diag(v) and outer products v wᵀ of vectors (letters), as the formula of its entry (i, j):
    diag(s) − ssᵀ as (s_i*delta_ij) − (s_i*s_j), for ``written_out``; any other text as it is.

    >>> diagonal_forms("diag(s) - ss^(T)"), diagonal_forms("diag (p) - p p^T")
    ('(s_i*delta_ij) - (s_i*s_j)', '(p_i*delta_ij) - (p_i*p_j)')
    """
    if not DIAG.search(text):
        return text
    return OUTER.sub(r"(\1_i*\2_j)", DIAG.sub(r"(\1_i*delta_ij)", text))


def softmax_entries(text: str) -> str:
    """An entry of softmax of a vector, softmax(o)_j, as one name the reader keeps (softmaxofo_j), for
    ``written_out`` and ``softmax_values`` to put in e^(o_j)/Σ_m e^(o_m); an entry of the one-hot vector of class c,
    onehot(c)_j, as Kronecker's δ_cj (1 or 0 where j is a number).

    >>> softmax_entries("softmax(y)_j - onehot(1)_j"), softmax_entries("softmax(y)_2 - onehot(1)_2")
    ('softmaxofy_j- delta_1j', 'softmaxofy_2- 0')
    """
    text = ONEHOT_ENTRY.sub(lambda m: str(int(m[1] == m[2])) if m[2].isdigit() else f"delta_{m[1]}{m[2]}", text)
    return SOFTMAX_ENTRY.sub(rf"{SOFTMAX}\1_\2", text)


# onehot(1)_j, \mathrm{onehot}(1)_{j}: the j-th entry of the one-hot vector of class 1
ONEHOT_ENTRY = re.compile(r"\bonehot\s*\(\s*(\d+)\s*\)\s*_\s*\{?\s*([A-Za-z]|\d+)\s*\}?")


# softmax(y), onehot(1) and e_1 (the unit vector of class 1) without an index: whole vectors
WHOLE_SOFTMAX = re.compile(r"\bsoftmax\s*\(\s*([A-Za-z]\w*)\s*\)(?!\s*_)")
WHOLE_ONEHOT = re.compile(r"\bonehot\s*\(\s*(\d+)\s*\)(?!\s*_)")
UNIT_VECTOR = re.compile(r"(?<![\w\\])e\s*(?:_\s*\{?\s*(\d+)\s*\}?|(\d+))(?!\w)")
ENTRY_INDEX = re.compile(r"_\s*\{?\s*[ijkl]{1,2}(?![A-Za-z])")


def whole_vectors(text: str, vectors=frozenset()) -> str:
    """A softmax vector written whole, s − onehot(1), softmax(y) − e_1, as the formula of its entry j (s_j −
    onehot(1)_j), for ``softmax_entries`` and ``written_out``: softmax(v), onehot(c) and the unit vector e_c without
    an index, and beside them each bare letter of ``vectors`` (the s of the problem's s_1, s_2, …), as in a formula of
    two or more of those letters alone (s − y); any other text (an entry formula already, 2x) as it is.

    >>> whole_vectors("s - onehot(1)", {"s", "y"}), whole_vectors("softmax(y) - e_2", {"s", "y"})
    ('s_j - onehot(1)_j', 'softmax(y)_j - onehot(2)_j')
    >>> whole_vectors("s - y", {"s", "y"}), whole_vectors("2x", {"x"}), whole_vectors("s_j - e_1", {"s"})
    ('s_j - y_j', '2x', 's_j - e_1')
    """
    units = "e" not in vectors and UNIT_VECTOR.search(text)
    words = set(re.findall(r"[A-Za-z_]\w*", text))
    letters = len(words) > 1 and words <= set(vectors)                # s − y: vectors alone
    if not (WHOLE_SOFTMAX.search(text) or WHOLE_ONEHOT.search(text) or units or letters) or ENTRY_INDEX.search(text):
        return text
    index = next(letter for letter in ("j", "k", "l", "i") if letter not in vectors)      # j, as the course writes it

    def entry(match):                                   # s as s_j, not the y of softmax(y)
        inside = re.search(r"softmax\s*\(\s*$", text[:match.start()])
        return match[0] if inside else f"{match[1]}_{index}"
    if vectors:
        text = re.sub(rf"(?<![\w\\])({'|'.join(map(re.escape, sorted(vectors)))})(?![\w(])(?!\s*_)", entry, text)
    text = WHOLE_ONEHOT.sub(rf"onehot(\1)_{index}", WHOLE_SOFTMAX.sub(rf"softmax(\1)_{index}", text))
    return UNIT_VECTOR.sub(lambda m: f"onehot({m[1] or m[2]})_{index}", text) if units else text


def onehot_label(text: str, letter: str, label: int) -> str:
    """The one-hot label ``letter`` of class ``label`` in an answer (y of p − y): y as onehot(c), y_j as onehot(c)_j,
    y_2 as its entry, 1 or 0.

    >>> onehot_label("p - y", "y", 2), onehot_label("p_j - y_j", "y", 2), onehot_label("p_2 - y_2", "y", 2)
    ('p - onehot(2)', 'p_j - onehot(2)_j', 'p_2 - (1)')
    """
    name = rf"(?<![\w\\]){re.escape(letter)}"
    text = re.sub(rf"{name}\s*_\s*\{{?\s*(\d+)\s*\}}?", lambda m: f"({int(int(m[1]) == label)})", text)
    text = re.sub(rf"{name}\s*_\s*\{{?\s*([ijkl])\s*\}}?(?!\w)", rf"onehot({label})_\1", text)
    return re.sub(rf"{name}(?![\w(_])", f"onehot({label})", text)


def softmax_sizes(value, names) -> object:
    """softmax(o)_k of a value written out over o_1, o_2, …, as many as ``names`` has (the names a problem knows).

    >>> import sympy as sp
    >>> softmax_sizes(sp.Symbol("softmaxofy_1") - 1, {"y_1", "y_2"})
    -1 + exp(y_1)/(exp(y_1) + exp(y_2))
    """
    vectors = {m[1] for s in value.free_symbols for m in [re.fullmatch(rf"{SOFTMAX}([A-Za-z]\w*)_\d+", s.name)] if m}
    for vector in vectors:
        size = next(k for k in range(1, len(names) + 2) if f"{vector}_{k}" not in names) - 1
        value = softmax_values(value, size) if size else value
    return value


def unit_vector_components(value, length: int):
    """(a, b, c) of a·i + b·j + c·k, or None when the value is not such a sum."""
    if length not in (2, 3) or not isinstance(value, sp.Expr) or not value.free_symbols:
        return None
    units = [sp.Symbol(name, real=True) for name in UNITS[:length]]
    if not value.free_symbols <= set(units) or not value.is_polynomial(*units) or sp.Poly(value, *units).total_degree() > 1:
        return None
    polynomial = sp.Poly(value, *units)
    if polynomial.coeff_monomial(1) != 0:
        return None
    return tuple(polynomial.coeff_monomial(unit) for unit in units)


def has_indices(value) -> bool:
    """Some name carries an index letter (i, j, k, l) in its subscript: s_i, y_j, δ_ij, I_kj."""
    return isinstance(value, sp.Expr) and any(_subscript(s) and set(_subscript(s)) <= set(INDICES)
                                              for s in value.free_symbols)


def index_letters(value, axes: int) -> tuple | None:
    """The letters of the entry formula's row and column (``axes`` = 2: those of its Kronecker delta, k and j of
    I_kj, else i and j), or of a vector's one index (j of softmax(o)_j − y_j); None when they are not clear."""
    used = {letter for s in value.free_symbols for letter in _subscript(s) if set(_subscript(s)) <= set(INDICES)}
    if axes == 1:
        return tuple(used) if len(used) == 1 else None
    deltas = {_subscript(s) for s in value.free_symbols if s.name.split("_")[0] in KRONECKER and len(_subscript(s)) == 2}
    letters = tuple(deltas.pop()) if len(deltas) == 1 else ("i", "j")
    return letters if used <= set(letters) and letters[0] != letters[1] else None


def written_out(value, shape):
    """The entries of a matrix (row by row) or a vector whose entry formula is value, the row and column letters
    as ``index_letters`` finds them (i the row, j the column by default); None when the letters are not clear."""
    letters = index_letters(value, len(shape))
    if letters is None:
        return None
    entries = []
    for place in itertools.product(*(range(1, size + 1) for size in shape)):
        numbers = dict(zip(letters, map(str, place)))
        renames = {}
        for symbol in value.free_symbols:
            fixed = _fixed_kronecker(symbol)          # δ_1j: 1 at j = 1, else 0
            if fixed and fixed[1] in numbers:
                renames[symbol] = sp.Integer(1 if numbers[fixed[1]] == fixed[0] else 0)
            subscript = _subscript(symbol)
            if subscript and set(subscript) <= set(letters):
                base = symbol.name.split("_")[0]
                indices = "".join(numbers[letter] for letter in subscript)
                renames[symbol] = _kronecker(indices) if base in KRONECKER else sp.Symbol(f"{base}_{indices}", real=True)
        entries.append(softmax_values(value.xreplace(renames), shape[-1]))
    return tuple(entries)


def softmax_values(value, size: int):
    """softmaxofo_2, the 2nd entry of softmax(o), as e^(o_2)/(e^(o_1) + … + e^(o_size))."""
    def entry(symbol):
        vector, index = symbol.name[len(SOFTMAX):].rsplit("_", 1)
        terms = [sp.exp(sp.Symbol(f"{vector}_{m}", real=True)) for m in range(1, size + 1)]
        return sp.exp(sp.Symbol(f"{vector}_{index}", real=True)) / sp.Add(*terms)
    return value.xreplace({s: entry(s) for s in value.free_symbols if re.fullmatch(rf"{SOFTMAX}[A-Za-z]\w*_\d+", s.name)})


def _kronecker(indices: str):
    return sp.Integer(1) if len(indices) == 2 and indices[0] == indices[1] else sp.Integer(0)


def _fixed_kronecker(symbol) -> tuple[str, str] | None:
    """(the number, the letter) of a Kronecker delta with one index fixed, δ_1j or δ_j1 (the one-hot vector of
    class 1, y_j = δ_1j); None for any other name."""
    match = re.fullmatch(rf"(?:{'|'.join(KRONECKER)})_(?:(\d+)([A-Za-z])|([A-Za-z])(\d+))", symbol.name)
    return (match[1] or match[4], match[2] or match[3]) if match else None


def _subscript(symbol) -> str:
    match = re.fullmatch(r"[A-Za-z]+_([A-Za-z]+)", symbol.name)
    return match[1] if match else ""
