"""The shape of the spec, declared once.

The validator checks documents against these tables (unknown keys, missing keys, value kinds),
and ``json_schema()`` turns the same tables into the JSON Schema that editors use.
"""

from __future__ import annotations

from dataclasses import dataclass

DTYPES = ("float32", "float16", "bfloat16")
AXIS_RULES = ("none", "reduce", "split")
PARAM_TYPES = ("float", "int", "str", "array", "bool", "key")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # identifier | text | expression | bool | int | number | scalar | list | map | object | module
    doc: str
    required: bool = False
    item: "Shape | str | None" = None  # element of a list, value of a map, or the object's shape
    choices: tuple = ()


@dataclass(frozen=True)
class Shape:
    name: str
    doc: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


PARAM = Shape(
    "parameter",
    "A keyword parameter of a function or Module constructor.",
    (
        Field("name", "identifier", "Parameter name, as mlx.nn spells it.", required=True),
        Field(
            "type", "identifier", "Python type of the value.", required=True, choices=PARAM_TYPES
        ),
        Field("default", "scalar", "Default value; omit for a required parameter."),
        Field(
            "constraint",
            "expression",
            "A comparison the value must satisfy, checked before the compute: 'lambd >= 0', 'min_val <= max_val'.",
        ),
        Field("choices", "list", "Allowed values of a 'str' parameter.", item="scalar"),
        Field(
            "finite",
            "bool",
            "true: a 'float' parameter must be finite (an infinite value would give NaN for some inputs).",
        ),
        Field(
            "doc",
            "text",
            "One sentence for the Args section and the parameter table.",
            required=True,
        ),
    ),
)

MODULE = Shape(
    "module",
    "The nn.Module wrapper, when it differs from 'the function's parameters become constructor arguments'.",
    (
        Field("class", "identifier", "Module class name, as mlx.nn spells it.", required=True),
        Field("params", "list", "Constructor parameters, replacing the function's.", item=PARAM),
        Field(
            "weights",
            "map",
            "Learnable arrays: attribute name -> expression of constructor parameters.",
            item="expression",
        ),
        Field(
            "call",
            "map",
            "Function parameter -> attribute passed for it at call time.",
            item="identifier",
        ),
        Field(
            "dispatch",
            "map",
            "Choose the function by a 'str' constructor parameter: {param: {value: function}}.",
            item="map",
        ),
    ),
)

PROPERTIES = Shape(
    "properties",
    "Facts shown in the docs.",
    (
        Field("range", "text", "Output range, in LaTeX.", required=True),
        Field("monotonic", "bool", "Non-decreasing in x.", required=True),
        Field("smooth", "bool", "Infinitely differentiable.", required=True),
        Field("sums_to_one", "bool", "Along the axis the outputs sum to 1 (probabilities)."),
    ),
)

REFERENCE = Shape(
    "reference",
    "A paper or page that defines the function.",
    (
        Field("title", "text", "Title as cited.", required=True),
        Field("url", "text", "Link.", required=True),
    ),
)

HELPER = Shape(
    "helper",
    "A numerically careful building block that implementations call by name.",
    (
        Field("name", "identifier", "Function name.", required=True),
        Field("args", "list", "Argument names.", required=True, item="identifier"),
        Field("doc", "text", "What it computes and why it is accurate.", required=True),
        Field("let", "map", "Named intermediate values, in order.", item="expression"),
        Field("returns", "expression", "The result.", required=True),
    ),
)

SPECIAL_CASE = Shape(
    "special case",
    "Parameter values for which a cheaper implementation gives the same results as the general one.",
    (
        Field(
            "when",
            "expression",
            "One comparison of a parameter with a number, tested once per call: 'beta == 1'.",
            required=True,
        ),
        Field(
            "implementation",
            "expression",
            "The MLX expression computed instead; the generated tests check it against the general one.",
            required=True,
        ),
        Field(
            "half",
            "expression",
            "The expression a GPU computes instead for float16 and bfloat16 inputs, where the activation has a half formula; checked against that formula.",
        ),
        Field(
            "cpu",
            "expression",
            "The expression MLX's CPU computes instead of implementation (split as one is), where the GPU's form would cost the CPU more; the same results. Not beside the activation's own cpu formula.",
        ),
    ),
)


def _formula(name: str, doc: str, implementation: str, *extra: Field) -> Shape:
    """Another formula of an activation (the CPU's, or the one for half inputs on a GPU)."""
    return Shape(
        name,
        doc,
        (
            Field(
                "let",
                "map",
                "Named intermediate values, in order; they see the input and the parameters.",
                item="expression",
            ),
            Field("implementation", "expression", implementation, required=True),
            *extra,
        ),
    )


CPU_FORMULA = _formula(
    "cpu formula",
    "The formula MLX's CPU computes instead of the implementation, with the same accuracy targets."
    " It may work in float64: MLX's CPU float64 expm1 is accurate to 1 ULP of float64 and takes"
    " 26 ms per 2^22 elements, its float32 expm1 45 ms, so no error terms need carrying.",
    "The MLX expression computed on the CPU; mx.astype(v, mx.float64) widens a value.",
)

HALF_FORMULA = _formula(
    "half formula",
    "The formula a GPU computes for float16 and bfloat16 inputs, with their accuracy targets.",
    "The MLX expression computed, in float32; the result is rounded once to the input dtype.",
    Field(
        "own_dtype",
        "bool",
        "true: the formula gets half inputs as they are, for an MLX operation that computes in"
        " float32 inside and rounds once (mx.softmax(precise=True)), which saves the float32"
        " round trip's passes over memory.",
    ),
    Field(
        "when",
        "expression",
        "Comparisons of parameters with numbers, joined by 'and', tested once per call: the half"
        " formula serves only the parameter values that meet them ('alpha > 0'), the others get"
        " the main formula, rounded once. The defaults or a test parameter set must meet them.",
    ),
)

CPU_HALF_FORMULA = _formula(
    "cpu half formula",
    "The formula MLX's CPU computes for float16 and bfloat16 inputs, with their accuracy targets,"
    " where the half formula a GPU computes is shaped for its fuser rather than for the CPU.",
    "The MLX expression computed, in float32; the result is rounded once to the input dtype.",
)

RANDOM_DRAW = Shape(
    "random draw",
    "A name bound per call: drawn per element from an mx.random key when training, else a value.",
    (
        Field(
            "uniform",
            "list",
            "The two float parameters bounding the uniform draw: [lower, upper].",
            required=True,
            item="identifier",
        ),
        Field(
            "otherwise",
            "expression",
            "Its value when not training, from the parameters: '(lower + upper) / 2'.",
            required=True,
        ),
    ),
)

ACTIVATION = Shape(
    "activation",
    "One activation: its function, Module, docs and tests.",
    (
        Field("name", "identifier", "Function name, as mlx.nn spells it.", required=True),
        Field(
            "module",
            "module",
            "Module class name, or a mapping for special Modules; null for none.",
            required=True,
        ),
        Field(
            "family",
            "identifier",
            "Key of 'families' this activation is listed under.",
            required=True,
        ),
        Field("summary", "text", "One line: what it applies.", required=True),
        Field("description", "text", "Paragraphs for the docstring and docs page."),
        Field("params", "list", "Keyword parameters after x.", item=PARAM),
        Field(
            "axis",
            "identifier",
            "Axis rule: none, reduce (along axis) or split (axis into two halves).",
            choices=AXIS_RULES,
        ),
        Field("formula", "text", "The definition in LaTeX.", required=True),
        Field(
            "let",
            "map",
            "Named intermediate values of the implementation, in order.",
            item="expression",
        ),
        Field(
            "implementation",
            "expression",
            "The MLX expression computed (in float32 for half inputs).",
            required=True,
        ),
        Field(
            "reference",
            "expression",
            "The exact value in mpmath, used by the tests.",
            required=True,
        ),
        Field("approximates", "identifier", "The exact activation this one approximates."),
        Field(
            "limits",
            "map",
            "Exact values at -inf and inf (mpmath expressions of the parameters), where the"
            " reference cannot be evaluated there, such as x / (1 + |x|).",
            item="scalar",
        ),
        Field(
            "tolerance",
            "map",
            "Max error in ULP per dtype, overriding the defaults.",
            item="number",
        ),
        Field(
            "test_params", "list", "Non-default parameter sets the tests also cover.", item="map"
        ),
        Field(
            "properties",
            "object",
            "Range, monotonicity, smoothness.",
            required=True,
            item=PROPERTIES,
        ),
        Field("references", "list", "Papers.", item=REFERENCE),
        Field(
            "aliases",
            "list",
            "Other names of the function, as PyTorch, JAX or Keras spell it: the same object.",
            item="identifier",
        ),
        Field(
            "exact",
            "bool",
            "The result is always x itself or a parameter's value (selects, min and max), so"
            " half-precision inputs are computed in their own dtype, without the float32 round trip.",
        ),
        Field(
            "split_on_cpu",
            "bool",
            "false keeps the kernel whole on the CPU, where the split that codegen computes (it"
            " ends a kernel at each select that branches) measured slower. Default true.",
        ),
        Field(
            "convert_half_on_cpu",
            "bool",
            "true: on the CPU, half inputs are converted to float32 by a pass of their own and the"
            " result rounded back by another, around the cpu formula's float32 loop (MLX's CPU"
            " loops that convert half values are not vectorized, so their selects branch). Needs a"
            " cpu formula and split_on_cpu: false. Default false.",
        ),
        Field(
            "coarse_split",
            "bool",
            "true: where the CPU split meets an operation deeper than MLX's fuser looks, it stores"
            " the largest subexpression around it that fits in one loop rather than the operation"
            " itself: fewer, larger stages. For entries where that measured faster. Default false.",
        ),
        Field(
            "cpu",
            "object",
            "A formula for MLX's CPU, where float64 is cheap: it replaces the implementation there"
            " (split as one is). The generated tests check both formulas.",
            item=CPU_FORMULA,
        ),
        Field(
            "half",
            "object",
            "A formula for float16 and bfloat16 inputs on a GPU: they need about 12 correct bits,"
            " not float32's 24, so it carries no rounding error. The generated tests check it.",
            item=HALF_FORMULA,
        ),
        Field(
            "cpu_half",
            "object",
            "A formula for float16 and bfloat16 inputs on MLX's CPU (element-wise activations"
            " without special cases): it replaces the cpu formula there for half inputs, as the"
            " half formula replaces the implementation on a GPU. The generated tests check it.",
            item=CPU_HALF_FORMULA,
        ),
        Field(
            "domain",
            "expression",
            "Where the function is finite and smooth, as one comparison of x with a number"
            " ('x > 0'); gradients are tested inside it, and the reference decides outside.",
        ),
        Field(
            "random",
            "map",
            "Names drawn per element in training (needs the parameters 'training: bool' and 'key: key').",
            item=RANDOM_DRAW,
        ),
        Field(
            "special_cases",
            "list",
            "Cheaper implementations for particular parameter values, with the same results.",
            item=SPECIAL_CASE,
        ),
        Field(
            "module_aliases",
            "list",
            "Other names of the Module class, as PyTorch spells it: the same class.",
            item="identifier",
        ),
    ),
)

DEFAULTS = Shape(
    "defaults",
    "Values every activation gets unless it says otherwise.",
    (Field("tolerance", "map", "Max error in ULP per dtype.", required=True, item="number"),),
)

SPEC = Shape(
    "spec",
    "spec/activations.yaml",
    (
        Field("version", "int", "Schema version; 1.", required=True),
        Field("defaults", "object", "Defaults for every activation.", required=True, item=DEFAULTS),
        Field("families", "map", "Family key -> title, in docs order.", required=True, item="text"),
        Field("helpers", "list", "Shared numerically careful building blocks.", item=HELPER),
        Field(
            "activations", "list", "The activations, in docs order.", required=True, item=ACTIVATION
        ),
    ),
)


def json_schema() -> dict:
    """The tables above as a JSON Schema (draft 2020-12) for editor completion and checking."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mlx_activations spec",
        **_object_schema(SPEC),
    }


_KIND_SCHEMA = {
    "identifier": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"},
    "text": {"type": "string"},
    "expression": {"type": "string"},
    "bool": {"type": "boolean"},
    "int": {"type": "integer"},
    "number": {"type": "number"},
    "scalar": {"type": ["string", "number", "boolean", "null"]},
}


def _object_schema(shape: Shape) -> dict:
    return {
        "type": "object",
        "description": shape.doc,
        "properties": {f.name: _field_schema(f) for f in shape.fields},
        "required": [f.name for f in shape.fields if f.required],
        "additionalProperties": False,
    }


def _item_schema(item) -> dict:
    if isinstance(item, Shape):
        return _object_schema(item)
    if item in ("map",):
        return {"type": "object"}
    return dict(_KIND_SCHEMA.get(item, {}))


def _field_schema(f: Field) -> dict:
    if f.kind == "list":
        schema = {"type": "array", "items": _item_schema(f.item)}
    elif f.kind == "map":
        schema = {"type": "object", "additionalProperties": _item_schema(f.item)}
    elif f.kind == "object":
        schema = _object_schema(f.item)
    elif f.kind == "module":
        schema = {"oneOf": [_KIND_SCHEMA["identifier"], {"type": "null"}, _object_schema(MODULE)]}
    else:
        schema = dict(_KIND_SCHEMA[f.kind])
    if f.choices:
        schema["enum"] = list(f.choices)
    schema["description"] = f.doc
    return schema
