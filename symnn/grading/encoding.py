"""How a class file is written: its text encoding and, for CSV, its delimiter, found from its
first bytes so that a file of any size is then read as a stream.

Exports from Excel and course platforms differ. The encoding may be UTF-8 with or without a
byte order mark (BOM), Windows-1251 from a Russian Excel, or UTF-16 from Excel's "Unicode
text"; the delimiter a comma, a semicolon (Excel where the decimal separator is a comma) or a
tab. The encoding: bytes that decode as UTF-8 are UTF-8 (``utf-8-sig`` when they start with its
BOM, so the BOM never reaches the first column's name); any others are given to
charset-normalizer, which chooses among the few encodings class files come in. When the first
SAMPLE_BYTES are plain ASCII, the first later block that is not tells the encoding. The delimiter:
``csv.Sniffer`` on the header and the lines after it, kept only if the header it gives holds as
many of the columns the grader looks for as any other delimiter's.

>>> text = "student;problem;answer\\nИванов Пётр;4.5;(1; 2)\\n"
>>> detect_bytes(text.encode("cp1251"), "csv", ["student", "problem", "answer"])
InputText(encoding='cp1251', delimiter=';')
>>> detect_bytes(text.encode("utf-8-sig"), "csv", ["student", "problem", "answer"]).describe("en", "class.csv")
"reading class.csv as UTF-8 (BOM), separated by ';'"
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from charset_normalizer import from_bytes

from ..lang import phrase

SAMPLE_BYTES = 64 * 1024           # what the encoding and the delimiter are found from
SNIFFED_LINES = 20                 # the header and the lines after it that csv.Sniffer sees
DELIMITERS = (",", ";", "\t")      # in order of preference when nothing tells them apart
# the encodings besides UTF-8 that class files come in, the only ones charset-normalizer may choose
GUESSED_ENCODINGS = ("cp1251", "cp1252", "utf_16", "koi8_r")
LONGEST_CUT = 3                    # bytes of a character the sample's end may have cut off (a UTF-16 surrogate pair's half, ...)
FALLBACK_ENCODING = "utf-8"        # when nothing fits: undecodable bytes are replaced, as before detection
# how the report names each codec (Python's canonical codec names)
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16", "cp1251": "Windows-1251",
                  "cp1252": "Windows-1252", "koi8-r": "KOI8-R"}


@dataclass(frozen=True)
class InputText:
    """How a submissions file is written: a Python codec name and, for CSV, the delimiter."""
    encoding: str
    delimiter: str | None = None          # None: JSON lines

    def open(self, path) -> TextIO:
        """The file as text; a byte the encoding cannot read becomes U+FFFD rather than an error."""
        return open(path, encoding=self.encoding, errors="replace", newline="")

    def as_dict(self) -> dict:
        return {"encoding": self.encoding, "delimiter": self.delimiter}

    def describe(self, lang: str, file: str) -> str:
        """One line for the teacher: how ``file`` is read."""
        encoding = ENCODING_NAMES.get(self.encoding, self.encoding)
        if self.delimiter is None:
            return phrase(lang, "grade.reading json lines", file=file, encoding=encoding)
        separated = phrase(lang, "grade.tab delimiter") if self.delimiter == "\t" \
            else phrase(lang, "grade.delimiter", character=self.delimiter)
        return phrase(lang, "grade.reading csv", file=file, encoding=encoding, separated=separated)


def detect(path, format: str, column_names: Iterable[str]) -> InputText:
    """How the file at ``path`` (``format`` csv or jsonl) is written; ``column_names``: the
    columns the grader looks for, which a right delimiter finds in the header."""
    with Path(path).open("rb") as file:
        head = file.read(SAMPLE_BYTES)
        later = _first_non_ascii_block(file) if head.isascii() else None
    return detect_bytes(head, format, column_names, later)


def detect_bytes(head: bytes, format: str, column_names: Iterable[str], later: bytes | None = None) -> InputText:
    """How a file that begins with ``head`` is written. ``later``: a block further on with
    non-ASCII bytes, when ``head`` is plain ASCII (which reads the same in every candidate)."""
    if format == "jsonl":               # JSON lines are UTF-8 by definition; only a BOM is allowed for
        return InputText("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8")
    encoding = detect_encoding(head if later is None else later)
    if later is not None and encoding == "utf-8-sig":
        encoding = "utf-8"              # a BOM in the middle of a file says nothing about its start
    return InputText(encoding, detect_delimiter(_sample_text(head, encoding), column_names))


def detect_encoding(sample: bytes) -> str:
    """The codec of text that contains ``sample`` (which may end in the middle of a character)."""
    if _decodes_as_utf8(sample):
        return "utf-8-sig" if sample.startswith(codecs.BOM_UTF8) else "utf-8"
    for cut in range(min(LONGEST_CUT, len(sample) - 1) + 1):     # a character cut by the sample's end fails every codec
        guess = _charset_normalizer_guess(sample[:len(sample) - cut])
        if guess is not None:
            return guess
    return FALLBACK_ENCODING


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's choice among GUESSED_ENCODINGS, or None if none decodes ``sample``.
    It reads the sample whole (one step), not a few chunks spread over it: in a mostly ASCII
    file the few names that tell the encoding apart could fall between the chunks."""
    guess = from_bytes(sample, steps=1, chunk_size=len(sample), cp_isolation=list(GUESSED_ENCODINGS)).best()
    return None if guess is None else codecs.lookup(guess.encoding).name


def detect_delimiter(text: str, column_names: Iterable[str]) -> str:
    """The delimiter of the CSV ``text`` (its header and first lines): csv.Sniffer's choice among
    DELIMITERS unless another delimiter finds more of ``column_names`` in the header; when the
    sniffer cannot tell, the one that finds the most (then splits the header into the most fields)."""
    known = set(column_names)
    header_scores = {d: _header_score(text, d, known) for d in DELIMITERS}
    best = max(DELIMITERS, key=header_scores.__getitem__)       # the first of equals: comma before the others
    try:
        sniffed = csv.Sniffer().sniff(text, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:                                          # no delimiter it could tell
        return best
    return sniffed if header_scores[sniffed][0] >= header_scores[best][0] else best


def _header_score(text: str, delimiter: str, known: set[str]) -> tuple[int, int]:
    """How well ``delimiter`` splits the header: how many known column names, how many fields."""
    try:
        header = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    except csv.Error:
        return (0, 0)
    return (len(known.intersection(header)), len(header))


def _decodes_as_utf8(sample: bytes) -> bool:
    """Whether ``sample`` is valid UTF-8, a last character cut off by the sample's end allowed."""
    try:
        codecs.getincrementaldecoder("utf-8")(errors="strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _sample_text(head: bytes, encoding: str) -> str:
    """The header and the first lines of the file, decoded; a line the sample cut short is left out."""
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)
    lines = text.splitlines(keepends=True)
    if len(head) == SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]
    return "".join(lines[:SNIFFED_LINES])


def _first_non_ascii_block(file: BinaryIO) -> bytes | None:
    """The first of the remaining SAMPLE_BYTES blocks that holds a non-ASCII byte, or None. Only
    those say which encoding the file is in; reading on costs time, never memory."""
    while block := file.read(SAMPLE_BYTES):
        if not block.isascii():
            return block
    return None
