"""Labels on an answer to a one-number question: what the label of a scalar answer says (L = 5.27 or L_1 =
5.27 where the mean L is asked), and an answer of labelled parts, the work and the asked value together
(L_1 = 2.9, L_2 = 0, L_3 = 12.9, L = 5.27): the asked part judged, each other part checked as work."""

from __future__ import annotations

from dataclasses import replace

from ..calculus.expressions import as_expr
from .compare import compare_scalar
from .labels import component_of, quantity_of, scalar_label, shown_name, spoken_name
from .shown_values import approximately, readable


def labelled_scalar(ref, ref_places, answer, options, say, verdict):
    """The verdict with what the scalar answer's label says (``question.scalar_label``): a note, or not correct
    where the label names another quantity whose value the answer's number is not."""
    same = lambda value: compare_scalar(ref, as_expr(value), options, None, ref_places[0])[0]     # noqa: E731
    found = scalar_label(ref, answer, options, same)
    if found is None:
        return verdict
    wrong, (key, values) = found
    values = {k: decimal_text(as_expr(v)) if k == "value" else say(v[0], index=v[1]) if k == "what" else v
              for k, v in values.items()}
    line = say(key, **values)
    if wrong and verdict.correct:
        return type(verdict)(False, 0.5, (say("check.wrong"), line), "form", answer)
    return replace(verdict, feedback=verdict.feedback + (line,))


def asked_part(answer, options) -> int | None:
    """Of an answer of labelled parts to a one-number question (L₁ = 2.9, L₂ = 0, L₃ = 12.9, L = 5.27: the work,
    then the mean asked), the part whose label names the answer; None when no one part does."""
    if not (answer.labels and len(answer.labels) == len(answer.value) and len(options.labels) == 1):
        return None
    asked = [k for k, label in enumerate(answer.labels) if component_of(label, options) == 0]
    return asked[0] if len(asked) == 1 else None


def with_work(ref, ref_places, answer, options, say, judged):
    """The asked part judged as the answer (``judged``: the check of one value, answers.check); each other
    labelled part is work: a quantity of the problem whose value it must have (each L_i), or a label the
    problem does not know, said in a note."""
    k = asked_part(answer, options)
    part = replace(answer, value=answer.value[k], decimals=(answer.decimals[k:k + 1] or (None,)), labels=(answer.labels[k],),
                   steps=tuple(side for index, side in answer.steps if index == k) if answer.steps and
                   isinstance(answer.steps[0], tuple) else answer.steps)
    verdict = judged(ref, ref_places, part, options, say)
    notes, wrong = [], False
    work_rule = replace(options, absolute=None, relative=None, decimals=None, sigfigs=None)
    for index, (label, value) in enumerate(zip(answer.labels, answer.value)):
        if index == k:
            continue
        other = quantity_of(label, options)
        if other is None:
            notes.append(say("note.unknown label", label=label, asked=spoken_name(options.labels[0], options.lang)))
            continue
        places = answer.decimals[index] if index < len(answer.decimals) else None
        # the precision asked is the answer's: a value of the work is right rounded as the key rounds it (σ′(3)/σ′(0) ≈ 0.181)
        if not compare_scalar(as_expr(other[1]), value, work_rule, places)[0]:
            wrong = True
            notes.append(say("check.work part", label=shown_name(other[0]), value=decimal_text(as_expr(other[1]))))
    if wrong and verdict.correct:
        return type(verdict)(False, 0.5, (say("check.wrong"), *notes), "chain", part)
    return replace(verdict, feedback=verdict.feedback + tuple(notes))


def decimal_text(value) -> str:
    """A value of the key as a sentence shows it: a short decimal as that decimal (2.9, not 29/10), another
    number with its rounding beside it, as the course writes it (-ln(0.9) ≈ 0.1054, 1/3 ≈ 0.3333)."""
    rounded = approximately(value)
    return readable(value) + (f" ≈ {rounded}" if rounded is not None else "")
