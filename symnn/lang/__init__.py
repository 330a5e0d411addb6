"""Every sentence a reader sees, one catalogue per language (``en.toml``, ``ru.toml``).

The lowest layer: any package may use it, and it uses none. A catalogue holds
the sentences keyed by rule or purpose (``[phrases]``), the names of functions
in headings (``[functions]``), the activations' names and notes, and how the
language writes function names (``tg`` for tan). Placeholders in braces are
filled with formulas by the printers, so the same sentence serves text, LaTeX,
Markdown and JSON. Adding a language is adding a file with the same keys.

>>> phrase("ru", "title.chain")
'Производная сложной функции'
>>> phrase("en", "why.constant", expr="y", var="x")
'y does not depend on x, so its derivative is 0.'
"""

from __future__ import annotations

import re
from pathlib import Path

import tomllib

SOURCE = "en"     # the language every other catalogue translates


def _load() -> dict[str, dict]:
    files = {path.stem: path for path in Path(__file__).parent.glob("*.toml")}
    order = [SOURCE] + sorted(set(files) - {SOURCE})
    return {lang: tomllib.loads(files[lang].read_text(encoding="utf-8")) for lang in order}


CATALOGUES = _load()
LANGUAGES = tuple(CATALOGUES)
PHRASES = {lang: catalogue["phrases"] for lang, catalogue in CATALOGUES.items()}


def catalogue(lang: str) -> dict:
    if lang not in CATALOGUES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return CATALOGUES[lang]


def phrase(lang: str, key: str, **values) -> str:
    """The sentence ``key`` in ``lang``, with formulas filled in."""
    return catalogue(lang)["phrases"][key].format(**values)


def method_name(lang: str, name: str) -> str:
    """An optimizer's name inside a sentence: in Russian a common noun starts with a small letter (метод
    моментов, метод Нестерова), a method's own name does not (AdaGrad, Adam).

    >>> method_name("ru", "nesterov"), method_name("ru", "adam"), method_name("en", "momentum")
    ('метод Нестерова', 'Adam', 'Momentum')
    """
    text = phrase(lang, f"opt.name.{name}")
    return text[:1].lower() + text[1:] if lang == "ru" and text[:1] in "МГСН" else text


NARROW_SPACE = "\u202f"        # between groups of digits: thin, and never a line break (TeX: \,)
GROUPED = 5                    # an integer of this many digits or more is written in groups of three


def whole(n) -> str:
    """An integer as both languages write it: five digits or more in groups of three, a narrow no-break space
    between them (10 000, −302 010), fewer as they are (1000), in a statement and in its key alike. A quantity
    (a count, a number of steps), not a name that is a number (a variant, a seed).

    >>> [whole(n) for n in (1000, 10000, -302010)] == ["1000", "10\u202f000", "-302\u202f010"]
    True
    """
    text = str(n)
    digits = text.lstrip("-")
    if not digits.isdigit() or len(digits) < GROUPED:
        return text
    return text[:len(text) - len(digits)] + f"{int(digits):,}".replace(",", NARROW_SPACE)



def _plural_form(lang: str, n: int) -> int:
    """Which of a word's forms goes with ``n``: English has two (1 / many), Russian three (1, 2–4, 5–20)."""
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    return 0 if n == 1 else 1


def count(lang: str, n: int, word: str) -> str:
    """``n`` with the form of ``word`` that goes with it (the forms are ``plural.WORD``, split by |).

    >>> [count("ru", n, "character") for n in (1, 2, 5, 11, 21, 2000, 6001)]
    ['1 символ', '2 символа', '5 символов', '11 символов', '21 символ', '2000 символов', '6001 символ']
    >>> count("en", 1, "character"), count("en", 2000, "character")
    ('1 character', '2000 characters')
    """
    forms = phrase(lang, f"plural.{word}").split("|")
    return f"{whole(n)} {forms[min(_plural_form(lang, n), len(forms) - 1)]}"


def rule_title(lang: str, rule: str, **values) -> str:
    """The heading of a step: 'Product rule', 'Derivative of sine', ..."""
    functions = catalogue(lang)["functions"]
    if rule in functions:
        return phrase(lang, "title.function", name=functions[rule])
    return phrase(lang, f"title.{rule}", **values)


def names(lang: str, kind: str) -> dict[str, str]:
    """How ``lang`` writes function names where they differ from SymPy's; ``kind``: latex or text."""
    return catalogue(lang)[f"{kind}_names"]


_MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$")
_DECIMAL = re.compile(r"(?<![\w.])(-?\d+)\.(\d+)(?![\w.])")
_ITEM = r"\s*[-−]?(?:\\frac\{\d+\}\{\d+\}|\d+(?:(?:\.|\{,\})\d+)?)\s*"      # 2, 0.5, 0{,}5, \frac{1}{3}
_SEPARATOR = re.compile(r"\s*(?<!\{),(?!\})\s*")      # a list's comma, not the decimal comma of 0{,}5
_NUMBER_LIST = re.compile(rf"([(\[])({_ITEM}(?:,{_ITEM})+)([)\]])")      # (1.5, 2) and [0.1, 0.9]
# w_1, w_2 = 0.15, 0.20: the values of several names, a list without brackets up to the formula's end
_BARE_LIST = re.compile(rf"(=)({_ITEM}(?:,{_ITEM})+)$")
# a list's comma between two numbers, max(0, 1 − ty): with decimal commas it would read as 0,1
_BETWEEN_NUMBERS = re.compile(r"(?<=\d)(?<![_^]\d), +(?=[-−]?\s*\d|\\l?dots)")      # not after w_1 of w_1, …
_PROSE_DECIMALS = re.compile(r"(?<=\d,\d)(\d*), (?=[-−]?\d+,\d)")         # 0,13, 0,87 in prose: 0,13; 0,87


_SUBSCRIPT = re.compile(r"[_^](?:\{[^{}]*\}|\w)")         # x_{1,2}: a comma inside an index is no separator
_DECIMAL_IN = re.compile(r"\d(?:\.|,|\{,\})\d")      # 0.5, 0,5, 0{,}5
_NUMBER = re.compile(r"\(?[-−–]?\s*(?:\d+(?:[.,]|\{,\})?\d*|\\frac\{\d+\}\{\d+\}|\d+/\d+)\)?")      # 0, −2, 0,5, 1/3


def separator(lang: str, items=(), arguments: bool = False) -> str:
    """The separator of the items of a list as ``lang`` writes it: symnn's one rule, which every printer
    and the statements of the bank (``local_numbers``) follow.

    English separates by a comma. Russian writes a decimal comma (0,5), so:
    - the elements of a tuple (a point, a vector, an interval, a list of values or of names) are separated
      by a semicolon, whatever they are: (1; 2), (s_1 − 1; s_2; s_3), (ω_0; ω_1; ω_2), (0,5; 1);
    - the arguments of a function are no tuple and keep the comma, f(x, y), max(x, y), L(w_1, w_2, b), unless
      a number is one of them or a comma would stand between two digits: max(0; a), max(0; 0,5), ŷ(50; 168),
      max(0; 1 − ty); so a formula and the same formula with its numbers put in, max(0; s_2 − s_1 + 1) =
      max(0; 5,1 − 3,2 + 1), are written alike. ``items``: the arguments, as written.

    >>> separator("ru"), separator("ru", ["x", "y"], arguments=True), separator("ru", ["0", "x"], arguments=True)
    ('; ', ', ', '; ')
    """
    if lang != "ru":
        return ", "
    if not arguments:
        return "; "
    texts = [_SUBSCRIPT.sub("", str(item)).strip() for item in items]
    between = any(a[-1:].isdigit() and b.lstrip("-−– ")[:1].isdigit() for a, b in zip(texts, texts[1:]))
    return "; " if between or any(_NUMBER.fullmatch(text) or _DECIMAL_IN.search(text) for text in texts) else ", "


def _items(formula: str) -> str:
    """``formula`` (LaTeX) with the items of each bracketed list separated by ``separator``: a bracket right
    after a name (f(x, y), \\max(0, x), \\hat{y}(50, 168)) holds a function's arguments, any other a tuple."""
    out, stack = [], []                 # stack: for each open bracket, (its place in out, the places of its commas)
    depth = 0                           # of braces: a comma in x_{1,2} or 0{,}5 separates nothing
    for char in formula:
        if char in "([":
            before = re.sub(r"\\left$", "", "".join(out))
            stack.append((len(out) + 1, [], bool(re.search(r"([A-Za-z}']|\\prime)$", before))))
        elif char in ")]" and stack:
            start, commas, arguments = stack.pop()
            if commas:
                bounds = [start - 1, *commas, len(out)]
                parts = ["".join(out[a + 1:b]) for a, b in zip(bounds, bounds[1:])]
                glue = separator("ru", parts, arguments).strip()
                for place in commas:
                    out[place] = glue
        elif char == "," and stack and depth == 0 and stack[-1] and len(out) > 0:
            stack[-1][1].append(len(out))
        depth += (char == "{") - (char == "}")
        out.append(char)
    return "".join(out)


def local_numbers(text: str, lang: str) -> str:
    r"""Numbers in prose with ``$...$`` formulas, written as ``lang`` writes them.

    Russian writes a decimal comma (0,5; in a formula 0{,}5, so TeX adds no space)
    and separates the numbers of a tuple with semicolons, so (0,5; 1) is not read as
    three numbers.

    >>> local_numbers("при $\\lambda = 0.1$ и шаге 0.01 из $(1.5, -2)$", "ru")
    'при $\\lambda = 0{,}1$ и шаге 0,01 из $(1{,}5; -2)$'
    >>> local_numbers("при $\\lambda = 0.1$, $\\alpha = 0.9$ в точке $(2, \\frac{1}{3}, 0)$", "ru")
    'при $\\lambda = 0{,}1$; $\\alpha = 0{,}9$ в точке $(2; \\frac{1}{3}; 0)$'
    >>> local_numbers("веса $w_1, w_2 = 0.15, -0.2$ и $n = 1, 2$", "ru")
    'веса $w_1, w_2 = 0{,}15; -0{,}2$ и $n = 1; 2$'
    >>> local_numbers("$\\max(0, 1 - t y)$ при $x_{1,2}$; числа 0.13, 0.87 и 0.00", "ru")   # not max of 0,1
    '$\\max(0; 1 - t y)$ при $x_{1,2}$; числа 0,13; 0,87 и 0,00'
    >>> local_numbers("$(D(0{,}01), f(2))$ и $(0{,}5, 1)$", "ru")       # written in Russian already
    '$(D(0{,}01); f(2))$ и $(0{,}5; 1)$'
    >>> local_numbers("$(s_1 - 1, s_2)$, $f(x, y)$, $\\max(0, a)$, $w_1, \\ldots, w_4 = 0.1, 0.2$", "ru")
    '$(s_1 - 1; s_2)$, $f(x, y)$, $\\max(0; a)$, $w_1, \\ldots, w_4 = 0{,}1; 0{,}2$'
    """
    if lang != "ru":
        return text
    out, last, decimal_before = [], 0, False
    for match in _MATH.finditer(text):
        prose = _PROSE_DECIMALS.sub(r"\1; ", _DECIMAL.sub(r"\1,\2", text[last:match.start()]))
        if decimal_before and prose == ", ":        # $\lambda = 0{,}1$; $\alpha = 0{,}9$: a comma would be ambiguous
            prose = "; "
        out.append(prose)
        if match[1].startswith("\\texttt{"):           # program text ($\texttt{data * 1.6}$) stays as the program has it
            out.append(match[0])
            last, decimal_before = match.end(), False
            continue
        formula = _NUMBER_LIST.sub(lambda m: m[1] + _SEPARATOR.sub("; ", m[2].strip()) + m[3], match[1])
        formula = _BARE_LIST.sub(lambda m: m[1] + " " + _SEPARATOR.sub("; ", m[2].strip())
                                 if _DECIMAL.search(m[2]) else m[0], formula)
        formula = _DECIMAL.sub(r"\1{,}\2", _BETWEEN_NUMBERS.sub("; ", _items(formula)))
        decimal_before = bool(re.search(r"\d\{,\}\d+\s*$", formula))
        out.append("$" + formula + "$")
        last = match.end()
    out.append(_PROSE_DECIMALS.sub(r"\1; ", _DECIMAL.sub(r"\1,\2", text[last:])))
    return "".join(out)
