# Generated from spec/activations.yaml by codegen; do not edit.
"""The gelu_approx activation."""

from functools import partial

import mlx.core as mx

from .. import _checks
from .._helpers import (
    with_slope,
    sigmoid_product_with_error,
    times_sigmoid_slope,
    sigmoid_wide,
    sum_error,
    scaled_error,
    product_error,
    square_error,
)

__all__ = ["gelu_approx"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    v = mx.clip(x, -20, 20)
    square = v * v
    square_low = square_error(v)
    quadratic = square * (0.07135009765625 + 4.716217517852783e-06)
    quadratic_low = (
        scaled_error(square, 0.07135009765625, 4.716217517852783e-06)
        + square_low * 0.07135481387376785
        + square * 2.3988323959931355e-09
    )
    inner = quadratic + 1.5957691669464111
    inner_low = sum_error(quadratic, 1.5957691669464111) + quadratic_low - 4.534068042105272e-08
    u = v * inner
    u_low = product_error(v, inner) + v * inner_low
    value = mx.contiguous(sigmoid_product_with_error(x, u, u_low))
    return with_slope(
        value,
        x,
        times_sigmoid_slope(
            v * (1.5957691216057308 + 0.07135481627260025 * square),
            v * (1.5957691216057308 + 0.21406444881780076 * square),
        ),
    )


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    # Half inputs reach it as they are (own_dtype): it converts them to float32 itself, or its
    # MLX operation computes in float32 inside.
    v = mx.astype(x, mx.float32)
    far = x < -9.5
    u = (
        v * 1.5957691216057308
        + mx.where(far, 40, 0)
        + mx.minimum(mx.square(v), 1e30) * (v * 0.07135481627260025)
    )
    return mx.where(
        far, mx.maximum(v, -3.4028234663852886e38) * 4.248354255291589e-18, v
    ) * mx.sigmoid(u)


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute_exact(x)), x.dtype)


def _cpu_formula(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    wide = mx.astype(mx.clip(x, -20, 20), mx.float64)
    return mx.maximum(x, -20) * sigmoid_wide(
        wide * (1.5957691216057308 + 0.07135481627260025 * wide * wide)
    )


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x):
    return _checks.to_output(_cpu_formula(_checks.to_compute(x)), x.dtype)


def gelu_approx(x: mx.array) -> mx.array:
    r"""Applies the tanh approximation of the Gaussian Error Linear Unit.

    Computed as x * sigmoid(2u), which equals the tanh form exactly and neither cancels for negative x nor overflows x^3 for large x.

    .. math::

        \text{GELU}_{\tanh}(x) = \frac{x}{2}\left(1 + \tanh\left(\sqrt{2/\pi}\,(x + 0.044715\,x^3)\right)\right)

    An approximation of :func:`gelu`.

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.gelu_approx(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)
