"""A loss on scores given outright (CS231n's cat) is keyed as the loss and its gradient, not as a network.

The bank states such scores as one identity layer without biases, which nothing trains; the key
must not show that layer, its weights, or deltas that repeat ∂L/∂s_j.
"""

import pytest

from symnn.problems.solve import solve
from symnn.render import render


def lines(problem_id: str, lang: str) -> list[str]:
    return render(solve(problem_id), "md", lang=lang, detail="brief").splitlines()


@pytest.mark.parametrize("problem_id, lang, expected", [
    # the SVM loss with the scores put in, then ∂L/∂s_j; the point is the scores and the targets only
    ("cs231n-svm-cat", "en", [r"**The loss on the scores:** $L = \max(0, s_{2} - s_{1} + 1) + \max(0, s_{3} - s_{1} + 1)$",
                              r"At $(s_{1}, s_{2}, s_{3}, y) = (3.2, 5.1, -1.7, 1)$.",     # the correct class y, not one-hot
                              r"| $\frac{\partial L}{\partial s_{2}}$ | $H(s_{2} - s_{1} + 1)$ | $H(5.1 - 3.2 + 1)$ | $1$ |"]),
    ("cs231n-svm-cat", "ru", [r"**Функция потерь по оценкам:** $L = \max(0; s_{2} - s_{1} + 1) + \max(0; s_{3} - s_{1} + 1)$",
                              "Производная функции потерь по каждой оценке:"]),
    # softmax cross-entropy: a negative score put into an exponent takes no brackets, e^{−1.7}
    ("cs231n-softmax-cat", "ru", [r"| $L$ | $\ln(e^{s_{1}} + e^{s_{2}} + e^{s_{3}}) - s_{1}$ | "
                                  r"$\ln(e^{3{,}2} + e^{5{,}1} + e^{-1{,}7}) - 3{,}2$ | "]),
])
def test_a_loss_on_scores_is_keyed_as_the_loss_and_its_gradient(problem_id, lang, expected):
    printed = "\n".join(lines(problem_id, lang))
    for line in expected:
        assert line in printed


@pytest.mark.parametrize("problem_id", ["cs231n-svm-cat", "cs231n-softmax-cat"])
@pytest.mark.parametrize("lang, unwanted", [("en", ("Training by hand", "w_{1}", "Deltas", "\\delta")),
                                            ("ru", ("Обучение вручную", "w_{1}", "Дельты", "\\delta"))])
def test_no_identity_layer_is_shown(problem_id, lang, unwanted):
    text = "\n".join(lines(problem_id, lang))
    assert not [word for word in unwanted if word in text]
