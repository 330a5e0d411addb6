"""The precision of a key: its work (tables, lines, pictures) rounds as the course does, four places and at
least three significant digits, or to the reader's ``--decimals``; its answer follows the places the problem
asks for (its ``decimals``, its checker's ``tolerance = { decimals = N }``); short exact values exact."""

import re

import pytest
import sympy as sp

from symnn.export.pictures.graphs import node_labels
from symnn.nn.graph import graph_pass
from symnn.problems.solve import solve
from symnn.render import render
from symnn.render.math import text_math
from symnn.render.values import rounded, shown


def lines(problem_id, format="text", lang="en", **settings):
    return render(solve(problem_id), format, lang=lang, **settings).splitlines()


@pytest.mark.parametrize("problem_id, format, lang, settings, line", [
    # "to ten decimal places": a small loss keeps its ten places, in fixed point, not 3.51019·10⁻⁵
    ("mazur-221-10000", "text", "en", {},
     "Answer: E_total⁺ ≈ 0.0000351019; out_o1⁺ ≈ 0.0159136204; out_o2⁺ ≈ 0.9840642735"),
    # the same in Russian, with decimal commas
    ("mazur-221-10000", "text", "ru", {},
     "Ответ: E_total⁺ ≈ 0,0000351019; out_o1⁺ ≈ 0,0159136204; out_o2⁺ ≈ 0,9840642735"),
    # and in LaTeX, where SymPy would write a power of ten
    ("mazur-221-10000", "latex", "en", {},
     r"{\raggedright \noindent \textbf{Answer:} $E_{\mathrm{total}}^+ \approx 0.0000351019$; "
     r"$\mathrm{out}_{o1}^+ \approx 0.0159136204$; $\mathrm{out}_{o2}^+ \approx 0.9840642735$\par}"),
    # --decimals 4: a value that rounds to 0.0000 is 0.0000 there, then its three significant digits in powers of ten
    ("mazur-221-10000", "text", "en", {"decimals": 4},
     "Answer: E_total⁺ ≈ 0.0000 (3.51·10⁻⁵); out_o1⁺ ≈ 0.0159; out_o2⁺ ≈ 0.9841"),
    # no places asked: the answer at the course's four places as its work, the zero of 0.0734 and -2.2289 too
    ("delta-worked", "text", "en", {},
     "Answer: h_1 = σ(0.45) ≈ 0.6106; h_2 = σ(0.78) ≈ 0.6857; o_1 ≈ 0.3405; L ≈ 0.2175; "
     "∂L/∂w_56 ≈ -0.1015; ∂L/∂w_3 ≈ 0.0734; w_56⁺ ≈ -2.2289; L⁺ ≈ 0.1989"),
    ("delta-worked", "text", "en", {}, "δ_6     o_1·(1 - o_1)·(o_1 - y)  0.3405·(1 - 0.3405)·(0.3405 - 1)      ≈ -0.1481"),
    # decimals = 9: the work keeps the course's four places, and the key says so under the answer
    ("mazur-221", "text", "en", {}, "δ_o1    out_o1·(1 - out_o1)·(out_o1 - target_o1)   0.7514·(1 - 0.7514)·(0.7514 - 0.01)"
                                    "                 ≈ 0.1385"),
    ("mazur-221", "text", "en", {}, "Intermediate values are rounded to 4 decimal places (at least three significant "
                                    "figures); the answer, computed from unrounded values, is given to 9 places."),
    # no precision asked: four places, or three significant digits for a small value (0.00537, as the course's 0.0606)
    ("delta-rule", "text", "en", {}, "w_2        -0.1·0.00537 + 0.9·0        ≈ -0.000537"),
    ("delta-rule", "text", "en", {}, "δ_(out_pred)  out_pred·(1 - out_pred)·(out_pred - out_y)  "
                                     "0.5237·(1 - 0.5237)·(0.5237 - 1)  ≈ -0.1188"),
    ("delta-rule", "text", "en", {}, "h_1       h_1 = σ(w_1·x_1 + w_2·x_2 + b_1)       σ(1·(-2) + 1·(-1) + 0)      σ(-3) ≈ 0.0474"),
    # two places asked, a value that would round to 0.00 there: 0.00, then its three significant digits in powers of ten
    ("cs231n-softmax-cat", "text", "en", {}, "Answer: L ≈ 2.04; ∂L/∂s_1 ≈ -0.87; ∂L/∂s_2 ≈ 0.87; ∂L/∂s_3 ≈ 0.00 (9.68·10⁻⁴)"),
    ("cs231n-softmax-cat", "text", "ru", {}, "Ответ: L ≈ 2,04; ∂L/∂s_1 ≈ -0,87; ∂L/∂s_2 ≈ 0,87; ∂L/∂s_3 ≈ 0,00 (9,68·10⁻⁴)"),
    ("cs231n-softmax-cat", "latex", "ru", {},
     r"{\raggedright \noindent \textbf{Ответ:} $L \approx 2{,}04$; $\frac{\partial L}{\partial s_{1}} \approx -0{,}87$; "
     r"$\frac{\partial L}{\partial s_{2}} \approx 0{,}87$; $\frac{\partial L}{\partial s_{3}} \approx 0{,}00 \; {(9{,}68 \cdot 10^{-4})}$\par}"),
    # its work keeps four places: the probabilities a reader checks the answer with
    ("cs231n-softmax-cat", "text", "en", {}, "∂L/∂s_1  e^(s_1)/(e^(s_1) + e^(s_2) + e^(s_3)) - 1  "
                                             "e^(3.2)/(e^(3.2) + e^(5.1) + e^(-1.7)) - 1  ≈ -0.8700"),
    # the reader's --decimals rounds the work and the answer alike
    ("delta-rule", "text", "en", {"decimals": 3}, "Answer: δ_(out_pred) ≈ -0.119; δ_h1 ≈ -0.005; δ_h2 ≈ -0.005; "
     "∂L/∂w_1 ≈ 0.011; ∂L/∂w_2 ≈ 0.005; ∂L/∂b_1 ≈ -0.005; ∂L/∂w_3 ≈ 0.011; ∂L/∂w_4 ≈ 0.005; "
     "∂L/∂b_2 ≈ -0.005; ∂L/∂w_5 ≈ -0.006; ∂L/∂w_6 ≈ -0.006; ∂L/∂b_3 ≈ -0.119; Δw_1 ≈ -0.001; Δw_2 ≈ -0.001; Δb_1 ≈ 0.001; "
     "Δw_3 ≈ -0.001; Δw_4 ≈ -0.001; Δb_2 ≈ 0.001; Δw_5 ≈ 0.010; Δw_6 ≈ 0.010; Δb_3 ≈ 0.012"),
    # two places asked, an exact value with four: written exactly, with the two places beside (as its note says)
    ("karpathy-circuit-step", "text", "en", {},
     "Answer: ∂f/∂x = -4; ∂f/∂y = -4; ∂f/∂z = 3; x⁺ = -2.04; y⁺ = 4.96; z⁺ = -3.97; q⁺ = 2.92; f⁺ = -11.5924 ≈ -11.59"),
    # its table, the work, shows the exact value alone: its four places are the work's
    ("karpathy-circuit-step", "text", "en", {}, "f     f = q·z     2.92·(-3.97)      -11.5924"),
    # the same in Russian
    ("karpathy-circuit-step", "text", "ru", {},
     "Ответ: ∂f/∂x = -4; ∂f/∂y = -4; ∂f/∂z = 3; x⁺ = -2,04; y⁺ = 4,96; z⁺ = -3,97; q⁺ = 2,92; f⁺ = -11,5924 ≈ -11,59"),
    # a training run's small loss keeps three digits, the other values four places
    ("xor-lab", "text", "en", {}, "Training loss: 0.2757 at the start, 0.00119 after the last epoch."),
    # a key without small values keeps the default four places, and exact values stay exact
    ("backprop-w1", "text", "en", {}, "∂L/∂w_1 = (-0.9526)·0.2494·(-0.0904) ≈ 0.0215"),
    ("4.3", "text", "en", {}, "Answer: ∇ F(2, 1/3, 0) = (60, -162, 1)"),
])
def test_a_key_has_one_precision(problem_id, format, lang, settings, line):
    assert line in lines(problem_id, format, lang, **settings)


def _course_places(decimal: str) -> bool:
    """Four places, or more for a value below 0.01 that keeps three significant digits (0.00537)."""
    whole, places = decimal.lstrip("-").split(".")
    return len(places) == 4 or whole == "0" and places[:2] == "00" and len(places.lstrip("0")) == 3


@pytest.mark.parametrize("problem_id, answer", [
    ("delta-worked", None),        # no places asked: the answer as the work
    ("mazur-221", 9),              # decimals = 9: the work at the course's four places, the answer at nine
    ("mazur-221-10000", 10),       # decimals = 10
    ("delta-rule", None),          # none: as the work
    ("graph-exp", None),           # the default
])
def test_work_rounds_as_the_course_and_the_answer_as_asked(problem_id, answer):
    # every "≈ d" of the work, in tables and chains, rounds as the course does; the answer's as asked
    text = "\n".join(lines(problem_id)).split("\nNote.")[0]
    body, answer_line = text.split("\nAnswer:")
    work = re.findall(r"≈ (-?\d+\.\d+)", body)
    assert work and all(_course_places(d) for d in work), work
    asked = re.findall(r"≈ (-?\d+\.\d+)", answer_line.split("\n")[0])
    published = solve(problem_id).problem.published
    given = {repr(n) for n in published if isinstance(n, float)} if isinstance(published, list) else set()   # as printed
    assert asked and all(_course_places(d) if answer is None else len(d.split(".")[1]) == answer or d in given for d in asked)


@pytest.mark.parametrize("value, places, expected", [
    # an integer is never 3.0000, whatever the places
    (sp.Integer(3), 6, (sp.Integer(3), None)),
    # a short terminating decimal is written as it is
    (sp.Rational(1, 2), 6, (sp.Float("0.5", 1), None)),
    # a terminating decimal with more places than asked: exact, with its rounding beside
    (sp.Rational(-115924, 10000), 2, (sp.Float("-11.5924", 6), sp.Float("-11.59", 4))),
    # a decimal given with as many places: exact alone
    (sp.Rational(-115924, 10000), None, (sp.Float("-11.5924", 6), None)),
])
def test_shown_keeps_short_exact_values(value, places, expected):
    assert shown(value, places) == expected


@pytest.mark.parametrize("places, expected", [
    # places asked: as asked, though that leaves two digits
    (6, "0.000035"),
    # places asked that would leave nothing but 0: three digits
    (4, "0.0000351"),
    # the default: four places, or three digits
    (None, "0.0000351"),
])
def test_asked_and_default_places(places, expected):
    assert text_math(rounded(sp.Float("0.00003514", 15), places)) == expected      # as a key writes it


@pytest.mark.parametrize("lang, places, name, expected", [
    # graph-exp's picture rounds as its key does: four places, e³ ≈ 20.0855 (not 20.09)
    ("en", None, "c", ("c = eᵇ = e³ ≈ 20.0855", "∂f/∂c = 1")),
    ("en", None, "x", ("x = 1", "∂f/∂x = 2e³ ≈ 40.1711")),
    # with --decimals 2 (passed by the key's export), two places, in Russian with a comma
    ("ru", 2, "f", ("f = 1 + c = 1 + e³ ≈ 21,09", "∂f/∂f = 1")),
])
def test_a_graph_picture_rounds_as_its_key(lang, places, name, expected):
    run = graph_pass("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1")
    assert node_labels(run, lang, places)[name] == expected


def test_a_graph_picture_rounds_as_the_course():
    # ∂f/∂w₀ = σ′(−5) ≈ 0.00665: three digits for the small value, four places for the others
    from symnn.export.pictures.graphs import graph_picture
    texts = graph_picture(graph_pass("sigmoid(w1*x1 + w0)", "x1=-3, w1=2, w0=1")).texts()
    assert "∂f/∂x₁ ≈ 0.0133" in texts and "∂f/∂w₁ ≈ −0.0199" in texts and "∂f/∂w₀ ≈ 0.00665" in texts
