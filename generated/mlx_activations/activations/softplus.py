# Generated from spec/activations.yaml by codegen; do not edit.
"""The softplus activation and its Module, Softplus."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_neg_abs, log1p_exp_neg_abs, high_half, scaled_error

__all__ = ["softplus", "Softplus"]


def _formula(x, beta, threshold, beta_high, beta_low, shift):
    # The spec's implementation, evaluated in the compute dtype.
    u = beta * x
    u_low = scaled_error(x, beta_high, beta_low)
    t = exp_neg_abs(u)
    curved = (
        mx.where(u >= 0, u, 0) + mx.log1p(t) + u_low * mx.where(u >= 0, 1, t) / (1 + t)
    ) / beta
    return mx.where(u > threshold, x + shift, curved)


@partial(mx.compile, shapeless=True)
def _kernel(x, beta, threshold, beta_high, beta_low, shift):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(
        _formula(_checks.to_compute(x), beta, threshold, beta_high, beta_low, shift), x.dtype
    )


@partial(mx.compile, shapeless=True)
def _special_kernel_0(x):
    # Where beta == 1 and threshold == 20: the same results as _kernel, from fewer operations.
    x, dtype = _checks.to_compute(x), x.dtype
    return _checks.to_output(mx.where(x >= 0, x, 0) + log1p_exp_neg_abs(x), dtype)


def _checked(owner, beta, threshold):
    # Shared by the function and the Module, so both reject the same values with the same words.
    beta = _checks.real(owner, "beta", beta)
    threshold = _checks.real(owner, "threshold", threshold)
    if not (beta > 0):
        raise ValueError(f"{owner}: beta ({beta!r}) must be > 0")
    if not (threshold >= 0):
        raise ValueError(f"{owner}: threshold ({threshold!r}) must be >= 0")
    return beta, threshold


def softplus(x: mx.array, beta: float = 1.0, threshold: float = 20.0) -> mx.array:
    r"""Applies the softplus function.

    log(1 + e^{beta x}) / beta, linear above beta x = threshold as in PyTorch, but shifted there by log(1 + e^{-threshold}) / beta so the function stays continuous (PyTorch jumps). With the defaults it is the plain softplus, whose shift of 2e-9 is below float32's precision at 20.

    .. math::

        \text{Softplus}(x) = \frac{1}{\beta} \log(1 + e^{\beta x})

    Args:
        x (array): The input.
        beta (float, optional): Sharpness of the bend, used as the nearest float32 (in the left tail the result is e^{beta x} / beta, so a beta that float32 cannot hold shows). Default: ``1.0``. Must satisfy ``beta > 0``.
        threshold (float, optional): Above beta x = threshold the result is linear in x. Default: ``20.0``. Must satisfy ``threshold >= 0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.softplus(x, beta=2.0)
    """
    x = _checks.as_array(x)
    beta, threshold = _checked("softplus", beta, threshold)
    if beta == 1 and threshold == 20:
        return _special_kernel_0(x)
    return _general(x, beta, threshold)


def _general(x, beta, threshold):
    # The spec's implementation for any parameter values, with checked parameters.
    beta = mx.array(beta, dtype=mx.float32)
    threshold = mx.array(threshold, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    beta_high = high_half(beta)
    beta_low = beta - beta_high
    shift = mx.log1p(mx.exp(-threshold)) / beta
    return _kernel(x, beta, threshold, beta_high, beta_low, shift)


class Softplus(nn.Module):
    r"""Applies the softplus function.

    The Module form of :func:`softplus`.

    .. math::

        \text{Softplus}(x) = \frac{1}{\beta} \log(1 + e^{\beta x})

    Args:
        beta (float, optional): Sharpness of the bend, used as the nearest float32 (in the left tail the result is e^{beta x} / beta, so a beta that float32 cannot hold shows). Default: ``1.0``. Must satisfy ``beta > 0``.
        threshold (float, optional): Above beta x = threshold the result is linear in x. Default: ``20.0``. Must satisfy ``threshold >= 0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Softplus(beta=1.0, threshold=20.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, beta: float = 1.0, threshold: float = 20.0):
        super().__init__()
        _checked("Softplus", beta, threshold)
        self.beta = beta
        self.threshold = threshold

    def _extra_repr(self) -> str:
        return f"beta={self.beta!r}, threshold={self.threshold!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return softplus(x, beta=self.beta, threshold=self.threshold)
