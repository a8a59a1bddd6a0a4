#!/usr/bin/python3
"""Generates tests/golden/ops-coreaten-overloads.json with PyTorch 1.13: the Core ATen overloads any.dims/all.dims,
squeeze.dims, var.correction (var/std/var_mean/std_mean), atan2.out and scalar_tensor.

PyTorch 1.13 has var(correction=), atan2(out=) and scalar_tensor directly. It has any/all and squeeze over a single
dim only, so the multi-dim goldens are computed with 1.13's single-dim forms applied over the listed dims in
descending order (what PyTorch 2.x's any.dims/squeeze.dims are defined to equal). Run with /usr/bin/python3.
"""
import json
import math
import os

import torch

from golden_common import DTYPES, enc_arg as enc, mk  # noqa: E402

nan, inf = math.nan, math.inf
cases = []


def case(op, fn, *args, **kwargs):
    c = {"op": op, "args": [enc(a) for a in args]}
    if kwargs:
        c["kwargs"] = {k: enc(v) for k, v in kwargs.items()}
    try:
        r = fn(*[a.clone() if isinstance(a, torch.Tensor) else a for a in args], **kwargs)
        if isinstance(r, tuple):
            r = list(r)
        c["out"] = enc(r)
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        c["error"] = str(e).split("\n")[0]
    cases.append(c)


def successive(f, x, dims, keepdim):
    """A multi-dim reduction as 1.13's single-dim one over each listed dim, the highest first."""
    for d in sorted((d % x.dim() for d in dims), reverse=True):
        x = f(x, d, keepdim)
    return x


def boolish(shape, dt, start=0):
    n = 1
    for s in shape:
        n *= s
    vals = [((k * 7 + 3) % 5) == 0 for k in range(start, start + n)]
    return torch.tensor(vals).reshape(shape).to(DTYPES[dt])


# ==== any.dims / all.dims: bool, float, int and uint8 inputs (uint8 keeps uint8, as 1.13's any(dim) does)
for name, f in [("any_dims", torch.any), ("all_dims", torch.all)]:
    for dt in ["bool", "float32", "int64", "uint8", "float64"]:
        x = boolish([3, 4, 5], dt) if name == "any_dims" else 1 - boolish([3, 4, 5], dt, 1).long()
        x = x.to(DTYPES[dt])
        for dims in [(0, 2), (1,), (-1, 0), (0, 1, 2)]:
            for keepdim in [False, True]:
                case(name, lambda t, d, k: successive(f, t, d, k), x, list(dims), keepdim)
    case(name, lambda t, d, k: successive(f, t, d, k), torch.zeros(2, 0, 3), [1, 2], False)

# ==== squeeze.dims: listed size-1 dims go, listed dims of another size stay
for shape, dims in [([2, 1, 3, 1], (1, 3)), ([2, 1, 3, 1], (0, 1)), ([1, 1, 1], (0, 2)), ([1, 4, 1], (-1,)),
                    ([3, 4], (0, 1)), ([1], (0,)), ([2, 1, 3, 1], (3, 1, 0))]:
    case("squeeze_dims", lambda t, d: successive(lambda u, i, _: u.squeeze(i), t, d, False), mk(shape, "float32"), list(dims))

# ==== var/std(_mean) with correction=, over dims or all, keepdim
for name, f in [("var_correction", torch.var), ("std_correction", torch.std),
                ("var_mean_correction", torch.var_mean), ("std_mean_correction", torch.std_mean)]:
    for dt in ["float32", "float64"]:
        x = mk([3, 4, 5], dt)
        for dims, corr, keepdim in [(None, 0, False), (None, 2, False), ([1], 0, False), ([0, 2], 2, True),
                                    ([2], 1, True), ([-1, 0], 3, False), ([0], 5, False)]:
            case(name, lambda t, d, c, k: f(t, d, correction=c, keepdim=k), x, dims, corr, keepdim)
    case(name, lambda t, d, c, k: f(t, d, correction=c, keepdim=k), mk([4, 6], "float32").t(), [0], 2, False)
    case(name, lambda t, d, c, k: f(t, d, correction=c, keepdim=k), mk([3, 4], "int64"), [0], 1, False)

# ==== atan2.out: same shape, a cast into float64, a resize from empty, an error for an integer out
a, b = mk([3, 4], "float32"), mk([4], "float32", start=5)
case("atan2_out", lambda x, y, o: torch.atan2(x, y, out=o), a, b, torch.zeros(3, 4))
case("atan2_out", lambda x, y, o: torch.atan2(x, y, out=o), a, b, torch.zeros(3, 4, dtype=torch.float64))
case("atan2_out", lambda x, y, o: torch.atan2(x, y, out=o), a, b, torch.zeros(0))
case("atan2_out", lambda x, y, o: torch.atan2(x, y, out=o), mk([2, 3], "float64"), mk([2, 3], "float64", start=3), torch.zeros(2, 3, dtype=torch.float64))
case("atan2_out", lambda x, y, o: torch.atan2(x, y, out=o), a, b, torch.zeros(3, 4, dtype=torch.int64))
case("atan2_out", lambda x, y, o: torch.atan2(x, y, out=o), mk([5], "int64"), mk([5], "int64", start=2), torch.zeros(5))

# ==== scalar_tensor: the default dtype for every scalar kind, explicit dtypes
for s in [2.5, 3, True, -0.0, inf, nan, 1e-40]:
    case("scalar_tensor", lambda v: torch.scalar_tensor(v), s)
for s, dt in [(2.5, torch.float64), (3.7, torch.int64), (-2.0, torch.int32), (1.0, torch.bool), (0.1, torch.float16), (7, torch.uint8)]:
    case("scalar_tensor", lambda v, dtype: torch.scalar_tensor(v, dtype=dtype), s, dtype=dt)

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops-coreaten-overloads.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
print(f"ops-coreaten-overloads.json: {len(cases)} cases")
