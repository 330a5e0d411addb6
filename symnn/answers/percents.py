r"""A percent sign after a number: the unit of a quantity that is a percentage (MAPE is defined with
100 %, so 11.95 % is its value 11.95), or a hundredth of any other quantity (an MAE of 20 % is 0.2,
and the answer says how it was read).

>>> percent_read("MAPE = 11.95 %", percentage=True)
('MAPE = 11.95', None)
>>> percent_read(r"\approx 11,95\%", percentage=True)
('\\approx 11,95', None)
>>> percent_read("20%", percentage=False)
('20%', ('note.percent', {'written': '20%', 'value': '0.2'}))
>>> percent_read("0.2", percentage=False)
('0.2', None)
"""

from __future__ import annotations

import re
from decimal import Decimal

# a number, then a percent sign (after a space, a LaTeX space or none): 11.95 %, 11,95\,\%, 20％
PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)((?:\s|\\[,;: ]|~)*)(\\%|%|％)")


def percent_read(text: str, percentage: bool) -> tuple[str, tuple | None]:
    """(the text to read, the note on how its percents were read, or None). For a ``percentage`` the sign
    is the unit and is set aside; for any other quantity the text is kept (a percent is read as a
    hundredth) and the note says what the first percent was read as."""
    found = PERCENT.search(text)
    if found is None:
        return text, None
    if percentage:
        return PERCENT.sub(r"\1", text), None
    number = found[1].replace(",", ".")
    read = format((Decimal(number) / 100).normalize(), "f")
    return text, ("note.percent", {"written": found[0], "value": read})
