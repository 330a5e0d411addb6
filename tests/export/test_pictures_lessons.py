"""The lessons' pictures (gradient, bce, saturation, fitting, batches): the numbers drawn against
independent oracles (sympy.diff, central differences, closed forms, least squares, hand-written
loops), and the words written, exactly, in English and Russian."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.cli import main

from .test_pictures import shows_something
from .test_pictures_labels import artefacts

pytest.importorskip("matplotlib")

from symnn.export.pictures.batches import batches_picture  # noqa: E402
from symnn.export.pictures.curves import bce_picture, saturation_picture  # noqa: E402
from symnn.export.pictures.fitting import fitting_data, fitting_picture  # noqa: E402
from symnn.export.pictures.gradient import gradient_picture  # noqa: E402
from symnn.export.pictures.neuron import neuron_picture  # noqa: E402

# -- the gradient across the level sets

@pytest.mark.parametrize("expr, at", [("(x^2 + y^2)/2", (1, 2)), ("x^2/2 + 2*y^2", ("3/2", 1)),
                                      ("x^2*y + sin(y)", (1, "1/2"))])
def test_gradient_arrows_are_sympy_diff_and_cross_the_level_set_at_right_angles(expr, at):
    picture = gradient_picture(expr, f"x={sp.Rational(at[0])}, y={sp.Rational(at[1])}")
    x, y = sp.symbols("x y", real=True)
    f = sp.sympify(expr.replace("^", "**"), locals={"x": x, "y": y})
    fx, fy = (sp.lambdify((x, y), sp.diff(f, v)) for v in (x, y))
    G1, G2 = picture.data["grid"]
    U, V = picture.data["field"]
    assert np.allclose(U, np.vectorize(fx)(G1, G2)) and np.allclose(V, np.vectorize(fy)(G1, G2))
    point = {x: sp.Rational(at[0]), y: sp.Rational(at[1])}
    assert picture.data["exact_at"] == tuple(sp.diff(f, v).subs(point) for v in (x, y))
    # the level line drawn is {f = f(at)}: f is that value along it, and every chord of it is at right angles
    # to the gradient there (central differences of f, not the derivative drawn)
    level = picture.data["level"]
    value = sp.lambdify((x, y), f)
    assert len(level) > 50 and np.allclose([value(*p) for p in level], picture.data["value_at"], atol=1e-2)
    h, cell = 1e-6, 2 * picture.data["reach"][0] / 399        # the contour's grid
    for a, b in zip(level[:-1], level[1:]):
        middle = (a + b) / 2
        grad = np.array([(value(middle[0] + h, middle[1]) - value(middle[0] - h, middle[1])) / (2 * h),
                         (value(middle[0], middle[1] + h) - value(middle[0], middle[1] - h)) / (2 * h)])
        chord = b - a
        if np.linalg.norm(grad) > 1e-3 and np.linalg.norm(chord) > cell / 2:     # contouring's slivers aside
            assert abs(grad @ chord) / np.linalg.norm(grad) / np.linalg.norm(chord) < 0.05


def test_the_default_gradient_is_seed_004s_direction_1_2_with_its_surface():
    picture = gradient_picture(surface=True)
    assert picture.data["exact_at"] == (1, 2) and picture.data["value_at"] == 2.5
    shows_something(picture.render("png"))


def test_a_gradient_too_long_for_the_map_is_shortened_and_says_so_and_a_zero_one_has_no_direction():
    steep = gradient_picture("exp(x)*y^2", "x=1, y=1")
    assert np.allclose(steep.data["gradient_at"], [np.e, 2 * np.e])
    assert "gradient ∇f(1, 1) = (2.718, 5.437): f grows fastest (the arrow shortened)" in steep.texts()
    flat = gradient_picture(at="x=0, y=0", lang="ru")
    assert flat.data["exact_at"] == (0, 0)
    assert "∇f(0; 0) = 0: направления роста нет (минимум, максимум или седловая точка)" in flat.texts()


# -- cross-entropy and saturation

def test_bce_curves_are_minus_log_p_and_minus_log_one_minus_p():
    picture = bce_picture(at="p=0.9")
    p = picture.data["p"]
    assert np.allclose(picture.data["curves"][1], -np.log(p)) and np.allclose(picture.data["curves"][0], -np.log(1 - p))
    assert picture.data["values"] == pytest.approx({1: -np.log(0.9), 0: -np.log(0.1)})
    shows_something(picture.render("png"))


def test_saturation_is_the_derivatives_of_sigmoid_tanh_and_relu():
    picture = saturation_picture()
    xs = picture.data["x"]
    sigma = 1 / (1 + np.exp(-xs))
    curves = picture.data["curves"]
    assert np.allclose(curves["sigmoid"][0], sigma) and np.allclose(curves["sigmoid"][1], sigma * (1 - sigma))
    assert np.allclose(curves["tanh"][1], 1 - np.tanh(xs) ** 2)
    assert np.allclose(curves["relu"][1][xs > 0], 1) and np.allclose(curves["relu"][1][xs < 0], 0)
    h = xs[1] - xs[0]
    for name, (f, df) in curves.items():           # f′ drawn is the central difference of f drawn
        smooth = np.abs(xs[1:-1]) > 2 * h
        assert np.allclose(df[1:-1][smooth], ((f[2:] - f[:-2]) / (2 * h))[smooth], atol=1e-3), name
    # seed 003: "the logistic function learns slowly for x > 3": σ′(3) ≈ 0.0452, a fifth of σ′(0) = 1/4
    s3 = 1 / (1 + np.exp(-3))
    assert picture.data["values"]["sigmoid"][1] == pytest.approx(s3 * (1 - s3)) and round(s3 * (1 - s3), 4) == 0.0452
    shows_something(picture.render("png"))


def test_the_gradient_through_a_deep_network_is_the_central_difference_and_vanishes_only_for_sigmoid():
    depth = saturation_picture().data["depth"]
    functions = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0)}
    for name, (norms, inputs, weights) in depth.items():
        def loss_per_row(x):                      # L of each row: Σ h_depth, the rows independent
            for w in weights:
                x = functions[name](x @ w)
            return x.sum(axis=1)
        h, numeric = 1e-6, np.zeros_like(inputs)
        for j in range(inputs.shape[1]):
            step = np.zeros_like(inputs)
            step[:, j] = h
            numeric[:, j] = (loss_per_row(inputs + step) - loss_per_row(inputs - step)) / (2 * h)
        assert norms[0] == pytest.approx(np.linalg.norm(numeric, axis=1).mean(), rel=1e-4), name
        assert len(norms) == len(weights) + 1 == 11
    # σ′ ≤ 1/4 at every layer: the gradient at the input is a millionth of the top's; tanh and ReLU keep it
    assert depth["sigmoid"][0][0] < 1e-5 * depth["sigmoid"][0][-1]
    for name in ("tanh", "relu"):
        assert 0.1 < depth[name][0][0] / depth[name][0][-1] < 10, name


# -- under- and overfitting

def test_fits_are_least_squares_and_the_learning_curve_is_gradient_descents_closed_form():
    data = fitting_data()
    x, y, xv, yv = data["x"], data["y"], data["x_validation"], data["y_validation"]
    for degree, fit in data["fits"].items():
        coefficients = np.linalg.lstsq(np.vander(x, degree + 1), y, rcond=None)[0]
        assert np.allclose(fit(xv), np.vander(xv, degree + 1) @ coefficients, atol=1e-6), degree
        assert data["errors"]["validation"][degree] == pytest.approx(np.mean((np.polyval(coefficients, xv) - yv) ** 2))
    assert data["errors"]["train"][9] < 1e-12                # ten points, degree 9: through every one
    # GD from 0 on (1/n)‖y − Aw‖²: w_k = (I − (I − ηH)^k) w*, H = (2/n)AᵀA
    A = np.polynomial.legendre.legvander(2 * x - 1, 9)
    H, optimum = 2 / len(y) * A.T @ A, np.linalg.solve(A, y)
    for k in (1, 7, 100, 3000):
        w = (np.eye(10) - np.linalg.matrix_power(np.eye(10) - data["rate"] * H, k)) @ optimum
        assert np.allclose(data["weights"][k], w, atol=1e-8), k
        assert data["curve"]["train"][k] == pytest.approx(np.mean((A @ w - y) ** 2), abs=1e-12)


@pytest.mark.parametrize("seed", range(10))
def test_every_seed_shows_both_turns(seed):
    """Not a chosen sample: for every seed the validation error grows again, over the degree and over the epochs."""
    data = fitting_data(seed)
    validation, curve = data["errors"]["validation"], data["curve"]["validation"]
    assert validation[9] > 1.3 * validation.min() and validation[1] > 1.3 * validation.min()
    assert 3 <= data["best_degree"] <= 5
    assert curve[-1] > 1.1 * curve.min() and 0 < data["best_epoch"] < 100


def test_fitting_marks_a_degree_and_an_epoch():
    picture = fitting_picture(at="degree=9,epoch=100")
    assert picture.data["at"] == {"degree": 9, "epoch": 100}
    texts = picture.texts()
    assert "training 0, validation 1.2" in texts
    assert f"training {picture.data['curve']['train'][100]:.3g}, validation {picture.data['curve']['validation'][100]:.3g}" \
        in texts
    with pytest.raises(ValueError, match="0 to 9"):
        fitting_picture(at="degree=10")


# -- batch, mini-batch and stochastic descent

def test_batch_minibatch_and_sgd_paths_match_a_hand_written_loop():
    picture = batches_picture(at="w0=3, w1=-1", epochs=2)
    x, y = picture.data["x"], picture.data["y"]
    for method, run in picture.data["runs"].items():
        w, path = np.array([3.0, -1.0]), [np.array([3.0, -1.0])]
        for order in run["orders"]:
            assert sorted(order) == list(range(len(x)))          # every pass sees every sample once
            for first in range(0, len(x), run["batch"]):
                rows = order[first:first + run["batch"]]
                residual = y[rows] - w[0] - w[1] * x[rows]        # ∂(y − w₀ − w₁x)²/∂w = −2(y − w₀ − w₁x)(1, x)
                w = w - 0.1 * np.array([np.mean(-2 * residual), np.mean(-2 * residual * x[rows])])
                path.append(w)
        assert np.allclose(run["path"], path), method
        assert np.allclose(run["loss"], [np.mean((y - a - b * x) ** 2) for a, b in path]), method
        assert run["work"][-1] == 2 * len(x)                      # the same budget: two passes each
    assert [len(run["path"]) - 1 for run in picture.data["runs"].values()] == [2, 20, 200]
    optimum = picture.data["optimum"]
    assert np.allclose(optimum, np.polyfit(x, y, 1)[::-1])
    shows_something(picture.render("png"))


# -- one neuron's update

def test_the_neurons_step_is_seed_003s_formula_and_the_central_difference_of_the_error():
    picture = neuron_picture(at="x1=2, x2=0.5", rate=1.5)
    for target, run in picture.data["steps"].items():
        x, w = run["x"], run["before"]
        y = 1 / (1 + np.exp(-(w[0] + w[1:] @ x)))
        assert run["y"] == pytest.approx(y) and run["Y"] == target
        factor = 2 * 1.5 * (target - y) * y * (1 - y)          # δω = 2λ(Y − y)y(1 − y)x, δω₀ = 2λ(Y − y)y(1 − y)
        assert np.allclose(run["delta"], factor * np.array([1, *x]))

        def error(v):
            return (target - 1 / (1 + np.exp(-(v[0] + v[1:] @ x)))) ** 2
        h = 1e-6
        numeric = [(error(w + h * e) - error(w - h * e)) / (2 * h) for e in np.eye(3)]
        assert np.allclose(run["gradient"], numeric, atol=1e-8)
    # Y = 1 from y ≈ 0.18: ω turns towards x; the mirror with Y = 0: away; ω₀ grows, then falls
    left, right = picture.data["steps"][1], picture.data["steps"][0]
    def angle(w, x):
        return np.arccos(w @ x / np.linalg.norm(w) / np.linalg.norm(x))
    assert angle(left["after"][1:], left["x"]) < angle(left["before"][1:], left["x"])
    assert angle(right["after"][1:], right["x"]) > angle(right["before"][1:], right["x"])
    assert left["delta"][0] > 0 > right["delta"][0]
    shows_something(picture.render("png"))


# -- the words, exactly

EXPECTED = {
    "en": {
        "gradient": ["The gradient ∇f of $f(x, y) = \\dfrac{1}{2} (x^{2} + y^{2})$\npoints where f grows fastest, "
                     "at right angles to the level sets", "gradient ∇f(1, 2) = (1, 2): f grows fastest",
                     "antigradient −∇f: the way gradient descent steps, w ← w − η∇f", "level set $f = 2.5$ through the point",
                     "∇f at the grid points (to one scale)", "The surface $z = f(x, y)$: the level set and the way up along ∇f"],
        "bce": ["Binary cross-entropy of one sample: $L = - (y \\ln {p} + (1 - y) \\ln(1 - p))$",
                "$y = 1$: $- \\ln {p}$ (the cross-entropy of the true class looks the same)", "$y = 0$: $- \\ln(1 - p)$",
                "$L = 0.105$", "$L = 2.3$", "predicted probability of class 1, $p$", "confident and wrong: L → ∞"],
        "saturation": ["Saturation of the logistic function σ: for |x| > 3 its derivative σ′ is almost 0 and the neuron "
                       "learns slowly", "Sigmoid σ and its derivative σ′",
                       "$\\sigma'(3) = 0.0452$", "$\\sigma'(3) = 0.0452$\n$\\mathrm{tanh}'(3) = 0.00987$\n$\\mathrm{ReLU}'(3) = 1$",
                       "$\\mathrm{ReLU}'(x)$ = 1 for every x > 0", "saturation:\nσ′ < 0.05",
                       "The gradient through 10 layers of 32 neurons, $L = \\sum h_{10}$",
                       "$\\sigma$, weights of variance $1/n$", "$\\mathrm{ReLU}$, weights of variance $2/n$"],
        "fitting": ["Underfitting and overfitting: polynomials fitted to 10 noisy points of $\\sin 2\\pi x$",
                    "degree 1: underfits", "degree 3: about right", "degree 9: overfits, passes through every point",
                    "Validation error is least at degree 3", "least on validation at epoch 7:\nstop here",
                    "$\\eta = 1/\\lambda_{\\max} = 0.403$", "← underfitting", "overfitting →", "training error", "validation error"],
        "batches": ["Batch, mini-batch and stochastic gradient descent on $L(w) = \\dfrac{1}{n}\\sum_{i=1}^{n} "
                    "(y_i - w_0 - w_1 x_i)^2$, n = 100, η = 0.1", "Gradient descent: m = n = 100, O(n) per step, 5 steps",
                    "Mini-batch gradient descent: m = 10, 50 steps", "Stochastic gradient descent: m = 1, O(1) per step, 500 steps",
                    "Paths from (−2, −1) to the minimum ★", "The loss against the work: 5 passes over the data for each method"],
        "neuron": ["One gradient step of the neuron $y = \\sigma(\\omega_0 + \\omega \\cdot x)$, λ = 1.5\n"
                   "$\\delta\\omega = 2\\lambda (Y - y)\\, y (1 - y)\\, x$, $\\delta\\omega_0 = 2\\lambda (Y - y)\\, y (1 - y)$", "Y = 1, y = 0.182: ω turns towards x, ω₀ grows",
                   "Y = 0, y = 0.818: ω turns away from x, ω₀ falls", "example x = (2, 0.5), Y = 1, output y = 0.182",
                   "δω = (0.7316, 0.1829), δω₀ = 0.366", "δω = (0.7316, 0.1829), δω₀ = −0.366", "after one step",
                   "before: the line $\\omega_0 + \\omega \\cdot x = 0$ and its normal $\\omega$"],
    },
    "ru": {
        "gradient": ["Градиент ∇f функции $f(x, y) = \\dfrac{1}{2} (x^{2} + y^{2})$\nуказывает направление "
                     "наискорейшего роста\nи перпендикулярен линиям уровня", "градиент ∇f(1; 2) = (1; 2): f растёт быстрее всего",
                     "антиградиент −∇f: сюда шагает градиентный спуск, w ← w − η∇f", "линия уровня $f = 2{,}5$ через точку"],
        "bce": ["Бинарная перекрёстная энтропия одного объекта: $L = - (y \\ln {p} + (1 - y) \\ln(1 - p))$", "$L = 0{,}105$",
                "$y = 1$: $- \\ln {p}$ (так же выглядит перекрёстная энтропия истинного класса)", "уверенный ошибочный ответ: L → ∞"],
        "saturation": ["Насыщение сигмоиды: при |x| > 3 производная σ′ почти равна 0, и нейрон обучается медленно",
                       "$\\sigma'(3) = 0{,}0452$\n$\\mathrm{th}'(3) = 0{,}00987$\n$\\mathrm{ReLU}'(3) = 1$", "насыщение:\nσ′ < 0,05",
                       "Градиент на пути через 10 слоёв по 32 нейрона, $L = \\sum h_{10}$", "слой k (0 — вход)",
                       "$\\mathrm{th}$, дисперсия весов $1/n$"],
        "fitting": ["Недообучение и переобучение: многочлены по 10 зашумлённым точкам $\\sin 2\\pi x$",
                    "степень 9: переобучение, проходит через каждую точку", "Ошибка на валидации минимальна при степени 3",
                    "минимум на валидации, эпоха 7:\nздесь пора остановиться", "$\\eta = 1/\\lambda_{\\max} = 0{,}403$"],
        "batches": ["Градиентный спуск: m = n = 100, шаг стоит O(n), шагов: 5",
                    "Стохастический градиентный спуск: m = 1, шаг стоит O(1), шагов: 500",
                    "Траектории из точки (−2; −1) к минимуму ★", "Потери и объём вычислений; проходов по данным у каждого метода: 5"],
        "neuron": ["Y = 1; y = 0,182: нормаль ω поворачивается к x, ω₀ растёт", "Y = 0; y = 0,818: нормаль ω поворачивается от x, "
                   "ω₀ убывает", "пример x = (2; 0,5); Y = 1; выход y = 0,182", "δω = (0,7316; 0,1829); δω₀ = −0,366", "после шага"],
    },
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_lesson_picture_says_what_a_teacher_would_write(lang):
    pictures = {"gradient": gradient_picture(surface=True, lang=lang), "bce": bce_picture(lang, at="p=0.9"),
                "saturation": saturation_picture(lang), "fitting": fitting_picture(lang), "batches": batches_picture(lang),
                "neuron": neuron_picture(lang)}
    for kind, picture in pictures.items():
        texts = picture.texts()
        missing = [text for text in EXPECTED[lang][kind] if text not in texts]
        assert not missing, (kind, missing, texts)
        for text in texts:
            found = [a for a in artefacts(text, lang) if a != "English 'MSE'"]     # MSE: the course's own name
            assert not found, (kind, text, found)


# -- the command line

@pytest.mark.parametrize("command", [
    ["plot", "gradient"], ["plot", "gradient", "x^2/2 + 2*y^2", "--at", "x=1.5,y=1", "--surface", "--lang", "ru"],
    ["plot", "bce", "--at", "p=0.9"], ["plot", "saturation", "--at", "x=-1", "--lang", "ru"],
    ["plot", "fitting", "--at", "degree=5", "--epochs", "500", "--seed", "1"],
    ["plot", "batches", "--at", "w0=3,w1=-1", "--epochs", "2", "--eta", "0.05"],
    ["plot", "optimizers", "--optimizers", "gd,momentum,momentum-delta", "--eta", "0.02", "--steps", "20"],
    ["plot", "neuron", "--at", "x1=-1,x2=2", "--eta", "3", "--lang", "ru"],
])
def test_every_lesson_from_the_command_line(command, tmp_path):
    out = tmp_path / "picture.png"
    assert main([*command, "--out", str(out)]) == 0
    shows_something(out.read_bytes())


@pytest.mark.parametrize("command, says", [
    (["plot", "bce", "--at", "p=1"], "strictly between 0 and 1"),
    (["plot", "gradient", "--at", "x=1"], "variables are x, y"),
    (["plot", "fitting", "--at", "k=1"], "takes degree, epoch or both"),
    (["plot", "batches", "--epochs", "51"], "between 1 and 50"),
    (["plot", "batches", "--at", "x=1,y=2"], "variables are w0, w1"),
    (["plot", "neuron", "--at", "x=1"], "this picture takes x1, x2"),
])
def test_a_wrong_lesson_request_is_one_clear_line(command, says, tmp_path, capsys):
    assert main([*command, "--out", str(tmp_path / "p.png")]) == 2
    assert says in capsys.readouterr().err
