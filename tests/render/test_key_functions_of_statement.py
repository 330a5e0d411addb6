"""A derivative's key does not bring in a function its statement does not use: the tanh written with exponentials
is differentiated to the quotient rule's 4e^(2x)/(e^(2x) + 1)², not rewritten with σ; a statement that writes σ keeps
its σ(z)(1 − σ(z)). Exact strings (en, ru), and every line checked against sympy.diff."""

from __future__ import annotations

import sympy as sp

from symnn import render
from symnn.problems.solve import solve
from symnn.render.chains import chain


def key(problem_id: str, lang: str = "en") -> list[str]:
    return render(solve(problem_id), "text", lang=lang, detail="brief").splitlines()


def test_tanh_through_exponentials_ends_in_the_quotient_and_then_in_f():
    # tanh-exp: F = (e^(2x) − 1)/(e^(2x) + 1), asked through F; no σ anywhere, 4e^(2x)/(e^(2x) + 1)² before 1 − F²
    printed = key("tanh-exp")
    assert printed[4] == "= 4e^(2x)/(e^(2x) + 1)^2 (expand the numerator)"
    assert printed[6] == "Answer: F′(x) = 4e^(2x)/(e^(2x) + 1)^2 = 1 - F^2"
    assert not any("σ" in line for line in printed)
    # the same in Russian
    printed = key("tanh-exp", "ru")
    assert printed[4] == "= 4e^(2x)/(e^(2x) + 1)^2 (раскрываем скобки в числителе)"
    assert printed[6] == "Ответ: F′(x) = 4e^(2x)/(e^(2x) + 1)^2 = 1 - F^2"
    assert not any("σ" in line for line in printed)


def test_every_line_of_the_tanh_chain_is_the_derivative():
    # oracle: sympy.diff of (e^(2x) − 1)/(e^(2x) + 1); each line with its pending derivatives taken
    x = sp.Symbol("x", real=True)
    expected = sp.diff((sp.exp(2 * x) - 1) / (sp.exp(2 * x) + 1), x)
    step = solve("tanh-exp").work
    for line, _ in chain(step):
        assert sp.simplify(line.doit() - expected) == 0, line


def test_a_statement_that_writes_sigma_keeps_it():
    # nielsen-sigmoid-prime writes σ′(z) = σ(z)(1 − σ(z)): its key still rewrites with σ
    assert key("nielsen-sigmoid-prime")[-1] == "Answer: σ′(z) = σ(z)·(1 - σ(z)) = σ·(1 - σ)"
    # perceptron-alpha writes f = 1/(1 + e^(−αx)) and no σ: its derivation ends in the exponentials, then αf(1 − f)
    assert key("perceptron-alpha")[-1] == "Answer: df/dx = α·e^(-α·x)/(1 + e^(-α·x))^2 = α·f·(1 - f)"   # f(x): one variable


def test_a_common_factor_is_taken_out_only_of_a_sum():
    # softmax-jacobian: (e^(y_1)e^(y_2) + e^(y_1)e^(y_3))/Σ² has a sum to take e^(y_1) out of: its line stays
    # (nll-softmax, the example before, now takes its logarithm apart and has no such line)
    assert "   = (e^(y_2) + e^(y_3))·e^(y_1)/(e^(y_1) + e^(y_2) + e^(y_3))^2 (take out the common factor)" \
        in key("softmax-jacobian")
    # perceptron-alpha: αe^(−αx)/(1 + e^(−αx))² has none; it is not turned into αe^(αx)/(1 + e^(αx))²
    assert not any("common factor" in line for line in key("perceptron-alpha"))


SOFTPLUS_BANK = '''
[[problem]]
id = "softplus"
kind = "derivative"
expr = "log(1 + exp(x))"
wrt = "x"
statement.en = "Find the derivative of the softplus $\\\\zeta(x) = \\\\log(1 + e^x)$."
statement.ru = "Найдите производную функции softplus $\\\\zeta(x) = \\\\log(1 + e^x)$."

[[problem]]
id = "softplus-nll"
kind = "derivative"
expr = "log(1 + exp((1 - 2*y)*z))"
wrt = "z"
statement.en = "Find $\\\\partial J/\\\\partial z$ of $J = \\\\zeta((1 - 2y) z)$, $\\\\zeta(t) = \\\\log(1 + e^t)$."
statement.ru = "Найдите $\\\\partial J/\\\\partial z$ для $J = \\\\zeta((1 - 2y) z)$, $\\\\zeta(t) = \\\\log(1 + e^t)$."
'''


def test_a_result_that_is_one_sigma_is_recognised_as_diff_writes_it(tmp_path):
    # neither statement writes σ: the derivative is still the sigmoid itself, as `symnn diff` ends it (σ once, times
    # a factor free of it), not eˣ/(1 + eˣ); a σ(1 − σ) product (tanh-exp, perceptron-alpha above) is not brought in
    (tmp_path / "softplus.toml").write_text(SOFTPLUS_BANK, encoding="utf-8")
    x, y, z = sp.symbols("x y z", real=True)
    cases = [
        # ζ′(x) = eˣ/(1 + eˣ) = σ(x)
        ("softplus", "en", "Answer: d/dx(log(1 + eˣ)) = σ(x)", sp.log(1 + sp.exp(x)), x),
        ("softplus", "ru", "Ответ: d/dx(log(1 + eˣ)) = σ(x)", sp.log(1 + sp.exp(x)), x),
        # GBC's J = ζ((1 − 2y)z): ∂J/∂z = (1 − 2y)σ((1 − 2y)z)
        ("softplus-nll", "en", "Answer: ∂/∂z(log(1 + e^((1 - 2y)·z))) = (1 - 2y)·σ((1 - 2y)·z)",   # as the statement writes ζ((1 − 2y)z)
         sp.log(1 + sp.exp((1 - 2 * y) * z)), z),
    ]
    for problem_id, lang, answer, f, wrt in cases:
        solution = solve(problem_id, tmp_path)
        assert render(solution, "text", lang=lang, detail="brief").splitlines()[-2] == answer
        # the oracle: sympy.diff, σ(a) written 1/(1 + e^(−a))
        assert sp.simplify(solution.answer.rewrite(sp.exp) - sp.diff(f, wrt)) == 0
