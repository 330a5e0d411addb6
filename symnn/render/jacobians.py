"""How document printers write a Jacobian matrix: every entry ∂fᵢ/∂xⱼ, the matrix (at a point), and,
when the problem asks for it, its determinant worked by cofactors, as a change of variables needs it:
det J = J₁₁·J₂₂ − J₁₂·J₂₁ = cos θ·r cos θ − (−r sin θ)·sin θ = r.

A mixin of VectorPrinting (``render.vectors``): it uses the format hooks and ``put_in_point``.
"""

from __future__ import annotations

import re

import sympy as sp

from .board import Signed, Times, Written
from .expansion import D
from .order import in_order
from .staged import Ratio


def det_of(name: str = "J") -> Written:
    """det J, or det H of a Jacobian the problem names H (answer_name, notation)."""
    return Written(rf"\det {name}", "det " + re.sub(r"[{}\\]", "", name))


def _matrix(rows) -> sp.ImmutableMatrix:
    return sp.ImmutableMatrix(rows)


class Det(sp.Expr):
    """det M of a matrix written out (det [a b; c d]) or named (det M₃₁)."""

    def _latex(self, printer):
        return r"\det %s" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return f"det {printer._print(self.args[0])}"


class JacobianOf(sp.Expr):
    """∂(x, y)/∂(r, θ): the Jacobian determinant named by the functions and the variables, as a statement writes it."""

    def _latex(self, printer):
        tops, bottoms = (", ".join(printer._print(x) for x in part) for part in self.args)
        return r"\frac{\partial(%s)}{\partial(%s)}" % (tops, bottoms)

    def _sympystr(self, printer):
        tops, bottoms = (", ".join(printer._print(x) for x in part) for part in self.args)
        return f"∂({tops})/∂({bottoms})"


# a statement that asks \frac{\partial(x, y)}{\partial(r, \theta)}: the functions' names, the variables' names
JACOBIAN_WRITTEN = re.compile(r"\\frac\{\\partial\s*\(([^(){}]*)\)\}\{\\partial\s*\(([^(){}]*)\)\}")


def jacobian_written(statement: str):
    """JacobianOf(x, y; r, θ) as the statement writes the Jacobian it asks for, or None."""
    match = JACOBIAN_WRITTEN.search(statement or "")
    if match is None:
        return None
    names = [[sp.Symbol(name.strip().lstrip("\\")) for name in part.split(",")] for part in match.groups()]
    return JacobianOf(sp.Tuple(*names[0]), sp.Tuple(*names[1]))


class InPlace(sp.Mul):
    """An entry written as its line J_ij = … writes it (ρ cos φ sin θ, see ``in_place``), wherever it is printed:
    in the matrix and in the minors too, not in SymPy's order there."""

    def _latex(self, printer):
        return in_order(printer, printer._print_Mul, list(self.args))

    def _sympystr(self, printer):
        return in_order(printer, printer._print_Mul, list(self.args))


def _worth_showing(step) -> bool:
    """A derivation with a product, quotient or chain rule in it; a one-rule entry is said by its result."""
    return step.rule in ("product", "quotient", "chain") or any(_worth_showing(sub) for sub in step.substeps)


def _entry(i: int, j: int) -> sp.Symbol:
    return sp.Symbol(f"J_{i + 1}{j + 1}")


class JacobianPrinting:
    def in_place(self, f, var, entry):
        """∂/∂φ (ρ sin φ sin θ) = ρ cos φ sin θ: a product whose one factor holds the variable is differentiated
        in place, its factors in the order f is written in, so the entries of a row read alike (SymPy writes
        ρ sin θ cos φ); else ``entry`` itself."""
        moving = [factor for factor in f.args if factor.has(var)] if isinstance(f, sp.Mul) else []
        if len(moving) != 1:
            return entry
        written = self.raw_math(f)
        places = [written.find(self.raw_math(factor)) for factor in f.args]
        sign, derivative = sp.diff(moving[0], var).as_coeff_Mul()
        if -1 in places or not sign.is_number or sign == 0 or derivative.is_Mul:
            return entry
        factors = [derivative if factor is moving[0] else factor for _, factor in sorted(zip(places, f.args), key=lambda p: p[0])]
        shown = sp.Mul(*([sign] if sign != 1 else []), *(factor for factor in factors if factor != 1), evaluate=False)
        return shown if sp.expand(shown.doit() - entry) == 0 else entry

    def _print_Jacobian(self, run, depth: int = 0) -> str:
        self.partial = True
        J = sp.Symbol("J")
        components = _matrix([[f] for f in run.functions])
        f = self.function_name()
        entries = sp.Eq(J, _matrix([[Ratio(sp.Symbol(f"{f}_{i}"), var, sp.true) for var in run.variables]
                                    for i in range(1, len(run.functions) + 1)]), evaluate=False)
        lines = [self.short_heading("vec.jacobian.title", depth, entry=entries) or self.line(depth, self.strong(
            self.say("vec.jacobian.title", function=components, variables=sp.Tuple(*run.variables), entry=entries)))]
        written = {}               # each entry as its line writes it, so that the matrix and the minors write it so too
        for i, f in enumerate(run.functions, 1):
            for var, entry in zip(run.variables, run.matrix.row(i - 1)):
                shown = self.in_place(f, var, entry)
                if shown is not entry and self.raw_math(shown, keep_order=True) != self.raw_math(entry):
                    written[entry] = InPlace(*shown.args, evaluate=False)
                lines.append(self.line(depth + 1, self.inline(" = ".join((
                    self.raw_math(sp.Symbol(f"J_{i}{run.variables.index(var) + 1}")), self.raw_math(D(f, var)),
                    self.raw_math(shown, keep_order=shown is not entry))))))
                step = run.steps[i - 1][run.variables.index(var)] if run.steps else None
                if step is not None and _worth_showing(step) and self._settings["detail"] == "full":
                    lines.extend(self.step_lines(step, depth + 2, ""))
        self.written_entries = written
        asked_matrix = run.determinant is None
        if run.value is not None or not self.answer_follows or not asked_matrix:
            lines.append(self.line(depth, self.equation(J, self._as_lines(run.matrix))))
        if run.value is not None and asked_matrix:   # J = the entries with the numbers put in = the matrix at the point
            numbers = _matrix([[self.put_in_point(entry, dict(run.point)) for entry in row] for row in run.matrix.tolist()])
            sides = [self.raw_math(J), self.raw_math(numbers, numbers=True),
                     *(self.raw_math(side) for side in self._unless_answered(_matrix(run.value.tolist())))]
            lines.append(self.line(depth, self.at_given(run.point, run.variables) + ": " + self.inline(" = ".join(sides))))
        if not asked_matrix:
            lines += self._determinant_lines(run, depth)
        return self.join(lines)

    def at_given(self, point, variables) -> str:
        """"At the point (w₁, w₂) = (0, 1), x = 1, t = 1": the point by its variables, then each constant given with
        it (a Jacobian's or a Hessian's ``point`` holds both, the variables first)."""
        constants = [(name, value) for name, value in point if name not in variables]
        given = "".join(self.escape(", ") + self.equation(name, self.as_given(value)) for name, value in constants)
        return self.say("gradient.at", point=self.point([(n, v) for n, v in point if n in variables])) + given

    def _determinant_lines(self, run, depth: int) -> list[str]:
        """det J = Σ ±J_ij·det M_ij along a row (for 2×2, J₁₁·J₂₂ − J₁₂·J₂₁), each minor worked, then the value."""
        det, M = run.determinant, run.matrix
        i = det.row
        lines = []
        if M.rows == 2:                 # as a book writes it, whatever row has zeros: J₁₁·J₂₂ − J₁₂·J₂₁, numbers so
            lines.append(self.line(depth, self.plain("vec.det")))
            a, b, c, d = self._as_lines(M)
            terms = ((1, Times(_entry(0, 0), _entry(1, 1)), Times(a, d)), (-1, Times(_entry(0, 1), _entry(1, 0)), Times(b, c)))
            general = Signed(*(x for sign, named, _ in terms for x in (sp.Integer(sign), named)))
            worked = Signed(*(x for sign, _, numbers in terms for x in (sp.Integer(sign), numbers)))
        else:
            lines.append(self.line(depth, self.say("vec.det.row", row=sp.Integer(i + 1))))
            pieces = []
            for (sign, entry, minor, value), j in zip(det.terms, self._columns(det)):
                name = sp.Symbol(f"M_{i + 1}{j + 1}")
                a, b, c, d = minor = self._as_lines(minor)
                lines.append(self.line(depth + 1, self.inline(" = ".join(self.raw_math(side) for side in (
                    Det(name), Det(_matrix(minor.tolist())), Signed(1, Times(a, d), -1, Times(b, c)), value)))))
                pieces.append((Times(_entry(i, j), Det(name)), Times(*self._as_lines([entry]), value)))
            general = Signed(*(x for (sign, *_), (named, _) in zip(det.terms, pieces) for x in (sp.Integer(sign), named)))
            worked = Signed(*(x for (sign, *_), (_, numbers) in zip(det.terms, pieces) for x in (sp.Integer(sign), numbers)))
        last = det.value if run.determinant_value is not None else self._unless_answered(det.value)
        sides = [det_of(getattr(self, "notation", {}).get("J", "J")), general, worked, *((last,) if isinstance(last, sp.Basic) else last)]
        lines.append(self.line(depth, self.inline(" = ".join(self.raw_math(side) for side in sides))))
        if run.determinant_value is not None:     # det J at the point: the formula, the numbers put in
            numbers = self.put_in_point(det.value, dict(run.point))
            at = [self.raw_math(det_of(getattr(self, "notation", {}).get("J", "J"))), self.raw_math(det.value)]
            written = self.raw_math(numbers, numbers=True)
            if written not in (at[-1], self.raw_math(run.determinant_value)):
                at.append(written)                 # the numbers, unless they are the value itself
            text = self.at_given(run.point, run.variables) + ": "
            lines.append(self.line(depth, text + self.result(" = ".join(at), run.determinant_value)))
        return lines

    def _as_lines(self, entries):
        """A matrix (or a list) of entries, each as its line J_ij = … wrote it."""
        written = getattr(self, "written_entries", {})
        if isinstance(entries, list):
            return [written.get(e, e) for e in entries]
        return _matrix([[written.get(e, e) for e in row] for row in entries.tolist()])

    @staticmethod
    def _columns(det) -> list[int]:
        """The columns of the entries the expansion keeps (the non-zero ones of its row)."""
        return [j for j in range(det.matrix.cols) if det.matrix[det.row, j] != 0]
