# Generated from spec/activations.yaml by codegen; do not edit.
"""The silu activation and its Module, SiLU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import (
    times_sigmoid,
    half_far_times_sigmoid,
    half_times_sigmoid,
    sigmoid_error_factor,
    times_sigmoid_wide,
    high_half,
    scaled_error,
)

__all__ = ["silu", "SiLU", "swish"]


def _formula(x, beta, beta_high, beta_low):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(
        mx.isinf(x),
        mx.where((x > 0) == (beta > 0), x, mx.where(beta == 0, x, 0)),
        times_sigmoid(x, beta * x)
        * sigmoid_error_factor(beta * x, scaled_error(x, beta_high, beta_low)),
    )


@partial(mx.compile, shapeless=True)
def _kernel(x, beta, beta_high, beta_low):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), beta, beta_high, beta_low), x.dtype)


def _half_formula(x, beta, beta_high, beta_low):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    u = beta * mx.clip(x, -3.4028234663852886e38, 3.4028234663852886e38)
    return half_times_sigmoid(x, u)


@partial(mx.compile, shapeless=True)
def _half_kernel(x, beta, beta_high, beta_low):
    return _checks.to_output(
        _half_formula(_checks.to_compute(x), beta, beta_high, beta_low), x.dtype
    )


def _cpu_formula(x, beta, beta_high, beta_low):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    wide = mx.astype(x, mx.float64)
    return times_sigmoid_wide(wide, beta * mx.clip(wide, -1e262, 1e262))


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x, beta, beta_high, beta_low):
    return _checks.to_output(
        _cpu_formula(_checks.to_compute(x), beta, beta_high, beta_low), x.dtype
    )


@partial(mx.compile, shapeless=True)
def _special_kernel_0(x):
    # Where beta == 1: the same results as _kernel, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(times_sigmoid(x, x), dtype)


@partial(mx.compile, shapeless=True)
def _special_half_kernel_0(x):
    # Where beta == 1, for half inputs on a GPU: the half formula's results, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(half_far_times_sigmoid(x, x, x < -80), dtype)


@_checks.per_value
def _prepared(beta):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    beta = mx.array(beta, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    beta_high = high_half(beta)
    beta_low = beta - beta_high
    return beta, beta_high, beta_low


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
    # The cpu formula serves every parameter value on the CPU; the special cases are for a GPU.
    # On a GPU the half formula serves half inputs (a special case may have its own).
    if not _checks.on_cpu() and not _checks.is_half(x) and beta == 1:
        return _special_kernel_0(x)
    if not _checks.on_cpu() and _checks.is_half(x) and beta == 1:
        return _special_half_kernel_0(x)
    return _general(x, beta)


def _general(x, beta):
    # The spec's implementation for any parameter values, with checked parameters.
    beta, beta_high, beta_low = _prepared(beta)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(
        x, beta, beta_high, beta_low
    )


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
