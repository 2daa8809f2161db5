# Generated from spec/activations.yaml by codegen; do not edit.
"""The softsign activation and its Module, Softsign."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["softsign", "Softsign", "soft_sign"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    ratio = x / (1 + mx.abs(x))
    return mx.where(ratio == ratio, ratio, mx.where(x > 0, 1.0, mx.where(x < 0, -1.0, x)))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def softsign(x: mx.array) -> mx.array:
    r"""Applies the softsign function.

    Its limits at infinity are exactly -1 and 1 (mlx.nn returns NaN there).

    Also available as ``soft_sign``.

    .. math::

        \text{Softsign}(x) = \frac{x}{1 + |x|}

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.softsign(x)
    """
    x = _checks.as_array(x)
    return _kernel(x)


class Softsign(nn.Module):
    r"""Applies the softsign function.

    The Module form of :func:`softsign`.

    .. math::

        \text{Softsign}(x) = \frac{x}{1 + |x|}

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Softsign()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return softsign(x)


# Other libraries' spellings: the same objects, so either name gives identical results.
soft_sign = softsign
