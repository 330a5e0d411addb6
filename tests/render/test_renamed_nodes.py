"""A node the notation renames is named so everywhere the key writes it: its δ (δ_(a²), \\delta_{a^{2}},
δ_ŷ), ∂L/∂ of it and its value after the update; a name with a superscript that is not a power (Hagan's a² for
the output of layer 2) is written a² in text and bracketed where a power or ⁺ follows: (t - a²)^2, (a²)⁺.
Exact strings in plain text and LaTeX, English and Russian; the numbers are worked here with math.exp."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from symnn import render
from symnn.problems.solve import solve
from symnn.render.math import latex_math, text_math

W1, B1, W2, B2, X, T = -0.27, -0.48, 0.09, 0.48, 1, 2       # a 1-1-1 network: sigmoid, then linear


def bank(output_name: str) -> str:
    return f"""[[problem]]
id = "renamed"
kind = "network"
layers = [1, 1, 1]
inputs = [{X}]
targets = [{T}]
weights = [[[{W1}]], [[{W2}]]]
biases = [[{B1}], [{B2}]]
activation = ["sigmoid", "identity"]
loss = "mse"
learning_rate = 0.1
find = ["o1", "dL/do1", "o1+"]
notation = {{ x1 = "p", y = "t", o1 = '{output_name}' }}
tolerance = {{ decimals = 3 }}
statement.en = 'Find the output, the derivative of the loss by it, and the output after one step.'
statement.ru = 'Найдите выход, производную функции потерь по нему и выход после одного шага.'
"""


def forward() -> tuple[float, float]:
    """The output a = w₂σ(w₁p + b₁) + b₂ and δ = ∂L/∂a = 2(a − t) of L = (t − a)², by hand."""
    h = 1 / (1 + math.exp(-(W1 * X + B1)))
    a = W2 * h + B2
    return a, 2 * (a - T)


def local(x: float, lang: str, places: int = 3) -> str:
    """As the answer writes it, to the three places asked; with ``places=4`` as the work writes it."""
    text = f"{x:.{places}f}"
    return text.replace(".", ",") if lang == "ru" else text


def work(x: float, lang: str) -> str:
    return local(x, lang, 4)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_delta_of_a_renamed_output_takes_its_name(tmp_path, lang):
    (tmp_path / "net.toml").write_text(bank("a^2"), encoding="utf-8")
    a, d = forward()
    lines = [" ".join(line.split()) for line in
             render(solve("renamed", tmp_path), "text", lang=lang, detail="brief").splitlines()]
    # (the work at the course's four places, the answer at the three asked)
    # the output's row, the loss as a square of a bracket holding a², the output's delta, its derivative
    given = {value: f"{value:g}".replace(".", "," if lang == "ru" else ".") for value in (W2, B2)}     # as stated
    assert f"a² w2·h1 + b2 {given[W2]}·{work(1 / (1 + math.exp(-(W1 * X + B1))), lang)} + " \
           f"{given[B2]} ≈ {work(a, lang)}" in lines
    assert any(line.startswith("L (t - a²)^2 ") for line in lines)
    assert f"δ_(a²) 2(a² - t) 2·({work(a, lang)} - {T}) ≈ {work(d, lang)}" in lines
    assert any(line.startswith("δ_h1 δ_(a²)·w2·h1·(1 - h1) ") for line in lines)
    assert f"∂L/∂a² 2(a² - t) 2·({work(a, lang)} - {T}) ≈ {work(d, lang)}" in lines
    assert not any("o1" in line or "a^2" in line for line in lines)
    answer = lines[-1]
    assert answer.startswith(("Answer: " if lang == "en" else "Ответ: ") + f"a² ≈ {local(a, lang)}; ∂L/∂a² ≈ "
                             f"{local(d, lang)}; (a²)⁺ ≈ ")
    latex = render(solve("renamed", tmp_path), "latex", lang=lang, detail="brief")
    comma = "{,}" if lang == "ru" else "."
    assert (rf"$\delta_{{a^{{2}}}}$ & $2 (a^{{2}} - t)$ & $2 \cdot ({work(a, lang).replace(',', comma)} - {T})$ & "
            rf"$\approx {work(d, lang).replace(',', comma)}$") in latex
    assert r"{(a^{2})}^{+}" in latex and "delta_{o1}" not in latex


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_hat_name_gives_its_delta_the_hat(tmp_path, lang):
    (tmp_path / "net.toml").write_text(bank(r"\hat{y}"), encoding="utf-8")
    a, d = forward()
    lines = [" ".join(line.split()) for line in
             render(solve("renamed", tmp_path), "text", lang=lang, detail="brief").splitlines()]
    assert f"δ_ŷ 2(ŷ - t) 2·({work(a, lang)} - {T}) ≈ {work(d, lang)}" in lines
    assert not any("\\hat" in line for line in lines)
    latex = render(solve("renamed", tmp_path), "latex", lang=lang, detail="brief")
    assert r"$\delta_{\hat{y}}$ & $2 (\hat{y} - t)$" in latex


@pytest.mark.parametrize("expr, text, latex", [
    # a name with a superscript: squared, and after the update
    (sp.Symbol("a^2") ** 2, "(a²)^2", r"(a^{2})^{2}"),
    (sp.Symbol("a^2^+"), "(a²)⁺", r"(a^{2})^{+}"),
    # a subscript of one letter and digits stays plain; any other is bracketed
    (sp.Symbol("delta_h1"), "δ_h1", r"\delta_{h1}"),
    (sp.Symbol("delta_{a^2}"), "δ_(a²)", r"\delta_{a^{2}}"),
    (sp.Symbol("delta_{y_{pred}}"), "δ_(y_pred)", r"\delta_{y_{\mathrm{pred}}}"),
])
def test_printers_write_a_superscripted_name_unambiguously(expr, text, latex):
    assert text_math(expr) == text
    assert latex_math(expr).replace(r"\left(", "(").replace(r"\right)", ")") == latex


@pytest.mark.parametrize("name, text", [
    ("W_2ᵀ", "W_2ᵀ"),              # a transposed matrix keeps its subscript bare: W_2ᵀ, not W_(2ᵀ)
    ("W_2^T", "W_2ᵀ"),             # ... however the transpose is written
    ("h_{t-1}", "h_(t-1)"),        # a subscript that is a formula is still bracketed
    ("delta_{a^2}", "δ_(a²)"),     # as is a renamed node's superscripted name
])
def test_a_subscript_and_a_transpose_in_text(name, text):
    assert text_math(sp.Symbol(name)) == text
