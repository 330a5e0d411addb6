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


def compared_derivatives() -> list[str]:
    """Every bank derivative problem that compares its answer with something: the same derivative at another
    point, or another function's derivative."""
    from symnn.problems.bank import load_bank
    return [p.id for p in load_bank().values() if p.kind == "derivative" and isinstance(p.data.get("compare"), dict)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_key_line_of_every_comparison_passes(lang):
    found = compared_derivatives()
    assert {"sigmoid-slow", "mae-gradient"} <= set(found)       # both kinds of comparison are in the bank
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
