r"""LaTeX answers, translated into the plain-text grammar that ``calculus.parse`` reads.

One reader serves LaTeX and plain text: a LaTeX answer is translated command by
command, from a whitelist, into text (``\frac{a}{b}`` -> ``((a)/(b))``), and that
text is parsed like any other. A command that is not on the list is refused
with its name, never skipped: ``\phantom{3}2x`` shows 2x and must not be graded
as 32x, ``\color{white}`` can hide a term, ``\def`` changes what follows. The
course's conventions are part of the table: ``\log`` is ln, ``\lg`` is base 10,
``\operatorname{th}`` is tanh, ``0{,}5`` is a decimal comma.

>>> latex_to_text(r"\sigma(x)\left(1 - \sigma(x)\right)")
'sigma (x)(1 - sigma (x))'
>>> latex_to_text(r"\frac12 e^{-x}")
'((1)/(2)) e^(-x)'
>>> latex_to_text(r"\phantom{3}2x")
Traceback (most recent call last):
...
symnn.calculus.parse.ParseError: \phantom is not read in answers: it hides or moves what is shown; write the formula plainly
"""

from __future__ import annotations

import re

from ..calculus.parse import ParseError

GREEK = ("alpha beta gamma delta epsilon zeta eta theta iota kappa mu nu xi rho sigma tau upsilon phi chi psi "
         "omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega").split()
# command -> text
WORDS = {
    **{g: g for g in GREEK}, "lambda": "lamda", "varepsilon": "epsilon", "varphi": "phi", "vartheta": "theta",
    "varrho": "rho", "varsigma": "sigma", "pi": "pi", "infty": "oo",
    "cdot": "*", "times": "*", "ast": "*", "div": "/", "%": "%", "prime": "'", "top": "T",
    "partial": "∂", "nabla": "∂", "{": "(", "}": ")", "lbrace": "(", "rbrace": ")", "lbrack": "[", "rbrack": "]",
    "langle": "(", "rangle": ")", "lvert": "|", "rvert": "|", "vert": "|", "mid": "|",
    ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": " ", "\\": ";",
}
FUNCTIONS = {name: name for name in (
    "sin cos tan cot sec csc arcsin arccos arctan arccot sinh cosh tanh coth sech csch exp ln lg max min "
    "th tg ctg arctg arcctg sh ch cth sgn").split()}
FUNCTIONS["log"] = "ln"                     # \log is natural (the ML convention)
RUSSIAN = {"th", "tg", "ctg", "arctg", "arcctg", "sh", "ch", "cth"}
DROPPED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
           "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits"}
FONTS = {"mathrm", "text", "textrm", "mathit", "mathbf", "boldsymbol", "mathsf", "textit", "textbf", "operatorname",
         "mathnormal", "bm"}
FRACTIONS = {"frac", "dfrac", "tfrac", "cfrac"}
HIDING = {"phantom", "hphantom", "vphantom", "color", "textcolor", "colorbox", "fcolorbox", "hspace", "vspace",
          "kern", "mkern", "mskip", "hskip", "raisebox", "smash", "llap", "rlap", "clap", "mathllap", "mathrlap",
          "mathclap", "cancel", "bcancel", "xcancel", "sout", "def", "newcommand", "renewcommand", "let",
          "DeclareMathOperator", "over", "atop", "choose", "underbrace", "overbrace", "overset", "underset",
          "stackrel", "tag", "label", "href", "url", "class", "cssId", "style", "htmlClass", "htmlStyle",
          "unicode", "require", "mathchoice", "not", "tiny", "scriptsize", "small", "large", "Large", "huge"}
TOKEN = re.compile(r"\\([A-Za-z]+|.)|(\s+)|(.)", re.S)


def latex_to_text(latex: str, natural_log: bool = True, russian_notation: bool = True) -> str:
    """The plain text of a LaTeX formula; raises ParseError naming what it cannot read.
    ``natural_log=False`` reads \\log as base 10; ``russian_notation=False`` refuses \\tg, \\th, ..."""
    tokens = [m[1] and "\\" + m[1] or (" " if m[2] else m[3]) for m in TOKEN.finditer(latex)]
    refused = set() if russian_notation else RUSSIAN
    for token in tokens:
        if token[1:] in refused:
            raise ParseError(f"{token} is Russian notation, which this question does not read")
    if not natural_log:
        tokens = ["\\lg" if t == "\\log" else t for t in tokens]
    text, rest = _translate(tokens, 0, None)
    if rest != len(tokens):
        raise ParseError("unbalanced braces in the LaTeX")
    return re.sub(r"\s+", " ", text).strip()


def _group(tokens, i):
    """One argument: a braced group or a single token (\\frac12). Returns (text, next index)."""
    while i < len(tokens) and tokens[i] == " ":
        i += 1
    if i >= len(tokens):
        raise ParseError("a LaTeX command is missing its argument")
    if tokens[i] == "{":
        return _translate(tokens, i + 1, "}")
    return _translate(tokens[i:i + 1], 0, None)[0], i + 1


def _raw_group(tokens, i):
    """The literal letters of a braced group (for \\operatorname{th}, \\text{d})."""
    text, j = _group(tokens, i)
    return text.replace(" ", ""), j


def _translate(tokens, i, closer):
    out = []
    while i < len(tokens):
        token = tokens[i]
        if token == closer:
            return "".join(out), i + 1
        if token == "{":
            inner, i = _translate(tokens, i + 1, "}")
            out.append(f"({inner})" if inner.strip() not in ("", ",") else inner)
            continue
        if token == "}":
            raise ParseError("unbalanced braces in the LaTeX")
        if token in ("^", "_"):
            argument, i = _group(tokens, i + 1)
            layer = re.fullmatch(r"\s*\(\s*(\w+)\s*\)\s*", argument)     # a^{(1)}: layer 1, not a power
            if token == "^" and not layer:
                out.append(f"^({argument})")
            else:       # a subscript ends the name: w_{1}x_{1} is w_1·x_1
                out.append("_" + re.sub(r"[^A-Za-z0-9]", "", argument) + " ")
            continue
        if not token.startswith("\\"):
            out.append(token)
            i += 1
            continue
        name = token[1:]
        i += 1
        if name in DROPPED:
            if name in ("left", "right") and i < len(tokens) and tokens[i] == ".":
                i += 1
            continue
        if name in WORDS:
            out.append(" " + WORDS[name] + " " if name.isalpha() else WORDS[name])
        elif name in FUNCTIONS:
            out.append(" " + FUNCTIONS[name] + " ")
            if name == "log" and i < len(tokens) and tokens[i] == "_":    # \log_b x = log(x, b)
                base, i = _group(tokens, i + 1)
                argument, i = _function_argument(tokens, i)
                out[-1] = f" log({argument}, {base}) "
        elif name in FRACTIONS:
            numerator, i = _group(tokens, i)
            denominator, i = _group(tokens, i)
            out.append(f"(({numerator})/({denominator}))")
        elif name == "sqrt":
            degree = None
            if i < len(tokens) and tokens[i] == "[":
                close = tokens.index("]", i)
                degree, _ = _translate(tokens[i + 1:close], 0, None)
                i = close + 1
            radicand, i = _group(tokens, i)
            out.append(f"sqrt({radicand})" if degree is None else f"(({radicand})^(1/({degree})))")
        elif name in FONTS:
            word, i = _raw_group(tokens, i)
            out.append(_font_word(word))
        elif name in HIDING:
            raise ParseError(f"\\{name} is not read in answers: it hides or moves what is shown; "
                             "write the formula plainly")
        else:
            raise ParseError(f"\\{name} is not read in answers; write the formula with + - * / ^ "
                             "and functions such as \\sin, \\exp, \\sigma")
    if closer is not None:
        raise ParseError("unbalanced braces in the LaTeX")
    return "".join(out), i


def _function_argument(tokens, i):
    """The argument after \\log_b: a braced group, a parenthesised one, or the next symbol."""
    while i < len(tokens) and tokens[i] == " ":
        i += 1
    if i < len(tokens) and tokens[i] == "(":
        depth, j = 0, i
        while j < len(tokens):
            depth += tokens[j] == "("
            depth -= tokens[j] == ")"
            if depth == 0:
                return _translate(tokens[i + 1:j], 0, None)[0], j + 1
            j += 1
        raise ParseError("unbalanced parentheses in the LaTeX")
    return _group(tokens, i)


def _font_word(word: str) -> str:
    """\\operatorname{th} is a function, \\mathrm{e} Euler's number, \\mathrm{d} the d of a
    derivative, \\text{ReLU} a function; other upright text is read as the math it shows."""
    lowered = word.lower()
    if lowered in ("sigmoid", "sigma"):
        return " sigma "
    if lowered == "relu":
        return " relu "
    if word in FUNCTIONS:
        return " " + FUNCTIONS[word] + " "
    if word == "d":
        return " d "
    return f" {word} " if word.isalpha() else f"({word})"
