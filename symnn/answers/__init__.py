"""Checking students' answers: read (safely) -> compare (named checks) -> explain.

Above the engine: it may use ``symnn.problems`` and everything below it. A
student's text is never evaluated; it is parsed by a whitelist and checked in a
sandboxed worker with time and memory limits. The names below are imported when
first used, so that the sandbox can start before SymPy is loaded.
"""

import importlib

_HOMES = {"check_answer": "check", "check_bank_answer": "check", "Verdict": "check", "CheckOptions": "options",
          "read_answer": "read", "Answer": "read"}
__all__ = list(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'symnn.answers' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
