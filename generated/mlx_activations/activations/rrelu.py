# Generated from spec/activations.yaml by codegen; do not edit.
"""The rrelu activation and its Module, RReLU."""

from functools import cache, partial

import mlx.core as mx
import mlx.nn as nn

from .. import _checks

__all__ = ["rrelu", "RReLU"]


def _formula(x, lower, upper, slope):
    # The spec's implementation, evaluated in the compute dtype.
    floor = mx.where(slope == 0, -3.4028234663852886e38, -1e39)
    return mx.where(x >= 0, 1, slope) * mx.where(x < floor, floor, x)


@partial(mx.compile, shapeless=True)
def _kernel(x, lower, upper, slope):
    # Half-precision inputs are computed in float32 and rounded once, inside the fused kernel.
    return _checks.to_output(_formula(_checks.to_compute(x), lower, upper, slope), x.dtype)


@_checks.per_value
def _prepared(lower, upper):
    # The kernel's parameter arrays, built once for each parameter values (_checks.per_value).
    slope = mx.array((lower + upper) / 2, dtype=mx.float32)  # its value out of training
    lower = mx.array(lower, dtype=mx.float32)
    upper = mx.array(upper, dtype=mx.float32)
    return lower, upper, slope


_DEFAULTS = (0.125, 0.3333333333333333)


@cache
def _default_kernel():
    # The GPU's kernel at the parameters' defaults, their arrays captured rather than passed:
    # MLX writes captured scalars into the kernel as constants, where a GPU loads passed ones
    # per element (on the H200, float32 leaky_relu 1.11x -> 1.07x x + 0, bfloat16 hard_tanh
    # 1.17x -> 1.05x). Not on the CPU, where g++ compiled the constants' loop slower (float32
    # leaky_relu 0.78 -> 2.5 ms at 2^22 elements). Built on first use.
    lower, upper, slope = _prepared(*_DEFAULTS)
    return mx.compile(
        lambda x: _kernel(x, lower, upper, slope),
        shapeless=True,
    )


def _checked(owner, lower, upper, training=False, key=None):
    # Shared by the function and the Module, so both reject the same values with the same words.
    lower = _checks.real(owner, "lower", lower)
    upper = _checks.real(owner, "upper", upper)
    training = _checks.boolean(owner, "training", training)
    key = _checks.key(owner, "key", key)
    if not (lower <= upper):
        raise ValueError(f"{owner}: lower ({lower!r}) must be <= upper ({upper!r})")
    return lower, upper, training, key


def rrelu(
    x: mx.array,
    lower: float = 0.125,
    upper: float = 0.3333333333333333,
    training: bool = False,
    key: mx.array | None = None,
) -> mx.array:
    r"""Applies the randomized leaky Rectified Linear Unit.

    In training, each negative input is scaled by its own slope, drawn uniformly from [lower, upper] with the mx.random key given (or MLX's global generator); otherwise by the mean slope (lower + upper) / 2, as PyTorch's rrelu. The Module follows its training mode (Module.train() and Module.eval()).

    .. math::

        \text{RReLU}(x) = \begin{cases} x & x \ge 0 \\ a x & x < 0 \end{cases}, \quad a \sim U(\text{lower}, \text{upper}) \text{ in training, else } a = \frac{\text{lower} + \text{upper}}{2}

    Args:
        x (array): The input.
        lower (float, optional): Lower bound of the random slopes. Default: ``0.125``. Must satisfy ``lower <= upper``.
        upper (float, optional): Upper bound of the random slopes. Default: ``0.3333333333333333``.
        training (bool, optional): Draw a random slope per element rather than use the mean slope. Default: ``False``.
        key (array or None, optional): The mx.random key of the draw; None uses MLX's global generator. Default: ``None``.

    Returns:
        array: The result, with the shape and dtype of ``x``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> x = mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])
        >>> y = act.rrelu(x, lower=0.25, upper=0.5)
    """
    x = _checks.as_array(x)
    lower, upper, training, key = _checked("rrelu", lower, upper, training, key)
    if training:
        # Drawn outside the compiled kernel, whose shapeless trace cannot size a random array.
        slope = mx.random.uniform(lower, upper, x.shape, key=key)
        lower = mx.array(lower, dtype=mx.float32)
        upper = mx.array(upper, dtype=mx.float32)
        return _kernel(x, lower, upper, slope)
    if not _checks.on_cpu() and _checks.same_values((lower, upper), _DEFAULTS):
        return _default_kernel()(x)
    lower, upper, slope = _prepared(lower, upper)
    return _kernel(x, lower, upper, slope)


class RReLU(nn.Module):
    r"""Applies the randomized leaky Rectified Linear Unit.

    The Module form of :func:`rrelu`.

    .. math::

        \text{RReLU}(x) = \begin{cases} x & x \ge 0 \\ a x & x < 0 \end{cases}, \quad a \sim U(\text{lower}, \text{upper}) \text{ in training, else } a = \frac{\text{lower} + \text{upper}}{2}

    Args:
        lower (float, optional): Lower bound of the random slopes. Default: ``0.125``. Must satisfy ``lower <= upper``.
        upper (float, optional): Upper bound of the random slopes. Default: ``0.3333333333333333``.

    Example:
        >>> import mlx.core as mx
        >>> import mlx_activations as act
        >>> layer = act.RReLU(lower=0.125, upper=0.3333333333333333)
        >>> y = layer(mx.array([-2.0, -0.5, 0.0, 0.5, 2.0]))
    """

    def __init__(self, lower: float = 0.125, upper: float = 0.3333333333333333):
        super().__init__()
        _checked("RReLU", lower, upper)
        self.lower = lower
        self.upper = upper

    def _extra_repr(self) -> str:
        return f"lower={self.lower!r}, upper={self.upper!r}"

    def __call__(self, x: mx.array) -> mx.array:
        return rrelu(x, lower=self.lower, upper=self.upper, training=self.training)
