# Generated from spec/activations.yaml by codegen; do not edit.
"""The hard_sigmoid activation and its Module, HardSigmoid."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["hard_sigmoid", "HardSigmoid", "hardsigmoid", "Hardsigmoid"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.minimum(mx.maximum((x + 3) * (1 / 6), 0), 1)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _cpu_whole_formula(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    ramp = (x + 3) / 6
    return mx.where(ramp <= 0, 0, mx.where(ramp >= 1, 1, ramp))


@partial(mx.compile, shapeless=True)
def _cpu_whole_kernel(x):
    return _checks.to_output(_cpu_whole_formula(_checks.to_compute(x)), x.dtype)


def _cpu_kernel(x):
    # Half inputs converted to float32 by a pass of their own and rounded back by another, the
    # same single rounding: MLX's CPU loops that convert half values are not vectorized, so
    # their selects branch (convert_half_on_cpu). Float32 passes through both as it is.
    original, x = x, _checks.to_compute(x)
    return _checks.to_output(_cpu_whole_kernel(x), original.dtype)


def hard_sigmoid(x: mx.array) -> mx.array:
    r"""Applies the hard sigmoid function.

    PyTorch's and Keras 3's definition, clip(x / 6 + 1/2, 0, 1), computed as (x + 3) / 6 so that inputs near -3 keep full relative precision. Keras 2 defined it as clip(0.2 x + 0.5, 0, 1), which differs away from 0.

    Also available as ``hardsigmoid``.

    .. math::

        \text{HardSigmoid}(x) = \min\left(\max\left(\frac{x + 3}{6}, 0\right), 1\right)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.hard_sigmoid(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


class HardSigmoid(nn.Module):
    r"""Applies the hard sigmoid function.

    The Module form of :func:`hard_sigmoid`.

    .. math::

        \text{HardSigmoid}(x) = \min\left(\max\left(\frac{x + 3}{6}, 0\right), 1\right)

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.HardSigmoid()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return hard_sigmoid(x)


# Other libraries' spellings: the same objects, so either name gives identical results.
hardsigmoid = hard_sigmoid
Hardsigmoid = HardSigmoid
