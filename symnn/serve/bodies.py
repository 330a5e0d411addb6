"""Reading a request's body: JSON no deeper than ``MAX_DEPTH`` (checked by a scan before the
parser, which would otherwise recurse 20,000 levels), and a form of plain fields (no uploads).

>>> read_json(b'{"answer": "[[1]]"}')                 # brackets inside a string do not count
{'answer': '[[1]]'}
>>> try:
...     read_json(b"[" * 100 + b"]" * 100)
... except BodyError as error:
...     print(error)
the JSON is nested more than 20 levels deep
>>> read_form(b"answer=%2812%3B+12%29&x=1")
{'answer': '(12; 12)', 'x': '1'}
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

MAX_DEPTH = 20


class BodyError(ValueError):
    """A body that cannot be read: the message says why (the answer is a 400)."""


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
        raise BodyError("the body is not JSON (not UTF-8 text)") from None
    if depth(text) > MAX_DEPTH:
        raise BodyError(f"the JSON is nested more than {MAX_DEPTH} levels deep")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise BodyError("the body is not JSON") from None


def read_form(body: bytes) -> dict[str, str]:
    """An HTML form's fields (application/x-www-form-urlencoded); the last value of a repeated field."""
    try:
        return dict(parse_qsl(body.decode("ascii"), keep_blank_values=True, max_num_fields=20))
    except (UnicodeDecodeError, ValueError):
        raise BodyError("the form cannot be read") from None
