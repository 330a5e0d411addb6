"""The comparison a key's answer line gives after a program's values, "for y = tanh(tanh(tanh(x))): dy/dx ≈ 0.0188;
ratio 1/0.0188 ≈ 53.2" (Russian "для …", "отношение …"): taken off the answer and checked as work, each value against
the other program's (the quantities "for dy/dx" and "ratio dy/dx" of ``problems.answer_labels.compared_labels``)."""

from __future__ import annotations

import re
from dataclasses import replace

# "for <the other program>: <name> ≈ <value>" and "ratio <mine>/<theirs> ≈ <value>": a part of the answer each
_FOR = re.compile(r"(?:for|для)\s+.+?:\s*(?P<name>[^=≈:]+?)\s*[=≈]\s*(?P<value>[^=≈]+?)", re.I)
_RATIO = re.compile(r"(?:ratio|отношение)\s*(?:[^=≈]*?[=≈]\s*)*(?P<value>[^=≈]+?)", re.I)


def split_compared(text: str, options):
    """(the answer without its comparison parts, [(quantity's name, the value as typed)]); the text as it is where
    the problem compares nothing or no part is a comparison's."""
    names = {name for name, *_ in options.quantities if name.startswith(("for ", "ratio "))}
    if not names or ";" not in text:
        return text, []
    kept, taken, last = [], [], None
    for part in text.split(";"):
        found = _FOR.fullmatch(part.strip())
        ratio = _RATIO.fullmatch(part.strip())
        if found and f"for {found['name']}" in names:
            last = found["name"]
            taken.append((f"for {last}", found["value"]))
        elif ratio and last and f"ratio {last}" in names:
            taken.append((f"ratio {last}", ratio["value"]))
        else:
            kept.append(part)
    return ";".join(kept), taken


def with_compared(verdict, taken, options, say):
    """The verdict, not correct where a comparison's value is not the other program's (or the ratio), said in a note."""
    from ..calculus.expressions import as_expr
    from .compare import compare_scalar
    from .labelled_scalars import decimal_text
    from .read import read_answer
    if not taken:
        return verdict
    values = {name: value for name, value, *_ in options.quantities}
    rule = replace(options, absolute=None, relative=None, decimals=None, sigfigs=None)   # rounded as the key rounds it
    notes = []
    for name, typed in taken:
        try:
            read = read_answer(typed, decimal_comma=options.decimal_comma)
            right = not read.is_vector and compare_scalar(as_expr(values[name]), read.value, rule, read.decimals[0])[0]
        except (ValueError, TypeError, RecursionError):
            right = False
        if not right:
            word, quantity = name.split(" ", 1)           # the ratio said in the reader's language (отношение dy/dx)
            notes.append(say("check.work part", label=quantity if word == "for" else f"{say('asked.ratio')} {quantity}",
                             value=decimal_text(as_expr(values[name]))))
    if notes and verdict.correct:
        return type(verdict)(False, 0.5, (say("check.wrong"), *notes), "chain", verdict.answer)
    return replace(verdict, feedback=verdict.feedback + tuple(notes)) if notes else verdict
