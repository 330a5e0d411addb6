"""Is the answer equal to the reference? Named checks, tried in order.

Numbers: exact values compare exactly (2^60 + 1 is not 2^60, e^(−40) is not 0).
A tolerance applies only to a decimal: one the student typed, which must be a
correct rounding of the exact value (or within the question's tolerance), or
a reference that is itself a decimal, which stands for every number that
rounds to it. An absolute tolerance never makes a nonzero reference 0, and an
imaginary part on a real question is a mistake. Formulas go to
``calculus.equivalence``: exact where decidable, then sampling that cannot be
fooled cheaply; "cannot decide" is never "equal".

>>> import sympy as sp
>>> compare_scalar(sp.Rational(1, 3), sp.Rational(333, 1000), CheckOptions(), 3)
(True, 'numeric')
>>> compare_scalar(sp.Rational(72163, 100000), sp.Rational(72, 100), CheckOptions(decimals=4), 2)
(False, 'numeric')
"""

from __future__ import annotations

import re
from decimal import Decimal

import mpmath
import sympy as sp

from ..calculus.equal import realify
from ..calculus.equivalence import is_zero, same_function
from ..calculus.functions import sigmoid
from ..calculus.parse import is_condition
from .matrices import is_matrix_formula, same_matrices
from .options import CheckOptions


def canonical_name(name: str, index_names: bool = True) -> str:
    """One spelling per symbol: w_{11}, w_11 and w11 are w_11; a_{(1)} is a_1; lambda is lamda."""
    name = re.sub(r"[{}()\\\s]", "", name)
    head, sep, tail = name.partition("_")          # λ_max is lamda_max, as λ alone is lamda
    name = {"lambda": "lamda", "varepsilon": "epsilon", "varphi": "phi", "vartheta": "theta"}.get(head, head) + sep + tail
    name = re.sub(r"^([A-Za-z]+)_(hat|bar|tilde)(?=_|$)", r"\1\2", name)      # y_hat is ŷ, SymPy's yhat
    if index_names:
        name = re.sub(r"^([A-Za-z]+)_?(\d+)$", r"\1_\2", name)
        if re.fullmatch(r"[A-Za-z]+(_\d)+", name):             # w_{1,2} is w_12 when every index is one digit
            base, *indices = name.split("_")
            name = f"{base}_{''.join(indices)}"
    return name


def normalize(expr, options: CheckOptions):
    """Real symbols, each under its canonical name."""
    expr = realify(expr)
    renames = {s: sp.Symbol(canonical_name(s.name, options.index_names), **({"real": True} if s.is_commutative else
                                                                              {"commutative": False}))
               for s in expr.free_symbols}
    return expr.xreplace({s: t for s, t in renames.items() if t != s})


def exact(value) -> sp.Expr:
    """A Float as the exact decimal it prints as (0.1 is 1/10)."""
    return value.xreplace({f: sp.Rational(str(f)) for f in value.atoms(sp.Float)})


def float_places(value) -> int | None:
    """The decimal places a Float reference stands for (its significant digits)."""
    floats = value.atoms(sp.Float)
    if not floats:
        return None
    digits = min(mpmath.libmp.prec_to_dps(f._prec) for f in floats)
    magnitude = abs(exact(value).evalf(20))
    return digits - 1 - (int(sp.floor(sp.log(magnitude, 10))) if magnitude else 0)


def numeric(ref, ans, options, typed, ref_places):
    """Numbers: exact against exact; a decimal against its rounding or the tolerance."""
    if not (ref.is_number and ans.is_number):
        return None
    if ans.has(sp.oo, -sp.oo, sp.zoo, sp.nan) or ref.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        return False
    if _imaginary(ans) and not _imaginary(ref):
        return False
    # an exact form against an exact key: equal, unless the question sets how close a number must be; then the exact
    # value is held to it as a decimal is (−3/2 or 1/√2 for a key computed from a 16-digit input, −1.4999…)
    if typed is None and ref_places is None and not has_tolerance(options):
        return is_zero(sp.expand(ref - ans)) is True
    return decimal_matches(ref, ans, options, typed, ref_places)


def has_tolerance(options) -> bool:
    """The question sets how close a number must be; an exact number is then judged as a decimal is (1 as 1.0,
    −3/2 against −1.4999… within it), never held to the exact value alone."""
    return any(getattr(options, name) is not None for name in ("absolute", "relative", "decimals", "sigfigs"))


def decimal_matches(ref, ans, options, typed, ref_places) -> bool:
    difference = ans - ref
    gap = abs(difference) if difference.is_Rational else abs(sp.N(difference, 30))
    if options.absolute is not None:
        return gap <= _exact(options.absolute) and not (ans == 0 and ref != 0)
    if options.relative is not None:
        return gap <= _exact(options.relative) * abs(sp.N(ref, 30))
    if gap == 0:
        return True                       # the exact value, typed as a decimal: 0,5 for 1/2, −1.5 for −3/2
    if options.decimals is not None:
        # the rounding with its trailing zeros dropped (−1.5 for −1.5000) is that rounding; more places
        # than asked are right when they are a right rounding of their own (−0.034635 for −0.03463481:
        # rounding that again to 5 places would give −0.03464, a double rounding)
        return ans == round_to(ref, options.decimals) or (typed is None or typed >= options.decimals) and \
            (round_to(ans, options.decimals) == round_to(ref, options.decimals)
             or typed is not None and typed > options.decimals and round_to(ref, typed) == ans)
    if options.sigfigs is not None:
        return ans == round_sig(ref, options.sigfigs) or significant(typed, ans) >= options.sigfigs and \
            round_sig(ans, options.sigfigs) == round_sig(ref, options.sigfigs)
    if ref_places is not None and (typed is None or typed >= ref_places):
        return gap <= sp.Rational(1, 2) * sp.Rational(10) ** -ref_places
    if typed is None:
        return False
    if typed >= 15 and ans == sp.Rational(repr(float(sp.N(ref, 30)))):
        return True                       # the double nearest the exact value, as Python prints it: √2 as 1.4142135623730951
    # fewer figures are right when the figures left out are zeros beyond the precision asked too: 0.9 for 0.9000000005
    # is 0.90000 (0.42 for 0.41997 is not), and so is the key's own decimal (0.5 is no 0.5003)
    return gap <= sp.Rational(1, 2) * sp.Rational(10) ** -typed and (
        significant(typed, ans) >= options.min_sigfigs
        or ans == round_sig(ref, options.min_sigfigs + 2) and (ref_places is None or ans == round_to(ref, ref_places)))


def _exact(tolerance) -> sp.Rational:
    """A tolerance as the decimal it was written as: 0.3 is 3/10, not the double below it."""
    return sp.Rational(repr(tolerance)) if isinstance(tolerance, float) else sp.Rational(tolerance)


def _imaginary(value) -> bool:
    if value.is_real:
        return False
    return is_zero(sp.im(sp.expand_complex(value))) is False


def formula(ref, ans, options, typed, ref_places):
    """The same real function (see calculus.equivalence)."""
    decision = same_function(ref, ans)
    if decision.equal is None:
        return "undecided"
    if decision.equal is False and decision.check == "domain":
        return "domain"
    return decision.equal


CHECKS = (("numeric", numeric), ("random points", formula))
# every name a verdict's decided_by can take, for the comparison of one value
DECIDED_BY = ("identical", "sums", "matrices", "shape", "sets", "float noise", "numeric", "random points", "domain", "undecided")


def same_set(ref, ans):
    """Two conditions on one variable (0 < a < 2, a ∈ (0, 2)) hold for the same values."""
    variables = ref.free_symbols | ans.free_symbols
    if len(variables) != 1:
        return "undecided"
    try:
        return ref.as_set() == ans.as_set()
    except (NotImplementedError, TypeError, ValueError):
        return "undecided"


def solved(condition) -> bool:
    """A condition written solved for its variable: every comparison sets the variable alone against a number
    (0 < a < 2, a > 0 and a < 2), not a formula of it (|1 − a| < 1, −1 < 1 − a < 1: the condition restated)."""
    if isinstance(condition, (sp.And, sp.Or, sp.Not)):
        return all(solved(part) for part in condition.args)
    if isinstance(condition, sp.core.relational.Relational):
        sides = (condition.lhs, condition.rhs)
        return any(side.is_Symbol for side in sides) and any(not side.free_symbols for side in sides)
    return True


NOISE_ULPS = 4          # float64 roundings of the exact value a printed double may be off by


def float_noise(ref, ans, typed) -> bool:
    """A double as Python and NumPy print it (the shortest decimal that reads back as that double),
    a few roundings from the exact value: −162.00000000000003 for −162, 0.30000000000000004 for 3/10.
    A decimal that is not a printed double (0.50000000000000001) is judged by its digits."""
    if typed is None or not (ref.is_number and ans.is_number and ans.is_Rational) or ref == 0 \
            or significant(typed, ans) < 15:
        return False
    if sp.Rational(repr(float(ans))) != ans:
        return False
    exact_value = sp.N(ref, 40)
    return exact_value.is_real is True and abs(ans - exact_value) <= NOISE_ULPS * 2 ** -52 * abs(exact_value)


SIZES = (1, 2, 3, 5)     # the bound n at which sums up to n are compared


def written_out(expr, n):
    """Sums and products up to a symbolic bound, at that bound n: x[2] becomes the name x_2."""
    bounds = {s for big in expr.atoms(sp.Sum, sp.Product) for limit in big.limits for s in limit[1:][0].free_symbols
              | limit[2].free_symbols}
    expr = expr.xreplace({b: n for b in bounds}).doit()
    return expr.xreplace({e: sp.Symbol(f"{e.base}_{e.indices[0]}", real=True) for e in expr.atoms(sp.Indexed)
                          if len(e.indices) == 1 and e.indices[0].is_Integer})


def _sums(ref, ans, options):
    """Sums up to n compared at several n: equal at each, or the first check that says not."""
    for n in SIZES:
        try:
            equal, decided_by = compare_scalar(written_out(ref, n), written_out(ans, n), options)
        except (TypeError, ValueError):
            return False, "undecided"
        if not equal:
            return False, "sums" if decided_by not in ("undecided", "domain") else decided_by
    return True, "sums"


def compare_scalar(ref, ans, options: CheckOptions, typed=None, ref_places=None):
    """(equal?, the check that decided: one of DECIDED_BY)."""
    if ref.has(sp.Sum, sp.Product) or ans.has(sp.Sum, sp.Product):
        return _sums(ref, ans, options)
    ref, ans = normalize(ref, options), normalize(ans, options)
    if ref == ans:
        return True, "identical"
    if is_matrix_formula(ref) or is_matrix_formula(ans):
        return same_matrices(ref, ans, options.symmetric, options.identity)
    if is_condition(ref) or is_condition(ans):
        verdict = same_set(ref, ans)
        return (False, verdict) if isinstance(verdict, str) else (verdict, "sets")
    if ref_places is None:
        ref_places = float_places(ref)
    ref, ans = exact(ref), exact(ans)
    if float_noise(ref, ans, typed):
        return True, "float noise"
    for name, check in CHECKS:
        verdict = check(ref, ans, options, typed, ref_places)
        if isinstance(verdict, str):
            return False, verdict
        if verdict is not None:
            return bool(verdict), name
    return False, "undecided"


def rounding_rule(options: CheckOptions) -> tuple[str, dict]:
    """The precision a decimal answer needs, as ``decimal_matches`` applies it: (decimals, sigfigs,
    absolute or relative, and its number). With no option it is the default, ``min_sigfigs``
    significant figures, correctly rounded; the worksheet and the checker's hint both say it from here."""
    if options.absolute is not None:
        return "absolute", {"tolerance": options.absolute}
    if options.relative is not None:
        return "relative", {"percent": f"{100 * options.relative:g}"}
    if options.decimals is not None:
        return "decimals", {"places": options.decimals}
    return "sigfigs", {"figures": options.sigfigs or options.min_sigfigs}


def round_to(value, places: int) -> sp.Rational:
    """value rounded half up to ``places`` decimals, exactly."""
    digits = Decimal(str(sp.N(value, 60)))
    return sp.Rational(str(digits.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")))


def significant(typed, value) -> int:
    """Significant figures of a typed decimal with ``typed`` places: 0.0720 has 3, 1.23e8 has 3."""
    if typed is None:
        return 99
    scaled = abs(sp.Rational(value)) * sp.Rational(10) ** typed     # the digits typed, as an integer
    return len(str(int(scaled))) if scaled >= 1 else 0


def round_sig(value, figures: int):
    value = sp.N(value, 60)
    if value == 0:
        return sp.S.Zero
    exponent = int(sp.floor(sp.log(abs(value), 10)))
    return round_to(value, figures - 1 - exponent)


def form_ok(ans, form: str | None) -> bool:
    """Form checks, when the question asks for one."""
    if form is None:
        return True
    if form == "factored":
        return sp.factor(ans) == ans or not ans.is_Add
    if form == "simplified":
        return sp.count_ops(ans) <= sp.count_ops(sp.simplify(ans.rewrite(sp.exp).rewrite(sigmoid)))
    raise ValueError(f"unknown form {form!r}; use simplified or factored")
