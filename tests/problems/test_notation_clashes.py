"""A notation that would print two quantities by one name is refused when the bank is read, with the file, the
problem and the field; the names a key reads off its statement never take a name another quantity prints."""

from __future__ import annotations

import pytest

from symnn.problems.bank import BankError, Problem, load_bank
from symnn.problems.notation_schema import notation_errors, without_clashes
from symnn.render.statement_names import network_names

NETWORK = {"kind": "network", "layers": [2, 2, 1], "inputs": [1, 1], "targets": [0],
           "weights": [[[1, 1], [1, 1]], [[1, -1.5]]], "find": ["o1"]}


@pytest.mark.parametrize("fields, notation, error", [
    # a textbook's output weights w_1, w_2 beside symnn's own w2, printed w_2 by default
    (NETWORK, {"w1": "W_{11}", "w5": "w_1", "w6": "w_2"}, "notation: w6 and w2 would both be printed w_2"),
    # w_{2} in braces is the same printed name
    (NETWORK, {"w6": "w_{2}"}, "notation: w6 and w2 would both be printed w_2"),
    # the output called y beside the target y of a network with a loss
    ({**NETWORK, "layers": [2, 1], "weights": [[[1, 1]]]}, {"o1": "y"}, "notation: o1 and y would both be printed y"),
    # two names given one letter by the notation itself
    (NETWORK, {"h1": "a", "h2": "a"}, "notation: h1 and h2 would both be printed a"),
    # a derivative whose variable the notation gives the name of another variable of its expr
    ({"kind": "derivative", "expr": "x*y", "wrt": "x"}, {"x": "y"}, "notation: x and y would both be printed y"),
    # a program's variable renamed to the name of another of its variables
    ({"kind": "program", "steps": ["q = x + y", "f = q*z"], "at": "x = 1, y = 2, z = 3"}, {"z": "q"},
     "notation: z and q would both be printed q"),
])
def test_a_notation_printing_two_quantities_alike_is_refused(fields, notation, error):
    assert notation_errors({**fields, "notation": notation}) == [error]


@pytest.mark.parametrize("fields, notation", [
    # w1 renamed away frees w_1 for w5 (the textbook's output weights)
    (NETWORK, {"w1": "W_{11}", "w2": "W_{12}", "w5": "w_1", "w6": "w_2"}),
    # a forward pass has no target: its output may be the statement's y
    ({"kind": "forward", "layers": [3, 2, 1], "at": "x1 = 1"}, {"o1": "y"}),
    # Bishop's swap: the outputs called y, the inputs a (each name printed once)
    ({"kind": "derivative", "expr": "s*y", "wrt": "y"}, {"s": "y", "y": "a"}),
    # a Greek letter written by its LaTeX command is its own name
    ({"kind": "derivative", "expr": "beta0 + x", "wrt": "x"}, {"beta0": r"\beta_{0}"}),
])
def test_a_notation_printing_each_quantity_once_is_kept(fields, notation):
    assert notation_errors({**fields, "notation": notation}) == []


def test_the_error_names_the_file_the_problem_and_the_field(tmp_path):
    (tmp_path / "book.toml").write_text('''
[[problem]]
id = "collision"
kind = "network"
layers = [2, 2, 1]
inputs = [1, 1]
targets = [0]
weights = [[[1, 1], [1, 1]], [[1, -1.5]]]
find = ["o1"]
notation = { w1 = "W_{11}", w5 = "w_1", w6 = "w_2" }
statement.en = "Find $o$."
''', encoding="utf-8")
    with pytest.raises(BankError) as error:
        load_bank(tmp_path)
    assert str(error.value) == "book.toml: problem collision: notation: w6 and w2 would both be printed w_2"


@pytest.mark.parametrize("found, names, notation, kept", [
    # the statement's w_2 would print w2 as the notation's w6: w2 keeps its own name
    ({"w2": "w_2", "b1": "b"}, ["w2", "w6", "b1"], {"w6": "w_2"}, {"b1": "b"}),
    # the output called y by the statement beside a target y
    ({"o1": "y"}, ["o1", "y"], {}, {}),
    # two found names of one form: the first keeps it
    ({"b1": "b", "b2": "b"}, ["b1", "b2"], {}, {"b1": "b"}),
    # nothing else prints w_1: the statement's subscript is kept
    ({"w1": "w_1"}, ["w1", "w2"], {"w2": "v"}, {"w1": "w_1"}),
])
def test_names_read_off_a_statement_never_clash(found, names, notation, kept):
    assert without_clashes(found, names, notation) == kept


def test_a_networks_statement_names_leave_a_name_the_notation_gives():
    # built directly (the bank refuses it): the statement writes w_2 for the textbook's output weight w6
    from symnn.problems.solve import solve
    data = {key: value for key, value in NETWORK.items() if key != "kind"}
    problem = Problem(id="p", kind="network", topic="t", statement={"en": "So $w_2 = -1.5$ and $h_1$: find $o$."},
                      data={**data, "notation": {"w6": "w_2"}})
    names = network_names(problem, solve(problem).work.network)
    assert "w2" not in names and names["h1"] == "h_1"
