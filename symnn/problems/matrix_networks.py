"""A ``forward`` or ``network`` problem stated in matrix form, worked in matrix form (``nn.matrix_network``).

A statement that writes h = tanh(W_1 x + b_1), o = W_2 h + b_2 asks for a key in the same names: the
forward pass as matrix products, the backward pass as δ_2 = o − y, ∂L/∂W_2 = δ_2 hᵀ, δ_1 = (W_2ᵀ δ_2) ⊙
(1 − h ⊙ h), the update W_1⁺ = W_1 − η ∂L/∂W_1. A problem asks for it with ``form = "matrix"``, and names
the matrices as its statement does (each list one name per layer; any role left out keeps its default
W_l, b_l, z_l, h or o, δ_l):

    form = "matrix"
    matrices = { input = "x", weights = ["W_h", "W_y"], sums = ["h_t", "y_t"], outputs = ["h", "y"] }

The answer and the checker are those of the scalar work: only the key is written otherwise. A ``forward``
problem with ``biases = 0`` (a statement without biases, h_t = W_h x) shows no bias vector.

Checked by name only, without SymPy, as every field of a bank file is.
"""

from __future__ import annotations

FORMS = ("scalar", "matrix")
NAMED = ("input", "weights", "biases", "sums", "outputs", "deltas")
STEPPING = ("sgd", "gd")          # the optimizers whose step the matrix form writes, W⁺ = W − η ∂L/∂W


def matrices_field(value) -> str | None:
    """``matrices``: input a name, every other role a list of names (LaTeX, as ``notation`` writes them)."""
    if not isinstance(value, dict):
        return f"expected a table, got {type(value).__name__}"
    unknown = [name for name in value if name not in NAMED]
    if unknown:
        return f"{', '.join(unknown)}: unknown (matrices names {', '.join(NAMED)})"
    for role, names in value.items():
        if role == "input":
            if not isinstance(names, str) or not names:
                return "input: expected a name"
        elif not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
            return f"{role}: expected a list of names, one per layer"
    return None


def matrix_form_errors(entry: dict) -> list[str]:
    """The matrix form against the other fields: a forward or network problem, one name per layer, an
    optimizer whose step it writes."""
    if entry.get("form", "scalar") != "matrix":
        return [] if "matrices" not in entry else ['matrices: names the matrices of form = "matrix" only']
    if entry.get("kind") not in ("forward", "network"):
        return [f'form: "matrix" is for forward and network problems, not {entry.get("kind")}']
    layers = len(entry["layers"]) - 1
    errors = [f"matrices: {role} names {len(names)} layers; the network has {layers}"
              for role, names in entry.get("matrices", {}).items() if role != "input" and len(names) != layers]
    if entry.get("optimizer", "sgd") not in STEPPING:
        errors.append(f'optimizer: form = "matrix" writes the step of {", ".join(STEPPING)}, not {entry["optimizer"]}')
    return errors


def in_matrix_form(solution):
    """``solution`` with its work in matrix form when its problem asks for it (``form = "matrix"``)."""
    from dataclasses import replace

    from ..nn.matrix_network import matrix_network
    data = solution.problem.data
    if data.get("form", "scalar") != "matrix":
        return solution
    plain_zero = solution.problem.kind == "forward" and data.get("biases") == 0
    return replace(solution, work=matrix_network(solution.work, data.get("matrices"), plain_zero))
