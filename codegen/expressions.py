"""Check the spec's expressions as syntax trees against a whitelist, before any template sees them.

Three grammars share one checker:
- implementation (and helper) expressions: arithmetic, comparisons, conditional expressions,
  declared names, numeric constants, calls of allow-listed ``mx.`` functions and spec helpers;
- references: the same shape over ``mp.`` (mpmath) functions and the test harness's helpers;
- constraints: one comparison between parameter names and numeric constants.
Anything else (attribute access outside the namespace, dunders, imports, lambdas, comprehensions,
strings, subscripts, calls of other things) is rejected with a message naming the offending piece.
"""

from __future__ import annotations

import ast
import keyword
import operator
from dataclasses import dataclass

from .diagnostics import did_you_mean

# MLX functions an implementation may call. Each is pure and element-wise or a reduction
# (contiguous is where MLX's fuser stops: it shares the buffer of a contiguous argument, such
# as a fused kernel's output, so a formula can end a kernel there at no cost).
MX_FUNCTIONS = frozenset(
    """abs maximum minimum clip where exp expm1 log log1p log2 tanh sigmoid erf erfinv sqrt rsqrt
    square sign max min sum logsumexp softmax stop_gradient isnan isinf isfinite full ones_like
    zeros_like reciprocal negative floor ceil round cosh sinh cos sin arctan logaddexp power
    contiguous""".split()
)
# mpmath functions and constants a reference may use.
MP_FUNCTIONS = frozenset(
    "mpf exp expm1 log log1p tanh erf erfc sqrt fsum cosh sinh atan sign fabs".split()
)
MP_CONSTANTS = frozenset("pi e inf ln2 nan".split())  # nan: outside a domain
# Plain Python built-ins allowed in references (they compare and pick mpf values).
REFERENCE_BUILTINS = frozenset("min max abs".split())

_ARITHMETIC = (
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.Pow,
    ast.USub,
    ast.UAdd,
    ast.Mod,
    ast.FloorDiv,
)
_COMPARISONS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)


class ExpressionError(Exception):
    """An expression the whitelist rejects; ``str()`` is the message."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Grammar:
    namespace: str  # "mx" or "mp": the one module whose attributes may be used
    functions: frozenset  # attributes of the namespace that may be called
    constants: frozenset = frozenset()  # attributes of the namespace that may be read
    bare_calls: frozenset = frozenset()  # plain names that may be called (helpers, built-ins)
    attributes: frozenset = frozenset()  # attributes of a declared name that may be read


IMPLEMENTATION = Grammar("mx", MX_FUNCTIONS)
# CPU formulas may also widen values to float64 (MLX's GPUs have no float64).
CPU_IMPLEMENTATION = Grammar("mx", MX_FUNCTIONS | {"astype"}, frozenset({"float64", "float32"}))
# Half formulas may convert to float32: one whose input reaches it in its own dtype (own_dtype)
# converts it in each of its stages, so that no conversion is shared between two kernels; and
# to the input's dtype (x.dtype), so that a stage ends in an array half the size of float32's.
HALF_IMPLEMENTATION = Grammar(
    "mx", MX_FUNCTIONS | {"astype"}, frozenset({"float32"}), attributes=frozenset({"dtype"})
)
REFERENCE = Grammar("mp", MP_FUNCTIONS, MP_CONSTANTS, REFERENCE_BUILTINS)


def parse(source: str, what: str) -> ast.expr:
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError(f"{what} must be a non-empty expression")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as error:
        raise ExpressionError(
            f"{what} is not a valid expression: {error.msg} (column {error.offset})"
        )
    return tree.body


def check(
    source: str, what: str, grammar: Grammar, names: frozenset, helpers: frozenset = frozenset()
) -> set[str]:
    """Check ``source`` and return the plain names it reads (for 'declared but unused' checks)."""
    tree = parse(source, what)
    used: set[str] = set()
    _Checker(source.strip(), what, grammar, names, helpers | grammar.bare_calls, used).visit(tree)
    return used


@dataclass(frozen=True)
class Comparison:
    """A constraint such as ``lambd >= 0`` or ``min_val <= max_val``."""

    left: str | float
    op: str
    right: str | float


_OP_TEXT = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
# What each comparison computes: whether values meet a constraint or a special case's condition.
COMPARE = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def holds(when: tuple[Comparison, ...], values: dict) -> bool:
    """Every comparison of a parameter with a number holds for these values (False where the
    parameter has none)."""
    return all(c.left in values and COMPARE[c.op](values[c.left], c.right) for c in when)


def conjuncts(source: str) -> list[str]:
    """The comparisons of 'a == 1 and b == 2' (or the one comparison given), as sources."""
    tree = parse(source, "condition")
    if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And):
        return [ast.unparse(value) for value in tree.values]
    return [source]


def parse_constraint(source: str, names: frozenset, what: str = "constraint") -> Comparison:
    tree = parse(source, what)
    if not (isinstance(tree, ast.Compare) and len(tree.ops) == 1):
        raise ExpressionError(f"{what} '{source}' must be one comparison, such as 'alpha > 0'")

    def operand(node):
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise ExpressionError(
                    f"{what} '{source}' uses '{node.id}', which is not a parameter"
                )
            return node.id
        value = _number(node)
        if value is None:
            raise ExpressionError(f"{what} '{source}' may compare only parameter names and numbers")
        return value

    left, right = operand(tree.left), operand(tree.comparators[0])
    if not isinstance(left, str):
        raise ExpressionError(f"{what} '{source}' must start with a parameter name")
    return Comparison(left, _OP_TEXT[type(tree.ops[0])], right)


def _number(node) -> float | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _number(node.operand)
        if inner is not None:
            return -inner if isinstance(node.op, ast.USub) else inner
    return None


class _Checker(ast.NodeVisitor):
    def __init__(self, source, what, grammar, names, callables, used):
        self.source, self.what, self.grammar = source, what, grammar
        self.names, self.callables, self.used = names, callables, used

    def reject(self, node, reason: str, hint: str | None = None):
        piece = ast.get_source_segment(self.source, node) or type(node).__name__
        raise ExpressionError(f"{self.what}: '{piece}' is not allowed: {reason}", hint)

    def generic_visit(self, node):
        self.reject(node, f"{type(node).__name__} is not part of the expression language")

    def visit_Constant(self, node):
        if type(node.value) not in (int, float, bool) and node.value is not None:
            self.reject(node, "only numeric constants, True, False and None may appear")

    def visit_Name(self, node):
        if node.id.startswith("__"):
            self.reject(node, "dunder names are never allowed")
        if node.id not in self.names:
            self.reject(node, f"'{node.id}' is not declared", did_you_mean(node.id, self.names))
        self.used.add(node.id)

    def visit_BinOp(self, node):
        if not isinstance(node.op, _ARITHMETIC):
            self.reject(node, "only + - * / ** % // are allowed")
        self.visit(node.left)
        self.visit(node.right)

    def visit_UnaryOp(self, node):
        if not isinstance(node.op, (ast.USub, ast.UAdd, ast.Not)):
            self.reject(node, "only unary - + and 'not' are allowed")
        self.visit(node.operand)

    def visit_BoolOp(self, node):
        for value in node.values:
            self.visit(value)

    def visit_Compare(self, node):
        if not all(isinstance(op, _COMPARISONS) for op in node.ops):
            self.reject(node, "only < <= > >= == != comparisons are allowed")
        self.visit(node.left)
        for item in node.comparators:
            self.visit(item)

    def visit_IfExp(self, node):
        self.visit(node.test)
        self.visit(node.body)
        self.visit(node.orelse)

    def visit_List(self, node):
        for item in node.elts:
            self.visit(item)

    visit_Tuple = visit_List

    def visit_Attribute(self, node):
        # Only a read of an allowed constant of the namespace: mp.pi. Calls go through visit_Call.
        if node.attr.startswith("__"):
            self.reject(node, "dunder names are never allowed")
        if self._namespace_attribute(node) in self.grammar.constants:
            return
        if isinstance(node.value, ast.Name) and node.attr in self.grammar.attributes:
            self.visit(node.value)  # x.dtype: the name must be declared
            return
        namespace = self.grammar.namespace
        if isinstance(node.value, ast.Name) and node.value.id == namespace:
            constants = self._listing(self.grammar.constants)
            self.reject(
                node,
                f"{namespace} functions must be called; the only readable ones are {constants}",
            )
        self.reject(node, f"attribute access is not allowed; call {namespace}.<function> instead")

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute):
            namespace = self.grammar.namespace
            if not (isinstance(func.value, ast.Name) and func.value.id == namespace):
                self.reject(func, f"only {namespace}.<function> and declared helpers may be called")
            if self._namespace_attribute(func) not in self.grammar.functions:
                hint = did_you_mean(func.attr, self.grammar.functions)
                self.reject(
                    func, f"it is not an allow-listed {self.grammar.namespace} function", hint
                )
        elif isinstance(func, ast.Name):
            if func.id.startswith("__") or func.id not in self.callables:
                hint = did_you_mean(func.id, self.callables)
                self.reject(func, "it is neither a declared helper nor an allowed built-in", hint)
            self.used.add(func.id)
        else:
            self.reject(func, "only named functions may be called")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                self.reject(arg, "star arguments are not allowed")
            self.visit(arg)
        for kw in node.keywords:
            if kw.arg is None:
                self.reject(node, "** arguments are not allowed")
            self.visit(kw.value)

    def _namespace_attribute(self, node: ast.Attribute) -> str | None:
        if isinstance(node.value, ast.Name) and node.value.id == self.grammar.namespace:
            if not node.attr.startswith("_"):
                return node.attr
        return None

    def _listing(self, names) -> str:
        return ", ".join(f"{self.grammar.namespace}.{name}" for name in sorted(names)) or "(none)"


def is_identifier(name) -> bool:
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)


def reads(source: str) -> set[str]:
    """The plain names an expression reads: not the functions it calls, not the ``mx`` in mx.f."""
    tree = ast.parse(source.strip(), mode="eval")
    skipped = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    skipped |= {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in skipped}


def parameter_only(
    let: tuple[tuple[str, str], ...], params: set[str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The `let` values that read parameters and nothing per element, and the rest.

    The first kind is computed once per call, outside the compiled kernel, and passed to every
    kernel (so an activation's cpu and half formulas may read them too): inside a kernel, MLX
    would recompute it for every element, and the extra operations on broadcast scalars can cost
    more than the activation itself.
    """
    once, per_element, known = [], [], set(params)
    for name, source in let:
        names = reads(source)
        if names and names <= known:
            once.append((name, source))
            known.add(name)
        else:
            per_element.append((name, source))
    return once, per_element


def constant_only(let: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The `let` values that read no name but earlier such values: constants (selu's scale).
    The activation's other formulas may read them as well (each formula defines those it reads)."""
    constants, known = [], set()
    for name, source in let:
        if reads(source) <= known:
            constants.append((name, source))
            known.add(name)
    return constants


def with_constants(
    let: tuple[tuple[str, str], ...], implementation: str, constants: list[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    """let with the constants that it or the implementation reads (and those they read) put
    before it, in their order."""
    wanted = reads(implementation).union(*(reads(source) for _, source in let))
    chosen = []
    for name, source in reversed(constants):
        if name in wanted:
            chosen.append((name, source))
            wanted |= reads(source)
    return tuple(reversed(chosen)) + tuple(let)
