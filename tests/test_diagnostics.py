"""A corpus of bad specs, each pinned to its exact message, and the safety of spec expressions.

Each case edits tests/data/small.yaml (a valid spec) in one place; the expected text is the whole
first diagnostic, `FILE:LINE:COL: error: MESSAGE`, as the author sees it.
"""

from pathlib import Path

import pytest

from codegen.diagnostics import SpecError
from codegen.load import loads
from codegen.validate import validate
from conftest import run_codegen

SMALL = (Path(__file__).parent / "data" / "small.yaml").read_text()
NAME = "spec/activations.yaml"


def diagnostics(text: str) -> list[str]:
    with pytest.raises(SpecError) as raised:
        validate(loads(text, NAME))
    return [d.format() for d in raised.value.diagnostics]


def edited(old: str, new: str) -> str:
    assert SMALL.count(old) == 1, old
    return SMALL.replace(old, new)


CASES = {
    "YAML syntax error": (
        ("version: 1", "version: [1"),
        "spec/activations.yaml:4:9: error: YAML syntax error: expected ',' or ']', but got ':'"
        " (while parsing a flow sequence)",
    ),
    "unknown key, with a hint": (
        ("    formula: '\\max(0, x)", "    fromula: 'x'\n    formula: '\\max(0, x)"),
        "spec/activations.yaml:20:5: error: unknown key 'fromula' in activation\n"
        "spec/activations.yaml:20:5: hint: did you mean 'formula'?",
    ),
    "missing required key": (
        ("    summary: Applies twice the softmax.\n", ""),
        "spec/activations.yaml:25:5: error: activation is missing required key 'summary'",
    ),
    "duplicate function name": (
        ("  - name: doubled_softmax", "  - name: scaled_relu"),
        "spec/activations.yaml:25:11: error: duplicate function name 'scaled_relu' (first defined at line 14)",
    ),
    "duplicate Module class name": (
        ("module: DoubledSoftmax", "module: ScaledReLU"),
        "spec/activations.yaml:26:13: error: duplicate Module class name 'ScaledReLU' (first defined at line 15)",
    ),
    "name that is not an identifier": (
        ("name: scaled_relu", "name: scaled-relu"),
        "spec/activations.yaml:14:11: error: 'name' must be a Python identifier that is not a keyword,"
        " got 'scaled-relu'",
    ),
    "name that is a keyword": (
        ("name: scaled_relu", "name: lambda"),
        "spec/activations.yaml:14:11: error: 'name' must be a Python identifier that is not a keyword,"
        " got 'lambda'",
    ),
    "name that shadows a helper": (
        ("name: scaled_relu", "name: twice"),
        "spec/activations.yaml:14:11: error: function name 'twice' would shadow another export or helper"
        " of the same name",
    ),
    "class name that shadows a function": (
        ("module: DoubledSoftmax", "module: scaled_relu"),
        "spec/activations.yaml:26:13: error: Module class name 'scaled_relu' would shadow another export"
        " or helper of the same name",
    ),
    "name that shadows a built-in": (
        ("name: scaled_relu", "name: max"),
        "spec/activations.yaml:14:11: error: function name 'max' is reserved: it would shadow a name the"
        " package or Python needs",
    ),
    "default of the wrong type": (
        ("default: 2.0", "default: two"),
        "spec/activations.yaml:19:45: error: default of 'scale' must be a number, got a string 'two'",
    ),
    "default that YAML read as text": (
        ("default: 2.0", "default: 2e-3"),
        "spec/activations.yaml:19:45: error: default of 'scale' must be a number, got a string '2e-3'\n"
        "spec/activations.yaml:19:45: hint: YAML reads numbers such as 1e-3 as text: write 1.0e-3",
    ),
    "default that breaks its constraint": (
        ("default: 2.0", "default: -1.0"),
        "spec/activations.yaml:19:45: error: default of scaled_relu: scale (-1.0) must be > 0",
    ),
    "finite on a parameter that is not a float": (
        (
            "{name: axis, type: int, default: -1, doc",
            "{name: axis, type: int, default: -1, finite: true, doc",
        ),
        "spec/activations.yaml:30:54: error: only 'float' parameters take 'finite'",
    ),
    "an infinite default of a finite parameter": (
        (
            "{name: shift, type: float, default: 1.0, doc",
            "{name: shift, type: float, default: .inf, finite: true, doc",
        ),
        "spec/activations.yaml:43:45: error: default of 'shift' is inf, but it must be finite",
    ),
    "name used but not declared": (
        ('"mx.maximum(x, 0) * scale"', '"mx.maximum(x, 0) * scal"'),
        "spec/activations.yaml:21:21: error: implementation: 'scal' is not allowed: 'scal' is not declared\n"
        "spec/activations.yaml:21:21: hint: did you mean 'scale'?",
    ),
    "parameter declared but never used": (
        ('"mx.maximum(x, 0) * scale"', '"mx.maximum(x, 0)"'),
        "spec/activations.yaml:19:7: error: parameter 'scale' is declared but never used in the implementation",
    ),
    "axis rule without an axis parameter": (
        (
            "{name: axis, type: int, default: -1, doc: The axis.}",
            "{name: dim, type: int, default: -1, doc: D.}",
        ),
        "spec/activations.yaml:31:11: error: axis rule 'reduce' needs an int parameter named 'axis'",
    ),
    "reference missing": (
        ('    reference: "max(x, 0) * scale"\n', ""),
        "spec/activations.yaml:14:5: error: activation is missing required key 'reference'",
    ),
    "formula missing": (
        ("    formula: '\\max(0, x) \\cdot \\text{scale}'\n", ""),
        "spec/activations.yaml:14:5: error: activation is missing required key 'formula'",
    ),
    "a YAML tag that would build an object": (
        ("version: 1", "version: !!python/object/apply:os.system ['true']"),
        "spec/activations.yaml:3:10: error: unsupported YAML tag"
        " 'tag:yaml.org,2002:python/object/apply:os.system': the spec holds plain data only",
    ),
    "duplicate key": (
        (
            "    family: demo\n    summary: Applies twice",
            "    family: demo\n    family: demo\n    summary: Applies twice",
        ),
        "spec/activations.yaml:28:5: error: duplicate key 'family' (first defined at line 27)",
    ),
    "alias that repeats a function name": (
        ("aliases: [shiftedrelu]", "aliases: [scaled_relu]"),
        "spec/activations.yaml:40:15: error: duplicate function name 'scaled_relu' (first defined at line 14)",
    ),
    "Module alias that repeats a class name": (
        ("module_aliases: [Shiftedrelu]", "module_aliases: [ScaledReLU]"),
        "spec/activations.yaml:41:22: error: duplicate Module class name 'ScaledReLU' (first defined at line 15)",
    ),
    "Module aliases without a Module": (
        ("module: ShiftedReLU", "module: null"),
        "spec/activations.yaml:41:21: error: shifted_relu has no Module to give other names",
    ),
    "special case on something that is not a parameter": (
        ('{when: "shift == 0"', '{when: "shift == 0 and scale == 1"'),
        "spec/activations.yaml:49:16: error: condition 'scale == 1' uses 'scale', which is not a parameter",
    ),
    "a special case's half formula where the activation has none": (
        (
            '{when: "shift == 0", implementation: "mx.maximum(x, 0)"}',
            '{when: "shift == 0", implementation: "mx.maximum(x, 0)", half: "mx.maximum(x, 0)"}',
        ),
        "spec/activations.yaml:49:72: error: a special case's half formula needs a half formula to stand in for",
    ),
    "a special case's cpu formula beside the activation's": (
        (
            '{when: "shift == 0", implementation: "mx.maximum(x, 0)"}',
            '{when: "shift == 0", implementation: "mx.maximum(x, 0)", cpu: "mx.maximum(x, 0)"}',
        ),
        "spec/activations.yaml:49:71: error: a special case's cpu formula needs the CPU split, and no cpu formula beside it (one serves every parameter value there)",
    ),
    "a half formula's condition that no tested parameter values meet": (
        ('when: "scale > 0"', 'when: "scale > 5"'),
        "spec/activations.yaml:75:13: error: the half formula's condition 'scale > 5' holds for"
        " neither the defaults nor a test parameter set, so no generated test would check the formula",
    ),
    "a half formula's condition on something that is not a parameter": (
        ('when: "scale > 0"', 'when: "scale > 0 and shift > 0"'),
        "spec/activations.yaml:75:13: error: condition 'shift > 0' uses 'shift', which is not a parameter",
    ),
    "a half formula's condition between two parameters": (
        ('when: "scale > 0"', 'when: "scale > scale"'),
        "spec/activations.yaml:75:13: error: a half formula's condition compares parameters with numbers",
    ),
    "a half formula's condition beside special cases": (
        (
            "    cpu:\n      let:\n        wide:",
            '    half: {when: "shift > 0", implementation: "mx.maximum(x + negated, 0)"}\n'
            "    cpu:\n      let:\n        wide:",
        ),
        "spec/activations.yaml:52:18: error: a half formula's condition cannot stand beside special"
        " cases (which serve half inputs through the half formula)",
    ),
    "random draws without a training flag and a key": (
        (
            "    let:\n      negated:",
            '    random:\n      noise: {uniform: [shift, shift], otherwise: "shift"}\n    let:\n      negated:',
        ),
        "spec/activations.yaml:44:5: error: random draws need the parameters 'training' (type bool) and 'key' (type key)",
    ),
    "random draw bounded by something that is not a float parameter": (
        (
            "    let:\n      negated:",
            '    random:\n      noise: {uniform: [shift, shfit], otherwise: "shift"}\n    let:\n      negated:',
        ),
        "spec/activations.yaml:45:24: error: 'uniform' takes two float parameters: [lower, upper]\n"
        "spec/activations.yaml:45:24: hint: did you mean 'shift'?",
    ),
    "a domain that is not a comparison of x": (
        (
            "    formula: '\\max(0, x - \\text{shift})'",
            "    domain: \"shift > 0\"\n    formula: '\\max(0, x - \\text{shift})'",
        ),
        "spec/activations.yaml:46:13: error: domain 'shift > 0' must compare x with a number, such as 'x > 0'",
    ),
    "float64 outside a cpu formula": (
        (
            'implementation: "mx.maximum(x + negated, 0)"',
            'implementation: "mx.maximum(mx.astype(x, mx.float64), 0)"',
        ),
        "spec/activations.yaml:47:21: error: implementation: 'mx.astype' is not allowed: it is not"
        " an allow-listed mx function",
    ),
    "a cpu formula rebinding a parameter-only value of the main let": (
        ('        wide: "mx.astype(x, mx.float64)"', '        negated: "mx.astype(x, mx.float64)"'),
        "spec/activations.yaml:54:9: error: 'negated' cannot be bound: it is not an identifier, is"
        " reserved, or is already a name here",
    ),
    "float64 in a half formula": (
        (
            '      implementation: "twice(mx.sigmoid(x)) / 4"',
            '      implementation: "mx.astype(x, mx.float64)"',
        ),
        "spec/activations.yaml:63:23: error: half implementation: 'mx.float64' is not allowed: mx"
        " functions must be called; the only readable ones are mx.float32",
    ),
    "a parameter named like a half of the split rule": (
        (
            "{name: axis, type: int, default: -1, doc: The axis.}",
            "{name: axis, type: int, default: -1, doc: The axis.}\n      - {name: row, type: float, default: 1.0, doc: A row.}",
        ),
        "spec/activations.yaml:31:16: error: parameter name 'row' is reserved",
    ),
    "convert_half_on_cpu where the CPU's kernel is split": (
        ("    module: ScaledReLU\n", "    module: ScaledReLU\n    convert_half_on_cpu: true\n"),
        "spec/activations.yaml:16:5: error: convert_half_on_cpu needs a cpu formula and"
        " split_on_cpu: false (a split converts half inputs once already), and not exact"
        " (nothing is converted there)",
    ),
    "a cpu half formula on an activation with an axis": (
        (
            '    implementation: "twice(mx.softmax(x, axis=axis, precise=True))"',
            '    implementation: "twice(mx.softmax(x, axis=axis, precise=True))"\n    cpu_half:\n      implementation: "x"',
        ),
        "spec/activations.yaml:34:5: error: a cpu half formula is for an element-wise activation"
        " without special cases that is not exact",
    ),
    "a half formula's own_dtype that is not a boolean": (
        (
            '      implementation: "twice(mx.sigmoid(x)) / 4"',
            '      implementation: "twice(mx.sigmoid(x)) / 4"\n      own_dtype: sometimes',
        ),
        "spec/activations.yaml:64:18: error: 'own_dtype' must be true or false, got a string",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_spec_gets_its_exact_message(case):
    (old, new), expected = CASES[case]
    assert expected in diagnostics(edited(old, new))


def test_other_formulas_see_only_the_main_lets_parameter_only_values():
    # Those are computed once per call and passed to every kernel; the main let's per-element
    # values are not: the cpu formula may read negated, not moved.
    text = (
        SMALL.replace(
            '      negated: "0 - shift"  #',
            '      moved: "x - shift"\n      negated: "0 - shift"  #',
        )
        .replace(
            'implementation: "mx.maximum(x + negated, 0)"',
            'implementation: "mx.maximum(moved + 0 * negated, 0)"',
        )
        .replace(
            'implementation: "mx.maximum(wide - shift, 0)"',
            'implementation: "mx.maximum(wide + negated, 0) + moved"',
        )
    )
    assert diagnostics(text) == [
        "spec/activations.yaml:56:23: error: cpu implementation: 'moved' is not allowed: 'moved' is not declared"
    ]


UNSAFE = {
    "attribute access": (
        "x.__class__",
        "'x.__class__' is not allowed: dunder names are never allowed",
    ),
    "attribute of a value": (
        "x.shape",
        "'x.shape' is not allowed: attribute access is not allowed; call mx.<function> instead",
    ),
    "the input's dtype outside a half formula": (
        "x + 0 * x.dtype",
        "'x.dtype' is not allowed: attribute access is not allowed; call mx.<function> instead",
    ),
    "dunder name": (
        "__builtins__",
        "'__builtins__' is not allowed: dunder names are never allowed",
    ),
    "import": (
        "__import__('os').system('true')",
        "'__import__('os').system' is not allowed: only mx.<function> and declared helpers may be called",
    ),
    "lambda": ("(lambda: x)()", "'lambda: x' is not allowed: only named functions may be called"),
    "comprehension": (
        "[v for v in x]",
        "'[v for v in x]' is not allowed: ListComp is not part of the expression language",
    ),
    "string": (
        "x + 'a'",
        "''a'' is not allowed: only numeric constants, True, False and None may appear",
    ),
    "call of a built-in": (
        "open(x)",
        "'open' is not allowed: it is neither a declared helper nor an allowed built-in",
    ),
    "mx function off the list": (
        "mx.eval(x)",
        "'mx.eval' is not allowed: it is not an allow-listed mx function",
    ),
    "subscript": (
        "x[0]",
        "'x[0]' is not allowed: Subscript is not part of the expression language",
    ),
    "walrus": (
        "(y := x)",
        "'y := x' is not allowed: NamedExpr is not part of the expression language",
    ),
}


@pytest.mark.parametrize("case", list(UNSAFE))
def test_unsafe_expressions_are_rejected_before_rendering(case):
    source, reason = UNSAFE[case]
    quoted = "'" + source.replace("'", "''") + "'"  # a YAML single-quoted scalar
    text = edited('returns: "x + x"', f"returns: {quoted}")
    assert (
        diagnostics(text)[0]
        == f"spec/activations.yaml:12:14: error: helper 'twice' returns: {reason}"
    )


def test_every_problem_is_reported_in_one_run_without_a_traceback(tmp_path):
    spec = tmp_path / "activations.yaml"
    text = edited("default: 2.0", "default: -1.0").replace(
        "module: DoubledSoftmax", "modul: DoubledSoftmax"
    )
    spec.write_text(text)
    result = run_codegen("--spec", spec, "--out", tmp_path / "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "activations.yaml:19:45: error: default of scaled_relu: scale (-1.0) must be > 0",
        "activations.yaml:25:5: error: activation is missing required key 'module'",
        "activations.yaml:26:5: error: unknown key 'modul' in activation",
        "activations.yaml:26:5: hint: did you mean 'module'?",
        "codegen: 3 errors; out/ left unchanged",
    ]
    assert not (tmp_path / "out").exists()
