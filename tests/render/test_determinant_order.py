"""A 2×2 Jacobian's determinant is written as books write it, det J = J₁₁J₂₂ − J₁₂J₂₁, the entries in that
order, whatever row has a zero (the expansion by cofactors would go along it and write J₂₂·J₁₁); its value is
SymPy's determinant."""

from __future__ import annotations

import pytest
import sympy as sp

from symnn import render
from symnn.problems.solve import solve

CASES = {    # id: (functions, the determinant line of the brief text key)
    # the second row has the zero: still J₁₁J₂₂ first, 0 written where it stands
    "zero-below": (("x*y", "3*x"), "det J = J_11·J_22 - J_12·J_21 = y·0 - x·3 = -3x"),
    # the first row has the zero
    "zero-above": (("x^2", "x*y + y"), "det J = J_11·J_22 - J_12·J_21 = (2x)·(x + 1) - 0·y = 2x·(x + 1)"),
}


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("det")
    problems = "".join(f'[[problem]]\nid = "{name}"\nkind = "jacobian"\nfunctions = {list(functions)!r}\nwrt = "x, y"\n'
                       f'find = "determinant"\nstatement.en = "Find det J."\nstatement.ru = "Найдите det J."\n\n'
                       for name, (functions, _) in CASES.items()).replace("'", '"')
    (folder / "det.toml").write_text("title.en = 'Det'\ntitle.ru = 'Det'\n\n" + problems, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", CASES)
def test_the_determinant_reads_in_the_natural_order(bank, name):
    key = render(solve(name, bank), "text", lang="en", detail="brief").splitlines()
    assert CASES[name][1] in key, key
    ru = render(solve(name, bank), "text", lang="ru", detail="brief").splitlines()
    assert CASES[name][1] in ru, ru


@pytest.mark.parametrize("name", CASES)
def test_the_value_is_sympys_determinant(bank, name):
    x, y = sp.symbols("x y")
    functions = [sp.sympify(f.replace("^", "**")) for f in CASES[name][0]]
    expected = sp.Matrix(functions).jacobian([x, y]).det()
    got = solve(name, bank).answer
    assert sp.simplify(got.xreplace({s: sp.Symbol(s.name) for s in got.free_symbols}) - expected) == 0
