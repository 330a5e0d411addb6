"""A least-squares line whose answer the file orders with find (Strang's b = C + Dt answers (C, D)),
against NumPy's least squares."""

import numpy as np
import pytest

from symnn.cli import main
from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import solve

POINTS = [[0, 6], [1, 0], [2, 0]]       # Strang 4.3: b = 6, 0, 0 at t = 0, 1, 2


def strang(tmp_path, extra: str) -> str:
    (tmp_path / "lines.toml").write_text(
        '[[problem]]\nid = "strang"\nkind = "least-squares"\npoints = [[0, 6], [1, 0], [2, 0]]\n'
        'notation = { w = "D", b = "C", y = "b" }\nstatement.en = "Fit b = C + Dt."\n' + extra, encoding="utf-8")
    return str(tmp_path)


def numpy_line() -> dict:
    """The slope w and the intercept b of the least-squares line, by NumPy."""
    t, b = np.array(POINTS, dtype=float).T
    (w, intercept), *_ = np.linalg.lstsq(np.column_stack([t, np.ones_like(t)]), b, rcond=None)
    return {"w": w, "b": intercept}


# (the fields, the answer's names in order)
@pytest.mark.parametrize(("extra", "order"), [
    ("", ["w", "b"]),                                           # no find: the slope, then the intercept
    ('find = ["b", "w"]\n', ["b", "w"]),                        # the book's (C, D)
    ('find = ["b", "w"]\nmethod = "derivatives"\n', ["b", "w"]),    # the same by ∂MSE = 0
    ('find = ["w"]\n', ["w"]),                                  # the slope alone
])
def test_the_answer_is_in_the_order_of_find(tmp_path, extra, order):
    answer = solve(load_bank(strang(tmp_path, extra))["strang"]).answer
    line = numpy_line()
    assert [float(v) for v in answer] == pytest.approx([line[name] for name in order])


def test_the_book_order_verifies_and_is_checked(tmp_path, capsys):
    line = numpy_line()
    published = f"[{line['b']:.0f}, {line['w']:.0f}]"          # (C, D) = (5, -3)
    folder = strang(tmp_path, f'find = ["b", "w"]\npublished = {published}\n')
    assert main(["problems", "--verify", "--bank", folder]) == 0
    assert main(["solve", "strang", "--bank", folder]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Answer: C = 5; D = -3"
    # (the answer, correct?): in find's order, or labelled in any order
    for answer, correct in [("(5, -3)", True), ("(-3, 5)", False), ("D = -3, C = 5", True)]:
        main(["check", "strang", answer, "--bank", folder])
        assert capsys.readouterr().out.startswith("Correct." if correct else "Not correct.")


# (the fields, the error naming the field)
@pytest.mark.parametrize(("extra", "error"), [
    # the statement's names: find uses symnn's, notation renames them
    ('find = ["C", "D"]\n', "find: 'C' is not w (the slope) or b (the intercept); find names them as symnn does, "
                            'and notation renames them (notation = { w = "D", b = "C" })'),
    ('find = ["w", "w"]\n', "find: w and b each once"),
    # published against the length find asks
    ('find = ["b"]\npublished = [5, -3]\n', "published: 2 numbers, but the answer has 1 (one per name of find: b)"),
])
def test_a_wrong_find_is_refused_naming_the_field(tmp_path, extra, error):
    with pytest.raises(BankError) as raised:
        load_bank(strang(tmp_path, extra))
    assert str(raised.value) == f"lines.toml: problem strang: {error}"
