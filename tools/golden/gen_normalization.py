#!/usr/bin/python3
"""Generates tests/golden/ops-lrn.json (F.local_response_norm cases in gen_ops.py's format) and
tests/golden/normalization_nn.json (nn.LocalResponseNorm's printing; the grad_fn names of local_response_norm,
layer_norm and group_norm) with PyTorch 1.13.

Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import math
import os

import torch
import torch.nn.functional as F

NAME = {torch.float32: "float32", torch.float64: "float64", torch.bfloat16: "bfloat16", torch.float16: "float16"}


def jf(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


def enc(a):
    if isinstance(a, torch.Tensor):
        t = a.detach().contiguous()
        return {"dtype": NAME[t.dtype], "shape": list(t.shape), "data": [jf(v) for v in t.reshape(-1).double().tolist()]}
    if isinstance(a, bool):
        return {"bool": a}
    if isinstance(a, int):
        return {"int": a}
    if isinstance(a, float):
        return {"float": jf(a)}
    raise TypeError(type(a))


cases = []


def case(x, size, **kwargs):
    c = {"op": "local_response_norm", "args": [enc(x), enc(size)]}
    if kwargs:
        c["kwargs"] = {k: enc(v) for k, v in kwargs.items()}
    try:
        c["out"] = enc(F.local_response_norm(x.clone(), size, **kwargs))
    except (RuntimeError, ValueError) as e:
        # 1.13's message carries a source line continuation's indentation; the words are what matter.
        c["error"] = " ".join(str(e).split("\n")[0].split())
    cases.append(c)


def mk(shape, dt, start=0):
    n = math.prod(shape)
    vals = [round(((k * 0.731 + 0.37) % 4.0) - 2.0, 3) for k in range(start, start + n)]
    return torch.tensor(vals, dtype=dt).reshape(shape)


case(mk([2, 5, 3], torch.float32), 2)
case(mk([2, 5, 3], torch.float32, 7), 3, alpha=0.5, beta=0.75, k=1.0)
case(mk([1, 4, 5], torch.float64), 5, alpha=0.1, beta=0.5, k=2.0)
case(mk([2, 6, 2, 3], torch.float32, 3), 3, alpha=0.01, beta=0.5, k=2.0)
case(mk([2, 3, 2, 2, 2], torch.float32, 11), 2, alpha=0.3, beta=1.0, k=0.5)
case(mk([2, 4, 3], torch.float64, 5), 1, alpha=1.0, beta=0.75, k=1.0)
case(mk([1, 3, 2], torch.float32, 2), 8, alpha=2.0, beta=1.5, k=1.0)
case(mk([2, 3, 2], torch.bfloat16, 4), 2, alpha=0.5)
case(mk([3, 4], torch.float32), 2)

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops-lrn.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
print(f"ops-lrn.json: {len(cases)} cases")

# Module behaviour: printing and the nodes at the top of the graphs.
x3 = torch.ones(2, 4, 3, requires_grad=True)
nn_out = {
    "repr": [repr(torch.nn.LocalResponseNorm(2)), repr(torch.nn.LocalResponseNorm(3, alpha=0.5, beta=1.5, k=2.0)),
             repr(torch.nn.LocalResponseNorm(5, 1e-5))],
    "grad_fn": F.local_response_norm(torch.ones(1, 3, 2, requires_grad=True), 2).grad_fn.name(),
    "parameters": len(list(torch.nn.LocalResponseNorm(2).parameters())),
    "grad_fn_layer_norm": F.layer_norm(x3, [3], torch.ones(3), torch.zeros(3)).grad_fn.name(),
    "grad_fn_layer_norm_no_affine": F.layer_norm(x3, [4, 3]).grad_fn.name(),
    "grad_fn_group_norm": F.group_norm(x3, 2, torch.ones(4), torch.zeros(4)).grad_fn.name(),
    "grad_fn_group_norm_no_affine": F.group_norm(x3, 4).grad_fn.name(),
}
with open(os.path.join(root, "normalization_nn.json"), "w") as fh:
    json.dump(nn_out, fh, indent=1)
print("normalization_nn.json:", nn_out)
