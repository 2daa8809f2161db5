"""Split an element-wise kernel into the CPU kernels that MLX compiles into fast loops.

On the CPU, MLX fuses a compiled function into C++ loops that g++ builds (-O3, baseline x86-64).
Measured on MLX 0.32.4 with 2^22 float32 elements (spec/README.md, "Writing fast formulas"):
- a select (where, minimum, maximum, clip) whose outcome varies from element to element becomes a
  branch when the same loop goes on to use its result, or computes the values it picks: about
  20 ms, against 1 ms when the select is the last operation of its loop and reads stored values;
- the fuser looks at most 11 levels deep, and a binary operation takes two (itself and the
  broadcast of its operands); where it stops on the broadcast of a constant, the next loop runs
  element by element through strides.
So the spec's implementation is traced here as a graph (its expressions are checked Python, run
on symbols instead of arrays) and cut into stages, each one compiled function with one result:
an unpredictable select ends its stage and reads its values from earlier ones, any operation
that would lie deeper than the fuser looks ends one too, and a transcendental that two stages
need is computed once. Each stored value costs a pass over memory (and, beyond MLX's 32 MiB
buffer cache, page faults), so nothing else is cut. The stages compute the same operations in the
same order, so the results are the same bit for bit. On a GPU the single fused kernel stays best:
the split is for the CPU only.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from . import pylit
from .model import Helper

FUSION_DEPTH = 11  # MLX's max_compile_depth: deeper operations start a new loop
# Activations see inputs of order 1: a select on a threshold within this distance of 0 goes
# either way from element to element, while one on a far threshold (-88, 1e39) rarely changes.
NEAR_ZERO = 2.0
SELECTS = frozenset({"where", "minimum", "maximum", "clip"})
# Library calls per element: their loops cannot be vectorized, so a stage shared by two later
# stages is computed once, never repeated in each.
TRANSCENDENTALS = frozenset(
    "exp expm1 log log1p log2 tanh sigmoid erf erfinv sqrt rsqrt cosh sinh cos sin arctan "
    "logaddexp power".split()
)
COMPARISONS = frozenset({"<", "<=", ">", ">=", "==", "!="})
BOOLEAN_CALLS = frozenset({"isnan", "isinf", "isfinite"})


class NotElementwise(Exception):
    """The kernel uses something the split does not model (a reduction, a branch in Python)."""


@dataclass(eq=False)
class Node:
    op: str  # "input", an operator ("+", "<", "neg"), or an mx function name
    args: tuple  # Nodes and Python numbers
    name: str = ""  # inputs only
    data: bool = False  # depends on the activation's input, not on parameters alone

    @property
    def boolean(self) -> bool:
        return self.op in COMPARISONS or self.op in BOOLEAN_CALLS

    @property
    def nodes(self) -> list[Node]:
        return [a for a in self.args if isinstance(a, Node)]

    @property
    def broadcasts(self) -> bool:
        """Shapeless compile broadcasts the operands of every operation with several."""
        return len([a for a in self.args if not isinstance(a, Dtype)]) > 1


@dataclass(frozen=True)
class Dtype:
    """mx.float64 or mx.float32, the second argument of mx.astype in a CPU formula."""

    name: str


class _Symbol:
    """Stands for an array while an expression runs: every operation records a Node."""

    __hash__ = object.__hash__

    def __init__(self, node: Node):
        self.node = node

    def __bool__(self):
        raise NotElementwise("a Python condition on an array")

    def _op(self, op, *others, reverse=False):
        args = (*others, self) if reverse else (self, *others)
        return _record(op, args)

    __add__ = lambda s, o: s._op("+", o)
    __radd__ = lambda s, o: s._op("+", o, reverse=True)
    __sub__ = lambda s, o: s._op("-", o)
    __rsub__ = lambda s, o: s._op("-", o, reverse=True)
    __mul__ = lambda s, o: s._op("*", o)
    __rmul__ = lambda s, o: s._op("*", o, reverse=True)
    __truediv__ = lambda s, o: s._op("/", o)
    __rtruediv__ = lambda s, o: s._op("/", o, reverse=True)
    __pow__ = lambda s, o: s._op("**", o)
    __rpow__ = lambda s, o: s._op("**", o, reverse=True)
    __mod__ = lambda s, o: s._op("%", o)
    __rmod__ = lambda s, o: s._op("%", o, reverse=True)
    __floordiv__ = lambda s, o: s._op("//", o)
    __rfloordiv__ = lambda s, o: s._op("//", o, reverse=True)
    __lt__ = lambda s, o: s._op("<", o)
    __le__ = lambda s, o: s._op("<=", o)
    __gt__ = lambda s, o: s._op(">", o)
    __ge__ = lambda s, o: s._op(">=", o)
    __eq__ = lambda s, o: s._op("==", o)
    __ne__ = lambda s, o: s._op("!=", o)
    __neg__ = lambda s: s._op("neg")
    __pos__ = lambda s: s


def _record(op: str, args: tuple) -> _Symbol:
    plain = tuple(a.node if isinstance(a, _Symbol) else a for a in args)
    if any(isinstance(a, (list, dict, str)) or a is None for a in plain):
        raise NotElementwise(f"{op} with a non-numeric argument")
    data = any(isinstance(a, Node) and a.data for a in plain)
    return _Symbol(Node(op, plain, data=data))


class _Mx:
    """The ``mx`` namespace while tracing: calls record Nodes; keywords (axis=...) are refused."""

    float64, float32 = Dtype("float64"), Dtype("float32")

    def __getattr__(self, name):
        def call(*args, **keywords):
            if keywords:
                raise NotElementwise(f"mx.{name} with keywords")
            return _record(name, args)

        return call


def trace(helpers: tuple[Helper, ...], inputs, implementation: str, let) -> Node:
    """The implementation's graph over the named inputs (the first is the data input)."""
    namespace = {"__builtins__": {}, "mx": _Mx()}
    for h in helpers:
        namespace[h.name] = _helper_function(h, namespace)
    values = {}
    for i, name in enumerate(inputs):
        values[name] = _Symbol(Node("input", (), name=name, data=i == 0))
    for name, source in let:
        values[name] = eval(source, namespace, dict(values))  # checked by codegen.expressions
    result = eval(implementation, namespace, values)
    if not isinstance(result, _Symbol):
        raise NotElementwise("a constant result")
    return result.node


def _helper_function(h: Helper, namespace: dict):
    def run(*args):
        values = dict(zip(h.args, args))
        for name, source in h.let:
            values[name] = eval(source, namespace, dict(values))
        return eval(h.returns, namespace, values)

    return run


def _topological(output: Node) -> list[Node]:
    order, seen = [], set()
    stack = [(output, False)]
    while stack:
        node, ready = stack.pop()
        if ready:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        stack.extend((n, False) for n in reversed(node.nodes) if id(n) not in seen)
    return order


def _step(consumer: Node, operand: Node) -> int:
    """Fusion levels from an operation to one of its operands."""
    if consumer.op == "stop_gradient":
        return 0  # compile removes it as a no-op
    if not consumer.broadcasts:
        return 1
    # A boolean operand of arithmetic is cast first: one more level.
    cast = operand.boolean and consumer.op not in ("where", "logical_and", "logical_or")
    return 2 + cast


def _near_zero(value) -> bool:
    return isinstance(value, (int, float)) and abs(value) <= NEAR_ZERO


def unpredictable(node: Node) -> bool:
    """A select whose outcome changes from element to element for inputs of order 1."""
    if node.op == "sign":  # picks -1, 0 or 1 by comparing with 0
        return node.args[0].data
    if node.op not in SELECTS or node.boolean:
        return False
    if node.op == "where":
        condition, *values = node.args
        if not any(isinstance(v, Node) and v.data for v in values):
            return False  # picks between constants: a vectorized blend
        return (
            isinstance(condition, Node)
            and condition.op in COMPARISONS
            and condition.args[0] is not condition.args[1]  # x == x, x != x: a NaN test
            # A parameter's value is unknown here: as likely near 0 as not.
            and all(_near_zero(a) or isinstance(a, Node) for a in condition.args)
        )
    # Against a constant near 0 it branches; between two computed values (maximum(-x, x)) g++
    # keeps it branch-free.
    constants = [a for a in node.args if not isinstance(a, Node)]
    return bool(constants) and all(_near_zero(a) for a in constants)


@dataclass(frozen=True)
class Stage:
    name: str
    inputs: tuple[str, ...]
    lines: tuple[tuple[str, str], ...]  # (target, expression), in order
    output: str


def split(output: Node, coarse: bool = False) -> list[tuple[Node, list[Node]]]:
    """Stage roots with the operations each computes, in the order they run."""
    order = _topological(output)
    consumers: dict[int, list[Node]] = {id(n): [] for n in order}
    for n in order:
        for operand in n.nodes:
            consumers[id(operand)].append(n)
    branching = [n for n in order if unpredictable(n)]
    # One select feeding another is a blend of blends; feeding arithmetic, it branches.
    roots = {id(output)} | {
        id(n) for n in branching if any(c.op != "where" for c in consumers[id(n)])
    }
    # g++ moves the computation of a select's values into the branches it makes: stored first,
    # they are only read.
    roots |= {
        id(v)
        for n in branching
        if n.op == "where"
        for v in n.args[1:]
        if isinstance(v, Node) and v.data and v.op not in SELECTS | {"input"} and not v.boolean
    }
    while True:
        regions = {id(r): _region(r, roots, order) for r in order if id(r) in roots}
        new = _too_deep(regions, consumers, coarse) or _shared_work(regions, order, roots)
        if not new:
            break
        roots |= new
    return [(r, regions[id(r)]) for r in order if id(r) in roots]


def _region(root: Node, roots: set, order: list[Node]) -> list[Node]:
    """The root and the operations it needs that no other stage computes, in graph order."""
    members, stack = {id(root): root}, [root]
    while stack:
        for operand in stack.pop().nodes:
            if operand.op != "input" and id(operand) not in roots and id(operand) not in members:
                members[id(operand)] = operand
                stack.append(operand)
    return [n for n in order if id(n) in members]


def _too_deep(regions: dict, consumers: dict, coarse: bool = False) -> set:
    for nodes in regions.values():
        inside = {id(n) for n in nodes}
        depth = {id(nodes[-1]): 0}
        for n in reversed(nodes[:-1]):
            depth[id(n)] = max(
                depth[id(c)] + _step(c, n) for c in consumers[id(n)] if id(c) in inside
            )
            # Its broadcasts must lie within reach too. A boolean is recomputed where needed,
            # never stored (a where() reading a stored boolean branches); stop_gradient is no
            # operation at all in a compiled forward pass.
            if (
                depth[id(n)] + n.broadcasts >= FUSION_DEPTH
                and not n.boolean
                and n.op != "stop_gradient"
            ):
                return {
                    id(_whole_subexpression(n, nodes, inside, depth, consumers) if coarse else n)
                }
    return set()


def _whole_subexpression(n: Node, nodes: list[Node], inside: set, depth: dict, consumers: dict):
    """The operation to store in place of n, which lies too deep (the coarse split): of n and the
    operations on the deepest path from it towards the stage's result, the last whose own
    operations still fit in one loop, short of a select (which ends its loop) and of the result.
    One stage holding a whole subexpression replaces several small ones, each a pass over
    memory: gelu's float64 cpu formula takes 9 stages instead of 10 (149 to 129 ms at 2^22
    elements), while mish's float32 one measured slower that way."""
    height: dict[int, int] = {}
    for m in nodes:  # operands before the operations that read them
        height[id(m)] = max(
            [m.broadcasts] + [height[id(o)] + _step(m, o) for o in m.nodes if id(o) in inside]
        )
    best = n
    while best.op not in SELECTS:
        above = [
            c
            for c in consumers[id(best)]
            if id(c) in depth and depth[id(c)] + _step(c, best) == depth[id(best)]
        ]
        if not above or above[0] is nodes[-1]:
            break
        if (
            height[id(above[0])] >= FUSION_DEPTH
            or above[0].boolean
            or above[0].op == "stop_gradient"
        ):
            break
        best = above[0]
    return best


def _shared_work(regions: dict, order: list[Node], roots: set) -> set:
    """Operations that two stages would both compute and that cost a library call: computed once.
    What a stage reads from an earlier one is stored, and costs nothing to repeat."""
    count: dict[int, int] = {}
    for nodes in regions.values():
        for n in nodes[:-1]:
            count[id(n)] = count.get(id(n), 0) + 1
    costly = set()
    for n in order:
        expensive = n.op in TRANSCENDENTALS or any(
            id(o) in costly and id(o) not in roots for o in n.nodes
        )
        if expensive and n.op != "input":
            costly.add(id(n))
    return {i for i, c in count.items() if c > 1 and i in costly}


_SYMBOLS = {"+", "-", "*", "/", "**", "%", "//", *COMPARISONS}


def stages(
    helpers, inputs, implementation: str, let, prefix: str, coarse: bool = False
) -> list[Stage]:
    """The CPU stages of an element-wise kernel over ``inputs`` (the data input first); [] where
    one fused kernel is as good, or where the graph holds something the split does not model.
    coarse: cut at whole subexpressions (the spec's coarse_split)."""
    try:
        output = trace(helpers, inputs, implementation, let)
    except NotElementwise:
        return []
    split_up = split(output, coarse)
    if len(split_up) < 2:
        return []
    names = {id(n): n.name for n in _topological(output) if n.op == "input"}
    counter = itertools.count(1)
    for root, _ in split_up:
        names[id(root)] = f"t{next(counter)}"
    result = []
    for index, (root, nodes) in enumerate(split_up):
        local = dict(names)
        lines = []
        for n in nodes:
            if n is not root:
                local[id(n)] = f"v{len(lines) + 1}"
            lines.append((local[id(n)], _source(n, local)))
        inside = {id(n) for n in nodes}
        used = [
            names[id(o)] for n in nodes for o in n.nodes if id(o) in names and id(o) not in inside
        ]
        result.append(
            Stage(
                name=f"{prefix}{index + 1}",
                inputs=tuple(dict.fromkeys([inputs[0]] + used)),
                lines=tuple(lines),
                output=local[id(root)],
            )
        )
    return result


def _source(n: Node, names: dict) -> str:
    def arg(a):
        if isinstance(a, Node):
            return names[id(a)]
        if isinstance(a, Dtype):
            return f"mx.{a.name}"
        source = pylit.literal(a)
        return f"({source})" if source.startswith("-") else source

    if n.op in _SYMBOLS:
        return f"{arg(n.args[0])} {n.op} {arg(n.args[1])}"
    if n.op == "neg":
        return f"-{arg(n.args[0])}"
    return f"mx.{n.op}({', '.join(arg(a) for a in n.args)})"
