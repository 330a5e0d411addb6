"""Every sentence a reader sees, in English and Russian, keyed by rule or purpose.

Placeholders in braces are filled with formulas by the printers, so the same
sentence serves text, LaTeX, Markdown and JSON.

>>> phrase("ru", "title.chain")
'Правило цепочки (производная сложной функции)'
>>> phrase("en", "why.constant", expr="y", var="x")
'y does not depend on x, so its derivative is 0.'
"""

from __future__ import annotations

LANGUAGES = ("en", "ru")

# The general formula behind each structural rule, in LaTeX and in plain text.
# Rules for single functions (sin, exp, σ, ...) show a formula derived by SymPy instead.
FORMULAS = {
    "constant": (r"c' = 0", "c' = 0"),
    "variable": (r"x' = 1", "x' = 1"),
    "constant multiple": (r"(c\,f)' = c\,f'", "(c*f)' = c*f'"),
    "log base": (r"(\log_a u)' = \frac{(\ln u)'}{\ln a}", "(log_a(u))' = (ln u)'/ln(a)"),
    "sum": (r"(f + g)' = f' + g'", "(f + g)' = f' + g'"),
    "product": (r"(f\,g)' = f'\,g + f\,g'", "(f*g)' = f'*g + f*g'"),
    "quotient": (r"\left(\frac{f}{g}\right)' = \frac{f'\,g - f\,g'}{g^{2}}",
                 "(f/g)' = (f'*g - f*g')/g^2"),
    "chain": (r"\left(f(g(x))\right)' = f'(u)\cdot g'(x),\ u = g(x)",
              "(f(g(x)))' = f'(u)*g'(x), u = g(x)"),
    "power": (r"(x^{n})' = n\,x^{n-1}", "(x^n)' = n*x^(n-1)"),
    "exponential": (r"(a^{x})' = a^{x}\ln a", "(a^x)' = a^x*ln(a)"),
    "log differentiation": (r"(f^{g})' = f^{g}\,(g \ln f)'", "(f^g)' = f^g*(g*ln(f))'"),
    "relu": (r"\max(0, x)' = H(x) = \begin{cases} 1, & x > 0 \\ 0, & x \le 0 \end{cases}",
             "max(0, x)' = H(x) = 1 if x > 0, 0 if x <= 0"),
    "max": (r"\max(a, b)' = H(a - b)\,a' + H(b - a)\,b'", "max(a, b)' = H(a - b)*a' + H(b - a)*b'"),
    "min": (r"\min(a, b)' = H(b - a)\,a' + H(a - b)\,b'", "min(a, b)' = H(b - a)*a' + H(a - b)*b'"),
}

# Names of functions for the title "derivative of ...": English, Russian genitive
FUNCTION_NAMES = {
    "exp": ("the exponential e^x", "экспоненты e^x"), "log": ("the natural logarithm", "натурального логарифма"),
    "sin": ("sine", "синуса"), "cos": ("cosine", "косинуса"), "tan": ("tangent", "тангенса"),
    "cot": ("cotangent", "котангенса"), "sec": ("secant", "секанса"), "csc": ("cosecant", "косеканса"),
    "asin": ("arcsine", "арксинуса"), "acos": ("arccosine", "арккосинуса"),
    "atan": ("arctangent", "арктангенса"), "acot": ("arccotangent", "арккотангенса"),
    "sinh": ("hyperbolic sine", "гиперболического синуса"),
    "cosh": ("hyperbolic cosine", "гиперболического косинуса"),
    "tanh": ("hyperbolic tangent", "гиперболического тангенса"),
    "coth": ("hyperbolic cotangent", "гиперболического котангенса"),
    "sigmoid": ("the sigmoid", "сигмоиды"), "abs": ("the absolute value", "модуля"),
    "heaviside": ("the Heaviside step", "функции Хевисайда"),
}

PHRASES = {
    "en": {
        "title.constant": "Constant",
        "title.variable": "The variable itself",
        "title.constant multiple": "Constant multiple",
        "title.log base": "Logarithm to base a",
        "title.sum": "Sum rule",
        "title.product": "Product rule",
        "title.quotient": "Quotient rule",
        "title.chain": "Chain rule",
        "title.power": "Power rule",
        "title.exponential": "Exponential function a^x",
        "title.log differentiation": "Logarithmic differentiation",
        "title.relu": "ReLU",
        "title.max": "Maximum",
        "title.min": "Minimum",
        "title.function": "Derivative of {name}",
        "title.table": "Table derivative (no rule applies)",
        "title.higher order": "Derivative of order {order}",
        "title.level": "Derivative number {level}",
        "why.constant": "{expr} does not depend on {var}, so its derivative is 0.",
        "why.variable": "The derivative of a variable with respect to itself is 1.",
        "why.constant multiple": "A constant factor comes out of the derivative.",
        "why.log base": "Change of base: log_a u = ln u / ln a.",
        "why.sum": "The derivative of a sum is the sum of the derivatives.",
        "why.product": "Differentiate one factor at a time, keep the others, and add.",
        "why.quotient": "Numerator and denominator both depend on {var}.",
        "why.chain": "Let {substitution}.",
        "why.power": "Here {n}.",
        "why.exponential": "The base is a constant: {base}.",
        "why.log differentiation": "Both base and exponent depend on {var}: take ln y = g·ln f and differentiate.",
        "why.relu": "At the kink x = 0 the derivative does not exist; the convention is to take 0 there (as PyTorch does).",
        "why.max": "The derivative follows the larger argument; at a tie each side gets half (H(0) = 1/2).",
        "why.min": "The derivative follows the smaller argument; at a tie each side gets half (H(0) = 1/2).",
        "why.abs": "Valid for {var} ≠ 0; at 0 the absolute value has a kink and no derivative.",
        "why.heaviside": "The step is flat everywhere except at 0, where SymPy writes the Dirac delta.",
        "why.table": "symnn has no rule for this expression; the result is SymPy's. Check it by hand.",
        "so": "So",
        "rewrite.sigmoid": "rewrite with σ, using e^(−a) = (1 − σ(a))/σ(a)",
        "rewrite.combine fractions": "combine the fractions",
        "rewrite.expand numerator": "expand the numerator",
        "rewrite.common factor": "take out the common factor",
        "derivative": "Derivative",
        "partial": "Partial derivative with respect to {var}",
        "gradient": "Gradient",
        "gradient.of": "The gradient is the vector of partial derivatives",
        "gradient.at": "At the point {point}",
        "decimal": "In decimals",
        "answer": "Answer",
        "problem": "Problem",
        "published": "Published in the course",
        "note": "Note",
    },
    "ru": {
        "title.constant": "Производная константы",
        "title.variable": "Производная переменной",
        "title.constant multiple": "Вынесение постоянного множителя",
        "title.log base": "Логарифм по основанию a",
        "title.sum": "Производная суммы",
        "title.product": "Производная произведения",
        "title.quotient": "Производная частного",
        "title.chain": "Правило цепочки (производная сложной функции)",
        "title.power": "Производная степени",
        "title.exponential": "Производная показательной функции a^x",
        "title.log differentiation": "Логарифмическое дифференцирование",
        "title.relu": "ReLU",
        "title.max": "Максимум",
        "title.min": "Минимум",
        "title.function": "Производная {name}",
        "title.table": "Табличная производная (правило не найдено)",
        "title.higher order": "Производная порядка {order}",
        "title.level": "Производная номер {level}",
        "why.constant": "{expr} не зависит от {var}, поэтому производная равна 0.",
        "why.variable": "Производная переменной по ней самой равна 1.",
        "why.constant multiple": "Постоянный множитель выносится за знак производной.",
        "why.log base": "Переход к натуральному логарифму: log_a u = ln u / ln a.",
        "why.sum": "Производная суммы равна сумме производных.",
        "why.product": "Дифференцируем по одному множителю, остальные оставляем, и складываем.",
        "why.quotient": "И числитель, и знаменатель зависят от {var}.",
        "why.chain": "Обозначим {substitution}.",
        "why.power": "Здесь {n}.",
        "why.exponential": "Основание постоянно: {base}.",
        "why.log differentiation": "От {var} зависят и основание, и показатель: берём ln y = g·ln f и дифференцируем.",
        "why.relu": "В точке излома x = 0 производной нет; по соглашению берём там 0 (как в PyTorch).",
        "why.max": "Производная идёт по большему аргументу; при равенстве каждому достаётся половина (H(0) = 1/2).",
        "why.min": "Производная идёт по меньшему аргументу; при равенстве каждому достаётся половина (H(0) = 1/2).",
        "why.abs": "Верно при {var} ≠ 0; в нуле у модуля излом и производной нет.",
        "why.heaviside": "Ступенька постоянна всюду, кроме нуля, где SymPy пишет дельта-функцию Дирака.",
        "why.table": "В symnn нет правила для этого выражения; результат взят из SymPy. Проверьте его вручную.",
        "so": "Итак",
        "rewrite.sigmoid": "выражаем через σ: e^(−a) = (1 − σ(a))/σ(a)",
        "rewrite.combine fractions": "приводим дроби к общему знаменателю",
        "rewrite.expand numerator": "раскрываем скобки в числителе",
        "rewrite.common factor": "выносим общий множитель",
        "derivative": "Производная",
        "partial": "Частная производная по {var}",
        "gradient": "Градиент",
        "gradient.of": "Градиент — вектор частных производных",
        "gradient.at": "В точке {point}",
        "decimal": "В десятичных дробях",
        "answer": "Ответ",
        "problem": "Задача",
        "published": "Опубликовано в курсе",
        "note": "Примечание",
    },
}


def phrase(lang: str, key: str, **values) -> str:
    """The sentence ``key`` in ``lang``, with formulas filled in."""
    if lang not in PHRASES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return PHRASES[lang][key].format(**values)


def rule_title(lang: str, rule: str, **values) -> str:
    """The heading of a step: 'Product rule', 'Derivative of sine', ..."""
    if rule in FUNCTION_NAMES:
        english, russian = FUNCTION_NAMES[rule]
        return phrase(lang, "title.function", name=english if lang == "en" else russian)
    return phrase(lang, f"title.{rule}", **values)
