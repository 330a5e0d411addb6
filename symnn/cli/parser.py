"""The arguments of every ``symnn`` command, and the limits on the work each may ask for.

Nothing heavy is imported here: the names offered for --activation, --loss, ...
are looked up only when a command needs them, so ``symnn --help`` starts at once.
"""

from __future__ import annotations

import argparse
import importlib

from ..lang import LANGUAGES

# Limits on the work one command may ask for (each refusal names its limit)
MAX_ORDER = 10            # diff --order
MAX_VARIABLES = 20        # grad
MAX_EPOCHS = 100_000      # train --epochs
MAX_STEP = 1000           # step --t (Adam's bias correction is exact: β^t)
MAX_SYMBOLIC_PARAMETERS = 300    # compile --layers, gradcheck (scalar form): one SymPy symbol each
MAX_REVERSE_PARAMETERS = 1200    # backprop: the whole gradient by symbolic reverse mode
MAX_DENSE_PARAMETERS = 20_000    # gradcheck --dense: two central differences per parameter
MAX_LAYER = 64
MAX_DESCENT_STEPS = 200          # plot descent: exact one_step iterates
MAX_PATH_STEPS = 2000            # plot optimizers
MAX_PLOT_EPOCHS = 20_000         # plot loss, boundary
MAX_WORKERS = 256                # grade --workers


class _Names:
    """The names of a table of the library, looked up only when argparse needs them,
    so that ``symnn --help`` does not import SymPy."""

    def __init__(self, module: str, attribute: str, extra=()):
        self.module, self.attribute, self.extra = module, attribute, tuple(extra)

    def _names(self):
        return (*importlib.import_module(self.module, "symnn").__dict__[self.attribute], *self.extra)

    def __iter__(self):
        return iter(self._names())

    def __contains__(self, name):
        return name in self._names()


FORMATS = _Names(".render", "FORMATS")
DETAILS = _Names(".render.base", "DETAILS")
NEURONS = _Names(".nn.network", "ACTIVATIONS")
LOSSES = _Names(".nn.network", "LOSSES")
OUTPUTS = _Names(".nn.network", "OUTPUTS")
OPTIMIZERS = _Names(".nn.optimizers", "OPTIMIZERS")
TASKS = _Names(".numerics.train", "TASKS")
PICTURES = _Names(".export.pictures", "KINDS")
ACTIVATION_TABLE = _Names(".nn.activations", "ACTIVATIONS", extra=("softmax",))


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the explanations")
    parser.add_argument("--detail", choices=DETAILS, default="full",
                        help="full: every rule as a step of its own; brief: each derivative as one chain of equalities")
    parser.add_argument("--decimals", type=int, metavar="N",
                        help="decimal places of rounded values (default: the problem's own, else 4)")
    parser.add_argument("--standalone", action="store_true",
                        help="a whole document (with --format latex: compiles with pdflatex; html: a page that needs nothing)")


def _network_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--activation", choices=NEURONS, default="sigmoid")
    parser.add_argument("--loss", choices=LOSSES, default="mse")
    parser.add_argument("--output", choices=OUTPUTS, default="same", help="softmax: a softmax output layer")


def _bank_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bank", metavar="DIR", help="a folder of problem files to use instead of the shipped bank")


def _diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expr", help="the expression, e.g. 'x^2*sin(x)'")
    parser.add_argument("--wrt", required=True, help="the variable to differentiate by")
    parser.add_argument("--order", type=int, default=1, help="order of the derivative (default 1)")
    parser.add_argument("--at", help="a point to evaluate at, e.g. x=2")
    _output_options(parser)


def _grad_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expr", help="the expression")
    parser.add_argument("--wrt", help="comma-separated variables (default: all, by name)")
    parser.add_argument("--at", help="the point, e.g. x=2,y=1/3,z=0")
    _output_options(parser)


def _graph_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expr", help="the expression")
    parser.add_argument("--at", required=True, help="the values of the variables, e.g. x=1,w1=2,w0=1")
    _plot_option(parser, "the graph, each node with its value and gradient")
    _output_options(parser)


def _plot_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--plot", metavar="FILE", help=f"also draw {what} into FILE (.png, .svg or .pdf)")


def _backprop_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--layers", default="2,2,1", help="layer sizes (default 2,2,1)")
    _network_options(parser)
    parser.add_argument("--param", default="all",
                      help="the parameter, e.g. w1; 'all' (default): the whole gradient by reverse accumulation")
    parser.add_argument("--at", help="inputs, target and any parameters, e.g. x1=-2,x2=-1,y=1 (needed with --param)")
    parser.add_argument("--weights", help="the value of every weight not given in --at")
    parser.add_argument("--biases", help="the value of every bias not given in --at")
    _output_options(parser)


def _activations_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", choices=ACTIVATION_TABLE, help="show the derivation of this activation")
    _output_options(parser)


def _problems_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--verify", action="store_true",
                        help="compare every published (or expected) value with the answer symnn derives; "
                             "exit status 1 if one differs")
    _bank_option(parser)


def _solve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the problem id, e.g. 4.3 (see `symnn problems`)")
    parser.add_argument("--variant", type=int, metavar="K", help="a student's variant of the problem (see `symnn variants`)")
    _output_options(parser)
    _bank_option(parser)


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", nargs="?", help="the problem id (or use --reference)")
    parser.add_argument("answer", help="the answer, in LaTeX or plain text")
    parser.add_argument("--reference", help="the correct answer, instead of a bank problem")
    parser.add_argument("--variant", type=int, metavar="K", help="your variant of the problem (see `symnn variants`)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds allowed for the check (default 2)")
    _bank_option(parser)


def _train_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("task", choices=TASKS)
    parser.add_argument("--optimizer", choices=OPTIMIZERS, help="default: the course's choice for the task")
    parser.add_argument("--epochs", type=int, help="passes over the training data")
    parser.add_argument("--batch", type=int, help="observations per step (default: the optimizer's)")
    parser.add_argument("--seed", type=int, default=0, help="random seed: the same seed gives the same run")
    parser.add_argument("--set", metavar="NAME=VALUE,...", help="optimizer hyperparameters, e.g. eta=0.05,alpha=0.9")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    _plot_option(parser, "the loss after every epoch")
    _output_options(parser)


def _scaling_arguments(parser: argparse.ArgumentParser) -> None:
    _output_options(parser)


def _step_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("optimizer", choices=OPTIMIZERS)
    parser.add_argument("expr", help="the function being minimised")
    parser.add_argument("--at", required=True, help="the current point, e.g. x=1,y=2")
    parser.add_argument("--set", metavar="NAME=VALUE,...", help="hyperparameters, e.g. eta=0.1,alpha=0.9")
    parser.add_argument("--state", action="append", metavar="NAME=V1;V2",
                      help="the optimizer's previous state per coordinate: h, G or dw (Δw), e.g. h=0.5;1 (default 0)")
    parser.add_argument("--t", type=int, default=1, help="the step number t (Adam's bias correction uses it)")
    _output_options(parser)


def _compile_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("expr", nargs="?", help="the expression (or use --layers)")
    parser.add_argument("--wrt", help="variables of the gradient, e.g. w1,w2 (default: every variable)")
    parser.add_argument("--no-cse", action="store_true", help="without common-subexpression elimination")
    parser.add_argument("--layers", help="compile the network with these layer sizes instead, e.g. 2,2,1")
    _network_options(parser)


def _gradcheck_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--layers", default="2,2,1")
    _network_options(parser)
    parser.add_argument("--dense", action="store_true", help="the matrix-form model instead of named scalars")
    parser.add_argument("--seed", type=int, default=0)
    _output_options(parser)


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--set", required=True, metavar="TOPIC|ID,...",
                        help="a topic of the bank (e.g. gradients), or topics and problem ids separated by commas "
                             "(e.g. 4.3,4.4 or losses,gradients)")
    parser.add_argument("--format", choices=("tex", "pdf", "md", "html", "ipynb", "beamer"), default="tex",
                        help="tex (default), pdf (runs pdflatex), md, html (a page that needs nothing), ipynb, or "
                        "beamer (slides for a lecture: one problem per frame, with its picture; LaTeX, and PDF where pdflatex is installed)")
    parser.add_argument("--out", required=True, metavar="DIR", help="the folder to write into (made if missing)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--detail", choices=DETAILS, default="full",
                        help="the answer key's derivations: full (every step) or brief (the key steps)")
    parser.add_argument("--decimals", type=int, metavar="N", help="decimal places of rounded values (default: each problem's own)")
    parser.add_argument("--width", metavar="LENGTH", help="tex, pdf: the text width lines are broken for, a TeX "
                        "length such as 12cm (default: A4 with 2 cm margins)")
    parser.add_argument("--course", metavar="TITLE", help="the course named at the top of a worksheet")
    parser.add_argument("--students", metavar="ROSTER",
                        help="a worksheet and a key for each student of this roster, headed with their name, in their own variants")
    parser.add_argument("--seed", type=int, default=0, help="with --students: the seed of `symnn variants`")
    parser.add_argument("--student-column", metavar="NAME", default="student")
    _bank_option(parser)


def _latex_preamble_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="the language of the fragments")


def _plot_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=PICTURES, help="graph: a computational graph; activations; descent: GD for "
                        "several learning rates; optimizers; loss: training curves; boundary: a trained network's "
                        "decision boundary; zigzag: unscaled against standardised features; gradient: level sets "
                        "with the gradient at right angles to them; bce: the cross-entropy curves -ln p, -ln(1 - p); "
                        "saturation: the sigmoid's derivative vanishing for |x| > 3, beside tanh' and ReLU', and the "
                        "gradient through 10 layers of each; "
                        "fitting: under- and overfitting, error against degree and a learning curve; batches: batch, "
                        "mini-batch and stochastic gradient descent and their costs; neuron: one update of a sigmoid "
                        "neuron turning its line (momentum: optimizers --optimizers gd,momentum --eta 0.02)")
    parser.add_argument("expr", nargs="?", help="graph: the expression; descent, optimizers: f of two variables "
                        "(default (x^2 + 10*y^2)/2); gradient: f of two variables (default (x^2 + y^2)/2)")
    parser.add_argument("--at", help="a point: graph: the values of the variables; descent, optimizers, zigzag: the start "
                        "(x=1,y=1; x=-2.5,y=1; w1=0,w2=0 by default); activations: x=a marks f(a) and f'(a); "
                        "loss: epoch=k marks the loss after epoch k; boundary: x1=..,x2=.. marks the network's output; "
                        "gradient: the point whose gradient is drawn (x=1,y=2); bce: p=a marks both losses at a; "
                        "saturation: x=a marks the derivatives at a (x=3); fitting: degree=k draws that fit, epoch=k "
                        "marks the learning curve; batches: the start (w0=-2,w1=-1); neuron: the example with Y = 1 "
                        "(x1=2,x2=0.5; its mirror has Y = 0)")
    parser.add_argument("--surface", action="store_true", help="gradient: the 3-D surface z = f(x, y) beside the map")
    parser.add_argument("--rates", help="descent: learning rates, e.g. 0.02,0.1,0.18,0.205 (the default)")
    parser.add_argument("--steps", type=int, help="descent (default 25), optimizers (default 40): steps drawn")
    parser.add_argument("--eta", type=float, help="optimizers: one learning rate for every optimizer (by default each "
                        "has its own, written in the legend); batches: the learning rate of all three (default 0.1); "
                        "neuron: λ (default 1.5)")
    parser.add_argument("--optimizers", help="optimizers, loss: names separated by commas")
    parser.add_argument("--task", choices=TASKS, default="xor", help="loss, boundary: the training task (default xor)")
    parser.add_argument("--epochs", type=int, help="loss, boundary: passes over the data; batches: passes each method "
                        "makes (default 5); fitting: epochs of the learning curve (default 3000)")
    parser.add_argument("--seed", type=int, help="loss, boundary, batches: the random seed (default 0); fitting: the "
                        "seed of the noisy points (default 4)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the titles, labels and numbers")
    parser.add_argument("--out", required=True, metavar="FILE", help="the picture's file: .png, .svg or .pdf")


def _variants_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="a problem with variants, e.g. 4.3")
    parser.add_argument("--students", required=True, metavar="ROSTER",
                        help="a CSV roster with a student column (or one student id per line)")
    parser.add_argument("--seed", type=int, required=True, help="the same seed gives every student the same variant")
    parser.add_argument("--out", required=True, metavar="FILE", help="the CSV to write: student, variant, numbers, statement, answer")
    parser.add_argument("--student-column", metavar="NAME", default="student")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the statements")
    _bank_option(parser)


def _check_steps_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the problem id, e.g. 4.6")
    parser.add_argument("file", help="the derivation as written: a step per line (LaTeX or plain text), words between the "
                        "lines, or a pasted LaTeX block such as align*; - reads standard input")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds allowed for the whole check (default 5)")
    _bank_option(parser)


def _grade_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("submissions", help="a CSV file (columns student, problem, answer, optional variant) or JSON lines")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="where results.csv, students.csv, problems.csv, summary.json and report.html go; "
                        "rerunning into the same DIR resumes")
    parser.add_argument("--input-format", choices=("csv", "jsonl"), help="default: from the file name (.jsonl is JSON lines)")
    for column in ("student", "problem", "answer", "variant"):
        parser.add_argument(f"--{column}-column", metavar="NAME", help=f"the input's name for the {column} column")
    parser.add_argument("--workers", type=int, default=0, help="worker processes (default: every core)")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds allowed per answer (default 2)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the feedback and the report")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="grade on a Dask distributed cluster (the cluster extra) instead of this machine's cores")
    _bank_option(parser)


def _serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2, help="checking worker processes (default 2)")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds allowed per answer (default 2)")
    parser.add_argument("--seed", type=int, default=0, help="the seed of the students' variants (?student=ID)")
    parser.add_argument("--rate", type=float, default=20.0, help="checks per second allowed to one client (default 20)")
    parser.add_argument("--forwarded-allow-ips", default=None, metavar="ADDRESSES",
                        help="proxies whose X-Forwarded-For is believed, comma-separated addresses or networks "
                             "(default: none; the client is the socket's address)")
    parser.add_argument("--metrics-token", default=None,
                        help="/metrics answers requests with 'Authorization: Bearer TOKEN' (default: the loopback only)")
    _bank_option(parser)


# command -> (what `symnn --help` says of it, the function that adds its arguments)
COMMANDS = {
    "diff": (dict(help="differentiate an expression, step by step",
             description="Example: symnn diff 'sigmoid(w*x + b)' --wrt w"), _diff_arguments),
    "grad": (dict(help="the gradient, optionally at a point",
             description="Example: symnn grad '5x^3 + 3/y^2 + sin(z)' --wrt x,y,z --at x=2,y=1/3,z=0"), _grad_arguments),
    "graph": (dict(help="forward and backward tables of a computational graph",
             description="Example: symnn graph '1 + exp(x*w1 + w0)' --at x=1,w1=2,w0=1"), _graph_arguments),
    "backprop": (dict(help="dL/d(parameter) by the chain rule along every path, each factor derived",
             description="Example: symnn backprop --layers 2,2,1 --param w1 --at x1=-2,x2=-1,y=1 --weights 1 --biases 0"), _backprop_arguments),
    "activations": (dict(help="the table of activation functions, or one derivation"), _activations_arguments),
    "problems": (dict(help="list the problems of the bank"), _problems_arguments),
    "solve": (dict(help="the worked solution of a bank problem"), _solve_arguments),
    "export": (dict(help="a worksheet (statements) and an answer key (derivations) of a problem set",
             description="Example: symnn export --set gradients --format pdf --out sheets --lang ru"), _export_arguments),
    "latex-preamble": (dict(help="the \\usepackage lines a LaTeX fragment of symnn needs (solve --format latex)",
             description="Example: symnn latex-preamble --lang ru  (fontenc T2A, inputenc utf8, babel, amsmath)"),
             _latex_preamble_arguments),
    "variants": (dict(help="each student's own variant of a problem, deterministic from a seed",
             description="Example: symnn variants 4.3 --students roster.csv --seed 2026 --out variants.csv"),
             _variants_arguments),
    "serve": (dict(help="the practice pages and the JSON API on a web server (the serve extra)",
             description="Example: symnn serve --port 8000  (then open http://127.0.0.1:8000/)"), _serve_arguments),
    "check-steps": (dict(help="check a derivation line by line: the first line that does not follow, and why",
             description="Example: symnn check-steps 4.6 work.txt  (lines such as d/dy(y(x+2y)) = x + 4y, words such "
                         "as 'By the chain rule:' between them, or a \\begin{align*} block); line numbers are those of the file"),
             _check_steps_arguments),
    "grade": (dict(help="grade a class: every row of a CSV or JSON-lines file of answers, on every core",
             description="Example: symnn grade answers.csv --out graded --answer-column response"), _grade_arguments),
    "plot": (dict(help="draw a picture of the course: graph, activations, descent, optimizers, loss, boundary, zigzag",
             description="Example: symnn plot graph '1 + exp(x*w1 + w0)' --at x=1,w1=2,w0=1 --out g.png"), _plot_arguments),
    "check": (dict(help="check an answer against a bank problem or a reference",
             description="Examples: symnn check 4.3 '(60, -162, 1)';  symnn check --reference 'x*exp(x)' 'e^x(1+x)'"), _check_arguments),
    "train": (dict(help="train a network of the course: xor, gender or digits",
             description="Example: symnn train gender --seed 0;  symnn train digits --optimizer adam --epochs 40"), _train_arguments),
    "scaling": (dict(help="why standardised features make gradient descent converge faster",
             description="Condition number and gradient-descent steps for raw, centred and standardised features"), _scaling_arguments),
    "step": (dict(help="one optimizer step at a point, every value shown",
             description="Example: symnn step adam '(x^2 + y^2)/2' --at x=1,y=2 --set eta=0.1"), _step_arguments),
    "compile": (dict(help="the NumPy code generated for an expression and its gradient, or for a network",
             description="Examples: symnn compile 'log(1 + exp(-x*w))' --wrt w;  symnn compile --layers 2,2,1 "
                    "(the network's loss and gradient, with the stages of backpropagation marked)"), _compile_arguments),
    "gradcheck": (dict(help="a network's compiled gradient against central differences",
             description="Example: symnn gradcheck --layers 2,3,1 --activation tanh --loss mse"), _gradcheck_arguments),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that command's arguments are set up (nothing else
    is imported), so a command starts without loading what the others need."""
    parser = argparse.ArgumentParser(
        prog="symnn", description="The mathematics of neural networks, derived step by step.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (texts, add_arguments) in COMMANDS.items():
        sub = commands.add_parser(name, **texts)
        if command is None or command == name:
            add_arguments(sub)
    return parser
