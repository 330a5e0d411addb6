"""Checking students' answers: read (safely) -> compare (named checks) -> explain."""

from .check import Verdict, check_answer
from .options import CheckOptions
from .read import Answer, read_answer

__all__ = ["check_answer", "Verdict", "CheckOptions", "read_answer", "Answer"]
