"""Compiled models against finite differences and hand-written NumPy; optimizers; training runs."""

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symnn.nn.network import Network
from symnn.nn.optimizers import OPTIMIZERS, one_step
from symnn.numerics import reference
from symnn.numerics.dense import DenseModel, dense_parameters
from symnn.numerics.gradcheck import band, gradcheck, relative_error
from symnn.numerics.models import ScalarModel
from symnn.numerics.train import GENDER, train
from symnn.numerics.updater import Updater

ARCHITECTURES = [
    ([2, 2, 1], "sigmoid", "mse", "same"),
    ([2, 3, 1], "sigmoid", "bce", "same"),
    ([3, 4, 2], "sigmoid", "half-se", "same"),
    ([3, 4, 3], "sigmoid", "ce", "softmax"),
    ([2, 3, 3, 1], "tanh", "mse", "same"),
    ([2, 3, 3, 1], "relu", "mse", "same"),
    ([2, 3, 2], "identity", "half-se", "same"),
]


def data(sizes, output, rng, n=6):
    X = rng.normal(size=(n, sizes[0]))
    if output == "softmax":
        return X, np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
    return X, rng.uniform(0.05, 0.95, size=(n, sizes[-1]))   # targets inside (0, 1), as BCE needs


def away_from_kinks(params, rng):
    """Biases moved off 0: a ReLU exactly at 0 is a kink, where differences disagree by design."""
    return {k: v + rng.normal(0, 0.1, np.shape(v)) for k, v in params.items()}


@pytest.mark.parametrize("sizes, activation, loss, output", ARCHITECTURES)
def test_compiled_gradients_pass_the_finite_difference_check(sizes, activation, loss, output):
    rng = np.random.default_rng(sum(sizes))
    X, Y = data(sizes, output, rng)
    for model in (ScalarModel(Network(sizes, activation, loss, output)), DenseModel(sizes, activation, loss, output)):
        check = gradcheck(model.loss_and_gradient, away_from_kinks(model.init(rng), rng), X, Y)
        assert check.worst <= 1e-7, (model, max(check.rows, key=lambda r: r.error))


@pytest.mark.parametrize("sizes, activation, loss, output", ARCHITECTURES)
def test_the_matrix_form_computes_what_the_scalar_form_computes(sizes, activation, loss, output):
    rng = np.random.default_rng(7)
    X, Y = data(sizes, output, rng)
    network = Network(sizes, activation, loss, output)
    scalar = ScalarModel(network)
    params = away_from_kinks(scalar.init(rng), rng)
    loss_s, grads_s = scalar.loss_and_gradient(params, X, Y)
    loss_d, grads_d = DenseModel(sizes, activation, loss, output).loss_and_gradient(dense_parameters(network, params), X, Y)
    assert loss_d == pytest.approx(loss_s, rel=1e-12)
    assert all(np.allclose(grads_d[k], v, rtol=1e-10, atol=1e-14) for k, v in dense_parameters(network, grads_s).items())


def test_the_scalar_model_equals_the_hand_written_backprop_of_seed_002():
    rng = np.random.default_rng(3)
    model = ScalarModel(Network([2, 2, 1]))
    params = model.init(rng)
    X, Y = rng.normal(size=(50, 2)), rng.uniform(size=(50, 1))
    loss, grads = model.loss_and_gradient(params, X, Y)
    hand_loss, hand_grads = reference.net221_mse(params, X, Y)
    assert loss == pytest.approx(hand_loss, rel=1e-13)
    assert all(grads[k] == pytest.approx(hand_grads[k], rel=1e-11, abs=1e-15) for k in grads)


def test_the_dense_model_equals_the_hand_written_softmax_network():
    rng = np.random.default_rng(4)
    model = DenseModel([8, 5, 3], loss="ce", output="softmax")
    params = model.init(rng)
    X, Y = rng.normal(size=(20, 8)), np.eye(3)[rng.integers(0, 3, 20)]
    loss, grads = model.loss_and_gradient(params, X, Y)
    hand_loss, hand_grads = reference.dense_softmax_ce(params, X, Y)
    assert loss == pytest.approx(hand_loss, rel=1e-12)
    assert all(np.allclose(grads[k], hand_grads[k], rtol=1e-12, atol=1e-16) for k in grads)


def test_gender_training_equals_the_hand_written_loop_of_seed_002():
    run = train("gender", seed=5, progress=False)
    start = run.model.init(np.random.default_rng(5))          # the same draws train() made
    expected = reference.sgd_221(start, *GENDER, epochs=1000, learning_rate=0.1)
    assert all(run.params[k] == pytest.approx(expected[k], rel=1e-9, abs=1e-12) for k in expected)


# -- optimizers

def quadratic_gradient(params):
    """∇ ½(x² + y²) = (x, y)."""
    return dict(params)


def test_gradient_descent_on_the_quadratic_follows_the_closed_form():
    # seed 004: x_i = (1 − a)^i x_0 for f = ½(x² + y²)
    a, start = 0.3, {"x": 1.0, "y": 2.0}
    updater, params = Updater("gd", eta=a), dict(start)
    for i in range(1, 21):
        params = updater.step(params, quadratic_gradient(params))
        assert params["x"] == pytest.approx((1 - a) ** i * start["x"], rel=1e-12)
        assert params["y"] == pytest.approx((1 - a) ** i * start["y"], rel=1e-12)


def test_one_symbolic_step_is_exact_and_matches_the_numeric_one():
    for name in OPTIMIZERS:
        step = one_step(name, "(x^2 + 3*y^2)/2", ["x", "y"], [1, 2])
        updater = Updater(name)
        point = {"x": 1.0, "y": 2.0}
        look = updater.lookahead(point)
        numeric = updater.step(point, {"x": look["x"], "y": 3 * look["y"]})
        assert [float(v) for v in step.result] == pytest.approx([numeric["x"], numeric["y"]], rel=1e-12), name


def test_the_two_momentum_forms_of_the_course_are_the_same_method():
    # seed 003: Δw_t = −λg + αΔw_{t−1}, w += Δw;  seed 004: h_t = αh_{t−1} + ηg, w −= h: Δw = −h
    a = Updater("momentum", eta=0.1, alpha=0.9)
    b = Updater("momentum-delta", **{"lambda": 0.1, "alpha": 0.9})
    pa = pb = {"w": 3.0}
    for _ in range(30):
        pa, pb = a.step(pa, {"w": np.sin(pa["w"])}), b.step(pb, {"w": np.sin(pb["w"])})
        assert pa["w"] == pytest.approx(pb["w"], rel=1e-14)


def test_nesterov_takes_the_gradient_at_the_lookahead_point():
    step = one_step("nesterov", "x^2", ["x"], [1], state={"h": [1]}, eta=0.1, alpha=0.5)
    assert step.gradient_at == (sp.Rational(1, 2),)      # w − αh = 1 − 0.5
    assert step.gradient == (1,)                         # 2x there
    assert step.result == (sp.Rational(4, 10),)          # h = 0.5 + 0.1 = 0.6; w = 1 − 0.6


def test_adam_is_kingma_and_ba_and_the_slide_is_not():
    rng = np.random.default_rng(0)
    ours, slide = Updater("adam"), Updater("adam-slide")
    p = q = r = {"w": np.array([0.5, -1.0])}
    state = {}
    for t in range(1, 6):
        g = {"w": rng.normal(size=2)}
        p, q = ours.step(p, g), slide.step(q, g)
        r = reference.adam(r, g, state, t)
        assert np.allclose(p["w"], r["w"], rtol=1e-13)
    assert not np.allclose(q["w"], r["w"])                # without bias correction the first steps are 10× smaller


def test_an_unknown_hyperparameter_is_a_clear_error():
    with pytest.raises(ValueError, match="has no hyperparameter beta"):
        Updater("sgd", beta=0.9)


# -- training runs

def test_xor_is_learned_by_three_sigmoid_neurons():
    run = train("xor", progress=False)
    assert [round(v) for v in run.predictions.values()] == [0, 1, 1, 0]
    assert run.history[-1] < run.initial_loss / 10


def test_training_is_reproducible_with_a_seed():
    a, b, c = (train("gender", epochs=50, seed=s, progress=False) for s in (1, 1, 2))
    assert a.history == b.history and a.predictions == b.predictions
    assert a.history != c.history


def test_every_optimizer_lowers_the_gender_loss():
    for name in OPTIMIZERS:
        run = train("gender", optimizer=name, epochs=100, progress=False)
        assert run.history[-1] < run.initial_loss, name


def test_digits_reach_95_percent_on_the_held_out_set():
    pytest.importorskip("sklearn")
    run = train("digits", progress=False)
    assert run.accuracy >= 0.95
    assert len(run.history) == 40 and run.history[-1] < run.history[0]


def test_bands_of_the_relative_error():
    assert band(relative_error(1.0, 1.0 + 1e-9)) == "good"
    assert band(relative_error(1.0, 1.00001)) == "suspicious"
    assert band(relative_error(1.0, 1.001)) == "doubtful"
    assert band(relative_error(1.0, -1.0)) == "wrong"
    assert relative_error(0.0, 0.0) == 0.0


# -- the bank rows of this part of the course, against independent computations

def test_delta_rule_gradients_equal_sympy_diff_of_the_whole_loss():
    from symnn import solve
    solution = solve("delta-rule")
    rule = solution.work
    point = dict(rule.point)
    loss = rule.network.loss()                       # ½(y − o1)²
    for parameter, _, _, value in rule.gradients:
        assert sp.N(value - sp.diff(loss, parameter).xreplace(point), 30) == pytest.approx(0, abs=1e-25)
    # the momentum step: Δw = −λ·grad + α·Δw_prev, with Δw_prev = 0.01 for w5
    w5 = next(u for u in rule.updates if str(u[0]) == "w5")
    grad_w5 = next(g for g in rule.gradients if str(g[0]) == "w5")[3]
    assert sp.simplify(w5[2] - (-grad_w5 / 10 + sp.Rational(9, 10) * sp.Rational(1, 100))) == 0


def test_gd_linreg_step_is_the_formula_of_seed_004():
    from symnn import solve
    x, y = np.array([1.0, -1.0, 3.0]), np.array([7.0, 0.0, 14.0])
    X = np.column_stack([x, np.ones(3)])                # the bias trick: w = (w, b)
    w0 = np.zeros(2)
    w1 = w0 + 0.001 * 2 * np.mean((y - X @ w0)[:, None] * X, axis=0)
    assert [float(v) for v in solve("gd-linreg-step").answer] == pytest.approx(w1, rel=1e-14)


def test_the_l2_penalty_adds_two_lambda_w():
    from symnn import solve
    w1, w2, b, lam = sp.symbols("w1 w2 b lamda", real=True)
    L = sp.Function("L", real=True)(w1, w2, b)
    assert solve("l2-reg").answer == tuple(sp.diff(L, v) + 2 * lam * v for v in (w1, w2, b))


def test_central_difference_error_is_order_epsilon_squared():
    from symnn import solve
    run = solve("finite-diff").work
    f, x = run.expr, run.var
    assert run.error_coefficient == sp.simplify(sp.diff(f, x, 3).subs(x, run.at) / 6)
    ratios = {e: ratio for e, _, _, ratio in run.rows}
    assert ratios[1e-3] == pytest.approx(float(run.error_coefficient), rel=1e-3)   # error/ε² → c
    assert ratios[1e-8] > 1e6 * ratios[1e-3]                                     # rounding wins at tiny ε


def test_the_exact_step_count_of_the_scaling_demo_is_what_iterating_gives():
    from symnn.numerics.scaling import PEOPLE, WOMAN, gradient_descent, scaling_demo
    demo = scaling_demo()
    raw, centred, standardised = demo.rows
    assert raw.condition > 1e4 * standardised.condition and raw.steps > 1e5 * standardised.steps
    F = (PEOPLE - PEOPLE.mean(axis=0)) / PEOPLE.std(axis=0)
    X = np.column_stack([np.ones(4), F])
    optimum = np.linalg.lstsq(X, WOMAN, rcond=None)[0]
    error = lambda k: np.linalg.norm(gradient_descent(X, WOMAN, standardised.learning_rate, k) - optimum)
    goal = demo.tolerance * np.linalg.norm(optimum)
    assert error(standardised.steps) <= goal < error(standardised.steps - 1)


# -- the whole catalog of functions through the compiler and central differences

def symbolic_check(expr, variables, point):
    """gradcheck of a compiled expression and its derived gradient (diff_steps) at a point."""
    from symnn.calculus.differentiate import diff_steps
    from symnn.numerics.compile import compile_numpy
    names = [str(v) for v in variables]
    compiled = compile_numpy([expr, *(diff_steps(expr, v).result for v in variables)], variables)

    def loss_and_gradient(params, *_):
        value, *grads = compiled(*(params[n] for n in names))
        return float(value), dict(zip(names, (float(g) for g in grads)))
    return gradcheck(loss_and_gradient, dict(zip(names, point)))


@pytest.mark.parametrize("name", ["identity", "sigmoid", "tanh", "arctan", "softsign", "isru", "relu",
                                  "leaky-relu", "prelu", "rrelu", "elu", "softplus"])
def test_every_activation_passes_the_gradient_check_away_from_kinks(name):
    from symnn.nn.activations import ACTIVATIONS, alpha, x
    f = ACTIVATIONS[name].definition.subs(alpha, sp.Rational(3, 4))
    for point in (-2.3, -0.4, 0.7, 3.1):          # no kink of the course's activations is here
        check = symbolic_check(f, [x], [point])
        assert check.worst <= 1e-7, (name, point, check.rows)


@pytest.mark.parametrize("name", ["mse", "mae", "rmse", "mape", "bce", "ce"])
def test_every_loss_passes_the_gradient_check_by_its_predictions(name):
    from symnn.nn.losses import loss_formula
    L = loss_formula(name, 2, classes=2)
    predictions = sorted((s for s in L.free_symbols if s.name.startswith("yhat")), key=str)
    targets = {s: v for s, v in zip(sorted(L.free_symbols - set(predictions), key=str), (0.3, 0.7, 0.6, 0.4))}
    rng = np.random.default_rng(1)
    check = symbolic_check(L.xreplace(targets), predictions, rng.uniform(0.2, 0.9, len(predictions)))
    assert check.worst <= 1e-7, (name, check.rows)


def test_symbolic_gradient_descent_steps_are_exactly_the_closed_form():
    # three exact steps of one_step from (1, 2) with a = 3/10: x_i = (7/10)^i, y_i = 2·(7/10)^i
    point = [1, 2]
    for i in range(1, 4):
        point = list(one_step("gd", "(x^2 + y^2)/2", ["x", "y"], point, eta=sp.Rational(3, 10)).result)
        assert point == [sp.Rational(7, 10) ** i, 2 * sp.Rational(7, 10) ** i]


# -- random architectures: the scalar and the matrix form agree, and both pass the check

architectures = st.tuples(
    st.lists(st.integers(1, 3), min_size=2, max_size=4),
    st.sampled_from(["sigmoid", "tanh", "identity"]),
    st.sampled_from(["mse", "half-se", "bce"]),
    st.integers(0, 2 ** 16),
)


@settings(max_examples=12, deadline=None)
@given(architectures)
def test_random_architectures_agree_and_pass_the_gradient_check(architecture):
    sizes, activation, loss, seed = architecture
    assume(not (loss == "bce" and activation != "sigmoid"))      # BCE needs outputs in (0, 1)
    rng = np.random.default_rng(seed)
    X, Y = data(sizes, "same", rng, n=4)
    network = Network(sizes, activation, loss)
    scalar, dense = ScalarModel(network), DenseModel(sizes, activation, loss)
    params = scalar.init(rng)
    loss_s, grads_s = scalar.loss_and_gradient(params, X, Y)
    loss_d, grads_d = dense.loss_and_gradient(dense_parameters(network, params), X, Y)
    assert loss_d == pytest.approx(loss_s, rel=1e-12)
    assert all(np.allclose(grads_d[k], v, rtol=1e-9, atol=1e-13) for k, v in dense_parameters(network, grads_s).items())
    assert gradcheck(scalar.loss_and_gradient, params, X, Y).worst <= 1e-7


@pytest.mark.parametrize("format", ["text", "latex", "md", "html", "json"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_numeric_records_render_in_every_format(format, lang):
    from symnn.numerics.scaling import scaling_demo
    from symnn.render import render
    model = DenseModel([2, 2, 1])
    rng = np.random.default_rng(0)
    check = gradcheck(model.loss_and_gradient, model.init(rng), rng.normal(size=(3, 2)), rng.uniform(size=(3, 1)))
    for record in (check, scaling_demo(), one_step("nesterov", "x^2 + y", ["x", "y"], [1, 2])):
        assert render(record, format, lang=lang).strip()


def test_a_wrong_tiny_gradient_entry_is_still_caught():
    # f = a + 1e-6·b²: ∂f/∂b = 2e-6·b is four orders below ∂f/∂a = 1; report half of it
    def loss_and_gradient(params, *_):
        a, b = params["a"], params["b"]
        return a + 1e-6 * b * b, {"a": 1.0, "b": 1e-6 * b}
    check = gradcheck(loss_and_gradient, {"a": 0.3, "b": 1.5})
    assert {row.name: row.verdict for row in check.rows} == {"a": "good", "b": "wrong"}
