"""The notation tables cover what the course writes: every LaTeX command and environment of the
bank's statements and of symnn's own LaTeX output is in the tables, and an answer typed by
copying symnn's own LaTeX of a bank answer reads back as right."""

import json
import re

import pytest

from symnn.answers.check import check_bank_answer
from symnn.answers.latex import latex_to_text
from symnn.answers.macros import ENVIRONMENTS, MACROS
from symnn.answers.read import MAX_LENGTH
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render import render

MATH = re.compile(r"\$([^$]+)\$|\\begin\{align\*\}(.*?)\\end\{align\*\}|\\\[(.*?)\\\]", re.S)
TRAINING = {"xor-lab", "gender-train"}       # trained, not derived: their answers come from a run
TOO_LONG = {"delta-rule"}     # 21 exact values (σ of σ, multiplied out): longer than an answer may be


def _without_phantoms(latex: str) -> str:
    """``latex`` without the groups of \\hphantom{…} (a key's widest label, kept as a width): the reader refuses a
    hiding macro whole, with its message, before it reads what is inside."""
    while (start := latex.find("\\hphantom{")) >= 0:
        depth, end = 0, start + len("\\hphantom")
        for end in range(end, len(latex)):
            depth += {"{": 1, "}": -1}.get(latex[end], 0)
            if depth == 0:
                break
        latex = latex[:start] + " " + latex[end + 1:]
    return latex


def _commands(latex: str) -> tuple[set, set]:
    commands = set(re.findall(r"\\([A-Za-z]+)", latex)) - {"begin", "end"}
    environments = set(re.findall(r"\\begin\{(\w+\*?)\}", latex))
    return commands, environments


@pytest.mark.parametrize("problem", sorted(load_bank()))
def test_every_command_of_a_statement_is_in_the_tables(problem):
    for lang, statement in load_bank()[problem].statement.items():
        for formula in MATH.findall(statement):
            commands, environments = _commands(next(part for part in formula if part))
            assert commands <= set(MACROS), (problem, lang, commands - set(MACROS))
            assert environments <= set(ENVIRONMENTS), (problem, lang, environments)


@pytest.mark.parametrize("problem", sorted(set(load_bank()) - TRAINING))
def test_every_command_of_symnns_own_latex_is_in_the_tables(problem):
    solution = solve(problem)
    for lang in ("en", "ru"):
        for formula in MATH.findall(render(solution, "latex", lang=lang)):
            body = _without_phantoms(next(part for part in formula if part))
            body = re.sub(r"\\\\", " ", body)     # line breaks of align*
            body = re.sub(r"\\text\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}", " ", body)   # a rule's words (prose) in a display
            commands, environments = _commands(body)
            assert commands <= set(MACROS), (problem, lang, commands - set(MACROS))
            assert environments <= set(ENVIRONMENTS), (problem, lang, environments)


@pytest.mark.parametrize("problem", sorted(set(load_bank()) - TRAINING))
def test_symnns_latex_of_an_answer_reads_back(problem):
    typed = json.loads(render(solve(problem), "json"))["answer_latex"]
    verdict = check_bank_answer(problem, typed, timeout=10)
    if problem in TOO_LONG:           # refused for its length alone, and said so
        assert len(typed) > MAX_LENGTH and verdict.decided_by == "unreadable" and "too long" in verdict.feedback[0]
        return
    assert verdict.correct, (problem, typed, verdict.feedback)


def test_every_table_entry_reads():
    """Each command of the tables is read by the reader, not refused (except those that must be)."""
    for name, macro in MACROS.items():
        if macro.kind in ("hiding",) or name in ("\\",):
            continue
        argument = "{y}" * macro.arguments.count("{")
        example = {"fraction": r"\frac{1}{2}", "root": r"\sqrt{2}", "big operator": rf"\{name}_{{i=1}}^{{2}} x_i",
                   "blackboard": r"\mathbb{1}_{x>0}", "drop": rf"\{name} x"}.get(macro.kind, rf"\{name}{argument}")
        latex_to_text(example)
