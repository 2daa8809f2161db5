# Generated from spec/activations.yaml by codegen; do not edit.
"""Accurate, fast activation functions for MLX: a drop-in superset of mlx.nn's.

Every function and Module here is generated from spec/activations.yaml. Names, parameters and
defaults match mlx.nn; parameters are checked, and every Module takes the parameters of its
function as constructor arguments.
"""

from .activations.relu import relu, ReLU
from .activations.relu2 import relu2, ReLU2
from .activations.relu6 import relu6, ReLU6
from .activations.leaky_relu import leaky_relu, LeakyReLU
from .activations.prelu import prelu, PReLU
from .activations.rrelu import rrelu, RReLU
from .activations.elu import elu, ELU
from .activations.celu import celu, CELU
from .activations.selu import selu, SELU
from .activations.step import step, Step
from .activations.threshold import threshold, Threshold
from .activations.sparse_plus import sparse_plus, SparsePlus
from .activations.sigmoid import sigmoid, Sigmoid
from .activations.tanh import tanh, Tanh
from .activations.softsign import softsign, Softsign, soft_sign
from .activations.softplus import softplus, Softplus
from .activations.squareplus import squareplus, Squareplus
from .activations.log_sigmoid import log_sigmoid, LogSigmoid, logsigmoid
from .activations.log1mexp import log1mexp, Log1mexp
from .activations.silu import silu, SiLU, swish
from .activations.mish import mish, Mish
from .activations.gelu import gelu, GELU
from .activations.gelu_approx import gelu_approx
from .activations.gelu_fast_approx import gelu_fast_approx
from .activations.hardswish import hardswish, Hardswish, hard_silu, hard_swish
from .activations.hard_tanh import hard_tanh, HardTanh, hardtanh, Hardtanh
from .activations.hard_sigmoid import hard_sigmoid, HardSigmoid, hardsigmoid, Hardsigmoid
from .activations.sparse_sigmoid import sparse_sigmoid, SparseSigmoid
from .activations.hard_shrink import hard_shrink, HardShrink, hardshrink, Hardshrink
from .activations.softshrink import softshrink, Softshrink, soft_shrink
from .activations.tanhshrink import tanhshrink, Tanhshrink, tanh_shrink
from .activations.softmax import softmax, Softmax
from .activations.log_softmax import log_softmax, LogSoftmax
from .activations.softmin import softmin, Softmin
from .activations.glu import glu, GLU

__version__ = "0.1.0"

__all__ = [
    "relu",
    "relu2",
    "relu6",
    "leaky_relu",
    "prelu",
    "rrelu",
    "elu",
    "celu",
    "selu",
    "step",
    "threshold",
    "sparse_plus",
    "sigmoid",
    "tanh",
    "softsign",
    "softplus",
    "squareplus",
    "log_sigmoid",
    "log1mexp",
    "silu",
    "mish",
    "gelu",
    "gelu_approx",
    "gelu_fast_approx",
    "hardswish",
    "hard_tanh",
    "hard_sigmoid",
    "sparse_sigmoid",
    "hard_shrink",
    "softshrink",
    "tanhshrink",
    "softmax",
    "log_softmax",
    "softmin",
    "glu",
    "ReLU",
    "ReLU2",
    "ReLU6",
    "LeakyReLU",
    "PReLU",
    "RReLU",
    "ELU",
    "CELU",
    "SELU",
    "Step",
    "Threshold",
    "SparsePlus",
    "Sigmoid",
    "Tanh",
    "Softsign",
    "Softplus",
    "Squareplus",
    "LogSigmoid",
    "Log1mexp",
    "SiLU",
    "Mish",
    "GELU",
    "Hardswish",
    "HardTanh",
    "HardSigmoid",
    "SparseSigmoid",
    "HardShrink",
    "Softshrink",
    "Tanhshrink",
    "Softmax",
    "LogSoftmax",
    "Softmin",
    "GLU",
    "soft_sign",
    "logsigmoid",
    "swish",
    "hard_silu",
    "hard_swish",
    "hardtanh",
    "hardsigmoid",
    "hardshrink",
    "soft_shrink",
    "tanh_shrink",
    "Hardtanh",
    "Hardsigmoid",
    "Hardshrink",
]
