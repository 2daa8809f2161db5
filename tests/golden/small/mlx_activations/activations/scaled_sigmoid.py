# Generated from spec/activations.yaml by codegen; do not edit.
"""The scaled_sigmoid activation."""

from functools import cache, partial

import mlx.core as mx

from .. import _checks

__all__ = ["scaled_sigmoid"]


def _formula(x, scale):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.sigmoid(scale * x)


@partial(mx.compile, shapeless=True)
def _kernel(x, scale):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), scale), x.dtype)


def _half_formula(x, scale):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    return mx.sigmoid(x * scale)


@partial(mx.compile, shapeless=True)
def _half_kernel(x, scale):
    return _checks.to_output(_half_formula(_checks.to_compute(x), scale), x.dtype)


@_checks.per_value
def _prepared(scale):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    scale = mx.array(scale, dtype=mx.float32)
    return (scale,)


_DEFAULTS = (1.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    (scale,) = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: (_half_kernel if _checks.is_half(x) else _kernel)(x, scale),
        shapeless=True,
    )


def _checked(owner, scale):
    # Shared by the function and the Module, so both reject the same values with the same words.
    scale = _checks.real(owner, "scale", scale)
    return (scale,)


def scaled_sigmoid(x: mx.array, scale: float = 1.0) -> mx.array:
    r"""Applies the logistic sigmoid of a scaled input.

    .. math::

        \sigma(\text{scale} \, x)

    Args:
        x (array): The input.
        scale (float, optional): The factor of the input. Default: ``1.0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.scaled_sigmoid(x, scale=-0.5)
    """
    x = _checks.as_array(x)
    (scale,) = _checked("scaled_sigmoid", scale)
    half_applies = scale > 0  # the parameter values the half formula serves
    if not _checks.on_cpu() and _checks.same_values((scale,), _DEFAULTS):
        return _default_kernel()(x)
    (scale,) = _prepared(scale)
    return (
        _kernel
        if _checks.on_cpu()
        else _half_kernel if _checks.is_half(x) and half_applies else _kernel
    )(x, scale)
