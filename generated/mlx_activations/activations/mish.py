# Generated from spec/activations.yaml by codegen; do not edit.
"""The mish activation and its Module, Mish."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import with_gradient, exp_neg_wide

__all__ = ["mish", "Mish"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    far = x < -80
    shifted = mx.where(far, x + 40, x)
    grown = mx.contiguous(mx.expm1(mx.abs(shifted)) + 1)
    t = 1 / grown
    positive = x >= 0
    numerator = mx.where(positive, 1 + 2 * t, 1 + 0.5 * t)
    ratio = mx.contiguous(numerator / (numerator + mx.where(positive, 2 * mx.square(t), grown)))
    near = x >= -80
    value = mx.where(near, x, mx.maximum(x, -3.4028234663852886e38) * 4.248354255291589e-18) * ratio
    clipped = mx.clip(x, -3.4028234663852886e38, 3.4028234663852886e38)
    like = mx.where(
        near,
        clipped * mx.tanh(mx.logaddexp(x, 0)),
        clipped * 4.248354255291589e-18 * mx.sigmoid(x - -40),
    )
    return with_gradient(value, like)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    far = x < -80
    return (
        mx.maximum(x, -3.4028234663852886e38)
        * mx.where(far, 4.248354255291589e-18, 1)
        * mx.tanh(mx.logaddexp(x + mx.where(far, 40, 0), 0))
    )


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


def _cpu_formula(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    t = exp_neg_wide(mx.astype(mx.minimum(mx.abs(x), 800), mx.float64))
    positive = x >= 0
    t_squared = t * t
    numerator = mx.where(positive, 1, t_squared) + 2 * t
    return (
        mx.astype(mx.maximum(x, -800), mx.float64)
        * numerator
        / (numerator + 2 * mx.where(positive, t_squared, 1))
    )


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x):
    return _checks.to_output(_cpu_formula(_checks.to_compute(x)), x.dtype)


def mish(x: mx.array) -> mx.array:
    r"""Applies the Mish function.

    Computed from one exponential: tanh(softplus(x)) = n / (n + 2) with n = e^{x}(e^{x} + 2), written in t = e^{-|x|} so nothing overflows. About three times less work than x * tanh(softplus(x)).

    .. math::

        \text{Mish}(x) = x \tanh(\text{Softplus}(x))

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.mish(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


class Mish(nn.Module):
    r"""Applies the Mish function.

    The Module form of :func:`mish`.

    .. math::

        \text{Mish}(x) = x \tanh(\text{Softplus}(x))

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Mish()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return mish(x)
