"""A NumPy key says where each number comes from and answers every part of the question."""

import pytest

from symnn.problems.solve import solve
from symnn.render import render


@pytest.mark.parametrize("problem_id, format, lang, expected", [
    # the size of a matrix is the product of its shape, then the two sizes are added; five digits or more in groups
    # of three, a narrow no-break space between them (30 720), four as they are (3072)
    ("flatten-parameters", "text", "en", ["   `W.size` = 3072·10 = 30\u202f720", "   30\u202f720 + 10 = 30\u202f730"]),
    ("flatten-parameters", "md", "ru", [r"- `W.size` $= 3072 \cdot 10 = 30\,720$", r"- $$30\,720 + 10 = 30\,730$$"]),   # TeX's \,
    # a.ndim, a.size, a.itemsize each worked out, in the order the statement asks them: the axes of the shape, its
    # product, the bits of float64 over 8
    ("np-attributes", "text", "en", ["   `a.ndim` = 3: the number of axes of the shape 4×3×2", "   `a.size` = 4·3·2 = 24",
                                     "   `a.itemsize` = 64/8 = 8: bytes per entry: the type float64, 8 bits to a byte"]),
    ("np-attributes", "text", "ru", ["   `a.ndim` = 3: число осей формы 4×3×2",
                                     "   `a.itemsize` = 64/8 = 8: байт на элемент: тип float64, 8 бит в байте"]),
    ("np-attributes", "latex", "en", [r"{\raggedright \leftskip=1.5em \noindent \texttt{a.itemsize} $= 64/8 = 8$: bytes per "
                                      r"entry: the type $\mathtt{\text{float64}}$, 8 bits to a byte\par}"]),
    # "Which axis disappears?" is answered in the answer line, not only in the step
    ("np-axis-max-0", "text", "en", ["Answer: (5, 6), shape 2; axis 0 disappears"]),
    ("np-axis-max-1", "md", "ru", [r"**Ответ:** $(2; 5; 6)$, форма $3$; ось $1$ исчезает"]),
])
def test_an_array_key_shows_its_numbers_and_answers_the_question(problem_id, format, lang, expected):
    printed = render(solve(problem_id), format, lang=lang, detail="brief").splitlines()
    for line in expected:
        assert line in printed


def test_a_reduction_that_keeps_its_axes_removes_none():
    # keepdims=True: the axis stays with length 1, so the answer line does not say that it disappears
    from dataclasses import replace
    problem = solve("np-axis-max-1").problem
    kept = replace(problem, data={**problem.data, "expr": "data.max(axis=1, keepdims=True)"})
    from symnn.problems.array_problems import solve_array
    answer = [line for line in render(solve_array(kept), "text").splitlines() if line.startswith("Answer")]
    assert answer and "disappears" not in answer[0]
