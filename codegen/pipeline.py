"""The stages in order: load -> validate -> render -> format. Nothing touches disk here."""

from __future__ import annotations

from pathlib import Path

from .extras import load_extras
from .fmt import format_tree
from .load import load
from .model import Spec
from .render import inputs_manifest, render
from .validate import validate

SPEC = Path(__file__).resolve().parent.parent / "spec" / "activations.yaml"


def load_spec(spec_path: Path = SPEC, display_name: str | None = "spec/activations.yaml") -> Spec:
    """The validated model of a spec. Raises SpecError with every diagnostic."""
    return validate(load(spec_path, display_name))


def generate(spec_path: Path, templates: Path, display_name: str | None = None) -> dict[str, str]:
    """The whole generated tree for a spec, in memory. Raises SpecError with every diagnostic."""
    spec = load_spec(spec_path, display_name)
    extras = load_extras(spec_path)
    files = format_tree(render(spec, templates, extras))
    files["INPUTS.sha256"] = inputs_manifest(spec_path.read_bytes(), templates, extras.sources)
    return files
