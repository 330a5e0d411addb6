"""How document printers write the gradient of a book's matrix function term by term (``nn.matrix_expansion``):
the function and the shapes, the norms written as products, the expansion, the terms collected, each term
with the identity that differentiates it, the sum and the common factor taken out.

A mixin of DocumentPrinter (``render.matrices`` brings it in): it uses the format hooks.
"""

from __future__ import annotations

import sympy as sp

from ..calculus.transpose import MARK, Determinant, Hadamard, Letter, Trace, transposed
from ..nn.matrix_terms import IDENTITY
from .said import first_time
from .stated import StatedSum, stated_formula
from .written import bare, ordinary_ratios


def identities(run) -> list[tuple[str, sp.Expr]]:
    """The identities the products of a term-by-term gradient are written out by, each with its key (said once a
    key): ‖v‖² = vᵀv, ‖V‖²_F = tr(VᵀV), (PQ)ᵀ = QᵀPᵀ, tr(P + Q) = tr(P) + tr(Q)."""
    from .matrices import NormSquared, Transposed
    v, V, A, B = Letter("v"), Letter("V"), Letter("P"), Letter("Q")
    rules = [("expansion.norm", sp.Eq(NormSquared(v, sp.false), transposed(v) * v, evaluate=False))] \
        if len(run.norms) > len(run.frobenius) else []
    rules += [("expansion.frobenius", sp.Eq(Frobenius(V), Trace(transposed(V) * V), evaluate=False))] if run.frobenius else []
    rules.append(("expansion.transpose", sp.Eq(Transposed(A * B), transposed(B) * transposed(A), evaluate=False)))
    if run.function.has(Trace):                           # tr(P + Q) = tr(P) + tr(Q)
        rules.append(("expansion.trace sum", sp.Eq(Trace(A + B, evaluate=False), Trace(A) + Trace(B), evaluate=False)))
    return rules


def _expands(run) -> bool:
    return bool(run.norms) or set(sp.Add.make_args(run.expanded)) != set(sp.Add.make_args(run.function))


def _collects(run) -> bool:
    return set(sp.Add.make_args(run.collected)) != set(sp.Add.make_args(run.expanded))


def expansion_keys(run) -> tuple[str, ...]:
    """What a term-by-term gradient says once a key (``render.said``): its identities, why equal terms are equal."""
    keys = [key for key, _ in identities(run)] if _expands(run) else []
    if _collects(run):
        keys.append("expansion.collected traces" if run.collected.has(Trace) else "expansion.collected")
    return tuple(keys)


class ExpansionPrinting:
    def gradient_name(self, run) -> str:
        """∇_x f, as raw math; ∂f/∂x of a vector f, its Jacobian."""
        if run.jacobian:
            return self.raw_math(self.jacobian(run.name, run.wrt, run.name))
        x, f = self.raw_math(run.wrt), self.raw_math(run.name)
        return f"{self.nabla}_{{{x}}} {f}" if self.nabla.startswith("\\") else f"∇_{x} {f}"

    def jacobian(self, top, x, name=None):
        """∂top/∂x; dtop/dx where the statement asks the Jacobian of the function ``name`` (by default the one being
        worked) with d, as df/dx, whatever it writes of its entries (∂fᵢ/∂xⱼ)."""
        name = getattr(self, "jacobian_of", None) if name is None else name
        d = (bare(str(name)), bare(str(x))) in ordinary_ratios(getattr(self, "statement_text", ""))
        return Jacobian(top, x, sp.false if d else sp.true)

    def _by_term(self, run, term) -> str:
        """∇_x(term) as raw math; ∂(term)/∂x of a vector function."""
        if run.jacobian:
            return self.raw_math(self.jacobian(term, run.wrt, run.name))
        x = self.raw_math(run.wrt)
        inside = self.raw_math(term)
        return (rf"{self.nabla}_{{{x}}}\left({inside}\right)" if self.nabla.startswith("\\") else f"∇_{x}({inside})")

    def _print_ExpandedGradient(self, run, depth: int = 0) -> str:
        from .matrices import NormSquared, Sizes, Transposed, shaped
        f, x = run.name, run.wrt
        self.jacobian_of = f                              # its Jacobian's d or ∂, as the statement writes it
        # the sum and the answer in the order of the given terms (nn.matrix_expansion)
        order = tuple(StatedSum(*(self.renamed(term) for term in terms)) for terms in run.order)
        self.written = self.written + tuple(group for group in order if group not in self.written)
        shown = {**{letter: Frobenius(inner) if letter in run.frobenius else NormSquared(inner, sp.false)
                    for letter, inner in run.norms}, **{letter: Transposed(inner) for letter, inner in run.turned}}
        given = sp.Add(*(term.xreplace(shown) for term in sp.Add.make_args(run.given)), evaluate=False)    # in its order
        formula = self.raw_math(given, keep_order=True)       # ∇_W f where the statement has just given f's formula
        named = (self.gradient_name(run) if run.jacobian else self.raw_ratio(f, x)) if stated_formula(self.raw_math(f), formula, getattr(self, "stated", ())) else \
            self.raw_math(sp.Eq(f, given, evaluate=False), keep_order=True)
        title = self.say(f"expansion.jacobian {run.jacobian}", wrt=x, f=f) if run.jacobian else self.say("expansion.title", wrt=x)
        lines = [self.line(depth, self.strong(title + ":") + " " + self.inline(named))]
        symmetric = [self.math(sp.Eq(Letter(name), transposed(Letter(name)), evaluate=False)) for name in run.symmetric]
        lines.append(self.line(depth, self.plain("matrix.shapes") + " "
                               + ", ".join([self.math(shaped(letter, shape)) for letter, shape in run.shapes] + symmetric)))
        A, B = Letter("P"), Letter("Q")
        if _expands(run):                                     # not xᵀAx itself; each identity once a key
            rules = [self.math(rule) for key, rule in identities(run) if first_time(self, key)]
            rules = self.escape(" (") + self.escape(", ").join(rules) + self.escape(")") if rules else ""
            lines.append(self.line(depth, self.plain("expansion.expanded") + rules + self.escape(":") + " "
                                   + self._equation(f, run.expanded)))
        if _collects(run):              # why equal terms are equal, once a key; later the terms collected alone
            key = "expansion.collected traces" if run.collected.has(Trace) else "expansion.collected"
            said = self.say(key, **({"transpose": sp.Eq(Trace(transposed(A)), Trace(A), evaluate=False),
                                     "cycle": sp.Eq(Trace(A * B), Trace(B * A), evaluate=False)} if "traces" in key else {})) \
                if first_time(self, key) else self.say("expansion.collected.again")
            lines.append(self.line(depth, said + " " + self._equation(f, run.collected)))
        lines.append(self.line(depth, self.say("expansion.terms", wrt=x)))
        for term in run.terms:
            lines.append(self.ruled_step(depth + 1, self._by_term(run, term.term) + " = " + self.raw_math(term.gradient),
                                         self._identity(term, x, dict(run.shapes))))
        if run.entrywise:                                 # the entries added as numbers: −y(1 − σ) + (1 − y)σ = σ − y
            lines.append(self.line(depth, self.say("expansion.entries", z=sp.Symbol("z"), sum=sp.Eq(run.entrywise[0], run.entrywise[1], evaluate=False))))
        sides = [self.gradient_name(run), self.raw_math(run.total)] + ([self.raw_math(run.answer)] if run.answer != run.total
                                                                        else [])
        lines.append(self.line(depth, self.say("expansion.sum jacobian" if run.jacobian else "expansion.sum") + " " + self.inline(" = ".join(sides))))
        if self._settings["detail"] == "full" or not run.holds:
            sizes = Sizes(*(x for name, size in run.sizes for x in (sp.Symbol(name), sp.Integer(size))))
            lines.append(self.line(depth, self.say("matrix.checked" if run.holds else "matrix.not checked", sizes=sizes)))
        if not getattr(self, "answer_follows", False):
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " "
                                   + self.inline(self.gradient_name(run) + " = " + self.raw_math(run.answer))))
        return self.join(lines)

    def _equation(self, f, terms) -> str:
        """f = the terms, in their order, each with its own number (½xᵀAᵀAx − bᵀAx, not ½(xᵀAᵀAx − 2bᵀAx))."""
        return self.inline(self.raw_math(sp.Eq(f, terms, evaluate=False), keep_order=True))

    def _identity(self, term, x, shapes=None) -> str:
        """The identity a term is differentiated by, with its parts named: ∇(aᵀx) = a with a = Aᵀb."""
        a, M = _free("a", term, shapes), _free("M", term, shapes)
        if term.identity == "constant":
            return self.say("expansion.constant", wrt=x)
        if term.identity in ("linear-map", "linear-map-row"):      # ∂(Lx)/∂x = L; of a row, ∂(xᵀR)/∂x = Rᵀ
            L = _free("A", term, shapes)
            form, coefficient = (transposed(x) * L, transposed(L)) if term.identity == "linear-map-row" else (L * x, L)
            if term.part == IDENTITY:
                return self.say("expansion.jacobian identity", identity=sp.Eq(self.jacobian(x, x), IDENTITY, evaluate=False))
            if term.part == L:                            # the term is the identity's own form; a row's is transposed
                return self.say("expansion.linear map alone", wrt=x) if term.identity == "linear-map" else \
                    self.say("expansion.linear map row", wrt=x, column=transposed(L) * x, coefficient=transposed(L))
            return self.say("expansion.linear map", identity=sp.Eq(self.jacobian(form, x), coefficient, evaluate=False),
                            part=sp.Eq(L, term.part, evaluate=False))
        if term.identity == "entrywise":                  # ∇ₓ uᵀg(Mx) = Mᵀ(u ⊙ g′(Mx)), g′ found on a number
            from ..nn.matrix_entrywise import ENTRY, entry_function
            g, slope = entry_function(term.term, x)
            u, M, G = _free("a", term, shapes), _free("M", term, shapes), sp.Function("g")
            summed = term.other == 1                      # 1ᵀg(Mx), the entries summed
            form, gradient = (G(M * x), GSlope(M * x)) if summed else (transposed(u) * G(M * x), Hadamard(u, GSlope(M * x)))
            named = {"identity": sp.Eq(Nabla(x, form), transposed(M) * gradient, evaluate=False),
                     "part": sp.Eq(M, term.part, evaluate=False), "slope": sp.Eq(sp.Derivative(g, ENTRY), slope, evaluate=False)}
            return self.say("expansion.entrywise sum", **named) if summed else \
                self.say("expansion.entrywise", other=sp.Eq(u, term.other, evaluate=False), **named)
        if term.identity == "determinant":                # Jacobi's formula ∇_X det X = det(X)·X⁻ᵀ, with the chain rule
            jacobi = sp.Eq(Nabla(x, Determinant(x)), Determinant(x) * transposed(x) ** -1, evaluate=False)
            said = self.say("expansion.square" if term.part == Determinant(x) else "expansion.determinant", identity=jacobi)
            if term.symmetric:                            # X = Xᵀ: X⁻ᵀ = X⁻¹
                said += self.say("expansion.determinant symmetric", symmetric=sp.Eq(x, transposed(x), evaluate=False),
                                 inverse=sp.Eq(transposed(x) ** -1, x ** -1, evaluate=False))
            return said
        if term.identity in ("linear", "linear-right"):
            form = transposed(a) * x if term.identity == "linear" else transposed(x) * a
            identity = sp.Eq(Nabla(x, form), a, evaluate=False)
            if term.part == a:                            # the term is the identity's own form: aᵀx itself
                return self.say("expansion.linear alone", wrt=x)
            return self.say("expansion.linear", identity=identity, part=sp.Eq(a, term.part, evaluate=False))
        if term.identity == "quadratic" and term.part == 1:
            return self.say("expansion.square", identity=sp.Eq(Nabla(x, transposed(x) * x), 2 * x, evaluate=False))
        if term.identity == "quadratic":
            identity = sp.Eq(Nabla(x, transposed(x) * M * x), (M + transposed(M)) * x, evaluate=False)
            if term.part == M:
                return self.say("expansion.square", identity=identity)
            if term.symmetric:
                return self.say("expansion.quadratic symmetric", identity=identity, part=sp.Eq(M, term.part, evaluate=False),
                                symmetric=sp.Eq(transposed(M), M, evaluate=False), twice=2 * M * x)
            return self.say("expansion.quadratic", identity=identity, part=sp.Eq(M, term.part, evaluate=False))
        if term.identity in ("trace-linear", "trace-quadratic", "trace-quadratic-right", "bilinear"):
            return self._by_matrix(term, x, shapes or {})
        if len(term.contributions) > 1:             # each use of x in turn, the others held: ½Wxxᵀ + ½Wxxᵀ = Wxxᵀ
            sides = [self.raw_math(sp.Add(*term.contributions, evaluate=False), keep_order=True), self.raw_math(term.gradient)]
            return self.say("expansion.product uses", wrt=x) + " " + self.inline(" = ".join(dict.fromkeys(sides)))
        return self.say("expansion.product", wrt=x)

    def _by_matrix(self, term, W, shapes) -> str:
        """The identities of a term by a matrix W: ∇_W(aᵀWb) = abᵀ, ∇_W tr(AW) = Aᵀ, ∇_W tr(WᵀMW) = (M + Mᵀ)W
        and ∇_W tr(WMWᵀ) = W(M + Mᵀ), each with its parts named; ∇_W tr(W) = I with the shape of I, W's."""
        a, b, A, M, Wt = (*(_free(name, term, shapes) for name in "abAM"), transposed(W))
        if term.identity == "bilinear":
            identity = sp.Eq(Nabla(W, transposed(a) * W * b), a * transposed(b), evaluate=False)
            if (term.part, term.other) == (a, b):
                return self.say("expansion.square", identity=identity)
            return self.say("expansion.bilinear", identity=identity, part=sp.Eq(a, term.part, evaluate=False),
                            other=sp.Eq(b, term.other, evaluate=False))
        if term.identity == "trace-linear" and term.part == 1:        # tr(W) = Σᵢ Wᵢᵢ: I
            from .matrices import shaped
            identity = sp.Eq(Nabla(W, Trace(W)), IDENTITY, evaluate=False)
            return self.say("expansion.trace", identity=identity, shape=shaped(IDENTITY, shapes.get(W)))
        if term.identity == "trace-linear":
            identity = sp.Eq(Nabla(W, Trace(A * W)), transposed(A), evaluate=False)
            if term.part == A:
                return self.say("expansion.square", identity=identity)
            return self.say("expansion.linear", identity=identity, part=sp.Eq(A, term.part, evaluate=False))
        left = term.identity == "trace-quadratic"           # tr(WᵀMW), else tr(WMWᵀ)
        if term.part == 1:                                  # ‖W‖²_F = tr(WᵀW)
            form = Wt * W if left else W * Wt
            return self.say("expansion.square", identity=sp.Eq(Nabla(W, Trace(form)), 2 * W, evaluate=False))
        form, gradient, twice = ((Wt * M * W, (M + transposed(M)) * W, 2 * M * W) if left
                                 else (W * M * Wt, W * (M + transposed(M)), 2 * W * M))
        identity = sp.Eq(Nabla(W, Trace(form)), gradient, evaluate=False)
        if term.part == M:
            return self.say("expansion.square", identity=identity)
        if term.symmetric:
            return self.say("expansion.quadratic symmetric", identity=identity, part=sp.Eq(M, term.part, evaluate=False),
                            symmetric=sp.Eq(transposed(M), M, evaluate=False), twice=twice)
        return self.say("expansion.quadratic", identity=identity, part=sp.Eq(M, term.part, evaluate=False))


OTHER_LETTERS = {"a": "uc", "b": "vd", "A": "CPK", "M": "NKG"}


def _free(name, term, shapes):
    """The letter of an identity's general form (A of ∇_W tr(AW) = Aᵀ), another one where the problem or the
    term's part uses it otherwise, so that no line reads A = B·A."""
    letter = Letter(name)
    taken = {s.name.removesuffix(MARK) for e in (term.part, term.other) for s in e.free_symbols} | {s.name for s in shapes or ()}
    if letter in (term.part, term.other) or name not in taken:
        return letter
    return Letter(next((other for other in OTHER_LETTERS[name] if other not in taken), name))


class Frobenius(sp.Expr):
    """‖V‖²_F of a matrix V: the sum of the squares of its entries, tr(VᵀV)."""

    coefficient_first = True          # ½‖a‖², as a statement writes it (render.order.fraction_times_sum)

    def _latex(self, printer):
        return r"\left\|%s\right\|_{F}^{2}" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return f"‖{printer._print(self.args[0])}‖_F^2"


class GSlope(sp.Function):
    """g′(v): the derivative g′ of the identity's g, taken entry by entry; in LaTeX an italic g with a prime."""

    nargs = 1

    def _latex(self, printer, exp=None):
        return r"g'\left(%s\right)" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return f"g′({printer._print(self.args[0])})"


class Nabla(sp.Expr):
    """∇_x(form): the gradient of a general form, in an identity."""

    is_commutative = False

    def _latex(self, printer):
        if isinstance(self.args[1], Trace):                 # ∇_W tr(AW)
            return r"\nabla_{%s} %s" % (printer._print(self.args[0]), printer._print(self.args[1]))
        return r"\nabla_{%s}\left(%s\right)" % (printer._print(self.args[0]), printer._print(self.args[1]))

    def _sympystr(self, printer):
        if isinstance(self.args[1], Trace):
            return f"∇_{printer._print(self.args[0])} {printer._print(self.args[1])}"
        return f"∇_{printer._print(self.args[0])}({printer._print(self.args[1])})"


class Jacobian(sp.Expr):
    """∂f/∂x of a vector f, in an identity: the matrix of ∂fᵢ/∂xⱼ; df/dx where its third argument is false."""

    is_commutative = False

    def _latex(self, printer):
        top, d = printer._print(self.args[0]), r"\partial" if self.args[2] else "d"
        top = r"\left(%s\right)" % top if isinstance(self.args[0], (sp.Add, sp.Mul)) else top
        return r"\frac{%s %s}{%s %s}" % (d, top, d, printer._print(self.args[1]))

    def _sympystr(self, printer):
        top, d = printer._print(self.args[0]), "∂" if self.args[2] else "d"
        top = f"({top})" if isinstance(self.args[0], (sp.Add, sp.Mul)) else top
        return f"{d}{top}/{d}{printer._print(self.args[1])}"
