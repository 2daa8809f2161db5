"""The CPU split of a kernel (codegen/schedule.py): where it cuts, and that the stages compute
the implementation's own values."""

import mlx.core as mx

from codegen import schedule
from codegen.model import Helper

EXP_NEG = Helper(
    name="exp_neg", args=("z",), doc="", let=(("m", "mx.maximum(-z, z)"),), returns="mx.expm1(-m)"
)


def split(implementation, let=(), inputs=("x",), helpers=()):
    return schedule.stages(helpers, list(inputs), implementation, let, "stage_")


def run(stages, **inputs):
    """The stages evaluated in order, eagerly, as _cpu_kernel calls them."""
    values = dict(inputs)
    for stage in stages:
        local = {name: values[name] for name in stage.inputs}
        for target, source in stage.lines:
            local[target] = eval(source, {"mx": mx}, local)
        values[stage.output] = local[stage.output]
    return values[stages[-1].output]


def lines(stages):
    return [source for stage in stages for _, source in stage.lines]


X = mx.array(
    [-1e30, -90.0, -3.0, -0.5, -0.0, 0.0, 1e-30, 0.5, 3.0, 90.0, float("inf"), float("nan")]
)


def test_a_select_near_zero_ends_its_stage_before_the_transcendental():
    stages = split("1.5 * mx.maximum(x, 0) + 2.5 * mx.expm1(mx.minimum(x, 0))")
    assert [s.lines for s in stages[:2]] == [
        (("t1", "mx.maximum(x, 0)"),),
        (("t2", "mx.minimum(x, 0)"),),
    ]
    assert stages[-1].inputs == ("x", "t1", "t2") and "mx.expm1(t2)" in lines(stages)


def test_far_guards_nan_tests_constant_picks_and_abs_stay_fused():
    for implementation in (
        "mx.where(x < -88, 0, mx.expm1(x) * 2)",  # an overflow guard: almost never taken
        "mx.where(x != x, 0, x * 2) + 1",  # a NaN test
        "mx.where(x < 0, 2.0, 3.0) * x",  # a pick between constants: a vectorized blend
        "mx.maximum(-x, x) * 2",  # between two computed values: branch-free
        "mx.maximum(x, 0)",  # a select that is the result itself
    ):
        assert split(implementation) == [], implementation


def test_a_branching_where_reads_its_values_stored_and_a_select_of_selects_stays_whole():
    stages = split("mx.where(mx.abs(x) <= lambd, 0, x - mx.sign(x) * lambd)", inputs=("x", "lambd"))
    # The sign is a select too: stored before the arithmetic that uses it.
    assert [s.lines[-1][1] for s in stages] == ["mx.sign(x)", "x - v1", "mx.where(v2, 0, t2)"]
    assert split("mx.where(x < t, 0, mx.where(x >= t, 1, x))", inputs=("x", "t")) == []


def test_the_sign_of_a_computed_value_is_stored_before_arithmetic_uses_it():
    stages = split("mx.minimum(x * 2, 88) + mx.sign(x) * 0.5")
    assert [s.lines[-1][1] for s in stages] == ["mx.sign(x)", "v2 + v3"]


def test_a_chain_deeper_than_the_fuser_looks_is_cut_and_gives_the_same_values():
    chain = "x"
    for _ in range(12):
        chain = f"({chain} * 1.0625 + 0.25)"
    stages = split(chain)
    assert len(stages) >= 3
    # Two levels per binary operation: at most five in a row per stage.
    assert all(len(s.lines) <= 10 for s in stages)
    assert mx.array_equal(run(stages, x=X), eval(chain, {"x": X}), equal_nan=True)


def test_the_coarse_split_stores_whole_subexpressions_and_gives_the_same_values():
    # A sum of products of short chains: cut at each operation that lies too deep, it takes
    # seven stages; cut at the largest subexpressions that fit, two.
    tree = (
        "((x * 1.5 + 0.5) * (x * 2.5 - 0.5) + (x * 3.5 + 1.5) * (x * 0.5 + 2.5))"
        " * ((x * 1.25 + 0.25) * (x * 0.75 - 0.125) + 3) + 1"
    )
    fine = split(tree)
    coarse = schedule.stages((), ["x"], tree, (), "stage_", coarse=True)
    assert (len(fine), len(coarse)) == (7, 2)
    expected = eval(tree, {"x": X})
    for stages in (fine, coarse):
        assert mx.array_equal(run(stages, x=X), expected, equal_nan=True)
    # The whole product (five binary operations deep, ten levels) in one loop, the last sum in
    # the other.
    assert coarse[0].lines[-1] == ("t1", "v11 * v17") and coarse[1].lines == (("t2", "t1 + 1"),)


def test_booleans_are_recomputed_never_stored():
    condition = "x * 1.5 + 0.5 > 0"
    stages = split(f"mx.where({condition}, x * 3, x * 4) * 2 + mx.where({condition}, 1, 2)")
    assert len(stages) == 4  # x * 3 and x * 4, stored before the where picks; the where; the rest
    assert all("<" not in s.lines[-1][1] and ">" not in s.lines[-1][1] for s in stages)
    assert sum(">" in source for source in lines(stages)) == 2  # once in each stage that reads it


def test_a_transcendental_two_stages_need_is_computed_once():
    stages = split(
        "mx.maximum(e, 0.5) * e + mx.minimum(e, -0.5)", let=(("e", "mx.expm1(x * 0.5)"),)
    )
    assert sum("mx.expm1" in source for source in lines(stages)) == 1
    computed_alone = [s for s in stages if "mx.expm1" in s.lines[-1][1]]
    assert len(computed_alone) == 1 and computed_alone[0].output in stages[-1].inputs


def test_helpers_and_parameters_are_traced_through():
    stages = split(
        "mx.maximum(x, 0) * scale + exp_neg(x)", inputs=("x", "scale"), helpers=(EXP_NEG,)
    )
    assert len(stages) == 2 and "scale" in stages[-1].inputs
    assert "mx.expm1(v4)" in lines(stages) and "exp_neg" not in str(stages)  # inlined
    scale = mx.array(1.5)
    expected = mx.maximum(X, 0) * scale + mx.expm1(-mx.maximum(-X, X))
    assert mx.array_equal(run(stages, x=X, scale=scale), expected, equal_nan=True)


def test_stop_gradient_is_no_stage_and_no_depth():
    stages = split("mx.stop_gradient(mx.maximum(x, 0)) * (1 + (x - mx.stop_gradient(x)))")
    assert [s.output for s in stages] == ["t1", "t2"]
    assert stages[0].lines == (("t1", "mx.maximum(x, 0)"),)


def test_what_the_split_does_not_model_stays_whole():
    for implementation in (
        "x - mx.logsumexp(x, axis=-1, keepdims=True)",  # a reduction
        "x if x > 0 else 0",  # a Python condition on an array
        "2.0",  # a constant
    ):
        assert split(implementation) == [], implementation
