"""LaTeX to presentation MathML that browsers lay out as TeX would (MathML Core, no JavaScript).

latex2mathml writes the structure; these habits of its output look wrong in a browser and
are mended here, on the element tree:

- a function name touches its argument (``sin z`` shows as "sinz"): a name is followed by
  the invisible function application and, before anything but a parenthesis, a thin space,
  and a thin space parts it from a factor before it (x sin x), as in TeX;
- a prime is a superscript (``f^{′}``), so it floats far above the letter: the prime
  character is already raised, and MathML writes it on the baseline after its base;
- a decimal comma ``0{,}5`` is read as a separator with a space after it: it joins its number; so do the
  groups of a whole number's digits (``10\\,000``, one number 10 000);
- a sign after an opening or a comma is spaced as a binary minus ("( − 2, − 1)"): it is
  written as a prefix operator;
- every ``\\left( … \\right)`` is stretchy, and a stretched parenthesis around a short
  argument stands apart from it ("sin ( z )"): a fence stretches only around something tall.

>>> tidy_mathml(convert(r"\\sin z"))
'<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><mi>sin</mi><mo>\\u2061</mo><mspace width="0.1667em" /><mi>z</mi></mrow></math>'
>>> tidy_mathml(convert("f'"))
'<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><mrow><mi>f</mi><mo lspace="0" rspace="0">′</mo></mrow></mrow></math>'
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from latex2mathml.converter import convert

MATHML = "http://www.w3.org/1998/Math/MathML"
ET.register_namespace("", MATHML)

APPLY = "\u2061"                 # FUNCTION APPLICATION: invisible, tells a reader "sin applied to z"
THIN = "0.1667em"               # TeX's thin space, between an operator name and its argument
PRIMES = frozenset("′″‴")
OPENING = frozenset("([{|‖⌊⌈⟨")
# a fence stretches only when what it encloses holds one of these
TALL = frozenset({"mfrac", "mtable", "munderover", "munder", "mover", "msqrt", "mroot"})
# elements whose children are a row, where an element may be put between two others
ROWS = frozenset({"math", "mrow", "mtd", "mstyle", "msqrt", "mpadded", "mphantom", "menclose"})
# after these a + or − is a sign, not an operation: (−2, −1), = −1, ≈ −0.95
SIGNED_AFTER = frozenset("([{|,;=≈<>≤≥≠+−±·×")
# what a function name can be applied to
OPERANDS = frozenset({"mi", "mn", "mrow", "mfrac", "msup", "msub", "msubsup", "msqrt", "mroot", "mtext"})


def _tag(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _new(tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.Element(f"{{{MATHML}}}{tag}", attributes)
    element.text = text
    return element


def _is_name(element) -> bool:
    """An operator name such as sin, log, tg or arctg (latex2mathml writes \\operatorname as <mo>)."""
    text = (element.text or "").strip()
    return _tag(element) in ("mi", "mo") and len(text) > 1 and text.isalpha()


def _is_function(element) -> bool:
    """A name, or a name with a power or an index (sin², log₂)."""
    if _tag(element) in ("msup", "msub", "msubsup") and len(element):
        return _is_name(element[0])
    return _is_name(element)


def _first_leaf(element):
    while _tag(element) == "mrow" and len(element):
        element = element[0]
    return element


def _opens(element) -> bool:
    leaf = _first_leaf(element)
    return _tag(leaf) == "mo" and (leaf.text or "").strip() in OPENING


def _is_prime(element) -> bool:
    if _tag(element) == "mrow":
        return len(element) > 0 and all(_is_prime(child) for child in element)
    return _tag(element) in ("mi", "mo") and bool(element.text) and set(element.text.strip()) <= PRIMES


def _primes(element) -> str:
    return "".join(child.text.strip() for child in element.iter() if child.text and child.text.strip())


def _mend_prime(element) -> None:
    """msup(base, ′) becomes mrow(base, ′ on the baseline)."""
    if _tag(element) == "msup" and len(element) == 2 and _is_prime(element[1]):
        base, script = element[0], element[1]
        element.tag, element.attrib = f"{{{MATHML}}}mrow", {}
        element.remove(script)
        element.append(_new("mo", _primes(script), lspace="0", rspace="0"))
        if _tag(base) == "mi" and (base.text or "") == "\\":      # latex2mathml's reading of \' : no base at all
            element.remove(base)


def _is_tall(element) -> bool:
    return _tag(element) in TALL and not (_tag(element) == "mover" and element.get("accent") == "true")


def _mend_fences(element) -> None:
    """A stretchy fence pair around something short (a hat is not tall) is drawn at its natural size."""
    fences = [child for child in element if _tag(child) == "mo" and child.get("stretchy") == "true"]
    if fences and not any(_is_tall(inner) for inner in element.iter()):
        for fence in fences:
            fence.set("stretchy", "false")


def _mend_names(element) -> None:
    """sin z → sin⁡ z with a thin space; sin(z) → sin⁡(z); x sin z with a thin space before sin."""
    children = list(element)
    for index in range(len(children) - 1, -1, -1):
        child = children[index]
        if _is_name(child):
            child.tag = f"{{{MATHML}}}mi"
            child.attrib.clear()
        if not _is_function(child) or _tag(element) not in ROWS:
            continue
        if index > 0 and _tag(children[index - 1]) in OPERANDS - {"mtext"}:
            element.insert(list(element).index(child), _new("mspace", width=THIN))    # x sin x: a thin space
        following = children[index + 1] if index + 1 < len(children) else None
        if following is None or _tag(following) not in OPERANDS | {"mo"}:
            continue
        if _tag(following) == "mo" and not _opens(following):
            continue                         # sin = …, MSE + …: a name, not an application
        position = list(element).index(child) + 1
        element.insert(position, _new("mo", APPLY))
        if not _opens(following):
            element.insert(position + 1, _new("mspace", width=THIN))


def _mend_numbers(element) -> None:
    """A decimal comma (0{,}5, as Russian text writes numbers) is part of its number, not a separator
    with a space after it; a semicolon between the items of a Russian vector is an operator."""
    if _tag(element) not in ROWS:
        return
    for child in list(element):
        if _tag(child) == "mi" and (child.text or "").strip() == ";":
            child.tag = f"{{{MATHML}}}mo"
    children = list(element)
    for first, comma, last in reversed(list(zip(children, children[1:], children[2:]))):
        if _tag(first) == _tag(last) == "mn" and _tag(comma) == "mrow" and len(comma) == 1 \
                and _tag(comma[0]) == "mo" and (comma[0].text or "").strip() == "," and first in list(element):
            first.text = f"{first.text},{last.text}"
            element.remove(comma)
            element.remove(last)
    children = list(element)          # 10\,000: the groups of a whole number's digits are one number, 10 000
    for first, space, last in reversed(list(zip(children, children[1:], children[2:]))):
        if _tag(first) == _tag(last) == "mn" and _tag(space) == "mspace" and (last.text or "").isdigit() \
                and len(last.text) == 3 and (first.text or "")[-1:].isdigit() and first in list(element):
            first.text = f"{first.text}\u202f{last.text}"
            element.remove(space)
            element.remove(last)


def _mend_signs(element) -> None:
    """A minus or plus that starts a row or follows an opening, a comma or a relation is a sign:
    written as a prefix operator, it sits next to its number (−2, not − 2)."""
    if _tag(element) not in ROWS:
        return
    previous = None
    for child in element:
        text = (child.text or "").strip()
        if _tag(child) == "mo" and text in ("−", "-", "+", "±") and "form" not in child.attrib:
            before = (previous.text or "").strip() if previous is not None else ""
            if previous is None or (_tag(previous) in ("mo", "mtext", "mspace") and
                                    (not before or before in SIGNED_AFTER or before.isspace())):
                child.set("form", "prefix")
        previous = child


def tidy_mathml(markup: str) -> str:
    """latex2mathml's ``<math>`` element with names, primes and fences as a browser should show them."""
    root = ET.fromstring(markup)
    for element in list(root.iter()):
        _mend_prime(element)
    for element in list(root.iter()):
        _mend_numbers(element)
        _mend_fences(element)
        _mend_names(element)
        _mend_signs(element)
    return ET.tostring(root, encoding="unicode")


def mathml(raw: str, block: bool = False) -> str:
    r"""``raw`` LaTeX as a ``<math>`` element.

    >>> mathml("x^{2}")
    '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"><mrow><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup></mrow></math>'
    """
    raw = raw.replace("\u202f", r"\,")        # a narrow space between groups of digits, as the statements write it
    raw = raw.replace(r"\mathopen{}", "")     # TeX's spacing of ln(…); MathML applies a name to its bracket itself
    return tidy_mathml(convert(raw, display="block" if block else "inline"))
