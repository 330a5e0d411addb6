"""A bank statement's LaTeX read as plain text (``symnn solve --format text``): nothing of the math may be lost
or run together. Each case: the LaTeX a teacher writes, and the exact text a reader must see."""

import pytest

from symnn.render.text import TextPrinter

CASES = [
    # \ne is the short form of \neq: dropping it turns "j ≠ y_i" into "j y_i", another sum
    (r"$L_i = \sum_{j \ne y_i} \max(0, s_j - s_{y_i} + 1)$", "L_i = ∑_(j ≠ y_i) max(0, s_j - s_y_i + 1)"),
    (r"$a \neq b$", "a ≠ b"),                                      # the long form, as before
    (r"$\nabla f$", "∇ f"),                                       # a command that starts with ne is not ≠
    # an operator between letters is set apart, as TeX sets it (r sin θ, not rsinθ)
    (r"$x = r\sin\theta\cos\varphi$", "x = r sin θ cos φ"),
    (r"$F = 5x^3 + \sin z$", "F = 5x^3 + sin z"),                 # a space already there is kept, not doubled
    (r"$x = \sin 2t$", "x = sin 2t"),                              # ... also before a number
    (r"$\ln(x) + \tanh x$", "ln(x) + tanh x"),                    # no space before a bracket
    (r"$\frac{\sin x}{x}$", "(sin x)/x"),                          # nor after an opening brace
    (r"$\max_i s_i$", "max_i s_i"),                               # a subscript stays on its operator
    # a prime written as a superscript command: f′, not f^′
    (r"$f^\prime(x)$", "f′(x)"),
    (r"$f^{\prime}(x)$", "f′(x)"),
    # a fraction a function applies to is bracketed whole: −ln(a/b), not −ln a/b, which reads as (−ln a)/b
    (r"$L_i = -\ln \frac{e^{s_{y_i}}}{\sum_j e^{s_j}}$", "L_i = -ln(e^(s_y_i)/(∑_j e^(s_j)))"),
    (r"$\sigma\left(\frac{1}{2}\right)$", "σ(1/2)"),               # brackets already written: not doubled
    (r"$-\ln\left(\frac{a}{b}\right)$", "-ln(a/b)"),                # nor set apart from ln
    # a fraction over a root keeps its numerator whole: (1 − β₁)/√(1 − β₂), not 1 − β₁/√(1 − β₂)
    (r"$\frac{1 - \beta_1}{\sqrt{1 - \beta_2}}$", "(1 - β_1)/√(1 - β_2)"),
    (r"$\frac{\sqrt{3}}{2}$", "√(3)/2"),                          # a root alone needs no brackets
    # an arrow keeps the space after it before another command: v ← μv, not v ←μ v
    (r"$v \leftarrow \mu v - \eta g$", "v ← μv - ηg"),
    # a Greek letter before a name is a product, written as one: the space only ended the command
    (r"$\sigma(\alpha x)$", "σ(αx)"),
    (r"$f(x) = \frac{1}{1 + e^{-\alpha x}}$", "f(x) = 1/(1 + e^(-αx))"),   # inside a fraction too
    (r"$\lambda \|w\|^2$", "λ‖w‖^2"),
    (r"$\lambda \leq 1$, $\alpha = 0.5$", "λ ≤ 1, α = 0.5"),               # a relation keeps its spaces
    (r"$x \to \infty$", "x → ∞"),
]


@pytest.mark.parametrize("latex, plain", CASES)
def test_a_statement_reads_as_plain_text(latex, plain):
    assert TextPrinter(lang="en").rich_text(latex) == plain


def test_a_russian_note_separates_its_decimals_with_semicolons():
    # the note writes $0{,}13$, $0{,}87$: with decimal commas a comma between them would read as one list of digits
    from symnn import render
    from symnn.problems.solve import solve
    key = render(solve("cs231n-softmax-cat"), "text", lang="ru", detail="brief")
    assert "В лекции вероятности округлены до 0,13; 0,87 и 0,00, а L = 2,04;" in key
