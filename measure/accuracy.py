"""Measure the worst error in ULP of every activation, and of mlx.nn's, per dtype.

Each activation is compared with its spec's mpmath reference (the one its generated tests use)
on a grid denser than the tests': [-100, 100] with 20k points, magnitudes from 1e-37 to 3e38, and
the test grid; the softmax family and glu on the test grid laid out in rows (or halves). Errors count where the true value is a normal number of the dtype; other wrong
results (NaN, inf, a flushed or wrong-signed value) are counted separately. Writes
measure/results/accuracy.json and .md.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import random
import sys
from datetime import date
from pathlib import Path

import mlx.core as mx
import mlx.nn as nn
from mpmath import mp

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT / "generated" / "tests"))
import support  # noqa: E402  (the generated tests' harness: grids, ULP, references)


def dense_values(points: int) -> list[float]:
    rng = random.Random(support.SEED + 1)
    values = [rng.uniform(-100, 100) for _ in range(points)]
    values += [
        math.copysign(10 ** rng.uniform(-37, 38.5), rng.choice((-1, 1))) for _ in range(points // 4)
    ]
    return values


def measure(function, test, dtype: str, params: dict, values: list[float]):
    """(worst ULP, input where it occurs, number of other wrong values) for one configuration."""
    in_dtype = (
        mx.array(values, dtype=mx.float32).astype(support.DTYPES[dtype]).astype(mx.float32).tolist()
    )
    exact_inputs = [v for v in in_dtype if math.isfinite(v)]  # limits at +-inf have their own tests
    x = mx.array(exact_inputs, dtype=mx.float32).astype(support.DTYPES[dtype])
    call = {k: (mx.array(v) if k in test.ARRAY_PARAMS else v) for k, v in params.items()}
    got = function(x, **call).astype(mx.float32).tolist()
    extra = {k: support._as_mp(v) for k, v in (test.DEFAULTS | params).items() if k != "axis"}
    want = [float(test.reference(mp.mpf(v), **extra)) for v in exact_inputs]
    worst, worst_at, failures = support.errors_in_ulp(exact_inputs, got, want, dtype, math.inf)
    return worst, (float(worst_at) if worst_at is not None else None), len(failures)


def measure_rows(function, test, dtype: str, params: dict):
    """Like measure(), for softmax-like (rows) and glu-like (halves) activations."""
    merged = test.DEFAULTS | params
    axis = merged.get("axis", -1)
    x, arguments = support.cases(test.AXIS_RULE, dtype, axis)
    y = function(x, **params)
    if axis in (0, -2):
        y = y.T
    got = y.astype(mx.float32).reshape(-1).tolist()
    extra = {k: support._as_mp(v) for k, v in merged.items() if k != "axis"}
    want = [float(test.reference(**args, **extra)) for args in arguments]
    inputs = [args.get("x", args.get("a")) for args in arguments]
    worst, worst_at, failures = support.errors_in_ulp(inputs, got, want, dtype, math.inf)
    return worst, (float(worst_at) if worst_at is not None else None), len(failures)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=20000)
    args = parser.parse_args(argv)
    values = dense_values(args.points)
    rows = []
    for path in sorted((ROOT / "generated" / "tests").glob("test_*.py")):
        test = importlib.import_module(path.stem)
        if not hasattr(test, "FUNCTION"):
            continue
        name = test.FUNCTION.__name__
        for params in test.PARAM_SETS:
            for dtype in support.DTYPES:
                if test.AXIS_RULE == "none":
                    grid = values + support.grid(dtype)
                    run = lambda f: measure(f, test, dtype, params, grid)
                else:  # rows (or gate pairs) of the tests' grid, as the generated tests lay them out
                    run = lambda f: measure_rows(f, test, dtype, params)
                ours = run(test.FUNCTION)
                theirs = None
                if hasattr(nn, name):
                    try:
                        theirs = run(getattr(nn, name))
                    except (TypeError, ValueError):
                        theirs = None
                row = {
                    "name": name,
                    "params": params,
                    "dtype": dtype,
                    "tolerance": test.TOLERANCE[dtype],
                    "ulp": ours[0],
                    "at": ours[1],
                    "wrong": ours[2],
                    "mlx_nn_ulp": theirs[0] if theirs else None,
                    "mlx_nn_wrong": theirs[2] if theirs else None,
                }
                rows.append(row)
                print(
                    f"{name:18s} {str(params):28s} {dtype:8s} {row['ulp']:8.2f} ULP (at {row['at']})"
                    f" wrong {row['wrong']}"
                    + (
                        f" | mlx.nn {row['mlx_nn_ulp']:.3g} ULP, wrong {row['mlx_nn_wrong']}"
                        if theirs
                        else ""
                    ),
                    flush=True,
                )
    RESULTS.mkdir(exist_ok=True)
    meta = {"mlx": mx.__version__, "date": date.today().isoformat(), "points": len(values)}
    (RESULTS / "accuracy.json").write_text(
        json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n"
    )
    (RESULTS / "accuracy.md").write_text(markdown(meta, rows))
    return 0


def markdown(meta, rows) -> str:
    lines = [
        f"Max error in ULP against an mpmath reference (MLX {meta['mlx']} CPU, {meta['date']}, "
        f"{meta['points']} dense points plus the test grid), where the true value is a normal number "
        "of the dtype. 'wrong' counts other bad results: NaN, inf or 0 where the true value is normal, "
        "or a wrong value below the normal range.",
        "",
        "| activation | parameters | dtype | max ULP | at x | wrong | mlx.nn max ULP | mlx.nn wrong |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        params = ", ".join(f"{k}={v}" for k, v in r["params"].items()) or "defaults"
        nn_ulp = "-" if r["mlx_nn_ulp"] is None else f"{r['mlx_nn_ulp']:.3g}"
        nn_wrong = "-" if r["mlx_nn_wrong"] is None else str(r["mlx_nn_wrong"])
        lines.append(
            f"| {r['name']} | {params} | {r['dtype']} | {r['ulp']:.2f} | {r['at']} | {r['wrong']} | {nn_ulp} | {nn_wrong} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
