"""How document printers write a NumPy question (``problems.array_problems.ArrayRun``): the arrays, the
operation as code, how the shapes are broadcast step by step or which axis a reduction removes, and the
result as a matrix — or why NumPy refuses.

A mixin of DocumentPrinter: it uses the format hooks (line, strong, code, math, say, plain).
"""

from __future__ import annotations

import re

import sympy as sp

from ..lang import PHRASES
from .said import first_time

# $\texttt{a.sum(axis=0)}$ in a statement: program text, which every format shows as code
STATEMENT_CODE = re.compile(r"\$\\texttt\{((?:[^{}$]|\{[^{}$]*\})*)\}\$")
SHOWN_ENTRIES = 36        # an array with more entries (or more than two axes) is given by its shape only


class Shape(sp.Expr):
    """The shape of an array as people write it: 3 × 2; a vector's is its length, 3."""

    def _latex(self, printer):
        return r" \times ".join(printer._print(n) for n in self.args)

    def _sympystr(self, printer):
        return "×".join(printer._print(n) for n in self.args)


def shape_of(shape) -> Shape:
    return Shape(*(sp.Integer(int(n)) for n in shape))


def values_used(name: str, expr: str) -> bool:
    """Whether ``expr`` reads the entries of the array ``name``, not only its shape: ``W.size + b.size`` reads
    neither W's entries nor b's, so the key gives their shapes and not ten zeros."""
    uses = re.finditer(rf"(?<![\w.]){re.escape(name)}\b(\.\w+)?", expr)
    return any(use[1] not in (".size", ".shape", ".ndim") for use in uses)



BROADCAST = "array.broadcast.term"       # said once a key: the term broadcasting, with its English name


def broadcasts(run) -> bool:
    """Whether a NumPy question's explanation speaks of broadcasting: arrays of two shapes combined entry by entry
    (a number with an array too), or refused because their shapes cannot be broadcast."""
    import numpy as np
    value, op = run.value, run.outcome.operation
    if type(value).__name__ == "Failure":
        return value.reason == "broadcast"
    shapes = [np.shape(x) for x in op.operands]
    return op.kind == "elementwise" and len(shapes) == 2 and shapes[0] != shapes[1] and any(shapes)

class ArrayPrinting:
    def statement_code(self, text: str) -> str:
        """A statement's ``$\\texttt{…}$`` as this format's code (backticks, <code>), before the rest is read."""
        return STATEMENT_CODE.sub(lambda m: self.code(m[1]), text)

    def array(self, value):
        """An array as a formula: a number, a vector (5, 6, 7) or a matrix; None when too large to show."""
        import numpy as np

        from ..problems.array_problems import number
        array = np.asarray(value)
        if array.ndim > 2 or array.size > SHOWN_ENTRIES or array.size == 0:
            return None
        if array.ndim == 0:
            return self._entry(number(array[()]))
        if array.ndim == 1:
            return sp.Tuple(*(self._entry(number(v)) for v in array))
        return sp.ImmutableMatrix([[self._entry(number(v)) for v in row] for row in array])

    def _entry(self, value):
        exact, decimal = self.shown(value)
        return exact if decimal is None else decimal

    def array_math(self, value) -> str:
        """An array written out, with its shape; only its shape when it is too large to show."""
        import numpy as np
        written, shape = self.array(value), np.shape(value)
        if written is None:
            return self.say("array.shape only", shape=shape_of(shape))
        if not shape:
            return self.math(written)
        return self.math(written) + self.escape(", ") + self.say("array.shape", shape=shape_of(shape))

    def _print_ArrayRun(self, run, depth: int = 0) -> str:
        import numpy as np
        lines = []
        for name, text, value in run.arrays:
            given = self.code(f"{name} = {text}") if text is not None else self.code(name)
            shown = self.array_math(value) if values_used(name, run.expr) or not np.ndim(value) else \
                self.say("array.shape only", shape=shape_of(np.shape(value)))      # W.size: the shape is what counts
            lines.append(self.line(depth, given + self.escape(": ") + shown))
        lines.append(self.line(depth, self.strong(self.plain("array.compute")) + " " + self.code(run.expr)))
        lines += [self.line(depth + 1, text) for text in self.operation_lines(run)]
        if run.answer_kind != "failure" and not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("array.result") + ":") + " " + self.array_answer(run, None)))
        return self.join(lines)

    def operation_lines(self, run) -> list[str]:
        from ..numerics.arrays import Failure
        if isinstance(run.value, Failure):
            return self.failure_lines(run.value)
        op = run.outcome.operation
        method = getattr(self, f"_explain_{op.kind}", None)
        return self.sizes(run) + (method(op, run.value) if method is not None else [])

    def sizes(self, run) -> list[str]:
        """W.size = 3072 · 10 = 30720, a.ndim = 3, a.itemsize = 64/8 = 8: the attributes of an array the expression
        asks for, worked out from its shape and type, in the order the expression asks them."""
        import numpy as np
        lines = []
        for name, _, value in run.arrays:
            shape, array = np.shape(value), np.asarray(value)
            asked = {}                                                       # where each is first asked
            for found in re.finditer(rf"(?<![\w.]){re.escape(name)}\.(size|ndim|itemsize)\b", run.expr):
                asked.setdefault(found[1], found.start())
            if "size" in asked and len(shape) > 1:                           # the product of the shape
                product = r" \cdot ".join(str(n) for n in shape) if self.approx == r"\approx" else "·".join(map(str, shape))
                lines.append((asked["size"], self.code(f"{name}.size") + " "
                              + self.inline("= " + product + " = " + self.raw_math(sp.Integer(np.size(value))))))
            if "ndim" in asked and len(shape) > 1:                           # the number of axes
                lines.append((asked["ndim"], self.code(f"{name}.ndim") + " " + self.inline("= " + self.raw_math(sp.Integer(len(shape))))
                              + self.escape(": ") + self.say("array.ndim", shape=shape_of(shape))))
            if "itemsize" in asked:                                          # the bits of the type over 8
                bits = 8 * array.itemsize
                lines.append((asked["itemsize"], self.code(f"{name}.itemsize") + " "
                              + self.inline(f"= {bits}/8 = " + self.raw_math(sp.Integer(array.itemsize)))
                              + self.escape(": ") + self.say("array.itemsize", dtype=str(array.dtype))))
        return [line for _, line in sorted(lines, key=lambda found: found[0])]

    def _explain_elementwise(self, op, value) -> list[str]:
        import numpy as np

        from ..numerics.arrays import broadcast_steps
        left, right = (np.shape(x) for x in op.operands)
        if not left and not right:                 # numbers: nothing is broadcast, the numbers are combined
            symbol = {"*": r"\cdot" if self.approx == r"\approx" else "·"}.get(op.name, op.name)
            numbers = [self.raw_math(self._entry(number)) for number in _numbers(op.operands)]
            return [self.inline(f" {symbol} ".join(numbers) + " = " + self.raw_math(self._entry(_numbers([value])[0])))]
        if left == right:
            return [self.say("array.same shapes", shape=shape_of(left))]
        padded, result = broadcast_steps(left, right)
        if not left or not right:
            lines = [self.broadcasting("array.broadcast.scalar", shape=shape_of(result))]
        else:
            lines = [self.broadcasting("array.broadcast.shapes", left=shape_of(left), right=shape_of(right))]
        step = 1
        for before, after in zip((left, right), padded):
            if before and len(before) < len(after):
                lines.append(self._step("array.broadcast.pad", step, before=shape_of(before), after=shape_of(after)))
                step += 1
        stretches = [(after, result) for before, after in zip((left, right), padded) if before and after != result]
        for k, (before, after) in enumerate(stretches):
            key = "array.broadcast.stretch" if k == 0 else "array.broadcast.stretch.too"
            lines.append(self._step(key, step, before=shape_of(before), after=shape_of(after)))
        stretched = [self.array(np.broadcast_to(x, result)) for x in op.operands]
        if all(s is not None for s in stretched) and self.array(value) is not None:
            dot = r"\cdot" if self.approx == r"\approx" else "·"
            symbol = {"*": dot}.get(op.name, op.name if op.name in "+-/" else None)
            if symbol is not None:
                lines.append(self.plain("array.broadcast.stretched") + " " + self.inline(
                    f" {symbol} ".join(self.raw_math(s) for s in stretched) + " = " + self.raw_math(self.array(value))))
        return lines

    def _step(self, key: str, step: int, **values) -> str:
        """A numbered step of broadcasting: its number as a word of the sentence, its shapes as formulas."""
        return self.sentence(PHRASES[self.lang][key].replace("{step}", str(step)), **values)

    def _explain_reduce(self, op, value) -> list[str]:
        import numpy as np
        before = np.shape(op.operands[0])
        if op.axis is None:
            return [self.say("array.reduce.all", size=sp.Integer(int(np.size(op.operands[0]))))]
        axes = op.axis if isinstance(op.axis, tuple) else (op.axis,)
        key = "array.reduce.keep" if op.keepdims else "array.reduce.axis"
        return [self.say(key, axis=sp.Integer(axes[0] % len(before)), length=sp.Integer(before[axes[0]]),
                         before=shape_of(before), after=shape_of(np.shape(value)))]

    def _explain_product(self, op, value) -> list[str]:
        import numpy as np
        left, right = (np.shape(x) for x in op.operands)
        return [self.say("array.product", left=shape_of(left), right=shape_of(right), result=shape_of(np.shape(value)))]

    def _explain_transpose(self, op, value) -> list[str]:
        import numpy as np
        return [self.say("array.transpose", before=shape_of(np.shape(op.operands[0])), after=shape_of(np.shape(value)))]

    def _explain_index(self, op, value) -> list[str]:
        import numpy as np
        return [self.say("array.index", before=shape_of(np.shape(op.operands[0])), after=shape_of(np.shape(value)))]

    def _explain_reshape(self, op, value) -> list[str]:
        import numpy as np
        return [self.say("array.reshape", before=shape_of(np.shape(op.operands[0])), after=shape_of(np.shape(value)),
                         size=sp.Integer(int(np.size(value))))]

    def _explain_attribute(self, op, value) -> list[str]:
        import numpy as np
        shape = np.shape(op.operands[0])
        return [self.say(f"array.attribute.{op.name}", shape=shape_of(shape))] if shape else []

    def broadcasting(self, key: str, **values) -> str:
        """A sentence on broadcasting, the term with its English name the first time a key uses it (``.first``)."""
        return self.say(key + ".first" if first_time(self, BROADCAST) else key, **values)

    def failure_lines(self, failure) -> list[str]:
        shapes = [shape_of(s) for s in failure.shapes]
        if failure.reason == "broadcast":
            from ..numerics.arrays import broadcast_steps
            padded, _ = broadcast_steps(*failure.shapes)
            a, b = (p[failure.axis] for p in padded)
            return [self.broadcasting("array.broadcast.shapes", left=shapes[0], right=shapes[1]),
                    self.say("array.fail.broadcast", left=shape_of(padded[0]), right=shape_of(padded[1]),
                             a=sp.Integer(a), b=sp.Integer(b))]
        values = dict(zip(("left", "right"), shapes))
        if failure.reason == "axis" and failure.axis is not None:
            values["axis"] = sp.Integer(failure.axis)
            return [self.say("array.fail.axis", **values)]
        return [self.say(f"array.fail.{failure.reason}", **values)]

    def array_answer(self, run, answer) -> str:
        """The answer as NumPy gives it: the matrix, the vector, the number, the shape — or "error"."""
        import numpy as np
        if run.answer_kind == "failure":
            return self.plain("array.fails")
        if run.answer_kind == "shape":
            shape = tuple(int(n) for n in run.value)
            if len(shape) == 1:                           # (3072,): NumPy's 1-tuple, said in words
                return self.code(repr(shape)) + self.escape(": ") + self.say("array.one axis", n=sp.Integer(shape[0]))
            return self.code(repr(shape)) + self.escape(", ") + self.math(shape_of(shape)) if shape else self.math(sp.Integer(0))
        if run.answer_kind == "numbers":
            return self.math(sp.Tuple(*(self._entry(v) for v in _numbers(run.value))))
        written = self.array(run.value)
        shown = self.say("array.shape only", shape=shape_of(np.shape(run.value))) if written is None else self.array_math(run.value)
        op = run.outcome.operation if run.outcome is not None else None
        if op is not None and op.kind == "reduce" and op.axis is not None and not op.keepdims and np.ndim(op.operands[0]):
            axis = (op.axis if isinstance(op.axis, int) else op.axis[0]) % np.ndim(op.operands[0])
            shown += self.escape("; ") + self.say("array.gone", axis=sp.Integer(axis))     # "which axis disappears?"
        return shown


def _numbers(values):
    from ..problems.array_problems import number
    return [number(v) for v in values]
