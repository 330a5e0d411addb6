"""Answers written as "formula = value", the work and then the number, for the kinds of bank problem whose
answer has named quantities: a side of a part's chain may be a formula in the problem's inputs, nodes and
other named values (∂f/∂z = q = 3 of a program q = x + y), evaluated at the problem's values; a wrong side
makes the answer wrong with the side and its value named; a right formula with a wrong final value is wrong;
a side in names the problem does not give is not checked (a note says so).

Every number typed is computed here by an oracle — sympy.diff of the program written as one formula, NumPy's
logarithm, sympy's Jacobian — not taken from the checker or the solver."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symnn.answers.check import check_answer, check_bank_answer

x, y, z, t, s = sp.symbols("x y z t s")


def num(value, places: int, lang: str = "en") -> str:
    """The value rounded to ``places`` decimals, with a decimal comma in Russian."""
    text = f"{float(sp.N(value, 30)):.{places}f}"
    return text.replace(".", ",") if lang == "ru" else text


# program-add-mul: q = x + y, f = q·z at x = −2, y = 5, z = −4
ADD_MUL = {x: -2, y: 5, z: -4}
F = (x + y) * z
f_, fx, fy, fz = (int(e.subs(ADD_MUL)) for e in (F, sp.diff(F, x), sp.diff(F, y), sp.diff(F, z)))
q_ = int((x + y).subs(ADD_MUL))
# program-micrograd: its program as one formula in a and b (x += y is x + y), at a = −4, b = 2
a, b = sp.symbols("a b")
c1, d1 = a + b, a * b + b**3
c3 = 2 * (2 * c1 + 1) + 1 - a
d3 = 4 * (3 * d1 + sp.Max(0, b + a)) + sp.Max(0, b - a)
FF = (c3 - d3) ** 2
G = FF / 2 + 10 / FF
MICRO = [G.subs({a: -4, b: 2})] + [sp.diff(G, v).subs({a: -4, b: 2}) for v in (a, b)]
# max-gate: f = x·max(x, y) at x = 3, y = 2, where max(x, y) = x: ∂f/∂x = 2x there, ∂f/∂y = 0
MAX = {x: 3, y: 2}
gx, gy = int(sp.diff(x * x, x).subs(MAX)), 0
# likelihood-nll: L = −ln(p₁p₂p₃) at p = (0.9, 0.8, 0.5)
p1, p2, p3 = sp.symbols("p1 p2 p3")
PS = {p1: sp.Rational(9, 10), p2: sp.Rational(4, 5), p3: sp.Rational(1, 2)}
NLL = -sp.log(p1 * p2 * p3)
P_, L_ = (p1 * p2 * p3).subs(PS), NLL.subs(PS)
dL = [sp.diff(NLL, p).subs(PS) for p in (p1, p2, p3)]
# total-derivative: f = x²y with x = cos t, y = sin t, at t = π/4
DFDT = sp.diff((x**2 * y).subs({x: sp.cos(t), y: sp.sin(t)}), t).subs(t, sp.pi / 4)
# chain-two-variables: f = x²y with x = st, y = s + t, at s = 1, t = 2
G2 = (x**2 * y).subs({x: s * t, y: s + t})
dfs, dft = (int(sp.diff(G2, v).subs({s: 1, t: 2})) for v in (s, t))
# jacobian-at-point: F = (x²y, 5x + sin y) at (1, 0)
J = sp.Matrix([x**2 * y, 5 * x + sp.sin(y)]).jacobian([x, y]).subs({x: 1, y: 0})
j = [int(e) for e in J]
# d2l-ce-each: −ln of the probability of each example's class, 0.1 and 0.5
CE = -np.log([0.1, 0.5])
# tanh-chain: y = tanh(tanh(tanh x)) at x = 2
TANH = sp.tanh(sp.tanh(sp.tanh(x)))
tanh_y, tanh_d = TANH.subs(x, 2), sp.diff(TANH, x).subs(x, 2)
# karpathy-neuron-step: s = σ(ax + by + c) at a = 1, b = 2, c = −3, x = −1, y = 3
a_, b_, c_ = sp.symbols("a_ b_ c_")
NEURON = 1 / (1 + sp.exp(-(a_ * x + b_ * y + c_)))
AT = {a_: 1, b_: 2, c_: -3, x: -1, y: 3}
ks = [NEURON.subs(AT)] + [sp.diff(NEURON, v).subs(AT) for v in (a_, b_, c_, x, y)]
ks.append(NEURON.subs({v: AT[v] + sp.Rational(1, 100) * k for v, k in zip((a_, b_, c_, x, y), ks[1:])}))    # s⁺
# iterated-map: (g⁴)′(1) for g(x) = x² + 1
g4 = x
for _ in range(4):
    g4 = g4**2 + 1
G4 = int(sp.diff(g4, x).subs(x, 1))
# graph-exp: f = 1 + e^(x w₁ + w₀) at x = 1, w₁ = 2, w₀ = 1
w0, w1 = sp.symbols("w0 w1")
GE = 1 + sp.exp(x * w1 + w0)
GAT = {x: 1, w1: 2, w0: 1}
ge = [GE.subs(GAT)] + [sp.diff(GE, v).subs(GAT) for v in (x, w1, w0)]
# grad-quadratic-gd: one step of gradient descent with a = 0.5 on (x² + y²)/2 from (1, 2)
START = {x: 1, y: 2}
GD = [(v - sp.Rational(1, 2) * sp.diff((x**2 + y**2) / 2, v)).subs(START) for v in (x, y)]


@pytest.mark.parametrize("problem, answer, lang, correct, said", [
    # a program: each gradient's side is a node or an input (∂f/∂z = q), evaluated at the program's values
    ("program-add-mul", f"f = {f_}, ∂f/∂x = z = {fx}, ∂f/∂y = z = {fy}, ∂f/∂z = q = {fz}", "en", True, None),
    # ... in Russian, the parts apart by semicolons
    ("program-add-mul", f"f = {f_}; ∂f/∂x = z = {fx}; ∂f/∂y = z = {fy}; ∂f/∂z = q = {fz}", "ru", True, None),
    # a side of the program's formula: q·z is f, and q = x + y
    ("program-add-mul", f"f = q·z = (x + y)z = {f_}, ∂f/∂x = z = {fx}, ∂f/∂y = z = {fy}, ∂f/∂z = x + y = {fz}", "en", True,
     None),
    # a wrong side: q is 3, not −4; the side and its value are named
    ("program-add-mul", f"f = {f_}, ∂f/∂x = q = {fx}, ∂f/∂y = z = {fy}, ∂f/∂z = q = {fz}", "en", False,
     f"A step of the chain is not equal to the answer {fx}: q = {q_}."),
    # ... in Russian
    ("program-add-mul", f"f = {f_}; ∂f/∂x = q = {fx}; ∂f/∂y = z = {fy}; ∂f/∂z = q = {fz}", "ru", False,
     f"Шаг цепочки равенств не равен ответу {fx}: q = {q_}."),
    # the right formula, a wrong final value: the value decides
    ("program-add-mul", f"f = {f_}, ∂f/∂x = z = {fx}, ∂f/∂y = z = {fy}, ∂f/∂z = q = {fz + 1}", "en", False,
     "Component 4 (df/dz) is not correct."),
    # a side in names the program gives several values (c, then c += …): not checked, said in a note
    ("program-micrograd", f"g = (c - d)^2/2 + 10/(c - d)^2 = {num(MICRO[0], 4)}, dg/da = {num(MICRO[1], 4)}, "
     f"dg/db = {num(MICRO[2], 4)}", "en", True, "was not checked"),
    # ... a side in its node f, of one value, is checked
    ("program-micrograd", f"g = f/2 + 10/f = {num(MICRO[0], 4)}, dg/da = {num(MICRO[1], 4)}, dg/db = {num(MICRO[2], 4)}",
     "en", True, None),
    ("program-micrograd", f"g = f/2 + 1/f = {num(MICRO[0], 4)}, dg/da = {num(MICRO[1], 4)}, dg/db = {num(MICRO[2], 4)}",
     "en", False, "A step of the chain is not equal to the answer"),
    # a graph: its node a = max(x, y) and the Heaviside step of the max gate
    ("max-gate", f"f = x·a = {int((x * x).subs(MAX))}, df/dx = a + x·H(x−y) = {gx}, df/dy = x·H(y − x) = {gy}", "en", True,
     None),
    # ... a wrong side: x·H(x − y) is 3, not ∂f/∂x = 6
    ("max-gate", f"f = {int((x * x).subs(MAX))}, df/dx = x·H(x−y) = {gx}, df/dy = {gy}", "en", False,
     f"A step of the chain is not equal to the answer {gx}: x·H(x - y) = {gx // 2}."),
    # a program's formula in its inputs, and the loss through its node P
    ("likelihood-nll", f"P = p1 p2 p3 = {num(P_, 2)}, L = -ln P = {num(L_, 4)}, dL/dp1 = -1/p1 = {num(dL[0], 4)}, "
     f"dL/dp2 = -1/p2 = {num(dL[1], 4)}, dL/dp3 = -1/p3 = {num(dL[2], 4)}", "en", True, None),
    # ... in Russian, decimal commas
    ("likelihood-nll", f"P = p1 p2 p3 = {num(P_, 2, 'ru')}; L = -ln P = {num(L_, 4, 'ru')}; dL/dp1 = -1/p1 = "
     f"{num(dL[0], 4, 'ru')}; dL/dp2 = -1/p2 = {num(dL[1], 4, 'ru')}; dL/dp3 = -1/p3 = {num(dL[2], 4, 'ru')}", "ru", True, None),
    # ... a side with the wrong probability: −1/p2 is −1.25, not ∂L/∂p1
    ("likelihood-nll", f"P = {num(P_, 2)}, L = {num(L_, 4)}, dL/dp1 = -1/p2 = {num(dL[0], 4)}, dL/dp2 = {num(dL[1], 4)}, "
     f"dL/dp3 = {num(dL[2], 4)}", "en", False, f"-1/p2 = {float(-1 / PS[p2])}."),
    # a total derivative: 2xy is 2·x·y of the problem's x and y, put in through x = cos t, y = sin t at t = π/4
    ("total-derivative", "df/dt = 2xy(-sin t) + x^2 cos t = -sqrt(2)/4", "en", True, None),
    # ... the formula in t alone, then a decimal
    ("total-derivative", f"-2cos(t)sin(t)^2 + cos(t)^3 = {num(DFDT, 3)}", "en", True, None),
    # ... in Russian
    ("total-derivative", f"df/dt = 2xy(-sin t) + x^2 cos t = {num(DFDT, 3, 'ru')}", "ru", True, None),
    # ... a sign lost in dx/dt: the side is √2/4·3 at t = π/4, not the answer
    ("total-derivative", f"df/dt = 2xy(sin t) + x^2 cos t = {num(DFDT, 3)}", "en", False,
     f"A step of the chain is not equal to the answer {num(DFDT, 3)}: x^2·cos(t) + 2·x·y·sin(t) ≈"),
    # ... the right formula, a wrong value
    ("total-derivative", f"df/dt = 2xy(-sin t) + x^2 cos t = {num(-DFDT, 3)}", "en", False, None),
    # two variables: ∂f/∂s and ∂f/∂t through x = st, y = s + t at (1, 2)
    ("chain-two-variables", f"df/ds = 2xy·t + x^2 = {dfs}, df/dt = 2xy·s + x^2 = {dft}", "en", True, None),
    # ... ∂x/∂t taken as t: the side is ∂f/∂s's value, named
    ("chain-two-variables", f"df/ds = 2xy·t + x^2 = {dfs}, df/dt = 2xy·t + x^2 = {dft}", "en", False,
     f"A step of the chain is not equal to the answer {dft}: 2·t·x·y + x^2 = {dfs}."),
    # a Jacobian: 2xy is 2·x·y, the formula matrix at the point (1, 0)
    ("jacobian-at-point", f"J = [[2xy, x^2],[5, cos y]] = [[{j[0]},{j[1]}],[{j[2]},{j[3]}]]", "en", True, None),
    # ... in Russian
    ("jacobian-at-point", f"J = [[2xy; x^2]; [5; cos y]] = [[{j[0]}; {j[1]}]; [{j[2]}; {j[3]}]]", "ru", True, None),
    # ... a wrong entry of the formula matrix: its values at the point named
    ("jacobian-at-point", f"J = [[2xy, x^2],[5, sin y]] = [[{j[0]},{j[1]}],[{j[2]},{j[3]}]]", "en", False,
     f"at the point is ({j[0]}, {j[1]}, {j[2]}, 0)"),
    # losses of each example: a chain per component, without labels
    ("d2l-ce-each", f"−ln 0.1 = {CE[0]:.3f}, -ln 0.5 = {CE[1]:.3f}", "en", True, None),
    # ... with labels
    ("d2l-ce-each", f"L_1 = −ln 0.1 = {CE[0]:.3f}, L_2 = -ln(0.5) = {CE[1]:.3f}", "en", True, None),
    # ... in Russian with decimal commas
    ("d2l-ce-each", f"−ln 0,1 = {CE[0]:.3f}; −ln 0,5 = {CE[1]:.3f}".replace(".", ","), "ru", True, None),
    # ... a wrong probability in the second chain: −ln 0.6 named with its value
    ("d2l-ce-each", f"−ln 0.1 = {CE[0]:.3f}, -ln 0.6 = {CE[1]:.3f}", "en", False,
     f"A step of the chain is not equal to the answer {CE[1]:.3f}: -ln(0.6) ≈ {-np.log(0.6):.4f}."),
    # ... the right logarithms, a wrong final value
    ("d2l-ce-each", f"−ln 0.1 = {CE[0]:.3f}, -ln 0.5 = {CE[1] + 0.01:.3f}", "en", False, "Component 2"),
    # a chain of tanh: each factor 1 − tanh² through the nodes a, b and the output y, in Russian
    ("tanh-chain", f"y = tanh(b) = {num(tanh_y, 4, 'ru')}; dy/dx = (1 - y^2)(1 - b^2)(1 - a^2) = {num(tanh_d, 4, 'ru')}", "ru",
     True, None),
    # ... a factor left out: the side is named with its value
    ("tanh-chain", f"y = tanh(b) = {num(tanh_y, 4)}, dy/dx = (1 - y^2)(1 - b^2) = {num(tanh_d, 4)}", "en", False,
     f"A step of the chain is not equal to the answer {num(tanh_d, 4)}:"),
    # a neuron as a circuit: s(1 − s) is s times 1 − s, with the inputs of the circuit
    ("karpathy-neuron-step", f"s = σ(z) = {num(ks[0], 4)}, ds/da = x·s(1-s) = {num(ks[1], 4)}, ds/db = y·s(1-s) = "
     f"{num(ks[2], 4)}, ds/dc = s(1-s) = {num(ks[3], 4)}, ds/dx = a·s(1-s) = {num(ks[4], 4)}, ds/dy = b·s(1-s) = "
     f"{num(ks[5], 4)}, s+ = {num(ks[6], 4)}", "en", True, None),
    # ... the weight of another input in ∂s/∂x
    ("karpathy-neuron-step", f"s = {num(ks[0], 4)}, ds/da = {num(ks[1], 4)}, ds/db = {num(ks[2], 4)}, ds/dc = {num(ks[3], 4)}, "
     f"ds/dx = b·s(1-s) = {num(ks[4], 4)}, ds/dy = {num(ks[5], 4)}, s+ = {num(ks[6], 4)}",
     "en", False, f"≈ {num(ks[5], 4)}."),
    # an iterated map: the factors 2x_k at the iterates x_k
    ("iterated-map", f"(g^4)'(1) = 2x_0·2x_1·2x_2·2x_3 = {G4}", "en", True, None),
    # ... one iterate short, the last factor at x_4: wrong
    ("iterated-map", f"(g^4)'(1) = 2x_1·2x_2·2x_3·2x_4 = {G4}", "en", False, "A step of the chain is not equal to the answer"),
    # a graph whose nodes the statement names: c = e^b
    ("graph-exp", f"f = 1 + c = {num(ge[0], 2)}, df/dx = w1·c = {num(ge[1], 2)}, df/dw1 = x·c = {num(ge[2], 2)}, "
     f"df/dw0 = c = {num(ge[3], 2)}", "en", True, None),
    # a step of gradient descent: the new x written through the point's x and the rate a
    ("grad-quadratic-gd", f"x = x - a·x = {num(GD[0], 1)}, y = y - a·y = {num(GD[1], 1)}", "en", True, None),
    # ... a side with the other coordinate
    ("grad-quadratic-gd", f"x = x - a·y = {num(GD[0], 1)}, y = y - a·y = {num(GD[1], 1)}", "en", False,
     f"A step of the chain is not equal to the answer {num(GD[0], 1)}: -a·y + x = 0."),
])
def test_chain_sides_in_named_values(problem, answer, lang, correct, said):
    verdict = check_bank_answer(problem, answer, lang=lang)
    assert verdict.correct is correct, verdict.feedback
    if said is not None:
        assert any(said in line for line in verdict.feedback), verdict.feedback


def test_a_side_evaluated_with_rounded_parts_before_it():
    """A network's output written through the hidden values typed before it (σ(w₅h₁ + w₆h₂) with h ≈ 0.9526):
    within one unit of the last place of the value typed; the weights are the problem's (w₅ = 0, w₆ = 1)."""
    h = 1 / (1 + np.exp(-3.0))
    o = 1 / (1 + np.exp(-h))
    answer = f"h1 = σ(w1x1 + w2x2 + b1) = {h:.4f}, h2 = σ(w3 x1 + w4 x2 + b2) = {h:.4f}, o1 = σ(w5 h1 + w6 h2 + b3) = {o:.4f}"
    assert check_bank_answer("feedforward-221", answer).correct
    wrong = answer.replace("w6 h2", "w5 h2")            # σ(0) = 0.5: not the output
    verdict = check_bank_answer("feedforward-221", wrong)
    assert not verdict.correct and any(line.endswith(f"= {1 / (1 + np.exp(0))}.") for line in verdict.feedback), \
        verdict.feedback


@pytest.mark.parametrize("answer, lang", [
    # a decimal comma inside one chain is no list of chains: 0,5 is one number
    ("f'(x) = 0,5 = 1/2", "ru"),
    # ... nor is the English reading of it
    ("f'(x) = 0,5 = 1/2", "en"),
])
def test_a_decimal_comma_is_not_a_list_of_chains(answer, lang):
    verdict = check_answer(sp.Rational(1, 2), answer, lang=lang)
    assert verdict.correct, verdict.feedback
