"""The problem bank: one TOML file per topic, data only.

The bank shipped with symnn lives in ``problems/`` of the repository and inside
the installed package as ``symnn/_bank``. A teacher adds a file there, or
points ``load_bank(directory)`` (``symnn --bank DIR``) at a folder of their own.

>>> bank = load_bank()
>>> bank["4.3"].kind, bank["4.3"].data["wrt"]
('gradient', 'x, y, z')
"""

from __future__ import annotations

import difflib
import stat
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from ..lang import local_numbers
from .point_schema import with_ordered_point
from .schema import file_errors, problem_errors
from .slips import book_slips

PACKAGE_BANK = Path(__file__).parents[1] / "_bank"       # in an installed wheel
CHECKOUT_BANK = Path(__file__).parents[2] / "problems"   # in a source checkout
COMMON_FIELDS = {"id", "kind", "statement", "published", "expected", "note", "variants"}
MAX_FILE_BYTES = 256 * 1024


class BankError(ValueError):
    """A problem file that cannot be read, or an id that is not in the bank."""


@dataclass(frozen=True)
class Problem:
    """One exercise: its statement in each language and the data its solver needs."""

    id: str
    kind: str
    topic: str
    statement: dict = field(compare=False)
    data: dict = field(compare=False)
    published: object = field(default=None, compare=False)    # what a source prints
    slips: dict = field(default_factory=dict, compare=False)  # its misprints: place among its numbers → why
    expected: object = field(default=None, compare=False)     # the bank's own value, printed nowhere
    note: dict = field(default_factory=dict, compare=False)
    source: str = ""
    topic_title: dict = field(default_factory=dict, compare=False)   # the title of the problem's file, by language
    variants: dict = field(default_factory=dict, compare=False)      # parameters and templates (problems.variants)
    variant: int | None = None                                       # which variant this is, if one
    parameters: tuple = ()                                           # that variant's (name, value) pairs
    folder: Path | None = field(default=None, compare=False)         # where the files it names are read (CSV data)

    @property
    def cross_check(self):
        """What the tests compare the derived answer with: the value the bank's author worked out
        (``expected``), where a source prints none or prints it only roughly, else the published one.
        Neither decides an answer."""
        return self.expected if self.expected is not None else self.published

    def text(self, lang: str) -> str:
        """The statement in ``lang``, its numbers written as that language writes them (0,5 in Russian)."""
        return local_numbers(self.statement.get(lang) or next(iter(self.statement.values()), ""), lang)

    def remark(self, lang: str) -> str | None:
        """The bank's note in ``lang``, if it has one, its numbers written as that language writes them."""
        note = self.note.get(lang)
        return None if note is None else local_numbers(note, lang)

    def answer_form(self, lang: str) -> str | None:
        """The form the answer takes, as the statement's language says it (``answer_form``), if declared."""
        forms = self.data.get("answer_form", {})
        form = forms.get(lang) or next(iter(forms.values()), None)
        return None if form is None else local_numbers(form, lang)


def default_bank_dir() -> Path:
    return PACKAGE_BANK if PACKAGE_BANK.is_dir() else CHECKOUT_BANK


def load_bank(directory=None) -> dict[str, Problem]:
    """Every problem of every ``*.toml`` file in ``directory`` (default: the shipped bank), by id.
    Each file is checked against the schema (``problems.schema``); a bank read once is kept
    until one of its files changes."""
    folder = bank_folder(directory)
    key = bank_version(folder)
    if key not in _LOADED:
        problems: dict[str, Problem] = {}
        for path in sorted(folder.glob("*.toml")):
            for problem in _read_file(path):
                if problem.id in problems:
                    raise BankError(f"{path.name}: problem id {problem.id!r} is used twice")
                problems[problem.id] = problem
        _LOADED.clear()
        _LOADED[key] = problems
    return _LOADED[key]


_LOADED: dict = {}


def bank_folder(directory=None) -> Path:
    """The bank's folder as an absolute path (a relative one read from the current directory, now:
    a worker process may have another), or BankError when there is no folder there."""
    folder = Path(directory) if directory is not None else default_bank_dir()
    if not folder.is_dir():
        raise BankError(f"no problem bank at {folder}")
    return folder.resolve()


def bank_version(directory=None) -> tuple:
    """What identifies the bank as it is now: its folder and each file's name, mode, size and time
    of change. Whatever was derived from a bank is kept under this, and derived again when it changes."""
    folder = bank_folder(directory)
    return (str(folder), tuple((p.name, *_signature(p)) for p in sorted(folder.glob("*.toml"))))


def _signature(path: Path) -> tuple:
    try:
        info = path.stat()
    except OSError:
        return (None, None, None)
    return (info.st_mode, info.st_size, info.st_mtime_ns)


def get_problem(problem_id: str, directory=None) -> Problem:
    bank = load_bank(directory)
    if problem_id not in bank:
        close = difflib.get_close_matches(problem_id, bank, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `symnn problems` lists them"
        raise BankError(f"no problem {problem_id!r} in the bank{hint}")
    return bank[problem_id]


def _read_file(path: Path) -> list[Problem]:
    try:
        content = tomllib.loads(_file_text(path))
    except tomllib.TOMLDecodeError as error:
        raise BankError(f"{path.name}: {error}") from None
    errors = file_errors(content)
    if errors:
        raise BankError(f"{path.name}: {errors[0]}")
    topic = content.get("topic", path.stem)
    problems = []
    for number, entry in enumerate(content.get("problem", []), 1):
        errors = problem_errors(entry, path.parent)
        if errors:
            name = entry.get("id", number) if isinstance(entry, dict) else number
            raise BankError(f"{path.name}: problem {name}: {errors[0]}")
        # at = "x1 = 0.5, x2 = 0.5" of an optimizer step: the list in the order of wrt
        data = with_ordered_point(entry["kind"], {key: value for key, value in entry.items() if key not in COMMON_FIELDS})
        published, slips = book_slips(entry.get("published"))
        problems.append(Problem(
            id=str(entry["id"]), kind=entry["kind"], topic=topic, statement=entry["statement"],
            data=data, published=published, slips=slips, expected=entry.get("expected"), note=entry.get("note", {}),
            source=entry.get("source", content.get("source", "")), topic_title=content.get("title", {}),
            variants=entry.get("variants", {}), folder=path.parent,
        ))
    return problems


def _file_text(path: Path) -> str:
    """The text of a problem file: a regular file of at most MAX_FILE_BYTES, in UTF-8."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise BankError(f"{path.name}: not a regular file")
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise BankError(f"{path.name}: cannot be read ({error.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise BankError(f"{path.name}: larger than {MAX_FILE_BYTES // 1024} KiB")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BankError(f"{path.name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
