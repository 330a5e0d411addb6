"""The check of a vector or a matrix answer, component by component, and what is wrong with a component."""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from ..calculus.transpose import transposed
from .compare import canonical_name, compare_scalar
from .feedback import diagnose, own_names_note, placed, wrong_point
from .iterates import iterates_hint
from .labelled_scalars import decimal_text
from .labels import part_groups, spoken_name
from .matrices import in_other_layout, inverts, is_matrix_formula, matrix_mistake, row_for_column
from .reorders import misplaced
from .shown_values import readable
from .slips import vector_multiple
from .verdict import Verdict


def explained(ref, value, typed, decided_by, options, say) -> list[str]:
    """What is wrong: the undecided or domain reason, else the first diagnosis that fits."""
    if decided_by in ("shape", "matrices") and inverts(value) and not inverts(ref):
        return [say("check.matrix inverse")]        # (XᵀX)⁻¹Xᵀy for the gradient: where it is zero, not it
    if decided_by == "shape" and is_matrix_formula(ref) and in_other_layout(ref, value, options.identity):
        return [say("check.matrix layout")]         # Wᵀδ for δWᵀ: a sample a column, where the statement's is a row
    if decided_by == "shape" and "I" in options.identity and _identity_as_number(ref, value):
        return [say("check.identity as number")]    # Aᵀ + 1 for Aᵀ + I
    constant = _constant_kept(ref, value, options)
    if constant is not None:                        # A + b for A: b's derivative is 0
        return [say("check.constant term", term=readable(constant), wrt=readable(options.constant_terms[0]))]
    if decided_by in ("undecided", "domain", "shape"):
        return [say(f"check.{decided_by}")]
    if decided_by == "sums":
        return []
    if decided_by == "matrices":
        found = matrix_mistake(ref, value, options.symmetric, options.identity) or (
            row_for_column(ref, transposed(ref), options.symmetric, options.identity)
            and matrix_mistake(transposed(ref), value, options.symmetric, options.identity))    # a slip of the row form, xᵀA for 2xᵀA
        if found and found[0] == "check.matrix transposed" and options.jacobian:       # Aᵀ for the Jacobian A
            rows, columns = options.jacobian
            return [say("check.jacobian transposed", rows=rows, columns=columns)]
        return [say(found[0], **typeset(_as_written(found[1], options)))] if found else []
    found = diagnose(ref, value, typed, options)
    return [say(found[0], **typeset(_as_written(found[1], options)))] if found else []


def _constant_kept(ref, value, options):
    """The term of the function that does not depend on the variable, kept in its derivative (A + b for the Jacobian A
    of Ax + b): that term, or None."""
    if not options.constant_terms or not isinstance(value, sp.Expr) or not isinstance(ref, sp.Expr):
        return None
    plain = lambda e: e.xreplace({s: sp.Symbol(s.name, commutative=s.is_commutative) for s in e.free_symbols})  # noqa: E731
    return next((term for term in options.constant_terms[1] if sp.expand(plain(value) - plain(ref) - plain(term)) == 0), None)


def _identity_as_number(ref, value) -> bool:
    """The answer is the reference with its identity matrix I written as the number 1 (3 − Aᵀ for 3I − Aᵀ)."""
    identity = [s for s in getattr(ref, "free_symbols", ()) if s.name == "I" and not s.is_commutative]
    return bool(identity) and isinstance(value, sp.Expr) and str(sp.expand(ref.xreplace({identity[0]: 1}))) == str(sp.expand(value))


def check_vector(ref, ref_places, answer, options, say, shape=None, own=None) -> Verdict:
    if shape is not None and shape != answer.shape and answer.is_vector and len(answer.value) == len(ref):
        same = all(compare_scalar(r, a, options, d, p)[0] for r, a, d, p in zip(ref, answer.value, answer.decimals, ref_places))
        reason = say("check.matrix shape" if same else "check.matrix shape only", rows=shape[0], columns=shape[1])
        if _is_transpose(ref, ref_places, answer, shape, options):                # data for data.T: rows for columns
            reason = say("check.not transposed", name=options.transposes, rows=shape[0], columns=shape[1]) \
                if options.transposes else say("check.matrix of transpose", rows=shape[0], columns=shape[1])
        return Verdict(False, 0.0, (say("check.wrong"), reason), "shape", answer)
    if answer.is_set:
        return Verdict(False, 0.0, (say("check.wrong"), say("check.set")), "shape", answer)
    if not answer.is_vector:
        return Verdict(False, 0.0, (say("check.not vector", expected=len(ref)),), "shape", answer)
    got = answer.value
    if len(got) != len(ref):
        return _length_mismatch(ref, ref_places, answer, options, say)
    results = [compare_scalar(r, a, options, d, p) for r, a, d, p in zip(ref, got, answer.decimals, ref_places)]
    written, formulas, lacking = own or (ref, (), ((),) * len(ref))
    # a component of the right value written in x where the problem asks for it through its own f
    # (1 − tanh²x for 1 − f²) is not right: half its credit, as a scalar not written through its names
    in_x = tuple(ok and bool(names) for (ok, _), names in zip(results, lacking))
    right = tuple(ok and not x for (ok, _), x in zip(results, in_x))
    if all(right):                    # NumPy's noise on a component: its exact value said, as for a number
        noise = [placed(say, "check.component detail", shape, index=k, detail=_lowered(say("check.decided.float noise",
                                                                                                exact=decimal_text(r))))
                 for k, (r, (_, decided_by)) in enumerate(zip(ref, results), 1) if decided_by == "float noise"]
        return Verdict(True, 1.0, (say("check.correct"), *noise), "components", answer, right)
    multiple = vector_multiple(ref, got, answer.decimals, options) if not all(right) else None
    if multiple:                      # (0, 1, −1, 1) for (0, ¼, −¼, ¼): one slip on the whole vector, said once
        return Verdict(False, 0.0, (say("check.wrong"), say(multiple[0], **multiple[1])), "components", answer, right)
    lines = [say("check.wrong")]
    same = lambda i, j: compare_scalar(ref[i], got[j], options, answer.decimals[j], ref_places[i])[0]   # noqa: E731
    point = wrong_point(ref, got, options)
    labelled = len(options.labels) == len(ref) and (shape is None or 1 in shape)     # parts with names, labelled or not
    said, swapped = ([], set()) if point else misplaced(ref, got, tuple(ok for ok, _ in results), same, shape,
                                                         [spoken_name(e, options.lang) for e in options.labels] if labelled else None,
                                                         part_groups(options) if len(options.labels) == len(ref) else None)
    if shape and shape[0] == shape[1] and len(swapped) > 2 and _is_transpose(ref, ref_places, replace(answer, shape=shape), shape,
                                                                            options):      # two entries swapped are said so
        said, swapped = [("check.matrix of transpose", {"rows": shape[0], "columns": shape[1]})], set(range(len(ref)))
    lines += [placed(say, key, shape, **values) if key != "check.matrix of transpose" else say(key, **values)
              for key, values in said] + ([say(point[0])] if point else [])
    for index, (ok, r, a, d, (_, decided_by)) in enumerate(zip(right, ref, got, answer.decimals, results), 1):
        if in_x[index - 1]:
            names = lacking[index - 1]
            lines.append(own_names_note(say, shape, index, written[index - 1], names,
                                        {n: formulas[index - 1][canonical_name(n, options.index_names)] for n in names},
                                        readable))
        elif not ok and index - 1 not in swapped and not point:
            found = explained(r, a, d, decided_by, options, say)
            named = {"name": spoken_name(options.labels[index - 1], options.lang)} if labelled else {}    # component 5 (∂f/∂x_2)
            key = ("check.named component" if named else "check.component") + (" detail" if found else "")
            lines.append(placed(say, key, shape, index=index, **named, **({"detail": _lowered(found[0])} if found else {})))
    return Verdict(False, (sum(right) + sum(in_x) / 2) / len(ref), tuple(lines), "components", answer, right)


def _is_transpose(ref, ref_places, answer, shape, options) -> bool:
    """The answer, written as a matrix of the other shape, is the expected matrix transposed, entry by entry."""
    if len(shape) != 2 or answer.shape != (shape[1], shape[0]):
        return False
    rows, columns = shape
    order = [j * rows + i for i in range(rows) for j in range(columns)]      # entry (i, j) of ref is (j, i) of the answer
    return all(compare_scalar(ref[k], answer.value[m], options, answer.decimals[m], ref_places[k])[0]
               for k, m in enumerate(order))


def _lowered(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def _length_mismatch(ref, ref_places, answer, options, say):
    got = answer.value
    if len(got) == len(ref) - 1 and len(ref) <= 12:
        for missing in range(len(ref)):
            rest = [(r, p) for k, (r, p) in enumerate(zip(ref, ref_places)) if k != missing]
            if all(compare_scalar(r, a, options, d, p)[0] for (r, p), a, d in zip(rest, got, answer.decimals)):
                score = len(got) / len(ref)
                return Verdict(False, score, (say("check.wrong"), say("check.missing component", index=missing + 1)),
                               "components", answer)
    # too many numbers, and a comma between digits: perhaps a decimal comma read as a separator (not where ';' separates)
    decimal = re.search(r"\d+,\d+", answer.text) if len(got) > len(ref) and options.decimal_comma and ";" not in answer.text else None
    reason = say("check.decimal comma", number=decimal[0]) if decimal else say("check.length", expected=len(ref), got=len(got))
    if not decimal and len(options.labels) == len(ref):     # the parts by name, in the key's order
        reason += " " + say("check.parts", names=", ".join(spoken_name(entry, options.lang) for entry in options.labels))
    hint = None if decimal else iterates_hint(ref, got, options, say)
    if hint:                    # the points of an optimizer's every step, unlabelled: how to label them
        reason += " " + hint
    return Verdict(False, 0.0, (say("check.wrong"), reason), "shape", answer)


def _as_written(values: dict, options) -> dict:
    """A feedback's formulas in the statement's letters: σ′(z) where the notation writes symnn's A as z."""
    back = {name + mark: letter + mark for letter, name in (*options.names, *options.renames) if re.fullmatch(r"[A-Za-z]\w*", name)
            and re.fullmatch(r"[A-Za-z]\w*", letter) for mark in ("", "ᵀ")}
    return {key: value.xreplace({s: type(s)(back[s.name], **s.assumptions0) for s in value.free_symbols if s.name in back})
            if isinstance(value, sp.Basic) else value for key, value in values.items()}


def typeset(values: dict) -> dict:
    return {key: readable(value) if isinstance(value, sp.Basic) else value for key, value in values.items()}
