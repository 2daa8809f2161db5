"""The committed kernel counts (measure/results/kernels.json) are those of the package as it is.

The count is deterministic, unlike a time, so it is checked here like generated/ is by
``make check``: a formula change that adds a pass over memory on a GPU shows up in review.
"""

import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT))

from measure import kernels  # noqa: E402


def test_committed_kernel_counts_match_the_package():
    committed = json.loads((ROOT / "measure" / "results" / "kernels.json").read_text())
    names = [r["name"] for r in committed["devices"]["gpu"] if r["dtype"] == "float32"]
    assert (
        names == kernels.every()
    ), "kernels.json lacks an activation: run python -m measure.kernels"
    for device, rows in committed["devices"].items():
        assert (
            kernels.table(device, names) == rows
        ), f"the {device} kernel counts changed: run python -m measure.kernels and commit them"


def test_a_deeper_formula_counts_more_kernels():
    import mlx.core as mx

    x = mx.ones((16,))
    shallow = mx.compile(lambda v: v * 2 + 1, shapeless=True)

    def deep(v):
        for _ in range(12):
            v = v * 1.5 + 1
        return v

    assert kernels.count(shallow, x) == 1
    assert kernels.count(mx.compile(deep, shapeless=True), x) >= 2
