"""The general formula behind each structural rule, in LaTeX and in plain text.

Rules for single functions (sin, exp, σ, ...) show a formula derived by SymPy instead.
Formulas are the same in every language, so they live here, not in a catalogue.
"""

FORMULAS = {
    "constant": (r"c' = 0", "c' = 0"),
    "variable": (r"x' = 1", "x' = 1"),
    "constant multiple": (r"(c\,f)' = c\,f'", "(c·f)' = c·f'"),
    "log base": (r"(\log_a u)' = \frac{(\ln u)'}{\ln a}", "(log_a(u))' = (ln u)'/ln(a)"),
    "sum": (r"(f + g)' = f' + g'", "(f + g)' = f' + g'"),
    "product": (r"(f\,g)' = f'\,g + f\,g'", "(f·g)' = f'·g + f·g'"),
    "quotient": (r"\left(\frac{f}{g}\right)' = \frac{f'\,g - f\,g'}{g^{2}}",
                 "(f/g)' = (f'·g - f·g')/g^2"),
    "chain": (r"\left(f(g(x))\right)' = f'(u)\cdot g'(x),\ u = g(x)",
              "(f(g(x)))' = f'(u)·g'(x), u = g(x)"),
    "power": (r"(x^{n})' = n\,x^{n-1}", "(x^n)' = n·x^(n-1)"),
    "exponential": (r"(a^{x})' = a^{x}\ln a", "(a^x)' = a^x·ln(a)"),
    "log differentiation": (r"(f^{g})' = f^{g}\,(g \ln f)'", "(f^g)' = f^g·(g·ln(f))'"),
    "log rules": (r"\ln\frac{a}{b} = \ln a - \ln b,\ \ln(a\,b) = \ln a + \ln b,\ \ln e^{u} = u",
                  "ln(a/b) = ln(a) - ln(b), ln(a·b) = ln(a) + ln(b), ln(e^u) = u"),
    "relu": (r"\max(0, x)' = H(x) = \begin{cases} 1, & x > 0 \\ 0, & x \le 0 \end{cases}",
             "max(0, x)' = H(x) = {1 (x > 0); 0 (x ≤ 0)}"),
    "max": (r"\max(a, b)' = H(a - b)\,a' + H(b - a)\,b'", "max(a, b)' = H(a - b)·a' + H(b - a)·b'"),
    "min": (r"\min(a, b)' = H(b - a)\,a' + H(a - b)\,b'", "min(a, b)' = H(b - a)·a' + H(a - b)·b'"),
    "piecewise": (r"\begin{cases} f & c \\ g & \text{otherwise} \end{cases}' = \begin{cases} f' & c \\ g' & \text{otherwise} \end{cases}",
                  "{f (c); g}' = {f' (c); g'}"),
}
