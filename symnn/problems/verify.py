"""Cross-checking a bank: each problem's published (or expected) value against the answer symnn derives.

A teacher who typed the numbers of a textbook into a file learns here, before a class sees a
key, whether every one of them is what symnn derives (``symnn problems --verify``). Numbers
agree when the derived one is within half a unit of the last decimal place printed (0.9526
stands for 0.95255 to 0.95265); a number written as text keeps the zeros it ends in ("0.30" is
compared to two places, where TOML reads 0.30 as 0.3); any other text (a formula, words) is shown,
and ``symnn check`` says whether it takes it as the answer. The value compared is ``Problem.cross_check``: ``expected`` where the bank's author
gives one, else ``published``.

>>> rows = verify_bank()
>>> [row.agrees for row in rows if row.problem == "4.3"]
[True]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lang import phrase
from .answer_schema import DECIMAL
from .bank import load_bank
from .slips import reason
from .solve import answer_value, solve


@dataclass(frozen=True)
class Agreement:
    """One problem's value in the file beside the value derived."""

    problem: str
    field: str                 # "published" or "expected": where the value is
    given: object              # as the file writes it
    derived: tuple | None      # the derived answer's numbers in order; None when it is not numbers
    agrees: bool | None        # None: given as text, not compared
    slips: dict = field(default_factory=dict)    # the book's misprints: place among the numbers → why (problems.slips)


def is_text(item) -> bool:
    """A formula or words: text that is not a number written as text."""
    return isinstance(item, str) and not DECIMAL.fullmatch(item.strip())


def flat(value) -> list:
    """The numbers of a nested list in order (a matrix row by row)."""
    return [n for item in value for n in flat(item)] if isinstance(value, list) else [value]


def places(number) -> int:
    """The decimal places a file prints a number with (0.0215 → 4, 44 → 0, "0.30" → 2)."""
    if isinstance(number, str):
        return len(number.strip().partition(".")[2])
    text = repr(float(number))
    return len(text.split(".")[1]) if isinstance(number, float) and "e" not in text else 0


def within(derived: float, printed) -> bool:
    """``derived`` rounds to ``printed`` at the places printed: within half a unit of its last place."""
    return abs(derived - float(printed)) <= 0.5 * 10 ** -places(printed) + 1e-12


def agreement(problem) -> Agreement | None:
    """The problem's value beside the derived one; None when the file gives none."""
    given = problem.cross_check
    if given is None:
        return None
    name = "expected" if problem.expected is not None else "published"
    slips = problem.slips if name == "published" else {}
    if any(is_text(item) for item in flat(given)):     # a formula or words, alone or in a list
        return Agreement(problem.id, name, given, None, None, slips)
    numbers = flat(answer_value(solve(problem).answer))
    if any(not isinstance(n, (int, float)) or isinstance(n, bool) for n in numbers):
        return Agreement(problem.id, name, given, None, False, slips)
    printed = flat(given)
    # each number agrees, but a slip the file marks differs: one that agrees is a mark left by mistake
    agrees = len(numbers) == len(printed) and all(within(d, p) != (k in slips)
                                                  for k, (d, p) in enumerate(zip(numbers, printed)))
    return Agreement(problem.id, name, given, tuple(numbers), agrees, slips)


def verify_bank(bank=None) -> list[Agreement]:
    """Every problem of the bank that gives a value, checked (``bank``: a folder; default the shipped one)."""
    return [row for row in map(agreement, load_bank(bank).values()) if row is not None]


TEXT_WIDTH = 40      # characters of a value written as text shown in the table


def _number(value, printed, lang: str) -> str:
    """A number as the file prints it; a derived one at the places of the number printed beside it
    when it agrees, else with ten significant figures (so the difference shows)."""
    if printed is None:
        text = value.strip() if isinstance(value, str) else repr(value)      # the file's own number, as written
    elif isinstance(value, int) and places(printed) == 0:
        text = str(value)
    elif within(value, printed):
        text = f"{float(value):.{places(printed)}f}"
    else:
        text = f"{float(value):.10g}"
    return text.replace(".", ",") if lang == "ru" else text


def _lines(row: Agreement, lang: str, accepts=None) -> list[list[str]]:
    """The rows of one problem's table: one per number (its place, the file's, the derived, agrees), or
    one for a value written as text, with whether ``symnn check`` takes it as the answer (``accepts``,
    when given): a formula the book prints that the checker refuses is a misprint, or a slide's error
    kept on purpose, and the teacher sees which."""
    head = [row.problem, phrase(lang, f"verify.{row.field}")]
    if row.agrees is None:
        text = row.given if isinstance(row.given, str) else "; ".join(map(str, flat(row.given)))
        verdict = "verify.text"
        if accepts is not None:              # a formula alone or in a list, typed as a student types the answer
            taken = accepts(row.problem, typed_text(row.given))
            verdict = "verify.text.accepted" if taken else "verify.slip" if row.slips else "verify.text.refused"
        text = text if len(text) <= TEXT_WIDTH else text[:TEXT_WIDTH - 1] + "…"
        return [[*head, "", text, "", phrase(lang, verdict)]]
    printed = flat(row.given)
    if row.derived is None:
        given = ("; " if lang == "ru" else ", ").join(_number(n, None, lang) for n in printed)
        return [[*head, "", given, "", phrase(lang, "verify.not numbers")]]
    lines = []
    for k in range(max(len(printed), len(row.derived))):
        given = printed[k] if k < len(printed) else None
        derived = row.derived[k] if k < len(row.derived) else None
        agrees = given is not None and derived is not None and within(derived, given)
        verdict = "verify.yes" if agrees else "verify.no"
        if k in row.slips:
            verdict = "verify.slip.agrees" if agrees else "verify.slip"
        lines.append(["", "", str(k + 1), "" if given is None else _number(given, None, lang),
                      "" if derived is None else _number(derived, given, lang), phrase(lang, verdict)])
    lines[0][:2] = head
    return lines


def verify_table(rows: list[Agreement], lang: str = "en", accepts=None) -> str:
    """The rows as a table of aligned columns, and a line that counts them."""
    table = [phrase(lang, "verify.columns").split("|")] + [line for row in rows for line in _lines(row, lang, accepts)]
    widths = [max(len(line[k]) for line in table) for k in range(len(table[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in table]
    compared = [row for row in rows if row.agrees is not None]
    summary = phrase(lang, "verify.summary", compared=len(compared),
                     agree=sum(bool(row.agrees) for row in compared), text=sum(row.agrees is None for row in rows))
    return "\n".join([*lines, "", summary])


def disagreeing(rows: list[Agreement]) -> list[str]:
    """The problems whose value in the file differs from the derived one."""
    return [row.problem for row in rows if row.agrees is False]


def typed_text(value) -> str:
    """A value written with text as a student types it: ["y - sigmoid(z)"] as the formula, a list as
    (2x + y, x), rows as [[a, b], [c, d]]; numbers in it as the file writes them."""
    if not isinstance(value, list):
        return value.strip() if isinstance(value, str) else repr(value)
    if len(value) == 1:
        return typed_text(value[0])
    if all(isinstance(row, list) for row in value):
        return "[" + ", ".join("[" + ", ".join(map(typed_text, row)) + "]" for row in value) + "]"
    return "(" + ", ".join(map(typed_text, value)) + ")"


def slip_reasons(rows: list[Agreement], lang: str) -> list[str]:
    """A sentence for each of the book's slips the file marks: where it is and why it is one."""
    return [phrase(lang, "verify.slip.reason", problem=row.problem, place=place + 1, reason=reason(slip, lang))
            for row in rows for place, slip in sorted(row.slips.items())]


def typed(value) -> str | None:
    """A published number or list of numbers as a student types it from the book ((0.82, 0.12)); None
    for text or a matrix."""
    if isinstance(value, bool) or isinstance(value, list) and any(isinstance(v, (list, bool)) for v in value):
        return None
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str) and not is_text(value):
        return value.strip()
    if isinstance(value, list) and value and all(isinstance(v, (int, float)) or isinstance(v, str) and not is_text(v)
                                                 for v in value):
        numbers = [v.strip() if isinstance(v, str) else repr(v) for v in value]
        return numbers[0] if len(numbers) == 1 else "(" + ", ".join(numbers) + ")"
    return None


def refused(bank, accepts, lang: str, wrong=()) -> list[str]:
    """Sentences for the published values the checker refuses as the book prints them (``accepts``:
    (problem id, typed answer) → does ``symnn check`` accept it), each naming the tolerance that
    accepts the book's rounding: decimals = the fewest places it prints. A value that differs from the
    derived one (``wrong``) is said in the table, not here."""
    sentences = []
    for problem in load_bank(bank).values():
        answer = typed(problem.published)
        if problem.id in wrong or problem.slips or answer is None or accepts(problem.id, answer):
            continue
        printed = [n for n in flat(problem.published) if isinstance(n, float) or isinstance(n, str) and places(n)]
        if printed:                               # a whole number refused is a disagreement, said in the table
            shown = answer.replace(", ", "; ").replace(".", ",") if lang == "ru" else answer
            sentences.append(phrase(lang, "verify.refused", problem=problem.id, answer=shown,
                                    places=min(map(places, printed))))
    return sentences


def unused_names(bank, unused, lang: str) -> list[str]:
    """Sentences for the names of a problem's notation table that its key never uses (``unused``:
    solution → those names; render.notation_use), each a misspelling or a name the key does not have."""
    sentences = []
    for problem in load_bank(bank).values():
        names = unused(solve(problem)) if problem.data.get("notation") else []
        if names:
            sentences.append(phrase(lang, "verify.unused notation", problem=problem.id, names=", ".join(names),
                                    command=f"symnn solve {problem.id}", family="y_1, y", greek="eta, varepsilon"))
    return sentences


def untranslated(bank, lang: str) -> list[str]:
    """Sentences for the problems whose statement lacks a language that other problems of the bank have:
    their key in that language would show the statement in the other one."""
    problems = list(load_bank(bank).values())
    written = {language for problem in problems for language in problem.statement}
    return [phrase(lang, "verify.untranslated", problem=problem.id, field=f"statement.{language}")
            for problem in problems for language in sorted(written - set(problem.statement))]


def report(bank=None, lang: str = "en", accepts=None, unused=None) -> tuple[str, str | None]:
    """The table of ``bank`` (with, given ``accepts``, the published values ``symnn check`` would refuse
    as typed, and given ``unused``, the notation names no key uses), and the sentence naming what is
    wrong: the problems whose value differs, the notation names unused (None if nothing is). A formula
    the checker refuses is said in the table, not a failure: a slide's error may be kept on purpose."""
    rows = verify_bank(bank)
    wrong = disagreeing(rows)
    misnamed = unused_names(bank, unused, lang) if unused else []
    lines = [verify_table(rows, lang, accepts), *slip_reasons(rows, lang), *(refused(bank, accepts, lang, wrong) if accepts else []), *misnamed,
             *untranslated(bank, lang)]
    failures = ([phrase(lang, "verify.disagree", problems=", ".join(wrong))] if wrong else []) + \
        ([phrase(lang, "verify.misnamed", count=len(misnamed))] if misnamed else [])
    return "\n".join(lines), "; ".join(failures) if failures else None
