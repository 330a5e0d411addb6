"""The bank the service answers from. Its files are looked at again every ``BANK_FRESH`` seconds
(a teacher may edit them while the service runs); a newer bank that fails to load (a file half
written, a problem of an unknown kind) leaves the last bank that loaded in service: the failure
is logged once and shown in /healthz (``"bank": "stale: <reason>"``), never to a student.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.toml").write_text('topic = "t"\\ntitle.en = "T"\\ntitle.ru = "Т"\\n[[problem]]\\nid = "p"\\n'
...     'kind = "derivative"\\nexpr = "x"\\nwrt = "x"\\nstatement.en = "$x$"\\nstatement.ru = "$x$"\\n')
>>> bank = LiveBank(folder, fresh=0)
>>> sorted(bank.problems()), bank.health()
(['p'], 'ok')
>>> _ = (folder / "b.toml").write_text('topic = "t"\\n[[problem]]\\nid = "q"\\nkind = "program"\\n')
>>> sorted(bank.problems()), bank.health().startswith("stale: ")
(['p'], True)
"""

from __future__ import annotations

import logging
import time

from ..problems.bank import BankError, Problem, load_bank

LOG = logging.getLogger("symnn.serve")
BANK_FRESH = 10.0        # seconds the bank is answered from memory before its files are looked at again


class LiveBank:
    def __init__(self, folder=None, fresh: float = BANK_FRESH):
        self.folder, self.fresh = folder, fresh
        self._problems: dict[str, Problem] = {}
        self._loaded = -float("inf")
        self.stale: str | None = None             # why the newest files did not load, while they do not

    def problems(self) -> dict[str, Problem]:
        """The problems by id: the newest bank that loaded."""
        now = time.monotonic()
        if now - self._loaded > self.fresh:
            self._loaded = now
            try:
                self._problems, self.stale = load_bank(self.folder), None
            except (BankError, OSError) as error:
                if str(error) != self.stale:
                    LOG.error("the problem bank did not load; the last bank that loaded is kept: %s", error)
                self.stale = str(error)
        return self._problems

    def problem(self, problem_id: str) -> Problem | None:
        return self.problems().get(problem_id)

    def health(self) -> str:
        """"ok", or "stale: <reason>" while the newest files do not load."""
        self.problems()
        return "ok" if self.stale is None else f"stale: {self.stale}"
