"""The symnn command: outputs, the JSON contract, and one-line errors with exit code 2."""

import json
import subprocess
import sys

import pytest

from symnn.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_solve_json_contract(capsys):
    code, out, _ = run(capsys, "solve", "4.3", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["id"] == "4.3" and data["value"] == [60, -162, 1]
    assert data["answer"] == "[60, -162, 1]" and data["answer_latex"]


@pytest.mark.parametrize("problem_id, value", [("4.4", [1, 1, 0]), ("4.5", [1, 2]), ("4.6", [10, 45])])
def test_solve_values(capsys, problem_id, value):
    _, out, _ = run(capsys, "solve", problem_id, "--format", "json", "--lang", "ru")
    assert json.loads(out)["value"] == value


def test_problems_lists_the_bank(capsys):
    code, out, _ = run(capsys, "problems")
    ids = [line.split()[0] for line in out.splitlines()]
    assert code == 0 and {"4.3", "4.4", "4.5", "4.6", "graph-exp", "backprop-w1"} <= set(ids)


def test_diff_with_order_and_point(capsys):
    code, out, _ = run(capsys, "diff", "x^3", "--wrt", "x", "--order", "2", "--at", "x=2")
    assert code == 0
    assert out.splitlines()[0] == "Derivative: d^2/dx^2(x^3) = 6x"
    assert out.splitlines()[-1] == "At the point x = 2: d^2/dx^2(x^3) = 6·2 = 12"


def test_grad_exact_arithmetic(capsys):
    _, out, _ = run(capsys, "grad", "5x^3 + 3/y^2 + sin(z)", "--wrt", "x,y,z", "--at", "x=2,y=1/3,z=0",
                    "--format", "json")
    assert json.loads(out)["value"] == [60, -162, 1]


@pytest.mark.parametrize("format", ["text", "latex", "md", "html", "json"])
def test_every_format(capsys, format):
    code, out, _ = run(capsys, "diff", "sigmoid(w*x+b)", "--wrt", "w", "--format", format, "--detail", "brief")
    assert code == 0 and out.strip()


# (arguments, words of the one-line error)
ERRORS = [
    (["diff", "x^2 +* 3", "--wrt", "x"], "two operators in a row"),
    (["diff", "__import__('os').system('echo hacked')", "--wrt", "x"], "not a variable name"),
    (["diff", "x", "--wrt", "sin"], "not a variable name"),
    (["diff", "x", "--wrt", "x", "--order", "0"], "order"),
    (["grad", "x*y", "--at", "x=1"], "no value for y"),
    (["grad", "x*y", "--at", "x=1,y=z"], "not a number"),
    (["solve", "nope"], "no problem 'nope'"),
    (["check", "--reference", "x +* 2", "x"], "two operators in a row"),          # a bad reference is a usage error
    (["solve", "4.3", "--bank", "/nonexistent-folder"], "no problem bank"),
]


@pytest.mark.parametrize("argv, message", ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_errors_are_one_line_with_exit_code_2(argv, message):
    done = subprocess.run([sys.executable, "-m", "symnn", *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert message in done.stderr


def test_usage_error_exit_code_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", "x"])   # --wrt is required
    assert exit_info.value.code == 2


def test_train_gender_from_the_command_line(capsys):
    code, out, _ = run(capsys, "train", "gender", "--seed", "0", "--no-progress", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["epochs"] == 1000 and len(data["history"]) == 1000
    assert data["predictions"]["female"] > 0.9 and data["predictions"]["male"] < 0.1


def test_train_shows_a_progress_bar_unless_asked_not_to(capsys):
    code, out, err = run(capsys, "train", "xor", "--epochs", "5")
    assert code == 0 and "xor" in err and "XOR" in out


@pytest.mark.parametrize("argv, message", [
    (["train", "xor", "--set", "beta=0.9"], "no hyperparameter beta"),
    (["train", "xor", "--set", "eta=fast"], "NAME=NUMBER"),
    (["train", "xor", "--epochs", "0"], "at least 1"),
    (["train", "xor", "--batch", "0"], "at least 1 observation"),
    (["gradcheck", "--layers", "2,x,1"], "layer sizes"),
])
def test_training_usage_errors(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err


def test_one_optimizer_step_from_the_command_line(capsys):
    code, out, _ = run(capsys, "step", "momentum", "(x^2 + y^2)/2", "--at", "x=1,y=2", "--state", "h=1;1",
                       "--format", "json")
    assert code == 0 and json.loads(out)["result"] == [0, 0.9]     # h = 0.9 + 0.1·g: (1, 1.1)


def test_compile_shows_the_generated_code(capsys):
    code, out, _ = run(capsys, "compile", "--layers", "2,2,1")
    assert code == 0 and "# h1" in out and "∂L/∂z_o1" in out
    code, out, _ = run(capsys, "compile", "log(1 + exp(-x*w))", "--wrt", "w")
    assert code == 0 and out.startswith("def _lambdifygenerated(w, x):") and "softplus" in out


def test_gradcheck_and_scaling_from_the_command_line(capsys):
    code, out, _ = run(capsys, "gradcheck", "--layers", "3,4,3", "--output", "softmax", "--loss", "ce", "--dense",
                       "--format", "json")
    assert code == 0 and json.loads(out)["verdict"] == "good"
    code, out, _ = run(capsys, "scaling", "--format", "json")
    steps = [row["steps"] for row in json.loads(out)["rows"]]
    assert code == 0 and steps[0] > 1000 * steps[2]


def test_digits_without_scikit_learn_is_a_one_line_error(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)          # as if the extra were not installed
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    code, _, err = run(capsys, "train", "digits", "--no-progress")
    assert code == 2 and 'pip install "symnn[digits]"' in err


@pytest.mark.parametrize("argv, limit", [
    (["diff", "x^2", "--wrt", "x", "--order", "20"], "--order must be between 1 and 10"),
    (["grad", "+".join(f"x{i}" for i in range(30)), "--at", "x0=1"], "number of variables must be between 1 and 20"),
    (["train", "xor", "--epochs", "1000000000"], "--epochs is at most 100000"),
    (["compile", "--layers", "200,200,1"], "layer size must be between 1 and 64"),
    (["compile", "--layers", "32,32,1"], "at most 300"),
    (["gradcheck", "--layers", "64,64,64"], "at most 300"),
    (["step", "adam", "x^2", "--at", "x=1", "--t", "100000000"], "--t must be between 1 and 1000"),
    (["check", "4.3", "(60, -162, 1)", "--timeout", "nan"], "timeout must be between"),
    (["check", "4.3", "(60, -162, 1)", "--timeout", "0"], "timeout must be between"),
])
def test_every_command_bounds_its_work_and_names_the_limit(capsys, argv, limit):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert limit in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [
    ["check", "--reference", "-x", "-x"],            # a value that starts with a minus, for an option
    ["check", "--reference=-x", "-x"],               # the same, joined
    ["check", "--reference", "-x", "--", "-x"],      # the usual escape still works
])
def test_values_that_start_with_a_minus(capsys, argv):
    assert main([argv[0], "--format", "json", *argv[1:]]) == 0
    assert json.loads(capsys.readouterr().out)["correct"] is True


def test_help_and_problems_start_without_sympy():
    code = ("import sys; from symnn.cli import main; main(['problems']); "
            "print('sympy' in sys.modules, 'numpy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "False False"
