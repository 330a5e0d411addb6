"""A statement a teacher hands out holds every number its key uses: the image a convolution is taken
of, and the start a training run begins from (the seed's N(0, 1) draws, rounded to the places the
statement writes, and the run starts from exactly those)."""

from __future__ import annotations

import numpy as np
import pytest

from symnn import render
from symnn.problems.bank import get_problem, load_bank
from symnn.problems.data_training import START_PLACES
from symnn.problems.solve import solve

NAMES = ["w_1", "w_2", "b_1", "w_3", "w_4", "b_2", "w_5", "w_6", "b_3"]     # the 2-2-1 network's, in its order


def pmatrix(rows) -> str:
    return r"\begin{pmatrix} " + r" \\ ".join(" & ".join(str(v) for v in row) for row in rows) + r" \end{pmatrix}"


@pytest.mark.parametrize("problem_id", [p.id for p in load_bank().values() if p.kind == "convolution"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_convolution_statement_shows_its_image_and_kernel(problem_id, lang):
    problem = get_problem(problem_id)
    statement = problem.statement[lang]
    assert f"$I = {pmatrix(problem.data['image'])}$" in statement
    assert f"$K = {pmatrix(problem.data['kernel'])}$" in statement


def _draws(seed: int, count: int) -> list[float]:
    """The oracle: NumPy's generator, one normal draw per parameter, rounded to the statement's places."""
    rng = np.random.default_rng(seed)
    return [round(float(rng.normal()), START_PLACES) for _ in range(count)]


@pytest.mark.parametrize("problem_id", ["xor-lab", "xor-lab-loop", "gender-train"])
def test_a_training_statement_gives_the_start_the_key_uses(problem_id):
    problem = get_problem(problem_id)
    run = solve(problem).work
    start = run.start if isinstance(run.start, dict) else {str(p): v for p, v in run.start}
    expected = _draws(problem.data.get("seed", 0), len(NAMES))
    assert list(start.values()) == expected                   # the run starts from the rounded draws
    for lang in ("en", "ru"):
        for name, value in zip(NAMES, expected):
            assert f"${name} = {value:g}$" in problem.statement[lang], (lang, name)


def test_the_key_tables_the_start_and_the_trained_weights():
    text = render(solve("gender-train"), "text", lang="en").splitlines()
    assert "The weights and biases at the start and after the last epoch:" in text
    assert "w_5        1.304         3.2483" in text
    # the start is the table's (and the statement's) values, drawn once: never "random" as if drawn anew
    assert ("The weights and biases start from the values in the table at the end: numbers drawn once from the "
            "standard normal distribution N(0, 1) and rounded to 4 decimal places.") in text


def _written(value) -> list[str]:
    """How a statement may write an array it gives: as NumPy code, a tuple, or a pmatrix."""
    if isinstance(value, str):          # NumPy code; np.array(11), a scalar, may be written as its number
        return [value] + ([value[len("np.array("):-1]] if value.startswith("np.array(") and "[" not in value else [])
    code = f"np.array({value})"
    if value and isinstance(value[0], list):
        return [code, pmatrix(value)]
    return [code, "(" + ", ".join(str(v) for v in value) + ")"]


@pytest.mark.parametrize("problem_id", [p.id for p in load_bank().values() if p.kind == "array"])   # tensors.toml
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_array_statement_gives_every_array_its_key_shows(problem_id, lang):
    # the key lists each given array with its entries (`m`: [1 2; 3 4]): the statement must give them, not the
    # shape alone (tensor-ranks' 2 × 2 matrix m had no entries; flatten-parameters' W and b no values)
    problem = get_problem(problem_id)
    statement = problem.statement[lang]
    for name, value in (problem.data.get("arrays") or {}).items():
        assert any(f"{named} = {form}" in statement for form in _written(value)
                   for named in (name, rf"\mathrm{{{name}}}")), (name, value)
