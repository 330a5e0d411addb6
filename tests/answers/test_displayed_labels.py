"""Labels compared with the names the key prints, and notes that say only those names: the key of one neuron
writes its output y (symnn's own o1 never reaches a student), its bias b, its inputs x_1, x_2. The expected
values are the forward pass computed here with NumPy, not by the code under test."""

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


Y = sigmoid(0 * 2 + 1 * 3 + 4)                         # neuron-2in: w = (0, 1), b = 4, x = (2, 3)
H = sigmoid(0 * 2 + 1 * 3 + 0)                         # feedforward-221: each hidden neuron, biases 0
O = sigmoid(0 * H + 1 * H + 0)                         # ... and its output o_1
y_ru = f"{Y:.4f}".replace(".", ",")

# (problem, answer, lang, correct?, the whole feedback)
CASES = [
    # the key's own answer line: y is its name, no note
    ("neuron-2in", f"y = σ(7) ≈ {y_ru}", "en", True, ("Correct.", "The number matches within the tolerance.")),
    ("neuron-2in", f"y = {Y:.4f}", "ru", True, ("Верно.", "Число совпадает с ожидаемым в пределах допуска.")),
    # ŷ, the output: other spellings of the one output
    ("neuron-2in", f"ŷ = {Y:.4f}", "en", True, ("Correct.", "The number matches within the tolerance.")),
    # a label the problem does not know: the note names the answer as the key does (y), not symnn's o1
    ("neuron-2in", f"Q = {Y:.4f}", "en", True, ("Correct.", "The number matches within the tolerance.",
     "The label Q is not a name this problem uses: the number was checked as y, the answer asked for.")),
    ("neuron-2in", f"Q = {y_ru}", "ru", True, ("Верно.", "Число совпадает с ожидаемым в пределах допуска.",
     "Обозначения Q в этой задаче нет: число проверено как y — искомая величина.")),
    # parts of a network read in order: the note lists the key's names h_1, h_2, o_1 (the statement's own)
    ("feedforward-221", f"h1 = {H:.4f}, h2 = {H:.4f}, q = {O:.4f}", "en", True,
     ("Correct.", "The labels q are not names of the parts of the answer (h_1, h_2, o_1): the numbers were read in the "
      "order written.")),
]


@pytest.mark.parametrize("problem, answer, lang, correct, feedback", CASES)
def test_labels_by_displayed_names(problem, answer, lang, correct, feedback):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert (verdict.correct, verdict.feedback) == (correct, feedback)
