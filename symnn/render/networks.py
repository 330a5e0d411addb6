"""How document printers write graphs, networks, losses and activations: mostly tables.

A mixin of DocumentPrinter: it uses the format hooks (line, strong, math,
table, ...) that each format defines.
"""

from __future__ import annotations

import sympy as sp

from ..lang import catalogue, phrase, separator
from ..nn.losses import NAMES, TERMS
from ..nn.network import LOSSES, SCORE_LOSSES
from .loss_formula import given_by_name, score_formula, stated_chain, stated_loss_line, stated_prediction
from .loss_gradients import gradient_lines
from .staged import Kept, written_chains, written_form
from .training_steps import exponent_sums
from .values import put_in
from .written import bare, signs_as_written


def point_equation(point) -> sp.Eq:
    """((x, 2), (y, 1/3)) -> the formula (x, y) = (2, 1/3); x = 2 for one variable."""
    names, coordinates = zip(*point) if point else ((), ())
    if len(point) == 1:
        return sp.Eq(names[0], coordinates[0], evaluate=False)
    return sp.Eq(sp.Tuple(*names), sp.Tuple(*coordinates), evaluate=False)


SOFTMAX_NUMPY = "numpy.exp(x - x.max()) / numpy.exp(x - x.max()).sum()"   # e^(x − max) never overflows


def ce_numbers(target, prediction, places=None):
    """An example's cross-entropy −Σ_c y_c·ln ŷ_c with its numbers put in and nothing evaluated: −ln(0.1) for the
    one-hot (1, 0, 0) and ŷ = (0.1, 0.3, 0.6) (a class with y_c = 0 adds nothing, a factor y_c = 1 is not written)."""
    values, terms = {}, []
    for k, (y, yhat) in enumerate(zip(target, prediction)):
        if y == 0:
            continue
        Y, P = sp.Symbol(f"y_{k}"), sp.Symbol(f"p_{k}", positive=True)
        values.update({Y: y, P: yhat})
        terms.append(sp.log(P) if y == 1 else sp.Mul(Y, sp.log(P), evaluate=False))
    return put_in(sp.Mul(-1, sp.Add(*terms, evaluate=False), evaluate=False), values, places)


class NetworkPrinting:
    def plain(self, key: str, **values) -> str:
        """A phrase (its placeholders filled with plain words or numbers), escaped, its ``$...$`` typeset."""
        return self.prose(phrase(self.lang, key, **values))

    def table(self, header: list[str], rows: list[list[str]]) -> list[str]:
        """Lines of a table whose cells are already written in this format."""
        raise NotImplementedError

    def as_written(self, expr):
        """``expr`` with its squared differences as the statement writes them: (o₁ − y)², not (y − o₁)²."""
        return signs_as_written(expr, self.written, self.renamed)

    def ratio(self, top, bottom) -> str:
        """∂top/∂bottom as a formula."""
        return self.inline(self.raw_ratio(top, bottom))

    def raw_ratio(self, top, bottom) -> str:
        d = "d" if getattr(self, "ordinary", False) else r"\partial"      # dy/dx where the statement writes d
        return self.nabla_ratio(top, bottom) or r"\frac{%s %s}{%s %s}" % (d, self.raw_math(top), d, self.raw_math(bottom))

    def nabla_ratio(self, top, bottom) -> str | None:
        """∇_W f where the statement writes the gradient so (``nablas``), else None (∂f/∂W)."""
        top_text, bottom_text = self.raw_math(top), self.raw_math(bottom)
        if (bare(top_text), bare(bottom_text)) not in getattr(self, "nablas", ()):
            return None
        below = f"_{{{bottom_text}}}" if self.nabla.startswith("\\") else f"_{bottom_text}"
        return f"{self.nabla}{below} {top_text}"

    def _print_GraphPass(self, run, depth: int = 0) -> str:
        graph = run.graph
        written = written_form(graph.expr, written_chains(run.text))     # render.staged: in the statement's order
        function = sp.Eq(sp.Symbol("f"), graph.expr if written is None else Kept(written), evaluate=False)
        lines = [self.line(depth, self.strong(self.say("graph.title", function=function, point=self.point(run.point))))]
        lines.append(self.line(depth, self.plain("graph.forward")))
        forward = self.forward_rows(graph.nodes, dict(run.values), (run.text,))   # render.staged: as written
        lines += self.table([self.plain("graph.node"), self.plain("graph.definition"), self.plain("delta.numbers"),
                             self.plain("graph.value")], forward)
        lines.append(self.line(depth, self.say("graph.backward", output=graph.output.name)))
        lines += self.backward_lines(run, graph.output.name, depth, texts=(run.text,))   # render.staged: table, sums
        if not self.answer_follows:
            f = sp.Symbol("f")
            result = ", ".join(self.result(self.raw_ratio(f, v), g) for v, g in run.gradients)
            lines.append(self.line(depth, self.strong(self.plain("graph.result") + ":") + " " + result))
        return self.join(lines)

    def forward_lines(self, network, forward, depth: int, point=()) -> list[str]:
        """The forward pass as a table: each neuron's definition, the numbers put in (from ``point`` and the
        neurons before it), and its value."""
        definitions = network.definitions()
        sums = exponent_sums([(name, definitions[name]) for name, _ in forward])     # z_o1 of a softmax: a row first
        known, rows = dict(point), []
        for name, value in forward:
            steps = [(z, total, sp.expand(total.xreplace(known))) for total, z in sums.items() if z not in known and definitions[name].has(total)]
            for node, formula, worth in [*steps, (name, definitions[name].xreplace(sums), value)]:
                row = [self.math(node), self.equation(node, formula)]
                if point:
                    row.append(self.numbers(formula, known))
                rows.append(row + [self.value(worth)])
                known[node] = worth
        header = [self.plain("graph.node"), self.plain("graph.definition"), self.plain("graph.value")]
        if point:
            header.insert(2, self.plain("delta.numbers"))
        return self.table(header, rows)

    def _network_name(self, network, loss: bool = True) -> str:
        """"2-2-1 network, sigmoid, loss L = (y − o₁)²" in the reader's language (the loss where it matters)."""
        names = catalogue(self.lang)["activations"]
        activation = ", ".join(names.get(a, a) for a in ([network.activation] if isinstance(network.activation, str)
                                                          else network.activations))      # or one per layer
        s = network.sizes                  # one neuron (3-1): its inputs counted, not a network's layers
        one, sizes = (".neuron", str(s[0])) if list(s[1:]) == [1] else ("", "-".join(map(str, s)))
        if not loss or len(network.outputs) != 1:
            return self.escape(phrase(self.lang, f"net.name{one}.forward", sizes=sizes, activation=activation))
        L, formula = sp.Symbol("L"), self.as_written(LOSSES[network.loss_name](network.targets[0], network.outputs[0]))
        return self.escape(phrase(self.lang, f"net.name{one}", sizes=sizes, activation=activation)) + " " + self.equation(L, formula)

    def _print_ForwardPass(self, run, depth: int = 0) -> str:
        lines = [self.line(depth, self.strong(self.escape(phrase(self.lang, "net.forward") + ":")) + " "
                           + self._network_name(run.network, loss=False)),
                 self.line(depth, self.say("net.at", point=self.point(run.point)))]
        return self.join(lines + self.forward_lines(run.network, run.forward, depth, run.point))

    def _print_Backprop(self, run, depth: int = 0) -> str:
        L, p = run.network.loss_symbol, run.parameter
        heading = self.escape(phrase(self.lang, "net.backprop") + ":")
        lines = [self.line(depth, self.strong(heading) + " " + self.ratio(L, p) + ", " + self._network_name(run.network)),
                 self.line(depth, self.say("net.at", point=self.point(run.point)))]
        lines += self.forward_lines(run.network, run.forward, depth, run.point)
        chains = [" · ".join(self.ratio(f.node, f.wrt) for f in path.factors) for path in run.paths]
        lines.append(self.line(depth, self.strong(self.escape(phrase(self.lang, "net.chain")) + ":") + (
            "" if stated_chain(self, run) else " " + self.ratio(L, p) + " = " + " + ".join(chains))))   # said once
        known = {**dict(run.point), **dict(run.forward)}
        for number, path in enumerate(run.paths, 1):
            if len(run.paths) > 1:
                lines.append(self.line(depth, self.strong(self.escape(phrase(self.lang, "net.path", number=number)))))
            for factor in path.factors:
                lines.append(self.line(depth + 1, self.strong(self.escape(phrase(self.lang, "net.factor"))) + " "
                                       + self.worked(self.raw_ratio(factor.node, factor.wrt), factor.local,
                                                     known, factor.value)))
                if self._settings["detail"] == "full":
                    self.partial = True
                    lines.extend(self.step_lines(factor.step, depth + 2, ""))
        # the factors multiplied along each path and the paths added: the numbers of the lines above
        factors = {sp.Symbol(f"F{n}_{k}"): f.value for n, path in enumerate(run.paths) for k, f in enumerate(path.factors)}
        product = sp.Add(*(sp.Mul(*(sp.Symbol(f"F{n}_{k}") for k in range(len(path.factors))), evaluate=False)
                           for n, path in enumerate(run.paths)), evaluate=False)
        numbers = self.raw_ratio(L, p) + " = " + self.raw_math(put_in(product, factors, self.places()), numbers=True)
        if self.answer_follows:                       # the product worked out, its value too
            lines.append(self.line(depth, self.result(numbers, run.value)))
        else:
            lines.append(self.line(depth, self.strong(self.escape(phrase(self.lang, "net.result")) + ":") + " "
                                   + self.result(numbers, run.value)))
        return self.join(lines)

    def _print_ActivationTable(self, table, depth: int = 0) -> str:
        from ..numerics.compile import numpy_source  # NumPy only where the table is printed
        rows = []
        for act, derivative in table.rows:
            rows.append([self.escape(catalogue(self.lang)["activations"][act.name]),
                         self.math(act.definition), self.math(derivative),
                         self.math(act.in_output) if act.course_writes_in_output else "",     # asked: σ, th, ELU
                         self.code(numpy_source(act.definition)),
                         self.prose(catalogue(self.lang)["activation_notes"][act.name])])
        i, j, k = sp.symbols("i j k")
        softmax = sp.exp(sp.Symbol("x_i")) / sp.Sum(sp.exp(sp.Symbol("x_k")), (k, 1, sp.Symbol("n")))
        rows.append(["softmax", self.math(softmax), self.ratio(sp.Symbol("s_i"), sp.Symbol("x_j")),
                     self.math(table.softmax_rule), self.code(SOFTMAX_NUMPY),
                     self.plain("act.softmax")])
        header = [self.plain("act.name"), self.math(sp.Symbol("f(x)")), self.math(sp.Symbol("f'(x)")), self.plain("act.in_output"), self.plain("act.numpy"),
                  self.plain("note")]
        title = "act.title"                             # the table gives each derivative, never its derivation
        if self._settings["detail"] == "brief":        # a key states the mathematics; the code is for the full view
            header, rows, title = header[:4] + header[5:], [row[:4] + row[5:] for row in rows], "act.title.brief"
        return self.join([self.line(depth, self.strong(self.plain(title)))] + self.table(header, rows))

    def _print_ReverseGradient(self, grad, depth: int = 0) -> str:
        L = grad.network.loss_symbol
        lines = [self.line(depth, self.strong(self.escape(phrase(self.lang, "rev.title") + ":")) + " "
                           + self._network_name(grad.network)),
                 self.line(depth, self.escape(phrase(self.lang, "rev.adjoints")))]
        for adjoint, expr in grad.adjoints:
            lines.append(self.line(depth + 1, self.equation(adjoint, expr)))
        lines.append(self.line(depth, self.escape(phrase(self.lang, "rev.parameters"))))
        for parameter, expr in grad.gradient.items():
            lines.append(self.line(depth + 1, self.ratio(L, parameter) + " = " + self.math(expr)))
        return self.join(lines)

    def _print_LossValue(self, run, depth: int = 0) -> str:
        """The loss as a formula over i = 1…n, a table of its terms, then (t₁ + … + tₙ)/n with the numbers."""
        name, n = sp.Symbol(NAMES[run.name]), len(run.terms)
        i, N = sp.Symbol("i", integer=True), sp.Symbol("n", integer=True)
        if run.name in SCORE_LOSSES:
            return self.scores_loss(run, depth)
        y, yhat = sp.Indexed(sp.IndexedBase("y"), i), sp.Indexed(sp.IndexedBase("yhat"), i)
        if run.name == "ce":
            c, C = sp.Symbol("c", integer=True), sp.Symbol("C", integer=True)
            yc, pc = sp.Indexed(sp.IndexedBase("y"), i, c), sp.Indexed(sp.IndexedBase("yhat"), i, c)
            term = -sp.Sum(-TERMS["ce"](yc, pc), (c, 1, C))        # −Σ_c y ln ŷ, the minus outside the sums
        else:
            term = TERMS[run.name](y, yhat)
        if run.each:                 # each sample's loss: the term of sample i, CE_i = −Σ_c y_ic ln ŷ_ic
            formula = self.equation(sp.Symbol(f"{name}_i"), term)
        else:                        # the mean over the samples, MSE = Σ_i (y_i − ŷ_i)²/n; one the statement writes is not said again
            sign, term = ([-1], -term) if term.could_extract_minus_sign() else ([], term)
            general = sp.Mul(*sign, sp.Pow(N, -1), sp.Sum(term, (i, 1, N)), evaluate=False)
            general = sp.sqrt(general) if run.name == "rmse" else general
            formula = None if stated_loss_line(self, name) else self.equation(name, general) + self.escape(", ") + self.equation(N, n)
        # the hinge loss's L is named in words; MSE = … names itself
        lines = [self.line(depth, (self.strong(self.plain("loss.hinge") + ":") + " " if run.name == "hinge" else "")
                           + formula)] if formula else []
        if run.gradient:             # ∂L/∂ŷ_i asked: after L's formula, ∂L/∂ŷ_i sample by sample (render.loss_gradients)
            return self.join(lines + gradient_lines(self, run, depth))
        rows = [[str(k), self.value(t), self.value(p), self.value(term) if run.name != "ce" else self.ce_cell(t, p, term)]
                for k, (t, p, term) in enumerate(run.terms, 1)]
        columns = [y, stated_prediction(getattr(self, "statement_text", ""), yhat)]       # p(ŷ_i) where the statement says so
        lines += self.table(["i", *map(self.math, columns), self.plain("loss.term")], rows)
        slots = [sp.Symbol(f"t_{k}") for k in range(1, n + 1)]
        mean = sp.Mul(sp.Add(*slots), sp.Pow(sp.Integer(n), -1, evaluate=False), evaluate=False)
        mean = sp.Pow(mean, sp.S.Half, evaluate=False) if run.name == "rmse" else mean
        if run.each:                   # the answer is the terms of the table, each sample's loss
            return self.join(lines)
        lines.append(self.line(depth, self.worked(name, None, {}, run.value) if n == 1 else self.result_in(
            self.raw_math(name) + " = " + self.raw_math(put_in(mean, dict(zip(slots, (t for *_, t in run.terms))),
                                                              self.places()), numbers=True), run.value, self.unit(run))))
        return self.join(lines)

    def ce_cell(self, target, prediction, term) -> str:
        """An example's cross-entropy with its numbers put in, then its value: −ln(0.1) = ln(10) ≈ 2.3026; the
        numbers once where they are the exact value (−ln(0.9) ≈ 0.1054)."""
        numbers = self.raw_math(ce_numbers(target, prediction, self.places()), numbers=True)
        exact, _ = self.shown(term)
        same = exact is not None and self.raw_math(exact, numbers=True) == numbers
        return self.value(term) if same else self.result(numbers, term)

    def scores_loss(self, run, depth: int) -> str:
        """A loss on raw class scores (CS231n): its formula for example i, a table of the examples, each example's
        loss with the numbers put in, then the mean (L = (L₁ + … + Lₙ)/n) unless each example's loss is asked."""
        n, C, L = len(run.terms), len(run.terms[0][1]), sp.Symbol("L")
        formula = score_formula(run.name, self.lang, run.margin, getattr(self, "statement_text", ""))    # Δ where stated
        head = self.strong(self.plain(f"loss.{run.name}") + ":") + " " + self.prose(formula)
        if r"\Delta" in formula:
            head += self.escape(", ") + self.equation(sp.Symbol("\\Delta "), run.margin)
        if not run.each:
            head += self.escape("; ") + self.prose(rf"$L = \sum_{{i=1}}^{{{n}}} L_i / {n}$")    # the count, no n unstated
        s = [sp.Symbol(f"s_{c}", real=True) for c in range(1, C + 1)]
        lines = [self.line(depth, head)]
        # y_i is the correct class, a number, as s_(y_i) of the formula indexes it (the bank's one-hot row's 1)
        lines += self.table(["i", self.math(sp.Symbol("y_i")), self.math(sp.Tuple(*s))],
                            [[str(k), self.value(sp.Integer(label + 1)), self.value(p)]
                             for k, ((_, p, _), label) in enumerate(zip(run.terms, run.labels), 1)])
        for k, ((t, p, value), label) in enumerate(zip(run.terms, run.labels), 1):
            lines.append(self.line(depth, self.example_loss(run, sp.Symbol(f"L_{k}"), s, p, label, value)))
        if run.each:
            return self.join(lines)
        slots = [sp.Symbol(f"t_{k}") for k in range(1, n + 1)]
        mean = sp.Mul(sp.Add(*slots), sp.Pow(sp.Integer(n), -1, evaluate=False), evaluate=False)
        numbers = put_in(mean, dict(zip(slots, (t for *_, t in run.terms))), self.places())
        lines.append(self.line(depth, self.result(self.raw_math(L) + " = " + self.raw_math(numbers, numbers=True),
                                                  run.value)))
        return self.join(lines)

    def example_loss(self, run, name, s, scores, label: int, value) -> str:
        """L_k = its formula in the scores s_j = the numbers put in = the value: for svm each max(0, s_j − s_y + Δ)
        worked out and summed (2.9 + 0), for softmax-ce the probability of the correct class (≈ −ln(0.1299))."""
        known = dict(zip(s, scores))
        if run.name == "svm":
            parts = [sp.Max(0, s[j] - s[label] + run.margin) for j in range(len(s)) if j != label]
            formula = sp.Add(*parts, evaluate=False) if len(parts) > 1 else parts[0]
            sides = [self.raw_math(name), self.raw_math(formula), self.raw_math(put_in(formula, known, self.places()),
                                                                                  numbers=True)]
            if len(parts) > 1:                 # each term's value, then their sum
                slots = [sp.Symbol(f"t_{j}") for j in range(len(parts))]
                values = {slot: part.subs(known) for slot, part in zip(slots, parts)}
                sides.append(self.raw_math(put_in(sp.Add(*slots, evaluate=False), values, self.places()), numbers=True))
            return self.result(" = ".join(sides), value)
        p = sp.Symbol("p")
        formula = -sp.log(sp.exp(s[label]) / sp.Add(*(sp.exp(v) for v in s), evaluate=False), evaluate=False)
        probability = sp.exp(scores[label]) / sp.Add(*(sp.exp(v) for v in scores))
        lhs = " = ".join((self.raw_math(name), self.raw_math(formula), self.raw_math(put_in(formula, known, self.places()),
                                                                                    numbers=True)))
        lhs += f" {self.approx} " + self.raw_math(put_in(-sp.log(p, evaluate=False), {p: probability}, self.places()),
                                                  numbers=True)
        return self.result(lhs, value)

    def _print_Computation(self, run, depth: int = 0) -> str:
        # the normal equation solves for the line's slope and intercept, (w, b) or as the statement names them
        pair = separator(self.lang).join((self.names.get("w", "w"), self.names.get("b", "b")))     # a tuple: (w; b) in Russian
        named = {"equation": f"$({pair})^T = (X^T X)^{{-1}} X^T y$"} \
            if run.title == "linalg.normal" else {}
        lines = [self.line(depth, self.strong(self.plain(run.title, **named)))]
        if run.title == "linalg.product":
            lines += [self.line(depth + 1, line) for line in self.product_lines(run)]
        elif run.title == "linalg.convolution":
            lines += [self.line(depth + 1, line) for line in self.window_lines(run)]
        else:
            lines += [self.line(depth + 1, self.result(self.raw_math(name), value) if name.is_Symbol and value.is_number
                                else self.equation(name, self.exact_entries(value))) for name, value in run.steps]   # w = 3.5
            found = {name: value for name, _, value in run.back} | {s: v for s, v in run.steps if s.is_Symbol}
            lines += [self.line(depth + 1, self.worked(name, formula, found, value)) for name, formula, value in run.back]
        if not self.answer_follows:
            lines.append(self.line(depth, self.strong(self.plain("answer") + ":") + " " + self.value(run.answer)))
        return self.join(lines)

    def exact_entries(self, value):
        """A matrix whose every entry is exact as a key writes it (7/2 as 3.5, 1 as 1), so written: [3.5; 3.5], as
        the answer writes w = 3.5; a matrix with an entry that needs its decimal (11/24) keeps its fractions."""
        if isinstance(value, sp.MatrixBase) and not value.free_symbols and all(self.shown(v)[1] is None for v in value):
            return value.applyfunc(self.as_given)
        return value

    def product_lines(self, run) -> list[str]:
        """A, B (where the statement does not write them), then AB with each entry written as its row times its column, (AB)_ik = Σ_j a_ij b_jk:
        kx = 1·1 + 5·2 + 10·3 = 41; with a bias, kx + b = 41 + 3 = 44."""
        (A_name, A), (B_name, B), (AB_name, AB), *bias = run.steps
        a, b = sp.symbols(f"a:{A.cols}"), sp.symbols(f"b:{A.cols}")
        dot = sp.Add(*(x * y for x, y in zip(a, b)), evaluate=False)
        worked = sp.Matrix(A.rows, B.cols, lambda i, k: put_in(dot, {**dict(zip(a, A.row(i))), **dict(zip(b, B.col(k)))}))
        one = AB.shape == (1, 1)                  # a row times a column is a number, not a 1×1 matrix
        worked, AB = (worked[0], AB[0]) if one else (worked, AB)
        lines = [self.equation(n, m) for n, m in ((A_name, A), (B_name, B)) if not given_by_name(self, n)] + [self.inline(
            " = ".join((self.raw_math(AB_name), self.raw_math(worked, numbers=True), self.raw_math(AB))))]
        for b_name, b_value in bias:          # kx + b = 41 + 3, the bias added to every entry
            plus = f" - {self.raw_math(-b_value)}" if b_value < 0 else f" + {self.raw_math(b_value)}"
            lines.append(self.inline(" = ".join((self.raw_math(AB_name) + " + " + self.raw_math(b_name),
                                                 self.raw_math(AB) + plus, self.raw_math(run.answer[0] if one else run.answer)))))
        return lines

    def window_lines(self, run) -> list[str]:
        """I, K (where the statement does not write them), then each output entry as its window times the kernel, entry by entry, summed:
        O₁₁ = 3·0 + 3·1 + 2·2 + … = 12 (O_ij = Σ_kl I_(i+k, j+l)·K_kl, no flip)."""
        (I_name, I), (K_name, K) = run.steps
        a = sp.symbols(f"a:{K.rows}:{K.cols}")
        b = sp.symbols(f"b:{K.rows}:{K.cols}")
        dot = sp.Add(*(x * y for x, y in zip(a, b)), evaluate=False)
        O = sp.IndexedBase("O")
        lines = [self.equation(n, m) for n, m in run.steps if not given_by_name(self, n)]     # I, K unless stated by name
        for i in range(run.answer.rows):
            for j in range(run.answer.cols):
                window = [I[i + k, j + l] for k in range(K.rows) for l in range(K.cols)]
                worked = put_in(dot, {**dict(zip(a, window)), **dict(zip(b, K))})
                lines.append(self.inline(" = ".join((self.raw_math(O[i + 1, j + 1]), self.raw_math(worked, numbers=True),
                                                     self.raw_math(run.answer[i, j])))))
        return lines

    def _print_SoftmaxJacobian(self, jac, depth: int = 0) -> str:
        i, k, n, S = sp.Symbol("i"), sp.Symbol("k"), jac.n, sp.Symbol("S")     # Σ up to the statement's count of classes
        y, s = sp.IndexedBase("y"), sp.IndexedBase("s")
        total = sp.Sum(sp.exp(y[k]), (k, 1, n))
        title = self.say("softmax.title", softmax=sp.Eq(s[i], sp.exp(y[i]) / total, evaluate=False),
                         through=sp.Eq(sp.exp(y[k]), s[k] * S, evaluate=False), total=sp.Eq(S, total, evaluate=False),
                         one=sp.Eq(sp.Sum(s[k], (k, 1, n)), 1, evaluate=False))
        lines = [self.line(depth, title + " "
                           + self.inline(self.raw_ratio(sp.Symbol("s_i"), sp.Symbol("y_j")) + " = " + self.raw_math(
                               sp.Symbol("s_i") * (sp.Symbol("delta_ij") - sp.Symbol("s_j")))))]
        for i, j in ((0, 0), (0, 1)):   # a diagonal and an off-diagonal entry, derived in full
            step = jac.steps[i][j]
            lines.append(self.line(depth, self.ratio(sp.Symbol(f"s_{i + 1}"), sp.Symbol(f"y_{j + 1}")) + " = "
                                   + self.math(jac.in_outputs[i, j])))
            self.partial = True
            lines.extend(self.derivation_lines(step, depth + 1))
            lines.append(self.line(depth + 1, self.equation(jac.in_outputs[i, j], lead=True) + " ("
                                   + self.plain("softmax.through") + ")"))
        s_i, s_j = sp.Symbol("s_i"), sp.Symbol("s_j")
        lines.append(self.line(depth, self.say("softmax.others", diagonal=s_i * (1 - s_i), off=-s_i * s_j)))
        if not self.answer_follows:
            lines.append(self.line(depth, self.plain("softmax.matrix") + " " + self.math(jac.in_outputs)))
        return self.join(lines)

    def _print_SoftmaxLoss(self, run, depth: int = 0) -> str:
        L = sp.Symbol("L")
        lines = [self.line(depth, self.strong(self.plain("softmax.loss")) + " "
                           + self.equation(L, run.loss))]
        brief = self._settings["detail"] == "brief"      # the true class's derivation in full, the others said alike
        for j, (step, written) in enumerate(zip(run.steps, run.in_outputs), 1):
            if brief and j != run.true_class:
                continue
            if not brief:
                lines.append(self.line(depth, self.ratio(L, sp.Symbol(f"y_{j}")) + " = " + self.math(written)))
            self.partial = True
            lines.extend(self.derivation_lines(step, depth + 1 - brief))
            lines.append(self.line(depth + 1 - brief, self.equation(written, lead=True) + " ("
                                   + self.plain("softmax.through") + ")"))
        if brief and run.n > 1:                   # the same for y_2, y_3: ∂L/∂y_k = s_k
            others = ", ".join(self.math(sp.Symbol(f"y_{k}")) for k in range(1, run.n + 1) if k != run.true_class)
            lines.append(self.line(depth, self.plain("softmax.loss.same") + " " + others + ": " + self.inline(
                self.raw_ratio(L, sp.Symbol("y_k")) + " = " + self.raw_math(sp.Symbol("s_k")))))
        if not self.answer_follows:
            lines.append(self.line(depth, self.plain("softmax.loss.result") + " " + self.math(sp.Tuple(*run.in_outputs))))
        return self.join(lines)

