# Generated from spec/activations.yaml by codegen; do not edit.
"""The log_softmax activation and its Module, LogSoftmax."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_with_error, exp_neg_wide, row_sum, sum_error

__all__ = ["log_softmax", "LogSoftmax"]


def _formula(x, axis):
    # The spec's implementation, evaluated in the compute dtype.
    top = mx.stop_gradient(mx.max(x, axis=axis, keepdims=True))
    shifted = x - top
    shift_low = sum_error(x, -top)
    at_max = shifted == 0
    far = shifted < -64
    scaled = exp_with_error(mx.where(far, shifted + 44.375, shifted), shift_low) * mx.where(
        far, 0.986511354045, 1.8446744073709552e19
    )
    others = row_sum(scaled - at_max * 1.8446744073709552e19, axis) * 5.421010862427522e-20 + (
        mx.sum(at_max, axis=axis, keepdims=True) - 1
    )
    row_term = mx.contiguous(mx.log1p(others))
    return shifted - row_term + shift_low


@partial(mx.compile, shapeless=True)
def _kernel(x, axis):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), axis), x.dtype)


def _half_formula(x, axis):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    # Half inputs reach it as they are (own_dtype): it converts them to float32 itself, or its
    # MLX operation computes in float32 inside.
    top = mx.stop_gradient(mx.max(x, axis=axis, keepdims=True))
    at_max = x == top
    wide_top = mx.astype(top, mx.float32)
    shifted = mx.astype(x, mx.float32) - wide_top
    far = shifted < -64
    scaled = mx.exp(mx.where(far, shifted + 44.375, shifted)) * mx.where(
        far, 0.986511354045, 1.8446744073709552e19
    )
    others = mx.sum(
        scaled - at_max * 1.8446744073709552e19, axis=axis, keepdims=True
    ) * 5.421010862427522e-20 + (mx.sum(at_max, axis=axis, keepdims=True) - 1)
    return mx.astype(x * 1, mx.float32) - wide_top - mx.log1p(others)


@partial(mx.compile, shapeless=True)
def _half_kernel(x, axis):
    return _checks.to_output(_half_formula(_checks.to_compute_exact(x), axis), x.dtype)


def _cpu_formula(x, axis):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    top = mx.stop_gradient(mx.max(x, axis=axis, keepdims=True))
    at_max = x == top
    terms = exp_neg_wide(mx.astype(top, mx.float64) + mx.astype(-x, mx.float64)) - at_max
    others = mx.sum(terms, axis=axis, keepdims=True) + (
        mx.sum(at_max, axis=axis, keepdims=True) - 1
    )
    row_term = mx.contiguous(mx.log1p(others))
    return mx.astype(x, mx.float64) - mx.astype(top, mx.float64) - row_term


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x, axis):
    return _checks.to_output(_cpu_formula(_checks.to_compute(x), axis), x.dtype)


def _checked(owner, axis):
    # Shared by the function and the Module, so both reject the same values with the same words.
    axis = _checks.integer(owner, "axis", axis)
    return (axis,)


def log_softmax(x: mx.array, axis: int = -1) -> mx.array:
    r"""Applies the logarithm of the softmax function along an axis.

    Computed as (x - max) - log1p(sum of the other terms), which stays accurate when one entry dominates (where log(sum) would round to 0). Entries of -inf give -inf.

    .. math::

        \text{LogSoftmax}(x)_i = x_i - \log \sum_j e^{x_j}

    Args:
        x (array): The input.
        axis (int, optional): The axis the softmax is taken along. Default: ``-1``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([[1.0, 2.0, 3.0], [0.0, 0.0, -float('inf')]])
        >>> y = act.log_softmax(x)
    """
    x = _checks.as_array(x)
    (axis,) = _checked("log_softmax", axis)
    axis = _checks.reduce_axis("log_softmax", axis, x)
    if x.shape[axis] == 1:
        # MLX 0.32.4 corrupts its heap (the process crashes) when a shapeless compiled function
        # reduces an axis of size 1 in an array of two or more dimensions; uncompiled, the same
        # formula is exact there (and the same graph, should a user's compile trace it).
        return _checks.to_output(
            (
                _cpu_formula
                if _checks.on_cpu()
                else _half_formula if _checks.is_half(x) else _formula
            )(_checks.to_compute(x), axis),
            x.dtype,
        )
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(
        x, axis
    )


class LogSoftmax(nn.Module):
    r"""Applies the logarithm of the softmax function along an axis.

    The Module form of :func:`log_softmax`.

    .. math::

        \text{LogSoftmax}(x)_i = x_i - \log \sum_j e^{x_j}

    Args:
        axis (int, optional): The axis the softmax is taken along. Default: ``-1``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.LogSoftmax(axis=-1)
        >>> y = layer(mx.array([[1.0, 2.0, 3.0], [0.0, 0.0, -float('inf')]]))
    """

    def __init__(self, axis: int = -1):
        super().__init__()
        _checked("LogSoftmax", axis)
        self.axis = axis

    def _extra_repr(self) -> str:
        return f"axis={self.axis!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return log_softmax(x, axis=self.axis)
