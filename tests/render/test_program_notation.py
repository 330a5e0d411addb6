"""The notation of graph and program keys, as a calculus teacher reads it.

A value assigned again is numbered, c⁽²⁾ (LaTeX c^{(2)}), never primed: c′ reads as a derivative.
The output's last value keeps the statement's name (g, after g⁽¹⁾ = f/2), so its gradients are ∂g/∂a
as the statement asks. A row of the output's own node is the local derivative of its formula,
∂(x·a)/∂x = 3, not ∂f/∂x, which is the total (6) in the sums and the answer. The values are checked
against sympy.diff of the program composed into one formula.
"""

from __future__ import annotations

import re

import pytest
import sympy as sp

from symnn import render
from symnn.problems.solve import solve
from symnn.render.text import TextPrinter

PROGRAMS = ["graph-exp", "max-gate", "program-add-mul", "program-relu-neuron", "program-reuse", "program-micrograd",
            "program-sigmoid-neuron", "half-norm-program", "karpathy-circuit-step", "karpathy-neuron-step",
            "micrograd-sanity", "cs231n-staged", "relu-weights-step", "tanh-chain", "relu-chain", "likelihood-nll"]


def key(problem_id: str, format: str, lang: str) -> list[str]:
    return render(solve(problem_id), format, lang=lang, detail="brief").splitlines()


def micrograd(a, b):
    """micrograd's README program as one formula; ReLU as Max(0, ·), whose derivative SymPy knows."""
    c = a + b
    d = a * b + b ** 3
    c = c + c + 1
    c = c + 1 + c - a
    d = d + 2 * d + sp.Max(0, b + a)
    d = d + 3 * d + sp.Max(0, b - a)
    e = c - d
    f = e ** 2
    g = f / 2
    return g + 10 / f


a, b, x, y = sp.symbols("a b x y", real=True)


@pytest.mark.parametrize("format, lang, expected", [
    # c += c + 1 makes the node c⁽²⁾; the output's first value is g⁽¹⁾, its last one g, 2421/98 written ≈ 24.7041
    # in its table and so in the answer
    ("text", "en", ["c⁽²⁾  c⁽²⁾ = c + c + 1                   (-2) + (-2) + 1           -3",
                    "c⁽³⁾  c⁽³⁾ = c⁽²⁾ + 1 + c⁽²⁾ - a         (-3) + 1 + (-3) - (-4)    -1",
                    "g⁽¹⁾  g⁽¹⁾ = f/2                         49/2                      24.5",
                    "g     g = g⁽¹⁾ + 10/f                    24.5 + 10/49              ≈ 24.7041",
                    "∂c⁽³⁾/∂c⁽²⁾        2          2           ≈ -6.9417            ≈ -13.8834",
                    "   ∂g/∂f = -10/f^2 + ∂g/∂g⁽¹⁾·(1/2) = -0.00416 + 1·0.5 ≈ 0.4958",
                    "Answer: g ≈ 24.7041; ∂g/∂a ≈ 138.8338; ∂g/∂b ≈ 645.5773"]),
    ("text", "ru", ["g     g = g⁽¹⁾ + 10/f                    24,5 + 10/49              ≈ 24,7041",
                    "Ответ: g ≈ 24,7041; ∂g/∂a ≈ 138,8338; ∂g/∂b ≈ 645,5773"]),
    ("latex", "en", [r"$c^{(2)}$ & $c^{(2)} = c + c + 1$ & $(-2) + (-2) + 1$ & $-3$ \\",
                     r"\frac{\partial g}{\partial f} &= - \frac{10}{f^{2}} + \frac{\partial g}{\partial g^{(1)}} \cdot "
                     r"\frac{1}{2} = -0.00416 + 1 \cdot 0.5 \approx 0.4958 \\*[0.5ex]"]),
    ("latex", "ru", [r"\rule[-1.1ex]{0pt}{3.4ex}$g^{(1)}$ & $g^{(1)} = \frac{f}{2}$ & $\frac{49}{2}$ & $24{,}5$ \\"]),
])
def test_a_value_assigned_again_is_numbered_not_primed(format, lang, expected):
    printed = key("program-micrograd", format, lang)
    for line in expected:
        assert line in printed


def test_micrograds_printed_gradients_are_sympys():
    # the answer's ∂g/∂a and ∂g/∂b are the derivatives of the composed program at (−4, 2); g = 2421/98, a long
    # fraction, as its table writes it: ≈ 24.7041
    g = micrograd(a, b)
    point = {a: -4, b: 2}
    assert g.subs(point) == sp.Rational(2421, 98)
    printed = f"Answer: g ≈ {float(g.subs(point)):.4f}; " \
              f"∂g/∂a ≈ {float(sp.diff(g, a).subs(point)):.4f}; ∂g/∂b ≈ {float(sp.diff(g, b).subs(point)):.4f}"
    assert printed in key("program-micrograd", "text", "en")
    # the sum for the reused f: ∂g/∂f = −10/f² + 1/2 at f = 49 (the output g = f/2 + 10/f in f alone)
    f = sp.Symbol("f")
    assert f"≈ {float(sp.diff(f / 2 + 10 / f, f).subs(f, 49)):.4f}" == "≈ 0.4958"


@pytest.mark.parametrize("problem_id, format, lang, local_rows, total_line, composed, point, wrt", [
    # f = x·a, a = max(x, y): the local ∂(x·a)/∂x = a = 3, the total ∂f/∂x = 6; a, on one path only, ∂f/∂a
    ("max-gate", "text", "en", ["∂(x·a)/∂x         a         3      1                    3",
                                "∂f/∂a             x         3      1                    3"],   # a reaches f on one path
     "   ∂f/∂x = a + ∂f/∂a·H(x - y) = 3 + 3·1 = 6", x * sp.Max(x, y), {x: 3, y: 2}, x),
    ("max-gate", "text", "ru", ["∂(x·a)/∂x              a         3         1                      3"],
     "   ∂f/∂x = a + ∂f/∂a·H(x - y) = 3 + 3·1 = 6", x * sp.Max(x, y), {x: 3, y: 2}, x),
    ("max-gate", "latex", "en", [r"\rule[-1.1ex]{0pt}{3.4ex}$\frac{\partial \left(x a\right)}{\partial x}$ & $a$ & "
                                 r"$3$ & $1$ & $3$ \\"],
     r"\frac{\partial f}{\partial x} &= a + \frac{\partial f}{\partial a} H(x - y) = 3 + 3 \cdot 1 = 6",
     x * sp.Max(x, y), {x: 3, y: 2}, x),
    # L = b·x, b = a + x, a = x·y: the local ∂(b·x)/∂x = b = 8, the total ∂L/∂x = 16
    ("program-reuse", "text", "en", ["∂(b·x)/∂x         b        8      1                    8"],
     "   ∂L/∂x = b + ∂L/∂b + ∂L/∂a·y = 8 + 2 + 2·3 = 16", (x * y + x) * x, {x: 2, y: 3}, x),
    ("program-reuse", "latex", "ru", [r"\rule[-1.1ex]{0pt}{3.4ex}$\frac{\partial \left(b x\right)}{\partial x}$ & $b$ & "
                                      r"$8$ & $1$ & $8$ \\"],
     r"\frac{\partial L}{\partial x} &= b + \frac{\partial L}{\partial b} + \frac{\partial L}{\partial a} \cdot y = "
     r"8 + 2 + 2 \cdot 3 = 16", (x * y + x) * x, {x: 2, y: 3}, x),
    # micrograd's sanity check: the local ∂(h + q + q·x)/∂x = q = 40, the total ∂y/∂x = 46
    ("micrograd-sanity", "text", "ru", ["∂(h + q + q·x)/∂x      q         40        1                      40"],
     "   ∂y/∂x = q + ∂y/∂q·z + ∂y/∂z·3 = 40 + (-3)·(-10) + (-8)·3 = 46",
     sp.Max(0, (3 * x + 2) ** 2) + (sp.Max(0, 3 * x + 2) + (3 * x + 2) * x) * (1 + x), {x: -4}, x),
])
def test_a_local_derivative_of_the_output_is_not_written_as_the_total(problem_id, format, lang, local_rows, total_line,
                                                                      composed, point, wrt):
    printed = key(problem_id, format, lang)
    for row in local_rows:
        assert row in printed
    assert total_line in printed
    total = sp.diff(composed, wrt).subs(point)
    assert total_line.endswith(f"= {total}")                       # the oracle: the composed program's derivative
    output = re.match(r"\s*(?:\\frac\{\\partial |∂)(\w)", total_line)[1]
    for row in printed:                                            # no row of the table is labelled ∂f/∂x itself
        assert not row.startswith((f"∂{output}/∂{wrt} ", r"\rule[-1.1ex]{0pt}{3.4ex}$\frac{\partial %s}{\partial %s}$"
                                   % (output, wrt)))


@pytest.mark.parametrize("problem_id", PROGRAMS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_graph_or_program_key_primes_a_name(problem_id, lang):
    # a prime would read as a derivative: no c′ in the text key, no c' or c^{\prime} in the LaTeX one
    text = "\n".join(line for line in key(problem_id, "text", lang) if not line.startswith(("Note.", "Примечание.")))
    latex = "\n".join(line for line in key(problem_id, "latex", lang) if "textbf{Note.}" not in line
                      and "textbf{Примечание.}" not in line)
    assert "′" not in text and not re.search(r"[A-Za-z]'", text)
    assert r"\prime" not in latex and not re.search(r"[A-Za-z}]'", latex)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_local_derivative_of_a_quotient_brackets_it(lang):
    # f = 1/(1 + e^(−z)): ∂(1/(1 + e⁻ᶻ))/∂z, not ∂1/(1 + e⁻ᶻ)/∂z, which reads as (∂1)/(1 + e⁻ᶻ)/∂z (the label of
    # an output's row by an input on several paths); z reaches f on one path only, so its key's row is ∂f/∂z
    z = sp.Symbol("z", real=True)
    assert TextPrinter(lang=lang).local_ratio((1 / (1 + sp.exp(-z)), False), z) == "∂(1/(1 + e⁻ᶻ))/∂z"
    rows = [row for row in key("program-sigmoid-neuron", "text", lang) if row.startswith("∂f/∂z ")]
    assert len(rows) == 1 and "e⁻ᶻ/(1 + e⁻ᶻ)^2" in rows[0]
    z = sp.Symbol("z")
    assert sp.simplify(sp.diff(1 / (1 + sp.exp(-z)), z) - sp.exp(-z) / (1 + sp.exp(-z)) ** 2) == 0   # the formula shown
