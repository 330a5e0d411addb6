"""The parts of a delta-rule answer by name: the deltas δ_out, δ_h1, δ_h2, the gradients ∂L/∂w_1 … ∂L/∂b_3 and the
momentum steps Δw_1 … Δb_3, labelled in any order, and named in a message where one is wrong or two are swapped.
The oracle: the 2-2-1 sigmoid network of the problem (every weight 1, biases 0, x = (−2, −1), y = 1,
L = ½(o − y)², η = 0.1, α = 0.9, previous steps 0.01 for w_5 and w_6) worked here with the standard library."""

from __future__ import annotations

import math

import pytest

from symnn.answers.check import check_bank_answer

sigma = lambda z: 1 / (1 + math.exp(-z))                # noqa: E731
X1, X2, Y = -2.0, -1.0, 1.0
H = sigma(X1 + X2)                                        # both hidden neurons: 1·x1 + 1·x2 + 0
O = sigma(2 * H)                                          # the output: 1·h1 + 1·h2 + 0
D_OUT = (O - Y) * O * (1 - O)                             # δ_out = (o − y)·σ′
D_HID = H * (1 - H) * 1 * D_OUT                           # δ_h = σ′(in_h)·w·δ_out, w = 1
PARAMETERS = ["w_1", "w_2", "b_1", "w_3", "w_4", "b_2", "w_5", "w_6", "b_3"]
GRADIENTS = [X1 * D_HID, X2 * D_HID, D_HID, X1 * D_HID, X2 * D_HID, D_HID, H * D_OUT, H * D_OUT, D_OUT]
PREVIOUS = {"w_5": 0.01, "w_6": 0.01}
STEPS = [-0.1 * g + 0.9 * PREVIOUS.get(p, 0) for p, g in zip(PARAMETERS, GRADIENTS)]
NAMES = ["δ_out", "δ_h1", "δ_h2"] + [f"∂L/∂{p}" for p in PARAMETERS] + [f"Δ{p}" for p in PARAMETERS]
VALUES = [D_OUT, D_HID, D_HID] + GRADIENTS + STEPS


def answer(order=range(21), labelled=True, ru=False, changed=None) -> str:
    values = {**dict(enumerate(VALUES)), **(changed or {})}
    parts = [(f"{NAMES[k]} = " if labelled else "") + f"{values[k]:.4g}" for k in order]
    text = "; ".join(parts)
    return text.replace(".", ",") if ru else text


@pytest.mark.parametrize("typed, lang, correct, seen", [
    (answer(), "en", True, "Correct."),                                            # every part labelled, in order
    (answer(ru=True), "ru", True, "Верно."),                                       # Russian decimal commas
    (answer(list(range(12, 21)) + list(range(12))), "en", True, "Correct."),       # the steps first: read by label
    (answer(labelled=False), "en", True, "Correct."),                              # unlabelled, in order
    # one step ten times too large: named by its part, not only its place
    (answer(labelled=False, changed={18: STEPS[6] * 10}), "en", False, "Component 19 (Δw_5) is not correct."),
    (answer(changed={1: -D_HID}), "ru", False, "Компонента 2 (δ_h1): неверный знак"),    # a delta's sign
    # the gradients of w_1 and w_2 swapped, unlabelled
    (answer(labelled=False, changed={3: GRADIENTS[1], 4: GRADIENTS[0]}), "en", False, "Components 4 (dL/dw_1) and 5 (dL/dw_2) are swapped."),
])
def test_a_delta_rule_part_by_name(typed, lang, correct, seen):
    verdict = check_bank_answer("delta-rule", typed, lang=lang, timeout=20)
    message = " ".join(verdict.feedback)
    assert verdict.correct is correct and seen in message, (typed, message)
