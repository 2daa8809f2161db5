"""A dense sweep for narrow error spikes that the test grid steps over.

gelu's GPU formula was once 4.10 ULP off at x = -1.3228517 and mish 4.56 at x = -2.0292730,
both between grid points, both found only by millions of points. For every element-wise
activation and parameter set of its tests, float32, as the CPU computes it and as a GPU does
(run here on the CPU): its spec reference evaluated in float64 (the test module's `mp` swapped
for Python's math) over a million points ranks the candidates, and the worst few in each stretch
of the input range are measured again against mpmath, whose error is the one reported (float64
references lose accuracy where a function cancels, so their ranking alone would overstate).
Writes measure/results/audit.md and prints it. A few minutes; not a test. It is a net with holes:
run on the code before those fixes it finds mish over 4 ULP, but gelu's spike took 11 million
points around x = -1.3 to find, more than this spreads over the whole range.
"""

from __future__ import annotations

import argparse
import math
import sys
from datetime import date

import mlx.core as mx
import numpy as np
from mpmath import mp

from .accuracy import RESULTS, activation_tests, support
from .kernels import as_on

STRETCHES = 256  # the input range is cut into this many runs of points
PER_STRETCH = 2  # candidates re-measured with mpmath in each


class _Float64:
    """What a spec reference calls on `mp.`, in float64: overflow gives inf, a domain error NaN."""

    pi, e, inf, nan, ln2 = math.pi, math.e, math.inf, math.nan, math.log(2)
    mpf = float
    fsum = staticmethod(math.fsum)
    sign = staticmethod(lambda v: math.copysign(1.0, v) if v else 0.0)

    def __getattr__(self, name):
        function = getattr(math, name)

        def safe(*args):
            try:
                return function(*args)
            except OverflowError:
                return math.inf
            except ValueError:
                return math.nan

        return safe


def points(count: int) -> np.ndarray:
    rng = np.random.default_rng(support.SEED + 3)
    magnitudes = np.exp(rng.uniform(math.log(1e-6), math.log(1e4), count // 8))
    wide, near = np.linspace(-100, 100, count // 4), np.linspace(-20, 20, count // 2)
    values = np.r_[near, wide, magnitudes, -magnitudes]
    return np.unique(values.astype(np.float32))


def ulps(got: np.ndarray, want: np.ndarray) -> np.ndarray:
    """Error in float32 ULP where the true value is a normal float32 number, else 0."""
    normal = np.isfinite(want) & (np.abs(want) >= support.MIN_NORMAL["float32"])
    normal &= np.abs(want) < 3.4e38
    scale = np.where(normal, np.abs(want), 1.0)
    error = np.abs(got - want) / np.exp2(np.floor(np.log2(scale)) - 23)
    return np.where(normal & np.isfinite(got), error, np.where(normal, np.inf, 0.0))


def audit(test, params: dict, xs: np.ndarray) -> list[tuple[str, float, float]]:
    """(formula, worst ULP against mpmath, where) for each formula the activation has."""
    extra = support.reference_params(test.DEFAULTS | params)
    call = test.call_args(params)
    names = test.reference.__globals__
    saved, names["mp"] = names.get("mp"), _Float64()
    try:
        fast_extra = {k: float(v) if isinstance(v, mp.mpf) else v for k, v in extra.items()}
        want = np.array([test.reference(x=float(v), **fast_extra) for v in xs])
    finally:
        names["mp"] = saved
    results = []
    for formula in ("cpu", "gpu") if hasattr(test, "formula") else ("cpu",):
        with as_on(formula):
            got = np.array(test.FUNCTION(mx.array(xs), **call)).astype(np.float64)
        rough = ulps(got, want)
        picks = set()
        for stretch in np.array_split(np.arange(len(xs)), STRETCHES):
            picks.update(stretch[np.argsort(-rough[stretch])[:PER_STRETCH]].tolist())
        picks = sorted(picks)
        exact = np.array([float(test.reference(x=mp.mpf(float(xs[i])), **extra)) for i in picks])
        errors = ulps(got[picks], exact)
        worst = int(np.argmax(errors))
        results.append((formula, float(errors[worst]), float(xs[picks[worst]])))
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=4_000_000)
    parser.add_argument("--only", nargs="*", help="activation names (default: all element-wise)")
    args = parser.parse_args(argv)
    xs = points(args.points)
    lines = [
        f"Dense sweep (MLX {mx.__version__} CPU, {date.today().isoformat()}, {len(xs)} float32 "
        "points, half of them over [-20, 20], a quarter over [-100, 100], the rest magnitudes 1e-6 "
        "to 1e4): worst error in ULP against mpmath, "
        f"re-measured at the {PER_STRETCH} worst float64-ranked points of each of {STRETCHES} "
        "stretches. 'gpu' is the formula a GPU computes, run on the CPU.",
        "",
        "| activation | params | formula | worst ULP | at x | tolerance |",
        "|---|---|---|---|---|---|",
    ]
    over = 0
    for test in activation_tests():
        if test.AXIS_RULE != "none":
            continue
        name = test.FUNCTION.__name__
        if args.only and name not in args.only:
            continue
        for params in test.PARAM_SETS:
            tolerance = test.TOLERANCE["float32"]
            for formula, worst, at in audit(test, params, xs):
                over += worst > tolerance
                flag = " **over**" if worst > tolerance else ""
                lines.append(
                    f"| {name} | {params or '-'} | {formula} | {worst:.2f}{flag} | {at!r} | {tolerance} |"
                )
                print(lines[-1], flush=True)
    lines += ["", f"{over} over tolerance."]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "audit.md").write_text("\n".join(lines) + "\n")
    print(f"{over} over tolerance; written to {RESULTS / 'audit.md'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
