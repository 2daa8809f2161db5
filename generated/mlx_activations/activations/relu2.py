# Generated from spec/activations.yaml by codegen; do not edit.
"""The relu2 activation and its Module, ReLU2."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["relu2", "ReLU2"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.square(mx.maximum(x, 0))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t1 = mx.maximum(x, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(original, x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = mx.square(t1)
    return _checks.to_output(t2, original.dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    return _cpu_stage_2(original, x, t1)


def relu2(x: mx.array) -> mx.array:
    r"""Applies the squared Rectified Linear Unit.

    .. math::

        \text{ReLU}^2(x) = \max(0, x)^2

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.relu2(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


class ReLU2(nn.Module):
    r"""Applies the squared Rectified Linear Unit.

    The Module form of :func:`relu2`.

    .. math::

        \text{ReLU}^2(x) = \max(0, x)^2

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.ReLU2()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return relu2(x)
