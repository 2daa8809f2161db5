# Generated from spec/activations.yaml by codegen; do not edit.
"""The glu activation and its Module, GLU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import with_gradient, sigmoid_product

__all__ = ["glu", "GLU"]


def _formula(a, b):
    # The spec's implementation, evaluated in the compute dtype.
    near = b >= -80
    finite = mx.clip(a, -3.4028234663852886e38, 3.4028234663852886e38)
    small = mx.sigmoid(mx.minimum(b, -b))
    like = mx.where(
        near,
        finite * mx.where(b >= 0, 1 - small, small),
        finite * 4.248354255291589e-18 * mx.sigmoid(b - -40),
    )
    return with_gradient(sigmoid_product(a, b), like)


@partial(mx.compile, shapeless=True)
def _kernel(a, b):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(a), _checks.to_compute(b)), a.dtype)


def _half_formula(a, b):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    # Half inputs reach it as they are (own_dtype): it converts them to float32 itself, or its
    # MLX operation computes in float32 inside.
    far = b < -80
    gate_input = mx.astype(b, mx.float32)
    gate = mx.where(
        b >= 0, 1 - mx.sigmoid(-gate_input), mx.sigmoid(gate_input + mx.where(far, 40, 0))
    )
    value = mx.astype(a, mx.float32)
    return mx.where(far, value * 4.248354255291589e-18, value) * gate


@partial(mx.compile, shapeless=True)
def _half_kernel(a, b):
    return _checks.to_output(
        _half_formula(_checks.to_compute_exact(a), _checks.to_compute_exact(b)), a.dtype
    )


def _cpu_formula(a, b):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    u = mx.astype(b, mx.float64)
    tail = mx.reciprocal(2 + mx.expm1(mx.minimum(mx.maximum(-u, u), 709)))
    positive = b >= 0
    return mx.clip(mx.astype(a, mx.float64), -1e262, 1e262) * (positive + (1 - 2 * positive) * tail)


@partial(mx.compile, shapeless=True)
def _cpu_kernel(a, b):
    return _checks.to_output(_cpu_formula(_checks.to_compute(a), _checks.to_compute(b)), a.dtype)


def _checked(owner, axis):
    # Shared by the function and the Module, so both reject the same values with the same words.
    axis = _checks.integer(owner, "axis", axis)
    return (axis,)


def glu(x: mx.array, axis: int = -1) -> mx.array:
    r"""Applies the gated linear unit.

    Splits x along axis into two halves a and b (the axis must have even size) and returns a * sigmoid(b). The output is half as large along axis.

    .. math::

        \text{GLU}(a, b) = a \, \sigma(b)

    Args:
        x (array): The input.
        axis (int, optional): The axis to split in two halves. Default: ``-1``.

    Returns:
        array: ``a * sigmoid(b)``, half the size of ``x`` along ``axis``, in the dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([[1.0, -1.0, 0.5, 2.0]])
        >>> y = act.glu(x)
    """
    x = _checks.as_array(x)
    (axis,) = _checked("glu", axis)
    axis = _checks.split_axis("glu", axis, x)
    a, b = mx.split(x, 2, axis=axis)
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(
        a, b
    )


class GLU(nn.Module):
    r"""Applies the gated linear unit.

    The Module form of :func:`glu`.

    .. math::

        \text{GLU}(a, b) = a \, \sigma(b)

    Args:
        axis (int, optional): The axis to split in two halves. Default: ``-1``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.GLU(axis=-1)
        >>> y = layer(mx.array([[1.0, -1.0, 0.5, 2.0]]))
    """

    def __init__(self, axis: int = -1):
        super().__init__()
        _checked("GLU", axis)
        self.axis = axis

    def _extra_repr(self) -> str:
        return f"axis={self.axis!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return glu(x, axis=self.axis)
