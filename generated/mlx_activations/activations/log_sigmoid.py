# Generated from spec/activations.yaml by codegen; do not edit.
"""The log_sigmoid activation and its Module, LogSigmoid."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import log1p_exp_neg_abs

__all__ = ["log_sigmoid", "LogSigmoid", "logsigmoid"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(x < 0, x, 0) - log1p_exp_neg_abs(x)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def log_sigmoid(x: mx.array) -> mx.array:
    r"""Applies the logarithm of the logistic sigmoid.

    Also available as ``logsigmoid``.

    .. math::

        \log \sigma(x) = -\log(1 + e^{-x})

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.log_sigmoid(x)
    """
    x = _checks.as_array(x)
    return _kernel(x)


class LogSigmoid(nn.Module):
    r"""Applies the logarithm of the logistic sigmoid.

    The Module form of :func:`log_sigmoid`.

    .. math::

        \log \sigma(x) = -\log(1 + e^{-x})

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.LogSigmoid()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return log_sigmoid(x)


# Other libraries' spellings: the same objects, so either name gives identical results.
logsigmoid = log_sigmoid
