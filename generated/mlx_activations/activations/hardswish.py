# Generated from spec/activations.yaml by codegen; do not edit.
"""The hardswish activation and its Module, Hardswish."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["hardswish", "Hardswish", "hard_silu", "hard_swish"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.minimum(mx.maximum((x + 3) * (1 / 6), 0), 1) * mx.maximum(x, -3)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    return mx.maximum(x, -3) * 0.16666666666666666 * mx.minimum(mx.maximum(x + 3, 0), 6)


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


def _cpu_whole_formula(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    gate = (x + 3) * (1 / 6)
    return mx.where(gate <= 0, 0, mx.where(gate >= 1, 1, gate)) * mx.where(x <= -3, -3, x)


@partial(mx.compile, shapeless=True)
def _cpu_whole_kernel(x):
    return _checks.to_output(_cpu_whole_formula(_checks.to_compute(x)), x.dtype)


def _cpu_kernel(x):
    # Half inputs converted to float32 by a pass of their own and rounded back by another, the
    # same single rounding: MLX's CPU loops that convert half values are not vectorized, so
    # their selects branch (convert_half_on_cpu). Float32 passes through both as it is.
    original, x = x, _checks.to_compute(x)
    return _checks.to_output(_cpu_whole_kernel(x), original.dtype)


def hardswish(x: mx.array) -> mx.array:
    r"""Applies the hard swish function.

    The gate min(max((x + 3) / 6, 0), 1) is formed before the product, so x near the float32 maximum does not overflow (mlx.nn returns inf from 5.7e37), and hardswish(-inf) is 0.

    Also available as ``hard_silu``, ``hard_swish``.

    .. math::

        \text{Hardswish}(x) = x \, \frac{\min(\max(x + 3, 0), 6)}{6}

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.hardswish(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


class Hardswish(nn.Module):
    r"""Applies the hard swish function.

    The Module form of :func:`hardswish`.

    .. math::

        \text{Hardswish}(x) = x \, \frac{\min(\max(x + 3, 0), 6)}{6}

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Hardswish()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return hardswish(x)


# Other libraries' spellings: the same objects, so either name gives identical results.
hard_silu = hardswish
hard_swish = hardswish
