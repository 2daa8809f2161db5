# Generated from spec/activations.yaml by codegen; do not edit.
"""Tests of doubled_softmax and DoubledSoftmax, from its spec entry."""

import collections
import importlib
import inspect
import re

import mlx.core as mx
import pytest
from mpmath import mp

import mlx_activations as act
import support
from support import logsumexp

FUNCTION = act.doubled_softmax
IMPLEMENTATION = importlib.import_module("mlx_activations.activations.doubled_softmax")
AXIS_RULE = "reduce"
DEFAULTS = {"axis": -1}
ARRAY_PARAMS = []
PARAM_SETS = [{}]
TOLERANCE = {"float32": 4.0, "float16": 1.0, "bfloat16": 1.0}


def reference(x, row):
    return 2 * mp.exp(x - logsumexp(row))


def call_args(params):
    return {k: (mx.array(v) if k in ARRAY_PARAMS else v) for k, v in params.items()}


@pytest.mark.parametrize("dtype", list(support.DTYPES))
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_matches_reference(dtype, params):
    support.check_reference(
        FUNCTION, reference, AXIS_RULE, dtype, params, DEFAULTS, ARRAY_PARAMS, TOLERANCE[dtype]
    )


def test_nan_propagates():
    support.check_nan_propagates(FUNCTION, AXIS_RULE, call_args(PARAM_SETS[0]))


@pytest.mark.parametrize("params", [PARAM_SETS[0]], ids=str)
def test_gradient_is_finite_and_accurate(params):
    support.check_gradient(
        FUNCTION, reference, AXIS_RULE, params, DEFAULTS, call_args(params), smooth=True
    )


@pytest.mark.parametrize("dtype", ["float16", "bfloat16"])
@pytest.mark.parametrize("params", [PARAM_SETS[0]], ids=str)
def test_half_gradient_is_accurate(dtype, params):
    support.check_half_gradient(
        FUNCTION, reference, AXIS_RULE, params, DEFAULTS, call_args(params), dtype
    )


def test_masked_entries_are_exact():
    support.check_masked(FUNCTION, reference, DEFAULTS, {})


def test_an_axis_of_size_one_gives_the_reference():
    support.check_axis_of_size_one(FUNCTION, reference, DEFAULTS)


@pytest.mark.parametrize(
    "shape, axis", [((4, 0), -1), ((0, 3), 0), ((0,), 0), ((2, 0, 3), 1)], ids=str
)
def test_rejects_an_empty_axis(shape, axis):
    with pytest.raises(
        ValueError,
        match=re.escape(f"doubled_softmax: axis {axis} has size 0: there is nothing to reduce"),
    ):
        FUNCTION(mx.zeros(shape), axis=axis)


def test_rows_of_an_empty_batch_give_an_empty_result():
    assert FUNCTION(mx.zeros((0, 3)), axis=-1).shape == (0, 3)


def test_float32_rows_of_4096_match_reference():
    support.check_long_rows(FUNCTION, reference, "float32", TOLERANCE["float32"])


@pytest.mark.parametrize("dtype", list(support.DTYPES))
def test_keeps_the_input_dtype(dtype):
    x = support.sample(AXIS_RULE).astype(support.DTYPES[dtype])
    assert FUNCTION(x, **call_args(PARAM_SETS[0])).dtype == support.DTYPES[dtype]


def test_signature_and_defaults():
    signature = inspect.signature(FUNCTION)
    assert str(signature) == "(x: mlx.core.array, axis: int = -1) -> mlx.core.array"
    defaults = {name: p.default for name, p in signature.parameters.items() if name != "x"}
    assert defaults == {"axis": -1}
    x = support.sample(AXIS_RULE)
    assert support.same(FUNCTION(x), FUNCTION(x, **DEFAULTS))


def test_example_in_the_docstring_runs():
    support.check_docstring_examples(FUNCTION)


def test_rejects_an_axis_out_of_range():
    with pytest.raises(
        ValueError,
        match=re.escape("doubled_softmax: axis 2 is out of range for an array of 2 dimensions"),
    ):
        FUNCTION(mx.zeros((2, 4)), axis=2)
    with pytest.raises(
        ValueError,
        match=re.escape("doubled_softmax: axis -1 is out of range for an array of 0 dimensions"),
    ):
        FUNCTION(mx.array(1.0))


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


MODULE = act.DoubledSoftmax


def test_module_defaults_and_repr():
    layer = MODULE()
    assert layer.axis == -1
    assert repr(layer) == "DoubledSoftmax(axis=-1)"
    assert str(inspect.signature(MODULE)) == "(axis: int = -1)"


@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_module_matches_the_function(params):
    x = support.sample(AXIS_RULE)
    layer = MODULE(**params)
    for name, value in params.items():
        assert getattr(layer, name) == value
    assert support.same(layer(x), FUNCTION(x, **params))


def test_module_example_in_the_docstring_runs():
    support.check_docstring_examples(MODULE)
