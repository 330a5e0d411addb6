"""Markdown read by a real CommonMark parser (markdown-it-py, with GitHub's tables and the ``$…$``
math of Jupyter and MyST): every answer key and worksheet of the bank, in English and in Russian,
has the structure it was written with — paragraphs and headings outside list items, every
formula intact, no equals sign left between two formulas, no escape shown as a backslash."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from symnn.export.worksheets import answer_key, worksheet
from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render.markdown import MarkdownPrinter, keep_together

PARSER = MarkdownIt("commonmark").enable("table").use(dollarmath_plugin, double_inline=True)
# a formula as written in the source: $…$ (or $$…$$) with no unescaped $ inside
FORMULA = re.compile(r"(?<!\\)(\$\$?)((?:[^$\\]|\\.)+)(?<!\\)\1")
TOP_LEVEL = ("paragraph_open", "heading_open", "table_open", "hr", "math_block")
MATH = ("math_inline", "math_inline_double", "math_block")


def _topics() -> dict[str, list]:
    topics: dict[str, list] = {}
    for problem in load_bank().values():
        topics.setdefault(problem.topic, []).append(problem)
    return topics


TOPICS = _topics()


@pytest.fixture(scope="module")
def solutions():
    return {topic: [solve(p) for p in problems] for topic, problems in TOPICS.items()}


def structure_problems(text: str) -> list[str]:
    """What a CommonMark reader sees differently from what the text was written to be."""
    wrong, formulas, top_level_lines, depth = [], [], set(), 0
    for token in PARSER.parse(text):
        depth += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        if token.type in TOP_LEVEL and token.map and depth == 0:
            top_level_lines.add(token.map[0])
        if token.type == "math_block":
            formulas.append(token.content.strip())
        children = token.children or []
        for k, child in enumerate(children):
            if child.type in MATH:
                formulas.append(child.content)
            elif child.type == "text":
                if "$" in child.content or "\\" in child.content:
                    wrong.append(f"markup shown as text: {child.content!r}")
                beside = {children[j].type for j in (k - 1, k + 1) if 0 <= j < len(children)}
                if beside & set(MATH) and re.fullmatch(r"\s*[=≈·+]\s*", child.content):
                    wrong.append(f"{child.content.strip()!r} between two formulas, outside them")
    written = [m[2] for m in FORMULA.finditer(text)]
    if formulas != written:
        lost = [f for f in written if f not in formulas][:3]
        wrong.append(f"{len(written)} formulas written, {len(formulas)} read as math; e.g. not read: {lost}")
    for number, line in enumerate(text.split("\n")):
        starts_block = line and not line[0].isspace() and not line.startswith(("- ", "|", "---"))
        if starts_block and number not in top_level_lines:
            wrong.append(f"line {number + 1} is read inside a list item: {line[:70]!r}")
    return wrong


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_answer_keys_keep_their_structure(solutions, topic, lang):
    text = answer_key(solutions[topic], "md", lang, topic)
    assert structure_problems(text) == []


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_worksheets_keep_their_structure(topic, lang):
    text = worksheet(TOPICS[topic], "md", lang, topic)
    assert structure_problems(text) == []
    headings = [t for t in PARSER.parse(text) if t.type == "heading_open"]
    assert len(headings) == 1 + len(TOPICS[topic])       # the sheet's title and one per problem


def test_the_checker_sees_a_heading_swallowed_by_a_list_item():
    swallowed = "- **1. Power rule.**\n  - $x^2$\n**Partial derivative with respect to $y$**\n"
    assert structure_problems(swallowed) == [
        "line 3 is read inside a list item: '**Partial derivative with respect to $y$**'"]


def test_the_checker_sees_an_equals_sign_between_formulas_and_a_broken_formula():
    assert structure_problems("$a$ = $b$\n") == ["'=' between two formulas, outside them"]
    assert structure_problems("| f |\n|---|\n| $\\left|x\\right|$ |\n") == [
        "markup shown as text: '$\\\\left'", "1 formulas written, 0 read as math; e.g. not read: ['\\\\left|x\\\\right|']"]


def test_a_formula_alone_on_its_line_is_displayed():
    printer = MarkdownPrinter()
    assert printer.line(2, "$x = 1$") == "  $$x = 1$$"             # inside the item of depth 1 above it
    assert printer.line(0, "$x$ = $1$") == "$$x = 1$$\n"
    assert printer.line(1, "So $x = 1$") == "- So $x = 1$"
    text = printer.join(["**Power rule.**", printer.line(1, "$x^{3}$"), printer.line(1, "**1. Step.**"),
                         printer.line(2, "$3 x^{2}$"), printer.line(1, "So $x$")])
    # every step of depth 1 an item, a formula alone too (displayed inside it): no step a display between lists
    assert text == "**Power rule.**\n\n- $$x^{3}$$\n- **1. Step.**\n  $$3 x^{2}$$\n- So $x$\n"
    tokens = PARSER.parse(text)
    assert [t.type for t in tokens][3:6] == ["bullet_list_open", "list_item_open", "math_block"]
    item = [t for t in tokens if t.type == "inline"][1]
    assert [c.type for c in item.children][-1] == "math_inline_double" and structure_problems(text) == []


def test_a_paragraph_after_a_list_stands_apart():
    lines = ["- **1. Power rule.**", "  - $x^2$", "**Partial derivative with respect to $y$**", "",
             "$\\nabla f = (1, 2)$", "", "| a |", "|---|", "| 1 |", "**Answer:** $1$"]
    assert MarkdownPrinter().join(lines) == (
        "- **1. Power rule.**\n  - $x^2$\n\n**Partial derivative with respect to $y$**\n\n"
        "$\\nabla f = (1, 2)$\n\n| a |\n|---|\n| 1 |\n\n**Answer:** $1$\n")


@pytest.mark.parametrize("text, joined", [
    (r"$\frac{\partial L}{\partial w}$ = $2 w$", r"$\frac{\partial L}{\partial w} = 2 w$"),
    (r"$a$ · $b$ · $c$ = $d$", r"$a \cdot b \cdot c = d$"),
    (r"$\sigma\left(9\right)$ $\approx 0.9999$", r"$\sigma\left(9\right) \approx 0.9999$"),
    (r"$x$ and $y$", r"$x$ and $y$"),                           # words between: two formulas
    (r"costs \$5 = $x$", r"costs \$5 = $x$"),                    # an escaped dollar is prose
])
def test_formulas_joined_in_prose_become_one(text, joined):
    assert keep_together(text) == joined


def test_a_bar_in_a_table_cell_cannot_split_the_cell():
    header, rule, row, _ = MarkdownPrinter().table(["f"], [[r"$\frac{x}{\left|x\right| + 1}$ and $|w|$"]])[1:]
    assert row == r"| $\frac{x}{\left\vert x\right\vert + 1}$ and $\vert w\vert$ |"


def test_prose_escapes_only_what_commonmark_reads_as_markup():
    assert MarkdownPrinter().escape("w_(t-1) * 2 <b> $5 [1, 2] a|b") == r"w\_(t-1) \* 2 \<b\> \$5 [1, 2] a\|b"
