"""How formulas are written: LaTeX through ``sympy.latex``, plain text through SymPy's str printer.

Both follow the course's habits: derivatives keep their parentheses,
``sigmoid`` is σ, the Heaviside step is H, and Russian text writes tg, ctg, th,
arctg.

>>> import sympy as sp
>>> x = sp.Symbol("x")
>>> latex_math(sp.Derivative(sp.tan(x) ** 2, x), "ru")
'\\\\frac{d}{d x}(\\\\operatorname{tg}^{2} {x})'
>>> text_math(sp.Derivative(x ** 3, x) * 5)
'5·d/dx(x^3)'
>>> text_math(2 * x * sp.exp(2 * x) + sp.exp(-x)), text_math(sp.Symbol("w1") * x ** 2 * sp.exp(3))
('2x·e^(2x) + e⁻ˣ', 'e³·w1·x^2')
"""

from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from ..calculus.greek import GREEK as GREEK_LETTERS
from ..lang import names, separator
from .arguments import FunctionArguments
from .brackets import divided_once, function_brackets, plain_brackets, plain_matrix
from .order import (
    _FactorsAsUsual,
    common_fraction,
    fraction_pulled_out,
    fraction_times_sum,
    in_order,
    minus_sum,
    readable_factors,
    readable_factors_of_fraction,
    readable_fraction,
    readable_terms,
    transpose_outside,
)
from .symbol_names import LATEX_NAME, bare, latex_text, plain_tail, raised, text_name, upright_words
from .transposed_sums import with_transposed_sums
from .typed import RAISED, dotted, power_of_e, with_places
from .values import Shown
from .words import set_apart


def _renamed(text: str, lang: str, kind: str, pattern: str, template: str) -> str:
    """Function names written as ``lang`` writes them (``tg`` for tan); ``pattern`` has a NAME slot."""
    table = names(lang, kind)
    if not table:
        return text
    alternatives = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.sub(pattern.replace("NAME", alternatives), lambda m: template % table[m[1] or m[m.lastindex]], text)


def _unknown_function(expr) -> bool:
    """L(w₁, w₂, b): a function the problem does not give, of its variables."""
    return isinstance(expr, AppliedUndef) and all(isinstance(arg, sp.Symbol) for arg in expr.args)


def _is_partial(printer, expr) -> bool:
    partial = printer._settings.get("partial")
    return len(expr.expr.free_symbols) > 1 if partial is None else partial


class _Latex(_FactorsAsUsual, FunctionArguments, LatexPrinter):
    _default_settings = {**LatexPrinter._default_settings, "partial": None, "written": (), "lang": "en", "arguments": {}}

    def _print_Float(self, expr):
        return with_places(self, super()._print_Float, expr)

    def _print_Tuple(self, expr):                 # a point of one coordinate is that number, never Python's (a,)
        return self._print(expr[0]) if len(expr) == 1 else super()._print_Tuple(expr)

    def _as_ordered_terms(self, expr, order=None):
        return readable_terms(super()._as_ordered_terms(expr, order=order), self._settings["written"])

    def _print_Add(self, expr, order=None):
        """−(y ln p + (1 − y) ln(1 − p)) and (2/3)(11w + 3b − 49), as ``order`` writes them (not in kept order)."""
        if self.order == "none":
            return super()._print_Add(expr, order)
        inside = minus_sum(expr)
        if inside is not None:
            return r"- \left(%s\right)" % super()._print_Add(inside, order)
        shared = common_fraction(expr)
        return super()._print_Add(expr, order) if shared is None else self._fraction_times(*shared)

    def _fraction_times(self, c, rest) -> str:
        """(2/3)(11w + 3b − 49): a shared fraction in front of its sum."""
        inner, (p, q) = r"\left(%s\right)" % self._print(rest) if isinstance(rest, sp.Add) else self._print(rest), sp.fraction(c)
        return r"%s\frac{%s}{%s} %s" % ("- " if c.could_extract_minus_sign() else "", self._print(abs(p)), self._print(q), inner)

    def _print(self, expr, **kwargs):
        expr = with_transposed_sums(expr)     # (1 − y)ᵀ, not 1 − yᵀ, as a factor
        outside = transpose_outside(expr) if self.order != "none" else None
        if outside is not None:               # σ(XW₁)ᵀ, not σ(W₁ᵀXᵀ)
            return r"%s^{T}" % super()._print(outside, **kwargs)
        return super()._print(expr if isinstance(expr, Shown) else bare(expr), **kwargs)

    def _hprint_variadic_function(self, expr, exp=None):
        r"""\max(0, a), \max(0; 4{,}6): the arguments separated as ``lang.separator`` says."""
        args = sorted(expr.args, key=sp.default_sort_key)       # in SymPy's order, each number without brackets
        items = [self._print(bare(a)) for a in args]
        tex = r"\%s\left(%s\right)" % (type(expr).__name__.lower(), separator(self._settings["lang"], items, True).join(items))
        return tex if exp is None else r"%s^{%s}" % (tex, exp)

    _print_Max = _print_Min = _hprint_variadic_function

    def _print_Sum(self, expr):
        """Several limits as nested sums, Σᵢ Σ_c, as a course writes them (not one sum under a \\substack)."""
        if len(expr.limits) == 1:
            return super()._print_Sum(expr)
        heads = "".join(r"\sum_{%s=%s}^{%s} " % tuple(map(self._print, limit)) for limit in reversed(expr.limits))
        return heads + self.parenthesize(expr.function, PRECEDENCE["Mul"])

    def _print_Piecewise(self, expr):
        """Cases with their conditions in the reader's language: if x < 0 / otherwise, при x < 0 / иначе."""
        russian = self._settings.get("decimal_separator") == "comma"
        condition, otherwise = (r"\text{при } ", r"\text{иначе}") if russian else (r"\text{if } ", r"\text{otherwise}")
        rows = [self._print(e) + " & " + (otherwise if c is sp.true else condition + self._print(c)) for e, c in expr.args]
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"

    def _print_Pow(self, expr):
        if expr.base == 10 and expr.exp.is_Integer and expr.exp < 0:     # 10^{-8}, as a tolerance is written
            return "10^{%d}" % expr.exp
        if expr.exp == -1 and expr.base.is_Symbol and not expr.base.is_commutative:       # X^{-1}, X^{-T} = (X^{T})^{-1}
            return self._print(sp.Symbol(expr.base.name.removesuffix("ᵀ"))) + ("^{-T}" if expr.base.name.endswith("ᵀ") else "^{-1}")
        return super()._print_Pow(expr)

    def _print_Symbol(self, expr, style="plain"):
        if isinstance(expr, Shown):         # a number put in a formula: a negative one in parentheses
            text = self._print(expr.number)
            bracket = self.put_in_brackets(expr)
            return r"\left(%s\right)" % text if bracket else text
        if expr.name.startswith("delta_{") and expr.name.endswith("}"):      # δ of a node the notation renames
            return r"\delta_{%s}" % self._print(sp.Symbol(expr.name[7:-1]))
        if expr.name.endswith("^+") and "^" in expr.name[:-2]:           # (a^{2})^{+}: a² after the update
            return r"\left(%s\right)^{+}" % self._print(sp.Symbol(expr.name[:-2]))
        if len(expr.name) > 1 and expr.name.isalpha() and expr.name.isupper():
            return r"\mathrm{%s}" % expr.name
        return upright_words(super()._print_Symbol(expr, style))     # MSE, out_pred upright (render.words)

    def _print_Derivative(self, expr):
        body = self._print(expr.expr)
        symbol = r"\partial" if _is_partial(self, expr) else "d"
        order = sum(count for _, count in expr.variable_count)
        var = self._print(expr.variables[0])
        if _unknown_function(expr.expr) and order == 1:       # ∂L/∂w₁ for a loss L(w₁, w₂, b) not given
            return r"\frac{%s %s}{%s %s}" % (symbol, self._print(sp.Symbol(expr.expr.func.__name__)), symbol, var)
        if order == 1:
            return r"\frac{%s}{%s %s}\left(%s\right)" % (symbol, symbol, var, body)
        return r"\frac{%s^{%d}}{%s %s^{%d}}\left(%s\right)" % (symbol, order, symbol, var, order, body)

    def _print_Heaviside(self, expr, exp=None):
        power = "" if exp is None else "^{%s}" % exp
        return r"H%s\left(%s\right)" % (power, self._print(expr.args[0]))

    def _print_Mul(self, expr):
        if fraction_times_sum(expr, self.order != "none") is not None:      # ½‖a‖² kept in order too
            return self._fraction_times(*fraction_times_sum(expr, self.order != "none"))
        turned = _turned(self, expr)
        if turned is not None:          # (p − y)/(p(1 − p)), not (y − p)/(p(p − 1)); y(b + w)/2, not y(½(b + w))
            return _print_turned(self, expr, turned)
        if self.order != "none" and isinstance(expr, sp.Mul) and expr.could_extract_minus_sign() and (-expr).is_Mul \
                and readable_factors(list((-expr).as_ordered_factors())) != list((-expr).as_ordered_factors()):
            return "- " + self._print_Mul(-expr)
        if self.order != "none" and isinstance(expr, sp.Mul) and not expr.could_extract_minus_sign():
            factors = expr.as_ordered_factors()
            ordered = readable_factors_of_fraction(factors, self._settings["written"])
            if ordered != factors:
                return in_order(self, super()._print_Mul, ordered)
        try:
            return super()._print_Mul(expr)
        except ValueError:      # SymPy's fraction() can fail on a power such as 3^(−Max(4, ln x)): no fraction then
            return r" \cdot ".join(self.parenthesize(factor, PRECEDENCE["Mul"]) for factor in expr.as_ordered_factors())


def _turned(printer, expr):
    """The fraction as people write it (``readable_fraction``, ``fraction_pulled_out``), or None; None as
    well for a product already being turned: SymPy may evaluate the turned form back into it, and
    A → B → A would never end."""
    if printer.order == "none" or expr in printer.__dict__.setdefault("_turning", set()):
        return None
    turned = readable_fraction(expr) or fraction_pulled_out(expr)
    return None if turned is None or turned == expr else turned


def _print_turned(printer, expr, turned) -> str:
    printer._turning.add(expr)
    try:
        return printer._print(turned)
    finally:
        printer._turning.discard(expr)


class TextMath(_FactorsAsUsual, StrPrinter):
    """One line of plain math text; pictures' Unicode labels build on it."""

    _default_settings = {**StrPrinter._default_settings, "partial": None, "full_prec": False, "lang": "en", "written": ()}

    def _print_Float(self, expr):
        text = with_places(self, super()._print_Float, expr)
        return text.replace(".", ",") if self._settings["lang"] == "ru" else text

    def _print_Mul(self, expr):
        """Factors in the order people write them (αΔw, 2λb), as LaTeX writes them."""
        if fraction_times_sum(expr, self.order != "none") is not None:      # ½‖a‖² kept in order too
            return self._fraction_times(*fraction_times_sum(expr, self.order != "none"))
        turned = _turned(self, expr)
        if turned is not None:          # (p − y)/(p(1 − p)), not (y − p)/(p(p − 1)); y(b + w)/2, not y(½(b + w))
            return _print_turned(self, expr, turned)
        if self.order != "none" and expr.could_extract_minus_sign() and (-expr).is_Mul \
                and readable_factors(list((-expr).as_ordered_factors())) != list((-expr).as_ordered_factors()):
            return "-" + self._print_Mul(-expr)
        factors = expr.as_ordered_factors()
        ordered = readable_factors_of_fraction(factors, self._settings["written"])
        if self.order != "none" and not expr.could_extract_minus_sign() and ordered != factors:
            return in_order(self, super()._print_Mul, ordered)
        return divided_once(self, factors, super()._print_Mul(expr))

    def _print_Exp1(self, expr):
        return "e"

    def _print_exp(self, expr):
        power = expr.args[0]                                  # a number put in needs no brackets of its own
        return power_of_e(self._print(power.number if isinstance(power, Shown) else power))   # e³, eˣ, e^(2x + 1)

    def _print_log(self, expr):
        """ln, as the natural logarithm is written (a base other than e is written log_a)."""
        return f"ln({self._print(expr.args[0])})"

    def _print_Pi(self, expr):
        return "π"

    def _print_Tuple(self, expr):                 # (a, b); (a; b) in Russian, as lang.separator says
        if len(expr) == 1:                        # a point of one coordinate is its number, never Python's (a,)
            return self._print(expr[0])
        return "(" + separator(self._settings["lang"]).join(map(self._print, expr)) + ")"

    def _print_Function(self, expr):              # f(x, y); f(0,5; 1) in Russian, as lang.separator says
        args = [self._print(arg) for arg in expr.args]
        return f"{expr.func.__name__}({separator(self._settings['lang'], args, arguments=True).join(args)})"

    def _as_ordered_terms(self, expr, order=None):
        return readable_terms(super()._as_ordered_terms(expr, order=order), self._settings["written"])

    def _print_Add(self, expr, order=None):
        """−(y*ln(p) + …) and (2/3)*(11*w + 3*b - 49), as LaTeX writes them."""
        if self.order == "none":
            return super()._print_Add(expr, order)
        inside = minus_sum(expr)
        if inside is not None:
            return f"-({super()._print_Add(inside, order)})"
        shared = common_fraction(expr)
        return super()._print_Add(expr, order) if shared is None else self._fraction_times(*shared)

    def _fraction_times(self, c, rest) -> str:
        inner, (p, q) = f"({self._print(rest)})" if isinstance(rest, sp.Add) else self._print(rest), sp.fraction(c)
        below = f"({self._print(q)})" if isinstance(q, sp.Mul) else self._print(q)          # 1/(2·n), not 1/2·n
        return f"{'-' if c.could_extract_minus_sign() else ''}({self._print(abs(p))}/{below})*{inner}"

    def _print_Symbol(self, expr):
        if isinstance(expr, Shown):
            text = self._print(expr.number)
            bracket = self.put_in_brackets(expr)
            return f"({text})" if bracket else text
        if expr.name.endswith("^+") and len(expr.name) > 2:          # w5⁺, E_total⁺, (a²)⁺: a value after the update
            name = self._print(sp.Symbol(expr.name[:-2]))
            return (f"({name})" if raised(name) else name) + "⁺"
        version = re.fullmatch(r"([A-Za-z]\w*)\^\{\((\d+)\)\}", expr.name)
        if version:                       # c⁽²⁾, the second value of a program's c (nn.programs.version_name)
            return self._print(sp.Symbol(version[1])) + "⁽" + version[2].translate(RAISED) + "⁾"
        if LATEX_NAME.search(expr.name):       # a notation value in LaTeX: \mathbf{x} as 𝐱, h_{\theta}(x) as h_θ(x)
            return latex_text(expr.name)
        head, sep, tail = expr.name.partition("_")
        head = text_name(f"\\hat{{{head[:-3]}}}" if re.fullmatch(r"\w+hat", head) and len(head) == 4 else head)  # yhat: ŷ
        tail = tail[1:-1] if tail.startswith("{") and tail.endswith("}") else tail
        transposed = re.fullmatch(r"(.+?)(\^T|ᵀ)", tail)                   # W_2ᵀ, not W_(2ᵀ)
        tail, transposed = (transposed[1], "ᵀ") if transposed else (tail, "")
        tail = self._print(sp.Symbol(tail)) if set(tail) & set("\\^_{") else tail     # δ of a^2: δ_(a²)
        tail = tail if plain_tail(tail) or not tail else f"({tail})"        # h_{t-1} as h_(t-1), not h_t-1
        mark = "ᵀ" if head.endswith("ᵀ") and head[:-1] in GREEK_LETTERS else ""        # μᵀ, a Greek vector transposed
        return GREEK_LETTERS.get(head.lstrip("\\").removesuffix(mark), head.replace("\\Delta ", "Δ").replace(
            "\\nabla ", "∇")) + mark + sep + tail + transposed

    def _print_Derivative(self, expr):
        symbol = "∂" if _is_partial(self, expr) else "d"
        order = sum(count for _, count in expr.variable_count)
        var = self._print(expr.variables[0])
        if _unknown_function(expr.expr) and order == 1:
            return f"{symbol}{self._print(sp.Symbol(expr.expr.func.__name__))}/{symbol}{var}"
        if order == 1:
            return f"{symbol}/{symbol}{var}({self._print(expr.expr)})"
        return f"{symbol}^{order}/{symbol}{var}^{order}({self._print(expr.expr)})"

    def _print_sigmoid(self, expr):
        return f"σ({self._print(expr.args[0])})"

    def _print_Heaviside(self, expr):
        return f"H({self._print(expr.args[0])})"

    def _print_Piecewise(self, expr):
        russian = self._settings["lang"] == "ru"
        when, otherwise = ("при", "иначе") if russian else ("if", "otherwise")
        pieces = [f"{self._print(e)} {when} {self._print(c)}" if c is not sp.true else f"{self._print(e)} {otherwise}"
                  for e, c in expr.args]
        return "{" + "; ".join(pieces) + "}"

    def _print_Equality(self, expr):
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"

    def _print_MatrixBase(self, expr):
        """Rows apart, each of several entries a tuple: [(1, -10); (100, 1000)], [1; 2], (1, 2) (``plain_matrix``)."""
        return plain_matrix(self.matrix_entries(expr), self._settings["lang"])

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"

    def _print_Pow(self, expr, rational=False):
        if expr.base == 10 and expr.exp.is_Integer and expr.exp < 0:      # 10^-8, as a tolerance is written
            return f"10^{expr.exp}"
        if expr.exp == sp.S.Half:
            return f"√({self._print(expr.base)})"
        if isinstance(expr.base, sp.Symbol) and raised(self._print(expr.base)):       # (a²)^2: a name's ², then a power
            return f"({self._print(expr.base)})^{self.parenthesize(expr.exp, PRECEDENCE['Pow'])}"
        if expr.exp == -1 and not expr.base.is_commutative:        # a matrix inverse: (XᵀX)⁻¹, X⁻¹, X⁻ᵀ = (Xᵀ)⁻¹; never 1/X
            return re.sub("ᵀ$", "⁻ᵀ", base) if (base := self._print(expr.base)) and expr.base.is_Symbol and base.endswith("ᵀ") \
                else f"{base}⁻¹" if expr.base.is_Symbol else f"({base})⁻¹"
        if expr.exp.is_Rational and expr.exp.is_negative:
            positive = expr.base if expr.exp == -1 else sp.Pow(expr.base, -expr.exp, evaluate=False)
            return f"1/{self.parenthesize(positive, PRECEDENCE['Mul'] + 1)}"
        return super()._print_Pow(expr, rational)

    def _print_Transpose(self, expr):
        return f"{self._print(expr.arg)}^T"

    def _print_MinMaxBase(self, expr):
        """max(0, a); max(0; 4,6) in Russian: the arguments separated as ``lang.separator`` says."""
        args = [self._print(bare(arg)) for arg in sorted(expr.args, key=sp.default_sort_key)]  # max(0, a), as LaTeX
        return f"{type(expr).__name__.lower()}({separator(self._settings['lang'], args, arguments=True).join(args)})"

    def _print_Sum(self, expr):
        """Σ_(k=1)^n e^(y_k): the limits as a subscript and a superscript, nested sums one after the other."""
        limits = "".join(f"Σ_({self._print(var)}={self._print(low)})^{self.parenthesize(high, PRECEDENCE['Pow'])} "
                         for var, low, high in expr.limits)
        return limits + self.parenthesize(expr.function, PRECEDENCE["Mul"])

    def _print(self, expr, **kwargs):
        if isinstance(expr, sp.Indexed):      # its own _sympystr would win over the method below: y[k]
            return self._print_Indexed(expr)
        expr = with_transposed_sums(expr)     # (1 − y)ᵀ, not 1 − yᵀ, as a factor
        outside = transpose_outside(expr) if self.order != "none" else None
        if outside is not None:
            return super()._print(outside, **kwargs) + "ᵀ"
        return super()._print(expr if isinstance(expr, Shown) else bare(expr), **kwargs)

    def _print_Indexed(self, expr):
        """y_k and a_(i,k), as subscripts are typed."""
        indices = [self._print(index) for index in expr.indices]
        if all(len(index) == 1 for index in indices):
            return f"{self._print(expr.base.label)}_{''.join(indices)}"
        return f"{self._print(expr.base.label)}_({', '.join(indices)})"


def latex_math(expr, lang: str = "en", partial: bool | None = None, keep_order: bool = False,
               numbers: bool = False, written: tuple = (), arguments: dict | None = None) -> str:
    """LaTeX for an expression, with the function names of ``lang``.

    ``partial`` writes every derivative with ∂ (True) or d (False); by default
    ∂ is used when the differentiated expression has several variables.
    ``keep_order`` prints terms and factors in the order they were built; ``written`` lists the terms
    of the statement's sums in the order it wrote them (see ``readable_terms``); ``arguments`` says which
    functions the statement writes with a bare argument, sin 2t, and which in brackets (``render.arguments``); ``numbers``
    writes every product with a dot (a formula with numbers put in). Russian writes a
    decimal comma and separates the items of a tuple with a semicolon.
    """
    settings = {"inv_trig_style": "full", "ln_notation": True, "fold_func_brackets": True, "partial": partial, "mat_delim": "(",
                "order": "none" if keep_order else None, "written": written, "arguments": arguments or {},
                "decimal_separator": "comma" if lang == "ru" else "period", "lang": lang}
    if numbers:
        settings["mul_symbol"] = "dot"
    text = function_brackets(plain_brackets(_Latex(settings).doprint(expr)))
    text = set_apart(text)             # λ grad, not λgrad
    return _renamed(text, lang, "latex", r"\\(?:(NAME)(?![a-z])|operatorname\{(NAME)\})", r"\operatorname{%s}")


def text_math(expr, lang: str = "en", partial: bool | None = None, keep_order: bool = False,
              written: tuple = ()) -> str:
    """One-line plain text for an expression (``^`` for powers, as people type)."""
    settings = {"partial": partial, "order": "none" if keep_order else None, "lang": lang, "written": written}
    text = dotted(TextMath(settings).doprint(expr).replace("**", "^").replace("\\Delta ", "Δ"))
    text = re.sub(r"\blamda\b", "λ", text)
    return _renamed(text, lang, "text", r"\b(NAME)\(", "%s(")
