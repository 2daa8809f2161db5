# Generated from spec/activations.yaml by codegen; do not edit.
"""Accurate, fast activation functions for MLX: a drop-in superset of mlx.nn's.

Every function and Module here is generated from spec/activations.yaml. Names, parameters and
defaults match mlx.nn; parameters are checked, and every Module takes the parameters of its
function as constructor arguments.
"""

from .activations.scaled_relu import scaled_relu, ScaledReLU
from .activations.doubled_softmax import doubled_softmax, DoubledSoftmax
from .activations.shifted_relu import shifted_relu, ShiftedReLU, shiftedrelu, Shiftedrelu
from .activations.halved_sigmoid import halved_sigmoid
from .activations.scaled_sigmoid import scaled_sigmoid

__version__ = "0.1.0"

__all__ = [
    "scaled_relu",
    "doubled_softmax",
    "shifted_relu",
    "halved_sigmoid",
    "scaled_sigmoid",
    "ScaledReLU",
    "DoubledSoftmax",
    "ShiftedReLU",
    "shiftedrelu",
    "Shiftedrelu",
]
