# Generated from spec/activations.yaml by codegen; do not edit.
"""The squareplus activation and its Module, Squareplus."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["squareplus", "Squareplus"]


def _formula(x, b, sqrt_b, quarter_b, floor):
    # The spec's implementation, evaluated in the compute dtype.
    magnitude = mx.maximum(-x, x)
    ratio = mx.minimum(magnitude, sqrt_b) / mx.maximum(magnitude, floor)
    half_root = mx.maximum(sqrt_b, mx.abs(x)) * mx.sqrt(0.25 + 0.25 * (ratio * ratio))
    return mx.where(
        x >= 0, x * 0.5 + half_root, quarter_b / mx.maximum(half_root + mx.abs(x) * 0.5, 5e-20)
    )


@partial(mx.compile, shapeless=True)
def _kernel(x, b, sqrt_b, quarter_b, floor):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), b, sqrt_b, quarter_b, floor), x.dtype)


def _half_formula(x, b, sqrt_b, quarter_b, floor):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    # Half inputs reach it as they are (own_dtype): it converts them to float32 itself, or its
    # MLX operation computes in float32 inside.
    near = mx.astype(x * 1, mx.float32)
    magnitude = mx.maximum(-near, near)
    ratio = mx.minimum(magnitude, sqrt_b) / mx.maximum(magnitude, floor)
    v = mx.astype(x, mx.float32)
    half_root = mx.maximum(sqrt_b, mx.abs(v)) * mx.sqrt(0.25 + 0.25 * (ratio * ratio))
    return mx.where(
        x >= 0, v * 0.5 + half_root, quarter_b / mx.maximum(half_root + mx.abs(v) * 0.5, 5e-20)
    )


@partial(mx.compile, shapeless=True)
def _half_kernel(x, b, sqrt_b, quarter_b, floor):
    return _checks.to_output(
        _half_formula(_checks.to_compute_exact(x), b, sqrt_b, quarter_b, floor), x.dtype
    )


@_checks.per_value
def _prepared(b):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    b = mx.array(b, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    sqrt_b = mx.sqrt(b)
    quarter_b = b / 4
    floor = mx.maximum(sqrt_b, 1e-19)
    return b, sqrt_b, quarter_b, floor


_DEFAULTS = (4.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    b, sqrt_b, quarter_b, floor = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: (_half_kernel if _checks.is_half(x) else _kernel)(x, b, sqrt_b, quarter_b, floor),
        shapeless=True,
    )


def _checked(owner, b):
    # Shared by the function and the Module, so both reject the same values with the same words.
    b = _checks.real(owner, "b", b, finite=True)
    if not (b >= 0):
        raise ValueError(f"{owner}: b ({b!r}) must be >= 0")
    return (b,)


def squareplus(x: mx.array, b: float = 4.0) -> mx.array:
    r"""Applies the squareplus function.

    (x + sqrt(x^2 + b)) / 2, a smooth ReLU built from a square root (JAX, Keras). The root is taken as max(|x|, sqrt b) sqrt(1 + r^2), with r = min(|x|, sqrt b) / max(|x|, sqrt b) in [0, 1], so that x^2 neither overflows nor underflows; for x < 0 the result is computed as b / (2 (sqrt(x^2 + b) - x)), which does not cancel.

    .. math::

        \text{Squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2}

    Args:
        x (array): The input.
        b (float, optional): Smoothness near 0; b = 0 gives relu. Default: ``4.0``. Must satisfy ``b >= 0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.squareplus(x, b=1.0)
    """
    x = _checks.as_array(x)
    (b,) = _checked("squareplus", b)
    if not _checks.on_cpu() and _checks.same_values((b,), _DEFAULTS):
        return _default_kernel()(x)
    b, sqrt_b, quarter_b, floor = _prepared(b)
    return (_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(
        x, b, sqrt_b, quarter_b, floor
    )


class Squareplus(nn.Module):
    r"""Applies the squareplus function.

    The Module form of :func:`squareplus`.

    .. math::

        \text{Squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2}

    Args:
        b (float, optional): Smoothness near 0; b = 0 gives relu. Default: ``4.0``. Must satisfy ``b >= 0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Squareplus(b=4.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, b: float = 4.0):
        super().__init__()
        _checked("Squareplus", b)
        self.b = b

    def _extra_repr(self) -> str:
        return f"b={self.b!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return squareplus(x, b=self.b)
