"""symnn: the mathematics of neural networks, derived exactly and explained step by step.

>>> import symnn
>>> step = symnn.diff_steps("sigmoid(w*x + b)", "w")
>>> step.result
x*(1 - sigmoid(b + w*x))*sigmoid(b + w*x)
>>> symnn.gradient_steps("x*y + y*z^2 + cos(z)/x", "x, y, z", at=[1, 2, 0]).values
(1, 1, 0)
"""

from .answers import CheckOptions, Verdict, check_answer
from .differentiate import diff_steps
from .functions import sigmoid
from .gradient import Gradient, ValueAt, gradient_steps, value_at
from .parse import ParseError, parse_expr_safe
from .render import render, to_html, to_json, to_latex, to_markdown, to_text
from .solve import Solution, solve
from .bank import Problem, load_bank
from .steps import Rewrite, Step
from .network import Network
from .compile import compile_numpy, stable_form
from .models import ScalarModel
from .dense import DenseModel
from .gradcheck import gradcheck
from .optimizers import Updater, one_step
from .train import train

__version__ = "0.1.0"

__all__ = [
    "diff_steps", "gradient_steps", "value_at", "Step", "Rewrite", "Gradient", "ValueAt", "sigmoid",
    "solve", "Solution", "load_bank", "Problem", "check_answer", "Verdict", "CheckOptions",
    "parse_expr_safe", "ParseError",
    "render", "to_text", "to_latex", "to_markdown", "to_html", "to_json",
    "Network", "compile_numpy", "stable_form", "ScalarModel", "DenseModel", "gradcheck",
    "Updater", "one_step", "train",
]
