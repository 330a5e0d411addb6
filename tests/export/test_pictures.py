"""Every picture kind: the numbers behind it against independent oracles (sympy.diff, central
differences, closed forms, hand-written NumPy loops), and each file shows something."""

from __future__ import annotations

import io
import subprocess
import sys

import numpy as np
import pytest
import sympy as sp

from symnn.cli import main
from symnn.nn.graph import graph_pass

from .tools import artifacts, need

pytest.importorskip("matplotlib")
Image = pytest.importorskip("PIL.Image")


def shows_something(png: bytes) -> None:
    """A PNG of a real size whose pixels are not all one colour."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=float)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and min(pixels.shape) > 100
    assert pixels.std() > 5, "the picture is blank"


def test_graph_nodes_carry_forward_values_and_gradients_of_sympy_diff():
    need("dot")
    from symnn.export.pictures.graphs import graph_picture
    picture = graph_picture(graph_pass("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1"))
    x, w1, w0 = sp.symbols("x w1 w0", real=True)
    f = 1 + sp.exp(x * w1 + w0)
    at = {x: 1, w1: 2, w0: 1}
    assert picture.data["values"]["f"] == f.subs(at)
    for v in (x, w1, w0):
        assert sp.simplify(picture.data["gradients"][str(v)] - sp.diff(f, v).subs(at)) == 0
    assert picture.data["gradients"]["c"] == 1 and picture.data["gradients"]["b"] == sp.exp(3)
    assert picture.data["values"]["c"] == sp.exp(3) and picture.data["values"]["a"] == 2
    png = picture.render("png")
    shows_something(png)
    (artifacts() / "graph-exp.png").write_bytes(png)
    assert b"<svg" in picture.render("svg")


NET = "(y - sigmoid(w5*sigmoid(w1*x1 + w2*x2 + b1) + w6*sigmoid(w3*x1 + w4*x2 + b2) + b3))^2"
NET_AT = "x1=-2, x2=-1, y=1, w1=1, w2=1, w3=1, w4=1, w5=1, w6=1, b1=0, b2=0, b3=0"


def test_graph_labels_are_formula_equals_value_rounded_as_sympy_diff_says():
    """Every box reads 'name = formula = value' over '∂f/∂name = value': a long exact value only rounded,
    its decimal that of sympy.diff; no node is named e."""
    from symnn.export.pictures.graphs import graph_picture, node_labels
    run = graph_pass(NET, NET_AT)
    labels = node_labels(run)
    assert "e" not in labels
    f = run.graph.expr
    at = dict(run.point)
    subscripts = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    for v in run.graph.variables:
        exact = sp.diff(f, v).subs(at)
        value_line, gradient_line = labels[str(v)]
        assert value_line == f"{str(v).translate(subscripts)} = {at[v]}".replace("-", "−")
        name, _, shown = gradient_line.partition(" ≈ ")
        assert name == f"∂f/∂{str(v).translate(subscripts)}", gradient_line     # long exact values are not shown
        assert float(shown.replace("−", "-")) == pytest.approx(float(exact), abs=5e-5), gradient_line    # 4 places, as the key
    w1 = sp.Symbol("w1", real=True)
    through_a = float(sp.diff(f, w1).subs(at)) / -2          # a = w1·x1 with x1 = −2
    assert labels["a"] == ("a = w₁·x₁ = −2", f"∂f/∂a ≈ {through_a:.4f}".replace("-", "−"))
    assert all(len(line) <= 40 for pair in labels.values() for line in pair), labels
    for line in graph_picture(run).texts():
        assert not any(bad in line for bad in ("*", "_", "Abs(")), line


@pytest.mark.parametrize("expr, at", [("sigmoid(w1*x1 + w2*x2 + w3*x3 + b)", "w1=0, w2=1, w3=0.5, b=4, x1=2, x2=3, x3=4"),
                                      ("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1"), (NET, NET_AT)])
def test_a_graph_has_the_shape_of_a_slide(expr, at):
    """No 3537 × 335 strip: the graph runs left to right or top to bottom, whichever is nearer 4 : 3."""
    need("dot")
    from symnn.export.pictures.graphs import graph_picture
    width, height = Image.open(io.BytesIO(graph_picture(graph_pass(expr, at)).render("png"))).size
    assert 0.5 < width / height < 2.2, (width, height)


def test_activation_derivatives_drawn_are_the_central_differences_of_the_functions_drawn():
    from symnn.export.pictures.figures import XS, activations_picture
    picture = activations_picture()
    h = XS[1] - XS[0]
    for name, (f, df) in picture.data["curves"].items():
        numeric = (f[2:] - f[:-2]) / (2 * h)
        smooth = np.abs(XS[1:-1]) > 2 * h           # away from the kinks at 0
        assert np.allclose(df[1:-1][smooth], numeric[smooth], atol=1e-3), name
    assert len(picture.data["curves"]) == 13
    shows_something(picture.render("png"))


def test_descent_paths_are_one_step_iterates_and_follow_the_closed_form():
    from symnn.export.pictures.surfaces import descent_picture
    picture = descent_picture(steps=20)
    for rate, path in picture.data["paths"].items():
        k = np.arange(len(path))
        # on f = (x² + 10y²)/2 gradient descent multiplies x by (1 − η) and y by (1 − 10η) each step
        assert np.allclose(path[:, 0], (1 - rate) ** k) and np.allclose(path[:, 1], (1 - 10 * rate) ** k)
    assert picture.data["behaviour"] == {0.02: "too small", 0.1: "good", 0.18: "too large", 0.205: "divergent"}
    png = picture.render("png")
    shows_something(png)
    (artifacts() / "descent.png").write_bytes(png)


def test_optimizer_paths_match_hand_written_loops():
    from symnn.export.pictures.optimizers import optimizers_picture
    picture = optimizers_picture(at=(1, 1), steps=30, eta=0.1)
    curvature = np.array([1.0, 10.0])
    w, h = np.array([1.0, 1.0]), np.zeros(2)
    momentum = [w.copy()]
    for _ in range(30):                    # h ← αh + ηg, w ← w − h
        h = 0.9 * h + 0.1 * curvature * w
        w = w - h
        momentum.append(w.copy())
    assert np.allclose(picture.data["paths"]["momentum"], momentum)
    w, m, v = np.array([1.0, 1.0]), np.zeros(2), np.zeros(2)
    adam = [w.copy()]
    for t in range(1, 31):                 # Adam with bias correction
        g = curvature * w
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g ** 2
        w = w - 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        adam.append(w.copy())
    assert np.allclose(picture.data["paths"]["adam"], adam, atol=1e-6)
    w, m, v = np.array([1.0, 1.0]), np.zeros(2), np.zeros(2)
    slide = [w.copy()]
    for _ in range(30):                    # Adam as on the slide: the moments as they are
        g = curvature * w
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g ** 2
        w = w - 0.1 * m / np.sqrt(v + 1e-8)
        slide.append(w.copy())
    assert np.allclose(picture.data["paths"]["adam-slide"], slide, atol=1e-6)
    # f along each path is f = (x² + 10y²)/2 of its points
    for name, path in picture.data["paths"].items():
        assert np.allclose(picture.data["values"][name], (path[:, 0] ** 2 + 10 * path[:, 1] ** 2) / 2), name
    shows_something(picture.render("png"))


def test_the_default_optimizer_paths_separate():
    """Every path ends apart from the others and its own start: no line hides another."""
    from symnn.export.pictures.optimizers import COMPARED, optimizers_picture
    picture = optimizers_picture()
    assert set(picture.data["paths"]) == set(COMPARED) >= {"adam-slide", "adam"}
    paths = picture.data["paths"]
    for a in paths:
        for b in paths:
            if a < b:        # somewhere along the way the two optimizers are far apart on the map
                assert np.linalg.norm(paths[a] - paths[b], axis=1).max() > 0.3, (a, b)
    assert all(len(path) == 41 for path in paths.values())      # no path overflowed and stopped
    png = picture.render("png")
    shows_something(png)
    (artifacts() / "optimizers.png").write_bytes(png)


def test_loss_curves_and_boundaries_are_the_trained_runs():
    from symnn.export.pictures.figures import boundary_picture, loss_picture
    from symnn.numerics.train import train
    run = train("xor", progress=False)
    curves = loss_picture([run])
    assert np.array_equal(curves.data["history"]["XOR: Gradient descent"], run.history)
    boundary = boundary_picture(run)
    # the grid's output is the model's; XOR's four points fall on the right side of 0.5
    grid = np.column_stack([boundary.data["x1"][:3], boundary.data["x2"][:3]])
    assert np.allclose(run.model.predict(run.params, grid).ravel(), np.diag(boundary.data["output"][:3, :3]))
    assert ((run.model.predict(run.params, boundary.data["X"]).ravel() > 0.5) == (boundary.data["Y"].ravel() > 0.5)).all()
    for picture in (curves, boundary):
        png = picture.render("png")
        shows_something(png)
    (artifacts() / "xor-boundary.png").write_bytes(png)


def test_zigzag_paths_are_gradient_descent_and_standardising_conditions_the_problem():
    from symnn.export.pictures.surfaces import zigzag_picture
    picture = zigzag_picture()
    for run in picture.data.values():
        X, y, w = run["X"], run["y"], np.zeros(2)
        for point in run["path"][1:]:
            w = w + run["rate"] * 2 / len(y) * X.T @ (y - X @ w)
            assert np.allclose(point, w)
    raw, standardised = picture.data["raw"], picture.data["standardised"]
    assert raw["kappa"] > 50 > 2 > standardised["kappa"] and raw["steps"] > 5 * standardised["steps"]
    shows_something(picture.render("png"))


@pytest.mark.parametrize("command", [
    ["plot", "activations"], ["plot", "descent", "--steps", "10"], ["plot", "optimizers", "--steps", "10"],
    ["plot", "zigzag", "--lang", "ru"], ["plot", "loss", "--task", "gender", "--epochs", "50"],
    ["plot", "boundary", "--task", "xor", "--epochs", "300"],
])
@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_every_kind_from_the_command_line(command, suffix, tmp_path):
    out = tmp_path / f"picture{suffix}"
    assert main([*command, "--out", str(out)]) == 0
    data = out.read_bytes()
    if suffix == ".png":
        shows_something(data)
    else:
        assert b"<svg" in data[:2000] and len(data) > 5000


@pytest.mark.parametrize("command", [
    ["plot", "graph", "x*max(x, y)", "--at", "x=3,y=2"], ["plot", "activations", "--at", "x=0.5", "--lang", "ru"],
    ["plot", "descent", "--at", "x=0.5,y=-1", "--steps", "10"], ["plot", "optimizers", "--at", "x=1,y=1", "--steps", "10"],
    ["plot", "zigzag", "--at", "w1=1,w2=1"], ["plot", "loss", "--task", "gender", "--epochs", "50", "--at", "epoch=10"],
    ["plot", "boundary", "--epochs", "100", "--at", "x1=0.5,x2=0.5", "--lang", "ru"],
])
def test_at_works_for_every_kind(command, tmp_path):
    if command[1] == "graph":
        need("dot")
    out = tmp_path / "picture.png"
    assert main([*command, "--out", str(out)]) == 0
    shows_something(out.read_bytes())


@pytest.mark.parametrize("command, says", [
    (["plot", "activations", "--at", "y=1"], "this picture takes x"),
    (["plot", "optimizers", "--at", "x=1"], "variables are x, y"),
    (["plot", "loss", "--epochs", "5", "--at", "epoch=6"], "1 to 5"),
    (["plot", "boundary", "--epochs", "5", "--at", "x1=1"], "this picture takes x1, x2"),
    (["plot", "optimizers", "--optimizers", "gd,foo"], "unknown optimizer 'foo'"),
])
def test_a_wrong_point_is_one_clear_line(command, says, tmp_path, capsys):
    assert main([*command, "--out", str(tmp_path / "p.png")]) == 2
    assert says in capsys.readouterr().err


def test_the_readme_graph_command_writes_a_png(tmp_path):
    need("dot")
    command = [sys.executable, "-m", "symnn", "plot", "graph", "1 + exp(x*w1 + w0)", "--at", "x=1,w1=2,w0=1",
               "--out", "g.png"]
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True)
    shows_something((tmp_path / "g.png").read_bytes())


def test_graph_and_train_draw_beside_the_text(tmp_path, capsys):
    need("dot")
    assert main(["graph", "x*max(x, y)", "--at", "x=3,y=2", "--plot", str(tmp_path / "g.svg")]) == 0
    assert main(["train", "xor", "--epochs", "20", "--no-progress", "--plot", str(tmp_path / "loss.png")]) == 0
    assert b"<svg" in (tmp_path / "g.svg").read_bytes() and "∂f/∂x = 6" in capsys.readouterr().out
    shows_something((tmp_path / "loss.png").read_bytes())


def test_a_bad_picture_request_is_one_clear_line(tmp_path, capsys):
    assert main(["plot", "descent", "x^2 + y^2 + z^2", "--out", str(tmp_path / "p.png")]) == 2
    assert "two variables" in capsys.readouterr().err
    assert main(["plot", "zigzag", "--out", str(tmp_path / "p.gif")]) == 2
    assert main(["plot", "descent", "--steps", "100000", "--out", str(tmp_path / "p.png")]) == 2


def test_a_slide_s_graph_has_half_the_ranks_and_its_point_on_a_line_of_its_own():
    """On a slide, whose height limits a deep graph, the gates go (each box's formula says its operation): the
    chain x → a → b → c → f of 1 + exp(w₁x + w₀) is five ranks, not nine, so its text is larger."""
    need("dot")
    from symnn.export.pictures.graphs import graph_picture
    run = graph_pass("1 + exp(x*w1 + w0)", "x=1, w1=2, w0=1")
    key, slide = graph_picture(run), graph_picture(run, gates=False)
    assert "exp" in key.texts() and "exp" not in slide.texts() and "×" not in slide.texts()
    key_size, slide_size = (Image.open(io.BytesIO(p.render("png"))).size for p in (key, slide))
    assert slide_size[1] < 0.8 * key_size[1], (key_size, slide_size)
    svg = slide.render("svg").decode()
    assert ">Computational graph of f = 1 + exp(x·w₁ + w₀)</text>" in svg and ">at x = 1, w₁ = 2, w₀ = 1</text>" in svg
