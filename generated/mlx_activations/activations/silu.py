# Generated from spec/activations.yaml by codegen; do not edit.
"""The silu activation and its Module, SiLU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import logistic_times

__all__ = ["silu", "SiLU"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return logistic_times(x, x, 0)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def silu(x: mx.array) -> mx.array:
    r"""Applies the Sigmoid Linear Unit, also known as swish.

    Results keep full precision down to the smallest normal float32 (mlx.nn flushes them to -0 for x in [-92, -88.7]), and silu(-inf) is 0.

    .. math::

        \text{SiLU}(x) = x \, \sigma(x)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.silu(x)
    """
    x = _checks.as_array(x)
    return _kernel(x)


class SiLU(nn.Module):
    r"""Applies the Sigmoid Linear Unit, also known as swish.

    The Module form of :func:`silu`.

    .. math::

        \text{SiLU}(x) = x \, \sigma(x)

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.SiLU()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return silu(x)
