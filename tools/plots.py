"""Draw every activation and its derivative as an SVG for its docs page.

Usage: python -m tools.plots OUT_DIR. Each plot shows the defaults and, where the spec lists
test parameter sets, the first of them. Softmax-like activations are drawn on the two-entry row
[x, 0] (their first output), glu on a = 1, b = x.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import mlx.core as mx  # noqa: E402

import mlx_activations as act  # noqa: E402
from codegen.pipeline import load_spec  # noqa: E402

X = [i / 50 for i in range(-300, 301)]  # [-6, 6]

plt.rcParams.update(
    {"svg.hashsalt": "mlx_activations", "figure.figsize": (6.4, 3.6), "font.size": 9}
)


def curve(function, axis_rule: str, params: dict):
    """(values, derivatives) of the activation along X, for one parameter set."""
    x = mx.array(X)
    if axis_rule == "reduce":
        first = lambda v: function(mx.stack([v, mx.zeros_like(v)], axis=-1), **params)[:, 0]
    elif axis_rule == "split":
        first = lambda v: function(mx.stack([mx.ones_like(v), v], axis=-1), **params)[:, 0]
    else:
        first = lambda v: function(v, **params)
    values = first(x)
    slopes = mx.grad(lambda v: first(v).sum())(x)
    # No slope is drawn where the function itself is undefined (outside log1mexp's domain).
    slopes = mx.where(mx.isnan(values), mx.nan, slopes)
    return values.tolist(), slopes.tolist()


def plot(activation, out: Path) -> Path:
    function = getattr(act, activation.name)
    sets = [{}] if not any(p.required for p in activation.params) else []
    sets += [dict(t) for t in activation.test_params if "axis" not in dict(t)][:1]
    array_params = {p.name for p in activation.params if p.type == "array"}
    figure, axes = plt.subplots()
    for index, params in enumerate(sets[:2]):
        call = {k: (mx.array(v) if k in array_params else v) for k, v in params.items()}
        values, slopes = curve(function, activation.axis, call)
        label = ", ".join(f"{k}={v}" for k, v in params.items()) or "defaults"
        color = f"C{index}"
        axes.plot(X, values, color=color, label=f"{activation.name} ({label})")
        axes.plot(X, slopes, color=color, linestyle="--", label=f"derivative ({label})")
    axes.axhline(0, color="0.8", linewidth=0.8)
    axes.axvline(0, color="0.8", linewidth=0.8)
    axes.set_xlabel(
        {"reduce": "x (row [x, 0], first output)", "split": "b (a = 1)"}.get(activation.axis, "x")
    )
    axes.legend(loc="best", frameon=False)
    figure.tight_layout()
    path = out / f"{activation.name}.svg"
    figure.savefig(path, format="svg", metadata={"Date": None})
    plt.close(figure)
    return path


def main(argv=None) -> int:
    out = Path((argv or sys.argv[1:])[0])
    out.mkdir(parents=True, exist_ok=True)
    spec = load_spec()
    for activation in spec.activations:
        print(f"plot {plot(activation, out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
