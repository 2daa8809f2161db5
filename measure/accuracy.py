"""Measure the worst error in ULP of every activation, and of mlx.nn's, per dtype.

Each activation is compared with its spec's mpmath reference (the one its generated tests use)
on a grid denser than the tests': [-100, 100] with 20k points, magnitudes from 1e-37 to 3e38, and
the test grid; the softmax family and glu on the test grid laid out in rows (or halves). Errors count where the true value is a normal number of the dtype; other wrong
results (NaN, inf, a flushed or wrong-signed value) are counted separately. An activation with
a CPU formula or a half formula (the spec's `cpu` and `half` keys) is measured twice: as the CPU
computes it, and with the formulas a GPU computes (run here on the CPU). Writes measure/results/accuracy.json
and .md.
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

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT / "generated" / "tests"))
import support  # noqa: E402  (the generated tests' harness: grids, ULP, references)

from .kernels import as_on  # noqa: E402  (the formula a device computes)


def dense_values(points: int) -> list[float]:
    rng = random.Random(support.SEED + 1)
    values = [rng.uniform(-100, 100) for _ in range(points)]
    values += [
        math.copysign(10 ** rng.uniform(-37, 38.5), rng.choice((-1, 1))) for _ in range(points // 4)
    ]
    return values


def measure(function, test, dtype: str, params: dict, values: list[float] | None = None):
    """(worst ULP, input where it occurs, number of other wrong values) for one configuration:
    on the given values for element-wise activations, else on the tests' rows (or halves)."""
    x = None
    if values is not None:
        in_dtype = mx.array(values).astype(support.DTYPES[dtype]).astype(mx.float32).tolist()
        finite = [v for v in in_dtype if math.isfinite(v)]  # limits at +-inf have their own tests
        x = mx.array(finite).astype(support.DTYPES[dtype])
    worst, worst_at, failures = support.reference_errors(
        function,
        test.reference,
        test.AXIS_RULE,
        dtype,
        params,
        test.DEFAULTS,
        test.ARRAY_PARAMS,
        math.inf,
        x,
    )
    return worst, (float(worst_at) if worst_at is not None else None), len(failures)


def activation_tests():
    """The generated test module of every activation, in name order: its FUNCTION, reference,
    PARAM_SETS, DEFAULTS, TOLERANCE and call_args."""
    for path in sorted((ROOT / "generated" / "tests").glob("test_*.py")):
        test = importlib.import_module(path.stem)
        if hasattr(test, "FUNCTION"):
            yield test


def run_portable(test, run):
    """The measurement with the portable formula: the one a GPU computes, run on the CPU."""
    with as_on("gpu"):
        return run(test.FUNCTION)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=20000)
    parser.add_argument(
        "--only",
        nargs="*",
        help="activation names: measure and print these, and leave the committed table alone"
        " (on a GPU, where compiling each kernel makes a full run long)",
    )
    args = parser.parse_args(argv)
    values = dense_values(args.points)
    rows = []
    for test in activation_tests():
        name = test.FUNCTION.__name__
        if args.only and name not in args.only:
            continue
        for params in test.PARAM_SETS:
            for dtype in support.DTYPES:
                grid = values + support.grid(dtype) if test.AXIS_RULE == "none" else None
                run = lambda f: measure(f, test, dtype, params, grid)
                ours = run(test.FUNCTION)
                portable = run_portable(test, run) if hasattr(test, "formula") else None
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
                    "portable_ulp": portable[0] if portable else None,
                    "portable_wrong": portable[2] if portable else None,
                    "mlx_nn_ulp": theirs[0] if theirs else None,
                    "mlx_nn_wrong": theirs[2] if theirs else None,
                }
                rows.append(row)
                print(
                    f"{name:18s} {str(params):28s} {dtype:8s} {row['ulp']:8.2f} ULP (at {row['at']})"
                    f" wrong {row['wrong']}"
                    + (
                        f" | portable {portable[0]:.2f} ULP, wrong {portable[2]}"
                        if portable
                        else ""
                    )
                    + (
                        f" | mlx.nn {row['mlx_nn_ulp']:.3g} ULP, wrong {row['mlx_nn_wrong']}"
                        if theirs
                        else ""
                    ),
                    flush=True,
                )
    if args.only:
        return 0
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
        "or a wrong value below the normal range. 'portable' is what a GPU computes (its float32"
        " formula, and for float16 and bfloat16 a half formula where there is one), for the"
        " activations whose CPU computes another ('-': the same formula).",
        "",
        "| activation | parameters | dtype | max ULP | at x | wrong | portable max ULP | portable wrong | mlx.nn max ULP | mlx.nn wrong |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        params = ", ".join(f"{k}={v}" for k, v in r["params"].items()) or "defaults"
        nn_ulp = "-" if r["mlx_nn_ulp"] is None else f"{r['mlx_nn_ulp']:.3g}"
        nn_wrong = "-" if r["mlx_nn_wrong"] is None else str(r["mlx_nn_wrong"])
        gpu_ulp = "-" if r.get("portable_ulp") is None else f"{r['portable_ulp']:.2f}"
        gpu_wrong = "-" if r.get("portable_wrong") is None else str(r["portable_wrong"])
        lines.append(
            f"| {r['name']} | {params} | {r['dtype']} | {r['ulp']:.2f} | {r['at']} | {r['wrong']}"
            f" | {gpu_ulp} | {gpu_wrong} | {nn_ulp} | {nn_wrong} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
