"""Fit tanhshrink's float32 series, x - tanh(x) = x^3 R(x^2) for |x| below the cut, and print it
as a spec expression.

R comes from tanh's [7/6] Padé approximant, tanh(x) ~ x (135135 + 17325 t + 378 t^2 + t^3) /
(135135 + 62370 t + 3150 t^2 + 28 t^3) with t = x^2, so that x - tanh(x) ~ x^3 N(t) / D(t) with
N(t) = 45045 + 2772 t + 27 t^2 and D as above. D's three roots are real and negative, so R is a
sum of three partial fractions A_i / (t + d_i), every A_i and d_i positive: no cancellation, and
two levels of sums where a Horner polynomial's depth cut the formula into kernels of their own on
a GPU. The poles d_i are rounded to float32, and the residues refitted to them (least squares in
relative error on Chebyshev nodes), each rounded to float32 in turn before the next is fitted:
the float32 constants then hold R to 0.02 of float32's unit roundoff, where the rounded Padé
residues were off by up to half of it.

Run: .venv/bin/python -m tools.fit_tanhshrink
"""

from __future__ import annotations

import mpmath as mp
import numpy as np

mp.mp.dps = 40
CUT = 1.5  # above it the formula takes x - tanh(x), whose ULP is at least tanh(x)'s there
NUMERATOR = [45045, 2772, 27]  # in increasing powers of t
DENOMINATOR = [135135, 62370, 3150, 28]
NODES = 400


def as_float32(value) -> mp.mpf:
    return mp.mpf(float(np.float32(float(value))))


def poles() -> list[mp.mpf]:
    """The d_i, -D's roots rounded to float32, smallest first."""
    roots = mp.polyroots(DENOMINATOR[::-1], maxsteps=200, extraprec=80)
    return sorted(as_float32(-mp.re(r)) for r in roots)


def target(t: mp.mpf) -> mp.mpf:
    """(x - tanh x) / x^3 at x = sqrt(t), by its series where the difference cancels."""
    if t < mp.mpf("1e-12"):
        return mp.mpf(1) / 3 - 2 * t / 15
    x = mp.sqrt(t)
    return (x - mp.tanh(x)) / x**3


def fit_residues(d: list[mp.mpf], nodes: list[mp.mpf]) -> list[mp.mpf]:
    """The A_i, fitted and rounded to float32 one at a time, largest first."""
    values = [target(t) for t in nodes]
    fixed: list[mp.mpf] = []
    while len(fixed) < len(d):
        free = range(len(fixed), len(d))
        rows = mp.matrix(len(nodes), len(free))
        rhs = mp.matrix(len(nodes), 1)
        for k, (t, value) in enumerate(zip(nodes, values)):
            known = sum(a / (t + d[i]) for i, a in enumerate(fixed))
            for j, i in enumerate(free):
                rows[k, j] = 1 / ((t + d[i]) * value)
            rhs[k] = (value - known) / value
        solution = mp.lu_solve(rows.T * rows, rows.T * rhs)
        fixed.append(as_float32(solution[0]))
    return fixed


def main() -> None:
    top = mp.mpf(CUT) ** 2
    nodes = [top * (1 - mp.cos(mp.pi * (k + mp.mpf(1) / 2) / NODES)) / 2 for k in range(NODES)]
    d = poles()
    a = fit_residues(d, nodes)
    fraction = lambda i: f"{float(a[i])!r} / (t + {float(d[i])!r})"
    print(f"{fraction(0)} + ({fraction(1)} + {fraction(2)})")
    worst = max(abs(sum(ai / (t + di) for ai, di in zip(a, d)) / target(t) - 1) for t in nodes)
    print(
        f"relative error on t in [0, {CUT}^2]: {mp.nstr(worst, 3)} ({mp.nstr(worst / 2**-24, 2)} u)"
    )


if __name__ == "__main__":
    main()
