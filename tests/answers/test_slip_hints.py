"""A wrong answer that is the right value with a common slip made is refused, and the feedback names the slip: lg
for ln, a factor of 2 (also on the key rounded before doubling), a mean's 1/n left out (a number, or every
component of a vector), a square root left out. The slipped values are worked out here with NumPy from the
problems' data, as a student would get them. One case per row, a comment each, the whole feedback exact."""

from __future__ import annotations

import numpy as np
import pytest

from symnn.answers.check import check_bank_answer

# ce: four one-hot labels and predictions, the mean cross-entropy with lg for ln
CE_PRED = np.array([[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]])
CE_LABEL = np.array([[0, 1], [1, 0], [1, 0], [0, 1]])
CE_LG = -np.mean(np.sum(CE_LABEL * np.log10(CE_PRED), axis=1))
# d2l-ce-each: each example's loss with lg
D2L_LG = -np.log10([0.1, 0.5])
# rmse: its data's MSE, the RMSE squared
MSE = np.mean((np.array([1.1, 2, 1.7]) - np.array([1, 1.7, 1.5])) ** 2)
# hinge-gradient: the subgradient of the hinge summed over the examples, not averaged
T, Y = np.array([1, -1, 1, -1]), np.array([1, -0.4, 0.3, 1.2])
HINGE_SUM = np.where(1 - T * Y > 0, -T, 0)
HINGE_MEAN = HINGE_SUM / len(T)

WRONG, НЕВЕРНО = "Not correct.", "Неверно."
LOG10 = "A base-10 logarithm was used; here log means the natural logarithm ln."
LOG10_RU = "Использован десятичный логарифм; здесь log означает натуральный логарифм ln."
TWO = "Off by a factor of 2 (check the ½ in the loss, or a power rule)."
TWO_RU = "Ответ отличается в 2 раза (проверьте множитель ½ в функции потерь или производную степени)."


def ru(number: str) -> str:
    return number.replace(".", ",")


CASES = [
    # lg for ln in a mean cross-entropy: the value with lg, to 4 places (0.0939 for 0.2162)
    ("ce", f"{CE_LG:.4f}", "en", (WRONG, LOG10)),
    ("ce", ru(f"{CE_LG:.4f}"), "ru", (НЕВЕРНО, LOG10_RU)),
    # ... in each example's loss of a vector: said of each component
    ("d2l-ce-each", f"({D2L_LG[0]:.0f}, {D2L_LG[1]:.3f})", "en",
     (WRONG, "Component 1: a base-10 logarithm was used; here log means the natural logarithm ln.",
      "Component 2: a base-10 logarithm was used; here log means the natural logarithm ln.")),
    # ... in a binary cross-entropy, 3 significant figures
    ("bce-n", ru(f"{-np.mean(np.log10([0.9, 0.8, 0.6, 0.75, 0.6])):.3f}"), "ru", (НЕВЕРНО, LOG10_RU)),
    # half the key, rounded (0.0107 for 0.0215): the statement squares the error, so the power rule's 2
    ("backprop-w1", "0.0107", "en", (WRONG, TWO)),
    # twice the key as rounded to 4 places, 2 · 0.0215, in Russian, with fewer places too
    ("backprop-w1", "0,0430", "ru", (НЕВЕРНО, TWO_RU)),
    ("backprop-w1", "0,043", "ru", (НЕВЕРНО, TWO_RU)),
    # a number near, but not twice the key: no hint
    ("backprop-w1", "0.05", "en", (WRONG,)),
    # twice a key of a problem with no square: the factor said plainly
    ("ce", f"{2 * 0.21616:.4f}", "en", (WRONG, "That is twice the right value: check a factor of 2.")),
    ("ce", ru(f"{0.21616 / 2:.4f}"), "ru", (НЕВЕРНО, "Это половина правильного значения: не хватает множителя 2.")),
    # the hinge's subgradient summed over the 4 examples where the loss is their mean: every component 4 times
    ("hinge-gradient", "(" + ", ".join(f"{g:g}" for g in HINGE_SUM) + ")", "en",
     (WRONG, "Every component is n times the right one (n = 4): a sum over the examples, where the loss is their mean: "
             "divide by n = 4.")),
    ("hinge-gradient", "(" + "; ".join(f"{g:g}" for g in HINGE_SUM) + ")", "ru",
     (НЕВЕРНО, "Каждая компонента в n раз больше правильной (n = 4): это сумма по примерам, а функция потерь — среднее по "
               "примерам: разделите на n = 4.")),
    # every component twice, or half, the right one
    ("hinge-gradient", "(" + ", ".join(f"{g:g}" for g in 2 * HINGE_MEAN) + ")", "en",
     (WRONG, "Every component is twice the right one: check a factor of 2.")),
    ("hinge-gradient", "(" + "; ".join(ru(f"{g:g}") for g in HINGE_MEAN / 2) + ")", "ru",
     (НЕВЕРНО, "Каждая компонента вдвое меньше правильной: не хватает множителя 2.")),
    # one component 4 times its own: said of it alone
    ("hinge-gradient", "(0, 1, -0.25, 0.25)", "en",
     (WRONG, "Component 2 (dL/dy_2): that is a sum over the examples, n times the right value (n = 4); the loss is their mean: "
             "divide by n = 4.")),
    # one component wrong, by no slip: said of it, no slip of the whole vector
    ("hinge-gradient", "(0, 0.7, -0.25, 0.25)", "en", (WRONG, "Component 2 (dL/dy_2) is not correct.")),
    # the MSE for the RMSE: the square root left out
    ("rmse", f"{MSE:.4f}", "en",
     (WRONG, "That is the square of the right value: the square root is missing (as the MSE for the RMSE).")),
    ("rmse", ru(f"{MSE:.6f}"), "ru",
     (НЕВЕРНО, "Это квадрат правильного значения: не извлечён квадратный корень (как MSE вместо RMSE).")),
    # the sum of the examples' losses for their mean is still said as such
    ("mse", f"{3 * MSE:.2f}", "en",
     (WRONG, "That is the sum of the losses of the examples; the loss is their mean: divide by n = 3.")),
    # a weight twice the right whole number, 6 for 3: as likely any other wrong number, no slip named
    ("hagan-perceptron", "W = (6, 0.2)", "en", (WRONG, "Component 1 (w_1) is not correct.")),
]


@pytest.mark.parametrize("problem, answer, lang, feedback", CASES)
def test_a_slip_is_named(problem, answer, lang, feedback):
    verdict = check_bank_answer(problem, answer, lang=lang, timeout=10)
    assert not verdict.correct
    assert verdict.feedback == feedback


def test_the_right_values_are_right():
    """The oracles above agree with the checker's keys: the mean of the hinge's subgradient, the RMSE."""
    assert check_bank_answer("hinge-gradient", "(" + ", ".join(f"{g:g}" for g in HINGE_MEAN) + ")").correct
    assert check_bank_answer("rmse", f"{np.sqrt(MSE):.4f}").correct
    assert check_bank_answer("ce", f"{-np.mean(np.sum(CE_LABEL * np.log(CE_PRED), axis=1)):.4f}").correct
