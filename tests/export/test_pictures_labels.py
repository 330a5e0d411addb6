"""What every picture says, read off the drawn figure (``Picture.texts``): titles, labels, legends
and ticks as exact strings in English and in Russian, and no artefact of the program anywhere
(no ``**``, ``*``, ``Abs(``, ``_`` outside math, slugs, decimal points in Russian)."""

from __future__ import annotations

import re

import numpy as np
import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("graphviz")

from symnn.export.pictures.figures import activations_picture, boundary_picture, loss_picture  # noqa: E402
from symnn.export.pictures.graphs import graph_picture  # noqa: E402
from symnn.export.pictures.optimizers import optimizers_picture  # noqa: E402
from symnn.export.pictures.surfaces import descent_picture, zigzag_picture  # noqa: E402
from symnn.nn.graph import graph_pass  # noqa: E402
from symnn.numerics.train import train  # noqa: E402

SURFACE = r"$f(x, y) = \dfrac{1}{2} (x^{2} + 10 y^{2})$"


@pytest.fixture(scope="module")
def xor_run():
    return train("xor", epochs=300, progress=False)


def every_picture(lang: str, run) -> dict:
    return {"graph": graph_picture(graph_pass("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1"), lang),
            "activations": activations_picture(lang, at="x=0.5"), "descent": descent_picture(lang=lang),
            "optimizers": optimizers_picture(lang=lang), "zigzag": zigzag_picture(lang),
            "loss": loss_picture([run], lang, at="epoch=10"), "boundary": boundary_picture(run, lang, at="x1=0.5,x2=0.5")}


# the words each picture must show, exactly, in each language
EXPECTED = {
    "en": {
        "graph": ["Computational graph of f = 1 + exp(x·w₁ + w₀) at x = 1, w₁ = 2, w₀ = 1",
                  "x = 1", "∂f/∂x = 2e³ ≈ 40.1711", "w₁ = 2", "∂f/∂w₁ = e³ ≈ 20.0855", "a = x·w₁ = 2",
                  "b = a + w₀ = 3", "c = eᵇ = e³ ≈ 20.0855", "∂f/∂c = 1", "f = 1 + c = 1 + e³ ≈ 21.0855", "exp", "×"],
        "activations": ["Activation functions f (solid) and their derivatives f′ (dashed)", "Identity\nf = 0.5, f′ = 1",
                        "Sigmoid σ\nf = 0.622, f′ = 0.235", "Leaky ReLU\nf = 0.5, f′ = 1",
                        "PReLU ($\\alpha = 0.25$)\nf = 0.5, f′ = 1", "tanh\nf = 0.462, f′ = 0.786", "$x$", "−4"],
        "descent": [f"Gradient descent on {SURFACE} from (1, 1) with learning rate η, 25 steps",
                    "η = 0.02: too small, still far from the minimum", "η = 0.1: good, converges",
                    "η = 0.18: too large, zigzags across the valley", "η = 0.205: diverges, overshoots further each step",
                    "$x$", "$y$", "−0.5"],
        "optimizers": [f"Optimizers on {SURFACE} from (−2.5, 1), 40 steps", "Gradient descent and momentum",
                       "Adaptive learning rates", "Bias correction: the slide leaves it out", "$f$ along each path",
                       "step $t$", "Gradient descent, η = 0.15", "Momentum, η = 0.02", "Nesterov momentum, η = 0.02",
                       "AdaGrad, η = 0.5", "RMSprop, η = 0.05", "Adam, η = 0.1", "Adam as on the slide, η = 0.1", "−0.5"],
        "zigzag": ["Gradient descent from (0, 0) with step $1.8/\\lambda_{\\max}$: unscaled against standardised features",
                   "unscaled: κ = 108, 824 steps to converge", "standardised: κ = 1.42, 62 steps to converge",
                   "$w_{1}$", "$w_{2}$"],
        "loss": ["Training loss", "XOR: Gradient descent", "epoch", "$L$"],
        "boundary": ["Decision boundary of the trained network: XOR", "$x_1$", "$x_2$", "$\\hat{y}$", "0.2"],
    },
    "ru": {
        "graph": ["Граф вычислений функции f = 1 + exp(x·w₁ + w₀) в точке x = 1; w₁ = 2; w₀ = 1",
                  "∂f/∂x = 2e³ ≈ 40,1711", "c = eᵇ = e³ ≈ 20,0855", "f = 1 + c = 1 + e³ ≈ 21,0855"],
        "activations": ["Функции активации f (сплошная линия) и их производные f′ (пунктир)",
                        "Тождественная\nf = 0,5; f′ = 1", "Единичная ступенька\nf = 1; f′ = 0", "Сигмоида σ\nf = 0,622; f′ = 0,235",
                        "PReLU ($\\alpha = 0{,}25$)\nf = 0,5; f′ = 1", "th\nf = 0,462; f′ = 0,786", "arctg\nf = 0,464; f′ = 0,8"],
        "descent": [f"Градиентный спуск для {SURFACE} из точки (1; 1) со скоростью обучения η, шагов: 25",
                    "η = 0,02: слишком мала, до минимума ещё далеко", "η = 0,1: подходящая, спуск сходится",
                    "η = 0,18: слишком велика, зигзаг поперёк оврага", "η = 0,205: расходится, шаг за шагом всё дальше",
                    "−0,5"],
        "optimizers": [f"Методы оптимизации для {SURFACE} из точки (−2,5; 1), шагов: 40",
                       "Градиентный спуск и методы с моментом", "Адаптивная скорость обучения",
                       "Коррекция смещения: на слайде её нет", "Значение $f$ вдоль каждой траектории", "шаг $t$",
                       "Градиентный спуск, η = 0,15", "Метод моментов, η = 0,02", "Метод Нестерова, η = 0,02",
                       "AdaGrad, η = 0,5", "RMSprop, η = 0,05", "Adam, η = 0,1", "Adam как на слайде, η = 0,1", "−0,5"],
        "zigzag": ["Градиентный спуск из точки (0; 0) с шагом $1{,}8/\\lambda_{\\max}$: признаки без масштабирования и "
                   "стандартизованные", "без масштабирования: κ = 108, шагов до сходимости: 824",
                   "стандартизованные: κ = 1,42, шагов до сходимости: 62"],
        "loss": ["Функция потерь при обучении", "XOR: Градиентный спуск", "эпоха"],
        "boundary": ["Разделяющая граница обученной сети: XOR", "0,2"],
    },
}
SLUGS = re.compile(r"\b(gd|sgd|minibatch|momentum-delta|adam-slide|adagrad|rmsprop|nesterov|relu|leaky-relu|prelu|"
                   r"rrelu|elu|isru|softsign|softplus|xor|gender|digits|raw|identity|sigmoid)\b")
# Latin words Russian keeps: names of methods and functions, as the course writes them
KEPT_IN_RUSSIAN = {"Adam", "AdaGrad", "RMSprop", "ReLU", "Leaky", "PReLU", "RReLU", "ELU", "ISRU", "Softsign",
                   "Softplus", "XOR", "th", "ch", "arctg", "exp", "ln", "max", "min", "sin", "cos"}


def outside_math(text: str) -> str:
    return re.sub(r"\$[^$]*\$", " ", text)


def artefacts(text: str, lang: str) -> list[str]:
    """What in ``text`` is the program's rather than the teacher's."""
    prose = outside_math(text)
    found = [bad for bad in ("**", "*", "Abs(") if bad in text] + [w for w in ("lambda", "True", "False") if w in prose]
    found += [f"_ outside math: {prose!r}"] if "_" in prose else []
    found += [f"slug {m[0]!r}" for m in SLUGS.finditer(prose)]
    if lang == "ru":
        found += [f"decimal point {m[0]!r}" for m in re.finditer(r"\d\.\d", prose)]
        found += [f"English {w!r}" for w in re.findall(r"[A-Za-z]{2,}", prose) if w not in KEPT_IN_RUSSIAN]
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_picture_says_what_a_teacher_would_write(lang, xor_run):
    pictures = every_picture(lang, xor_run)
    assert set(pictures) == set(EXPECTED[lang])
    for kind, picture in pictures.items():
        texts = picture.texts()
        missing = [text for text in EXPECTED[lang][kind] if text not in texts]
        assert not missing, (kind, missing, texts)
        assert picture.title in texts, kind
        for text in texts:
            assert not artefacts(text, lang), (kind, text, artefacts(text, lang))


def test_the_artefact_scan_finds_what_the_issue_found():
    """The scan itself: each artefact of the pictures before they were fixed is caught."""
    for text in ("Optimizers on x^2/2 + 5*y^2", "∂f = -2*(1 - σ(-3))^2*σ(-3)", "step 1.8/λ_max", "adam-slide",
                 "(Abs(x) + 1)**(-2)", "leaky-relu"):
        assert artefacts(text, "en"), text
    for text in ("скорость обучения 0.02", "gd", "Оптимизаторы: momentum"):
        assert artefacts(text, "ru"), text
    assert not artefacts("Метод моментов, η = 0,02", "ru") and not artefacts("$w_{1}$", "en")


def test_the_marked_points_are_the_functions_values(xor_run):
    """--at on activations, loss and boundary: the numbers beside the mark are the function's own."""
    sigma = 1 / (1 + np.exp(-0.5))
    marked = activations_picture(at="x=0.5").data["values"]
    assert np.allclose(marked["sigmoid"], (sigma, sigma * (1 - sigma)))
    assert np.allclose(marked["tanh"], (np.tanh(0.5), 1 - np.tanh(0.5) ** 2))
    assert np.allclose(marked["relu"], (0.5, 1)) and np.allclose(marked["step"], (1, 0))
    loss = loss_picture([xor_run], at="epoch=10")
    assert f"$L = {xor_run.history[9]:.3g}$" in loss.texts()
    boundary = boundary_picture(xor_run, at="x1=0.5,x2=0.5")
    expected = float(np.ravel(xor_run.model.predict(xor_run.params, np.array([[0.5, 0.5]])))[0])
    assert boundary.data["output_at"] == pytest.approx(expected)
    assert f"$\\hat{{y}} = {expected:.3g}$" in boundary.texts()


def test_a_start_given_by_name_is_where_the_paths_begin():
    """--at on the surfaces: descent, optimizers and zig-zag start there, and follow their closed forms."""
    descent = descent_picture(at="y=-1, x=0.5", rates=(0.1,), steps=10)
    k = np.arange(11)
    assert np.allclose(descent.data["paths"][0.1], np.column_stack([0.5 * 0.9 ** k, -(0.0 ** k)]))
    compared = optimizers_picture(at="x=1,y=1", names=("gd",), steps=10)
    assert np.allclose(compared.data["paths"]["gd"], np.column_stack([0.85 ** k, (-0.5) ** k]))
    zigzag = zigzag_picture(at="w1=1,w2=1")
    for run in zigzag.data.values():
        X, y, w = run["X"], run["y"], np.array([1.0, 1.0])
        assert np.allclose(run["path"][0], w)
        optimum = np.linalg.lstsq(X, y, rcond=None)[0]
        steps = 0
        while np.linalg.norm(w - optimum) > 1e-6 * np.linalg.norm(optimum):
            w = w + run["rate"] * 2 / len(y) * X.T @ (y - X @ w)
            steps += 1
        assert run["steps"] == steps
    with pytest.raises(ValueError, match="variables are x, y"):
        descent_picture(at="x=1,z=2")
