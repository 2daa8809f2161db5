# Generated from spec/activations.yaml by codegen; do not edit.
"""The squareplus activation and its Module, Squareplus."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["squareplus", "Squareplus"]


def _formula(x, b, sqrt_b, b_scaled):
    # The spec's implementation, evaluated in the compute dtype.
    magnitude = mx.maximum(-x, x)
    bounded = mx.minimum(mx.maximum(magnitude, 1e-18), 1e18)
    scaled = mx.minimum(magnitude, 1e-18) * 9.223372036854776e18
    tiny_root = mx.where(
        b >= 1e-20,
        sqrt_b,
        mx.sqrt(mx.maximum(scaled * scaled + b_scaled, 1e-44)) * 1.0842021724855044e-19,
    )
    root = mx.where(
        magnitude > 1e18,
        magnitude,
        mx.where(magnitude < 1e-18, tiny_root, mx.sqrt(bounded * bounded + b)),
    )
    return mx.where(x >= 0, x / 2 + root / 2, b / mx.maximum(root / 2 + magnitude / 2, 5e-20) / 4)


@partial(mx.compile, shapeless=True)
def _kernel(x, b, sqrt_b, b_scaled):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), b, sqrt_b, b_scaled), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = -x
    t1 = mx.maximum(v1, x)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = mx.minimum(t1, 1e-18)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2, b_scaled):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t2 * 9.223372036854776e18
    v2 = v1 * v1
    v3 = v2 + b_scaled
    t3 = mx.maximum(v3, 1e-44)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t3):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.sqrt(t3)
    t4 = v1 * 1.0842021724855044e-19
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, b, sqrt_b, t4):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = b >= 1e-20
    t5 = mx.where(v1, sqrt_b, t4)
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t6 = mx.maximum(t1, 1e-18)
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x, t6, b):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.minimum(t6, 1e18)
    v2 = v1 * v1
    v3 = v2 + b
    t7 = mx.sqrt(v3)
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x, t1, t5, t7):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x / 2
    v2 = t1 > 1e18
    v3 = t1 < 1e-18
    v4 = mx.where(v3, t5, t7)
    v5 = mx.where(v2, t1, v4)
    v6 = v5 / 2
    t8 = v1 + v6
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, t1, t5, t7):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t1 > 1e18
    v2 = t1 < 1e-18
    v3 = mx.where(v2, t5, t7)
    v4 = mx.where(v1, t1, v3)
    v5 = v4 / 2
    v6 = t1 / 2
    v7 = v5 + v6
    t9 = mx.maximum(v7, 5e-20)
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_stage_10(x, b, t9):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = b / t9
    t10 = v1 / 4
    return t10


@partial(mx.compile, shapeless=True)
def _cpu_stage_11(original, x, t8, t10):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x >= 0
    t11 = mx.where(v1, t8, t10)
    return _checks.to_output(t11, original.dtype)


def _cpu_kernel(x, b, sqrt_b, b_scaled):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x, t2, b_scaled)
    t4 = _cpu_stage_4(x, t3)
    t5 = _cpu_stage_5(x, b, sqrt_b, t4)
    t6 = _cpu_stage_6(x, t1)
    t7 = _cpu_stage_7(x, t6, b)
    t8 = _cpu_stage_8(x, t1, t5, t7)
    t9 = _cpu_stage_9(x, t1, t5, t7)
    t10 = _cpu_stage_10(x, b, t9)
    return _cpu_stage_11(original, x, t8, t10)


@_checks.per_value
def _prepared(b):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    b = mx.array(b, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    sqrt_b = mx.sqrt(b)
    b_scaled = b * 8.507059173023462e37
    return b, sqrt_b, b_scaled


_DEFAULTS = (4.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    b, sqrt_b, b_scaled = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, b, sqrt_b, b_scaled),
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

    (x + sqrt(x^2 + b)) / 2, a smooth ReLU built from a square root (JAX, Keras). For x < 0 it is computed as b / (2 (sqrt(x^2 + b) - x)), which does not cancel, and past |x| = 1e18 the root is |x|, so x^2 does not overflow.

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
    b, sqrt_b, b_scaled = _prepared(b)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x, b, sqrt_b, b_scaled)


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
