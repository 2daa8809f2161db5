# Generated from spec/activations.yaml by codegen; do not edit.
"""The mish activation and its Module, Mish."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import with_gradient, exp_neg_abs

__all__ = ["mish", "Mish"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    far = x < -80
    shifted = mx.where(far, x + 40, x)
    scale = mx.where(far, 4.248354255291589e-18, 1)
    t = 1 / (mx.expm1(mx.abs(shifted)) + 1)
    positive = shifted >= 0
    numerator = mx.where(positive, 1 + 2 * t, t * (t + 2))
    rest = mx.where(positive, 2 * t * t, 2)
    value = mx.maximum(x, -3.4028234663852886e38) * numerator / (numerator + rest) * scale
    like = (
        mx.clip(x, -3.4028234663852886e38, 3.4028234663852886e38)
        * scale
        * mx.tanh(mx.logaddexp(shifted, 0))
    )
    return with_gradient(value, like)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    far = x < -80
    return (
        mx.maximum(x, -3.4028234663852886e38)
        * mx.where(far, 4.248354255291589e-18, 1)
        * mx.tanh(mx.logaddexp(x + mx.where(far, 40, 0), 0))
    )


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


def _cpu_unsplit_formula(x):
    # The spec's cpu formula in one compiled function, which the CPU's stages below must match
    # bit for bit (the generated tests compare them); MLX's CPU runs the stages.
    clamped = mx.maximum(x, -200)
    shifted = mx.where(clamped < -80, clamped + 44.375, clamped)
    t = exp_neg_abs(shifted)
    positive = clamped >= 0
    numerator = t * (t + 2) + positive * (1 - t * t)
    rest = 2 + positive * (2 * t * t - 2)
    scale = mx.where(clamped < -80, 5.347888766186028e-20, 1)
    return clamped * numerator / (numerator + rest) * scale


@partial(mx.compile, shapeless=True)
def _cpu_unsplit_kernel(x):
    return _checks.to_output(_cpu_unsplit_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t1 = mx.maximum(x, (-200))
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t1 < (-80)
    v2 = t1 + 44.375
    t2 = mx.where(v1, v2, t1)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = -t2
    t3 = mx.maximum(v1, t2)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t3):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.minimum(t3, 88)
    v2 = mx.expm1(v1)
    v3 = v2 + 1
    t4 = 1 / v3
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, t3):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.minimum(t3, 88)
    v2 = mx.stop_gradient(v1)
    t5 = v1 - v2
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, t3, t4, t5):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t3 > 88
    v2 = mx.where(v1, 0, t4)
    v3 = mx.stop_gradient(v2)
    v4 = 1 - t5
    t6 = v3 * v4
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x, t6):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t7 = t6 + 2
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x, t6):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t6 * t6
    t8 = 1 - v1
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, t6):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = 2 * t6
    v2 = v1 * t6
    t9 = v2 - 2
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_stage_10(original, x, t6, t7, t1, t8, t9):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t6 * t7
    v2 = t1 >= 0
    v3 = v2 * t8
    v4 = v1 + v3
    v5 = t1 * v4
    v6 = v2 * t9
    v7 = 2 + v6
    v8 = v4 + v7
    v9 = v5 / v8
    v10 = t1 < (-80)
    v11 = mx.where(v10, 5.347888766186028e-20, 1)
    t10 = v9 * v11
    return _checks.to_output(t10, original.dtype)


def _cpu_kernel(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _kernel, split where its C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x, t2)
    t4 = _cpu_stage_4(x, t3)
    t5 = _cpu_stage_5(x, t3)
    t6 = _cpu_stage_6(x, t3, t4, t5)
    t7 = _cpu_stage_7(x, t6)
    t8 = _cpu_stage_8(x, t6)
    t9 = _cpu_stage_9(x, t6)
    return _cpu_stage_10(original, x, t6, t7, t1, t8, t9)


def mish(x: mx.array) -> mx.array:
    r"""Applies the Mish function.

    Computed from one exponential: tanh(softplus(x)) = n / (n + 2) with n = e^{x}(e^{x} + 2), written in t = e^{-|x|} so nothing overflows. About three times less work than x * tanh(softplus(x)).

    .. math::

        \text{Mish}(x) = x \tanh(\text{Softplus}(x))

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.mish(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


class Mish(nn.Module):
    r"""Applies the Mish function.

    The Module form of :func:`mish`.

    .. math::

        \text{Mish}(x) = x \tanh(\text{Softplus}(x))

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Mish()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return mish(x)
