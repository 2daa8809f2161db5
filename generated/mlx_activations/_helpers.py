# Generated from spec/activations.yaml by codegen; do not edit.
"""Numerically careful building blocks that the activations' implementations call by name."""

import mlx.core as mx


def with_gradient(value, like):
    r"""value, differentiated as like: stop_gradient(value) + (like - stop_gradient(like)), which is value itself wherever like is finite. For an accurate value whose own derivative autodiff forms badly (1 / (2 + expm1(-x)) squares e^{-x}, which overflows past |x| = 44), beside an MLX primitive with the same derivative to a few float32 ULP (mx.sigmoid's vjp is s (1 - s), well within the 1e-4 the gradient tests ask). No select, no clamp: shallow enough for MLX's fuser, where the stop_gradient forms took three more kernels on a GPU."""
    return mx.stop_gradient(value) + (like - mx.stop_gradient(like))


def with_slope(value, x, slope):
    r"""value, differentiated as slope: the derivative in x written out, so that the backward pass keeps the slope alone where autodiff through a long formula keeps its intermediates. x is clipped to float32's range, so that x = +-inf still gives value (its gradient there is 0); x times the slope must stay finite, as it does for a slope near 1 wherever x is large."""
    return with_gradient(
        value, mx.clip(x, -3.4028234663852886e38, 3.4028234663852886e38) * mx.stop_gradient(slope)
    )


def half_expm1_negative(x):
    r"""e^x - 1 for x <= 0, to half precision, for half formulas (elu, selu): from mx.exp rather than mx.expm1, whose longer code showed in a bfloat16 kernel's time on a GPU (1.5x x + 0). The subtraction is exact, and e^x's error (2 ULP at most in CUDA, 2^-23) is at most 2^-12 of the result below x = -2^-11; above it, expm1(x) is x itself to x / 2 <= 2^-12. Either is half float16's ULP at most, and less in bfloat16. x is raised to 0 inside the exponential, so that the branch where() discards stays finite for positive x."""
    return mx.where(x > -0.00048828125, x, mx.exp(mx.minimum(x, 0)) - 1)


def exp_neg_abs_shallow(x):
    r"""e^{-|x|} from expm1 (MLX's CPU expm1 is within 1 ULP everywhere, while mx.exp is up to 64 ULP off for |x| > 40), with the derivative -e^{-|x|} written out: autodiff through 1 / (e^m + 1) forms 1 / (e^m + 1)^2, which underflows to 0 long before the gradient does. The clamp that keeps that derivative finite sits beside the value rather than in series with it, and 1 / (expm1(|x|) + 1) is 0 past 88.7 by itself: on a GPU two kernels fewer than with the clamp and a where() in series (float32 softplus and log1mexp took 4). softplus's general formula takes it, and log1mexp's writes it out. Where the derivative is written out whole (with_slope), as in softplus_with_slope and log_sigmoid, the value 1 / (expm1(|x|) + 1) is all that is needed."""
    magnitude = mx.maximum(-x, x)
    value = 1 / (mx.expm1(magnitude) + 1)
    clamped = mx.minimum(magnitude, 88)
    return mx.stop_gradient(value) * (1 - (clamped - mx.stop_gradient(clamped)))


def exp_with_error(x, error):
    r"""e^{x + error} for x <= 0 and a tiny error term (the rounding error of computing x): the exponential multiplies any error of its argument by |x|, so the error is carried separately. The value comes from expm1 (0 below x = -88.7, where e^x is under float32's normal range), the derivative from mx.exp (with_gradient), of min(0, x) so that it stays finite in branches that where() discards (MLX gives a tie to the second argument: at x = 0, to x). Shallow for MLX's fuser: only formulas a GPU computes use it (the derivative written out with stop_gradient took gelu, softmax and log_softmax more kernels). e^x is 2^k e^r with k = round(x / ln 2) and r = x - k ln 2 in [-0.35, 0.35], ln 2 split so that k times its 16-bit head is exact: within 0.93 ULP, where 1 / (1 + expm1(-x)) was 2.47 ULP off below x = -2 (and softmax, summing such terms, 4.11 on an H200). x is raised to -104, where 2^k is 0, so that x = -inf gives 0 rather than NaN."""
    reduced = mx.maximum(x, -104)
    k = mx.stop_gradient(mx.round(reduced * 1.4426950408889634))
    value = mx.power(2.0, k) * (
        1 + mx.expm1(reduced - k * 0.693145751953125 - k * 1.4286068203094173e-06)
    )
    return with_gradient(value + value * error, mx.exp(mx.minimum(0, x)))


def logistic(x):
    r"""The logistic sigmoid 1 / (1 + e^{-x}) within 2 ULP, from one expm1 of |x|: the small side sigmoid(-|x|) = 1 / (2 + expm1(|x|)) keeps full relative precision in the tail, and the side is picked arithmetically. NaN in, NaN out."""
    magnitude = mx.maximum(-x, x)
    value = 1 / (2 + mx.expm1(magnitude))
    return with_slope(value + (x >= 0) * (1 - 2 * value), x, value * (1 - value))


def scaled_where_far(x, far):
    r"""x, or where far (a sigmoid's argument below -80, shifted by 40 so that it stays in float32's normal range) x e^{-40}, with x clipped to float32's range so that an infinite x times a sigmoid of 0 gives 0 rather than NaN."""
    return mx.where(
        far, mx.clip(x, -3.4028234663852886e38, 3.4028234663852886e38) * 4.248354255291589e-18, x
    )


def sigmoid_product(x, u):
    r"""x sigmoid(u) as times_sigmoid and glu's float32 formula compute its value, which takes its derivative from elsewhere (with_gradient): x / (2 + expm1(-u)), and below u = -80 (x e^{-40}) / (1 + expm1(-(u + 40))) with x clipped to float32's range."""
    far = u < -80
    scaled = scaled_where_far(x, far)
    return scaled / (mx.where(far, 1, 2) + mx.expm1(-mx.where(far, u + 40, u)))


def sigmoid_product_with_error(x, u, u_low):
    r"""x sigmoid(u + u_low) for a tiny u_low (the rounding error of computing u), the value alone: its callers write their derivative in (with_slope). 1 + e^{-u - u_low} is (2 + E) - (1 + E) u_low to first order, with E = expm1(-u), so the error moves the denominator of sigmoid_product's x / (2 + E) and needs no sigmoid of its own (as sigmoid_error_factor's does); below u = -80 the same of (x e^{-40}) / (1 + expm1(-(u + 40))). 2 + E comes first, in one rounding, where it nears 1 (u > 0). E is inf where the result is 0: 1 + E is capped at float32's largest in the correction, so that the denominator stays inf, not inf - inf."""
    far = u < -80
    scaled = scaled_where_far(x, far)
    grown = mx.expm1(-mx.where(far, u + 40, u))
    return scaled / (
        mx.where(far, 1, 2) + grown - mx.minimum(1 + grown, 3.4028234663852886e38) * u_low
    )


def times_sigmoid_slope(w, x_dw):
    r"""The derivative of x sigmoid(w(x)), sigmoid(w) (1 + x w'(x) sigmoid(-w)), given w and x w'(x), from MLX's sigmoid (within a few float32 ULP, plenty for a gradient): no cancellation where sigmoid(w) nears 1, and no sigmoid read twice, which cut gelu_approx's and gelu_fast_approx's formulas into one kernel more on a GPU."""
    return mx.sigmoid(w) * (1 + x_dw * mx.sigmoid(-w))


def times_sigmoid(x, u):
    r"""x sigmoid(u) within 3 ULP, shallow enough for MLX's fuser on a GPU (one kernel for silu, where a derivative written out with stop_gradient took eight): x / (2 + expm1(-u)) is accurate on both sides of 0 (expm1(-u) is in (-1, 0] for u >= 0, and e^{|u|} - 1 below) and gives u = inf its limit. Below u = -80, where 2 + expm1(-u) overflows or sigmoid(u) is subnormal, the product is (x e^{-40}) sigmoid(u + 40), with x clipped to float32's range so that an infinite x gives 0 where the sigmoid is 0. Both sides share one expm1 and one sigmoid, whose argument is shifted by 40 below u = -80 (selecting between the two sides' results computed both, with twice the transcendentals). The derivative is that of x mx.sigmoid(u) (with_gradient): its derivative in u, s (1 - s), is 0 where s rounds to 1 (u > 17), which callers whose result is x itself there (silu, the GELUs) can afford; glu cannot, and takes its derivative from the small side, in four more kernels (the same here took silu from one kernel to five)."""
    far = u < -80
    finite = mx.clip(x, -3.4028234663852886e38, 3.4028234663852886e38)
    return with_gradient(
        sigmoid_product(x, u),
        mx.where(far, finite * 4.248354255291589e-18, finite)
        * mx.sigmoid(mx.where(far, u + 40, u)),
    )


def half_far_times_sigmoid(x, u, far):
    r"""x sigmoid(u) for half formulas, with one sigmoid: where far (u so low that sigmoid(u) would leave float32's normal range, and MLX's CPU exp returns 0), the sigmoid's argument is shifted by 40 and x scaled by e^{-40} instead, x raised to float32's lowest so that -inf gives 0 rather than inf * 0. far is a test on x where one on u would give u a second reader, which cut gelu_approx's formula into more kernels. half_times_sigmoid tests u itself and computes both sides."""
    return mx.where(
        far, mx.maximum(x, -3.4028234663852886e38) * 4.248354255291589e-18, x
    ) * mx.sigmoid(u + mx.where(far, 40, 0))


def half_times_sigmoid(x, u):
    r"""x sigmoid(u) for half formulas, from MLX's sigmoid, within a few float32 ULP, plenty for half output. Below u = -80, where its e^{-u} overflows, the gate is sigmoid(u + 40) e^{-40}, the e^{-40} applied to x first, so that no subnormal intermediate loses bits (MLX's CPU exp returns 0 below float32's normal range); there x is clipped to float32's range, so that an infinite x gives 0 rather than inf * 0 where the gate is 0."""
    return mx.where(
        u < -80,
        mx.clip(x, -3.4028234663852886e38, 3.4028234663852886e38)
        * 4.248354255291589e-18
        * mx.sigmoid(u + 40),
        x * mx.sigmoid(u),
    )


def sigmoid_error_factor(u, u_error):
    r"""sigmoid(u + u_error) / sigmoid(u) to first order, 1 + (1 - sigmoid(u)) u_error, for a tiny u_error (the rounding error of computing u): times_sigmoid(x, u) times it is x sigmoid(u + u_error). MLX's own sigmoid is plenty for a correction of order 2^-24 |u|; below u = -80 the factor is 1 + u_error, as there. Exactly 1 where u_error is 0. It carries no gradient: its derivative is of order 2^-24 |u|, and autodiff through the error terms (Dekker's splits) kept all their intermediates for the backward pass (float32 gelu_approx on a GPU: 61 arrays of the input's size, 23 without them)."""
    return mx.stop_gradient(1 + mx.where(u < -80, 1, 1 - mx.sigmoid(u)) * u_error)


def sigmoid_wide(u):
    r"""The logistic sigmoid of a float64 u, for CPU formulas: 1 / (2 + expm1(-u)), accurate on both sides of 0 in float64 (MLX's CPU float64 expm1 is within 1 ULP of float64 and faster than its float32 one). -u is clamped at 709, where the sigmoid is 0 in float32, so that autodiff never divides inf by inf. Its gradient is autodiff's, and MLX differentiates expm1(v) as expm1(v) + 1, which loses precision for v < -20 (1.7e-4 at -30): fine where the sigmoid's tail is added to something larger (silu, the GELUs), not where it stands alone (glu's cpu formula takes the small side from expm1 of |b| instead; sigmoid keeps its float32 implementation, as that form was only 5% faster)."""
    return mx.reciprocal(2 + mx.expm1(mx.minimum(-u, 709)))


def times_sigmoid_wide(x, u):
    r"""x * sigmoid(u) for float64 x and u, for CPU formulas, as x / (2 + expm1(-u)): one division rather than a reciprocal and a product keeps the chain within what MLX's fuser puts in one loop. x is clipped to 1e262 in magnitude, so an infinite x gives its limit: inf where the sigmoid is 1, 0 where it is 0 (1e262 e^{-709} rounds to 0 in float32). Its gradient is autodiff's, as in sigmoid_wide."""
    return mx.clip(x, -1e262, 1e262) / (2 + mx.expm1(mx.minimum(-u, 709)))


def exp_neg_wide(d):
    r"""e^{-d} for a float64 d >= 0 (inf included), for CPU formulas: 1 / (expm1(d) + 1) from MLX's CPU float64 expm1 (its float64 mx.exp is only float32-accurate). d is clamped at 709, where e^{-d} is 0 in float32, so that autodiff (which squares expm1(d) + 1) never divides inf by inf. Kept shallow: a deeper chain would exceed what MLX's fuser keeps in one loop."""
    return mx.reciprocal(mx.expm1(mx.minimum(d, 709)) + 1)


def softplus_with_slope(x):
    r"""softplus(x) = max(x, 0) + log(1 + e^{-|x|}), from one expm1 (t = e^{-|x|} down to subnormal numbers), accurate where log(1 + e^{-|x|}) is tiny, with its derivative sigmoid(x) written out from the same t (with_slope): 1 / (1 + t) or t / (1 + t), within 2e-7 where MLX's logaddexp beside the value was 3.8e-6 off. Since t carries no derivative, |x| can be mx.abs. One kernel on a GPU, with two transcendentals where the logaddexp took four; on the CPU a compiled backward pass keeps 32 MiB for 16 MiB of input, as mlx.nn's softplus does, where autodiff through the stages kept 96-112."""
    t = 1 / (mx.expm1(mx.abs(x)) + 1)
    return with_slope(mx.where(x >= 0, x, 0) + mx.log1p(t), x, mx.where(x >= 0, 1, t) / (1 + t))


def row_sum(v, axis):
    r"""The sum along axis of non-negative float32 terms, within about an ULP whatever the row's length: MLX's float32 sum of a row of 4096 terms was up to 159 ULP off on the CPU. Each term is split at a power of two q with 2^24 q above twice the rough sum: the high parts are multiples of q, so every partial sum of them is exact, and the low parts, below q / 2, add an error of their own sum's size times 2^-24. Three reductions instead of one; the derivative is 1 in every term (the high parts carry none, the low parts all of it)."""
    rough = mx.sum(v, axis=axis, keepdims=True)
    quantum = mx.stop_gradient(mx.power(2.0, mx.floor(mx.log2(mx.maximum(rough, 1e-30))) - 22))
    high = mx.stop_gradient(mx.round(v / quantum) * quantum)
    return mx.sum(high, axis=axis, keepdims=True) + mx.sum(v - high, axis=axis, keepdims=True)


def sum_error(a, b):
    r"""The rounding error of a + b (Knuth's TwoSum, exact for any order of magnitudes): a + b == fl(a + b) + sum_error(a, b). 0 where the sum is not finite. Like the other error terms below, it carries no gradient: a rounding error's derivative is 0, and autodiff through the splits only kept their intermediates for the backward pass."""
    total = a + b
    b_part = total - a
    error = a - (total - b_part) + (b - b_part)
    return mx.stop_gradient(mx.where(mx.isfinite(error), error, 0))


def high_half(x):
    r"""x rounded to its 12 leading significant bits (Veltkamp's split), so that x - high_half(x) is exact and both halves multiply other 12-bit numbers without rounding."""
    big = 4097 * x
    return big - (big - x)


def scaled_error(x, c_high, c_low):
    r"""The rounding error of x * (c_high + c_low) in float32 (Dekker's TwoProduct with Veltkamp's split). The constant is given split: c_high has at most 12 significant bits and c_low is the exact rest. 0 where the product is not finite."""
    x_high = high_half(x)
    x_low = x - x_high
    error = x_high * c_high - x * (c_high + c_low) + x_high * c_low + x_low * c_high + x_low * c_low
    return mx.stop_gradient(mx.where(mx.isfinite(error), error, 0))


def product_error(a, b):
    r"""The rounding error of a * b (Dekker's TwoProduct). 0 where the product is not finite."""
    a_high = high_half(a)
    a_low = a - a_high
    b_high = high_half(b)
    b_low = b - b_high
    error = a_high * b_high - a * b + a_high * b_low + a_low * b_high + a_low * b_low
    return mx.stop_gradient(mx.where(mx.isfinite(error), error, 0))


def square_error(x):
    r"""The rounding error of x * x (Dekker's TwoProduct). 0 where the square is not finite."""
    high = high_half(x)
    low = x - high
    error = high * high - x * x + 2 * high * low + low * low
    return mx.stop_gradient(mx.where(mx.isfinite(error), error, 0))
