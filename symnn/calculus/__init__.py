"""The calculus engine: expressions, safe parsing, Step records, differentiation
rules, tidying, equality and gradients.

The bottom of the engine. It knows nothing of neural networks and may use only
SymPy, mpmath and ``symnn.lang``. Every derivative it writes is a tree of Steps,
each of which checks itself against ``sympy.diff``.
"""
