"""JSON: the derivation as nested objects, every formula as SymPy text and LaTeX."""

from __future__ import annotations

import json

import sympy as sp

from ..lang import catalogue, phrase
from ..nn.optimizers import STATE_NAMES
from ..problems.solve import answer_value
from .base import Printer
from .math import latex_math
from .matrix_networks import MatrixNetworkJson
from .networks import SOFTMAX_NUMPY
from .rewrite_hints import rewrite_hint
from .text import TextPrinter


class JsonPrinter(MatrixNetworkJson, Printer):
    def __init__(self, **settings):
        super().__init__(**settings)
        self._text = TextPrinter(**settings)

    def doprint(self, obj) -> str:
        return json.dumps(self._print(obj), ensure_ascii=False, indent=2)

    def formula(self, expr) -> dict:
        return {"sympy": sp.sstr(expr), "latex": latex_math(expr, self.lang, self.partial)}

    def _print_Step(self, step) -> dict:
        template = self.why_template(step)
        return {
            "rule": step.rule,
            "title": self._text.prose(self.title(step)),
            "explanation": self._text.sentence(template, **self.formula_values(step)) if template else None,
            "var": str(step.var),
            "order": step.order,
            "expr": self.formula(step.expr),
            "result": self.formula(step.result),
            "raw_result": self.formula(step.raw),
            "introduces": [{"name": str(u), "expr": self.formula(inner)} for u, inner in step.introduces],
            "rewrites": [{"rule": r.rule, "description": self._text.prose(rewrite_hint(self._text, f"rewrite.{r.rule}", r.after)),
                          "after": self.formula(r.after)} for r in step.rewrites],
            "flagged": step.flagged,
            "substeps": [self._print(sub) for sub in self.shown_substeps(step)],
        }

    def _print_Gradient(self, gradient) -> dict:
        values = gradient.values
        return {
            "expr": self.formula(gradient.expr),
            "variables": [str(v) for v in gradient.variables],
            "gradient": self.formula(sp.Tuple(*gradient.vector)),
            "partials": [self._print(step) for step in gradient.partials],
            "point": {str(v): self.formula(c) for v, c in gradient.point} or None,
            "value": answer_value(values) if values is not None else None,
            "exact": self.formula(sp.Tuple(*values)) if values is not None else None,
        }

    def _print_ValueAt(self, evaluated) -> dict:
        return {
            "derivation": self._print(evaluated.work),
            "point": {str(v): self.formula(c) for v, c in evaluated.point},
            "value": answer_value(evaluated.value),
            "exact": self.formula(evaluated.value),
        }

    def _print_Solution(self, solution) -> dict:
        problem, answer = solution.problem, solution.answer
        exact = sp.Tuple(*answer) if isinstance(answer, tuple) else answer
        return {
            "id": problem.id,
            "kind": problem.kind,
            "topic": problem.topic,
            "statement": problem.text(self.lang),
            "answer": sp.sstr(list(answer) if isinstance(answer, tuple)
                              else answer.tolist() if isinstance(answer, sp.MatrixBase) else answer),
            "answer_latex": latex_math(exact, self.lang),
            "value": answer_value(answer),
            "published": problem.published,
            "note": problem.remark(self.lang),
            "work": self._print(solution.work),
        }

    def _print_GraphPass(self, run) -> dict:
        values = dict(run.values)
        return {
            "expr": self.formula(run.graph.expr),
            "point": {str(v): self.formula(c) for v, c in run.point},
            "forward": [{"node": str(n.name), "definition": self.formula(n.expr), "gate": n.gate,
                         "value": answer_value(values[n.name]), "exact": self.formula(values[n.name])}
                        for n in run.graph.nodes],
            "backward": [{"node": str(r.node), "input": str(r.input), "local": self.formula(r.local),
                          "local_value": self.formula(r.local_value), "upstream": self.formula(r.upstream),
                          "contribution": self.formula(r.contribution)} for r in run.rows],
            "gradient": {str(v): {"value": answer_value(g), "exact": self.formula(g)} for v, g in run.gradients},
        }

    def _forward(self, forward) -> list:
        return [{"node": str(name), "value": answer_value(value), "exact": self.formula(value)}
                for name, value in forward]

    def _print_ForwardPass(self, run) -> dict:
        return {"network": repr(run.network), "point": {str(v): self.formula(c) for v, c in run.point},
                "forward": self._forward(run.forward)}

    def _print_Backprop(self, run) -> dict:
        self.partial = True
        return {
            "network": repr(run.network),
            "parameter": str(run.parameter),
            "point": {str(v): self.formula(c) for v, c in run.point},
            "forward": self._forward(run.forward),
            "paths": [[{"node": str(f.node), "wrt": str(f.wrt), "local": self.formula(f.local),
                        "value": answer_value(f.value), "derivation": self._print(f.step)} for f in path.factors]
                      for path in run.paths],
            "value": answer_value(run.value),
            "exact": self.formula(run.value),
        }

    def _print_ActivationTable(self, table) -> list:
        from ..numerics.compile import numpy_source  # NumPy only where the table is printed
        rows = [{"name": act.name, "russian": catalogue("ru")["activations"][act.name], "f": self.formula(act.definition),
                 "derivative": self.formula(derivative),
                 "in_output": self.formula(act.in_output) if act.in_output is not None else None,
                 "numpy": numpy_source(act.definition), "note": self._text.prose(catalogue(self.lang)["activation_notes"][act.name])}
                for act, derivative in table.rows]
        return rows + [{"name": "softmax", "russian": "softmax", "jacobian": self.formula(table.softmax.in_outputs),
                        "in_output": self.formula(table.softmax_rule), "numpy": SOFTMAX_NUMPY,
                        "note": phrase(self.lang, "act.softmax")}]

    def _print_ReverseGradient(self, grad) -> dict:
        return {"network": repr(grad.network),
                "adjoints": {str(a): self.formula(e) for a, e in grad.adjoints},
                "gradient": {str(p): self.formula(e) for p, e in grad.gradient.items()}}

    def _print_LossValue(self, run) -> dict:
        margin = {"margin": self.formula(run.margin)} if run.name == "svm" else {}   # the Δ of the multiclass SVM loss
        return {"loss": run.name, **margin, "formula": self.formula(run.formula),
                "terms": [self.formula(term) for _, _, term in run.terms],
                "value": answer_value(run.value), "exact": self.formula(run.value),
                **({"gradient": {"formula": self.formula(run.gradient_formula),
                                 "values": [answer_value(g) for g in run.gradient]}} if run.gradient else {})}

    def _print_Computation(self, run) -> dict:
        back = [{"name": self.formula(n), "formula": self.formula(f), "value": self.formula(v)} for n, f, v in run.back]
        return {"steps": [{"name": self.formula(n), "value": self.formula(v)} for n, v in run.steps],
                "answer": self.formula(run.answer), "value": answer_value(run.answer), **({"back": back} if back else {})}

    def _print_MatrixGradient(self, run) -> dict:
        def shape(s):
            return "×".join(s) if s is not None else "1×1"
        return {"loss": str(run.loss), "scale": self.formula(run.scale), "residual": self.formula(run.residual),
                "definitions": {str(n): self.formula(f) for n, f in run.definitions},
                "shapes": {str(letter): shape(s) for letter, s in run.shapes}, "sizes": dict(run.sizes),
                "steps": [{"quantity": self.formula(s.quantity), "gradient": self.formula(s.gradient), "rule": s.rule,
                           "shape": shape(s.shape), "name": str(s.name) if s.name is not None else None,
                           "factors": [{"factor": self.formula(f), "shape": shape(fs)} for f, fs in s.factors],
                           "holds": s.holds} for s in run.steps],
                "wrt": str(run.wrt), "gradient": self.formula(run.answer),
                "wrong": [{"source": w.source, "formula": self.formula(w.formula), "reason": w.reason,
                           "explanation": phrase(self.lang, f"matrix.wrong.{w.reason}", **_reason_parts(w))}
                          for w in run.wrong]}

    def _print_ExpandedGradient(self, run) -> dict:
        return {"function": self.formula(run.function), "wrt": str(run.wrt), "expanded": self.formula(run.expanded),
                "collected": self.formula(run.collected),
                "shapes": {str(letter): "×".join(shape) for letter, shape in run.shapes}, "sizes": dict(run.sizes),
                "terms": [{"term": self.formula(t.term), "identity": t.identity, "part": self.formula(t.part),
                           "gradient": self.formula(t.gradient), "symmetric": t.symmetric} for t in run.terms],
                "total": self.formula(run.total), "gradient": self.formula(run.answer), "holds": run.holds}

    def _print_SoftmaxJacobian(self, jac) -> dict:
        return {"n": jac.n, "jacobian": self.formula(jac.in_outputs),
                "derivations": [[self._print(step) for step in row] for row in jac.steps]}

    def _print_TrainingRun(self, run) -> dict:
        return {"task": run.task.name, "optimizer": run.optimizer, "settings": run.settings, "epochs": run.epochs,
                "batch": run.batch, "seed": run.seed, "seconds": run.seconds, "initial_loss": run.initial_loss,
                "history": list(run.history), "predictions": run.predictions, "accuracy": run.accuracy}

    def _print_DataTrainingRun(self, run) -> dict:
        table = run.table
        return {"file": table.source or None, "inputs": list(table.input_names) or None,
                "targets": list(table.target_names) or None,
                "rows": [[answer_value(v) for v in row] for row in run.rows],
                "target_rows": [[answer_value(v) for v in row] for row in run.targets],
                "means": None if run.means is None else [answer_value(m) for m in run.means],
                "layers": run.network.sizes, "optimizer": run.optimizer,
                "hyperparameters": {str(s): answer_value(v) for s, v in run.hyper}, "epochs": run.epochs,
                "batch": run.batch, "shuffle": run.shuffle, "initial_loss": run.initial_loss,
                "history": list(run.history), "predict": [[answer_value(v) for v in row] for row in run.predict],
                "outputs": [list(row) for row in run.outputs], "correct": run.correct,
                "parameters": {str(p): v for p, v in run.parameters}}

    def _print_OptimizerStep(self, run) -> dict:
        return {"optimizer": run.optimizer.name, "source": phrase(self.lang, f"opt.source.{run.optimizer.name}",
                                                                      state=STATE_NAMES.get(next(iter(run.optimizer.state), (None,))[0])),
                "equations": [{"quantity": str(q), "formula": self.formula(f)} for q, f in run.optimizer.updates],
                "hyperparameters": {str(s): self.formula(v) for s, v in run.hyper.items()},
                "point": {str(v): self.formula(c) for v, c in zip(run.variables, run.start)},
                "t": run.step_number,
                "gradient_at": [self.formula(c) for c in run.gradient_at],
                "gradient": [self.formula(c) for c in run.gradient],
                "updates": {str(v): [{"quantity": str(r.quantity), "value": answer_value(r.value),
                                      "exact": self.formula(r.value)} for r in rows]
                            for v, rows in zip(run.variables, run.lines)},
                "result": answer_value(run.result)}

    def _print_GradCheck(self, check) -> dict:
        return {"epsilon": check.epsilon, "worst": check.worst, "verdict": check.verdict,
                "rows": [{"name": r.name, "analytic": r.analytic, "numeric": r.numeric, "error": r.error,
                          "verdict": r.verdict} for r in check.rows]}

    def _print_OptimizerComparison(self, comparison) -> list:
        return [self._print(step) for step in comparison.steps]

    def _print_OptimizerRun(self, run) -> dict:
        return {"steps": [self._print(step) for step in run.steps], "result": answer_value(run.result)}

    def _print_PerceptronRun(self, run) -> dict:
        matrix = lambda m: None if m is None else [[answer_value(v) for v in row] for row in m.tolist()]
        return {"transfer": run.transfer, "converged": run.converged, "epochs": run.epochs,
                "weights": matrix(run.weights), "bias": None if run.bias is None else [answer_value(v) for v in run.bias],
                "presentations": [{"number": s.number, "row": s.row, "n": [answer_value(v) for v in s.n],
                                   "a": [answer_value(v) for v in s.a], "e": [answer_value(v) for v in s.e],
                                   "weights": matrix(s.new_weights),
                                   "bias": None if s.new_bias is None else [answer_value(v) for v in s.new_bias]}
                                  for s in run.presentations]}

    def _print_CentralDifference(self, run) -> dict:
        ratio = "error_over_epsilon_squared" if run.order == 2 else "error_over_epsilon"     # |D(ε) − f'(a)|/ε^order
        return {"scheme": run.scheme, "function": self.formula(run.expr), "var": str(run.var), "at": self.formula(run.at),
                "derivative": self.formula(run.derivative), "series": self.formula(run.series.removeO()),
                "error_coefficient": self.formula(run.error_coefficient),
                "rows": [{"epsilon": e, "value": v, "error": err, ratio: r}
                         for e, v, err, r in run.rows]}

    def _print_DeltaRule(self, rule) -> dict:
        return {"network": repr(rule.network), "point": {str(v): self.formula(c) for v, c in rule.point},
                "forward": self._forward(rule.forward), "slope": self.formula(rule.slope), "error": self.formula(rule.error),
                "deltas": [{"neuron": str(n), "formula": self.formula(f), "value": answer_value(v)} for n, f, v in rule.deltas],
                "gradients": {str(p): answer_value(v) for p, _, _, v in rule.gradients},
                "updates": {str(p): {"previous": answer_value(b), "change": answer_value(c), "new": answer_value(w)}
                            for p, b, c, w in rule.updates}}

    def _print_NetworkTraining(self, run) -> dict:
        def values(pairs):
            return {str(s): answer_value(v) for s, v in pairs}
        return {"network": repr(run.network), "optimizer": run.optimizer, "hyperparameters": values(run.hyper),
                "update_biases": run.update_biases, "asked": list(run.asked),
                "steps": [{"step": s.number, "point": values(s.point), "forward": self._forward(s.forward),
                           "deltas": [{"neuron": str(n), "formula": self.formula(f), "value": answer_value(v)}
                                      for n, f, v in s.deltas],
                           "gradients": {str(p): {"formula": self.formula(f), "value": answer_value(v)}
                                         for p, f, v in s.gradients},
                           "updates": {str(p): [{"quantity": str(u.quantity), "formula": self.formula(u.formula),
                                                 "value": answer_value(u.value)} for u in rows]
                                       for p, rows in s.updates}} for s in run.steps],
                "after": self._forward(run.after), "parameters": values(run.parameters)}

    def _print_ScalingDemo(self, demo) -> dict:
        return {"tolerance": demo.tolerance,
                "rows": [{"features": r.name, "condition": float(r.condition), "learning_rate": float(r.learning_rate),
                          "steps": r.steps, "predicted": float(r.predicted)} for r in demo.rows]}

    def _print_SoftmaxLoss(self, run) -> dict:
        return {"n": run.n, "true_class": run.true_class, "loss": self.formula(run.loss),
                "gradient": self.formula(sp.Tuple(*run.in_outputs)),
                "derivations": [self._print(step) for step in run.steps]}

    # staged programs and vector calculus (nn.programs, nn.vector_calculus)
    def _print_ProgramPass(self, program) -> dict:
        return {"steps": [{"name": str(n), "expr": self.formula(e)} for n, e in program.steps],
                **self._print_GraphPass(program.run),
                "adjoints": {str(n): {"value": answer_value(g), "exact": self.formula(g)} for n, g in program.adjoints},
                "asked": list(program.asked), **({"step": self._input_step(program.step)} if program.step else {})}

    def _input_step(self, step) -> dict:
        """The step on a program's inputs: its size and direction, each input moved, every value after it."""
        return {"size": answer_value(step.size), "direction": "ascent" if step.ascent else "descent",
                "moves": {str(v): {"value": answer_value(old), "gradient": answer_value(g), "new": answer_value(new)}
                          for v, old, g, new in step.moves},
                "after": {str(n): answer_value(v) for n, v in step.after}}

    def _print_QuadraticGradient(self, run) -> dict:
        return {"matrix": self.formula(run.A), "vector": self.formula(run.b), "point": answer_value(run.point),
                "expr": self.formula(run.expr), "index_form": [self.formula(p) for p in run.partials],
                "symmetric_part": self.formula(run.symmetric_part), "value": answer_value(run.answer)}

    def _print_ResidualGradient(self, run) -> dict:
        return {"matrix": self.formula(run.A), "vector": self.formula(run.b), "point": answer_value(run.point),
                "scale": self.formula(run.scale), "expr": self.formula(run.expr),
                "gradient": [self.formula(g) for g in run.gradient],
                "residual": answer_value(run.residual), "value": answer_value(run.answer)}

    def _print_Jacobian(self, run) -> dict:
        return {"functions": [self.formula(f) for f in run.functions], "variables": [str(v) for v in run.variables],
                "matrix": self.formula(run.matrix), "derivations": [[self._print(step) for step in row] for row in run.steps],
                "point": {str(v): self.formula(c) for v, c in run.point} or None,
                "value": answer_value(run.value) if run.value is not None else None,
                "determinant": None if run.determinant is None else {
                    "row": run.determinant.row + 1, "value": self.formula(run.determinant.value),
                    "minors": [{"sign": sign, "entry": self.formula(entry), "minor": self.formula(minor),
                                "determinant": self.formula(value)} for sign, entry, minor, value in run.determinant.terms],
                    "at_point": None if run.determinant_value is None else self.formula(run.determinant_value)}}

    def _print_DirectionalDerivative(self, run) -> dict:
        return {"gradient": self._print(run.gradient), "direction": answer_value(run.direction),
                "norm": self.formula(run.norm), "along": answer_value(run.along), "find": list(run.find),
                "hessian": None if run.hessian is None else self._print(run.hessian),
                "slope": answer_value(run.slope), "second": None if run.hessian is None else answer_value(run.second)}

    def _print_HessianMatrix(self, run) -> dict:
        return {"gradient": self._print(run.gradient), "hessian": self._print(run.hessian),
                "constants": {str(c): self.formula(v) for c, v in run.gradient.constants} or None,
                "value": answer_value(run.answer)}

    def _print_NewtonStep(self, step) -> dict:
        return {"method": "newton", "k": step.step_number - 1, "gradient": self._print(step.gradient),
                "hessian": self._print(step.hessian), "inverse": self.formula(step.inverse),
                "change": answer_value(step.change), "result": answer_value(step.result)}

    def _print_NewtonRun(self, run) -> dict:
        return {"steps": [self._print(step) for step in run.steps], "result": answer_value(run.result)}

    def _print_TotalDerivative(self, run) -> dict:
        return {"expr": self.formula(run.expr), "wrt": str(run.wrt),
                "inner": {str(x): self.formula(xt) for x, xt in run.inner},
                "terms": [{"partial": self.formula(df), "inner_derivative": self.formula(dx)} for df, dx in run.terms],
                "derivative": self.formula(run.derivative),
                "point": {str(v): self.formula(c) for v, c in run.point} or None,
                "inner_at_point": {str(x): self.formula(v) for x, v in run.at_inner} or None,
                "value": answer_value(run.value) if run.value is not None else None}

    def _print_ChainGradient(self, run) -> list:
        return [self._print(part) for part in run.parts]

    def _print_IteratedMap(self, run) -> dict:
        return {"map": self.formula(run.map), "var": str(run.var), "n": run.n, "derivative": self.formula(run.derivative),
                "iterates": [{"k": k, "x": self.formula(x), "slope": self.formula(slope)} for k, x, slope in run.rows],
                "last": self.formula(run.last), "value": answer_value(run.answer)}

    def _print_ConditionSolution(self, run) -> dict:
        worked = [{"name": self.formula(r.name), "formula": self.formula(r.formula), "value": self.formula(r.value)}
                  for r in run.work if r.formula is not None]         # the defined quantities, as the key works them
        return {"condition": self.formula(run.condition), "var": str(run.var), "set": self.formula(run.solution_set),
                "answer": self.formula(run.answer), **({"quantities": worked} if worked else {})}

    def _print_ArrayRun(self, run) -> dict:
        """A NumPy question: the arrays (nested lists), the expression, and the result or why NumPy refuses."""
        import dataclasses

        import numpy as np
        failure = dataclasses.asdict(run.value) if run.answer_kind == "failure" else None
        result = None if failure else [int(n) for n in run.value] if run.answer_kind == "shape" else \
            np.asarray(run.value).tolist() if run.answer_kind != "numbers" else [np.asarray(v).tolist() for v in run.value]
        arrays = {name: {"given": text, "shape": list(np.shape(value)),      # a large array by its shape only
                         "value": np.asarray(value).tolist() if np.size(value) <= 1000 else None}
                  for name, text, value in run.arrays}
        shape = list(np.shape(run.value)) if run.answer_kind in ("matrix", "vector", "number") else None
        return {"arrays": arrays, "expr": run.expr, "operation": run.outcome.operation.kind, "kind": run.answer_kind,
                "result": result, "shape": shape, "refused": failure}


def _reason_parts(wrong) -> dict:
    """The parts of a wrong formula's reason as plain text: X (d×n)."""
    parts = [f"{sp.sstr(f)} ({'×'.join(s) if s is not None else '1×1'})" for f, s in wrong.parts]
    if wrong.reason == "missing factor":
        return {"factor": sp.sstr(wrong.parts[0][0])}
    return dict(zip(("left", "right"), parts))
