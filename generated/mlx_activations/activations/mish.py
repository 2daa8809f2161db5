# Generated from spec/activations.yaml by codegen; do not edit.
"""The mish activation and its Module, Mish."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_neg_abs

__all__ = ["mish", "Mish"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    clamped = mx.maximum(x, -200)
    shifted = mx.where(clamped < -80, clamped + 44.375, clamped)
    t = exp_neg_abs(shifted)
    positive = clamped >= 0
    numerator = t * (t + 2) + positive * (1 - t * t)
    rest = 2 + positive * (2 * t * t - 2)
    scale = mx.where(clamped < -80, 5.347888766186028e-20, 1)
    return clamped * numerator / (numerator + rest) * scale


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


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
    return _kernel(x)


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
