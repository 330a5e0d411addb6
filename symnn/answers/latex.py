r"""LaTeX answers, translated into the plain-text grammar that ``calculus.parse`` reads.

The LaTeX is tokenized and parsed into a tree by pylatexenc (groups, commands with their
arguments, environments, ``$…$`` and ``\(…\)``); the tree is walked, and every command is
looked up in the notation tables of ``answers.macros``. A command that is not in the tables
is refused with its name, never skipped: ``\phantom{3}2x`` shows 2x and must not be graded
as 32x, ``\color{white}`` can hide a term, ``\def`` changes what follows. The course's
conventions are table entries: ``\log`` is ln, ``\lg`` is base 10, ``\operatorname{th}`` is
tanh, ``\hat y`` is ŷ, ``0{,}5`` is a decimal comma, ``\sum_{i=1}^{3}`` is a sum.

>>> latex_to_text(r"\sigma(x)\left(1 - \sigma(x)\right)")
'sigma (x)(1 - sigma (x))'
>>> latex_to_text(r"\frac12 e^{-x} + \hat{y}_i")
'((1)/(2)) e^(-x) + yhat_i'
>>> latex_to_text(r"\phantom{3}2x")
Traceback (most recent call last):
...
symnn.calculus.parse.ParseError: \phantom is not read in answers: it hides or moves what is shown; write the formula plainly
"""

from __future__ import annotations

import re

from pylatexenc import latexwalker as walker
from pylatexenc import macrospec

from ..calculus.parse import ParseError
from .macros import CONDITION_WORDS, ENVIRONMENTS, MACROS, OTHERWISE, RUSSIAN, TEXT_FUNCTIONS


def _context() -> macrospec.LatexContextDb:
    """pylatexenc's table of argument specs, made from symnn's notation tables."""
    db = macrospec.LatexContextDb()
    db.add_context_category("symnn", macros=[macrospec.MacroSpec(name, macro.arguments)
                                             for name, macro in MACROS.items() if macro.arguments],
                            environments=[macrospec.EnvironmentSpec(name, "") for name in ENVIRONMENTS], specials=[])
    db.set_unknown_macro_spec(macrospec.MacroSpec("", ""))
    db.set_unknown_environment_spec(macrospec.EnvironmentSpec("", ""))
    return db


CONTEXT = _context()


def parse_latex(latex: str) -> list:
    """pylatexenc's node list of ``latex``; a syntax error is a ParseError naming the place."""
    try:
        nodes, _, _ = walker.LatexWalker(latex, latex_context=CONTEXT, tolerant_parsing=False).get_latex_nodes()
    except walker.LatexWalkerError as error:
        where = getattr(error, "pos", None)
        raise ParseError("latex syntax", position=where + 1 if isinstance(where, int) else 1) from None
    except RecursionError:
        raise ParseError("latex too deep") from None
    return nodes


def latex_to_text(latex: str, natural_log: bool = True, russian_notation: bool = True) -> str:
    """The plain text of a LaTeX formula; raises ParseError naming what it cannot read.
    ``natural_log=False`` reads \\log as base 10; ``russian_notation=False`` refuses \\tg, \\th, ..."""
    reader = _Reader(natural_log, russian_notation)
    return re.sub(r"\s+", " ", reader.nodes(parse_latex(latex))).strip()


def _kronecker_cases(pieces) -> str | None:
    """Two cases on indices, i = j and i ≠ j (or otherwise), as the entry formula through Kronecker's delta:
    a·δ_ij + b·(1 − δ_ij); None for any other cases."""
    parts = [re.fullmatch(r"\((.*), ([a-z])\s*(=|!=)\s*([a-z])\)|\((.*), (otherwise)\)", piece.strip(), re.S) for piece in pieces]
    if len(parts) != 2 or not all(parts) or parts[0][3] != "=" or parts[0][2] == parts[0][4]:
        return None
    same, other = parts
    if other[6] is None and not (other[3] == "!=" and {other[2], other[4]} == {same[2], same[4]}):
        return None
    delta = f"delta_{same[2]}{same[4]}"
    return f" (({same[1]})*{delta} + ({other[1] if other[6] is None else other[5]})*(1 - {delta})) "


class _Reader:
    """Walks pylatexenc's tree: characters one at a time, commands by their kind in the tables."""

    def __init__(self, natural_log: bool, russian_notation: bool):
        self.natural_log = natural_log
        self.russian_notation = russian_notation

    def nodes(self, nodes) -> str:
        return self.items(_items(nodes))

    def items(self, items) -> str:
        out, i = [], 0
        while i < len(items):
            text, i = self.item(items, i)
            if text.startswith("_"):
                while out and not out[-1].strip():
                    out.pop()
                if out:
                    out[-1] = out[-1].rstrip()                # \hat{y}_i is yhat_i, \alpha_1 is alpha_1
            if text.startswith("_[") and out and out[-1].endswith("1"):
                out[-1], text = out[-1][:-1], f" iverson({text[2:-1]}) "     # 1_{x>0}: the indicator
            out.append(text)
        return "".join(out)

    def item(self, items, i):
        """The text of the item at i, and the index after what it consumed."""
        item = items[i]
        if isinstance(item, str):
            if item in "^_":
                return self.script(items, i)
            return item, i + 1
        kind, item = item.kind, item.node
        if kind == "LatexGroupNode":
            inner = self.nodes(item.nodelist).strip()
            return (f"({inner})" if inner not in ("", ",") else inner), i + 1
        if kind == "LatexMathNode":
            return " " + self.nodes(item.nodelist) + " ", i + 1
        if kind == "LatexCommentNode":           # % in a formula is a percent sign
            return "%" + item.comment, i + 1
        if kind == "LatexEnvironmentNode":
            return self.environment(item), i + 1
        return self.macro(items, i)

    def script(self, items, i):
        """x^{2}, x_{1}; a^{(1)} is layer 1, not a power; a subscript ends the name (w_1x_1 is w_1·x_1)."""
        mark = items[i]
        if i + 1 >= len(items):
            raise ParseError("script", mark=mark)
        argument, j = self.argument(items, i + 1)
        layer = re.fullmatch(r"\s*\(\s*(\w+)\s*\)\s*", argument)
        if mark == "^" and not layer:
            return f"^({argument})", j
        if re.search(r"[<>]|!=|\bin\b", argument):            # 1_{x>0}: the indicator of a condition
            return f"_[{argument}]", j
        indices = [re.sub(r"[^A-Za-z0-9]", "", index) for index in argument.split(",")]
        return "_" + "_".join(i for i in indices if i) + " ", j           # w_{11,2} is w_11_2, not w_{1,12}

    def argument(self, items, i):
        """One argument after ^ or _: a group, a command, or a single character."""
        while i < len(items) and items[i] == " ":
            i += 1
        if i >= len(items):
            raise ParseError("missing argument")
        item = items[i]
        if item == "(":                                     # ^(2): a bracketed exponent, as ² is spelled
            return self.parenthesised(items, i)
        if isinstance(item, str):
            return item, i + 1
        if item.kind == "LatexGroupNode":
            return self.nodes(item.node.nodelist), i + 1
        return self.item(items, i)

    def macro(self, items, i):
        node = items[i].node
        name = node.macroname
        macro = MACROS.get(name)
        if macro is None:
            raise ParseError("unknown command", name=name)
        if macro.kind == "hiding":
            raise ParseError("hiding command", name=name)
        arguments = list(node.nodeargd.argnlist) if node.nodeargd else []
        read = getattr(self, "_" + macro.kind.replace(" ", "_"))
        return read(name, macro, arguments, items, i + 1)

    # one method per kind of the tables: (name, table entry, arguments, items, next index)

    def _symbol(self, name, macro, arguments, items, i):
        return f" {macro.value} ", i

    def _operator(self, name, macro, arguments, items, i):
        return macro.value, i

    def _space(self, name, macro, arguments, items, i):
        return macro.value, i

    def _drop(self, name, macro, arguments, items, i):
        if name in ("left", "right") and i < len(items) and items[i] == ".":
            i += 1                                   # \left. and \right. show nothing
        return "", i

    def _function(self, name, macro, arguments, items, i):
        if name in RUSSIAN and not self.russian_notation:
            raise ParseError("russian notation", name=name)
        value = macro.value if self.natural_log or name != "log" else "lg"
        if name == "log" and i < len(items) and items[i] == "_":          # \log_b x = log(x, b)
            base, i = self.argument(items, i + 1)
            argument, i = self.function_argument(items, i)
            return f" log({argument}, {base}) ", i
        return f" {value} ", i

    def function_argument(self, items, i):
        """The argument after \\log_b: a group, a parenthesised run, or the next symbol."""
        while i < len(items) and items[i] == " ":
            i += 1
        if i < len(items) and items[i] == "(":
            return self.parenthesised(items, i)
        return self.argument(items, i)

    def parenthesised(self, items, i):
        """The text inside the parentheses that open at i, and the index after them."""
        depth = 0
        for j in range(i, len(items)):
            depth += items[j] == "("
            depth -= items[j] == ")"
            if depth == 0:
                return self.items(items[i + 1:j]), j + 1
        raise ParseError("latex parentheses")

    def _fraction(self, name, macro, arguments, items, i):
        numerator, denominator = (self.group(a) for a in arguments[:2])
        return f"(({numerator})/({denominator}))", i

    def _root(self, name, macro, arguments, items, i):
        degree, radicand = arguments[0], self.group(arguments[1])
        if degree is None:
            return f"sqrt({radicand})", i
        return f"(({radicand})^(1/({self.group(degree)})))", i

    def _accent(self, name, macro, arguments, items, i):
        """\\hat y is the name yhat (as SymPy prints Symbol('yhat')); \\vec w is w; 0.\\overline{3} repeats."""
        inner = self.group(arguments[0]).strip()
        if macro.value == "bar" and re.fullmatch(r"\d+", inner):
            return f"({inner})", i                                 # 0.\overline{3}: 0.(3), a repeating decimal
        word = re.fullmatch(r"([A-Za-z]+)(_\w+)?", inner.replace(" ", ""))
        if not word:
            raise ParseError("accent", name=name)
        return f" {word[1]}{macro.value}{word[2] or ''} ", i

    def _font(self, name, macro, arguments, items, i):
        word = self.group(arguments[-1]).replace(" ", "")
        return _font_word(word), i

    def _text(self, name, macro, arguments, items, i):
        """Words: the condition or "otherwise" of a case, or a function written out; other prose is refused."""
        words = _raw_text(arguments[0]).strip()
        lowered = words.lower().strip(" ,.:;")
        if lowered in OTHERWISE:
            return " otherwise ", i
        if lowered in CONDITION_WORDS or lowered in ("", "and", "и", "or", "или"):
            return {"and": " and ", "и": " and ", "or": " or ", "или": " or "}.get(lowered, " "), i
        return _font_word(words.replace(" ", "")), i

    def _blackboard(self, name, macro, arguments, items, i):
        """\\mathbb{1}_{x>0}, \\mathbb{1}[x>0], \\mathbb{1}(x>0): the indicator of a condition
        (1 where it holds, else 0)."""
        if self.group(arguments[0]).strip() in ("1", "(1)", "I"):
            following = items[i] if i < len(items) else None
            return {"(": " iverson", "[": " "}.get(following, "1") if isinstance(following, str) else "1", i
        raise ParseError("blackboard", letter=self.group(arguments[0]))

    def _wrapper(self, name, macro, arguments, items, i):
        return self.group(arguments[0]), i

    def _big_operator(self, name, macro, arguments, items, i):
        """\\sum_{i=1}^{n} term: the term runs to the next + or − outside brackets (or the end)."""
        lower = upper = None
        while i < len(items) and items[i] in ("_", "^", " "):
            if items[i] == " ":
                i += 1
                continue
            mark = items[i]
            bound, i = self.argument(items, i + 1)
            if mark == "_":
                lower = bound
            else:
                upper = bound
        index = re.fullmatch(r"\s*([A-Za-z])\s*=\s*(.+?)\s*", lower or "")
        if index is None or upper is None:
            raise ParseError("sum bounds written", name=name)
        end, depth = i, 0
        while end < len(items):
            item = items[end]
            if isinstance(item, str):
                depth += item in "(["
                depth -= item in ")]"
                if depth < 0 or (depth == 0 and item in "+-=<>,"):
                    break
            elif item.kind == "LatexMacroNode" and _relation(item.node.macroname):
                break
            end += 1
        term = self.items(items[i:end]).strip()
        if not term:
            raise ParseError("sum term", name=name)
        return f" {macro.value}({term}, {index[1]}, {index[2]}, {upper}) ", end

    def environment(self, node) -> str:
        kind = ENVIRONMENTS.get(node.environmentname)
        if kind is None:
            raise ParseError("environment", name=node.environmentname)
        if kind == "display":
            return " " + re.sub(r"[&;]", " ", self.nodes(node.nodelist)) + " "
        if kind == "cases":
            return self.cases(node)
        raise ParseError("matrix inside")

    def cases(self, node) -> str:
        """cases: piecewise((value, condition), …); "otherwise" is the last, catch-all part."""
        pieces = []
        for row in self.nodes(node.nodelist).split(";"):
            if not row.strip():
                continue
            value, _, condition = row.partition("&")
            condition = re.sub(r"^\s*,", "", condition).strip() or "otherwise"
            pieces.append(f"({value.strip().rstrip(',')}, {condition})")
        if not pieces:
            raise ParseError("no cases")
        return _kronecker_cases(pieces) or " piecewise(" + ", ".join(pieces) + ") "

    def group(self, argument) -> str:
        """The text of a command's argument (a group or a single node)."""
        if argument is None:
            return ""
        if type(argument).__name__ == "LatexGroupNode":
            return self.nodes(argument.nodelist)
        return self.nodes([argument])


def _relation(name: str) -> bool:
    """A command that ends the term of a sum: a relation or a connective."""
    macro = MACROS.get(name)
    return macro is not None and macro.kind == "operator" and macro.value.strip() in ("<=", ">=", "!=", "in", "and", "or", "∪")


class _Node:
    """A node of pylatexenc's tree among characters (pylatexenc's nodes cannot be compared with text)."""

    def __init__(self, node):
        self.node = node
        self.kind = type(node).__name__


def _items(nodes) -> list:
    """Characters one by one, every other node whole."""
    items = []
    for node in nodes:
        if node is None:
            continue
        if type(node).__name__ == "LatexCharsNode":
            items.extend(node.chars)
        elif type(node).__name__ == "LatexSpecialsNode":
            items.extend(node.specials_chars)
        else:
            items.append(_Node(node))
            if type(node).__name__ == "LatexMacroNode" and node.macro_post_space and \
                    not (node.nodeargd and any(a is not None for a in node.nodeargd.argnlist)):
                items.append(" ")                    # the space that ends a command's name: \alpha x
    return items


def _raw_text(argument) -> str:
    """The words of \\text{...} as written."""
    if argument is None:
        return ""
    return argument.latex_verbatim().strip("{}") if type(argument).__name__ == "LatexGroupNode" \
        else argument.latex_verbatim()


def _font_word(word: str) -> str:
    """\\operatorname{th} is a function, \\mathrm{e} Euler's number, \\mathrm{d} the d of a
    derivative, \\text{ReLU} a function; other upright text is read as the math it shows."""
    word = word.strip()
    if word.lower() in TEXT_FUNCTIONS:
        return " " + TEXT_FUNCTIONS[word.lower()] + " "
    if word in MACROS and MACROS[word].kind == "function":
        return " " + MACROS[word].value + " "
    if word in ("d", "e"):
        return f" {word} "
    if word.isalpha() and not word.isascii():
        raise ParseError("words", words=word)
    return f" {word} " if word.isalpha() else f"({word})"
