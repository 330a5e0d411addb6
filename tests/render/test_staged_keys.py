"""Keys of computational graphs, staged programs and vector calculus, as a teacher reads them.

Each class of fault a teacher found is pinned by exact strings, in English and Russian,
in text and LaTeX: an answer of several parts names each part; a variable several nodes
use shows its contributions added (formula, numbers, value); a value at a point has its
numbers put in; a condition is stated once; the key says nothing about how symnn checked
itself; the statement's notation (order of operands, 2xᵀx, relu, the Jacobian's variables).
"""

from __future__ import annotations

import math

import pytest

from symnn import render
from symnn.problems.solve import solve


def lines(problem_id: str, format: str, lang: str) -> list[str]:
    """The brief key's lines; in LaTeX a bracket's grouping braces ({(…)}, how TeX may break it) are dropped."""
    text = render(solve(problem_id), format, lang=lang, detail="brief")
    if format == "latex":
        text = text.replace("{(", "(").replace(")}", ")")
    return text.splitlines()


@pytest.mark.parametrize("problem_id, format, lang, answer", [
    ("program-add-mul", "text", "en", "Answer: f = -12; ∂f/∂x = -4; ∂f/∂y = -4; ∂f/∂z = 3"),
    ("program-add-mul", "latex", "ru", r"{\noindent \textbf{Ответ:} $f = -12$; $\frac{\partial f}{\partial x} = -4$; "
                                       r"$\frac{\partial f}{\partial y} = -4$; $\frac{\partial f}{\partial z} = 3$\par}"),
    ("program-relu-neuron", "text", "ru", "Ответ: L = 4; ∂L/∂w_1 = 4; ∂L/∂x_1 = 8; ∂L/∂w_2 = 12; ∂L/∂x_2 = 4; ∂L/∂y = -4"),
    ("program-micrograd", "text", "en", "Answer: g ≈ 24.7041; ∂g/∂a ≈ 138.8338; ∂g/∂b ≈ 645.5773"),
    ("chain-two-variables", "text", "ru", "Ответ: ∂f/∂s = 28; ∂f/∂t = 16"),
    ("chain-two-variables", "latex", "en", r"{\noindent \textbf{Answer:} $\frac{\partial f}{\partial s} = 28$; "
                                           r"$\frac{\partial f}{\partial t} = 16$\par}"),
    ("vec-quadratic", "text", "en", "Answer: ∇ f = (7, 13)"),
    ("iterated-map", "text", "ru", "Ответ: (g^4)'(1) = 4160"),
])
def test_every_part_of_an_answer_is_named(problem_id, format, lang, answer):
    assert answer in lines(problem_id, format, lang)


@pytest.mark.parametrize("problem_id, format, lang, expected", [
    ("max-gate", "text", "en", ["A variable used by several nodes collects the sum of their contributions:",
                                "   ∂f/∂x = a + ∂f/∂a·H(x - y) = 3 + 3·1 = 6"]),
    ("max-gate", "text", "ru", ["Переменная, которая входит в несколько узлов, получает сумму их вкладов:",
                                "   ∂f/∂x = a + ∂f/∂a·H(x - y) = 3 + 3·1 = 6"]),
    ("max-gate", "latex", "en", [r"\frac{\partial f}{\partial x} &= a + \frac{\partial f}{\partial a} H(x - y) "
                                 r"= 3 + 3 \cdot 1 = 6"]),
    ("program-reuse", "latex", "ru", [r"\frac{\partial L}{\partial x} &= b + \frac{\partial L}{\partial b} + "
                                      r"\frac{\partial L}{\partial a} \cdot y = 8 + 2 + 2 \cdot 3 = 16"]),
    ("program-micrograd", "text", "en", ["   ∂g/∂f = -10/f^2 + ∂g/∂g⁽¹⁾·(1/2) = -0.00416 + 1·0.5 ≈ 0.4958",
                                         "∂f/∂e              2e         -14         ≈ 0.4958             ≈ -6.9417"]),
    # lines() drops the braces of {(…)}: g^{(1)} reads g^(1) here
    ("program-micrograd", "latex", "ru", [r"\frac{\partial g}{\partial f} &= - \frac{10}{f^{2}} + \frac{\partial g}"
                                          r"{\partial g^(1)} \cdot \frac{1}{2} = -0{,}00416 + 1 \cdot 0{,}5 \approx 0{,}4958 "
                                          r"\\*[0.5ex]"]),
])
def test_contributions_to_a_reused_variable_are_added_in_the_key(problem_id, format, lang, expected):
    printed = lines(problem_id, format, lang)
    for line in expected:
        assert line in printed


@pytest.mark.parametrize("problem_id, format, lang, expected", [
    # the chain rule's form with ∂f/∂x in x, y; the inner variables at the point first, then put in
    ("total-derivative", "text", "en", "At the point t = π/4: x = cos(t) = √(2)/2, y = sin(t) = √(2)/2"),
    ("total-derivative", "text", "en", "   df/dt = (2·(√(2)/2)·(√(2)/2))·(-√(2)/2) + (√(2)/2)^2·√(2)/2 = -√(2)/4 ≈ -0.3536"),
    ("total-derivative", "latex", "ru", r"\frac{d f}{d t} &= \left(2 \cdot \frac{\sqrt{2}}{2} \cdot \frac{\sqrt{2}}{2}"
                                        r"\right) \cdot \left(- \frac{\sqrt{2}}{2}\right) + \left(\frac{\sqrt{2}}{2}"
                                        r"\right)^{2} \cdot \frac{\sqrt{2}}{2} = - \frac{\sqrt{2}}{4} \approx -0{,}3536"),
    ("chain-two-variables", "text", "ru", "В точке (s; t) = (1; 2): x = s·t = 1·2 = 2, y = s + t = 1 + 2 = 3"),
    ("chain-two-variables", "text", "ru", "   ∂f/∂s = (2·2·3)·2 + 2^2·1 = 28"),
    ("chain-two-variables", "latex", "en", r"\frac{\partial f}{\partial t} &= (2 \cdot 2 \cdot 3) \cdot 1 + 2^{2} \cdot 1 = 16"),
    # Stewart §14.5 Example 1: the book's (2xy + 3y⁴)(2cos 2t) + (x² + 12xy³)(−sin t), then x = 0, y = 1 put in
    ("stewart-chain", "text", "en", "dz/dt = (2x·y + 3y^4)·2·cos(2t) + (x^2 + 12x·y^3)·(-sin(t))"),
    ("stewart-chain", "text", "ru", "В точке t = 0: x = sin(2t) = 0, y = cos(t) = 1"),
    ("stewart-chain", "latex", "en", r"\frac{d z}{d t} &= (2 \cdot 0 \cdot 1 + 3 \cdot 1^{4}) \cdot 2 + (0^{2} + 12 \cdot 0 "
                                     r"\cdot 1^{3}) \cdot 0 = 6"),
])
def test_a_value_at_a_point_has_its_numbers_put_in(problem_id, format, lang, expected):
    assert expected in lines(problem_id, format, lang)


@pytest.mark.parametrize("problem_id, lang, work, answer", [
    # |1 − a| < 1 as the statement writes it (SymPy would write |a − 1|)
    ("gd-convergence", "en", ["The values of a for which |1 - a| < 1", "   -1 < 1 - a < 1"], "Answer: 0 < a < 2"),
    ("gd-convergence", "ru", ["Значения a, при которых |1 - a| < 1", "   -1 < 1 - a < 1"], "Ответ: 0 < a < 2"),
    # the quantities of the condition worked out first (tests/problems/test_condition_terms.py has every line)
    ("minibatch-stop", "en", ["The values of ε for which ‖w_t - w_(t-1)‖ < ε",
                              "   g_t = (∇L_1 + ∇L_2)/m = ((1 + 5)/2, (3 + 5)/2) = (3, 4)",
                              "   w_t = w_(t-1) - η·g_t = (1 - 0.1·3, 1 - 0.1·4) = (0.7, 0.6)",
                              "   ‖w_t - w_(t-1)‖ = √((0.7 - 1)^2 + (0.6 - 1)^2) = 0.5", "   0.5 < ε"], "Answer: ε > 0.5"),
    ("minibatch-stop", "ru", ["Значения ε, при которых ‖w_t - w_(t-1)‖ < ε",
                              "   g_t = (∇L_1 + ∇L_2)/m = ((1 + 5)/2; (3 + 5)/2) = (3; 4)",
                              "   w_t = w_(t-1) - η·g_t = (1 - 0,1·3; 1 - 0,1·4) = (0,7; 0,6)",
                              "   ‖w_t - w_(t-1)‖ = √((0,7 - 1)^2 + (0,6 - 1)^2) = 0,5", "   0,5 < ε"], "Ответ: ε > 0,5"),
])
def test_a_condition_is_answered_once(problem_id, lang, work, answer):
    printed = lines(problem_id, "text", lang)
    assert printed[1:len(work) + 2] == [*work, answer]      # the statement, the condition opened up, the answer
    alone = render(solve(problem_id).work, "text", lang=lang).splitlines()
    assert alone[-1].endswith(answer.split(": ")[1]) and "∈" in alone[-1]     # the work alone gives the set


def test_an_absolute_value_condition_is_opened_up_in_latex():
    assert r"-1 < 1 - a < 1" in lines("gd-convergence", "latex", "ru")


@pytest.mark.parametrize("problem_id", ["gd-convergence", "minibatch-stop", "vec-quadratic", "vec-2xtx", "vec-residual"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_key_does_not_talk_about_how_it_was_checked(problem_id, lang):
    key = render(solve(problem_id), "text", lang=lang)
    for words in ("second method", "вторым способом", "Check:", "Проверка:", "real numbers", "действительных"):
        assert words not in key


@pytest.mark.parametrize("problem_id, format, lang, expected", [
    ("graph-exp", "text", "en", ["Computational graph of f = 1 + e^(x·w1 + w0) at (x, w1, w0) = (1, 2, 1)",
                                 "a     a = x·w1    1·2               2",
                                 "f     f = 1 + c   1 + 20.0855       ≈ 21.0855"]),
    ("graph-exp", "latex", "ru", [r"$a$ & $a = x w_{1}$ & $1 \cdot 2$ & $2$ \\"]),
    ("max-gate", "text", "ru", ["Граф вычислений функции f = x·max(x, y) в точке (x; y) = (3; 2)",
                                "f     f = x·a        3·3                9"]),
    # d += 2d + relu(b + a) as typed: d⁽²⁾ = d + 2d + ReLU(b + a), not SymPy's 3d + ReLU(a + b)
    ("program-micrograd", "text", "en", ["d⁽²⁾  d⁽²⁾ = d + 2d + ReLU(b + a)        0 + 2·0 + ReLU(2 + (-4))  0"]),
    # micrograd's own test: 2x + 2 + x and relu(z*z) stay as typed (not 3x + 2 and z²), ReLU(−10) in one bracket
    ("micrograd-sanity", "text", "en", ["z     z = 2x + 2 + x     2·(-4) + 2 + (-4)       -10",
                                        "q     q = ReLU(z) + z·x  ReLU(-10) + (-10)·(-4)  40",
                                        "h     h = ReLU(z·z)      ReLU((-10)·(-10))       100"]),
    ("micrograd-sanity", "latex", "en", [r"$q$ & $q = \operatorname{ReLU}(z) + z x$ & $\operatorname{ReLU}(-10) + (-10) \cdot (-4)$ & $40$ \\"]),
    ("vec-2xtx", "text", "ru", ["Градиент квадратичной функции",      # under the statement: its kind, not f again
                                "В матричной форме получаются те же числа: ∇ f = 4x = 4·[1; -2; 3] = [4; -8; 12]"]),
    ("vec-2xtx", "latex", "en", [r"{\noindent \textbf{Gradient of a quadratic function}\par}",
                                 r"{\noindent Matrix form, the same numbers: $\nabla f = 4 x = 4 \left(\begin{matrix}1\\-2\\3"
                                 r"\end{matrix}\right) = \left(\begin{matrix}4\\-8\\12\end{matrix}\right)$\par}"]),
    ("jacobian-polar", "text", "ru", ["Матрица Якоби: J = [(∂x/∂r; ∂x/∂θ); (∂y/∂r; ∂y/∂θ)]"]),
])
def test_the_statements_notation_is_kept(problem_id, format, lang, expected):
    printed = lines(problem_id, format, lang)
    for line in expected:
        assert line in printed


@pytest.mark.parametrize("problem_id", ["max-gate", "program-micrograd", "program-reuse"])
def test_no_russian_word_inside_a_formula_of_the_russian_key(problem_id):
    key = render(solve(problem_id), "text", lang="ru")
    assert "∂узел" not in key and "имени" not in key and "переменн" in key.lower()


@pytest.mark.parametrize("lang, table", [("en", "The gradient of f by every node and every variable:"),
                                         ("ru", "Градиент f по каждому узлу и каждой переменной:")])
def test_a_brief_program_key_does_not_repeat_its_tables(lang, table):
    brief = lines("program-add-mul", "text", lang)
    full = render(solve("program-add-mul"), "text", lang=lang, detail="full").splitlines()
    assert table in full and table not in brief
    assert "   f = q·z" in full and "   f = q·z" not in brief          # the program, listed above its table
    assert sum(line.startswith("f     f = q·z") for line in brief) == 1


@pytest.mark.parametrize("problem_id, last, value", [
    ("total-derivative", "df/dt = (2·(√(2)/2)·(√(2)/2))·(-√(2)/2) + (√(2)/2)^2·√(2)/2", " = -√(2)/4 ≈ -0.3536"),
    ("iterated-map", "(g^4)'(x_0) = 2·4·10·52", " = 4160"),
    ("vec-residual", "∇ f = 2A^T·r = 2·[(1, 1, 1); (0, 1, 2)]·[-5; 2; 3]", " = [0; 16]"),
    ("jacobian-at-point", "J = [(2·1·0, 1^2); (5, 1)]", " = [(0, 1); (5, 1)]"),
])
def test_a_line_of_numbers_ends_in_its_value_before_the_answer(problem_id, last, value):
    # a teacher writes … = 4160, then the answer: the value is never left for the answer line to reveal
    key = lines(problem_id, "text", "en")
    assert key[-1].startswith("Answer: ") and key[-2].endswith(last + value)
    alone = render(solve(problem_id).work, "text", detail="brief").splitlines()
    assert any(line.endswith(last + value) for line in alone)                # the work alone ends with its value


def test_the_sums_and_products_of_a_text_are_read_in_order():
    import sympy as sp

    from symnn.render.staged import as_written, written_chains, written_form
    x, y, w1, w0, c = sp.symbols("x y w1 w0 c", real=True)
    assert written_chains("1 + exp(x*w1 + w0)") == [(sp.Add, (1, sp.exp(x * w1 + w0))), (sp.Add, (x * w1, w0)),
                                                     (sp.Mul, (x, w1))]
    assert written_chains("y - 2*x") == [(sp.Add, (y, -2 * x)), (sp.Mul, (2, x))]
    assert as_written(c + 1, {c: sp.exp(x * w1 + w0)}, written_chains("1 + exp(x*w1 + w0)")).args == (1, c)
    unspelled = w1 * y
    assert as_written(unspelled, {}, written_chains("x*w1")) is unspelled       # no chain of the text: SymPy's order
    assert written_form(1 + sp.exp(x * w1 + w0), written_chains("1 + exp(x*w1 + w0)")).args[0] == 1
    assert written_form(x * y + 1, written_chains("x + 1")) is None


@pytest.mark.parametrize("problem_id, lang, expected", [
    # a change of variables: det J by its 2×2 formula, ending in its value; the answer names it as the statement
    # asks it, ∂(x, y)/∂(r, θ)
    ("jacobian-polar-det", "en", [r"{\noindent Its determinant (the Jacobian):\par}",
                                  r"\det J &= J_{11} \cdot J_{22} - J_{12} \cdot J_{21} = \cos {\theta} \cdot r \cos "
                                  r"{\theta} - (- r \sin {\theta}) \cdot \sin {\theta} = r",
                                  # (the answer, ∂(x, y)/∂(r, θ): test_statement_notation_keys, whose lines keep braces)
                                  ]),
    # 3×3: expanded along the row with a zero (Stewart's third row), each minor worked; J₂₃ = ρ cos φ sin θ in the
    # matrix and in the minor as in its own line (not SymPy's ρ sin θ cos φ there)
    ("jacobian-spherical-det", "ru", [r"{\noindent Её определитель (определитель Якоби), разложение по строке $3$:\par}",
                                      r"\det J &= J_{31} \cdot \det M_{31} + J_{33} \cdot \det M_{33} \\",
                                      r"J_{23} &= \frac{\partial}{\partial \phi}(\rho \sin {\phi} \sin {\theta}) = "
                                      r"\rho \cos {\phi} \sin {\theta} \\*[0.5ex]",
                                      r"J &= \left(\begin{matrix}\sin {\phi} \cos {\theta} & - \rho \sin {\phi} \sin {\theta} & "
                                      r"\rho \cos {\phi} \cos {\theta}\\\sin {\phi} \sin {\theta} & \rho \sin {\phi} \cos {\theta} "
                                      r"& \rho \cos {\phi} \sin {\theta}\\\cos {\phi} & 0 & - \rho \sin {\phi}\end{matrix}\right)",
                                      r"&= (- \rho \sin {\phi} \sin {\theta}) \cdot \rho \cos {\phi} \sin {\theta} - (\rho \cos "
                                      r"{\phi} \cos {\theta}) \cdot \rho \sin {\phi} \cos {\theta} \\*",
                                      ]),
    # ½‖Ax − b‖²: Aᵀ(Ax − b) without the 2, in x and then at the point through r; ∇_x f as the statement writes it,
    # each row in the order of the variables, the constant last (−x₁ + 5x₂ + 2)
    ("least-squares-half", "ru", [r"\nabla_{x} f &= A^{T} (A x - b) = A^{T} A x - A^{T} b = \left(\begin{matrix}5 & -1\\-1 "
                                  r"& 5\end{matrix}\right) x - \left(\begin{matrix}2\\-2\end{matrix}\right) = \left("
                                  r"\begin{matrix}5 x_{1} - x_{2} - 2\\- x_{1} + 5 x_{2} + 2\end{matrix}\right)",
                                  r"{\raggedright \noindent \textbf{Ответ:} $\nabla_{x} f(x_{1}; \  x_{2}) = (5 x_{1} - x_{2} "
                                  r"- 2; \  - x_{1} + 5 x_{2} + 2)$; $\nabla_{x} f\left( \frac{1}{3}; \  - \frac{1}{3}\right) = "
                                  r"(0; \  0)$; да: градиент в этой точке равен нулю, значит, это решение задачи наименьших "
                                  r"квадратов\par}"]),
    # ‖Ax − b‖² without the ½: the 2 of the square stays, 2Aᵀ(Ax − b)
    ("least-squares-gradient", "en", [r"\nabla_{x} f &= 2 A^{T} (A x - b) \\*",
                                      r"&= \left(\begin{matrix}10 x_{1} - 2 x_{2} - 4\\- 2 x_{1} + 10 x_{2} + 4\end{matrix}\right)",
                                      r"{\noindent \textbf{Answer:} $\nabla_{x} f = (10 x_{1} - 2 x_{2} - 4, \  - 2 x_{1} + "
                                      r"10 x_{2} + 4)$\par}"]),
])
def test_a_determinant_and_a_scaled_residual_are_worked_in_the_key(problem_id, lang, expected):
    # (a row's end with or without the * that keeps it on its page is the page layout's, not the key's: read alike)
    printed = [line.replace(r"\\*", r"\\") for line in lines(problem_id, "latex", lang)]
    for line in expected:
        assert line.replace(r"\\*", r"\\") in printed


# a forward table's value column shows the value: where the numbers put in are already its exact form (−ln(0.36),
# e³, tanh(2)), the value is its decimal alone, not that form again (−ln(0.36) ≈ 1.0217 beside −ln(0.36))
@pytest.mark.parametrize("problem_id, format, lang, row, value", [
    ("likelihood-nll", "text", "en", "L     L = -ln(P)       -ln(0.36)         ≈ 1.0217", -math.log(0.9 * 0.8 * 0.5)),
    ("likelihood-nll", "latex", "ru", r"$L$ & $L = - \ln {P}$ & $- \ln(0{,}36)$ & $\approx 1{,}0217$ \\",       # −ln P as stated
     -math.log(0.36)),
    ("graph-exp", "latex", "en", r"$c$ & $c = e^{b}$ & $e^{3}$ & $\approx 20.0855$ \\", math.exp(3)),
    ("tanh-chain", "text", "ru", "a     a = th(x)    th(2)              ≈ 0,9640", math.tanh(2)),
])
def test_a_value_column_shows_the_value_not_the_numbers_again(problem_id, format, lang, row, value):
    assert row in lines(problem_id, format, lang)
    decimal = f"{value:.4f}".replace(".", {"ru": "{,}" if format == "latex" else ","}.get(lang, "."))
    assert row.rstrip(" \\$").endswith("approx " + decimal if format == "latex" else "≈ " + decimal)       # by math, not symnn
