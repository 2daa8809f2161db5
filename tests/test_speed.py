"""The benchmark's bookkeeping (measure.speed): merging a partial run into the saved tables, and
the memory table's columns. No timing here: tests never assert times."""

import json
import shutil
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT))

from measure import speed  # noqa: E402


def test_replaced_keeps_the_saved_order_and_appends_new_rows():
    saved = [{"k": "a", "v": 1}, {"k": "b", "v": 2}]
    fresh = [{"k": "b", "v": 20}, {"k": "c", "v": 30}]
    merged = speed.replaced(saved, fresh, lambda r: r["k"])
    assert merged == [{"k": "a", "v": 1}, {"k": "b", "v": 20}, {"k": "c", "v": 30}]


def test_memory_only_needs_a_saved_table(tmp_path):
    with pytest.raises(SystemExit):
        speed.main(["--memory-only", "--only", "relu"])  # no --merge
    with pytest.raises(SystemExit):
        speed.main(["--memory-only", "--merge", "--only", "relu", "--out", str(tmp_path)])


def test_memory_only_keeps_the_saved_times_and_adds_the_compiled_columns(tmp_path):
    saved_path = ROOT / "measure" / "results" / "speed-cpu.json"
    shutil.copy(saved_path, tmp_path / "speed-cpu.json")
    args = ["--memory-only", "--merge", "--only", "relu", "--size", "4096", "--out", str(tmp_path)]
    assert speed.main(args) == 0
    saved, merged = json.loads(saved_path.read_text()), json.loads(
        (tmp_path / "speed-cpu.json").read_text()
    )
    assert merged["rows"] == saved["rows"]
    assert merged["summary"]["elements"] == saved["summary"]["elements"]
    memory = {m["name"]: m for m in merged["summary"]["backward_peak_memory"]}
    relu = memory["relu"]
    assert relu["input_mib"] == 4096 * 4 / 2**20
    assert relu["ours_compiled_mib"] > 0 and relu["mlx_nn_compiled_mib"] > 0
    others = [m for m in saved["summary"]["backward_peak_memory"] if m["name"] != "relu"]
    assert [memory[m["name"]] for m in others] == others
    table = (tmp_path / "speed-cpu.md").read_text()
    assert "| ours, compiled (MiB) | mlx.nn, compiled (MiB) |" in table
    assert table.count("| relu | 0 |") == 1


def _row(name, ours, theirs, torch_ms):
    return {
        "name": name,
        "dtype": "float32",
        "ours_ms": ours,
        "mlx_nn_ms": theirs,
        "ratio": ours / theirs if theirs else None,
        "copy_ms": 1.0,
        "ours_vs_copy": ours,
        "mlx_nn_vs_copy": theirs,
        "torch_ms": torch_ms,
    }


def test_the_summary_compares_with_torch_over_the_rows_it_times(monkeypatch):
    monkeypatch.setattr(speed, "torch_version", lambda: "2.0, 2 threads")
    args = speed.argparse.Namespace(device="cpu", size=4096, cache_limit=None)
    rows = [
        _row("relu", 2.0, 1.0, 4.0),
        _row("tanh", 8.0, 4.0, 2.0),
        _row("rrelu", 3.0, None, None),
    ]
    summary = speed.summarized(rows, args)
    # ours / torch: 0.5 and 4, whose geometric mean is sqrt(2); mlx.nn / torch: 0.25 and 2.
    assert summary["geometric_mean_vs_torch"] == pytest.approx(2**0.5)
    assert summary["mlx_nn_geometric_mean_vs_torch"] == pytest.approx(2**-0.5)
    assert summary["geometric_mean_ratio"] == pytest.approx(2.0)
    text = speed.markdown(summary, rows)
    assert (
        "(torch 2.0, 2 threads), over the rows it times: geometric mean of ours / torch 1.41"
        in text
    )
    assert "| rrelu | float32 | 3.000 | - | - |" in text


def test_without_torch_the_summary_says_nothing_of_it(monkeypatch):
    monkeypatch.setattr(speed, "torch_version", lambda: None)
    args = speed.argparse.Namespace(device="gpu", size=4096, cache_limit=None)
    summary = speed.summarized([_row("relu", 2.0, 1.0, None)], args)
    assert summary["geometric_mean_vs_torch"] is None
    assert "torch.nn.functional" not in speed.markdown(summary, [_row("relu", 2.0, 1.0, None)])


def test_each_run_is_timed_after_each_other_run(monkeypatch):
    # A call leaves caches and the allocator in a state the next call pays for, so no run may
    # always have the same neighbour (a fixed rotation kept ours after torch in every round).
    monkeypatch.setattr(speed, "ROUND_SECONDS", 0)
    calls = []
    runs = [lambda name=name: calls.append(name) for name in "abcd"]
    times = speed.median_seconds(runs + [None], repeats=40, warmup=0)
    assert len(calls) == 4 * 40
    assert times[-1] is None and all(t is not None for t in times[:-1])
    followed = {(before, after) for before, after in zip(calls, calls[1:]) if before != after}
    assert followed == {(a, b) for a in "abcd" for b in "abcd" if a != b}


def test_no_run_at_all_times_nothing():
    assert speed.median_seconds([None, None], repeats=3) == [None, None]


@pytest.mark.parametrize("torch", ["2.0, 2 threads", None])
def test_torch_is_timed_after_every_mlx_row(monkeypatch, tmp_path, torch):
    # torch's calls changed the time of MLX calls after them, so none may follow one; without
    # torch, or for a function it lacks (prelu is not in TORCH_NAMES), no input is made for it.
    events = []

    def measured(name, dtype_name, dtype, args):
        events.append(("mlx", name, dtype_name))
        return _row(name, 2.0, 1.0, None) | {"dtype": dtype_name}

    monkeypatch.setattr(speed, "measure", measured)
    monkeypatch.setattr(speed, "time_torch", lambda row, args: events.append(("torch",)))
    monkeypatch.setattr(speed, "torch_version", lambda: torch)
    speed.main(["--device", "cpu", "--only", "relu", "elu", "prelu", "--out", str(tmp_path)])
    assert [e[0] for e in events] == ["mlx"] * 6 + (["torch"] * 4 if torch else [])
