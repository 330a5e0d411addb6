"""The ``symnn`` command: derive, explain and solve from a terminal.

Exit status: 0 on success, 2 for a usage error (a malformed expression, an
unknown problem); errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from .bank import BankError, load_bank
from .differentiate import diff_steps
from .gradient import gradient_steps, value_at
from .activations import ACTIVATIONS as ACTIVATION_TABLE
from .activations import activation, activation_table
from .backprop import backprop
from .graph import graph_pass
from .network import ACTIVATIONS, LOSSES, OUTPUTS, Network
from .reverse import reverse_gradient
from .parse import ParseError
from .phrases import LANGUAGES
from .render import FORMATS, render
from .render.base import DETAILS
from .answers import check_answer
from .solve import question_options, solve


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

    graph = commands.add_parser("graph", help="forward and backward tables of a computational graph",
                                description="Example: symnn graph '1 + exp(x*w1 + w0)' --at x=1,w1=2,w0=1")
    graph.add_argument("expr", help="the expression")
    graph.add_argument("--at", required=True, help="the values of the variables, e.g. x=1,w1=2,w0=1")
    _output_options(graph)

    back = commands.add_parser(
        "backprop", help="dL/d(parameter) by the chain rule along every path, each factor derived",
        description="Example: symnn backprop --layers 2,2,1 --param w1 --at x1=-2,x2=-1,y=1 --weights 1 --biases 0")
    back.add_argument("--layers", default="2,2,1", help="layer sizes (default 2,2,1)")
    back.add_argument("--activation", choices=tuple(ACTIVATIONS), default="sigmoid")
    back.add_argument("--loss", choices=tuple(LOSSES), default="mse")
    back.add_argument("--output", choices=OUTPUTS, default="same", help="softmax: a softmax output layer")
    back.add_argument("--param", default="all",
                      help="the parameter, e.g. w1; 'all' (default): the whole gradient by reverse accumulation")
    back.add_argument("--at", help="inputs, target and any parameters, e.g. x1=-2,x2=-1,y=1 (needed with --param)")
    back.add_argument("--weights", help="the value of every weight not given in --at")
    back.add_argument("--biases", help="the value of every bias not given in --at")
    _output_options(back)

    acts = commands.add_parser("activations", help="the table of activation functions, or one derivation")
    acts.add_argument("--name", choices=tuple(ACTIVATION_TABLE), help="show the derivation of this activation")
    _output_options(acts)

    problems = commands.add_parser("problems", help="list the problems of the bank")
    problems.add_argument("--lang", choices=LANGUAGES, default="en")
    _bank_option(problems)

    solve_command = commands.add_parser("solve", help="the worked solution of a bank problem")
    solve_command.add_argument("id", help="the problem id, e.g. 4.3 (see `symnn problems`)")
    _output_options(solve_command)
    _bank_option(solve_command)
    check = commands.add_parser(
        "check", help="check an answer against a bank problem or a reference",
        description="Examples: symnn check 4.3 '(60, -162, 1)';  symnn check --reference 'x*exp(x)' 'e^x(1+x)'")
    check.add_argument("id", nargs="?", help="the problem id (or use --reference)")
    check.add_argument("answer", help="the answer, in LaTeX or plain text")
    check.add_argument("--reference", help="the correct answer, instead of a bank problem")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--lang", choices=LANGUAGES, default="en")
    check.add_argument("--timeout", type=float, default=2.0, help="seconds allowed for the check (default 2)")
    _bank_option(check)
    return parser


def run_check(args: argparse.Namespace) -> str:
    if (args.id is None) == (args.reference is None):
        raise ValueError("give either a problem id or --reference EXPR, not both")
    options = {"lang": args.lang, "timeout": args.timeout}
    if args.reference is not None:
        reference = args.reference
    else:
        solution = solve(args.id, args.bank)
        reference = solution.answer
        options.update(question_options(solution.problem))
    verdict = check_answer(reference, args.answer, **options)
    if args.format == "json":
        return json.dumps(verdict.as_dict(), ensure_ascii=False)
    return "\n".join(verdict.feedback)


def run(args: argparse.Namespace) -> str:
    settings = {"lang": args.lang}
    if args.command == "check":
        return run_check(args)
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
    elif args.command == "graph":
        result = graph_pass(args.expr, args.at)
    elif args.command == "activations":
        result = activation(args.name).derivation() if args.name else activation_table()
    elif args.command == "backprop":
        sizes = [int(n) for n in args.layers.split(",") if n.strip().isdigit()]
        network = Network(sizes, args.activation, args.loss, args.output)
        if args.param == "all":
            result = reverse_gradient(network)
        elif args.at is None:
            raise ValueError("--at is needed to backpropagate one parameter")
        else:
            result = backprop(network, args.param, args.at, weights=args.weights, biases=args.biases)
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
    try:
        print(output)
    except BrokenPipeError:   # `symnn ... | head` closed the pipe: not an error
        sys.stdout = None
    return 0


if __name__ == "__main__":
    sys.exit(main())
