"""The ``symnn`` command: derive, explain and solve from a terminal.

Exit status: 0 on success, 2 for a usage error (a malformed expression, an
unknown problem); errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from .bank import BankError, load_bank
from .differentiate import diff_steps
from .gradient import gradient_steps, value_at
from .parse import ParseError
from .phrases import LANGUAGES
from .render import FORMATS, render
from .render.base import DETAILS
from .solve import solve


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the explanations")
    parser.add_argument("--detail", choices=DETAILS, default="full",
                        help="full: every step; brief: only product, quotient and chain steps")


def _bank_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bank", metavar="DIR", help="a folder of problem files to use instead of the shipped bank")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="symnn", description="The mathematics of neural networks, derived step by step.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    diff = commands.add_parser("diff", help="differentiate an expression, step by step",
                               description="Example: symnn diff 'sigmoid(w*x + b)' --wrt w")
    diff.add_argument("expr", help="the expression, e.g. 'x^2*sin(x)'")
    diff.add_argument("--wrt", required=True, help="the variable to differentiate by")
    diff.add_argument("--order", type=int, default=1, help="order of the derivative (default 1)")
    diff.add_argument("--at", help="a point to evaluate at, e.g. x=2")
    _output_options(diff)

    grad = commands.add_parser("grad", help="the gradient, optionally at a point",
                               description="Example: symnn grad '5x^3 + 3/y^2 + sin(z)' --wrt x,y,z --at x=2,y=1/3,z=0")
    grad.add_argument("expr", help="the expression")
    grad.add_argument("--wrt", help="comma-separated variables (default: all, by name)")
    grad.add_argument("--at", help="the point, e.g. x=2,y=1/3,z=0")
    _output_options(grad)

    problems = commands.add_parser("problems", help="list the problems of the bank")
    problems.add_argument("--lang", choices=LANGUAGES, default="en")
    _bank_option(problems)

    solve_command = commands.add_parser("solve", help="the worked solution of a bank problem")
    solve_command.add_argument("id", help="the problem id, e.g. 4.3 (see `symnn problems`)")
    _output_options(solve_command)
    _bank_option(solve_command)
    return parser


def run(args: argparse.Namespace) -> str:
    settings = {"lang": args.lang}
    if args.command == "problems":
        return "\n".join(f"{p.id:<12} {p.topic:<12} {p.text(args.lang)}"
                         for p in load_bank(args.bank).values())
    settings["detail"] = args.detail
    if args.command == "diff":
        result = diff_steps(args.expr, args.wrt, order=args.order)
        if args.at:
            result = value_at(result, args.at)
    elif args.command == "grad":
        result = gradient_steps(args.expr, args.wrt, at=args.at)
    else:
        result = solve(args.id, args.bank)
    return render(result, args.format, **settings)


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        output = run(args)
    except (ParseError, BankError, ValueError, TypeError) as error:
        print(f"symnn: error: {error}", file=sys.stderr)
        return 2
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
