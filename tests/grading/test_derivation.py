"""Derivations of the course checked line by line: every correct chain passes, and the same chain
with one line spoiled is flagged at exactly that line, with the mistake named where the checker
has a name for it. The oracle is the table itself (each spoiled line's comment says what is wrong)."""

from __future__ import annotations

import json

import pytest

from symnn.cli import main
from symnn.grading.derivation import derivation_verdict

# (problem, the correct derivation, (line number, the spoiled line, what the feedback must say))
CHAINS = [
    ("4.3", ["d/dx(5x^3 + 3/y^2 + sin z) = 15x^2", "d/dy(5x^3 + 3/y^2 + sin z) = -6/y^3",
             "d/dz(5x^3 + 3/y^2 + sin z) = cos z", "∇F(2, 1/3, 0) = (60, -162, 1)"],
     (2, "d/dy(5x^3 + 3/y^2 + sin z) = 6/y^3", "sign")),
    ("4.3", [r"\frac{\partial F}{\partial x} = 15x^2", r"\nabla F = \left(15x^2, -\frac{6}{y^3}, \cos z\right)",
             r"\nabla F(2, \frac{1}{3}, 0) = (60, -162, 1)"],
     (3, r"\nabla F(2, \frac{1}{3}, 0) = (60, -162, 0)", "Component 3")),              # cos 0 taken as 0
    ("4.4", ["∂/∂x(xy + yz^2 + cos(z)/x) = y - cos(z)/x^2", "∂/∂y(xy + yz^2 + cos(z)/x) = x + z^2",
             "∂/∂z(xy + yz^2 + cos(z)/x) = 2yz - sin(z)/x", "∇F(1, 2, 0) = (1, 1, 0)"],
     (1, "∂/∂x(xy + yz^2 + cos(z)/x) = y + cos(z)/x^2", "")),                           # the quotient's sign
    ("4.4", ["∇F = (y - cos(z)/x^2, x + z^2, 2yz - sin(z)/x)", "∇F(1, 2, 0) = (2 - 1, 1 + 0, 0 - 0)", "= (1, 1, 0)"],
     (3, "= (1, 0, 1)", "")),                                                          # components moved
    ("4.5", ["d/dx(x + 2y) = 1", "d/dy(x + 2y) = 2", "∇F(5, 10) = (1, 2)"],
     (2, "d/dy(x + 2y) = 2y", "")),
    ("4.5", ["∇F = (1, 2)", "∇F(5, 10) = (1, 2)"], (2, "∇F(5, 10) = (2, 1)", "Component 1")),
    ("4.6", ["d/dx(y(x + 2y)) = y", "d/dy(y(x + 2y)) = (x + 2y) + y·2", "= x + 4y", "∇F(5, 10) = (10, 45)"],
     (3, "= x + 2y", "")),                                                             # the product rule's term lost
    ("4.6", [r"\frac{\partial}{\partial y}\left(xy + 2y^2\right) = x + 4y", r"\nabla F(5, 10) = (10, 45)"],
     (1, r"\frac{\partial}{\partial y}\left(xy + 2y^2\right) = x + 2y", "")),
    ("perceptron-alpha", ["f'(x) = α e^{-αx}/(1 + e^{-αx})^2", "= α σ(αx)(1 - σ(αx))"],
     (1, "f'(x) = e^{-αx}/(1 + e^{-αx})^2", "inner derivative")),
    ("perceptron-alpha", ["d/dx(1/(1 + exp(-alpha x))) = alpha exp(-alpha x)/(1 + exp(-alpha x))^2",
                          "= alpha sigma(alpha x) (1 - sigma(alpha x))"],
     (2, "= alpha sigma(alpha x) (1 + sigma(alpha x))", "")),
    ("perceptron-alpha", [r"f'(x) = \alpha \sigma'(\alpha x)", r"= \alpha \sigma(\alpha x)\left(1 - \sigma(\alpha x)\right)"],
     (1, r"f'(x) = \sigma'(\alpha x)", "inner derivative")),
    ("softsign", ["d/dx(x/(1 + |x|)) = ((1 + |x|) - x·sign(x))/(1 + |x|)^2", "= 1/(1 + |x|)^2"],
     (2, "= 1/(1 + x)^2", "")),                                                        # the slide's lost bars
    ("bce-grad", ["dL/dp = -(y/p - (1 - y)/(1 - p))", "= (p - y)/(p(1 - p))"],
     (2, "= (y - p)/(p(1 - p))", "sign")),
    ("bce-grad", [r"\frac{dL}{dp} = -\frac{y}{p} + \frac{1 - y}{1 - p}", r"= \frac{-y(1 - p) + p(1 - y)}{p(1 - p)}",
                  r"= \frac{p - y}{p(1 - p)}"],
     (2, r"= \frac{y(1 - p) - p(1 - y)}{p(1 - p)}", "sign")),
    ("bce-grad-logit", ["d/dz(-(y ln σ(z) + (1 - y) ln(1 - σ(z)))) = -y(1 - σ(z)) + (1 - y)σ(z)", "= σ(z) - y"],
     (2, "= y - σ(z)", "sign")),
    ("bce-grad-logit", ["dL/dz = -y σ'(z)/σ(z) + (1 - y) σ'(z)/(1 - σ(z))", "= -y(1 - σ(z)) + (1 - y)σ(z)",
                        "= σ(z) - y"],
     (3, "= 2(σ(z) - y)", "")),                              # a 2 from nowhere: no ½ or power here to hint at
    ("neuron-grad", ["d/dw1((Y - σ(w1 x1 + w2 x2 + b))^2) = 2(Y - σ(w1 x1 + w2 x2 + b))·(-σ'(w1 x1 + w2 x2 + b))·x1",
                     "= -2 x1 (Y - σ(w1 x1 + w2 x2 + b)) σ(w1 x1 + w2 x2 + b)(1 - σ(w1 x1 + w2 x2 + b))"],
     (1, "d/dw1((Y - σ(w1 x1 + w2 x2 + b))^2) = 2(Y - σ(w1 x1 + w2 x2 + b))·(-σ'(w1 x1 + w2 x2 + b))",
      "inner derivative")),
    ("neuron-grad", ["dE/dw1 = -2 x1 (Y - σ(w1 x1 + w2 x2 + b)) σ(w1 x1 + w2 x2 + b)(1 - σ(w1 x1 + w2 x2 + b))"],
     (1, "dE/dw1 = 2 x1 (Y - σ(w1 x1 + w2 x2 + b)) σ(w1 x1 + w2 x2 + b)(1 - σ(w1 x1 + w2 x2 + b))", "sign")),
    ("backprop-w1", ["∂L/∂w1 = (-0.9526)(0.2494)(-0.0904)", "≈ 0.0215"],
     (1, "∂L/∂w1 = (-0.9526)(0.2494)(0.0904)", "sign")),
    ("backprop-w1", ["∂L/∂w1 = 2(σ(2σ(-3)) - 1) · σ(2σ(-3))(1 - σ(2σ(-3))) · σ(-3)(1 - σ(-3))·(-2)", "≈ 0.02147"],
     (1, "∂L/∂w1 = 2(σ(2σ(-3)) - 1) · σ(2σ(-3))(1 - σ(2σ(-3))) · σ(-3)(1 - σ(-3))", "")),    # the input x1 = −2 lost
    ("linreg-grad", ["∂L/∂w = 2(w x + b - y)·x", "∂L/∂b = 2(w x + b - y)"],
     (2, "∂L/∂b = (w x + b - y)", "factor of 2")),
    ("5.1", ["MSE = ((1-0)^2 + (4-5)^2 + (7-10)^2 + (13-20)^2)/4", "= (1 + 1 + 9 + 49)/4", "= 15"],
     (2, "= (1 + 1 + 9 + 36)/4", "")),
    ("mse", ["MSE = ((1.1-1)^2 + (2-1.7)^2 + (1.7-1.5)^2)/3", "= (0.01 + 0.09 + 0.04)/3", "≈ 0.0467"],
     (3, "≈ 0.0567", "")),
    ("nll-softmax", ["s1 = exp(y1)/(exp(y1) + exp(y2) + exp(y3))", "s2 = exp(y2)/(exp(y1) + exp(y2) + exp(y3))",
                     "s3 = exp(y3)/(exp(y1) + exp(y2) + exp(y3))",
                     "d/dy1(-ln(exp(y1)/(exp(y1) + exp(y2) + exp(y3)))) = -1 + exp(y1)/(exp(y1) + exp(y2) + exp(y3))",
                     "= s1 - 1",
                     "d/dy2(-ln(exp(y1)/(exp(y1) + exp(y2) + exp(y3)))) = s2",
                     "d/dy3(-ln(exp(y1)/(exp(y1) + exp(y2) + exp(y3)))) = s3"],
     (5, "= s1", "")),                                                                 # the one-hot's 1 lost
    ("grad-quadratic", ["d/dx((x^2 + y^2)/2) = x", "d/dy((x^2 + y^2)/2) = y", "∇F(1, 2) = (1, 2)"],
     (1, "d/dx((x^2 + y^2)/2) = 2x", "factor of 2")),
]


@pytest.mark.parametrize("problem, lines, spoiled", CHAINS, ids=[f"{c[0]}-{k}" for k, c in enumerate(CHAINS)])
def test_the_correct_chain_passes(problem, lines, spoiled):
    verdict = derivation_verdict(problem, "\n".join(lines))
    assert verdict.correct, (verdict.feedback, [(c.number, c.feedback) for c in verdict.lines])


@pytest.mark.parametrize("problem, lines, spoiled", CHAINS, ids=[f"{c[0]}-{k}" for k, c in enumerate(CHAINS)])
def test_one_spoiled_line_is_flagged_there_with_its_mistake(problem, lines, spoiled):
    number, line, mistake = spoiled
    work = [*lines[: number - 1], line, *lines[number:]]
    verdict = derivation_verdict(problem, "\n".join(work))
    assert not verdict.correct and verdict.first_wrong == number, verdict.feedback
    assert mistake.lower() in " ".join(verdict.feedback).lower(), verdict.feedback


def test_there_are_at_least_25_chains():
    assert len(CHAINS) >= 25


def test_steps_in_any_order_of_simplification_pass():
    work = "d/dy(y(x + 2y)) = x + 4y\n= 4y + x\n= (x + 2y) + 2y\n= x + 2(2y)"
    assert derivation_verdict("4.6", work + "\n∇F(5, 10) = (10, 45)").correct


def test_an_unreadable_line_is_named_as_such_and_the_lines_after_it_are_still_judged():
    verdict = derivation_verdict("4.5", "∇F = (1, 2)\n∇F(5, 10) = (1, 2\n∇F(5, 10) = (1, 2)")
    assert verdict.unreadable == (2,) and verdict.first_wrong is None and not verdict.correct
    assert "Line 2 cannot be read" in " ".join(verdict.feedback) and len(verdict.lines) == 3
    spoiled = derivation_verdict("4.5", "∇F = (1, 2)\n∇F(5, 10) = (1, 2\n∇F(5, 10) = (2, 1)")
    assert spoiled.unreadable == (2,) and spoiled.first_wrong == 3


def test_from_the_command_line_in_russian_and_as_json(tmp_path, capsys):
    work = tmp_path / "work.txt"
    work.write_text("dL/dp = -(y/p - (1 - y)/(1 - p))\n= (y - p)/(p(1 - p))\n", encoding="utf-8")
    assert main(["check-steps", "bce-grad", str(work), "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert "Строка 2" in out and "знак" in out.lower()
    assert main(["check-steps", "bce-grad", str(work), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["first_wrong_line"] == 2
