# Generated from spec/activations.yaml by codegen; do not edit.
"""The softplus activation and its Module, Softplus."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_neg_abs_shallow, softplus_with_slope, high_half, scaled_error

__all__ = ["softplus", "Softplus"]


def _formula(x, beta, threshold, beta_high, beta_low, shift):
    # The spec's implementation, evaluated in the compute dtype.
    u = beta * x
    u_low = scaled_error(x, beta_high, beta_low)
    t = exp_neg_abs_shallow(u)
    curved = (
        mx.where(u >= 0, u, 0) + mx.log1p(t) + u_low * mx.where(u >= 0, 1, t) / (1 + t)
    ) / beta
    return mx.where(u > threshold, x + shift, curved)


@partial(mx.compile, shapeless=True)
def _kernel(x, beta, threshold, beta_high, beta_low, shift):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(
        _formula(_checks.to_compute(x), beta, threshold, beta_high, beta_low, shift), x.dtype
    )


def _half_formula(x, beta, threshold, beta_high, beta_low, shift):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    u = beta * x
    return mx.where(u > threshold, x + shift, mx.logaddexp(u, 0) * (1 / beta))


@partial(mx.compile, shapeless=True)
def _half_kernel(x, beta, threshold, beta_high, beta_low, shift):
    return _checks.to_output(
        _half_formula(_checks.to_compute(x), beta, threshold, beta_high, beta_low, shift), x.dtype
    )


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x, beta):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t1 = beta * x
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, shift):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = x + shift
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t1 >= 0
    t3 = mx.where(v1, t1, 0)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = -t1
    v2 = mx.maximum(v1, t1)
    v3 = mx.expm1(v2)
    v4 = v3 + 1
    v5 = 1 / v4
    v6 = mx.stop_gradient(v5)
    v7 = mx.minimum(v2, 88)
    v8 = mx.stop_gradient(v7)
    v9 = v7 - v8
    v10 = 1 - v9
    t4 = v6 * v10
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = 4097 * x
    v2 = v1 - x
    t5 = v1 - v2
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, beta_high, beta_low):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t6 = beta_high + beta_low
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x, t5, beta_high, t6, beta_low):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t5 * beta_high
    v2 = x * t6
    v3 = v1 - v2
    v4 = t5 * beta_low
    v5 = v3 + v4
    v6 = x - t5
    v7 = v6 * beta_high
    v8 = v5 + v7
    v9 = v6 * beta_low
    t7 = v8 + v9
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x, t1, t4):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t1 >= 0
    t8 = mx.where(v1, 1, t4)
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, t4, t3, t7, t8, beta):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.log1p(t4)
    v2 = t3 + v1
    v3 = mx.isfinite(t7)
    v4 = mx.where(v3, t7, 0)
    v5 = mx.stop_gradient(v4)
    v6 = v5 * t8
    v7 = 1 + t4
    v8 = v6 / v7
    v9 = v2 + v8
    t9 = v9 / beta
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_stage_10(original, x, t1, threshold, t2, t9):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t1 > threshold
    t10 = mx.where(v1, t2, t9)
    return _checks.to_output(t10, original.dtype)


def _cpu_kernel(x, beta, threshold, beta_high, beta_low, shift):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x, beta)
    t2 = _cpu_stage_2(x, shift)
    t3 = _cpu_stage_3(x, t1)
    t4 = _cpu_stage_4(x, t1)
    t5 = _cpu_stage_5(x)
    t6 = _cpu_stage_6(x, beta_high, beta_low)
    t7 = _cpu_stage_7(x, t5, beta_high, t6, beta_low)
    t8 = _cpu_stage_8(x, t1, t4)
    t9 = _cpu_stage_9(x, t4, t3, t7, t8, beta)
    return _cpu_stage_10(original, x, t1, threshold, t2, t9)


@partial(mx.compile, shapeless=True)
def _special_kernel_0(x):
    # Where beta == 1 and threshold == 20: the same results as _kernel, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(softplus_with_slope(x), dtype)


@partial(mx.compile, shapeless=True)
def _special_half_kernel_0(x):
    # Where beta == 1 and threshold == 20, for half inputs on a GPU: the half formula's results, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(mx.where(x >= 0, x, 0) + mx.log1p(mx.exp(mx.minimum(x, -x))), dtype)


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x >= 0
    t1 = mx.where(v1, x, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_2(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.abs(x)
    v2 = mx.expm1(v1)
    v3 = v2 + 1
    t2 = 1 / v3
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_3(x, t2):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x >= 0
    t3 = mx.where(v1, 1, t2)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_special_0_stage_4(original, x, t2, t1, t3):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.log1p(t2)
    v2 = t1 + v1
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


def _cpu_special_kernel_0(x):
    # _special_kernel_0 on the CPU, split as _cpu_kernel is.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_special_0_stage_1(x)
    t2 = _cpu_special_0_stage_2(x)
    t3 = _cpu_special_0_stage_3(x, t2)
    return _cpu_special_0_stage_4(original, x, t2, t1, t3)


@_checks.per_value
def _prepared(beta, threshold):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    beta = mx.array(beta, dtype=mx.float32)
    threshold = mx.array(threshold, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    beta_high = high_half(beta)
    beta_low = beta - beta_high
    shift = mx.log1p(mx.exp(-threshold)) / beta
    return beta, threshold, beta_high, beta_low, shift


def _checked(owner, beta, threshold):
    # Shared by the function and the Module, so both reject the same values with the same words.
    beta = _checks.real(owner, "beta", beta, finite=True)
    threshold = _checks.real(owner, "threshold", threshold)
    if not (beta > 0):
        raise ValueError(f"{owner}: beta ({beta!r}) must be > 0")
    if not (threshold >= 0):
        raise ValueError(f"{owner}: threshold ({threshold!r}) must be >= 0")
    return beta, threshold


def softplus(x: mx.array, beta: float = 1.0, threshold: float = 20.0) -> mx.array:
    r"""Applies the softplus function.

    log(1 + e^{beta x}) / beta, linear above beta x = threshold as in PyTorch, but shifted there by log(1 + e^{-threshold}) / beta so the function stays continuous (PyTorch jumps). With the defaults it is the plain softplus, whose shift of 2e-9 is below float32's precision at 20.

    .. math::

        \text{Softplus}(x) = \frac{1}{\beta} \log(1 + e^{\beta x})

    Args:
        x (array): The input.
        beta (float, optional): Sharpness of the bend, used as the nearest float32 (in the left tail the result is e^{beta x} / beta, so a beta that float32 cannot hold shows). Default: ``1.0``. Must satisfy ``beta > 0``.
        threshold (float, optional): Above beta x = threshold the result is linear in x. Default: ``20.0``. Must satisfy ``threshold >= 0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.softplus(x, beta=2.0)
    """
    x = _checks.as_array(x)
    beta, threshold = _checked("softplus", beta, threshold)
    # On a GPU the half formula serves half inputs (a special case may have its own).
    if (_checks.on_cpu() or not _checks.is_half(x)) and beta == 1 and threshold == 20:
        return (_cpu_special_kernel_0 if _checks.on_cpu() else _special_kernel_0)(x)
    if not _checks.on_cpu() and _checks.is_half(x) and beta == 1 and threshold == 20:
        return _special_half_kernel_0(x)
    return _general(x, beta, threshold)


def _general(x, beta, threshold):
    # The spec's implementation for any parameter values, with checked parameters.
    beta, threshold, beta_high, beta_low, shift = _prepared(beta, threshold)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(
        x, beta, threshold, beta_high, beta_low, shift
    )


class Softplus(nn.Module):
    r"""Applies the softplus function.

    The Module form of :func:`softplus`.

    .. math::

        \text{Softplus}(x) = \frac{1}{\beta} \log(1 + e^{\beta x})

    Args:
        beta (float, optional): Sharpness of the bend, used as the nearest float32 (in the left tail the result is e^{beta x} / beta, so a beta that float32 cannot hold shows). Default: ``1.0``. Must satisfy ``beta > 0``.
        threshold (float, optional): Above beta x = threshold the result is linear in x. Default: ``20.0``. Must satisfy ``threshold >= 0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Softplus(beta=1.0, threshold=20.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, beta: float = 1.0, threshold: float = 20.0):
        super().__init__()
        _checked("Softplus", beta, threshold)
        self.beta = beta
        self.threshold = threshold

    def _extra_repr(self) -> str:
        return f"beta={self.beta!r}, threshold={self.threshold!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return softplus(x, beta=self.beta, threshold=self.threshold)
