# Generated from spec/activations.yaml by codegen; do not edit.
"""The tanh activation and its Module, Tanh."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["tanh", "Tanh"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.tanh(x)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def tanh(x: mx.array) -> mx.array:
    r"""Applies the hyperbolic tangent.

    .. math::

        \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.tanh(x)
    """
    x = _checks.as_array(x)
    return _kernel(x)


class Tanh(nn.Module):
    r"""Applies the hyperbolic tangent.

    The Module form of :func:`tanh`.

    .. math::

        \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Tanh()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return tanh(x)
