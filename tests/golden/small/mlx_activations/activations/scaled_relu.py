# Generated from spec/activations.yaml by codegen; do not edit.
"""The scaled_relu activation and its Module, ScaledReLU."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["scaled_relu", "ScaledReLU"]


def _formula(x, scale):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.maximum(x, 0) * scale


@partial(mx.compile, shapeless=True)
def _kernel(x, scale):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), scale), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t1 = mx.maximum(x, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(original, x, t1, scale):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = t1 * scale
    return _checks.to_output(t2, original.dtype)


def _cpu_kernel(x, scale):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    return _cpu_stage_2(original, x, t1, scale)


@_checks.per_value
def _prepared(scale):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    scale = mx.array(scale, dtype=mx.float32)
    return (scale,)


_DEFAULTS = (2.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    (scale,) = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, scale),
        shapeless=True,
    )


def _checked(owner, scale):
    # Shared by the function and the Module, so both reject the same values with the same words.
    scale = _checks.real(owner, "scale", scale)
    if not (scale > 0):
        raise ValueError(f"{owner}: scale ({scale!r}) must be > 0")
    return (scale,)


def scaled_relu(x: mx.array, scale: float = 2.0) -> mx.array:
    """Applies max(0, x) times a scale: \"\"\"triple\"\"\" and '''quotes'''.

    .. math::

        \\max(0, x) \\cdot \\text{scale}

    Args:
        x (array): The input.
        scale (float, optional): The factor, non-ASCII ok (λ). Default: ``2.0``. Must satisfy ``scale > 0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.scaled_relu(x, scale=0.5)
    """
    x = _checks.as_array(x)
    (scale,) = _checked("scaled_relu", scale)
    if not _checks.on_cpu() and _checks.same_values((scale,), _DEFAULTS):
        return _default_kernel()(x)
    (scale,) = _prepared(scale)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x, scale)


class ScaledReLU(nn.Module):
    """Applies max(0, x) times a scale: \"\"\"triple\"\"\" and '''quotes'''.

    The Module form of :func:`scaled_relu`.

    .. math::

        \\max(0, x) \\cdot \\text{scale}

    Args:
        scale (float, optional): The factor, non-ASCII ok (λ). Default: ``2.0``. Must satisfy ``scale > 0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.ScaledReLU(scale=2.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, scale: float = 2.0):
        super().__init__()
        _checked("ScaledReLU", scale)
        self.scale = scale

    def _extra_repr(self) -> str:
        return f"scale={self.scale!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return scaled_relu(x, scale=self.scale)
