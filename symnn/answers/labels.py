"""Labels of an answer's parts as students type them, compared by what they name: one key per spelling
of a name, so that w_1 and w1, ∂L/∂w1, dL/dw1 and \\frac{\\partial L}{\\partial w_1}, ŷ, \\hat{y} and
y_pred, L(w) and L, the loss and loss, F′ and F' are each one label.

>>> label_key(r"\\frac{\\partial L}{\\partial w_1}"), label_key("dL/dw1"), label_key("∂L/∂w_{1}")
('dL/dw1', 'dL/dw1', 'dL/dw1')
>>> label_key("ŷ"), label_key(r"\\hat{y}"), label_key("y_pred"), label_key("y_hat")
('yhat', 'yhat', 'yhat', 'yhat')
>>> label_key("the loss"), label_key("F′′"), label_key("w_56^+"), label_key("L⁺"), label_key("mse")
('loss', "F''", 'w56+', 'L+', 'mse')
>>> label_keys("L(w)")
('L(w)', 'L')
"""

from __future__ import annotations

import re
import unicodedata

from ..lang import catalogue, method_name
from .characters import GREEK
from .shown_values import LETTERS

_FRACTION = re.compile(r"\\[dt]?frac\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
_HAT = re.compile(r"\\(?:hat|widehat)\s*\{?\s*([A-Za-z])\s*\}?")
_ARGUMENT = re.compile(r"(.+?)\((?:[^()]*)\)('*)$")      # L(w), F'(x): the name before its arguments


def label_key(label: str) -> str:
    """One spelling of a label: no spaces, braces, backslashes or underscores, ∂ as d, primes and plus
    signs as typed on a keyboard, a hat as the word (ŷ is yhat), y_pred as yhat, no leading "the"."""
    text = unicodedata.normalize("NFKC", label).strip()                       # 𝐩ᵀ as pT, x² as x2
    text = text.replace("‖", "|")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    text = re.sub(r"\\(?:left|right|mathrm|operatorname|mathbf|boldsymbol|text|,|;|!|\s)", "", text)
    text = _FRACTION.sub(r"\1/\2", text)
    text = _HAT.sub(r"\1hat", text)
    text = text.replace("ŷ", "yhat").replace("\\partial", "∂").replace("\\nabla", "∇").replace("\\prime", "'")
    text = text.replace("∂", "d").replace("′", "'").replace("″", "''").replace("’", "'").replace("⁺", "+")
    text = re.sub(r"\^\s*[{(]?\s*(\+|'+|\w+)\s*[})]?", r"\1", text)       # w^+, F^{'}, p^(T), x^2: as typed              # w^+ and F^{'}: the plus and primes typed
    text = "".join(GREEK.get(char, char) for char in text)                    # ω_0 is omega_0
    text = re.sub(r"[\s{}\\_*·]", "", text)
    text = re.sub(r"lambda", "lamda", text)                                    # as canonical_name spells it
    text = re.sub(r"(?<![A-Za-z])y(?:pred|hat)(?![A-Za-z])", "yhat", text)
    return text.lower() if re.fullmatch(r"[A-Za-z]{2,}|[А-Яа-яЁё]{2,}", text) else text      # mse is MSE; w and W stay two


def label_keys(label: str) -> tuple[str, ...]:
    """The label's key, and the key of its name without its arguments (L(w) is L, F'(x) is F')."""
    key = label_key(label)
    bare = _ARGUMENT.fullmatch(key)
    return (key, bare[1] + bare[2]) if bare and bare[1] else (key,)


def alternatives(entry) -> tuple[str, ...]:
    """A component's names in ``CheckOptions.labels``: one name, or a tuple of its spellings, the first
    the one the key writes."""
    return (entry,) if isinstance(entry, str) else tuple(entry)


def shown_name(entry) -> str:
    """A component's name as a note shows it: its first spelling, a Greek letter's name as the letter (ω_0), a value
    after an update with its ⁺ (ω_0⁺)."""
    name = re.sub(r"(?<![A-Za-z])([A-Za-z]+)(?=_|\b|$)", lambda m: LETTERS.get(m[1], m[1]), alternatives(entry)[0])
    return re.sub(r"(?<=\w)\+$", "⁺", name)                     # ω_0⁺, the value after the step, as the key writes it


_METHOD_PART = re.compile(r"(?P<variable>\S+) \((?P<method>[a-z-]+)\)")      # x (momentum): a method's point


def spoken_name(entry, lang: str) -> str:
    """A component's name as a note in ``lang`` shows it: ``shown_name``, and a method's point by the method's
    name in that language (x (метод моментов), not x (momentum))."""
    name = shown_name(entry)
    part = _METHOD_PART.fullmatch(name)
    if part and f"opt.name.{part['method']}" in catalogue(lang)["phrases"]:
        return f"{part['variable']} ({method_name(lang, part['method'])})"
    return name


def part_groups(options) -> list | None:
    """The answer's parts as runs of one method's point (x (adam), y (adam)), each (the method's name in the options'
    language, the indices 0, 1, … of its parts), where every part is a method's and the runs are of one size; else None."""
    runs: list = []
    for index, entry in enumerate(options.labels):
        part = _METHOD_PART.fullmatch(shown_name(entry))
        if not part or f"opt.name.{part['method']}" not in catalogue(options.lang)["phrases"]:
            return None
        name = method_name(options.lang, part["method"])
        if runs and runs[-1][0] == name:
            runs[-1][1].append(index)
        else:
            runs.append((name, [index]))
    return [(name, tuple(indices)) for name, indices in runs] if len(runs) > 1 and len({len(i) for _, i in runs}) == 1 else None


def component_of(label: str, options) -> int | None:
    """The component (0, 1, …) of the answer a label names, by ``options.labels``; None if none."""
    keys = label_keys(label)
    for key in keys:
        for index, entry in enumerate(options.labels):
            if key in {label_key(name) for name in alternatives(entry)}:
                return index
    return None


def components_of(labels, options) -> list:
    """The component (0, 1, …) each of an answer's labels names, None where none; a group's entries under one
    name (ω = (0.125, 0.25), read as ω#1, ω#2) are the parts named that name with an index (ω_1, ω_2) that no
    other label of the answer names (ω₀ = 0.125 does), in the key's order, when there are as many of them."""
    found = [component_of(label, options) for label in labels]
    groups: dict = {}
    for position, (label, index) in enumerate(zip(labels, found)):
        if index is None and "#" in label:
            groups.setdefault(label.rsplit("#", 1)[0], []).append(position)
    for name, positions in groups.items():
        base, taken = re.escape(label_key(name)), set(found)
        members = [index for index, entry in enumerate(options.labels) if index not in taken and
                   any(re.fullmatch(base + r"\d+\+?", label_key(spelling)) for spelling in alternatives(entry))]
        if base and len(members) == len(positions):
            for position, index in zip(positions, members):
                found[position] = index
    return found


def quantity_of(label: str, options):
    """(name, value, what it is or None) of another quantity of the problem a label names (L_1 of the SVM's
    mean L, ("label.example loss", 1)), or None."""
    keys = label_keys(label)
    for name, value, *what in options.quantities:
        if label_key(name) in keys:
            return name, value, (what[0] if what else None)
    return None


def problem_keys(options) -> frozenset:
    """The keys of every name the problem's answer parts and other quantities have (for ``read_answer``)."""
    names = [name for entry in options.labels for name in alternatives(entry)] + [entry[0] for entry in options.quantities]
    return frozenset(label_key(name) for name in names if "#" not in name)


def group_keys(options) -> dict:
    """The keys of the names of groups of the answer's parts (Метод Нестерова of nesterov#1, nesterov#2), each with
    the group's own name, its first spelling (nesterov), for ``read_answer`` to read a label of words as it."""
    groups = {}
    for entry in options.labels:
        names = [name.split("#")[0] for name in alternatives(entry) if "#" in name]
        own = next((name for name in names if re.fullmatch(r"[A-Za-z]\w*", name)), None)     # adamslide, not adam-slide
        if own:
            groups.update({label_key(name): own for name in names})
    return groups


def known_label(side: str, labels) -> bool:
    """A side of a chain is one of the problem's names (the loss, L(w)): a label, not a value."""
    return bool(labels) and any(key in labels for key in label_keys(side))


def unasked_parts(answer, options) -> tuple[str, ...]:
    """The labels of an answer with more parts than asked that name none of the answer's parts (b = −2 of
    a perceptron without a bias), when every other label names one; () otherwise."""
    if not (options.labels and answer.is_vector and answer.labels and len(answer.value) > len(options.labels)):
        return ()
    found = components_of(answer.labels, options)
    if sorted(k for k in found if k is not None) != list(range(len(options.labels))):
        return ()
    return tuple(label for label, index in zip(answer.labels, found) if index is None)


def scalar_label(ref, answer, options, same):
    """What the label of a scalar answer says (L = 5.27, L_1 = 5.27): None where it names the answer (in
    any spelling: L, L(w), the loss, MSE) or no names are known; else (wrong?, (phrase key, values)).

    A label naming another quantity of the problem (L_1, one example's loss, where the mean L is asked)
    states that quantity's value: the answer then writes an equation that is false, and grading it right
    would hide the very confusion (one example's loss for the mean) the problem tests. So it is not
    correct, with a note saying what the label is and what is asked; where the two quantities happen to be
    equal (``same(value)``), the equation holds and the answer is right, with the note. A label the problem
    does not know at all (Q = 5.27) says nothing false about the problem's quantities: the number is
    checked as the answer asked, with a note naming the label."""
    if not (options.labels and len(options.labels) == 1 and len(answer.labels) == 1):
        return None
    label, asked = answer.labels[0], shown_name(options.labels[0])
    said = shown_name(re.sub(r"\\(?=[A-Za-z])|[{}]", "", label))        # \theta_1 said as θ_1
    if component_of(label, options) is not None:
        return None
    other = quantity_of(label, options)
    if other is None:
        return False, ("note.unknown label", {"label": said, "asked": asked})
    values = {"label": said, "value": other[1], "asked": asked}
    if other[2] is None:
        return not same(other[1]), ("check.other quantity", values)
    return not same(other[1]), ("check.quantity is", {**values, "what": other[2]})
