"""The gradient of a scalar function of matrices and vectors, in the book's letters, as a teacher derives it.

A problem gives a function such as f = ½‖Ax − b‖², the shapes of its letters with named sizes
(A: m×n, x: n, b: m) and the vector x (or the matrix W) it is differentiated by. The derivation:

1. a norm is written as a product, ‖v‖² = vᵀv, and a transpose is taken inside, (Ax − b)ᵀ = xᵀAᵀ − bᵀ;
2. the products are expanded into a sum of terms, each a number (1×1): ½xᵀAᵀAx − ½xᵀAᵀb − ½bᵀAx + ½bᵀb;
3. a term equals its transpose (a number does), so xᵀAᵀb = bᵀAx, and equal terms are collected;
4. each term is differentiated by an identity: a term without x gives 0, ∇ₓ(aᵀx) = ∇ₓ(xᵀa) = a,
   ∇ₓ(xᵀMx) = (M + Mᵀ)x (2Mx when M = Mᵀ, as AᵀA is); any other term by the product rule, one use of x
   at a time: c·L x R gives c·LᵀRᵀ and c·L xᵀ R gives c·R·Lᵀ (L, R the factors on either side);
5. the gradients are added and a common factor is taken out: AᵀAx − Aᵀb = Aᵀ(Ax − b).

Every sum is written in the order of the function's terms as given: ½‖Ax − b‖² + (λ/2)‖x‖² gives
Aᵀ(Ax − b) + λx, the terms that come from ½‖Ax − b‖² first (``order``).

By a matrix W the same steps hold with traces: ‖V‖²_F = tr(VᵀV), a trace is linear, equal to the trace of the
transpose and unchanged when a factor moves from the front to the back, so tr(WᵀXᵀY) = tr(YᵀXW) is collected; the
identities are ∇_W(aᵀWb) = abᵀ, ∇_W tr(AW) = Aᵀ, ∇_W tr(WᵀMW) = (M + Mᵀ)W and ∇_W tr(WMWᵀ) = W(M + Mᵀ)
(``nn.matrix_terms``): ½‖XW − Y‖²_F gives Xᵀ(XW − Y).

The result is checked against the scalar form: the letters become matrices of symbols of small sizes and
f is differentiated entry by entry with ``sympy.diff`` (``nn.matrix_algebra``).

>>> run = expanded_gradient("1/2*norm(A*x - b)^2", "x", {"A": "m x n", "x": "n", "b": "m"})
>>> run.answer, run.holds
(Aᵀ*(A*x - b), True)
>>> expanded_gradient("1/2*norm(X*W - Y)_F^2", "W", {"X": "m x n", "W": "n x k", "Y": "m x k"}).answer
Xᵀ*(X*W - Y)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from ..calculus.display import RichDisplay
from ..calculus.equal import equal
from ..calculus.parse import SCALAR_NAMES, parse_expr_safe
from ..calculus.transpose import MARK, Determinant, Letter, Trace
from .matrix_algebra import ShapeMismatch, concrete, shape_of, sizes_of, symbol_matrices
from .matrix_entrywise import entrywise_functions, entrywise_sum, entrywise_term, top_terms
from .matrix_jacobian import jacobian_term
from .matrix_shapes import of_determinant, read_shapes
from .matrix_terms import IDENTITY, Term, canonical, parts, product_parts, term_of, uses


@dataclass(frozen=True)
class ExpandedGradient(RichDisplay):
    """∇_wrt f: the function, its products written out, its terms, each term's gradient, their sum, the answer."""

    name: sp.Symbol              # f, or the problem's answer_name
    function: sp.Expr            # as given, a norm written as a product
    expanded: sp.Expr            # the sum of terms, before equal terms are collected
    collected: sp.Expr           # the terms, each number written with wrt last where it can be (bᵀAx for xᵀAᵀb)
    terms: tuple[Term, ...]
    wrt: Letter
    shapes: tuple                # (letter, (rows, columns)) of the given letters
    total: sp.Expr               # the sum of the terms' gradients, collected
    answer: sp.Expr              # with a common factor taken out
    sizes: tuple                 # (named size, the number of the check)
    holds: bool                  # the answer equals the scalar form's gradient, entry by entry
    given: sp.Expr = None        # the function as given, each norm a letter of ``norms``, each (v)ᵀ one of ``turned``
    norms: tuple = ()            # (that letter, v) of each ‖v‖²
    symmetric: tuple = ()        # the letters given as symmetric matrices, Aᵀ = A
    frobenius: tuple = ()        # the letters of ``norms`` whose v is a matrix: ‖V‖²_F = tr(VᵀV)
    by_matrix: bool = False      # wrt is a matrix W: terms are traces too, ∇_W tr(AW) = Aᵀ
    turned: tuple = ()           # (that letter, v) of each transposed sum or product (x − μ)ᵀ, as given
    order: tuple = ()            # the terms of total and of answer, each in the order of the given terms they come from
    jacobian: str = ""           # "column" or "row": f is a vector, the answer its Jacobian df/dx (numerator layout)
    entrywise: tuple = ()        # (the entries of the terms' gradients added as numbers, their simple form): −y(1 − σ) + (1 − y)σ = σ − y


NAMED = r"_\s*\{?\s*[F2]\s*\}?"          # the norm named, ‖V‖_F or ‖v‖_2


def _closing(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise ValueError(f"expr: a bracket is not closed in {text!r}")


def as_products(text: str, mark: str = "") -> tuple[str, list]:
    """The function's text with norm(v)^2 written tr(transpose(v)*(v)) (or, with ``mark``, the letter mark0q, mark1q, …),
    v^T as transpose(v) and trace(P) as tr(P); (text, the texts v of the norms). The trace of vᵀv, a number for a
    vector v, is vᵀv (``_read``); for a matrix V it is ‖V‖²_F, the sum of the squares of its entries."""
    had = []
    text = re.sub(r"(\|\||‖)(.+?)\1", r"norm(\2)", text.replace("²", "^2"))         # ||v||^2 and ‖v‖^2 as norm(v)^2
    while (start := text.find("norm(")) >= 0:
        end = _closing(text, start + 4)
        power = re.match(rf"\s*({NAMED})?\s*(\^|\*\*)\s*2\s*({NAMED})?", text[end + 1:])     # ‖V‖_F^2, ‖V‖^2_F as well
        if not power:
            raise ValueError("expr: a norm is taken squared here, norm(v)^2 = vᵀv")
        inner = text[start + 5:end]
        written = f"{mark}{len(had)}q" if mark else f"tr(transpose({inner})*({inner}))"
        text = f"{text[:start]}{written}{text[end + 1 + power.end():]}"
        had.append(inner)
    text = re.sub(r"\btrace\s*\(", "tr(", text)
    text = re.sub(r"(\b[A-Za-z]\w*)\s*(\^|\*\*)\s*T\b", r"transpose(\1)", text)
    while (mark := re.search(r"\)\s*(\^|\*\*)\s*T\b", text)):
        depth, i = 0, mark.start()
        while True:                       # the bracket this one closes
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                break
            i -= 1
        text = f"{text[:i]}transpose{text[i:mark.start() + 1]}{text[mark.end():]}"
    return text, had


def marked_transposes(text: str) -> tuple[str, list]:
    """The text with each transpose(v) of a sum or a product v (not a letter, no norm in it) as the letter
    Turned0q, Turned1q, …, so that the function is shown as given, (x − μ)ᵀS(x − μ); (text, the texts v)."""
    turned, start = [], 0
    while (start := text.find("transpose(", start)) >= 0:
        end = _closing(text, start + 9)
        inner = text[start + 10:end]
        if re.fullmatch(r"\s*\w+\s*", inner) or "Norm" in inner or "transpose(" in inner:
            start = end
            continue
        text = f"{text[:start]}Turned{len(turned)}q{text[end + 1:]}"
        turned.append(inner)
    return text, turned


def _read(text: str, shapes: dict):
    """The function with its letters as Letters (a letter of shape 1×1 and a Greek name are numbers) and tr(P) as
    a Trace: of a square P; of a 1×1 P, P itself."""
    greek = [name for name, shape in shapes.items() if name in SCALAR_NAMES and shape != ("1", "1")]
    for i, name in enumerate(greek):                      # μ of (x − μ) given a shape: a vector, not a scalar
        text = re.sub(rf"(?<!\w){name}(?!\w)", f"Vector{i}q", text)
    try:
        expr = parse_expr_safe(text, ("tr", "det"), matrices=True)
    except ValueError as error:                           # an unknown function such as exp of a matrix: said of expr
        raise ValueError(f"expr: {error}") from error
    expr = expr.xreplace({s: Letter(greek[int(s.name[6:s.name.index("q")])] + s.name[s.name.index("q") + 1:])
                          for s in expr.free_symbols if s.name.startswith("Vector")})
    letters = {}
    for s in expr.free_symbols:
        base = s.name.removesuffix(MARK)
        if shapes.get(base, ("1", "1")) == ("1", "1") and (s.is_commutative or base in shapes):
            letters[s] = sp.Symbol(base, real=True)
        elif base not in shapes:
            raise ValueError(f"shapes: the letter {base} of expr has no shape; give it one ({base} = \"n\", "
                             f"\"m x n\", or \"1\" for a number)")
        else:
            letters[s] = Letter(s.name)
    expr = expr.xreplace(letters)
    expr = expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ == "det", lambda e: _determinant(e.args[0], shapes))
    inside = [f for f in expr.atoms(sp.Function) if any(not a.is_commutative for a in f.args)
              and not (isinstance(f, AppliedUndef) and f.func.__name__ == "tr") and not isinstance(f, Determinant)
              and not _of_a_vector(f, shapes)]
    if inside:                                            # σ(aᵀWb): not a sum of products, norms and traces
        raise ValueError(f"expr: {inside[0]} is a function of matrices; a function here is a sum of products of the "
                         f"letters, their norms squared and their traces")
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ == "tr", lambda e: _trace(e.args[0], shapes))


def _of_a_vector(function, shapes) -> bool:
    """A function applied entry by entry to a column vector (σ(Xw)): the book's vector function (``nn.matrix_entrywise``)."""
    try:
        shape = shape_of(function.args[0], shapes) if len(function.args) == 1 else None
    except (ShapeMismatch, ValueError):
        return False
    return shape is not None and shape[1] == "1" and shape[0] != "1"


def _determinant(inner, shapes):
    """det X of a square letter X (det Xᵀ = det X); of a product, refused (det(AB) = det A·det B is the book's to write)."""
    shape = shape_of(inner, shapes)
    if not isinstance(inner, Letter) or shape is None or shape[0] != shape[1] or shape == ("1", "1"):
        raise ValueError(f"expr: det({inner}) is not the determinant of a square matrix letter of shapes")
    return Determinant(Letter(inner.name.removesuffix(MARK)))


def _trace(inner, shapes):
    shape = shape_of(inner, shapes)
    if shape is None or shape == ("1", "1"):
        return inner
    if shape[0] != shape[1]:
        raise ValueError(f"expr: tr({inner}) is the trace of a {'×'.join(shape)} matrix, which is not square")
    return Trace(inner)


def summands(text: str) -> list[str]:
    """The texts of the terms of a sum, in the order written, each with its sign: "a*x - b + c" as
    ["a*x", "- b", "+ c"] (a sign after ``*``, ``/``, ``^``, another sign or in 1e-3 is not between two terms).

    >>> summands("1/2*norm(A*x - b)^2 + 1e-3*norm(x)^2 - c^T*x")
    ['1/2*norm(A*x - b)^2 ', '+ 1e-3*norm(x)^2 ', '- c^T*x']
    """
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        before = text[:i].rstrip()
        if char in "+-" and depth == 0 and before and before[-1] not in "*/^(,+-" and not re.search(r"(?<![\w.])[\d.]+[eE]$", before):
            parts.append(text[start:i])
            start = i
    return [part for part in parts + [text[start:]] if part.strip()]


def _key(term):
    """A term without its number: the terms of one product of letters, whatever their numbers (½xᵀx, λxᵀx)."""
    number, factors, traced = parts(term)
    return (tuple(factors), traced) if factors else (term,)


def _places(sources, key=_key) -> dict:
    """Each term's place, the first of ``sources`` (each a sum, in order) that has a term like it."""
    places = {}
    for place, source in enumerate(sources):
        for term in sp.Add.make_args(sp.expand(source)):
            places.setdefault(key(term), place)
    return places


def _place(term, places: dict) -> int:
    """The place of a term, the first place of its expanded terms (Aᵀ(Ax − b): that of AᵀAx)."""
    return min((places.get(_key(t), len(places)) for t in sp.Add.make_args(sp.expand(term))), default=0)


def _in_order(total, x, places=None):
    """The terms as a teacher writes them: in the order of the given terms they come from, and of one given term
    those with more uses of x first (xᵀAᵀAx, then bᵀAx, then bᵀb), kept so."""
    return sp.Add(*sorted(sp.Add.make_args(total), key=lambda t: (_place(t, places or {}), -uses(t, x))), evaluate=False)


def _stated_order(total, x, places) -> tuple:
    """The terms of ``total`` in the order of the given terms, a plus term first of each; () when they come from
    one given term (then a sum is written as any other)."""
    terms = sp.Add.make_args(total)
    if len({_place(t, places) for t in terms}) < 2:
        return ()
    return tuple(sorted(terms, key=lambda t: (_place(t, places), -uses(t, x), t.could_extract_minus_sign())))


def factored(total):
    """A common factor of every term taken out, to the left (AᵀAx − Aᵀb = Aᵀ(Ax − b)) or else to the right
    (Ax + Aᵀx = (A + Aᵀ)x, w + 2λw = (1 + 2λ)w); the numbers' common factor with it (2Xᵀ(Xw − y))."""
    terms = sp.Add.make_args(total)
    if len(terms) < 2:
        return total
    parts = [product_parts(t) for t in terms]
    numbers = [n for n, _ in parts]
    common = sp.gcd_list(numbers)                        # 2 of 2XᵀXw − 2Xᵀy, 1/m of XᵀXw/m − Xᵀy/m
    common = -common if all(n.could_extract_minus_sign() for n in numbers) else common
    if all(len(f) >= 2 for _, f in parts) and len({f[0] for _, f in parts}) == 1:
        first = parts[0][1][0]
        return common * first * factored(sp.Add(*(n / common * sp.Mul(*f[1:]) for n, f in parts)))
    # not Ax + x = (A + 1)x: what is left of each term is a matrix in all of them, or a number in all
    if all(f for _, f in parts) and len({f[-1] for _, f in parts}) == 1 and len({len(f) > 1 for _, f in parts}) == 1:
        last = parts[0][1][-1]
        return common * factored(sp.Add(*(n / common * sp.Mul(*f[:-1]) for n, f in parts))) * last
    groups = {}                          # Sx − Sμ + Sᵀx − Sᵀμ: each first factor with what follows it
    for number, factors in parts:
        if len(factors) >= 2:
            groups[factors[0]] = groups.get(factors[0], 0) + number * sp.Mul(*factors[1:])
    if len(groups) > 1 and sum(len(sp.Add.make_args(rest)) for rest in groups.values()) == len(terms) \
            and len({sp.expand(rest) for rest in groups.values()}) == 1:       # the same for each: (S + Sᵀ)(x − μ)
        return common * sp.Add(*groups) * factored(sp.expand(next(iter(groups.values())) / common))
    shared = [first for first in groups if len(sp.Add.make_args(groups[first])) > 1]
    if shared:                           # XᵀXW − XᵀY + λW: the terms of one first factor, Xᵀ(XW − Y) + λW
        first = max(shared, key=lambda f: len(sp.Add.make_args(groups[f])))
        rest = [t for t, (_, factors) in zip(terms, parts) if len(factors) < 2 or factors[0] != first]
        # the sum of those terms factored as a whole: XᵀXw/n − Xᵀy/n = (1/n)Xᵀ(Xw − y), its number out too
        return factored(sp.Add(*(t for t in terms if t not in rest))) + sp.Add(*rest)
    return total


def expanded_gradient(expr: str, wrt: str, shapes: dict, name: str = "f", symmetric=()) -> ExpandedGradient:
    """∇_wrt of the scalar function ``expr`` (text: products, sums, transpose(v) or v^T, norm(v)^2, numbers
    and Greek scalars) of letters of ``shapes``, derived term by term and checked against the scalar form;
    the letters of ``symmetric`` are symmetric matrices, Aᵀ = A."""
    read = read_shapes(shapes)
    for letter in symmetric:
        if letter not in read or read[letter][0] != read[letter][1] or read[letter] == ("1", "1"):
            raise ValueError(f"symmetric: {letter} is not a square matrix of shapes")
    mirror = {Letter(letter + MARK): Letter(letter) for letter in symmetric}
    if wrt not in read or read[wrt] == ("1", "1") or (wrt in symmetric and not of_determinant(expr, wrt)):
        raise ValueError(f"wrt: {wrt} is not a vector or a matrix of shapes (give it a shape, {wrt} = \"n\" for a vector or "
                         f"\"m x n\" for a matrix; not one of symmetric)")
    by_matrix = read[wrt][1] != "1"
    text, inners = as_products(expr)
    try:
        function = _read(text, read).xreplace(mirror)
        shape = shape_of(function, read)
    except ShapeMismatch as error:
        raise ValueError(f"expr: {error} do not fit, with the sizes of shapes") from error
    marked, turned = marked_transposes(as_products(expr, "Norm")[0])
    turned = tuple((Letter(f"Turned{i}q"), _read(inner, read).xreplace(mirror)) for i, inner in enumerate(turned))
    norms = tuple((Letter(f"Norm{i}q"), _read(as_products(inner)[0], read).xreplace(mirror)) for i, inner in enumerate(inners))
    marks = {**{str(letter): ("1", "1") for letter, _ in norms},
             **{str(letter): tuple(reversed(shape_of(inner, read) or ("1", "1"))) for letter, inner in turned}}
    lettered = {**mirror, **{sp.Symbol(str(letter), real=True): letter for letter, _ in norms + turned}}
    given = sp.Add(*(_read(part, {**read, **marks}).xreplace(lettered) for part in summands(marked)), evaluate=False)
    frobenius = tuple(letter for letter, inner in norms if shape_of(inner, read) not in (None, ("1", "1")) and
                      shape_of(inner, read)[1] != "1")
    x = Letter(wrt)
    if shape not in (None, ("1", "1")) and "1" in shape and not by_matrix:     # a vector f: its Jacobian df/dx
        return _jacobian(name, function, x, read, given, shape[0] == "1")
    if shape not in (None, ("1", "1")):
        raise ValueError(f"expr: {expr} is not a number or a vector but a {'×'.join(shape)} matrix")
    given_terms = [_read(part, read).xreplace(mirror) for part in summands(text)]       # as given, in order
    if entrywise_functions(function):                 # uᵀg(Mx), g entry by entry: the chain rule (nn.matrix_entrywise)
        return _entrywise(name, function, x, read, given, norms, symmetric, turned)
    places = _places(given_terms)
    expanded = _in_order(sp.expand(function), x, places)
    collecting = {_key(canonical(t, x, mirror, by_matrix)): place for t, place in
                  ((t, places.get(_key(t), len(given_terms))) for t in sp.Add.make_args(expanded))}
    collected = _in_order(sp.Add(*(canonical(t, x, mirror, by_matrix) for t in sp.Add.make_args(expanded))), x, collecting)
    order = ("determinant", "quadratic", "trace-quadratic", "trace-quadratic-right", "product", "linear", "linear-right", "bilinear",
             "trace-linear", "constant")       # as a teacher writes them
    identity = None if IDENTITY.name in read else IDENTITY            # ∇_W tr(W) = I, unless I is a letter of shapes
    terms = tuple(sorted((term_of(t, x, mirror, by_matrix, identity) for t in sp.Add.make_args(collected)),
                         key=lambda t: (_place(t.term, collecting), order.index(t.identity))))
    total = sp.expand(sp.Add(*(t.gradient for t in terms)))
    answer = factored(total)
    by_term = {}                                     # each gradient's terms at the place of the term it is of
    for t in terms:
        for g in sp.Add.make_args(sp.expand(t.gradient)):
            by_term.setdefault(_key(g), _place(t.term, collecting))
    return ExpandedGradient(sp.Symbol(name), function, expanded, collected, terms, x,
                            tuple((Letter(n), s) for n, s in read.items() if s != ("1", "1")), total, answer,
                            tuple((n, v) for n, v in sizes_of(read).items() if n != "1"),
                            _holds(function, answer, x, read, symmetric), given, norms, tuple(symmetric), frobenius, by_matrix,
                            turned, tuple(filter(None, (_stated_order(total, x, by_term), _stated_order(answer, x, by_term)))))


def _jacobian(name, function, x, read, given, row: bool) -> ExpandedGradient:
    """df/dx of a linear vector function, in the numerator layout (``nn.matrix_jacobian``)."""
    terms = tuple(jacobian_term(t, x, row) for t in sp.Add.make_args(sp.expand(function)))
    total = sp.expand(sp.Add(*(t.gradient for t in terms)))
    answer = factored(total)
    return ExpandedGradient(sp.Symbol(name), function, sp.expand(function), sp.expand(function), terms, x,
                            tuple((Letter(n), s) for n, s in read.items() if s != ("1", "1")), total, answer,
                            tuple((n, v) for n, v in sizes_of(read).items() if n != "1"),
                            _jacobian_holds(function, answer, x, read, row), given, jacobian="row" if row else "column")


def _jacobian_holds(function, answer, x, shapes, row: bool) -> bool:
    """The answer's entry (i, j) is ∂fᵢ/∂xⱼ of the function written entry by entry."""
    values = symbol_matrices({n: s for n, s in shapes.items() if s != ("1", "1")})
    values.setdefault(IDENTITY.name, sp.eye(values[x.name].rows))
    f, formula = concrete(function, values), concrete(answer, values)
    f = f.T if row else f
    entries = list(values[x.name])
    return isinstance(formula, sp.MatrixBase) and formula.shape == (len(f), len(entries)) and \
        all(equal(sp.diff(f[i], e), formula[i, j]) for i in range(len(f)) for j, e in enumerate(entries))


def _entrywise(name, function, x, read, given, norms, symmetric, turned) -> ExpandedGradient:
    """The gradient of a sum of terms uᵀg(Mx), each by the chain rule entry by entry, added entry by entry."""
    terms = tuple(entrywise_term(t, x) for t in top_terms(function))
    total = sp.Add(*(t.gradient for t in terms), evaluate=False)
    summed = entrywise_sum(terms, x) if len(terms) > 1 else None
    answer = summed[2] if summed else terms[0].gradient if len(terms) == 1 else total
    return ExpandedGradient(sp.Symbol(name), function, function, function, terms, x,
                            tuple((Letter(n), s) for n, s in read.items() if s != ("1", "1")), total, answer,
                            tuple((n, v) for n, v in sizes_of(read).items() if n != "1"),
                            _holds(function, answer, x, read, symmetric), given, norms, tuple(symmetric), (), False, turned,
                            (tuple(t.gradient for t in terms),) if len(terms) > 1 else (), entrywise=summed[:2] if summed else ())


def _holds(function, answer, x, shapes, symmetric=()) -> bool:
    """The answer equals, entry by entry, the derivative of the scalar form by each entry of x."""
    values = symbol_matrices({n: s for n, s in shapes.items() if s != ("1", "1")}, symmetric)
    values.setdefault(IDENTITY.name, sp.eye(values[x.name].rows))         # I of ∇_W tr(W) = I, W square
    scalar = concrete(function, values)
    scalar = scalar[0, 0] if isinstance(scalar, sp.MatrixBase) else scalar
    formula = concrete(answer, values)
    formula = formula if isinstance(formula, sp.MatrixBase) else sp.Matrix([[formula]])
    entries, by_entry = values[x.name], {}
    for entry, value in zip(entries, formula):           # a symmetric x has one entry for x_ij and x_ji: the derivative
        by_entry[entry] = by_entry.get(entry, 0) + value  # by it is the sum of the gradient's two entries
    return formula.shape == entries.shape and all(equal(sp.diff(scalar, e), f) for e, f in by_entry.items())
