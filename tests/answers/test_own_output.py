"""Components written through the function's own output f: the bank's activations ask for σ′, th′ and ELU′
through f (σ′ = αf(1 − f), th′ = 1 − f², ELU′ = α + f for x < 0), each f being its own row's function.
A right derivative written in x is not right there, and the feedback says why; f where x is asked is right."""

import pytest
import sympy as sp

from symnn import check_answer
from symnn.answers.check import check_bank_answer

# the 14 derivatives as the course writes them (the key of `symnn solve activations`)
KEY = ["1", "0", "alpha f(1 - f)", "1 - f^2", "1/(1 + x^2)", "1/(1 + |x|)^2", "(1 + alpha x^2)^(-3/2)", "H(x)",
       "H(x) + 0.01 H(-x)", "H(x) + alpha H(-x)", "H(x) + alpha H(-x)", "H(x) + (f + alpha) H(-x)", "1/(1 + e^(-x))",
       "s_i(delta_ij - s_j)"]
KINK = {"en": "At the switch of a step or a piece (x = 0 for ReLU′) the value is a convention (H(0) = 0, ½ or 1); "
              "the answer is compared on both sides of it.",
        "ru": "В точке переключения ступеньки или куска (x = 0 для ReLU′) значение — дело соглашения (H(0) = 0, ½ или 1); "
              "ответ сравнивается по обе стороны от неё."}
TANH_EN = "Component 4 is the right derivative, written in x: the problem asks for it through f, as 1 - f^2."
TANH_RU = ("Компонента 4 — верная производная, но она выражена через x, а в задаче её нужно выразить через f, "
           "в виде 1 - f^2.")


def typed(**changed) -> str:
    """The key with some components (1-based, as c4=...) written otherwise."""
    return ", ".join(changed.get(f"c{k}", value) for k, value in enumerate(KEY, 1))


# (answer, lang, correct?, score, the whole feedback)
CASES = [
    # --- right through f: passes (the kink note is ReLU's, as for any right answer with H)
    (typed(), "en", True, 1.0, ("Correct.", KINK["en"])),                                   # the key itself
    (typed(), "ru", True, 1.0, ("Верно.", KINK["ru"])),                                     # ... in Russian
    (typed(c4="1 - f(x)^2"), "en", True, 1.0, ("Correct.", KINK["en"])),                    # f(x) is the name f
    # --- through f where the course writes x: right, since f of that row put in gives the derivative
    (typed(c6="(1 - |f|)^2"), "en", True, 1.0, ("Correct.", KINK["en"])),                   # softsign′ through f
    (typed(c13="1 - e^(-f)"), "ru", True, 1.0, ("Верно.", KINK["ru"])),                     # softplus′ through f
    # --- right in x where f is asked for: not passed, half the component's credit, the new note
    (typed(c4="1 - tanh(x)^2"), "en", False, 27 / 28, ("Not correct.", TANH_EN)),           # th′ in x
    (typed(c4="1 - tanh(x)^2"), "ru", False, 27 / 28, ("Неверно.", TANH_RU)),               # ... in Russian
    (typed(c3="alpha e^(-alpha x)/(1 + e^(-alpha x))^2"), "en", False, 27 / 28,             # σ′ of σ(αx) in x
     ("Not correct.", "Component 3 is the right derivative, written in x: the problem asks for it through f, "
                      "as α·f·(1 - f).")),
    (typed(c12="H(x) + alpha e^x H(-x)"), "en", False, 27 / 28,                             # ELU′ in x: its pieces
     ("Not correct.", "Component 12 is the right derivative, written in x: the problem asks for it through f, "
                      "as {α + f if x < 0; 1 otherwise}.")),
    (typed(c12="H(x) + alpha e^x H(-x)"), "ru", False, 27 / 28,                             # ... in Russian
     ("Неверно.", "Компонента 12 — верная производная, но она выражена через x, а в задаче её нужно выразить "
                  "через f, в виде {α + f при x < 0; 1 иначе}.")),
    # --- wrong: the usual verdict, through f or in x
    (typed(c4="1 + f^2"), "en", False, 13 / 14, ("Not correct.", "Component 4 is not correct.")),        # wrong in f
    (typed(c4="1 + f^2"), "ru", False, 13 / 14, ("Неверно.", "Компонента 4 неверна.")),                  # ... in Russian
    (typed(c4="1 + tanh(x)^2"), "en", False, 13 / 14, ("Not correct.", "Component 4 is not correct.")),  # wrong in x
    (typed(c4="-(1 - f^2)"), "en", False, 13 / 14,                                          # a diagnosis still applies
     ("Not correct.", "Component 4: the sign is wrong: the answer is the negative of the correct one.")),
    (typed(c4="-(1 - f^2)"), "ru", False, 13 / 14,                                          # ... in Russian
     ("Неверно.", "Компонента 4: неверный знак: ответ равен правильному со знаком минус.")),
    (typed(c3="f(1 - f)"), "en", False, 13 / 14, ("Not correct.", "Component 3 is not correct.")),       # α left out
    # --- both at once: each component's line, in order
    (typed(c3="2 alpha f(1 - f)", c4="1 - tanh(x)^2"), "en", False, 25 / 28,
     ("Not correct.", "Component 3: off by a factor of 2 (check the ½ in the loss, or a power rule).", TANH_EN)),
    (typed(c5="1/(1 + |x|)^2", c6="1/(1 + x^2)", c4="1 - tanh(x)^2"), "en", False, 23 / 28,  # a swap is still seen
     ("Not correct.", "Components 5 and 6 are swapped.", TANH_EN)),
]


@pytest.mark.parametrize("answer, lang, correct, score, feedback", CASES)
def test_activations_through_their_own_output(answer, lang, correct, score, feedback):
    verdict = check_bank_answer("activations", answer, lang=lang, timeout=10)
    assert (verdict.correct, verdict.feedback) == (correct, feedback)
    assert verdict.score == pytest.approx(score)


def test_any_vector_may_name_each_components_own_function():
    # not the bank's table: a reference and its components' names given to the checker directly
    own = ((("f", "tanh(x)"),), (("f", "x/(1 + abs(x))"),))
    right = check_answer(("1 - f^2", "1/(1 + |x|)^2"), "1 - f^2, (1 - |f|)^2", component_names=own)
    assert (right.correct, right.feedback) == (True, ("Correct.",))
    in_x = check_answer(("1 - f^2", "1/(1 + |x|)^2"), "1 - tanh(x)^2, 1/(1 + |x|)^2", component_names=own)
    assert in_x.feedback == ("Not correct.", "Component 1 is the right derivative, written in x: the problem asks for "
                                             "it through f, as 1 - f^2.")
    assert in_x.components == (False, True) and in_x.score == pytest.approx(0.75)


def test_a_matrix_says_entry_row_and_column():
    # a 2×2 reference: the note names the entry, as every other note on a matrix does
    f, x = sp.symbols("f x", real=True)
    own = ((("f", "tanh(x)"),), (), (), ())
    verdict = check_answer(sp.Matrix([[1 - f ** 2, 1], [x, 0]]), "[[1 - tanh(x)^2, 1], [x, 0]]", component_names=own)
    assert verdict.feedback == ("Not correct.", "Entry (1, 1), row 1, column 1, is the right derivative, written in x: "
                                                "the problem asks for it through f, as 1 - f^2.")


def test_component_names_must_be_pairs_per_component():
    # one (name, formula) pair where a tuple of them per component is expected: the caller's error
    with pytest.raises(ValueError, match="component_names"):
        check_answer("1", "1", component_names=(("f", "x"),))
