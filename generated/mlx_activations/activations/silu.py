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
    t2 = t1 + 44.375
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t1, t2):
    x = _checks.to_compute(x)
    v1 = t1 < (-80)
    t3 = mx.where(v1, t2, t1)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t3):
    x = _checks.to_compute(x)
    v1 = -t3
    t4 = mx.maximum(v1, t3)
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, t4):
    x = _checks.to_compute(x)
    v1 = mx.expm1(t4)
    v2 = 2 + v1
    t5 = 1 / v2
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, t5):
    x = _checks.to_compute(x)
    v1 = mx.stop_gradient(t5)
    t6 = 1 - v1
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x, t3):
    x = _checks.to_compute(x)
    t7 = mx.sign(t3)
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x):
    x = _checks.to_compute(x)
    t8 = 4097 * x
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, t8, beta_high, beta_low):
    x = _checks.to_compute(x)
    v1 = t8 - x
    v2 = t8 - v1
    v3 = v2 * beta_high
    v4 = beta_high + beta_low
    v5 = x * v4
    v6 = v3 - v5
    v7 = v2 * beta_low
    t9 = v6 + v7
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_stage_10(x, t8):
    x = _checks.to_compute(x)
    v1 = t8 - x
    v2 = t8 - v1
    t10 = x - v2
    return t10


@partial(mx.compile, shapeless=True)
def _cpu_stage_11(x, t10, beta_high):
    x = _checks.to_compute(x)
    t11 = t10 * beta_high
    return t11


@partial(mx.compile, shapeless=True)
def _cpu_stage_12(x, t4, t9, t11, t10, beta_low, t7):
    x = _checks.to_compute(x)
    v1 = mx.minimum(t4, 88)
    v2 = mx.stop_gradient(v1)
    v3 = v1 - v2
    v4 = t9 + t11
    v5 = t10 * beta_low
    v6 = v4 + v5
    v7 = mx.isfinite(v6)
    v8 = mx.where(v7, v6, 0)
    v9 = t7 * v8
    t12 = v3 + v9
    return t12


@partial(mx.compile, shapeless=True)
def _cpu_stage_13(x, t6, t12):
    x = _checks.to_compute(x)
    v1 = t6 * t12
    t13 = 1 - v1
    return t13


@partial(mx.compile, shapeless=True)
def _cpu_stage_14(x, t5, t13):
    x = _checks.to_compute(x)
    v1 = mx.stop_gradient(t5)
    v2 = v1 * t13
    v3 = 2 * v2
    t14 = 1 - v3
    return t14


@partial(mx.compile, shapeless=True)
def _cpu_stage_15(x, t1, t5, t13, t3, t14):
    x, dtype = _checks.to_compute(x), x.dtype
    v1 = mx.isinf(x)
    v2 = t1 < (-80)
    v3 = mx.stop_gradient(t5)
    v4 = v3 * t13
    v5 = t3 >= 0
    v6 = v5 * t14
    v7 = v4 + v6
    v8 = v7 == 0
    v9 = mx.where(v8, 0, x)
    v10 = x * v7
    v11 = mx.where(v2, 5.347888766186028e-20, 1)
    v12 = v10 * v11
    t15 = mx.where(v1, v9, v12)
    return _checks.to_output(t15, dtype)


def _cpu_kernel(x, beta, beta_high, beta_low):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    t1 = _cpu_stage_1(x, beta)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x, t1, t2)
    t4 = _cpu_stage_4(x, t3)
    t5 = _cpu_stage_5(x, t4)
    t6 = _cpu_stage_6(x, t5)
    t7 = _cpu_stage_7(x, t3)
    t8 = _cpu_stage_8(x)
    t9 = _cpu_stage_9(x, t8, beta_high, beta_low)
    t10 = _cpu_stage_10(x, t8)
    t11 = _cpu_stage_11(x, t10, beta_high)
    t12 = _cpu_stage_12(x, t4, t9, t11, t10, beta_low, t7)
    t13 = _cpu_stage_13(x, t6, t12)
    t14 = _cpu_stage_14(x, t5, t13)
    return _cpu_stage_15(x, t1, t5, t13, t3, t14)


@partial(mx.compile, shapeless=True)
def _special_kernel_0(x):
    # Where beta == 1: the same results as _kernel, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(logistic_times(x, x, 0), dtype)


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_1(x):
    x = _checks.to_compute(x)
    t1 = x + 44.375
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_2(x, t1):
    x = _checks.to_compute(x)
    v1 = x < (-80)
    t2 = mx.where(v1, t1, x)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_3(x, t2):
    x = _checks.to_compute(x)
    v1 = -t2
    t3 = mx.maximum(v1, t2)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_4(x, t3):
    x = _checks.to_compute(x)
    v1 = mx.expm1(t3)
    v2 = 2 + v1
    t4 = 1 / v2
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_5(x, t4):
    x = _checks.to_compute(x)
    v1 = mx.stop_gradient(t4)
    t5 = 1 - v1
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_6(x, t2):
    x = _checks.to_compute(x)
    t6 = mx.sign(t2)
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_7(x, t3, t6):
    x = _checks.to_compute(x)
    v1 = mx.minimum(t3, 88)
    v2 = mx.stop_gradient(v1)
    v3 = v1 - v2
    v4 = t6 * 0
    t7 = v3 + v4
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_8(x, t5, t7):
    x = _checks.to_compute(x)
    v1 = t5 * t7
    t8 = 1 - v1
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_9(x, t4, t8):
    x = _checks.to_compute(x)
    v1 = mx.stop_gradient(t4)
    v2 = v1 * t8
    v3 = 2 * v2
    t9 = 1 - v3
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_10(x, t4, t8, t2, t9):
    x, dtype = _checks.to_compute(x), x.dtype
    v1 = mx.isinf(x)
    v2 = x < (-80)
    v3 = mx.stop_gradient(t4)
    v4 = v3 * t8
    v5 = t2 >= 0
    v6 = v5 * t9
    v7 = v4 + v6
    v8 = v7 == 0
    v9 = mx.where(v8, 0, x)
    v10 = x * v7
    v11 = mx.where(v2, 5.347888766186028e-20, 1)
    v12 = v10 * v11
    t10 = mx.where(v1, v9, v12)
    return _checks.to_output(t10, dtype)


def _cpu_special_kernel_0(x):
    # _special_kernel_0 on the CPU, split as _cpu_kernel is.
    t1 = _cpu_special_0_stage_1(x)
    t2 = _cpu_special_0_stage_2(x, t1)
    t3 = _cpu_special_0_stage_3(x, t2)
    t4 = _cpu_special_0_stage_4(x, t3)
    t5 = _cpu_special_0_stage_5(x, t4)
    t6 = _cpu_special_0_stage_6(x, t2)
    t7 = _cpu_special_0_stage_7(x, t3, t6)
    t8 = _cpu_special_0_stage_8(x, t5, t7)
    t9 = _cpu_special_0_stage_9(x, t4, t8)
    return _cpu_special_0_stage_10(x, t4, t8, t2, t9)


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
