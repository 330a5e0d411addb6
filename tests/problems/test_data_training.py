"""Training on a teacher's own data (problems.data_training), against a loop written by hand.

The oracle is the course's own loop (seed 002's ANN.train) in plain Python and NumPy: the 2-2-1
sigmoid network, L = (y − ŷ)², each derivative written out, the parameters updated after every
batch. It shares nothing with symnn but the documented start: the weights and biases drawn from
N(0, 1) by numpy.random.default_rng(seed), neuron by neuron (w1, w2, b1, w3, w4, b2, w5, w6, b3), and
rounded to four places, as a statement gives them.
"""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from symnn.problems.bank import CHECKOUT_BANK, BankError, load_bank
from symnn.problems.solve import answer_value, solve
from symnn.render import render


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def course_loop(X, y, seed, eta, epochs, batch=1, momentum=None):
    """Seed 002's training loop for the 2-2-1 network, batch by batch in the order of the rows; with
    ``momentum`` α, the update h = αh + ηg, w = w − h. Returns the loss after each epoch and the
    prediction function."""
    rng = np.random.default_rng(seed)
    w1, w2, b1, w3, w4, b2, w5, w6, b3 = (round(rng.normal(), 4) for _ in range(9))   # the start a statement gives
    h = np.zeros(9)

    def feedforward(x):
        h1 = sigmoid(w1 * x[..., 0] + w2 * x[..., 1] + b1)
        h2 = sigmoid(w3 * x[..., 0] + w4 * x[..., 1] + b2)
        return sigmoid(w5 * h1 + w6 * h2 + b3)

    history = []
    for _ in range(epochs):
        for start in range(0, len(X), batch):
            grads = np.zeros(9)
            for x, y_true in zip(X[start:start + batch], y[start:start + batch]):
                sum_h1 = w1 * x[0] + w2 * x[1] + b1
                h1 = sigmoid(sum_h1)
                sum_h2 = w3 * x[0] + w4 * x[1] + b2
                h2 = sigmoid(sum_h2)
                sum_o1 = w5 * h1 + w6 * h2 + b3
                o1 = sigmoid(sum_o1)
                d = lambda s: sigmoid(s) * (1 - sigmoid(s))
                p_L_p_ypred = -2 * (y_true - o1)
                p_h1 = p_L_p_ypred * w5 * d(sum_o1) * d(sum_h1)
                p_h2 = p_L_p_ypred * w6 * d(sum_o1) * d(sum_h2)
                p_o1 = p_L_p_ypred * d(sum_o1)
                grads += [p_h1 * x[0], p_h1 * x[1], p_h1, p_h2 * x[0], p_h2 * x[1], p_h2, p_o1 * h1, p_o1 * h2, p_o1]
            grads /= len(X[start:start + batch])
            step = eta * grads
            if momentum is not None:
                h = momentum * h + step
                step = h
            w1, w2, b1, w3, w4, b2, w5, w6, b3 = np.array([w1, w2, b1, w3, w4, b2, w5, w6, b3]) - step
        history.append(float(np.mean((y - feedforward(X)) ** 2)))
    feedforward.params = dict(zip(("w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"),
                                  (w1, w2, b1, w3, w4, b2, w5, w6, b3)))
    return history, feedforward


def _people():
    with open(CHECKOUT_BANK / "data" / "people.csv", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    X = np.array([[float(r["weight"]), float(r["height"])] for r in rows])
    return X, np.array([float(r["female"]) for r in rows])


def test_gender_train_is_the_course_loop_on_the_centred_table():
    X, y = _people()
    means = X.mean(axis=0)
    history, predict = course_loop(X - means, y, seed=0, eta=0.1, epochs=1000)
    solution = solve("gender-train")
    run = solution.work
    assert [float(m) for m in run.means] == list(means) == [57.0, 171.0]
    assert np.allclose(run.history, history, rtol=1e-9, atol=1e-12)
    asked = np.array([[50.0, 168.0], [77.0, 173.0]]) - means           # the course's (−7, −3) and (20, 2)
    assert asked.tolist() == [[-7.0, -3.0], [20.0, 2.0]]
    assert np.allclose(answer_value(solution.answer), predict(asked), rtol=1e-9)


def test_lab_12_s_own_loop_learns_xor_with_learning_rate_0_1():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    history, predict = course_loop(X, y, seed=3, eta=0.1, epochs=3000)
    solution = solve("xor-lab-loop")
    assert np.allclose(solution.work.history, history, rtol=1e-8, atol=1e-12)
    assert np.allclose([v for (v,) in solution.work.outputs], predict(X), rtol=1e-8)
    assert answer_value(solution.answer) == [0, 1, 1, 0] == solution.problem.published
    assert history[0] > 0.2 and history[-1] < 0.005            # learned, not left near one half
    stuck, _ = course_loop(X, y, seed=0, eta=0.1, epochs=3000)
    assert stuck[-1] > 0.24                    # the note: another start is still on the plateau


PROBLEM = """
[[problem]]
id = "own"
kind = "training"
statement.en = "Train."
"""


def _bank(tmp_path: Path, fields: str, csv_text: str | None = None) -> Path:
    (tmp_path / "own.toml").write_text(PROBLEM + fields, encoding="utf-8")
    if csv_text is not None:
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / "points.csv").write_text(csv_text, encoding="utf-8")
    return tmp_path


POINTS = "x,y,label\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n2,2,1\n-1,-1,0\n"


def test_mini_batches_with_momentum_from_a_csv_match_the_loop(tmp_path):
    bank = _bank(tmp_path, """
data = "data/points.csv"
columns = { inputs = ["x", "y"], targets = "label" }
layers = [2, 2, 1]
optimizer = "momentum"
learning_rate = "1/2"
settings = { alpha = "4/5" }
epochs = 50
batch = 2
seed = 3
find = ["loss", "accuracy"]
tolerance = { relative = 0.001 }
""", POINTS)
    rows = np.array([[float(v) for v in line.split(",")] for line in POINTS.splitlines()[1:]])
    history, predict = course_loop(rows[:, :2], rows[:, 2], seed=3, eta=0.5, epochs=50, batch=2, momentum=0.8)
    solution = solve("own", bank)
    loss, accuracy = answer_value(solution.answer)
    assert loss == pytest.approx(history[-1], rel=1e-9)
    assert accuracy == pytest.approx(np.mean(np.round(predict(rows[:, :2])) == rows[:, 2]))
    assert solution.work.means is None and solution.work.batch == 2


def test_inline_rows_of_one_input_and_the_key_names_its_columns(tmp_path):
    bank = _bank(tmp_path, """
inputs = [-2, -1, 1, 2]
targets = [0, 0, 1, 1]
center = true
layers = [1, 1]
optimizer = "gd"
learning_rate = 1
epochs = 20
predict = [[0.5]]
find = ["predictions", "loss"]
tolerance = { absolute = 0.01 }
""")
    solution = solve("own", bank)
    assert solution.work.means == (0,)
    text = render(solution, "text")
    assert "The data, 4 rows:" in text and "x1  x1 − 0  y" in text      # the network's own names
    assert "Gradient descent: η = 1" in text and "20 epochs, each one step on the whole table (full batch)." in text
    assert "Эпох: 20, в каждой один шаг по всей таблице (полный батч)." in render(solution, "text", lang="ru")
    answer = text.splitlines()[-1]             # the output for 0.5, then the final loss, each named
    output, loss = answer_value(solution.answer)
    assert answer.startswith("Answer: ŷ(0.5) ≈ ") and answer.endswith(f"; L ≈ {loss:.3g}")
    assert f"(0.5) ≈ {output:.4g};" in answer


def test_the_key_shows_the_table_the_means_and_the_loss_in_both_languages():
    solution = solve("gender-train")
    english, russian = render(solution, "text"), render(solution, "md", lang="ru")
    # the table, not the file's name (a student has no file); the inputs by their labels in the key's language,
    # the target by the statement's name y
    assert "The data, 4 rows:" in english and "people.csv" not in english + russian
    assert "weight  height  x_1 = weight − 57  x_2 = height − 171  y" in english
    assert "The means: weight 57, height 171." in english
    assert "(50, 168)  (-7, -3)       0.9630" in english      # the course's four places
    assert "Данные, 4 строки:" in russian
    assert "| вес | рост | $x_{1}$ = вес − $57$ | $x_{2}$ = рост − $171$ | $y$ |" in russian
    assert "Средние: вес $57$; рост $171$." in russian          # a sentence, with its full stop
    assert "| 1000 | $0{,}00218$ |" in russian
    assert "**Ответ:** $\\hat{y}(50; 168) \\approx 0{,}9630$ (девушка); $\\hat{y}(77; 173) \\approx 0{,}0544$ (парень)" in russian


@pytest.mark.parametrize("fields, csv_text, message", [
    # a column the CSV does not have
    ('data = "data/points.csv"\ncolumns = { inputs = ["x", "z"], targets = "label" }\nlayers = [2, 2, 1]',
     POINTS, "columns: inputs: no column 'z' in data/points.csv (its columns: x, y, label)"),
    # no such file next to the problem file
    ('data = "data/other.csv"\ncolumns = { inputs = ["x", "y"], targets = "label" }\nlayers = [2, 2, 1]',
     POINTS, "data: no file data/other.csv next to the problem file"),
    # a file outside the bank's folder
    ('data = "../points.csv"\ncolumns = { inputs = ["x"], targets = "label" }\nlayers = [1, 1]',
     POINTS, "data: expected a .csv file inside the bank's folder"),
    # labels for a language: one for each input and target column
    ('data = "data/points.csv"\ncolumns = { inputs = ["x", "y"], targets = "label", labels.ru = ["x", "y"] }\nlayers = [2, 2, 1]',
     POINTS, "columns: labels.ru: expected 3 names (the inputs, then the targets)"),
    # a cell that is not a number
    ('data = "data/points.csv"\ncolumns = { inputs = ["x", "y"], targets = "label" }\nlayers = [2, 2, 1]',
     "x,y,label\n0,0,0\n\n1,one,1\n", "data: data/points.csv line 4, column 'y': 'one' is not a number"),
    ('data = "data/points.csv"\ncolumns = { inputs = ["x", "y"], targets = "label" }\nlayers = [2, 2, 1]',
     "x,y,label\n0,0\n", "data: data/points.csv line 2 has 2 cells for 3 columns"),
    # rows of two inputs for a network of three
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [3, 2, 1]', None,
     "inputs: inputs of 2 numbers a row for layers [3, 2, 1] (3 inputs)"),
    # two targets a row for one output
    ('inputs = [[0, 0], [1, 1]]\ntargets = [[0, 1], [1, 0]]\nlayers = [2, 2, 1]', None,
     "targets: targets of 2 numbers a row for layers [2, 2, 1] (1 outputs)"),
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1, 1]\nlayers = [2, 2, 1]', None,
     "targets: 3 targets for 2 rows of inputs"),
    ('inputs = [[0, "a"], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]', None, "inputs: 'a' is not a number"),
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]\noptimizer = "sgdd"', None,
     "optimizer: unknown optimizer 'sgdd'; use one of gd, sgd,"),
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]\npredict = [[1, 2, 3]]', None,
     "predict: row 1 has 3 numbers for 2 inputs"),
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]\nfind = ["w9"]', None,
     "find: 'w9' is not loss, predictions, accuracy or a weight or bias of the network (w1, b1, …)"),
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]\nfind = ["predictions"]', None,
     "find: predictions need the inputs to predict for"),
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]\nbatch = 3', None,
     "batch: 3 rows in a batch, but the data has 2"),
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]', None, "layers: missing"),
    # a key must be derived in seconds
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]\nepochs = 100001', None,
     "epochs: 100001 epochs of 2 rows pass 200002 rows through the network; a bank problem passes at most 200000"),
    ('inputs = [[0, 0], [1, 1]]\nlayers = [2, 2, 1]', None, "targets: missing"),
    ('task = "xor"\ninputs = [[0, 0], [1, 1]]', None, "inputs: a training problem has a task or its own data"),
    ('data = "data/points.csv"\nlayers = [2, 2, 1]', POINTS, "columns: missing"),
    # outputs as decimals need a stated tolerance (rounded to 0 or 1 they do not)
    ('inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 2, 1]\npredict = [[0, 1]]', None,
     "tolerance: missing (a trained network's loss and outputs are decimals"),
])
def test_an_invalid_problem_is_refused_with_the_field_named(tmp_path, fields, csv_text, message):
    bank = _bank(tmp_path, fields + "\n", csv_text)
    with pytest.raises(BankError) as refused:
        load_bank(bank)
    assert str(refused.value).startswith("own.toml: problem own: " + message), str(refused.value)


def test_the_shipped_bank_reads_its_csv_next_to_its_files():
    problem = load_bank()["gender-train"]
    assert problem.folder == CHECKOUT_BANK or (problem.folder / "data" / "people.csv").is_file()


def test_the_gender_task_of_symnn_train_holds_the_same_people_as_the_bank_s_csv():
    from symnn.numerics.train import GENDER, PEOPLE
    X, y = _people()
    assert PEOPLE.tolist() == X.tolist() and GENDER[1][:, 0].tolist() == y.tolist()
    assert GENDER[0].tolist() == (X - X.mean(axis=0)).tolist()


def test_the_json_of_a_run_holds_the_data_the_means_and_every_epoch():
    import json
    data = json.loads(render(solve("gender-train"), "json"))
    work = data["work"]
    assert (work["file"], work["inputs"], work["targets"], work["means"]) == (
        "data/people.csv", ["weight", "height"], ["female"], [57, 171])
    assert work["rows"][0] == [54, 168] and work["predict"] == [[50, 168], [77, 173]]
    assert len(work["history"]) == work["epochs"] == 1000 and work["hyperparameters"] == {"eta": 0.1}
    assert data["value"] == [row[0] for row in work["outputs"]]


def test_the_statement_of_gender_train_gives_the_table_of_its_csv():
    # a worksheet prints the statement only: the data a student needs is in it, equal to the file's
    X, _ = _people()
    for lang in ("en", "ru"):
        statement = load_bank()["gender-train"].statement[lang]
        for weight, height in X.astype(int):
            assert f"{weight} кг, {height} см" in statement if lang == "ru" else \
                f"{weight} kg and {height} cm" in statement


def test_a_long_table_shows_its_first_rows_and_how_many_more(tmp_path):
    rows = "".join(f"{k},{k % 3},{k % 2}\n" for k in range(30))
    bank = _bank(tmp_path, """
data = "data/points.csv"
columns = { inputs = ["x", "y"], targets = "label" }
layers = [2, 1]
epochs = 2
find = ["accuracy"]
""", "x,y,label\n" + rows)
    english = render(solve("own", bank), "text")
    russian = render(solve("own", bank), "text", lang="ru")
    assert "\n11   2    1\n" in english and "\n12   0    0\n" not in english
    assert "… and 18 more rows." in english and "… и ещё строк: 18." in russian


def test_a_csv_that_links_out_of_the_bank_s_folder_is_not_read(tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text(POINTS, encoding="utf-8")
    bank = tmp_path / "bank"
    (bank / "data").mkdir(parents=True)
    (bank / "data" / "points.csv").symlink_to(outside)
    _bank(bank, 'data = "data/points.csv"\ncolumns = { inputs = ["x", "y"], targets = "label" }\nlayers = [2, 2, 1]\n')
    with pytest.raises(BankError, match="data: no file data/points.csv next to the problem file"):
        load_bank(bank)


def test_a_trained_weight_or_bias_is_found_by_its_name(tmp_path):
    bank = _bank(tmp_path, """
inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]
targets = [0, 1, 1, 1]
layers = [2, 2, 1]
learning_rate = 0.5
epochs = 200
seed = 7
find = ["w5", "b3", "accuracy"]
tolerance = { absolute = 0.001 }
""")
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    _, predict = course_loop(X, np.array([0.0, 1.0, 1.0, 1.0]), seed=7, eta=0.5, epochs=200)
    solution = solve("own", bank)
    w5, b3, accuracy = answer_value(solution.answer)
    assert (w5, b3) == pytest.approx((predict.params["w5"], predict.params["b3"]), rel=1e-9)
    assert accuracy == 1
    assert render(solution, "text").splitlines()[-1] == \
        f"Answer: w5 ≈ {w5:.4f}; b3 ≈ {b3:.4f}; accuracy on the training data: 1"


def test_a_setting_the_optimizer_does_not_have_is_named_when_the_problem_is_solved(tmp_path):
    bank = _bank(tmp_path, 'inputs = [[0, 0], [1, 1]]\ntargets = [0, 1]\nlayers = [2, 1]\nsettings = { beta = 0.9 }\n'
                           'tolerance = { absolute = 0.01 }\n')
    with pytest.raises(BankError, match="problem own: settings: sgd has no hyperparameter beta; it has eta"):
        solve("own", bank)


def test_a_short_run_from_a_given_start_is_worked_step_by_step_as_the_lms_rule_goes(tmp_path):
    """Hagan's LMS example (ch. 10): the rule W ← W + 2α·e·p, e = t − a, in exact fractions, one
    presentation after another; every step of the key is that rule's step."""
    bank = _bank(tmp_path, """
inputs = [[1, -1, -1], [1, 1, -1]]
targets = [-1, 1]
layers = [3, 1]
activation = "identity"
loss = "mse"
learning_rate = 0.2
epochs = 2
batch = 1
weights = [[[0, 0, 0]]]
biases = ["none"]
find = ["w1", "w2", "w3"]
tolerance = { absolute = 0.001 }
""")
    run = solve("own", bank).work
    alpha, W = Fraction(1, 5), [Fraction(0)] * 3
    rows = [([1, -1, -1], -1), ([1, 1, -1], 1)] * 2
    steps = run.by_hand.steps
    assert len(steps) == 4
    for step, (p, t) in zip(steps, rows):
        e = t - sum(w * x for w, x in zip(W, p))
        W = [w + 2 * alpha * e * x for w, x in zip(W, p)]
        assert [sp.Rational(u[-1].value) for _, u in step.updates] == [sp.Rational(w.numerator, w.denominator) for w in W]
    # the exact steps end where the compiled run ends
    assert [float(v) for v in W] == pytest.approx([v for _, v in run.parameters], abs=1e-12)
    text = render(solve("own", bank), "text", detail="brief")
    assert "Step 3: row 1 of the table" in text and "Each step by hand, one row of the table after another:" in text


def test_a_long_or_random_run_is_not_worked_by_hand():
    assert solve("gender-train").work.by_hand is None        # 1000 epochs from a seeded start
