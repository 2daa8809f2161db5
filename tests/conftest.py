"""Shared fixtures of the generator's tests."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The golden tree holds generated tests of a demo spec: data to compare, not tests to run.
collect_ignore = ["golden"]


def run_codegen(*args, cwd=ROOT, root=ROOT):
    """Run ``python -m codegen`` (from the checkout at ``root``) as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "codegen", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def spec_copy(tmp_path):
    """A copy of the real spec that a test may edit, with the inputs the docs read beside it."""
    shutil.copytree(ROOT / "spec", tmp_path / "spec")
    shutil.copytree(ROOT / "measure" / "results", tmp_path / "measure" / "results")
    return tmp_path / "spec" / "activations.yaml"
