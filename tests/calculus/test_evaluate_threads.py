"""Values at a point stay exact to their digits while other threads of the web service set mpmath's
global precision (``mp.dps``, as ``workdps`` and SymPy's evalf do): each thread evaluates in a context
of its own."""

from __future__ import annotations

import sys
import threading

import mpmath
import sympy as sp

from symnn.calculus.evaluate import value

x = sp.Symbol("x", real=True)


def test_another_threads_precision_does_not_reach_an_evaluation():
    expr = sp.exp(x) * sp.sin(x) + sp.log(1 + x ** 2)
    with mpmath.workdps(50):            # the oracle: mpmath itself, at more digits than asked for
        third = mpmath.mpf(1) / 3
        reference = mpmath.nstr(mpmath.exp(third) * mpmath.sin(third) + mpmath.log(1 + third ** 2), 30)
    point = {x: third}
    assert mpmath.nstr(value(expr, point, 40), 30) == reference
    interval, stop, wrong = sys.getswitchinterval(), threading.Event(), []

    def meddle():                       # another request setting the global precision, low and high
        saved = mpmath.mp.dps
        while not stop.is_set():
            for dps in (5, 60):
                mpmath.mp.dps = dps
        mpmath.mp.dps = saved

    def evaluate():
        for _ in range(2000):
            try:
                got = mpmath.nstr(value(expr, point, 40), 30)
            except ArithmeticError as error:       # "too large for this precision" at 5 digits
                got = repr(error)
            if got != reference:
                wrong.append(got)

    sys.setswitchinterval(1e-6)          # threads take turns often, as under load
    meddler, workers = threading.Thread(target=meddle), [threading.Thread(target=evaluate) for _ in range(2)]
    try:
        meddler.start()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        stop.set()
        meddler.join()
        sys.setswitchinterval(interval)
    assert wrong == []
