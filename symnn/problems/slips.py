"""A book's misprinted number, marked as such in ``published``.

A textbook that prints a wrong digit (0.291027924 where the step gives 0.2910277737) is copied as
it prints it, in a table that says why: ``published = [{ value = 0.291027924, slip = "…" }]``.
``symnn problems --verify`` then shows the book's number, symnn's and "the book's slip" instead of
a disagreement. The entry may stand anywhere a number or a formula of ``published`` does (alone,
in a list, in a matrix's row); the reason is text, or one per language (``slip.en``, ``slip.ru``).
``expected`` is the bank's own value and has no slips.

>>> book_slips([0.7311, {"value": 0.1996, "slip": "a typo for 0.1966"}])
([0.7311, 0.1996], {1: 'a typo for 0.1966'})
>>> print(cross_check_errors({"value": 0.1996}, slips=True))
a book's slip: expected { value = ..., slip = "why" }, got a table with value
"""

from __future__ import annotations

from numbers import Real

SLIP_FIELDS = ("value", "slip")


def _is_value(item) -> bool:
    return isinstance(item, str) or isinstance(item, Real) and not isinstance(item, bool)


def cross_check_errors(value, slips: bool) -> str | None:
    """What is wrong with the tables of a ``published`` (``slips``: it may mark the book's slips) or
    ``expected`` value: each marks a slip, with the value the book prints and why it is wrong."""
    if isinstance(value, list):
        return next((problem for item in value if (problem := cross_check_errors(item, slips))), None)
    if isinstance(value, dict):
        if not slips:
            return "a table marks the book's slip, and only published holds what a book prints; " \
                   "expected is your own value"
        if sorted(value) != sorted(SLIP_FIELDS):
            return "a book's slip: expected { value = ..., slip = \"why\" }, got a table with " + ", ".join(value)
        if not _is_value(value["value"]):
            return f"a book's slip: value: expected the number or formula the book prints, got {type(value['value']).__name__}"
        reasons = value["slip"] if isinstance(value["slip"], dict) else {"": value["slip"]}
        if not reasons or set(reasons) - {"", "en", "ru"}:
            return "a book's slip: slip: expected text, or slip.en and slip.ru, saying what the book got wrong"
        if not all(isinstance(reason, str) and reason.strip() for reason in reasons.values()):
            return "a book's slip: slip: expected text saying what the book got wrong"
        return None
    return None


def book_slips(value) -> tuple[object, dict[int, object]]:
    """``published`` with each slip's table replaced by the value the book prints, and the reasons (text, or
    a table of languages) by the place of that value among the answer's numbers counted from 0 (a matrix
    row by row)."""
    slips: dict[int, object] = {}

    def plain(item):
        if isinstance(item, list):
            return [plain(entry) for entry in item]
        if isinstance(item, dict):
            slips[count[0]] = item["slip"]
            item = item["value"]
        count[0] += 1
        return item

    count = [0]
    return (None if value is None else plain(value)), slips


def reason(slip, lang: str) -> str:
    """A slip's reason in ``lang``: the text, or the language's own (else the first one written)."""
    return slip if isinstance(slip, str) else slip.get(lang) or next(iter(slip.values()))
