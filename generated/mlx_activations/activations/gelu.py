# Generated from spec/activations.yaml by codegen; do not edit.
"""The gelu activation and its Module, GELU."""

from functools import partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks
from .._helpers import exp_with_error, square_error, erf_small, mills_ratio
from .gelu_approx import gelu_approx
from .gelu_fast_approx import gelu_fast_approx

__all__ = ["gelu", "GELU"]


def _formula(x):
    # The spec's implementation, evaluated in the compute dtype.
    magnitude = mx.minimum(mx.abs(x), 14)
    half_square = magnitude * magnitude / 2
    far = (half_square > 60) * (x < 0) > 0
    exponent = mx.where(far, 44.361419677734375 - half_square, -half_square)
    exponent_low = mx.where(far, -1.2189787519729715e-07, 0) - square_error(magnitude) / 2
    tail = (
        0.3989422804014327
        * mills_ratio(mx.maximum(magnitude * 0.7071067811865476, 0.5))
        * exp_with_error(exponent, exponent_low)
    )
    near_zero = magnitude < 0.7071067811865476
    small = mx.minimum(mx.maximum(x, -0.7071067811865476), 0.7071067811865476)
    central = small * (0.5 + erf_small(small * 0.7071067811865476) / 2)
    outer = x / 2 + mx.abs(x) / 2 - tail * mx.where(far, 5.421010862427522e-20, 1)
    return mx.where(x < -14, 0, central * near_zero + outer * (1 - near_zero))


@partial(mx.compile, shapeless=True)
def _kernel(x):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x)), x.dtype)


@partial(mx.compile, shapeless=True)
def _cpu_stage_1(x):
    x = _checks.to_compute(x)
    t1 = mx.maximum(x, (-0.7071067811865476))
    return t1


@partial(mx.compile, shapeless=True)
def _cpu_stage_2(x, t1):
    x = _checks.to_compute(x)
    t2 = mx.minimum(t1, 0.7071067811865476)
    return t2


@partial(mx.compile, shapeless=True)
def _cpu_stage_3(x, t2):
    x = _checks.to_compute(x)
    t3 = t2 * 0.7071067811865476
    return t3


@partial(mx.compile, shapeless=True)
def _cpu_stage_4(x, t3):
    x = _checks.to_compute(x)
    t4 = t3 * t3
    return t4


@partial(mx.compile, shapeless=True)
def _cpu_stage_5(x, t4):
    x = _checks.to_compute(x)
    v1 = t4 * (-2.3763017452e-05)
    t5 = (-0.005770270247) + v1
    return t5


@partial(mx.compile, shapeless=True)
def _cpu_stage_6(x, t4, t5):
    x = _checks.to_compute(x)
    v1 = t4 * t5
    v2 = (-0.028481749818) + v1
    v3 = t4 * v2
    v4 = (-0.32504209876) + v3
    t6 = t4 * v4
    return t6


@partial(mx.compile, shapeless=True)
def _cpu_stage_7(x, t4):
    x = _checks.to_compute(x)
    v1 = t4 * (-3.9602282413e-06)
    v2 = 0.00013249473704 + v1
    v3 = t4 * v2
    t7 = 0.0050813062117 + v3
    return t7


@partial(mx.compile, shapeless=True)
def _cpu_stage_8(x, t4, t7):
    x = _checks.to_compute(x)
    v1 = t4 * t7
    v2 = 0.0650222525 + v1
    v3 = t4 * v2
    v4 = 0.39791721106 + v3
    t8 = t4 * v4
    return t8


@partial(mx.compile, shapeless=True)
def _cpu_stage_9(x, t6, t8, t3):
    x = _checks.to_compute(x)
    v1 = 0.12837916613 + t6
    v2 = 1 + t8
    v3 = v1 / v2
    v4 = t3 * v3
    v5 = t3 + v4
    t9 = v5 / 2
    return t9


@partial(mx.compile, shapeless=True)
def _cpu_stage_10(x):
    x = _checks.to_compute(x)
    v1 = mx.abs(x)
    t10 = mx.minimum(v1, 14)
    return t10


@partial(mx.compile, shapeless=True)
def _cpu_stage_11(x):
    x = _checks.to_compute(x)
    t11 = x / 2
    return t11


@partial(mx.compile, shapeless=True)
def _cpu_stage_12(x):
    x = _checks.to_compute(x)
    v1 = mx.abs(x)
    t12 = v1 / 2
    return t12


@partial(mx.compile, shapeless=True)
def _cpu_stage_13(x, t10):
    x = _checks.to_compute(x)
    v1 = t10 * 0.7071067811865476
    t13 = mx.maximum(v1, 0.5)
    return t13


@partial(mx.compile, shapeless=True)
def _cpu_stage_14(x, t13):
    x = _checks.to_compute(x)
    t14 = t13 - 1
    return t14


@partial(mx.compile, shapeless=True)
def _cpu_stage_15(x, t14):
    x = _checks.to_compute(x)
    v1 = (-0.0004789031757856447) * t14
    v2 = v1 + 0.0012979934156193273
    v3 = v2 * t14
    t15 = v3 + (-0.003036635263793683)
    return t15


@partial(mx.compile, shapeless=True)
def _cpu_stage_16(x, t15, t14):
    x = _checks.to_compute(x)
    v1 = t15 * t14
    v2 = v1 + 0.007417401817582249
    v3 = v2 * t14
    v4 = v3 + (-0.017179223109342806)
    t16 = v4 * t14
    return t16


@partial(mx.compile, shapeless=True)
def _cpu_stage_17(x, t16, t14):
    x = _checks.to_compute(x)
    v1 = t16 + 0.037065941788407934
    v2 = v1 * t14
    v3 = v2 + (-0.0738309364893447)
    v4 = v3 * t14
    t17 = v4 + 0.13319017998490099
    return t17


@partial(mx.compile, shapeless=True)
def _cpu_stage_18(x, t17, t14):
    x = _checks.to_compute(x)
    v1 = t17 * t14
    v2 = v1 + (-0.2106392199016438)
    v3 = v2 * t14
    v4 = v3 + 0.2736164702044888
    t18 = v4 * t14
    return t18


@partial(mx.compile, shapeless=True)
def _cpu_stage_19(x, t13):
    x = _checks.to_compute(x)
    t19 = 1 / t13
    return t19


@partial(mx.compile, shapeless=True)
def _cpu_stage_20(x, t19):
    x = _checks.to_compute(x)
    t20 = t19 - 0.3832833333333333
    return t20


@partial(mx.compile, shapeless=True)
def _cpu_stage_21(x, t20):
    x = _checks.to_compute(x)
    t21 = 0.9932283124170697 * t20
    return t21


@partial(mx.compile, shapeless=True)
def _cpu_stage_22(x, t21, t20):
    x = _checks.to_compute(x)
    v1 = t21 + (-0.9780223727322944)
    v2 = v1 * t20
    v3 = v2 + 0.2577065535426494
    v4 = v3 * t20
    t22 = v4 + 0.2673394820645925
    return t22


@partial(mx.compile, shapeless=True)
def _cpu_stage_23(x, t22, t20):
    x = _checks.to_compute(x)
    v1 = t22 * t20
    v2 = v1 + (-0.4379749518948174)
    v3 = v2 * t20
    v4 = v3 + 0.32183996562690415
    t23 = v4 * t20
    return t23


@partial(mx.compile, shapeless=True)
def _cpu_stage_24(x, t23, t20):
    x = _checks.to_compute(x)
    v1 = t23 + (-0.0503426066848935)
    v2 = v1 * t20
    v3 = v2 + (-0.20852797696638148)
    v4 = v3 * t20
    t24 = v4 + 0.3073281859516734
    return t24


@partial(mx.compile, shapeless=True)
def _cpu_stage_25(x, t24, t20):
    x = _checks.to_compute(x)
    v1 = t24 * t20
    v2 = v1 + (-0.155413997800999)
    v3 = v2 * t20
    v4 = v3 + (-0.27131678057937514)
    t25 = v4 * t20
    return t25


@partial(mx.compile, shapeless=True)
def _cpu_stage_26(x, t10):
    x = _checks.to_compute(x)
    t26 = t10 * t10
    return t26


@partial(mx.compile, shapeless=True)
def _cpu_stage_27(x, t26):
    x = _checks.to_compute(x)
    v1 = t26 / 2
    v2 = v1 > 60
    v3 = x < 0
    t27 = v2 * v3
    return t27


@partial(mx.compile, shapeless=True)
def _cpu_stage_28(x, t26):
    x = _checks.to_compute(x)
    v1 = t26 / 2
    t28 = 44.361419677734375 - v1
    return t28


@partial(mx.compile, shapeless=True)
def _cpu_stage_29(x, t26):
    x = _checks.to_compute(x)
    v1 = t26 / 2
    t29 = -v1
    return t29


@partial(mx.compile, shapeless=True)
def _cpu_stage_30(x, t27, t28, t29):
    x = _checks.to_compute(x)
    v1 = t27 > 0
    t30 = mx.where(v1, t28, t29)
    return t30


@partial(mx.compile, shapeless=True)
def _cpu_stage_31(x, t30):
    x = _checks.to_compute(x)
    v1 = t30 > 0
    v2 = mx.maximum(t30, (-88))
    t31 = mx.where(v1, 0, v2)
    return t31


@partial(mx.compile, shapeless=True)
def _cpu_stage_32(x, t31):
    x = _checks.to_compute(x)
    v1 = -t31
    v2 = mx.expm1(v1)
    v3 = v2 + 1
    t32 = 1 / v3
    return t32


@partial(mx.compile, shapeless=True)
def _cpu_stage_33(x, t31):
    x = _checks.to_compute(x)
    v1 = mx.stop_gradient(t31)
    t33 = t31 - v1
    return t33


@partial(mx.compile, shapeless=True)
def _cpu_stage_34(x, t10):
    x = _checks.to_compute(x)
    v1 = 4097 * t10
    v2 = v1 - t10
    t34 = v1 - v2
    return t34


@partial(mx.compile, shapeless=True)
def _cpu_stage_35(x, t34, t10):
    x = _checks.to_compute(x)
    v1 = t34 * t34
    v2 = t10 * t10
    v3 = v1 - v2
    v4 = 2 * t34
    v5 = t10 - t34
    v6 = v4 * v5
    v7 = v3 + v6
    v8 = v5 * v5
    v9 = v7 + v8
    v10 = mx.isfinite(v9)
    t35 = mx.where(v10, v9, 0)
    return t35


@partial(mx.compile, shapeless=True)
def _cpu_stage_36(x, t18, t13, t25, t27, t30, t32, t33, t35):
    x = _checks.to_compute(x)
    v1 = t18 + 0.7578721561413121
    v2 = t13 < 1.5
    v3 = v1 * v2
    v4 = t25 + 0.9386889022873852
    v5 = 1 - v2
    v6 = v4 * v5
    v7 = v3 + v6
    v8 = 0.3989422804014327 * v7
    v9 = t27 > 0
    v10 = t30 < (-88)
    v11 = mx.where(v10, 0, t32)
    v12 = mx.stop_gradient(v11)
    v13 = 1 + t33
    v14 = v12 * v13
    v15 = mx.where(v9, (-1.2189787519729715e-07), 0)
    v16 = t35 / 2
    v17 = v15 - v16
    v18 = v14 * v17
    v19 = v14 + v18
    t36 = v8 * v19
    return t36


@partial(mx.compile, shapeless=True)
def _cpu_stage_37(x, t27):
    x = _checks.to_compute(x)
    v1 = t27 > 0
    t37 = mx.where(v1, 5.421010862427522e-20, 1)
    return t37


@partial(mx.compile, shapeless=True)
def _cpu_stage_38(x, t9, t2, t10, t11, t12, t36, t37):
    x, dtype = _checks.to_compute(x), x.dtype
    v1 = x < (-14)
    v2 = 0.5 + t9
    v3 = t2 * v2
    v4 = t10 < 0.7071067811865476
    v5 = v3 * v4
    v6 = t11 + t12
    v7 = t36 * t37
    v8 = v6 - v7
    v9 = 1 - v4
    v10 = v8 * v9
    v11 = v5 + v10
    t38 = mx.where(v1, 0, v11)
    return _checks.to_output(t38, dtype)


def _cpu_kernel(x):
    # _kernel on the CPU: the same operations, split where MLX's C++ loops would branch.
    t1 = _cpu_stage_1(x)
    t2 = _cpu_stage_2(x, t1)
    t3 = _cpu_stage_3(x, t2)
    t4 = _cpu_stage_4(x, t3)
    t5 = _cpu_stage_5(x, t4)
    t6 = _cpu_stage_6(x, t4, t5)
    t7 = _cpu_stage_7(x, t4)
    t8 = _cpu_stage_8(x, t4, t7)
    t9 = _cpu_stage_9(x, t6, t8, t3)
    t10 = _cpu_stage_10(x)
    t11 = _cpu_stage_11(x)
    t12 = _cpu_stage_12(x)
    t13 = _cpu_stage_13(x, t10)
    t14 = _cpu_stage_14(x, t13)
    t15 = _cpu_stage_15(x, t14)
    t16 = _cpu_stage_16(x, t15, t14)
    t17 = _cpu_stage_17(x, t16, t14)
    t18 = _cpu_stage_18(x, t17, t14)
    t19 = _cpu_stage_19(x, t13)
    t20 = _cpu_stage_20(x, t19)
    t21 = _cpu_stage_21(x, t20)
    t22 = _cpu_stage_22(x, t21, t20)
    t23 = _cpu_stage_23(x, t22, t20)
    t24 = _cpu_stage_24(x, t23, t20)
    t25 = _cpu_stage_25(x, t24, t20)
    t26 = _cpu_stage_26(x, t10)
    t27 = _cpu_stage_27(x, t26)
    t28 = _cpu_stage_28(x, t26)
    t29 = _cpu_stage_29(x, t26)
    t30 = _cpu_stage_30(x, t27, t28, t29)
    t31 = _cpu_stage_31(x, t30)
    t32 = _cpu_stage_32(x, t31)
    t33 = _cpu_stage_33(x, t31)
    t34 = _cpu_stage_34(x, t10)
    t35 = _cpu_stage_35(x, t34, t10)
    t36 = _cpu_stage_36(x, t18, t13, t25, t27, t30, t32, t33, t35)
    t37 = _cpu_stage_37(x, t27)
    return _cpu_stage_38(x, t9, t2, t10, t11, t12, t36, t37)


def gelu(x: mx.array) -> mx.array:
    r"""Applies the Gaussian Error Linear Unit.

    x times the standard normal CDF. See gelu_approx and gelu_fast_approx for faster approximations.

    .. math::

        \text{GELU}(x) = x \, \Phi(x) = \frac{x}{2}\left(1 + \text{erf}\left(\frac{x}{\sqrt{2}}\right)\right)

    Args:
        x (array): The input.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.gelu(x)
    """
    x = _checks.as_array(x)
    return (_cpu_kernel if _checks.on_cpu() else _kernel)(x)


_DISPATCH = {
    "none": gelu,
    "precise": gelu_approx,
    "tanh": gelu_approx,
    "fast": gelu_fast_approx,
}


def _checked_module(owner, approx):
    approx = _checks.choice(owner, "approx", approx, ("none", "precise", "tanh", "fast"))


class GELU(nn.Module):
    r"""Applies the Gaussian Error Linear Unit.

    The Module form of :func:`gelu`; ``approx`` chooses the function:

    - ``'none'``: :func:`gelu`
    - ``'precise'``: :func:`gelu_approx`
    - ``'tanh'``: :func:`gelu_approx`
    - ``'fast'``: :func:`gelu_fast_approx`

    Args:
        approx (str, optional): 'none' for the exact function, 'precise' or 'tanh' for gelu_approx, 'fast' for gelu_fast_approx. Default: ``'none'``. One of ``'none'``, ``'precise'``, ``'tanh'``, ``'fast'``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.GELU(approx='none')
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, approx: str = "none"):
        super().__init__()
        _checked_module("GELU", approx)
        self.approx = approx

    def _extra_repr(self) -> str:
        return f"approx={self.approx!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return _DISPATCH[_checks.choice("GELU", "approx", self.approx, tuple(_DISPATCH))](x)
