# Generated from spec/activations.yaml by codegen; do not edit.
"""The log1mexp activation and its Module, Log1mexp."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_neg_abs

__all__ = ["log1mexp", "Log1mexp"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(x > 0.6931471805599453, mx.log1p(-exp_neg_abs(x)), mx.log(-mx.expm1(-x)))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)
    v1 = -x
    t1 = mx.maximum(v1, x)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)
    t2 = mx.minimum(t1, 88)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2):
    x = _checks.to_compute(x)
    v1 = mx.expm1(t2)
    t3 = v1 + 1
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t1, t3, t2):
    x, dtype = _checks.to_compute(x), x.dtype
    v1 = x > 0.6931471805599453
    v2 = t1 > 88
    v3 = 1 / t3
    v4 = mx.where(v2, 0, v3)
    v5 = mx.stop_gradient(v4)
    v6 = mx.stop_gradient(t2)
    v7 = t2 - v6
    v8 = 1 - v7
    v9 = v5 * v8
    v10 = -v9
    v11 = mx.log1p(v10)
    v12 = -x
    v13 = mx.expm1(v12)
    v14 = -v13
    v15 = mx.log(v14)
    t4 = mx.where(v1, v11, v15)
    return _checks.to_output(t4, dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x, t2)
    return _cpu_stage_4(x, t1, t3, t2)


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
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


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
