# Generated from spec/activations.yaml by codegen; do not edit.
"""The leaky_relu activation and its Module, LeakyReLU."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["leaky_relu", "LeakyReLU"]


def _formula(x, negative_slope, floor):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(x >= 0, 1, negative_slope) * mx.where(x < floor, floor, x)


@partial(mx.compile, shapeless=True)
def _kernel(x, negative_slope, floor):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), negative_slope, floor), x.dtype)


@_checks.per_value
def _prepared(negative_slope):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    negative_slope = mx.array(negative_slope, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    floor = mx.where(negative_slope == 0, -3.4028234663852886e38, -1e39)
    return negative_slope, floor


_DEFAULTS = (0.01,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    negative_slope, floor = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, negative_slope, floor),
        shapeless=True,
    )


def _checked(owner, negative_slope):
    # Shared by the function and the Module, so both reject the same values with the same words.
    negative_slope = _checks.real(owner, "negative_slope", negative_slope)
    return (negative_slope,)


def leaky_relu(x: mx.array, negative_slope: float = 0.01) -> mx.array:
    r"""Applies the Leaky Rectified Linear Unit.

    Negative inputs are scaled by negative_slope. Unlike mlx.nn's max(negative_slope * x, x), the result is right for any slope, including slopes above 1.

    .. math::

        \text{LeakyReLU}(x) = \begin{cases} x & x \ge 0 \\ \mathrm{negative\_slope} \cdot x & x < 0 \end{cases}

    Args:
        x (array): The input.
        negative_slope (float, optional): Slope for negative inputs. Default: ``0.01``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.leaky_relu(x, negative_slope=0.2)
    """
    x = _checks.as_array(x)
    (negative_slope,) = _checked("leaky_relu", negative_slope)
    if not _checks.on_cpu() and _checks.same_values((negative_slope,), _DEFAULTS):
        return _default_kernel()(x)
    negative_slope, floor = _prepared(negative_slope)
    return _kernel(x, negative_slope, floor)


class LeakyReLU(nn.Module):
    r"""Applies the Leaky Rectified Linear Unit.

    The Module form of :func:`leaky_relu`.

    .. math::

        \text{LeakyReLU}(x) = \begin{cases} x & x \ge 0 \\ \mathrm{negative\_slope} \cdot x & x < 0 \end{cases}

    Args:
        negative_slope (float, optional): Slope for negative inputs. Default: ``0.01``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.LeakyReLU(negative_slope=0.01)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, negative_slope: float = 0.01):
        super().__init__()
        _checked("LeakyReLU", negative_slope)
        self.negative_slope = negative_slope

    def _extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return leaky_relu(x, negative_slope=self.negative_slope)
