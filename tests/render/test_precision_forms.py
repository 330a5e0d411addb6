"""The precision of a key's forms: a difference quotient's operands rounded to the fewest places that still give
its quotient, the convergence table at the key's precision; values checked against an independent oracle."""

import math
import re

import numpy as np
import pytest

from symnn.problems.solve import solve
from symnn.render import render


def key(problem_id, lang="en", detail="full"):
    return render(solve(problem_id), "text", lang=lang, detail=detail).splitlines()


@pytest.mark.parametrize("lang, line", [
    # seven places of f(1.01), f(0.99): the fewest at which the quotient still rounds to 40.1738 (six give 40.1737)
    ("en", "The estimate at ε = 0.01: D(0.01) = (f(1.01) - f(0.99))/0.02 = (21.4912917 - 20.6878166)/0.02 ≈ 40.1738"),
    ("ru", "Оценка при ε = 0,01: D(0,01) = (f(1,01) - f(0,99))/0,02 = (21,4912917 - 20,6878166)/0,02 ≈ 40,1738"),
])
def test_a_difference_quotient_shows_the_places_its_check_needs(lang, line):
    assert line in key("finite-diff", lang)


def test_the_operands_give_the_quotient_by_hand():
    # oracle: f = 1 + e^(2x + 1) in floating point; the line's numbers, subtracted and divided, round to D(0.01)
    f = lambda x: 1 + math.exp(2 * x + 1)          # noqa: E731
    line = next(line for line in key("finite-diff") if line.startswith("The estimate at"))
    ahead, behind, quotient = (float(n) for n in re.findall(r"\((\d+\.\d+) - (\d+\.\d+)\)/0\.02 ≈ (\d+\.\d+)", line)[0])
    assert round((ahead - behind) / 0.02, 4) == quotient == round((f(1.01) - f(0.99)) / 0.02, 4)
    assert abs(ahead - f(1.01)) < 5e-8 and abs(behind - f(0.99)) < 5e-8


def test_the_convergence_table_rounds_as_the_key():
    # D(ε) to the key's four places; its error to three significant digits, falling like ε² (the ratio ≈ e³·4/3)
    lines = key("finite-diff")
    start = lines.index(next(line for line in lines if line.startswith("ε ")))
    rows = [line.split() for line in lines[start + 2:start + 9]]
    exact = 2 * math.exp(3)
    for row, eps in zip(rows, [0.1, 0.01, 0.001, 0.0001]):
        estimate = (math.exp(2 * (1 + eps) + 1) - math.exp(2 * (1 - eps) + 1)) / (2 * eps)
        assert row[1] == f"{estimate:.4f}"
        assert row[2] == f"{abs(estimate - exact):.2e}".replace("e-0", "·10^-").replace("e-", "·10^-")
    assert np.isclose(float(rows[2][3]), 4 * math.exp(3) / 3, rtol=1e-3)
