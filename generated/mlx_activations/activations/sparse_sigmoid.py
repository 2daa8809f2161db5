# Generated from spec/activations.yaml by codegen; do not edit.
"""The sparse_sigmoid activation and its Module, SparseSigmoid."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["sparse_sigmoid", "SparseSigmoid"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.minimum(mx.maximum((x + 1) / 2, 0), 1)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x + 1
    v2 = v1 / 2
    t1 = mx.maximum(v2, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(original, x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = mx.minimum(t1, 1)
    return _checks.to_output(t2, original.dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    return _cpu_stage_2(original, x, t1)


def sparse_sigmoid(x: mx.array) -> mx.array:
    r"""Applies the sparse sigmoid function.

    0 for x <= -1, (x + 1) / 2 between -1 and 1, and 1 from 1 on (JAX, Keras): the derivative of sparse_plus.

    .. math::

        \text{SparseSigmoid}(x) = \min\left(\max\left(\frac{x + 1}{2}, 0\right), 1\right)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.sparse_sigmoid(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


class SparseSigmoid(nn.Module):
    r"""Applies the sparse sigmoid function.

    The Module form of :func:`sparse_sigmoid`.

    .. math::

        \text{SparseSigmoid}(x) = \min\left(\max\left(\frac{x + 1}{2}, 0\right), 1\right)

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.SparseSigmoid()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return sparse_sigmoid(x)
