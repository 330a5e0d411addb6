"""A key answers what its statement asks, in the form it asks (issue 19, "the key answers the statement").

Each problem here once had a key that answered something else: F′ in x where the statement asks it
through F, the gradients alone where it asks for the deltas and the momentum update, and so on.
The answers are pinned by exact strings in English and Russian, and every typed key of the practice
page (tests/serve/typed_keys.py) is accepted by the checker.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from symnn import render
from symnn.answers.check import check_bank_answer
from symnn.problems.bank import get_problem
from symnn.problems.solve import answer_value, solve
from tests.serve.typed_keys import TYPED

CHANGED = ["tanh-exp", "softmax-two-classes", "activations", "relu-chain", "linreg-fit", "linreg-normal-eq",
           "finite-diff", "delta-rule"]


def answer_line(problem_id: str, format: str, lang: str) -> str:
    """The brief key's answer line."""
    text = render(solve(problem_id), format, lang=lang, detail="brief")
    word = "Ответ:" if lang == "ru" else "Answer:"
    return next(line for line in text.splitlines() if word in line)


@pytest.mark.parametrize("problem_id, format, lang, expected", [
    # "find F′(x) and write it as a formula in F": F′(x) as the statement writes it,
    # the derivation's last form, then the form asked
    ("tanh-exp", "latex", "ru", r"{\noindent \textbf{Ответ:} $F'{(x)} = "
                                r"\frac{4 e^{2 x}}{(e^{2 x} + 1)^{2}} = 1 - F^{2}$\par}"),      # no σ: the statement has none
    # "find ∂p₀/∂y₀ and write it through p₀"
    ("softmax-two-classes", "latex", "ru", r"{\noindent \textbf{Ответ:} $\frac{\partial p_{0}}{\partial y_{0}} = "
                                           r"\frac{e^{y_{0}} e^{y_{1}}}{(e^{y_{0}} + e^{y_{1}})^{2}} = "
                                           r"p_{0} {(1 - p_{0})}$; $p_{0} = \sigma{(y_{0} - y_{1})}$\par}"),
    ("tanh-exp", "latex", "en", r"{\noindent \textbf{Answer:} $F'{(x)} = "
                                r"\frac{4 e^{2 x}}{(e^{2 x} + 1)^{2}} = 1 - F^{2}$\par}"),
    # d, as the statement writes dy/dx; and the comparison with the tanh chain it asks for
    ("relu-chain", "text", "ru", "Ответ: y = 2; dy/dx = 1; для y = th(th(th(x))): dy/dx ≈ 0,0188; "
                                 "отношение 1/0,0188 ≈ 53,2"),
    # "write σ′(z) through σ itself": σ′(z), not ∂σ/∂z
    ("nielsen-sigmoid-prime", "text", "en", "Answer: σ′(z) = σ(z)·(1 - σ(z)) = σ·(1 - σ)"),
])
def test_the_answer_is_written_as_the_statement_asks(problem_id, format, lang, expected):
    assert answer_line(problem_id, format, lang) == expected


def test_a_derivative_is_written_through_the_name_by_eliminating_a_variable():
    # no part of 4σ(2x)(1 − σ(2x)) equals F = (e^{2x} − 1)/(e^{2x} + 1): x is solved for and put in
    F, p0, f, alpha = (sp.Symbol(n, real=True) for n in ("F", "p_0", "f", "alpha"))
    assert solve("tanh-exp").answer == 1 - F ** 2
    assert solve("softmax-two-classes").answer == p0 * (1 - p0)
    assert solve("perceptron-alpha").answer == alpha * f * (1 - f)


def test_the_activation_table_answers_through_f_where_the_course_does_and_gives_softmax():
    from symnn.nn.activations import alpha, f, x
    answer = solve("activations").answer
    assert len(answer) == 14                              # 13 activations, then softmax
    assert answer[2] == alpha * f * (1 - f)               # σ′ = αf(1 − f)
    assert answer[3] == 1 - f ** 2                        # th′ = 1 − f²
    assert answer[11].args[0][0] == f + alpha             # ELU′ = f + α for x < 0
    assert answer[4] == 1 / (x ** 2 + 1)                  # arctg′: the course writes it in x
    s_i, s_j, delta = (sp.Symbol(n, real=True) for n in ("s_i", "s_j", "delta_ij"))
    assert answer[13] == s_i * (delta - s_j)


@pytest.mark.parametrize("lang, expected", [
    ("en", r"softmax: $\frac{\partial s_{i}}{\partial x_{j}} = s_{i} {(\delta_{ij} - s_{j})}$\par}"),
    ("ru", r"ELU: $f'{(x)} = \begin{cases} \alpha + f & \text{при } x < 0 \\ 1 & \text{иначе} \end{cases}$; "
           r"softplus: $f'{(x)} = \sigma{(x)}$; softmax: $\frac{\partial s_{i}}{\partial x_{j}} = "
           r"s_{i} {(\delta_{ij} - s_{j})}$\par}"),
])
def test_the_activation_key_names_every_part_softmax_last(lang, expected):
    assert answer_line("activations", "latex", lang).endswith(expected)
    assert r"sigmoid: $f'{(x)} = \alpha f {(1 - f)}$; tanh: $f'{(x)} = 1 - f^{2}$" in answer_line("activations", "latex", "en")


def test_the_relu_chain_compares_with_the_tanh_chain_in_numbers_the_bank_derives():
    # the note's tanh numbers are those of the tanh-chain problem, rounded as printed
    y, slope = (float(v) for v in answer_value(solve("tanh-chain").answer))
    assert (round(y, 4), round(slope, 4)) == (0.6328, 0.0188)
    locals_ = [1 - np.tanh(v) ** 2 for v in (2.0, np.tanh(2.0), np.tanh(np.tanh(2.0)))]
    assert [round(v, 4) for v in locals_] == [0.0707, 0.4434, 0.5996]
    assert math.isclose(np.prod(locals_), slope) and round(1 / slope) == 53
    # the key derives them in its body (compare = { steps = … }): the tanh chain's table and the ratio
    body = render(solve("relu-chain"), "text", lang="en")
    # (its column of local values in decimals alone, as 1 − tanh(tanh(tanh 2))² is too long to write exactly)
    assert "1 - tanh(x)^2  ≈ 0.0707" in body and "1 - tanh(a)^2  ≈ 0.4434" in body and "≈ 0.5996" in body
    # the number under the 1 is dy/dx as the key shows it above (0.0188), the ratio that of the exact values
    # the ratio as precise as its rounded operand (three significant digits), which the exact quotient and the
    # quotient of the numbers shown both round to
    assert f"The ratio of the two values of dy/dx: 1/{round(slope, 4)} ≈ {1 / slope:.1f}" in body
    assert f"{1 / round(slope, 4):.1f}" == f"{1 / slope:.1f}" and f"{1 / round(slope, 4):.4f}" != f"{1 / slope:.4f}"
    assert "0.0188" not in (get_problem("relu-chain").note["en"])       # not typed again in the note


@pytest.mark.parametrize("problem_id", CHANGED)
def test_the_typed_key_is_accepted(problem_id):
    for lang, typed in zip(("en", "ru"), TYPED[problem_id]):
        if typed is not None:
            verdict = check_bank_answer(problem_id, typed, lang=lang, timeout=30)
            assert verdict.correct, (lang, typed, verdict.feedback)


@pytest.mark.parametrize("problem_id, typed, lang", [
    ("tanh-exp", "1 - tanh(x)^2", "en"),                 # right value, but not through F as asked
    ("softmax-two-classes", "e^(y_0) e^(y_1)/(e^(y_0) + e^(y_1))^2", "ru"),
])
def test_an_answer_not_written_through_the_name_is_not_full_marks(problem_id, typed, lang):
    verdict = check_bank_answer(problem_id, typed, lang=lang, timeout=30)
    assert not verdict.correct and verdict.score == 0.5


def test_linreg_fit_sets_the_derivatives_to_zero_and_linreg_normal_eq_uses_the_matrices():
    w, b = sp.symbols("w b", real=True)
    steps = dict(solve("linreg-fit").work.steps)
    mse = sp.Function("MSE")(w, b)
    oracle = sum((w * x + b - y) ** 2 for x, y in ((1, 7), (-1, 0), (3, 14))) / 3       # sympy.diff as the oracle
    assert sp.expand(steps[sp.Derivative(mse, w)] - sp.diff(oracle, w)) == 0
    assert sp.expand(steps[sp.Derivative(mse, b)] - sp.diff(oracle, b)) == 0
    # (a row's end with or without the * that keeps it on its page is the page layout's: read alike, as \\)
    fit = render(solve("linreg-fit"), "latex", lang="en", detail="brief").replace(r"\\*", r"\\").splitlines()
    # w before b, as the statement's y = wx + b writes them
    assert r"\frac{\partial \mathrm{MSE}}{\partial b} &= 2 (w + b - 7) \\[0.5ex]" in fit
    assert any(r"(3 w + b - 14)^{2}" in line for line in fit)      # the bias after the weighted input, the number last
    assert r"11 w + 3 b &= 49 \\[0.5ex]" in fit and r"w + b &= 7 \\[0.5ex]" in fit
    # the system solved by substitution (tests/nn/test_substitution.py has every line)
    assert r"11 w + 3 (7 - w) &= 49 \\[0.5ex]" in fit and r"b &= 7 - w = 7 - 3.5 = 3.5" in fit
    assert fit[-1] == r"{\noindent \textbf{Answer:} $w = 3.5$; $b = 3.5$\par}"
    assert not any("X^{T}" in line for line in fit)
    normal = render(solve("linreg-normal-eq"), "latex", lang="ru", detail="brief")
    assert r"X^{T} X &= \left(\begin{matrix}11 & 3\\3 & 3\end{matrix}\right)" in normal
    assert r"\partial \mathrm{MSE}" not in normal
    assert normal.splitlines()[-1] == r"{\noindent \textbf{Ответ:} $w = 3{,}5$; $b = 3{,}5$\par}"
    # both agree with NumPy's least squares
    X = np.array([[1, 1], [-1, 1], [3, 1]], dtype=float)
    w, b = np.linalg.lstsq(X, np.array([7, 0, 14], dtype=float), rcond=None)[0]
    for problem_id in ("linreg-fit", "linreg-normal-eq"):
        assert np.allclose([float(v) for v in solve(problem_id).answer], [w, b])


def test_a_least_squares_method_the_bank_does_not_know_is_refused_naming_the_field(tmp_path):
    from symnn.problems.bank import BankError, load_bank
    (tmp_path / "mine.toml").write_text('topic = "mine"\ntitle.en = "Mine"\ntitle.ru = "Моё"\n[[problem]]\n'
                                        'id = "fit"\nkind = "least-squares"\nmethod = "guess"\n'
                                        'points = [[0, 1], [1, 2]]\nstatement.en = "Fit."\nstatement.ru = "Найдите."\n')
    with pytest.raises(BankError, match="method"):
        load_bank(tmp_path)


def test_finite_diff_answers_the_estimate_it_asks_for_and_the_gradient():
    # D(0.01) by hand in float64 (an independent oracle) and f'(1) = 2e³
    f = lambda x: 1 + math.exp(2 * x + 1)                                          # noqa: E731
    estimate = (f(1.01) - f(0.99)) / 0.02
    D, exact = (float(v) for v in answer_value(solve("finite-diff").answer))
    assert math.isclose(D, estimate, rel_tol=1e-12) and math.isclose(exact, 2 * math.e ** 3)
    assert (round(D, 4), round(exact, 4)) == (40.1738, 40.1711)
    assert answer_line("finite-diff", "latex", "en") == (
        r"{\noindent \textbf{Answer:} $D{(0.01)} \approx 40.1738$; "
        r"$\frac{\partial f}{\partial x} = 2 e^{3} \approx 40.1711$\par}")
    key = render(solve("finite-diff"), "latex", lang="ru", detail="brief").splitlines()
    assert r"D{(0{,}01)} &= \frac{f{(1{,}01)} - f{(0{,}99)}}{0{,}02} = \frac{21{,}4912917 - 20{,}6878166}{0{,}02} " \
           r"\approx 40{,}1738" in key                  # f(1 ± 0.01) = 1 + e^(3 ± 0.02), to the places the quotient needs
    # the exact derivative alone does not answer "give D(0.01)"
    assert not check_bank_answer("finite-diff", "40.1711", lang="en", timeout=30).correct


def test_delta_rule_answers_the_deltas_the_gradients_and_the_momentum_steps():
    x1, x2, y = -2.0, -1.0, 1.0                       # the 2-2-1 net by hand: every weight 1, biases 0
    s = lambda z: 1 / (1 + math.exp(-z))              # noqa: E731
    h = s(x1 + x2)
    o = s(2 * h)
    d_o = (o - y) * o * (1 - o)
    d_h = h * (1 - h) * d_o
    gradients = [d_h * x1, d_h * x2, d_h, d_h * x1, d_h * x2, d_h, d_o * h, d_o * h, d_o]
    previous = [0, 0, 0, 0, 0, 0, 0.01, 0.01, 0]
    steps = [0.9 * p - 0.1 * g for p, g in zip(previous, gradients)]
    assert np.allclose([float(v) for v in answer_value(solve("delta-rule").answer)], [d_o, d_h, d_h, *gradients, *steps])
    line = answer_line("delta-rule", "latex", "ru")
    # the course's precision: four places, three significant digits for the small values (−0.00537, −0.000537)
    # the output's δ by the statement's name of the output (notation o1 = "out_{pred}")
    assert line.startswith(r"{\raggedright \noindent \textbf{Ответ:} $\delta_{\mathrm{out}_{\mathrm{pred}}} \approx -0{,}1188$; "
                           r"$\delta_{h1} \approx -0{,}00537$; $\delta_{h2} \approx -0{,}00537$; "
                           r"$\frac{\partial L}{\partial w_{1}} \approx 0{,}0107$;")     # by the name its table gives it
    assert line.endswith(r"$\Delta w_{5} \approx 0{,}00956$; $\Delta w_{6} \approx 0{,}00956$; "
                         r"$\Delta b_{3} \approx 0{,}0119$\par}")
    assert answer_line("delta-rule", "text", "en").startswith("Answer: δ_(out_pred) ≈ -0.1188; δ_h1 ≈ -0.00537;")


def test_minibatch_stop_asks_only_for_the_epsilons_its_key_answers():
    # the key answers a condition on ε; the statement gives w_t as a formula and asks for ε alone
    problem = get_problem("minibatch-stop")
    assert "For which $\\varepsilon$ does the loop stop after this step?" in problem.statement["en"]
    assert "Найдите, при каких $\\varepsilon$ цикл остановится после этого шага." in problem.statement["ru"]
    assert "Find $w_t" not in problem.statement["en"] and "Найдите $w_t" not in problem.statement["ru"]
    # the length of the step by hand: η‖mean of the two gradients‖ = 0.1·‖(3, 4)‖ = 0.5
    g = np.mean([[1, 3], [5, 5]], axis=0)
    w_t = np.array([1.0, 1.0]) - 0.1 * g
    assert np.allclose(w_t, [0.7, 0.6]) and math.isclose(np.linalg.norm(w_t - 1.0), 0.5)
    epsilon = sp.Symbol("epsilon", real=True)
    assert sp.simplify(solve("minibatch-stop").answer.rhs - sp.Rational(1, 2)) == 0
    assert solve("minibatch-stop").answer.lhs.name == epsilon.name
    for lang, half in (("en", "0.5"), ("ru", "0{,}5")):          # as the work writes ‖w_t − w_{t−1}‖ = 0.5
        assert answer_line("minibatch-stop", "latex", lang).endswith(rf"$\varepsilon > {half}$\par}}")
