"""The learning rate under the letter the statement gives it.

A method whose rule names its rate λ (the course's momentum, Δw ← −λ·g + α·Δw) states Mitchell's exercise with
η: where the statement writes η and never λ, the key writes η too, as notation = { lambda = '\\eta' } would.
"""

from __future__ import annotations

import re

from ..problems.answer_schema import OPTIMIZER_SETTINGS

COMMON = "eta"            # the letter most books give a learning rate


def stated_rate(problem) -> dict:
    r"""{rate: '\eta'} where the method's rate is another letter that the statement never writes but writes η.

    >>> from types import SimpleNamespace as P
    >>> stated_rate(P(data={"optimizer": "momentum-delta"}, statement={"en": r"with $\eta = 0.3$"}))
    {'lambda': '\\eta'}
    >>> stated_rate(P(data={"optimizer": "momentum-delta"}, statement={"en": r"with $\lambda = 0.3$"}))
    {}
    """
    settings = OPTIMIZER_SETTINGS.get(problem.data.get("optimizer", ""), ())
    if not settings or settings[0] == COMMON or COMMON in settings:
        return {}
    text = problem.statement.get("en") or ""
    written = lambda letter: re.search(rf"\\{letter}(?![a-zA-Z])", text)        # noqa: E731
    return {settings[0]: "\\" + COMMON} if written(COMMON) and not written(settings[0]) else {}
