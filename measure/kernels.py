"""Count the kernels each activation runs: the passes it makes over memory.

MLX's compiler fuses element-wise operations into one kernel only to a depth of 11, and the
broadcasts that a shapeless compile puts before operations with several operands count in that
depth. Deeper formulas run as several kernels, and each one beyond the first writes an
intermediate array and reads it back. On a GPU, where one kernel is memory-bound, the time grows
with the count (in speed-gpu.json, about one x + 0 per kernel).

The fuser is the same on every device, so the count of the formula a GPU runs is taken here, on
any machine: its kernel is traced as on a GPU (``_checks.on_cpu`` answering False, as the
generated tests do) and the graph MLX builds is read back through ``mx.export_to_dot``.
Writes measure/results/kernels.json and prints the table.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path

import mlx.core as mx
import mlx.nn as nn

import mlx_activations as act
from mlx_activations import _checks

from .speed import DTYPES, RESULTS, ROWWISE, bound, every

# Operations that make no pass over memory of their own: views and broadcasts of an array, and
# mx.contiguous of a contiguous one (every fused kernel's output is), which shares its buffer:
# formulas use it to end a kernel where they choose.
VIEWS = frozenset(
    {"Broadcast", "BroadcastAxes", "Reshape", "Split", "Slice", "ExpandDims", "Contiguous"}
)
_NODE = re.compile(r'\{ (\d+) \[label ="([^"]*)"')
_EDGE = re.compile(r'^"?([^"\s]+)"? -> "?([^"\s]+)"?$', re.MULTILINE)


@contextmanager
def as_on(device: str):
    """The activations pick their formula by device: trace the one that device runs (the CPU's
    on the CPU itself, since it may hold float64, which a GPU lacks)."""
    saved, default = _checks.on_cpu, mx.default_device()
    _checks.on_cpu = lambda: device == "cpu"
    if device == "cpu":
        mx.set_default_device(mx.cpu)
    try:
        yield
    finally:
        _checks.on_cpu = saved
        mx.set_default_device(default)


def count(function, x: mx.array) -> int:
    """The operations of function(x)'s graph that read x or its results, less views: one per
    fused kernel and one per operation left outside a kernel (a reduction, an unfused unary)."""
    y = function(x)
    text = io.StringIO()
    mx.export_to_dot(text, y, x=x)
    labels = dict(_NODE.findall(text.getvalue()))
    edges = {}
    for source, target in _EDGE.findall(text.getvalue()):
        edges.setdefault(source, []).append(target)
    seen, stack = set(), ["x"]
    while stack:  # everything downstream of x
        for target in edges.get(stack.pop(), []):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return sum(1 for node in seen if node in labels and labels[node] not in VIEWS)


def table(device: str, names: list[str]) -> list[dict]:
    rows = []
    for dtype_name, dtype in DTYPES:
        for name in names:
            shape = (2, 4096) if name in ROWWISE else (8192,)
            x = mx.random.normal(shape, key=mx.random.key(0)).astype(dtype)
            mx.eval(x)
            with as_on(device):
                ours = count(bound(act, name), x)
            theirs = bound(nn, name)
            row = {
                "name": name,
                "dtype": dtype_name,
                "ours": ours,
                "mlx_nn": count(theirs, x) if theirs else None,
            }
            rows.append(row)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="activation names (default: all, less aliases)")
    args = parser.parse_args(argv)
    names = args.only or every()
    result = {"mlx": mx.__version__, "devices": {}}
    for device in ("gpu", "cpu"):
        result["devices"][device] = rows = table(device, names)
        for r in rows:
            theirs = r["mlx_nn"] if r["mlx_nn"] is not None else "-"
            print(f"{device} {r['name']:18s} {r['dtype']:8s} ours {r['ours']:3d}  mlx.nn {theirs}")
    if not args.only:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "kernels.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
