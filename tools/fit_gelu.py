"""Fit the approximations in gelu's float32 GPU formula and in its cpu and cpu half formulas,
and print them as spec expressions.

gelu(x) = max(x, 0) - T(|x|) with T(m) = m Phi(-m), the Gaussian tail. The formula computes

    T(m) = m / (m + h(m)) * e^{-(k^2 + 7528) / 8192} * e^{-d},   k = round(64 m),

where (k^2 + 7528) / 8192 is exact in float32 (k <= 896), d = (m^2 - (k / 64)^2) / 2 is small,
and 7528 / 8192 stands for ln sqrt(2 pi) (it is off by DELTA = 6.8e-6, which h absorbs). So

    h(m) = e^{-DELTA} / R(m) - m,   R(m) = Phi(-m) / phi(m) (the Mills ratio).

h is smooth and positive: near its own central part on [0, 1.5] a polynomial in m (Horner), on
[1.5, 14] a (4, 4) rational in m written as products of linear and quadratic factors (all its
roots lie off [0, 14], so every factor keeps its sign). An error of h moves T by its share
h / (m + h) of it, at most 1 near m = 0 and 0.005 at m = 14, so both are fitted in that weighted
sense: linearised least squares on Chebyshev nodes with Lawson's reweighting, against mpmath.

The GPU half formula's tail takes g(s) = sqrt(s) R(sqrt s) on s = x^2 in [9, 400] as a (1, 1)
rational in partial fractions. The cpu half formula (float16 and bfloat16 inputs on the CPU)
needs about 12 correct bits:
T(m) = m phi(m) R(m) with the Mills ratio R fitted by a (2, 3) rational in m on [0, 14], in
relative error. The float64 cpu formula takes a (5, 6) one on [0, 15] (2.3e-10).

Run: .venv/bin/python -m tools.fit_gelu
"""

from __future__ import annotations

import mpmath as mp
import numpy as np
from numpy.polynomial import chebyshev, polynomial

mp.mp.dps = 40
GRID = 64  # m is split at multiples of 1/64
SCALE = 2 * GRID * GRID  # (k^2 + OFFSET) / SCALE = (k / 64)^2 / 2 + ln sqrt(2 pi) - DELTA
OFFSET = int(mp.nint(mp.log(mp.sqrt(2 * mp.pi)) * SCALE))  # 7528
DELTA = mp.mpf(OFFSET) / SCALE - mp.log(mp.sqrt(2 * mp.pi))
SPLIT, TOP = 1.5, 14.0


def _mills(m) -> mp.mpf:
    """The Mills ratio R(m) = Phi(-m) / phi(m), at mpmath's precision."""
    m = mp.mpf(m)
    return mp.erfc(m / mp.sqrt(2)) / 2 * mp.sqrt(2 * mp.pi) * mp.exp(m * m / 2)


def h(m: float) -> float:
    return float(mp.exp(-DELTA) / _mills(m) - mp.mpf(m))


def mills(m: float) -> float:
    return float(_mills(m))


def nodes(low: float, high: float, count: int) -> np.ndarray:
    k = np.arange(count)
    return (low + high) / 2 + (high - low) / 2 * np.cos(np.pi * (k + 0.5) / count)


def fit_polynomial(ms, values, weights, degree, rounds=60):
    """Coefficients (lowest first) minimising max |weight (p(m) - value)|."""
    basis = np.vander(ms, degree + 1, increasing=True)
    lawson = np.ones(len(ms))
    for _ in range(rounds):
        scale = np.sqrt(lawson) * weights
        coefficients = np.linalg.lstsq(basis * scale[:, None], values * scale, rcond=None)[0]
        error = weights * (basis @ coefficients - values)
        lawson *= np.abs(error) + 1e-300
        lawson /= lawson.sum()
    return coefficients, np.max(np.abs(error))


def fit_rational(ms, values, weights, p, q, rounds=150):
    """P / Q (Q(0) = 1, monomials in m, lowest first) minimising max |weight (P/Q - value)|,
    fitted in Chebyshev polynomials of m mapped onto [-1, 1] (well conditioned)."""
    low, high = ms.min(), ms.max()
    u = (2 * ms - (low + high)) / (high - low)
    vp, vq = chebyshev.chebvander(u, p), chebyshev.chebvander(u, q)
    previous_q, lawson = np.ones(len(ms)), np.ones(len(ms)) / len(ms)
    best = (np.inf, None)
    for _ in range(rounds):
        system = np.hstack([vp, -values[:, None] * vq[:, 1:]])
        scale = weights / previous_q * np.sqrt(lawson)
        c = np.linalg.lstsq(system * scale[:, None], values * scale, rcond=None)[0]
        num, den = vp @ c[: p + 1], vq @ np.r_[1, c[p + 1 :]]
        error = weights * (num / den - values)
        if np.max(np.abs(error)) < best[0] and np.all(den > 0):
            best = (np.max(np.abs(error)), (c[: p + 1], np.r_[1, c[p + 1 :]]))
        previous_q = den
        lawson *= np.abs(error) + 1e-300
        lawson /= lawson.sum()

    def in_m(cheb):  # Chebyshev in u -> monomials in m
        out = np.zeros(1)
        for i, a in enumerate(chebyshev.cheb2poly(cheb)):
            step = [-(low + high) / (high - low), 2 / (high - low)]
            out = polynomial.polyadd(out, a * polynomial.polypow(step, i))
        return out

    num, den = (in_m(c) for c in best[1])
    return num / den[-1], den / den[-1], best[0]


def factors(coefficients) -> tuple[float, list[float], list[tuple[float, float]]]:
    """Leading coefficient, shifts a of the factors (m + a), and (a, b) of (m + a)^2 + b."""
    roots = np.roots(coefficients[::-1])
    reals = sorted(-r.real for r in roots if abs(r.imag) < 1e-12)
    pairs = sorted((-r.real, r.imag**2) for r in roots if r.imag > 1e-12)
    return (
        float(coefficients[-1]),
        [float(a) for a in reals],
        [(float(a), float(b)) for a, b in pairs],
    )


def product(variable: str, lead: float, reals, pairs) -> str:
    terms = [f"({variable} + {a!r})" for a in reals]
    terms += [f"(mx.square({variable} + {a!r}) + {b!r})" for a, b in pairs]
    if lead != 1:  # folded into the first linear factor: no extra level for MLX's fuser
        a = reals[0]
        terms[0] = f"({lead!r} * {variable} + {lead * a!r})"
    return " * ".join(terms)


def main() -> None:
    print(f"offset {OFFSET} / {SCALE}, delta {float(DELTA):.3e}")
    ms = nodes(0, SPLIT, 2000)
    values = np.array([h(m) for m in ms])
    near, error = fit_polynomial(ms, values, 1 / (ms + values), 8)
    near = [float(a) for a in near]
    print(f"near, degree 8 on [0, {SPLIT}]: weighted error {error:.1e}")
    horner = f"{near[-1]!r}"
    for a in near[-2::-1]:
        horner = f"({horner}) * magnitude + {a!r}"
    print(f'near: "{horner}"')
    ms = nodes(SPLIT, TOP, 4000)
    values = np.array([h(m) for m in ms])
    num, den, error = fit_rational(ms, values, 1 / (ms + values), 4, 4)
    print(f"far, (4, 4) on [{SPLIT}, {TOP}]: weighted error {error:.1e}")
    lead, reals, pairs = factors(num)
    top = product("magnitude", lead, reals, pairs)
    _, reals, pairs = factors(den)
    bottom = product("magnitude", 1, reals, pairs)
    print(f'far: "{top} / ({bottom})"')
    # The cpu half formula's Mills ratio R(m) = Phi(-m) / phi(m): a (2, 3) rational in m on
    # [0, 14], in relative error (about 12 correct bits are needed).
    ms = nodes(0, TOP, 3000)
    values = np.array([mills(m) for m in ms])
    num, den, error = fit_rational(ms, values, 1 / values, 2, 3)
    print(f"cpu half, R as (2, 3) on [0, {TOP}]: relative error {error:.1e}")
    lead, reals, pairs = factors(num)
    top = product("magnitude", 1, reals, pairs)
    _, reals, pairs = factors(den)
    bottom = product("magnitude", 1, reals, pairs)
    print(f'ratio: "({lead!r} * magnitude) * {top} / ({bottom})"')
    # The GPU half formula's tail below x = -3: x Phi(x) = -phi(x) g(x^2), g(s) = sqrt(s) R(sqrt s),
    # a (1, 1) rational in s on [9, 400] in relative error (the 12 bits a half result needs),
    # written c0 + c1 / (s + p1) with -1 / sqrt(2 pi) folded in: finite at s = inf, and shallow
    # enough, with x^2 formed once for both of the tail's factors, for the formula to be one kernel.
    ss = nodes(9.0, 400.0, 3000)
    values = np.array([np.sqrt(s) * mills(np.sqrt(s)) for s in ss])
    num, den, error = fit_rational(ss, values, 1 / values, 1, 1, rounds=300)
    print(f"half, g as (1, 1) in s on [9, 400]: relative error {error:.1e}")
    scale = -float(1 / mp.sqrt(2 * mp.pi))
    c0, c1, p1 = scale * num[1], scale * (num[0] - num[1] * den[0]), den[0]
    print(f'tail ratio: "{float(c0)!r} + {float(c1)!r} / (square + {float(p1)!r})"')
    # The float64 cpu formula's: a (5, 6) rational on [0, 15], with 1 / sqrt(2 pi) in its lead.
    ms = nodes(0, 15.0, 4000)
    values = np.array([mills(m) for m in ms])
    num, den, error = fit_rational(ms, values, 1 / values, 5, 6, rounds=200)
    print(f"cpu, R as (5, 6) on [0, 15]: relative error {error:.1e}")
    lead, reals, pairs = factors(num)
    top = product("magnitude", 1, reals, pairs)
    _, reals, pairs = factors(den)
    bottom = product("magnitude", 1, reals, pairs)
    inverse_root = float(1 / mp.sqrt(2 * mp.pi))
    print(f'ratio: "({lead * inverse_root!r} * magnitude) * {top} / ({bottom})"')


if __name__ == "__main__":
    main()
