# Generated from spec/activations.yaml by codegen; do not edit.
"""Tests of celu and CELU, from its spec entry."""

import collections
import importlib
import inspect
import math
import re

import mlx.core as mx
import pytest
from mpmath import mp

import mlx_activations as act
import support

FUNCTION = act.celu
IMPLEMENTATION = importlib.import_module("mlx_activations.activations.celu")
AXIS_RULE = "none"
DEFAULTS = {"alpha": 1.0}
ARRAY_PARAMS = []
PARAM_SETS = [{}, {"alpha": 0.1}, {"alpha": 3.0}, {"alpha": 1024.0}, {"alpha": -1048576.0}]
TOLERANCE = {"float32": 4.0, "float16": 1.0, "bfloat16": 1.0}


@pytest.fixture(autouse=True, params=["as on the CPU", "as on a GPU"])
def formula(request, monkeypatch):
    # MLX's CPU and a GPU compute different formulas (the half formula for half inputs on a GPU):
    # every test checks both, on the CPU.
    if request.param == "as on a GPU":
        monkeypatch.setattr(IMPLEMENTATION._checks, "on_cpu", lambda: False)
    return request.param


def reference(x, alpha):
    return x if x > 0 else alpha * mp.expm1(x / alpha)


def call_args(params):
    return {k: (mx.array(v) if k in ARRAY_PARAMS else v) for k, v in params.items()}


@pytest.mark.parametrize("dtype", list(support.DTYPES))
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_matches_reference(dtype, params):
    support.check_reference(
        FUNCTION, reference, AXIS_RULE, dtype, params, DEFAULTS, ARRAY_PARAMS, TOLERANCE[dtype]
    )


LIMITS = {}


def limit(at, params):
    """The exact value at -inf or inf: the spec's limit where it gives one, else the reference."""
    values = {k: support._as_mp(v) for k, v in (DEFAULTS | params).items()}
    if at in LIMITS:
        return eval(
            LIMITS[at], {"mp": mp}, values
        )  # a spec expression checked by codegen's whitelist
    return reference(mp.mpf(at), **values)


@pytest.mark.parametrize("dtype", list(support.DTYPES))
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_limits_at_infinity_are_exact(dtype, params):
    support.check_limits(FUNCTION, limit, dtype, params, call_args(params))


def test_nan_propagates():
    support.check_nan_propagates(FUNCTION, AXIS_RULE, call_args(PARAM_SETS[0]))


@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_gradient_is_finite(params):
    support.check_gradient(
        FUNCTION, reference, AXIS_RULE, params, DEFAULTS, call_args(params), smooth=False
    )


@pytest.mark.parametrize("dtype", ["float16", "bfloat16"])
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_half_gradient_is_finite(dtype, params):
    # Through float16 and bfloat16 inputs (the half formula, where there is one): the branch
    # where() discards may overflow at other inputs than in float32.
    support.check_gradient_at_edges(FUNCTION, call_args(params), dtype)


@pytest.mark.parametrize("dtype", list(support.DTYPES))
def test_keeps_the_input_dtype(dtype):
    x = support.sample(AXIS_RULE).astype(support.DTYPES[dtype])
    assert FUNCTION(x, **call_args(PARAM_SETS[0])).dtype == support.DTYPES[dtype]


def test_signature_and_defaults():
    signature = inspect.signature(FUNCTION)
    assert str(signature) == "(x: mlx.core.array, alpha: float = 1.0) -> mlx.core.array"
    defaults = {name: p.default for name, p in signature.parameters.items() if name != "x"}
    assert defaults == {"alpha": 1.0}
    x = support.sample(AXIS_RULE)
    assert support.same(FUNCTION(x), FUNCTION(x, **DEFAULTS))


@pytest.mark.parametrize("dtype", list(support.DTYPES))
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_cpu_split_gives_the_fused_results_bit_for_bit(dtype, params, monkeypatch):
    x = support.grid_and_sample(AXIS_RULE, dtype)
    monkeypatch.setattr(IMPLEMENTATION._checks, "on_cpu", lambda: True)
    split = FUNCTION(x, **call_args(params))
    monkeypatch.setattr(IMPLEMENTATION._checks, "on_cpu", lambda: False)
    monkeypatch.setattr(IMPLEMENTATION._checks, "is_half", lambda x: False)  # the fused _kernel
    assert support.same(split, FUNCTION(x, **call_args(params)))


@pytest.mark.parametrize("dtype", list(support.DTYPES))
def test_defaults_kernel_gives_the_parameter_arrays_results(dtype, monkeypatch):
    # At the defaults a GPU runs _default_kernel, their arrays captured as constants: the same
    # results as the kernel that takes them as arguments.
    x = support.grid_and_sample(AXIS_RULE, dtype)
    monkeypatch.setattr(IMPLEMENTATION._checks, "on_cpu", lambda: False)
    IMPLEMENTATION._default_kernel.cache_clear()
    y = FUNCTION(x)
    assert IMPLEMENTATION._default_kernel.cache_info().currsize == 1  # it ran
    alpha, below, inverse, near, negative_inverse = IMPLEMENTATION._prepared(
        *IMPLEMENTATION._DEFAULTS
    )
    kernel = (
        IMPLEMENTATION._half_kernel if IMPLEMENTATION._checks.is_half(x) else IMPLEMENTATION._kernel
    )
    assert support.same(y, kernel(x, alpha, below, inverse, near, negative_inverse))


def test_example_in_the_docstring_runs():
    support.check_docstring_examples(FUNCTION)


@pytest.mark.parametrize(
    "bad, words",
    [
        (math.nan, "must not be NaN"),
        ("1.0", "must be a real number"),
        (True, "must be a real number"),
        (math.inf, "must be finite, got inf"),
        (-math.inf, "must be finite, got -inf"),
    ],
)
def test_rejects_a_alpha_that_is_not_a_number(bad, words):
    with pytest.raises(ValueError, match=re.escape(f"celu: alpha {words}")):
        FUNCTION(support.sample(AXIS_RULE), **(call_args(PARAM_SETS[0]) | {"alpha": bad}))


@pytest.mark.parametrize("values, message", [({"alpha": 0.0}, "celu: alpha (0.0) must be != 0")])
def test_function_rejects_values_that_break_a_constraint(values, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        FUNCTION(support.sample(AXIS_RULE), **values)


def test_new_parameter_values_and_shapes_do_not_recompile(monkeypatch, formula):
    # Every compiled function (the kernel, or each stage of its CPU split) converts its inputs
    # first, so the conversions count the traces, by the function that traced.
    traces = collections.Counter()
    convert = IMPLEMENTATION._checks.to_compute

    def counting(x):
        caller = inspect.currentframe().f_back
        # A GPU's kernel for the defaults is compiled on its own, around the kernel: its trace
        # of the kernel is counted apart.
        outer = caller
        while outer and not outer.f_code.co_qualname.startswith("_default_kernel."):
            outer = outer.f_back
        traces[("_default_kernel: " if outer else "") + caller.f_code.co_name] += 1
        return convert(x)

    monkeypatch.setattr(IMPLEMENTATION._checks, "to_compute", counting)
    # A rank no other test uses: each structural value (an axis) traces once, then calls with
    # new parameter values and new shapes reuse the trace. One more axis as on a GPU, whose
    # kernel the CPU may share, so that it traces afresh.
    lead = (2,) if formula == "as on a GPU" else ()
    for params, shape in zip(
        PARAM_SETS * 2,
        [(2, 1, 1, 1, 2, 4)] * len(PARAM_SETS) + [(4, 1, 2, 1, 2, 6)] * len(PARAM_SETS),
    ):
        x = mx.random.normal(lead + shape, key=mx.random.key(sum(traces.values())))
        y = FUNCTION(x, **call_args(params))
        mx.eval(y)
    for driver in ["_cpu_kernel"]:  # the CPU's drivers, not compiled, convert on every call
        traces.pop(driver, None)
    assert traces and max(traces.values()) == 1, traces


def test_parameter_arrays_are_built_once_for_each_value():
    # Values seen before reuse the arrays built for them, so the call launches no kernel for its
    # parameters; new values, and -0.0 beside 0.0, get arrays of their own.
    values = {**DEFAULTS, **PARAM_SETS[0]}
    first = [values[name] for name in ["alpha"]]
    arrays = IMPLEMENTATION._prepared(*first)
    assert IMPLEMENTATION._prepared(*first) is arrays
    zero = IMPLEMENTATION._prepared(*[0.0 if isinstance(v, float) else v for v in first])
    negative_zero = IMPLEMENTATION._prepared(*[-0.0 if isinstance(v, float) else v for v in first])
    assert math.copysign(1, zero[0].item()) == 1 and math.copysign(1, negative_zero[0].item()) == -1


MODULE = act.CELU


def test_module_defaults_and_repr():
    layer = MODULE()
    assert layer.alpha == 1.0
    assert repr(layer) == "CELU(alpha=1.0)"
    assert str(inspect.signature(MODULE)) == "(alpha: float = 1.0)"


@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_module_matches_the_function(params):
    x = support.sample(AXIS_RULE)
    layer = MODULE(**params)
    for name, value in params.items():
        assert getattr(layer, name) == value
    assert support.same(layer(x), FUNCTION(x, **params))


@pytest.mark.parametrize("values, message", [({"alpha": 0.0}, "CELU: alpha (0.0) must be != 0")])
def test_module_rejects_values_that_break_a_constraint(values, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        MODULE(**values)


def test_module_example_in_the_docstring_runs():
    support.check_docstring_examples(MODULE)
