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


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)
    t1 = mx.maximum(x, (-1))
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)
    t2 = mx.minimum(t1, 1)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2):
    x = _checks.to_compute(x)
    t3 = t2 * t2
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t3):
    x = _checks.to_compute(x)
    v1 = 4.846711195865875e-05 * t3
    v2 = v1 - 0.00033768981029704557
    t4 = v2 * t3
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, t4, t3):
    x = _checks.to_compute(x)
    v1 = t4 + 0.001242157496259036
    v2 = v1 * t3
    v3 = v2 - 0.003478386489588535
    v4 = v3 * t3
    t5 = v4 + 0.00882625034385819
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, t5, t3):
    x = _checks.to_compute(x)
    v1 = t5 * t3
    v2 = v1 - 0.02186257538161619
    v3 = v2 * t3
    v4 = v3 + 0.05396759669145474
    t6 = v4 * t3
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x):
    x = _checks.to_compute(x)
    v1 = -x
    v2 = mx.maximum(v1, x)
    v3 = mx.minimum(v2, 40)
    t7 = 2 * v3
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x, t7):
    x = _checks.to_compute(x)
    v1 = x < 0
    v2 = -x
    v3 = mx.maximum(v2, x)
    v4 = v3 - 1
    v5 = mx.expm1(t7)
    v6 = v5 + 2
    v7 = 2 / v6
    v8 = v4 + v7
    v9 = -v8
    t8 = mx.where(v1, v9, v8)
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, t2, t3, t6, t8):
    x, dtype = _checks.to_compute(x), x.dtype
    v1 = -x
    v2 = mx.maximum(v1, x)
    v3 = v2 < 1
    v4 = t2 * t3
    v5 = t6 - 0.13333330899461984
    v6 = v5 * t3
    v7 = v6 + 0.3333333331834693
    v8 = v4 * v7
    t9 = mx.where(v3, v8, t8)
    return _checks.to_output(t9, dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x, t2)
    t4 = _cpu_stage_4(x, t3)
    t5 = _cpu_stage_5(x, t4, t3)
    t6 = _cpu_stage_6(x, t5, t3)
    t7 = _cpu_stage_7(x)
    t8 = _cpu_stage_8(x, t7)
    return _cpu_stage_9(x, t2, t3, t6, t8)


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
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


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
