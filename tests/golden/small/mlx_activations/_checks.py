# Generated from spec/activations.yaml by codegen; do not edit.
"""Runtime checks and dtype rules shared by every activation.

A bad value raises ValueError naming the function (or Module), the parameter and the value,
before any compute runs.
"""

import functools
import math
import numbers

import mlx.core as mx

_HALF = (mx.float16, mx.bfloat16)


def as_array(x) -> mx.array:
    return x if isinstance(x, mx.array) else mx.array(x)


def to_compute(x: mx.array) -> mx.array:
    """float16/bfloat16 (and non-float) inputs are computed in float32."""
    if x.dtype in _HALF or not mx.issubdtype(x.dtype, mx.floating):
        return x.astype(mx.float32)
    return x


def to_compute_exact(x: mx.array) -> mx.array:
    """For activations that only select values: floats as they are, other inputs in float32."""
    return x if mx.issubdtype(x.dtype, mx.floating) else x.astype(mx.float32)


def to_output(y: mx.array, input_dtype) -> mx.array:
    """Floating inputs get their own dtype back; other inputs get float32 (a CPU formula may
    have computed in float64). One rounding either way."""
    return y.astype(input_dtype if mx.issubdtype(input_dtype, mx.floating) else mx.float32)


def is_half(x: mx.array) -> bool:
    """float16 or bfloat16, which a GPU computes with an activation's half formula if it has one."""
    return x.dtype in _HALF


def _signed(values) -> tuple:
    """Parameter values, each float beside its sign: 0.0 and -0.0 are equal numbers but
    different parameters (results may differ in the sign of a zero)."""
    return tuple((v, math.copysign(1.0, v) if isinstance(v, float) else None) for v in values)


def same_values(values: tuple, defaults: tuple) -> bool:
    """Whether parameter values are the defaults, the sign of a zero included."""
    return _signed(values) == _signed(defaults)


def on_cpu() -> bool:
    """Whether MLX computes on the CPU now, where the CPU's kernels (_cpu_*) are faster."""
    return mx.default_device() == mx.cpu


def per_value(prepare):
    """prepare(*parameters) -> the kernel's parameter arrays, built, evaluated and kept for each
    parameter values (and device) it meets, so that a call with values seen before launches no
    kernel for them: on a GPU the scalar operations cost 0.02-0.08 ms per call, a fifth of a
    pass over 2^27 bfloat16 elements. 0.0 and -0.0 are kept apart; past 256 values the oldest
    are dropped."""

    @functools.lru_cache(maxsize=256)
    def kept(key, cpu):
        arrays = prepare(*(value for value, _ in key))
        mx.eval(arrays)
        return arrays

    @functools.wraps(prepare)
    def prepared(*values):
        return kept(_signed(values), on_cpu())

    return prepared


def _scalar(value):
    # A 0-d mx.array is accepted where a Python number is, as mlx.nn accepts it.
    if isinstance(value, mx.array) and value.ndim == 0:
        return value.item()
    return value


def real(owner: str, name: str, value, finite: bool = False) -> float:
    value = _scalar(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{owner}: {name} must be a real number, got {value!r}")
    value = float(value)
    if math.isnan(value):
        raise ValueError(f"{owner}: {name} must not be NaN")
    if finite and math.isinf(value):
        raise ValueError(f"{owner}: {name} must be finite, got {value!r}")
    return value


def integer(owner: str, name: str, value) -> int:
    value = _scalar(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{owner}: {name} must be an integer, got {value!r}")
    return int(value)


def boolean(owner: str, name: str, value) -> bool:
    value = _scalar(value)
    if not isinstance(value, bool):
        raise ValueError(f"{owner}: {name} must be True or False, got {value!r}")
    return value


def key(owner: str, name: str, value):
    """None (MLX's global generator) or a key from mx.random.key."""
    if value is None or (
        isinstance(value, mx.array) and value.dtype == mx.uint32 and value.shape == (2,)
    ):
        return value
    raise ValueError(f"{owner}: {name} must be a key from mx.random.key or None, got {value!r}")


def choice(owner: str, name: str, value, choices: tuple) -> str:
    if value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{owner}: {name} must be one of {allowed}, got {value!r}")
    return value


def array(owner: str, name: str, value) -> mx.array:
    if isinstance(value, mx.array):
        return value
    try:
        return mx.array(value)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{owner}: {name} must be an array, got {value!r}") from error


def operand(value: mx.array, x: mx.array) -> mx.array:
    """An array parameter as the kernel takes it: a single value that broadcasts against x
    without changing its shape becomes a 0-d array, which MLX's CPU kernels read as a scalar
    (given shape (1,), they took their strided loop: prelu 1.9 ms at 2^22 elements, 1.0 as 0-d)."""
    return value.reshape(()) if value.size == 1 and value.ndim <= x.ndim else value


def axis(owner: str, value, x: mx.array) -> int:
    """The axis as a non-negative index into x's dimensions."""
    value = integer(owner, "axis", value)
    if not -x.ndim <= value < x.ndim:
        raise ValueError(
            f"{owner}: axis {value} is out of range for an array of {x.ndim} dimensions"
        )
    return value % x.ndim


def reduce_axis(owner: str, value, x: mx.array) -> int:
    """Like axis(), and the axis must hold entries to reduce. (An empty result instead, as
    mlx.nn.softmax gives, would be a different graph from the one any other shape gets: under a
    user's mx.compile(shapeless=True), traced once on an empty axis, it would be reused wrongly.)"""
    index = axis(owner, value, x)
    if x.shape[index] == 0:
        raise ValueError(f"{owner}: axis {value} has size 0: there is nothing to reduce")
    return index


def split_axis(owner: str, value, x: mx.array) -> int:
    """Like axis(), and the axis must split into two even halves."""
    index = axis(owner, value, x)
    if x.shape[index] % 2:
        raise ValueError(f"{owner}: axis {value} has size {x.shape[index]}, which is not even")
    return index
