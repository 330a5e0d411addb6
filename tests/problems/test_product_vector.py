"""kind = "product" with a flat b: read as NumPy's a @ b reads it, checked against NumPy."""

import numpy as np
import pytest

from symnn.problems.bank import BankError, load_bank
from symnn.problems.solve import answer_value, solve
from symnn.problems.verify import flat


def product_bank(tmp_path, a, b, extra: str = "") -> str:
    (tmp_path / "p.toml").write_text(f'[[problem]]\nid = "p"\nkind = "product"\na = {a}\nb = {b}\n'
                                     f'statement.en = "A product."\n{extra}', encoding="utf-8")
    return str(tmp_path)


# (a, b, the oracle): NumPy's a @ b where it is defined
@pytest.mark.parametrize(("a", "b", "oracle"), [
    # a 2×4 matrix by a flat list of 4: a column vector, A·b
    ([[0, 1, 2, 3], [4, 5, 6, 7]], [0, 1, 2, 3], lambda a, b: a @ b),
    # a 3×2 matrix by a flat list of 2
    ([[1, -2], [0.5, 3], [4, 0]], [2, -1], lambda a, b: a @ b),
    # two flat lists of one length: the dot product
    ([1, 2, 3], [4, 5, 6], lambda a, b: a @ b),
    # a flat a by a matrix: a row times the matrix, as before
    ([1, 2], [[1, 2, 3], [4, 5, 6]], lambda a, b: a @ b),
    # b already written as a column
    ([[0, 1, 2, 3], [4, 5, 6, 7]], [[0], [1], [2], [3]], lambda a, b: a @ b),
    # a column by a flat list that does not fit its one column: a row, the outer product (NumPy refuses a @ b)
    ([[1], [2]], [3, 4], lambda a, b: a @ b[np.newaxis, :]),
])
def test_the_product_is_numpys(tmp_path, a, b, oracle):
    answer = solve(load_bank(product_bank(tmp_path, a, b))["p"]).answer
    expected = np.atleast_1d(oracle(np.array(a, dtype=float), np.array(b, dtype=float))).ravel()
    assert [float(v) for v in flat(answer_value(answer))] == pytest.approx(list(expected))


def test_the_published_length_is_that_of_a_column(tmp_path):
    load_bank(product_bank(tmp_path, [[0, 1, 2, 3], [4, 5, 6, 7]], [0, 1, 2, 3], "published = [14, 38]\n"))
    with pytest.raises(BankError) as raised:
        load_bank(product_bank(tmp_path, [[0, 1, 2, 3], [4, 5, 6, 7]], [0, 1, 2, 3], "published = [14, 38, 0]\n"))
    assert str(raised.value) == ("p.toml: problem p: published: 3 numbers, but the answer has 2 "
                                 "(2 × 1: the rows of a by the columns of b)")


# (a, b, the error naming the field)
@pytest.mark.parametrize(("a", "b", "error"), [
    # a flat list one number short: neither a column nor a row fits
    ([[0, 1, 2, 3], [4, 5, 6, 7]], [0, 1, 2], "b: a 1×3 matrix cannot multiply a, which has 4 columns; "
                                               "b needs 4 rows, or is a flat list of 4 numbers"),
    # rows for a column
    ([[1, 2], [3, 4]], [[1, 2, 3]], "b: a 1×3 matrix cannot multiply a, which has 2 columns; "
                                    "b needs 2 rows, or is a flat list of 2 numbers"),
])
def test_a_b_that_fits_no_reading_is_refused_when_read(tmp_path, a, b, error):
    with pytest.raises(BankError) as raised:
        load_bank(product_bank(tmp_path, a, b))
    assert str(raised.value) == f"p.toml: problem p: {error}"
