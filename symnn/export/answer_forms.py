r"""The form an answer takes, read off the solved answer's shape, and the room a worksheet leaves for it.

A number gets one blank; a vector a blank per component, each labelled where the work names
them (∂F/∂x, h₁, the optimizer a point belongs to); a matrix a grid of blanks; a formula a
line; a list of claims a yes/no box each. The sentence that states the form comes from the
catalogue; a problem's own ``answer_form`` overrides it. The sentence on precision follows it unless
the statement states a precision the checker accepts ("to four decimal places", "within 0.0001").

>>> from symnn.problems.solve import solve
>>> form = form_of(solve("4.6"))
>>> form.kind, form.count, form.labels
('numbers', 2, ('\\frac{\\partial F}{\\partial x}', '\\frac{\\partial F}{\\partial y}'))
>>> stated(form, "en")
'The answer is 2 numbers, in this order: $\\frac{\\partial F}{\\partial x}$, $\\frac{\\partial F}{\\partial y}$.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import sympy as sp

from ..lang import count, local_numbers, phrase
from ..render.written import ordinary_derivatives
from .point_labels import point_labels

# a blank for one number, and how many blanks of a row stand on one line
BLANK = r"\rule{3cm}{0.4pt}"
PER_LINE = 3


@dataclass(frozen=True)
class AnswerForm:
    """``kind``: number, numbers, matrix, formula, formulas or claims; ``count`` parts (rows × columns
    of a matrix in ``shape``); ``labels``: LaTeX names of the parts in order, where known;
    ``groups``: for answers that come in named groups (the optimizers' points), (name, labels);
    ``names``: the parts named in words, in the order the statement lists them (the activations: their
    derivatives f′); ``precision``: how many digits a decimal needs, as the checker counts them."""

    kind: str
    count: int = 1
    shape: tuple = ()
    labels: tuple = ()
    groups: tuple = ()
    names: tuple = ()
    precision: tuple = ()        # (rule, values) of the checker's rounding rule, when a number needs rounding
    rounded: bool = False        # the numbers are a trained network's outputs rounded to 0 or 1 (xor-lab)
    told: bool = False           # the statement states a precision that meets the checker's: no sentence repeats it
    also: tuple = ()             # what the statement asks besides the checked parts: "shape", "solution" (``_also``)


def _name(symbol) -> str:
    return sp.latex(sp.Symbol(str(symbol)))


def _partials(top: str, variables, d: str = r"\partial") -> tuple:
    """∂F/∂x, …; dy/dx with ``d`` = "d" where the statement writes the derivatives of one variable so."""
    return tuple(r"\frac{%s %s}{%s %s}" % (d, top, d, _name(v)) for v in variables)


# the name a statement gives its function: "$F = ...", "$f(x, y) = ..."
_NAMED = re.compile(r"\$\s*([A-Za-z])\s*(?:\([^$=]*\))?\s*=")


def _labels_Gradient(work, problem, lang) -> tuple:
    """∂F/∂x, ... with the function's name as the problem writes it; ∂/∂x, ... if it has none."""
    stems = {str(v).rstrip("0123456789_") for v in work.variables}     # w = (w_1, w_2) names the variables
    names = [name for name in _NAMED.findall(problem.text(lang)) if name not in stems]
    return _partials(problem.data.get("notation", {}).get("f") or next(iter(names), ""), work.variables)


def _labels_GraphPass(work, problem, lang) -> tuple:
    top = _name(work.graph.nodes[-1].name)
    return (top, *_partials(top, (v for v, _ in work.gradients)))


def _labels_ProgramPass(work, problem, lang) -> tuple:
    """What ``find`` asks of a program, by the names it gives: f, ∂f/∂x (of the output), x⁺ (after the step)."""
    labels = []
    for name in work.asked:
        if name.endswith("+"):
            labels.append(_name(name[:-1]) + "^{+}")
        elif name.startswith("d") and "/d" in name:
            top, wrt = name[1:].split("/d", 1)
            labels += _partials(_name(top), (wrt,), "d" if ordinary_derivatives(problem) else r"\partial")    # dy/dx as stated
        else:
            labels.append(_name(name))
    return tuple(labels)


def _labels_DeltaRule(work, problem, lang) -> tuple:
    """The deltas, the gradients, the momentum steps: δ_o1, …, ∂L/∂w_1 (the gradient by the parameter its table
    names, as the key's answer names it), …, Δw_1, …"""
    from ..nn.delta_rule import step_of
    return (*(_name(f"delta_{row[0]}") for row in work.deltas), *_partials(work.network.loss_symbol, (row[0] for row in work.gradients)),
            *(sp.latex(step_of(row[0])) for row in work.updates))


def _labels_SoftmaxLoss(work, problem, lang) -> tuple:
    return _partials("L", (f"y_{j}" for j in range(1, work.n + 1)))


def _labels_ForwardPass(work, problem, lang) -> tuple:
    return tuple(_name(name) for name, _ in work.forward)


def _labels_TrainingRun(work, problem, lang) -> tuple:
    """The trained network's output ŷ for each input the task asks about: ŷ(0, 1), ŷ(−7, −3)."""
    from ..numerics.train import load_data
    questions, comma = load_data(work.task.name).questions, "; " if lang == "ru" else ", "
    return tuple(r"\hat{y}(%s)" % comma.join(sp.latex(sp.nsimplify(float(x))) for x in questions[name])
                 for name in work.predictions)


def _labels_ResidualGradient(work, problem, lang) -> tuple:
    """What a residual-gradient problem asks, part by part: r₁, …; ∂f/∂x₁ in x; ∂f/∂x₁ at the point (named by
    the point where the formula is asked too)."""
    from ..problems.vector_problems import residual_parts
    parts = residual_parts(problem)
    comma = "; " if lang == "ru" else ", "
    at = r"\left(%s\right)" % comma.join(sp.latex(v) for v in work.point) if "formula" in parts else ""
    labels = {"residual": tuple(f"r_{{{i}}}" for i in range(1, len(work.residual) + 1)),
              "formula": _partials("f", work.variables),
              "gradient": tuple(label + at for label in _partials("f", work.variables))}
    return tuple(label for part in parts for label in labels.get(part, ()))


def _labels_Computation(work, problem, lang) -> tuple:
    """The least-squares line y = wx + b: its w and its b (the other computations are a number or a matrix)."""
    return ("w", "b") if work.title in ("linalg.normal", "linalg.zero_derivatives") else ()


LABELS = {"Gradient": _labels_Gradient, "GraphPass": _labels_GraphPass, "DeltaRule": _labels_DeltaRule,
          "SoftmaxLoss": _labels_SoftmaxLoss, "ForwardPass": _labels_ForwardPass,
          "OptimizerStep": point_labels, "OptimizerRun": point_labels, "NewtonStep": point_labels,
          "NewtonRun": point_labels, "TrainingRun": _labels_TrainingRun,
          "Computation": _labels_Computation, "QuadraticGradient": _labels_Gradient,
          "ProgramPass": _labels_ProgramPass, "ResidualGradient": _labels_ResidualGradient}


def _groups(work, lang) -> tuple:
    """The optimizers compared: each one's name and the coordinates of its new point."""
    if type(work).__name__ != "OptimizerComparison":
        return ()
    return tuple((phrase(lang, f"opt.name.{step.optimizer.name}"), tuple(_name(v) for v in step.variables))
                 for step in work.steps)


def _names(work, lang) -> tuple:
    """The activations of the table, as the lecture names them."""
    if type(work).__name__ != "ActivationTable":
        return ()
    return tuple(phrase(lang, f"plot.activation.{activation.name}") for activation, *_ in work.rows) + ("softmax",)


_DRAW = re.compile(r"\bDraw\b")
_COMPARE = re.compile(r"\b[Cc]ompare\b")


def _also(work, problem) -> tuple:
    """What the statement asks that the checker does not grade, and the sheet leaves room for: the graph it asks to
    draw, the shape of a NumPy result (``shape = true``), whether a point is the least-squares solution (``find``
    holds ``solution``), and a comparison it asks for (lines to write it on)."""
    kind, text = type(work).__name__, problem.text("en")
    parts = ("drawing",) if kind == "GraphPass" and _DRAW.search(text) else ()       # "Draw the computational graph"
    if kind == "ArrayRun" and problem.data.get("shape") and work.answer_kind in ("vector", "matrix"):
        parts += ("shape",)
    if kind == "ResidualGradient" and "solution" in (problem.data.get("find") or ()):
        parts += ("solution",)
    return parts + (("comparison",) if _COMPARE.search(text) else ())


def _precision(parts, problem) -> tuple:
    """The checker's rounding rule for this problem (``answers.compare.rounding_rule``), when some
    number of the answer is not exact in the digits the rule asks for (7/150, σ(9)); else ()."""
    from ..answers.compare import round_sig, round_to, rounding_rule
    from ..answers.options import CheckOptions
    from ..problems.solve import question_options
    rule, values = rounding_rule(CheckOptions.from_dict(question_options(problem)))
    # a whole number (3072 parameters) is typed exactly as it is: it never needs rounding
    numbers = [n for n in (sp.nsimplify(part) if isinstance(part, float) else sp.Integer(part) if isinstance(part, int)
                           else part for part in parts) if not n.is_Integer]
    if rule == "decimals":
        rounded = [round_to(n, values["places"]) for n in numbers]
    else:
        rounded = [round_sig(n, values.get("figures", CheckOptions().min_sigfigs)) for n in numbers]
    return (rule, values) if any(r != sp.Rational(n) if n.is_Rational else True for r, n in zip(rounded, numbers)) \
        else ()


# a count a statement spells out: "to four decimal places", «с девятью знаками после запятой»
_COUNTS = {"en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                  "ten": 10, "eleven": 11, "twelve": 12},
           "ru": {word: n for n, words in enumerate((
               "один одного одним", "два двух двумя", "три трёх трех тремя", "четыре четырёх четырех четырьмя",
               "пять пяти пятью", "шесть шести шестью", "семь семи семью", "восемь восьми восемью",
               "девять девяти девятью", "десять десяти десятью"), 1) for word in words.split()}}
_COUNT = r"(?P<n>\d+|[^\W\d_]+)"
# a tolerance: 0.0001, 0,0001, 1 \cdot 10^{-4}, 10^{-4}; a percent when % follows; never the count of places (4-го знака)
_AMOUNT = (r"(?P<m>\d+(?:[.,]\d+)?)?(?:\s*(?:\\cdot|·|\\times|×)?\s*10\^\{?(?P<e>[-−]\d+)\}?)?(?P<pc>\s*%)?"
           r"(?![\d.,]*\s*(?:-|decimal|significant|place|знак|значащ))")
_SAID = {"en": (("decimals", rf"\b{_COUNT} decimal places?\b"),
                ("sigfigs", rf"\b{_COUNT} significant (?:figures|digits)\b"),
                ("absolute", rf"\b(?:within|at most|no more than|accurate to|an accuracy of)\s+(?:±\s*)?{_AMOUNT}")),
         "ru": (("decimals", rf"\b{_COUNT}(?:-?(?:го|х|ми|ю))?\s+знак\w*\s+после\s+запятой"),
                ("sigfigs", rf"\b{_COUNT}\s+значащ\w+\s+цифр"),
                ("absolute", rf"(?:погрешност|точност)\w*\s+(?:не больше|не более|не хуже|до|меньше|менее)\s+(?:чем\s+)?(?:±\s*)?{_AMOUNT}"))}
# the precision a statement states is enough when an answer given as it asks meets the checker's rule
_MEETS = {("decimals", "decimals"): lambda said, values: said >= values["places"],
          ("sigfigs", "sigfigs"): lambda said, values: said >= values["figures"],
          ("decimals", "absolute"): lambda said, values: Decimal("0.5").scaleb(-int(said)) <= _decimal(values["tolerance"]),
          ("absolute", "absolute"): lambda said, values: said <= _decimal(values["tolerance"]),
          ("relative", "relative"): lambda said, values: said <= _decimal(values["percent"])}


def _decimal(number) -> Decimal:
    return Decimal(repr(number) if isinstance(number, float) else str(number))


def said_precision(text: str, lang: str) -> list[tuple[str, Decimal]]:
    r"""The precisions a statement states itself, as (rule, number): decimals (places), sigfigs (figures),
    absolute (the tolerance) or relative (the percent).

    >>> said_precision("give $y$ to four decimal places, each number within 0.0001", "en")
    [('decimals', Decimal('4')), ('absolute', Decimal('0.0001'))]
    >>> said_precision("с точностью до 2-го знака после запятой, с погрешностью не больше $1 \\cdot 10^{-3}$", "ru")
    [('decimals', Decimal('2')), ('absolute', Decimal('0.001'))]
    """
    text = text.replace("$", "").replace("{,}", ",")
    said = []
    for rule, pattern in _SAID.get(lang, ()):
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if "n" in match.groupdict():
                count = match["n"].lower()
                number = int(count) if count.isdigit() else _COUNTS[lang].get(count)
                if number is not None:
                    said.append((rule, Decimal(number)))
            elif match["e"] or match["pc"] or re.search(r"\d[.,]\d", match["m"] or ""):   # never "at most 3 steps"
                amount = Decimal((match["m"] or "1").replace(",", ".")).scaleb(int((match["e"] or "0").replace("−", "-")))
                said.append(("relative" if match["pc"] else rule, amount.normalize()))
    return said


def says_precision(precision: tuple, text: str, lang: str) -> bool:
    """The statement states a precision that the checker's ``precision`` rule is met by: the sheet adds none."""
    return bool(precision) and any(_MEETS.get((said, precision[0]), lambda *_: False)(number, precision[1])
                                   for said, number in said_precision(text, lang))


def form_of(solution, lang: str = "en") -> AnswerForm:
    """The form of ``solution``'s answer, from its shape (and its work, for the labels)."""
    answer, work, problem = solution.answer, solution.work, solution.problem
    also = _also(work, problem)
    if isinstance(answer, sp.MatrixBase):
        if answer.shape == (1, 1):
            return AnswerForm("number", also=also)
        return AnswerForm("matrix", len(answer), answer.shape, also=also)
    parts = answer if isinstance(answer, tuple) else (answer,)
    if all(isinstance(part, sp.logic.boolalg.BooleanAtom) for part in parts):
        return AnswerForm("claims", len(parts))
    numeric = all(isinstance(part, (int, float)) or isinstance(part, sp.Basic) and part.is_number for part in parts)
    precision = _precision(parts, problem) if numeric else ()
    told = says_precision(precision, problem.text(lang) + " " + (problem.answer_form(lang) or ""), lang)
    if len(parts) == 1:
        return AnswerForm("number", precision=precision, told=told, also=also) if numeric else AnswerForm("formula", also=also)
    labeller = LABELS.get(type(work).__name__)
    labels = labeller(work, problem, lang) if labeller else ()
    names = _names(work, lang)
    if len(labels) != len(parts) and len(names) != len(parts):      # 1) 2) 3): named as the statement or the key names them
        labels = stated_labels(problem.answer_form("en") or problem.text("en"), len(parts)) or key_labels(solution, len(parts))
    return AnswerForm("numbers" if numeric else "formulas", len(parts), labels=labels if len(labels) == len(parts) else (),
                      groups=_groups(work, lang), names=names if len(names) == len(parts) else (), precision=precision, told=told,
                      rounded=bool(problem.data.get("rounded")) and type(work).__name__ == "TrainingRun", also=also)


def _top_level(math: str) -> list[str]:
    """The items of a formula separated by commas outside any bracket: (D(0.01), \\frac{a}{b}) -> D(0.01), \\frac{a}{b}."""
    items, depth, start = [], 0, 0
    for k, char in enumerate(math):
        depth += char in "({[" and 1 or char in ")}]" and -1 or 0
        if char == "," and depth == 0:
            items.append(math[start:k].strip())
            start = k + 1
    return [*items, math[start:].strip()]


def stated_labels(text: str, count: int) -> tuple:
    """The names of the ``count`` parts of an answer, where ``text`` (its stated form, else its statement) writes
    them as one tuple, "the weights $(w_1, w_2, w_3)$"; else ()."""
    for math in re.findall(r"(?<!\\)\$\((.*?)\)\$", text or ""):
        items = _top_level(math)
        if len(items) == count and all(re.search(r"[A-Za-z]", item) and "=" not in item for item in items):
            return tuple(items)
    return ()


def key_labels(solution, count: int) -> tuple:
    """The names the key's answer gives its ``count`` parts, $∂f/∂s = 28$; $∂f/∂t = 16$; else ()."""
    from ..render import render
    lines = [line for line in render(solution, "latex", lang="en", detail="brief").splitlines() if r"\textbf{Answer:}" in line]
    items = re.findall(r"\$([^$]*?) (?:=|\\approx) [^$]*\$", lines[0]) if lines else []      # ŷ(50, 168) ≈ 0.9630 (woman)
    items = [re.sub(r"([,;]) *\\ +", r"\1 ", item) for item in items]          # ŷ(0, 0), not ŷ(0, \  0)
    return tuple(items) if len(items) == count and all(items) else ()


def stated(form: AnswerForm, lang: str) -> str:
    """The sentences a worksheet prints under the statement: what the answer is, in which order, and
    how precise its decimals must be."""
    return " ".join(filter(None, (what(form, lang), precision(form, lang))))


def precision(form: AnswerForm, lang: str) -> str:
    """What the answer holds besides its checked parts (then the shape of the result; then yes or no), and how
    precise its decimals must be, as the checker judges them; "" when there is nothing more and no number needs
    rounding or the statement says it already. A problem's own ``answer_form`` says what the answer is, and these
    sentences can follow it."""
    more = " ".join(phrase(lang, f"sheet.also.{part}") for part in form.also
                    if part not in ("drawing", "comparison"))         # "Draw", "compare": the statement said it
    if not form.precision or form.told:
        return more
    rule, values = form.precision
    tolerance = values.get("tolerance")
    if isinstance(tolerance, float) and 0 < abs(tolerance) < 1e-3:      # 5e-09 as 5·10⁻⁹, a formula
        mantissa, exponent = f"{tolerance:.0e}".split("e")
        values = {**values, "tolerance": f"${mantissa} \\cdot 10^{{{int(exponent)}}}$"}
    return " ".join(filter(None, (more, local_numbers(phrase(lang, f"sheet.precision.{rule}", **values), lang))))  # 0,02


def _in_sentence(name: str) -> str:
    """A name inside a sentence: sigmoid σ, метод моментов, not Sigmoid σ (but ReLU, AdaGrad, Adam)."""
    first = name.split()[0]
    return name[0].lower() + name[1:] if first[1:].islower() and first not in PROPER_NAMES else name


PROPER_NAMES = frozenset({"Adam", "Nesterov", "Нестерова", "Heaviside", "Хевисайда"})      # capitals inside a sentence too


def what(form: AnswerForm, lang: str) -> str:
    """The sentence that says what the answer is: "The answer is a formula in $F$." """
    # "21 numbers" / «из 21 числа»: the counted word agrees with the number in each language
    counted = count(lang, form.count, f"{form.kind}.{'names' if form.names else 'of'}") if form.kind in ("numbers", "formulas") else ""
    if form.names:
        names = (_in_sentence(name) for name in form.names)
        return phrase(lang, f"sheet.form.{form.kind}.names", count=form.count, counted=counted, order=", ".join(names))
    if form.groups:
        order = "; ".join(f"{_in_sentence(name)}: " + ", ".join(f"${c}$" for c in coordinates)
                          for name, coordinates in form.groups)
        return phrase(lang, f"sheet.form.{form.kind}.order", count=form.count, counted=counted, order=order)
    if form.labels:
        order = ", ".join(f"${label}$" for label in form.labels)
        key = f"sheet.form.{form.kind}.{'rounded' if form.rounded else 'order'}"
        return phrase(lang, key, count=form.count, counted=counted, order=order)
    rows, columns = form.shape or (0, 0)
    return phrase(lang, f"sheet.form.{form.kind}", count=form.count, counted=counted, rows=rows, columns=columns)


def latex_space(form: AnswerForm, lang: str) -> str:
    """The room left for the answer on a LaTeX worksheet, shaped like the answer, then a blank for the shape
    of a NumPy result or a yes/no box for the least-squares question where the statement asks them."""
    rooms = {"shape": rf"\noindent {phrase(lang, 'sheet.room.shape')} {BLANK}\par",
             "solution": rf"\noindent {phrase(lang, 'sheet.room.solution')} $\square$~{phrase(lang, 'sheet.room.yes')}"
                         rf" \quad $\square$~{phrase(lang, 'sheet.room.no')}\par",
             "drawing": rf"\noindent {phrase(lang, 'sheet.room.drawing')}\par\nopagebreak\noindent"
                        r"\fbox{\rule{0pt}{6cm}\hspace{\dimexpr\linewidth-2\fboxsep-2\fboxrule\relax}}\par\bigskip",
             "comparison": rf"\noindent {phrase(lang, 'sheet.room.comparison')} \hrulefill" "\n\n" r"\vspace{1.2em}\noindent\hrulefill"}
    drawn = [rooms[part] for part in form.also if part == "drawing"]          # the graph before the numbers read off it
    return "\n\n".join([*drawn, _room(form, lang), *(rooms[part] for part in form.also if part != "drawing")])


def _room(form: AnswerForm, lang: str) -> str:
    if form.kind == "number":
        return rf"\noindent {phrase(lang, 'sheet.answer.here')} {BLANK}"
    if form.kind == "formula":
        return rf"\noindent {phrase(lang, 'sheet.answer.here')} \hrulefill" "\n\n" r"\vspace{1.2em}\noindent\hrulefill"
    if form.kind == "claims":
        yes, no = phrase(lang, "sheet.yes"), phrase(lang, "sheet.no")
        return "\n".join(rf"\noindent {k}. $\square$~{yes} \quad $\square$~{no}\par" for k in range(1, form.count + 1))
    if form.kind == "matrix":
        rows, columns = form.shape
        cells = r" \\ ".join(" & ".join([r"\rule{1.8cm}{0.4pt}"] * columns) for _ in range(rows))
        return (rf"\noindent {phrase(lang, 'sheet.answer.here')}" "\n" r"{\renewcommand{\arraystretch}{2.2}"
                rf"\[\left(\begin{{array}}{{{'c' * columns}}} {cells} \end{{array}}\right)\]}}")
    blank = BLANK if form.kind == "numbers" else r"\hrulefill"
    if form.groups:
        lines = [f"{name}: " + r" \quad ".join(f"${c} = $ {blank}" for c in coordinates) for name, coordinates in form.groups]
    elif form.labels:
        lines = [rf"$\displaystyle {label} = $ {blank}" for label in form.labels]
    elif form.names:
        lines = [f"{name}: {blank}" for name in form.names]
    else:
        lines = [f"{k}) {blank}" for k in range(1, form.count + 1)]
    if form.kind == "numbers" and not form.groups and not form.names:
        lines = [r" \qquad ".join(lines[i:i + PER_LINE]) for i in range(0, len(lines), PER_LINE)]
    return "\n".join(rf"\noindent {line}\par\vspace{{0.8em}}" for line in lines)
