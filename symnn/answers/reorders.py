"""Right values in other places: the wrong components of a vector, or the entries or whole rows of a matrix,
that hold the values of other components, said as swapped pairs and cycles (components 1, 2 and 3 in another
order), not as a slip of each (a sign, a factor) that happens to fit."""

from __future__ import annotations

import sympy as sp


def reordered(ref, got, right, same) -> list[tuple[int, ...]]:
    """The wrong components of ``got`` that hold right values in another order, as cycles of places (0, 1, …):
    (1, 2) for two swapped, (0, 1, 3) for three moved round; [] when none. ``same(i, j)``: the answer's
    component j has the value of the reference's component i (asked only where their values at a fixed point
    are near, ``_fingerprint``). Only a permutation among the wrong components counts (both places wrong), and
    only of three values or more where more than two are wrong: (1, 0, 0, 1) for (0, 1, 1, 0) holds the
    outputs inverted, not moved."""
    wrong = [k for k, ok in enumerate(right) if not ok]
    if len(wrong) < 2 or len(wrong) > 40:
        return []
    expected, written = [_fingerprint(ref[k]) for k in range(len(ref))], [_fingerprint(v) for v in got]
    if len(wrong) > 2 and len({_rounded(expected[k]) for k in wrong}) < 3:
        return []
    source = {}                                  # answer's place -> the reference's place whose value it holds

    def matched(j, seen) -> bool:                # an augmenting path (Kuhn's matching) from the answer's place j
        for i in wrong:
            if i != j and i not in seen and _near(expected[i], written[j]) and same(i, j):
                seen.add(i)
                holder = next((k for k, v in source.items() if v == i), None)
                if holder is None or matched(holder, seen):      # the holder takes another value's place
                    source[j] = i
                    return True
        return False
    for j in wrong:
        matched(j, set())
    cycles, done = [], set()
    for start in sorted(source):
        cycle, k = [], start
        while k in source and k not in done:     # follow where each value came from, round to the start
            done.add(k)
            cycle.append(k)
            k = source[k]
        if k == start and len(cycle) > 1:
            cycles.append(tuple(sorted(cycle)))
    return cycles


def _fingerprint(value):
    """A value (a row of them: a tuple) at a fixed point of its names, a complex number; None where it does not
    evaluate (an unknown L(w)). A cheap filter before the exact comparison."""
    if isinstance(value, tuple):
        parts = tuple(_fingerprint(v) for v in value)
        return None if None in parts else parts
    try:
        point = {s: sp.Rational(3 + sum(map(ord, s.name)) % 11, 7) for s in value.free_symbols}
        return complex(sp.N(value.xreplace(point), 15))
    except Exception:  # noqa: BLE001 - a value that will not evaluate is no candidate
        return None


def _near(a, b) -> bool:
    """Two fingerprints within 1 % (a decimal typed to a few places is near its exact value)."""
    if a is None or b is None:
        return False
    if isinstance(a, tuple):
        return len(a) == len(b) and all(map(_near, a, b))
    return abs(a - b) <= 0.01 * max(1.0, abs(a))


def _rounded(value):
    """A fingerprint rounded to 9 places, to count the different values (None: each one its own)."""
    if value is None:
        return object()
    if isinstance(value, tuple):
        return tuple(map(_rounded, value))
    return round(value.real, 9), round(value.imag, 9)


def misplaced(ref, got, right, same, shape, names=None, groups=None) -> tuple[list, set]:
    """What says that right values stand in other places, as (phrase key, values) for ``placed``, and the places
    (0, 1, …) it covers: whole rows of a matrix moved (rows 1 and 2 swapped), then components or entries; two
    parts swapped are named by ``names``, the parts' names, when the answer labels them; whole runs of ``groups``
    (``labels.part_groups``: a method's point) moved are said by the runs' names."""
    said, covered = [], set()
    if shape and len(shape) == 2 and min(shape) > 1:
        rows, columns = shape
        span = lambda i: range(i * columns, (i + 1) * columns)      # noqa: E731
        cycles = reordered([tuple(ref[k] for k in span(i)) for i in range(rows)], [tuple(got[k] for k in span(i)) for i in range(rows)],
                           [all(right[k] for k in span(i)) for i in range(rows)],
                           lambda i, j: all(same(i * columns + k, j * columns + k) for k in range(columns)))
        said = [_moved("check.rows", cycle) for cycle in cycles]
        covered = {k for cycle in cycles for i in cycle for k in span(i)}
    if groups:                  # a method's whole point in another method's place: Adam and Adam as on the slide swapped
        blocks = [indices for _, indices in groups]
        cycles = reordered([tuple(ref[k] for k in b) for b in blocks], [tuple(got[k] for k in b) for b in blocks],
                           [all(right[k] for k in b) for b in blocks],
                           lambda i, j: all(same(a, b) for a, b in zip(blocks[i], blocks[j])))
        said += [("check.groups swapped", {"first": groups[c[0]][0], "second": groups[c[1]][0]}) if len(c) == 2 else
                 ("check.groups reordered", {"names": ", ".join(groups[k][0] for k in c[:-1]), "last": groups[c[-1]][0]})
                 for c in cycles]
        covered |= {k for cycle in cycles for i in cycle for k in blocks[i]}
    cycles = reordered(ref, got, [ok or k in covered for k, ok in enumerate(right)], same)
    said += [("check.named swapped", {"i": c[0] + 1, "j": c[1] + 1, "first": names[c[0]], "second": names[c[1]]})
             if names and len(c) == 2 else _moved("check", c) for c in cycles]       # parts named: 2 (∂f/∂x) and 3 (∂f/∂y)
    return said, covered | {k for cycle in cycles for k in cycle}


def _moved(prefix: str, cycle: tuple) -> tuple:
    if len(cycle) == 2:
        return f"{prefix} swapped" if prefix == "check.rows" else "check.swapped", {"i": cycle[0] + 1, "j": cycle[1] + 1}
    return f"{prefix}.reordered" if prefix == "check.rows" else "check.reordered", \
        {"indices": ", ".join(str(k + 1) for k in cycle[:-1]), "last": cycle[-1] + 1}
