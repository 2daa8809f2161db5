"""A probe of what MLX's fuser costs the accurate float32 formulas on a GPU: gelu's GPU formula
written by hand as one CUDA kernel (mx.fast.cuda_kernel), checked bit for bit against the
package's gelu and timed against MLX's compiled x + 0, the package and mlx.nn.

Not part of `make bench`: it needs MLX's CUDA backend (spec/README.md, "Writing fast formulas for
a GPU", gives what it measured on the H200). A custom kernel has no derivative of its own and no
shape inference for a user's shapeless compile, so the package does not use one.

    python -m measure.cuda_probe
"""

from __future__ import annotations

import statistics
import time

import mlx.core as mx
import mlx.nn as nn

import mlx_activations as act

# The spec's float32 gelu (its value; the slope is the backward pass's), term for term.
_GELU = """
__device__ __forceinline__ float gelu(float x) {
    float m = fminf(fmaxf(x, -x), 14.0f);
    float near = ((((((((-4.515039410568633e-06f * m + 6.79591685116554e-05f) * m
        + -0.0004269860324094682f) * m + 0.0013156247635384838f) * m
        + -0.00020353601973067958f) * m + -0.019123749459912992f) * m
        + 0.10900550454904694f) * m + -0.36338451686238826f) * m + 0.7978791515233216f);
    float a = m + 2.3059586416137563f, b = m + 1.3740559609022145f;
    float far = (-0.0004003303573340457f * m + 1.010300830849005f) * (m + 0.07826813791592488f)
        * (a * a + 6.135857546647067f) / ((m + 0.08216406203396137f) * (m + 2.01504356020217f)
        * (b * b + 5.2099555419489985f));
    float ratio = m / (m + (m < 1.5f ? near : far));
    float k = rintf(x * 64.0f);
    float grown = 1.0f + expm1f((k * k + 7528.0f) * 0.0001220703125f);
    float scaled = m * 64.0f;
    float whole = rintf(scaled);
    float low = expm1f((scaled - whole) * ((scaled + whole) * -0.0001220703125f));
    float tail = ratio / grown;
    return (x != x) ? x : (fmaxf(x, 0.0f) - tail) - tail * low;
}
"""
# Four elements a thread, with 16-byte loads and stores: one a thread made a plain copy 1.5x
# the time of x + 0, four 0.97x.
_BODY = """
    unsigned long long i = (blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x) * 4;
    if (i >= (unsigned long long)n[0]) return;
    float4 v = reinterpret_cast<const float4*>(inp)[i / 4];
    v.x = OP(v.x); v.y = OP(v.y); v.z = OP(v.z); v.w = OP(v.w);
    reinterpret_cast<float4*>(out)[i / 4] = v;
"""


def _kernel(name: str, op: str, header: str = ""):
    kernel = mx.fast.cuda_kernel(
        name=name,
        input_names=["inp", "n"],
        output_names=["out"],
        source=_BODY.replace("OP", op),
        header=header,
    )
    return lambda x: kernel(
        inputs=[x, x.size],
        grid=(x.size // 4, 1, 1),
        threadgroup=(256, 1, 1),
        output_shapes=[x.shape],
        output_dtypes=[x.dtype],
    )[0]


def _median_ms(function, x, runs: int = 50) -> float:
    for _ in range(5):
        mx.eval(function(x))
    times = []
    for _ in range(runs):
        mx.synchronize()
        start = time.perf_counter()
        mx.eval(function(x))
        mx.synchronize()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> int:
    size = 1 << 27  # a multiple of 4, as the kernels need
    x = mx.random.normal((size,), key=mx.random.key(0)) * 4
    mx.eval(x)
    gelu, copy = _kernel("probe_gelu", "gelu", _GELU), _kernel("probe_copy", "")
    same = bool(mx.array_equal(gelu(x), act.gelu(x)))
    print(f"{mx.default_device()}: the custom kernel gives the package's gelu bit for bit: {same}")
    plus_zero = mx.compile(lambda v: v + 0, shapeless=True)
    timed = {"copy": copy, "gelu": gelu, "package": act.gelu, "mlx.nn": nn.gelu}
    for _ in range(2):
        base = _median_ms(plus_zero, x)
        ratios = ", ".join(f"{k} {_median_ms(f, x) / base:.2f}x" for k, f in timed.items())
        print(f"float32, {size} elements: x + 0 {base:.3f} ms; {ratios}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
