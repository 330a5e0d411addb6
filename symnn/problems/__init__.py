"""The problem bank (``problems/*.toml``, data only) and the solvers that derive
each problem's answer with the engine below.

It may use ``symnn.numerics``, ``symnn.nn`` and ``symnn.calculus``; answers are
never typed in, the published values are only cross-checks in the tests.
"""
