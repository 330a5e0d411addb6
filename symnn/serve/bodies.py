"""Reading a request's body: JSON no deeper than ``MAX_DEPTH`` (checked by a scan before the
parser, which would otherwise recurse 20,000 levels), and a form of plain fields (no uploads).

>>> read_json(b'{"answer": "[[1]]"}')                 # brackets inside a string do not count
{'answer': '[[1]]'}
>>> try:
...     read_json(b"[" * 100 + b"]" * 100)
... except BodyError as error:
...     print(error)
The JSON is nested more than 20 levels deep.
>>> read_form(b"answer=%2812%3B+12%29&x=1")
{'answer': '(12; 12)', 'x': '1'}
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from ..lang import phrase

MAX_DEPTH = 20


class BodyError(ValueError):
    """A body that cannot be read (the answer is a 400): ``key`` names the reason in the catalogues
    (``serve.error.*``), str() is the English sentence."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(phrase("en", key, **values))


def depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings."""
    deepest = level = 0
    inside = escaped = False
    for char in text:
        if inside:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                inside = False
        elif char == '"':
            inside = True
        elif char in "[{":
            level += 1
            deepest = max(deepest, level)
        elif char in "]}":
            level -= 1
    return deepest


def read_json(body: bytes):
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BodyError("serve.error.not text") from None
    if depth(text) > MAX_DEPTH:
        raise BodyError("serve.error.too deep", most=MAX_DEPTH)
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise BodyError("serve.error.not json") from None


def read_form(body: bytes) -> dict[str, str]:
    """An HTML form's fields (application/x-www-form-urlencoded); the last value of a repeated field."""
    try:
        return dict(parse_qsl(body.decode("ascii"), keep_blank_values=True, max_num_fields=20))
    except (UnicodeDecodeError, ValueError):
        raise BodyError("serve.error.form") from None
