"""What the question says about its answer, applied before comparing: the names its statement
defines (f = σ(αx)) put in, and a vector's own names per component (f of each activation), the names
the answer must be written through, derivatives of a function it leaves unknown (∂L/∂w) named, a
vector or matrix written as one formula (60i − 162j + k, s_i(δ_ij − s_j)) written out, and whether a
step's value at its switch is a convention."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import sympy as sp

from ..calculus.transpose import MARK
from ..lang import LANGUAGES, phrase
from .compare import canonical_name
from .derivatives import spelled, unknown_derivatives
from .entries import has_indices, onehot_label, softmax_sizes, unit_vector_components, written_out
from .labels import components_of, part_groups, spoken_name
from .reference import BadReference, read_reference


def prepared(ref, text: str, known: set, options):
    """(reference, answer text, names known, the names' formulas) with the question applied: ∂L/∂w of
    an unknown L named on both sides, the statement's names known (f(x) is its f) and put into the
    reference, so that both sides are in the problem's variables."""
    named_derivatives = unknown_derivatives(ref)
    if named_derivatives:
        known = known | set(named_derivatives)
        text = spelled(text, named_derivatives)
        ref = substituted_derivatives(ref, named_derivatives)
    if options.onehot:                                  # p − y of a one-hot label y: y is onehot(c)
        text = onehot_label(text, *options.onehot)
    names = definitions(options)
    named = options.names + tuple(pair for own in options.component_names for pair in own)
    known = known | {name for name, _ in named} | set(options.letters)     # the problem's letters: XᵀXW is Xᵀ·X·W
    known |= {s.name.removesuffix(MARK) for f in names.values() if isinstance(f, sp.Basic) for s in f.free_symbols}
    known = shown_letters(known, options)
    text = unhatted(text, known, options)
    for name in dict.fromkeys(name for name, _ in named):  # f(x) is the name f; so are σ(z), \sigma\left(z\right) of sigma
        written = "|".join(map(re.escape, spellings(name)))        # and F^2(x), F²(x) are F(x)², as sin²x is (sin x)²
        text = re.sub(rf"(?<![A-Za-z0-9_\\])({written})(\s*(?:\^\s*\{{?\s*\d+\s*\}}?|[²³]))?\s*(?:\\left\s*)?\(\s*[A-Za-z]\w*\s*"
                      r"(?:\\right\s*)?\)", r"\1\2", text)
    return (substituted(ref, names, options) if names else ref), text, known, names


def shown_letters(known: set, options) -> set:
    """The letters an answer is read in: the problem's own, each that the notation shows by another letter
    replaced by that one (y = "s", s = "p": the scores y_k are s_k, the outputs s_k are p_k, and y_k is none
    of them)."""
    own = {canonical_name(name, options.index_names) for _, name in options.renames}
    return {name for name in known if canonical_name(name, options.index_names) not in own} | \
        {shown for shown, _ in options.renames}


def unhatted(text: str, known: set, options) -> str:
    """A letter the notation shows, written with a hat as statements put it on an estimate (p̂_k, \\hat{p} of the
    outputs shown as p), read as that letter, unless the hatted letter is a name of the problem of its own."""
    for letter in dict.fromkeys(shown.split("_")[0] for shown, _ in options.renames):
        if re.fullmatch(r"[A-Za-z]", letter) and f"{letter}hat" not in known and f"{letter}_hat" not in known:
            text = re.sub(rf"\\(?:wide)?hat\s*(?:\{{\s*{letter}\s*\}}|{letter}(?![A-Za-z]))|{letter}\u0302", letter, text)
    return text


def renamed(value, options, back: bool = False):
    """A value read in the notation's letters put in the problem's own, all at once (a swap x ↔ y stays a
    swap): s_1 − y of notation = { y = "s", s = "p" } is y_1 − y; a matrix letter keeps its kind and its
    transpose (W and Wᵀ as W_2 and W_2ᵀ where the notation writes W_2 as W). ``back``: from the own letters
    to the shown ones, as a message says them."""
    if isinstance(value, tuple):
        return tuple(renamed(v, options, back) for v in value)
    if not options.renames or not isinstance(value, sp.Basic):
        return value
    pairs = [(name, shown) for shown, name in options.renames] if back else options.renames
    own = {canonical_name(shown, options.index_names): name for shown, name in pairs}
    swaps = {}
    for symbol in value.free_symbols:
        base = symbol.name.removesuffix(MARK)
        name = own.get(canonical_name(base, options.index_names))
        if name is not None:
            swaps[symbol] = type(symbol)(name + symbol.name[len(base):], **symbol.assumptions0)
    return value.xreplace(swaps)


def shown_names(options) -> tuple:
    """The problem's (name, formula) pairs as a message says them: a name the notation shows by another
    letter by that one (softmax's s_k as p_k where the notation writes s as p)."""
    shown = {canonical_name(name, options.index_names): letter for letter, name in options.renames}
    return tuple((shown.get(canonical_name(name, options.index_names), name), formula) for name, formula in options.names)


def aliased(text: str, options) -> str:
    """A letter the statement defines as a function (f = σ entry by entry) written as that function wherever
    it is applied: f(XW₁) and f′(XW₁) are σ(XW₁) and σ′(XW₁); a bare f is left as it is."""
    for letter, function in options.functions:
        text = re.sub(rf"(?<![\w\\]){re.escape(letter)}(?=\s*(?:'|′|\^\s*\{{?\s*'\s*\}}?)?\s*(?:\\left\s*)?\()",
                      function, text)
    return text


def spellings(name: str) -> list[str]:
    """How an answer writes a name: sigma also as \\sigma and σ."""
    try:
        letter = unicodedata.lookup(f"GREEK SMALL LETTER {name.upper()}")
    except KeyError:
        return [name]
    return [name, "\\" + name, letter]


def has_kink(*values) -> bool:
    """A step, a sign or a piecewise part: their value at the switch itself is a convention."""
    flat = [v for value in values for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, sp.Basic)]
    return any(v.has(sp.Heaviside, sp.Piecewise, sp.sign) for v in flat)


def substituted_derivatives(ref, named):
    names = {derivative: sp.Symbol(name, real=True) for name, derivative in named.items()}
    return tuple(r.xreplace(names) for r in ref) if isinstance(ref, tuple) else ref.xreplace(names)


def definitions(options) -> dict:
    """{canonical name: formula} of the names the problem's statement defines (f = σ(αx))."""
    try:
        matrices = options.by_vector is not None           # a matrix problem's a = XW: its letters are matrices
        return {canonical_name(name, options.index_names): read_reference(formula, matrices)[0] for name, formula in options.names}
    except BadReference as error:
        raise BadReference(f"a name of the problem cannot be read: {error}") from None


def defined(answer, definitions, options):
    """The answer with the problem's names replaced by what they stand for: αf(1 − f) is αf(1 − f) of f = σ(αx)."""
    if not definitions and not options.renames:
        return answer
    return replace(answer, value=in_own_letters(answer.value, definitions, options),
                   steps=tuple(in_own_letters(s, definitions, options) for s in answer.steps))


def in_own_letters(value, definitions, options):
    """A value of the answer in the problem's own letters: the notation's letters renamed, then the names
    the problem defines put in (p_1 is s_1, then e^(y_1)/Σ e^(y_m), of Géron's softmax)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int):     # a chain's side of one component
        return value[0], in_own_letters(value[1], definitions, options)
    if isinstance(value, tuple):
        return tuple(in_own_letters(v, definitions, options) for v in value)
    if isinstance(value, sp.Basic) and options.renames:      # softmax(z)_1 of the shown z_1, z_2, z_3, before z is renamed
        value = softmax_sizes(value, {shown for shown, _ in options.renames})
    value = renamed(value, options)
    return substituted(value, definitions, options) if definitions else value


def substituted(value, definitions, options):
    if isinstance(value, tuple):
        return tuple(substituted(v, definitions, options) for v in value)
    value = softmax_sizes(value, set(definitions) | {s.name for f in definitions.values() if isinstance(f, sp.Basic)
                                                     for s in f.free_symbols})      # softmax(z)_1 of z_1 = y_1 too
    letters = {s: _letter(s, definitions, options) for s in value.free_symbols if not s.is_commutative}
    return value.xreplace({s: letters.get(s) or definitions[canonical_name(s.name, options.index_names)]
                           for s in value.free_symbols
                           if letters.get(s) is not None or canonical_name(s.name, options.index_names) in definitions})


def _letter(symbol, definitions, options):
    """A matrix letter the statement names otherwise, as the problem's letter: W and Wᵀ as W_2 and W_2ᵀ where
    the notation writes W_2 as W; None for any other."""
    base = symbol.name.removesuffix(MARK)
    target = definitions.get(canonical_name(base, options.index_names))
    return sp.Symbol(target.name + symbol.name[len(base):], commutative=False) if isinstance(target, sp.Symbol) else None


def own_terms(ref, answer, options):
    """(reference, answer, own) with each component's own names put in on both sides, where the answer is a
    vector of the reference's length; ``own`` is (the reference as written, its components' formulas, the names
    each answer's component leaves out: ``unwritten``), or None, with both sides as they are."""
    lacking = unwritten(ref, answer.value, options)
    if not lacking:
        return ref, answer, None
    return in_own_terms(ref, options), own_terms_answer(answer, options), (ref, own_definitions(options, len(ref)), lacking)


def own_definitions(options, length: int = 0) -> tuple[dict, ...]:
    """Per component, {canonical name: formula} of its own names (``options.component_names``); at least
    ``length`` of them, the components past those the option names having none."""
    try:
        own = tuple({canonical_name(name, options.index_names): read_reference(formula)[0] for name, formula in names}
                    for names in options.component_names)
    except BadReference as error:
        raise BadReference(f"a name of a component cannot be read: {error}") from None
    return own + ({},) * (length - len(own))


def in_own_terms(value, options):
    """A vector with each component's own names put in (f of the tanh row is tanh x), so that a component written
    in x and one written through f compare alike; any other value (a number, a vector shorter than the names) as
    it is."""
    if not options.component_names or not isinstance(value, tuple) or len(value) < len(options.component_names):
        return value
    own = own_definitions(options, len(value))
    return tuple(substituted(v, names, options) if isinstance(v, sp.Basic) else v for v, names in zip(value, own))


def own_terms_answer(answer, options):
    """The answer with each component's own names put in: its value, and the sides of a chain it writes (a
    side of one component with that component's names)."""
    value = in_own_terms(answer.value, options)
    if value is answer.value:
        return answer
    own = own_definitions(options, len(value))
    steps = tuple((step[0], substituted(step[1], own[step[0]], options))
                  if isinstance(step, tuple) and len(step) == 2 and isinstance(step[0], int) else in_own_terms(step, options)
                  for step in answer.steps)
    return replace(answer, value=value, steps=steps)


def unwritten(ref, value, options) -> tuple[tuple[str, ...], ...]:
    """Per component, its own names that the expected answer is written through and the answer's component does
    not use: ('f',) for 1 − tanh²x where 1 − f² is expected; () where none is asked, or for a value that is not a
    vector of the reference's length."""
    if not (options.component_names and isinstance(ref, tuple) and isinstance(value, tuple) and len(value) == len(ref)):
        return ()

    def used(v) -> set:
        return {canonical_name(s.name, options.index_names) for s in v.free_symbols} if isinstance(v, sp.Basic) else set()
    own = options.component_names + ((),) * (len(ref) - len(options.component_names))
    return tuple(tuple(name for name, _ in names if canonical_name(name, options.index_names) in used(r) - used(v))
                 for r, v, names in zip(ref, value, own))


def through(value, options) -> bool:
    """The answer uses the names the question asks it to be written through (or none are asked); another
    name of the same formula counts too (σ for f, where the notation writes f as σ)."""
    if not options.through:
        return True
    values = value if isinstance(value, tuple) else (value,)
    used = {canonical_name(s.name, options.index_names) for v in values for s in v.free_symbols}
    formulas = {canonical_name(name, options.index_names): formula for name, formula in options.names}
    written = {formulas[name] for name in used if name in formulas}
    return all(canonical_name(name, options.index_names) in used
               or formulas.get(canonical_name(name, options.index_names)) in written for name in options.through)


def as_vector(answer, ref, shape, options=None):
    """A vector or matrix written as one formula: 60i − 162j + k, s_i(δ_ij − s_j) for every entry, or a
    line C + Dt in its variable ``options.line`` (t), for its slope and intercept in the answer's order
    (``options.line_order``), when the formula is one."""
    line = getattr(options, "line", None)
    pair = line_coefficients(answer.value, line) if line is not None and len(ref) == 2 else None
    if pair is not None:
        parts = dict(zip(("slope", "intercept"), pair))
        return replace(answer, value=tuple(parts[part] for part in options.line_order), decimals=(None, None))
    value = written_out(answer.value, shape or (len(ref),)) if has_indices(answer.value) else None
    if value is not None:                   # an entry's formula, in the names the problem defines (y_k of Bishop's s_k)
        value = in_own_letters(value, definitions(options), options) if options is not None else value
        return replace(answer, value=value, decimals=(None,) * len(value), shape=shape)
    components = unit_vector_components(answer.value, len(ref))
    if components is not None:
        return replace(answer, value=components, decimals=(None,) * len(components))
    return answer


def by_label(answer, options):
    """Components labelled with the names of the answer's components (C = 5, D = −3 of a line C + Dt; F'' = 2.4,
    F' = 0 of a directional derivative; w_1, w_2 as W = [3 1]), in any spelling of them (``answers.labels``), or
    the problem's variables (z = 1, x = 60, y = −162), in another order, put in the answer's order, with a
    note saying so; labels that are not those names, a note naming them; any other answer as it is."""
    if options.labels:
        return _by_names(answer, options)
    names = tuple(str(v) for v in options.variables)
    variables = [canonical_name(name, options.index_names) for name in names]
    labels = [_named_variable(re.sub(r"[\s{}_\\]", "", label), variables, options.index_names) for label in answer.labels]
    if not labels or labels == variables or sorted(labels) != sorted(variables):
        return answer
    return _reordered(answer, [labels.index(v) for v in variables], names)


def _by_names(answer, options):
    """``by_label`` by the names of ``options.labels``; a vector's entries under one name that is not one of
    them (∇F = (1, 2)) are read in the order written."""
    if not answer.is_vector or not answer.labels or len(answer.labels) != len(options.labels):
        return answer
    found = components_of(answer.labels, options)
    runs = part_groups(options)               # a method's point once by its name (Momentum), not as x (Momentum), y (Momentum)
    names = tuple(name for name, _ in runs) if runs else tuple(spoken_name(entry, options.lang) for entry in options.labels)
    # a label naming nothing: a part's (Q = 1), or a group's (Adamax: (0.9, 0.9), read Adamax#1, Adamax#2) said once
    unknown = list(dict.fromkeys(label.split("#")[0] for label, index in zip(answer.labels, found) if index is None))
    if unknown:
        return replace(answer, notes=answer.notes + (("note.unknown labels", {
            "labels": ", ".join(unknown), "names": ", ".join(names)}),))
    if None in found or sorted(found) != list(range(len(found))) or found == sorted(found):
        return answer
    return _reordered(answer, [found.index(k) for k in range(len(found))], names)


def _reordered(answer, order, names):
    note = ("note.labels", {"order": ", ".join(names)})
    steps = tuple((order.index(step[0]), step[1]) if isinstance(step, tuple) and isinstance(step[0], int) else step
                  for step in answer.steps)
    return replace(answer, value=tuple(answer.value[k] for k in order), decimals=tuple(answer.decimals[k] for k in order),
                   steps=steps, labels=tuple(answer.labels[k] for k in order), notes=answer.notes + (note,))


# a derivative that names its variable: f_x(1, 1), ∂f/∂x, df/dx, \frac{\partial f}{\partial x} (read without
# braces, backslashes and underscores: fx(1,1), fracpartialfpartialx), the point it is taken at left out
_DERIVATIVE_LABEL = re.compile(r"(?:(?:frac)?(?:partial|∂|d)[A-Za-z](?:/d|/∂|/|partial|∂|d)|[A-Za-z]_?)(?P<var>.+?)(?:\(.*\))?")


def _named_variable(label: str, variables: list, index_names: bool = True) -> str:
    """The variable a label names: itself, or the one a derivative label differentiates by (f_x is x)."""
    name = canonical_name(label, index_names)
    if name in variables:
        return name
    match = _DERIVATIVE_LABEL.fullmatch(label)
    found = canonical_name(match["var"], index_names) if match else None
    return found if found in variables else name


def line_coefficients(value, line: str):
    """(slope, intercept) of 5 − 3t in t, or None unless the formula is a polynomial of degree 1 in t
    alone with number coefficients (5 − 3t², 5 − 3s are not a line in t)."""
    if not isinstance(value, sp.Expr) or {s.name for s in value.free_symbols} != {line}:
        return None
    variable = next(iter(value.free_symbols))
    if not value.is_polynomial(variable) or sp.degree(value, variable) != 1:
        return None
    slope, intercept = sp.Poly(value, variable).all_coeffs()
    return (slope, intercept) if slope.is_number and intercept.is_number else None


_SHAPE = re.compile(r"\(?\s*(\d+(?:\s*(?:×|x|х|X|Х|\*|\\times|,|;)\s*\d+)*)\s*[,;]?\s*\)?")


def written_shape(text: str) -> str:
    """An array's shape as people write it — 3×2, 3 x 2, (3, 2), (3,) — as the vector (3, 2), or the
    number 3 of a vector's shape; any other text as it is."""
    match = _SHAPE.fullmatch(text.strip())
    if match is None:
        return text
    sizes = re.findall(r"\d+", match[1])
    return sizes[0] if len(sizes) == 1 else "(" + ", ".join(sizes) + ")"


# "[2 5 6], shape (3,)", "array([2, 5, 6]); форма 3": an array, then its shape said in words
SHAPE_SAID = re.compile(r"(.*?\S)\s*[,;]?\s*(?:shape|форма|размер)\s*[:=]?\s*(.+?)\s*\.?", re.S | re.I)


def shape_said(text: str) -> tuple[str, tuple | None]:
    """(the array written, the shape said after it: (3,) for "shape (3,)" or "shape 3", (3, 1) for "3×1"), or
    (the text, None) when no shape is said after an array."""
    match = SHAPE_SAID.fullmatch(text.strip())
    if match is None or not _SHAPE.fullmatch(match[2]):
        return text, None
    return match[1], tuple(int(n) for n in re.findall(r"\d+", match[2]))


def refusal(ref, text: str) -> str:
    """Where the answer is that NumPy refuses the operation (the reference ``error``), the words that say
    so in any language ("ошибка", "Error", "ValueError"), plain or as LaTeX's upright text (\\mathrm{error},
    as a key typesets the word), read as ``error``; any other text as it is."""
    from ..problems.array_problems import FAILS
    if not is_refusal(ref):
        return text
    words = {word.strip() for lang in LANGUAGES for word in phrase(lang, "array.fails.words").split(",")}
    said = re.sub(r"^\s*\\(?:mathrm|text|textrm|operatorname)\{(.*)\}\s*$", r"\1", text)
    said = re.sub(r"\s+", " ", re.sub(r"^[\s«»\"'“”]+|[\s«»\"'“”.!:]+$", "", said)).lower()
    return FAILS if said in words else text


def is_refusal(ref) -> bool:
    """The reference is NumPy's refusal of the operation (a question whose point is that it fails)."""
    from ..problems.array_problems import FAILS
    return isinstance(ref, sp.Symbol) and ref.name == FAILS
