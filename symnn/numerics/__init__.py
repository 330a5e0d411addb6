"""The same expressions as fast NumPy: compiling with common-subexpression
elimination and stable forms, models in scalar and matrix form, gradient
checks by central differences, optimizers applied to arrays, training, and the
feature-scaling demo.

It may use ``symnn.nn`` and ``symnn.calculus``; NumPy is its only numeric
dependency (scikit-learn only for the digits task, imported where used).
"""
