"""Greek letters, one table for every layer: the names LaTeX gives them, the names SymPy gives their symbols
(λ is lamda), and the characters they print as. The reader of answers reads \\alpha and α by it, the printers
print alpha as α, and the order of a product's factors takes a lower-case Greek letter for a coefficient.

>>> GREEK["lambda"], GREEK["lamda"], GREEK["varphi"], GREEK["Omega"]
('λ', 'λ', 'φ', 'Ω')
>>> SYMPY_NAME["lambda"], SYMPY_NAME["varepsilon"], SYMPY_NAME["Gamma"], CHARACTERS["ϕ"], CHARACTERS["λ"]
('lamda', 'epsilon', 'Gamma', 'phi', 'lamda')
"""

from __future__ import annotations

# each letter by its LaTeX command: the lower case ones, and the capitals that are not Latin letters too
LETTERS = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ",
           "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
           "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
           "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
           "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω"}
# other names of some of them: LaTeX's other shapes (\varphi), and SymPy's lamda (lambda is a word of Python)
OTHER_NAMES = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi", "varrho": "rho", "varsigma": "sigma",
               "lamda": "lambda"}
# every name, to the character it prints as
GREEK = {**LETTERS, **{name: LETTERS[letter] for name, letter in OTHER_NAMES.items()}}
# every name, to the name of its letter's SymPy symbol: \lambda is lamda, \varphi is phi
SYMPY_NAME = {name: "lamda" if letter == "lambda" else letter for name, letter in
              ((name, OTHER_NAMES.get(name, name)) for name in GREEK)}
# every character, the other shapes (ϕ, ϵ, ϑ, ς) too, to its SymPy name
CHARACTERS = {**{char: SYMPY_NAME[name] for name, char in LETTERS.items()},
              "ϵ": "epsilon", "ϑ": "theta", "ς": "sigma", "ϕ": "phi"}
