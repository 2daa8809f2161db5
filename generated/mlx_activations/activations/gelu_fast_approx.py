# Generated from spec/activations.yaml by codegen; do not edit.
"""The gelu_fast_approx activation."""

from functools import partial

import mlx.core as mx

from .. import _checks
from .._helpers import (
    with_slope,
    sigmoid_product_with_error,
    times_sigmoid_slope,
    half_far_times_sigmoid,
    times_sigmoid_wide,
    scaled_error,
)

__all__ = ["gelu_fast_approx"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    v = mx.clip(x, -200, 200)
    u = v * (1.7021484375 + -0.00014841556549072266)
    u_low = scaled_error(v, 1.7021484375, -0.00014841556549072266) - v * 2.193450927734375e-08
    value = mx.contiguous(sigmoid_product_with_error(x, u, u_low))
    w = v * 1.702
    return with_slope(value, x, times_sigmoid_slope(w, w))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    far = x < -47
    return half_far_times_sigmoid(x, x * 1.702, far)


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


def _cpu_formula(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    wide = mx.astype(x, mx.float64)
    return times_sigmoid_wide(wide, 1.702 * wide)


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x):
    return _checks.to_output(_cpu_formula(_checks.to_compute(x)), x.dtype)


def gelu_fast_approx(x: mx.array) -> mx.array:
    r"""Applies the sigmoid approximation of the Gaussian Error Linear Unit.

    x * sigmoid(1.702 x). Its largest absolute error against gelu on [-6, 6] is about 0.02, near x = 2.27.

    .. math::

        \text{GELU}_{\sigma}(x) = x \, \sigma(1.702\,x)

    An approximation of :func:`gelu`.

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.gelu_fast_approx(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)
