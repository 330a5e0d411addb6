"""The names of a bank problem's answer components, as its statement writes them: (D, C) of a line
b = C + Dt fitted by least squares with notation = { w = "D", b = "C" }, (w1, b1, loss) of a training
run that finds them. An answer may label its components with these names, in any order
(``answers.question.by_label``). A problem whose components have no plain names gives none. A line
may be written as its formula, 5 − 3t, in the variable ``line_variable`` names.

>>> from types import SimpleNamespace as P
>>> answer_labels(P(kind="least-squares", data={"notation": {"w": "D", "b": "C"}}))
('D', 'C')
>>> answer_labels(P(kind="network", data={"find": ["o1", "dL/dw1"]}))
()
>>> answer_labels(P(kind="least-squares", data={"notation": {"w": "\\\\beta_{1}", "b": "\\\\beta_0"}}))
('beta_1', 'beta_0')
"""

from __future__ import annotations

import re

GROUPS = {"forward", "gradients", "updated", "predictions"}      # a find entry that stands for several values
NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def line_variable(problem) -> str | None:
    """The variable of a line fitted by least squares, as the statement names it (t of b = C + Dt)."""
    if problem.kind != "least-squares":
        return None
    name = str(problem.data.get("notation", {}).get("x", "x"))
    return name if NAME.fullmatch(name) else None


def answer_labels(problem) -> tuple[str, ...]:
    """The components' names in the answer's order, renamed by the problem's notation; () when any
    of them is not a plain name (∂L/∂w₁, a group of values, a LaTeX notation such as a^2)."""
    data = problem.data
    if problem.kind == "least-squares":
        names = list(data.get("find", ("w", "b")))       # the slope and the intercept, in the answer's order
    elif problem.kind in ("network", "training") and isinstance(data.get("find"), list):
        names = data["find"]
    else:
        return ()
    notation = data.get("notation", {})
    # \beta_{0} in a notation is the name beta_0 (as an answer's label \beta_0 = 2/7 is read)
    names = [re.sub(r"[\\{}]", "", str(notation.get(name, name))) for name in names]
    if len(names) < 2 or any(name in GROUPS or not NAME.fullmatch(str(name)) for name in names):
        return ()
    return tuple(names)


def _renamed(name: str, notation: dict) -> str:
    """A name as the problem's notation writes it, plain: w6 is w_56, dL/dw6 is dL/dw_56, w6+ is w_56+."""
    plain = lambda n: re.sub(r"[\\{}]", "", str(notation.get(n, n)))      # noqa: E731
    if name.endswith("+"):
        return plain(name[:-1]) + "+"
    if name.startswith("d") and "/d" in name:
        top, wrt = name[1:].split("/d", 1)
        return f"d{plain(top)}/d{plain(wrt)}"
    return plain(name)


def _spellings(names, notation: dict) -> tuple[tuple[str, ...], ...]:
    """Per name, its spellings: the notation's first (as the key writes it), then the name itself."""
    return tuple(tuple(dict.fromkeys((_renamed(str(n), notation), str(n)))) for n in names)


def component_labels(solution) -> tuple:
    """The names of a solved problem's answer components, as its answer line labels them, each a tuple of
    spellings (the key's first): h1, h2, o1 of a forward pass; f, df/dx of a graph; F', F'' of a directional
    derivative; w_1, w_2 (the row W's entries) of a perceptron; a scalar's own name (L, MSE) alone; () when
    the parts have no names a student could type."""
    problem, work, answer = solution.problem, solution.work, solution.answer
    data, kind = problem.data, type(solution.work).__name__
    notation = stated = {k: v for k, v in data.get("notation", {}).items() if isinstance(v, str)}
    labels = answer_labels(problem)
    parts = len(answer) if isinstance(answer, tuple) else 1
    matrices = work if kind == "MatrixNetwork" else None
    if kind == "MatrixNetwork":                  # a network in matrices: its parts are those of the run inside
        work, kind = work.run, type(work.run).__name__
    # the names the key prints (y for symnn's o1 of one neuron, x_1, b): a label is compared with them, a note says them
    from .network_names import network_names
    notation = {**network_names(problem, getattr(work, "network", None)), **notation}
    if labels:
        names = _spellings(labels, {})
    elif kind in ("NetworkTraining", "ProgramPass"):
        names = _spellings(work.asked, notation)
        if kind == "NetworkTraining" and work.steps and work.steps[0].objective:       # ∂J/∂w of weight decay, as keyed
            gradient = f"d{work.network.loss_symbol}/d"
            names = tuple((*(re.sub(r"^d[^/]*/", "dJ/", s) for s in spelled[:1]), *spelled) if name.startswith(gradient)
                          else spelled for name, spelled in zip(work.asked, names))
        if matrices is not None:
            names = _matrix_spellings(matrices, work.asked, names)
    elif kind == "ForwardPass":
        names = _spellings([name for name, _ in work.forward], notation)
        outputs = [k for k, (name, _) in enumerate(work.forward) if str(name).startswith("o")]
        if len(outputs) == 1:                         # the network's one output: also ŷ, y_pred, its output
            names = tuple(n + (("ŷ", "y_pred", "output") if k == outputs[0] else ()) for k, n in enumerate(names))
        if matrices is not None:
            names = _matrix_spellings(matrices, [str(name) for name, _ in work.forward], names)
    elif kind == "GraphPass":
        f = str(work.graph.nodes[-1].name)
        names = _spellings([f] + [f"d{f}/d{v}" for v, _ in work.gradients], notation)
    elif kind == "ChainGradient":
        names = _spellings([f"df/d{part.wrt}" for part in work.parts], notation)
    elif kind == "OptimizerStep":
        names = _spellings([str(v) for v in work.variables], notation)
    elif kind == "OptimizerComparison":            # Momentum: (0.9, 0); Нестеров: (…): each method's point by its name
        names = tuple((f"{v} ({step.optimizer.name})",) + tuple(f"{n}#{k}" for n in method_names(step.optimizer.name))
                      for step in work.steps for k, v in enumerate(step.variables, 1))
    elif kind == "DeltaRule":                       # δ_o1, ∂L/∂w_1, Δw_1: the deltas, the gradients, the steps
        names = _delta_rule_names(work, stated)          # its key writes δ_h1, the neurons' own names
    elif kind == "DirectionalDerivative":
        f = notation.get("f", "f")
        names = tuple({"slope": (f"{f}'", f"D_p{f}", f"p^T∇{f}/‖p‖"),                  # as the key writes them too
                       "second": (f"{f}''", f"D_p^2{f}", f"p^T∇^2{f} p/‖p‖^2")}[part] for part in work.find)
    elif kind == "PerceptronRun":
        rows, columns = work.weights.shape
        weights = [(f"w_{k}", f"W#{k}") for k in range(1, columns + 1)] if rows == 1 else \
            [(f"w_{j},{k}", f"w_{j}{k}") for j in range(1, rows + 1) for k in range(1, columns + 1)]
        biases = [] if work.bias is None else [_spellings(["b"], notation)[0]] if rows == 1 else \
            [(f"b_{j}",) for j in range(1, rows + 1)]               # b as the notation shows it (Russell and Norvig's w_0)
        names = tuple(weights) + tuple(biases)
    elif kind == "DataTrainingRun" and tuple(work.find) == ("predictions",) and len(work.targets[0]) == 1:
        names = tuple((f"ŷ({', '.join(map(str, row))})", f"y_pred({', '.join(map(str, row))})") for row in work.predict)
    elif kind == "ResidualGradient":                # r = (…), ∇f = (…): each part's entries, also under its name
        names = _residual_names(solution.problem, work)
    elif kind == "Backprop":                        # ∂L/∂w1 of one weight
        names = _spellings([f"d{work.network.loss_symbol}/d{work.parameter}"], notation)
    elif kind == "LossValue" and work.gradient:     # ∂L/∂ŷ_i, ŷ as the notation writes it (hinge's y)
        from ..nn.losses import NAMES
        loss, yhat = NAMES.get(work.name, "L"), re.sub(r"[\\{}]", "", str(notation.get("yhat", "yhat")))
        names = tuple((f"d{loss}/d{yhat}_{i}", f"d{loss}/d{yhat}{i}", f"d{loss}/dyhat_{i}")
                      for i in range(1, len(work.gradient) + 1))
    elif kind == "LossValue" and not work.each:
        from ..nn.losses import NAMES
        names = (tuple(dict.fromkeys((NAMES.get(work.name, "L"), "L", "loss"))),)
    else:
        return ()
    return _after_step(names) if len(names) == parts else ()


def _matrix_spellings(work, asked, names) -> tuple:
    """The parts of a network's answer in matrix form by the statement's names: (W_1)_12 and ∂L/∂(W_1)_12, h_1,
    b_2 where the layer has one bias, and the spellings W_112, W_1+12 an entry of W_1 = […] or W_1⁺ = […] is read
    by (``answers.labels``: an entry of a group is its name and its index); then symnn's own names (w2, dL/dw2)
    where they name no other part (b2 is b_{1,2}, but b_2 is the output layer's bias)."""
    L, places = str(work.network.loss_symbol), work.places()
    steps = getattr(work, "steps", ())
    tops = (str(steps[0].objective[0]), L) if steps and steps[0].objective else (L,)     # ∂J/∂W of weight decay, as keyed
    own = []
    for name in asked:
        role = "d" if name.startswith(f"d{L}/d") else "+" if name.endswith("+") else ""
        base = name[len(L) + 3:] if role == "d" else name.removesuffix("+")
        if base not in places:
            own.append((name,))
            continue
        matrix, j, k, rows, columns = places[base]
        index = f"{j}{k}" if columns > 1 else f"{j}"
        entry = [matrix] if rows * columns == 1 else \
            [f"({matrix})_{index}" if "_" in matrix else f"{matrix}_{index}", f"{matrix}{index}"]
        if role == "d":
            own.append(tuple(f"d{top}/d{e}" for top in tops for e in entry))
        elif role == "+":
            own.append(tuple(f"{e}+" for e in entry) + ((f"{matrix}+{index}",) if len(entry) > 1 else ()))
        else:
            own.append(tuple(entry))
    key = lambda n: re.sub(r"[\s{}_\\]", "", n)       # noqa: E731  (as answers.labels compares them)
    keys = [{key(n) for n in spellings} for spellings in own]
    return tuple(tuple(dict.fromkeys(spellings + tuple(n for n in theirs if not any(
        key(n) in other for i, other in enumerate(keys) if i != k)))) for k, (spellings, theirs) in enumerate(zip(own, names)))


def _residual_names(problem, work) -> tuple:
    """The entries of a residual-gradient answer by name: r_i of the residual r, ∂f/∂x_k of the gradient (also
    ∇f's, grad f's k-th entry), part after part as its ``find`` asks."""
    from .vector_problems import residual_parts
    residual = tuple((f"r_{i}", f"r{i}", f"r#{i}") for i in range(1, len(work.residual) + 1))
    gradient = tuple((f"∂f/∂x_{k}", f"df/dx{k}", f"∇f#{k}", f"grad f#{k}", f"nabla f#{k}")
                     for k in range(1, len(work.variables) + 1))
    parts = {"residual": residual, "gradient": gradient, "formula": gradient}
    return tuple(name for part in residual_parts(problem) for name in parts.get(part, ()))


def _delta_rule_names(work, notation: dict) -> tuple:
    """The parts of a delta-rule answer by name, as its key writes them: each neuron's delta δ_o1 (the output's
    also δ_out, one hidden neuron's also δ_h1), each parameter's gradient ∂L/∂w_1 (also grad w_1) and its step Δw_1."""
    plain = lambda n: re.sub(r"[\\{}]", "", str(notation.get(str(n), n)))      # noqa: E731
    deltas = tuple(tuple(dict.fromkeys((f"δ_({plain(node)})" if "_" in plain(node) else f"δ_{plain(node)}",      # δ_(out_pred)
                                        f"δ_{plain(node)}", f"delta_{plain(node)}", f"δ_{node}", f"delta_{node}")))
                   + (("δ_out", "delta_out") if k == 0 else ()) for k, (node, *_) in enumerate(work.deltas))
    weights = [(str(weight), re.sub(r"(?<=[a-z])(\d+)$", r"_\1", str(weight))) for weight, *_ in work.gradients]
    gradients = tuple(tuple(dict.fromkeys((f"dL/d{spelled}", f"dL/d{own}", f"grad {spelled}", f"grad_{own}")))
                      for own, spelled in weights)
    steps = tuple(tuple(dict.fromkeys((f"Δ{spelled}", f"Δ{own}", f"Delta {spelled}", f"Delta{own}"))) for own, spelled in weights)
    return deltas + gradients + steps


def _after_step(names: tuple) -> tuple:
    """A value after the step, w_1+, may also be written w_1, as the statement asks for "w₁ after the step",
    unless w_1 names another part of the answer."""
    taken = {name for spellings in names for name in spellings if not name.endswith("+")}
    return tuple(spellings + tuple(name[:-1] for name in spellings if name.endswith("+") and name[:-1] not in taken)
                 for spellings in names)


def compared_labels(solution, show=str) -> tuple:
    """A derivative compared with another ("find σ′(3) and compare it with σ′(0)", "compare ∂|wx − y|/∂w with
    ∂(wx − y)²/∂w"): the answer's names, σ′(3) (also f'(3), dσ/dx(3)) or ∂/∂w(|w·x - y|) as ``show`` prints the
    derivative, and the compared quantities the key's answer line gives beside it, the other side and the ratio
    (σ′(0), σ′(3)/σ′(0)), as (name, value) for ``quantities``; ((), ()) for any other problem."""
    import sympy as sp
    compared = [c for c in getattr(solution, "asked", ()) if type(c).__name__ == "Compared"]
    work = solution.work
    if not compared:
        return (), ()
    if compared[0].ratios[0][0] is not None:                # a program's gradients against another program's
        return (), tuple((f"{word} {name}", value) for name, _, other, ratio in compared[0].ratios
                         for word, value in (("for", other), ("ratio", ratio)) if value is not None)
    other_work, (_, _, other, ratio) = compared[0].work, compared[0].ratios[0]
    if type(work).__name__ == "Step" and type(other_work).__name__ == "Step":      # another function, the same variable
        mine, theirs = (show(sp.Derivative(step.expr, step.var, evaluate=False)) for step in (work, other_work))
        names = lambda side: (side,)                                                  # noqa: E731
        p, q = mine, theirs
    elif type(work).__name__ == "ValueAt" and type(other_work).__name__ == "ValueAt" and len(work.point) == len(other_work.point) == 1:
        f = re.sub(r"[\\{}]", "", str(solution.problem.data.get("notation", {}).get("f", "f")))     # \sigma is sigma
        x = str(work.point[0][0])
        names = lambda at: (f"{f}'({at})", f"f'({at})", f"d{f}/d{x}({at})")       # noqa: E731
        p, q = (str(at[0][1]) for at in (work.point, other_work.point))
    else:
        return (), ()
    others = [(name, other) for name in names(q)]
    if ratio is not None:                                   # σ′(3)/σ′(0), also f'(3)/f'(0); (∂/∂w(…))/(∂/∂w(…))
        others += [(form.format(a, b), ratio) for a, b in zip(names(p), names(q)) for form in ("{}/{}", "({})/({})")]
    return (names(p),), tuple(others)


def quantities(solution) -> tuple:
    """Other named quantities of a solved problem, (name, value, (phrase key, number) of what it is), that a
    student may put the wrong label on: each example's loss L_i of a mean loss."""
    work = solution.work
    if type(work).__name__ == "LossValue" and not work.each and len(work.terms) > 1:
        return tuple((f"L_{i}", term[-1], ("label.example loss", i)) for i, term in enumerate(work.terms, 1))
    return ()


def has_powers(problem) -> bool:
    """The problem has a square, a power or a ½ somewhere (its formula, its loss): where an answer off by a
    factor of 2 may have lost a ½ or a power rule's factor."""
    data = problem.data
    texts = [str(data.get(key, "")) for key in ("expr", "steps", "loss", "formula", "identity", "definition")]
    text = " ".join(texts).lower()
    statement = " ".join((getattr(problem, "statement", None) or {}).values())
    return bool(re.search(r"\^|\*\*|²|1/2|0\.5|\bhalf|\bmse\b|\bse\b|\brmse\b|\bl2\b|norm|sq", text)) or \
        bool(_SQUARED.search(statement)) or \
        problem.kind in ("network", "training", "least-squares", "residual-gradient", "vector-gradient")


# a square or a ½ in the statement's formulas (L = (y − y_pred)^2, \frac{1}{2}): not an iterate's w^1, nor ^{2k}
_SQUARED = re.compile(r"\^\s*\{?\s*2\s*\}?(?!\w|[.,]\d)|²|\\t?frac\s*\{\s*1\s*\}\s*\{\s*2\s*\}|\\tfrac12|\\frac12")


# the short names a student gives a method, beside the course's names in each language (opt.name.*)
METHOD_NAMES = {"momentum": ("momentum", "моменты", "момент", "моментум", "импульс", "метод импульса"),
                "nesterov": ("nesterov", "NAG", "Нестеров", "Нестерова"),
                "adam-slide": ("adam (slide)", "adam slide", "adam без коррекции", "adam (слайд)", "adam на слайде"),
                "adam": ("adam (bias correction)", "adam с коррекцией", "adam (с коррекцией)", "adam с коррекцией смещения",
                         "adam с поправкой")}


def method_names(name: str) -> tuple[str, ...]:
    """An optimizer's names a label may use, any case: its own (nesterov), the course's in English and Russian
    (Nesterov momentum, Метод Нестерова), and short ones (Нестеров, NAG)."""
    from ..lang import LANGUAGES, phrase
    names = (name, name.replace("-", ""), *(phrase(lang, f"opt.name.{name}") for lang in LANGUAGES), *METHOD_NAMES.get(name, ()))
    return tuple(dict.fromkeys(spelling for n in names for spelling in (n, n.lower(), n.capitalize())))
