#!/usr/bin/python3
"""Generates tests/golden/printing.json: PyTorch 1.13's tensor repr under several torch.set_printoptions settings.

Run with /usr/bin/python3. Each option set lists the set_printoptions calls made (applied in order, starting from
profile="default" with sci_mode=None) and, per tensor, repr(t). Tensors are given by shape, dtype and exact values
(non-finite as "nan"/"inf"/"-inf").
"""
import json
import math
import os

import torch

DTYPE_NAMES = {torch.int64: "int64", torch.int32: "int32", torch.float32: "float32", torch.float64: "float64", torch.bool: "bool"}


def jvalue(v, is_float):
    if not is_float:
        return int(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


torch.manual_seed(0)
nan, inf = math.nan, math.inf
tensors = [
    torch.tensor([1.12345, -2.5, 3.0]),
    torch.tensor([[1.0, -1.0], [0.333333, 100.25]], dtype=torch.float64),
    torch.tensor(3.14159265),
    torch.tensor([1e-6, 2.5e-5, -3e-7]),
    torch.tensor([1e9, -2.0, 5.5]),
    torch.tensor([1.0, 2.0, -3.0]),
    torch.tensor([1.0, 2000.0]),
    torch.tensor([nan, inf, -inf, 1.5]),
    torch.tensor([0.0, 0.0]),
    torch.tensor([nan, 0.0]),
    torch.arange(10),
    torch.arange(30).reshape(5, 6) - 12,
    torch.arange(1500, dtype=torch.int32),
    torch.randn(40, 40),
    torch.randn(1200, dtype=torch.float64) * 1e4,
    torch.randn(3, 4, 5),
    torch.randn(8, 9) * 1e-5,
    torch.randn(25),
    torch.rand(3, 4) > 0.5,
    torch.rand(1100) > 0.5,
    torch.tensor([-123.456, 0.001, 7.0], dtype=torch.float64),
]

option_sets = [
    [{"profile": "default"}],
    [{"precision": 2}],
    [{"precision": 8}],
    [{"precision": 0}],
    [{"threshold": 5}],
    [{"threshold": 5, "edgeitems": 1}],
    [{"edgeitems": 2, "threshold": 20}],
    [{"linewidth": 40}],
    [{"linewidth": 200}],
    [{"profile": "short"}],
    [{"profile": "full"}],
    [{"profile": "full", "precision": 3}],
    [{"sci_mode": True}],
    [{"sci_mode": False}],
    [{"sci_mode": True, "precision": 2}],
    [{"sci_mode": True}, {"precision": 6}],  # the second call (no sci_mode) resets sci_mode to None
    [{"precision": 6}, {"linewidth": 50}],  # only the given options change
    [{"profile": "short", "sci_mode": False}, {"edgeitems": 4, "threshold": 10}],
]

out_tensors = []
for t in tensors:
    is_float = t.dtype.is_floating_point
    flat = t.reshape(-1)
    vals = [jvalue(v, is_float) for v in (flat.double() if is_float else flat.long()).tolist()]
    out_tensors.append({"shape": list(t.shape), "dtype": DTYPE_NAMES[t.dtype], "values": vals})

out_sets = []
for calls in option_sets:
    torch.set_printoptions(profile="default")
    for c in calls:
        torch.set_printoptions(**c)
    o = torch._tensor_str.PRINT_OPTS
    opts = {"precision": o.precision, "threshold": "inf" if o.threshold == inf else o.threshold,
            "edgeitems": o.edgeitems, "linewidth": o.linewidth, "sci_mode": o.sci_mode}
    out_sets.append({"calls": calls, "options": opts, "reprs": [repr(t) for t in tensors]})
torch.set_printoptions(profile="default")

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "printing.json")
with open(path, "w") as f:
    json.dump({"tensors": out_tensors, "option_sets": out_sets}, f, indent=1)
print("wrote", len(out_sets), "option sets x", len(out_tensors), "tensors")
