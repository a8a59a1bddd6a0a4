#!/usr/bin/python3
"""Generates tests/golden/ops-shape.json with PyTorch 1.13: the everyday shape and index ops of issue 15.

Op cases in gen_ops.py's format (see that script's docstring for the encodings; in-place ops output the
mutated self, tuples and tensor lists are {"tensors": [..]}): flip/fliplr/flipud, roll, rot90, diag,
diag_embed, diagonal, trace, meshgrid, cartesian_prod, broadcast_to/broadcast_tensors, movedim/moveaxis,
swapaxes/swapdims, tensor_split, hsplit/vsplit/dsplit, hstack/vstack/dstack/column_stack, take_along_dim,
index_copy/index_fill/index_add/index_reduce (and their in-place forms), scatter_reduce(_), masked_scatter(_),
nonzero(as_tuple=True), argwhere, count_nonzero. Values, dtypes and PyTorch's error messages.
Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import math
import os
import warnings

import torch

warnings.simplefilter("ignore")

DTYPES = {
    "bool": torch.bool, "uint8": torch.uint8, "int8": torch.int8, "int16": torch.int16, "int32": torch.int32,
    "int64": torch.int64, "float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32, "float64": torch.float64,
}
NAME = {v: k for k, v in DTYPES.items()}
INTS = ["uint8", "int8", "int16", "int32", "int64"]
FLOATS = ["float16", "bfloat16", "float32", "float64"]
SOME = ["float32", "float64", "int64", "int32", "bool", "float16", "bfloat16", "uint8"]
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
    """A non-contiguous view: a contiguous base plus recipe steps (decoded by GoldenCase.DecodeTensor)."""

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
    if isinstance(a, str):
        return {"str": a}
    if isinstance(a, (list, tuple)):
        if all(isinstance(x, int) and not isinstance(x, bool) for x in a):
            return {"ints": list(a)}
        return {"tensors": [enc(x) for x in a]}
    raise TypeError(type(a))


def build(a):
    if isinstance(a, V):
        return a.build()
    if isinstance(a, torch.Tensor):
        return a.clone()
    if isinstance(a, list) and a and isinstance(a[0], (torch.Tensor, V)):
        return [build(x) for x in a]
    return a


cases = []


def case(op, fn, *args, **kwargs):
    c = {"op": op, "args": [enc(a) for a in args]}
    if kwargs:
        c["kwargs"] = {k: enc(v) for k, v in kwargs.items()}
    try:
        r = fn(*[build(a) for a in args], **{k: build(v) for k, v in kwargs.items()})
        if isinstance(r, tuple):
            r = list(r)
        c["out"] = enc(r)
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        msg = str(e).split("\n")[0]
        # A message that ends in a printed tensor (C++ formatting) is compared up to the tensor.
        if "tensor list but got: " in msg:
            msg = msg[:msg.index("but got: ") + len("but got:")]
        if "not implemented for" in msg and "'Long'" not in msg and "'Int'" not in msg:
            return
        c["error"] = msg
    cases.append(c)


def inplace(name):
    def f(t, *a, **k):
        getattr(t, name)(*a, **k)
        return t
    return f


def mk(shape, dt, start=0):
    n = 1
    for s in shape:
        n *= s
    i = range(start, start + n)
    if dt == "bool":
        vals = [(k * 5 + 1) % 3 == 0 for k in i]
    elif dt == "uint8":
        vals = [(k * 7 + 3) % 13 for k in i]
    elif dt in INTS:
        vals = [(k * 7 + 3) % 13 - 6 for k in i]
    else:
        vals = [round(((k * 0.731 + 0.37) % 4.0) - 2.0, 3) for k in i]
    return torch.tensor(vals, dtype=DTYPES[dt]).reshape(shape)


def halves(shape, dt, start=0):
    """Small half-integers (exact in every float dtype, exact sums and products) or small integers."""
    n = 1
    for s in shape:
        n *= s
    vals = [((k * 5 + 2) % 9 - 4) * (0.5 if DTYPES[dt].is_floating_point else 1) for k in range(start, start + n)]
    if dt == "uint8":
        vals = [abs(v) + 1 for v in vals]
    return torch.tensor(vals, dtype=DTYPES[dt]).reshape(shape)


def L(*v):
    return torch.tensor(v, dtype=torch.int64)


# ---- flip / fliplr / flipud
for dt in SOME:
    case("flip", torch.flip, mk([2, 3, 4], dt), [0, 2])
case("flip", torch.flip, mk([3, 4], "float32"), [-1])
case("flip", torch.flip, mk([3, 4], "float32"), [0, 1])
case("flip", torch.flip, V(mk([4, 3], "float32"), {"transpose": [0, 1]}), [1])
case("flip", torch.flip, V(mk([4, 6], "int64"), {"slice": [1, 0, 6, 2]}), [0, 1])
case("flip", torch.flip, mk([5], "float64"), [0])
case("flip", torch.flip, mk([0, 3], "float32"), [0])
case("flip", torch.flip, mk([3, 4], "float32"), [])
case("flip", torch.flip, torch.tensor(2.5), [0])
case("flip", torch.flip, mk([3, 4], "float32"), [0, 0])
case("flip", torch.flip, mk([3, 4], "float32"), [1, -1])
case("flip", torch.flip, mk([3, 4], "float32"), [2])
for dt in ["float32", "int64", "bool"]:
    case("fliplr", torch.fliplr, mk([3, 4], dt))
    case("flipud", torch.flipud, mk([3, 4], dt))
case("fliplr", torch.fliplr, mk([2, 3, 2], "float32"))
case("fliplr", torch.fliplr, mk([4], "float32"))
case("flipud", torch.flipud, mk([4], "float32"))
case("flipud", torch.flipud, torch.tensor(1.0))

# ---- roll
for dt in SOME:
    case("roll", torch.roll, mk([3, 4], dt), 1, 1)
case("roll", torch.roll, mk([3, 4], "float32"), 2)
case("roll", torch.roll, mk([3, 4], "float32"), -5)
case("roll", torch.roll, mk([3, 4], "float32"), [1, -2], [0, 1])
case("roll", torch.roll, mk([3, 4], "float32"), [1, 2], [1, 1])
case("roll", torch.roll, mk([2, 3, 4], "float64"), [7], [-1])
case("roll", torch.roll, V(mk([4, 3], "float32"), {"transpose": [0, 1]}), 1, 0)
case("roll", torch.roll, V(mk([4, 3], "float32"), {"transpose": [0, 1]}), 3)
case("roll", torch.roll, mk([0, 3], "float32"), 1, 0)
case("roll", torch.roll, mk([3, 4], "float32"), [1, 2], [0])
case("roll", torch.roll, mk([3, 4], "float32"), [], [])
case("roll", torch.roll, mk([3, 4], "float32"), [1, 2])
case("roll", torch.roll, mk([3, 4], "float32"), 1, 2)

# ---- rot90
for k in [-1, 0, 1, 2, 3, 5]:
    case("rot90", torch.rot90, mk([2, 3], "float32"), k, [0, 1])
case("rot90", torch.rot90, mk([2, 3, 4], "int64"), 1, [1, 2])
case("rot90", torch.rot90, mk([2, 3, 4], "int64"), 1, [2, 0])
case("rot90", torch.rot90, mk([2, 3, 4], "bool"), 3, [-1, -3])
case("rot90", torch.rot90, mk([3], "float32"), 1, [0, 1])
case("rot90", torch.rot90, mk([2, 3], "float32"), 1, [0, 0])
case("rot90", torch.rot90, mk([2, 3], "float32"), 1, [0, 2])
case("rot90", torch.rot90, mk([2, 3], "float32"), 1, [-3, 1])

# ---- diag / diag_embed / diagonal / trace
for dt in SOME:
    case("diag", torch.diag, mk([3], dt))
    case("diag", torch.diag, mk([3, 4], dt))
for k in [1, -1, 2, -3, 5]:
    case("diag", torch.diag, mk([3], "float32"), k)
# A matrix diagonal past the last column (k = 5 on [3, 4]) hits an overflow in PyTorch 1.13's size arithmetic: no answer to record.
for k in [1, -1, 2, -3, 4]:
    case("diag", torch.diag, mk([3, 4], "float32"), k)
case("diag", torch.diag, V(mk([4, 3], "float32"), {"transpose": [0, 1]}), 1)
case("diag", torch.diag, mk([0], "float32"))
case("diag", torch.diag, mk([2, 3, 4], "float32"))
case("diag", torch.diag, torch.tensor(1.0))
for dt in ["float32", "int64", "bool", "float64"]:
    case("diag_embed", torch.diag_embed, mk([2, 3], dt))
case("diag_embed", torch.diag_embed, mk([2, 3], "float32"), offset=1)
case("diag_embed", torch.diag_embed, mk([2, 3], "float32"), offset=-2, dim1=0, dim2=2)
case("diag_embed", torch.diag_embed, mk([2, 3], "float32"), offset=1, dim1=2, dim2=0)
case("diag_embed", torch.diag_embed, mk([4], "float64"))
case("diag_embed", torch.diag_embed, mk([2, 3], "float32"), dim1=1, dim2=1)
case("diag_embed", torch.diag_embed, mk([2, 3], "float32"), dim1=0, dim2=3)
for dt in ["float32", "int64", "bool", "float16"]:
    case("diagonal", torch.diagonal, mk([3, 4], dt))
for off in [1, -1, 3, -4, 7]:
    case("diagonal", torch.diagonal, mk([3, 4], "float32"), offset=off)
case("diagonal", torch.diagonal, mk([2, 3, 4], "float32"), offset=1, dim1=1, dim2=2)
case("diagonal", torch.diagonal, mk([2, 3, 4], "float32"), offset=-1, dim1=2, dim2=0)
case("diagonal", torch.diagonal, mk([2, 3, 4], "float32"), dim1=-1, dim2=-2)
case("diagonal", torch.diagonal, V(mk([4, 3], "float32"), {"transpose": [0, 1]}), offset=1)
case("diagonal", torch.diagonal, mk([3, 4], "float32"), dim1=1, dim2=1)
case("diagonal", torch.diagonal, mk([3, 4], "float32"), dim1=0, dim2=2)
case("diagonal", torch.diagonal, mk([3, 4], "float32"), dim1=1, dim2=-1)
for dt in ["float32", "float64", "int64", "int32", "uint8", "bool", "float16"]:
    case("trace", torch.trace, mk([3, 4], dt))
case("trace", torch.trace, mk([4, 2], "float32"))
case("trace", torch.trace, V(mk([4, 3], "float32"), {"transpose": [0, 1]}))
case("trace", torch.trace, mk([3], "float32"))
case("trace", torch.trace, mk([2, 3, 3], "float32"))

# ---- meshgrid / cartesian_prod
for ix in ["ij", "xy"]:
    case("meshgrid", lambda ts, **k: torch.meshgrid(*ts, **k), [mk([2], "float32"), mk([3], "float32", 2)], indexing=ix)
    case("meshgrid", lambda ts, **k: torch.meshgrid(*ts, **k), [mk([2], "int64"), mk([3], "int64", 2), mk([4], "int64", 5)], indexing=ix)
    case("meshgrid", lambda ts, **k: torch.meshgrid(*ts, **k), [mk([3], "float32")], indexing=ix)
    case("meshgrid", lambda ts, **k: torch.meshgrid(*ts, **k), [torch.tensor(2.0), mk([3], "float32")], indexing=ix)
case("meshgrid", lambda ts, **k: torch.meshgrid(*ts, **k), [mk([2], "float32"), mk([3], "float64")], indexing="ij")
case("meshgrid", lambda ts, **k: torch.meshgrid(*ts, **k), [mk([2, 2], "float32"), mk([3], "float32")], indexing="ij")
case("meshgrid", lambda ts, **k: torch.meshgrid(*ts, **k), [mk([2], "float32"), mk([3], "float32")], indexing="xyz")
case("cartesian_prod", lambda ts: torch.cartesian_prod(*ts), [mk([2], "int64"), mk([3], "int64", 4)])
case("cartesian_prod", lambda ts: torch.cartesian_prod(*ts), [mk([2], "float32"), mk([2], "float32", 4), mk([3], "float32", 9)])
case("cartesian_prod", lambda ts: torch.cartesian_prod(*ts), [mk([3], "bool")])
case("cartesian_prod", lambda ts: torch.cartesian_prod(*ts), [mk([2, 2], "float32"), mk([3], "float32")])

# ---- broadcast_to / broadcast_tensors
case("broadcast_to", torch.broadcast_to, mk([3, 1], "float32"), [2, 3, 4])
case("broadcast_to", torch.broadcast_to, mk([3], "int64"), [2, 3])
case("broadcast_to", torch.broadcast_to, mk([3, 1], "float32"), [-1, 5])
case("broadcast_to", torch.broadcast_to, mk([3, 2], "float32"), [3, 4])
case("broadcast_to", torch.broadcast_to, mk([3, 2], "float32"), [2])
case("broadcast_tensors", lambda ts: torch.broadcast_tensors(*ts), [mk([3, 1], "float32"), mk([4], "int64"), torch.tensor(2.0)])
case("broadcast_tensors", lambda ts: torch.broadcast_tensors(*ts), [mk([2, 1, 3], "float32"), mk([4, 1], "float32")])
case("broadcast_tensors", lambda ts: torch.broadcast_tensors(*ts), [mk([3], "float32"), mk([4], "float32")])

# ---- movedim / moveaxis / swapaxes / swapdims
for op, f in [("movedim", torch.movedim), ("moveaxis", torch.moveaxis)]:
    case(op, f, mk([2, 3, 4], "float32"), 0, 2)
    case(op, f, mk([2, 3, 4], "int64"), -1, 0)
    case(op, f, mk([2, 3, 4, 5], "float32"), [0, 1], [2, 0])
    case(op, f, mk([2, 3, 4, 5], "float32"), [3, 0], [0, 3])
    case(op, f, mk([2, 3, 4], "float32"), [0, 1], [1])
    case(op, f, mk([2, 3, 4], "float32"), [0, 0], [1, 2])
    case(op, f, mk([2, 3, 4], "float32"), [0, 1], [2, 2])
    case(op, f, mk([2, 3, 4], "float32"), 3, 0)
case("movedim", torch.movedim, mk([4], "float32"), 0, 0)
case("movedim", torch.movedim, V(mk([4, 3, 2], "float32"), {"transpose": [0, 2]}), 1, 2)
for op, f in [("swapaxes", torch.swapaxes), ("swapdims", torch.swapdims)]:
    case(op, f, mk([2, 3, 4], "float32"), 0, 2)
    case(op, f, mk([2, 3], "bool"), -1, 0)
    case(op, f, mk([2, 3], "float32"), 0, 2)

# ---- tensor_split / hsplit / vsplit / dsplit
for dt in ["float32", "int64", "bool"]:
    case("tensor_split", torch.tensor_split, mk([7, 2], dt), 3)
case("tensor_split", torch.tensor_split, mk([2, 7], "float32"), 3, dim=1)
case("tensor_split", torch.tensor_split, mk([2, 7], "float32"), 9, dim=-1)
case("tensor_split", torch.tensor_split, mk([7], "float32"), [1, 5])
case("tensor_split", torch.tensor_split, mk([7], "float32"), [5, 2, 9])
case("tensor_split", torch.tensor_split, mk([7], "float32"), [-2, 8])
case("tensor_split", torch.tensor_split, mk([3, 6], "float32"), [2, 3], dim=1)
case("tensor_split", torch.tensor_split, mk([3, 6], "float32"), torch.tensor(4), dim=1)
case("tensor_split", torch.tensor_split, mk([3, 6], "float32"), torch.tensor([1, 4]), dim=1)
case("tensor_split", torch.tensor_split, mk([3, 6], "float32"), torch.tensor([1.0, 4.0]), dim=1)
case("tensor_split", torch.tensor_split, mk([3, 6], "float32"), torch.tensor([[1, 4]]), dim=1)
case("tensor_split", torch.tensor_split, mk([3, 6], "float32"), 0)
case("tensor_split", torch.tensor_split, torch.tensor(1.0), 2)
case("tensor_split", torch.tensor_split, mk([3, 6], "float32"), 2, dim=2)
case("hsplit", torch.hsplit, mk([2, 6], "float32"), 3)
case("hsplit", torch.hsplit, mk([6], "int64"), 2)
case("hsplit", torch.hsplit, mk([2, 6, 2], "float32"), [1, 4])
case("hsplit", torch.hsplit, mk([2, 5], "float32"), 2)
case("hsplit", torch.hsplit, torch.tensor(1.0), 2)
case("vsplit", torch.vsplit, mk([6, 2], "float32"), 2)
case("vsplit", torch.vsplit, mk([6, 2], "float32"), [2, 3])
case("vsplit", torch.vsplit, mk([5, 2], "float32"), 2)
case("vsplit", torch.vsplit, mk([6], "float32"), 2)
case("dsplit", torch.dsplit, mk([2, 2, 4], "float32"), 2)
case("dsplit", torch.dsplit, mk([2, 2, 4], "float32"), [3])
case("dsplit", torch.dsplit, mk([2, 2, 3], "float32"), 2)
case("dsplit", torch.dsplit, mk([2, 4], "float32"), 2)

# ---- hstack / vstack / dstack / column_stack
for op, f in [("hstack", torch.hstack), ("vstack", torch.vstack), ("dstack", torch.dstack), ("column_stack", torch.column_stack)]:
    case(op, f, [mk([3], "float32"), mk([3], "float32", 3)])
    case(op, f, [mk([2, 3], "float32"), mk([2, 3], "float32", 6)])
    case(op, f, [mk([2, 3], "int64"), mk([2, 3], "float32", 6)])
    case(op, f, [torch.tensor(1.5), torch.tensor(2.5)])
    case(op, f, [mk([2, 3, 2], "float32"), mk([2, 3, 2], "float32", 12)])
    case(op, f, [mk([2, 3], "float32"), mk([4, 5], "float32")])
    case(op, f, [])
case("hstack", torch.hstack, [mk([2, 1], "float32"), mk([2, 3], "float32")])
case("vstack", torch.vstack, [mk([3], "float32"), mk([2, 3], "float32")])
case("dstack", torch.dstack, [mk([2, 3], "float32"), mk([2, 3, 2], "float32")])
case("column_stack", torch.column_stack, [mk([3], "float32"), mk([3, 2], "float32"), torch.ones(3, 1)])
case("column_stack", torch.column_stack, [torch.tensor(1.0), mk([1, 2], "float32")])

# ---- take_along_dim
x34 = mk([3, 4], "float32")
case("take_along_dim", torch.take_along_dim, x34, L(0, 5, 11))
case("take_along_dim", torch.take_along_dim, x34, torch.tensor([[2, 0], [1, 1], [3, 3]]), dim=1)
case("take_along_dim", torch.take_along_dim, x34, torch.tensor([[2, 0, 1, 1]]), dim=0)
case("take_along_dim", torch.take_along_dim, mk([2, 3, 4], "int64"), torch.tensor([[[1], [0], [3]]]), dim=2)
case("take_along_dim", torch.take_along_dim, x34, torch.tensor([[2, 0]]).to(torch.int32), dim=1)
case("take_along_dim", torch.take_along_dim, x34, torch.tensor([[2.0]]), dim=1)
case("take_along_dim", torch.take_along_dim, x34, L(1, 2), dim=1)
case("take_along_dim", torch.take_along_dim, x34, torch.tensor([[4]]), dim=1)
case("take_along_dim", torch.take_along_dim, V(mk([4, 3], "float32"), {"transpose": [0, 1]}), torch.tensor([[1], [0], [2]]), dim=1)

# ---- index_copy / index_fill / index_add (and in place)
for dt in ["float32", "int64", "float64", "bool", "float16"]:
    case("index_copy", torch.index_copy, mk([4, 3], dt), 0, L(3, 0), mk([2, 3], dt, 20))
case("index_copy", torch.index_copy, mk([3, 4], "float32"), 1, L(1, 3, 0), mk([3, 3], "float32", 20))
case("index_copy", torch.index_copy, mk([3, 4], "float32"), -1, L(2), mk([3, 1], "float32", 20))
case("index_copy", torch.index_copy, mk([2, 3, 4], "float32"), 1, L(2, 0), mk([2, 2, 4], "float32", 20))
case("index_copy", torch.index_copy, mk([4], "float32"), 0, torch.tensor(2), torch.tensor(9.0))
case("index_copy", torch.index_copy, mk([4, 3], "float32"), 0, L(3, 0), mk([2, 3], "float64"))
case("index_copy", torch.index_copy, mk([4, 3], "float32"), 0, L(3, 0).to(torch.int32), mk([2, 3], "float32"))
case("index_copy", torch.index_copy, mk([4, 3], "float32"), 0, L(3, 0, 1), mk([2, 3], "float32"))
case("index_copy", torch.index_copy, mk([4, 3], "float32"), 0, L(3, 0), mk([2, 4], "float32"))
case("index_copy", torch.index_copy, mk([4, 3], "float32"), 0, L(4, 0), mk([2, 3], "float32"))
case("index_copy", torch.index_copy, mk([4, 3], "float32"), 0, torch.tensor([[3, 0]]), mk([2, 3], "float32"))
case("index_copy", torch.index_copy, mk([4, 3], "float32"), 0, L(1), mk([3], "float32"))
case("index_copy_", inplace("index_copy_"), mk([4, 3], "float32"), 0, L(3, 1), mk([2, 3], "float32", 20))
for dt in ["float32", "int64", "bool", "float64"]:
    case("index_fill", torch.index_fill, mk([3, 4], dt), 1, L(0, 2), 1 if dt != "float32" else -1.5)
case("index_fill", torch.index_fill, mk([3, 4], "float32"), 0, L(-1), 7.0)
case("index_fill", torch.index_fill, mk([3, 4], "float32"), 0, L(2, 2), 7.0)
case("index_fill", torch.index_fill, mk([2, 3, 4], "float32"), -1, L(3, 0), torch.tensor(2.5))
case("index_fill", torch.index_fill, mk([3, 4], "int64"), 1, L(1), 2.7)
case("index_fill", torch.index_fill, mk([3, 4], "float32"), 1, L(0, 4), 1.0)
case("index_fill", torch.index_fill, mk([3, 4], "float32"), 1, L(0).to(torch.int32), 1.0)
case("index_fill", torch.index_fill, mk([3, 4], "float32"), 1, L(0), torch.tensor([1.0]))
case("index_fill", torch.index_fill, mk([3, 4], "float32"), 2, L(0), 1.0)
case("index_fill_", inplace("index_fill_"), mk([3, 4], "float32"), 1, L(3, 1), -2.0)
for dt in ["float32", "int64", "float64", "int32", "float16", "bfloat16"]:
    case("index_add", torch.index_add, halves([4, 3], dt), 0, L(3, 0, 3), halves([3, 3], dt, 20))
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, L(1, 3, 1), halves([3, 3], "float32", 20), alpha=2.0)
# float16/bfloat16 round after each add, as PyTorch's CPU kernel does: 2048 + 1 + 1 stays 2048 in float16 (256 in bfloat16).
for dt, big in [("float16", 2048.0), ("bfloat16", 256.0)]:
    case("index_add", torch.index_add, torch.full([3, 2], big, dtype=DTYPES[dt]), 0, L(0, 0, 1), torch.ones(3, 2, dtype=DTYPES[dt]))
case("index_add", torch.index_add, halves([3, 4], "int64"), 1, L(1, 3, 1), halves([3, 3], "int64", 20), alpha=3)
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, L(1, 3).to(torch.int32), halves([3, 2], "float32", 20))
case("index_add", torch.index_add, halves([2, 3, 4], "float64"), -2, L(2, 0), halves([2, 2, 4], "float64", 20))
case("index_add", torch.index_add, halves([4], "float32"), 0, L(1), torch.tensor(2.0))
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, L(1, 4), halves([3, 2], "float32"))
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, L(1, 3), halves([3, 2], "float64"))
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, L(1, 3).float(), halves([3, 2], "float32"))
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, L(1, 3, 0), halves([3, 2], "float32"))
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, L(1, 3), halves([2, 2], "float32"))
case("index_add", torch.index_add, halves([3, 4], "float32"), 1, torch.tensor([[1, 3]]), halves([3, 2], "float32"))
case("index_add_", inplace("index_add_"), halves([3, 4], "float32"), 1, L(1, 1), halves([3, 2], "float32", 20), alpha=-1.0)

# ---- index_reduce / scatter_reduce (and in place)
for red in ["prod", "mean", "amax", "amin"]:
    for inc in [True, False]:
        for dt in ["float32", "int64", "float64"]:
            case("index_reduce", lambda *a, **k: a[0].index_reduce(*a[1:], **k), halves([4, 3], dt), 0, L(3, 0, 3, 3), halves([4, 3], dt, 20), red, include_self=inc)
    case("index_reduce", lambda *a, **k: a[0].index_reduce(*a[1:], **k), halves([3, 4], "float32"), 1, L(2, 2), halves([3, 2], "float32", 7), red)
case("index_reduce", lambda *a, **k: a[0].index_reduce(*a[1:], **k), halves([4, 3], "int32"), 0, L(1, 1, 2), halves([3, 3], "int32", 3), "mean")
case("index_reduce", lambda *a, **k: a[0].index_reduce(*a[1:], **k), halves([4, 3], "float32"), 0, L(1, 4), halves([2, 3], "float32"), "amax")
case("index_reduce", lambda *a, **k: a[0].index_reduce(*a[1:], **k), halves([4, 3], "float32"), 0, L(1, 2), halves([2, 3], "float32"), "sum")
case("index_reduce", lambda *a, **k: a[0].index_reduce(*a[1:], **k), halves([4, 3], "float32"), 0, L(1, 2), halves([2, 3], "float64"), "amax")
case("index_reduce_", lambda *a, **k: inplace("index_reduce_")(*a, **k), halves([4, 3], "float32"), 0, L(1, 1), halves([2, 3], "float32", 5), "amin", include_self=False)
idx = torch.tensor([[0, 1, 0, 3], [2, 2, 2, 0], [1, 3, 3, 3]])
for red in ["sum", "prod", "mean", "amax", "amin"]:
    for inc in [True, False]:
        for dt in ["float32", "int64", "float64", "int32"]:
            case("scatter_reduce", torch.scatter_reduce, halves([3, 4], dt), 1, idx, halves([3, 4], dt, 20), red, include_self=inc)
        case("scatter_reduce", torch.scatter_reduce, halves([4, 4], "float32"), 0, idx, halves([3, 4], "float32", 5), red, include_self=inc)
    for dt in ["float16", "bfloat16"]:
        case("scatter_reduce", torch.scatter_reduce, halves([3, 4], dt), 1, idx, halves([3, 4], dt, 20), red)
    case("scatter_reduce", torch.scatter_reduce, halves([3, 4], "float32"), 1, idx[:, :2], halves([3, 5], "float32", 20), red)
case("scatter_reduce", torch.scatter_reduce, torch.tensor([1.0, nan, 2.0, 0.0]), 0, L(0, 0, 2, 2, 3), torch.tensor([nan, 3.0, -1.0, 4.0, -0.0]), "amax")
case("scatter_reduce", torch.scatter_reduce, torch.tensor([1.0, nan, 2.0, 0.0]), 0, L(0, 0, 2, 2, 3), torch.tensor([5.0, 3.0, -1.0, 4.0, 2.0]), "amin")
case("scatter_reduce", torch.scatter_reduce, torch.tensor([1.0, nan, 2.0, 0.0]), 0, L(0, 0, 2, 2, 3), torch.tensor([5.0, 3.0, -1.0, 4.0, 2.0]), "sum", include_self=False)
case("scatter_reduce", torch.scatter_reduce, halves([3, 4], "float32"), 1, idx, halves([3, 4], "float32", 20), "max")
case("scatter_reduce", torch.scatter_reduce, halves([3, 4], "float32"), 1, idx, halves([3, 4], "float64", 20), "sum")
case("scatter_reduce", torch.scatter_reduce, halves([3, 4], "float32"), 1, idx.int(), halves([3, 4], "float32", 20), "sum")
case("scatter_reduce", torch.scatter_reduce, halves([3, 4], "float32"), 1, idx + 1, halves([3, 4], "float32", 20), "sum")
case("scatter_reduce", torch.scatter_reduce, halves([2, 4], "float32"), 1, idx, halves([3, 4], "float32", 20), "sum")
case("scatter_reduce_", inplace("scatter_reduce_"), halves([3, 4], "float32"), 1, idx, halves([3, 4], "float32", 20), "mean")
case("scatter_reduce_", inplace("scatter_reduce_"), halves([3, 4], "int64"), 1, idx, halves([3, 4], "int64", 20), "amax", include_self=False)

# ---- masked_scatter (and in place)
for dt in ["float32", "int64", "bool", "float64", "float16"]:
    case("masked_scatter", torch.masked_scatter, mk([3, 4], dt), mk([3, 4], "bool", 1), mk([12], dt, 30))
case("masked_scatter", torch.masked_scatter, mk([3, 4], "float32"), mk([4], "bool"), mk([2, 5], "float32", 30))
case("masked_scatter", torch.masked_scatter, mk([4], "float32"), mk([3, 4], "bool"), mk([3, 4], "float32", 30))
case("masked_scatter", torch.masked_scatter, mk([3, 4], "float32"), mk([3, 4], "bool"), mk([2], "float32", 30))
case("masked_scatter", torch.masked_scatter, mk([3, 4], "float32"), mk([3, 4], "float32"), mk([12], "float32", 30))
case("masked_scatter", torch.masked_scatter, mk([3, 4], "float32"), mk([3, 4], "bool"), mk([12], "float64", 30))
case("masked_scatter", torch.masked_scatter, V(mk([4, 3], "float32"), {"transpose": [0, 1]}), mk([3, 4], "bool", 2), mk([12], "float32", 30))
case("masked_scatter_", inplace("masked_scatter_"), mk([3, 4], "float32"), mk([1, 4], "bool"), mk([12], "float32", 30))

# ---- nonzero(as_tuple=True) / argwhere / count_nonzero
for dt in ["float32", "int64", "bool", "float16", "uint8"]:
    case("nonzero_tuple", lambda t: torch.nonzero(t, as_tuple=True), mk([3, 4], dt))
    case("argwhere", torch.argwhere, mk([3, 4], dt))
case("nonzero_tuple", lambda t: torch.nonzero(t, as_tuple=True), mk([2, 2, 3], "float32"))
case("nonzero_tuple", lambda t: torch.nonzero(t, as_tuple=True), torch.tensor(3.0))
case("nonzero_tuple", lambda t: torch.nonzero(t, as_tuple=True), torch.tensor(0.0))
case("nonzero_tuple", lambda t: torch.nonzero(t, as_tuple=True), torch.zeros(2, 3))
case("argwhere", torch.argwhere, torch.tensor([0.0, nan, -0.0, 2.0]))
case("argwhere", torch.argwhere, torch.tensor(3.0))
case("argwhere", torch.argwhere, V(mk([4, 3], "int64"), {"transpose": [0, 1]}))
for dt in ["float32", "int64", "bool", "float16", "uint8"]:
    case("count_nonzero", torch.count_nonzero, mk([3, 4], dt))
    case("count_nonzero", torch.count_nonzero, mk([3, 4], dt), 1)
case("count_nonzero", torch.count_nonzero, mk([2, 3, 4], "float32"), [0, 2])
case("count_nonzero", torch.count_nonzero, mk([2, 3, 4], "float32"), -1)
case("count_nonzero", torch.count_nonzero, torch.tensor([0.0, nan, -0.0, 2.0]))
case("count_nonzero", torch.count_nonzero, mk([2, 3, 4], "float32"), [0, 0])
case("count_nonzero", torch.count_nonzero, mk([2, 3, 4], "float32"), 3)

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops-shape.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
print(f"ops-shape.json: {len(cases)} cases, {sum(1 for c in cases if 'error' in c)} errors")
