# Generated from spec/activations.yaml by codegen; do not edit.
"""The hard_tanh activation and its Module, HardTanh."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["hard_tanh", "HardTanh", "hardtanh", "Hardtanh"]


def _formula(x, min_val, max_val):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.minimum(mx.maximum(x, min_val), max_val)


@partial(mx.compile, shapeless=True)
def _kernel(x, min_val, max_val):
    # The result is x or a parameter's value: exact in any dtype, so no float32 round trip.
    return _checks.to_output(_formula(_checks.to_compute_exact(x), min_val, max_val), x.dtype)


@_checks.per_value
def _prepared(min_val, max_val):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    min_val = mx.array(min_val, dtype=mx.float32)
    max_val = mx.array(max_val, dtype=mx.float32)
    return min_val, max_val


_DEFAULTS = (-1.0, 1.0)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    min_val, max_val = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, min_val, max_val),
        shapeless=True,
    )


def _checked(owner, min_val, max_val):
    # Shared by the function and the Module, so both reject the same values with the same words.
    min_val = _checks.real(owner, "min_val", min_val)
    max_val = _checks.real(owner, "max_val", max_val)
    if not (min_val <= max_val):
        raise ValueError(f"{owner}: min_val ({min_val!r}) must be <= max_val ({max_val!r})")
    return min_val, max_val


def hard_tanh(x: mx.array, min_val: float = -1.0, max_val: float = 1.0) -> mx.array:
    r"""Applies the HardTanh function.

    Also available as ``hardtanh``.

    .. math::

        \text{HardTanh}(x) = \min(\max(x, \mathrm{min\_val}), \mathrm{max\_val})

    Args:
        x (array): The input.
        min_val (float, optional): Lower bound of the output. Default: ``-1.0``. Must satisfy ``min_val <= max_val``.
        max_val (float, optional): Upper bound of the output. Default: ``1.0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.hard_tanh(x, min_val=-2.0, max_val=3.0)
    """
    x = _checks.as_array(x)
    min_val, max_val = _checked("hard_tanh", min_val, max_val)
    if not _checks.on_cpu() and _checks.same_values((min_val, max_val), _DEFAULTS):
        return _default_kernel()(x)
    min_val, max_val = _prepared(min_val, max_val)
    return _kernel(x, min_val, max_val)


class HardTanh(nn.Module):
    r"""Applies the HardTanh function.

    The Module form of :func:`hard_tanh`.

    .. math::

        \text{HardTanh}(x) = \min(\max(x, \mathrm{min\_val}), \mathrm{max\_val})

    Args:
        min_val (float, optional): Lower bound of the output. Default: ``-1.0``. Must satisfy ``min_val <= max_val``.
        max_val (float, optional): Upper bound of the output. Default: ``1.0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.HardTanh(min_val=-1.0, max_val=1.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, min_val: float = -1.0, max_val: float = 1.0):
        super().__init__()
        _checked("HardTanh", min_val, max_val)
        self.min_val = min_val
        self.max_val = max_val

    def _extra_repr(self) -> str:
        return f"min_val={self.min_val!r}, max_val={self.max_val!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return hard_tanh(x, min_val=self.min_val, max_val=self.max_val)


# Other libraries' spellings: the same objects, so either name gives identical results.
hardtanh = hard_tanh
Hardtanh = HardTanh
