# Generated from spec/activations.yaml by codegen; do not edit.
"""The tanhshrink activation and its Module, Tanhshrink."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["tanhshrink", "Tanhshrink", "tanh_shrink"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    near = mx.minimum(mx.maximum(x, -1), 1)
    t = near * near
    series = (
        near
        * t
        * (
            (
                (
                    (
                        (
                            (
                                (
                                    (4.846711195865875e-05 * t - 0.00033768981029704557) * t
                                    + 0.001242157496259036
                                )
                                * t
                                - 0.003478386489588535
                            )
                            * t
                            + 0.00882625034385819
                        )
                        * t
                        - 0.02186257538161619
                    )
                    * t
                    + 0.05396759669145474
                )
                * t
                - 0.13333330899461984
            )
            * t
            + 0.3333333331834693
        )
    )
    magnitude = mx.maximum(-x, x)
    tail = magnitude - 1 + 2 / (mx.expm1(2 * mx.minimum(magnitude, 40)) + 2)
    return mx.where(magnitude < 1, series, mx.where(x < 0, -tail, tail))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def tanhshrink(x: mx.array) -> mx.array:
    r"""Applies the tanh shrinkage function.

    x - tanh(x) cancels for small x, so below |x| = 1 it is computed as x^3 times a degree-8 fit in x^2 (relative error 6e-10), and above as sign(x) (|x| - 1 + 2 / (e^{2|x|} + 1)), a sum of two positive terms.

    Also available as ``tanh_shrink``.

    .. math::

        \text{Tanhshrink}(x) = x - \tanh(x)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.tanhshrink(x)
    """
    x = _checks.as_array(x)
    return _kernel(x)


class Tanhshrink(nn.Module):
    r"""Applies the tanh shrinkage function.

    The Module form of :func:`tanhshrink`.

    .. math::

        \text{Tanhshrink}(x) = x - \tanh(x)

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Tanhshrink()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return tanhshrink(x)


# Other libraries' spellings: the same objects, so either name gives identical results.
tanh_shrink = tanhshrink
