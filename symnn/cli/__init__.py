"""The ``symnn`` command: derive, explain, solve and check from a terminal.

Exit status: 0 on success, 2 for a usage error (a malformed expression, an
unknown problem, a limit passed), 1 when a command ran and found something wrong (a
published value that symnn does not derive); errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys

from .parser import build_parser


class CommandFailed(Exception):
    """The command ran, and what it found is wrong: ``output`` is printed, then the message; exit status 1."""

    def __init__(self, output: str, message: str):
        super().__init__(message)
        self.output = output


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(_dashes_kept(parser, argv))
    from .commands import run
    try:
        output = run(args)
    except CommandFailed as failed:      # it ran and found something wrong (problems --verify): what, then why
        print(failed.output)
        print(f"symnn: error: {failed}", file=sys.stderr)
        return 1
    except (ValueError, TypeError, ImportError, OSError) as error:   # ParseError, BankError: ValueErrors
        print(f"symnn: error: {error}", file=sys.stderr)
        return 2
    except RecursionError:
        print("symnn: error: the expression is nested too deeply to work with", file=sys.stderr)
        return 2
    try:
        print(output)
    except BrokenPipeError:   # `symnn ... | head` closed the pipe: not an error
        sys.stdout = None
    return 0


def entry() -> None:
    """The console command: ``main`` on the process's arguments, then a quick exit.

    Python's own shutdown would spend about 0.1 s tearing down SymPy's objects; the
    output is flushed and the worker stopped first, so nothing is lost by skipping it."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    sandbox = sys.modules.get("symnn.answers.sandbox")
    if sandbox is not None:
        sandbox.shutdown()
    os._exit(code)


def _dashes_kept(parser, argv: list[str]) -> list[str]:
    """``--reference -x`` and an answer ``-x`` are values, not options: a value that starts
    with a dash is joined to its option (``--reference=-x``), and positional ones go after ``--``."""
    if not argv or argv[0] not in _subparsers(parser):
        return argv
    sub = _subparsers(parser)[argv[0]]
    flags = {s: action.nargs != 0 for action in sub._actions for s in action.option_strings}
    head, escaped = (argv[1:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv[1:], [])
    options, positional = [], []
    rest = iter(head)
    for token in rest:
        name = token.split("=", 1)[0]
        if name in flags and "=" not in token and flags[name]:
            value = next(rest, None)
            options.append(token if value is None else f"{token}={value}")
        elif name in flags:
            options.append(token)
        else:
            positional.append(token)          # x^2, and -x or -2*x: an expression that starts with a minus
    positional += escaped
    return [argv[0], *options, "--", *positional] if positional else [argv[0], *options]


def _subparsers(parser) -> dict:
    for action in parser._actions:
        if action.choices and hasattr(action, "_name_parser_map"):
            return action._name_parser_map
    return {}


if __name__ == "__main__":
    entry()
