# Generated from spec/activations.yaml by codegen; do not edit.
"""The celu activation and its Module, CELU."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["celu", "CELU"]


def _formula(x, alpha, below, inverse, near, negative_inverse):
    # The spec's implementation, evaluated in the compute dtype.
    positive = x > below
    return mx.where(positive, x, 0) + alpha * mx.expm1(mx.where(positive, 0, x) * inverse)


@partial(mx.compile, shapeless=True)
def _kernel(x, alpha, below, inverse, near, negative_inverse):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(
        _formula(_checks.to_compute(x), alpha, below, inverse, near, negative_inverse), x.dtype
    )


def _half_formula(x, alpha, below, inverse, near, negative_inverse):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    return mx.where(x > near, x, alpha * mx.exp(mx.abs(x) * negative_inverse) - alpha)


@partial(mx.compile, shapeless=True)
def _half_kernel(x, alpha, below, inverse, near, negative_inverse):
    return _checks.to_output(
        _half_formula(_checks.to_compute(x), alpha, below, inverse, near, negative_inverse), x.dtype
    )


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x, below):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x > below
    t1 = mx.where(v1, x, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, below):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x > below
    t2 = mx.where(v1, 0, x)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(original, x, t2, inverse, alpha, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t2 * inverse
    v2 = mx.expm1(v1)
    v3 = alpha * v2
    t3 = t1 + v3
    return _checks.to_output(t3, original.dtype)


def _cpu_kernel(x, alpha, below, inverse, near, negative_inverse):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x, below)
    t2 = _cpu_stage_2(x, below)
    return _cpu_stage_3(original, x, t2, inverse, alpha, t1)


@_checks.per_value
def _prepared(alpha):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    alpha = mx.array(alpha, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    below = -mx.abs(alpha) * 1.4901161193847656e-08
    inverse = 1 / alpha
    near = -mx.abs(alpha) * 0.00048828125
    negative_inverse = -1 / alpha
    return alpha, below, inverse, near, negative_inverse


_DEFAULTS = (1.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    alpha, below, inverse, near, negative_inverse = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: (_half_kernel if _checks.is_half(x) else _kernel)(
            x, alpha, below, inverse, near, negative_inverse
        ),
        shapeless=True,
    )


def _checked(owner, alpha):
    # Shared by the function and the Module, so both reject the same values with the same words.
    alpha = _checks.real(owner, "alpha", alpha, finite=True)
    if not (alpha != 0):
        raise ValueError(f"{owner}: alpha ({alpha!r}) must be != 0")
    return (alpha,)


def celu(x: mx.array, alpha: float = 1.0) -> mx.array:
    r"""Applies the Continuously Differentiable Exponential Linear Unit.

    .. math::

        \text{CELU}(x) = \max(0, x) + \min\left(0, \alpha \left(e^{x/\alpha} - 1\right)\right)

    Args:
        x (array): The input.
        alpha (float, optional): Scale of the negative part and of its exponent. Default: ``1.0``. Must satisfy ``alpha != 0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.celu(x, alpha=0.1)
    """
    x = _checks.as_array(x)
    (alpha,) = _checked("celu", alpha)
    half_applies = alpha > 0  # the parameter values the half formula serves
    if not _checks.on_cpu() and _checks.same_values((alpha,), _DEFAULTS):
        return _default_kernel()(x)
    alpha, below, inverse, near, negative_inverse = _prepared(alpha)
    return (
        _cpu_kernel
        if _checks.on_cpu()
        else _half_kernel if _checks.is_half(x) and half_applies else _kernel
    )(x, alpha, below, inverse, near, negative_inverse)


class CELU(nn.Module):
    r"""Applies the Continuously Differentiable Exponential Linear Unit.

    The Module form of :func:`celu`.

    .. math::

        \text{CELU}(x) = \max(0, x) + \min\left(0, \alpha \left(e^{x/\alpha} - 1\right)\right)

    Args:
        alpha (float, optional): Scale of the negative part and of its exponent. Default: ``1.0``. Must satisfy ``alpha != 0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.CELU(alpha=1.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, alpha: float = 1.0):
        super().__init__()
        _checked("CELU", alpha)
        self.alpha = alpha

    def _extra_repr(self) -> str:
        return f"alpha={self.alpha!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return celu(x, alpha=self.alpha)
