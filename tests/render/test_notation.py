"""A key writes the statement's names, never names of the code or letters that clash with the problem's:
exact strings of brief keys in LaTeX and plain text, English and Russian."""

from __future__ import annotations

import re

import pytest

from symnn import render
from symnn.problems.solve import solve


def lines(problem_id: str, format: str, lang: str, bank=None) -> list[str]:
    """The brief key's lines; in LaTeX a bracket's grouping braces ({(…)}, how TeX may break it) are dropped."""
    text = render(solve(problem_id, bank), format, lang=lang, detail="brief")
    if format == "latex":
        text = text.replace("{(", "(").replace(")}", ")")
    return text.splitlines()


# a step of gradient descent on E² of a sigmoid neuron whose statement writes ω₀, ω₁, ω₂ and λ
OMEGA_STEP = """[[problem]]
id = "omega-step"
kind = "optimizer-step"
optimizer = "gd"
notation = { f = 'E^2', sigmoid = 'S', eta = '\\lambda', w0 = '\\omega_0', w1 = '\\omega_1', w2 = '\\omega_2' }
expr = "(1 - sigmoid(w0 + w1*1 + w2*2))^2"
wrt = "w0, w1, w2"
at = [0, 0, 0]
settings = { eta = 0.5 }
statement.en = 'Move $\\omega$ one step against the gradient of $E^2$.'
statement.ru = 'Сдвиньте $\\omega$ на один шаг против градиента $E^2$.'
"""


@pytest.mark.parametrize("lang, comma", [("en", "."), ("ru", "{,}")])
def test_an_update_names_the_coordinate_as_the_statement_does(lang, comma, tmp_path):
    # notation w0 = ω₀: ω_{0,t} = ω_{0,t−1} − λ·∂E²/∂ω₀, not w0_{t−1} nor one g_t for every coordinate
    (tmp_path / "omega.toml").write_text(OMEGA_STEP, encoding="utf-8")
    key = lines("omega-step", "latex", lang, bank=tmp_path)
    assert rf"\omega_{{0,t}} &= \omega_{{0,t-1}} - \lambda {{\frac{{\partial E^{{2}}}}{{\partial \omega_{{0}}}}}} = 0 - 0{comma}5 \cdot (-0{comma}25) = 0{comma}125" in key
    assert rf"\omega_{{2,t}} &= \omega_{{2,t-1}} - \lambda {{\frac{{\partial E^{{2}}}}{{\partial \omega_{{2}}}}}} = 0 - 0{comma}5 \cdot (-0{comma}5) = 0{comma}25" in key
    assert not any("w0" in line or "w_{0" in line for line in key)
    # a name without a subscript: x_t = x_{t−1} − a·∂f/∂x, its own derivative
    assert "   x_t = x_(t-1) - a·∂f/∂x = 1 - 0.5·1 = 0.5" in [line.replace("*", "·") for line in
                                                          lines("grad-quadratic-gd", "text", "en")]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_product_uses_the_statements_letters(lang):
    # Σ kᵢxᵢ + b is the product kx of the row k and the column x, not AB
    key = lines("kxb", "latex", lang)
    # k and x as the statement gives them, said once there: the key starts with their product
    assert not any(line.startswith(("k &", "x &")) for line in key)
    # a row times a column is a number, written out entry by entry, and the bias added to it
    assert r"k x &= 1 \cdot 1 + 5 \cdot 2 + 10 \cdot 3 = 41 \\*[0.5ex]" in key
    assert r"k x + b &= 41 + 3 = 44" in key
    # the collapsed layer is W₁W₂, as the statement writes it, each entry a row of W₁ times W₂
    assert (r"W_{1} W_{2} &= \left(\begin{matrix}1 \cdot 1 + 2 \cdot (-1)\\0 \cdot 1 + 1 \cdot (-1)\end{matrix}\right) = "
            r"\left(\begin{matrix}-1\\-1\end{matrix}\right)") in lines("linear-collapse", "latex", lang)
    assert not any(line.startswith(("A &", "B &")) for line in key)


@pytest.mark.parametrize("lang, product", [("en", "a product"), ("ru", "произведение")])
def test_a_rule_does_not_take_a_letter_of_the_problem(lang, product):
    # dense-layer-backward has its own A (H = σ(A)): each rule is applied in the problem's letters, with no
    # general formula whose A, P, F or B could clash with them or be left unexplained
    key = render(solve("dense-layer-backward"), "latex", lang=lang, detail="brief")
    assert r"\frac{\partial L}{\partial H} &= \frac{\partial L}{\partial Z} W_{2}^{T} = \delta W_{2}^{T} \\*" in key
    assert rf"\text{{({product} $\textstyle H W_{{2}}$: " in key
    assert (r"\frac{\partial L}{\partial A} &= \frac{\partial L}{\partial H} \odot \sigma'(A) = "
            r"(\delta W_{2}^{T}) \odot \sigma'(A)") in key
    for general in (r"\partial F}", "P^{T}", "B^{T}", r"\sigma(P)"):
        assert general not in key
    # a problem without an A of its own: the rule's letters are its own too
    w2 = render(solve("two-layer-w2"), "latex", lang=lang, detail="brief")
    assert r"\partial F}" not in w2 and "A^{T}" not in w2


@pytest.mark.parametrize("lang, answer", [("en", "Answer"), ("ru", "Ответ")])
def test_the_transpose_of_an_entrywise_function_stays_outside(lang, answer):
    # σ(XW₁)ᵀ, as the statement writes σ(XW₁), not σ(W₁ᵀXᵀ)
    # (the answer line goes on with the slide's wrong formula beside the right one)
    assert any(line.startswith(rf"{{\raggedright \noindent \textbf{{{answer}:}} $\frac{{\partial L}}{{\partial W_{{2}}}} = "
                               r"- (y - \sigma(X W_{1}) W_{2}) \sigma(X W_{1})^{T}$; ") for line in lines("two-layer-w2", "latex", lang))
    text = "\n".join(lines("two-layer-w2", "text", lang)).replace("*", "·")
    assert "σ(X·W_1)ᵀ" in text and "W_1ᵀ" not in text


@pytest.mark.parametrize("problem_id, en, ru", [
    ("activations", "tanh ", "th "),
    ("tanh-chain", "b = tanh(a)", "b = th(a)"),
])
def test_each_language_names_a_function_as_its_statement_does(problem_id, en, ru):
    # the English statement and key write tanh and arctan; the Russian ones th and arctg
    english, russian = (render(solve(problem_id), "text", lang=lang, detail="brief") for lang in ("en", "ru"))
    assert en in english and " th(" not in english and "arctg" not in english
    assert ru in russian and "tanh" not in russian and "arctan(" not in russian


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_network_key_names_deltas_and_the_step_as_the_statement(lang):
    # delta-worked numbers its neurons as the text does (δ₆ of the output, δ₅ of the second hidden
    # neuron) and calls the step λ: no δ_{o1}, δ_{h2} or η of the code's own naming
    key = lines("delta-worked", "latex", lang)
    rows = [line.split(" & ")[0] for line in key if line.startswith(r"$\delta_{")]
    assert rows == [r"$\delta_{6}$", r"$\delta_{4}$", r"$\delta_{5}$"]
    assert not any(re.search(r"\\delta_\{[oh]\d|\\eta\b", line) for line in key)
    assert any(r"$\lambda = 0" in line for line in key)


# colah's graph e = (a + b)(b + 1), its nodes named as the post names them: c = a + b, d = b + 1, e = c·d
COLAH = """[[problem]]
id = "colah"
kind = "graph"
expr = "(a + b)*(b + 1)"
at = "a = 2, b = 1"
notation = { c = "d", d = "c", f = "e" }
statement.en = 'Find the derivatives of $e = (a + b)(b + 1)$ by $a$ and $b$ at $a = 2$, $b = 1$.'
statement.ru = 'Найдите производные $e = (a + b)(b + 1)$ по $a$ и $b$ при $a = 2$, $b = 1$.'
"""


@pytest.mark.parametrize("lang, header", [
    ("en", "local derivative  formula  value  upstream ∂e/∂(node)  contribution to ∂e/∂(input)"),
    ("ru", "локальная производная  формула  значение  приходящий ∂e/∂(узел)  вклад в ∂e/∂(вход)"),
])
def test_a_graph_names_its_nodes_and_output_as_the_statement_does(tmp_path, lang, header):
    (tmp_path / "colah.toml").write_text(COLAH, encoding="utf-8")
    key = lines("colah", "text", lang, bank=tmp_path)
    assert header in key                                  # the output e in the headers too, not symnn's f
    words = [" ".join(line.split()) for line in key]       # the columns' widths differ by language
    assert "c c = a + b 2 + 1 3" in words
    assert "∂e/∂b = ∂e/∂c + ∂e/∂d = 2 + 3 = 5" in words


@pytest.mark.parametrize("format, numbers, letters", [
    ("text", ["max(0; 5)", "max(0; 4,6)"], "max(0; a)"),
    ("latex", [r"\max(0; 5)", r"\max(0; 4{,}6)"], r"\max(0; a)"),
])
def test_russian_separates_numbers_by_a_semicolon_in_max_as_in_its_tuples(format, numbers, letters):
    # relu-weights-step before and after its step: max(0; 5) and max(0; 4,6) alike, the formula max(0; a) too
    key = "\n".join(lines("relu-weights-step", format, "ru"))
    assert all(text in key for text in numbers) and letters in key
    assert "max(0, 5)" not in key
