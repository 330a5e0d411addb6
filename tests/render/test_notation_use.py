"""A name of a problem's notation table that its key never uses is said, not ignored: a misspelt name
would leave symnn's own letter in the key where the statement writes another."""

from __future__ import annotations

from dataclasses import replace

import pytest

from symnn.cli import main
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render.notation_use import unused_notation

NEWTON = load_bank()["hagan-newton"]


def with_notation(problem, **names):
    return replace(problem, data={**problem.data, "notation": {**problem.data.get("notation", {}), **names}})


@pytest.mark.parametrize("names, unused", [
    ({}, []),                              # the bank's own table: every name is in the key
    ({"h": "H"}, ["h"]),                   # Newton's key has no h (its step is x_{k+1} = x_k − A⁻¹g)
    ({"x1": "u", "X1": "v"}, ["X1"]),      # x1 is a coordinate of the key; X1 a misspelling of it
])
def test_the_names_no_printing_of_the_key_uses(names, unused):
    assert unused_notation(solve(with_notation(NEWTON, **names))) == unused


@pytest.mark.parametrize("lang, sentence", [
    ("en", "The notation of mine names h, which its key does not have: check the spelling"),
    ("ru", "В обозначениях задачи mine есть h, а в её решении таких имён нет: проверьте написание"),
])
# (the shipped bank has no unused name: tests/problems/test_verify.py runs `symnn problems --verify` on it)
def test_verify_fails_on_a_name_the_key_does_not_have(tmp_path, capsys, lang, sentence):
    (tmp_path / "mine.toml").write_text(
        "[[problem]]\nid = 'mine'\nkind = 'derivative'\nexpr = 'x^2'\nwrt = 'x'\nnotation = { f = 'F', h = 'H' }\n"
        "statement.en = 'Differentiate $F = x^2$.'\nstatement.ru = 'Найдите производную $F = x^2$.'\n", encoding="utf-8")
    assert main(["problems", "--verify", "--bank", str(tmp_path), "--lang", lang]) == 1
    assert sentence in capsys.readouterr().out
