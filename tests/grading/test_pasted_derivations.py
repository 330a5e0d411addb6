r"""Derivations pasted the way students write them: words between the formulas (English and
Russian), list markers and full stops, $…$, whole LaTeX blocks (align*, gather*, equation with
split, $$…$$) with & alignment, \\ breaks and \text comments, definitions (u = …, Пусть u = …,
"where u = …"), lines that cannot be read, and chains that only restate the question.

The oracle is the table: each case says, in its comment, what the student wrote and what is
wrong with it, and the verdict must name that physical line of the pasted text (blank and
prose lines counted), or pass."""

from __future__ import annotations

import json

import pytest

from symnn.cli import main
from symnn.grading.derivation import derivation_verdict
from symnn.grading.pasted import pieces

BANK = '''
topic = "calculus"
title.en = "Derivatives"
title.ru = "Производные"

[[problem]]
id = "product"
kind = "derivative"
expr = "x^2*sin(x)"
wrt = "x"
statement.en = 'Differentiate $f(x) = x^2 \\sin x$.'
statement.ru = 'Найдите производную $f(x) = x^2 \\sin x$.'

[[problem]]
id = "composite"
kind = "derivative"
expr = "sin(x^2)"
wrt = "x"
statement.en = 'Differentiate $f(x) = \\sin(x^2)$.'
statement.ru = 'Найдите производную $f(x) = \\sin(x^2)$.'
'''


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    """Two problems of the course's first lectures that the shipped bank leaves to the lecture."""
    folder = tmp_path_factory.mktemp("bank")
    (folder / "calculus.toml").write_text(BANK, encoding="utf-8")
    return str(folder)


OK = (True, None, ())     # correct: no line wrong, none unreadable

# (case, problem, lang, the pasted text, (correct, first wrong line, unreadable lines), a phrase the feedback has)
CASES = [
    # d/dx(x² sin x) as a pasted align* inside $$, with \text comments: every row is a line of the file
    ("align-product", "product", "en", r"""$$
\begin{align*}
f'(x) &= \frac{d}{dx}\left(x^2 \sin x\right) \\
      &= \frac{d}{dx}\left(x^2\right) \sin x + x^2 \frac{d}{dx}\left(\sin x\right) \quad \text{(product rule)} \\
      &= 2x \sin x + x^2 \cos x \nonumber
\end{align*}
$$""", OK, "each of the 3 lines"),
    # the same block with the sign of the second term flipped on the fifth line of the file
    ("align-product-sign", "product", "en", r"""$$
\begin{align*}
f'(x) &= \frac{d}{dx}\left(x^2 \sin x\right) \\
      &= \frac{d}{dx}\left(x^2\right) \sin x + x^2 \frac{d}{dx}\left(\sin x\right) \quad \text{(product rule)} \\
      &= 2x \sin x - x^2 \cos x \nonumber
\end{align*}
$$""", (False, 5, ()), "Line 5"),
    # one line holding the whole block, Russian \text comments, \\[4pt] spacing: all rows are line 1
    ("align-one-line", "product", "ru",
     r"\begin{align*} f'(x) &= (x^2)' \sin x + x^2 (\sin x)' \\[4pt] &= 2x \sin x + x^2 \cos x "
     r"\quad \text{(правило произведения)} \end{align*}", OK, "Верно"),
    # \intertext words between the rows, gather* (no &), eqnarray's &=&: each its own line
    ("intertext", "product", "en", r"""\begin{align*}
f'(x) &= (x^2)' \sin x + x^2 (\sin x)'
\intertext{where both derivatives are from the table,}
&= 2x \sin x + x^2 \cos x.
\end{align*}""", OK, ""),
    ("gather", "4.5", "en", r"""\begin{gather*}
\frac{\partial F}{\partial x} = 1 \\
\frac{\partial F}{\partial y} = 2 \\
\nabla F(5, 10) = (1, 2)
\end{gather*}""", OK, ""),
    ("eqnarray-spoiled", "4.6", "en", r"""\begin{eqnarray*}
\frac{\partial}{\partial y}\left(xy + 2y^2\right) &=& x + 4y \\
\nabla F(5, 10) &=& (10, 40)
\end{eqnarray*}""", (False, 3, ()), "Component 2"),                    # 5 + 4·10 is 45, not 40
    # equation with split, a wrong middle row: the chain factor (1 - p) lost on the fourth line
    ("split", "bce-grad", "en", r"""\begin{equation}
\begin{split}
\frac{dL}{dp} &= -\frac{y}{p} + \frac{1 - y}{1 - p} \\
              &= \frac{-y + p(1 - y)}{p(1 - p)} \\
              &= \frac{p - y}{p(1 - p)}
\end{split}
\end{equation}""", (False, 4, ()), "Line 4"),
    # English prose between the lines, definitions u and v, primes of them, a full stop at the end
    ("prose-product", "product", "en", """By the product rule:
Let u = x^2 and v = sin x.
Then u' = 2x and v' = cos x,

so f'(x) = u'v + uv'
= 2x sin x + x^2 cos x.""", OK, ""),
    # the same, the derivative of sin x taken as -cos x on the third line (a fact about v that is false)
    ("prose-product-fact", "product", "en", """By the product rule:
Let u = x^2 and v = sin x.
Then u' = 2x and v' = -cos x,

so f'(x) = u'v + uv'
= 2x sin x + x^2 cos x.""", (False, 3, ()), "Line 3"),
    # the chain rule in Russian, a definition u with Пусть, du/dx used, the inner factor lost on line 5
    ("ru-chain-spoiled", "composite", "ru", """Применим правило цепочки.
Пусть u = x^2.
Тогда f'(x) = cos(u) · du/dx
Отсюда
= cos(x^2)""", (False, 5, ()), "внутренней"),
    ("ru-chain", "composite", "ru", """Применим правило цепочки.
Пусть u = x^2.
Тогда f'(x) = cos(u) · du/dx
Отсюда
= 2x cos(x^2)""", OK, "Верно"),
    # Russian keyboard letters for x and y (х, у) in the formulas, у defined and primed
    ("ru-twins", "composite", "ru", "Итак, у = sin(х^2),\nу' = 2х cos(х^2).", OK, ""),
    # "Substituting x = 5, y = 10:" introduces the line after it; the colon's left side is not a claim
    ("substituting", "4.6", "en", """d/dx(y(x + 2y)) = y
d/dy(y(x + 2y)) = x + 4y
Substituting x = 5, y = 10:
∇F(5, 10) = (10, 45)""", OK, ""),
    # \[ … \] over three lines: the formula is on the second
    ("display-brackets", "product", "en", "\\[\nf'(x) = 2x \\sin x - x^2 \\cos x\n\\]", (False, 2, ()), "Line 2"),
    # "Подставим …:" and x = 2, … given: putting the point in is a step; cos 0 taken as 0 on the fourth line
    ("substitute-point", "4.3", "ru", """Градиент:
∇F = (15x^2, -6/y^3, cos z)
Подставим x = 2, y = 1/3, z = 0:
= (60, -162, 0)""", (False, 4, ()), "Компонента 3"),
    ("substitute-point-given", "4.3", "en", """∇F = (15x^2, -6/y^3, cos z)
x = 2, y = 1/3, z = 0
= (60, -162, 1)""", OK, ""),
    # Markdown: a numbered list, bullets, $…$ around a line, a comma and a full stop after formulas
    ("markdown", "bce-grad", "en", r"""1. $\frac{dL}{dp} = -\left(\frac{y}{p} - \frac{1 - y}{1 - p}\right)$,
2. $= \frac{-y(1 - p) + p(1 - y)}{p(1 - p)}$,
- **Answer:** $\frac{p - y}{p(1 - p)}$.""", OK, ""),
    ("markdown-sign", "bce-grad", "en", r"""1. $\frac{dL}{dp} = -\left(\frac{y}{p} - \frac{1 - y}{1 - p}\right)$,
2. $= \frac{y(1 - p) - p(1 - y)}{p(1 - p)}$,
- **Answer:** $\frac{p - y}{p(1 - p)}$.""", (False, 2, ()), "sign"),
    # the course's backprop chain with Russian words between the lines and the factors after "где"
    ("ru-backprop", "backprop-w1", "ru", """По правилу цепочки:
dL/dw1 = dL/dy_pred · dy_pred/dh1 · dh1/dw1,
где
dL/dy_pred = -2(y - y_pred) ≈ -0.9526,
dy_pred/dh1 = w5 y_pred(1 - y_pred) ≈ 0.2494,
dh1/dw1 = x1 h1(1 - h1) ≈ -0.0904.

Итак, dL/dw1 ≈ (-0.9526)(0.2494)(-0.0904) ≈ 0.0215""", OK, "Верно"),
    # the same with the factor x1 of dh1/dw1 dropped, on the sixth line
    ("ru-backprop-factor", "backprop-w1", "ru", """По правилу цепочки:
dL/dw1 = dL/dy_pred · dy_pred/dh1 · dh1/dw1,
где
dL/dy_pred = -2(y - y_pred) ≈ -0.9526,
dy_pred/dh1 = w5 y_pred(1 - y_pred) ≈ 0.2494,
dh1/dw1 = h1(1 - h1) ≈ 0.0452.

Итак, dL/dw1 ≈ (-0.9526)(0.2494)(0.0452) ≈ -0.0107""", (False, 6, ()), "Строка 6"),
    # the same with the sign of dL/dy_pred flipped, on the fourth line
    ("ru-backprop-sign", "backprop-w1", "ru", """По правилу цепочки:
dL/dw1 = dL/dy_pred · dy_pred/dh1 · dh1/dw1,
где
dL/dy_pred = 2(y - y_pred) ≈ 0.9526,
dy_pred/dh1 = w5 y_pred(1 - y_pred) ≈ 0.2494,
dh1/dw1 = x1 h1(1 - h1) ≈ -0.0904.""", (False, 4, ()), "знак"),
    # the forward pass written out in LaTeX: values of the network's nodes are claims, checked
    ("backprop-forward", "backprop-w1", "en", r"""Forward pass:
$h_1 = \sigma(w_1 x_1 + w_2 x_2 + b_1) = \sigma(-3)$
$y_{pred} = \sigma(w_5 h_1 + w_6 h_2 + b_3) = \sigma(2\sigma(-3))$
Backward:
$\frac{\partial L}{\partial w_1} = 2(y_{pred} - y) \cdot y_{pred}(1 - y_{pred}) \cdot h_1 (1 - h_1) x_1 \approx 0.0215$""", OK, ""),
    ("backprop-forward-wrong", "backprop-w1", "en", r"""Forward pass:
$h_1 = \sigma(w_1 x_1 + w_2 x_2 + b_1) = \sigma(-1)$
$y_{pred} = \sigma(w_5 h_1 + w_6 h_2 + b_3) = \sigma(2\sigma(-3))$""", (False, 2, ()), "Line 2"),   # x1 = −2, not −1
    # definitions u = w_1 x_1 + …, y = σ(u), σ'(u) used, the chain factor dE/dy · dy/du · du/dw1
    ("neuron-definitions", "neuron-grad", "en", """Let u = w_1 x_1 + w_2 x_2 + b and y = σ(u).
E = (Y - y)^2
dE/dw1 = dE/dy · dy/du · du/dw1
= -2(Y - y) · σ'(u) · x_1
= -2 x_1 (Y - σ(u)) σ(u)(1 - σ(u))""", OK, ""),
    # the same with x_1 (du/dw1) dropped in the middle line
    ("neuron-definitions-factor", "neuron-grad", "en", """Let u = w_1 x_1 + w_2 x_2 + b and y = σ(u).
E = (Y - y)^2
dE/dw1 = dE/dy · dy/du · du/dw1
= -2(Y - y) · σ'(u)
= -2 (Y - σ(u)) σ(u)(1 - σ(u))""", (False, 4, ()), "inner derivative"),
    # no E = … line: dE/dy is the derivative of the problem's function written through y
    ("neuron-through", "neuron-grad", "en", """Let u = w_1 x_1 + w_2 x_2 + b and y = σ(u).
dE/dw1 = dE/dy · dy/du · du/dw1
= -2(Y - y) · σ'(u) · x_1""", OK, ""),
    # p = σ(z) defined, dL/dp · dp/dz; then the factor dp/dz dropped on the fourth line
    ("ru-logit", "bce-grad-logit", "ru", """Пусть p = σ(z).
По правилу цепочки dL/dz = dL/dp · dp/dz
= (-(y/p) + (1-y)/(1-p)) · p(1-p)
= p - y""", OK, "Верно"),
    ("ru-logit-factor", "bce-grad-logit", "ru", """Пусть p = σ(z).
По правилу цепочки dL/dz = dL/dp · dp/dz
= (-(y/p) + (1-y)/(1-p)) · p(1-p)
= -(y/p) + (1-y)/(1-p)
= p - y""", (False, 4, ()), "Строка 4"),
    # the names defined after they are used: "where u = …, and y = σ(u)"
    ("where-after", "neuron-grad", "ru", """dE/dw1 = -2(Y - y) · σ'(u) · x_1, где u = w_1 x_1 + w_2 x_2 + b и y = σ(u)
= -2 x_1 (Y - σ(u)) σ(u)(1 - σ(u))""", OK, ""),
    # σ'(u) = σ(u)(1 − σ(u)) stated on its own is a side fact, not the next step of the chain
    ("sigma-fact", "perceptron-alpha", "en", r"""f'(x) = \alpha \sigma'(\alpha x)
We use $\sigma'(u) = \sigma(u)(1 - \sigma(u))$:
= \alpha \sigma(\alpha x)(1 - \sigma(\alpha x))""", OK, ""),
    # a line that cannot be read is unreadable, not wrong; the line after it is checked on its own
    ("unreadable", "bce-grad", "en", r"""\frac{dL}{dp} = -\frac{y}{p} + \frac{1 - y}{1 - p}
= \frac{-y(1 - p) + p(1 - y)}{p(1 - p)
= \frac{p - y}{p(1 - p)}""", (False, None, (2,)), "Line 2 cannot be read"),
    ("unreadable-then-wrong", "bce-grad", "ru", r"""\frac{dL}{dp} = -\frac{y}{p} + \frac{1 - y}{1 - p}
= \foo{y}
= \frac{p - y}{p(1 - p)} = \frac{y - p}{p(1 - p)}""", (False, 3, (2,)), "Строку 2 не удалось прочитать"),
    # restating the question is not an answer: f'(x) = d/dx(x² sin x) and nothing more
    ("restated", "product", "en", r"f'(x) = \frac{d}{dx}\left(x^2 \sin x\right)", (False, 1, ()), "still written"),
    ("restated-ru", "backprop-w1", "ru", """По правилу цепочки
$$\\frac{\\partial L}{\\partial w_1} = \\frac{\\partial L}{\\partial y_{pred}} \\cdot \\frac{\\partial y_{pred}}{\\partial h_1}
\\cdot \\frac{\\partial h_1}{\\partial w_1}$$""", (False, 2, ()), "только обозначена"),
    # nothing but words: nothing is wrong, and nothing is derived either
    ("words-only", "product", "ru", "Тогда\nОтсюда\nИтак,", (False, None, ()), "ни одной формулы"),
]


@pytest.mark.parametrize("case, problem, lang, text, expected, needle", CASES, ids=[c[0] for c in CASES])
def test_pasted_derivations(bank, case, problem, lang, text, expected, needle):
    verdict = derivation_verdict(problem, text, bank if problem in ("product", "composite") else None, lang)
    got = (verdict.correct, verdict.first_wrong, verdict.unreadable)
    assert got == expected, (case, verdict.feedback, [(c.number, c.kind, c.follows, c.feedback) for c in verdict.lines])
    assert needle in " ".join(verdict.feedback), (case, verdict.feedback)


def test_the_table_covers_both_languages_latex_and_plain_text():
    assert {c[2] for c in CASES} == {"en", "ru"}
    assert sum("\\begin{" in c[3] for c in CASES) >= 5 and sum("\\" not in c[3] for c in CASES) >= 5


def test_prose_lines_are_listed_and_never_wrong(bank):
    verdict = derivation_verdict("product", "By the product rule:\n\nf'(x) = 2x sin x + x^2 cos x\nThat is all.", bank)
    assert verdict.correct
    assert [(c.number, c.kind) for c in verdict.lines] == [(1, "prose"), (3, "step"), (4, "prose")]


def test_a_definition_is_not_a_claim_and_a_known_quantity_is(bank):
    verdict = derivation_verdict("composite", "u = x^3\nf'(x) = cos(x^2) · 2x", bank)
    assert verdict.correct and verdict.lines[0].kind == "definition"       # u is never used: still a name
    node = derivation_verdict("backprop-w1", "h1 = σ(-2)\ndL/dw1 ≈ 0.0215")
    assert node.first_wrong == 1                                            # h1 is the network's, and it is σ(-3)
    two = derivation_verdict("product", "Let u = x^2, v = sin x.\nf'(x) = u'v + uv'\n= 2x sin x + x^2 cos x", bank)
    assert two.correct and [(c.number, c.kind) for c in two.lines] == [(1, "definition"), (2, "step"), (3, "step")]


# the prose rule, line by line: (line, the formulas found in it)
LINES = [
    ("By the chain rule:", []),
    ("Substituting x = 2:", []),                                        # introduces; not a claim
    ("Substituting $x = 2$: $f'(2) = 4\\sin 2 + 4\\cos 2$", ["f'(2) = 4\\sin 2 + 4\\cos 2"]),
    ("Подставим значения:", []),
    ("где u = w_1 x_1 + b", ["u = w_1 x_1 + b"]),
    ("Итак,", []),
    ("1. f'(x) = 2x sin x + x^2 cos x.", ["f'(x) = 2x sin x + x^2 cos x"]),
    ("- = 2x,", ["= 2x"]),
    ("Let u = x^2, v = sin x", ["u = x^2", "v = sin x"]),
    ("Note that x^2 is positive", []),                                  # mentioned inside a sentence
    ("which simplifies to 2x sin x + x^2 cos x.", ["2x sin x + x^2 cos x"]),
    ("net = w1 x1 + b", ["net = w1 x1 + b"]),                           # a word joined to = is a name
    ("Step 2: differentiate", []),
    ("а значит f'(x) = 2x (по правилу произведения)", ["f'(x) = 2x"]),
    ("f'(x) = 2x \\quad \\text{(chain rule)}", ["f'(x) = 2x"]),
    ("y_{\\text{pred}} = \\sigma(h_1)", ["y_{\\text{pred}} = \\sigma(h_1)"]),   # \text in a subscript is a name
    ("softmax(y)_1 - 1", ["softmax(y)_1 - 1"]),
]


@pytest.mark.parametrize("line, formulas", LINES, ids=[line for line, _ in LINES])
def test_the_prose_rule(line, formulas):
    assert [p.formula for p in pieces(line) if p.formula is not None] == formulas


def test_line_numbers_are_those_of_the_file(tmp_path, capsys, bank):
    work = tmp_path / "work.tex"
    work.write_text("Дифференцируем произведение:\n\n\\begin{align*}\nf'(x) &= (x^2)' \\sin x + x^2 (\\sin x)' \\\\\n"
                    "&= 2x \\sin x + x^2 \\sin x\n\\end{align*}\n", encoding="utf-8")
    assert main(["check-steps", "product", str(work), "--lang", "ru", "--bank", bank]) == 0
    out = capsys.readouterr().out
    assert "Строка 5" in out and "✗ 5:" in out and "· 1:" in out and "✓ 4:" in out, out


def test_json_names_the_unreadable_lines(tmp_path, capsys):
    work = tmp_path / "work.txt"
    work.write_text("dL/dp = -(y/p - (1 - y)/(1 - p))\n\n= \\foo{p}\n= (p - y)/(p(1 - p))\n", encoding="utf-8")
    assert main(["check-steps", "bce-grad", str(work), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["unreadable_lines"] == [3] and result["first_wrong_line"] is None and not result["correct"]
    assert [line["kind"] for line in result["lines"]] == ["step", "unreadable", "step"]
