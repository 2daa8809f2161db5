"""Time every activation against mlx.nn (and torch.nn.functional where torch is installed).

Same inputs for every library, in one process: 2^22 elements (rows of 4096 for the softmax
family and glu), float32 and bfloat16; warm-up, then the median of repeated runs with mx.eval,
ours, mlx.nn's and x + 0 timed in turns, torch's after every MLX row.
Writes measure/results/speed-<device>.json and .md and prints the table as it goes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import mlx.core as mx
import mlx.nn as nn

import mlx_activations as act

RESULTS = Path(__file__).resolve().parent / "results"
DTYPES = (("float32", mx.float32), ("bfloat16", mx.bfloat16))
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
    "hard_sigmoid": "hardsigmoid",
    "tanhshrink": "tanhshrink",
    "threshold": "threshold",
    "rrelu": "rrelu",
}
# Parameters for functions that have required ones (the same for every library).
REQUIRED_ARGS = {"threshold": {"threshold": 0.5, "value": -2.0}}


def every() -> list[str]:
    """Every function once: an alias is the same object under another name."""
    return [n for n in act.__all__ if n[0].islower() and getattr(act, n).__name__ == n]


# Rounds enough for a quarter of a second of each run, so that the medians of millisecond rows
# are not left to a handful of samples (their ratios moved by 0.3 between runs of 15 rounds).
ROUND_SECONDS, MAX_ROUNDS = 0.25, 400


def median_seconds(runs: list, repeats: int, warmup: int = 2) -> list[float | None]:
    """The median time of each run (None for a run a library lacks), timed in turns (one call of
    each per round), so that all see the same state of the machine: on the CPU the cost of an
    intermediate array depends on what the allocator holds, which drifts as a process runs.
    Each round takes the runs in an order of its own (shuffled, the same in every session), so
    that over the rounds each run comes after each other one alike: a call leaves caches and
    the allocator in a state that the next call pays for, and a fixed rotation kept the same
    neighbours in every round (ours always came after torch: 3.8 ms against 1.7 for softsign on
    a 2-core Intel Xeon). At least `repeats` rounds, more for fast runs (ROUND_SECONDS)."""
    present = [run for run in runs if run]
    if not present:
        return [None] * len(runs)
    for run in present:
        for _ in range(warmup):
            run()
    times = {id(run): [] for run in present}
    order = random.Random(0)

    def timed_round() -> None:
        for run in order.sample(present, len(present)):
            start = time.perf_counter()
            run()
            times[id(run)].append(time.perf_counter() - start)

    for _ in range(repeats):
        timed_round()
    slowest = max(statistics.median(t) for t in times.values())
    for _ in range(repeats, min(MAX_ROUNDS, int(ROUND_SECONDS / slowest))):
        timed_round()
    return [statistics.median(times[id(run)]) if run else None for run in runs]


def inputs(name: str, dtype, size: int) -> mx.array:
    shape = (size // ROW, ROW) if name in ROWWISE else (size,)
    x = (mx.random.normal(shape, key=mx.random.key(0)) * 4).astype(dtype)
    mx.eval(x)
    return x


_COPY = mx.compile(lambda x: x + 0, shapeless=True)


def copy_call(x: mx.array):
    """MLX's own compiled x + 0 on the same input: what a memory-bound kernel cannot beat."""
    return lambda: mx.eval(_COPY(x))


def bound(library, name: str):
    """The library's function of x alone, with the parameters every library gets here, or None
    where the library lacks it."""
    if not hasattr(library, name):
        return None
    function = getattr(library, name)
    if name == "prelu":
        return lambda x: function(x, mx.array([0.25], dtype=x.dtype))
    return lambda x: function(x, **REQUIRED_ARGS.get(name, {}))


def call(library, name: str, x: mx.array):
    """A timed call of the library's function, or None where the library lacks it."""
    function = bound(library, name)
    return (lambda: mx.eval(function(x))) if function else None


def torch_call(name: str, x: mx.array):
    """A timed call of torch.nn.functional's function (torch installed, name in TORCH_NAMES)."""
    import numpy as np
    import torch

    function = getattr(torch.nn.functional, TORCH_NAMES[name])
    dtype = {mx.float32: torch.float32, mx.bfloat16: torch.bfloat16}[x.dtype]
    t = torch.from_numpy(np.array(x.astype(mx.float32))).to(dtype)
    kwargs = {"dim": -1} if name in ROWWISE else REQUIRED_ARGS.get(name, {})
    return lambda: function(t, **kwargs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=2**22, help="elements per input")
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--device", choices=["cpu", "gpu"], default="cpu")
    parser.add_argument("--only", nargs="*", help="activation names (default: all, less aliases)")
    parser.add_argument(
        "--cache-limit",
        type=int,
        metavar="MIB",
        help="MLX's buffer cache for every library alike (default: MLX's own, 32 MiB on the CPU;"
        " beyond it, each intermediate array comes back with page faults)",
    )
    parser.add_argument(
        "--dtypes", nargs="*", choices=[d for d, _ in DTYPES], help="default: float32 bfloat16"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the tables go")
    parser.add_argument(
        "--memory", action="store_true", help="also compare the backward pass's peak memory"
    )
    parser.add_argument(
        "--memory-only",
        action="store_true",
        help="with --merge: measure the backward pass's memory alone, keeping the saved times",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="with --only: replace those rows in the saved tables and rewrite them, so that a run"
        " too long for one sitting (a GPU compiles every kernel first) can be split",
    )
    args = parser.parse_args(argv)
    if args.memory_only and not args.merge:
        parser.error("--memory-only keeps the saved times: it needs --merge")
    args.memory = args.memory or args.memory_only
    mx.set_default_device(mx.cpu if args.device == "cpu" else mx.gpu)
    if args.cache_limit is not None:
        mx.set_cache_limit(args.cache_limit * 2**20)
    names = args.only or every()
    rows = []
    for dtype_name, dtype in DTYPES:
        if args.memory_only or (args.dtypes and dtype_name not in args.dtypes):
            continue
        for name in names:
            rows.append(measure(name, dtype_name, dtype, args))
    if args.device == "cpu" and torch_version():
        # torch after every MLX row: timed row by row between them, its calls changed the
        # MLX rows timed after them (gelu 0.91-1.02 of mlx.nn's time, 1.13-1.14 without
        # torch; why is not established), so the MLX rows are the same with or without it.
        for row in rows:
            if row["name"] in TORCH_NAMES:
                time_torch(row, args)
    table_path = args.out / f"speed-{args.device}.json"
    saved = json.loads(table_path.read_text()) if args.merge and table_path.exists() else None
    if args.memory_only and not saved:
        parser.error(f"--memory-only: no saved table at {table_path} to keep the times of")
    if args.merge:
        dtypes, full_run = [d for d, _ in DTYPES], every()
        rows = sorted(
            replaced(saved["rows"] if saved else [], rows, lambda r: (r["name"], r["dtype"])),
            key=lambda r: (dtypes.index(r["dtype"]), full_run.index(r["name"])),
        )
    # --memory-only keeps the saved times, and so their summary.
    summary = dict(saved["summary"]) if args.memory_only else summarized(rows, args)
    worst = summary["worst"]
    print(
        f"geometric mean ratio {summary['geometric_mean_ratio']:.3f}; worst {worst['name']}"
        f" ({worst['dtype']}) {worst['ratio']:.2f}"
        + (
            f"; ours / torch {summary['geometric_mean_vs_torch']:.2f}"
            if summary.get("geometric_mean_vs_torch")
            else ""
        )
    )
    if args.memory:
        summary["backward_peak_memory"] = backward_memory(
            [n for n in names if hasattr(nn, n)], args.size
        )
    if saved:
        # The saved memory table stays, its rows replaced by any measured now.
        memory = replaced(
            saved["summary"].get("backward_peak_memory") or [],
            summary.get("backward_peak_memory", []),
            lambda m: m["name"],
        )
        if memory:
            summary["backward_peak_memory"] = memory
    if not args.only or args.merge:
        args.out.mkdir(parents=True, exist_ok=True)
        table = json.dumps({"summary": summary, "rows": rows}, indent=1) + "\n"
        table_path.write_text(table)
        (args.out / f"speed-{args.device}.md").write_text(markdown(summary, rows))
    return 0


def geometric_mean(values: list[float]) -> float | None:
    return math.exp(sum(map(math.log, values)) / len(values)) if values else None


def summarized(rows: list[dict], args) -> dict:
    # The targets compare with mlx.nn, so the summary covers the functions it has; torch's
    # column, where torch was installed, gets a mean of its own over the rows it times.
    compared = [r for r in rows if r["ratio"] is not None]
    with_torch = [r for r in rows if r["torch_ms"]]
    return {
        "device": args.device,
        "machine": machine(args.device),
        "mlx": mx.__version__,
        "date": date.today().isoformat(),
        "elements": args.size,
        "cache_limit_mib": args.cache_limit,
        "geometric_mean_ratio": geometric_mean([r["ratio"] for r in compared]),
        "worst": max(compared, key=lambda r: r["ratio"]),
        "torch": torch_version(),
        "geometric_mean_vs_torch": geometric_mean(
            [r["ours_ms"] / r["torch_ms"] for r in with_torch]
        ),
        "mlx_nn_geometric_mean_vs_torch": geometric_mean(
            [r["mlx_nn_ms"] / r["torch_ms"] for r in with_torch if r["mlx_nn_ms"]]
        ),
    }


def torch_version() -> str | None:
    try:
        import torch
    except ImportError:
        return None
    return f"{torch.__version__}, {torch.get_num_threads()} threads"


def replaced(saved: list[dict], fresh: list[dict], key) -> list[dict]:
    """The saved rows with the fresh ones in their place (by key), and any new ones after."""
    new = {key(r): r for r in fresh}
    return [new.pop(key(r), r) for r in saved] + list(new.values())


def measure(name: str, dtype_name: str, dtype, args) -> dict:
    x = inputs(name, dtype, args.size)
    theirs_run = call(nn, name, x)
    ours, copy, theirs = median_seconds(
        [call(act, name, x), copy_call(x), theirs_run], args.repeats
    )
    row = {
        "name": name,
        "dtype": dtype_name,
        "ours_ms": ours * 1e3,
        "mlx_nn_ms": theirs * 1e3 if theirs else None,
        "ratio": ours / theirs if theirs else None,
        "copy_ms": copy * 1e3,
        "ours_vs_copy": ours / copy,
        "mlx_nn_vs_copy": theirs / copy if theirs else None,
        "torch_ms": None,
    }
    theirs_text = (
        f"mlx.nn {row['mlx_nn_ms']:8.3f} ms  ratio {row['ratio']:.2f}"
        if theirs
        else "not in mlx.nn" + " " * 17
    )
    print(
        f"{name:18s} {dtype_name:8s} ours {row['ours_ms']:8.3f} ms  {theirs_text}"
        f"  | x+0 {row['copy_ms']:.3f} ms: ours {row['ours_vs_copy']:.2f}x",
        flush=True,
    )
    return row


def time_torch(row: dict, args) -> None:
    """torch.nn.functional's time for the row, on the same input (the input is made again
    rather than every row's kept until torch's turn)."""
    dtype = dict(DTYPES)[row["dtype"]]
    (seconds,) = median_seconds(
        [torch_call(row["name"], inputs(row["name"], dtype, args.size))], args.repeats
    )
    row["torch_ms"] = seconds * 1e3
    print(
        f"{row['name']:18s} {row['dtype']:8s} torch {row['torch_ms']:8.3f} ms:"
        f" ours {row['ours_ms'] / row['torch_ms']:.1f}x its time",
        flush=True,
    )


def machine(device: str) -> str:
    if device == "gpu":
        import subprocess

        try:
            query = ["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"]
            return subprocess.run(query, capture_output=True, text=True).stdout.strip() or "GPU"
        except OSError:
            return "GPU"
    # The model matters: the same code measured 0.67 and 0.74 in geometric mean on two 2-core
    # x86-64 machines. Linux names it in /proc/cpuinfo (platform.processor() is empty there).
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model or platform.processor() or 'CPU'}, {os.cpu_count()} cores, {platform.machine()}"


def backward_memory(names: list[str], size: int) -> list[dict]:
    """Peak memory of mx.grad through each element-wise activation, ours and mlx.nn's, in MiB:
    called as it is, and compiled (mx.compile of the gradient, as a compiled training step
    runs it). Called as it is, MLX differentiates a compiled forward pass operation by operation
    and keeps each operation's result for the backward; compiled, the backward is fused too."""
    rows = []
    for name in names:
        if name in ROWWISE or name == "prelu":
            continue
        x = inputs(name, mx.float32, size)
        row = {"name": name, "input_mib": x.nbytes / 2**20}
        for label, library in (("ours", act), ("mlx_nn", nn)):
            function = bound(library, name)
            gradient = mx.grad(lambda v: function(v).sum())
            for how, run in (("", gradient), ("_compiled", mx.compile(gradient))):
                mx.eval(run(x))  # compiles first
                mx.reset_peak_memory()
                mx.eval(run(x))
                row[f"{label}{how}_mib"] = mx.get_peak_memory() / 2**20
        rows.append(row)
        print(
            f"backward peak {name:18s} ours {row['ours_mib']:8.1f} MiB"
            f"  mlx.nn {row['mlx_nn_mib']:8.1f} MiB; compiled: ours"
            f" {row['ours_compiled_mib']:8.1f} MiB  mlx.nn {row['mlx_nn_compiled_mib']:8.1f} MiB"
            f"  (input {row['input_mib']:.0f} MiB)",
            flush=True,
        )
    return rows


def _or_dash(value) -> str:
    return f"{value:.2f}" if value is not None else "-"


def _mib(value) -> str:
    return f"{value:.1f}" if value is not None else "-"


def markdown(summary, rows) -> str:
    lines = [
        f"Speed on the {summary['device'].upper()} ({summary['machine']}), MLX {summary['mlx']},"
        f" {summary['date']}: {summary['elements']} elements (rows of {ROW} for the softmax family"
        " and glu), median time, the MLX calls timed in turns (each round in a shuffled order)"
        + (", torch's after all of them" if summary.get("geometric_mean_vs_torch") else "")
        + "; x+0 is MLX's compiled x + 0 on the same input."
        + (
            f" MLX's buffer cache set to {summary['cache_limit_mib']} MiB."
            if summary.get("cache_limit_mib") is not None
            else ""
        ),
        "",
        f"Geometric mean of ours / mlx.nn, over the functions mlx.nn has:"
        f" {summary['geometric_mean_ratio']:.3f}.",
        "",
    ]
    if summary.get("geometric_mean_vs_torch"):
        lines += [
            "Against torch.nn.functional"
            + (f" (torch {summary['torch']})" if summary.get("torch") else "")
            + ", over the rows it times:"
            f" geometric mean of ours / torch {summary['geometric_mean_vs_torch']:.2f}, of"
            f" mlx.nn / torch {summary['mlx_nn_geometric_mean_vs_torch']:.2f}.",
            "",
        ]
    lines += [
        "| activation | dtype | ours (ms) | mlx.nn (ms) | ours / mlx.nn | ours / x+0 | mlx.nn / x+0 | torch (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        torch_text = f"{r['torch_ms']:.2f}" if r["torch_ms"] else "-"
        theirs = f"{r['mlx_nn_ms']:.3f} | {r['ratio']:.2f}" if r["ratio"] is not None else "- | -"
        lines.append(
            f"| {r['name']} | {r['dtype']} | {r['ours_ms']:.3f} | {theirs} |"
            f" {r['ours_vs_copy']:.2f} | {_or_dash(r['mlx_nn_vs_copy'])} | {torch_text} |"
        )
    memory = summary.get("backward_peak_memory")
    if memory:
        lines += [
            "",
            "Peak memory of the backward pass (mx.grad of the sum), float32, called as it is and"
            " compiled (mx.compile of the gradient function):",
            "",
            "| activation | input (MiB) | ours (MiB) | mlx.nn (MiB) | ours, compiled (MiB)"
            " | mlx.nn, compiled (MiB) |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {m['name']} | {m['input_mib']:.0f} | {m['ours_mib']:.1f} | {m['mlx_nn_mib']:.1f} |"
            f" {_mib(m.get('ours_compiled_mib'))} | {_mib(m.get('mlx_nn_compiled_mib'))} |"
            for m in memory
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
