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
    v1 = -x
    t1 = mx.maximum(v1, x)
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t2 = mx.maximum(x, (-1))
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t3 = mx.minimum(t2, 1)
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t3):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t4 = t3 * t3
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, t4):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = 4.846711195865875e-05 * t4
    t5 = v1 - 0.00033768981029704557
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, t5, t4):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t5 * t4
    v2 = v1 + 0.001242157496259036
    v3 = v2 * t4
    v4 = v3 - 0.003478386489588535
    t6 = v4 * t4
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x, t6, t4):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t6 + 0.00882625034385819
    v2 = v1 * t4
    v3 = v2 - 0.02186257538161619
    v4 = v3 * t4
    t7 = v4 + 0.05396759669145474
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x, t3, t4, t7):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t3 * t4
    v2 = t7 * t4
    v3 = v2 - 0.13333330899461984
    v4 = v3 * t4
    v5 = v4 + 0.3333333331834693
    t8 = v1 * v5
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, t1):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t1 - 1
    v2 = mx.minimum(t1, 40)
    v3 = 2 * v2
    v4 = mx.expm1(v3)
    v5 = v4 + 2
    v6 = 2 / v5
    t9 = v1 + v6
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_stage_10(x, t9):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    t10 = -t9
    return t10


@partial(mx.compile, shapeless=True)
def _cpu_stage_11(original, x, t1, t10, t9, t8):
    x = _checks.to_compute(x)  # converted already: a no-op, where the tests count traces
    v1 = t1 < 1
    v2 = x < 0
    v3 = mx.where(v2, t10, t9)
    t11 = mx.where(v1, t8, v3)
    return _checks.to_output(t11, original.dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    # The input is converted once, before the stages, so that autodiff sums the stages'
    # derivatives in float32 (each stage given a half input would round its own to half).
    original, x = x, _checks.to_compute(x)
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x)
    t3 = _cpu_stage_3(x, t2)
    t4 = _cpu_stage_4(x, t3)
    t5 = _cpu_stage_5(x, t4)
    t6 = _cpu_stage_6(x, t5, t4)
    t7 = _cpu_stage_7(x, t6, t4)
    t8 = _cpu_stage_8(x, t3, t4, t7)
    t9 = _cpu_stage_9(x, t1)
    t10 = _cpu_stage_10(x, t9)
    return _cpu_stage_11(original, x, t1, t10, t9, t8)


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
