# Generated from spec/activations.yaml by codegen; do not edit.
"""The step activation and its Module, Step."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["step", "Step"]


def _formula(x, threshold):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(x < threshold, 0, mx.where(x >= threshold, 1, x))


@partial(mx.compile, shapeless=True)
def _kernel(x, threshold):
    # The result is x or a parameter's value: exact in any dtype, so no float32 round trip.
    return _checks.to_output(_formula(_checks.to_compute_exact(x), threshold), x.dtype)


@_checks.per_value
def _prepared(threshold):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    threshold = mx.array(threshold, dtype=mx.float32)
    return (threshold,)


_DEFAULTS = (0.0,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    (threshold,) = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, threshold),
        shapeless=True,
    )


def _checked(owner, threshold):
    # Shared by the function and the Module, so both reject the same values with the same words.
    threshold = _checks.real(owner, "threshold", threshold)
    return (threshold,)


def step(x: mx.array, threshold: float = 0.0) -> mx.array:
    r"""Applies the binary step function.

    Returns 1 where x >= threshold and 0 elsewhere, in the input's dtype (mlx.nn returns int32). NaN stays NaN.

    .. math::

        \text{step}(x) = \begin{cases} 1 & x \ge \text{threshold} \\ 0 & x < \text{threshold} \end{cases}

    Args:
        x (array): The input.
        threshold (float, optional): Inputs at or above it map to 1. Default: ``0.0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.step(x, threshold=0.5)
    """
    x = _checks.as_array(x)
    (threshold,) = _checked("step", threshold)
    if not _checks.on_cpu() and _checks.same_values((threshold,), _DEFAULTS):
        return _default_kernel()(x)
    (threshold,) = _prepared(threshold)
    return _kernel(x, threshold)


class Step(nn.Module):
    r"""Applies the binary step function.

    The Module form of :func:`step`.

    .. math::

        \text{step}(x) = \begin{cases} 1 & x \ge \text{threshold} \\ 0 & x < \text{threshold} \end{cases}

    Args:
        threshold (float, optional): Inputs at or above it map to 1. Default: ``0.0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Step(threshold=0.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, threshold: float = 0.0):
        super().__init__()
        _checked("Step", threshold)
        self.threshold = threshold

    def _extra_repr(self) -> str:
        return f"threshold={self.threshold!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return step(x, threshold=self.threshold)
