"""The validated spec as frozen dataclasses: what templates and tests may rely on.

Mappings of the YAML become tuples of pairs so the model stays immutable and ordered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .expressions import Comparison


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()  # the default of a parameter that has none


# Parameter types the compiled kernel never sees: they steer the Python code around it.
HOST_TYPES = ("bool", "key")


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # float | int | str | array | bool | key (an mx.random key, or None)
    doc: str
    default: object = REQUIRED
    constraint: Comparison | None = None
    choices: tuple = ()
    broken: bool = False  # its default was invalid (already reported); never rendered
    finite: bool = False  # a float that must not be infinite

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def is_training_flag(self) -> bool:
        """The bool 'training' parameter: a Module passes its own training mode for it."""
        return self.type == "bool" and self.name == "training"


def constructor_params(params) -> tuple[Param, ...]:
    """The function's parameters that a plain Module takes in its constructor: not arrays (they
    are weights), not random keys (the Module draws from MLX's global generator), and not the
    training flag (the Module passes its own training mode)."""
    return tuple(p for p in params if p.type not in ("array", "key") and not p.is_training_flag)


def cpu_splittable(split_on_cpu: bool, axis: str, params) -> bool:
    """Whether the kernel is split into stages for MLX's CPU (codegen/schedule.py): asked for,
    element-wise, and with no structural parameter (an int or str changes the traced graph, so
    those kernels stay whole); bools and keys never reach the kernel."""
    return (
        split_on_cpu
        and axis == "none"
        and all(p.type in ("float", "array", "bool", "key") for p in params)
    )


def special_cases_splittable(split_on_cpu: bool, axis: str, params, has_cpu_formula: bool) -> bool:
    """Whether the special cases get CPU kernels of their own (split as the kernel is, from their
    cpu formula where they give one): not beside the activation's cpu formula, which serves every
    parameter value on the CPU and leaves the special cases to a GPU."""
    return not has_cpu_formula and cpu_splittable(split_on_cpu, axis, params)


@dataclass(frozen=True)
class RandomDraw:
    """A name bound per call: uniform in [low, high] per element when training, else a value."""

    name: str
    low: str  # a float parameter
    high: str  # a float parameter
    otherwise: str  # an expression of the parameters


@dataclass(frozen=True)
class Helper:
    name: str
    args: tuple[str, ...]
    doc: str
    let: tuple[tuple[str, str], ...]
    returns: str


@dataclass(frozen=True)
class Module:
    class_name: str
    params: tuple[Param, ...]  # constructor parameters
    weights: tuple[tuple[str, str], ...] = ()  # attribute -> initial-value expression
    call: tuple[tuple[str, str], ...] = ()  # function parameter -> attribute passed for it
    dispatch_param: str | None = None  # a str constructor parameter choosing the function
    dispatch: tuple[tuple[str, str], ...] = ()  # value -> function name


@dataclass(frozen=True)
class SpecialCase:
    """Parameter values for which a cheaper implementation gives the same results."""

    # Each compares a parameter with a number; all must hold. Tested once per call.
    when: tuple[Comparison, ...]
    implementation: str
    half: str | None = None  # for half inputs on a GPU, in place of the half formula
    cpu: str | None = None  # for MLX's CPU, in place of implementation


@dataclass(frozen=True)
class Formula:
    """Another formula for the same activation: the CPU's (it may use float64) or the one a GPU
    computes for float16 and bfloat16 inputs."""

    let: tuple[tuple[str, str], ...]
    implementation: str
    own_dtype: bool = False  # half inputs reach the formula as they are, not as float32
    # A half formula's condition on the parameters (comparisons with numbers, all of which must
    # hold): for other values a GPU runs the main kernel on half inputs too. () where it always
    # serves.
    when: tuple[Comparison, ...] = ()


@dataclass(frozen=True)
class Properties:
    range: str
    monotonic: bool
    smooth: bool
    sums_to_one: bool = False


@dataclass(frozen=True)
class Reference:
    title: str
    url: str


@dataclass(frozen=True)
class Activation:
    name: str
    module: Module | None
    family: str
    summary: str
    description: str
    params: tuple[Param, ...]
    axis: str  # none | reduce | split
    formula: str
    let: tuple[tuple[str, str], ...]
    implementation: str
    reference: str
    approximates: str | None
    limits: tuple[tuple[str, str], ...]  # "-inf"/"inf" -> mpmath expression
    tolerance: tuple[tuple[str, float], ...]  # dtype -> max ULP
    test_params: tuple[tuple[tuple[str, object], ...], ...]
    properties: Properties
    references: tuple[Reference, ...] = field(default=())
    aliases: tuple[str, ...] = ()  # other spellings of the function (PyTorch, JAX, Keras)
    module_aliases: tuple[str, ...] = ()  # other spellings of the Module class
    special_cases: tuple[SpecialCase, ...] = ()
    random: tuple[RandomDraw, ...] = ()
    domain: Comparison | None = None  # of x with a number: where the function is finite and smooth
    exact: bool = False  # the result is an input or parameter value: no float32 round trip
    split_on_cpu: bool = True  # false: one fused kernel on the CPU too (codegen/schedule.py)
    coarse_split: bool = False  # true: cut the CPU split at whole subexpressions (schedule.py)
    convert_half_on_cpu: bool = False  # true: half inputs reach the CPU's kernel as float32
    cpu: Formula | None = None  # replaces the implementation on the CPU (split as one is)
    half: Formula | None = None  # replaces it for float16 and bfloat16 inputs on a GPU
    cpu_half: Formula | None = None  # replaces cpu for float16 and bfloat16 inputs on the CPU

    @property
    def inputs(self) -> tuple[str, ...]:
        """Names the implementation sees for the input: the halves of a split, else x."""
        return ("a", "b") if self.axis == "split" else ("x",)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class Spec:
    version: int
    tolerance: tuple[tuple[str, float], ...]
    families: tuple[tuple[str, str], ...]
    helpers: tuple[Helper, ...]
    activations: tuple[Activation, ...]

    def activation(self, name: str) -> Activation | None:
        return next((a for a in self.activations if a.name == name), None)


def parameter_defaults(params) -> dict:
    """The parameters' defaults, by name (a required parameter has none)."""
    return {p.name: p.default for p in params if not p.required}


def kernel_parameters(params, axis: str) -> list:
    """The parameters a kernel receives as arrays: not the host-side ones, nor a split's axis."""
    return [
        p for p in params if not (axis == "split" and p.name == "axis") and p.type not in HOST_TYPES
    ]


def per_call_parameters(params, axis: str) -> set[str]:
    """The kernel parameters whose `let` values are computed once per call, outside the kernel:
    the scalars. An array parameter may be as large as x, and a value read from it would be one
    more pass over memory (on a GPU, even a single value's costs kernel launches per call), where
    the fused kernel computes it for free."""
    return {p.name for p in kernel_parameters(params, axis) if p.type != "array"}
