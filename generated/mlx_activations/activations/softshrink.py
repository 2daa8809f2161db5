# Generated from spec/activations.yaml by codegen; do not edit.
"""The softshrink activation and its Module, Softshrink."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["softshrink", "Softshrink", "soft_shrink"]


def _formula(x, lambd, bound):
    # The spec's implementation, evaluated in the compute dtype.
    return x - mx.minimum(bound, mx.maximum(-bound, x))


@partial(mx.compile, shapeless=True)
def _kernel(x, lambd, bound):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), lambd, bound), x.dtype)


@_checks.per_value
def _prepared(lambd):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    lambd = mx.array(lambd, dtype=mx.float32)
    # Values that depend on the parameters alone: computed once here, not once per element.
    bound = mx.minimum(lambd, 3.4028234663852886e38)
    return lambd, bound


_DEFAULTS = (0.5,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    lambd, bound = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, lambd, bound),
        shapeless=True,
    )


def _checked(owner, lambd):
    # Shared by the function and the Module, so both reject the same values with the same words.
    lambd = _checks.real(owner, "lambd", lambd)
    if not (lambd >= 0):
        raise ValueError(f"{owner}: lambd ({lambd!r}) must be >= 0")
    return (lambd,)


def softshrink(x: mx.array, lambd: float = 0.5) -> mx.array:
    r"""Applies the soft shrinkage function.

    NaN stays NaN. An infinite lambd maps every finite input to 0, and +-inf to +-inf, as any finite lambd does (mlx.nn gives 0 there).

    Also available as ``soft_shrink``.

    .. math::

        \text{SoftShrink}(x) = \begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ 0 & \text{otherwise} \end{cases}

    Args:
        x (array): The input.
        lambd (float, optional): Amount subtracted from the magnitude; smaller magnitudes map to 0. Default: ``0.5``. Must satisfy ``lambd >= 0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.softshrink(x, lambd=1.5)
    """
    x = _checks.as_array(x)
    (lambd,) = _checked("softshrink", lambd)
    if not _checks.on_cpu() and _checks.same_values((lambd,), _DEFAULTS):
        return _default_kernel()(x)
    lambd, bound = _prepared(lambd)
    return _kernel(x, lambd, bound)


class Softshrink(nn.Module):
    r"""Applies the soft shrinkage function.

    The Module form of :func:`softshrink`.

    .. math::

        \text{SoftShrink}(x) = \begin{cases} x - \lambda & x > \lambda \\ x + \lambda & x < -\lambda \\ 0 & \text{otherwise} \end{cases}

    Args:
        lambd (float, optional): Amount subtracted from the magnitude; smaller magnitudes map to 0. Default: ``0.5``. Must satisfy ``lambd >= 0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.Softshrink(lambd=0.5)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, lambd: float = 0.5):
        super().__init__()
        _checked("Softshrink", lambd)
        self.lambd = lambd

    def _extra_repr(self) -> str:
        return f"lambd={self.lambd!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return softshrink(x, lambd=self.lambd)


# Other libraries' spellings: the same objects, so either name gives identical results.
soft_shrink = softshrink
