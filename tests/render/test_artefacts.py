"""No artefact of the implementation in anything symnn writes for a teacher.

Every bank problem is solved once and printed in every document format and language,
brief and in full; the printed text is scanned for Python and SymPy syntax, internal
ids, and (in Russian) English words outside formulas.
"""

from __future__ import annotations

import functools
import re

import pytest

from symnn.problems.bank import load_bank
from symnn.problems.solve import solve
from symnn.render import PRINTERS, render

FORMATS = ("text", "latex", "md", "html")

# Python and SymPy spelled out: each pattern with why a reader must never see it
SYNTAX = {
    r"(?<!\*)\*\*(?!\*)": "a Python power",
    r"\bAbs\(": "SymPy's Abs",
    r"\b(True|False)\b": "a Python boolean",
    r"(?<![\\\w])lambda\b": "λ spelled as a Python keyword",
    r"[^\s,(]\s*,\s*\)|,\s*\\right\)": "a one-element Python tuple",   # (σ(9), ), (True,), \left(a,\right); not ( ,  , )
    r"\bPiecewise\(|\bHeaviside\(": "a SymPy class name",
    r"\bsqrt\(": "sqrt( instead of √",
    r"\b\d+\.\d{11,}": "a float with all its digits (a problem may ask for 9 places)",
    r"\bseed\b|\b\d+\.\d+ ?s\b": "a seed or a wall-clock time",
    r"\\textasciicircum|\\_": "a formula typed as text in LaTeX prose (a caret, an underscore)",
}
# Latin words a Russian page may keep: names of methods and functions, and units of notation
RUSSIAN_KEEPS = {"adam", "rmsprop", "adagrad", "softmax", "softsign", "relu", "elu", "isru", "prelu", "rrelu",
                 "leaky", "softplus", "numpy", "mse", "mae", "rmse", "xor", "sgd", "kingma", "ba", "dog", "cat",
                 "leaky", "python", "tanh", "sigmoid", "pred", "out", "in", "grad", "hid", "max", "min",
                 "pytorch", "arctg", "symnn", "float", "one", "hot", "sgn", "prev", "bce", "mape", "svm",
                 "broadcasting"}   # NumPy's term, named beside Транслирование once a key


@functools.cache
def _solutions():
    return {problem_id: solve(problem_id) for problem_id in load_bank()}


@functools.cache
def _rendered(problem_id: str, format: str, lang: str, detail: str) -> str:
    """Each page printed once for all the scans of this module."""
    return render(_solutions()[problem_id], format, lang=lang, detail=detail)


def _without_code(text: str) -> str:
    """Program text (NumPy code the course teaches) is shown as code on purpose: left out of the scan."""
    text = re.sub(r"\\texttt\{(?:[^{}]|\{[^{}]*\})*\}", " ", text)
    return re.sub(r"`[^`]*`|<code>.*?</code>", " ", text, flags=re.S)


def _prose(text: str, format: str) -> str:
    """The words outside formulas: LaTeX math and MathML removed, tags and commands dropped."""
    text = re.sub(r"\\begin\{(align\*|equation\*|gather\*)\}.*?\\end\{\1\}", " ", text, flags=re.S)
    text = re.sub(r"(?<!\\)\$\$.*?(?<!\\)\$\$|(?<!\\)\$.*?(?<!\\)\$", " ", text, flags=re.S)
    text = re.sub(r"<math.*?</math>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\\(begin|end)\{\w+\}(\{\w+\})?", " ", text)
    text = re.sub(r"\\[a-zA-Z]+", " ", text)
    return text


@pytest.mark.parametrize("detail", ["brief", "full"])
@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("format", FORMATS)
def test_no_python_or_sympy_in_any_output(format, lang, detail):
    found = []
    ids = set(load_bank())
    for problem_id, solution in _solutions().items():
        text = _without_code(_rendered(problem_id, format, lang, detail))
        # the statement is the course's own text (its vectors may be in brackets): not ours to judge
        text = text.replace(PRINTERS[format](lang=lang).rich_text(solution.problem.text(lang)), "")
        if format == "md":            # Markdown's bold is **, not a power
            text = re.sub(r"\*\*([^*\n]+)\*\*", r"\1", text)
        for pattern, why in SYNTAX.items():
            for match in re.finditer(pattern, text):
                found.append((problem_id, why, text[max(0, match.start() - 40):match.end() + 20]))
        if format in ("text", "md"):       # plain text has no LaTeX; Markdown has it between dollars only
            outside = re.sub(r"(?<!\\)\$\$.*?(?<!\\)\$\$|(?<!\\)\$.*?(?<!\\)\$", " ", text, flags=re.S)
            for match in re.finditer(r"\\[a-zA-Z]+", outside if format == "md" else text):
                found.append((problem_id, "a LaTeX command outside math", text[max(0, match.start() - 40):match.end() + 20]))
        prose = _prose(text, format)
        for match in re.finditer(r"\[\[?-?\d[\d.]*(, -?[\d.]+)+\]", prose):
            found.append((problem_id, "a Python list", prose[max(0, match.start() - 40):match.end() + 20]))
        for other in ids:       # an internal id (a slug with a hyphen) in the words of the page
            if "-" in other and re.search(rf"(?<![\w-]){re.escape(other)}(?![\w-])", prose):
                found.append((problem_id, "an internal id", other))
    assert not found, "\n".join(map(str, found[:30]))


@pytest.mark.parametrize("format", ["latex", "md", "html"])
def test_russian_output_has_no_english_words(format):
    found = []
    for problem_id in _solutions():
        prose = _prose(_without_code(_rendered(problem_id, format, "ru", "brief")), format)
        for word in re.findall(r"[A-Za-z]{3,}", prose):
            if word.lower() not in RUSSIAN_KEEPS:
                found.append((problem_id, word))
    assert not found, sorted(set(found))[:60]


@pytest.mark.parametrize("format", ["latex", "md"])
def test_russian_numbers_have_a_decimal_comma(format):
    found = []
    for problem_id in _solutions():
        text = _without_code(_rendered(problem_id, format, "ru", "brief"))
        for match in re.finditer(r"(?<![\w.{])\d+\.\d+(?![\w.])", text):
            found.append((problem_id, text[max(0, match.start() - 30):match.end() + 10]))
    assert not found, found[:30]


# the names with an underscore the course itself writes in a statement's formulas (out_o1, grad_a, softmax_1)
COURSE_NAMES = {"in", "out", "grad", "softmax", "target"}
# a program's identifier: a lower-case word with an index after an underscore (gt_s), or letters around a digit (d2l)
_IDENTIFIER = re.compile(r"(?<![\w\\])([a-z]{2,})_\{?\w+|(?<![\w\\])[a-z]+\d+[a-z]+\b")


def _identifiers(text: str) -> list[str]:
    return [m[0] for m in _IDENTIFIER.finditer(text) if m[1] not in COURSE_NAMES]


def test_the_identifier_scan_finds_a_programs_names():
    assert _identifiers("p(c = gt_s | x_s) by momentum as d2l writes it") == ["gt_s", "d2l"]
    assert _identifiers("out_o1 = σ(net_o1), E_total, softmax_1(y), x_s, w_{11}, ReLU, L2, 3x3") == ["net_o1"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_programs_identifier_in_a_statement_or_a_phrase(lang):
    from symnn.lang import catalogue
    found = []
    for problem_id, problem in load_bank().items():
        text = PRINTERS["text"](lang=lang).rich_text(problem.text(lang))
        found += [(problem_id, name) for name in _identifiers(text)]
    found += [(key, name) for key, value in _phrases(catalogue(lang)) for name in _identifiers(value)]
    assert not found, found[:30]


def _phrases(table: dict, prefix: str = ""):
    """(key, text) of every phrase of a nested table."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _phrases(value, f"{prefix}{key}.")
        elif isinstance(value, str):
            yield prefix + key, value
