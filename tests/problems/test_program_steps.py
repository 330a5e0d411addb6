"""Programs that take a step on their inputs and programs asked for part of their answer (``find``):
every number against a hand-written forward pass in plain floats and central differences, the
published printouts of the sources to their printed precision, the key's tables as exact strings,
and a teacher's mistakes in ``find``, ``update`` and ``direction`` named when the file is read."""

import math

import pytest

from symnn import check_bank_answer
from symnn.export.answer_forms import form_of, stated
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import answer_value, solve
from symnn.render import render


def _sigmoid(u):
    return 1 / (1 + math.exp(-u))


# each bank problem's function written by hand (the oracle), its point, and its step: (size, +1 up / -1 down,
# the inputs moved)
HAND = {
    "karpathy-circuit-step": (lambda p: {"q": p["x"] + p["y"], "f": (p["x"] + p["y"]) * p["z"]},
                              {"x": -2.0, "y": 5.0, "z": -4.0}, "f", (0.01, 1, "xyz")),
    "karpathy-neuron-step": (lambda p: {"s": _sigmoid(p["a"] * p["x"] + p["b"] * p["y"] + p["c"])},
                             {"a": 1.0, "b": 2.0, "c": -3.0, "x": -1.0, "y": 3.0}, "s", (0.01, 1, "abcxy")),
    "relu-weights-step": (lambda p: {"L": (max(0.0, p["w1"] * p["x1"] + p["w2"] * p["x2"]) - p["y"]) ** 2},
                          {"w1": 2.0, "x1": 1.0, "w2": 1.0, "x2": 3.0, "y": 3.0}, "L", (0.01, -1, ("w1", "w2"))),
    "micrograd-sanity": (lambda p: {"y": _sanity(p["x"])}, {"x": -4.0}, "y", None),
    "cs231n-staged": (lambda p: {"f": (p["x"] + _sigmoid(p["y"])) / (_sigmoid(p["x"]) + (p["x"] + p["y"]) ** 2)},
                      {"x": 3.0, "y": -4.0}, "f", None),
}


def _sanity(x):
    """micrograd's test_sanity_check, line by line."""
    z = 2 * x + 2 + x
    q = max(0.0, z) + z * x
    h = max(0.0, z * z)
    return h + q + q * x


def _central(function, point, output, name, h=1e-6):
    up, down = dict(point), dict(point)
    up[name] += h
    down[name] -= h
    return (function(up)[output] - function(down)[output]) / (2 * h)


def _oracle(problem_id, name):
    """What ``find`` names, from the hand-written function: a value, df/dx by central differences, x+ or f+."""
    function, point, output, step = HAND[problem_id]
    if name.startswith("d") and "/d" in name:
        return _central(function, point, output, name.split("/d", 1)[1])
    if name.endswith("+"):
        size, sign, moved = step
        new = {k: v + sign * size * _central(function, point, output, k) if k in moved else v for k, v in point.items()}
        return new[name[:-1]] if name[:-1] in new else function(new)[name[:-1]]
    return function(point)[name]


@pytest.mark.parametrize("problem_id", HAND)
def test_every_part_of_the_answer_matches_the_hand_written_program(problem_id):
    solution = solve(problem_id)
    values = answer_value(solution.answer)
    values = values if isinstance(values, list) else [values]
    assert len(values) == len(solution.work.asked)
    for name, value in zip(solution.work.asked, values):
        assert value == pytest.approx(_oracle(problem_id, name), rel=1e-6, abs=1e-8), name


def test_the_guides_circuit_to_its_printed_precision():
    # Hacker's guide: gradient [-4, -4, 3]; x, y, z become -2.04, 4.96, -3.97; q 2.92; "-11.59, up from -12"
    solution = solve("karpathy-circuit-step")
    assert solution.work.asked == ("df/dx", "df/dy", "df/dz", "x+", "y+", "z+", "q+", "f+")
    assert [float(v) for v in solution.answer] == [-4, -4, 3, -2.04, 4.96, -3.97, 2.92, -11.5924]


def test_the_guides_neuron_and_its_truncated_printout():
    # the guide prints s = 0.8808, gradients -0.105, 0.315, 0.105, 0.105, 0.210, and 0.8825 after the step
    values = answer_value(solve("karpathy-neuron-step").answer)
    printed = [0.8808, -0.105, 0.315, 0.105, 0.105, 0.210, 0.8825]
    assert all(abs(v - p) <= 1e-4 for v, p in zip(values, printed))
    assert 0.88255 < values[-1] < 0.88256          # 0.882550…: 0.8825 is cut, not rounded (0.8826)


def test_micrograd_sanity_is_one_number():
    # a single part asked is a number, never a 1-tuple
    solution = solve("micrograd-sanity")
    assert solution.answer == 46                   # by hand: d/dx[(3x+2)² + (3x²+2x)(1+x)] at x = −4
    assert stated(form_of(solution), "en") == "The answer is one number."


def test_only_the_gradients_asked_of_micrograds_readme(tmp_path):
    (tmp_path / "mine.toml").write_text(
        "[[problem]]\nid = 'p'\nkind = 'program'\nstatement.en = 's'\nat = 'a = -4, b = 2'\n"
        "steps = " + repr(load_bank()["program-micrograd"].data["steps"]).replace("'", '"') + "\n"
        "find = ['dg/da', 'dg/db']\ntolerance = { decimals = 4 }\n", encoding="utf-8")
    part, whole = solve("p", tmp_path), solve("program-micrograd")
    assert part.answer == whole.answer[1:]
    assert [round(float(v), 4) for v in part.answer] == [138.8338, 645.5773]      # the README's printout
    assert check_bank_answer("p", "(138.8338, 645.5773)", bank=str(tmp_path), timeout=20).correct
    assert not check_bank_answer("p", "(24.7041, 138.8338, 645.5773)", bank=str(tmp_path), timeout=20).correct


@pytest.mark.parametrize("problem_id, answer, correct", [
    ("karpathy-circuit-step", "(-4, -4, 3, -2.04, 4.96, -3.97, 2.92, -11.59)", True),
    ("karpathy-circuit-step", "(-4, -4, 3, -1.96, 5.04, -4.03, 3.08, -12.41)", False),  # a step down, not up
    ("karpathy-neuron-step", "(0.8808, -0.105, 0.315, 0.105, 0.105, 0.210, 0.8825)", True),   # the guide's
    ("karpathy-neuron-step", "(0.8808, -0.105, 0.315, 0.105, 0.105, 0.210, 0.8791)", False),  # stepped down
    ("relu-weights-step", "(4, 12, 1.96, 0.88, 2.56)", True),
    ("relu-weights-step", "(4, 12, 2.04, 1.12, 7.84)", False),    # the weights moved up the gradient
    ("relu-weights-step", "(4, 12, 1.96, 0.88, 3.2399)", False),  # x1, x2 moved too (all inputs)
    ("cs231n-staged", "(2.0596, 1.5922)", True),
    ("cs231n-staged", "(1.5922, 2.0596)", False),                 # the two gradients swapped
    ("micrograd-sanity", "46", True),
    ("micrograd-sanity", "-20", False),                           # y, not dy/dx
])
def test_the_checker_follows_what_find_asks(problem_id, answer, correct):
    assert check_bank_answer(problem_id, answer, timeout=20).correct is correct


def test_the_step_is_a_table_formula_numbers_value():
    text = render(solve("karpathy-circuit-step"), "text").replace("*", "·")     # the product sign of plain text
    assert ("A step of size h = 0.01 along the gradient moves (x, y, z):\n"
            "input  formula      with the numbers  value\n"
            "-----  -----------  ----------------  -----\n"
            "x⁺     x + h·∂f/∂x  -2 + 0.01·(-4)    -2.04\n") in text
    assert "f     f = q·z     2.92·(-3.97)      -11.5924" in text      # exact in the work, whose places are four
    assert text.endswith("f⁺ = -11.5924 ≈ -11.59\nNote. The output goes up from -12 to -11.5924: a small step along the "
                         "gradient increases the output, which is how the guide introduces the gradient before any loss.")


def test_a_descent_on_some_inputs_in_russian():
    text = render(solve("relu-weights-step"), "text", lang="ru").replace("*", "·")
    # the program has a node h = max(0, a): the step is called η, as the statement calls it
    assert "Шаг η = 0,01 против градиента (градиентный спуск) сдвигает (w_1; w_2):" in text
    assert "w_2⁺  w_2 - η·∂L/∂w_2  1 - 0,01·12" in text         # w_2, as the statement writes it
    assert "Ответ: ∂L/∂w_1 = 4; ∂L/∂w_2 = 12; w_1⁺ = 1,96; w_2⁺ = 0,88; L⁺ = 2,56" in text


def test_the_worksheet_names_every_part_in_order():
    assert stated(form_of(solve("relu-weights-step")), "ru") == (
        r"Ответ — набор из 5 чисел в таком порядке: $\frac{\partial L}{\partial w_{1}}$, "
        r"$\frac{\partial L}{\partial w_{2}}$, $w_{1}^{+}$, $w_{2}^{+}$, $L^{+}$.")


BASE = "[[problem]]\nid = 'p'\nstatement.en = 's'\nkind = 'program'\nsteps = ['q = x + y', 'f = q*z']\nat = 'x = 1, y = 2, z = 3'\n"


@pytest.mark.parametrize("fields, message", [
    ("find = ['f', 'dq/dx']\n", r"find: 'dq/dx' is not a variable or a node \(x, y, z, q, f\), a gradient of the output \(df/dx\)"),
    ("find = ['w']\n", "find: 'w' is not a variable or a node"),
    ("find = ['f+']\n", "find: 'f\\+' is a value after a step on the inputs: give step_size"),
    ("find = ['updated']\n", "find: 'updated' is a value after a step on the inputs: give step_size"),
    ("step_size = 0.1\nupdate = ['x', 'w']\n", r"update: 'w' is not a variable of the program \(x, y, z\)"),
    ("update = ['x']\n", "update: the variables a step moves, and no step_size is given"),
    ("step_size = 0.1\ndirection = 'up'\n", "direction: 'up' is not one of descent, ascent"),
])
def test_a_teachers_mistake_names_the_field(tmp_path, fields, message):
    (tmp_path / "mine.toml").write_text(BASE + fields, encoding="utf-8")
    with pytest.raises(BankError, match=message):
        load_bank(tmp_path)


def test_a_step_size_that_is_no_number_is_named_when_solved(tmp_path):
    (tmp_path / "mine.toml").write_text(BASE + "step_size = 'big'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="step_size: 'big' is not a number"):
        solve("p", tmp_path)


def test_json_carries_the_step_and_what_is_asked():
    import json
    work = json.loads(render(solve("relu-weights-step"), "json"))["work"]
    assert work["asked"] == ["dL/dw1", "dL/dw2", "w1+", "w2+", "L+"]
    assert work["step"]["direction"] == "descent" and work["step"]["size"] == 0.01
    assert work["step"]["moves"]["w2"] == {"value": 1, "gradient": 12, "new": 0.88}     # 1 − 0.01·12
    assert work["step"]["after"]["L"] == 2.56                                          # (1.96 + 2.64 − 3)²


def test_a_program_of_constants_needs_no_point_and_one_with_variables_does(tmp_path):
    (tmp_path / "p.toml").write_text('[[problem]]\nid = "consts"\nkind = "program"\n'
                                     'steps = ["a = 2", "b = a*3 + 1", "c = max(a, b) - 4"]\nstatement.en = "Run."\n',
                                     encoding="utf-8")
    solution = solve("consts", tmp_path)
    assert solution.answer == 3                                   # max(2, 7) − 4, computed by hand
    text = render(solution, "text")
    assert text.splitlines()[1] == "Compute the program" and "at ()" not in text
    (tmp_path / "p.toml").write_text('[[problem]]\nid = "vars"\nkind = "program"\nsteps = ["q = x + y"]\n'
                                     'statement.en = "Run."\n', encoding="utf-8")
    with pytest.raises(BankError, match=r"at: missing \(the values of the program's variables x, y\)"):
        load_bank(tmp_path)
