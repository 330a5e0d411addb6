"""Parts labelled by a method's name, with a colon as a report writes them: one step of several optimizers, each
point under its method's name (Momentum: (0.9, 0); Nesterov: (…)), in English or Russian names, in any case and
in any order. The points are worked out here with NumPy from the problem's settings (one step from (1, 1) on
f = ½(x² + 10y²)); one case per row, a comment each."""

from __future__ import annotations

import re

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

START, ETA, ALPHA, EPS = np.array([1.0, 1.0]), 0.1, 0.9, 1e-8
grad = lambda w: np.array([w[0], 10 * w[1]])          # noqa: E731 - ∇f of f = ½(x² + 10y²)
g = grad(START)
POINTS = {
    "momentum": START - ETA * g,                                           # Δw = −η g + α·0
    "nesterov": START - ETA * grad(START),                                 # the lookahead is the start: no step yet
    "adagrad": START - ETA * g / (np.sqrt(g ** 2) + EPS),
    "rmsprop": START - ETA * g / (np.sqrt((1 - ALPHA) * g ** 2) + EPS),
    "adam-slide": START - ETA * (0.1 * g) / (np.sqrt(0.001 * g ** 2) + EPS),
    "adam": START - ETA * g / (np.sqrt(g ** 2) + EPS),                    # bias-corrected: h/(1 − β₁), G/(1 − β₂)
}


def point(name: str, ru: bool = False) -> str:
    text = "(" + ("; " if ru else ", ").join(f"{v:.4f}" for v in POINTS[name]) + ")"
    return text.replace(".", ",") if ru else text


EN = ["Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam (slide)", "Adam"]
RU = ["Метод моментов", "Метод Нестерова", "AdaGrad", "RMSprop", "Adam как на слайде", "Adam"]


def report(names, order=range(6), ru=False, points=None) -> str:
    methods = list(POINTS)
    return "; ".join(f"{names[k]}: {(points or {}).get(methods[k]) or point(methods[k], ru)}" for k in order)


@pytest.mark.parametrize("answer, lang, correct", [
    (report(EN), "en", True),                                        # the course's order, English names
    (report(EN, [1, 0, 2, 3, 4, 5]), "en", True),                     # Nesterov first
    (report(RU, [5, 4, 3, 2, 1, 0], ru=True), "ru", True),            # Russian names, Russian numbers, backwards
    (report([n.upper() for n in EN]), "en", True),                   # any case
    (report(["нестеров", "моменты", "AdaGrad", "RMSprop", "Adam (slide)", "Adam"], [1, 0, 2, 3, 4, 5]), "ru", True),
    # short Russian names, lower case, in Russian; "нестеров" labels the Nesterov point whatever its place
    # no colon, the name then the point, as the student corpus writes it
    (report(EN).replace(": ", " "), "en", True),
    # the Russian "with a correction" for the bias-corrected Adam (its «с» a Cyrillic letter)
    (report(RU[:5] + ["Adam с поправкой"], ru=True), "ru", True),
    (report(EN, points={"nesterov": "(0.9, 0.1)"}), "en", False),     # Nesterov's point wrong
    (report(EN, points={"adam": point("adam-slide")}), "en", False),  # the slide's Adam for the bias-corrected one
])
def test_a_method_name_labels_its_point(answer, lang, correct):
    verdict = check_bank_answer("optimizers", answer, lang=lang, timeout=10)
    assert verdict.correct is correct, (answer, verdict.feedback)


def test_the_key_reads_its_own_line():
    """The key's answer line (Momentum: (0.9, 0); Nesterov momentum: …; AdaGrad: ≈ …), as `symnn solve` prints it."""
    import os
    import subprocess
    import sys
    printed = subprocess.run([sys.executable, "-m", "symnn", "solve", "optimizers"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, check=True).stdout
    line = next(line for line in printed.splitlines() if line.startswith("Answer: ")).removeprefix("Answer: ")
    assert check_bank_answer("optimizers", line, timeout=10).correct


@pytest.mark.parametrize("lang, names, seen, not_seen", [
    # the note and the message name each point by its method in the reader's language, never by the bank's slug
    # the note of the order by the methods' names, once each; a component by its method
    ("ru", RU, ["в порядке метод моментов, метод Нестерова", "Компонента 10 (y (Adam как на слайде))"], ["momentum", "adam-slide"]),
    ("en", EN, ["in the order Momentum, Nesterov momentum", "Component 10 (y (Adam as on the slide))"], ["(momentum)", "adam-slide"]),
])
def test_a_message_names_a_method_in_its_language(lang, names, seen, not_seen):
    wrong = point("adam-slide", ru=lang == "ru")[:-1].rsplit(" ", 1)[0] + " 0,6)" if lang == "ru" else \
        point("adam-slide").split(", ")[0] + ", 0.6)"
    verdict = check_bank_answer("optimizers", report(names, [5, 0, 1, 2, 3, 4], ru=lang == "ru", points={"adam-slide": wrong}),
                                lang=lang, timeout=10)
    message = " ".join(verdict.feedback)
    assert not verdict.correct and all(text in message for text in seen), message
    assert not any(text in message for text in not_seen), message


def with_variable(text: str, variable: str = "θ") -> str:
    """A report's parts with the point's variable after the name: Momentum: θ = (0.9, 0); …"""
    return "; ".join(f"{name}: {variable} {'≈' if k % 2 else '='} {value}"
                     for k, (name, value) in enumerate(part.split(": ", 1) for part in re.split(r";\s+(?=[^\W\d])", text)))


@pytest.mark.parametrize("answer, lang, correct, seen", [
    (with_variable(report(EN)), "en", True, None),                                  # Momentum: θ = (…), as a report writes it
    (with_variable(report(EN, [5, 4, 3, 2, 1, 0])), "en", True, None),              # backwards: each judged by its name
    (with_variable(report(RU, ru=True), "w"), "ru", True, None),                     # Russian names and commas, w for θ
    (with_variable(report(["момент", *RU[1:]], ru=True)), "ru", True, None),         # the short "момент"
    (with_variable(report(EN), r"\theta"), "en", True, None),                        # the variable in LaTeX
    (with_variable(report(EN, points={"nesterov": "(0.9, 0.1)"})), "en", False, None),   # a wrong point
    # a name the problem does not have: its points are read in the order written, and the name told
    (with_variable(report(EN[:5] + ["Adamax"])), "en", True, "The labels Adamax are not names"),
])
def test_a_name_then_the_variable_labels_a_point(answer, lang, correct, seen):
    verdict = check_bank_answer("optimizers", answer, lang=lang, timeout=10)
    assert verdict.correct is correct, (answer, verdict.feedback)
    assert seen is None or seen in " ".join(verdict.feedback), verdict.feedback


def unlabelled(ru=False, points=None) -> str:
    """The six points in the course's order, without the methods' names."""
    return ("; " if ru else ", ").join((points or {}).get(m) or point(m, ru) for m in POINTS)


@pytest.mark.parametrize("answer, lang, seen", [
    # two methods' points swapped, labelled: said by the methods' names, not as components 9 and 12
    (report(EN, points={"adam-slide": point("adam"), "adam": point("adam-slide")}), "en", "Adam as on the slide and Adam are swapped."),
    (report(RU, ru=True, points={"adam-slide": point("adam", True), "adam": point("adam-slide", True)}), "ru",
     "Adam как на слайде и Adam переставлены."),
    # unlabelled, in the course's order: the places are the methods'
    (unlabelled(True, {"rmsprop": point("adam", True), "adam": point("rmsprop", True)}), "ru", "RMSprop и Adam переставлены."),
    # three methods' points moved round
    (unlabelled(points={"momentum": point("adagrad"), "adagrad": point("rmsprop"), "rmsprop": point("momentum")}), "en",
     "have the right values, but in another order."),
    # one number wrong: its component named by its method
    (unlabelled(points={"adam": "(0.9, 0.5)"}), "en", "Component 12 (y (Adam)) is not correct."),
])
def test_a_message_names_the_methods(answer, lang, seen):
    verdict = check_bank_answer("optimizers", answer, lang=lang, timeout=10)
    message = " ".join(verdict.feedback)
    assert not verdict.correct and seen in message, (answer, message)
    assert "Component 9 " not in message and "Components 9" not in message, message
