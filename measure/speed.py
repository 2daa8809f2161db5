"""Time every activation against mlx.nn (and torch.nn.functional where torch is installed).

Same inputs for every library, in one process: 2^22 elements (rows of 4096 for the softmax
family and glu), float32 and bfloat16; warm-up, then the median of repeated runs with mx.eval.
Writes measure/results/speed-<device>.json and .md and prints the table as it goes.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import mlx.core as mx
import mlx.nn as nn

import mlx_activations as act

RESULTS = Path(__file__).resolve().parent / "results"
ROW = 4096
ROWWISE = {"softmax", "log_softmax", "softmin", "glu"}
TORCH_NAMES = {  # torch.nn.functional spellings, where torch has the function
    "relu": "relu",
    "relu6": "relu6",
    "leaky_relu": "leaky_relu",
    "elu": "elu",
    "celu": "celu",
    "selu": "selu",
    "sigmoid": "sigmoid",
    "tanh": "tanh",
    "softsign": "softsign",
    "softplus": "softplus",
    "log_sigmoid": "logsigmoid",
    "silu": "silu",
    "mish": "mish",
    "gelu": "gelu",
    "hardswish": "hardswish",
    "hard_tanh": "hardtanh",
    "hard_shrink": "hardshrink",
    "softshrink": "softshrink",
    "softmax": "softmax",
    "log_softmax": "log_softmax",
    "softmin": "softmin",
    "glu": "glu",
}


def median_seconds(run, repeats: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def inputs(name: str, dtype, size: int) -> mx.array:
    shape = (size // ROW, ROW) if name in ROWWISE else (size,)
    x = (mx.random.normal(shape, key=mx.random.key(0)) * 4).astype(dtype)
    mx.eval(x)
    return x


def call(library, name: str, x: mx.array):
    if name == "prelu":
        alpha = mx.array([0.25], dtype=x.dtype)
        return lambda: mx.eval(getattr(library, name)(x, alpha))
    return lambda: mx.eval(getattr(library, name)(x))


def torch_call(name: str, x: mx.array):
    try:
        import numpy as np
        import torch
    except ImportError:
        return None
    if name not in TORCH_NAMES:
        return None
    function = getattr(torch.nn.functional, TORCH_NAMES[name])
    dtype = {mx.float32: torch.float32, mx.bfloat16: torch.bfloat16}[x.dtype]
    t = torch.from_numpy(np.array(x.astype(mx.float32))).to(dtype)
    kwargs = {"dim": -1} if name in ROWWISE else {}
    return lambda: function(t, **kwargs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=2**22, help="elements per input")
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--device", choices=["cpu", "gpu"], default="cpu")
    parser.add_argument("--only", nargs="*", help="activation names (default: all in mlx.nn)")
    args = parser.parse_args(argv)
    mx.set_default_device(mx.cpu if args.device == "cpu" else mx.gpu)
    names = args.only or [n for n in act.__all__ if n[0].islower() and hasattr(nn, n)]
    rows = []
    for dtype_name, dtype in (("float32", mx.float32), ("bfloat16", mx.bfloat16)):
        for name in names:
            x = inputs(name, dtype, args.size)
            ours = median_seconds(call(act, name, x), args.repeats)
            theirs = median_seconds(call(nn, name, x), args.repeats)
            torch_run = torch_call(name, x) if args.device == "cpu" else None
            torch_time = median_seconds(torch_run, args.repeats) if torch_run else None
            row = {
                "name": name,
                "dtype": dtype_name,
                "ours_ms": ours * 1e3,
                "mlx_nn_ms": theirs * 1e3,
                "ratio": ours / theirs,
                "torch_ms": torch_time * 1e3 if torch_time else None,
            }
            rows.append(row)
            print(
                f"{name:18s} {dtype_name:8s} ours {row['ours_ms']:8.2f} ms  mlx.nn {row['mlx_nn_ms']:8.2f} ms"
                f"  ratio {row['ratio']:.2f}"
                + (f"  torch {row['torch_ms']:.2f} ms" if torch_time else ""),
                flush=True,
            )
    ratios = [r["ratio"] for r in rows]
    summary = {
        "device": args.device,
        "machine": platform.processor() or platform.machine(),
        "mlx": mx.__version__,
        "date": date.today().isoformat(),
        "elements": args.size,
        "geometric_mean_ratio": math.exp(sum(map(math.log, ratios)) / len(ratios)),
        "worst": max(rows, key=lambda r: r["ratio"]),
    }
    print(
        f"geometric mean ratio {summary['geometric_mean_ratio']:.3f}; worst {summary['worst']['name']}"
        f" ({summary['worst']['dtype']}) {summary['worst']['ratio']:.2f}"
    )
    if not args.only:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"speed-{args.device}.json").write_text(
            json.dumps({"summary": summary, "rows": rows}, indent=1) + "\n"
        )
        (RESULTS / f"speed-{args.device}.md").write_text(markdown(summary, rows))
    return 0


def markdown(summary, rows) -> str:
    lines = [
        f"Speed on the {summary['device'].upper()} ({summary['machine']}), MLX {summary['mlx']}, {summary['date']}: "
        f"{summary['elements']} elements (rows of {ROW} for the softmax family and glu), median time.",
        "",
        f"Geometric mean of ours / mlx.nn: {summary['geometric_mean_ratio']:.3f}.",
        "",
        "| activation | dtype | ours (ms) | mlx.nn (ms) | ours / mlx.nn | torch (ms) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        torch_text = f"{r['torch_ms']:.2f}" if r["torch_ms"] else "-"
        lines.append(
            f"| {r['name']} | {r['dtype']} | {r['ours_ms']:.2f} | {r['mlx_nn_ms']:.2f} | {r['ratio']:.2f} | {torch_text} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
