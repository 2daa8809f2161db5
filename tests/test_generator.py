"""The generator as a whole: golden output, determinism, the drift check, and what an edit changes."""

import importlib
import os
import shutil
import sys
from pathlib import Path

import mlx.core as mx
import pytest

from codegen.pipeline import generate
from codegen.expressions import parameter_only
from codegen.write import read_tree
from conftest import ROOT, run_codegen

TEMPLATES = ROOT / "templates"
SMALL = Path(__file__).parent / "data" / "small.yaml"
GOLDEN = Path(__file__).parent / "golden" / "small"


def test_small_spec_matches_the_golden_output():
    """Set UPDATE_GOLDEN=1 to rewrite tests/golden after a deliberate template change."""
    files = generate(SMALL, TEMPLATES, display_name="small.yaml")
    del files["INPUTS.sha256"]  # hashes of the generator itself; pinned by test_a_generator_edit...
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, text in files.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    golden = {path: data.decode("utf-8") for path, data in read_tree(GOLDEN).items()}
    assert sorted(files) == sorted(golden)
    for path, text in files.items():
        assert text == golden[path], f"{path} differs from tests/golden/small/{path}"


def test_free_text_comes_out_unchanged_and_the_code_compiles():
    files = generate(SMALL, TEMPLATES, display_name="small.yaml")
    source = files["mlx_activations/activations/scaled_relu.py"]
    compile(source, "scaled_relu.py", "exec")
    namespace: dict = {}
    helpers = files["mlx_activations/_helpers.py"]
    exec(compile(helpers, "_helpers.py", "exec"), namespace)
    assert "a backslash \\ and {{ braces }}" in namespace["twice"].__doc__
    assert "\"\"\"triple\"\"\" and '''quotes'''" in source.replace('\\"', '"')
    assert "(λ)" in source


def test_parameter_only_let_values_are_computed_once_per_call_outside_the_kernel():
    once, per_element = parameter_only(
        (
            ("floor", "mx.where(slope == 0, -1.0, -2.0)"),  # the parameter only
            ("double", "floor * 2"),  # parameter-only values only
            ("third", "1 / 3"),  # reads nothing: a constant stays in the kernel
            ("scaled", "x * slope"),  # reads x
            ("offset", "scaled + floor"),
        ),
        {"slope"},
    )
    assert [name for name, _ in once] == ["floor", "double"]
    assert [name for name, _ in per_element] == ["third", "scaled", "offset"]
    source = generate(SMALL, TEMPLATES, display_name="small.yaml")[
        "mlx_activations/activations/shifted_relu.py"
    ]
    kernel, prepared = source.split("def _prepared(")
    assert "negated = 0 - shift" in prepared and "negated =" not in kernel
    assert "def _kernel(x, shift, negated):" in kernel
    assert "shift, negated = _prepared(shift)" in prepared.split("def shifted_relu(")[1]


ARRAY_ENTRY = r"""
  - name: sloped_relu
    module: null
    family: demo
    summary: Applies a leaky ReLU with an array of slopes.
    params:
      - {name: slope, type: array, doc: Slopes for negative inputs.}
    let:
      floor: "mx.where(slope == 0, -3.4028234663852886e38, -1e39)"
    formula: 'x \text{ or } \text{slope} \, x'
    implementation: "mx.where(x >= 0, 1, slope) * mx.where(x < floor, floor, x)"
    reference: "x if x >= 0 else slope * x"
    test_params: [{slope: 0.25}]
    properties: {range: '(-\infty, \infty)', monotonic: false, smooth: false}
"""


def test_a_let_value_that_reads_an_array_parameter_stays_in_the_kernel(tmp_path):
    # An array parameter may be as large as x: a value read from it, computed outside, would be
    # a pass over memory of its own, and even for one value it costs kernel launches per call.
    spec = tmp_path / "spec.yaml"
    spec.write_text(SMALL.read_text() + ARRAY_ENTRY)
    source = generate(spec, TEMPLATES, display_name="spec.yaml")[
        "mlx_activations/activations/sloped_relu.py"
    ]
    formula, wrapper = source.split("def sloped_relu(")
    assert "def _formula(x, slope):\n" in formula and "floor = mx.where(slope == 0" in formula
    assert "def _kernel(x, slope):" in formula and "floor" not in wrapper
    assert "_kernel)(x, slope)\n" in wrapper  # the CPU split or the kernel, given x and slope


def shifted_relu_source(tmp_path, *edits: tuple[str, str]) -> str:
    """The generated module of small.yaml's shifted_relu, after textual edits of the spec."""
    text = SMALL.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    source = generate(spec, TEMPLATES, display_name="spec.yaml")[
        "mlx_activations/activations/shifted_relu.py"
    ]
    compile(source, "shifted_relu.py", "exec")
    return source


def test_a_cpu_formula_reads_the_main_lets_parameter_only_values(tmp_path):
    # negated is computed once per call (_prepared) and passed to every kernel, the CPU's too.
    source = shifted_relu_source(
        tmp_path,
        (
            'implementation: "mx.maximum(wide - shift, 0)"',
            'implementation: "mx.maximum(wide + negated, 0)"',
        ),
    )
    cpu = source.split("def _cpu_formula(")[1].split("def ")[0]
    assert cpu.startswith("x, shift, negated):") and "wide + negated" in cpu
    assert "negated = 0 - shift" not in cpu


def test_a_cpu_formula_defines_the_main_lets_constants_it_reads(tmp_path):
    # A constant (it reads no name) is not a parameter's value: each formula that reads it
    # defines it, as the main formula does, rather than repeating its literal (selu's scale).
    source = shifted_relu_source(
        tmp_path,
        (
            '      negated: "0 - shift"  #',
            '      unit: "1.0"\n      twice: "unit * 2"\n      negated: "0 - shift"  #',
        ),
        (
            'implementation: "mx.maximum(x + negated, 0)"',
            'implementation: "mx.maximum(x + negated, 0) * twice"',
        ),
        (
            'implementation: "mx.maximum(wide - shift, 0)"',
            'implementation: "mx.maximum(wide - shift, 0) * twice"',
        ),
    )
    # The formula in one function (which the tests compare the CPU's stages with), and the
    # stages, which the splitter traces with the constants' values.
    cpu = source.split("def _cpu_unsplit_formula(")[1].split("def ")[0]
    assert "unit = 1.0" in cpu and "twice = unit * 2" in cpu and "* twice" in cpu
    stages = source.split("def _cpu_stage_1(")[1].split("def _cpu_kernel(")[0]
    assert "* 2.0" in stages


RANDOM_ENTRY = r"""
  - name: jittered_relu
    module: JitteredReLU
    family: demo
    summary: Applies a leaky ReLU with random slopes in training.
    params:
      - {name: lower, type: float, default: 0.1, constraint: "lower <= upper", doc: Lowest slope.}
      - {name: upper, type: float, default: 0.3, doc: Highest slope.}
      - {name: training, type: bool, default: false, doc: Draw the slopes.}
      - {name: key, type: key, default: null, doc: The key of the draw.}
    random:
      slope: {uniform: [lower, upper], otherwise: "(lower + upper) / 2"}
    formula: 'x \text{ or } a x'
    implementation: "mx.where(x >= 0, x, slope * x)"
    reference: "x if x >= 0 else (lower + upper) / 2 * x"
    properties: {range: '(-\infty, \infty)', monotonic: true, smooth: false}
"""


def test_random_draws_happen_outside_the_kernel_and_the_module_passes_its_training_mode(
    tmp_path,
):
    spec = tmp_path / "spec.yaml"
    spec.write_text(SMALL.read_text() + RANDOM_ENTRY)
    files = generate(spec, TEMPLATES, display_name="spec.yaml")
    source = files["mlx_activations/activations/jittered_relu.py"]
    compile(source, "jittered_relu.py", "exec")
    kernel, wrapper = source.split("def jittered_relu(")
    assert "def _kernel(x, lower, upper, slope):" in kernel and "mx.random" not in kernel
    assert "def _checked(owner, lower, upper, training=False, key=None):" in kernel
    assert "key: mx.array | None = None" in wrapper
    assert (
        "if training:" in wrapper
        and "slope = mx.random.uniform(lower, upper, x.shape, key=key)" in wrapper
    )
    # The Module takes the bounds only: it passes its training mode, and draws without a key.
    assert "def __init__(self, lower: float = 0.1, upper: float = 0.3):" in wrapper
    assert "training=self.training)" in wrapper and "key=" not in wrapper.split("__call__")[1]
    assert (
        "jittered_relu(x: mlx.core.array, lower: float = 0.1, upper: float = 0.3, training: bool = False, key: mlx.core.array | None = None)"
        in files["API.txt"]
    )


def test_out_of_training_a_drawn_value_is_prepared_once_and_the_defaults_get_their_kernel(
    tmp_path, monkeypatch
):
    # Out of training the slope is its `otherwise`, a parameter value: built with the parameter
    # arrays once for each values (no array built per call, which on a GPU costs kernels), and
    # captured as a constant in the defaults' kernel, as a leaky ReLU's is.
    spec = tmp_path / "spec.yaml"
    spec.write_text(SMALL.read_text() + RANDOM_ENTRY)
    files = generate(spec, TEMPLATES, display_name="spec.yaml")
    package = _imported(files, tmp_path / "out", monkeypatch)
    module = importlib.import_module("mlx_activations.activations.jittered_relu")
    passed = []
    original = module._kernel
    monkeypatch.setattr(module, "_kernel", lambda *a: passed.append(a[1:]) or original(*a))
    monkeypatch.setattr(module._checks, "on_cpu", lambda: False)  # as on a GPU
    x = mx.array([-2.0, -1.0, 0.0, 3.0])
    first = package.jittered_relu(x, lower=0.2, upper=0.4)
    package.jittered_relu(x, lower=0.2, upper=0.4)
    assert len(passed) == 2 and all(a is b for a, b in zip(*passed))  # the same arrays again
    assert first.tolist() == pytest.approx([-0.6, -0.3, 0.0, 3.0])
    module._default_kernel.cache_clear()
    passed.clear()
    assert package.jittered_relu(x).tolist() == pytest.approx([-0.4, -0.2, 0.0, 3.0])
    assert module._default_kernel.cache_info().currsize == 1
    assert [a[2].item() for a in passed] == pytest.approx([0.2])  # traced once, the slope captured
    # In training the slope is drawn per element, on every call.
    passed.clear()
    package.jittered_relu(x, training=True, key=mx.random.key(0))
    assert passed[0][2].shape == x.shape


def _imported(files: dict[str, str], root: Path, monkeypatch):
    """The generated package written under root and imported fresh."""
    for path, text in files.items():
        if path.startswith("mlx_activations/"):
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
    monkeypatch.syspath_prepend(str(root))
    for name in [m for m in sys.modules if m.split(".")[0] == "mlx_activations"]:
        monkeypatch.delitem(sys.modules, name)
    return importlib.import_module("mlx_activations")


@pytest.mark.parametrize("when, at_defaults", [("scale > 0", True), ("scale < 0", False)])
def test_a_half_formula_with_a_condition_serves_only_the_values_that_meet_it(
    tmp_path, monkeypatch, when, at_defaults
):
    spec = tmp_path / "spec.yaml"
    spec.write_text(SMALL.read_text().replace('when: "scale > 0"', f'when: "{when}"'))
    files = generate(spec, TEMPLATES, display_name="spec.yaml")
    package = _imported(files, tmp_path / "out", monkeypatch)
    module = importlib.import_module("mlx_activations.activations.scaled_sigmoid")
    ran = []
    for name in ("_kernel", "_half_kernel"):
        original = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda *a, name=name, original=original: ran.append(name) or original(*a)
        )
    monkeypatch.setattr(module._checks, "on_cpu", lambda: False)  # as on a GPU
    x = mx.array([-1.0, 0.5]).astype(mx.bfloat16)
    for scale, meets in ((2.0, when == "scale > 0"), (-0.5, when == "scale < 0")):
        ran.clear()
        package.scaled_sigmoid(x, scale=scale)
        assert ran == (["_half_kernel"] if meets else ["_kernel"]), (scale, ran)
        ran.clear()
        package.scaled_sigmoid(x.astype(mx.float32), scale=scale)
        assert ran == ["_kernel"]
    # At the defaults (scale = 1) the captured-constants kernel serves, with the half formula
    # only where the defaults meet the condition: codegen decides it once.
    ran.clear()
    package.scaled_sigmoid(x)
    assert ran == (["_half_kernel"] if at_defaults else ["_kernel"])
    default_test = files["tests/test_scaled_sigmoid.py"].split(
        "def test_defaults_kernel_gives_the_parameter_arrays_results"
    )[1]
    assert ("IMPLEMENTATION._half_kernel if" in default_test) == at_defaults


def test_exact_activations_compute_half_precision_in_its_own_dtype(tmp_path):
    spec = tmp_path / "spec.yaml"
    text = SMALL.read_text()
    spec.write_text(
        text.replace(
            '    implementation: "mx.maximum(x + negated, 0)"',
            '    exact: true\n    implementation: "mx.maximum(x + negated, 0)"',
        )
    )
    files = generate(spec, TEMPLATES, display_name="spec.yaml")
    exact = files["mlx_activations/activations/shifted_relu.py"]
    assert "_formula(_checks.to_compute_exact(x), shift, negated)" in exact
    assert "x, dtype = _checks.to_compute_exact(x), x.dtype" in exact  # its special case too
    assert "to_compute_exact" not in files["mlx_activations/activations/scaled_relu.py"]


def test_the_cpu_split_is_picked_at_call_time_and_split_on_cpu_false_keeps_one_kernel(tmp_path):
    split = generate(SMALL, TEMPLATES, display_name="small.yaml")
    source = split["mlx_activations/activations/scaled_relu.py"]
    assert "def _cpu_stage_1(x):" in source and "def _cpu_kernel(x, scale):" in source
    assert "return (_cpu_kernel if _checks.on_cpu() else _kernel)(x, " in source
    assert (
        "def test_cpu_split_gives_the_fused_results_bit_for_bit("
        in split["tests/test_scaled_relu.py"]
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        SMALL.read_text().replace(
            '    implementation: "mx.maximum(x, 0) * scale"',
            '    split_on_cpu: false\n    implementation: "mx.maximum(x, 0) * scale"',
        )
    )
    whole = generate(spec, TEMPLATES, display_name="spec.yaml")
    source = whole["mlx_activations/activations/scaled_relu.py"]
    # One kernel on both devices; only the defaults' kernel is for a GPU alone.
    assert "_cpu_" not in source and source.count("on_cpu") == 1
    assert "if not _checks.on_cpu() and _checks.same_values((scale,), _DEFAULTS):" in source
    assert "(scale,) = _prepared(scale)\n    return _kernel(x, scale)" in source
    assert "test_cpu_split" not in whole["tests/test_scaled_relu.py"]


def test_generation_is_deterministic(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert run_codegen("--out", out).returncode == 0
    assert read_tree(first) == read_tree(second)
    again = run_codegen("--out", first)
    assert again.returncode == 0 and "0 files changed" in again.stdout
    assert read_tree(first) == read_tree(ROOT / "generated")


def test_check_reports_stale_missing_and_extra_files(tmp_path):
    out = tmp_path / "generated"
    shutil.copytree(
        ROOT / "generated", out, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    assert run_codegen("--check", "--out", out).returncode == 0
    (out / "mlx_activations" / "activations" / "elu.py").write_text("# edited by hand\n")
    (out / "docs" / "activations" / "relu.rst").unlink()
    (out / "tests" / "test_extra.py").write_text("")
    result = run_codegen("--check", "--out", out)
    assert result.returncode == 1
    assert "stale: generated/mlx_activations/activations/elu.py" in result.stderr
    assert "missing: generated/docs/activations/relu.rst" in result.stderr
    assert "not generated from the spec: generated/tests/test_extra.py" in result.stderr


def test_a_template_edit_makes_check_fail(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "docs" / "activation.rst.j2"
    page.write_text(page.read_text() + "\nEdited.\n")
    result = run_codegen("--check", "--templates", templates)
    assert result.returncode == 1
    assert "stale: generated/docs/activations/elu.rst" in result.stderr


def test_a_generator_edit_makes_check_fail_even_when_the_output_is_the_same(tmp_path):
    copy = tmp_path / "repo"
    for part in ("codegen", "templates", "spec", "generated", "measure"):
        shutil.copytree(
            ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    assert run_codegen("--check", cwd=copy, root=copy).returncode == 0
    render = copy / "codegen" / "render.py"
    render.write_text(render.read_text() + "\n# a comment changes no output\n")
    result = run_codegen("--check", cwd=copy, root=copy)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "stale: generated/INPUTS.sha256"


def test_every_spec_entry_has_its_function_module_tests_and_docs_page():
    files = generate(ROOT / "spec" / "activations.yaml", TEMPLATES)
    from codegen.pipeline import load_spec

    spec = load_spec()
    for a in spec.activations:
        code = files[f"mlx_activations/activations/{a.name}.py"]
        assert f"\ndef {a.name}(" in code
        if a.module:
            assert f"\nclass {a.module.class_name}(nn.Module):" in code
        assert f"tests/test_{a.name}.py" in files
        assert f".. figure:: /_plots/{a.name}.svg" in files[f"docs/activations/{a.name}.rst"]
        assert f"activations/{a.name}" in files["docs/index.rst"]
    expected = {f"mlx_activations/activations/{a.name}.py" for a in spec.activations}
    assert {
        p
        for p in files
        if p.startswith("mlx_activations/activations/") and not p.endswith("__init__.py")
    } == expected


def test_editing_a_default_changes_code_docstring_test_and_docs_only(spec_copy):
    before = generate(ROOT / "spec" / "activations.yaml", TEMPLATES)
    text = spec_copy.read_text()
    old = "{name: alpha, type: float, default: 1.0, finite: true, doc: Scale of the negative part; its"
    assert old in text
    spec_copy.write_text(text.replace(old, old.replace("default: 1.0", "default: 0.75")))
    after = generate(spec_copy, TEMPLATES)
    changed = sorted(path for path in before if before[path] != after[path])
    assert changed == [
        "API.txt",
        "INPUTS.sha256",
        "docs/activations/elu.rst",
        "docs/index.rst",
        "mlx_activations/activations/elu.py",
        "tests/test_elu.py",
    ]
    code = after["mlx_activations/activations/elu.py"]
    assert "def elu(x: mx.array, alpha: float = 0.75)" in code  # the code
    assert "Default: ``0.75``" in code  # the docstring
    assert "def __init__(self, alpha: float = 0.75)" in code  # the Module
    assert "'alpha': 0.75" in after["tests/test_elu.py"].replace('"', "'")  # the test
    assert "``0.75``" in after["docs/activations/elu.rst"]  # the docs page


def test_a_bad_spec_gets_located_errors_and_leaves_generated_unchanged(tmp_path, spec_copy):
    out = tmp_path / "generated"
    assert run_codegen("--out", out).returncode == 0
    before = read_tree(out)
    spec_copy.write_text(
        spec_copy.read_text().replace("    module: ReLU\n", "    modle: ReLU\n", 1)
    )
    result = run_codegen("--spec", spec_copy, "--out", out, cwd=spec_copy.parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "activations.yaml:" in result.stderr
        and ": error: unknown key 'modle' in activation" in result.stderr
    )
    assert "hint: did you mean 'module'?" in result.stderr
    assert read_tree(out) == before


def test_every_schema_key_is_documented():
    from codegen import schema

    documented = (ROOT / "spec" / "README.md").read_text()
    for shape in (schema.SPEC, schema.ACTIVATION, schema.PARAM, schema.MODULE, schema.HELPER):
        for field in shape.fields:
            assert (
                f"| `{field.name}` |" in documented
            ), f"spec/README.md does not document '{field.name}'"


def test_the_speed_pages_show_torch_where_the_run_timed_it(spec_copy):
    import json

    results = spec_copy.parent.parent / "measure" / "results" / "speed-cpu.json"
    run = json.loads(results.read_text())
    run["summary"].update(
        torch="2.0, 2 threads", geometric_mean_vs_torch=5.25, mlx_nn_geometric_mean_vs_torch=7.5
    )
    run["rows"][0]["torch_ms"], run["rows"][1]["torch_ms"] = 0.5, None
    results.write_text(json.dumps(run))
    page = generate(spec_copy, TEMPLATES)["docs/speed-cpu.rst"]
    assert (
        "(torch 2.0, 2 threads), over\nthe rows it times: geometric mean of ours / torch 5.25"
        in page
    )
    assert "     - ours / x + 0\n     - torch (ms)\n" in page
    first, second = run["rows"][0], run["rows"][1]
    assert f"     - {first['ours_vs_copy']:.2f}\n     - 0.50\n" in page
    assert f"     - {second['ours_vs_copy']:.2f}\n     - -\n" in page
    # The GPU run timed no torch: its page has no such column.
    assert "torch (ms)" not in generate(spec_copy, TEMPLATES)["docs/speed-gpu.rst"]


def test_the_speed_pages_show_the_backward_memory_table(spec_copy):
    import json

    results = spec_copy.parent.parent / "measure" / "results" / "speed-cpu.json"
    run = json.loads(results.read_text())
    memory = run["summary"]["backward_peak_memory"]
    memory[0].pop("ours_compiled_mib")  # a table measured before the compiled columns
    results.write_text(json.dumps(run))
    page = generate(spec_copy, TEMPLATES)["docs/speed-cpu.rst"]
    assert "Backward pass\n-------------" in page
    first, second = memory[0], memory[1]
    assert (
        f"   * - {first['name']}\n     - {first['input_mib']:.0f}\n     - {first['ours_mib']:.1f}\n"
        f"     - {first['mlx_nn_mib']:.1f}\n     - -\n" in page
    )
    assert f"     - {second['ours_compiled_mib']:.1f}\n" in page
