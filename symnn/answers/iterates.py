"""An optimizer's run answered by its every point: x₁ = (0.49, 0.25), x₂ = (0.4802, 0.125) where the point after
two steps is asked. The point asked, x_N, is the answer, judged as the answer; each other point written is work,
the run's point of that index (x_0 its start), checked as ``labelled_scalars.with_work`` checks a labelled part:
a wrong one makes the answer not right, said with its value. One point labelled as another of the run (x_1 = (…)
where x_2 is asked, x_3 after two steps) is not the answer, and the point asked is said. A label that names no point
of the run (v_1 of a velocity) does not make the answer the run's points; the numbers of several points written
without labels are told how to label them.

>>> iterate_index("x_{2}"), iterate_index(r"\\mathbf{x}_1"), iterate_index("x^{(0)}"), iterate_index("xy")
(('x', 2), ('x', 1), ('x', 0), None)
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..calculus.expressions import as_expr
from .compare import compare_scalar
from .labelled_scalars import decimal_text
from .labels import label_key
from .verdict import Verdict

_INDEX = re.compile(r"([A-Za-z])\^?\(?(\d+)\)?")        # x1 of x_1, x₁, 𝐱_1, \mathbf{x}_1; x^(1) of x^{(1)}


def iterate_index(label: str) -> tuple[str, int] | None:
    """(letter, index) of a label naming one point of a run (x_2, x^{(2)}, 𝐱₂), or None."""
    found = _INDEX.fullmatch(label_key(label))
    return (found[1], int(found[2])) if found else None


def _groups(answer, size: int) -> list | None:
    """The answer's labelled vectors of ``size`` entries (x1#1, x1#2, x2#1, x2#2), each (label, start), in the
    order written; None unless every entry is one of them."""
    labels = answer.labels
    if not (answer.is_vector and size and labels and len(labels) == len(answer.value) and len(labels) % size == 0):
        return None
    groups = []
    for start in range(0, len(labels), size):
        names = [label.rsplit("#", 1) for label in labels[start:start + size]]
        if any(len(name) != 2 or name[0] != names[0][0] or name[1] != str(k) for k, name in enumerate(names, 1)):
            return None
        groups.append((names[0][0], start))
    return groups


def written_iterates(ref, answer, options) -> list | None:
    """Of an answer of labelled points of the run (``options.iterates``: its start, then its point after each step),
    each (label, index, start in the answer's entries), when each label names a point of the run by one of its
    letters (``options.iterate_names``), no point twice, and there are two or more; else None."""
    if not (options.iterates and isinstance(ref, tuple)):
        return None
    groups = _groups(answer, len(ref))
    if not groups or len(groups) < 2:
        return None
    found = [(label, iterate_index(label), start) for label, start in groups]
    if any(index is None or index[0] not in options.iterate_names for _, index, _ in found):
        return None
    if len({index[1] for _, index, _ in found}) != len(found):
        return None
    return [(label, index[1], start) for label, index, start in found]


def lone_iterate(ref, answer, options, say):
    """The verdict on one point labelled as a point of the run other than the one asked (x_1 = (…) where x_2, the
    point after two steps, is asked; x_3, past the run): not right, the point asked said; None for the label of the
    point asked, no label, or a label that names no point of the run (v = (…)), judged as the value."""
    index = iterate_index(answer.label) if options.iterates and isinstance(ref, tuple) and answer.label else None
    last = len(options.iterates) - 1
    if index is None or index[0] not in options.iterate_names or index[1] == last:
        return None
    if index[1] > last:
        names = ", ".join(point_name(options, k) for k in range(last + 1))
        return _wrong(say, answer, [say("check.iterate beyond", label=point_name(options, index[1]), names=names)])
    return _wrong(say, answer, [say("check.iterate other", label=point_name(options, index[1]), last=point_name(options, last))])


def point_name(options, index: int) -> str:
    """The run's point of ``index`` as the feedback names it: x_2."""
    return f"{options.iterate_names[0]}_{index}"


def judged_iterates(ref, ref_places, answer, options, say, judge, written):
    """The verdict on the run's points written (``written_iterates``): the last point, x_N, judged as the answer by
    ``judge`` (the check of a vector); each other point compared with the run's; not right where one is not, or
    where a label names an index past the run or x_N is not written."""
    last, size = len(options.iterates) - 1, len(ref)
    names = ", ".join(point_name(options, k) for k in range(last + 1))
    beyond = [index for _, index, _ in written if index > last]
    if beyond:
        return _wrong(say, answer, [say("check.iterate beyond", label=point_name(options, k), names=names) for k in beyond])
    asked = [start for _, index, start in written if index == last]
    if not asked:
        return _wrong(say, answer, [say("check.iterate missing", label=point_name(options, last))])
    part = _part(answer, asked[0], size)
    verdict = judge(ref, ref_places, part, options, say)
    notes = []
    for label, index, start in written:
        point = _part(answer, start, size)
        if index != last and not all(compare_scalar(as_expr(r), a, options, d)[0]
                                     for r, a, d in zip(options.iterates[index], point.value, point.decimals)):
            value = "(" + ", ".join(decimal_text(as_expr(r)) for r in options.iterates[index]) + ")"
            notes.append(say("check.work part", label=point_name(options, index), value=value))
    if notes and verdict.correct:
        return type(verdict)(False, 0.5, (say("check.wrong"), *notes), "chain", part)
    return replace(verdict, feedback=verdict.feedback + tuple(notes))


def _part(answer, start: int, size: int):
    """The answer's one point of ``size`` entries from ``start``, as an answer of its own (no labels: a vector)."""
    decimals = tuple(answer.decimals[start:start + size]) + (None,) * size
    return replace(answer, value=answer.value[start:start + size], decimals=decimals[:size], labels=(), steps=())


def _wrong(say, answer, lines):
    return Verdict(False, 0.0, (say("check.wrong"), *lines), "shape", answer)


def iterates_hint(ref, got, options, say) -> str | None:
    """For the numbers of several of the run's points written without labels (4 numbers where the point asked has
    2): how to write every point, labelled, and which one is the answer; None for any other answer."""
    steps = len(options.iterates) - 1
    if steps < 1 or not isinstance(ref, tuple) or len(got) % len(ref) or not 2 <= len(got) // len(ref) <= steps + 1:
        return None
    return say("check.iterate labels", first=point_name(options, steps - 1 if steps > 1 else 0),
               last=point_name(options, steps))
