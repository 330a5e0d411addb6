"""A file's published values and named choices are checked when it is read, each error naming its field."""

import subprocess
import sys

import pytest
import tomllib

from symnn.problems.answer_schema import LENGTHS, MATRIX_IDENTITIES, OPTIMIZER_SETTINGS, OPTIMIZER_STATE
from symnn.problems.bank import BankError, default_bank_dir, load_bank
from symnn.problems.solve import answer_value, solve

GRADIENT = 'kind = "gradient"\nexpr = "x*y + y^2"\nwrt = "x, y"\nat = "x = 1, y = 2"\n'
PRODUCT = 'kind = "product"\na = [[1, 2], [3, 4], [5, 6]]\nb = [[1], [1]]\n'
CONVOLUTION = 'kind = "convolution"\nimage = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\nkernel = [[1, 0], [0, 1]]\n'
STEP = 'kind = "optimizer-step"\nexpr = "(x^2 + y^2)/2"\nwrt = "x, y"\nat = [1, 2]\n'
COMPARISON = 'kind = "optimizers"\noptimizers = ["gd", "momentum"]\nexpr = "(x^2 + y^2)/2"\nwrt = "x, y"\nat = [1, 2]\n'

# (the problem's fields, the error naming the field)
INVALID = [
    # one number too many for a gradient in two variables
    (GRADIENT + "published = [2, 5, 1]",
     "published: 3 numbers, but the answer has 2 (one per variable of wrt: x, y)"),
    # a 3×1 product written as a 3×2 table
    (PRODUCT + "expected = [[3, 0], [7, 0], [11, 0]]",
     "expected: 6 numbers, but the answer has 3 (3 × 1: the rows of a by the columns of b)"),
    # the right numbers as a row where the product is a column
    (PRODUCT + "published = [[3, 7, 11]]",
     "published: 1 row of 3, but the answer is 3 × 1 (the rows of a by the columns of b)"),
    ('kind = "jacobian"\nfunctions = ["x*y", "x + y"]\nwrt = "x, y"\npublished = [[1, 2, 3], [4]]',
     "published: 2 rows of 1 and 3, but the answer is 2 × 2 (one row per function, one column per variable of wrt)"),
    # a single number where the answer is a 2×2 map
    (CONVOLUTION + "published = 12",
     "published: 1 number, but the answer has 4 (2 × 2: the image's size less the kernel's, plus one)"),
    # the graph's output forgotten: f, then ∂f/∂x and ∂f/∂w
    ('kind = "graph"\nexpr = "x*w"\nat = "x = 2, w = 3"\npublished = [3, 2]',
     "published: 2 numbers, but the answer has 3 (the output, then one derivative per variable of at: x, w)"),
    # a learning rate under PyTorch's name
    (STEP + 'optimizer = "momentum"\nsettings = { lr = 0.1 }',
     "settings: momentum has no setting lr; use eta, alpha"),
    # Adam's state is h and G
    (STEP + 'optimizer = "adam"\nstate = { m = [0, 0], G = [0, 0] }',
     "state: adam keeps no state m; use h, G"),
    # plain gradient descent keeps nothing from step to step
    (STEP + 'optimizer = "gd"\nstate = { h = [1, 1] }',
     "state: gd keeps no state h; it has none"),
    (STEP + 'optimizer = "adamw"',
     "optimizer: unknown optimizer 'adamw'; use one of " + ", ".join(OPTIMIZER_SETTINGS) + ", or newton"),
    # settings of an optimizer the comparison does not run
    (COMPARISON + "settings = { adam = { eta = 0.1 } }",
     "settings: adam is not one of the problem's optimizers (gd, momentum)"),
    (COMPARISON + "settings = { momentum = { beta = 0.9 } }",
     "settings.momentum: momentum has no setting beta; use eta, alpha"),
    ('kind = "matrix-identity"\nidentity = "xTAx"',
     "identity: unknown identity 'xTAx'; use one of half-norm, linear-regression, two-layer, "
     "two-layer-w2, dense-layer, dense-backward, quadratic-form, symmetric-quadratic-form"),
]


def _bank(tmp_path, fields: str):
    (tmp_path / "mine.toml").write_text(f'[[problem]]\nid = "p1"\nstatement.en = "…"\n{fields}\n', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("fields", "error"), INVALID)
def test_an_invalid_file_is_refused_naming_the_field(tmp_path, fields, error):
    with pytest.raises(BankError) as refused:
        load_bank(_bank(tmp_path, fields))
    assert str(refused.value) == f"mine.toml: problem p1: {error}"


@pytest.mark.parametrize("fields", [
    GRADIENT + "published = [2, 5]",                             # as many numbers as variables
    GRADIENT + 'published = "(y, x + 2y)"',                      # a formula as text is not counted
    PRODUCT + "published = [[3], [7], [11]]",
    CONVOLUTION + "expected = [6, 8, 12, 14]",                   # a 2×2 map written flat
    'kind = "derivative"\nexpr = "x^3"\nwrt = "x"\nat = "x = 2"\npublished = 12',
    STEP + 'optimizer = "adam"\nsettings = { eta = 0.1, beta_1 = 0.9 }\nstate = { h = [0, 0], G = [0, 0] }',
    COMPARISON + "settings = { momentum = { alpha = 0.5 } }",
    'kind = "matrix-identity"\nidentity = "half-norm"',
])
def test_a_valid_file_is_read(tmp_path, fields):
    assert list(load_bank(_bank(tmp_path, fields))) == ["p1"]


def test_the_name_tables_are_the_tables_of_the_optimizers_and_the_matrix_form():
    from symnn.nn.matrix_form import SPECS
    from symnn.nn.optimizers import OPTIMIZERS, STATE_NAMES
    assert OPTIMIZER_SETTINGS == {name: tuple(str(s) for s in o.defaults) for name, o in OPTIMIZERS.items()}
    assert OPTIMIZER_STATE == {name: tuple(STATE_NAMES[old] for old, _ in o.state)
                               for name, o in OPTIMIZERS.items() if o.state}
    assert MATRIX_IDENTITIES == tuple(SPECS)


def _numbers(value) -> int:
    return sum(_numbers(v) for v in value) if isinstance(value, list) else 1


def test_the_length_said_by_the_file_is_the_length_of_the_derived_answer():
    # the solver is the oracle: every bank problem of a kind whose answer's size the file says
    checked = 0
    for path in sorted(default_bank_dir().glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8"))["problem"]:
            if entry["kind"] not in LENGTHS or (entry["kind"] == "derivative" and "at" not in entry):
                continue
            assert LENGTHS[entry["kind"]](entry)[0] == _numbers(answer_value(solve(str(entry["id"])).answer)), entry["id"]
            checked += 1
    assert checked >= 40


def test_the_checks_need_no_sympy():
    code = ("import sys; from symnn.problems.bank import load_bank; load_bank(); "
            "print('sympy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
