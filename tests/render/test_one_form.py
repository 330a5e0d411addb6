"""Within one key one quantity is written in one form (render.one_form): the answer writes a value as its work
did, a table's column writes its values one way, a sign does not make an exact value too long to show, the
delta rule answers its gradients by the names of its tables, Newton's A⁻¹ is written alike on its two lines.
Exact strings of keys, English and Russian."""

from __future__ import annotations

import re

import pytest
import sympy as sp

from symnn import render, solve
from symnn.problems.bank import Problem
from symnn.render.one_form import column, one_form, remember
from symnn.render.values import is_short


def key(problem, lang: str = "en") -> list[str]:
    return render(solve(problem), "text", lang=lang, detail="brief").splitlines()


def _tanh_network(inputs, weights) -> Problem:
    """A 2-2-1 network in matrix form, tanh then identity, with no biases: z₁ = W₁x."""
    data = {"layers": [2, 2, 1], "inputs": inputs, "targets": [0.5], "weights": weights, "biases": [0, 0],
            "activation": ["tanh", "identity"], "loss": "half-se", "learning_rate": 0.1, "form": "matrix",
            "find": ["forward", "L", "gradients", "updated"]}
    return Problem("p", "network", "t", {"en": "…", "ru": "…"}, data)


@pytest.mark.parametrize("problem, lang, work, answer", [
    # the textbook's step: tanh(−0.1) in the work and in the answer, not −tanh(0.1) (SymPy's form of the value)
    ("tanh-221-step", "en", "   h = tanh(z_1) = [tanh(-0.1); tanh(-0.6)] ≈ [-0.0997; -0.5370]",
     "Answer: h = [tanh(-0.1); tanh(-0.6)] ≈ [-0.0997; -0.5370]; o ≈ 0.3724;"),
    ("tanh-221-step", "ru", "   h = th(z_1) = [th(-0,1); th(-0,6)] ≈ [-0,0997; -0,5370]",
     "Ответ: h = [th(-0,1); th(-0,6)] ≈ [-0,0997; -0,5370]; o ≈ 0,3724;"),
    # another network of the kind, one sum negative and one positive: z₁ = (−0.5, 0.3)
    (_tanh_network([1, 1], [[[0.2, -0.7], [0.1, 0.2]], [[1, 1]]]), "en",
     "   h = tanh(z_1) = [tanh(-0.5); tanh(0.3)] ≈ [-0.4621; 0.2913]", "Answer: h = [tanh(-0.5); tanh(0.3)] ≈ [-0.4621; 0.2913]"),
])
def test_the_answer_writes_an_activation_as_its_work_does(problem, lang, work, answer):
    lines = key(problem, lang)
    assert work in lines
    assert [line for line in lines if line.startswith(answer)]


def test_a_gradient_is_written_in_one_form_in_every_column_and_the_answer():
    lines = key("program-sigmoid-neuron")
    # σ′(1) = e⁻¹/(1 + e⁻¹)² is e/(1 + e)², the form of the upstream column: one form for 0.1966 in the key
    assert "∂f/∂z             e⁻ᶻ/(1 + e⁻ᶻ)^2  e/(1 + e)^2 ≈ 0.1966  1                     e/(1 + e)^2 ≈ 0.1966" in lines
    # −2e/(1 + e)² and −3e/(1 + e)² as short as 2e/(1 + e)²: exact beside their decimals, like the others
    assert "∂z/∂w_1           x_1              -2                    e/(1 + e)^2 ≈ 0.1966  -2e/(1 + e)^2 ≈ -0.3932" in lines
    assert lines[-2] == ("Answer: f = 1/(1 + e⁻¹) ≈ 0.73; ∂f/∂w_0 = -e/(1 + e)^2 ≈ -0.20; ∂f/∂x_0 = 2e/(1 + e)^2 ≈ 0.39; "
                         "∂f/∂w_1 = -2e/(1 + e)^2 ≈ -0.39; ∂f/∂x_1 = -3e/(1 + e)^2 ≈ -0.59; ∂f/∂w_2 = e/(1 + e)^2 ≈ 0.20")
    # no number of the key is written both exactly and as a bare decimal
    bare = {m.group(1) for line in lines for m in re.finditer(r"(?:^|  |; |/∂\w+ )≈ (-?\d+\.\d+)", line)}
    assert not bare & {"0.1966", "-0.1966", "0.3932", "-0.3932", "-0.5898"}


@pytest.mark.parametrize("lang, rows", [
    # 1 − tanh(tanh(tanh 2))² is too long to write exactly: the column of local values is in decimals alone
    ("en", ["dy/db             1 - tanh(b)^2  ≈ 0.5996  1                    ≈ 0.5996",
            "db/da             1 - tanh(a)^2  ≈ 0.4434  ≈ 0.5996             ≈ 0.2658",
            "da/dx             1 - tanh(x)^2  ≈ 0.0707  ≈ 0.2658             ≈ 0.0188"]),
    ("ru", ["dy/db                  1 - th(b)^2  ≈ 0,5996  1                      ≈ 0,5996",
            "db/da                  1 - th(a)^2  ≈ 0,4434  ≈ 0,5996               ≈ 0,2658",
            "da/dx                  1 - th(x)^2  ≈ 0,0707  ≈ 0,2658               ≈ 0,0188"]),
])
def test_a_column_of_values_is_written_one_way(lang, rows):
    lines = key("tanh-chain", lang)
    for row in rows:
        assert row in lines
    # the forward values: tanh(2) is its numbers, so it says ≈ 0.9640 alone, and the whole column is in decimals
    forward = [line for line in lines if line.startswith(("y     y = tanh(b)", "y     y = th(b)"))]
    assert forward and all(line.endswith(("  ≈ 0.6328", "  ≈ 0,6328")) for line in forward)


class _Column:
    """A printer's shown(), rounded alone where it is told to."""
    rounded_alone = False

    def shown(self, value):
        from symnn.render.values import shown
        return one_form(None, value, shown(value), rounded=self.rounded_alone)

    def cell(self, value):
        exact, decimal = self.shown(value)
        return str(decimal) if exact is None else str(exact) if decimal is None else f"{exact} ≈ {decimal}"


@pytest.mark.parametrize("values, cells", [
    # short exact values and whole numbers: each as it is
    ([sp.E, sp.Integer(2), sp.Rational(1, 3)], ["E ≈ 2.7183", "2", "1/3 ≈ 0.3333"]),
    # one value too long to write exactly: the column in decimals, the whole number exact
    ([sp.tanh(sp.tanh(sp.tanh(2))) ** 2 + 1, sp.E, sp.Integer(2)], ["1.4004", "2.7183", "2"]),
])
def test_column_writes_its_values_one_way(values, cells):
    printer = _Column()
    assert column(printer, values, printer.cell) == cells


@pytest.mark.parametrize("value", [
    -2 * sp.E / (1 + sp.E) ** 2,                        # the minus is no operation to read: short as 2e/(1 + e)²
    sp.Mul(-1, 3, sp.E, (1 + sp.E) ** -2, evaluate=False),   # as a graph's product leaves it, −1·3·e/(1 + e)²
    -sp.sqrt(2) / 2,
    -sp.tanh(sp.Rational(1, 10)),
])
def test_a_negative_value_is_as_short_as_its_opposite(value):
    assert is_short(value) and is_short(value) == is_short(-value)


def test_the_first_form_of_a_number_is_kept():
    forms = {}
    value = sp.tanh(sp.Rational(-1, 10))            # SymPy: −tanh(1/10)
    remember(forms, value, sp.tanh(sp.Float("-0.1", 1), evaluate=False))
    exact, _ = one_form(forms, value, (-sp.tanh(sp.Float("0.1", 1)), sp.Float("-0.0997", 3)))
    assert str(exact) == "tanh(-0.1)"
    # a fraction no table wrote as its decimal alone: as it is, and not kept
    assert one_form(forms, sp.Rational(1, 3), (sp.Rational(1, 3), sp.Float("0.3333", 4)))[0] == sp.Rational(1, 3)
    assert len(forms) == 1


@pytest.mark.parametrize("lang, answer", [
    # g = 2421/98 is written ≈ 24.7041 in the forward table (a long fraction): so in the answer too
    ("en", "Answer: g ≈ 24.7041; ∂g/∂a ≈ 138.8338; ∂g/∂b ≈ 645.5773"),
    ("ru", "Ответ: g ≈ 24,7041; ∂g/∂a ≈ 138,8338; ∂g/∂b ≈ 645,5773"),
])
def test_a_fraction_a_table_writes_as_its_decimal_is_answered_so(lang, answer):
    lines = key("program-micrograd", lang)
    assert answer in lines
    assert not [line for line in lines if "2421/98" in line]


@pytest.mark.parametrize("lang, lines", [
    # x₀ = (0.5, 0.5) given in decimals: A⁻¹ in decimals on its own line and in the step alike
    ("en", ["The inverse of the Hessian: 𝐀_0⁻¹ = [(0.5, 0); (0, 0.02)]",
            "𝐱_1 = 𝐱_0 - 𝐀_0⁻¹𝐠_0 = [0.5; 0.5] - [(0.5, 0); (0, 0.02)]·[1; 25] = [0.5; 0.5] - [0.5; 0.5] = (0, 0)"]),
    ("ru", ["Обратная матрица Гессе: 𝐀_0⁻¹ = [(0,5; 0); (0; 0,02)]",
            "𝐱_1 = 𝐱_0 - 𝐀_0⁻¹𝐠_0 = [0,5; 0,5] - [(0,5; 0); (0; 0,02)]·[1; 25] = [0,5; 0,5] - [0,5; 0,5] = (0; 0)"]),
])
def test_newtons_inverse_hessian_is_written_one_way(lang, lines):
    written = key("hagan-newton", lang)
    assert all(line in written for line in lines)
    assert not [line for line in written if "1/50" in line]


@pytest.mark.parametrize("problem, lang, lines", [
    # the normal equation's solution as the answer writes w and b, 3.5, not 7/2 (an inverse with 11/24 keeps fractions)
    ("linreg-normal-eq", "en", ["   (X^T·X)^(-1) = [(1/8, -1/8); (-1/8, 11/24)]", "   (X^T·X)^(-1)·X^T·y = [3.5; 3.5]",
                                "Answer: w = 3.5; b = 3.5"]),
    ("linreg-normal-eq", "ru", ["   (X^T·X)^(-1)·X^T·y = [3,5; 3,5]", "Ответ: w = 3,5; b = 3,5"]),
    # a constant slope g′ = 1 − a = −1/2 as its table's values and product write it, −0.5
    ("gd-closed-form", "en", ["The derivative of one step: g'(x) = -0.5", "0  2      -0.5     -0.5",
                              "(g^5)'(x_0) = (-0.5)·(-0.5)·(-0.5)·(-0.5)·(-0.5) = -0.03125"]),
    ("gd-closed-form", "ru", ["Производная одного шага: g'(x) = -0,5", "0  2      -0,5     -0,5"]),
])
def test_a_number_of_a_line_is_written_as_the_answer_writes_it(problem, lang, lines):
    written = key(problem, lang)
    assert all(line in written for line in lines), [line for line in lines if line not in written]
