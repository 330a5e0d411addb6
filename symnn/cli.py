"""The ``symnn`` command: derive, explain and solve from a terminal.

Exit status: 0 on success, 2 for a usage error (a malformed expression, an
unknown problem); errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

import sympy as sp

from .answers import check_answer
from .calculus.differentiate import diff_steps
from .calculus.expressions import as_expr
from .calculus.gradient import gradient_steps, value_at
from .calculus.parse import ParseError, parse_point, parse_symbols
from .lang import LANGUAGES
from .nn.activations import ACTIVATIONS as ACTIVATION_TABLE
from .nn.activations import activation, activation_table
from .nn.backprop import backprop
from .nn.graph import graph_pass
from .nn.network import ACTIVATIONS, LOSSES, OUTPUTS, Network
from .nn.optimizers import OPTIMIZERS, one_step
from .nn.reverse import reverse_gradient
from .nn.softmax import softmax_jacobian
from .numerics.compile import compile_numpy
from .numerics.dense import DenseModel
from .numerics.gradcheck import gradcheck
from .numerics.models import ScalarModel
from .numerics.scaling import scaling_demo
from .numerics.train import TASKS, train
from .problems.bank import BankError, load_bank
from .problems.solve import question_options, solve
from .render import FORMATS, render
from .render.base import DETAILS


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
    acts.add_argument("--name", choices=(*ACTIVATION_TABLE, "softmax"), help="show the derivation of this activation")
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

    train = commands.add_parser(
        "train", help="train a network of the course: xor, gender or digits",
        description="Example: symnn train gender --seed 0;  symnn train digits --optimizer adam --epochs 40")
    train.add_argument("task", choices=tuple(TASKS))
    train.add_argument("--optimizer", choices=tuple(OPTIMIZERS), help="default: the course's choice for the task")
    train.add_argument("--epochs", type=int, help="passes over the training data")
    train.add_argument("--batch", type=int, help="observations per step (default: the optimizer's)")
    train.add_argument("--seed", type=int, default=0, help="random seed: the same seed gives the same run")
    train.add_argument("--set", metavar="NAME=VALUE,...", help="optimizer hyperparameters, e.g. eta=0.05,alpha=0.9")
    train.add_argument("--no-progress", action="store_true", help="no progress bar")
    _output_options(train)

    scaling = commands.add_parser(
        "scaling", help="why standardised features make gradient descent converge faster",
        description="Condition number and gradient-descent steps for raw, centred and standardised features")
    _output_options(scaling)

    step = commands.add_parser(
        "step", help="one optimizer step at a point, every value shown",
        description="Example: symnn step adam '(x^2 + y^2)/2' --at x=1,y=2 --set eta=0.1")
    step.add_argument("optimizer", choices=tuple(OPTIMIZERS))
    step.add_argument("expr", help="the function being minimised")
    step.add_argument("--at", required=True, help="the current point, e.g. x=1,y=2")
    step.add_argument("--set", metavar="NAME=VALUE,...", help="hyperparameters, e.g. eta=0.1,alpha=0.9")
    step.add_argument("--state", action="append", metavar="NAME=V1;V2",
                      help="the optimizer's previous state per coordinate: h, G or dw (Δw), e.g. h=0.5;1 (default 0)")
    step.add_argument("--t", type=int, default=1, help="the step number t (Adam's bias correction uses it)")
    _output_options(step)

    code = commands.add_parser(
        "compile", help="the NumPy code generated for an expression and its gradient, or for a network",
        description="Examples: symnn compile 'log(1 + exp(-x*w))' --wrt w;  symnn compile --layers 2,2,1 "
                    "(the network's loss and gradient, with the stages of backpropagation marked)")
    code.add_argument("expr", nargs="?", help="the expression (or use --layers)")
    code.add_argument("--wrt", help="variables of the gradient, e.g. w1,w2 (default: every variable)")
    code.add_argument("--no-cse", action="store_true", help="without common-subexpression elimination")
    code.add_argument("--layers", help="compile the network with these layer sizes instead, e.g. 2,2,1")
    code.add_argument("--activation", choices=tuple(ACTIVATIONS), default="sigmoid")
    code.add_argument("--loss", choices=tuple(LOSSES), default="mse")
    code.add_argument("--output", choices=OUTPUTS, default="same")

    check_grad = commands.add_parser(
        "gradcheck", help="a network's compiled gradient against central differences",
        description="Example: symnn gradcheck --layers 2,3,1 --activation tanh --loss mse")
    check_grad.add_argument("--layers", default="2,2,1")
    check_grad.add_argument("--activation", choices=tuple(ACTIVATIONS), default="sigmoid")
    check_grad.add_argument("--loss", choices=tuple(LOSSES), default="mse")
    check_grad.add_argument("--output", choices=OUTPUTS, default="same")
    check_grad.add_argument("--dense", action="store_true", help="the matrix-form model instead of named scalars")
    check_grad.add_argument("--seed", type=int, default=0)
    _output_options(check_grad)
    return parser


def _settings(text: str | None) -> dict:
    """'eta=0.1,alpha=0.9' -> {'eta': 0.1, 'alpha': 0.9}; numbers only."""
    settings = {}
    for item in filter(None, (text or "").split(",")):
        name, _, value = item.partition("=")
        try:
            settings[name.strip()] = float(value)
        except ValueError:
            raise ValueError(f"expected NAME=NUMBER, got {item!r}") from None
    return settings


def _sizes(text: str) -> list[int]:
    sizes = [int(n) for n in text.split(",") if n.strip().isdigit()]
    if len(sizes) != len(text.split(",")):
        raise ValueError(f"layer sizes are positive integers separated by commas: {text!r}")
    return sizes


def run_step(args: argparse.Namespace):
    point = parse_point(args.at)
    state = {}
    for item in args.state or []:
        name, _, values = item.partition("=")
        state[name.strip()] = [float(v) for v in values.split(";")]
    return one_step(args.optimizer, args.expr, list(point), list(point.values()), state=state,
                    step_number=args.t, **_settings(args.set))


def run_compile(args: argparse.Namespace) -> str:
    if (args.expr is None) == (args.layers is None):
        raise ValueError("give either an expression or --layers, not both")
    if args.layers:
        model = ScalarModel(Network(_sizes(args.layers), args.activation, args.loss, args.output))
        return model.explained_source().rstrip()
    expr = as_expr(args.expr)
    variables = parse_symbols(args.wrt) if args.wrt else sorted(expr.free_symbols, key=str)
    compiled = compile_numpy([expr, *(sp.diff(expr, v) for v in variables)], sorted(expr.free_symbols, key=str),
                             cse=not args.no_cse)
    return compiled.source.rstrip()


def run_gradcheck(args: argparse.Namespace):
    import numpy as np
    sizes = _sizes(args.layers)
    model = DenseModel(sizes, args.activation, args.loss, args.output) if args.dense \
        else ScalarModel(Network(sizes, args.activation, args.loss, args.output))
    rng = np.random.default_rng(args.seed)
    params = model.init(rng)
    if args.dense:   # biases away from 0: a ReLU at exactly 0 is a kink, not a bug
        params = {k: v + rng.normal(0, 0.1, np.shape(v)) for k, v in params.items()}
    X = rng.normal(size=(8, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], 8)] if args.output == "softmax" \
        else rng.uniform(size=(8, sizes[-1]))
    return gradcheck(model.loss_and_gradient, params, X, Y)


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
    if args.command == "compile":
        return run_compile(args)
    settings = {"lang": args.lang}
    if args.command == "check":
        return run_check(args)
    if args.command == "problems":
        return "\n".join(f"{p.id:<12} {p.topic:<12} {p.text(args.lang)}"
                         for p in load_bank(args.bank).values())
    settings["detail"] = args.detail
    if args.command == "train":
        result = train(args.task, args.optimizer, args.epochs, args.seed, args.batch,
                       progress=not args.no_progress, **_settings(args.set))
    elif args.command == "step":
        result = run_step(args)
    elif args.command == "scaling":
        result = scaling_demo()
    elif args.command == "gradcheck":
        result = run_gradcheck(args)
    elif args.command == "diff":
        result = diff_steps(args.expr, args.wrt, order=args.order)
        if args.at:
            result = value_at(result, args.at)
    elif args.command == "grad":
        result = gradient_steps(args.expr, args.wrt, at=args.at)
    elif args.command == "graph":
        result = graph_pass(args.expr, args.at)
    elif args.command == "activations":
        if args.name == "softmax":
            result = softmax_jacobian(3)
        else:
            result = activation(args.name).derivation() if args.name else activation_table()
    elif args.command == "backprop":
        network = Network(_sizes(args.layers), args.activation, args.loss, args.output)
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
    except (ParseError, BankError, ValueError, TypeError, ImportError) as error:
        print(f"symnn: error: {error}", file=sys.stderr)
        return 2
    try:
        print(output)
    except BrokenPipeError:   # `symnn ... | head` closed the pipe: not an error
        sys.stdout = None
    return 0


if __name__ == "__main__":
    sys.exit(main())
