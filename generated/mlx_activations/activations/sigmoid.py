# Generated from spec/activations.yaml by codegen; do not edit.
"""The sigmoid activation and its Module, Sigmoid."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import with_gradient, logistic

__all__ = ["sigmoid", "Sigmoid"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    small = mx.sigmoid(mx.minimum(x, -x))
    return with_gradient(1 / (2 + mx.expm1(-x)), mx.where(x >= 0, 1 - small, small))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    e = mx.exp(mx.minimum(x, -x))
    return mx.where(x >= 0, 1, e) / (1 + e)


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


def _cpu_unsplit_formula(x):
    # The spec's cpu formula in one compiled function, which the CPU's stages below must match
    # bit for bit (the generated tests compare them); MLX's CPU runs the stages.
    return logistic(x)


@partial(mx.compile, shapeless=True)
def _cpu_unsplit_kernel(x):
    return _checks.to_output(_cpu_unsplit_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = -x
    v2 = mx.maximum(v1, x)
    v3 = mx.expm1(v2)
    v4 = 2 + v3
    t1 = 1 / v4
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(original, x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x >= 0
    v2 = 2 * t1
    v3 = 1 - v2
    v4 = v1 * v3
    v5 = t1 + v4
    v6 = mx.stop_gradient(v5)
    v7 = mx.clip(x, (-3.4028234663852886e38), 3.4028234663852886e38)
    v8 = 1 - t1
    v9 = t1 * v8
    v10 = mx.stop_gradient(v9)
    v11 = v7 * v10
    v12 = mx.stop_gradient(v11)
    v13 = v11 - v12
    t2 = v6 + v13
    return _checks.to_output(t2, original.dtype)


def _cpu_kernel(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _kernel, split where its C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    return _cpu_stage_2(original, x, t1)


def sigmoid(x: mx.array) -> mx.array:
    r"""Applies the logistic sigmoid.

    .. math::

        \sigma(x) = \frac{1}{1 + e^{-x}}

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.sigmoid(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


class Sigmoid(nn.Module):
    r"""Applies the logistic sigmoid.

    The Module form of :func:`sigmoid`.

    .. math::

        \sigma(x) = \frac{1}{1 + e^{-x}}

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Sigmoid()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return sigmoid(x)
