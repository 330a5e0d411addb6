"""A statement that asks a value and a comparison ("find σ′(3) and compare it with σ′(0)"): the key's answer line
gives both, σ′(3) ≈ 0.0452; σ′(3)/σ′(0) ≈ 0.181, and the check reads that line — the asked value judged, the
comparison checked as work. The oracle: σ′ = σ(1 − σ) worked here with the standard library's exp."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import pytest

from symnn.answers.check import check_bank_answer

sigma = lambda x: 1 / (1 + math.exp(-x))            # noqa: E731
slope = lambda x: sigma(x) * (1 - sigma(x))         # noqa: E731  σ′ = σ(1 − σ)
AT3, AT0 = slope(3), slope(0)
RATIO = AT3 / AT0


@pytest.mark.parametrize("answer, lang, correct, seen", [
    (f"σ′(3) ≈ {AT3:.4f}; σ′(3)/σ′(0) ≈ {RATIO:.3f}", "en", True, "Correct."),        # the key's line
    (f"σ′(3)/σ′(0) ≈ {RATIO:.3f}; σ′(3) ≈ {AT3:.4f}", "en", True, "Correct."),        # the other order
    (f"f'(3) = {AT3:.4f}; f'(3)/f'(0) = {RATIO:.4f}".replace(".", ","), "ru", True, "Верно."),   # f′, Russian commas
    (f"σ′(3) ≈ {AT3:.4f}; σ′(0) = {AT0}", "en", True, "Correct."),                    # the other side instead of the ratio
    (f"{AT3:.4f}", "en", True, "Correct."),                                           # the asked value alone
    # the comparison wrong (1/ratio): not correct, the right ratio said
    (f"σ′(3) ≈ {AT3:.4f}; σ′(3)/σ′(0) ≈ {1 / RATIO:.3f}", "en", False, f"σ'(3)/σ'(0) = 4·(1 - σ(3))·σ(3) ≈ {RATIO:.4f}"),
    (f"σ′(3) ≈ {AT3:.4f}; σ′(0) ≈ 0.5", "ru", False, "Промежуточное значение неверно: σ'(0) = 0,25."),   # σ′(0) wrong
    (f"σ′(3) ≈ {AT3 * 2:.4f}; σ′(3)/σ′(0) ≈ {RATIO:.3f}", "en", False, "Not correct."),  # the asked value wrong
])
def test_a_value_and_its_comparison(answer, lang, correct, seen):
    verdict = check_bank_answer("sigmoid-slow", answer, lang=lang, timeout=10)
    message = " ".join(verdict.feedback)
    assert verdict.correct is correct and seen in message, (answer, message)


def answer_line(problem_id: str, lang: str) -> str:
    printed = subprocess.run([sys.executable, "-m", "symnn", "solve", problem_id, "--detail", "brief", "--lang", lang],
                             capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}).stdout
    start = {"en": "Answer: ", "ru": "Ответ: "}[lang]
    return next(line for line in printed.splitlines() if line.startswith(start)).removeprefix(start)


def compared() -> list[str]:
    """Every bank problem that compares its answer with something: a derivative at another point, another
    function's derivative, a program's gradients against another program's."""
    from symnn.problems.bank import load_bank
    return [p.id for p in load_bank().values() if isinstance(p.data.get("compare"), dict)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_key_line_of_every_comparison_passes(lang):
    found = compared()
    assert {"sigmoid-slow", "mae-gradient", "relu-chain"} <= set(found)      # each kind of comparison is in the bank
    for problem_id in found:
        line = answer_line(problem_id, lang)
        verdict = check_bank_answer(problem_id, line, lang=lang, timeout=10)
        assert verdict.correct, (problem_id, line, verdict.feedback)


# mae-gradient: ∂|wx − y|/∂w = x·sign(wx − y) compared with ∂(wx − y)²/∂w = 2x(wx − y): the ratio 1/(2|wx − y|)
MAE, SQUARE = "∂/∂w(|w·x - y|)", "∂/∂w((w·x - y)^2)"


@pytest.mark.parametrize("answer, correct", [
    (f"{MAE} = x sign(wx - y); ({MAE})/({SQUARE}) = 1/(2|wx - y|)", True),     # the key's line, typed
    (f"({MAE})/({SQUARE}) = 1/(2|wx - y|); {MAE} = x sign(wx - y)", True),     # the other order
    (f"{MAE} = x sign(wx - y); {SQUARE} = 2x(wx - y)", True),                  # the other derivative instead
    (f"{MAE} = x sign(wx - y); ({MAE})/({SQUARE}) = 1/|wx - y|", False),       # the ratio without its ½
    (f"{SQUARE} = x(wx - y)", False),                                          # the other derivative, without its 2
])
def test_another_functions_derivative(answer, correct):
    verdict = check_bank_answer("mae-gradient", answer, timeout=10)
    assert verdict.correct is correct, (answer, verdict.feedback)


# relu-chain: three ReLUs at x = 2 pass dy/dx = 1; three tanh pass (1 − t₃²)(1 − t₂²)(1 − t₁²), t_k the k-th tanh
T1 = math.tanh(2)
T2 = math.tanh(T1)
T3 = math.tanh(T2)
TANH = (1 - T3 ** 2) * (1 - T2 ** 2) * (1 - T1 ** 2)


@pytest.mark.parametrize("answer, lang, correct, seen", [
    (f"y = 2; dy/dx = 1; for y = tanh(tanh(tanh(x))): dy/dx ≈ {TANH:.3g}; ratio 1/{TANH:.3g} ≈ {1 / TANH:.3g}", "en", True,
     "Correct."),                                                                   # the key's line, typed
    (f"y = 2; dy/dx = 1; для y = th(th(th(x))): dy/dx ≈ {TANH:.3g}; отношение ≈ {1 / TANH:.3g}".replace(".", ","), "ru",
     True, "Верно."),                                                               # Russian, the ratio's value alone
    (f"y = 2; dy/dx = 1; for y = tanh(tanh(tanh(x))): dy/dx ≈ {1 - T1 ** 2:.3g}", "en", False,
     f"dy/dx = 1/(cosh(2)^2·cosh(tanh(2))^2·cosh(tanh(tanh(2)))^2) ≈ {TANH:.4f}"),  # one tanh′ only
    (f"y = 2; dy/dx = 1; для y = th(th(th(x))): dy/dx ≈ {TANH:.3g}; отношение ≈ {TANH:.3g}".replace(".", ","), "ru",
     False, "Промежуточное значение неверно: отношение dy/dx"),                     # the ratio upside down
    ("y = 2; dy/dx = 1", "en", True, "Correct."),                                   # the asked values alone
])
def test_another_programs_gradients(answer, lang, correct, seen):
    verdict = check_bank_answer("relu-chain", answer, lang=lang, timeout=10)
    message = " ".join(verdict.feedback)
    assert verdict.correct is correct and seen in message, (answer, message)
