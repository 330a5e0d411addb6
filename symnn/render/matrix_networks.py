"""How document printers write a network in matrix form (``nn.matrix_network``): products entry by entry.

Each layer is a line per matrix quantity, the formula in the statement's names, each entry with its
numbers put in (a row of W times the column of inputs, plus its bias), and the value:

    h_t = W_h·x = [1·1 + 0·2 + (-1)·3; 0.5·1 + 1·2 + 0·3] = [-2; 2.5]
    h = σ(h_t) = [σ(-2); σ(2.5)] ≈ [0.1192; 0.9241]

then, for a network trained by hand, the deltas δ_l = (W_(l+1)ᵀ·δ_(l+1)) ⊙ f′, the gradients δ_l·aᵀ, the
update W − η·∂L/∂W, and the loss after it. A 1×1 matrix is the number it holds. A mixin of DocumentPrinter.
"""

from __future__ import annotations

import sympy as sp

from ..calculus.functions import sigmoid
from ..lang import catalogue
from ..nn.reverse import delta
from ..nn.sgd_steps import DECAY
from ..nn.slopes import a as slope_output
from ..nn.slopes import slope_through_output
from ..nn.slopes import z as slope_sum
from .math import latex_math, text_math
from .matrix_decay import decay_lines
from .one_form import remember
from .values import put_in

# f′(z) of a layer through its output a, as a vector formula: (LaTeX, text) with {a} and {z} its names
SLOPES = {"sigmoid": (r"{a} \odot \left(1 - {a}\right)", "{a} ⊙ (1 - {a})"),
          "tanh": (r"\left(1 - {a} \odot {a}\right)", "(1 - {a} ⊙ {a})"),
          "relu": (r"H\left({z}\right)", "H({z})")}


def _entry_name(name: str, index: str) -> tuple[str, str]:
    """(LaTeX, text) of an entry of the matrix or vector ``name``: h_1, U_12, or (W_1)_12 where the name has an
    index already."""
    latex, text = latex_math(sp.Symbol(name)), text_math(sp.Symbol(name))
    if "_" in name or "\\" in name:
        return rf"\left({latex}\right)_{{{index}}}", f"({text})_{index}"
    return f"{latex}_{{{index}}}", f"{text}_{index}"


class MatrixNetworkPrinting:
    def hand(self, latex: str, text: str) -> str:
        """Raw math written by hand: LaTeX, or the plain text of the text format (whose ∇ is a character)."""
        return latex if self.nabla.startswith("\\") else text

    def named(self, name: str, mark: str = "") -> str:
        """A matrix by its name, as raw math; ``mark`` "+": after the update, "T": transposed."""
        raw = self.raw_math(sp.Symbol(name))
        if mark == "+":
            return self.hand(f"{raw}^{{+}}", f"{raw}⁺")
        return self.hand(f"{raw}^{{T}}", f"{raw}ᵀ") if mark == "T" else raw

    def times(self, *raws: str) -> str:
        return self.hand(" ".join(raws), "·".join(raws))

    def matrix_line(self, lhs: str, matrix, worked=None, keep_order: bool = False, exact: bool = True) -> str:
        """lhs = the entries with numbers put in = the exact matrix ≈ its decimals (each side where it says more);
        ``keep_order``: the entries' terms and factors in the order built; not ``exact``: ``worked`` is it."""
        one = matrix.shape == (1, 1)
        if worked is not None and not exact:        # the entries put in are the exact values: th(−0.1), answered so
            for value, form in zip(matrix, worked):
                remember(self.forms, value, form)
        pairs = [self.shown(v) for v in matrix]
        exact = None if not exact or any(e is None for e, _ in pairs) else sp.Matrix(matrix.rows, matrix.cols, [e for e, _ in pairs])
        decimal = None if all(d is None for _, d in pairs) else \
            sp.Matrix(matrix.rows, matrix.cols, [e if d is None else d for e, d in pairs])
        sides = [lhs]
        if worked is not None:
            written = self.raw_math(worked[0] if one else worked, keep_order=keep_order, numbers=True)
            if written not in (self.raw_math(exact[0] if one else exact) if exact is not None else None,
                               self.raw_math(decimal[0] if one else decimal) if decimal is not None else None):
                sides.append(written)
        text = " = ".join(sides)
        if exact is not None:
            text += " = " + self.raw_math(exact[0] if one else exact)
        if decimal is not None:
            text += f" {self.approx} " + self.raw_math(decimal[0] if one else decimal)
        return self.inline(text)

    def given_line(self, pairs) -> str:
        """W_1 = [..], b_1 = [..]: given matrices, as the statement gives them."""
        return self.escape(", ").join(self.inline(lhs + " = " + self.raw_math(
            self.as_given(value[0]) if value.shape == (1, 1) else value.applyfunc(self.as_given))) for lhs, value in pairs)

    def _print_MatrixNetwork(self, work, depth: int = 0) -> str:
        network = work.network
        if hasattr(work.run, "steps"):
            return self.join(self.matrix_training(work, depth))
        name = catalogue(self.lang)["activations"].get(network.activation, network.activation) \
            if isinstance(network.activation, str) else ", ".join(network.activation)
        lines = [self.line(depth, self.strong(self.plain("mnet.forward") + ":") + " "
                           + self.plain("net.name.forward", sizes="-".join(map(str, network.sizes)), activation=name))]
        known = {**dict(work.point), **dict(work.forward)}
        return self.join(lines + self.matrix_forward(work, known, depth + 1))

    def matrix_forward(self, work, known: dict, depth: int, mark: str = "", given=()) -> list[str]:
        """x, then each layer: W, b as given, z = W·a + b entry by entry, a = f(z) (o = W·h + b for a linear
        layer); ``mark`` "+": the pass after the update, with W⁺ and b⁺."""
        values = work.values(known)
        x = sp.Matrix([known[s] for s in work.network.inputs])
        # the input, the target and each layer's W and b as given: a brief key leaves them to the statement, whose
        # numbers z = W·a + b shows put in
        restated = not mark and self._settings["detail"] != "brief"
        lines = [self.line(depth, self.given_line([pair])) for pair in ((self.named(work.input), x), *given)] if restated else []
        before, before_value = self.named(work.input), x
        for layer, value in zip(work.layers, values):
            W, b, z_name, a_name, _ = layer.names
            biases = value.biases[:1, :] if layer.shared and value.biases is not None else value.biases     # shared: one number
            given = [(self.named(W, mark), value.weights)] + ([(self.named(b, mark), biases)] if biases is not None else [])
            if restated:
                lines += [self.line(depth, self.given_line([pair])) for pair in given]
            rows, cols = value.weights.shape
            m, v, c = sp.symbols(f"m:{cols}"), sp.symbols(f"v:{cols}"), sp.Symbol("w")
            dot = sp.Add(*(p * q for p, q in zip(m, v)), *([c] if value.biases is not None else []), evaluate=False)
            shared = value.biases is not None and value.biases.rows == 1 and rows > 1
            worked = sp.Matrix(rows, 1, lambda j, _: put_in(dot, {**dict(zip(m, value.weights.row(j))),
                                                                  **dict(zip(v, before_value)),
                                                                  c: value.biases[0 if shared else j] if value.biases is not None else 0},
                                                            self.places()))
            formula = self.times(self.named(W, mark), before)
            if value.biases is not None:
                formula += " + " + self.named(b, mark)
            linear = layer.activation == "identity"
            z_raw, a_raw = self.named(z_name, mark), self.named(a_name, mark)
            lines.append(self.line(depth, self.matrix_line((a_raw if linear else z_raw) + " = " + formula, value.sums, worked)))
            if not linear:
                lines.append(self.line(depth, self.activation_line(layer, value, a_raw, z_raw)))
            before, before_value = a_raw, value.outputs
        L = work.network.loss_symbol
        if L in known:
            lines.append(self.line(depth, self.loss_line(work, known, mark)))
        return lines

    def activation_line(self, layer, value, a_raw: str, z_raw: str) -> str:
        """a = f(z) = [f(z₁ with its number); …] = the values: σ(−2), or σ(−0.8049) ≈ 0.3090."""
        entry = {"sigmoid": sigmoid, "tanh": sp.tanh, "relu": lambda t, evaluate=True: sp.Max(0, t, evaluate=evaluate),
                 "softmax": sp.Function("softmax")}[layer.activation]
        lhs = a_raw + " = " + self.raw_math(entry(sp.Symbol("Z"))).replace("Z", z_raw)       # f(z) in the reader's names
        if layer.activation == "softmax":
            return self.matrix_line(lhs, value.outputs)

        def shown_sum(t):            # the sum as the line above shows it: exact, or its decimal
            exact, decimal = self.shown(t)
            return exact if decimal is None or exact is not None and exact.is_Rational else decimal
        if layer.activation == "relu":           # max(0, z) at a glance
            return self.matrix_line(lhs, value.outputs)
        worked = value.sums.applyfunc(lambda t: entry(shown_sum(t), evaluate=False))
        if all(self.shown(t)[1] is None for t in value.sums):     # exact sums: f(z) is the exact value itself,
            return self.matrix_line(lhs, value.outputs, worked, exact=False)    # th(−0.1), as SymPy writes −th 0.1
        return self.matrix_line(lhs, value.outputs, worked)

    def loss_line(self, work, known: dict, mark: str = "") -> str:
        """L = its formula (in o where the output is one number) = the numbers = the value."""
        network = work.network
        L = network.loss_symbol
        formula = self.as_written(network.definitions()[L])
        renamed = self.output_names(work, "^+" if mark else "")
        known = {**known, **{new: known[old] for old, new in renamed.items()}}
        lhs = sp.Symbol(f"{L}^+") if mark else L
        return self.worked(lhs, formula.xreplace(renamed), known, known[L])

    def matrix_training(self, work, depth: int) -> list[str]:
        """The heading and the optimizer, then each step: the forward pass, the backward pass, the update;
        then the forward pass after the last update."""
        run, network = work.run, work.network
        names = catalogue(self.lang)["activations"]
        layers = [layer.activation for layer in work.layers]
        L = network.loss_symbol
        lines = [self.line(depth, self.strong(self.plain("mnet.training") + ":") + " "
                           + self.plain("sgd.network", sizes="-".join(map(str, network.sizes)),
                                        activations=", ".join(names.get(a, a) for a in layers))
                           + " " + self.equation(L, self.as_written(network.definitions()[L]).xreplace(self.output_names(work))))]
        updating = any(step.number for step in run.steps)
        if updating:
            lines.append(self.line(depth, self.strong(self.plain("opt.name.gd")) + ": "
                                   + self.escape("; ").join(self.result(self.raw_math(s), v) for s, v in run.hyper)))
        for step in run.steps:
            if len(run.steps) > 1:
                lines.append(self.line(depth, self.strong(self.plain("sgd.step", number=step.number))))
            lines += self.matrix_step(work, step, depth)
        if updating and len(run.history) > len(run.steps):      # the steps not shown: the loss before each
            lines += self.quick_lines(run, depth)
        if updating:
            lines.append(self.line(depth, self.plain("sgd.after")))
            known = {**dict(run.steps[-1].point), **dict(run.parameters), **dict(run.after)}
            lines += self.matrix_forward(work, known, depth + 1, "+")
        return lines

    def output_names(self, work, mark: str = "") -> dict:
        """o₁ as o where the output layer has one neuron (its matrix form is that number); o₁, o₂, … as the entries
        s_1, s_2, … of the output layer's vector where the problem names it (matrices = { outputs = ["s"] })."""
        outputs, name = work.network.outputs, work.layers[-1].names[3]
        if len(outputs) == 1:
            return {outputs[0]: sp.Symbol(name + mark, real=True)}
        return {} if name == "o" else {o: sp.Symbol(f"{name}_{j}{mark}", real=True) for j, o in enumerate(outputs, 1)}

    def matrix_step(self, work, step, depth: int) -> list[str]:
        known = {**dict(step.point), **dict(step.forward)}
        lines = [self.line(depth, self.plain("net.forward") + ":")]
        targets = [t for t in work.network.targets if t in known]
        y = sp.Matrix([known[t] for t in targets])
        lines += self.matrix_forward(work, known, depth + 1, given=[(self.raw_math(sp.Symbol("y")), y)] if targets else [])
        if step.objective:                  # weight decay λ: J = L + (λ/2)Σ‖W‖², so ∂J/∂W = ∂L/∂W + λW
            lines += decay_lines(self, work, step, known, depth)
        lines.append(self.line(depth, self.plain("mnet.backward")))
        lines += self.matrix_backward(work, step, known, depth + 1)
        if step.updates:
            lines.append(self.line(depth, self.plain("mnet.update")))
            lines += self.matrix_update(work, step, depth + 1)
        return lines

    def matrix_backward(self, work, step, known: dict, depth: int) -> list[str]:
        """δ of the output layer from its formula, then each layer back: ∂L/∂W = δ·aᵀ, ∂L/∂b = δ, and
        δ of the layer before = (Wᵀ·δ) ⊙ f′."""
        grads = work.gradients(step)
        formulas = {n: f for n, f, _ in step.deltas}
        known = {**known, **{delta(n): v for n, _, v in step.deltas}}
        L, (J, lam) = work.network.loss_symbol, (step.objective[0], step.objective[3]) if step.objective else (None, None)
        lines = []
        last = work.layers[-1]
        renamed = self.output_names(work)
        worked = sp.Matrix([put_in(formulas[n].xreplace(renamed), {**known, **{renamed.get(k, k): v for k, v in known.items()}},
                                   self.places()) for n in last.neurons])
        formula = sp.Matrix([formulas[n].xreplace(renamed) for n in last.neurons])
        lines.append(self.line(depth, self.matrix_line(self.named(last.names[4]) + " = " + self.raw_math(
            formula[0] if formula.shape == (1, 1) else formula), grads[-1].deltas, worked)))
        for k in range(len(work.layers) - 1, -1, -1):
            layer, grad = work.layers[k], grads[k]
            W, b, z_name, _, d = layer.names
            source = work.input if k == 0 else work.layers[k - 1].names[3]
            inputs = sp.Matrix([known[s] for s in layer.inputs])
            p, q = sp.Symbol("p"), sp.Symbol("q")
            entries = sp.Matrix(grad.weights.rows, grad.weights.cols, lambda j, i: put_in(
                sp.Mul(p, q, evaluate=False), {p: grad.deltas[j], q: inputs[i]}, self.places()))
            lhs = self.raw_ratio(J or L, sp.Symbol(W)) + " = " + self.times(self.named(d), self.named(source, "T"))
            if J is not None:       # weight decay: ∂J/∂W = δaᵀ + λW, the two matrices added (an entry of both is too wide)
                given = sp.Matrix(layer.weights.rows, layer.weights.cols, [self.as_given(known[w]) for w in layer.weights])
                lhs += " + " + self.times(self.raw_math(DECAY), self.named(W)) + " = " + \
                    self.raw_math(entries, numbers=True) + " + " + self.times(self.raw_math(self.as_given(lam)),
                                                                             self.raw_math(given, numbers=True))
            lines.append(self.line(depth, self.matrix_line(lhs, grad.weights, None if J else entries)))
            if grad.biases is not None:
                if layer.shared:
                    total = self.hand(rf"\sum_j \left({self.named(d)}\right)_j", f"Σ_j ({self.named(d)})_j")
                    numbers = put_in(sp.Add(*(delta(n) for n in layer.neurons), evaluate=False), known, self.places())
                    lines.append(self.line(depth, self.matrix_line(self.raw_ratio(J or L, sp.Symbol(b)) + " = " + total,
                                                                   grad.biases, sp.Matrix([numbers]))))
                else:
                    lines.append(self.line(depth, self.matrix_line(self.raw_ratio(J or L, sp.Symbol(b)) + " = " + self.named(d),
                                                                   grad.biases)))
            if k:
                lines.append(self.line(depth, self.hidden_delta(work, k - 1, grads, known)))
        return lines

    def hidden_delta(self, work, k: int, grads, known: dict) -> str:
        """δ_k = (W_(k+1)ᵀ·δ_(k+1)) ⊙ f′(z_k), entry j the column j of W_(k+1) times δ_(k+1), times f′."""
        layer, after = work.layers[k], work.layers[k + 1]
        a_raw, z_raw = self.named(layer.names[3]), self.named(layer.names[2])
        back = self.hand(rf"\left({self.named(after.names[0], 'T')} {self.named(after.names[4])}\right)",
                         f"({self.named(after.names[0], 'T')}·{self.named(after.names[4])})")
        slope = SLOPES.get(layer.activation)
        if slope is not None:
            back += self.hand(r" \odot ", " ⊙ ") + self.hand(*slope).format(a=a_raw, z=z_raw)
        W = after.weights.xreplace(known)
        below = grads[k + 1].deltas
        u, r = sp.symbols(f"a:{W.rows}"), sp.symbols(f"b:{W.rows}")      # a column of W, then δ: Wᵀ·δ
        f = slope_through_output(layer.activation)

        t, s = sp.Symbol("t"), sp.Symbol("s")      # the layer's output and sum in f′, put in entry by entry
        slope = t if layer.activation == "relu" else f.subs({slope_output: t, slope_sum: s})

        def entry(j):
            total = sp.Add(*(x * y for x, y in zip(u, r)), evaluate=False) if W.rows > 1 else sp.Mul(u[0], r[0], evaluate=False)
            values = {**dict(zip(u, W.col(j))), **dict(zip(r, below))}
            z_j = layer.sums[j].xreplace(known)
            # H(z_j) of ReLU is 0 or 1: its value, not H(−0.4)
            values.update({t: f.subs(slope_sum, z_j) if layer.activation == "relu" else known[layer.neurons[j]], s: z_j})
            product = total if f == 1 else sp.Mul(*(total.args if W.rows == 1 else (total,)), slope, evaluate=False)
            return put_in(product, values, self.places())
        worked = sp.Matrix(len(layer.neurons), 1, lambda j, _: entry(j))
        return self.matrix_line(self.named(layer.names[4]) + " = " + back, grads[k].deltas, worked, keep_order=True)

    def matrix_update(self, work, step, depth: int) -> list[str]:
        """W⁺ = W − η·∂L/∂W, entry by entry (the optimizer's own formula with its numbers), and b⁺ alike."""
        rows = dict(step.updates)
        grads = work.gradients(step)
        L = step.objective[0] if step.objective else work.network.loss_symbol      # J of weight decay
        lines = []
        for layer, grad in zip(work.layers, grads):
            W, b = layer.names[:2]
            for name, symbols, new in ((W, layer.weights, grad.new_weights),
                                       (b, sp.Matrix(list(dict.fromkeys(layer.biases))), grad.new_biases)):
                if new is None or not symbols:
                    continue
                worked = symbols.applyfunc(lambda s: put_in(rows[s][-1].formula, dict(rows[s][-1].values), self.places()))
                eta = self.raw_math(work.run.hyper[0][0])          # the learning rate of SGD's step
                lhs = self.named(name, "+") + " = " + self.named(name) + " - " + self.times(eta, self.raw_ratio(L, sp.Symbol(name)))
                lines.append(self.line(depth, self.matrix_line(lhs, new, worked)))
        return lines

    def answer_items(self, work, answer):
        """The answer in the statement's matrices: h, o; ∂L/∂W_1, W_1⁺ each whole, as a matrix (its entries in
        the order of the answer's values); a matrix the answer has only some entries of, entry by entry."""
        items = self.entry_items(work, answer)
        if items is None or type(work).__name__ != "MatrixNetwork":
            return items
        L, places = str(work.network.loss_symbol), work.places()
        asked = getattr(work.run, "asked", ()) or [str(name) for name, _ in work.forward]
        groups: dict = {}           # (role, matrix) -> the items, in the answer's order
        for item, name in zip(items, asked):
            role = "d" if name.startswith(f"d{L}/d") else "+" if name.endswith("+") else ""
            base = name[len(L) + 3:] if role == "d" else name.removesuffix("+")
            matrix, j, k, rows, columns = places.get(base, (name, 1, 1, 1, 1))
            groups.setdefault((role, matrix, rows, columns), []).append(((j, k), item))
        out = []
        for (role, matrix, rows, columns), entries in groups.items():
            if rows * columns == 1 or len(entries) != rows * columns:
                out += [item for _, item in entries]
                continue
            value = sp.zeros(rows, columns)
            for (j, k), item in entries:
                value[j - 1, k - 1] = item[2]
            label = self.raw_ratio(_top(work), sp.Symbol(matrix)) if role == "d" else self.named(matrix, role)
            out.append(("", label, value))
        return out

    def entry_items(self, work, answer):
        """Each part of the answer by its place in the matrices: h_1, y; ∂L/∂(W_1)_12, (W_1)_12⁺."""
        if type(work).__name__ != "MatrixNetwork":
            return super().answer_items(work, answer)
        items = super().answer_items(work.run, answer)
        if items is None:
            return None
        labels = self.entry_labels(work)
        L = str(work.network.loss_symbol)
        asked = getattr(work.run, "asked", ()) or [str(name) for name, _ in work.forward]
        out = []
        for (prefix, label, value), name in zip(items, asked):
            base = name[len(L) + 3:] if name.startswith(f"d{L}/d") else name.removesuffix("+")
            if base not in labels:
                out.append((prefix, label, value))
                continue
            latex, text = labels[base]
            if name.startswith(f"d{L}/d"):
                latex, text = rf"\frac{{\partial {_top(work)}}}{{\partial {latex}}}", f"∂{_top(work)}/∂{text}"
            elif name.endswith("+"):
                latex, text = f"{latex}^{{+}}", f"{text}⁺"
            out.append((prefix, self.hand(latex, text), value))
        return out

    def entry_labels(self, work) -> dict:
        """(LaTeX, text) of every neuron and parameter by its scalar name: the entry of its matrix."""
        labels = {}
        for layer in work.layers:
            W, b, _, a_name, _ = layer.names
            for j, neuron in enumerate(layer.neurons, 1):
                one = len(layer.neurons) == 1
                labels[str(neuron)] = (latex_math(sp.Symbol(a_name)), text_math(sp.Symbol(a_name))) if one \
                    else _entry_name(a_name, j)
                for k, weight in enumerate(layer.weights.row(j - 1), 1):
                    labels[str(weight)] = _entry_name(W, f"{j}{k}")
            for j, bias in enumerate(dict.fromkeys(layer.biases), 1):
                single = len(dict.fromkeys(layer.biases)) == 1
                labels[str(bias)] = (latex_math(sp.Symbol(b)), text_math(sp.Symbol(b))) if single else _entry_name(b, j)
        return labels


class MatrixNetworkJson:
    """The JSON printer's part: the scalar work as it is, and beside it every layer's matrices by name."""

    def _print_MatrixNetwork(self, work) -> dict:
        from ..problems.solve import answer_value

        def layer_values(known):
            return [{"names": dict(zip(("weights", "biases", "sums", "outputs"), layer.names)),
                     "weights": answer_value(v.weights), "biases": None if v.biases is None else answer_value(v.biases),
                     "sums": answer_value(v.sums), "outputs": answer_value(v.outputs)}
                    for layer, v in zip(work.layers, work.values(known))]
        out = {"form": "matrix", "input": work.input, "work": self._print(work.run)}
        if not hasattr(work.run, "steps"):
            out["layers"] = layer_values({**dict(work.point), **dict(work.forward)})
            return out
        out["steps"] = [{"step": step.number, "layers": [
            {**forward, "deltas": answer_value(g.deltas), "gradient_weights": answer_value(g.weights),
             "gradient_biases": None if g.biases is None else answer_value(g.biases),
             "new_weights": None if g.new_weights is None else answer_value(g.new_weights),
             "new_biases": None if g.new_biases is None else answer_value(g.new_biases)}
            for forward, g in zip(layer_values({**dict(step.point), **dict(step.forward)}), work.gradients(step))]}
            for step in work.run.steps]
        return out


def _top(work):
    """What the gradients are of: L, or J = L + (λ/2)Σ w² of weight decay."""
    steps = getattr(work, "steps", ())
    return steps[0].objective[0] if steps and steps[0].objective else work.network.loss_symbol
