#!/usr/bin/env python3
"""PyTorch-on-CUDA reference for bench/Flint.CudaBench: the same four workloads, sizes, warm-up,
repeats and JSON schema, so tools/gpu-check/run-on-gpu.sh can put the two side by side.

Usage: python3 bench/cuda_reference.py [--out results.json] [--quick]
"""
import argparse
import json
import statistics
import sys
import time

import torch

FULL = dict(small=[64, 1000, 100, 10], scaled=[512, 4096, 1024, 256], elements=100_000_000, gemm=[1024, 2048, 4096, 8192],
            warmup=20, repeats=7, iters=50, quick=False)
QUICK = dict(small=[8, 64, 16, 4], scaled=[16, 128, 32, 8], elements=100_000, gemm=[16, 32],
             warmup=1, repeats=3, iters=2, quick=True)


def time_it(step, s):
    """Warm-up, then ms per call for each of `repeats` blocks of `iters` calls, synchronised around each block."""
    for _ in range(s["warmup"]):
        step()
    torch.cuda.synchronize()
    out = []
    for _ in range(s["repeats"]):
        t0 = time.perf_counter()
        for _ in range(s["iters"]):
            step()
        torch.cuda.synchronize()
        out.append((time.perf_counter() - t0) * 1e3 / s["iters"])
    return out


def autograd_loop(dev, size, s):
    """The specification's loop: mm/clamp/mm, (y_pred - y).pow(2).sum(), backward, SGD under no_grad, zero grads."""
    N, D_in, H, D_out = size
    torch.manual_seed(0)
    x = torch.randn(N, D_in, device=dev)
    y = torch.randn(N, D_out, device=dev)
    w1 = torch.randn(D_in, H, device=dev, requires_grad=True)
    w2 = torch.randn(H, D_out, device=dev, requires_grad=True)
    learning_rate = 1e-6

    def step():
        nonlocal w1, w2  # `w1 -= ...` rebinds the names (to the same tensors, updated in place)
        y_pred = x.mm(w1).clamp(min=0).mm(w2)
        loss = (y_pred - y).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            w1 -= learning_rate * w1.grad
            w2 -= learning_rate * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()

    return time_it(step, s)


def sgemm(dev, n, tf32, s):
    """c = a.mm(b), square float32, random data, result dropped; the same call counts as Flint.CudaBench."""
    a = torch.randn(n, n, device=dev)
    b = torch.randn(n, n, device=dev)
    before = torch.backends.cuda.matmul.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = tf32
    try:
        iters = 1 if s["quick"] else max(2, min(50, (64 * 1024 * 1024 * 8) // (n * n * n // 1024)))
        return time_it(lambda: a.mm(b), dict(s, iters=iters, warmup=min(s["warmup"], 3)))
    finally:
        torch.backends.cuda.matmul.allow_tf32 = before


def launch(dev, s, inplace):
    """Per-op launch overhead: 1024 floats, a.add_(b) or c = a + b, 2000 calls per block."""
    a = torch.rand(1024, device=dev)
    b = torch.rand(1024, device=dev)
    step = (lambda: a.add_(b)) if inplace else (lambda: a + b)
    return time_it(step, dict(s, iters=10 if s["quick"] else 2000))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out")
    p.add_argument("--quick", action="store_true")
    a = p.parse_args()
    if not torch.cuda.is_available():
        print("no GPU: torch.cuda.is_available() is false", file=sys.stderr)
        return 3
    s = QUICK if a.quick else FULL
    dev = torch.device("cuda:0")
    n = s["elements"]
    print(f"PyTorch {torch.__version__} (CUDA {torch.version.cuda}) on {torch.cuda.get_device_name(0)}")
    # TF32 off, as Flint's default (and PyTorch's since 1.12): both sides do full float32 products.
    torch.backends.cuda.matmul.allow_tf32 = False

    def add_new():
        a_ = torch.rand(n, device=dev)
        b_ = torch.rand(n, device=dev)
        return time_it(lambda: a_ + b_, s)

    def add_inplace():
        a_ = torch.zeros(n, device=dev)
        b_ = torch.rand(n, device=dev)
        return time_it(lambda: a_.add_(b_), s)

    def clone():
        a_ = torch.rand(n, device=dev)
        return time_it(lambda: a_.clone(), s)

    rows = [
        ("autograd_small", "autograd loop " + "/".join(map(str, s["small"])), autograd_loop(dev, s["small"], s), None, None),
        ("autograd_scaled", "autograd loop " + "/".join(map(str, s["scaled"])), autograd_loop(dev, s["scaled"], s), None, None),
        ("add_new", f"c = a + b, {n:.3g} float32", add_new(), 3 * 4 * n, None),
        ("add_inplace", f"a += b, {n:.3g} float32", add_inplace(), 3 * 4 * n, None),
        ("clone", f"a.clone(), {n:.3g} float32", clone(), 2 * 4 * n, None),
        ("launch_inplace", "launch: a.add_(b), 1024 float32", launch(dev, s, True), None, None),
        ("launch_alloc", "launch: c = a + b, 1024 float32", launch(dev, s, False), None, None),
    ]
    for gn in s["gemm"]:
        for tf32 in (False, True):
            rows.append((f"sgemm_{gn}" + ("_tf32" if tf32 else ""), f"sgemm {gn}\u00b3" + (" tf32" if tf32 else ""), sgemm(dev, gn, tf32, s), None, 2.0 * gn ** 3))
    results = {}
    print(f"\n| {'workload':<36} | {'median ms':>10} | {'min ms':>10} | {'GB/s':>8} |")
    for name, what, ms, nbytes, flops in rows:  # flops: floating-point operations per call
        med = statistics.median(ms)
        gbps = nbytes / (med * 1e-3) / 1e9 if nbytes else None
        tflops = flops / (med * 1e-3) / 1e12 if flops else None
        shown = ('%.1f' % gbps) if gbps else ('%.1f TF' % tflops) if tflops else '-'
        print(f"| {what:<36} | {med:10.4f} | {min(ms):10.4f} | {shown:>8} |")
        results[name] = dict(what=what, median_ms=med, min_ms=min(ms), gbps=gbps, tflops=tflops, samples_ms=ms)
    doc = dict(framework="pytorch", version=torch.__version__, device=torch.cuda.get_device_name(0),
               emulated=False, quick=a.quick, elements=n, results=results)
    if a.out:
        with open(a.out, "w") as f:
            json.dump(doc, f, indent=2)
        print(f"\nwrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
