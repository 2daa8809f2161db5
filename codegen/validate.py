"""Validate a loaded spec: collect every diagnostic, then build the model.

Structure (unknown, missing and mistyped keys) is checked against ``schema``; meaning (names,
types of defaults, constraints, expressions, cross references) is checked here. Nothing stops
at the first problem: the author sees every error of the file in one run.
"""

from __future__ import annotations

import builtins
import math
from dataclasses import replace

from . import expressions as ex
from .diagnostics import Diagnostic, SpecError, did_you_mean
from .load import Document, NodePath
from .model import (
    REQUIRED,
    Activation,
    Formula,
    Helper,
    Module,
    Param,
    Properties,
    Reference,
    RandomDraw,
    SpecialCase,
    Spec,
    constructor_params,
    parameter_defaults,
    per_call_parameters,
    special_cases_splittable,
)
from .schema import (
    ACTIVATION,
    CPU_FORMULA,
    CPU_HALF_FORMULA,
    HALF_FORMULA,
    DEFAULTS,
    DTYPES,
    HELPER,
    MODULE,
    PARAM,
    REFERENCE,
    SPEC,
    RANDOM_DRAW,
    SPECIAL_CASE,
    Field,
    Shape,
)

# Names the generated modules bind themselves, or that users reach for as built-ins.
RESERVED = frozenset({"mx", "nn", "math", "partial", "x", "a", "b", "row"}) | frozenset(
    dir(builtins)
)
# Names the split and reduce rules give the formula and the reference; only activations under
# that rule reserve them.
AXIS_NAMES = {"split": frozenset({"a", "b"}), "reduce": frozenset({"row"})}
AXIS_INPUTS = frozenset().union(*AXIS_NAMES.values())
# Functions the generated tests give reference expressions, beyond mpmath.
REFERENCE_HELPERS = frozenset({"logsumexp", "negated"})

_KIND_TEXT = {
    "identifier": "a name",
    "text": "text",
    "expression": "an expression",
    "bool": "true or false",
    "int": "an integer",
    "number": "a number",
    "scalar": "a plain value",
    "list": "a list",
    "map": "a mapping",
    "object": "a mapping",
    "module": "a class name, null or a mapping",
}


def validate(document: Document) -> Spec:
    validator = _Validator(document)
    spec = validator.spec()
    if validator.errors:
        raise SpecError(validator.errors)
    return spec


def _type_name(value) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a mapping",
        type(None): "null",
    }.get(type(value), type(value).__name__)


class _Validator:
    def __init__(self, document: Document):
        self.document = document
        self.errors: list[Diagnostic] = []

    # -- reporting ------------------------------------------------------------------------
    def error(self, path: NodePath, message: str, hint: str | None = None, at_key: bool = False):
        where = self.document.key_at(path) if at_key else self.document.at(path)
        self.errors.append(Diagnostic(where, message, hint))

    # -- structure --------------------------------------------------------------------------
    def shape(self, data, shape: Shape, path: NodePath) -> dict | None:
        """Check keys and value kinds of one mapping; return it, or None if it is not a mapping."""
        if not isinstance(data, dict):
            self.error(path, f"{shape.name} must be a mapping, got {_type_name(data)}")
            return None
        for key in data:
            if shape.field(key) is None:
                self.error(
                    path + (key,),
                    f"unknown key '{key}' in {shape.name}",
                    did_you_mean(key, shape.keys),
                    at_key=True,
                )
        for f in shape.fields:
            if f.name not in data:
                if f.required:
                    self.error(path, f"{shape.name} is missing required key '{f.name}'")
            elif not self.kind(data[f.name], f, path + (f.name,)):
                data = {
                    k: v for k, v in data.items() if k != f.name
                }  # drop it so later checks skip it
        return data

    def kind(self, value, f: Field, path: NodePath) -> bool:
        ok = {
            "identifier": isinstance(value, str),
            "text": isinstance(value, str),
            "expression": isinstance(value, str),
            "bool": isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool),
            "scalar": not isinstance(value, (list, dict)),
            "list": isinstance(value, list),
            "map": isinstance(value, dict),
            "object": isinstance(value, dict),
            "module": value is None or isinstance(value, (str, dict)),
        }[f.kind]
        if not ok:
            self.error(path, f"'{f.name}' must be {_KIND_TEXT[f.kind]}, got {_type_name(value)}")
            return False
        if f.kind == "identifier" and not ex.is_identifier(value):
            self.error(
                path, f"'{f.name}' must be a Python identifier that is not a keyword, got '{value}'"
            )
            return False
        if f.choices and value not in f.choices:
            self.error(
                path,
                f"'{f.name}' must be one of {', '.join(f.choices)}, got '{value}'",
                did_you_mean(str(value), f.choices),
            )
            return False
        if f.kind in ("list", "map") and isinstance(f.item, str):
            # Elements of a list, or values of a mapping, have a kind too.
            entries = enumerate(value) if f.kind == "list" else value.items()
            element = Field(f"{f.name} entry", f.item, "")
            return all([self.kind(item, element, path + (key,)) for key, item in entries])
        return True

    def items(self, data: dict, key: str) -> list:
        value = data.get(key)
        return value if isinstance(value, list) else []

    # -- the whole spec ---------------------------------------------------------------------
    def spec(self) -> Spec | None:
        data = self.shape(self.document.data, SPEC, ())
        if data is None:
            return None
        if data.get("version") not in (None, 1):
            self.error(
                ("version",),
                f"unsupported spec version {data['version']}; this generator reads version 1",
            )
        defaults = (
            self.shape(data["defaults"], DEFAULTS, ("defaults",)) if "defaults" in data else {}
        )
        tolerance = self.tolerance(
            (defaults or {}).get("tolerance", {}), ("defaults", "tolerance"), complete=True
        )
        families = tuple(
            (k, v) for k, v in (data.get("families") or {}).items() if isinstance(v, str)
        )
        helpers = self.helpers(self.items(data, "helpers"))
        activations = self.activations(self.items(data, "activations"), dict(families), helpers)
        return Spec(1, tolerance, families, helpers, activations)

    def tolerance(self, data: dict, path: NodePath, complete: bool = False) -> tuple:
        result = []
        for dtype, ulp in data.items():
            if dtype not in DTYPES:
                self.error(
                    path + (dtype,),
                    f"unknown dtype '{dtype}' in tolerance",
                    did_you_mean(dtype, DTYPES),
                    at_key=True,
                )
            elif not (isinstance(ulp, (int, float)) and not isinstance(ulp, bool) and ulp >= 0):
                self.error(
                    path + (dtype,),
                    f"tolerance for {dtype} must be a number of ULP >= 0, got {ulp!r}",
                )
            else:
                result.append((dtype, float(ulp)))
        if complete:
            for dtype in DTYPES:
                if dtype not in data:
                    self.error(path, f"default tolerance is missing dtype '{dtype}'")
        return tuple(result)

    # -- helpers ----------------------------------------------------------------------------
    def helpers(self, entries: list) -> tuple[Helper, ...]:
        result: list[Helper] = []
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            path = ("helpers", i)
            data = self.shape(entry, HELPER, path)
            if data is None or not isinstance(data.get("name"), str):
                continue
            name = data["name"]
            if name in seen:
                self.error(path + ("name",), f"duplicate helper name '{name}'")
            elif name in RESERVED or name.startswith("_"):
                self.error(path + ("name",), f"helper name '{name}' is reserved")
            seen.add(name)
            args = tuple(a for a in data.get("args", []) if isinstance(a, str))
            for j, arg in enumerate(data.get("args", [])):
                if not ex.is_identifier(arg):
                    self.error(path + ("args", j), f"helper argument '{arg}' is not an identifier")
            # A helper may call helpers declared above it, so there is no recursion.
            callable_ = frozenset(h.name for h in result)
            let, _ = self.bindings(
                data.get("let") or {}, path + ("let",), frozenset(args), callable_
            )
            names = frozenset(args) | {k for k, _ in let}
            self.expression(
                data.get("returns"),
                path + ("returns",),
                f"helper '{name}' returns",
                names,
                callable_,
            )
            result.append(Helper(name, args, data.get("doc", ""), let, data.get("returns", "")))
        return tuple(result)

    def bindings(
        self,
        data: dict,
        path: NodePath,
        names: frozenset,
        helpers: frozenset,
        grammar: ex.Grammar = ex.IMPLEMENTATION,
    ) -> tuple[tuple, set[str]]:
        """Ordered 'let' bindings (each may use the names bound before it) and the names they read."""
        result, used = [], set()
        for key, source in data.items():
            if not ex.is_identifier(key) or key in RESERVED or key in names:
                self.error(
                    path + (key,),
                    f"'{key}' cannot be bound: it is not an identifier, is reserved, or is already a name here",
                    at_key=True,
                )
                continue
            used |= self.expression(source, path + (key,), f"let '{key}'", names, helpers, grammar)
            names = names | {key}
            result.append((key, source))
        return tuple(result), used

    def expression(
        self, source, path: NodePath, what: str, names, helpers, grammar=ex.IMPLEMENTATION
    ) -> set[str]:
        if source is None:
            return set()
        try:
            return ex.check(source, what, grammar, frozenset(names), frozenset(helpers))
        except ex.ExpressionError as error:
            self.error(path, str(error), error.hint)
            return set()

    # -- activations ------------------------------------------------------------------------
    def activations(
        self, entries: list, families: dict, helpers: tuple[Helper, ...]
    ) -> tuple[Activation, ...]:
        helper_names = frozenset(h.name for h in helpers)
        names: dict[str, NodePath] = {}
        classes: dict[str, NodePath] = {}
        result = []
        for i, entry in enumerate(entries):
            path = ("activations", i)
            data = self.shape(entry, ACTIVATION, path)
            if data is None:
                continue
            activation = self.activation(data, path, families, helper_names)
            if activation is None:
                continue
            self.unique(
                activation.name, path + ("name",), names, "function name", helper_names, classes
            )
            if activation.module:
                self.unique(
                    activation.module.class_name,
                    self.module_path(data, path),
                    classes,
                    "Module class name",
                    helper_names,
                    names,
                )
            for j, alias in enumerate(activation.aliases):
                self.unique(
                    alias, path + ("aliases", j), names, "function name", helper_names, classes
                )
            for j, alias in enumerate(activation.module_aliases):
                self.unique(
                    alias,
                    path + ("module_aliases", j),
                    classes,
                    "Module class name",
                    helper_names,
                    names,
                )
            result.append(activation)
        self.cross_references(result, entries)
        return tuple(result)

    def domain(self, source, path: NodePath, axis: str):
        if source is None:
            return None
        if axis != "none":
            self.error(path, "a domain is for element-wise activations")
            return None
        try:
            domain = ex.parse_constraint(str(source), frozenset({"x"}), "domain")
        except ex.ExpressionError:
            domain = None
        if domain is None or isinstance(domain.right, str):
            self.error(path, f"domain '{source}' must compare x with a number, such as 'x > 0'")
            return None
        return domain

    def random(self, data: dict, path: NodePath, params) -> tuple[RandomDraw, ...]:
        if not data:
            return ()
        kinds = {p.name: p.type for p in params}
        if kinds.get("training") != "bool" or kinds.get("key") != "key":
            self.error(
                path,
                "random draws need the parameters 'training' (type bool) and 'key' (type key)",
                at_key=True,
            )
        floats = frozenset(n for n, kind in kinds.items() if kind == "float")
        result = []
        for name, entry in data.items():
            where = path + (name,)
            if not ex.is_identifier(name) or name in RESERVED or name in kinds:
                self.error(
                    where, f"'{name}' cannot be drawn: it is not a new identifier", at_key=True
                )
                continue
            entry = self.shape(entry, RANDOM_DRAW, where)
            if entry is None:
                continue
            bounds = entry.get("uniform") if isinstance(entry.get("uniform"), list) else []
            if len(bounds) != 2 or not all(b in floats for b in bounds):
                self.error(
                    where + ("uniform",),
                    "'uniform' takes two float parameters: [lower, upper]",
                    did_you_mean(str(next((b for b in bounds if b not in floats), "")), floats),
                )
                continue
            self.expression(
                entry.get("otherwise"), where + ("otherwise",), f"'{name}' otherwise", floats, ()
            )
            result.append(RandomDraw(name, bounds[0], bounds[1], str(entry.get("otherwise", ""))))
        return tuple(result)

    def parameter_condition(
        self, source: str, path: NodePath, names: frozenset, owner: str
    ) -> tuple[ex.Comparison, ...] | None:
        """Comparisons of the named parameters with numbers, joined by 'and' (a special case's
        or a half formula's condition); None, with the error reported, where it is not one."""
        try:
            when = tuple(
                ex.parse_constraint(part, names, "condition") for part in ex.conjuncts(source)
            )
        except ex.ExpressionError as error:
            self.error(path, str(error), error.hint)
            return None
        if any(isinstance(c.right, str) for c in when):
            self.error(path, f"{owner} compares parameters with numbers")
            return None
        return when

    def special_cases(
        self,
        entries: list,
        path: NodePath,
        params,
        inputs: tuple,
        helpers: frozenset,
        has_half: bool,
        cpu_split: bool,
    ) -> tuple[SpecialCase, ...]:
        # The implementation sees the input alone: the condition fixes the parameter.
        result = []
        float_params = frozenset(p.name for p in params if p.type == "float")
        for j, entry in enumerate(entries):
            data = self.shape(entry, SPECIAL_CASE, path + (j,))
            if data is None or not isinstance(data.get("when"), str):
                continue
            when = self.parameter_condition(
                data["when"], path + (j, "when"), float_params, "a special case"
            )
            if when is None:
                continue
            self.expression(
                data.get("implementation"),
                path + (j, "implementation"),
                "special case",
                inputs,
                helpers,
            )
            half = data.get("half")
            if half is not None:
                if not has_half:
                    self.error(
                        path + (j, "half"),
                        "a special case's half formula needs a half formula to stand in for",
                    )
                    continue
                self.expression(half, path + (j, "half"), "special case", inputs, helpers)
            cpu = data.get("cpu")
            if cpu is not None:
                if not cpu_split:
                    self.error(
                        path + (j, "cpu"),
                        "a special case's cpu formula needs the CPU split, and no cpu formula"
                        " beside it (one serves every parameter value there)",
                    )
                    continue
                self.expression(cpu, path + (j, "cpu"), "special case", inputs, helpers)
            result.append(
                SpecialCase(
                    when,
                    str(data.get("implementation", "")),
                    None if half is None else str(half),
                    None if cpu is None else str(cpu),
                )
            )
        return tuple(result)

    def formula(
        self,
        data: dict,
        path: NodePath,
        key: str,
        shape: Shape,
        grammar: ex.Grammar,
        declared: frozenset,
        helpers: frozenset,
    ) -> Formula | None:
        """Another formula under ``key`` ('cpu' or 'half'): it sees the input, the parameters and
        the main let's parameter-only values (not the rest of the main let), in its own grammar
        (the CPU's may widen to float64)."""
        if key not in data:
            return None
        path = path + (key,)
        formula = self.shape(data[key], shape, path)
        if formula is None:
            return None
        let, _ = self.bindings(
            formula.get("let") or {}, path + ("let",), declared, helpers, grammar
        )
        self.expression(
            formula.get("implementation"),
            path + ("implementation",),
            f"{key} implementation",
            declared | {k for k, _ in let},
            helpers,
            grammar,
        )
        return Formula(
            let, str(formula.get("implementation", "")), formula.get("own_dtype") is True
        )

    def half_formula(
        self,
        data: dict,
        path: NodePath,
        declared: frozenset,
        helpers: frozenset,
        params: tuple[Param, ...],
        test_params: tuple,
    ) -> Formula | None:
        """The formula for float16 and bfloat16 inputs on a GPU: float32, no float64; with the
        parameter values it serves, where its `when` picks some."""
        if "half" in data and data.get("exact"):
            self.error(
                path + ("half",),
                "an exact activation computes half inputs in their own dtype already",
                at_key=True,
            )
        formula = self.formula(
            data, path, "half", HALF_FORMULA, ex.HALF_IMPLEMENTATION, declared, helpers
        )
        if formula is None or not isinstance(data["half"].get("when"), str):
            return formula  # a `when` that is not a string is reported by the shape check
        when = self.half_condition(
            data["half"]["when"], path + ("half", "when"), params, test_params, data
        )
        return replace(formula, when=when)

    def half_condition(
        self, source: str, path: NodePath, params: tuple[Param, ...], test_params: tuple, data: dict
    ) -> tuple[ex.Comparison, ...]:
        """The parameter values a half formula serves: comparisons with numbers, met by the
        defaults or a test parameter set, so that the generated tests check the formula."""
        if data.get("special_cases"):
            self.error(
                path,
                "a half formula's condition cannot stand beside special cases (which serve half"
                " inputs through the half formula)",
            )
            return ()
        numeric = frozenset(p.name for p in params if p.type in ("float", "int"))
        when = self.parameter_condition(source, path, numeric, "a half formula's condition")
        if when is None:
            return ()
        defaults = parameter_defaults(params)
        tested = [defaults] + [defaults | dict(values) for values in test_params]
        if not any(ex.holds(when, values) for values in tested):
            self.error(
                path,
                f"the half formula's condition '{source}' holds for neither the defaults nor a"
                " test parameter set, so no generated test would check the formula",
            )
        return when

    def cpu_half_formula(
        self, data: dict, path: NodePath, declared: frozenset, helpers: frozenset, axis: str
    ) -> Formula | None:
        """The formula for float16 and bfloat16 inputs on the CPU: float32, no float64."""
        if "cpu_half" in data and (
            data.get("exact") or axis != "none" or data.get("special_cases")
        ):
            self.error(
                path + ("cpu_half",),
                "a cpu half formula is for an element-wise activation without special cases"
                " that is not exact",
                at_key=True,
            )
        return self.formula(
            data, path, "cpu_half", CPU_HALF_FORMULA, ex.IMPLEMENTATION, declared, helpers
        )

    def module_path(self, data: dict, path: NodePath) -> NodePath:
        return (
            path + ("module", "class")
            if isinstance(data.get("module"), dict)
            else path + ("module",)
        )

    def unique(
        self, name: str, path: NodePath, seen: dict, what: str, helpers: frozenset, other: dict
    ):
        if name in seen:
            first = self.document.at(seen[name])
            self.error(path, f"duplicate {what} '{name}' (first defined at line {first.line})")
        elif name in RESERVED or name.startswith("_"):
            self.error(
                path,
                f"{what} '{name}' is reserved: it would shadow a name the package or Python needs",
            )
        elif name in helpers or name in other:
            self.error(
                path, f"{what} '{name}' would shadow another export or helper of the same name"
            )
        seen.setdefault(name, path)

    def activation(
        self, data: dict, path: NodePath, families: dict, helpers: frozenset
    ) -> Activation | None:
        name = data.get("name")
        if not isinstance(name, str):
            return None
        family = data.get("family")
        if isinstance(family, str) and family not in families:
            self.error(
                path + ("family",), f"unknown family '{family}'", did_you_mean(family, families)
            )
        axis = data.get("axis", "none")
        taken = AXIS_NAMES.get(axis, frozenset())
        params = self.params(self.items(data, "params"), path + ("params",), name, taken)
        axis_param = next((p for p in params if p.name == "axis"), None)
        if axis in ("reduce", "split") and (axis_param is None or axis_param.type != "int"):
            self.error(path + ("axis",), f"axis rule '{axis}' needs an int parameter named 'axis'")
        if axis == "none" and axis_param is not None:
            self.error(
                path + ("axis",) if "axis" in data else path,
                "a parameter named 'axis' needs an axis rule ('reduce' or 'split')",
            )
        inputs = ("a", "b") if axis == "split" else ("x",)
        random = self.random(data.get("random") or {}, path + ("random",), params)
        declared = frozenset(inputs) | {p.name for p in params} | {r.name for r in random}
        errors_before_let = len(self.errors)
        let, used = self.bindings(data.get("let") or {}, path + ("let",), declared, helpers)
        let_is_valid = len(self.errors) == errors_before_let
        used |= self.expression(
            data.get("implementation"),
            path + ("implementation",),
            "implementation",
            declared | {k for k, _ in let},
            helpers,
        )
        # The split rule's axis is consumed by the generated split, and the random draws use
        # their bounds, the training flag and the key, all outside the formula.
        consumed = {"axis"} if axis == "split" else set()
        if random:
            consumed |= {"training", "key"} | {n for r in random for n in (r.low, r.high)}
        for p in params:
            if p.name not in used and p.name not in consumed:
                self.error(
                    path + ("params",),
                    f"parameter '{p.name}' is declared but never used in the implementation",
                )
        reference_names = (
            set(inputs) | {p.name for p in params} | ({"row"} if axis == "reduce" else set())
        )
        self.expression(
            data.get("reference"),
            path + ("reference",),
            "reference",
            reference_names,
            REFERENCE_HELPERS,
            ex.REFERENCE,
        )
        tolerance = self.tolerance(data.get("tolerance") or {}, path + ("tolerance",))
        test_params = self.test_params(
            self.items(data, "test_params"), path + ("test_params",), params, name
        )
        if any(p.required and not p.broken for p in params) and not test_params:
            self.error(
                path,
                f"{name} has required parameters, so it needs 'test_params' giving the tests their values",
            )
        module = self.module(data.get("module"), path + ("module",), params, name)
        props = data.get("properties") if isinstance(data.get("properties"), dict) else {}
        properties = Properties(
            str(props.get("range", "")),
            bool(props.get("monotonic")),
            bool(props.get("smooth")),
            bool(props.get("sums_to_one")),
        )
        limits = self.limits(data.get("limits") or {}, path + ("limits",), axis, params)
        references = tuple(
            Reference(r["title"], r["url"])
            for j, r in enumerate(self.items(data, "references"))
            if self.shape(r, REFERENCE, path + ("references", j)) and "title" in r and "url" in r
        )
        special_cases = self.special_cases(
            self.items(data, "special_cases"),
            path + ("special_cases",),
            params,
            inputs,
            helpers,
            "half" in data,
            special_cases_splittable(
                bool(data.get("split_on_cpu", True)), axis, params, "cpu" in data
            ),
        )
        # The main let's parameter-only values are computed once per call and passed to every
        # kernel, so the other formulas may read them too (once the let is known to parse), and
        # so may they its constants, which each formula that reads them defines for itself.
        constants = []
        if let_is_valid:
            once, _ = ex.parameter_only(let, per_call_parameters(params, axis))
            constants = ex.constant_only(let)
            declared = declared | {name for name, _ in once + constants}
        cpu = self.formula(data, path, "cpu", CPU_FORMULA, ex.CPU_IMPLEMENTATION, declared, helpers)
        if data.get("convert_half_on_cpu") and (
            "cpu" not in data or data.get("split_on_cpu", True) or data.get("exact")
        ):
            self.error(
                path + ("convert_half_on_cpu",),
                "convert_half_on_cpu needs a cpu formula and split_on_cpu: false (a split"
                " converts half inputs once already), and not exact (nothing is converted there)",
                at_key=True,
            )
        half = self.half_formula(data, path, declared, helpers, params, test_params)
        cpu_half = self.cpu_half_formula(data, path, declared, helpers, axis)
        if len(self.errors) == errors_before_let:  # every formula parses
            cpu, half, cpu_half = (
                f and replace(f, let=ex.with_constants(f.let, f.implementation, constants))
                for f in (cpu, half, cpu_half)
            )
        if self.items(data, "module_aliases") and module is None:
            self.error(path + ("module_aliases",), f"{name} has no Module to give other names")
        return Activation(
            name=name,
            module=module,
            family=str(family),
            summary=data.get("summary", ""),
            description=data.get("description", ""),
            params=params,
            axis=axis,
            formula=data.get("formula", ""),
            let=let,
            implementation=data.get("implementation", ""),
            reference=data.get("reference", ""),
            approximates=data.get("approximates"),
            limits=limits,
            tolerance=tolerance,
            test_params=test_params,
            properties=properties,
            references=references,
            special_cases=special_cases,
            random=random,
            domain=self.domain(data.get("domain"), path + ("domain",), axis),
            exact=bool(data.get("exact", False)),
            split_on_cpu=bool(data.get("split_on_cpu", True)),
            coarse_split=bool(data.get("coarse_split", False)),
            convert_half_on_cpu=bool(data.get("convert_half_on_cpu", False)),
            cpu=cpu,
            half=half,
            cpu_half=cpu_half,
            aliases=tuple(a for a in self.items(data, "aliases") if isinstance(a, str)),
            module_aliases=tuple(
                a for a in self.items(data, "module_aliases") if isinstance(a, str)
            ),
        )

    def limits(self, data: dict, path: NodePath, axis: str, params) -> tuple:
        if data and axis != "none":
            self.error(
                path,
                "limits apply to element-wise activations; the tests feed infinities to the others' references",
            )
        result = []
        names = {p.name for p in params if p.name != "axis"}
        for key, value in data.items():
            if key not in ("-inf", "inf"):
                self.error(
                    path + (key,), f"limits are given at '-inf' and 'inf', not '{key}'", at_key=True
                )
                continue
            source = (
                str(value)
                if isinstance(value, (int, float)) and not isinstance(value, bool)
                else value
            )
            self.expression(
                source, path + (key,), f"limit at {key}", names, REFERENCE_HELPERS, ex.REFERENCE
            )
            if isinstance(source, str):
                result.append((key, source))
        return tuple(result)

    def cross_references(self, activations: list[Activation], entries: list):
        names = {a.name for a in activations}
        # Where each activation's entry sits in the spec, for locating errors.
        index: dict = {}
        for j, e in enumerate(entries):
            if isinstance(e, dict) and isinstance(e.get("name"), str):  # others are reported
                index.setdefault(e["name"], j)
        for a in activations:
            path = ("activations", index.get(a.name, 0))
            if a.approximates is not None and a.approximates not in names:
                self.error(
                    path + ("approximates",),
                    f"'{a.approximates}' is not an activation of this spec",
                    did_you_mean(a.approximates, names),
                )
            if a.module and a.module.dispatch:
                for value, function in a.module.dispatch:
                    if function not in names:
                        self.error(
                            path + ("module", "dispatch"),
                            f"dispatch value '{value}' names '{function}', which is not an activation",
                            did_you_mean(function, names),
                        )

    # -- parameters -------------------------------------------------------------------------
    def params(
        self, entries: list, path: NodePath, owner: str, inputs: frozenset = frozenset()
    ) -> tuple[Param, ...]:
        parsed: list[tuple[dict, NodePath]] = []
        seen: set[str] = set()
        for j, entry in enumerate(entries):
            data = self.shape(entry, PARAM, path + (j,))
            if (
                data is None
                or not isinstance(data.get("name"), str)
                or not isinstance(data.get("type"), str)
            ):
                continue
            if data["name"] in seen:
                self.error(path + (j, "name"), f"duplicate parameter '{data['name']}' of {owner}")
                continue
            if data["name"] in (RESERVED - AXIS_INPUTS) | inputs:
                self.error(path + (j, "name"), f"parameter name '{data['name']}' is reserved")
                continue
            seen.add(data["name"])
            parsed.append((data, path + (j,)))
        names = frozenset(seen)
        result = []
        for data, ppath in parsed:
            param = self.param(data, ppath, names, owner)
            if param is not None:
                result.append(param)
        self.check_values(result, {p.name: p.default for p in result}, path, "default", owner)
        return tuple(result)

    def param(self, data: dict, path: NodePath, names: frozenset, owner: str) -> Param | None:
        kind = data["type"]
        constraint = None
        if "constraint" in data:
            try:
                constraint = ex.parse_constraint(data["constraint"], names)
            except ex.ExpressionError as error:
                self.error(path + ("constraint",), str(error), error.hint)
            else:
                if constraint.left != data["name"] and constraint.right != data["name"]:
                    self.error(
                        path + ("constraint",),
                        f"the constraint of '{data['name']}' does not mention it",
                    )
        choices = tuple(data.get("choices") or ())
        if choices and kind != "str":
            self.error(path + ("choices",), "only 'str' parameters take choices")
        finite = data.get("finite") is True
        if finite and kind != "float":
            self.error(path + ("finite",), "only 'float' parameters take 'finite'")
        if kind == "str" and not choices:
            self.error(path, f"'str' parameter '{data['name']}' needs 'choices'")
        default = data.get("default", REQUIRED) if "default" in data else REQUIRED
        if kind == "key" and default is None:
            return Param(data["name"], kind, data.get("doc", ""), None, constraint, choices)
        if default is not REQUIRED:
            default = self.coerce(
                default, kind, path + ("default",), f"default of '{data['name']}'"
            )
            if default is None:
                # Keep the parameter declared, so its uses do not cascade into more errors.
                return Param(
                    data["name"], kind, data.get("doc", ""), REQUIRED, None, choices, broken=True
                )
            if finite and math.isinf(default):
                self.error(
                    path + ("default",),
                    f"default of '{data['name']}' is {default}, but it must be finite",
                )
            if choices and default not in choices:
                self.error(
                    path + ("default",),
                    f"default '{default}' of '{data['name']}' is not one of its choices",
                    did_you_mean(str(default), choices),
                )
        return Param(
            data["name"], kind, data.get("doc", ""), default, constraint, choices, finite=finite
        )

    def coerce(self, value, kind: str, path: NodePath, what: str):
        """The value as the parameter's Python type, or None (after an error) if it is not one."""
        if kind == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
            if isinstance(value, float) and math.isnan(value):
                self.error(path, f"{what} must not be NaN")
                return None
            return float(value)
        if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            return value
        if kind == "str" and isinstance(value, str):
            return value
        if kind == "bool" and isinstance(value, bool):
            return value
        if (
            kind == "array"
            and what.startswith("test value")
            and isinstance(value, (int, float))
            and not isinstance(value, bool)
        ):
            return float(value)  # tests pass mx.array(value)
        hint = None
        if kind == "float" and isinstance(value, str):
            try:
                float(value)
                hint = "YAML reads numbers such as 1e-3 as text: write 1.0e-3"
            except ValueError:
                pass
        expected = {
            "float": "a number",
            "int": "an integer",
            "str": "a string",
            "array": "absent (arrays have no default)",
            "bool": "true or false",
            "key": "null (no key: MLX's global generator)",
        }[kind]
        self.error(path, f"{what} must be {expected}, got {_type_name(value)} {value!r}", hint)
        return None

    def check_values(
        self,
        params: list[Param],
        values: dict,
        path: NodePath,
        what: str,
        owner: str,
        entry_path=None,
    ):
        """Every constraint holds for these values (defaults or a test parameter set)."""
        for j, p in enumerate(params):
            c = p.constraint
            if c is None or values.get(c.left, REQUIRED) is REQUIRED:
                continue
            right = values.get(c.right, REQUIRED) if isinstance(c.right, str) else c.right
            if right is REQUIRED:
                continue
            if not ex.COMPARE[c.op](values[c.left], right):
                where = entry_path if entry_path is not None else path + (j, "default")
                right_text = f"{c.right} ({right!r})" if isinstance(c.right, str) else repr(right)
                self.error(
                    where,
                    f"{what} of {owner}: {c.left} ({values[c.left]!r}) must be {c.op} {right_text}",
                )

    def test_params(
        self, entries: list, path: NodePath, params: tuple[Param, ...], owner: str
    ) -> tuple:
        result = []
        by_name = {p.name: p for p in params}
        for j, entry in enumerate(entries):
            if not isinstance(entry, dict):
                self.error(
                    path + (j,), f"a test parameter set must be a mapping, got {_type_name(entry)}"
                )
                continue
            values = {}
            for key, value in entry.items():
                p = by_name.get(key)
                if p is None:
                    self.error(
                        path + (j, key),
                        f"'{key}' is not a parameter of {owner}",
                        did_you_mean(key, by_name),
                        at_key=True,
                    )
                    continue
                coerced = self.coerce(value, p.type, path + (j, key), f"test value of '{key}'")
                if coerced is not None:
                    values[key] = coerced
            merged = {p.name: p.default for p in params} | values
            self.check_values(
                list(params), merged, path, "a test parameter set", owner, entry_path=path + (j,)
            )
            result.append(tuple(values.items()))
        return tuple(result)

    # -- modules ----------------------------------------------------------------------------
    def module(self, data, path: NodePath, params: tuple[Param, ...], owner: str) -> Module | None:
        if data is None:
            return None
        plain = constructor_params(params)
        if isinstance(data, str):
            if not ex.is_identifier(data):
                self.error(path, f"Module class name '{data}' is not a Python identifier")
                return None
            if any(p.type == "array" for p in params):
                self.error(
                    path,
                    f"{owner} takes an array parameter: its module needs 'params', 'weights' and 'call'",
                )
            return Module(data, plain)
        data = self.shape(data, MODULE, path)
        if data is None or not isinstance(data.get("class"), str):
            return None
        ctor = (
            self.params(self.items(data, "params"), path + ("params",), data["class"])
            if "params" in data
            else plain
        )
        ctor_names = frozenset(p.name for p in ctor)
        weights = []
        for key, source in (data.get("weights") or {}).items():
            if not ex.is_identifier(key) or key in ctor_names:
                self.error(
                    path + ("weights", key),
                    f"weight name '{key}' must be a new identifier",
                    at_key=True,
                )
                continue
            self.expression(
                source, path + ("weights", key), f"weight '{key}'", ctor_names, frozenset()
            )
            weights.append((key, source))
        attributes = ctor_names | {k for k, _ in weights}
        call = []
        function_params = {p.name for p in params}
        for key, attribute in (data.get("call") or {}).items():
            if key not in function_params:
                self.error(
                    path + ("call", key),
                    f"'{key}' is not a parameter of {owner}",
                    did_you_mean(key, function_params),
                    at_key=True,
                )
            elif attribute not in attributes:
                self.error(
                    path + ("call", key),
                    f"'{attribute}' is not a constructor parameter or weight",
                    did_you_mean(str(attribute), attributes),
                )
            else:
                call.append((key, attribute))
        dispatch_param, dispatch = None, ()
        if data.get("dispatch"):
            dispatch_param, dispatch = self.dispatch(data["dispatch"], path + ("dispatch",), ctor)
        passed = {k for k, _ in call} | ctor_names
        for p in params:
            if p.required and p.name not in passed and not dispatch:
                self.error(
                    path,
                    f"the module never passes required parameter '{p.name}' of {owner}: add it to 'call'",
                )
        return Module(data["class"], ctor, tuple(weights), tuple(call), dispatch_param, dispatch)

    def dispatch(self, data: dict, path: NodePath, ctor: tuple[Param, ...]):
        if len(data) != 1:
            self.error(path, "dispatch must name exactly one 'str' constructor parameter")
            return None, ()
        ((param_name, table),) = data.items()
        param = next((p for p in ctor if p.name == param_name), None)
        if param is None or param.type != "str":
            self.error(
                path + (param_name,),
                f"dispatch parameter '{param_name}' must be a 'str' constructor parameter",
                at_key=True,
            )
            return None, ()
        if not isinstance(table, dict) or set(table) != set(param.choices):
            self.error(
                path + (param_name,),
                f"dispatch on '{param_name}' must map each of its choices ({', '.join(param.choices)}) to a function",
            )
            return None, ()
        return param_name, tuple((value, str(table[value])) for value in param.choices)
