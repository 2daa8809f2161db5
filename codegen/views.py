"""Lower the model to view models: everything a template prints, precomputed as strings.

Templates only loop and substitute; every decision (which parameters become arrays, what an
error message says, how a docstring reads) is made here, once, in plain Python.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from . import pylit, schedule
from .expressions import holds, parameter_only
from .model import (
    HOST_TYPES,
    Activation,
    Helper,
    Module,
    Param,
    Spec,
    constructor_params,
    cpu_splittable,
    kernel_parameters,
    parameter_defaults,
    per_call_parameters,
    special_cases_splittable,
)

ANNOTATIONS = {
    "float": "float",
    "int": "int",
    "str": "str",
    "array": "mx.array",
    "bool": "bool",
    "key": "mx.array | None",
}
# How inspect.signature prints the annotations above.
RUNTIME_ANNOTATIONS = ANNOTATIONS | {"array": "mlx.core.array", "key": "mlx.core.array | None"}
TYPE_WORDS = {
    "float": "float",
    "int": "int",
    "str": "str",
    "array": "array",
    "bool": "bool",
    "key": "array or None",
}
CHECKERS = {
    "float": "real",
    "int": "integer",
    "str": "choice",
    "array": "array",
    "bool": "boolean",
    "key": "key",
}
EXAMPLE_INPUTS = {
    "none": "mx.array([-2.0, -0.5, 0.0, 0.5, 2.0])",
    "reduce": "mx.array([[1.0, 2.0, 3.0], [0.0, 0.0, -float('inf')]])",
    "split": "mx.array([[1.0, -1.0, 0.5, 2.0]])",
}


@dataclass(frozen=True)
class Check:
    """One runtime check: the code that normalises a value, then optional constraint test + message."""

    param: str
    convert: str  # expression producing the checked value
    condition: str | None = None  # must hold, else ValueError(message)
    message: str | None = None  # an f-string body


@dataclass(frozen=True)
class Violation:
    """Parameter values that break one constraint, and the message the check must give."""

    values: dict
    message: str

    @property
    def case(self) -> tuple:
        return (self.values, self.message)


def _default_text(p: Param) -> str:
    return pylit.literal(p.default)


def signature_params(params, annotations=ANNOTATIONS) -> str:
    parts = []
    for p in params:
        text = f"{p.name}: {annotations[p.type]}"
        parts.append(text if p.required else f"{text} = {_default_text(p)}")
    return ", ".join(parts)


def constraint_message(p: Param) -> tuple[str, str]:
    """(condition source, f-string message body) for the constraint of ``p``; ``owner`` is a variable."""
    c = p.constraint
    right = c.right if isinstance(c.right, str) else pylit.literal(c.right)
    condition = f"{c.left} {c.op} {right}"
    right_text = f"{c.right} ({{{c.right}!r}})" if isinstance(c.right, str) else right
    message = f"{{owner}}: {c.left} ({{{c.left}!r}}) must be {c.op} {right_text}"
    return condition, message


def checks(params) -> list[Check]:
    """Type checks first (so constraints compare clean values), then the constraints."""
    result = []
    for p in params:
        extra = f", {pylit.literal(p.choices)}" if p.type == "str" else ""
        extra += ", finite=True" if p.finite else ""
        result.append(
            Check(p.name, f"_checks.{CHECKERS[p.type]}(owner, {p.name!r}, {p.name}{extra})")
        )
    for p in params:
        if p.constraint is not None:
            condition, message = constraint_message(p)
            result.append(Check(p.name, "", condition, message))
    return result


def violations(owner: str, params) -> list[Violation]:
    """For each constraint, the defaults changed just enough to break it, and the expected message."""
    defaults = {p.name: p.default for p in params}
    result = []
    for p in params:
        c = p.constraint
        if c is None:
            continue
        values = dict(defaults)
        right = values[c.right] if isinstance(c.right, str) else c.right
        bad = {
            "<": right,
            "<=": right + 1,
            ">": right,
            ">=": right - 1,
            "!=": right,
            "==": right + 1,
        }[c.op]
        values[c.left] = float(bad) if p.type == "float" else int(bad)
        condition, message = constraint_message(p)
        text = message.replace("{owner}", owner).replace(f"{{{c.left}!r}}", repr(values[c.left]))
        if isinstance(c.right, str):
            text = text.replace(f"{{{c.right}!r}}", repr(values[c.right]))
        result.append(
            Violation(
                {c.left: values[c.left]}
                | ({c.right: values[c.right]} if isinstance(c.right, str) else {}),
                text,
            )
        )
    return result


def _args_section(inputs: list[tuple[str, str, str]], params) -> list[str]:
    lines = ["Args:"]
    for name, kind, doc in inputs:
        lines.append(f"    {name} ({kind}): {doc}")
    for p in params:
        text = f"    {p.name} ({TYPE_WORDS[p.type]}{'' if p.required else ', optional'}): {p.doc}"
        if not p.required:
            text += f" Default: ``{_default_text(p)}``."
        if p.constraint is not None:
            condition, _ = constraint_message(p)
            text += f" Must satisfy ``{condition}``."
        if p.choices:
            text += " One of " + ", ".join(f"``{c!r}``" for c in p.choices) + "."
        lines.append(text)
    return lines


def example_call(a: Activation) -> str:
    # The first test parameter set, less any axis (the example input is laid out for the default).
    values = {k: v for k, v in (a.test_params[0] if a.test_params else ()) if k != "axis"}
    args = ["x"] + [
        (
            f"{k}=mx.array({pylit.literal(v)})"
            if a.param(k).type == "array"
            else f"{k}={pylit.literal(v)}"
        )
        for k, v in values.items()
    ]
    return f"act.{a.name}({', '.join(args)})"


def function_docstring(a: Activation, spec: Spec) -> str:
    lines = [a.summary, ""]
    if a.description:
        lines += [a.description.strip(), ""]
    if a.aliases:
        lines += ["Also available as " + ", ".join(f"``{n}``" for n in a.aliases) + ".", ""]
    lines += [".. math::", "", "    " + a.formula.strip().replace("\n", "\n    "), ""]
    if a.approximates:
        lines += [f"An approximation of :func:`{a.approximates}`.", ""]
    lines += _args_section([("x", "array", "The input.")], a.params)
    returns = "The result, with the shape and dtype of ``x``."
    if a.axis == "split":
        returns = (
            "``a * sigmoid(b)``, half the size of ``x`` along ``axis``, in the dtype of ``x``."
        )
    lines += ["", "Returns:", f"    array: {returns}", ""]
    lines += ["Example:"] + [f"    >>> {line}" for line in example_lines(a)]
    return "\n".join(lines)


def example_lines(a: Activation) -> list[str]:
    """The example of the docstring (run by the generated tests) and of the docs page."""
    return [
        "import mlx.core as mx",
        "import mlx_activations as act",
        f"x = {EXAMPLE_INPUTS[a.axis]}",
        f"y = {example_call(a)}",
    ]


def _example_values(a: Activation, params) -> list[tuple[Param, object]]:
    """Each parameter with its default, or for a required one its value in the first test set."""
    first = dict(a.test_params[0]) if a.test_params else {}
    return [(p, first.get(p.name) if p.required else p.default) for p in params]


def module_docstring(a: Activation) -> str:
    m = a.module
    lines = [a.summary, "", f"The Module form of :func:`{a.name}`"]
    if m.dispatch:
        lines[-1] += f"; ``{m.dispatch_param}`` chooses the function:"
        lines += [""] + [f"- ``{value!r}``: :func:`{fn}`" for value, fn in m.dispatch]
    else:
        lines[-1] += "."
    lines += [""]
    if not m.dispatch:
        lines += [".. math::", "", "    " + a.formula.strip().replace("\n", "\n    "), ""]
    if m.params:
        lines += _args_section([], m.params)
        lines += [""]
    if m.weights:
        lines += ["Learnable parameters: " + ", ".join(f"``{k}``" for k, _ in m.weights) + ".", ""]
    example_args = ", ".join(
        f"{p.name}={pylit.literal(v)}" for p, v in _example_values(a, m.params)
    )
    lines += [
        "Example:",
        "    >>> import mlx.core as mx",
        "    >>> import mlx_activations as act",
        f"    >>> layer = act.{m.class_name}({example_args})",
        f"    >>> y = layer({EXAMPLE_INPUTS[a.axis]})",
    ]
    return "\n".join(lines)


def _used_helpers(a: Activation, helpers: tuple[Helper, ...]) -> list[str]:
    names = set()
    for source in [
        a.implementation,
        *(v for _, v in a.let),
        *(c.implementation for c in a.special_cases),
        *(c.half for c in a.special_cases if c.half),
        *(c.cpu for c in a.special_cases if c.cpu),
        *((a.cpu.implementation, *(v for _, v in a.cpu.let)) if a.cpu else ()),
        *((a.half.implementation, *(v for _, v in a.half.let)) if a.half else ()),
    ]:
        names |= {
            n.func.id
            for n in ast.walk(ast.parse(source.strip(), mode="eval"))
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        }
    return [h.name for h in helpers if h.name in names]


@dataclass(frozen=True)
class ModuleView:
    class_name: str
    signature: str
    checks: list[Check]
    attributes: list[str]
    weights: list[tuple[str, str]]
    call: str
    dispatch_param: str | None
    dispatch: list[tuple[str, str]]
    docstring: str
    repr_format: str  # f-string body of _extra_repr
    violations: list[Violation]
    params: tuple[Param, ...]
    own_params: bool  # constructor parameters differ from the function's
    defaults: dict
    default_repr: str  # repr() of the Module built with its defaults
    passes: tuple  # function parameter -> attribute the Module passes for it
    required_args: str  # constructor arguments for the required parameters, from the test values


@dataclass(frozen=True)
class ActivationView:
    a: Activation
    name: str
    signature: str  # parameters after x, as source
    full_signature: str  # as inspect.signature prints it
    checks: list[Check]
    kernel_args: list[str]  # after the inputs: parameters the compiled kernel takes
    formula_args: str  # what the kernel passes to the formula
    kernel_call_args: list[str]  # what the function passes for them
    let_once: list[tuple[str, str]]  # parameter-only values, computed before the kernel call
    # _prepared's parameters, where the kernel's parameter arrays (converted and let_once) are
    # built once per parameter values and reused ([] where a parameter is an array). A drawn
    # value is prepared out of training only, where it is its `otherwise`, a parameter value.
    prepared_params: list[str]
    prepared_names: list[str]  # what _prepared returns, in order
    # The prepared parameters' defaults, as source, where a GPU gets a kernel of its own for them
    # (_default_kernel: their arrays captured as constants); [] where a parameter has no default
    # or a special case serves the defaults.
    default_values: list[str]
    # Parameters converted for the kernel before let_once reads them.
    converted: list[tuple[str, str]]
    let: list[tuple[str, str]]  # the rest, computed in the kernel
    # The kernel split for the CPU (codegen/schedule.py); [] where one fused kernel is as good.
    cpu_stages: list[schedule.Stage]
    cpu_special_stages: list[list[schedule.Stage]]  # the same for each special case
    # The uncompiled functions that run a split's stages, or convert half inputs around the whole
    # cpu kernel (convert_half_on_cpu): they convert the input once, outside compiled code.
    split_drivers: list[str]
    # The spec's cpu formula, which replaces the implementation on the CPU (split as one is).
    cpu_let: list[tuple[str, str]]
    cpu_implementation: str | None
    # The spec's half formula, for float16 and bfloat16 inputs on a GPU.
    half_let: list[tuple[str, str]]
    half_implementation: str | None
    half_formula_args: str  # what the half kernel passes to its formula
    # The half formula's condition on the checked parameters, as source ("" where it always
    # serves), and whether the defaults meet it (their kernel, _default_kernel, then runs it).
    half_condition: str
    half_at_defaults: bool
    # The spec's cpu half formula, for float16 and bfloat16 inputs on the CPU.
    cpu_half_let: list[tuple[str, str]]
    cpu_half_implementation: str | None
    implementation: str
    helpers: list[str]
    docstring: str
    module: ModuleView | None
    dispatch_imports: list[str]
    violations: list[Violation]
    reference: str
    reference_args: list[str]
    param_sets: list[dict]
    tolerance: dict
    defaults: dict  # parameters that have a default
    signature_defaults: str  # source of {parameter: default or inspect.Parameter.empty}
    expected_traces: int  # compilations for PARAM_SETS at one rank: one per structural (axis) value
    array_params: list[str]
    float_params: list[str]
    finite_params: list[str]  # float parameters that must not be infinite
    host_params: list[tuple[str, str]]  # (name, "bool" or "key"): checked, never in the kernel
    # _checked's parameters: host ones default as in the function, so a Module that does not
    # take them (the training flag, the key) can leave them out.
    checked_params: str
    compute: str  # the _checks function that gives an input its compute dtype
    limits: dict  # "-inf"/"inf" -> canonical mpmath source
    example: list[str]  # the docstring example's code lines, shown on the docs page too
    exports: list[str]  # the names its module exports: function, Module, then their aliases
    random: list[tuple[str, str, str, str]]  # (name, low, high, value when not training)
    domain: str | None  # a condition on x, as source: where gradients are tested
    special_cases: list[tuple[str, str]]  # (condition on the checked parameters, implementation)
    special_halves: list[str | None]  # each one's formula for half inputs on a GPU, if any
    special_guard: str  # what must hold too before a special case serves: "" or "... and "
    special_values: list[dict]  # for each special case, parameter values that meet it


def _rendered(let) -> list[tuple[str, str]]:
    """``let`` bindings as Python source."""
    return [(k, pylit.expression(v)) for k, v in let]


def _condition(when) -> str:
    """Comparisons of parameters with numbers, as a Python condition."""
    return " and ".join(f"{w.left} {w.op} {pylit.literal(w.right)}" for w in when)


def _special_guard(a: Activation) -> str:
    """Where a special case does not serve: on the CPU when there is a cpu formula (it serves
    every parameter value there), and for half inputs on a GPU when there is a half formula."""
    guards = []
    if a.cpu:
        guards.append("not _checks.on_cpu()")
    if a.half:
        guards.append(
            "not _checks.is_half(x)" if a.cpu else "(_checks.on_cpu() or not _checks.is_half(x))"
        )
    return "".join(f"{g} and " for g in guards)


def _compute(a: Activation) -> str:
    # Exact activations only select values, so half precision loses nothing computed as it is.
    return "to_compute_exact" if a.exact else "to_compute"


def _kernel_arg(p: Param) -> str:
    if p.type == "float":
        return f"mx.array({p.name}, dtype=mx.float32)"
    return (
        p.name
    )  # arrays as they are; ints and strs are structural, so the kernel is traced per value


def _meeting(when) -> dict:
    """Parameter values that meet a special case's conditions (float parameters against numbers)."""
    values = {}
    for w in when:
        value = float(w.right)
        values[w.left] = {"<": value - 1, ">": value + 1, "!=": value + 1}.get(w.op, value)
    return values


def _default_values(a: Activation, tensor_params, defaults: dict) -> list[str]:
    """The defaults of the kernel's parameters, as source, where all have one and no special
    case holds at them (the special case's kernel serves them then)."""
    if any(p.required for p in tensor_params):
        return []
    if any(holds(case.when, defaults) for case in a.special_cases):
        return []
    return [pylit.literal(p.default) for p in tensor_params]


def module_view(a: Activation) -> ModuleView | None:
    m: Module | None = a.module
    if m is None:
        return None
    weights = [(k, pylit.expression(v)) for k, v in m.weights]
    if m.dispatch:
        # Checked again at call time: the attribute is public and may have been reassigned.
        choice = f"_checks.choice({m.class_name!r}, {m.dispatch_param!r}, self.{m.dispatch_param}, tuple(_DISPATCH))"
        call = f"_DISPATCH[{choice}](x)"
    else:
        passed = dict(m.call) | {p.name: "training" for p in a.params if p.is_training_flag}
        # Keys stay None: the Module draws from MLX's global generator.
        args = ", ".join(
            f"{p.name}=self.{passed.get(p.name, p.name)}" for p in a.params if p.type != "key"
        )
        call = f"{a.name}(x{', ' + args if args else ''})"
    return ModuleView(
        class_name=m.class_name,
        signature=signature_params(m.params),
        checks=checks(m.params),
        attributes=[p.name for p in m.params],
        weights=weights,
        call=call,
        dispatch_param=m.dispatch_param,
        dispatch=list(m.dispatch),
        docstring=module_docstring(a),
        repr_format=", ".join(f"{p.name}={{self.{p.name}!r}}" for p in m.params),
        violations=violations(m.class_name, m.params),
        params=m.params,
        own_params=m.params != constructor_params(a.params),
        defaults=parameter_defaults(m.params),
        default_repr=f"{m.class_name}({', '.join(f'{p.name}={v!r}' for p, v in _example_values(a, m.params))})",
        passes=m.call,
        required_args=", ".join(
            f"{p.name}={pylit.literal(v)}" for p, v in _example_values(a, m.params) if p.required
        ),
    )


def activation_view(a: Activation, spec: Spec) -> ActivationView:
    tensor_params = kernel_parameters(a.params, a.axis)
    drawn = [r.name for r in a.random]
    tolerance = dict(spec.tolerance) | dict(a.tolerance)
    defaults = parameter_defaults(a.params)
    param_sets = ([] if any(p.required for p in a.params) else [{}]) + [
        dict(t) for t in a.test_params
    ]
    let_once, let = parameter_only(a.let, per_call_parameters(a.params, a.axis))
    once_names = [name for name, _ in let_once]
    floats = [p.name for p in tensor_params if p.type == "float"]
    # A user's array cannot be a cache key. Drawn values change on every call in training, so
    # only the values out of training are prepared.
    preparable = floats and all(p.type != "array" for p in tensor_params)
    kernel_args = [p.name for p in tensor_params] + drawn + once_names
    splittable = cpu_splittable(a.split_on_cpu, a.axis, a.params)
    special_splittable = special_cases_splittable(
        a.split_on_cpu, a.axis, a.params, a.cpu is not None
    )

    def formula_args(compute: str) -> str:
        """What a kernel passes to its formula: the inputs in the compute dtype, then the rest."""
        inputs = [f"_checks.{compute}({name})" for name in a.inputs]
        return ", ".join(inputs + [p.name for p in tensor_params] + drawn + once_names)

    cpu_stages = (
        schedule.stages(
            spec.helpers,
            list(a.inputs) + kernel_args,
            a.cpu.implementation if a.cpu else a.implementation,
            a.cpu.let if a.cpu else let,
            "_cpu_stage_",
            coarse=a.coarse_split,
        )
        if splittable
        else []
    )
    cpu_special_stages = [
        (
            schedule.stages(
                spec.helpers,
                list(a.inputs),
                c.cpu or c.implementation,
                (),
                f"_cpu_special_{i}_stage_",
                coarse=a.coarse_split,
            )
            if special_splittable
            else []
        )
        for i, c in enumerate(a.special_cases)
    ]
    return ActivationView(
        a=a,
        name=a.name,
        signature=signature_params(a.params),
        full_signature=f"({', '.join(['x: mlx.core.array'] + ([signature_params(a.params, RUNTIME_ANNOTATIONS)] if a.params else []))}) -> mlx.core.array",
        checks=checks(a.params),
        kernel_args=kernel_args,
        formula_args=formula_args(_compute(a)),
        kernel_call_args=[_kernel_arg(p) for p in tensor_params] + drawn,
        random=[(r.name, r.low, r.high, pylit.expression(r.otherwise)) for r in a.random],
        domain=(f"x {a.domain.op} {pylit.literal(float(a.domain.right))}" if a.domain else None),
        let_once=_rendered(let_once),
        prepared_params=[p.name for p in tensor_params] if preparable else [],
        default_values=_default_values(a, tensor_params, defaults) if preparable else [],
        prepared_names=floats + drawn + once_names if preparable else [],
        converted=[
            (p.name, _kernel_arg(p))
            for p in tensor_params
            if (let_once or preparable) and _kernel_arg(p) != p.name
        ],
        let=_rendered(let),
        cpu_stages=cpu_stages,
        cpu_let=_rendered(a.cpu.let) if a.cpu else [],
        cpu_implementation=pylit.expression(a.cpu.implementation) if a.cpu else None,
        half_let=_rendered(a.half.let) if a.half else [],
        half_implementation=pylit.expression(a.half.implementation) if a.half else None,
        half_formula_args=formula_args(
            "to_compute_exact" if a.half and a.half.own_dtype else "to_compute"
        ),
        half_condition=_condition(a.half.when) if a.half else "",
        half_at_defaults=bool(a.half) and holds(a.half.when, defaults),
        cpu_half_let=_rendered(a.cpu_half.let) if a.cpu_half else [],
        cpu_half_implementation=(
            pylit.expression(a.cpu_half.implementation) if a.cpu_half else None
        ),
        cpu_special_stages=cpu_special_stages,
        split_drivers=(["_cpu_kernel"] if cpu_stages or a.convert_half_on_cpu else [])
        + [f"_cpu_special_kernel_{i}" for i, stages in enumerate(cpu_special_stages) if stages],
        implementation=pylit.expression(a.implementation),
        helpers=_used_helpers(a, spec.helpers),
        docstring=function_docstring(a, spec),
        module=module_view(a),
        dispatch_imports=(
            sorted({fn for _, fn in a.module.dispatch if fn != a.name}) if a.module else []
        ),
        violations=violations(a.name, a.params),
        reference=pylit.expression(a.reference),
        reference_args=list(a.inputs)
        + [p.name for p in a.params if p.name != "axis"]
        + (["row"] if a.axis == "reduce" else []),
        param_sets=param_sets,
        tolerance=tolerance,
        defaults=defaults,
        signature_defaults="{"
        + ", ".join(
            f"{p.name!r}: {'inspect.Parameter.empty' if p.required else pylit.literal(p.default)}"
            for p in a.params
        )
        + "}",
        expected_traces=(
            len({dict(t).get("axis", -1) for t in [()] + list(a.test_params)})
            if a.axis == "reduce"
            else 1
        ),
        array_params=[p.name for p in a.params if p.type == "array"],
        float_params=[p.name for p in a.params if p.type == "float"],
        finite_params=[p.name for p in a.params if p.finite],
        host_params=[(p.name, p.type) for p in a.params if p.type in HOST_TYPES],
        compute=_compute(a),
        checked_params="".join(
            f", {p.name}" + (f"={pylit.literal(p.default)}" if p.type in HOST_TYPES else "")
            for p in a.params
        ),
        limits={k: pylit.expression(v) for k, v in a.limits},
        example=example_lines(a),
        special_cases=[
            (
                _condition(c.when),
                pylit.expression(c.implementation),
            )
            for c in a.special_cases
        ],
        special_halves=[pylit.expression(c.half) if c.half else None for c in a.special_cases],
        special_values=[_meeting(c.when) for c in a.special_cases],
        special_guard=_special_guard(a),
        exports=[a.name]
        + ([a.module.class_name] if a.module else [])
        + list(a.aliases)
        + list(a.module_aliases),
    )


def helper_view(h: Helper) -> dict:
    return {
        "name": h.name,
        "args": ", ".join(h.args),
        "doc": h.doc,
        "let": _rendered(h.let),
        "returns": pylit.expression(h.returns),
    }
