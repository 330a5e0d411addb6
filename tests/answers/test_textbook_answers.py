"""Answers as textbooks print them: a rounding with its trailing zeros dropped, a whole number under a
tolerance, the book's coarser rounding and what ``--verify`` says of it (a held-out teacher's bank)."""

import textwrap

import pytest
import sympy as sp

from symnn.answers.check import check_answer, check_bank_answer
from symnn.problems.verify import report

# Karpathy's tanh neuron o = tanh(xw + b), x = 2, w = −3, b = 6.8813735870195432: o ≈ 0.7071,
# ∂o/∂x = w(1 − o²) ≈ −1.5000, ∂o/∂w = x(1 − o²) ≈ 1.0000, ∂o/∂b = 1 − o² ≈ 0.5000 (b is cut, so
# none is exactly a decimal)
B = "881373587019543/1000000000000000"
NEURON = (f"tanh({B})", f"-3/cosh({B})^2", f"2/cosh({B})^2", f"1/cosh({B})^2")

TWO_LAYER = r"-(y - \sigma(X W_1) W_2) \sigma(W_1^T X^T)"      # dL/dW₂ of L = ½(y − σ(XW₁)W₂)²

# (reference, answer, options, correct?, words the feedback must contain)
CASES = [
    # --- decimals = 4: the rounding with its trailing zeros dropped is that rounding
    (NEURON, "(0.7071, -1.5, 1.0, 0.5)", {"decimals": 4}, True, ""),            # −1.5 for −1.5000
    (NEURON, "(0.7071, -1.5000, 1.0000, 0.5000)", {"decimals": 4}, True, ""),   # as asked
    (NEURON, "(0.7071, -1.5, 1, 0.5)", {"decimals": 4}, True, ""),              # 1 for 1.0000
    (NEURON, "(0.707, -1.5, 1.0, 0.5)", {"decimals": 4}, False, "round to 4 decimal places"),  # 0.707 is not 0.7071
    (NEURON, "(0.7071, -1.4, 1.0, 0.5)", {"decimals": 4}, False, "not a correct rounding"),   # a wrong number
    (NEURON, "(0.7071, -1.5001, 1.0, 0.5)", {"decimals": 4}, False, "Component 2"),           # wrong at the 4th place
    ("3/2", "1.5", {"decimals": 4}, True, ""),                                   # the exact value, typed short
    ("3/2", "1.50", {"sigfigs": 4}, True, ""),                                   # ... and in significant figures
    ("1.49996", "1.5", {"decimals": 4}, True, ""),                               # 1.5000 is the rounding to 4 places
    ("1.49994", "1.5", {"decimals": 4}, False, ""),                              # 1.4999 is, not 1.5
    ("1.49994", "1.5", {"sigfigs": 5}, False, ""),                               # ... in 5 significant figures too
    # --- an absolute or relative tolerance: a whole number is judged as the decimal it is
    (NEURON, "(0.7071, -1.5, 1, 0.5)", {"absolute": 5e-5}, True, ""),           # 1 is 1.0, within 5e-5
    (NEURON, "(0.7071, -1.5, 1.0, 0.5)", {"absolute": 5e-5}, True, ""),
    (NEURON, "(0.7071, -1.5, 2, 0.5)", {"absolute": 5e-5}, False, "Component 3"),   # a whole number, wrong
    (f"2/cosh({B})^2", "1", {"relative": 1e-4}, True, ""),                       # relative, the same rule
    ("1/10000", "0", {"absolute": 0.001}, False, ""),                            # 0 is never a nonzero value
    (f"2/cosh({B})^2", "1", {}, False, ""),                                      # no tolerance: 1 is not 2/cosh²(b)
    ("3", "3", {"absolute": 0.5}, True, ""),                                     # exactly right
    # --- units after a number are set aside, and said so; the number is still judged
    ("-0.04155", r"\approx -0.04155 \text{ kPa/s}", {}, True, "units kPa/s were set aside"),  # Stewart's ideal gas
    ("-0.04155", "-0.04155 kPa/s", {}, True, "units kPa/s"),                   # typed as text
    ("-0.04155", r"\frac{dP}{dt} = -0.04155\,\mathrm{kPa/s}", {}, True, "units"),   # a chain, the unit at its end
    ("-0.04155", "-0.042 kPa/s", {}, False, "3 significant figures"),          # the number is still judged
    ("-0.04155", "0.04155 kPa/s", {}, False, "sign"),                           # a wrong number never passes
    ("(3, 2)", "(3 m/s, 2 m)", {}, True, "units m/s, m"),                       # on each component
    ("9.8", r"9.8\,\text{m/s^2}", {"lang": "ru"}, True, "Единицы измерения m/s^2 не учитываются"),
    ("-0.04155", "-0.04155 кПа/с", {"lang": "ru"}, True, "кПа/с"),             # Russian units
    ("2*s", "2 s", {}, True, ""),                                               # s is the problem's variable
    ("2", "2 s", {"variables": ("s",)}, False, ""),                             # ... and 2s is not 2
    ("2*m*s", "2 ms", {}, True, ""),                                            # ms of the names m and s is m·s
    ("3*c", "3с", {}, True, "Latin twin"),                                      # a Cyrillic с for the name c, not seconds
    ("(-3, 5)", "D = -3, C = 5", {}, True, ""),                                # C is a label here, not coulombs
    ("x^2", "x^2 m", {}, False, ""),                                            # units follow a number, not a formula
    # --- components labelled with the key's own names (Strang's line b = C + Dt: the key is (D, C))
    ("(-3, 5)", "C = 5, D = -3", {"labels": ("D", "C")}, True, "matched by their labels, in the order D, C"),
    ("(-3, 5)", "D = -3, C = 5", {"labels": ("D", "C")}, True, ""),             # in the key's order
    ("(-3, 5)", "C = -3, D = 5", {"labels": ("D", "C")}, False, "swapped"),     # the values under the wrong names
    ("(-3, 5)", "C = 5, E = -3", {"labels": ("D", "C")}, False, "labels E are not names of the parts of the answer (D, C)"),
    ("(-3, 5)", "C = 5, E = -3", {"labels": ("D", "C"), "lang": "ru"}, False, "Подписи E не совпадают"),
    ("(-3, 5)", "(5, -3)", {"labels": ("D", "C")}, False, "swapped"),           # no labels: the key's order
    ("(-3, 5, 2)", "C = 5, loss = 2, D = -3", {"labels": ("D", "C", "loss")}, True, "D, C, loss"),   # a training run
    ("(-3, 5, 2)", "C = 5, loss = 3, D = -3", {"labels": ("D", "C", "loss")}, False, "Component 3"),
    # --- a function's value transposed, σ(XW₁)ᵀ = σ(W₁ᵀXᵀ) (the key of two-layer-w2, as symnn prints it)
    (TWO_LAYER, r"- (y - \sigma(X W_{1}) W_{2}) \sigma(X W_{1})^{T}", {}, True, ""),
    (TWO_LAYER, "-(y - σ(XW₁)W₂) σ(XW₁)ᵀ", {}, True, ""),                       # typed in Unicode
    (TWO_LAYER, "-(y - σ(XW₁)W₂) σ(W₁ᵀXᵀ)", {}, True, ""),                      # (XW₁) is no remark in words
    (TWO_LAYER, "-(y - σ(XW₁)W₂) σ(XW₁)", {}, False, ""),                        # the transpose left out
    (TWO_LAYER, r"- (y - \sigma(X W_{1}) W_{2}) (\sigma(X) W_{1})^{T}", {}, False, ""),  # σ of X alone
    ("-1", "2 - 3s", {}, False, ""),                                            # a unit follows a whole value, not 3 of 2 − 3s
    ("3", "3s", {}, True, "units s"),                                            # ... and may touch it
    # --- a line fitted by least squares, written as its formula in the statement's variable: (slope, intercept)
    ("(-3, 5)", "b = 5 - 3t", {"labels": ("D", "C"), "line": "t"}, True, ""),   # Strang's own answer
    ("(-3, 5)", "-3t + 5", {"labels": ("D", "C"), "line": "t"}, True, ""),
    ("(-3, 5)", "5 + 3t", {"labels": ("D", "C"), "line": "t"}, False, "sign"),  # the slope's sign
    ("(-3, 5)", "5 - 3t^2", {"labels": ("D", "C"), "line": "t"}, False, "vector of 2"),   # not a line
    ("(-3, 5)", "5 - 3x", {"labels": ("D", "C"), "line": "t"}, False, "vector of 2"),     # a line in another variable
    ("(-3, 5)", "5 - 3t", {}, False, "vector of 2"),                            # no line asked: a formula is no pair
    # --- a Jacobian's determinant named as symnn's key names it
    ("r", r"\det J = r", {}, True, ""),                                         # the key's own answer line
    ("r", "det J = r", {}, True, ""),
    ("r", r"\det J = 2r", {"powers": True}, False, "factor of 2"),             # r cos²θ + r sin²θ: squares to lose a 2 in
    ("r", r"\det J", {}, False, ""),                                            # the name alone is no value
    # --- Hagan's stable learning rate, an intersection of intervals, ends written as fractions
    ("0 < alpha < 1/25", r"\alpha \in (0, 1) \cap (0, \frac{1}{25})", {}, True, ""),   # as symnn's key writes it
    ("0 < alpha < 1/25", "α ∈ (0; 1) ∩ (0; 0,04)", {}, True, ""),              # in Unicode, decimal commas
    ("0 < alpha < 1/25", r"\alpha \in (0, \frac{1}{25})", {}, True, ""),       # the intersection worked out
    ("0 < alpha < 1/25", r"\alpha \in (0, 1) \cup (0, \frac{1}{25})", {}, False, "end 1"),   # a union is not it
    ("0 < alpha < 1/25", r"\alpha \in (0, \frac{1}{20})", {}, False, "end 0.05"),
    ("0 < alpha < 1/25", "a in (0;1) ∩ (0;0.04) ∪ (2;3)", {}, False, ""),      # ∩ and ∪ together: not read
    # --- NumPy refuses the operation: its own message, or an error and why, is the answer "error"
    ("error", "ValueError: operands could not be broadcast together with shapes (4,) (5,)", {}, True, ""),
    ("error", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
              "ValueError: operands could not be broadcast together with shapes (4,) (5,)", {}, True, ""),
    ("error", "operands could not be broadcast together with shapes (4,) (5,)", {}, True, ""),   # the message alone
    ("error", "ошибка: формы (4,) и (5,) не согласуются", {}, True, ""),       # in Russian, with the reason
    ("error", "(4,)", {}, False, "NumPy refuses"),                              # a shape is not a refusal
    ("error", "TypeError9: no", {}, False, "NumPy refuses"),                    # not a name of an error
    ("(4,)", "ValueError: shapes", {}, False, ""),                             # where NumPy does not refuse
]


@pytest.mark.parametrize("reference, answer, options, correct, words", CASES)
def test_answer_as_a_book_prints_it(reference, answer, options, correct, words):
    verdict = check_answer(reference, answer, timeout=20, **options)
    assert verdict.correct is correct, verdict.feedback
    assert words in " ".join(verdict.feedback)


SATURATED = """
title.en = 'A neuron'
title.ru = 'Нейрон'

[[problem]]
id = "saturated"
kind = "network"
layers = [1, 1]
inputs = [1]
targets = [0]
weights = [[[2]]]
biases = [2]
activation = "sigmoid"
loss = "half-se"
find = ["o1"]
statement.en = 'Find $a$.'
statement.ru = 'Найдите $a$.'
published = [0.98]
"""


@pytest.mark.parametrize("tolerance, refused", [
    ("", True),                                  # no tolerance: 0.98 has too few figures for σ(4) = 0.98201…
    ("tolerance = { decimals = 2 }", False),     # the tolerance verify names
    ("tolerance = { decimals = 3 }", True),      # 0.98 is not rounded to 3 places
])
def test_verify_and_check_agree_on_a_book_value(tolerance, refused, tmp_path):
    (tmp_path / "neuron.toml").write_text(textwrap.dedent(SATURATED) + tolerance + "\n", encoding="utf-8")
    accepts = lambda problem, answer: check_bank_answer(problem, answer, tmp_path, timeout=20).correct  # noqa: E731
    assert accepts("saturated", "0.98") is not refused
    assert not accepts("saturated", "0.97")
    table, _ = report(tmp_path, "en", accepts)
    sentence = ("symnn check refuses the published value of saturated as the book prints it, 0.98: the problem "
                "sets no tolerance that accepts this rounding. To accept it, set tolerance = { decimals = 2 } "
                "in the problem.")
    assert (table.splitlines()[-1] == sentence) is refused
    table, _ = report(tmp_path, "ru", accepts)
    assert ("задайте в задаче tolerance = { decimals = 2 }." in table) is refused


def test_a_right_formula_costs_no_exact_evaluation(monkeypatch):
    """Stewart's z = eˣ sin y, x = st², y = s²t: a right ∂z/∂s agrees at every sampled point, also at 120
    digits, so SymPy's strict evaluation (seconds where the difference is 0) is never asked; a wrong
    one still fails, and a difference of 10⁻⁴⁵ that 40 digits lose is found."""
    from symnn.calculus import equivalence
    calls = []
    real = equivalence._exact_difference
    monkeypatch.setattr(equivalence, "_exact_difference", lambda d, point: calls.append(point) or real(d, point))
    s, t = sp.symbols("s t", real=True)
    key = t * (2 * s * sp.cos(s**2 * t) + t * sp.sin(s**2 * t)) * sp.exp(s * t**2)
    right = t**2 * sp.exp(s * t**2) * sp.sin(s**2 * t) + 2 * s * t * sp.exp(s * t**2) * sp.cos(s**2 * t)
    assert equivalence.same_function(key, right).equal is True and calls == []
    assert equivalence.same_function(key, right + sp.exp(s) / 10**45).equal is False
    assert equivalence.same_function(key, right - s * t**2 * sp.exp(s * t**2) * sp.cos(s**2 * t)).equal is False


STRANG = """
title.en = 'Least squares'
title.ru = 'Метод наименьших квадратов'

[[problem]]
id = "strang"
kind = "least-squares"
points = [[0, 6], [1, 0], [2, 0]]
notation = { w = "D", b = "C", x = "t", y = "b" }
statement.en = 'Find the closest line $b = C + Dt$ to the points $(0, 6)$, $(1, 0)$, $(2, 0)$.'
statement.ru = 'Найдите прямую $b = C + Dt$, ближайшую к точкам $(0, 6)$, $(1, 0)$, $(2, 0)$.'
"""


@pytest.mark.parametrize("answer, correct", [
    ("C = 5, D = -3", True),            # by the names of the statement, in its order of writing
    ("D = -3; C = 5", True),            # in the key's order
    ("(-3, 5)", True),                  # unlabelled, in the key's order (D, C)
    ("C = -3, D = 5", False),           # the numbers under each other's names
    ("b = 5 - 3t", True),               # the line itself, in the statement's variable t
    ("b = 5 - 3x", False),              # x is not the statement's variable
])
def test_a_bank_problem_s_notation_names_its_components(answer, correct, tmp_path):
    (tmp_path / "lines.toml").write_text(textwrap.dedent(STRANG), encoding="utf-8")
    assert check_bank_answer("strang", answer, tmp_path, timeout=20).correct is correct
