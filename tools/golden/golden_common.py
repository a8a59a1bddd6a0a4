"""Shared encoders for the golden scripts added for the Core ATen coverage work (gen_pool3d.py, gen_sampling.py).

Two formats: the named-case suites (pool.json's: each case's input, output, indices, the weight w and the gradients
of sum(out * w)), and the op-table cases of tests/golden/ops-*.json (gen_ops.py's encodings), which the Core ATen
coverage table counts.
"""
import math

import torch

DTYPES = {
    "bool": torch.bool, "uint8": torch.uint8, "int8": torch.int8, "int16": torch.int16, "int32": torch.int32,
    "int64": torch.int64, "float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32, "float64": torch.float64,
}
NAME = {v: k for k, v in DTYPES.items()}


def jv(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


def enc(t):
    """pool.json's tensor encoding (shape, dtype, values)."""
    t = t.detach()
    return {
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "values": [jv(v) for v in t.reshape(-1).double().tolist()] if t.is_floating_point() else t.reshape(-1).tolist(),
    }


class Suite:
    """Named cases with values and gradients of sum(out * weight) for every input."""

    def __init__(self, seed):
        self.gen = torch.Generator().manual_seed(seed)
        self.cases = []

    def rand(self, *shape, dtype=torch.float32):
        return torch.randn(*shape, generator=self.gen).to(dtype)

    def uniform(self, lo, hi, *shape, dtype=torch.float32):
        return (torch.rand(*shape, generator=self.gen) * (hi - lo) + lo).to(dtype)

    def case(self, name, x, f, extra_inputs=()):
        x = x.clone().requires_grad_(True)
        extras = [e.clone().requires_grad_(True) for e in extra_inputs]
        r = f(x, *extras)
        out, idx = (r if isinstance(r, tuple) else (r, None))
        w = torch.randn(out.shape, generator=self.gen).to(out.dtype)
        (out * w).sum().backward()
        c = {"name": name, "input": enc(x), "out": enc(out), "weight": enc(w),
             "grad": enc(x.grad if x.grad is not None else torch.zeros_like(x))}
        if idx is not None:
            c["indices"] = enc(idx)
        for i, e in enumerate(extras):
            c[f"extra{i}"] = enc(e)
            c[f"extra{i}_grad"] = enc(e.grad if e.grad is not None else torch.zeros_like(e))
        self.cases.append(c)


def errors_of(calls):
    errors = {}
    for k, f in calls.items():
        try:
            f()
            errors[k] = None
        except Exception as e:
            errors[k] = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
    return errors


def expect_error(errors, name, f):
    """Records PyTorch's error for f() under name (type, first line); a call that does not fail stops the script."""
    try:
        f()
    except Exception as e:  # noqa: BLE001
        errors[name] = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
        return
    raise SystemExit(f"{name}: expected an error")


# ---- gen_ops.py's op-table encoding

def jf(v):
    return jv(v)


def enc_tensor(t):
    t = t.detach().contiguous()
    flat = t.reshape(-1)
    if t.dtype == torch.bool:
        data = [bool(v) for v in flat.tolist()]
    elif t.dtype.is_floating_point:
        data = [jf(v) for v in flat.double().tolist()]
    else:
        data = [int(v) for v in flat.tolist()]
    return {"dtype": NAME[t.dtype], "shape": list(t.shape), "data": data}


def enc_arg(a):
    if a is None:
        return None
    if isinstance(a, torch.Tensor):
        return enc_tensor(a)
    if isinstance(a, bool):
        return {"bool": a}
    if isinstance(a, int):
        return {"int": a}
    if isinstance(a, float):
        return {"float": jf(a)}
    if isinstance(a, torch.dtype):
        return {"scalar_type": NAME[a]}
    if isinstance(a, str):
        return {"str": a}
    if isinstance(a, (list, tuple)):
        if all(isinstance(x, int) and not isinstance(x, bool) for x in a):
            return {"ints": list(a)}
        return {"tensors": [enc_arg(x) for x in a]}
    raise TypeError(type(a))


class OpCases:
    """tests/golden/ops-*.json cases: an op-table row name, its arguments and PyTorch's result or error."""

    def __init__(self):
        self.cases = []

    def case(self, op, fn, *args):
        c = {"op": op, "args": [enc_arg(a) for a in args]}
        try:
            r = fn(*[a.clone() if isinstance(a, torch.Tensor) else a for a in args])
            if isinstance(r, tuple):
                r = list(r)
            c["out"] = enc_arg(r)
        except (RuntimeError, IndexError, ValueError, TypeError) as e:
            c["error"] = str(e).split("\n")[0]
        self.cases.append(c)


def mk(shape, dt, start=0):
    n = 1
    for s in shape:
        n *= s
    vals = [round(((k * 0.731 + 0.37) % 4.0) - 2.0, 3) for k in range(start, start + n)]
    return torch.tensor(vals, dtype=DTYPES[dt]).reshape(shape)


def distinct(shape, dt, seed=0):
    n = 1
    for s in shape:
        n *= s
    g = torch.Generator().manual_seed(seed)
    perm = torch.randperm(n, generator=g)
    return (perm.to(torch.float64) * 0.37 - n * 0.1).to(DTYPES[dt]).reshape(shape)
