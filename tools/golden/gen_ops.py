#!/usr/bin/python3
"""Generates tests/golden/ops.json and tests/golden/spec_cells.json with PyTorch 1.13.

Run with /usr/bin/python3 (Debian's python3-torch). Every case is one op call on explicit,
deterministic inputs (no RNG), recorded with PyTorch's result or PyTorch's error message:

  {"op": name, "args": [arg...], "kwargs": {name: arg}, "out": value}   or   ..., "error": message}

Encodings (the C# side decodes them in tests/Flint.Tests/OpInfo/GoldenCase.cs):
  tensor     {"dtype": "float32", "shape": [..], "data": [flat row-major values], "view": [step..]}
             floats are exact doubles, non-finite as "nan"/"inf"/"-inf"; "view" (optional) rebuilds a
             non-contiguous input from the stored contiguous base: {"transpose": [d0, d1]},
             {"slice": [dim, start, stop, step]}, {"expand": [sizes]}, {"permute": [dims]}.
  scalars    {"int": 2}, {"float": 2.5}, {"bool": true}; dims/shapes {"ints": [..]};
  lists      {"tensors": [tensor..]}; dtype arguments {"scalar_type": "int64"}; null is None;
  indexing   {"index": [{"i": 1} | {"slice": [start, stop, step]} | {"ellipsis": 1} | {"none": 1} | {"t": tensor}]}.
Outputs use the same encodings (tuples and tensor lists as {"tensors": [..]}).
In-place ops ("add_", "index_put_", ...) output the mutated self. Cases where PyTorch 1.13 has
no CPU kernel for a dtype ("... not implemented for 'Half'") are left out: there is no answer.
"""
import json
import math
import os

import torch

DTYPES = {
    "bool": torch.bool,
    "uint8": torch.uint8,
    "int8": torch.int8,
    "int16": torch.int16,
    "int32": torch.int32,
    "int64": torch.int64,
    "float16": torch.float16,
    "bfloat16": torch.bfloat16,
    "float32": torch.float32,
    "float64": torch.float64,
}
NAME = {v: k for k, v in DTYPES.items()}
ALL = list(DTYPES)
INTS = ["uint8", "int8", "int16", "int32", "int64"]
FLOATS = ["float16", "bfloat16", "float32", "float64"]
nan, inf = math.nan, math.inf


def jf(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


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


class V:
    """A non-contiguous view: a contiguous base plus recipe steps."""

    def __init__(self, base, *steps):
        self.base = base
        self.steps = steps

    def build(self):
        t = self.base.clone()
        for s in self.steps:
            (k, a), = s.items()
            if k == "transpose":
                t = t.transpose(*a)
            elif k == "slice":
                d, start, stop, step = a
                idx = [slice(None)] * t.dim()
                idx[d] = slice(start, stop, step)
                t = t[tuple(idx)]
            elif k == "expand":
                t = t.expand(*a)
            elif k == "permute":
                t = t.permute(*a)
        return t


class Ix:
    """An index tuple for x[...]."""

    def __init__(self, *entries):
        self.entries = entries

    def build(self):
        out = []
        for e in self.entries:
            out.append(e.build() if isinstance(e, V) else e)
        return tuple(out)


def enc(a):
    if a is None:
        return None
    if isinstance(a, V):
        d = enc_tensor(a.base)
        d["view"] = list(a.steps)
        return d
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
    if isinstance(a, torch.Size):
        return {"ints": list(a)}
    if isinstance(a, str):
        return {"str": a}
    if isinstance(a, Ix):
        es = []
        for e in a.entries:
            if e is None:
                es.append({"none": 1})
            elif e is Ellipsis:
                es.append({"ellipsis": 1})
            elif isinstance(e, slice):
                es.append({"slice": [e.start, e.stop, e.step if e.step is not None else 1]})
            elif isinstance(e, int):
                es.append({"i": e})
            else:
                es.append({"t": enc(e)})
        return {"index": es}
    if isinstance(a, (list, tuple)):
        if all(isinstance(x, int) and not isinstance(x, bool) for x in a):
            return {"ints": list(a)}
        return {"tensors": [enc(x) for x in a]}
    raise TypeError(type(a))


def build(a):
    if isinstance(a, (V, Ix)):
        return a.build()
    if isinstance(a, torch.Tensor):
        return a.clone()
    if isinstance(a, list) and a and isinstance(a[0], (torch.Tensor, V)):
        return [build(x) for x in a]
    return a


cases = []
skipped = 0


def case(op, fn, *args, **kwargs):
    """Records fn(*args, **kwargs); fn gets freshly built inputs (views rebuilt, tensors cloned)."""
    global skipped
    c = {"op": op, "args": [enc(a) for a in args]}
    if kwargs:
        c["kwargs"] = {k: enc(v) for k, v in kwargs.items()}
    try:
        r = fn(*[build(a) for a in args], **{k: build(v) for k, v in kwargs.items()})
        c["out"] = enc(r)
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        msg = str(e).split("\n")[0]
        if "not implemented for" in msg or "not supported for" in msg and "Bool" not in msg:
            skipped += 1
            return
        c["error"] = msg
    cases.append(c)


def method(name):
    return lambda t, *a, **k: getattr(t, name)(*a, **k)


def inplace(name):
    def f(t, *a, **k):
        getattr(t, name)(*a, **k)
        return t

    return f


# ---- deterministic inputs ----------------------------------------------------------------


def mk(shape, dt, kind="mixed", start=0):
    n = 1
    for s in shape:
        n *= s
    i = range(start, start + n)
    if dt == "bool":
        vals = [(k * 5 + 1) % 3 == 0 for k in i]
    elif dt == "uint8" or (kind == "pos" and dt in INTS):
        vals = [(k * 7 + 3) % 13 + (1 if kind == "pos" else 0) for k in i]
    elif dt in INTS:
        vals = [(k * 7 + 3) % 13 - 6 for k in i]
    elif kind == "pos":
        vals = [round(((k * 0.731 + 0.37) % 4.0) + 0.125, 3) for k in i]
    elif kind == "unit":
        vals = [round(((k * 0.377 + 0.11) % 1.6) - 0.8, 3) for k in i]
    else:
        vals = [round(((k * 0.731 + 0.37) % 4.0) - 2.0, 3) for k in i]
    return torch.tensor(vals, dtype=DTYPES[dt]).reshape(shape)


SPECIAL = [nan, inf, -inf, 0.0, -0.0, 0.5, 1.5, 2.5, -2.5, -0.5, 1e-8, 3.0, 88.0, -100.0]


def special(dt):
    return torch.tensor(SPECIAL, dtype=DTYPES[dt])


def T(dt, *shape, kind="mixed", start=0):
    return mk(list(shape), dt, kind, start)


# ---- binary arithmetic --------------------------------------------------------------------

for op in ["add", "sub", "mul", "div"]:
    f = getattr(torch, op)
    for dt in ALL:
        case(op, f, T(dt, 2, 3), T(dt, 2, 3, start=5))
        case(op, f, T(dt, 2, 3), 2)
        case(op, f, T(dt, 2, 3), 2.5)
    # mixed dtypes: every pair, small shapes
    for a in ALL:
        for b in ALL:
            if a != b:
                case(op, f, T(a, 3), T(b, 3, start=2))
    case(op, f, T("float32", 2, 3), T("float32", 3))
    case(op, f, T("int64", 2, 1), T("int64", 1, 3))
    case(op, f, T("float32", 3, 1, 2), T("float32", 4, 2))
    case(op, f, T("float32", 4, 2), T("float32", 4, 3))
    case(op, f, T("float32", 2, 3), T("float64"))
    case(op, f, T("int32", 2, 3), T("float64"))
    case(op, f, T("int32", 2, 3), T("int64"))
    case(op, f, V(T("float32", 3, 2), {"transpose": [0, 1]}), T("float32", 2, 3))
    case(op, f, V(T("int64", 2, 6), {"slice": [1, 0, 6, 2]}), V(T("int64", 3, 2), {"transpose": [0, 1]}))
    case(op, f, V(T("float64", 3, 1), {"expand": [3, 4]}), T("float64", 4))
    case(op, f, special("float32"), T("float32", 14, start=1))
    case(op, f, special("float64"), special("float64").flip(0))
for op in ["add", "sub"]:
    f = getattr(torch, op)
    case(op, f, T("int64", 2, 3), T("int64", 2, 3, start=1), alpha=2)
    case(op, f, T("int32", 2, 3), T("int32", 2, 3, start=1), alpha=-3)
    case(op, f, T("float32", 2, 3), T("float32", 2, 3, start=1), alpha=0.5)
    case(op, f, T("float64", 2, 3), T("float64", 2, 3, start=1), alpha=2.0)
    case(op, f, T("float32", 2, 3), T("int64", 2, 3, start=1), alpha=3)
    case(op, f, T("int64", 2, 3), T("int64", 2, 3, start=1), alpha=0.5)
case("div", torch.div, T("int64", 2, 3), T("int64", 2, 3, start=3))  # includes division by zero
case("div", torch.div, T("float32", 4), 0.0)

# in-place arithmetic: results equal the out-of-place ones; failures leave self unchanged
for op in ["add_", "sub_", "mul_", "div_"]:
    f = inplace(op)
    for dt in ["uint8", "int32", "int64", "float16", "float32", "float64"]:
        case(op, f, T(dt, 2, 3), T(dt, 2, 3, start=5))
        case(op, f, T(dt, 2, 3), T(dt, 3, start=1))
        case(op, f, T(dt, 2, 3), 2)
    case(op, f, T("int64", 3), T("float32", 3))
    case(op, f, T("int64", 3), 2.5)
    case(op, f, T("float32", 3), T("float32", 2, 3))
    case(op, f, T("bool", 3), T("int64", 3))
    case(op, f, T("float32", 2, 3), T("float64", 2, 3))
    case(op, f, V(T("float32", 3, 2), {"transpose": [0, 1]}), T("float32", 2, 3))
case("add_", inplace("add_"), T("int64", 3), T("int64", 3, start=1), alpha=2)

# ---- pow ----------------------------------------------------------------------------------

for dt in ALL:
    case("pow", torch.pow, T(dt, 2, 3), 2)
    case("pow", torch.pow, T(dt, 2, 3, kind="pos"), 0.5)
    case("pow", torch.pow, T(dt, 2, 3, kind="pos"), 3)
    case("pow", torch.pow, T(dt, 2, 3), T(dt, 2, 3, kind="pos"))
for e in [0, 1, -1, 2, -2, 3, 0.5, -0.5, 1.5]:
    case("pow", torch.pow, special("float32"), e)
    case("pow", torch.pow, special("float64"), e)
case("pow", torch.pow, T("int64", 6), -1)
case("pow", torch.pow, T("int64", 6), -2)
case("pow", torch.pow, T("int64", 6), torch.tensor([-1, -2, 0, 1, 2, 3]))
case("pow", torch.pow, torch.tensor([-1, 1, 2, 0, -2, 1]), torch.tensor([-1, -2, -1, 3, -3, 0]))
case("pow", torch.pow, T("int32", 2, 3), T("float32", 3, kind="pos"))
case("pow", torch.pow, T("float32", 2, 3), T("float32", 4))
case("pow", torch.pow, T("int64", 4), 2.0)
case("pow", torch.pow, T("float16", 4, kind="pos"), 1.5)
case("pow", torch.pow, 2, T("float32", 4))
case("pow", torch.pow, 2.0, T("int64", 4, kind="pos"))
case("pow", torch.pow, 3, T("int64", 4, kind="pos"))

# ---- unary --------------------------------------------------------------------------------

UNARY = ["neg", "abs", "sqrt", "rsqrt", "exp", "log", "log1p", "sin", "cos", "tanh", "sigmoid",
         "relu", "sign", "floor", "ceil", "round"]
for op in UNARY:
    f = getattr(torch, op)
    for dt in ALL:
        case(op, f, T(dt, 2, 3))
        case(op, f, T(dt, 2, 3, kind="pos"))
    case(op, f, special("float32"))
    case(op, f, special("float64"))
    case(op, f, special("float16"))
    case(op, f, torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, 0.49999997, 1e10, -3.7, 12.5, 100.0, 1e-30, -20.0]))
    case(op, f, V(T("float32", 3, 4), {"transpose": [0, 1]}))
    case(op, f, V(T("float64", 2, 8), {"slice": [1, 1, 8, 3]}))
    case(op, f, T("float32"))
    case(op, f, torch.zeros(0, 3))
for op in ["neg_", "relu_", "exp_", "sqrt_"]:
    for dt in ["int64", "float32", "float64"]:
        case(op, inplace(op), T(dt, 2, 3))
    case(op, inplace(op), V(T("float32", 3, 4), {"transpose": [0, 1]}))

for dt in ALL:
    case("clamp", torch.clamp, T(dt, 2, 4), min=-1)
    case("clamp", torch.clamp, T(dt, 2, 4), max=1)
    case("clamp", torch.clamp, T(dt, 2, 4), min=-1, max=1)
    case("clamp", torch.clamp, T(dt, 2, 4), min=-0.5, max=1.5)
case("clamp", torch.clamp, special("float32"), min=-1.0, max=2.0)
case("clamp", torch.clamp, special("float64"), min=0.0)
case("clamp", torch.clamp, T("float32", 2, 4), min=1.0, max=-1.0)
case("clamp", torch.clamp, T("float32", 2, 4))
case("clamp_", inplace("clamp_"), T("float32", 2, 4), min=-1.0, max=0.5)
case("clamp_", inplace("clamp_"), T("int64", 2, 4), min=-1, max=2)

for op in ["maximum", "minimum"]:
    f = getattr(torch, op)
    for dt in ALL:
        case(op, f, T(dt, 2, 3), T(dt, 2, 3, start=4))
    case(op, f, special("float32"), T("float32", 14))
    case(op, f, T("float32", 2, 3), T("float32", 3))
    case(op, f, T("int64", 2, 3), T("float32", 2, 3))
    case(op, f, T("int8", 3), T("uint8", 3))
    case(op, f, T("float32", 2, 3), T("float32", 3, 2))

for dt in ALL:
    case("where", torch.where, T("bool", 2, 3), T(dt, 2, 3), T(dt, 2, 3, start=3))
case("where", torch.where, T("bool", 2, 1), T("float32", 1, 3), T("float32", 2, 3))
case("where", torch.where, T("bool", 2, 3), T("int64", 2, 3), T("float32", 2, 3))
case("where", torch.where, T("bool", 2, 3), T("float32", 2, 3), T("float64"))
case("where", torch.where, T("bool", 3), T("float32", 2, 3), T("float32", 4, 3))
case("where", torch.where, T("uint8", 3), T("float32", 3), T("float32", 3))

# ---- comparisons --------------------------------------------------------------------------

for op in ["eq", "ne", "lt", "le", "gt", "ge"]:
    f = getattr(torch, op)
    for dt in ALL:
        case(op, f, T(dt, 2, 3), T(dt, 2, 3, start=1))
        case(op, f, T(dt, 2, 3), 1)
        case(op, f, T(dt, 2, 3), 0.5)
    case(op, f, special("float32"), special("float32").flip(0))
    case(op, f, T("int64", 2, 3), T("float32", 3))
    case(op, f, T("uint8", 4), T("int8", 4))
    case(op, f, T("float16", 4), T("float64", 4))
    case(op, f, T("float32", 2, 3), T("float32", 2, 2))
    case(op, f, V(T("int32", 3, 2), {"transpose": [0, 1]}), T("int32", 2, 3))

# ---- reductions ---------------------------------------------------------------------------

RED_DTYPES = ["bool", "uint8", "int32", "int64", "float16", "float32", "float64"]
x3 = {dt: T(dt, 2, 3, 4) for dt in ALL}
for op in ["sum", "mean", "prod"]:
    f = getattr(torch, op)
    for dt in RED_DTYPES:
        x = x3[dt] if op != "prod" else T(dt, 2, 3, 4, kind="unit" if dt in FLOATS else "mixed")
        case(op, f, x)
        case(op, f, x, 0)
        case(op, f, x, -1, keepdim=True)
        case(op, f, x, 1, keepdim=False)
        if op != "prod":
            case(op, f, x, [0, 2])
            case(op, f, x, [0, 2], keepdim=True)
            case(op, f, x, [-1, 0, 1])
    case(op, f, x3["float32"], 3)
    case(op, f, T("float32"))
    case(op, f, T("float32"), 0)
    case(op, f, V(x3["float32"], {"transpose": [0, 2]}), 1)
    case(op, f, special("float32"))
    case(op, f, torch.zeros(0, 3), 0)
case("sum", torch.sum, x3["int32"], dtype=torch.float64)
case("sum", torch.sum, x3["float32"], [0, 0])
case("mean", torch.mean, x3["float32"], dtype=torch.float64)

for op in ["max", "min"]:
    f = getattr(torch, op)
    for dt in RED_DTYPES:
        case(op, f, x3[dt])
        case(op, f, x3[dt], 1)
        case(op, f, x3[dt], -1, keepdim=True)
    case(op, f, special("float32"))
    case(op, f, torch.tensor([[1.0, nan, 3.0], [2.0, 5.0, 5.0]]), 1)
    case(op, f, torch.tensor([[3, 1, 3], [2, 2, 0]]), 1)
    case(op, f, x3["float32"], 3)
    case(op, f, torch.zeros(0, 3))
    case(op, f, torch.zeros(0, 3), 1)
    case(op, f, V(x3["float64"], {"permute": [2, 0, 1]}), 0)
for op in ["argmax", "argmin"]:
    f = getattr(torch, op)
    for dt in ["uint8", "int32", "int64", "float16", "float32", "float64"]:
        case(op, f, x3[dt])
        case(op, f, x3[dt], 1)
        case(op, f, x3[dt], 2, keepdim=True)
    case(op, f, torch.tensor([[3, 1, 3], [2, 0, 0]]), 1)
    case(op, f, torch.tensor([1.0, nan, 5.0, nan]))
    case(op, f, x3["float32"], -4)
    case(op, f, T("float32"))
for op in ["var", "std"]:
    f = getattr(torch, op)
    for dt in ["float32", "float64"]:
        case(op, f, x3[dt])
        case(op, f, x3[dt], unbiased=False)
        case(op, f, x3[dt], 1)
        case(op, f, x3[dt], 2, unbiased=False, keepdim=True)
        case(op, f, x3[dt], [0, 2])
    case(op, f, x3["int64"])
    case(op, f, T("float32", 1))
    case(op, f, x3["float32"], 3)
for dt in ["float32", "float64"]:
    for p in [2, 1, inf, 3.0, 0.5, 0, -inf, -1.5]:
        case("norm", torch.norm, x3[dt], p)
        case("norm", torch.norm, x3[dt], p, 1)
        case("norm", torch.norm, x3[dt], p, [0, 2], keepdim=True)
case("norm", torch.norm, x3["float32"], 2, 3)

# ---- zero-size views with an offset inside their base (x[2:2], x[:, 3:3]) against broadcasting partners and reduced
e03 = V(T("float32", 4, 3), {"slice": [0, 2, 2, 1]})
e40 = V(T("float32", 4, 3), {"slice": [1, 3, 3, 1]})
for a, b in [(e03, T("float32", 1)), (T("float32", 1), e03), (e03, T("float32")), (T("float32"), e03), (e40, T("float32", 1)),
             (e03, T("float32", 3)), (e03, 2.5), (e40, T("float64", 4, 1))]:
    case("add", torch.add, a, b)
case("mul", torch.mul, e03, T("int64", 1))
case("lt", torch.lt, e03, T("float32", 1))
case("where", torch.where, V(T("bool", 4, 3), {"slice": [0, 2, 2, 1]}), e03, T("float32", 1))
for op in ["sum", "mean", "prod", "max"]:
    f = getattr(torch, op)
    case(op, f, e03)
    case(op, f, e03, 0)
    case(op, f, e40, 1)
    case(op, f, e40, 0)
for op in ["all", "any"]:
    f = getattr(torch, op)
    for dt in ["bool", "uint8", "int64", "float32"]:
        case(op, f, x3[dt])
        case(op, f, x3[dt], 1)
        case(op, f, x3[dt], 2, keepdim=True)
    case(op, f, torch.zeros(0, dtype=torch.bool))
    case(op, f, torch.ones(2, 3, dtype=torch.bool), 0)
    case(op, f, x3["bool"], -5)
for t in [T("float32", 1), T("int64", 1, 1), T("bool"), T("float32", 2, 3), torch.zeros(0)]:
    # aten::item, the C++ API's message (Python's binding words it "... to Python scalars").
    case("item", lambda t: torch.ops.aten.item(t).item() if isinstance(torch.ops.aten.item(t), torch.Tensor) else torch.ops.aten.item(t), t)

# ---- matrix products ----------------------------------------------------------------------

for dt in ["float32", "float64", "int64", "int32"]:
    case("mm", torch.mm, T(dt, 3, 2), T(dt, 2, 4))
    case("bmm", torch.bmm, T(dt, 2, 3, 2), T(dt, 2, 2, 4))
    case("dot", torch.dot, T(dt, 5), T(dt, 5, start=2))
    case("mv", torch.mv, T(dt, 3, 4), T(dt, 4))
    case("outer", torch.outer, T(dt, 3), T(dt, 4))
case("mm", torch.mm, V(T("float32", 2, 3), {"transpose": [0, 1]}), V(T("float32", 4, 2), {"transpose": [0, 1]}))
case("mm", torch.mm, V(T("float32", 3, 6), {"slice": [1, 0, 6, 2]}), T("float32", 3, 4))
case("mm", torch.mm, T("float32", 3, 2), T("float32", 3, 4))
case("mm", torch.mm, T("float32", 3, 2), T("float32", 2))
case("mm", torch.mm, T("float32", 2), T("float32", 2, 4))
case("mm", torch.mm, T("float32", 3, 2), T("float64", 2, 4))
case("mm", torch.mm, T("float32", 0, 2), T("float32", 2, 3))
case("mm", torch.mm, T("float32", 2, 0), T("float32", 0, 3))
case("bmm", torch.bmm, T("float32", 2, 3, 2), T("float32", 3, 2, 4))
case("bmm", torch.bmm, T("float32", 2, 3, 2), T("float32", 2, 3, 4))
case("bmm", torch.bmm, T("float32", 3, 2), T("float32", 2, 2, 4))
case("dot", torch.dot, T("float32", 5), T("float32", 4))
case("dot", torch.dot, T("float32", 2, 2), T("float32", 4))
case("dot", torch.dot, T("float32", 4), T("float64", 4))
case("mv", torch.mv, T("float32", 3, 4), T("float32", 3))
case("mv", torch.mv, T("float32", 4), T("float32", 4))
case("outer", torch.outer, T("int64", 3), T("float32", 2))
MM_SHAPES = [((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 3)), ((3, 4), (4, 2)), ((2, 3, 4), (4, 2)),
             ((2, 3, 4), (4,)), ((4,), (2, 4, 3)), ((2, 3, 4), (2, 4, 2)), ((2, 1, 3, 4), (3, 4, 2)),
             ((3, 4), (2, 4, 2)), ((1, 3, 4), (5, 4, 2)), ((3, 4), (3, 4)), ((2, 3, 4), (3, 4, 2)),
             ((4,), (3,)), ((2, 3, 4), (5,))]
for sa, sb in MM_SHAPES:
    case("matmul", torch.matmul, T("float32", *sa), T("float32", *sb, start=3))
case("matmul", torch.matmul, T("float64", 2, 3, 4), V(T("float64", 2, 2, 4), {"transpose": [1, 2]}))
case("matmul", torch.matmul, T("int64", 2, 3), T("int64", 3, 2))
case("matmul", torch.matmul, T("float32"), T("float32", 3))

# ---- shape ops ----------------------------------------------------------------------------

x = T("float32", 2, 3, 4)
xt = V(T("float32", 2, 3, 4), {"transpose": [0, 2]})
for s in [[6, 4], [-1], [4, -1, 2], [24], [2, 12], [5, 5], [-1, -1], [0, -1]]:
    case("view", method("view"), x, s)
    case("reshape", method("reshape"), x, s)
    case("reshape", method("reshape"), xt, s)
case("view", method("view"), xt, [-1])
case("view", method("view"), xt, [4, 3, 2])
case("view", method("view"), V(T("float32", 4, 6), {"slice": [1, 0, 6, 2]}), [2, 2, 3])
case("view", method("view"), V(T("float32", 4, 6), {"slice": [1, 0, 6, 2]}), [12])
case("view", method("view"), V(T("float32", 2, 3), {"transpose": [0, 1]}), [3, 2])
case("view", method("view"), T("int64"), [1, 1])
for args in [(), (1,), (0, 1), (1, 2), (-2, -1), (2, 0), (0, 3)]:
    case("flatten", method("flatten"), x, *args)
case("flatten", method("flatten"), T("float32"))
case("flatten", method("flatten"), xt)
xs = T("float32", 1, 3, 1, 2)
for args in [(), (0,), (1,), (2,), (-1,), (4,), (-5,)]:
    case("squeeze", method("squeeze"), xs, *args)
case("squeeze", method("squeeze"), T("float32"), 0)
for d in [0, 1, 2, 3, -1, -4, 4, -5]:
    case("unsqueeze", method("unsqueeze"), x, d)
case("unsqueeze", method("unsqueeze"), T("float32"), 0)
for p in [[2, 0, 1], [0, 1, 2], [-1, 0, 1], [0, 0, 1], [0, 1], [0, 1, 3]]:
    case("permute", method("permute"), x, p)
for a, b in [(0, 1), (0, 2), (-1, 0), (1, 1), (0, 3), (-4, 0)]:
    case("transpose", method("transpose"), x, a, b)
case("transpose", method("transpose"), T("float32", 2), -1, 0)
case("transpose", method("transpose"), T("float32", 2), 1, 0)
case("transpose", method("transpose"), T("float32"), 0, -1)
for t in [T("float32", 2, 3), T("float32", 3), T("float32"), x]:
    case("t", method("t"), t)
for t in [T("float32", 2, 3), T("float32", 3), x]:
    case("T", lambda t: t.T, t)
xe = T("int64", 3, 1)
for s in [[3, 4], [2, 3, 4], [-1, 2], [3, 1], [4, 4], [3], [-1, 3, 1], [2, -1, 4]]:
    case("expand", method("expand"), xe, s)
case("expand", method("expand"), T("float32"), [2, 2])
for d, st, ln in [(0, 0, 1), (1, 1, 2), (-1, 2, 2), (2, -2, 2), (1, 2, 2), (3, 0, 1), (0, 0, 0)]:
    case("narrow", method("narrow"), x, d, st, ln)
for d, i in [(0, 1), (1, -1), (2, 3), (-1, 0), (1, 3), (1, -4), (3, 0)]:
    case("select", method("select"), x, d, i)
case("select", method("select"), T("float32"), 0, 0)
case("contiguous", method("contiguous"), xt)
case("clone", method("clone"), V(T("int64", 4, 6), {"slice": [1, 1, 6, 2]}))

# ---- indexing -----------------------------------------------------------------------------

xi = T("int64", 3, 4, 5)
xf = T("float32", 4, 5)
mask45 = torch.tensor([[(i * 3 + j) % 4 == 0 for j in range(5)] for i in range(4)])
idx_cases = [
    Ix(1), Ix(-1), Ix(1, 2), Ix(0, -1, 3), Ix(3), Ix(0, 4), Ix(-4),
    Ix(slice(None)), Ix(slice(1, None)), Ix(slice(None, 2)), Ix(slice(None, None, 2)),
    Ix(slice(1, 4, 2), slice(None, None, 3)), Ix(slice(-2, None)), Ix(slice(5, 10)), Ix(slice(2, 1)),
    Ix(Ellipsis, 0), Ix(Ellipsis, slice(1, 3)), Ix(0, Ellipsis), Ix(Ellipsis), Ix(1, Ellipsis, 2),
    Ix(None), Ix(None, 0), Ix(slice(None), None, 1), Ix(Ellipsis, None), Ix(0, 0, 0, 0),
    Ix(torch.tensor([0, 2])), Ix(torch.tensor([2, 0, 2, -1])), Ix(torch.tensor([[0, 1], [2, 2]])),
    Ix(slice(None), torch.tensor([3, 0])), Ix(torch.tensor([0, 1]), torch.tensor([1, 3])),
    Ix(torch.tensor([0, 2]), slice(None), torch.tensor([4, 0])),
    Ix(slice(None), torch.tensor([0, 1]), torch.tensor([2, 3])),
    Ix(torch.tensor([[0], [2]]), torch.tensor([1, 3])),
    Ix(torch.tensor([0, 2]), 1, torch.tensor([1, 3])),
    Ix(1, torch.tensor([0, 3])), Ix(torch.tensor([3])), Ix(torch.tensor([-4])),
    Ix(torch.tensor([True, False, True])), Ix(slice(None), torch.tensor([False, True, True, False])),
    Ix(torch.tensor([True, False])), Ix(torch.tensor([0.0])), Ix(None, torch.tensor([1, 0]), Ellipsis, 2),
]
for ix in idx_cases:
    case("index", lambda t, i: t[i], xi, ix)
case("index", lambda t, i: t[i], xf, Ix(mask45))
case("index", lambda t, i: t[i], xf, Ix(xf > 0))
case("index", lambda t, i: t[i], V(xf.clone(), {"transpose": [0, 1]}), Ix(slice(None, None, 2), 1))
case("index", lambda t, i: t[i], V(xf.clone(), {"transpose": [0, 1]}), Ix(torch.tensor([4, 0, 1])))
case("index", lambda t, i: t[i], T("float32"), Ix(None))
case("index", lambda t, i: t[i], T("float32"), Ix(Ellipsis))
case("index", lambda t, i: t[i], T("float32"), Ix(0))


def index_put(t, i, v):
    t[i] = v
    return t


put_cases = [
    (Ix(1), 7), (Ix(1), 2.5), (Ix(slice(None), 1), torch.tensor([9, 8, 7, 6])),
    (Ix(slice(None, None, 2)), -1), (Ix(Ellipsis, 0), T("int64", 4, 1)),
    (Ix(torch.tensor([0, 3])), torch.tensor([10, 20])[:, None]), (Ix(mask45), 0),
    (Ix(mask45), torch.arange(20)[:6]), (Ix(torch.tensor([0, 1]), torch.tensor([4, 2])), 5),
    (Ix(slice(None), torch.tensor([1, 3])), torch.tensor([[1, 2]])), (Ix(7), 1),
    (Ix(slice(None), 1), torch.tensor([1, 2, 3])), (Ix(mask45), torch.tensor([1, 2])),
    (Ix(torch.tensor([0, 0])), torch.tensor([[1], [2]])),
]
for ix, v in put_cases:
    case("index_put_", index_put, T("int64", 4, 5), ix, v)
case("index_put_", index_put, T("float32", 4, 5), Ix(mask45), 0.5)
case("index_put_", index_put, T("float32", 4, 5), Ix(T("float32", 4, 5) < 0), 0)
case("index_put_", index_put, V(T("float32", 5, 4), {"transpose": [0, 1]}), Ix(1, slice(1, 4)), T("float32", 3))
case("index_put_", index_put, T("float32", 4, 5), Ix(torch.tensor([1, 2])), T("float64", 5))

for d, idx in [(0, [2, 0]), (1, [3, 3, 0]), (-1, [4]), (1, []), (2, [0]), (0, [5])]:
    case("index_select", torch.index_select, T("float32", 4, 5), d, torch.tensor(idx, dtype=torch.int64))
case("index_select", torch.index_select, T("int64", 4, 5), 0, torch.tensor([[0]]))
case("index_select", torch.index_select, T("int64", 4, 5), 0, torch.tensor(1))
case("index_select", torch.index_select, T("int64", 4, 5), 0, torch.tensor([1.0]))
gidx = torch.tensor([[0, 2, 1], [3, 0, 0]])
case("gather", torch.gather, T("float32", 4, 5), 0, gidx)
case("gather", torch.gather, T("float32", 4, 5), 1, gidx)
case("gather", torch.gather, T("int64", 4, 5), -1, torch.tensor([[4], [0], [1], [2]]))
case("gather", torch.gather, T("int64", 4, 5), 1, torch.tensor([[5]]))
case("gather", torch.gather, T("int64", 4, 5), 1, torch.tensor([0, 1]))
case("gather", torch.gather, T("int64", 4, 5), 1, torch.tensor([[0]], dtype=torch.int32))
case("gather", torch.gather, V(T("float32", 5, 4), {"transpose": [0, 1]}), 1, gidx)
sidx = torch.tensor([[0, 1, 2], [2, 0, 1]])
case("scatter", torch.scatter, T("float32", 3, 4), 0, sidx, T("float32", 2, 3, start=7))
case("scatter", torch.scatter, T("float32", 3, 4), 1, sidx, T("float32", 2, 4, start=7))
case("scatter", torch.scatter, T("int64", 3, 4), 1, sidx, 9)
case("scatter", torch.scatter, T("int64", 3, 4), 1, sidx, 2.5)
case("scatter", torch.scatter, T("int64", 3, 4), 1, torch.tensor([[4]]), 1)
case("scatter", torch.scatter, T("float32", 3, 4), 0, sidx, T("float32", 1, 2))
case("scatter_add", torch.scatter_add, T("float32", 3, 4), 0, torch.tensor([[0, 0, 2], [0, 1, 0]]), T("float32", 2, 3))
case("scatter_add", torch.scatter_add, T("int64", 3, 4), 1, torch.tensor([[0, 0], [3, 3]]), T("int64", 2, 2))
case("scatter_add", torch.scatter_add, T("int64", 3, 4), 1, sidx, T("float32", 2, 3))
# float16/bfloat16 accumulate into repeated indices, each add rounded to the dtype (2048 + 1 + 1 stays 2048 in float16).
for dt, big in [(torch.float16, 2048.0), (torch.bfloat16, 256.0)]:
    case("scatter_add", torch.scatter_add, torch.zeros(3, 3, dtype=dt), 0, torch.tensor([[0, 1, 2], [0, 1, 2], [0, 0, 2]]),
         torch.tensor([[1.0, 2.0, 3.0], [0.5, 0.25, 4.0], [1.5, 8.0, -2.0]], dtype=dt))
    case("scatter_add", torch.scatter_add, torch.full((2, 3), big, dtype=dt), 1, torch.tensor([[0, 0, 0], [1, 2, 2]]), torch.ones(2, 3, dtype=dt))
case("scatter_", inplace("scatter_"), T("float32", 3, 4), 1, sidx, T("float32", 2, 3))
case("scatter_add_", inplace("scatter_add_"), T("float32", 3, 4), 0, sidx, T("float32", 2, 3))
m34 = torch.tensor([[True, False, False, True], [False, False, True, False], [True, True, True, True]])
for dt in ["float32", "int64", "bool", "float16"]:
    case("masked_fill", torch.masked_fill, T(dt, 3, 4), m34, 1)
case("masked_fill", torch.masked_fill, T("float32", 3, 4), torch.tensor([True, False, True, False]), -2.5)
case("masked_fill", torch.masked_fill, T("int64", 3, 4), m34, 2.5)
case("masked_fill", torch.masked_fill, T("float32", 3, 4), m34.to(torch.uint8), 1.0)
case("masked_fill", torch.masked_fill, T("float32", 3, 4), torch.tensor([True, False]), 1.0)
case("masked_fill", torch.masked_fill, T("float32", 4), m34, 1.0)
case("masked_fill_", inplace("masked_fill_"), T("float32", 3, 4), m34, -1.0)

# ---- joining and splitting ----------------------------------------------------------------

a23, b23 = T("float32", 2, 3), T("float32", 2, 3, start=6)
case("cat", torch.cat, [a23, b23])
case("cat", torch.cat, [a23, b23], 1)
case("cat", torch.cat, [a23, T("float32", 1, 3), b23], -2)
case("cat", torch.cat, [a23, T("int64", 2, 2)], 1)
case("cat", torch.cat, [T("int32", 2), T("uint8", 3), T("bool", 1)])
case("cat", torch.cat, [a23, T("float32", 2, 2)], 0)
case("cat", torch.cat, [a23, T("float32", 6)])
case("cat", torch.cat, [a23, b23], 2)
case("cat", torch.cat, [V(T("float32", 3, 2), {"transpose": [0, 1]}), a23], 1)
case("stack", torch.stack, [a23, b23])
case("stack", torch.stack, [a23, b23], 2)
case("stack", torch.stack, [a23, b23], -1)
case("stack", torch.stack, [a23, b23], 3)
case("stack", torch.stack, [a23, T("float32", 3, 2)])
case("stack", torch.stack, [T("int64", 3), T("float64", 3)])
x57 = T("int64", 5, 7)
for args in [(2,), (2, 1), (3, -1), (5,), (10, 0), ([1, 4], 0), ([2, 2, 3], 1), ([2, 2], 1), (2, 2)]:
    case("split", torch.split, x57, *args)
for args in [(2,), (3, 1), (4, 1), (7, 0), (1, -1), (0,), (2, 3)]:
    case("chunk", torch.chunk, x57, *args)

# ---- casts --------------------------------------------------------------------------------

CAST_SRC = {
    "bool": torch.tensor([True, False, True]),
    "uint8": torch.tensor([0, 1, 127, 200, 255], dtype=torch.uint8),
    "int8": torch.tensor([0, -1, 127, -128, 5], dtype=torch.int8),
    "int16": torch.tensor([0, -3, 255, 300, 32767], dtype=torch.int16),
    "int32": torch.tensor([0, -7, 65504, 100000, 2049], dtype=torch.int32),
    "int64": torch.tensor([0, -9, 2**24 + 1, 2**53 + 1, 127], dtype=torch.int64),
    "float16": torch.tensor([0.0, -1.5, 2.75, 65504.0, -0.0, 0.333], dtype=torch.float16),
    "bfloat16": torch.tensor([0.0, -1.5, 2.75, 3.0e38, 0.333, 255.5], dtype=torch.bfloat16),
    "float32": torch.tensor([0.0, -1.7, 2.5, 126.9, -127.9, 1.0009765625, 1.00048828125, 0.1], dtype=torch.float32),
    "float64": torch.tensor([0.0, -1.7, 2.5, 126.9, 1.0 + 2**-11, 1.0 + 2**-11 + 2**-40, 1.0 + 3 * 2**-11,
                             1.0 + 2**-8, 1.0 + 2**-8 + 2**-30, 65519.0, 65520.0, 1e-8, 3.0e38], dtype=torch.float64),
}
SPECIAL_CASTS = {"float32", "float64", "float16", "bfloat16"}
for src, t in CAST_SRC.items():
    for dst in ALL:
        if src in FLOATS and dst in INTS:
            # Out-of-range float to int is undefined in C++; keep the values that fit every int type.
            t2 = t.double()
            t2 = t2[(t2 > -128) & (t2 < 127)].to(t.dtype)
        else:
            t2 = t
        case("to", lambda t, d: t.to(d), t2, DTYPES[dst])
    if src in SPECIAL_CASTS:
        for dst in FLOATS + ["bool"]:
            case("to", lambda t, d: t.to(d), special(src), DTYPES[dst])
case("to", lambda t, d: t.to(d), V(T("float32", 3, 4), {"transpose": [0, 1]}), torch.int32)

# ---- type promotion -----------------------------------------------------------------------

for a in ALL:
    for b in ALL:
        case("result_type", torch.result_type, T(a, 2), T(b, 2))
        case("result_type", torch.result_type, T(a, 2), T(b))
        case("result_type", torch.result_type, T(a), T(b))
    for s in [1, 2.5, True]:
        case("result_type", torch.result_type, T(a, 2), s)
        case("result_type", torch.result_type, T(a), s)

# ---- creation -----------------------------------------------------------------------------

case("arange", torch.arange, 5)
case("arange", torch.arange, 2, 9, 3)
case("arange", torch.arange, 5, 0, -2)
case("arange", torch.arange, 0.0, 1.0, 0.25)
case("arange", torch.arange, 1.5)
case("arange", torch.arange, -1.0, 1.0, 0.3)
case("arange", torch.arange, 0, 5, 0)
case("arange", torch.arange, 5, 0, 1)
for dt in ALL:
    if dt != "bool":
        case("arange", torch.arange, 6, dtype=DTYPES[dt])
case("arange", torch.arange, 0.0, 3.0, 0.5, dtype=torch.int64)
case("linspace", torch.linspace, 0.0, 1.0, 5)
case("linspace", torch.linspace, -1.0, 1.0, 7)
case("linspace", torch.linspace, 0.0, 10.0, 1)
case("linspace", torch.linspace, 0.0, 10.0, 0)
case("linspace", torch.linspace, 0.1, 0.9, 9, dtype=torch.float64)
case("linspace", torch.linspace, 0.0, 1.0, 6, dtype=torch.float16)
case("linspace", torch.linspace, 3.0, -3.0, 11)
case("linspace", torch.linspace, 0.0, 1.0, 1001)
case("linspace", torch.linspace, 0.0, 10.0, 5, dtype=torch.int64)
case("linspace", torch.linspace, 0.0, 10.0, 7, dtype=torch.int64)
case("linspace", torch.linspace, 0.0, 1.0, -1)
case("eye", torch.eye, 3)
case("eye", torch.eye, 2, 4)
case("eye", torch.eye, 4, 2, dtype=torch.int64)
case("eye", torch.eye, 3, dtype=torch.bool)
case("eye", torch.eye, 0)
for fill in [7, 2.5, True, -3]:
    case("full", torch.full, [2, 3], fill)
case("full", torch.full, [2, 3], 7, dtype=torch.float64)
case("full", torch.full, [2, 3], 2.5, dtype=torch.int32)
case("full", torch.full, [2, 2], 1e10, dtype=torch.float16)
for op in ["zeros", "ones"]:
    f = getattr(torch, op)
    case(op, f, [2, 3])
    case(op, f, [0])
    case(op, f, [])
    for dt in ALL:
        case(op, f, [2], dtype=DTYPES[dt])
    case(op, f, [2, -1])

# ---- write --------------------------------------------------------------------------------

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
    fh.write("\n")
print(f"ops.json: {len(cases)} cases ({skipped} skipped: no CPU kernel in PyTorch)")

# ---- the specification's tensor cells -----------------------------------------------------

cells = {}
ts1 = torch.tensor([[-0.4191, 0.7407, -0.1794, -0.2367], [0.3248, -0.2662, -0.2573, -0.0398]])
cells["ts1"] = repr(ts1)
cells["ts1.size()"] = repr(ts1.size())
x = torch.tensor([[1.3065, -0.6920, -2.0258, 0.2677], [-0.4559, -0.4160, -0.3827, 0.3101],
                  [-1.2335, -1.3084, 0.9000, 1.0761]])
a1 = torch.mm(x, ts1.transpose(1, 0))
cells["a1"] = repr(a1)
cells["a1.data"] = [float(v) for v in a1.reshape(-1).tolist()]
ts2 = torch.tensor(([0.5273, 0.4526]))
cells["ts2"] = repr(ts2)
cells["ts2.size()"] = repr(ts2.size())
cells["ts2.transpose(-1,0)"] = repr(ts2.transpose(-1, 0))
try:
    torch.mm(a1, ts2)
except RuntimeError as e:
    cells["torch.mm(a1, ts2)"] = str(e)
xg = torch.tensor([[1.0, -1.0], [1.0, 1.0]], requires_grad=True)
out = xg.pow(2).sum()
out.backward()
cells["x"] = repr(xg)
cells["x.size()"] = repr(xg.size())
cells["out"] = repr(out)
cells["x.grad"] = repr(xg.grad)
a = xg.grad.transpose(0, 1)
cells["a"] = repr(a)
cells["torch.mm(x, a)"] = repr(torch.mm(xg, a))
tensor = torch.ones((2, 3), dtype=torch.int8)
data = [[0, 1], [2, 3]]
cells["tensor.new_tensor(data)"] = repr(tensor.new_tensor(data))
cells["torch.tensor(data).dtype"] = repr(torch.tensor(data).dtype)
cells["tensor"] = repr(tensor)
cells["tensor.size()"] = repr(tensor.size())
with open(os.path.join(root, "spec_cells.json"), "w") as fh:
    json.dump(cells, fh, indent=1)
    fh.write("\n")
print(f"spec_cells.json: {len(cells)} cells")
