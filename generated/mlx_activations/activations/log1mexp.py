# Generated from spec/activations.yaml by codegen; do not edit.
"""The log1mexp activation and its Module, Log1mexp."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["log1mexp", "Log1mexp"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    y = mx.maximum(x, 0.6931471805599453)
    clamped = mx.minimum(y, 88)
    negated_tail = mx.stop_gradient(-1 / (mx.expm1(y) + 1)) * (
        1 - (clamped - mx.stop_gradient(clamped))
    )
    return mx.where(x > 0.6931471805599453, mx.log1p(negated_tail), mx.log(-mx.expm1(-x)))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    t = mx.exp(-mx.maximum(x, 7))
    return mx.where(x > 7, -t * (1 + 0.5 * t), mx.log(-mx.expm1(-x)))


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


def log1mexp(x: mx.array) -> mx.array:
    r"""Applies log(1 - e^{-x}).

    JAX's log1mexp, defined for x >= 0: -inf at 0, NaN below. Computed as log(-expm1(-x)) up to x = log 2 and as log1p(-e^{-x}) beyond, each exact where the other cancels.

    .. math::

        \text{log1mexp}(x) = \log\left(1 - e^{-x}\right)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.log1mexp(x)
    """
    x = _checks.as_array(x)
    return (_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


class Log1mexp(nn.Module):
    r"""Applies log(1 - e^{-x}).

    The Module form of :func:`log1mexp`.

    .. math::

        \text{log1mexp}(x) = \log\left(1 - e^{-x}\right)

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Log1mexp()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return log1mexp(x)
