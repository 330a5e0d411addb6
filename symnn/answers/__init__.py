"""Checking students' answers: read (safely) -> compare (named checks) -> explain.

Above the engine: it may use ``symnn.problems`` and everything below it. A
student's text is never evaluated; it is parsed by a whitelist and checked in a
sandboxed worker with time and memory limits.
"""

from .check import Verdict, check_answer
from .options import CheckOptions
from .read import Answer, read_answer

__all__ = ["check_answer", "Verdict", "CheckOptions", "read_answer", "Answer"]
