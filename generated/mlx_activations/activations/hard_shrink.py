# Generated from spec/activations.yaml by codegen; do not edit.
"""The hard_shrink activation and its Module, HardShrink."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["hard_shrink", "HardShrink", "hardshrink", "Hardshrink"]


def _formula(x, lambd):
    # The spec's implementation, evaluated in the compute dtype.
    return mx.where(mx.abs(x) <= lambd, 0, x)


@partial(mx.compile, shapeless=True)
def _kernel(x, lambd):
    # The result is x or a parameter's value: exact in any dtype, so no float32 round trip.
    return _checks.to_output(_formula(_checks.to_compute_exact(x), lambd), x.dtype)


@_checks.per_value
def _prepared(lambd):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    lambd = mx.array(lambd, dtype=mx.float32)
    return (lambd,)


_DEFAULTS = (0.5,)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    (lambd,) = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, lambd),
        shapeless=True,
    )


def _checked(owner, lambd):
    # Shared by the function and the Module, so both reject the same values with the same words.
    lambd = _checks.real(owner, "lambd", lambd)
    if not (lambd >= 0):
        raise ValueError(f"{owner}: lambd ({lambd!r}) must be >= 0")
    return (lambd,)


def hard_shrink(x: mx.array, lambd: float = 0.5) -> mx.array:
    r"""Applies the hard shrinkage function.

    Also available as ``hardshrink``.

    .. math::

        \text{HardShrink}(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    Args:
        x (array): The input.
        lambd (float, optional): Inputs with magnitude at most lambd map to 0. Default: ``0.5``. Must satisfy ``lambd >= 0``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.hard_shrink(x, lambd=1.5)
    """
    x = _checks.as_array(x)
    (lambd,) = _checked("hard_shrink", lambd)
    if not _checks.on_cpu() and _checks.same_values((lambd,), _DEFAULTS):
        return _default_kernel()(x)
    (lambd,) = _prepared(lambd)
    return _kernel(x, lambd)


class HardShrink(nn.Module):
    r"""Applies the hard shrinkage function.

    The Module form of :func:`hard_shrink`.

    .. math::

        \text{HardShrink}(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    Args:
        lambd (float, optional): Inputs with magnitude at most lambd map to 0. Default: ``0.5``. Must satisfy ``lambd >= 0``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.HardShrink(lambd=0.5)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, lambd: float = 0.5):
        super().__init__()
        _checked("HardShrink", lambd)
        self.lambd = lambd

    def _extra_repr(self) -> str:
        return f"lambd={self.lambd!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return hard_shrink(x, lambd=self.lambd)


# Other libraries' spellings: the same objects, so either name gives identical results.
hardshrink = hard_shrink
Hardshrink = HardShrink
