"""generated/ is never half-written: errors, crashes, kills and concurrent runs."""

import signal
import subprocess
import sys
import time

import pytest

from codegen import write
from codegen.write import read_tree, write_tree
from conftest import ROOT, run_codegen


def test_a_crash_while_writing_leaves_the_old_tree(tmp_path, monkeypatch):
    out = tmp_path / "generated"
    write_tree({"a.txt": "old\n", "b.txt": "old\n"}, out)

    def crash(files, root):
        (root / "a.txt").write_text("half\n")
        raise KeyboardInterrupt

    monkeypatch.setattr(write, "_apply", crash)
    with pytest.raises(KeyboardInterrupt):
        write_tree({"a.txt": "new\n", "b.txt": "new\n"}, out)
    assert read_tree(out) == {"a.txt": b"old\n", "b.txt": b"old\n"}
    monkeypatch.undo()
    assert write_tree({"a.txt": "new\n"}, out) == [
        "stale: generated/a.txt",
        "not generated from the spec: generated/b.txt",
    ]
    assert read_tree(out) == {"a.txt": b"new\n"}
    assert not list(
        tmp_path.glob("generated.tmp-*")
    ), "a leftover staging folder was not cleaned up"


def test_foreign_files_survive_a_write(tmp_path):
    out = tmp_path / "generated"
    write_tree({"a.txt": "1\n"}, out)
    (out / "__pycache__").mkdir()
    (out / "__pycache__" / "x.pyc").write_bytes(b"cache")
    write_tree({"a.txt": "2\n"}, out)
    assert (out / "__pycache__" / "x.pyc").read_bytes() == b"cache"


def _changed_spec(tmp_path):
    spec = tmp_path / "activations.yaml"
    text = (ROOT / "spec" / "activations.yaml").read_text()
    spec.write_text(
        text.replace("summary: Applies the Rectified Linear Unit.", "summary: Applies ReLU.")
    )
    return spec


def test_two_runs_at_once_leave_a_correct_tree(tmp_path):
    out = tmp_path / "generated"
    spec = _changed_spec(tmp_path)
    command = [sys.executable, "-m", "codegen", "--spec", str(spec), "--out", str(out)]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.Popen(
            command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert run_codegen("--check", "--spec", spec, "--out", out, cwd=tmp_path).returncode == 0
    assert not list(tmp_path.glob("generated.tmp-*"))


@pytest.mark.parametrize("delay", [0.3, 1.0, 1.6, 2.2, 3.0])
def test_a_killed_run_leaves_the_old_tree_or_the_new_one(tmp_path, delay):
    out = tmp_path / "generated"
    assert run_codegen("--out", out).returncode == 0
    old = read_tree(out)
    spec = _changed_spec(tmp_path)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    run = subprocess.Popen(
        [sys.executable, "-m", "codegen", "--spec", str(spec), "--out", str(out)],
        env=env,
        cwd=tmp_path,
    )
    time.sleep(delay)
    run.send_signal(signal.SIGKILL)
    run.wait()
    after = read_tree(out)
    assert run_codegen("--spec", spec, "--out", tmp_path / "new", cwd=tmp_path).returncode == 0
    new = read_tree(tmp_path / "new")
    assert after in (old, new), "the tree is a mix of the old and the new generation"
