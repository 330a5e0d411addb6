"""What each ``symnn`` command does: read its arguments, bound the work, call one layer
below, and return the text to print. Each imports only what it uses."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import CommandFailed
from .parser import (
    MAX_DENSE_PARAMETERS,
    MAX_DESCENT_STEPS,
    MAX_EPOCHS,
    MAX_LAYER,
    MAX_ORDER,
    MAX_PATH_STEPS,
    MAX_PLOT_EPOCHS,
    MAX_REVERSE_PARAMETERS,
    MAX_STEP,
    MAX_SYMBOLIC_PARAMETERS,
    MAX_VARIABLES,
    MAX_WORKERS,
)


def _within(what: str, value, low, high) -> None:
    if not low <= value <= high:
        raise ValueError(f"{what} must be between {low} and {high}, got {value}")


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


def _sizes(text: str, most_parameters: int) -> list[int]:
    """Layer sizes, each at most MAX_LAYER, with at most ``most_parameters`` weights and biases."""
    sizes = [int(n) for n in text.split(",") if n.strip().isdigit()]
    if len(sizes) != len(text.split(",")):
        raise ValueError(f"layer sizes are positive integers separated by commas: {text!r}")
    for size in sizes:
        _within("a layer size", size, 1, MAX_LAYER)
    parameters = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    if parameters > most_parameters:
        raise ValueError(f"--layers {text} has {parameters} parameters; this command takes at most {most_parameters}")
    return sizes


def run_step(args):
    from ..calculus.parse import parse_point
    from ..nn.optimizers import one_step
    _within("--t", args.t, 1, MAX_STEP)
    point = parse_point(args.at)
    _within("the number of variables", len(point), 1, MAX_VARIABLES)
    state = {}
    for item in args.state or []:
        name, _, values = item.partition("=")
        state[name.strip()] = [float(v) for v in values.split(";")]
    return one_step(args.optimizer, args.expr, list(point), list(point.values()), state=state,
                    step_number=args.t, **_settings(args.set))


def run_compile(args) -> str:
    import sympy as sp

    from ..calculus.expressions import as_expr
    from ..calculus.parse import parse_symbols
    from ..nn.network import Network
    from ..numerics.compile import compile_numpy
    from ..numerics.models import ScalarModel
    if (args.expr is None) == (args.layers is None):
        raise ValueError("give either an expression or --layers, not both")
    if args.layers:
        network = Network(_sizes(args.layers, MAX_SYMBOLIC_PARAMETERS), args.activation, args.loss, args.output)
        return ScalarModel(network).explained_source().rstrip()
    expr = as_expr(args.expr)
    variables = parse_symbols(args.wrt) if args.wrt else sorted(expr.free_symbols, key=str)
    _within("the number of variables", len(variables), 0, MAX_VARIABLES)
    compiled = compile_numpy([expr, *(sp.diff(expr, v) for v in variables)], sorted(expr.free_symbols, key=str),
                             cse=not args.no_cse)
    return compiled.source.rstrip()


def run_gradcheck(args):
    import numpy as np

    from ..nn.network import Network
    from ..numerics.dense import DenseModel
    from ..numerics.gradcheck import gradcheck
    from ..numerics.models import ScalarModel
    sizes = _sizes(args.layers, MAX_DENSE_PARAMETERS if args.dense else MAX_SYMBOLIC_PARAMETERS)
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


def run_check(args) -> str:
    if (args.id is None) == (args.reference is None):
        raise ValueError("give either a problem id or --reference EXPR, not both")
    if args.variant is not None and args.reference is not None:
        raise ValueError("--variant is a variant of a bank problem; it does not go with --reference")
    from ..answers.options import CheckOptions
    from ..answers.sandbox import warm
    options = {"lang": args.lang, "timeout": args.timeout}
    warm("symnn.answers.check", CheckOptions.from_dict(options).memory_mb)
    from ..answers.check import check_answer, check_bank_answer
    if args.reference is not None:
        verdict = check_answer(args.reference, args.answer, **options)
    else:
        verdict = check_bank_answer(args.id, args.answer, args.bank, args.variant, **options)
    if args.format == "json":
        return json.dumps(verdict.as_dict(), ensure_ascii=False)
    return "\n".join(verdict.feedback)


MAX_DECIMALS = 12   # export --decimals: places of the rounded values


def run_export(args) -> str:
    from ..export.worksheets import Options, export_set
    if args.decimals is not None:
        _within("--decimals", args.decimals, 0, MAX_DECIMALS)
    if args.width is not None:
        from ..render.latex import points
        points(args.width)                 # a malformed width is refused before any work
    students = _roster(args.students, args.student_column) if args.students else None
    options = Options(args.detail, args.decimals, args.width, args.course)
    paths = export_set(args.set, args.format, args.out, args.lang, args.bank, students, args.seed, options)
    return "\n".join(str(path) for path in paths)


def run_latex_preamble(args) -> str:
    from ..render.latex_setup import preamble
    return preamble(args.lang)


def picture_of(args):
    """The picture ``symnn plot KIND`` draws; ``--at`` is a point of it for every kind."""
    kind, lang, at = args.kind, args.lang, args.at
    if kind == "graph":
        from ..export.pictures.graphs import graph_picture
        from ..nn.graph import graph_pass
        if args.expr is None or at is None:
            raise ValueError("plot graph needs the expression and --at, e.g. '1 + exp(x*w1 + w0)' --at x=1,w1=2,w0=1")
        return graph_picture(graph_pass(args.expr, at), lang)
    if kind == "activations":
        from ..export.pictures.figures import activations_picture
        return activations_picture(lang, at)
    if kind == "zigzag":
        from ..export.pictures.surfaces import zigzag_picture
        return zigzag_picture(lang, at)
    if kind == "descent":
        from ..export.pictures import surfaces
        steps = args.steps or 25
        _within("--steps", steps, 1, MAX_DESCENT_STEPS)
        rates = tuple(float(r) for r in args.rates.split(",")) if args.rates else surfaces.RATES
        _within("the number of --rates", len(rates), 1, 6)
        return surfaces.descent_picture(args.expr or surfaces.SURFACE, at or surfaces.START, rates, steps, lang)
    if kind == "optimizers":
        from ..export.pictures.optimizers import START, STEPS, SURFACE, optimizers_picture
        steps = args.steps or STEPS
        _within("--steps", steps, 1, MAX_PATH_STEPS)
        names = tuple(args.optimizers.split(",")) if args.optimizers else None
        return optimizers_picture(args.expr or SURFACE, at or START, names, steps, args.eta, lang)
    from ..export.pictures.lessons import LESSONS, lesson_picture
    if kind in LESSONS:
        return lesson_picture(kind, args.expr, at, lang, surface=args.surface, epochs=args.epochs, seed=args.seed,
                              eta=args.eta)
    from ..export.pictures.figures import boundary_picture, loss_picture
    from ..numerics.train import train
    if args.epochs is not None:
        _within("--epochs", args.epochs, 1, MAX_PLOT_EPOCHS)
    optimizers = args.optimizers.split(",") if args.optimizers else [None]
    runs = [train(args.task, name, args.epochs, args.seed or 0, progress=False) for name in optimizers]
    return loss_picture(runs, lang, at) if kind == "loss" else boundary_picture(runs[0], lang, at=at)


def run_plot(args) -> str:
    return str(picture_of(args).save(args.out))


def _also_plotted(args, result) -> None:
    """--plot FILE on graph and train: the picture of what was derived, beside the printed text."""
    if getattr(args, "plot", None) is None:
        return
    if args.command == "graph":
        from ..export.pictures.graphs import graph_picture
        graph_picture(result, args.lang).save(args.plot)
    else:
        from ..export.pictures.figures import loss_picture
        loss_picture([result], args.lang).save(args.plot)


MAX_DERIVATION_BYTES = 64 * 1024


def run_check_steps(args) -> str:
    import sys

    from ..answers.options import RANGES
    from ..grading.derivation import check_derivation
    _within("--timeout", args.timeout, *RANGES["timeout"])
    stream = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8", errors="replace")
    with stream:
        text = stream.read(MAX_DERIVATION_BYTES + 1)
    if len(text) > MAX_DERIVATION_BYTES:
        raise ValueError(f"a derivation is at most {MAX_DERIVATION_BYTES // 1024} KiB")
    verdict = check_derivation(args.id, text, args.bank, args.lang, args.timeout)
    if args.format == "json":
        return json.dumps(verdict.as_dict(), ensure_ascii=False)
    from ..render import render
    return render(verdict, "text", lang=args.lang)


MAX_ROSTER = 100_000


def _roster(path: str, column: str) -> list[str]:
    """Student ids from a CSV with ``column``, or from a file of one id per line."""
    import csv
    with open(path, encoding="utf-8", errors="replace", newline="") as file:
        rows = list(csv.reader(file))
    if not rows:
        raise ValueError(f"{path}: the roster is empty")
    if column in rows[0]:
        index = rows[0].index(column)
        ids = [row[index].strip() for row in rows[1:] if len(row) > index]
    else:
        ids = [row[0].strip() for row in rows if row]
    ids = [i for i in dict.fromkeys(ids) if i]
    if len(ids) > MAX_ROSTER:
        raise ValueError(f"a roster holds at most {MAX_ROSTER} students")
    return ids


def run_variants(args) -> str:
    import csv
    import io

    from ..grading.files import write_atomically
    from ..problems.bank import get_problem
    from ..problems.solve import solve
    from ..problems.variants import assign
    from ..render.math import text_math
    students = _roster(args.students, args.student_column)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["student", "problem", "variant", "parameters", "statement", "answer"])
    for student, problem in assign(get_problem(args.id, args.bank), students, args.seed):
        answer = solve(problem).answer
        shown = text_math(sp_tuple(answer))
        writer.writerow([student, problem.id, problem.variant, json.dumps(dict(problem.parameters)),
                         problem.text(args.lang), shown])
    write_atomically(Path(args.out), buffer.getvalue())
    return f"{len(students)} variants of {args.id} written to {args.out}"


def sp_tuple(answer):
    """An answer as one SymPy object: a vector as a Tuple, a vector of one as its entry."""
    import sympy as sp
    if isinstance(answer, tuple):
        return answer[0] if len(answer) == 1 else sp.Tuple(*answer)
    return answer


def run_grade(args) -> str:
    import sys

    from ..answers.options import RANGES
    from ..grading.batch import Settings, grade_file
    from ..grading.encoding import detect
    from ..grading.submissions import column_names, input_format
    _within("--workers", args.workers, 0, MAX_WORKERS)
    _within("--timeout", args.timeout, *RANGES["timeout"])
    columns = {c: getattr(args, f"{c}_column") for c in ("student", "problem", "answer", "variant")
               if getattr(args, f"{c}_column")}
    # the encoding and delimiter found, said before the grading starts (a wrong guess shows at once)
    source = detect(args.submissions, input_format(args.submissions, args.input_format), column_names(columns).values())
    print(source.describe(args.lang, Path(args.submissions).name), file=sys.stderr)
    tally = grade_file(args.submissions, args.out, Settings(args.lang, args.timeout, workers=args.workers, bank=args.bank),
                       columns, args.input_format, progress=not args.no_progress, scheduler=args.scheduler, source=source)
    verdicts = ", ".join(f"{name} {count}" for name, count in sorted(tally.verdicts.items()))
    return f"{tally.rows} rows graded ({verdicts}) into {args.out}"


def run_serve(args) -> str:
    import importlib.util
    import logging
    if importlib.util.find_spec("uvicorn") is None or importlib.util.find_spec("starlette") is None:
        raise ImportError("symnn serve needs Starlette and uvicorn: pip install 'symnn[serve]'")

    from ..serve.app import create_app
    from ..serve.server import run
    _within("--workers", args.workers, 1, MAX_WORKERS)
    _within("--port", args.port, 1, 65535)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    app = create_app(args.workers, args.bank, args.timeout, args.seed, args.rate, 2 * args.rate,
                     trusted_proxies=args.forwarded_allow_ips, metrics_token=args.metrics_token)
    run(app, args.host, args.port)
    return ""


def run_problems(args) -> str:
    from ..problems.bank import load_bank
    if args.verify:                 # every published value against the derived one (problems.verify)
        from ..answers.check import check_bank_answer
        from ..problems.verify import report
        from ..render.notation_use import unused_notation
        accepts = lambda problem, answer: check_bank_answer(problem, answer, args.bank).correct   # noqa: E731
        table, disagreement = report(args.bank, args.lang, accepts, unused_notation)
        if disagreement:
            raise CommandFailed(table, disagreement)
        return table
    return "\n".join(f"{p.id:<12} {p.topic:<12} {p.text(args.lang)}" for p in load_bank(args.bank).values())


def derive(args: argparse.Namespace):
    """The object a deriving command prints."""
    if args.command == "train":
        from ..numerics.train import train
        if args.epochs is not None and args.epochs > MAX_EPOCHS:
            raise ValueError(f"--epochs is at most {MAX_EPOCHS}, got {args.epochs}")
        return train(args.task, args.optimizer, args.epochs, args.seed, args.batch,
                     progress=not args.no_progress, **_settings(args.set))
    if args.command == "step":
        return run_step(args)
    if args.command == "scaling":
        from ..numerics.scaling import scaling_demo
        return scaling_demo()
    if args.command == "gradcheck":
        return run_gradcheck(args)
    if args.command == "diff":
        from ..calculus.differentiate import diff_steps
        from ..calculus.gradient import value_at
        _within("--order", args.order, 1, MAX_ORDER)
        result = diff_steps(args.expr, args.wrt, order=args.order)
        return value_at(result, args.at) if args.at else result
    if args.command == "grad":
        from ..calculus.expressions import as_expr
        from ..calculus.gradient import gradient_steps
        from ..calculus.parse import parse_symbols
        variables = parse_symbols(args.wrt) if args.wrt else as_expr(args.expr).free_symbols
        _within("the number of variables", len(variables), 1, MAX_VARIABLES)
        return gradient_steps(args.expr, args.wrt, at=args.at)
    if args.command == "graph":
        from ..nn.graph import graph_pass
        return graph_pass(args.expr, args.at)
    if args.command == "activations":
        from ..nn.activations import activation, activation_table
        from ..nn.softmax import softmax_jacobian
        if args.name == "softmax":
            return softmax_jacobian(3)
        return activation(args.name).derivation() if args.name else activation_table()
    if args.command == "backprop":
        from ..nn.backprop import backprop
        from ..nn.network import Network
        from ..nn.reverse import reverse_gradient
        network = Network(_sizes(args.layers, MAX_REVERSE_PARAMETERS), args.activation, args.loss, args.output)
        if args.param == "all":
            return reverse_gradient(network)
        if args.at is None:
            raise ValueError("--at is needed to backpropagate one parameter")
        return backprop(network, args.param, args.at, weights=args.weights, biases=args.biases)
    from ..problems.solve import solve
    return solve(args.id, args.bank, args.variant)


# commands that do their own printing; the others derive an object and render it
RUNNERS = {"compile": run_compile, "check": run_check, "problems": run_problems, "export": run_export,
           "latex-preamble": run_latex_preamble,
           "plot": run_plot, "grade": run_grade, "check-steps": run_check_steps, "variants": run_variants,
           "serve": run_serve}


def run(args: argparse.Namespace) -> str:
    if args.command in RUNNERS:
        return RUNNERS[args.command](args)
    result = derive(args)
    _also_plotted(args, result)
    if args.standalone:
        from ..export import standalone
        return standalone(result, args.format, lang=args.lang, detail=args.detail, decimals=args.decimals)
    from ..render import render
    return render(result, args.format, lang=args.lang, detail=args.detail, decimals=args.decimals)
