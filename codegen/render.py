"""Render the templates into an in-memory tree: {path relative to generated/: text}."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jinja2

from . import pylit, schema, views
from .extras import Extras
from .model import Spec

HEADER = "Generated from spec/activations.yaml by codegen; do not edit."


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["docstring"] = pylit.docstring
    env.filters["literal"] = pylit.literal
    env.filters["tuple_items"] = pylit.tuple_items
    env.filters["rst"] = pylit.rst_text
    env.filters["rstrip"] = str.rstrip
    env.filters["rst_code"] = lambda name: f"``{name}``"
    env.globals["HEADER"] = HEADER
    return env


def render(spec: Spec, templates: Path, extras: Extras = Extras()) -> dict[str, str]:
    env = environment(templates)
    activations = [views.activation_view(a, spec) for a in spec.activations]
    families = [
        (key, title, [v for v in activations if v.a.family == key]) for key, title in spec.families
    ]
    helpers = [views.helper_view(h) for h in spec.helpers]
    common = {
        "activations": activations,
        "families": families,
        "helpers": helpers,
        "spec": spec,
        "extras": extras,
        "by_family": {key: [v.name for v in members] for key, _, members in families},
        # Other libraries' spellings -> the name they stand for, functions then Modules.
        "aliases": [(alias, v.name) for v in activations for alias in v.a.aliases]
        + [(alias, v.module.class_name) for v in activations for alias in v.a.module_aliases],
    }
    out: dict[str, str] = {}

    def emit(path: str, template: str, **context):
        out[path] = env.get_template(template).render(**common, **context)

    emit("mlx_activations/__init__.py", "package/__init__.py.j2")
    emit("mlx_activations/_checks.py", "package/_checks.py.j2")
    emit("mlx_activations/_helpers.py", "package/_helpers.py.j2")
    emit("mlx_activations/activations/__init__.py", "package/activations_init.py.j2")
    emit("tests/support.py", "tests/support.py.j2")
    emit("tests/test_package.py", "tests/test_package.py.j2")
    emit("docs/index.rst", "docs/index.rst.j2")
    emit("docs/conf.py", "docs/conf.py.j2")
    emit("docs/guide.rst", "docs/guide.rst.j2")
    if extras.peers:
        emit("docs/comparison.rst", "docs/comparison.rst.j2")
    if extras.accuracy:
        emit("docs/accuracy.rst", "docs/accuracy.rst.j2")
    for device in extras.speed:
        emit(f"docs/speed-{device}.rst", "docs/speed.rst.j2", device=device)
    emit("API.txt", "api.txt.j2")
    for view in activations:
        emit(f"mlx_activations/activations/{view.name}.py", "package/activation.py.j2", v=view)
        emit(f"tests/test_{view.name}.py", "tests/test_activation.py.j2", v=view)
        emit(f"docs/activations/{view.name}.rst", "docs/activation.rst.j2", v=view)
    schema_json = {"$comment": HEADER} | schema.json_schema()
    out["schema/activations.schema.json"] = json.dumps(schema_json, indent=2) + "\n"
    return out


def inputs_manifest(spec_text: bytes, templates: Path, extra_sources=()) -> str:
    """Hashes of everything the output depends on: the spec, the templates and the generator.

    Committed as generated/INPUTS.sha256, so that editing a template or the generator makes
    `make check` fail until `make generate` is rerun, even where the output would not change.
    """
    generator = Path(__file__).resolve().parent
    lines = [f"# {HEADER}", f"{hashlib.sha256(spec_text).hexdigest()}  spec/activations.yaml"]
    for root, label in ((templates, "templates"), (generator, "codegen")):
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {label}/{path.relative_to(root).as_posix()}")
    for label, content in extra_sources:
        lines.append(f"{hashlib.sha256(content).hexdigest()}  {label}")
    return "\n".join(lines) + "\n"
