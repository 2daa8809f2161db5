# Generated from spec/activations.yaml by codegen; do not edit.
"""The sparse_plus activation and its Module, SparsePlus."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["sparse_plus", "SparsePlus"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(x >= 1, x, mx.square(mx.maximum(x + 1, 0)) / 4)


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x + 1
    t1 = mx.maximum(v1, 0)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.square(t1)
    t2 = v1 / 4
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(original, x, t2):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = x >= 1
    t3 = mx.where(v1, x, t2)
    return _checks.to_output(t3, original.dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x, t1)
    return _cpu_stage_3(original, x, t2)


def sparse_plus(x: mx.array) -> mx.array:
    r"""Applies the sparse plus function.

    0 for x <= -1, (x + 1)^2 / 4 between -1 and 1, and x from 1 on (JAX, Keras): a softplus with exact zeros, once differentiable.

    .. math::

        \text{SparsePlus}(x) = \begin{cases} 0 & x \le -1 \\ \frac{(x + 1)^2}{4} & -1 < x < 1 \\ x & x \ge 1 \end{cases}

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.sparse_plus(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


class SparsePlus(nn.Module):
    r"""Applies the sparse plus function.

    The Module form of :func:`sparse_plus`.

    .. math::

        \text{SparsePlus}(x) = \begin{cases} 0 & x \le -1 \\ \frac{(x + 1)^2}{4} & -1 < x < 1 \\ x & x \ge 1 \end{cases}

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.SparsePlus()
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self):
        super().__init__()

    def _extra_repr(self) -> str:
        return ""

    def __call__(self, x: mx.array) -> mx.array:
        return sparse_plus(x)
