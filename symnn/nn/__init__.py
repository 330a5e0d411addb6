"""The vocabulary of neural networks, written in SymPy: activations, losses,
softmax, networks, backpropagation, computational graphs, reverse mode, the
matrix form, the delta rule and the optimizers' update equations.

Everything here is exact. It may use ``symnn.calculus`` (and ``symnn.lang``),
never the numerics, the bank or the printers above it.
"""
