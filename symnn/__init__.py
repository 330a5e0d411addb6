"""symnn: the mathematics of neural networks, derived exactly and explained step by step.

>>> import symnn
>>> step = symnn.diff_steps("sigmoid(w*x + b)", "w")
>>> step.result
x*(1 - sigmoid(b + w*x))*sigmoid(b + w*x)
>>> symnn.gradient_steps("x*y + y*z^2 + cos(z)/x", "x, y, z", at=[1, 2, 0]).values
(1, 1, 0)

The names below are imported when first used, so that ``symnn --help`` and
``symnn problems`` start without loading SymPy.

In a notebook every result shows itself (MathML, Markdown, LaTeX) in the language of
``symnn.set_lang`` (English by default); ``lang=`` gives one result a language of its own:

>>> import symnn.render     # a notebook's `import symnn` does this: results show through the printers
>>> symnn.solve("4.5", lang="ru")._repr_markdown_().split(" ")[:2]
['**Задача', '4.5.**']
"""

from __future__ import annotations

import functools
import importlib
import sys

__version__ = "0.1.0"

# public name -> the module (below symnn) that defines it
_HOMES = {
    "diff_steps": "calculus.differentiate", "gradient_steps": "calculus.gradient", "value_at": "calculus.gradient",
    "Gradient": "calculus.gradient", "ValueAt": "calculus.gradient", "Step": "calculus.steps",
    "Rewrite": "calculus.steps", "sigmoid": "calculus.functions", "parse_expr_safe": "calculus.parse",
    "ParseError": "calculus.parse", "solve": "problems.solve", "Solution": "problems.solve",
    "load_bank": "problems.bank", "Problem": "problems.bank", "check_answer": "answers.check", "check_bank_answer": "answers.check",
    "Verdict": "answers.check", "CheckOptions": "answers.options", "render": "render", "to_text": "render",
    "to_latex": "render", "to_markdown": "render", "to_html": "render", "to_json": "render",
    "Network": "nn.network", "compile_numpy": "numerics.compile", "stable_form": "numerics.compile",
    "ScalarModel": "numerics.models", "DenseModel": "numerics.dense", "gradcheck": "numerics.gradcheck",
    "Updater": "numerics.updater", "one_step": "nn.optimizers", "train": "numerics.train",
    "descent": "nn.optimizers", "check_derivation": "grading.derivation", "standalone": "export.documents", "export_set": "export.worksheets",
    "set_lang": "calculus.display", "display_lang": "calculus.display",
}
# functions whose results display themselves: each takes lang= (the display language of what it returns);
# True where the function itself speaks (the checker's feedback), so lang= is passed on, the session's by default
_SPEAKING = {"diff_steps": False, "gradient_steps": False, "value_at": False, "solve": False, "one_step": False,
             "descent": False, "train": False, "check_answer": True, "check_bank_answer": True, "check_derivation": True}

__all__ = [
    "diff_steps", "gradient_steps", "value_at", "Step", "Rewrite", "Gradient", "ValueAt", "sigmoid",
    "solve", "Solution", "load_bank", "Problem", "check_answer", "check_bank_answer", "Verdict", "CheckOptions",
    "parse_expr_safe", "ParseError",
    "render", "to_text", "to_latex", "to_markdown", "to_html", "to_json",
    "Network", "compile_numpy", "stable_form", "ScalarModel", "DenseModel", "gradcheck",
    "Updater", "one_step", "descent", "train", "standalone", "export_set", "check_derivation",
    "set_lang", "display_lang",
]


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'symnn' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    if name in _SPEAKING:
        value = _with_lang(value, _SPEAKING[name])
    globals()[name] = value
    if "IPython" in sys.modules:     # in a notebook, results display themselves through the printers
        importlib.import_module(".render", __name__)
    return value


def _with_lang(function, speaks: bool):
    """``function`` that also takes ``lang=``: its result is shown in that language in a notebook."""
    from .calculus import display

    @functools.wraps(function)
    def with_lang(*args, lang: str | None = None, **kwargs):
        if speaks:
            kwargs["lang"] = lang or display.display_lang()
        result = function(*args, **kwargs)
        return result if lang is None else display.shown_in(result, lang)
    return with_lang


def __dir__():
    return sorted(set(globals()) | set(__all__))
