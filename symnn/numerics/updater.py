"""Optimizers at work: an optimizer's update equations (``symnn.nn.optimizers``)
compiled to NumPy and applied to every parameter array while training.

>>> updater = Updater("momentum", eta=0.5, alpha=0.5)     # h_t = αh_{t−1} + ηg_t, w_t = w_{t−1} − h_t
>>> updater.step({"w": 1.0}, {"w": 2.0}), updater.step({"w": 0.0}, {"w": 2.0})
({'w': 0.0}, {'w': -1.5})
"""

from __future__ import annotations

import sympy as sp

from ..nn.optimizers import g, hyperparameters, optimizer, t, w_new, w_old


class Updater:
    """Applies an optimizer's equations to a dict of parameter arrays, keeping its state."""

    def __init__(self, name: str, **settings):
        self.optimizer = opt = optimizer(name)
        self.hyper = hyperparameters(opt, settings)
        self._steps = []
        known = [w_old, g, t, *(old for old, _ in opt.state)]
        for new, expr in opt.updates:
            expr = expr.subs(self.hyper)
            self._steps.append((new, sp.lambdify(known, expr, "numpy"), list(known)))
            known.append(new)
        self._look = sp.lambdify([w_old, *(old for old, _ in opt.state)], opt.lookahead.subs(self.hyper)) \
            if opt.lookahead is not None else None
        self.state: dict = {}
        self.t = 0

    def lookahead(self, params: dict) -> dict:
        """Where the gradient is taken: the parameters themselves, or Nesterov's w − αh."""
        if self._look is None:
            return params
        return {k: self._look(v, *(self.state.get((k, old), 0.0) for old, _ in self.optimizer.state))
                for k, v in params.items()}

    def step(self, params: dict, grads: dict) -> dict:
        """New parameters from the gradient (taken at ``lookahead(params)``)."""
        self.t += 1
        updated = {}
        for key, value in params.items():
            env = {w_old: value, g: grads[key], t: self.t}
            env.update({old: self.state.get((key, old), 0.0) for old, _ in self.optimizer.state})
            for new, function, arguments in self._steps:
                env[new] = function(*(env[a] for a in arguments))
            for old, new in self.optimizer.state:
                self.state[(key, old)] = env[new]
            updated[key] = env[w_new]
        return updated
