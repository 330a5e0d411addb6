"""How document printers write a bank problem's solution: the statement, the work, one labelled answer.

A mixin of DocumentPrinter, like NetworkPrinting: it uses the format hooks.
"""

from __future__ import annotations

import re
from collections import ChainMap

import sympy as sp

from ..calculus.equal import equal
from ..calculus.parse import ParseError, parse_expr_safe
from ..lang import PHRASES, catalogue, phrase, separator
from ..nn.activations import jumps
from ..nn.delta_rule import step_of
from ..nn.losses import NAMES
from ..nn.reverse import delta
from .arguments import argument_styles
from .board import Written
from .condition_terms import in_decimals
from .expansion import D
from .jacobians import jacobian_written
from .math import text_math
from .order import by_variables
from .perceptron import bias_names, weight_names
from .said import definitions, note_sentences, uses
from .staged import HigherRatio, Ratio
from .stated import flat, stated_math
from .stated_rate import stated_rate
from .statement_names import defined_names, log_written, network_names, sample_count, statement_subscripts, vector_arrows
from .values import PLACES, condition_written, vanishing
from .written import model_terms, nabla_names, network_loss_terms, ordinary_derivatives, step_letters, written_terms

COURSE_NUMBER = re.compile(r"^\d+(\.\d+)*$")   # a problem id that is the course's own number (4.3), shown as such

# a derivative written with a prime in a statement: \sigma^{\prime}(z), f'(x)
_PRIME = re.compile(r"\^\{?\\prime\}?\s*\(|[A-Za-z}]'\(")


def problem_label(problem, lang: str) -> str:
    """"Problem 4.3" where the course numbers it so, else "Problem 2" by its place in its topic, as the topic's
    worksheet and its page number it; the id only for a problem of no bank (never a bare "Problem")."""
    if COURSE_NUMBER.match(str(problem.id)):
        return phrase(lang, "problem") + f" {problem.id}"
    from ..problems.bank import BankError, load_bank
    try:
        topic = [p.id for p in load_bank(problem.folder).values() if p.topic == problem.topic]
    except (BankError, OSError):
        topic = []
    return phrase(lang, "problem") + f" {topic.index(problem.id) + 1 if problem.id in topic else problem.id}"


def through_names(value, problem):
    """``value`` written with the names the statement defines (``names = { y = "sigmoid(w1*x1 + b)" }``):
    −2x₁(Y − y)y(1 − y) rather than the same with σ(w₁x₁ + b) four times; unchanged if that is not shorter."""
    names = problem.data.get("names") or {}
    if not names or not isinstance(value, sp.Basic) or value.is_number:
        return value
    shorter = value
    for name, text in names.items():
        try:
            defined = parse_expr_safe(text, tuple(problem.data.get("functions", ())))
        except (ParseError, ValueError):
            continue
        if isinstance(defined, sp.Expr) and not defined.is_Atom:
            shorter = shorter.subs(defined, sp.Symbol(name, real=True))
    shorter = sp.factor_terms(shorter)
    return shorter if sp.count_ops(shorter) < sp.count_ops(value) else value


def jump_said(definition, var=None) -> list:
    """[("act.jump", values)] for a function with jumps, whose derivative exists on either side of each and not
    at it ("for x ≠ 0 and does not exist at 0", as the table of activations says); [] for one without."""
    var = var if var is not None else sp.Symbol("x", real=True)
    points = jumps(definition, var)
    if not points:
        return []
    where = Written(", ".join(rf"{sp.latex(var)} \neq {sp.latex(c)}" for c in points), ", ".join(f"{var} ≠ {c}" for c in points))
    return [("act.jump", {"where": where, "points": points[0] if len(points) == 1 else sp.Tuple(*points)})]


def key_places(problem) -> int | None:
    """The places a key rounds to: the problem's ``decimals``, else those its statement asks the answer in
    (``tolerance = { decimals = 2 }``: "to two decimal places"), else None (the default of ``values``)."""
    places = problem.data.get("decimals")
    if places is None:
        places = (problem.data.get("tolerance") or {}).get("decimals")
    return places


_VECTOR_FORM = re.compile(r"\\\||\\vec|\\mathbf|\\sum")    # ‖w‖, \vec w, \mathbf{w}, Σ: a formula of vectors or a sum


class SolutionPrinting:
    statement_text = ""

    def in_stated_numbers(self, expr):
        """``expr`` with its fractions written as the statement writes its numbers: decimals where it gives decimals
        (f = 0.1x₁² + 2x₂², g(x) = −0.5x for a = 1.5), else exact (g(x) = −x/2)."""
        if not re.search(r"\d\.\d", getattr(self, "statement_text", "")) or not isinstance(expr, sp.Basic):
            return expr
        return expr.xreplace({r: self.as_given(r) for r in expr.atoms(sp.Rational) if not r.is_Integer})

    def as_stated(self, name, expr) -> str:
        """name = expr, after the statement's own formula for ``name`` where it writes it with vectors or a sum:
        J = L(w, b) + λ(‖w‖² + ‖b‖²) = L(w₁, w₂, b) + λ(w₁² + w₂² + b²), E_total = Σ ½(target − out)² = ½((…)² + (…)²);
        the derivation needs the coordinates, the reader meets the statement's form first."""
        for math in re.findall(r"(?<!\\)\$([^$]*)\$", self.statement_text):
            lhs, equals, rhs = math.partition("=")
            if equals and flat(lhs) == flat(self.raw_math(name)) and _VECTOR_FORM.search(rhs) and "=" not in rhs:
                stated = self.rich_text(f"${lhs.strip()} = {rhs.strip()}$")
                if re.fullmatch(r"\$[^$]*\$", stated):         # LaTeX, Markdown: one formula, a long one one display
                    return self.inline(stated[1:-1] + " = " + self.raw_math(expr))
                return stated + " " + self.inline("= " + self.raw_math(expr))
        return self.equation(name, expr)

    def _print_Solution(self, solution, depth: int = 0) -> str:
        """The statement, the work, one labelled answer, and the bank's remark on the course's own text."""
        problem, answer = solution.problem, solution.answer
        self._problem_places = key_places(problem)
        self.forms = {}          # a number of this key in one form (render.one_form)
        # the statement's names, looked up lazily (symnn problems --verify records which are used): w^1 = w^0 where
        # it writes its step so, the notation table, and w_1 where it writes a subscript
        named = {"J": problem.data["answer_name"]} if problem.kind == "jacobian" and "answer_name" in problem.data else {}
        self.notation = ChainMap(problem.data.get("notation", {}), named)     # the δ of a node it renames too; H_11 of answer_name H
        self.names = ChainMap(step_letters(problem), self.notation, vector_arrows(problem),  # h⃗ as h⃗
                              statement_subscripts(problem),
                              sample_count(problem), log_written(problem), stated_rate(problem),    # a loss's sum to N, its log and rate as written
                              network_names(problem, getattr(solution.work, "network", None)))   # w_1, b for w = (…), b
        self.defined = defined_names(problem)          # y for σ(w₁x₁ + w₂x₂ + b), as the statement defines it
        self.function_named = problem.data.get("answer_name")
        self.line_order = tuple(problem.data.get("find", ("w", "b"))) if problem.kind == "least-squares" else ("w", "b")
        self.written = tuple(self.renamed(term) for term in written_terms(problem.data.get("expr"),
                                                                          tuple(problem.data.get("functions", ())))
                             or network_loss_terms(problem, solution.work)      # a network's loss: (o₁ − y)² as written
                             or model_terms(problem))                           # a line's w before its b
        self.nablas = nabla_names(problem.statement.get("en"))        # ∇_W f where the statement writes it so
        self.stated = stated_math(problem.statement.get("en"))         # its formulas: a sum as it writes it (render.stated)
        self.arguments = argument_styles(problem.statement.get("en"))    # sin 2t or sin(2t), as it writes them
        self.statement_text = problem.statement.get("en") or ""       # its letters: 𝐱_k where it writes \mathbf{x}_k
        self.jacobian_named = jacobian_written(problem.statement.get("en"))     # ∂(x, y)/∂(r, θ) as it asks it
        self.primed = bool(_PRIME.search(problem.statement.get("en") or ""))    # σ′(z) where the statement writes it so
        # dy/dx where the statement writes the derivative with d and never with ∂ (a chain of one variable)
        self.ordinary = ordinary_derivatives(problem)        # render.written: f(x) = …, dy/dx, never ∂
        exact = sp.Tuple(*answer) if isinstance(answer, tuple) and len(answer) > 1 else \
            answer[0] if isinstance(answer, tuple) else answer
        if isinstance(exact, sp.MatrixBase) and exact.shape == (1, 1):
            exact = exact[0, 0]              # a 1×1 product is the number it holds
        label = self._settings["label"]
        label = problem_label(problem, self.lang) if label is None else label
        heading = self.strong(self.escape(label + ".")) + " " if label else ""
        lines = [self.line(depth, heading + self.rich_text(problem.text(self.lang)))]
        self.answer_follows = True          # the work leaves its final line to the answer below
        lines += self.asked_lines(solution, depth, first=True)          # render.asked: p₀ = … = σ(y₀ − y₁) asked first
        lines.append(self._print(solution.work, depth=depth))
        lines += self.through_lines(solution, depth)
        lines += self.asked_lines(solution, depth, first=False)         # compared with, checked, in the variables
        self.answer_follows = False
        self.answering = True
        with vanishing():                   # values the places asked show as 0: ≈ 0.00 (9.68·10⁻⁴) (values.Vanishing)
            shown, asked = self._answer_line(solution, exact), self.places()
        self.answering = False
        if self._settings["decimals"] is None and asked is not None and asked > PLACES and self.approx in shown:       # E_total ≈ 0.298371109
            lines.append(self.line(depth, self.say("answer.finer", work=sp.Integer(PLACES), places=sp.Integer(asked))))
        lines.append(self.line(depth, self.strong(self.escape(phrase(self.lang, "answer") + ":")) + " " + shown))
        lines += [self.line(depth, self.prose(phrase(self.lang, said))) for said in definitions(solution, self.lang)
                  if said not in self._settings["defined"] and said.endswith(".defined")]    # a sign once a key, where first used
        if "log" in self.names and uses(solution.work, sp.log):
            lines.append(self.line(depth, self.prose(phrase(self.lang, "log.natural"))))     # log, as the statement writes ln
        note = " ".join(sentence for sentence in note_sentences(problem.remark(self.lang))      # a remark once a key
                        if "note:" + sentence not in self._settings["defined"])
        if note:
            lines.append(self.line(depth, self.strong(self.escape(phrase(self.lang, "note") + ".")) + " "
                                   + self.rich_text(note)))
        return self.join(lines)

    def _answer_line(self, solution, exact) -> str:
        """The answer after "Answer:", each value labelled, in the places its problem asks for (base.places)."""
        problem, answer = solution.problem, solution.answer
        items = self.asked_labels(solution, self.answer_items(solution.work, answer))
        if problem.data.get("answer_name") and isinstance(exact, sp.Tuple):    # W(2) = (0.16, 0.96, −0.16), as named
            name = problem.data["answer_name"]
            shown = self.result(self.raw_math(Written(name, re.sub(r"[{}\\]", "", name))), exact)
        elif type(solution.work).__name__ == "ArrayRun":        # NumPy's result as NumPy shows it (render.arrays)
            shown = self.array_answer(solution.work, answer)
        elif type(solution.work).__name__ == "ResidualGradient" and "find" in problem.data:
            shown = self.residual_answer(solution.work, problem)     # render.vectors: r, ∇f, and the verdict asked
        elif items is not None:
            shown = self.escape("; ").join(       # a fourth item is a word after the value: ≈ 0.9630 (woman)
                self.escape(prefix + ": " if prefix else "")
                + (self.matrix_line(lhs, value) if isinstance(value, sp.MatrixBase)        # ∂L/∂W_1 = […] ≈ […]
                   else self.result(lhs, value) if lhs is not None else self.value(value))
                + "".join(self.escape(f" ({word})") if isinstance(word, str) else " " + self.say(*word[:1], **word[1])
                          for word in after) for prefix, lhs, value, *after in items)      # (key, values): a phrase
        else:
            lhs = self.answer_label(solution.work)
            exact = through_names(exact, problem)
            if type(solution.work).__name__ == "ConditionSolution" and in_decimals(solution.work):
                exact = condition_written(exact, self.places())          # ε > 0.5, as the work writes 0.5
            if type(solution.work).__name__ == "ResidualGradient" and isinstance(exact, sp.Tuple):    # −x₁ + 5x₂ + 2
                exact = sp.Tuple(*(by_variables(g, solution.work.variables) for g in exact))
            if lhs is not None and problem.data.get("through") and type(solution.work).__name__ == "Step" \
                    and solution.work.result != exact:   # the derivation's last form, then the form asked (through F)
                lhs += " = " + self.raw_math(solution.work.result)
            shown = self.value(exact) if lhs is None else self.result_in(lhs, exact, self.unit(solution.work))
            if type(solution.work).__name__ == "Step":         # the derivative of a jump: not at the jump
                shown += "".join(" " + self.say(key, **values) for key, values in jump_said(solution.work.expr, solution.work.var))
        shown = self.escape("; ").join([shown, *self.asked_answers(solution)])     # render.asked: what else is asked
        if type(solution.work).__name__ == "MatrixGradient":
            shown += self.wrong_beside_answer(solution.work, bool(problem.remark(self.lang)))   # render.matrices: the slide's
        return shown

    answer_follows = False
    defined: tuple = ()            # (definition, name) the statement defines: y = σ(w₁x₁ + w₂x₂ + b)
    primed = False                 # the statement writes a derivative with a prime, f′(x)
    ordinary = False               # the statement writes derivatives with d, dy/dx, and never with ∂
    names: dict = {}
    function_named = None          # answer_name of a derivative: the function's name in its label, ∂L/∂z
    written: tuple = ()            # the terms of the statement's sums, in its order
    stated: tuple = ()             # the statement's formulas as they read (render.stated)
    arguments: dict = {}           # the functions it writes with a bare argument or a bracketed one (render.arguments)
    nablas: frozenset = frozenset()   # the (function, variable) the statement writes as ∇_W f

    percent = r"\,\%"            # a percent sign after a number, in this format's raw math

    def unit(self, work) -> str:
        """What follows the value of ``work`` (raw math): % after a percentage (MAPE ≈ 11.9519 %), else nothing."""
        return self.percent if type(work).__name__ == "LossValue" and work.name == "mape" else ""

    def result_in(self, lhs: str, value, unit: str = "") -> str:
        """``result`` with a ``unit`` after the value, inside the formula, so that a line never parts them."""
        if not unit:
            return self.result(lhs, value)
        exact, decimal = self.shown(value)
        text = lhs if exact is None else lhs + " = " + self.raw_math(exact)
        return self.inline(text + ("" if decimal is None else f" {self.approx} " + self.raw_math(decimal)) + unit)

    def by_name(self, expr):
        """A line of a derivation with each definition the statement names written as its name, and constant
        factors taken out: 2(Y − y)·∂(Y − y)/∂w₁ rather than (2Y − 2σ(w₁x₁ + w₂x₂ + b))·∂(Y − σ(…))/∂w₁."""
        if not self.defined or not isinstance(expr, sp.Basic):
            return expr
        forms = []
        for form in (expr, sp.factor_terms(expr)):        # 2x(wx + b − y) holds ŷ = wx + b; x(2wx + 2b − 2y) not
            named = form
            for definition, name in self.defined:
                named = named.subs(definition, name)
            forms += [sp.factor_terms(named), named] if named != form else []     # 2(ŷ − y) before 2ŷ − 2y
        if not forms:
            return expr
        functions = {name: sp.Function(name.name)(*sorted(definition.free_symbols, key=str))
                     for definition, name in self.defined}         # ∂y/∂w₁, not ∂/∂w₁(y)
        return min(forms, key=lambda form: len(sp.sstr(form))).replace(      # the shortest written
            lambda e: isinstance(e, sp.Derivative) and e.expr in functions,
            lambda e: sp.Derivative(functions[e.expr], *e.variable_count, evaluate=False))

    def chain_head(self, step) -> str:
        """The left side of a derivation's chain, raw: ∂E²/∂w₁ where the statement names the function and
        defines a part of it (E² = (Y − y)²), else d/dx(f) written out."""
        named = self.by_name(step.expr)
        if self.function_named and step.order > 1 and "f" not in self.names:    # answer_name: ∂²NLL/∂w², as the answer
            return self.answer_label(step)
        if named is not step.expr and ("f" in self.names or self.function_named) and step.order == 1:
            return self.raw_ratio(sp.Symbol("f" if "f" in self.names else self.function_named), step.var)   # ∂L/∂z
        return self.raw_math(D(named, step.var, step.order))

    def through_lines(self, solution, depth: int) -> list[str]:
        """Where the answer is asked through the statement's names (1 − F², αf(1 − f)), that form with the names'
        formulas put in and simplified, to the derivative found: the step from the derivation to the answer."""
        problem, answer = solution.problem, solution.answer
        through = problem.data.get("through") or ()
        if not through or type(solution.work).__name__ != "Step" or not isinstance(answer, sp.Expr):
            return []
        names = {}
        for name in through:
            try:
                names[sp.Symbol(name, real=True)] = parse_expr_safe(problem.data["names"][name],
                                                                    tuple(problem.data.get("functions", ())))
            except (KeyError, ParseError, ValueError):
                return []
        put = answer.xreplace(names)
        if not answer.free_symbols & set(names) or put == solution.work.result or not equal(put, solution.work.result):
            return []                        # σ(1 − σ) is the derivation's last line as it stands: nothing to show
        simpler = sp.factor(sp.simplify(put))
        kinds = lambda e: {type(f) for f in e.atoms(sp.Function)}      # noqa: E731  (no cosh where there was none)
        shorter = sp.count_ops(simpler) < sp.count_ops(put) and simpler != put and kinds(simpler) <= kinds(put)
        sides = [answer, put] + ([simpler] if shorter else [])
        chain = " = ".join(self.raw_math(side) for side in sides)
        named = next(iter(names)) if len(names) == 1 else sp.Tuple(*names)
        return [self.line(depth, self.say("through.check", names=named) + " " + self.inline(chain))]

    def answer_label(self, work) -> str | None:
        """What the answer is, as raw math (∂L/∂w₁, ∇F(2, 1/3, 0), MSE), or None when the work does not say."""
        kind = type(work).__name__
        if kind == "Step":
            if "f" in self.names and work.order == 1 and self.primed and work.expr.free_symbols == {work.var}:
                name = self.names["f"]                           # σ′(z), as the statement writes the derivative
                plain = text_math(sp.Symbol(name.lstrip("\\")))   # \sigma as σ
                return self.raw_math(Written(f"{name}'({self.raw_math(work.var)})", f"{plain}′({work.var})"))
            if "f" in self.names and work.order == 1:          # the statement's name: ∂E²/∂w₁
                return self.raw_ratio(sp.Symbol("f"), work.var)
            if self.function_named:        # answer_name = "L": ∂L/∂z, d²E/dw², a label only
                return self.raw_ratio(sp.Symbol(self.function_named), work.var) if work.order == 1 else \
                    self.raw_math(HigherRatio(sp.Symbol(self.function_named), work.var, sp.true if not self.ordinary else sp.false, sp.Integer(work.order)))
            return self.raw_math(D(work.expr, work.var, work.order))
        if kind == "ValueAt":
            step, point = work.work, work.point
            if "f" in self.names and step.order == 1 and self.primed and step.expr.free_symbols == {step.var} \
                    and len(point) == 1:              # σ′(3), as the statement writes the value of the derivative
                name, value = self.names["f"], point[0][1]
                plain = text_math(sp.Symbol(name.lstrip("\\")))
                return self.raw_math(Written(f"{name}'({self.raw_math(value)})", f"{plain}′({self.raw_math(value)})"))
            return self.raw_math(D(step.expr, step.var, step.order)) + self.at_point(point)
        if kind == "Gradient":
            name = f"{self.nabla} {self.raw_math(sp.Symbol(self.function_name()))}"
            return name + (self.raw_math(sp.Tuple(*(self.as_given(value) for _, value in work.point))) if work.point else "")
        if kind == "Backprop":
            return self.raw_ratio(work.network.loss_symbol, work.parameter)
        if kind == "SoftmaxLoss":                   # the gradient by the logits: ∇_y L
            y, L = self.raw_math(sp.Symbol("y")), self.raw_math(sp.Symbol("L"))     # as the notation names them
            return f"{self.nabla}_{{{y}}} {L}" if self.nabla.startswith("\\") else f"∇_{y} {L}"
        if kind == "LossValue" and work.gradient:      # ∂L/∂ŷ: the vector of ∂L/∂ŷ_i
            return self.raw_math(Ratio(sp.Symbol(NAMES[work.name]), sp.Symbol("yhat"), sp.true))
        if kind == "LossValue":                 # each sample's loss: the terms of the table, no one name
            return None if work.each else self.raw_math(sp.Symbol(NAMES[work.name]))
        if kind == "ExpandedGradient":              # ∇_x f of the book's function (render.matrix_expansion)
            return self.gradient_name(work)
        if kind == "MatrixGradient":                # ∂MSE/∂w, or w where the gradient is zero
            return self.asked_name(work) if work.stationary is None else self.raw_math(work.wrt)     # δ_prev = ∂L/∂A
        if kind in ("QuadraticGradient", "ResidualGradient", "TotalDerivative", "IteratedMap", "Jacobian", "NewtonStep", "NewtonRun",
                    "OptimizerRun", "HessianMatrix"):
            return self.vector_answer_label(work)       # render.vectors: ∇f, df/dt, (gⁿ)′(x₀)
        return None

    def answer_items(self, work, answer) -> list | None:
        """An answer of several parts, each part named, or None: (prefix, label, value) triples, the prefix a word
        before the part (Momentum: …, a woman (−7, −3): …), the label raw math before its value (h₁ = …)."""
        kind = type(work).__name__
        parts = tuple(answer) if isinstance(answer, (tuple, sp.Tuple)) else (answer,)
        if kind == "DataTrainingRun":
            return self.data_answer_items(work, parts)
        if kind == "ForwardPass":
            names = [name for name, _ in work.forward]
        elif kind == "DeltaRule":          # the deltas, the gradients by the tables' parameters (∂L/∂w_1), the steps
            L = work.network.loss_symbol
            names = [*(delta(n) for n, *_ in work.deltas), *(self.raw_ratio(L, p) for p, *_ in work.gradients),
                     *(step_of(p) for p, *_ in work.updates)]
        elif kind == "GraphPass":
            f = work.graph.nodes[-1].name
            names = [f] + [self.raw_ratio(f, v) for v, _ in work.gradients]
        elif kind in ("ProgramPass", "ChainGradient"):
            names = self.vector_answer_names(work)     # render.vectors: L, ∂L/∂x, … and ∂f/∂s, ∂f/∂t
        elif kind == "CentralDifference" and work.estimate is not None:     # D(ε) and the f'(a) it estimates
            names = [sp.Function("D")(sp.Float(work.estimate[0], 15)), self.raw_ratio(sp.Symbol("f"), work.var)]
        elif kind == "OptimizerStep":
            names = list(work.variables)
        elif kind == "DirectionalDerivative":
            names = self.directional_names(work)       # render.hessians: pᵀ∇F/‖p‖, pᵀ∇²F p/‖p‖²
        elif kind == "PerceptronRun":                # render.perceptron: w₁, w₂, b (w_{j,k}, b_j for a layer)
            names = weight_names(*work.weights.shape) + (bias_names(work.weights.rows) if work.bias is not None else [])
        elif kind == "Computation" and work.title in ("linalg.normal", "linalg.zero_derivatives"):
            names = [sp.Symbol(n) for n in getattr(self, "line_order", ("w", "b"))]    # y = wx + b, in find's order
        elif kind == "OptimizerComparison":
            return [(self.method(step.optimizer.name), None, sp.Tuple(*step.result)) for step in work.steps]
        elif kind == "ActivationTable" and len(work.rows) + 1 == len(parts):     # the last part is softmax's
            names = catalogue(self.lang)["activations"]
            softmax = ("softmax", self.raw_ratio(sp.Symbol("s_i"), sp.Symbol("x_j")), parts[-1])
            return [(names.get(act.name, act.name), self.raw_math(sp.Symbol("f'(x)")), value, *jump_said(act.definition))
                    for (act, _), value in zip(work.rows, parts)] + [softmax]       # step: 0 for x ≠ 0, as its table
        elif kind == "TrainingRun":
            return self.task_answer_items(work, parts)         # render.data_training: ŷ(0, 1) = 1
        else:
            return None
        if len(names) != len(parts):
            return None
        return [("", name if isinstance(name, str) else self.raw_math(name), value) for name, value in zip(names, parts)]

    def question(self, key: str) -> str:
        """A training task's question in the reader's language: a woman (−7, −3); (0, 1) for XOR's 0 xor 1."""
        if f"train.{key}" in PHRASES[self.lang]:
            return phrase(self.lang, f"train.{key}")
        return "(" + key.replace(" xor ", separator(self.lang)) + ")" if " xor " in key else key

    def function_name(self) -> str:
        """The name of the function of a gradient, as the problem writes it (F) or f."""
        return self.names.get("f", "f")

    def at_point(self, point) -> str:
        """ at the point, as a subscript bar: |_(x = 2, y = 1/3)."""
        where = ", ".join(self.raw_math(sp.Eq(name, value, evaluate=False)) for name, value in point)
        return r"\Big|_{%s}" % where

