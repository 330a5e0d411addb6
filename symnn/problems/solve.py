"""Solving bank problems: one solver per kind of problem, each deriving its answer.

>>> solution = solve("4.3")
>>> solution.answer
(60, -162, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp

from ..calculus.display import RichDisplay
from ..calculus.parse import parse_expr_safe, parse_point, parse_symbols
from . import array_problems, matrix_problems, vector_problems
from .answer_labels import answer_labels, line_variable
from .asked import with_asked
from .bank import BankError, Problem, bank_version, get_problem
from .function_names import function_names, kind_names, label_options, variable_names
from .matrix_networks import in_matrix_form
from .through_answer import written_through, wrt_names


@dataclass(frozen=True)
class Solution(RichDisplay):
    """A problem, the derivation that solves it, and the exact answer it derives."""

    problem: Problem
    work: object               # a Step or a Gradient, printable in every format
    answer: object             # a SymPy expression, or a tuple of them for a vector
    asked: tuple = ()          # what the statement asks besides the answer: compare, check (problems.asked)


def solve_gradient(problem: Problem) -> Solution:
    """``expr``, ``wrt`` and ``at``: the gradient at the point; ``functions`` names unknown
    functions the expression calls (the loss L of a regularised L(w, b) + λ‖w‖²)."""
    from ..calculus.gradient import gradient_steps
    from ..calculus.parse import parse_expr_safe
    data = problem.data
    expr = parse_expr_safe(data["expr"], tuple(data.get("functions", ())))
    gradient = gradient_steps(expr, data["wrt"], at=data.get("at"))
    answer = gradient.values if gradient.point else gradient.vector
    return Solution(problem, gradient, answer)


def solve_derivative(problem: Problem) -> Solution:
    """``expr``, ``wrt``, optional ``order`` and ``at``: the derivative, or its value there."""
    from ..calculus.differentiate import diff_steps
    from ..calculus.gradient import value_at
    from ..calculus.tidy import in_statement_terms
    data = problem.data
    step = diff_steps(data["expr"], data["wrt"], order=data.get("order", 1))
    step = in_statement_terms(step, problem.statement.get("en") or "")      # no σ where the statement has none
    if "at" not in data:
        return Solution(problem, step, step.result)
    evaluated = value_at(step, data["at"])
    return Solution(problem, evaluated, evaluated.value)


def solve_graph(problem: Problem) -> Solution:
    """``expr`` and ``at``: forward and backward tables; the answer is the forward result f
    followed by ∂f/∂v for each variable."""
    from ..nn.graph import graph_pass
    run = graph_pass(problem.data["expr"], problem.data["at"])
    forward = dict(run.values)[run.graph.nodes[-1].name]
    return Solution(problem, run, (forward, *(gradient for _, gradient in run.gradients)))


def _network(data):
    from ..nn.network import Network
    return Network(data["layers"], data.get("activation", "sigmoid"), data.get("loss", "mse"))


def solve_forward(problem: Problem) -> Solution:
    """``layers`` and ``at`` (inputs and parameters): every neuron's value."""
    from ..nn.backprop import forward_pass
    data = problem.data
    run = forward_pass(_network(data), data["at"], data.get("weights"), data.get("biases"))
    return Solution(problem, run, run.outputs)


def solve_backprop(problem: Problem) -> Solution:
    """``layers``, ``param`` and ``at``: dL/dparam, factor by factor."""
    from ..nn.backprop import backprop
    data = problem.data
    run = backprop(_network(data), data["param"], data["at"], data.get("weights"), data.get("biases"))
    return Solution(problem, run, run.value)


def solve_loss(problem: Problem) -> Solution:
    """``loss``, ``y`` and ``pred`` (and the ``margin`` of svm): the loss on the data, term by term; the answer
    is the mean, with ``find = "each"`` every sample's loss in order, with ``find = "gradient"`` ∂L/∂ŷ_i."""
    from ..nn.losses import loss_value, with_gradient
    data = problem.data
    run = loss_value(data["loss"], data["y"], data["pred"], data.get("margin", 1))
    if data.get("find") == "gradient":              # ∂L/∂ŷ_i of the mean loss, one per sample
        run = with_gradient(run)
        return Solution(problem, run, run.gradient)
    if data.get("find") == "each":
        run = replace(run, each=True)
        return Solution(problem, run, tuple(term for *_, term in run.terms))
    return Solution(problem, run, run.value)


def solve_product(problem: Problem) -> Solution:
    """``a``, ``b`` (rows of numbers) and an optional ``bias``: A·B (+ b), a flat ``b`` read as NumPy's A @ b."""
    from ..nn.linalg import matmul
    from .answer_schema import product_operands
    run = matmul(*product_operands(problem.data["a"], problem.data["b"]), problem.data.get("bias"))
    return Solution(problem, run, run.answer)


def solve_least_squares(problem: Problem) -> Solution:
    """``points`` and ``method``: the line y = w·x + b by the normal equation (the default) or, with
    ``method = "derivatives"``, by setting ∂MSE/∂w and ∂MSE/∂b to zero; the answer is (w, b), or in the order of ``find``."""
    from ..nn.linalg import normal_equation, zero_derivatives
    method = zero_derivatives if problem.data.get("method") == "derivatives" else normal_equation
    run = method(problem.data["points"])
    found = dict(zip(("w", "b"), run.answer))
    return Solution(problem, run, tuple(found[name] for name in problem.data.get("find", ("w", "b"))))


def solve_convolution(problem: Problem) -> Solution:
    """``image`` and ``kernel``: the valid 2-D convolution."""
    from ..nn.linalg import convolve
    run = convolve(problem.data["image"], problem.data["kernel"])
    return Solution(problem, run, run.answer)


def solve_matrix_identity(problem: Problem) -> Solution:
    """``identity``: a gradient in matrix form, derived (``problems.matrix_problems``)."""
    from .matrix_problems import solve_matrix_gradient
    return solve_matrix_gradient(problem)


def solve_softmax_jacobian(problem: Problem) -> Solution:
    """``n``: ∂s_i/∂y_j for n classes, derived and written through the outputs."""
    from ..nn.softmax import softmax_jacobian
    jac = softmax_jacobian(problem.data.get("n", 3))
    return Solution(problem, jac, jac.in_outputs)


def solve_training(problem: Problem) -> Solution:
    """``task`` (and optional ``seed``, ``epochs``, ``optimizer``): a real training run;
    the answer is the network's output on the task's questions (``rounded`` to 0/1 for xor).
    Without a task, the network trains on the problem's own data (``problems.data_training``)."""
    from ..numerics.train import train
    data = problem.data
    if "task" not in data:
        from .data_training import solve_data_training
        return solve_data_training(problem)
    from .data_training import START_PLACES
    run = train(data["task"], data.get("optimizer"), data.get("epochs"), data.get("seed", 0), progress=False,
                start_places=START_PLACES)
    outputs = run.predictions.values()
    answer = tuple(sp.Integer(round(v)) if data.get("rounded") else sp.Float(v, 15) for v in outputs)
    return Solution(problem, run, answer)


def solve_optimizer_step(problem: Problem) -> Solution:
    """``optimizer``, ``expr``, ``wrt``, ``at`` (values in the order of wrt), optional ``settings``
    and ``state``: one step, exactly; with ``steps`` N, N steps each from where the last ended, the
    answer the last iterate."""
    from ..nn.optimizers import OptimizerRun, descent, one_step
    data = problem.data
    if data["optimizer"] == "newton":                  # the Hessian, not a formula per coordinate
        return vector_problems.solve_newton(problem)
    if data.get("steps", 1) > 1:
        run = OptimizerRun(descent(data["optimizer"], data["expr"], parse_symbols(data["wrt"]), data["at"],
                                   data["steps"], **data.get("settings", {})))
        return Solution(problem, run, run.result)
    step = one_step(data["optimizer"], data["expr"], parse_symbols(data["wrt"]), data["at"],
                    state=data.get("state"), **data.get("settings", {}))
    if "closed_form" in data:
        step = replace(step, closed_form=_closed_form(data["closed_form"], step))
    return Solution(problem, step, step.result)


def _closed_form(text: str, step) -> tuple:
    """``closed_form`` such as ``(1 - eta)^i * x0``: the iterate after i steps from x0 with the step's
    hyperparameters; (formula, counter i, x0)."""
    formula = parse_expr_safe(text)
    start = next((s for s in formula.free_symbols if s.name == "x0"), None)
    hyper = {s.name for s in step.hyper}
    counters = [s for s in formula.free_symbols if s.name not in hyper and s != start]
    if start is None or len(counters) != 1:
        raise ValueError(f"closed_form: expected a formula in x0, the step number and {', '.join(sorted(hyper))}, "
                         f"got {text!r}")
    by_name = {s.name: s for s in step.hyper}
    formula = formula.xreplace({s: by_name[s.name] for s in formula.free_symbols if s.name in by_name})
    return formula, counters[0], start


def solve_optimizers(problem: Problem) -> Solution:
    """``optimizers`` (names), ``expr``, ``wrt``, ``at``: one step of each from the same point; the
    answer lists the new points one after another (x and y of the first, then of the second, …)."""
    from ..nn.optimizers import OptimizerComparison, one_step
    data = problem.data
    steps = tuple(one_step(name, data["expr"], parse_symbols(data["wrt"]), data["at"],
                           **data.get("settings", {}).get(name, {}))
                  for name in data["optimizers"])
    comparison = OptimizerComparison(steps)
    return Solution(problem, comparison, tuple(c for point in comparison.result for c in point))


def solve_finite_difference(problem: Problem) -> Solution:
    """``expr``, ``wrt`` (one variable) and ``at``: seed 001's central difference (or with ``scheme``
    the forward or backward one), its series and its error D(ε) − f'(a) = c·ε² + O(ε⁴) (c·ε + O(ε²) for a
    one-sided difference); the answer is what D(ε) estimates, f'(a) (a
    problem's tolerance says how close an estimate must come), or, with ``epsilon``, the estimate
    D(ε) and f'(a) it is compared with."""
    from ..numerics.gradcheck import central_difference
    data = problem.data
    run = central_difference(data["expr"], data["wrt"], data["at"], epsilon=data.get("epsilon"),
                             scheme=data.get("scheme", "central"))
    if run.estimate is None:
        return Solution(problem, run, run.derivative)
    return Solution(problem, run, (run.estimate[1], run.derivative))


def solve_delta_rule(problem: Problem) -> Solution:
    """``layers``, ``at``, ``weights``, ``biases``, ``learning_rate``, ``momentum``, ``previous``:
    deltas, gradients and one momentum step; the answer is what the statement asks, in its order: the
    deltas (outputs first), the gradient of every parameter, then the momentum step Δw_t of every parameter."""
    from ..nn.delta_rule import delta_rule
    from ..nn.network import Network
    data = problem.data
    network = Network(data["layers"], data.get("activation", "sigmoid"), data.get("loss", "half-se"))
    rule = delta_rule(network, data["at"], data.get("weights"), data.get("biases"),
                      data.get("learning_rate", "1/10"), data.get("momentum", "9/10"), data.get("previous"))
    return Solution(problem, rule, (*(value for *_, value in rule.deltas), *(value for *_, value in rule.gradients),
                                    *(change for _, _, change, _ in rule.updates)))


def solve_softmax_nll(problem: Problem) -> Solution:
    """``n`` and ``true_class``: ∂(−ln s_c)/∂y_j for every j, written through the outputs."""
    from ..nn.softmax import softmax_nll
    run = softmax_nll(problem.data.get("n", 3), problem.data.get("true_class", 1))
    return Solution(problem, run, run.in_outputs)


def solve_activation_table(problem: Problem) -> Solution:
    """The table of seed 004: every activation with its derived derivative; the answer lists them as the
    course writes them (σ′, th′ and ELU′ through f), then softmax's ∂s_i/∂x_j = s_i(δ_ij − s_j)."""
    from ..nn.activations import activation_table
    table = activation_table()
    derivatives = tuple(act.as_the_course_writes(derivative) for act, derivative in table.rows)
    return Solution(problem, table, (*derivatives, table.softmax_rule))


def solve_network(problem: Problem) -> Solution:
    """A network as a text states it: weight matrices, a sample, N updates (``problems.network_problems``)."""
    from .network_problems import solve_network
    return solve_network(problem)


def solve_perceptron(problem: Problem) -> Solution:
    """The perceptron rule on given inputs (``problems.perceptron_problems``)."""
    from .perceptron_problems import solve_perceptron
    return solve_perceptron(problem)


SOLVERS = {
    "network": solve_network,
    "perceptron": solve_perceptron,
    "activation-table": solve_activation_table,
    "softmax-nll": solve_softmax_nll,
    "training": solve_training,
    "optimizer-step": solve_optimizer_step,
    "optimizers": solve_optimizers,
    "finite-difference": solve_finite_difference,
    "delta-rule": solve_delta_rule,
    "softmax-jacobian": solve_softmax_jacobian,
    "matrix-identity": solve_matrix_identity,
    "product": solve_product,
    "least-squares": solve_least_squares,
    "convolution": solve_convolution,
    "loss": solve_loss,
    "forward": solve_forward,
    "backprop": solve_backprop,
    "gradient": solve_gradient,
    "derivative": solve_derivative,
    "graph": solve_graph,
    "program": vector_problems.solve_program,
    "vector-gradient": vector_problems.solve_vector_gradient,
    "residual-gradient": vector_problems.solve_residual_gradient,
    "jacobian": vector_problems.solve_jacobian,
    "total-derivative": vector_problems.solve_total_derivative,
    "iterated-map": vector_problems.solve_iterated_map,
    "condition": vector_problems.solve_condition_problem,
    "directional-derivative": vector_problems.solve_directional, "hessian": vector_problems.solve_hessian,
    "array": array_problems.solve_array,
}


# (bank version, id, variant) -> the Solution: a bank problem is solved once for each version of its bank
# (bank.bank_version changes with any file of the folder), as the checker keeps its keys (answers.keys)
_SOLVED: dict = {}
_SOLVED_AT_MOST = 1024


def solve(problem, bank=None, variant: int | None = None) -> Solution:
    """Solve a Problem, or the bank problem with that id (``bank``: a folder of problem files);
    ``variant``: a student's variant of it (``problems.variants``)."""
    if not isinstance(problem, str):
        return _solve(problem, variant)
    key = (bank_version(bank), problem, variant)
    if key not in _SOLVED:
        solution = _solve(get_problem(problem, bank), variant)
        if len(_SOLVED) >= _SOLVED_AT_MOST:
            _SOLVED.clear()
        _SOLVED[key] = solution
    return _SOLVED[key]


def _solve(problem: Problem, variant: int | None) -> Solution:
    if variant is not None:
        from .variants import variant_problem
        problem = variant_problem(problem, variant)
    if problem.kind not in SOLVERS:
        raise BankError(f"problem {problem.id}: unknown kind {problem.kind!r}; "
                        f"known kinds: {', '.join(SOLVERS)}")
    try:
        solution = SOLVERS[problem.kind](problem)
    except BankError:
        raise
    except ValueError as error:          # a field its solver cannot use: said with the problem's id
        raise BankError(f"problem {problem.id}: {error}") from error
    solution = in_matrix_form(solution)  # form = "matrix": the key in the statement's matrices
    solution = with_asked(solution)      # "compare it with …", "check that …"
    through = problem.data.get("through")
    if through:                          # "write the result through f": the key is written so too
        names = problem.data.get("names", {})
        solution = replace(solution, answer=written_through(solution.answer, {n: names[n] for n in through},
                                                            wrt_names(problem.data), problem.id))
    return solution


def answer_value(answer):
    """The answer as plain numbers (int where exact and integral), nested for vectors;
    None where it is not a real number."""
    if isinstance(answer, sp.MatrixBase):
        return [answer_value(list(answer.row(i))) for i in range(answer.rows)]
    if isinstance(answer, (tuple, list, sp.Tuple)):
        return [answer_value(a) for a in answer]
    answer = sp.sympify(answer, strict=True)
    if isinstance(answer, sp.logic.boolalg.BooleanAtom):
        return bool(answer)
    if answer.is_Integer:
        return int(answer)
    if answer.is_number and answer.is_real:
        return float(sp.N(answer, 30))   # 30 digits first: the last bit of a double stays right
    return None


def question_options(problem: Problem) -> dict:
    """The check options a bank problem sets: its tolerance, and, when the answer is a derivative
    of ``expr``, the question itself (for feedback such as "not substituted" or "wrong point")."""
    data = problem.data
    options = dict(data.get("tolerance", {}))
    if answer_labels(problem):
        options["labels"] = answer_labels(problem)         # C = 5, D = −3: components by their names
    find = tuple(data.get("find", ("w", "b")))
    if line_variable(problem) and sorted(find) == ["b", "w"]:      # b = 5 − 3t: the line's slope and intercept, in find's order
        options.update(line=line_variable(problem), line_order=tuple({"w": "slope", "b": "intercept"}[n] for n in find))
    if problem.kind == "array" and array_problems.asks_shape(problem):
        options["shape"] = True          # 3×2 is the shape (3, 2), not the number 6
    elif problem.kind == "array":
        options["array_shape"] = True    # [[6], [15]] (keepdims) is not [6, 15]: NumPy's axes count
    if "names" in data:
        options["names"] = tuple(data["names"].items())
        options["through"] = tuple(data.get("through", ()))
    if problem.kind == "matrix-identity":        # A = Aᵀ: 2Ax, (A + Aᵀ)x; by a vector: 2xᵀA, the row form of 2Ax
        options.update(matrix_problems.matrix_options(data, problem.statement))
    if problem.kind == "derivative" and function_names(data):     # notation f = σ: σ(1 − σ) is an answer
        options["names"] = options.get("names", ()) + function_names(data)
    if variable_names(data, problem.kind):       # notation n = m: 3m² + 2 is 3n² + 2; y = s, s = p: s is y and p is s
        options["renames"] = variable_names(data, problem.kind)
    if kind_names(data, problem.kind):           # softmax's s_k
        options["names"] = options.get("names", ()) + kind_names(data, problem.kind)
    options.update(label_options(data, problem.kind))          # p − y, y the one-hot label where the logits are z
    if problem.kind not in ("gradient", "derivative", "finite-difference") or "functions" in data:
        return options
    if "expr" in data:
        options["function"] = data["expr"]
    if "wrt" in data:
        variables = parse_symbols(data["wrt"])
        options["variables"] = tuple(variables)
        options["wrt"] = variables[0] if len(variables) == 1 else None
    if isinstance(data.get("at"), str):
        options["point"] = tuple(parse_point(data["at"]).items())
    return options
