# Generated from spec/activations.yaml by codegen; do not edit.
"""The selu activation and its Module, SELU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import half_expm1_negative

__all__ = ["selu", "SELU"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    scale = 1.0507009873554805
    scale_alpha = 1.7580993408473768
    return scale * mx.maximum(x, 0) + scale_alpha * mx.expm1(mx.minimum(x, 0))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    scale = 1.0507009873554805
    scale_alpha = 1.7580993408473768
    return mx.where(x > 0, scale * x, scale_alpha * half_expm1_negative(x))


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


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
def _cpu_stage_3(original, x, t1, t2):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = 1.0507009873554805 * t1
    v2 = mx.expm1(t2)
    v3 = 1.7580993408473768 * v2
    t3 = v1 + v3
    return _checks.to_output(t3, original.dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x)
    return _cpu_stage_3(original, x, t1, t2)


def selu(x: mx.array) -> mx.array:
    r"""Applies the Scaled Exponential Linear Unit.

    Uses the full-precision constants of the paper (mlx.nn truncates them to 1.0507 and 1.67326).

    .. math::

        \text{SELU}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}, \quad \lambda \approx 1.0507009873554805,\ \alpha \approx 1.6732632423543772

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.selu(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


class SELU(nn.Module):
    r"""Applies the Scaled Exponential Linear Unit.

    The Module form of :func:`selu`.

    .. math::

        \text{SELU}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}, \quad \lambda \approx 1.0507009873554805,\ \alpha \approx 1.6732632423543772

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.SELU()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return selu(x)
