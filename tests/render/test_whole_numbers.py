"""A whole number of five digits or more is written in groups of three, a narrow no-break space (U+202F, TeX's \\,)
between them, in a statement and in its key alike, in English and in Russian: 10 000 in the statement, 10 000 in the
key (not 10000); four digits stay whole (1000)."""

from __future__ import annotations

import pytest

from symnn.answers.check import check_bank_answer
from symnn.lang import whole
from symnn.problems.solve import solve
from symnn.render import render

N = "\u202f"        # the narrow no-break space


def lines(problem_id: str, format: str, lang: str) -> list[str]:
    return render(solve(problem_id), format, lang=lang, detail="brief").splitlines()


@pytest.mark.parametrize("n, written", [
    (1000, "1000"),                     # four digits: whole
    (9999, "9999"),
    (10000, f"10{N}000"),               # five: grouped
    (-302010, f"-302{N}010"),           # a sign stays before the first group
    (1168330881, f"1{N}168{N}330{N}881"),
])
def test_a_whole_number_is_grouped_from_five_digits(n, written):
    assert whole(n) == written and int(written.replace(N, "")) == n


# dot: the statement's matrix holds 10000 and 100000, the key its product in the same form: in a matrix, whose
# entries a page sets apart by spaces alone, numbers are not grouped (30 201 302 010 would read as four numbers)
@pytest.mark.parametrize("format, lang, statement, answer", [
    ("text", "en", "[(1, 10); (100, 1000); (10000, 100000)]", "Answer: (30201, 302010)"),
    ("text", "ru", "[(1; 10); (100; 1000); (10000; 100000)]", "Ответ: (30201; 302010)"),
    ("latex", "en", r"10000 & 100000", r"\textbf{Answer:} $\left(\begin{matrix}30201 & 302010\end{matrix}\right)$"),
    ("md", "ru", r"10000 & 100000", r"**Ответ:** $\left(\begin{matrix}30201 & 302010\end{matrix}\right)$"),
    ("html", "en", "<mn>10000</mn>", "<mn>30201</mn>"),
])
def test_a_statement_and_its_key_write_large_numbers_alike(format, lang, statement, answer):
    text = "\n".join(lines("dot", format, lang))
    assert statement in text and answer in text
    assert N not in text and r"0\,0" not in text                  # no group in a matrix, on either side
    assert (1 * 1 + 2 * 100 + 3 * 10000, 1 * 10 + 2 * 1000 + 3 * 100000) == (30201, 302010)      # the product by hand


@pytest.mark.parametrize("lang, said", [
    ("en", ["Repeat the step 10\u202f000 times", "Each of the 10\u202f000 steps", "10\u202f000  ≈ 0.0000351"]),
    ("ru", ["Повторите шаг 10\u202f000 раз", "Каждый из 10\u202f000 шагов", "10\u202f000  ≈ 0,0000351"]),
])
def test_a_long_run_says_its_steps_as_its_statement(lang, said):
    text = "\n".join(lines("mazur-221-10000", "text", lang))
    assert all(part in text for part in said), [part for part in said if part not in text]
    assert "10000" not in text and "10 000" not in text            # neither joined nor with a breaking space


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_key_with_grouped_numbers_is_read_back_as_its_answer(lang):
    line = lines("dot", "text", lang)[-1].split(": ", 1)[1]
    assert check_bank_answer("dot", line, lang=lang, timeout=30).correct
    grouped = f"(30{N}201; 302{N}010)" if lang == "ru" else f"(30{N}201, 302{N}010)"     # as a tuple of a key prints them
    assert check_bank_answer("dot", grouped, lang=lang, timeout=30).correct
