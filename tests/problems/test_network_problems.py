"""The bank's network problems (kind = "network"): the published numbers, the second text's step against
NumPy, a teacher's errors named by field, the checker, and the tables as printed."""

import numpy as np
import pytest
import sympy as sp

from symnn import render, solve
from symnn.answers.check import check_answer
from symnn.problems.schema import problem_errors
from symnn.problems.solve import question_options


@pytest.fixture(scope="module")
def mazur():
    return solve("mazur-221")


def test_every_published_number_to_its_printed_precision(mazur):
    published = mazur.problem.published
    assert len(mazur.answer) == len(published) == 14
    for value, number in zip(mazur.answer, published):
        digits = len(repr(number).split(".")[1])
        assert round(float(value), digits) == pytest.approx(number, abs=1e-12), (value, number)


def test_the_answer_is_checked_as_a_student_writes_it(mazur):
    options = question_options(mazur.problem)
    typed = "(" + ", ".join(repr(v) for v in mazur.problem.published) + ")"
    assert check_answer(mazur.answer, typed, **options).correct
    wrong = typed.replace("0.35891648", "0.4")
    verdict = check_answer(mazur.answer, wrong, **options)
    assert not verdict.correct
    assert any(line.startswith("Component 11:") for line in verdict.feedback)


def test_the_tanh_step_against_numpy():
    solution = solve("tanh-221-step")
    x, y, eta = np.array([1.0, -1.0]), 0.5, 0.1
    W1, b1 = np.array([[0.1, 0.2], [-0.3, 0.4]]), np.array([0.0, 0.1])
    W2, b2 = np.array([0.5, -0.6]), 0.1
    h = np.tanh(W1 @ x + b1)
    o = W2 @ h + b2
    L = 0.5 * (y - o) ** 2
    d_o = o - y
    d_h = d_o * W2 * (1 - h ** 2)
    grads = [d_h[0] * x[0], d_h[0] * x[1], d_h[0], d_h[1] * x[0], d_h[1] * x[1], d_h[1], d_o * h[0], d_o * h[1], d_o]
    params = [W1[0, 0], W1[0, 1], b1[0], W1[1, 0], W1[1, 1], b1[1], W2[0], W2[1], b2]
    new = [p - eta * g for p, g in zip(params, grads)]
    h2 = np.tanh(np.array([[new[0], new[1]], [new[3], new[4]]]) @ x + np.array([new[2], new[5]]))
    L2 = 0.5 * (y - (new[6] * h2[0] + new[7] * h2[1] + new[8])) ** 2
    expected = [*h, o, L, *grads, *new, L2]
    assert [float(v) for v in solution.answer] == pytest.approx(expected, abs=1e-12)


GOOD = {"id": "p", "kind": "network", "statement": {"en": "…"}, "layers": [2, 2, 1], "inputs": [1, 2],
        "targets": [1], "weights": [[[1, 2], [3, 4]], [[5, 6]]], "find": ["o1"]}


@pytest.mark.parametrize("change, message", [
    # a layer's matrix of the wrong shape names the layer and the shape it needs
    ({"weights": [[[1, 2, 3], [3, 4, 5]], [[5, 6]]]},
     "weights: layer 1 is 2×3; the layer sizes [2, 2, 1] need 2×2 (a row for each of its 2 neurons, "
     "a column for each of its 2 inputs)"),
    ({"weights": [[[1, 2], [3, 4]]]}, "weights: expected one entry per layer (2), got 1"),
    ({"biases": [[1, 2, 3], 0]}, "biases: layer 1 has 2 neurons, so its biases are a number or a list of 2 numbers"),
    ({"activation": "swish"}, "activation: unknown activation 'swish'; use one of sigmoid, tanh, relu, identity"),
    ({"activation": ["tanh"]}, "activation: 1 names for 2 layers"),
    ({"loss": "hinge"}, "loss: unknown loss 'hinge'; use one of mse, half-se, bce, ce, softmax-ce, svm"),
    ({"inputs": [1, 2, 3]}, "inputs: 3 numbers for 2 inputs"),
    ({"targets": [1, 0]}, "targets: 2 numbers for 1 outputs"),
    ({"find": ["o3"]}, "find: 'o3' is not a neuron (h1, o1), the loss L, a gradient (dL/dw1, dL/do1), a value "
                       "after the updates (w1+, o1+, L+) or a group (forward, gradients, updated)"),
    # no bias in a layer: its bias is neither a parameter to find nor a gradient
    ({"biases": ["none", 0], "find": ["dL/db1", "dL/db3"]},
     "find: 'dL/db3' is not a neuron (h1, o1), the loss L, a gradient (dL/dw1, dL/do1), a value after the "
     "updates (w1+, o1+, L+) or a group (forward, gradients, updated)"),
    ({"shared_biases": True, "biases": [[1, 2], 0]},
     "biases: with shared_biases = true layer 1 has one bias, so one number, not a list"),
    ({"shared_biases": True, "find": ["dL/db3"]},
     "find: 'dL/db3' is not a neuron (h1, o1), the loss L, a gradient (dL/dw1, dL/do1), a value after the "
     "updates (w1+, o1+, L+) or a group (forward, gradients, updated)"),
    ({"loss": "svm", "targets": [0.5]}, "targets: the loss svm needs two classes or more, the correct one 1 and "
                                        "every other 0, got [0.5]"),
    ({"loss": "svm", "targets": [1]}, "targets: the loss svm needs two classes or more, the correct one 1 and "
                                      "every other 0, got [1]"),
    ({"loss": "softmax-ce", "output": "softmax"}, "output: the loss softmax-ce takes the raw scores of the "
                                                  "output layer, so no output = 'softmax' (softmax-ce applies "
                                                  "the softmax itself)"),
    ({"update_biases": "no"}, "update_biases: expected true or false, got str"),
    # settings and momentum are checked against the optimizer when the file is read
    ({"optimizer": "adam", "settings": {"beta1": 0.8}},
     "settings: adam has no setting 'beta1'; its settings: eta, beta_1, beta_2, varepsilon"),
    ({"momentum": 0.9}, "momentum: sgd has no momentum; the optimizers with one: momentum, momentum-delta, "
                        "momentum-cs231n, momentum-d2l, momentum-geron"),
    ({"steps": 0, "find": ["L", "o1+"]}, "find: 'o1+' asks for the network after the updates, but steps = 0 makes none"),
    # a published list holds one number per name of find, the groups spelled out (2 neurons + 1 output, 9 gradients)
    ({"find": ["forward", "gradients"], "published": [0.5] * 11},
     "published: 11 numbers, but the answer has 12 (one for each name of find, forward, gradients spelled out)"),
    ({"weights": [[["a", 2], [3, 4]], "b"], "layers": [2, 2, 1, 1]},
     "weights: expected one entry per layer (3), got 2"),
])
def test_a_teachers_error_names_the_field(change, message):
    entry = {**GOOD, **change}
    assert problem_errors(entry)[0] == message
    assert problem_errors(GOOD) == []


def test_weights_by_a_rule_in_j_and_k():
    from symnn.problems.bank import Problem
    from symnn.problems.network_problems import solve_network
    data = {**GOOD, "weights": ["j/10 + k/100", "1/2"], "biases": [0, "j"], "find": ["dL/dw1", "w1+"],
            "loss": "half-se", "learning_rate": 1}
    problem = Problem("p", "network", "t", {"en": "…"}, data)
    run = solve_network(problem).work
    point = dict(run.steps[0].point)
    assert [point[sp.Symbol(n, real=True)] for n in ("w1", "w2", "w3", "w4", "w5", "b3")] == \
        [sp.Rational(11, 100), sp.Rational(12, 100), sp.Rational(21, 100), sp.Rational(22, 100), sp.S.Half, 1]


def test_the_tables_as_printed(mazur):
    md = render(mazur, "md")
    # (the table at the course's four places, the answer at the problem's nine)
    assert r"| $w^{+}_{5}$ | $w_{5} - \eta g_{t}$ | $0.40 - 0.5 \cdot 0.0822$ | $\approx 0.3589$ |" in md
    # in the notation of the statement (the worked example's own names: out_o1, target_o1), its words upright
    assert r"| $\delta_{o1}$ | $\mathrm{out}_{o1} (1 - \mathrm{out}_{o1}) (\mathrm{out}_{o1} - \mathrm{target}_{o1})$ | " in md
    assert "**Gradient descent**: $\\eta = 0.5$. The biases stay as they are." in md
    assert r"$\frac{\partial E_{\mathrm{total}}}{\partial w_{5}} \approx 0.082167041$" in md     # its word upright
    ru = render(mazur, "md", lang="ru")
    assert "**Градиентный спуск**: $\\eta = 0{,}5$. Смещения не меняются." in ru
    assert "| нейрон | формула | подставляем числа | значение |" in ru


def test_softmax_with_cross_entropy_two_steps_against_numpy():
    solution = solve("softmax-ce-steps")
    x, y, eta = np.array([1.0, 2.0]), np.array([0.0, 1.0]), 0.1
    W1, b1 = np.array([[0.5, -0.5], [0.25, 0.75]]), np.zeros(2)
    W2, b2 = np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([0.1, -0.1])

    def run(W1, b1, W2, b2):
        h = np.maximum(0, W1 @ x + b1)
        e = np.exp(W2 @ h + b2)
        o = e / e.sum()
        return h, o, -(y * np.log(o)).sum()

    h, o, L = run(W1, b1, W2, b2)
    first = [*h, *o, L]
    for step in range(2):
        h, o, _ = run(W1, b1, W2, b2)
        d2 = o - y                                     # softmax with cross-entropy, Σy = 1
        d1 = (W2.T @ d2) * (W1 @ x + b1 > 0)           # ReLU′ = 1 where the sum is positive, else 0
        if step == 0:
            grads = [d2[0] * h[0], d2[1] * h[0]]       # w5 (h1 → o1) and w7 (h1 → o2)
        W2, b2, W1, b1 = W2 - eta * np.outer(d2, h), b2 - eta * d2, W1 - eta * np.outer(d1, x), b1 - eta * d1
    expected = [*first, *grads, run(W1, b1, W2, b2)[2]]
    assert [float(v) for v in solution.answer] == pytest.approx(expected, abs=1e-12)
    assert len(solution.work.steps) == 2


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_shared_biases_and_the_outputs_after_the_step_against_numpy():
    # Mazur's network with b1 = 0.35 in both hidden sums and b2 = 0.60 in both output sums, all trained
    solution = solve("mazur-221-shared-biases")
    x, y, eta = np.array([0.05, 0.10]), np.array([0.01, 0.99]), 0.5
    W1, W2, b1, b2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]]), 0.35, 0.60
    h = sigmoid(W1 @ x + b1)
    o = sigmoid(W2 @ h + b2)
    d2 = (o - y) * o * (1 - o)
    d1 = (W2.T @ d2) * h * (1 - h)
    gb1, gb2 = d1.sum(), d2.sum()                  # one parameter in two sums: the sum of their deltas
    W1, W2, b1, b2 = W1 - eta * np.outer(d1, x), W2 - eta * np.outer(d2, h), b1 - eta * gb1, b2 - eta * gb2
    o_after = sigmoid(W2 @ sigmoid(W1 @ x + b1) + b2)
    expected = [gb1, gb2, b1, b2, *o_after, 0.5 * ((y - o_after) ** 2).sum()]
    assert [float(v) for v in solution.answer] == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("problem_id, loss, published, written", [
    ("cs231n-svm-cat", lambda s: max(0, s[1] - s[0] + 1) + max(0, s[2] - s[0] + 1), "2.9",
     r"$L = \max(0, s_{2} - s_{1} + 1) + \max(0, s_{3} - s_{1} + 1)$"),
    ("cs231n-softmax-cat", lambda s: -np.log(np.exp(s[0]) / np.exp(s).sum()), "2.04",
     r"$L = \ln(e^{s_{1}} + e^{s_{2}} + e^{s_{3}}) - s_{1}$"),
])
def test_losses_on_raw_scores_against_central_differences(problem_id, loss, published, written):
    solution = solve(problem_id)
    scores, eps = np.array([3.2, 5.1, -1.7]), 1e-6
    numeric = [(loss(scores + eps * np.eye(3)[j]) - loss(scores - eps * np.eye(3)[j])) / (2 * eps) for j in range(3)]
    assert [float(v) for v in solution.answer] == pytest.approx([loss(scores), *numeric], abs=1e-8)
    assert round(float(solution.answer[0]), len(published.split(".")[1])) == float(published)   # as CS231n prints it
    md = render(solution, "md")
    assert f"**The loss on the scores:** {written}\n" in md        # the scores given outright: no layer shown
    assert "w_{1}" not in md                                        # no weights of the identity layer, no ∂L/∂w


def test_momentum_in_the_velocity_form_gives_the_numbers_of_the_courses_form():
    from dataclasses import replace

    from symnn.problems.network_problems import solve_network
    cs231n = solve("momentum-cs231n-mazur")
    problem = cs231n.problem
    course = solve_network(replace(problem, data={**problem.data, "optimizer": "momentum"}))
    assert [float(v) for v in course.answer] == pytest.approx([float(v) for v in cs231n.answer], abs=1e-40)
    # the first step is plain gradient descent: the worked example's published w5 = 0.35891648
    first = solve_network(replace(problem, data={**problem.data, "steps": 1, "find": ["w5+"]}))
    assert round(float(first.answer[0]), 8) == 0.35891648
    # two steps written out by hand: v = μv − ηg, w = w + v (the biases stay)
    x, y = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
    V1, V2 = np.zeros((2, 2)), np.zeros((2, 2))
    for _ in range(2):
        h = sigmoid(W1 @ x + 0.35)
        o = sigmoid(W2 @ h + 0.60)
        d2 = (o - y) * o * (1 - o)
        d1 = (W2.T @ d2) * h * (1 - h)
        V1, V2 = 0.9 * V1 - 0.5 * np.outer(d1, x), 0.9 * V2 - 0.5 * np.outer(d2, h)
        W1, W2 = W1 + V1, W2 + V2
    o = sigmoid(W2 @ sigmoid(W1 @ x + 0.35) + 0.60)
    assert [float(v) for v in cs231n.answer] == pytest.approx([W2[0, 0], W1[0, 0], 0.5 * ((y - o) ** 2).sum()],
                                                              abs=1e-12)


def test_a_network_without_biases_names_none():
    solution = solve("delta-worked")
    assert [str(p) for p in solution.work.network.parameters()] == ["w1", "w2", "w3", "w4", "w5", "w6"]
    md = render(solution, "md")
    assert "b_{1}" not in md and "The biases stay as they are" not in md
    assert "Gradients: the gradient of a weight is the δ of the neuron the weight leads into times the value " \
           "the weight carries." in md          # no "(a bias is a weight from a constant 1)": there is none


def test_ten_thousand_steps_against_a_numpy_loop_and_the_texts_error():
    solution = solve("mazur-221-10000")
    x, y = np.array([0.05, 0.10]), np.array([0.01, 0.99])
    W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
    losses = []
    for _ in range(10000):
        h = sigmoid(W1 @ x + 0.35)
        o = sigmoid(W2 @ h + 0.60)
        losses.append(0.5 * ((y - o) ** 2).sum())
        d2 = (o - y) * o * (1 - o)
        d1 = (W2.T @ d2) * h * (1 - h)
        W1, W2 = W1 - 0.5 * np.outer(d1, x), W2 - 0.5 * np.outer(d2, h)
    o = sigmoid(W2 @ sigmoid(W1 @ x + 0.35) + 0.60)
    assert [float(v) for v in solution.answer] == pytest.approx([0.5 * ((y - o) ** 2).sum(), *o], abs=1e-12)
    history = solution.work.history
    assert [n for n, _ in history] == list(range(1, 10001)) and len(solution.work.steps) == 1
    assert [float(v) for _, v in history[::1000]] == pytest.approx(losses[::1000], abs=1e-12)
    # the text's "error after 10 000 rounds" is the error before the last update
    assert round(float(history[-1][1]), 10) == 0.0000351085
    text = render(solution, "text")
    # a long run: its rule and its loss at some steps, no step worked as if it were the answer
    assert "The loss before some of the steps (the parameters carried with 50-digit decimals):" in text
    assert "Deltas, from the output back" not in text
    assert len(text) < 20000
