# Generated from spec/activations.yaml by codegen; do not edit.
"""Tests of rrelu and RReLU, from its spec entry."""

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

FUNCTION = act.rrelu
IMPLEMENTATION = importlib.import_module("mlx_activations.activations.rrelu")
AXIS_RULE = "none"
DEFAULTS = {"lower": 0.125, "upper": 0.3333333333333333, "training": False, "key": None}
ARRAY_PARAMS = []
PARAM_SETS = [{}, {"lower": 0.25, "upper": 0.5}, {"lower": 0.0, "upper": 0.0}]
TOLERANCE = {"float32": 4.0, "float16": 1.0, "bfloat16": 1.0}


def reference(x, lower, upper, training, key):
    return x if x >= 0 else (lower + upper) / 2 * x


def call_args(params):
    return {k: (mx.array(v) if k in ARRAY_PARAMS else v) for k, v in params.items()}


@pytest.mark.parametrize("dtype", list(support.DTYPES))
@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_matches_reference(dtype, params):
    support.check_reference(
        FUNCTION, reference, AXIS_RULE, dtype, params, DEFAULTS, ARRAY_PARAMS, TOLERANCE[dtype]
    )


LIMITS = {"-inf": "-mp.inf if lower + upper != 0 else 0"}


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
    assert (
        str(signature)
        == "(x: mlx.core.array, lower: float = 0.125, upper: float = 0.3333333333333333, training: bool = False, key: mlx.core.array | None = None) -> mlx.core.array"
    )
    defaults = {name: p.default for name, p in signature.parameters.items() if name != "x"}
    assert defaults == {"lower": 0.125, "upper": 0.3333333333333333, "training": False, "key": None}
    x = support.sample(AXIS_RULE)
    assert support.same(FUNCTION(x), FUNCTION(x, **DEFAULTS))


@pytest.mark.parametrize("dtype", list(support.DTYPES))
def test_defaults_kernel_gives_the_parameter_arrays_results(dtype, monkeypatch):
    # At the defaults a GPU runs _default_kernel, their arrays captured as constants: the same
    # results as the kernel that takes them as arguments.
    x = support.grid_and_sample(AXIS_RULE, dtype)
    monkeypatch.setattr(IMPLEMENTATION._checks, "on_cpu", lambda: False)
    IMPLEMENTATION._default_kernel.cache_clear()
    y = FUNCTION(x)
    assert IMPLEMENTATION._default_kernel.cache_info().currsize == 1  # it ran
    lower, upper, slope = IMPLEMENTATION._prepared(*IMPLEMENTATION._DEFAULTS)
    kernel = IMPLEMENTATION._kernel
    assert support.same(y, kernel(x, lower, upper, slope))


@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_training_draws_slope_from_the_key_within_its_bounds(params):
    x = support.sample(AXIS_RULE)
    merged = DEFAULTS | params
    key = mx.random.key(support.SEED)
    y = FUNCTION(x, **params, training=True, key=key)
    assert support.same(
        y, FUNCTION(x, **params, training=True, key=key)
    ), "the same key gave another draw"
    # With the bounds collapsed onto one of them, every draw is that bound.
    at = [
        FUNCTION(x, **(params | {"lower": merged[bound], "upper": merged[bound]}))
        for bound in ("lower", "upper")
    ]
    inside = ((mx.minimum(*at) <= y) & (y <= mx.maximum(*at))) | mx.isnan(y)
    assert bool(
        mx.all(inside)
    ), f"{y.tolist()} is not between {at[0].tolist()} and {at[1].tolist()}"
    if merged["lower"] < merged["upper"]:
        assert not support.same(
            y, FUNCTION(x, **params, training=True, key=mx.random.key(support.SEED + 1))
        )
    points = mx.array(support.GRADIENT_POINTS)
    gradient = mx.grad(lambda v: FUNCTION(v, **params, training=True, key=key).sum())(points)
    assert bool(mx.all(mx.isfinite(gradient))), gradient.tolist()


def test_example_in_the_docstring_runs():
    support.check_docstring_examples(FUNCTION)


@pytest.mark.parametrize(
    "bad, words",
    [
        (math.nan, "must not be NaN"),
        ("1.0", "must be a real number"),
        (True, "must be a real number"),
    ],
)
def test_rejects_a_lower_that_is_not_a_number(bad, words):
    with pytest.raises(ValueError, match=re.escape(f"rrelu: lower {words}")):
        FUNCTION(support.sample(AXIS_RULE), **(call_args(PARAM_SETS[0]) | {"lower": bad}))


@pytest.mark.parametrize("value", [math.inf, -math.inf])
def test_an_infinite_lower_gives_no_nan(value):
    # Infinity is a valid lower here (or one a constraint rejects); never a silent NaN.
    params = call_args(PARAM_SETS[0]) | {"lower": value}
    x = support.sample(AXIS_RULE)
    try:
        y = FUNCTION(x, **params)
    except ValueError as error:
        assert "lower" in str(error), error
        return
    support.check_no_new_nan(x, y)


@pytest.mark.parametrize(
    "bad, words",
    [
        (math.nan, "must not be NaN"),
        ("1.0", "must be a real number"),
        (True, "must be a real number"),
    ],
)
def test_rejects_a_upper_that_is_not_a_number(bad, words):
    with pytest.raises(ValueError, match=re.escape(f"rrelu: upper {words}")):
        FUNCTION(support.sample(AXIS_RULE), **(call_args(PARAM_SETS[0]) | {"upper": bad}))


@pytest.mark.parametrize("value", [math.inf, -math.inf])
def test_an_infinite_upper_gives_no_nan(value):
    # Infinity is a valid upper here (or one a constraint rejects); never a silent NaN.
    params = call_args(PARAM_SETS[0]) | {"upper": value}
    x = support.sample(AXIS_RULE)
    try:
        y = FUNCTION(x, **params)
    except ValueError as error:
        assert "upper" in str(error), error
        return
    support.check_no_new_nan(x, y)


@pytest.mark.parametrize("bad", ["yes", 1, None])
def test_rejects_a_training_that_is_not_a_bool(bad):
    with pytest.raises(ValueError, match=re.escape("rrelu: training must be True or False")):
        FUNCTION(support.sample(AXIS_RULE), **(call_args(PARAM_SETS[0]) | {"training": bad}))


@pytest.mark.parametrize(
    "bad",
    [0, mx.array([1.0, 2.0]), mx.array([1, 2, 3], dtype=mx.uint32)],
    ids=["int", "floats", "three"],
)
def test_rejects_a_key_that_is_not_a_random_key(bad):
    with pytest.raises(
        ValueError, match=re.escape("rrelu: key must be a key from mx.random.key or None")
    ):
        FUNCTION(support.sample(AXIS_RULE), **(call_args(PARAM_SETS[0]) | {"key": bad}))


@pytest.mark.parametrize(
    "values, message",
    [
        (
            {"lower": 1.3333333333333333, "upper": 0.3333333333333333},
            "rrelu: lower (1.3333333333333333) must be <= upper (0.3333333333333333)",
        )
    ],
)
def test_function_rejects_values_that_break_a_constraint(values, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        FUNCTION(support.sample(AXIS_RULE), **values)


def test_new_parameter_values_and_shapes_do_not_recompile(monkeypatch):
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


def test_parameter_arrays_are_built_once_for_each_value():
    # Values seen before reuse the arrays built for them, so the call launches no kernel for its
    # parameters; new values, and -0.0 beside 0.0, get arrays of their own.
    values = {**DEFAULTS, **PARAM_SETS[0]}
    first = [values[name] for name in ["lower", "upper"]]
    arrays = IMPLEMENTATION._prepared(*first)
    assert IMPLEMENTATION._prepared(*first) is arrays
    zero = IMPLEMENTATION._prepared(*[0.0 if isinstance(v, float) else v for v in first])
    negative_zero = IMPLEMENTATION._prepared(*[-0.0 if isinstance(v, float) else v for v in first])
    assert math.copysign(1, zero[0].item()) == 1 and math.copysign(1, negative_zero[0].item()) == -1


MODULE = act.RReLU


def test_module_defaults_and_repr():
    layer = MODULE()
    assert layer.lower == 0.125
    assert layer.upper == 0.3333333333333333
    assert repr(layer) == "RReLU(lower=0.125, upper=0.3333333333333333)"
    assert (
        str(inspect.signature(MODULE))
        == "(lower: float = 0.125, upper: float = 0.3333333333333333)"
    )


@pytest.mark.parametrize("params", PARAM_SETS, ids=str)
def test_module_matches_the_function(params):
    x = support.sample(AXIS_RULE)
    layer = MODULE(**params)
    layer.eval()  # in training mode it draws; test_module_follows_its_training_mode covers that
    for name, value in params.items():
        assert getattr(layer, name) == value
    assert support.same(layer(x), FUNCTION(x, **params))


@pytest.mark.parametrize(
    "values, message",
    [
        (
            {"lower": 1.3333333333333333, "upper": 0.3333333333333333},
            "RReLU: lower (1.3333333333333333) must be <= upper (0.3333333333333333)",
        )
    ],
)
def test_module_rejects_values_that_break_a_constraint(values, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        MODULE(**values)


def test_module_follows_its_training_mode():
    x = support.sample(AXIS_RULE)
    layer = MODULE()
    assert layer.training  # an nn.Module starts in training mode
    mx.random.seed(support.SEED)
    first = layer(x)
    mx.random.seed(support.SEED + 1)
    assert not support.same(first, layer(x)), "training mode drew the same values from another seed"
    layer.eval()
    assert support.same(layer(x), FUNCTION(x))


def test_module_example_in_the_docstring_runs():
    support.check_docstring_examples(MODULE)
