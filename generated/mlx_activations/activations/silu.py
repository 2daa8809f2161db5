# Generated from spec/activations.yaml by codegen; do not edit.
"""The silu activation and its Module, SiLU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import logistic_times, high_half, scaled_error

__all__ = ["silu", "SiLU", "swish"]


def _formula(x, beta, beta_high, beta_low):
    # The spec's implementation, evaluated in the compute dtype.
    return logistic_times(x, beta * x, scaled_error(x, beta_high, beta_low))


@partial(mx.compile, shapeless=True)
def _kernel(x, beta, beta_high, beta_low):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), beta, beta_high, beta_low), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x, beta):
    x = _checks.to_compute(x)
    t1 = beta * x
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)
    v1 = t1 < (-80)
    v2 = t1 + 44.375
    t2 = mx.where(v1, v2, t1)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2):
    x = _checks.to_compute(x)
    v1 = t2 >= 0
    v2 = 2 * v1
    t3 = 1 - v2
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t2):
    x = _checks.to_compute(x)
    v1 = -t2
    v2 = mx.maximum(v1, t2)
    v3 = mx.expm1(v2)
    t4 = 2 + v3
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, t2):
    x = _checks.to_compute(x)
    v1 = -t2
    v2 = mx.maximum(v1, t2)
    t5 = mx.minimum(v2, 88)
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, t2):
    x = _checks.to_compute(x)
    t6 = mx.sign(t2)
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x):
    x = _checks.to_compute(x)
    v1 = 4097 * x
    v2 = v1 - x
    t7 = v1 - v2
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x, t7, beta_high):
    x = _checks.to_compute(x)
    t8 = t7 * beta_high
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, beta_high, beta_low):
    x = _checks.to_compute(x)
    v1 = beta_high + beta_low
    t9 = x * v1
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_stage_10(x, t8, t9, t7, beta_low, beta_high):
    x = _checks.to_compute(x)
    v1 = t8 - t9
    v2 = t7 * beta_low
    v3 = v1 + v2
    v4 = x - t7
    v5 = v4 * beta_high
    v6 = v3 + v5
    v7 = v4 * beta_low
    v8 = v6 + v7
    v9 = mx.isfinite(v8)
    t10 = mx.where(v9, v8, 0)
    return t10


@partial(mx.compile, shapeless=True)
def _cpu_stage_11(x, t4, t5, t6, t10):
    x = _checks.to_compute(x)
    v1 = 1 / t4
    v2 = mx.stop_gradient(v1)
    v3 = mx.stop_gradient(v1)
    v4 = 1 - v3
    v5 = mx.stop_gradient(t5)
    v6 = t5 - v5
    v7 = t6 * t10
    v8 = v6 + v7
    v9 = v4 * v8
    v10 = 1 - v9
    t11 = v2 * v10
    return t11


@partial(mx.compile, shapeless=True)
def _cpu_stage_12(x, t1, t2, t3, t11):
    x, dtype = _checks.to_compute(x), x.dtype
    v1 = mx.isinf(x)
    v2 = t1 < (-80)
    v3 = t2 >= 0
    v4 = t3 * t11
    v5 = v3 + v4
    v6 = v5 == 0
    v7 = mx.where(v6, 0, x)
    v8 = x * v5
    v9 = mx.where(v2, 5.347888766186028e-20, 1)
    v10 = v8 * v9
    t12 = mx.where(v1, v7, v10)
    return _checks.to_output(t12, dtype)


def _cpu_kernel(x, beta, beta_high, beta_low):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    t1 = _cpu_stage_1(x, beta)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x, t2)
    t4 = _cpu_stage_4(x, t2)
    t5 = _cpu_stage_5(x, t2)
    t6 = _cpu_stage_6(x, t2)
    t7 = _cpu_stage_7(x)
    t8 = _cpu_stage_8(x, t7, beta_high)
    t9 = _cpu_stage_9(x, beta_high, beta_low)
    t10 = _cpu_stage_10(x, t8, t9, t7, beta_low, beta_high)
    t11 = _cpu_stage_11(x, t4, t5, t6, t10)
    return _cpu_stage_12(x, t1, t2, t3, t11)


@partial(mx.compile, shapeless=True)
def _special_kernel_0(x):
    # Where beta == 1: the same results as _kernel, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(logistic_times(x, x, 0), dtype)


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_1(x):
    x = _checks.to_compute(x)
    v1 = x < (-80)
    v2 = x + 44.375
    t1 = mx.where(v1, v2, x)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_2(x, t1):
    x = _checks.to_compute(x)
    v1 = t1 >= 0
    v2 = 2 * v1
    t2 = 1 - v2
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_3(x, t1):
    x = _checks.to_compute(x)
    v1 = -t1
    v2 = mx.maximum(v1, t1)
    v3 = mx.expm1(v2)
    t3 = 2 + v3
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_4(x, t1):
    x = _checks.to_compute(x)
    v1 = -t1
    v2 = mx.maximum(v1, t1)
    t4 = mx.minimum(v2, 88)
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_5(x, t1):
    x = _checks.to_compute(x)
    t5 = mx.sign(t1)
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_6(x, t3, t4, t5):
    x = _checks.to_compute(x)
    v1 = 1 / t3
    v2 = mx.stop_gradient(v1)
    v3 = mx.stop_gradient(v1)
    v4 = 1 - v3
    v5 = mx.stop_gradient(t4)
    v6 = t4 - v5
    v7 = t5 * 0
    v8 = v6 + v7
    v9 = v4 * v8
    v10 = 1 - v9
    t6 = v2 * v10
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_7(x, t1, t2, t6):
    x, dtype = _checks.to_compute(x), x.dtype
    v1 = mx.isinf(x)
    v2 = x < (-80)
    v3 = t1 >= 0
    v4 = t2 * t6
    v5 = v3 + v4
    v6 = v5 == 0
    v7 = mx.where(v6, 0, x)
    v8 = x * v5
    v9 = mx.where(v2, 5.347888766186028e-20, 1)
    v10 = v8 * v9
    t7 = mx.where(v1, v7, v10)
    return _checks.to_output(t7, dtype)


def _cpu_special_kernel_0(x):
    # _special_kernel_0 on the CPU, split as _cpu_kernel is.
    t1 = _cpu_special_0_stage_1(x)
    t2 = _cpu_special_0_stage_2(x, t1)
    t3 = _cpu_special_0_stage_3(x, t1)
    t4 = _cpu_special_0_stage_4(x, t1)
    t5 = _cpu_special_0_stage_5(x, t1)
    t6 = _cpu_special_0_stage_6(x, t3, t4, t5)
    return _cpu_special_0_stage_7(x, t1, t2, t6)


def _checked(owner, beta):
    # Shared by the function and the Module, so both reject the same values with the same words.
    beta = _checks.real(owner, "beta", beta, finite=True)
    return (beta,)


def silu(x: mx.array, beta: float = 1.0) -> mx.array:
    r"""Applies the Sigmoid Linear Unit, also known as swish.

    Results keep full precision down to the smallest normal float32 (mlx.nn flushes them to -0 for x in [-92, -88.7]), and silu(-inf) is 0.

    Also available as ``swish``.

    .. math::

        \text{SiLU}(x) = x \, \sigma(\beta x)

    Args:
        x (array): The input.
        beta (float, optional): Scale inside the sigmoid (swish-beta); 1 gives silu. Default: ``1.0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.silu(x, beta=1.5)
    """
    x = _checks.as_array(x)
    (beta,) = _checked("silu", beta)
    if beta == 1:
        return (_cpu_special_kernel_0 if _checks.on_cpu() else _special_kernel_0)(x)
    return _general(x, beta)


def _general(x, beta):
    # The spec's implementation for any parameter values, with checked parameters.
    beta = mx.array(beta, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    beta_high = high_half(beta)
    beta_low = beta - beta_high
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x, beta, beta_high, beta_low)


class SiLU(nn.Module):
    r"""Applies the Sigmoid Linear Unit, also known as swish.

    The Module form of :func:`silu`.

    .. math::

        \text{SiLU}(x) = x \, \sigma(\beta x)

    Args:
        beta (float, optional): Scale inside the sigmoid (swish-beta); 1 gives silu. Default: ``1.0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.SiLU(beta=1.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, beta: float = 1.0):
        super().__init__()
        _checked("SiLU", beta)
        self.beta = beta

    def _extra_repr(self) -> str:
        return f"beta={self.beta!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return silu(x, beta=self.beta)


# Other libraries' spellings: the same objects, so either name gives identical results.
swish = silu
