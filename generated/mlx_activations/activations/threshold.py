# Generated from spec/activations.yaml by codegen; do not edit.
"""The threshold activation and its Module, Threshold."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["threshold", "Threshold"]


def _formula(x, threshold, value):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(x <= threshold, value, x)


@partial(mx.compile, shapeless=True)
def _kernel(x, threshold, value):
    # The result is x or a parameter's value: exact in any dtype, so no float32 round trip.
    return _checks.to_output(_formula(_checks.to_compute_exact(x), threshold, value), x.dtype)


@_checks.per_value
def _prepared(threshold, value):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    threshold = mx.array(threshold, dtype=mx.float32)
    value = mx.array(value, dtype=mx.float32)
    return threshold, value


def _checked(owner, threshold, value):
    # Shared by the function and the Module, so both reject the same values with the same words.
    threshold = _checks.real(owner, "threshold", threshold)
    value = _checks.real(owner, "value", value)
    return threshold, value


def threshold(x: mx.array, threshold: float, value: float) -> mx.array:
    r"""Replaces the inputs at or below a threshold with a value.

    x where x > threshold and value elsewhere, as PyTorch's threshold (Keras names value default_value). NaN stays NaN.

    .. math::

        \text{Threshold}(x) = \begin{cases} x & x > \text{threshold} \\ \text{value} & x \le \text{threshold} \end{cases}

    Args:
        x (array): The input.
        threshold (float): Inputs above it pass through unchanged.
        value (float): What the inputs at or below threshold become.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.threshold(x, threshold=0.5, value=-2.0)
    """
    x = _checks.as_array(x)
    threshold, value = _checked("threshold", threshold, value)
    threshold, value = _prepared(threshold, value)
    return _kernel(x, threshold, value)


class Threshold(nn.Module):
    r"""Replaces the inputs at or below a threshold with a value.

    The Module form of :func:`threshold`.

    .. math::

        \text{Threshold}(x) = \begin{cases} x & x > \text{threshold} \\ \text{value} & x \le \text{threshold} \end{cases}

    Args:
        threshold (float): Inputs above it pass through unchanged.
        value (float): What the inputs at or below threshold become.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Threshold(threshold=0.5, value=-2.0)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, threshold: float, value: float):
        super().__init__()
        _checked("Threshold", threshold, value)
        self.threshold = threshold
        self.value = value

    def _extra_repr(self) -> str:
        return f"threshold={self.threshold!r}, value={self.value!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return threshold(x, threshold=self.threshold, value=self.value)
