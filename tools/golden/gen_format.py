#!/usr/bin/python3
"""Generates tests/golden/format.json: PyTorch's tensor repr for a deterministic set of tensors.

Run with /usr/bin/python3 (PyTorch 1.13, default print options). Each case records the shape,
dtype, flat row-major values (exact; non-finite as "nan"/"inf"/"-inf", negative zero as "-0.0"),
the autograd suffixes (requires_grad / grad_fn) and repr(t).
"""
import json
import math
import os

import torch

torch.set_printoptions(profile="default")
torch.manual_seed(0)

DTYPE_NAMES = {
    torch.uint8: "uint8",
    torch.int8: "int8",
    torch.int16: "int16",
    torch.int32: "int32",
    torch.int64: "int64",
    torch.float16: "float16",
    torch.float32: "float32",
    torch.float64: "float64",
    torch.bool: "bool",
    torch.bfloat16: "bfloat16",
}

cases = []


def jvalue(v, is_float):
    if not is_float:
        return int(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0.0 and math.copysign(1.0, v) < 0:
        return "-0.0"
    return float(v)


def add(t):
    is_float = t.dtype.is_floating_point
    flat = t.detach().reshape(-1)
    if is_float:
        vals = [jvalue(v, True) for v in flat.double().tolist()]
    else:
        vals = [jvalue(v, False) for v in flat.long().tolist()]
    suffixes = []
    if t.grad_fn is not None:
        suffixes.append("grad_fn=<{}>".format(type(t.grad_fn).__name__))
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    cases.append(
        {
            "shape": list(t.shape),
            "dtype": DTYPE_NAMES[t.dtype],
            "values": vals,
            "suffixes": suffixes,
            "repr": repr(t),
        }
    )


nan, inf = math.nan, math.inf

# 0-dim
add(torch.tensor(4.0))
add(torch.tensor(3))
add(torch.tensor(True))
add(torch.tensor(False))
add(torch.tensor(-0.0))
add(torch.tensor(nan))
add(torch.tensor(-inf))
add(torch.tensor(3.14159265))
add(torch.tensor(1.5e-7))
add(torch.tensor(2.5, dtype=torch.float64))
add(torch.tensor(7, dtype=torch.int8))

# small float tensors
add(torch.tensor([1.0, 2.0, 3.0]))
add(torch.tensor([[1.0, -1.0], [1.0, 1.0]]))
add(torch.tensor([0.1, 0.25, -3.5]))
add(torch.tensor([0.0, -0.0]))
add(torch.tensor([0.0, 0.0, 0.0]))
add(torch.tensor([nan, inf, -inf]))
add(torch.tensor([1.0, nan, -inf, 2.0]))
add(torch.tensor([1.5, nan, inf, -0.0]))
add(torch.tensor([1e-5, 1.0, 100.0]))
add(torch.tensor([1.0, 1e9]))
add(torch.tensor([1.0, 2000.0]))
add(torch.tensor([123456789.0, 1.0, nan]))
add(torch.tensor([0.00012, 0.5]))
add(torch.tensor([0.125, 0.375, 2.5e-5, -0.0]))
add(torch.tensor([1e-30, 1e30, -1e15]))
add(torch.tensor([[0.5, -0.0], [inf, 2.0]]))

# random normals
add(torch.randn(3, 4))
add(torch.randn(2, 3, 4))
add(torch.randn(1000))
add(torch.randn(1001))
add(torch.randn(40, 40))
add(torch.randn(5, 100))
add(torch.randn(2, 2, 300))
add(torch.randn(3, 4) * 1e-6)
add(torch.randn(3, 4) * 1e6)
add(torch.randn(20) * 1e6)
m = torch.randn(4, 5)
m[0] *= 1e-6
m[2] *= 1e5
add(m)
add(torch.randn(2, 3, 4) * 1e-6)
big = torch.randn(40, 40)
big[20, 20] = 1e9  # in the middle: not seen by the summarised formatter
add(big)
big2 = torch.randn(1200)
big2[600] = nan
big2[1] = 1e-7
add(big2)
add(torch.randn(2, 1, 3, 2))
add(torch.randn(1, 1))

# integral floats
add(torch.arange(12, dtype=torch.float32).reshape(3, 4) - 5)
add(torch.arange(30, dtype=torch.float32) * 1000)
add(torch.arange(2000, dtype=torch.float32).reshape(2, 1000))

# integers
add(torch.tensor([1, 2, 3]))
add(torch.tensor([[1, -20], [300, 4]]))
add(torch.arange(100))
add(torch.arange(1500).reshape(30, 50) - 700)
add(torch.tensor([2**53, -(2**62), 123456789012345, 0, -1]))
add(torch.randint(-100, 100, (4, 6), dtype=torch.int8))
add(torch.randint(0, 255, (3, 5), dtype=torch.uint8))
add(torch.randint(-30000, 30000, (2, 5), dtype=torch.int16))
add(torch.randint(-(2**31), 2**31 - 1, (3, 4), dtype=torch.int32))
add(torch.randint(-(2**40), 2**40, (2, 30)))

# bool
add(torch.tensor([True, False, True]))
add(torch.rand(3, 4) > 0.5)
add(torch.rand(1100) > 0.5)

# other float dtypes
add(torch.randn(3, 4, dtype=torch.float64))
add(torch.tensor([1.0, 2.0], dtype=torch.float64))
add(torch.randn(3, 4).half())
add(torch.randn(3, 4).bfloat16())
add(torch.tensor([1.0, 65504.0, 1e-3], dtype=torch.float16))
add((torch.randn(10) * 1e4).bfloat16())
add(torch.tensor([1 / 3, 2 / 3], dtype=torch.float64))

# empty
add(torch.tensor([]))
add(torch.zeros(0, 3))
add(torch.zeros(2, 0, 3))
add(torch.tensor([], dtype=torch.int64))
add(torch.zeros(0, 2, dtype=torch.int32))
add(torch.zeros(0, dtype=torch.bool))
add(torch.zeros(0, dtype=torch.float64))
add(torch.zeros(0, requires_grad=True))

# autograd suffixes
x = torch.randn(2, 3, requires_grad=True)
add(x)
add(x * 2)
add(x.sum())
add(torch.mm(x, torch.randn(3, 2)))
add(torch.randn(5, 30, requires_grad=True))
add(torch.randn(3, 4, dtype=torch.float64, requires_grad=True))
add(torch.randn(3, 1, dtype=torch.float64, requires_grad=True) * 3)
add(torch.randn(3) * 1e-6 * x[0])
add(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], requires_grad=True).exp())
add(torch.randn(64, requires_grad=True) + 1)

# boundaries and oddities
add(torch.tensor([1e8, 2e7]))  # max == 1e8: not scientific
add(torch.tensor([1e8, 2e7, 0.5]))
add(torch.tensor([1e-4, 0.05]))  # min == 1e-4 (as float32, slightly above)
add(torch.tensor([1.0, 1000.0, 0.5]))  # ratio 2000
add(torch.tensor([0.5, 500.0]))  # ratio exactly 1000
add(torch.tensor([3.0, nan, 1000.0, -inf]))
add(torch.tensor([0.00005, 0.00015, 0.00025, 1.00005]))
add(torch.tensor([[[1]]]))
add(torch.tensor([2.5]))
add(torch.randn(7, 7, 7, 8))
add(torch.randint(-5, 5, (8, 9, 10, 2)))
add(torch.randn(7, 200))
add(torch.randn(3, 2, 30, requires_grad=True).double() * 1e-3)
add(torch.randn(1, 22, requires_grad=True).half() * 7)
add(torch.tensor([1.0] * 11, requires_grad=True).bfloat16() * 3)

# fuzz: random shapes, scales, dtypes
g = torch.Generator().manual_seed(1234)
for i in range(16):
    nd = int(torch.randint(1, 4, (1,), generator=g))
    shape = [int(s) for s in torch.randint(1, 9, (nd,), generator=g)]
    scale = 10.0 ** float(torch.randint(-9, 10, (1,), generator=g))
    t = torch.randn(*shape, generator=g) * scale
    if i % 4 == 1:
        t = t.round()
    dt = [torch.float32, torch.float64, torch.float16, torch.bfloat16][i % 4]
    if dt == torch.float16:
        t = t.clamp(-60000, 60000)
    add(t.to(dt))

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "tests", "golden", "format.json")
with open(out, "w") as f:
    json.dump(cases, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote", len(cases), "cases to", os.path.normpath(out))
