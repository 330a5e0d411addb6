r"""How a key writes the argument of a function: sin z and ln p bare, or sin(z) and ln(p) in brackets, as its
statement writes them.

A key that answers a statement of x = sin 2t and L = −(y ln p + (1 − y) ln(1 − p)) writes sin 2t and y ln p
too, not sin(2t) and y ln(p) beside them. ``argument_styles`` reads how the statement writes each function:
bare (\sin 2t, \ln p: a simple argument needs no brackets) or bracketed (\ln(p): even one letter gets
them); a sum is bracketed either way, and says nothing. Where the statement writes a function neither way, or
both, the key keeps its own habit, one for every function: sin z and ln 10 bare (an atom), sin(2x) in brackets.

>>> argument_styles(r"$x = \sin 2t$, $y = \cos t$; $L = -(y \ln p + (1 - y)\ln(1 - p))$; $\tanh(x)$")
{'sin': True, 'cos': True, 'log': True, 'tanh': False}
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from ..lang import separator

# the functions a statement may write in LaTeX, by SymPy's name
COMMANDS = {"sin": "sin", "cos": "cos", "tan": "tan", "tg": "tan", "cot": "cot", "ctg": "cot", "sinh": "sinh",
            "cosh": "cosh", "tanh": "tanh", "th": "tanh", "ln": "log", "exp": "exp"}
_CALL = re.compile(r"\\(%s)(?![A-Za-z])\s*(?!\^)(\\left\s*)?(.)" % "|".join(COMMANDS))
_SIMPLE = re.compile(r"\s*(\d*\s*[A-Za-z](_\{?\w+\}?)?|\\[A-Za-z]+)\s*\)")      # (p), (2t), (x_1), (\theta)


def argument_styles(statement) -> dict:
    """{SymPy's name of a function: True where the statement writes its simple arguments bare, False where it
    brackets them}, for each function it writes one way only."""
    votes: dict = {}
    for match in _CALL.finditer(statement if isinstance(statement, str) else ""):
        name, bracket = COMMANDS[match[1]], match[3] == "("
        if bracket and not _SIMPLE.match(statement, match.end()):
            continue                                        # ln(1 − p): a sum is bracketed by everyone
        votes.setdefault(name, set()).add(not bracket)
    return {name: seen.pop() for name, seen in votes.items() if len(seen) == 1}


class FunctionArguments:
    """A LaTeX printer's functions written with or without brackets around their argument (setting
    ``arguments``: ``argument_styles`` of the statement)."""

    def _bare_argument(self, expr) -> bool:
        """The argument of a function of one argument may go without brackets: an atom (sin z) by the key's habit,
        a product as clean as 2t too where the statement writes one so, nothing where it brackets one; never a
        negative number or a decimal with a comma (th(−0,75), th(0,1), not th 0,1)."""
        style, arg = self._settings["arguments"].get(expr.func.__name__), (*expr.args, None)[0]
        if isinstance(expr, AppliedUndef) or len(expr.args) != 1 or style is False:
            return False
        if arg.is_number and (arg.is_negative or arg.is_Float and self._settings["decimal_separator"] == "comma"):
            return False
        fraction = arg.is_Rational and not arg.is_Integer                 # ln(9/10), not ln 9/10
        return arg.is_Atom and not fraction or bool(style) and not self._needs_function_brackets(arg)

    def _print_Function(self, expr, exp=None):
        """sin z and cos x without brackets (an atom's argument), f(x) and sin(2x) with them."""
        if isinstance(expr, AppliedUndef) and len(expr.args) > 1 and exp is None:     # L(w₁, w₂, b), as printed
            args = [self._print(arg) for arg in expr.args]                   # f(x, y); f(0{,}5; 1) in Russian
            args = separator(self._settings["lang"], args, arguments=True).join(args)
            return r"%s\left(%s\right)" % (self._print(sp.Symbol(expr.func.__name__)), args)
        fold = self._settings["fold_func_brackets"]
        allowed = self.__dict__.setdefault("_fold", fold)      # the setting, not an outer function's choice
        self._settings["fold_func_brackets"] = allowed and self._bare_argument(expr)   # tanh(tanh x): inner bare
        try:
            return super()._print_Function(expr, exp)
        finally:
            self._settings["fold_func_brackets"] = fold

    def _print_log(self, expr, exp=None):
        """ln p and ln 10 as sin z (an atom's argument), ln(p) where the statement brackets it, ln(1 − p)."""
        if exp is None and self._bare_argument(expr):
            return r"\ln {%s}" % self._print(expr.args[0])
        return super()._print_log(expr, exp)
