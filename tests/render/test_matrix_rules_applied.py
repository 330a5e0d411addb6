"""A matrix key applies each rule in the problem's own letters (∂f/∂a = ∂(½‖a‖²)/∂a = a, ∂MSE/∂w =
−Xᵀ·∂MSE/∂(y − X·w) = …) and says the rule in words: no general formula with letters of its own (P, F, B, c, R)
that clash with the problem's and are never explained. Each written step is checked on NumPy matrices against
central differences of the loss, an oracle independent of symnn's derivation."""

import numpy as np
import pytest

from symnn import render, solve
from symnn.export.worksheets import problem_set


def _steps(problem: str, lang: str) -> list[str]:
    printed = render(solve(problem), "text", lang=lang, detail="brief").splitlines()
    start = next(i for i, line in enumerate(printed) if line.startswith(("Backwards", "Идём")))
    end = next(i for i, line in enumerate(printed) if line.startswith(("Answer", "Ответ")))
    return printed[start + 1:end]


LOSS_EN = "the gradient of a squared norm is twice what stands under the norm"       # ∂((1/n)‖r‖²)/∂r = 2r/n
LOSS_RU = "градиент квадрата нормы равен удвоенному выражению под нормой"
HALF_EN = "the gradient of half a squared norm is what stands under the norm"        # ∂(½‖r‖²)/∂r = r
HALF_RU = "градиент половины квадрата нормы равен самому выражению под нормой"
OTHERS_EN = "the gradient is multiplied by the other factors, transposed, each on its own side"
OTHERS_RU = "градиент умножается на остальные множители, транспонированные, каждый со своей стороны"

STEPS = {
    ("graph-matrix", "en"): [
        f"   ∂f/∂a = ∂((1/2)·‖a‖^2)/∂a = a — {HALF_EN}",
        f"   ∇_W f = Xᵀ·∂f/∂a = Xᵀ·a — a product X·W: {OTHERS_EN}"],
    ("graph-matrix", "ru"): [
        f"   ∂f/∂a = ∂((1/2)·‖a‖^2)/∂a = a — {HALF_RU}",
        f"   ∇_W f = Xᵀ·∂f/∂a = Xᵀ·a — произведение X·W: {OTHERS_RU}"],
    ("linreg-matrix-grad", "en"): [
        f"   ∂MSE/∂(y - X·w) = ∂((1/n)·‖y - X·w‖^2)/∂(y - X·w) = 2(y - X·w)/n — {LOSS_EN}",
        "   ∂MSE/∂w = -Xᵀ·∂MSE/∂(y - X·w) = -2Xᵀ·(y - X·w)/n — a product -X·w in the sum y - X·w: "
        f"the sum passes its gradient on, and {OTHERS_EN}"],
    ("linreg-matrix-grad", "ru"): [
        f"   ∂MSE/∂(y - X·w) = ∂((1/n)·‖y - X·w‖^2)/∂(y - X·w) = 2(y - X·w)/n — {LOSS_RU}",
        "   ∂MSE/∂w = -Xᵀ·∂MSE/∂(y - X·w) = -2Xᵀ·(y - X·w)/n — произведение -X·w в сумме y - X·w: "
        f"сумма передаёт ему свой градиент, который {OTHERS_RU.removeprefix('градиент ')}"],
    ("dense-layer-grad", "en"): [
        f"   ∂L/∂(Z - Y) = ∂((1/2)·‖Z - Y‖^2)/∂(Z - Y) = Z - Y — {HALF_EN}",
        "   ∂L/∂Z = Z - Y = δ — a sum passes the gradient on to each term",
        f"   ∂L/∂W = Xᵀ·∂L/∂Z = Xᵀ·δ — a product X·W: {OTHERS_EN}"],
    ("dense-layer-grad", "ru"): [
        f"   ∂L/∂(Z - Y) = ∂((1/2)·‖Z - Y‖^2)/∂(Z - Y) = Z - Y — {HALF_RU}",
        "   ∂L/∂Z = Z - Y = δ — сумма передаёт градиент каждому слагаемому",
        f"   ∂L/∂W = Xᵀ·∂L/∂Z = Xᵀ·δ — произведение X·W: {OTHERS_RU}"],
    ("two-layer-w2", "en"): [
        "   ∂L/∂(y - σ(X·W_1)·W_2) = ∂((1/2)·(y - σ(X·W_1)·W_2)^2)/∂(y - σ(X·W_1)·W_2) = y - σ(X·W_1)·W_2 — "
        "the derivative of half a square is what is squared",
        "   ∂L/∂W_2 = -σ(X·W_1)ᵀ·∂L/∂(y - σ(X·W_1)·W_2) = -(y - σ(X·W_1)·W_2)·σ(X·W_1)ᵀ — a product "
        f"-σ(X·W_1)·W_2 in the sum y - σ(X·W_1)·W_2: the sum passes its gradient on, and {OTHERS_EN}"],
    ("two-layer-w2", "ru"): [
        "   ∂L/∂(y - σ(X·W_1)·W_2) = ∂((1/2)·(y - σ(X·W_1)·W_2)^2)/∂(y - σ(X·W_1)·W_2) = y - σ(X·W_1)·W_2 — "
        "производная половины квадрата равна самому выражению, возводимому в квадрат",
        "   ∂L/∂W_2 = -σ(X·W_1)ᵀ·∂L/∂(y - σ(X·W_1)·W_2) = -(y - σ(X·W_1)·W_2)·σ(X·W_1)ᵀ — произведение "
        f"-σ(X·W_1)·W_2 в сумме y - σ(X·W_1)·W_2: сумма передаёт ему свой градиент, который {OTHERS_RU.removeprefix('градиент ')}"],
}


@pytest.mark.parametrize("problem, lang", STEPS)
def test_each_rule_is_applied_in_the_problems_letters(problem, lang):
    assert _steps(problem, lang) == STEPS[problem, lang]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_matrix_key_writes_a_rule_in_letters_of_its_own(lang):
    for problem in problem_set("matrix")[1]:
        text = render(solve(problem), "text", lang=lang, detail="brief")
        # the general rules of before: ∂(c‖R‖²)/∂R = 2cR, ∂L/∂F = Pᵀ·∂L/∂(P·F·B)·Bᵀ, ∂L/∂P = ∂L/∂(σ(P)) ⊙ σ'(P)
        own = set(problem.data.get("shapes", {}))        # a letter of the problem's own (cookbook-traces' B) may appear
        for general in ("‖R‖", "2c·R", "∂L/∂F", "P·F·B", "A·F·B", "Bᵀ", "σ(P)", "∂L/∂X = (∂L/∂Xᵀ)ᵀ"):
            if not own & set(general):
                assert general not in text, (problem.id, general)


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _numeric(f, at, h=1e-6):
    """Central differences of the number f(at) entry by entry: the gradient of the shape of ``at``."""
    grad = np.zeros_like(at)
    for index in np.ndindex(at.shape):
        step = np.zeros_like(at)
        step[index] = h
        grad[index] = (f(at + step) - f(at - step)) / (2 * h)
    return grad


def test_linear_regression_steps_on_numbers():
    rng = np.random.default_rng(4)
    n, d = 5, 3
    X, y, w = rng.normal(size=(n, d)), rng.normal(size=(n, 1)), rng.normal(size=(d, 1))
    mse_of_r = lambda r: float(np.sum(r ** 2)) / n                                   # noqa: E731
    r = y - X @ w
    by_r = _numeric(mse_of_r, r)
    assert np.allclose(by_r, 2 * r / n, atol=1e-6)                                  # ∂((1/n)‖r‖²)/∂r = 2r/n
    by_w = _numeric(lambda v: mse_of_r(y - X @ v), w)
    assert np.allclose(by_w, -X.T @ by_r, atol=1e-6)                                # −Xᵀ·∂MSE/∂(y − Xw)
    assert np.allclose(by_w, -2 * X.T @ (y - X @ w) / n, atol=1e-6)                 # = −2Xᵀ(y − Xw)/n


def test_two_layer_steps_on_numbers():
    rng = np.random.default_rng(5)
    d, h = 3, 4
    X, W1, W2, y = rng.normal(size=(1, d)), rng.normal(size=(d, h)), rng.normal(size=(h, 1)), 0.7
    loss = lambda W_1, W_2: 0.5 * float((y - _sigmoid(X @ W_1) @ W_2)[0, 0]) ** 2    # noqa: E731
    r = float((y - _sigmoid(X @ W1) @ W2)[0, 0])
    by_r = r                                                                        # ∂(r²/2)/∂r = r
    by_sigma = _numeric(lambda S: 0.5 * float((y - S @ W2)[0, 0]) ** 2, _sigmoid(X @ W1))
    assert np.allclose(by_sigma, -by_r * W2.T, atol=1e-6)                           # −∂L/∂r·W₂ᵀ
    by_xw = _numeric(lambda Z: 0.5 * float((y - _sigmoid(Z) @ W2)[0, 0]) ** 2, X @ W1)
    slope = _sigmoid(X @ W1) * (1 - _sigmoid(X @ W1))
    assert np.allclose(by_xw, by_sigma * slope, atol=1e-6)                          # ∂L/∂σ(XW₁) ⊙ σ′(XW₁)
    by_w1 = _numeric(lambda V: loss(V, W2), W1)
    assert np.allclose(by_w1, X.T @ by_xw, atol=1e-6)                               # Xᵀ·∂L/∂(XW₁)
    by_w2 = _numeric(lambda V: loss(W1, V), W2)
    assert np.allclose(by_w2, -_sigmoid(X @ W1).T * by_r, atol=1e-6)                # −σ(XW₁)ᵀ·∂L/∂r


def test_dense_steps_on_numbers():
    rng = np.random.default_rng(6)
    n, hidden, k = 4, 3, 2
    A, W2, Y = rng.normal(size=(n, hidden)), rng.normal(size=(hidden, k)), rng.normal(size=(n, k))
    loss_of_h = lambda H: 0.5 * float(np.sum((H @ W2 - Y) ** 2))                    # noqa: E731
    delta = _sigmoid(A) @ W2 - Y                                                    # ∂L/∂Z = Z − Y
    by_h = _numeric(loss_of_h, _sigmoid(A))
    assert np.allclose(by_h, delta @ W2.T, atol=1e-6)                               # ∂L/∂Z·W₂ᵀ
    by_a = _numeric(lambda V: loss_of_h(_sigmoid(V)), A)
    assert np.allclose(by_a, by_h * _sigmoid(A) * (1 - _sigmoid(A)), atol=1e-6)     # ∂L/∂H ⊙ σ′(A)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_loss_rule_says_what_the_scale_makes_of_the_square(lang):
    """∂(c·r²)/∂r = 2c·r (sympy): r itself for c = 1/2 (½‖a‖², ½(y − ŷ)²), twice r for any other c (‖r‖²/n)."""
    import sympy as sp

    from symnn.nn.matrix_form import SPECS
    phrases = {("en", 1): (HALF_EN, "the derivative of half a square is what is squared"),
               ("ru", 1): (HALF_RU, "производная половины квадрата равна самому выражению, возводимому в квадрат"),
               ("en", 2): (LOSS_EN, "the derivative of a square is twice what is squared"),
               ("ru", 2): (LOSS_RU, "производная квадрата равна удвоенному выражению, возводимому в квадрат")}
    seen = set()
    for problem in problem_set("matrix")[1]:
        if "identity" not in problem.data:            # the book's function by expr, derived term by term
            continue
        spec = SPECS[problem.data["identity"]]
        if spec.form != "norm":
            continue
        r, n = sp.symbols("r n", positive=True)
        times = sp.simplify(sp.diff(sp.sympify(spec.scale, locals={"n": n}) * r ** 2, r) / r)  # 2c
        words = 1 if times == 1 else 2                # r itself, or 2c·r: twice r, times c
        text = render(solve(problem), "text", lang=lang, detail="brief")
        assert not any(phrase in text for phrase in phrases[lang, 3 - words]), problem.id
        if any(phrase in text for phrase in phrases[lang, words]):    # a minimizer's brief key has no steps
            seen.add((problem.id, words))
    assert {words for _, words in seen} == {1, 2} and len(seen) >= 5      # both cases, the keys with steps


# the bold title of a matrix key names what is asked where the statement has just given the loss's formula,
# and writes the formula where the statement does not (graph-matrix's f = ½‖a‖² through a, quadratic-form's
# f = xᵀAx the statement asks of without a name)
@pytest.mark.parametrize("problem, lang, title", [
    ("linreg-matrix-grad", "en", r"**Gradient of the MSE of linear regression:** $\frac{\partial \mathrm{MSE}}{\partial w}$"),
    ("dense-layer-backward", "ru", r"**Дельта на слой ниже:** $\frac{\partial L}{\partial A}$"),
    ("frobenius-least-squares", "en", r"**The gradient by $W$:** $\nabla_{W} f$"),
    ("one-layer-matrix-gradient", "ru", r"**Градиент по $W$:** $\nabla_{W} L$"),
    ("graph-matrix", "en", r"**Gradient of a squared norm:** $f = \frac{1}{2} \left\|a\right\|^{2}$"),
    ("quadratic-form-grad", "en", r"**Gradient of a quadratic form:** $f = x^{T} A x$"),
])
def test_a_title_does_not_repeat_the_stated_loss(problem, lang, title):
    lines = render(solve(problem), "md", lang=lang, detail="brief").splitlines()
    assert title in lines
