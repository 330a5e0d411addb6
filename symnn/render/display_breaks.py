r"""Where a display of a derivation may break across pages: between its steps, never leaving fewer than
``LEAST_ROWS`` rows of it on either side of the break.

A row that begins ``&\quad`` goes on with the row above it (the hint under a step, or the rest of a side cut
in two): no break before it. A break leaves at least ``LEAST_ROWS`` rows above it (the first step with its
label) and below it (the last step, which the answer or the table after the display takes along): the rule
of a table's rows, for a display's. A display too short to leave so many on either side is never broken; it
goes to the next page whole, and the page before it ends short only then.

>>> print(rows_bound("a &= 1 \\\\\n&= 2 \\\\\n&\\quad \\text{(hint)} \\\\\n&= 3 \\\\\n&= 4 \\\\\n&= 5"))
a &= 1 \\*
&= 2 \\*
&\quad \text{(hint)} \\
&= 3 \\
&= 4 \\*
&= 5
"""

from __future__ import annotations

import re

# the fewest rows of a display a page break leaves on either side of it (as a table's, ``rows_kept``)
LEAST_ROWS = 2
_ROW_END = re.compile(r" \\\\\*?(?=\[|$)")
_GOES_ON = "&\\quad"


def rows_bound(body: str) -> str:
    """The rows of a display's ``body`` (``align*``, without its frame) with ``\\\\*`` (no page break) at the end of
    every row where a break would part a row from what goes on with it, or leave fewer than ``LEAST_ROWS`` rows
    on a side; ``\\\\`` (a break allowed) elsewhere."""
    rows = body.split("\n")
    ends = [k for k, row in enumerate(rows) if _ROW_END.search(row)]
    out = list(rows)
    for k in ends:
        above, below = k + 1, len(rows) - k - 1              # rows on either side of a break after row k
        goes_on = k + 1 < len(rows) and rows[k + 1].lstrip().startswith(_GOES_ON)
        star = goes_on or above < LEAST_ROWS or below < LEAST_ROWS
        out[k] = _ROW_END.sub(r" \\\\*" if star else r" \\\\", rows[k])
    return "\n".join(out)
