"""Optimizers at work: an optimizer's update equations (``symnn.nn.optimizers``)
compiled to NumPy and applied to every parameter array while training.

>>> updater = Updater("momentum", eta=0.5, alpha=0.5)     # h_t = αh_{t−1} + ηg_t, w_t = w_{t−1} − h_t
>>> updater.step({"w": 1.0}, {"w": 2.0}), updater.step({"w": 0.0}, {"w": 2.0})
({'w': 0.0}, {'w': -1.5})
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from ..nn.optimizers import g, hyperparameters, optimizer, t, w_new, w_old


class Updater:
    """Applies an optimizer's equations to a dict of parameter arrays, keeping its state."""

    def __init__(self, name: str, **settings):
        self.optimizer = opt = optimizer(name)
        self.hyper = hyperparameters(opt, settings)
        # each update is compiled once, a function of every value before it: w_{t-1}, g, t and the
        # state first, then each new value as it is computed
        known = [w_old, g, t, *(old for old, _ in opt.state)]
        self._steps = []
        for new, expr in opt.updates:
            self._steps.append(sp.lambdify(known, expr.subs(self.hyper), "numpy"))
            known.append(new)
        self._new_state = tuple(known.index(new) for _, new in opt.state)
        self._w_new = known.index(w_new)
        self._look = sp.lambdify([w_old, *(old for old, _ in opt.state)], opt.lookahead.subs(self.hyper)) \
            if opt.lookahead is not None else None
        self.state: dict = {}            # parameter -> its optimizer state (h, G, ...), in the order of opt.state
        self.packed: dict = {}           # the same for parameters that are numbers, kept as one vector each
        self.t = 0
        self._zero = (0.0,) * len(opt.state)

    def lookahead(self, params: dict) -> dict:
        """Where the gradient is taken: the parameters themselves, or Nesterov's w − αh."""
        if self._look is None:
            return params
        if _numbers(params):
            keys = tuple(params)
            w = self._look(np.array(list(params.values())), *self.packed.get(keys, self._zero))
            return dict(zip(keys, np.broadcast_to(w, len(keys)).tolist()))
        return {k: self._look(v, *self.state.get(k, self._zero)) for k, v in params.items()}

    def step(self, params: dict, grads: dict) -> dict:
        """New parameters from the gradient (taken at ``lookahead(params)``)."""
        self.t += 1
        if _numbers(params):             # every parameter a number: all of them at once, as one vector
            keys = tuple(params)
            values = [np.array(list(params.values())), np.array([grads[k] for k in keys]), self.t,
                      *self.packed.get(keys, self._zero)]
            for function in self._steps:
                values.append(function(*values))
            self.packed[keys] = tuple(values[i] for i in self._new_state)
            return dict(zip(keys, values[self._w_new].tolist()))
        updated, state, zero = {}, self.state, self._zero
        for key, value in params.items():
            values = [value, grads[key], self.t, *state.get(key, zero)]
            for function in self._steps:
                values.append(function(*values))
            state[key] = tuple(values[i] for i in self._new_state)
            updated[key] = values[self._w_new]
        return updated


def _numbers(params: dict) -> bool:
    return all(isinstance(v, float) for v in params.values())
