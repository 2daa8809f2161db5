# Generated from spec/activations.yaml by codegen; do not edit.
"""The elu activation and its Module, ELU."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import half_expm1_negative

__all__ = ["elu", "ELU"]


def _formula(x, alpha):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.maximum(x, 0) + alpha * mx.expm1(mx.minimum(x, 0))


@partial(mx.compile, shapeless=True)
def _kernel(x, alpha):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), alpha), x.dtype)


def _half_formula(x, alpha):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    return mx.where(x > 0, x, alpha * half_expm1_negative(x))


@partial(mx.compile, shapeless=True)
def _half_kernel(x, alpha):
    return _checks.to_output(_half_formula(_checks.to_compute(x), alpha), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t1 = mx.maximum(x, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = mx.minimum(x, 0)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(original, x, t2, alpha, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.expm1(t2)
    v2 = alpha * v1
    t3 = t1 + v2
    return _checks.to_output(t3, original.dtype)


def _cpu_kernel(x, alpha):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x)
    return _cpu_stage_3(original, x, t2, alpha, t1)


@_checks.per_value
def _prepared(alpha):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    alpha = mx.array(alpha, dtype=mx.float32)
    return (alpha,)


_DEFAULTS = (1.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    (alpha,) = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: (_half_kernel if _checks.is_half(x) else _kernel)(x, alpha),
        shapeless=True,
    )


def _checked(owner, alpha):
    # Shared by the function and the Module, so both reject the same values with the same words.
    alpha = _checks.real(owner, "alpha", alpha, finite=True)
    return (alpha,)


def elu(x: mx.array, alpha: float = 1.0) -> mx.array:
    r"""Applies the Exponential Linear Unit.

    Computed with expm1, so it keeps full precision near 0, and with the exponential's argument clamped to x <= 0, so neither the value nor the gradient overflows for large x.

    .. math::

        \text{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}

    Args:
        x (array): The input.
        alpha (float, optional): Scale of the negative part; its limit at -inf is -alpha. Default: ``1.0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.elu(x, alpha=0.5)
    """
    x = _checks.as_array(x)
    (alpha,) = _checked("elu", alpha)
    if not _checks.on_cpu() and _checks.same_values((alpha,), _DEFAULTS):
        return _default_kernel()(x)
    (alpha,) = _prepared(alpha)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(
        x, alpha
    )


class ELU(nn.Module):
    r"""Applies the Exponential Linear Unit.

    The Module form of :func:`elu`.

    .. math::

        \text{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}

    Args:
        alpha (float, optional): Scale of the negative part; its limit at -inf is -alpha. Default: ``1.0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.ELU(alpha=1.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, alpha: float = 1.0):
        super().__init__()
        _checked("ELU", alpha)
        self.alpha = alpha

    def _extra_repr(self) -> str:
        return f"alpha={self.alpha!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return elu(x, alpha=self.alpha)
