# Generated from spec/activations.yaml by codegen; do not edit.
"""The prelu activation and its Module, PReLU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["prelu", "PReLU"]


def _formula(x, alpha):
    # The spec's implementation, evaluated in the compute dtype.
    floor = mx.where(alpha == 0, -3.4028234663852886e38, -1e39)
    return mx.where(x >= 0, 1, alpha) * mx.where(x < floor, floor, x)


@partial(mx.compile, shapeless=True)
def _kernel(x, alpha):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), alpha), x.dtype)


def _checked(owner, alpha):
    # Shared by the function and the Module, so both reject the same values with the same words.
    alpha = _checks.array(owner, "alpha", alpha)
    return (alpha,)


def prelu(x: mx.array, alpha: mx.array) -> mx.array:
    r"""Applies the parametric Rectified Linear Unit.

    Like leaky_relu, with the negative slope given as an array that broadcasts against x (in the Module, one learnable slope per entry of the last axis).

    .. math::

        \text{PReLU}(x) = \max(0, x) + \alpha \min(0, x)

    Args:
        x (array): The input.
        alpha (array): Slopes for negative inputs; broadcasts against x.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.prelu(x, alpha=mx.array(0.25))
    """
    x = _checks.as_array(x)
    (alpha,) = _checked("prelu", alpha)
    alpha = _checks.operand(alpha, x)
    return _kernel(x, alpha)


def _checked_module(owner, num_parameters, init):
    num_parameters = _checks.integer(owner, "num_parameters", num_parameters)
    init = _checks.real(owner, "init", init)
    if not (num_parameters >= 1):
        raise ValueError(f"{owner}: num_parameters ({num_parameters!r}) must be >= 1")


class PReLU(nn.Module):
    r"""Applies the parametric Rectified Linear Unit.

    The Module form of :func:`prelu`.

    .. math::

        \text{PReLU}(x) = \max(0, x) + \alpha \min(0, x)

    Args:
        num_parameters (int, optional): Number of learnable slopes: 1, or the size of the last axis. Default: ``1``. Must satisfy ``num_parameters >= 1``.
        init (float, optional): Initial value of every slope. Default: ``0.25``.

    Learnable parameters: ``weight``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.PReLU(num_parameters=1, init=0.25)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, num_parameters: int = 1, init: float = 0.25):
        super().__init__()
        _checked_module("PReLU", num_parameters, init)
        self.num_parameters = num_parameters
        self.init = init
        self.weight = mx.full([num_parameters], init)

    def _extra_repr(self) -> str:
        return f"num_parameters={self.num_parameters!r}, init={self.init!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return prelu(x, alpha=self.weight)
