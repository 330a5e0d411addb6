"""How an answer is checked: tolerances, conventions, limits, and what the question was."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from ..lang import LANGUAGES

FORMS = (None, "simplified", "factored")
# field -> (smallest, largest) for the numeric settings
RANGES = {"absolute": (0, 1e6), "relative": (0, 1), "decimals": (0, 30), "sigfigs": (1, 30), "min_sigfigs": (1, 30),
          "timeout": (0.05, 60), "memory_mb": (128, 16384)}


@dataclass(frozen=True)
class CheckOptions:
    """Settings of one check; every field has a default, and unknown names are refused.

    Numbers (STACK's answer tests): ``absolute`` (|a − r| ≤ absolute),
    ``relative`` (|a − r| ≤ relative·|r|), ``decimals`` (equal when both are
    rounded to that many places, and at least that many typed), ``sigfigs``
    (the same in significant figures). With none of them, a decimal answer must
    be the exact value correctly rounded where it stops, with at least
    ``min_sigfigs`` significant figures.
    """

    absolute: float | None = None
    relative: float | None = None
    decimals: int | None = None
    sigfigs: int | None = None
    min_sigfigs: int = 3
    form: str | None = None            # None, "simplified" or "factored"
    natural_log: bool = True           # \log is ln (the ML convention)
    russian_notation: bool = True      # th, tg, ctg, arctg, decimal comma
    decimal_comma: bool = True
    index_names: bool = True           # x1 is x_1
    timeout: float = 2.0               # seconds of wall-clock time, enforced by a killable worker
    memory_mb: int = 1024              # address space a check may add to its worker
    lang: str = "en"
    # what the question was, for feedback: f, its variables, the variable asked for, the point
    function: object = None
    variables: tuple = ()
    wrt: object = None
    point: tuple = ()
    # what the problem computes from its point, (name, value) pairs: a program's nodes (q = 3 of q = x + y at
    # x = −2, y = 5), the inner variables of a total derivative (x = √2/2 of x = cos t at t = π/4), the iterates x_k
    # of a map, a network's weights and neurons. A side of a chain in these names and the point's is checked with
    # their values (∂f/∂z = q = 3), and the names are the problem's (2xy is 2·x·y)
    values: tuple = ()
    # per component of the answer, the formula in the point's names whose value at the point it is (df/dt in t of a
    # total derivative): a side of a chain written in those names is compared with it as a formula; () where the
    # problem's ``function`` gives them (its derivatives by the variables asked)
    formulas: tuple = ()
    # the names the problem's statement defines, (name, formula) pairs such as ("f", "sigmoid(alpha*x)"):
    # an answer may use them; ``through``: names the answer must be written with ("through f")
    names: tuple = ()
    through: tuple = ()
    # the letters the notation shows the problem's own by, (shown, own) pairs such as ("s_1", "y_1"), ("p_1", "s_1")
    # of notation = { y = "s", s = "p" }: an answer is read in the shown letters and put in the own ones at once, so
    # that a shown letter that is another's own (s of the scores, s of symnn's outputs) means what the student sees
    renames: tuple = ()
    # per component of a vector, the names of its own (a table of activations: f is that row's function, σ(αx)
    # for σ′): that component's answer may use them, and must where its expected answer is written through them
    component_names: tuple = ()
    # the answer is an array's shape, which may be written 3×2 or 3x2 as well as (3, 2)
    shape: bool = False
    # the answer is a NumPy array: its axes count (a 2×1 array is not a vector of 2, nor a vector a 2×1 array)
    array_shape: bool = False
    # letters of a matrix formula that are symmetric matrices (A = Aᵀ), so 2Ax and (A + Aᵀ)x are one answer
    symmetric: tuple = ()
    # the gradient is by a vector (2Ax by x), so its row form (2xᵀA) is the numerator layout of it; False: by a
    # matrix, where the transpose is another matrix; None: not known (a reference alone), a column is taken as by a vector
    by_vector: bool | None = None
    # the letters a matrix problem declares (its shapes' letters; I, the identity matrix): a word glued of them and
    # not one of them is their product, XᵀXW is Xᵀ·X·W where X and W are letters and XW is not
    letters: tuple = ()
    # the letters the identity matrix is written with ((AᵀA + λI)x, ∇_W tr(W) = I): I by default; a matrix problem's E
    # too, as Russian books write it; none where the problem's own matrix is named I
    identity: tuple = ("I",)
    # (the letter, the class) of a one-hot label an answer may use as a vector (y of p − y): y is the class's one-hot
    # vector, y_j its entry j
    onehot: tuple = ()
    # the names of the answer's components in order (D, C of a line b = C + Dt): an answer may label them; a
    # component may have several spellings, a tuple whose first is the key's (("F'", "p^T grad F/|p|"), …); a scalar
    # answer's one name, (("L", "loss"),), makes its label checked too (answers.labels)
    labels: tuple = ()
    # other named quantities of the problem and their values, (name, value) pairs (L_1 = 29/10 of an SVM loss's
    # mean L), or (name, value, (phrase key, number)) with what the quantity is ("label.example loss", 1): a
    # label that names one of them names something other than the answer asked for
    quantities: tuple = ()
    # the problem has a square, a power or a ½ somewhere (a loss ½(y − t)², x²): an answer off by a factor of 2
    # gets the hint to check them; None: the question does not say, the reference's own formula decides
    powers: bool | None = None
    # a line fitted by least squares: its variable (t of b = C + Dt), so the line written as a formula in it,
    # 5 − 3t, is the answer (slope, intercept)
    line: str | None = None
    # which of the answer's two components is the line's slope and which its intercept, in the answer's order
    # (find = ["b", "w"] asks the intercept first): 5 − 3t is (5, −3) there
    line_order: tuple = ("slope", "intercept")
    # the answer is an array transposed (data.T): the array's name, so an answer that is the array itself is told
    # it is the matrix before transposing
    transposes: str | None = None
    # the answer is a percentage (MAPE, defined with 100 %): a percent sign after its number is its unit, so
    # 11.95 % is 11.95; for any other quantity a percent is a hundredth (20 % is 0.2)
    percent: bool = False
    # letters the statement defines as a function, (letter, function) pairs such as ("f", "σ") of "f = σ entry by
    # entry": f(XW₁) in an answer is σ(XW₁)
    functions: tuple = ()
    # an optimizer's run: its points, the start and the point after each step, exact (the answer is the last), and the
    # letters the statement names them by (x of x_0, x_t): an answer may write every point, labelled (x_1 = …, x_2 = …)
    iterates: tuple = ()
    iterate_names: tuple = ()
    # slips the problem's own work names, (phrase key, the value with the slip made, ((placeholder, value), …)): the
    # product of the chain rule one step off ((1 − a)⁴ for (1 − a)⁵), the iterate x_n for the derivative (gⁿ)′(x₀)
    slips: tuple = ()
    # the numbers the statement gives by name ($a = 1.5$), (name, value) pairs: a step of a chain in them, (1 − a)⁵, is
    # evaluated with them; they do not make the name a letter the answer may be written in
    constants: tuple = ()
    # the answer is the Jacobian of a vector function, in the numerator layout: its (rows, columns) as the problem names
    # them (("m", "n") of df/dx, f of m entries, x of n), so its transpose is said to be the denominator layout
    jacobian: tuple = ()
    # (the variable, the terms of the function that do not depend on it): b of Ax + b, whose derivative is 0
    constant_terms: tuple = ()

    def __post_init__(self):
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if value is None and name in ("absolute", "relative", "decimals", "sigfigs"):
                continue
            whole = name in ("decimals", "sigfigs", "min_sigfigs", "memory_mb")
            if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
                raise ValueError(f"check option {name} must be a {'whole ' if whole else ''}number, got {value!r}")
            if not (math.isfinite(value) and low <= value <= high):
                raise ValueError(f"check option {name} must be between {low} and {high}, got {value!r}")
        for name in ("natural_log", "russian_notation", "decimal_comma", "index_names", "shape", "array_shape", "percent"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"check option {name} must be true or false, got {getattr(self, name)!r}")
        if not all(isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str) for pair in self.names):
            raise ValueError("check option names must be (name, formula) pairs")
        if not all(isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(n, str) for n in pair) for pair in self.renames):
            raise ValueError("check option renames must be (shown letter, own letter) pairs")
        if not all(isinstance(names, tuple) and all(isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)
                                                    for pair in names) for names in self.component_names):
            raise ValueError("check option component_names must give each component its (name, formula) pairs")
        if self.transposes is not None and not isinstance(self.transposes, str):
            raise ValueError("check option transposes must name an array")
        if self.line is not None and not isinstance(self.line, str):
            raise ValueError("check option line must name a variable")
        if sorted(self.line_order) != ["intercept", "slope"]:
            raise ValueError("check option line_order must be (slope, intercept) in some order")
        if not all(isinstance(name, str) or isinstance(name, tuple) and name and all(isinstance(n, str) for n in name)
                   for name in self.labels):
            raise ValueError("check option labels must be names, or tuples of a name's spellings")
        for name in ("values", "constants"):
            if not all(isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str) for pair in getattr(self, name)):
                raise ValueError(f"check option {name} must be (name, value) pairs")
        if not all(isinstance(pair, tuple) and len(pair) in (2, 3) and isinstance(pair[0], str) for pair in self.quantities):
            raise ValueError("check option quantities must be (name, value) pairs, or (name, value, what it is)")
        if not all(isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(n, str) for n in pair)
                   for pair in self.functions):
            raise ValueError("check option functions must be (letter, function) pairs")
        if not all(isinstance(point, tuple) for point in self.iterates) or \
                not all(isinstance(name, str) for name in self.iterate_names) or bool(self.iterates) != bool(self.iterate_names):
            raise ValueError("check option iterates must be points (tuples), with iterate_names the letters naming them")
        if not all(isinstance(slip, tuple) and len(slip) == 3 and isinstance(slip[0], str) for slip in self.slips):
            raise ValueError("check option slips must be (phrase key, value, placeholders) triples")
        if self.powers is not None and not isinstance(self.powers, bool):
            raise ValueError(f"check option powers must be true, false or unset, got {self.powers!r}")
        if not all(isinstance(name, str) for name in (*self.symmetric, *self.identity)):
            raise ValueError("check options symmetric and identity must name letters")
        if not all(isinstance(name, str) for name in self.through) or not set(self.through) <= {n for n, _ in self.names}:
            raise ValueError("check option through must name some of the names")
        if self.form not in FORMS:
            raise ValueError(f"unknown form {self.form!r}; use simplified or factored")
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown language {self.lang!r}; use one of {', '.join(LANGUAGES)}")

    @classmethod
    def from_dict(cls, values: dict) -> CheckOptions:
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise TypeError(f"unknown check option(s): {', '.join(sorted(unknown))}")
        return cls(**values)
