# Generated from spec/activations.yaml by codegen; do not edit.
"""The relu6 activation and its Module, ReLU6."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["relu6", "ReLU6"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.minimum(mx.maximum(x, 0), 6)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # The result is x or a parameter's value: exact in any dtype, so no float32 round trip.
    return _checks.to_output(_formula(_checks.to_compute_exact(x)), x.dtype)


def _cpu_formula(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    return mx.where(x <= 0, 0, mx.where(x >= 6, 6, x))


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x):
    return _checks.to_output(_cpu_formula(_checks.to_compute_exact(x)), x.dtype)


def relu6(x: mx.array) -> mx.array:
    r"""Applies the Rectified Linear Unit capped at 6.

    .. math::

        \text{ReLU6}(x) = \min(\max(0, x), 6)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.relu6(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


class ReLU6(nn.Module):
    r"""Applies the Rectified Linear Unit capped at 6.

    The Module form of :func:`relu6`.

    .. math::

        \text{ReLU6}(x) = \min(\max(0, x), 6)

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.ReLU6()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return relu6(x)
