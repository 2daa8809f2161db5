# Generated from spec/activations.yaml by codegen; do not edit.
"""The gelu activation and its Module, GELU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import with_slope, exp_neg_wide
from .gelu_approx import gelu_approx
from .gelu_fast_approx import gelu_fast_approx

__all__ = ["gelu", "GELU"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    magnitude = mx.minimum(mx.maximum(x, -x), 14)
    near = (
        (
            (
                (
                    (
                        (
                            (-4.515039410568633e-06 * magnitude + 6.79591685116554e-05) * magnitude
                            + -0.0004269860324094682
                        )
                        * magnitude
                        + 0.0013156247635384838
                    )
                    * magnitude
                    + -0.00020353601973067958
                )
                * magnitude
                + -0.019123749459912992
            )
            * magnitude
            + 0.10900550454904694
        )
        * magnitude
        + -0.36338451686238826
    ) * magnitude + 0.7978791515233216
    far = (
        (-0.0004003303573340457 * magnitude + 1.010300830849005)
        * (magnitude + 0.07826813791592488)
        * (mx.square(magnitude + 2.3059586416137563) + 6.135857546647067)
        / (
            (magnitude + 0.08216406203396137)
            * (magnitude + 2.01504356020217)
            * (mx.square(magnitude + 1.3740559609022145) + 5.2099555419489985)
        )
    )
    ratio = magnitude / (magnitude + mx.where(magnitude < 1.5, near, far))
    grown = 1 + mx.expm1((mx.square(mx.stop_gradient(mx.round(x * 64))) + 7528) * 0.0001220703125)
    scaled = magnitude * 64
    whole = mx.stop_gradient(mx.round(scaled))
    low = mx.expm1((scaled - whole) * ((scaled + whole) * -0.0001220703125))
    tail = ratio / grown
    value = mx.contiguous(mx.maximum(x, 0) - tail - tail * low)
    t_from_value = mx.maximum(mx.minimum(x, 14), 0) - mx.minimum(value, 14)
    tail_slope = (t_from_value + 0.5 * (magnitude == 0)) / (
        magnitude + (magnitude == 0)
    ) - magnitude * mx.exp(magnitude * magnitude * -0.5 + -0.9189385332046727)
    return with_slope(value, x, mx.where(x > 0, 1 - tail_slope, tail_slope))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    # Half inputs reach it as they are (own_dtype): it converts them to float32 itself, or its
    # MLX operation computes in float32 inside.
    v = mx.astype(x, mx.float32)
    square = mx.square(v)
    tail = mx.exp(square * -0.5) * (
        -0.3988965709325148 + 0.3914660764711302 / (square + 2.403509723630511)
    )
    return mx.where(v < -3, tail, v * 0.5 * (1 + mx.erf(v * 0.7071067811865476)))


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute_exact(x)), x.dtype)


def _cpu_half_formula(x):
    # The spec's cpu half formula, which MLX's CPU computes for float16 and bfloat16 inputs
    # instead of its float32 one: about 12 correct bits are needed.
    magnitude = mx.minimum(mx.maximum(x, -x), 14)
    ratio = (
        1.0011276474559465
        * magnitude
        * (mx.square(magnitude + 2.2255024386002913) + 3.0457811636319296)
        / (
            (magnitude + 1.5648728156959149)
            * (mx.square(magnitude + 1.4618147786095435) + 1.9458802822154786)
        )
    )
    return mx.maximum(x, 0) - mx.exp(x * x * -0.5 + -0.9189385332046727) * ratio


@partial(mx.compile, shapeless=True)
def _cpu_half_kernel(x):
    return _checks.to_output(_cpu_half_formula(_checks.to_compute(x)), x.dtype)


def _cpu_formula(x):
    # The spec's cpu formula, which MLX's CPU computes instead of _formula.
    magnitude = mx.minimum(mx.abs(x), 15)
    wide = mx.astype(magnitude, mx.float64)
    negated = mx.astype(-magnitude, mx.float64)
    gauss = mx.contiguous(exp_neg_wide(mx.square(wide) * 0.5))
    ratio = mx.contiguous(
        0.39894203682088364
        * (3.659057559822024 - negated)
        * (
            (mx.square(1.7684243481075523 - negated) + 8.004769154095479)
            * (mx.square(2.776329868689662 - negated) + 4.832439587184153)
        )
        / (
            (mx.square(1.9933423264635015 - negated) + 7.383803241374513)
            * (mx.square(2.1504937571115645 - negated) + 2.2638635912584477)
            * (mx.square(2.230420205868902 - negated) + 0.23481103503543396)
        )
    )
    clamped = mx.maximum(x, -37)
    positive = x > 0
    slope = mx.contiguous(
        mx.astype(
            positive + (1 - 2 * positive) * (gauss * (ratio - magnitude * 0.3989422804014327)),
            mx.float32,
        )
    )
    return with_slope(clamped / 2 + mx.abs(clamped) / 2 - magnitude * (gauss * ratio), x, slope)


@partial(mx.compile, shapeless=True)
def _cpu_kernel(x):
    return _checks.to_output(_cpu_formula(_checks.to_compute(x)), x.dtype)


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
    return (
        (_cpu_half_kernel if _checks.is_half(x) else _cpu_kernel)
        if _checks.on_cpu()
        else _half_kernel if _checks.is_half(x) else _kernel
    )(x)


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
