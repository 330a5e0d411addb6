"""Why a wrong answer is wrong: named diagnoses, tried in order.

Each diagnosis looks at a wrong scalar answer and returns a phrase key with
its values, or None. They know the question when the options carry it
(the function, its variables, the variable asked for, the point).
"""

from __future__ import annotations

import itertools
import re

import sympy as sp

from ..calculus.equal import equal
from ..calculus.expressions import as_expr, as_symbol
from ..calculus.parse import is_condition
from ..lang import local_numbers, phrase
from .characters import GREEK
from .compare import canonical_name, normalize, round_to, rounding_rule
from .entries import KRONECKER
from .identity import NAME
from .labels import spoken_name
from .layout import closes_at_end, top_level_split
from .shown_values import name_shown, readable, tolerance_text
from .slips import decimal_log, doubled, known_slip, missing_mean, missing_root, slipped


def not_finite(ref, ans, typed, options):
    if ans.is_number and ans.is_finite is False or ans.has(sp.nan, sp.zoo):
        return "check.not finite", {}
    return None


def complex_part(ref, ans, typed, options):
    if ans.is_number and ref.is_number and ref.is_real and ans.is_real is False:
        return "check.complex", {}
    return None


def sign(ref, ans, typed, options):
    if ref != 0 and slipped(-ref, ans, typed, options):
        return "check.sign", {}
    return None


def factor_of_two(ref, ans, typed, options):
    """Off by a factor of exactly 2 where the problem has a ½, a square or a power (``options.powers``; unset,
    the reference or the question's function shows one): a ½ of a loss or a power rule's factor lost."""
    if ref != 0 and (slipped(2 * ref, ans, typed, options, 2) or slipped(ref / 2, ans, typed, options, sp.Rational(1, 2))) and has_powers(ref, options):
        return "check.factor of two", {}
    return None


def has_powers(ref, options) -> bool:
    if options.powers is not None:
        return options.powers
    formulas = [ref] + ([as_expr(options.function)] if options.function is not None else [])
    return any(f.has(sp.Rational(1, 2)) or any(not p.exp.is_Integer or abs(p.exp) != 1 for p in f.atoms(sp.Pow))
               for f in formulas if isinstance(f, sp.Basic))


def coarse_rounding(ref, ans, typed, options):
    """A decimal that is the key rounded, but more coarsely than the check asks: the rule it asks for,
    and the key rounded by it. A whole number for a key that is not one is a rounding to 0 places (12 for
    11.9519) when it is the key rounded, else no rounding at all."""
    if _whole(ref, ans, typed) and round_to(ref, 0) == ans:
        typed = 0
    if typed is None or not (ref.is_number and ans.is_number):
        return None
    if round_to(ref, typed) == round_to(ans, typed):
        key, values = rounding_rule(options)
        return f"check.coarse rounding.{key}", {k: tolerance_text(v) if k == "tolerance" else v for k, v in values.items()}
    if abs(sp.N(ans - ref, 30)) < ROUNDING_UNITS * sp.Rational(10) ** -typed:
        return "check.rounding", {}         # the last digit typed one off: a slip in rounding
    return None                             # far from it (1.2 for 0): a wrong number, not a wrong rounding


def percent_scale(ref, ans, typed, options):
    """A percentage (MAPE) given as a fraction of 1 (0.12 for 11.95 %), or multiplied by 100 once more: the
    answer is the key, or its rounding, a hundred times smaller or larger."""
    if not options.percent or not (ref.is_number and ans.is_number) or ref == 0:
        return None
    for scale, key in ((sp.Rational(1, 100), "check.percent as fraction"), (100, "check.percent twice")):
        target = ref * scale
        places = 0 if _whole(target, ans, typed) else typed
        if slipped(target, ans, typed, options) or places is not None and round_to(target, places) == ans:
            return key, {}
    return None


def _whole(ref, ans, typed) -> bool:
    """A whole number other than 0 (a rounding to 0 places, or not a rounding at all) for a key that is not one."""
    return typed is None and ans.is_Integer and ans != 0 and ref.is_number and ref.is_real and not ref.is_Integer


# a correct rounding is within ½ unit of the last place typed; a wrong decimal within 1½ units has its last
# digit one off (−1.4 for −1.5000001, 0.334 for 1/3), a slip in rounding; farther (0.35 for 1/3), a wrong number
ROUNDING_UNITS = sp.Rational(3, 2)


def base_ten_log(ref, ans, typed, options):
    """lg for ln: an answer written with lg a = ln a / ln 10, or the value the key has with lg for each ln."""
    natural = ans.subs(sp.log(10), 1)
    if natural != ans and equal(natural, ref):
        return "check.log10", {}
    return decimal_log(ref, ans, typed, options)


def _question(options):
    """(f, its variables, the variable asked for or None), named as the answers are (x1 as x_1)."""
    if options.function is None:
        return None
    raw = as_expr(options.function)
    variables = [as_symbol(v, raw) for v in options.variables] or sorted(raw.free_symbols, key=str)
    wrt = None if options.wrt is None else normalize(as_symbol(options.wrt, raw), options)
    return normalize(raw, options), [normalize(v, options) for v in variables], wrt


def wrong_variable(ref, ans, typed, options):
    question = _question(options)
    if question is None or question[2] is None or options.point:
        return None
    function, variables, wrt = question
    for var in variables:
        if var != wrt and equal(ans, sp.diff(function, var)):
            return "check.wrong variable", {"var": var}
    return None


def missing_chain_factor(ref, ans, typed, options):
    """The answer is the outer derivative alone: ans · g'(x) = reference (or the inner factor's sign lost too)."""
    question = _question(options)
    if question is None or question[2] is None or options.point:
        return None
    from ..calculus.differentiate import diff_steps
    function, _, wrt = question
    for chain in (s for s in diff_steps(function, wrt).walk() if s.rule == "chain"):
        inner = chain.substeps[1].result
        for factor in (inner, -inner):
            if inner not in (0, 1, -1) and equal(ans * factor, ref):
                return "check.missing chain factor", {"factor": factor}
    return None


def not_substituted(ref, ans, typed, options):
    """A formula where the value at the problem's point is asked: the point named, (x, y) = (1, 0), in the letters
    the notation shows."""
    if ref.is_number and not ans.is_number and options.point:
        apart = "; " if options.lang == "ru" else ", "
        shown = {own: letter for letter, own in options.renames}
        names, values = [name_shown(shown.get(str(name), str(name))) for name, _ in options.point], [readable(as_expr(v)) for _, v in options.point]
        point = f"{names[0]} = {values[0]}" if len(names) == 1 else f"({apart.join(names)}) = ({apart.join(values)})"
        return "check.not substituted", {"point": point}
    return None


def formula_for_number(ref, ans, typed, options):
    """A formula (ŷ − y, a loss as written) where the problem asks for its value, and gives no point to put in; not
    where a name is a word read whole (0.963 woman): the note on names says that; nor in a problem of formulas (a
    table of derivatives, whose identity row is the number 1)."""
    formulas = options.function is not None or options.variables or options.names or options.component_names
    if ref.is_number and ans.free_symbols and not (options.point or formulas) and \
            not any(_read_whole(s.name) for s in ans.free_symbols):
        return "check.formula for number", {}
    return None


def number_for_formula(ref, ans, typed, options):
    """A number where the answer is a formula (∂E²/∂w₁ in x₁, y and Y, answered 0.1966): the names it is in, as
    the notation shows them."""
    if ans.is_number and ref.free_symbols and not ref.is_number:
        from .question import renamed
        names = ", ".join(sorted((readable(s) for s in renamed(ref, options, back=True).free_symbols), key=str.lower))
        return "check.number for formula", {"names": names}
    return None


def _example_losses(ref, options) -> list:
    """The losses of the examples (options.quantities' L_i) of a loss that is their mean, else []."""
    values = [as_expr(value) for _, value, *what in options.quantities if what and what[0][0] == "label.example loss"]
    return values if values and equal(sp.Add(*values) / len(values), ref) else []


def one_example(ref, ans, typed, options):
    """One example's loss given for the mean over the examples."""
    for k, value in enumerate(_example_losses(ref, options), 1):
        if value != ref and slipped(value, ans, typed, options):
            return "check.one example", {"index": k}
    return None


def sum_not_mean(ref, ans, typed, options):
    """The sum of the examples' losses given for their mean."""
    values = _example_losses(ref, options)
    if len(values) > 1 and ref != 0 and slipped(sp.Add(*values), ans, typed, options):
        return "check.sum not mean", {"n": len(values)}
    return None


DIAGNOSES = (not_finite, complex_part, not_substituted, formula_for_number, number_for_formula, sign, known_slip, factor_of_two, one_example, sum_not_mean,
             missing_mean, percent_scale, coarse_rounding,
             base_ten_log, missing_root, doubled, wrong_variable, missing_chain_factor)


def condition_ends(ref, ans):
    """Two conditions on one variable as intervals: the first end where they differ (an end included
    that must not be, or the other way round, a bound missing, an end at another number), or None."""
    try:
        expected, got = ref.as_set(), ans.as_set()
    except (NotImplementedError, TypeError, ValueError, AttributeError):
        return None
    if not (isinstance(expected, sp.Interval) and isinstance(got, sp.Interval)):
        return None
    for end, open_, got_end, got_open, side in ((expected.start, expected.left_open, got.start, got.left_open, "below"),
                                                (expected.end, expected.right_open, got.end, got.right_open, "above")):
        if end.is_finite and not got_end.is_finite:
            return f"check.end.missing {side}", {}
        if end != got_end:
            return "check.end.moved", {"end": got_end}
        if open_ != got_open:
            return ("check.end.excluded" if open_ else "check.end.included"), {"end": end}
    return None


GREEK_NAMES = set(GREEK.values()) | {"lambda"}
# a Latin letter typed where the problem has the Greek letter it looks like
GREEK_TWINS = {"a": ("alpha", "α"), "B": ("beta", "β"), "n": ("eta", "η"), "e": ("epsilon", "ε"), "p": ("rho", "ρ")}


def reading_notes(ref, value, known, twins: bool = True, names=()) -> tuple:
    """Notes on how a wrong answer's names were read: a Latin letter where the problem has its Greek
    look-alike (a for α; not when ``twins`` is False, the verdict having said it), and names the problem does
    not have, read whole (xy, sinx, hello); ``names``: the problem's (name, formula) pairs, whose names the letters
    to write with are said by (σ where the key's letter is s, μ = σ(wx) beside w, x, y)."""
    refs, values = (ref if isinstance(ref, tuple) else (ref,)), (value if isinstance(value, tuple) else (value,))
    values = [v for v in values if isinstance(v, sp.Basic)]
    expected = {s.name for r in refs if isinstance(r, sp.Basic) for s in r.free_symbols} | set(known or ())
    written = {s.name for v in values for s in v.free_symbols} | ({"e"} if any(v.has(sp.E) for v in values) else set())
    notes = tuple(("note.greek twin", {"latin": latin, "greek": letter})
                  for latin, (greek, letter) in GREEK_TWINS.items()
                  if twins and latin in written and greek in expected and latin not in expected)
    whole = sorted(name for name in written - expected if _read_whole(name))
    notes += (("note.one name", {"names": ", ".join(whole)}),) if whole else ()
    return notes + (_unknown_letters(refs, written - expected - set(whole), expected, notes, names) if twins else ())


def _unknown_letters(refs, unknown, expected, notes, names=()) -> tuple:
    """The note on letters the problem does not have (z where the key is in w, x, b, y): which they are, and the
    letters to write the answer with, the key's; none for e, another spelling of a letter it has (x_1 of x1), a
    Latin twin noted already, or the identity I of a key of matrices (``answers.identity``)."""
    letters = sorted({s.name.removesuffix("ᵀ") for r in refs if isinstance(r, sp.Basic) for s in r.free_symbols})
    matrices = any(not s.is_commutative for r in refs if isinstance(r, sp.Basic) for s in r.free_symbols)
    noted = {values["latin"] for key, values in notes if key == "note.greek twin"} | {"e"}
    spelled = {canonical_name(name.removesuffix("ᵀ")) for name in set(letters) | expected}
    unknown = sorted(name for name in unknown if canonical_name(name.removesuffix("ᵀ")) not in spelled and name not in noted
                     and not _entry_letter(name, spelled)
                     and not (matrices and NAME.fullmatch(name.removesuffix("ᵀ"))))
    if not unknown or not letters:
        return ()
    # a key's letter the notation shows by another name is said by it (σ of s); a name the problem defines is one too
    shown_as = {formula: name for name, formula in names if re.fullmatch(r"[A-Za-z]+(?:_\w+)?", formula)}
    defined = {formula: name for name, formula in reversed(names)}      # one name per formula: y, not also ŷ and y_pred of it
    letters = sorted({shown_as.get(name, name) for name in letters} | {name for formula, name in defined.items() if formula not in shown_as},
                     key=lambda name: (name_shown(name).lower(), name))
    key = "note.unknown letter" if len(unknown) == 1 else "note.unknown letters"
    return ((key, {"letters": ", ".join(map(name_shown, unknown)), "names": ", ".join(map(name_shown, letters))}),)


def _entry_letter(name: str, spelled: set) -> bool:
    """An entry of a vector the answer wrote as a formula of its index: s_j of a problem with s_1, s_2, or
    Kronecker's δ_1j of a one-hot label (y of p − y) — the letter s or y, not one of its own."""
    base, _, index = name.partition("_")
    return base in KRONECKER or bool(re.fullmatch(r"[ijkl]", index)) and any(n.startswith(base + "_") for n in spelled)


MARKED = re.compile(r"[A-Za-z](?:hat|bar|tilde|dot|ddot)")


def _read_whole(name: str) -> bool:
    """A name of letters that is no Greek letter and no letter with its mark (ŷ is yhat): xy, sinx, woman."""
    return bool(re.fullmatch(r"[A-Za-z]{2,}", name)) and name not in GREEK_NAMES and not MARKED.fullmatch(name)


def diagnose(ref, ans, typed, options):
    """The first diagnosis that explains a wrong scalar answer, or None."""
    ref, ans = normalize(ref, options), normalize(ans, options)
    if is_condition(ref) or is_condition(ans):
        return condition_ends(ref, ans) if is_condition(ref) and is_condition(ans) else None
    for diagnosis in DIAGNOSES:
        found = diagnosis(ref, ans, typed, options)
        if found:
            return found
    return None


def wrong_point(reference, answer, options):
    """A gradient evaluated at the coordinates in another order."""
    question = _question(options)
    if question is None or not options.point or len(options.point) < 2:
        return None
    function, variables, _ = question
    raw = as_expr(options.function)
    names = [normalize(as_symbol(v, raw), options) for v, _ in options.point]
    values = [as_expr(c) for _, c in options.point]
    gradient = [sp.diff(function, v) for v in variables]
    for order in itertools.permutations(values):
        if list(order) == values:
            continue
        at = dict(zip(names, order))
        candidate = [g.xreplace(at) for g in gradient]
        if not any(c.has(sp.zoo, sp.nan) for c in candidate) and \
                all(equal(c, normalize(a, options)) for c, a in zip(candidate, answer)):
            return "check.wrong point", {}
    return None


def placed(say, key: str, shape, **values) -> str:
    """A phrase about components of a vector (``say`` fills it), said of entries when the answer is a
    matrix: component k of the rows read in order is entry (i, j), row i and column j ("check.component"
    -> "check.entry", "check.swapped" -> "check.entries swapped"); a vector, or a matrix of one row or
    column, keeps its components."""
    if shape is None or len(shape) != 2 or 1 in shape or key.startswith("check.rows"):
        return say(key, **values)
    columns = shape[1]

    def entry(k: int) -> tuple[int, int]:
        row, column = divmod(k - 1, columns)
        return row + 1, column + 1
    if key == "check.swapped":
        return say("check.entries swapped", first="(%d, %d)" % entry(values["i"]), second="(%d, %d)" % entry(values["j"]))
    if key == "check.reordered":
        return say("check.entries reordered", last="(%d, %d)" % entry(values["last"]),
                   indices=", ".join("(%d, %d)" % entry(int(k)) for k in values["indices"].split(", ")))
    twin = {"check.component": "check.entry", "check.component detail": "check.entry detail",
            "check.component through": "check.entry through"}[key]
    row, column = entry(values["index"])
    return say(twin, **{k: v for k, v in values.items() if k != "index"}, row=row, column=column)


def own_names_note(say, shape, index: int, expected, names: tuple, formulas: dict, show) -> str:
    """Component ``index`` is right but written in x, where its ``expected`` form is written through its own
    ``names`` (f, standing for one of ``formulas``, {name: formula}): the note that says so and shows that form
    (``show`` writes a value, ``readable``). The variables named are those the formulas bring in that the
    expected form does not use outside its conditions: x for α·f·(1 − f) with f = σ(αx)."""
    values = [e for e, _ in expected.args] if isinstance(expected, sp.Piecewise) else [expected]
    kept = {s for v in values for s in v.free_symbols}
    brought = {s for name in names if name in formulas for s in formulas[name].free_symbols}
    variables = sorted(brought - kept, key=str) or sorted(brought, key=str)
    return placed(say, "check.component through", shape, index=index, names=", ".join(map(name_shown, names)),
                  variables=", ".join(show(v) for v in variables), expected=shown_cases(expected, say, show))


def shown_cases(value, say, show) -> str:
    """A value as a sentence shows it; a piecewise one as the solutions write it: {α + f if x < 0; 1 otherwise}."""
    if not isinstance(value, sp.Piecewise):
        return show(value)
    return "{" + "; ".join(say("check.piece otherwise", value=show(e)) if c is sp.true else
                           say("check.piece", value=show(e), condition=show(c)) for e, c in value.args) + "}"


# values a phrase quotes from the student's text, kept as typed; every other number is written as the
# reader's language writes numbers (the decimal comma and «;» between a tuple's numbers in Russian)
TYPED_VALUES = {"reason", "text", "written", "words", "units", "letters", "numbers", "labels", "label", "read"}
# places in a vector or a matrix, written as the phrase writes its own: entry (1, 2)
PLACES = {"index", "indices", "last", "i", "j", "first", "second", "row", "column", "rows", "columns"}


def local(values: dict, lang: str) -> dict:
    """A phrase's values with their numbers as ``lang`` writes them: 0,005 and (0,5; 1) in Russian.

    >>> local({"tolerance": 0.005, "value": "(0.5, 1)", "text": "0.5"}, "ru")
    {'tolerance': '0,005', 'value': '(0,5; 1)', 'text': '0.5'}
    """
    values = {key: spoken_name(value, lang) if key in ("label", "labels") else value for key, value in values.items()}    # ω_3
    if lang != "ru":
        return values
    return {key: value if key in TYPED_VALUES | PLACES or _russian(str(value)) == str(value) else _russian(str(value))
            for key, value in values.items()}


def _russian(text: str) -> str:
    """A value as Russian writes it: a tuple's components apart by «;» ((x + 4·y; y)), and decimal commas."""
    if text.startswith("(") and closes_at_end(text):
        text = "(" + "; ".join(part.strip() for part in top_level_split(text[1:-1], ",")) + ")"
    return local_numbers(f"${text}$", "ru")[1:-1].replace("{,}", ",") if re.search(r"\d\.\d", text) else text


def verdict_first(lines: tuple[str, ...], correct: bool, score: float, lang: str) -> tuple[str, ...]:
    """The feedback with its verdict first (Correct, Not correct, Partly correct, or could not be read): where the
    first line is only the reason (Expected a vector of 4 components), the verdict is put before it."""
    keys = ("check.correct", "check.wrong", "check.partly")
    verdicts = [phrase(lang, key).rstrip(".") for key in keys] + [phrase(lang, key, reason="").strip()
                                                                  for key in ("check.unreadable", "check.unchecked")]
    if lines and lines[0].startswith(tuple(verdicts)):
        return lines
    return (phrase(lang, keys[0] if correct else keys[2] if score > 0 else keys[1]),) + lines
