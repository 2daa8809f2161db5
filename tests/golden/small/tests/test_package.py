# Generated from spec/activations.yaml by codegen; do not edit.
"""The package as a whole: a drop-in superset of mlx.nn, and an API that matches its listing."""

import inspect
from pathlib import Path

import mlx.nn as nn
import pytest

import mlx_activations as act

SPEC_FUNCTIONS = [
    "scaled_relu",
    "doubled_softmax",
    "shifted_relu",
    "halved_sigmoid",
    "scaled_sigmoid",
]
SPEC_MODULES = ["ScaledReLU", "DoubledSoftmax", "ShiftedReLU"]
# Other libraries' spellings -> the function or Module they name.
SPEC_ALIASES = [("shiftedrelu", "shifted_relu"), ("Shiftedrelu", "ShiftedReLU")]
# What mlx.nn 0.32 offers; each must exist here with the same parameter names and defaults.
MLX_NN_FUNCTIONS = [
    "elu",
    "celu",
    "gelu",
    "gelu_approx",
    "gelu_fast_approx",
    "glu",
    "hard_shrink",
    "hard_tanh",
    "hardswish",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "mish",
    "prelu",
    "relu",
    "relu2",
    "relu6",
    "selu",
    "sigmoid",
    "silu",
    "softmax",
    "softmin",
    "softplus",
    "softshrink",
    "softsign",
    "step",
    "tanh",
]
MLX_NN_MODULES = [
    "GLU",
    "Sigmoid",
    "Mish",
    "ReLU",
    "ReLU2",
    "ReLU6",
    "LeakyReLU",
    "ELU",
    "Softmax",
    "Softplus",
    "Softsign",
    "Softshrink",
    "CELU",
    "SiLU",
    "LogSoftmax",
    "LogSigmoid",
    "PReLU",
    "GELU",
    "Tanh",
    "Hardswish",
    "Step",
    "SELU",
    "HardTanh",
    "HardShrink",
    "Softmin",
]


def test_exports_exactly_the_spec():
    assert sorted(act.__all__) == sorted(
        SPEC_FUNCTIONS + SPEC_MODULES + [alias for alias, _ in SPEC_ALIASES]
    )
    for name in act.__all__:
        assert getattr(act, name) is not None


@pytest.mark.parametrize("alias, name", SPEC_ALIASES)
def test_an_alias_is_the_same_object(alias, name):
    assert getattr(act, alias) is getattr(act, name)


def _parameters(obj):
    params = inspect.signature(obj).parameters
    return {name: p.default for name, p in params.items() if name not in ("x", "self")}


@pytest.mark.parametrize("name", MLX_NN_FUNCTIONS + MLX_NN_MODULES)
def test_mlx_nn_names_exist_with_their_parameters_and_defaults(name):
    ours, theirs = _parameters(getattr(act, name)), _parameters(getattr(nn, name))
    for parameter, default in theirs.items():
        assert parameter in ours, f"{name} lacks mlx.nn's parameter {parameter}"
        assert ours[parameter] == default, f"{name}({parameter}=...) default differs from mlx.nn"


def test_api_listing_matches_the_package():
    listing = Path(__file__).resolve().parent.parent / "API.txt"
    lines = [line for line in listing.read_text().splitlines() if line and not line.startswith("#")]
    live = []
    for name in SPEC_FUNCTIONS:
        live.append(f"{name}{inspect.signature(getattr(act, name))}")
        module = next(
            (
                m
                for m in SPEC_MODULES
                if getattr(act, m).__module__ == getattr(act, name).__module__
            ),
            None,
        )
        if module:
            live.append(f"{module}{inspect.signature(getattr(act, module))}")
        live += [
            f"{alias} = {target}" for alias, target in SPEC_ALIASES if target in (name, module)
        ]
    assert lines == live
