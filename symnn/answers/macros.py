r"""The notation tables of the LaTeX reader: every command and environment it knows, and what
each one means. A new notation is one entry here; ``answers.latex`` only walks the tree.

A command's *kind* says how it is read, its *value* what it becomes in the plain-text
grammar of ``calculus.parse``, and its *arguments* how many it takes (pylatexenc's argument
spec: ``{`` a mandatory one, ``[`` an optional one, ``*`` a star). Whatever is not in the
tables is refused by name, never skipped.

>>> MACROS["hat"]
Macro(kind='accent', value='hat', arguments='{')
>>> MACROS["le"].value
' <= '
"""

from __future__ import annotations

from dataclasses import dataclass

from ..calculus.greek import SYMPY_NAME


@dataclass(frozen=True)
class Macro:
    kind: str            # how it is read (see answers.latex)
    value: str = ""      # what it becomes
    arguments: str = ""  # pylatexenc's argument spec


def _table(kind: str, names: str, value=None, arguments: str = "") -> dict:
    return {name: Macro(kind, name if value is None else value, arguments) for name in names.split()}


MACROS: dict[str, Macro] = {
    # letters and constants
    **{name: Macro("symbol", symbol) for name, symbol in SYMPY_NAME.items() if name != "lamda"},     # \lambda is lamda
    "infty": Macro("symbol", "oo"), "ell": Macro("symbol", "l"),
    # operators, relations and punctuation, as the plain-text grammar writes them
    **_table("operator", "cdot times ast odot circ bullet", " * "), "div": Macro("operator", " / "),
    "%": Macro("operator", "%"), "prime": Macro("operator", "'"), "partial": Macro("operator", "∂"),
    "nabla": Macro("operator", "∇"), **_table("operator", "top intercal", "T"),
    **_table("operator", "le leq leqslant", " <= "), **_table("operator", "ge geq geqslant", " >= "),
    "lt": Macro("operator", " < "), "gt": Macro("operator", " > "), **_table("operator", "ne neq", " != "),
    "in": Macro("operator", " in "), **_table("operator", "land wedge", " and "),
    **_table("operator", "leftarrow gets", " = "),          # an update w ← w − ηg: the new value of w
    **_table("operator", "lor vee", " or "), "cup": Macro("operator", " ∪ "), "cap": Macro("operator", " ∩ "),
    **_table("operator", "ldots dots cdots", "…"), "approx": Macro("operator", "≈"),
    "det": Macro("operator", " det "),                       # \det J = r: the name of what is computed
    **_table("operator", "{ lbrace", "("), **_table("operator", "} rbrace", ")"),
    "lbrack": Macro("operator", "["), "rbrack": Macro("operator", "]"),
    "langle": Macro("operator", "("), "rangle": Macro("operator", ")"),
    **_table("operator", "lvert rvert vert mid", "|"), **_table("operator", "| lVert rVert Vert", "‖"),
    "\\": Macro("operator", ";"),
    **_table("operator", "Rightarrow Longrightarrow implies", ";"),      # A = 0 ⇒ B = C: the next line of the work
    # spacing, sizing and style: nothing to read
    **_table("space", ", ; : > quad qquad enspace thinspace medspace thickspace", " "), " ": Macro("space", " "),
    "!": Macro("space", ""),
    **_table("drop", "left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr bigm Bigm displaystyle "
             "textstyle scriptstyle limits nolimits nonumber notag mathopen mathclose"),   # \ln\mathopen{}(x): spacing only
    # functions: \log is ln (the ML convention), Russian names as the course writes them
    **_table("function", "sin cos tan cot sec csc arcsin arccos arctan arccot sinh cosh tanh coth sech csch "
             "exp ln lg max min sgn th tg ctg arctg arcctg sh ch cth"),
    "log": Macro("function", "ln"),
    # commands with arguments
    **_table("fraction", "frac dfrac tfrac cfrac", "", "{{"),
    "sqrt": Macro("root", "", "[{"),
    **_table("accent", "hat widehat", "hat", "{"), **_table("accent", "bar overline", "bar", "{"),
    **_table("accent", "tilde widetilde", "tilde", "{"), "dot": Macro("accent", "dot", "{"),
    "ddot": Macro("accent", "ddot", "{"), **_table("accent", "vec overrightarrow", "", "{"),
    **_table("font", "mathrm mathit mathbf boldsymbol bm mathsf mathnormal mathcal textit textbf textrm texttt mathtt", "", "{"),
    "operatorname": Macro("font", "", "*{"),
    **_table("text", "text mbox textnormal", "", "{"),
    "mathbb": Macro("blackboard", "", "{"),
    **_table("wrapper", "boxed fbox", "", "{"),
    **_table("big operator", "sum", "summation"), "prod": Macro("big operator", "product"),
    # commands that hide, move or redefine what is shown: refused, they could change what is graded
    **_table("hiding", "phantom hphantom vphantom color textcolor colorbox fcolorbox hspace vspace kern mkern "
             "mskip hskip raisebox smash llap rlap clap mathllap mathrlap mathclap cancel bcancel xcancel sout "
             "def newcommand renewcommand let DeclareMathOperator over atop choose underbrace overbrace overset "
             "underset stackrel tag label href url class cssId style htmlClass htmlStyle unicode require "
             "mathchoice not tiny scriptsize small large Large huge"),
}
RUSSIAN = {"th", "tg", "ctg", "arctg", "arcctg", "sh", "ch", "cth"}

# environments: a display wrapper is read as its body; a matrix is a vector of its cells
# (answers.read); cases is a piecewise function
ENVIRONMENTS = {
    **{name: "display" for name in ("equation equation* align align* aligned alignat alignat* gather gather* "
                                    "gathered multline multline* split flalign flalign* displaymath math").split()},
    **{name: "matrix" for name in "matrix pmatrix bmatrix Bmatrix smallmatrix".split()},
    **{name: "cases" for name in "cases dcases rcases".split()},
}

# words of prose a formula may carry: the condition of a case, or what announces the answer
OTHERWISE = {"otherwise", "else", "elsewhere", "иначе", "в остальных случаях", "в противном случае", "остальные"}
CONDITION_WORDS = {"if", "for", "when", "where", "при", "если", "когда", "для"}
ANSWER_WORDS = ("final answer", "answer", "ans", "ответ", "итого", "окончательно", "получаем", "получим",
                "result", "результат", "otvet")

# a word in \text{...} or \operatorname{...} that is mathematics
TEXT_FUNCTIONS = {"sigmoid": "sigma", "sigma": "sigma", "relu": "relu", "sign": "sgn",
                  "sgn": "sgn", "heaviside": "Heaviside"}
