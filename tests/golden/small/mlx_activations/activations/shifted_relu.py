# Generated from spec/activations.yaml by codegen; do not edit.
"""The shifted_relu activation and its Module, ShiftedReLU."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["shifted_relu", "ShiftedReLU", "shiftedrelu", "Shiftedrelu"]


def _formula(x, shift, negated):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.maximum(x + negated, 0)


@partial(mx.compile, shapeless=True)
def _kernel(x, shift, negated):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), shift, negated), x.dtype)


def _cpu_formula(x, shift, negated):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    wide = mx.astype(x, mx.float64)
    return mx.maximum(wide - shift, 0)


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x, shift, negated):
    return _checks.to_output(_cpu_formula(_checks.to_compute(x), shift, negated), x.dtype)


@partial(mx.compile, shapeless=True)
def _special_kernel_0(x):
    # Where shift == 0: the same results as _kernel, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(mx.maximum(x, 0), dtype)


@_checks.per_value
def _prepared(shift):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    shift = mx.array(shift, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    negated = 0 - shift
    return shift, negated


_DEFAULTS = (1.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    shift, negated = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, shift, negated),
        shapeless=True,
    )


def _checked(owner, shift):
    # Shared by the function and the Module, so both reject the same values with the same words.
    shift = _checks.real(owner, "shift", shift)
    return (shift,)


def shifted_relu(x: mx.array, shift: float = 1.0) -> mx.array:
    r"""Applies max(0, x - shift).

    Also available as ``shiftedrelu``.

    .. math::

        \max(0, x - \text{shift})

    Args:
        x (array): The input.
        shift (float, optional): Subtracted from x first. Default: ``1.0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.shifted_relu(x)
    """
    x = _checks.as_array(x)
    (shift,) = _checked("shifted_relu", shift)
    # The cpu formula serves every parameter value on the CPU; the special cases are for a GPU.
    if not _checks.on_cpu() and shift == 0:
        return _special_kernel_0(x)
    return _general(x, shift)


def _general(x, shift):
    # The spec's implementation for any parameter values, with checked parameters.
    if not _checks.on_cpu() and _checks.same_values((shift,), _DEFAULTS):
        return _default_kernel()(x)
    shift, negated = _prepared(shift)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x, shift, negated)


class ShiftedReLU(nn.Module):
    r"""Applies max(0, x - shift).

    The Module form of :func:`shifted_relu`.

    .. math::

        \max(0, x - \text{shift})

    Args:
        shift (float, optional): Subtracted from x first. Default: ``1.0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.ShiftedReLU(shift=1.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, shift: float = 1.0):
        super().__init__()
        _checked("ShiftedReLU", shift)
        self.shift = shift

    def _extra_repr(self) -> str:
        return f"shift={self.shift!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return shifted_relu(x, shift=self.shift)


# Other libraries' spellings: the same objects, so either name gives identical results.
shiftedrelu = shifted_relu
Shiftedrelu = ShiftedReLU
