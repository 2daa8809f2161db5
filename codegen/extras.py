"""Load what the docs show beside the spec: the peers table and the committed measurements.

Both are optional inputs: a spec without them (like the golden test's) gets docs without a
comparison page or measured numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, SpecError
from .load import load


@dataclass(frozen=True)
class Extras:
    peers: dict | None = None  # {"columns": [...], "rows": [[function, *cells]]}
    # name -> dtype -> {"ulp", "at", "params", "portable_ulp", "mlx_nn_ulp"}
    accuracy: dict = field(default_factory=dict)
    speed: dict = field(default_factory=dict)  # device -> {"summary", "rows"}
    kernels: dict = field(default_factory=dict)  # device -> "name/dtype" -> {"ours", "mlx_nn"}
    sources: tuple[
        tuple[str, bytes], ...
    ] = ()  # (label, content) of every file read, for the manifest


def load_extras(spec_path: Path) -> Extras:
    """spec/peers.yaml beside the spec, and measure/results/ beside the spec's folder."""
    results = spec_path.resolve().parent.parent / "measure" / "results"
    sources = []
    peers = None
    peers_path = spec_path.parent / "peers.yaml"
    if peers_path.exists():
        peers = _peers(peers_path)
        sources.append(("spec/peers.yaml", peers_path.read_bytes()))
    accuracy, speed, kernels = {}, {}, {}
    if results.is_dir():
        for path in sorted(results.glob("*.json")):
            sources.append((f"measure/results/{path.name}", path.read_bytes()))
        if (results / "accuracy.json").exists():
            accuracy = _worst_by_name(json.loads((results / "accuracy.json").read_text()))
        for path in sorted(results.glob("speed-*.json")):
            speed[path.stem.removeprefix("speed-")] = json.loads(path.read_text())
        if (results / "kernels.json").exists():
            counted = json.loads((results / "kernels.json").read_text())["devices"]
            kernels = {
                device: {f"{r['name']}/{r['dtype']}": r for r in rows}
                for device, rows in counted.items()
            }
    return Extras(peers, accuracy, speed, kernels, tuple(sources))


def _peers(path: Path) -> dict:
    document = load(path, "spec/peers.yaml")
    data = document.data
    errors = []
    columns = data.get("columns") if isinstance(data, dict) else None
    rows = data.get("rows") if isinstance(data, dict) else None
    if not (isinstance(columns, list) and all(isinstance(c, str) for c in columns)):
        errors.append(Diagnostic(document.at(("columns",)), "'columns' must be a list of names"))
    if not isinstance(rows, list):
        errors.append(Diagnostic(document.at(("rows",)), "'rows' must be a list"))
    else:
        for i, row in enumerate(rows):
            width = len(columns) + 1 if isinstance(columns, list) else None
            if not (
                isinstance(row, list) and len(row) == width and all(isinstance(c, str) for c in row)
            ):
                message = f"each row is a function name and {width and width - 1} cells of text"
                errors.append(Diagnostic(document.at(("rows", i)), message))
    if errors:
        raise SpecError(errors)
    return {"columns": columns, "rows": rows}


def _worst_by_name(measured: dict) -> dict:
    """The worst error over all parameter sets, per activation and dtype."""
    worst: dict = {}
    for row in measured["rows"]:
        entry = worst.setdefault(row["name"], {}).setdefault(
            row["dtype"],
            {"ulp": 0.0, "at": None, "params": {}, "mlx_nn_ulp": None, "portable_ulp": None},
        )
        if row["ulp"] > entry["ulp"] or entry["at"] is None:
            entry.update(ulp=row["ulp"], at=row["at"], params=row["params"])
        if row.get("portable_ulp") is not None:
            entry["portable_ulp"] = max(entry["portable_ulp"] or 0.0, row["portable_ulp"])
        if row["mlx_nn_ulp"] is not None:
            entry["mlx_nn_ulp"] = max(entry["mlx_nn_ulp"] or 0.0, row["mlx_nn_ulp"])
    return worst
