# Generated from spec/activations.yaml by codegen; do not edit.
"""Tests of log_sigmoid and LogSigmoid, from its spec entry."""

import collections
import importlib
import inspect

import mlx.core as mx
import pytest
from mpmath import mp

import mlx_activations as act
import support

FUNCTION = act.log_sigmoid
IMPLEMENTATION = importlib.import_module("mlx_activations.activations.log_sigmoid")
AXIS_RULE = "none"
DEFAULTS = {}
ARRAY_PARAMS = []
PARAM_SETS = [{}]
TOLERANCE = {"float32": 4.0, "float16": 1.0, "bfloat16": 1.0}


@pytest.fixture(autouse=True, params=["as on the CPU", "as on a GPU"])
def formula(request, monkeypatch):
    # MLX's CPU and a GPU compute different formulas (the half formula for half inputs on a GPU):
    # every test checks both, on the CPU.
    if request.param == "as on a GPU":
        monkeypatch.setattr(IMPLEMENTATION._checks, "on_cpu", lambda: False)
    return request.param


def reference(x):
    return -mp.log1p(mp.exp(-x))


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
def test_gradient_is_finite_and_accurate(params):
    support.check_gradient(
        FUNCTION, reference, AXIS_RULE, params, DEFAULTS, call_args(params), smooth=True
    )


@pytest.mark.parametrize("dtype", ["float16", "bfloat16"])
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_half_gradient_is_accurate(dtype, params):
    support.check_half_gradient(
        FUNCTION, reference, AXIS_RULE, params, DEFAULTS, call_args(params), dtype
    )


@pytest.mark.parametrize("dtype", list(support.DTYPES))
def test_keeps_the_input_dtype(dtype):
    x = support.sample(AXIS_RULE).astype(support.DTYPES[dtype])
    assert FUNCTION(x, **call_args(PARAM_SETS[0])).dtype == support.DTYPES[dtype]


def test_signature_and_defaults():
    signature = inspect.signature(FUNCTION)
    assert str(signature) == "(x: mlx.core.array) -> mlx.core.array"
    defaults = {name: p.default for name, p in signature.parameters.items() if name != "x"}
    assert defaults == {}
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


def test_example_in_the_docstring_runs():
    support.check_docstring_examples(FUNCTION)


def test_new_parameter_values_and_shapes_do_not_recompile(monkeypatch, formula):
    # Every compiled function (the kernel, or each stage of its CPU split) converts its inputs
    # first, so the conversions count the traces, by the function that traced.
    traces = collections.Counter()
    convert = IMPLEMENTATION._checks.to_compute

    def counting(x):
        caller = inspect.currentframe().f_back
        traces[caller.f_code.co_name] += 1
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


MODULE = act.LogSigmoid


def test_module_defaults_and_repr():
    layer = MODULE()
    assert repr(layer) == "LogSigmoid()"
    assert str(inspect.signature(MODULE)) == "()"


@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_module_matches_the_function(params):
    x = support.sample(AXIS_RULE)
    layer = MODULE(**params)
    for name, value in params.items():
        assert getattr(layer, name) == value
    assert support.same(layer(x), FUNCTION(x, **params))


def test_module_example_in_the_docstring_runs():
    support.check_docstring_examples(MODULE)
