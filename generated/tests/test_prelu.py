# Generated from spec/activations.yaml by codegen; do not edit.
"""Tests of prelu and PReLU, from its spec entry."""

import collections
import importlib
import inspect
import re

import mlx.core as mx
import pytest
from mpmath import mp

import mlx_activations as act
import support

FUNCTION = act.prelu
IMPLEMENTATION = importlib.import_module("mlx_activations.activations.prelu")
AXIS_RULE = "none"
DEFAULTS = {}
ARRAY_PARAMS = ["alpha"]
PARAM_SETS = [{"alpha": 0.25}, {"alpha": -1.5}, {"alpha": 0.0}]
TOLERANCE = {"float32": 4.0, "float16": 1.0, "bfloat16": 1.0}


def reference(x, alpha):
    return x if x >= 0 else alpha * x


def call_args(params):
    return {k: (mx.array(v) if k in ARRAY_PARAMS else v) for k, v in params.items()}


@pytest.mark.parametrize("dtype", list(support.DTYPES))
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_matches_reference(dtype, params):
    support.check_reference(
        FUNCTION, reference, AXIS_RULE, dtype, params, DEFAULTS, ARRAY_PARAMS, TOLERANCE[dtype]
    )


LIMITS = {"-inf": "-mp.inf * mp.sign(alpha) if alpha != 0 else 0"}


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


@pytest.mark.parametrize(
    "x_shape, value_shape",
    [((), (1,)), ((5,), (1,)), ((5,), ()), ((5,), (1, 1)), ((2, 3), (3,))],
    ids=str,
)
def test_an_array_alpha_broadcasts_as_numpy_does(x_shape, value_shape):
    # A single value is passed to the kernel as a 0-d array; the result's shape stays that of
    # broadcasting x against the parameter as given, and its values those of each element.
    x = mx.random.normal(x_shape, key=mx.random.key(1))
    value = mx.full(value_shape, PARAM_SETS[0]["alpha"])
    y = FUNCTION(x, **(call_args(PARAM_SETS[0]) | {"alpha": value}))
    assert y.shape == mx.broadcast_shapes(x.shape, value.shape)
    expected = FUNCTION(mx.broadcast_to(x, y.shape).reshape(-1), **call_args(PARAM_SETS[0]))
    assert support.same(y.reshape(-1), expected)


def test_signature_and_defaults():
    signature = inspect.signature(FUNCTION)
    assert str(signature) == "(x: mlx.core.array, alpha: mlx.core.array) -> mlx.core.array"
    defaults = {name: p.default for name, p in signature.parameters.items() if name != "x"}
    assert defaults == {"alpha": inspect.Parameter.empty}


def test_example_in_the_docstring_runs():
    support.check_docstring_examples(FUNCTION)


def test_new_parameter_values_and_shapes_do_not_recompile(monkeypatch):
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
    # new parameter values and new shapes reuse the trace.
    lead = ()
    for params, shape in zip(
        PARAM_SETS * 2,
        [(2, 1, 1, 1, 2, 4)] * len(PARAM_SETS) + [(4, 1, 2, 1, 2, 6)] * len(PARAM_SETS),
    ):
        x = mx.random.normal(lead + shape, key=mx.random.key(sum(traces.values())))
        y = FUNCTION(x, **call_args(params))
        mx.eval(y)
    assert traces and max(traces.values()) == 1, traces


MODULE = act.PReLU


def test_module_defaults_and_repr():
    layer = MODULE()
    assert layer.num_parameters == 1
    assert layer.init == 0.25
    assert repr(layer) == "PReLU(num_parameters=1, init=0.25)"
    assert str(inspect.signature(MODULE)) == "(num_parameters: int = 1, init: float = 0.25)"


def test_module_passes_its_weights_to_the_function():
    x = support.sample(AXIS_RULE)
    layer = MODULE()
    assert support.same(layer(x), FUNCTION(x, alpha=layer.weight))
    assert sorted(layer.parameters()) == ["weight"]


@pytest.mark.parametrize(
    "values, message", [({"num_parameters": 0}, "PReLU: num_parameters (0) must be >= 1")]
)
def test_module_rejects_values_that_break_a_constraint(values, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        MODULE(**values)


def test_module_example_in_the_docstring_runs():
    support.check_docstring_examples(MODULE)
