# Generated from spec/activations.yaml by codegen; do not edit.
"""The halved_sigmoid activation."""

from functools import partial

import mlx.core as mx

from .. import _checks
from .._helpers import twice

__all__ = ["halved_sigmoid"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.sigmoid(x) / 2


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    return twice(mx.sigmoid(x)) / 4


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


def halved_sigmoid(x: mx.array) -> mx.array:
    r"""Applies half the logistic sigmoid.

    .. math::

        \sigma(x) / 2

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.halved_sigmoid(x)
    """
    x = _checks.as_array(x)
    return (_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)
