# Generated from spec/activations.yaml by codegen; do not edit.
"""The softmin activation and its Module, Softmin."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_with_error, exp_neg_wide, row_sum, sum_error

__all__ = ["softmin", "Softmin"]


def _formula(x, axis):
    # The spec's implementation, evaluated in the compute dtype.
    bottom = mx.stop_gradient(mx.min(x, axis=axis, keepdims=True))
    e = exp_with_error(bottom - x, sum_error(bottom, -x))
    return e / row_sum(e, axis)


@partial(mx.compile, shapeless=True)
def _kernel(x, axis):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), axis), x.dtype)


def _half_formula(x, axis):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    # Half inputs reach it as they are (own_dtype): it converts them to float32 itself, or its
    # MLX operation computes in float32 inside.
    return mx.softmax(-x, axis=axis, precise=True)


@partial(mx.compile, shapeless=True)
def _half_kernel(x, axis):
    return _checks.to_output(_half_formula(_checks.to_compute_exact(x), axis), x.dtype)


def _cpu_formula(x, axis):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    bottom = mx.stop_gradient(mx.min(x, axis=axis, keepdims=True))
    e = exp_neg_wide(mx.astype(x, mx.float64) - mx.astype(bottom, mx.float64))
    return e / mx.sum(e, axis=axis, keepdims=True)


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x, axis):
    return _checks.to_output(_cpu_formula(_checks.to_compute(x), axis), x.dtype)


def _checked(owner, axis):
    # Shared by the function and the Module, so both reject the same values with the same words.
    axis = _checks.integer(owner, "axis", axis)
    return (axis,)


def softmin(x: mx.array, axis: int = -1) -> mx.array:
    r"""Applies the softmin function along an axis.

    softmax of -x. Entries of +inf give 0.

    .. math::

        \text{Softmin}(x)_i = \frac{e^{-x_i}}{\sum_j e^{-x_j}}

    Args:
        x (array): The input.
        axis (int, optional): The axis the probabilities sum to 1 along. Default: ``-1``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([[1.0, 2.0, 3.0], [0.0, 0.0, -float('inf')]])
        >>> y = act.softmin(x)
    """
    x = _checks.as_array(x)
    (axis,) = _checked("softmin", axis)
    axis = _checks.reduce_axis("softmin", axis, x)
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


class Softmin(nn.Module):
    r"""Applies the softmin function along an axis.

    The Module form of :func:`softmin`.

    .. math::

        \text{Softmin}(x)_i = \frac{e^{-x_i}}{\sum_j e^{-x_j}}

    Args:
        axis (int, optional): The axis the probabilities sum to 1 along. Default: ``-1``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Softmin(axis=-1)
        >>> y = layer(mx.array([[1.0, 2.0, 3.0], [0.0, 0.0, -float('inf')]]))
    """

    def __init__(self, axis: int = -1):
        super().__init__()
        _checked("Softmin", axis)
        self.axis = axis

    def _extra_repr(self) -> str:
        return f"axis={self.axis!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return softmin(x, axis=self.axis)
