"""The rest of the course as bank problems (issue 21): each answer against an independent oracle —
NumPy, central differences or sympy.diff — and the slips of the texts named with numbers that are right.
"""

import re

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_bank_answer
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import answer_value, solve
from tests.serve.typed_keys import TYPED

NEW = ["sigmoid-slow", "tanh-exp", "softmax-two-classes", "tanh-chain", "relu-chain", "likelihood-nll",
       "half-norm-program", "minibatch-stop", "gd-closed-form", "neuron-bias-update", "fc-equations",
       "delta-worked", "mazur-221-error", "linear-collapse", "two-layer-w2", "mae-gradient"]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def central(f, x, eps=1e-6):
    """The gradient of f at x by central differences, one coordinate at a time."""
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = eps
        grad[i] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad


def value(problem_id):
    return answer_value(solve(problem_id).answer)


def note(problem_id, lang="en"):
    return load_bank()[problem_id].note[lang]


def test_sigmoid_learns_slowly_beyond_three():
    derived = value("sigmoid-slow")
    assert derived == pytest.approx(sigmoid(3) * (1 - sigmoid(3)), abs=1e-15)
    assert derived == pytest.approx(central(lambda x: sigmoid(x[0]), [3.0])[0], abs=1e-9)
    assert round(derived, 4) == 0.0452 and derived < 0.25 / 5


@pytest.mark.parametrize("problem_id, through", [
    ("tanh-exp", "1 - F**2"),                    # th' = 1 − th², as the table of lecture 2 says
    ("softmax-two-classes", "p_0*(1 - p_0)"),    # the logistic function's σ' = σ(1 − σ)
])
def test_the_derivative_is_sympys_and_the_courses_form_through_the_function(problem_id, through):
    problem = load_bank()[problem_id]
    expr = sp.sympify(problem.data["expr"])
    var = sp.Symbol(problem.data["wrt"])
    oracle = sp.diff(expr, var)
    (name, formula), = problem.data["names"].items()
    answer = solve(problem_id).answer.subs(sp.Symbol(name, real=True), sp.sympify(formula))   # written through the name
    course = sp.sympify(through).subs(sp.Symbol(name), sp.sympify(formula))
    for point in (-1.3, 0.2, 2.1):
        values = {s.name: point + k / 7 for k, s in enumerate(sorted(expr.free_symbols, key=str))}
        at = lambda e: float(e.subs({s: values[s.name] for s in e.free_symbols}).evalf())   # noqa: E731
        assert at(answer) == pytest.approx(at(oracle), abs=1e-12)
        assert at(course) == pytest.approx(at(oracle), abs=1e-12)


def test_the_gradient_of_mae_does_not_shrink_near_the_minimum():
    w, x, y = sp.symbols("w x y", real=True)
    answer = solve("mae-gradient").answer
    mine = {s.name: s for s in answer.free_symbols}
    for w0 in (2.9, 2.999, 3.1):                       # x = 2, y = 6: the minimum is at w = 3
        at = {mine["w"]: w0, mine["x"]: 2, mine["y"]: 6}
        oracle = sp.diff(sp.Abs(w * x - y), w).subs({w: w0, x: 2, y: 6})
        assert float(answer.subs(at)) == float(oracle) and abs(float(oracle)) == 2


def test_softmax_of_two_classes_is_the_logistic_function_of_the_difference():
    y0, y1 = sp.symbols("y0 y1", real=True)
    assert sp.simplify(sp.exp(y0) / (sp.exp(y0) + sp.exp(y1)) - 1 / (1 + sp.exp(-(y0 - y1)))) == 0


def test_tanh_chain_vanishes_and_relu_chain_does_not():
    chain = lambda x: np.tanh(np.tanh(np.tanh(x[0])))   # noqa: E731 - the oracle, one line
    y, slope = value("tanh-chain")
    assert y == pytest.approx(chain([2.0]), abs=1e-15)
    assert slope == pytest.approx(central(chain, [2.0])[0], abs=1e-9)
    relu = lambda x: max(0.0, max(0.0, max(0.0, x[0])))   # noqa: E731
    assert value("relu-chain") == [2, pytest.approx(central(relu, [2.0])[0], abs=1e-9)]
    assert 1 - np.tanh(2) ** 2 == pytest.approx(0.0707, abs=5e-5)     # the note's first factor


def test_likelihood_and_its_negative_logarithm():
    p = np.array([0.9, 0.8, 0.5])
    nll = lambda q: -np.log(np.prod(q))   # noqa: E731
    P, L, *grad = value("likelihood-nll")
    assert P == pytest.approx(np.prod(p), abs=1e-14)                 # the likelihood, asked first
    assert L == pytest.approx(nll(p), abs=1e-14)
    assert L == pytest.approx(-np.log(p).sum(), abs=1e-14)         # −ln ∏ p = −Σ ln p
    assert grad == pytest.approx(list(central(nll, p)), abs=1e-8)
    assert grad == pytest.approx(list(-1 / p), abs=1e-14)


def test_half_norm_program_gives_xt_a():
    X, W = np.array([[1.0, 2.0], [3.0, -1.0]]), np.array([2.0, 1.0])
    a = X @ W
    f, *grad = value("half-norm-program")
    assert f == 0.5 * a @ a
    assert grad[:2] == list(X.T @ a) == list(central(lambda w: 0.5 * np.sum((X @ w) ** 2), W).round(6))
    assert len(grad) == 2                                     # the statement asks for f and ∇_W f alone


def test_minibatch_stop_rule():
    w_prev, eta = np.array([1.0, 1.0]), 0.1
    g = np.mean([[1.0, 3.0], [5.0, 5.0]], axis=0)
    w = w_prev - eta * g
    step = np.linalg.norm(w - w_prev)
    assert list(w) == pytest.approx([0.7, 0.6]) and step == pytest.approx(0.5)
    assert solve("minibatch-stop").work.solution_set == sp.Interval.open(sp.Rational(1, 2), sp.oo)


def test_gd_closed_form_against_the_loop():
    a, x = 1.5, [2.0]
    for _ in range(5):
        x.append(x[-1] - a * x[-1])              # x − a f'(x) for f = x²/2
    assert value("gd-closed-form") == x[5] / x[0] == (1 - a) ** 5
    assert all(abs(later) < abs(earlier) for earlier, later in zip(x, x[1:]))   # 0 < a < 2: it converges


def test_neuron_update_with_the_bias():
    omega, x, Y, lam = np.zeros(3), np.array([1.0, 1.0, 2.0]), 1.0, 0.5     # x0 = 1 carries the bias ω0
    error = lambda w: (Y - sigmoid(w @ x)) ** 2   # noqa: E731
    y = sigmoid(omega @ x)
    course = 2 * lam * (Y - y) * y * (1 - y) * x          # δω0 and δω of the course
    assert value("neuron-bias-update") == list(omega + course)
    assert list(omega - lam * central(error, omega)) == pytest.approx(list(omega + course), abs=1e-9)


def test_fully_connected_equations():
    W_h, W_y, x = np.array([[1, 0, -1], [0.5, 1, 0]]), np.array([[1, -1]]), np.array([1, 2, 3])
    h = sigmoid(W_h @ x)
    y = sigmoid(W_y @ h)
    assert value("fc-equations") == pytest.approx([*h, *y], abs=1e-15)


def _delta_example():
    """The worked delta-rule example by hand in NumPy: forward, δ6, δ5, the step and the text's slips."""
    x, W1, W2, target, lam = np.array([1.0, 0.0]), np.array([[0.45, -0.12], [0.78, 0.13]]), np.array([1.5, -2.3]), 1.0, 0.7

    def forward(W1, W2):
        h = sigmoid(W1 @ x)
        o = sigmoid(W2 @ h)
        return h, o, 0.5 * (o - target) ** 2
    h, o, L = forward(W1, W2)
    delta6 = (o - target) * o * (1 - o)
    delta_hidden = h * (1 - h) * W2 * delta6
    grad2, grad1 = h * delta6, np.outer(delta_hidden, x)
    after = forward(W1 - lam * grad1, W2 - lam * grad2)[2]
    uphill = forward(W1 + lam * grad1, W2 + lam * grad2)[2]      # slip 1: Δw = +E·grad
    return dict(h=h, o=o, L=L, grad_w56=grad2[1], grad_w3=grad1[1, 0], w56=W2[1] - lam * grad2[1], after=after,
                uphill=uphill, slip3=delta_hidden[1] * h[1])


def test_delta_worked_example_and_its_slips():
    ex = _delta_example()
    assert value("delta-worked") == pytest.approx([*ex["h"], ex["o"], ex["L"], ex["grad_w56"], ex["grad_w3"],
                                                   ex["w56"], ex["after"]], abs=1e-12)
    assert ex["uphill"] > ex["L"] > ex["after"]                   # adding E·grad raises the error
    for number in (ex["L"], ex["uphill"], ex["grad_w56"], ex["slip3"]):      # at the key's four places, as its answer
        assert f"{number:.4f}" in note("delta-worked")
        russian = f"{number:.4f}".replace(".", ",")
        assert russian in note("delta-worked", "ru") or russian.replace(",", "{,}") in note("delta-worked", "ru")
    assert 1 * (1 - 1) == 0                                       # slip 2: out_y(1 − out_y) with out_y = 1


def test_the_texts_error_after_the_first_step_is_off():
    x, t = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
    error = lambda W1, W2: 0.5 * np.sum((t - sigmoid(W2 @ sigmoid(W1 @ x + 0.35) + 0.60)) ** 2)   # noqa: E731
    h = sigmoid(W1 @ x + 0.35)
    o = sigmoid(W2 @ h + 0.60)
    d_out = (o - t) * o * (1 - o)
    d_hid = (W2.T @ d_out) * h * (1 - h)
    before, after = value("mazur-221-error")
    assert before == pytest.approx(error(W1, W2), abs=1e-15)
    assert after == pytest.approx(error(W1 - 0.5 * np.outer(d_hid, x), W2 - 0.5 * np.outer(d_out, h)), abs=1e-15)
    assert round(after, 9) == 0.291027774 and abs(after - 0.291027924) > 1e-7
    assert "0.291027774" in note("mazur-221-error") and "0.291027924" in note("mazur-221-error")


def test_two_linear_layers_are_one():
    W1, W2 = np.array([[1, 2], [0, 1]]), np.array([[1], [-1]])
    A = np.array(value("linear-collapse"))
    assert (A == W1 @ W2).all()
    X = np.random.default_rng(0).normal(size=(5, 2))
    assert np.allclose((X @ W1) @ W2, X @ A)


def test_two_layer_gradient_by_w2_against_central_differences():
    rng = np.random.default_rng(1)
    X, W1, W2, y = rng.normal(size=(1, 3)), rng.normal(size=(3, 4)), rng.normal(size=(4, 1)), 0.7
    loss = lambda w2: 0.5 * (y - (sigmoid(X @ W1) @ w2.reshape(4, 1))[0, 0]) ** 2   # noqa: E731
    formula = -(y - (sigmoid(X @ W1) @ W2)[0, 0]) * sigmoid(X @ W1).T   # the key: the slide's row, transposed
    assert np.allclose(central(loss, W2.ravel()).reshape(4, 1), formula, atol=1e-8)
    work = solve("two-layer-w2").work
    assert all(step.holds for step in work.steps)
    (slide,) = work.wrong
    assert slide.reason == "result shape"
    assert check_bank_answer("two-layer-w2", r"-(y - \sigma(XW_1)W_2) (\sigma(XW_1))^T", timeout=20).correct
    assert not check_bank_answer("two-layer-w2", r"-(y - \sigma(XW_1)W_2) \sigma(XW_1)", timeout=20).correct


@pytest.mark.parametrize("problem_id", NEW)
def test_the_typed_key_is_accepted(problem_id):
    for lang, typed in zip(("en", "ru"), TYPED[problem_id]):
        if typed is not None:
            verdict = check_bank_answer(problem_id, typed, lang=lang, timeout=30)
            assert verdict.correct, (lang, typed, verdict.feedback)


# values the bank's authors worked out that no document of the course prints: kept as `expected`
BANKS_OWN = ["backprop-w1", "neuron-2in", "bce-grad", "bce-grad-logit", "nll-softmax", "softmax-jacobian",
             "l2-reg", "graph-exp", "grad-quadratic-gd", "two-layer-grad", "dense-layer-grad", "dense-layer-backward"]


@pytest.mark.parametrize("problem_id", BANKS_OWN)
def test_the_banks_own_values_are_not_called_published(problem_id):
    problem = load_bank()[problem_id]
    assert problem.expected is not None and problem.cross_check is problem.expected
    assert problem.published is None or isinstance(problem.published, str)      # graph-exp: the slide's text


def test_expected_is_a_field_a_teacher_may_write(tmp_path):
    (tmp_path / "mine.toml").write_text(
        "[[problem]]\nid='p'\nkind='derivative'\nexpr='x^2'\nwrt='x'\nstatement.en='s'\nexpected='2*x'\n",
        encoding="utf-8")
    problem = load_bank(tmp_path)["p"]
    assert (problem.published, problem.expected, problem.cross_check) == (None, "2*x", "2*x")
    (tmp_path / "mine.toml").write_text(
        "[[problem]]\nid='p'\nkind='derivative'\nexpr='x^2'\nwrt='x'\nstatement.en='s'\nexpectd='2*x'\n",
        encoding="utf-8")
    with pytest.raises(BankError, match="expectd: unknown field"):
        load_bank(tmp_path)


@pytest.mark.parametrize(("line", "message"), [
    # a misspelt language would leave the Russian key with the English statement, unsaid
    ("statement.rus='s'", "statement: rus: unknown language (en or ru)"),
    ("note.EN='n'", "note: EN: unknown language (en or ru)"),
    ("answer_form.de='a number'", "answer_form: de: unknown language (en or ru)"),
])
def test_a_text_in_an_unknown_language_is_refused_naming_the_field(tmp_path, line, message):
    (tmp_path / "mine.toml").write_text(
        f"[[problem]]\nid='p'\nkind='derivative'\nexpr='x^2'\nwrt='x'\nstatement.en='s'\n{line}\n", encoding="utf-8")
    with pytest.raises(BankError, match=re.escape(message)):
        load_bank(tmp_path)
