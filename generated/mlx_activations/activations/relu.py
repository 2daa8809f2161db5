# Generated from spec/activations.yaml by codegen; do not edit.
"""The relu activation and its Module, ReLU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["relu", "ReLU"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.maximum(x, 0)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # The result is x or a parameter's value: exact in any dtype, so no float32 round trip.
    return _checks.to_output(_formula(_checks.to_compute_exact(x)), x.dtype)


def relu(x: mx.array) -> mx.array:
    r"""Applies the Rectified Linear Unit.

    .. math::

        \text{ReLU}(x) = \max(0, x)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.relu(x)
    """
    x = _checks.as_array(x)
    return _kernel(x)


class ReLU(nn.Module):
    r"""Applies the Rectified Linear Unit.

    The Module form of :func:`relu`.

    .. math::

        \text{ReLU}(x) = \max(0, x)

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.ReLU()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return relu(x)
