"""symnn: the mathematics of neural networks, derived exactly and explained step by step.

>>> import symnn
>>> step = symnn.diff_steps("sigmoid(w*x + b)", "w")
>>> step.result
x*(1 - sigmoid(b + w*x))*sigmoid(b + w*x)
>>> symnn.gradient_steps("x*y + y*z^2 + cos(z)/x", "x, y, z", at=[1, 2, 0]).values
(1, 1, 0)
"""

from .answers import CheckOptions, Verdict, check_answer
from .calculus.differentiate import diff_steps
from .calculus.functions import sigmoid
from .calculus.gradient import Gradient, ValueAt, gradient_steps, value_at
from .calculus.parse import ParseError, parse_expr_safe
from .calculus.steps import Rewrite, Step
from .nn.network import Network
from .nn.optimizers import one_step
from .numerics.compile import compile_numpy, stable_form
from .numerics.dense import DenseModel
from .numerics.gradcheck import gradcheck
from .numerics.models import ScalarModel
from .numerics.train import train
from .numerics.updater import Updater
from .problems.bank import Problem, load_bank
from .problems.solve import Solution, solve
from .render import render, to_html, to_json, to_latex, to_markdown, to_text

__version__ = "0.1.0"

__all__ = [
    "diff_steps", "gradient_steps", "value_at", "Step", "Rewrite", "Gradient", "ValueAt", "sigmoid",
    "solve", "Solution", "load_bank", "Problem", "check_answer", "Verdict", "CheckOptions",
    "parse_expr_safe", "ParseError",
    "render", "to_text", "to_latex", "to_markdown", "to_html", "to_json",
    "Network", "compile_numpy", "stable_form", "ScalarModel", "DenseModel", "gradcheck",
    "Updater", "one_step", "train",
]
