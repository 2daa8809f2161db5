# Generated from spec/activations.yaml by codegen; do not edit.
"""The gelu activation and its Module, GELU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_with_error, square_error, erf_small, mills_ratio
from .gelu_approx import gelu_approx
from .gelu_fast_approx import gelu_fast_approx

__all__ = ["gelu", "GELU"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    magnitude = mx.minimum(mx.abs(x), 14)
    half_square = magnitude * magnitude / 2
    far = (half_square > 60) * (x < 0) > 0
    exponent = mx.where(far, 44.361419677734375 - half_square, -half_square)
    exponent_low = mx.where(far, -1.2189787519729715e-07, 0) - square_error(magnitude) / 2
    tail = (
        0.3989422804014327
        * mills_ratio(mx.maximum(magnitude * 0.7071067811865476, 0.5))
        * exp_with_error(exponent, exponent_low)
    )
    near_zero = magnitude < 0.7071067811865476
    small = mx.minimum(mx.maximum(x, -0.7071067811865476), 0.7071067811865476)
    central = small * (0.5 + erf_small(small * 0.7071067811865476) / 2)
    outer = x / 2 + mx.abs(x) / 2 - tail * mx.where(far, 5.421010862427522e-20, 1)
    return mx.where(x < -14, 0, central * near_zero + outer * (1 - near_zero))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def gelu(x: mx.array) -> mx.array:
    r"""Applies the Gaussian Error Linear Unit.

    x times the standard normal CDF. See gelu_approx and gelu_fast_approx for faster approximations.

    .. math::

        \text{GELU}(x) = x \, \Phi(x) = \frac{x}{2}\left(1 + \text{erf}\left(\frac{x}{\sqrt{2}}\right)\right)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.gelu(x)
    """
    x = _checks.as_array(x)
    return _kernel(x)


_DISPATCH = {
    "none": gelu,
    "precise": gelu_approx,
    "tanh": gelu_approx,
    "fast": gelu_fast_approx,
}


def _checked_module(owner, approx):
    approx = _checks.choice(owner, "approx", approx, ("none", "precise", "tanh", "fast"))


class GELU(nn.Module):
    r"""Applies the Gaussian Error Linear Unit.

    The Module form of :func:`gelu`; ``approx`` chooses the function:

    - ``'none'``: :func:`gelu`
    - ``'precise'``: :func:`gelu_approx`
    - ``'tanh'``: :func:`gelu_approx`
    - ``'fast'``: :func:`gelu_fast_approx`

    Args:
        approx (str, optional): 'none' for the exact function, 'precise' or 'tanh' for gelu_approx, 'fast' for gelu_fast_approx. Default: ``'none'``. One of ``'none'``, ``'precise'``, ``'tanh'``, ``'fast'``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.GELU(approx='none')
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, approx: str = "none"):
        super().__init__()
        _checked_module("GELU", approx)
        self.approx = approx

    def _extra_repr(self) -> str:
        return f"approx={self.approx!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return _DISPATCH[_checks.choice("GELU", "approx", self.approx, tuple(_DISPATCH))](x)
