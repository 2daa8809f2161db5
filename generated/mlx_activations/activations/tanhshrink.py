# Generated from spec/activations.yaml by codegen; do not edit.
"""The tanhshrink activation and its Module, Tanhshrink."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["tanhshrink", "Tanhshrink", "tanh_shrink"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    t = mx.contiguous(mx.square(mx.clip(x, -1.5, 1.5)))
    near = mx.maximum(mx.minimum(x, 1.5), -1.5)
    ratio = 0.8105694055557251 / (t + 2.4674010276794434) + (
        0.09175456315279007 / (t + 22.293405532836914)
        + 0.06195663660764694 / (t + 87.73919677734375)
    )
    return mx.where(mx.abs(x) < 1.5, near * t * ratio, x - mx.tanh(x))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


def _half_formula(x):
    # The spec's half formula, which a GPU computes for float16 and bfloat16 inputs: about 12
    # correct bits are needed, not float32's 24.
    y = mx.tanh(x)
    t = mx.square(y)
    return mx.where(mx.abs(x) < 0.1, y * t * (0.3333333333333333 + 0.2 * t), x - y)


@partial(mx.compile, shapeless=True)
def _half_kernel(x):
    return _checks.to_output(_half_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t1 = mx.minimum(x, 1.5)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = mx.maximum(t1, (-1.5))
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t3 = mx.clip(x, (-1.5), 1.5)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t3):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t4 = mx.square(t3)
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, t4, t2):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.contiguous(t4)
    v2 = t2 * v1
    v3 = v1 + 2.4674010276794434
    v4 = 0.8105694055557251 / v3
    v5 = v1 + 22.293405532836914
    v6 = 0.09175456315279007 / v5
    v7 = v1 + 87.73919677734375
    v8 = 0.06195663660764694 / v7
    v9 = v6 + v8
    v10 = v4 + v9
    t5 = v2 * v10
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.tanh(x)
    t6 = x - v1
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(original, x, t5, t6):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = mx.abs(x)
    v2 = v1 < 1.5
    t7 = mx.where(v2, t5, t6)
    return _checks.to_output(t7, original.dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x)
    t4 = _cpu_stage_4(x, t3)
    t5 = _cpu_stage_5(x, t4, t2)
    t6 = _cpu_stage_6(x)
    return _cpu_stage_7(original, x, t5, t6)


def tanhshrink(x: mx.array) -> mx.array:
    r"""Applies the tanh shrinkage function.

    x - tanh(x) cancels for small x, so below |x| = 1.5 it is computed as x^3 times a rational in x^2, from tanh's [7/6] Padé approximant (relative error 1.2e-9 with float32 constants), and above as x - tanh(x), whose ULP there is at least tanh(x)'s.

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
    return (_cpu_kernel if _checks.on_cpu() else _half_kernel if _checks.is_half(x) else _kernel)(x)


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
