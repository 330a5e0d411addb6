"""Every bank problem's key, typed as a student would: plain text, rounded decimals where the work is
numeric, Russian habits where a Russian student has them (decimal comma, semicolons, tg/th). One
line per problem; the browser test types each into its page, in English and in Russian.

The matrix problems are typed as the formula their statement asks for (Xᵀa written X^T a).
"""

from __future__ import annotations

# problem id -> (typed on the English page, typed on the Russian page)
TYPED = {
    "activations": ("1, 0, alpha f(1 - f), 1 - f^2, 1/(1 + x^2), 1/(1 + |x|)^2, "
                    "(1 + alpha x^2)^(-3/2), H(x), H(x) + 0.01 H(-x), H(x) + alpha H(-x), H(x) + alpha H(-x), "
                    "H(x) + (f + alpha) H(-x), 1/(1 + e^(-x)), s_i(delta_ij - s_j)",
                    "1; 0; α f(1 − f); 1 − f²; 1/(1 + x²); 1/(1 + |x|)²; (1 + αx²)^(−3/2); H(x); "
                    "H(x) + 0,01 H(−x); H(x) + α H(−x); H(x) + α H(−x); H(x) + (f + α) H(−x); 1/(1 + e^(−x)); "
                    "s_i(δ_ij − s_j)"),
    "perceptron-alpha": ("alpha f (1 - f)", "α f (1 − f)"),
    "softsign": ("1/(1 + |x|)^2", "1/(1+|x|)^2"),
    "bce-grad": ("(p - y)/(p(1 - p))", "(p − y)/(p(1 − p))"),
    "bce-grad-logit": ("sigma(z) - y", "σ(z) − y"),
    "neuron-grad": ("-2(Y - y) y (1 - y) x_1", "−2(Y − y)y(1 − y)x_1"),
    "nielsen-sigmoid-prime": ("sigma(1 - sigma)", "σ(1 − σ)"),
    "nll-softmax": ("(s_1 - 1, s_2, s_3)", "(s_1 − 1; s_2; s_3)"),
    "softmax-jacobian": ("[[s_1(1 - s_1), -s_1 s_2, -s_1 s_3], [-s_1 s_2, s_2(1 - s_2), -s_2 s_3], "
                         "[-s_1 s_3, -s_2 s_3, s_3(1 - s_3)]]", None),
    "4.3": ("(60, -162, 1)", "(60; -162; 1)"),
    "hagan-perceptron": ("(3, 0.2)", "(3; 0,2)"),
    "hagan-directional": ("0, 2.4", "0; 2,4"),
    "hagan-newton": ("(0, 0)", "(0; 0)"),
    "bishop-hessian": ("[[1, -1], [-1, 0]]", "[[1; −1]; [−1; 0]]"),
    "d2l-momentum": ("(-4.032, 0.88)", "(−4,032; 0,88)"),
    "cs231n-svm": ("5.27", "5,27"),
    "4.4": ("(1, 1, 0)", "(1; 1; 0)"),
    "4.5": ("(1, 2)", "(1; 2)"),
    "4.6": ("(10, 45)", "(10; 45)"),
    "grad-quadratic": ("(1, 2)", "(1; 2)"),
    "linreg-grad": ("(2(wx + b - y)x, 2(wx + b - y))", "(2(wx + b − y)x; 2(wx + b − y))"),
    "l2-reg": ("(dL/dw1 + 2 lambda w1, dL/dw2 + 2 lambda w2, dL/db + 2 lambda b)", None),
    "graph-exp": ("(21.0855, 40.1711, 20.0855, 20.0855)", "(21,0855; 40,1711; 20,0855; 20,0855)"),
    "max-gate": ("(9, 6, 0)", "(9; 6; 0)"),
    "kxb": ("44", "44"),
    "dot": ("[30201, 302010]", "[30201; 302010]"),
    "linreg-fit": ("(3.5, 3.5)", "(3,5; 3,5)"),
    "linreg-normal-eq": ("(3.5, 3.5)", "(3,5; 3,5)"),
    "conv-3x3": ("[[12, 12, 17], [10, 17, 19], [9, 6, 14]]", None),
    "conv-sharpen": ("2", "2"),
    "5.1": ("15", "15"),
    "mae": ("0.2", "0,2"),
    "mse": ("0.046667", "0,046667"),
    "rmse": ("0.216025", "0,216025"),
    "ce": ("0.216162", "0,216162"),
    "mape": ("11.9519", "11,9519"),
    "bce-n": ("0.327567", "0,327567"),
    "bce-dog-cat": ("0.216162", "0,216162"),
    "graph-matrix": ("X^T a", None),
    "linreg-matrix-grad": ("-2/n X^T (y - X w)", None),
    "linreg-normal-matrix": ("(X^T X)^{-1} X^T y", None),
    "two-layer-grad": ("-(y - sigma(X W_1) W_2) X^T (W_2^T ⊙ sigma'(X W_1))", None),
    "dense-layer-grad": ("X^T delta", None),
    "dense-layer-backward": ("(delta W_2^T) ⊙ sigma'(A)", None),
    "quadratic-form-grad": ("(A + A^T) x", "(A + Aᵀ)x"),
    "quadratic-form-symmetric": ("2 A x", "2Ax"),
    "frobenius-least-squares": ("X^T (X W - Y)", "Xᵀ(XW − Y)"),
    "cookbook-traces": ("A^T B^T + I", "AᵀBᵀ + I"),
    "one-layer-matrix-gradient": ("(W x - y) x^T", "(Wx − y)xᵀ"),
    "symmetric-gaussian-exponent": ("2 S (x - mu)", "2S(x − μ)"),
    "log-det-gradient": ("X^(-T)", "X⁻ᵀ"),
    "log-det-symmetric": ("X^(-1)", "X⁻¹"),
    "logistic-matrix-gradient": ("X^T (sigma(X w) - y)", "Xᵀ(σ(Xw) − y)"),
    "linear-map-jacobian": ("A", "A"),
    "row-map-jacobian": ("A^T", "Aᵀ"),
    "neuron-3in": ("0.999877", "0,999877"),
    "neuron-2in": ("0.999089", "0,999089"),
    "feedforward-221": ("(0.9526, 0.9526, 0.7216)", "(0,9526; 0,9526; 0,7216)"),
    "backprop-w1": ("0.0215", "0,0215"),
    # the deltas, the nine gradients, the nine momentum steps
    "delta-rule": ("(-0.118809, -0.005367, -0.005367, 0.010735, 0.005367, -0.005367, 0.010735, 0.005367, -0.005367, "
                   "-0.005635, -0.005635, -0.118809, -0.001073, -0.000537, 0.000537, -0.001073, -0.000537, 0.000537, "
                   "0.009563, 0.009563, 0.011881)",
                   "(-0,118809; -0,005367; -0,005367; 0,010735; 0,005367; -0,005367; 0,010735; 0,005367; -0,005367; "
                   "-0,005635; -0,005635; -0,118809; -0,001073; -0,000537; 0,000537; -0,001073; -0,000537; 0,000537; "
                   "0,009563; 0,009563; 0,011881)"),
    "grad-quadratic-gd": ("(0.5, 1)", "(0,5; 1)"),
    "gd-linreg-step": ("(0.032667, 0.014)", "(0,032667; 0,014)"),
    "optimizers": ("(0.9, 0, 0.9, 0, 0.9000000005, 0.900000000005, 0.683772, 0.683772, 0.683774, 0.683772, 0.900000001, 0.9000000001)",
                   "(0,9; 0; 0,9; 0; 0,9000000005; 0,900000000005; 0,683772; 0,683772; 0,683774; 0,683772; 0,900000001; 0,9000000001)"),
    "finite-diff": ("(40.1738, 40.1711)", "(40,1738; 40,1711)"),
    "xor-lab": ("(0, 1, 1, 0)", "(0; 1; 1; 0)"),
    "gender-train": ("(0.96, 0.05)", "(0,96; 0,05)"),
    "xor-lab-loop": ("(0, 1, 1, 0)", "(0; 1; 1; 0)"),
    "lms-apple-orange": ("(0.16, 0.96, -0.16)", "(0,16; 0,96; -0,16)"),
    # staged programs and vector calculus
    "program-add-mul": ("(-12, -4, -4, 3)", "(-12; -4; -4; 3)"),
    "program-relu-neuron": ("(4, 4, 8, 12, 4, -4)", "(4; 4; 8; 12; 4; -4)"),
    "program-reuse": ("(16, 16, 4)", "(16; 16; 4)"),
    "program-micrograd": ("(24.7041, 138.8338, 645.5773)", "(24,7041; 138,8338; 645,5773)"),
    "program-sigmoid-neuron": ("(0.73, -0.20, 0.39, -0.39, -0.59, 0.20)", "(0,73; -0,20; 0,39; -0,39; -0,59; 0,20)"),
    "vec-quadratic": ("(7, 13)", "(7; 13)"),
    "vec-2xtx": ("(4, -8, 12)", "(4; -8; 12)"),
    "vec-residual": ("(-5, 2, 3, 0, 16)", "(-5; 2; 3; 0; 16)"),
    "jacobian-polar": ("[[cos(theta), -r sin(theta)], [sin(theta), r cos(theta)]]",
                       "[[cos θ; −r sin θ]; [sin θ; r cos θ]]"),
    # a step on a program's inputs, and part of a program's answer (the guide's own printouts for the neuron)
    "karpathy-circuit-step": ("(-4, -4, 3, -2.04, 4.96, -3.97, 2.92, -11.59)", "(-4; -4; 3; -2,04; 4,96; -3,97; 2,92; -11,59)"),
    "karpathy-neuron-step": ("(0.8808, -0.105, 0.315, 0.105, 0.105, 0.210, 0.8825)",
                             "(0,8808; -0,105; 0,315; 0,105; 0,105; 0,210; 0,8825)"),
    "micrograd-sanity": ("46", "46"),
    "cs231n-staged": ("(2.0596, 1.5922)", "(2,0596; 1,5922)"),
    "relu-weights-step": ("(4, 12, 1.96, 0.88, 2.56)", "(4; 12; 1,96; 0,88; 2,56)"),
    "jacobian-at-point": ("[[0, 1], [5, 1]]", "[[0; 1]; [5; 1]]"),
    "total-derivative": ("-sqrt(2)/4", "−√2/4"),
    "chain-two-variables": ("(28, 16)", "(28; 16)"),
    "stewart-chain": ("6", "6"),
    "least-squares-half": ("(5 x1 - x2 - 2, -x1 + 5 x2 + 2, 0, 0)", "(5x₁ − x₂ − 2; −x₁ + 5x₂ + 2; 0; 0)"),
    "least-squares-gradient": ("(10 x1 - 2 x2 - 4, -2 x1 + 10 x2 + 4)", "(10x₁ − 2x₂ − 4; −2x₁ + 10x₂ + 4)"),
    "jacobian-polar-det": ("r", "r"),
    "jacobian-spherical-det": ("-rho^2 sin(phi)", "−ρ² sin φ"),
    "iterated-map": ("4160", "4160"),
    "gd-convergence": ("0 < a < 2", "a ∈ (0; 2)"),
    "hagan-steepest-descent": ("(0.4802, 0.125)", "(0,4802; 0,125)"),
    "d2l-ce-each": ("2.3026, 0.6931", "2,3026; 0,6931"),
    "hinge-binary": ("0, 0.6, 0.7, 2.2", "0; 0,6; 0,7; 2,2"),
    "hinge-gradient": ("0, 0.25, -0.25, 0.25", "0; 0,25; -0,25; 0,25"),
    "hagan-stable-rate": ("0 < alpha < 0.04", "α ∈ (0; 0,04)"),
    "mazur-221": ("0.593269992, 0.596884378, 0.75136507, 0.772928465, 0.298371109, 0.082167041, 0.149780716, 0.199561432, 0.249751144, 0.299502287, 0.35891648, 0.408666186, 0.51130127, 0.561370121",
                 "0,593269992; 0,596884378; 0,75136507; 0,772928465; 0,298371109; 0,082167041; 0,149780716; 0,199561432; 0,249751144; 0,299502287; 0,35891648; 0,408666186; 0,51130127; 0,561370121"),
    # in the statement's matrices and vectors, as the key answers (the 23 numbers in a row are read too)
    "weight-decay-matrix-step": ("dJ/dW_1 = [[-0.062168, 0.065168], [0.05148, -0.05048]]; dJ/db_1 = (-0.063168, 0.05448); "
                                 "dJ/dW_2 = (0.017718, 0.06253); dJ/db_2 = -0.127604; W_1 = [[0.106217, 0.193483], [-0.305148, 0.405048]]; "
                                 "b_1 = (0.006317, 0.094552); W_2 = (0.498228, -0.606253); b_2 = 0.11276", None),
    "tanh-221-step": ("h = (-0.099668, -0.53705); o = 0.372396; L = 0.008141; dL/dW_1 = [[-0.063168, 0.063168], "
                      "[0.05448, -0.05448]]; dL/db_1 = (-0.063168, 0.05448); dL/dW_2 = (0.012718, 0.06853); "
                      "dL/db_2 = -0.127604; W_1 = [[0.106317, 0.193683], [-0.305448, 0.405448]]; b_1 = (0.006317, 0.094552); "
                      "W_2 = (0.498728, -0.606853); b_2 = 0.11276; L+ = 0.004481",
                      "h = (-0,099668; -0,53705); o = 0,372396; L = 0,008141; ∂L/∂W_1 = [-0,063168 0,063168; "
                      "0,05448 -0,05448]; ∂L/∂b_1 = (-0,063168; 0,05448); ∂L/∂W_2 = (0,012718; 0,06853); "
                      "∂L/∂b_2 = -0,127604; W_1⁺ = [0,106317 0,193683; -0,305448 0,405448]; b_1⁺ = (0,006317; 0,094552); "
                      "W_2⁺ = (0,498728; -0,606853); b_2⁺ = 0,11276; L⁺ = 0,004481"),
    "softmax-ce-steps": ("0, 1.75, 0.035571, 0.964429, 0.036219, 0, 0, 0.029186",
                        "0; 1,75; 0,035571; 0,964429; 0,036219; 0; 0; 0,029186"),
    "mazur-221-shared-biases": ("0.018725609, 0.100400325, 0.340637195, 0.549799837, 0.732024167, 0.765984653, 0.285750887",
                               "0,018725609; 0,100400325; 0,340637195; 0,549799837; 0,732024167; 0,765984653; 0,285750887"),
    "cs231n-svm-cat": ("2.9, -1, 1, 0", "2,9; −1; 1; 0"),
    "cs231n-softmax-cat": ("2.04, -0.87, 0.87, 0.00", "2,04; −0,87; 0,87; 0,00"),
    "momentum-cs231n-mazur": ("0.280378694, 0.149395362, 0.276829773", "0,280378694; 0,149395362; 0,276829773"),
    "mazur-221-10000": ("0.0000351019, 0.0159136204, 0.9840642735", "0,0000351019; 0,0159136204; 0,9840642735"),
    # the rest of the course (issue 21): seeds 001, 003 and 004 as bank problems
    "sigmoid-slow": ("0.0452", "0,0452"),
    "tanh-exp": ("1 - F^2", "1 − F²"),
    "softmax-two-classes": ("p_0(1 - p_0)", "p_0(1 − p_0)"),
    "tanh-chain": ("(0.6328, 0.0188)", "(0,6328; 0,0188)"),
    "relu-chain": ("(2, 1)", "(2; 1)"),
    "likelihood-nll": ("(0.36, 1.0217, -1.1111, -1.25, -2)", "(0,36; 1,0217; −1,1111; −1,25; −2)"),
    "half-norm-program": ("(20.5, 19, 3)", "(20,5; 19; 3)"),
    "minibatch-stop": ("epsilon > 0.5", "ε > 0,5"),
    "gd-closed-form": ("-1/32", "−0,03125"),
    "neuron-bias-update": ("(0.125, 0.125, 0.25)", "(0,125; 0,125; 0,25)"),
    "fc-equations": ("(0.1192, 0.9241, 0.3090)", "(0,1192; 0,9241; 0,3090)"),
    "delta-worked": ("0.610639, 0.685680, 0.340491, 0.217476, -0.101547, 0.073412, -2.228917, 0.198874",
                     "0,610639; 0,685680; 0,340491; 0,217476; −0,101547; 0,073412; −2,228917; 0,198874"),
    "mazur-221-error": ("0.298371109, 0.291027774", "0,298371109; 0,291027774"),
    "linear-collapse": ("[[-1], [-1]]", "[[−1]; [−1]]"),
    "two-layer-w2": ("-(y - sigma(X W_1) W_2) (sigma(X W_1))^T", None),
    "mae-gradient": ("x sign(w x - y)", "x·sign(wx − y)"),
    # tensors and NumPy, each found by running the operation
    "tensor-ranks": ("(0, 1, 2, 3)", "(0; 1; 2; 3)"),
    "row-column": ("[[1, 2, 3], [2, 4, 6], [3, 6, 9]]", "[[1; 2; 3]; [2; 4; 6]; [3; 6; 9]]"),
    "tensor-function": ("[[1, 0], [3, 0]]", "[[1; 0]; [3; 0]]"),
    "np-attributes": ("(3, 24, 8)", "(3; 24; 8)"),
    "np-creation": ("[[5, 6], [7, 8]]", "[[5; 6]; [7; 8]]"),
    "np-arithmetic": ("(1.6, 3.2)", "(1,6; 3,2)"),
    "np-broadcast-scalar": ("(5, 6, 7)", "(5; 6; 7)"),
    "np-broadcast-row": ("[[1, 2, 3], [1, 2, 3], [1, 2, 3]]", "[[1; 2; 3]; [1; 2; 3]; [1; 2; 3]]"),
    "np-broadcast-column": ("[[1, 2, 3], [1, 2, 3], [1, 2, 3]]", "[[1; 2; 3]; [1; 2; 3]; [1; 2; 3]]"),
    "np-broadcast-error": ("error", "ошибка"),
    "np-slicing": ("(2, 3)", "(2; 3)"),
    "np-slicing-2d": ("[[4, 6], [8, 10]]", "[[4; 6]; [8; 10]]"),
    "np-aggregate": ("(6, 1, 21)", "(6; 1; 21)"),
    "np-axis-max-0": ("(5, 6)", "(5; 6)"),
    "np-axis-max-1": ("(2, 5, 6)", "(2; 5; 6)"),
    "np-transpose": ("[[1, 3, 5], [2, 4, 6]]", "[[1; 3; 5]; [2; 4; 6]]"),
    "flatten-shape": ("(3072,)", "3072"),
    "flatten-parameters": ("30730", "30730"),
}


def typed(problem_id: str, lang: str) -> str:
    english, russian = TYPED[problem_id]
    return english if lang == "en" or russian is None else russian
