# Generated from spec/activations.yaml by codegen; do not edit.
"""Shared machinery of the generated tests: input grids, the mpmath reference, errors in ULP."""

import doctest
import math
import random

import mlx.core as mx
from mpmath import mp

# References are exact far beyond float32, even where a definition cancels: x - logsumexp(row)
# with 3e38 and 1e-38 in one row, or 1 + tanh(u) near u = -87, need about 280 bits.
mp.prec = 320

DTYPES = {"float32": mx.float32, "float16": mx.float16, "bfloat16": mx.bfloat16}
MANTISSA_BITS = {"float32": 23, "float16": 10, "bfloat16": 7}
MIN_NORMAL = {"float32": 2.0**-126, "float16": 2.0**-14, "bfloat16": 2.0**-126}
SEED = 20261125


def _raw_grid() -> list[float]:
    rng = random.Random(SEED)
    values = [i / 4 for i in range(-400, 401)]  # [-100, 100], dense
    values += [rng.uniform(-100, 100) for _ in range(400)]
    values += [rng.uniform(-4, 4) for _ in range(200)]
    for exponent in range(-37, 39):  # tiny to huge magnitudes
        for mantissa in (1.0, 2.5, 6.0):
            values += [mantissa * 10.0**exponent, -mantissa * 10.0**exponent]
    values += [0.0, -0.0, 3.4e38, -3.4e38, 88.5, -88.5, 89.5, -89.5, -87.5, -90.5, -91.5, -103.5]
    # gelu's earlier GPU formulas were 4.07 and 4.10 ULP off at these; the current one's worst
    # (3.62 ULP) is at the third. Then mish's earlier formula's worst (4.56) and its GPU one's
    # (3.46).
    values += [-1.8434773683547974, -1.3228516578674316, -0.14042928814888]
    values += [-2.02927303314209, -2.1259799003601074]
    # From float32's smallest normal number up to the issue's 1e-37, which the powers above skip.
    for tiny in (2.0**-126, 1.2e-38, 1.5e-38, 2.0e-38, 3.0e-38, 5.0e-38, 8.0e-38):
        values += [tiny, -tiny]
    return values


def grid(dtype: str) -> list[float]:
    """Finite values of the dtype covering the issue's ranges, deduplicated, in a fixed order."""
    rounded = (
        mx.array(_raw_grid(), dtype=mx.float32).astype(DTYPES[dtype]).astype(mx.float32).tolist()
    )
    seen, result = set(), []
    for v in rounded:
        key = (v, math.copysign(1.0, v))
        if math.isfinite(v) and key not in seen:
            seen.add(key)
            result.append(v)
    return result


class Row(list):
    """A reference row that keeps what its references compute from it (its logsumexp, its
    negation), for rows long enough that recomputing them for every element would not end."""

    def __init__(self, values):
        super().__init__(values)
        self.kept = {}


def _once(row, compute):
    if not isinstance(row, Row):
        return compute(row)
    if compute not in row.kept:
        row.kept[compute] = compute(row)
    return row.kept[compute]


def _logsumexp(row):
    top = max(row)
    return top + mp.log(mp.fsum(mp.exp(v - top) for v in row))


def _negated(row):
    return Row(-v for v in row) if isinstance(row, Row) else [-v for v in row]


def logsumexp(values):
    return _once(values, _logsumexp)


def negated(values):
    return _once(values, _negated)


def ulp(value: float, dtype: str) -> float:
    _, exponent = math.frexp(abs(value))
    return math.ldexp(1.0, exponent - 1 - MANTISSA_BITS[dtype])


def rounded(values: list[float], dtype: str) -> list[float]:
    return mx.array(values, dtype=mx.float32).astype(DTYPES[dtype]).astype(mx.float32).tolist()


def errors_in_ulp(inputs, got, want, dtype, tolerance):
    """(worst error in ULP where the true value is normal, its input), and every failing value."""
    worst, worst_at, failures = 0.0, None, []
    for x, g, w, w_rounded in zip(inputs, got, want, rounded(want, dtype)):
        why = None
        if math.isnan(w):
            why = None if math.isnan(g) else "expected NaN"
        elif math.isinf(w_rounded):
            why = None if g == w_rounded else "expected overflow to the same infinity"
        elif abs(w) < MIN_NORMAL[dtype]:
            # Below the normal range only the absolute error counts: flushing to 0 is allowed.
            why = None if abs(g - w) <= MIN_NORMAL[dtype] else "wrong below the normal range"
        elif not math.isfinite(g):
            why = "not finite"
        else:
            error = abs(g - w) / ulp(w, dtype)
            if error > worst:
                worst, worst_at = error, x
            why = f"{error:.2f} ULP" if error > tolerance else None
        if why:
            failures.append((x, g, w, why))
    return worst, worst_at, failures


def _as_mp(value):
    return mp.mpf(value) if isinstance(value, float) else value


def reference_params(params: dict) -> dict:
    """The parameters a reference takes: mpmath numbers, without the axis."""
    return {k: _as_mp(v) for k, v in params.items() if k != "axis"}


def cases(axis_rule: str, dtype: str, axis: int):
    """(input array, per-output reference arguments) for one axis rule."""
    values = grid(dtype)
    if axis_rule == "none":
        return mx.array(values, dtype=DTYPES[dtype]), [{"x": mp.mpf(v)} for v in values]
    random.Random(SEED).shuffle(values)
    width = 8 if axis_rule == "reduce" else 2
    rows = [values[i : i + width] for i in range(0, len(values) - width + 1, width)]
    x = mx.array(rows, dtype=DTYPES[dtype])
    if axis_rule == "reduce":
        args = [{"x": mp.mpf(v), "row": [mp.mpf(u) for u in row]} for row in rows for v in row]
    else:
        args = [{"a": mp.mpf(row[0]), "b": mp.mpf(row[1])} for row in rows]
    if axis in (0, -2):  # the same rows, laid along the first axis
        x = x.T
    return x, args


def reference_errors(
    function, reference, axis_rule, dtype, params, defaults, array_params, tolerance, x=None
):
    """Run a function on the grid (or on the element-wise input x) and compare it with its
    mpmath reference: (worst error in ULP, input where it occurs, failures beyond tolerance)."""
    merged = defaults | params
    axis = merged.get("axis", -1)
    if x is None:
        x, arguments = cases(axis_rule, dtype, axis)
    else:
        arguments = [{"x": mp.mpf(v)} for v in x.astype(mx.float32).tolist()]
    call = {k: (mx.array(v) if k in array_params else v) for k, v in params.items()}
    y = function(x, **call)
    if axis in (0, -2):
        y = y.T
    got = y.astype(mx.float32).reshape(-1).tolist()
    extra = reference_params(merged)
    want = [float(reference(**args, **extra)) for args in arguments]
    inputs = [args.get("x", args.get("a")) for args in arguments]
    return errors_in_ulp(inputs, got, want, dtype, tolerance)


def _assert_none_wrong(failures, what: str):
    assert not failures, f"{len(failures)} wrong values ({what}); first: " + "; ".join(
        f"x={float(i)!r} got {g!r} want {w!r} ({why})" for i, g, w, why in failures[:8]
    )


def check_reference(
    function, reference, axis_rule, dtype, params, defaults, array_params, tolerance
):
    """Compare a function with its mpmath reference over the grid; return the worst error in ULP."""
    worst, worst_at, failures = reference_errors(
        function, reference, axis_rule, dtype, params, defaults, array_params, tolerance
    )
    _assert_none_wrong(failures, f"{dtype}, {params}, tolerance {tolerance} ULP")
    return worst, worst_at


def sample(axis_rule: str) -> mx.array:
    """A small input with the awkward values: signed zeros, infinities, NaN, tiny and huge numbers."""
    values = [-3e38, -100.0, -3.0, -0.5, -1e-30, -0.0, 0.0, 1e-30, 0.5, 3.0, 100.0, 3e38]
    if axis_rule == "none":
        return mx.array(values + [float("nan"), float("inf"), -float("inf"), 1.5])
    return mx.array([values[:4] + values[8:], values[4:12]])


def grid_and_sample(axis_rule: str, dtype: str) -> mx.array:
    """The reference grid and the awkward sample values together, in one dtype: where two ways of
    computing an activation must agree bit for bit."""
    return mx.concatenate([cases(axis_rule, dtype, -1)[0], sample(axis_rule).astype(DTYPES[dtype])])


def check_docstring_examples(obj):
    """The examples in obj's docstring run without error (they are also the docs' examples)."""
    runner = doctest.DocTestRunner()
    for test in doctest.DocTestFinder().find(obj, globs={}):
        runner.run(test)
    assert runner.tries > 0 and runner.failures == 0


def same(a: mx.array, b: mx.array) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape and bool(mx.array_equal(a, b, equal_nan=True))


def to_dtype(value: float, dtype: str) -> float:
    return rounded([value], dtype)[0]


def check_limits(function, limit, dtype, params, call):
    """f(-inf) and f(inf) are exactly the limits, rounded to the dtype."""
    got = (
        function(mx.array([-math.inf, math.inf], dtype=DTYPES[dtype]), **call)
        .astype(mx.float32)
        .tolist()
    )
    want = [
        to_dtype(float(limit("-inf", params)), dtype),
        to_dtype(float(limit("inf", params)), dtype),
    ]
    # NaN where the function is undefined (outside its domain), else the exact value.
    assert all(
        g == w or math.isnan(g) and math.isnan(w) for g, w in zip(got, want)
    ), f"at -inf and inf ({dtype}, {params}): got {got}, want {want}"


def check_nan_propagates(function, axis_rule, call):
    if axis_rule == "none":
        x = mx.array([math.nan, 1.0])
    elif axis_rule == "reduce":
        x = mx.array([[math.nan, 1.0, 2.0], [0.0, 1.0, 2.0]])
    else:
        x = mx.array([[math.nan, 1.0], [1.0, math.nan]])
    y = function(x, **call)
    assert math.isnan(y.reshape(-1)[0].item()), f"NaN in gave {y.tolist()}"
    if axis_rule == "split":
        assert math.isnan(y.reshape(-1)[1].item()), f"NaN in the gate gave {y.tolist()}"


GRADIENT_POINTS = [
    sign * v for v in (1e4, 100.0, 88.5, 30.0, 5.0, 1.0, 0.1) for sign in (1.0, -1.0)
] + [0.0]


def _close(got: float, true, what: str, floor: float = 0.0):
    true = float(true)
    assert math.isfinite(got), f"{what}: gradient {got}"
    if floor:
        assert abs(got - true) <= 1e-4 * abs(true) + floor, f"{what}: gradient {got}, true {true}"
    elif abs(true) < MIN_NORMAL["float32"]:
        assert abs(got - true) <= MIN_NORMAL["float32"], f"{what}: gradient {got}, true {true}"
    else:
        assert abs(got - true) <= 1e-4 * abs(true), f"{what}: gradient {got}, true {true}"


def _gradient_cases(function, reference, axis_rule, extra, call, points, dtype):
    """(where, gradient, true derivative, weight) at each point, in dtype: of x for an
    element-wise activation; of a and b for a split one (a the value, at gates 1.5 and -2, b the
    gate); for a softmax-like one, of each entry of rows of the points, with the outputs weighted
    1 to 7. Its VJP forms g_j - sum_i g_i s_i, which cancels when one entry saturates, so
    callers give the entries an absolute floor of their precision times the weight (else 0)."""
    if axis_rule == "none":
        inputs = points
    elif axis_rule == "split":
        gates = [1.5, -2.0] * len(points)
        inputs = [[a, b] for a, b in zip(gates, points)]
    else:
        inputs = [points[i : i + 7] for i in range(0, 14, 7)] + [
            [0.0, 0.0, -1.0, 2.0, 0.5, 0.0, -3.0]
        ]
        weights = [float(i + 1) for i in range(7)]
    x = mx.array(inputs).astype(DTYPES[dtype])
    scale = mx.array(weights).astype(DTYPES[dtype]) if axis_rule == "reduce" else 1
    got = mx.grad(lambda v: (function(v, **call) * scale).sum())(x)
    assert got.dtype == DTYPES[dtype]
    if axis_rule == "none":
        for point, g in zip(points, got.tolist()):
            yield f"x={point}", g, mp.diff(lambda t: reference(x=t, **extra), mp.mpf(point)), 0.0
    elif axis_rule == "split":
        for (a, b), (ga, gb) in zip(inputs, got.tolist()):
            yield f"a={a}, b={b}", ga, mp.diff(
                lambda t: reference(a=t, b=mp.mpf(b), **extra), mp.mpf(a)
            ), 0.0
            yield f"a={a}, b={b}", gb, mp.diff(
                lambda t: reference(a=mp.mpf(a), b=t, **extra), mp.mpf(b)
            ), 0.0
    else:
        for row, grads in zip(inputs, got.tolist()):
            for j, g in enumerate(grads):

                def weighted(t, j=j):
                    moved = [mp.mpf(v) for v in row]
                    moved[j] = t
                    return mp.fsum(
                        w * reference(x=v, row=moved, **extra) for w, v in zip(weights, moved)
                    )

                yield f"row {row}, entry {j}", g, mp.diff(weighted, mp.mpf(row[j])), max(weights)


def check_half_gradient(
    function, reference, axis_rule, params, defaults, call, dtype, inside=lambda x: True
):
    """Gradients through float16 and bfloat16 inputs (the half formula, where there is one, and
    its float32 round trip) are within one ULP of that dtype of the reference's derivative, taken
    at the input as rounded to the dtype; below its smallest normal number, within that number."""
    extra = reference_params(defaults | params)
    ulp = 2.0 ** -MANTISSA_BITS[dtype]
    rounded = mx.array(GRADIENT_POINTS).astype(DTYPES[dtype]).tolist()
    points = [p for p in rounded if math.isfinite(p) and inside(p)]
    for where, got, true, weight in _gradient_cases(
        function, reference, axis_rule, extra, call, points, dtype
    ):
        true = float(true)
        assert math.isfinite(got), f"{where} ({dtype}): gradient {got}"
        bound = MIN_NORMAL[dtype] if abs(true) < MIN_NORMAL[dtype] else ulp * (abs(true) + weight)
        assert abs(got - true) <= bound, f"{where} ({dtype}): gradient {got}, true {true}"
    if axis_rule == "none":
        check_gradient_at_edges(function, call, dtype, inside)


def check_gradient(
    function, reference, axis_rule, params, defaults, call, smooth, inside=lambda x: True
):
    """Gradients are finite at large and small inputs (inside the function's domain), and for
    smooth activations within 1e-4 (relative) of the derivative of the reference."""
    extra = reference_params(defaults | params)
    points = [p for p in GRADIENT_POINTS if inside(p)]
    for where, got, true, weight in _gradient_cases(
        function, reference, axis_rule, extra, call, points, "float32"
    ):
        if smooth:
            _close(got, true, where, floor=1e-6 * weight)
        else:
            assert math.isfinite(got), f"{where}: gradient {got}"
    if axis_rule == "none":
        check_gradient_at_edges(function, call, "float32", inside)


def check_gradient_at_edges(function, call, dtype, inside=lambda x: True):
    """Next to 0 and far from it, up to the dtype's maximum, only finiteness (where the value is
    finite): a derivative next to 0 may be as large as 1 / x (log1mexp). Far out, a cotangent of
    0 (a saturated sigmoid, the branch where() discards) times an overflowed intermediate is NaN."""
    wanted = (1e-30, -1e-30, 1e30, -1e30, 3e38, -3e38, 6e4, -6e4)
    rounded = mx.array(wanted).astype(DTYPES[dtype]).tolist()
    edges = mx.array([p for p in rounded if math.isfinite(p) and p != 0 and inside(p)]).astype(
        DTYPES[dtype]
    )
    finite = mx.isfinite(function(edges, **call)).tolist()
    got = mx.grad(lambda v: function(v, **call).astype(mx.float32).sum())(edges).tolist()
    for point, g, ok in zip(edges.tolist(), got, finite):
        assert math.isfinite(g) or not ok, f"x={point} ({dtype}): gradient {g}"


def check_masked(function, reference, defaults, call):
    """Masked entries (-inf for softmax, inf for softmin: the infinity the reference gives no
    weight) give exactly the reference's value there, and the other entries stay accurate."""
    probe = reference(x=mp.mpf("-inf"), row=[mp.mpf("-inf"), mp.mpf(0)])
    masked = -math.inf if probe in (0, mp.mpf("-inf")) else math.inf
    row = [masked, 1.0, 2.0, masked, -3.0, 0.5, masked, 2.0]
    got = function(mx.array([row]), **call).reshape(-1).tolist()
    extra = reference_params(defaults)
    exact = [mp.mpf(v) for v in row]
    want = [float(reference(x=v, row=exact, **extra)) for v in exact]
    for v, g, w in zip(row, got, want):
        if math.isinf(v):
            assert g == w, f"masked entry gave {g}, want {w} (row {row})"
        else:
            assert abs(g - w) <= 4 * ulp(w, "float32"), f"entry {v} gave {g}, want {w}"


def check_no_new_nan(x: mx.array, y: mx.array):
    """An element-wise result is NaN only where its input is."""
    assert x.shape == y.shape, (x.shape, y.shape)
    new = mx.isnan(y) & ~mx.isnan(x)
    assert not bool(mx.any(new)), f"NaN from {x.tolist()}: {y.tolist()}"


def check_axis_of_size_one(function, reference, defaults):
    """A reduction over an axis of size 1 (which crashes MLX 0.32.4 inside a shapeless compiled
    function) gives each entry the reference of a one-entry row, for every axis position."""
    extra = reference_params(defaults)
    values = [-100.0, -3.0, 0.0, 0.5, 88.0]
    for shape, axis in [((5, 1), -1), ((1, 5), 0), ((5, 1, 1), 1), ((1, 1), 0), ((1, 5, 1), 0)]:
        x = mx.array(values[: math.prod(shape)]).reshape(shape)
        y = function(x, axis=axis)
        assert y.shape == x.shape and y.dtype == x.dtype, (shape, axis, y.shape, y.dtype)
        for v, g in zip(x.reshape(-1).tolist(), y.reshape(-1).tolist()):
            w = float(reference(x=mp.mpf(v), row=[mp.mpf(v)], **extra))
            assert (
                abs(g - w) <= 4 * ulp(w, "float32") if w else g == w
            ), f"{shape} axis {axis}: x={v} gave {g}, want {w}"


def check_long_rows(function, reference, dtype, tolerance):
    """Rows of 4096 logits (standard normal times 1, 4 and 20, and times 4 plus 500), where a
    float32 sum of their terms was up to 159 ULP off: every output against its mpmath reference."""
    base = mx.random.normal((4, 4096), key=mx.random.key(SEED + 2))
    scale, shift = mx.array([[1.0], [4.0], [20.0], [4.0]]), mx.array([[0.0], [0.0], [0.0], [500.0]])
    x = (base * scale + shift).astype(DTYPES[dtype])
    got = function(x).astype(mx.float32).tolist()
    inputs, flat, want = [], [], []
    for values, outputs in zip(x.astype(mx.float32).tolist(), got):
        row = Row(mp.mpf(v) for v in values)
        inputs += values
        flat += outputs
        want += [float(reference(x=v, row=row)) for v in row]
    _, _, failures = errors_in_ulp(inputs, flat, want, dtype, tolerance)
    _assert_none_wrong(failures, dtype)


def check_sums_to_one(function, dtype, call):
    """Half-precision rows of 4096 logits still sum to 1: the sum is accumulated in float32."""
    logits = (mx.random.normal((8, 4096), key=mx.random.key(SEED)) * 4).astype(DTYPES[dtype])
    sums = function(logits, **call).astype(mx.float32).sum(axis=-1).tolist()
    assert all(abs(s - 1) <= 1e-2 for s in sums), f"row sums {sums}"
