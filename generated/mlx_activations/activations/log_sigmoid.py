# Generated from spec/activations.yaml by codegen; do not edit.
"""The log_sigmoid activation and its Module, LogSigmoid."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import with_slope

__all__ = ["log_sigmoid", "LogSigmoid", "logsigmoid"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    t = 1 / (1 + mx.expm1(mx.abs(x)))
    return with_slope(mx.where(x < 0, x, 0) - mx.log1p(t), x, mx.where(x < 0, 1, t) / (1 + t))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    return mx.where(x < 0, x, 0) - mx.log1p(mx.exp(-mx.maximum(-x, x)))


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x < 0
    t1 = mx.where(v1, x, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.abs(x)
    v2 = mx.expm1(v1)
    v3 = 1 + v2
    t2 = 1 / v3
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x < 0
    t3 = mx.where(v1, 1, t2)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(original, x, t2, t1, t3):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.log1p(t2)
    v2 = t1 - v1
    v3 = mx.stop_gradient(v2)
    v4 = mx.clip(x, (-3.4028234663852886e38), 3.4028234663852886e38)
    v5 = 1 + t2
    v6 = t3 / v5
    v7 = mx.stop_gradient(v6)
    v8 = v4 * v7
    v9 = mx.stop_gradient(v8)
    v10 = v8 - v9
    t4 = v3 + v10
    return _checks.to_output(t4, original.dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x)
    t3 = _cpu_stage_3(x, t2)
    return _cpu_stage_4(original, x, t2, t1, t3)


def log_sigmoid(x: mx.array) -> mx.array:
    r"""Applies the logarithm of the logistic sigmoid.

    Also available as ``logsigmoid``.

    .. math::

        \log \sigma(x) = -\log(1 + e^{-x})

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.log_sigmoid(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


class LogSigmoid(nn.Module):
    r"""Applies the logarithm of the logistic sigmoid.

    The Module form of :func:`log_sigmoid`.

    .. math::

        \log \sigma(x) = -\log(1 + e^{-x})

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.LogSigmoid()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return log_sigmoid(x)


# Other libraries' spellings: the same objects, so either name gives identical results.
logsigmoid = log_sigmoid
