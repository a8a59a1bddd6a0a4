#!/usr/bin/python3
"""Generates tests/golden/ops-core.json with PyTorch 1.13: the Core ATen operators Flint gained for docs/ops.md
(tests/Flint.Tests/Coverage): acos, asin, atan, acosh, asinh, atanh, cosh, sinh, tan, log2, log10, expm1, reciprocal,
trunc; atan2, fmod, remainder, div with rounding_mode; isnan, isinf and the logical ops; and golden rows for core ops
Flint had (softmax, log_softmax, amax/amin, repeat, copy_, fill_, pad, pooling, interpolate, fold, conv2d, batch_norm).

Cases use gen_ops.py's format (see that script's docstring for the encodings); the helpers are gen_ops_math.py's.
Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import math
import os

import torch
import torch.nn.functional as F

DTYPES = {
    "bool": torch.bool, "uint8": torch.uint8, "int8": torch.int8, "int16": torch.int16, "int32": torch.int32,
    "int64": torch.int64, "float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32, "float64": torch.float64,
}
NAME = {v: k for k, v in DTYPES.items()}
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


def enc(a):
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
        return {"tensors": [enc(x) for x in a]}
    raise TypeError(type(a))


def build(a):
    return a.clone() if isinstance(a, torch.Tensor) else a


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
        if "not implemented for" in msg and "'Long'" not in msg and "'Int'" not in msg and "'Float'" not in msg:
            return
        c["error"] = msg
    cases.append(c)


def mk(shape, dt, kind="mixed", start=0):
    n = 1
    for s in shape:
        n *= s
    i = range(start, start + n)
    if dt == "bool":
        vals = [(k * 5 + 1) % 3 == 0 for k in i]
    elif dt in ("uint8", "int8", "int16", "int32", "int64"):
        vals = [(k * 7 + 3) % 13 - (0 if dt == "uint8" else 6) for k in i]
    elif kind == "pos":
        vals = [round(((k * 0.731 + 0.37) % 4.0) + 0.125, 3) for k in i]
    else:
        vals = [round(((k * 0.731 + 0.37) % 4.0) - 2.0, 3) for k in i]
    return torch.tensor(vals, dtype=DTYPES[dt]).reshape(shape)


def distinct(shape, dt, seed=0):
    n = 1
    for s in shape:
        n *= s
    g = torch.Generator().manual_seed(seed)
    perm = torch.randperm(n, generator=g)
    if not DTYPES[dt].is_floating_point:
        return (perm - n // 2).to(DTYPES[dt]).reshape(shape)
    return (perm.to(torch.float64) * 0.37 - n * 0.1).to(DTYPES[dt]).reshape(shape)


FLOATS = ["float16", "bfloat16", "float32", "float64"]
SPECIAL = torch.tensor([0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -3.0, 1e-8, -1e-8, 1e-30, 30.0, inf, -inf, nan])

# ==== elementary functions: each on every float dtype inside its domain, on special values, on an integer tensor
DOMAIN = {
    "acos": lambda dt: mk([3, 4], dt) * 0.45, "asin": lambda dt: mk([3, 4], dt) * 0.45, "atan": lambda dt: mk([3, 4], dt) * 2,
    "acosh": lambda dt: mk([3, 4], dt, "pos") + 1, "asinh": lambda dt: mk([3, 4], dt) * 3, "atanh": lambda dt: mk([3, 4], dt) * 0.45,
    "cosh": lambda dt: mk([3, 4], dt) * 2, "sinh": lambda dt: mk([3, 4], dt) * 2, "tan": lambda dt: mk([3, 4], dt) * 0.7,
    "log2": lambda dt: mk([3, 4], dt, "pos"), "log10": lambda dt: mk([3, 4], dt, "pos"), "expm1": lambda dt: mk([3, 4], dt),
    "reciprocal": lambda dt: mk([3, 4], dt, "pos"), "trunc": lambda dt: mk([3, 4], dt) * 1.7,
}
for op, dom in DOMAIN.items():
    f = getattr(torch, op)
    for dt in FLOATS:
        case(op, f, dom(dt))
    case(op, f, SPECIAL)
    case(op, f, SPECIAL.double())
    case(op, f, mk([5], "int64"))
    case(op, f, mk([2, 3], "int32"))
    case(op, f, dom("float32").t())
case("expm1", torch.expm1, torch.tensor([1e-10, -1e-10, 1e-5, -1e-5, 1e-3, 0.1, -0.7, 88.0, 89.0, -100.0]))
case("expm1", torch.expm1, torch.tensor([1e-10, -1e-10, 1e-5, -1e-5, 1e-3, 0.1, -0.7, 700.0, 710.0, -800.0], dtype=torch.float64))
case("reciprocal", torch.reciprocal, torch.tensor([True, False]))
case("trunc", torch.trunc, torch.tensor([2.5, -2.5, 0.49, -0.49, 1e20, -7.999]))
for op in ["acos", "expm1", "reciprocal", "trunc"]:
    case(op + "_", lambda t, op=op: getattr(t, op + "_")(), DOMAIN[op]("float32"))
case("acos_", lambda t: t.acos_(), mk([3], "int64"))

# ==== atan2, fmod, remainder, div with a rounding mode: every float dtype, integers, broadcasting, signs, zeros
SIGNS_A = torch.tensor([5.5, -5.5, 5.5, -5.5, 0.0, -0.0, 3.0, -3.0, 7.0, inf, 1.0, nan, 1e30, 2.0])
SIGNS_B = torch.tensor([2.0, 2.0, -2.0, -2.0, 3.0, -3.0, 0.0, 0.0, inf, 2.0, nan, 1.0, 3.0, 0.5])
for op in ["atan2", "fmod", "remainder"]:
    f = getattr(torch, op)
    for dt in FLOATS:
        case(op, f, mk([3, 4], dt), mk([4], dt, start=5) * 1.3)
    case(op, f, SIGNS_A, SIGNS_B)
    case(op, f, SIGNS_A.double(), SIGNS_B.double())
    case(op, f, mk([2, 3], "float32").t(), mk([3, 1], "float32", "pos", start=2))
    case(op, f, mk([3], "float32"), mk([3], "float64", "pos"))
    case(op + "_", lambda a, b, op=op: getattr(a, op + "_")(b), mk([2, 3], "float32"), mk([3], "float32", "pos", start=1))
for op in ["fmod", "remainder"]:
    f = getattr(torch, op)
    for dt in ["int64", "int32", "int16", "int8"]:
        case(op, f, mk([3, 4], dt), mk([4], dt, "pos", start=1) % 5 + 1)
    case(op, f, torch.tensor([7, -7, 7, -7, 0, 6]), torch.tensor([3, 3, -3, -3, 5, -3]))
    case(op, f, mk([2, 3], "float32"), 1.5)
    case(op, f, mk([2, 3], "float32"), -1.5)
    case(op, f, mk([2, 3], "int64"), 4)
    case(op, f, mk([2, 3], "int64"), -4)
    case(op, f, mk([2, 3], "int64"), 2.5)
    case(op, f, mk([3], "int64"), torch.tensor([1, 0, 2]))
case("atan2", torch.atan2, mk([3], "int64"), mk([3], "int64", start=2))
DIVM = lambda a, b, rounding_mode: torch.div(a, b, rounding_mode=rounding_mode)  # noqa: E731
for mode in ["trunc", "floor"]:
    for dt in FLOATS:
        case("div_mode", DIVM, mk([3, 4], dt), mk([4], dt, start=5) * 1.3, rounding_mode=mode)
    case("div_mode", DIVM, SIGNS_A, SIGNS_B, rounding_mode=mode)
    case("div_mode", DIVM, SIGNS_A.double(), SIGNS_B.double(), rounding_mode=mode)
    case("div_mode", DIVM, torch.tensor([7, -7, 7, -7, 0, 6]), torch.tensor([3, 3, -3, -3, 5, -3]), rounding_mode=mode)
    case("div_mode", DIVM, mk([3, 4], "int32"), mk([4], "int32", "pos", start=1) % 5 + 1, rounding_mode=mode)
    case("div_mode", DIVM, mk([2, 3], "float32"), 0.7, rounding_mode=mode)
    case("div_mode", DIVM, mk([2, 3], "int64"), 4, rounding_mode=mode)
    case("div_mode", DIVM, mk([2, 3], "int64"), -2.5, rounding_mode=mode)
    case("div_mode", DIVM, mk([3], "int64"), torch.tensor([1, 0, 2]), rounding_mode=mode)

# ==== isnan, isinf, logical ops (any dtype; nonzero, NaN included, is true)
ODD = torch.tensor([0.0, -0.0, 0.5, -2.0, inf, -inf, nan, 1e-30])
for op in ["isnan", "isinf"]:
    f = getattr(torch, op)
    for dt in FLOATS:
        case(op, f, ODD.to(DTYPES[dt]))
    case(op, f, ODD.double().reshape(2, 4).t())
    case(op, f, mk([5], "int64"))
    case(op, f, torch.tensor([True, False]))
LA = torch.tensor([0.0, 0.5, -2.0, nan, 0.0, 3.0])
LB = torch.tensor([0.0, 0.0, 1.0, 0.0, nan, 0.25])
for op in ["logical_and", "logical_or", "logical_xor"]:
    f = getattr(torch, op)
    case(op, f, LA, LB)
    case(op, f, mk([3, 4], "int64"), mk([4], "int64", start=3))
    case(op, f, torch.tensor([True, False, True, False]), torch.tensor([True, True, False, False]))
    case(op, f, mk([2, 3], "float32"), torch.tensor([True, False, True]))
case("logical_not", torch.logical_not, LA)
case("logical_not", torch.logical_not, mk([5], "int64"))
case("logical_not", torch.logical_not, torch.tensor([True, False]))

# ==== golden rows for Core ATen ops Flint already had, whose values were checked elsewhere or not against PyTorch
x345 = mk([3, 4, 5], "float32")
for dt in ["float32", "float64"]:
    case("softmax", lambda t, d: F.softmax(t, d), mk([3, 4, 5], dt), 1)
    case("log_softmax", lambda t, d: F.log_softmax(t, d), mk([3, 4, 5], dt), -1)
case("softmax", lambda t, d: F.softmax(t, d), torch.tensor([[0.0, 1000.0, -inf], [nan, 1.0, 2.0]]), 1)
case("log_softmax", lambda t, d: F.log_softmax(t, d), torch.tensor([[0.0, 1000.0, -inf], [-1.0, 1.0, 2.0]]), 1)
case("softmax", lambda t, d: F.softmax(t, d), x345.transpose(0, 2), 0)
for op in ["amax", "amin"]:
    case(op, lambda t, d, op=op: getattr(t, op)(d), x345, 1)
    case(op, lambda t, d, op=op, keepdim=False: getattr(t, op)(d, keepdim=keepdim), mk([3, 4], "int64"), 0, keepdim=True)
    case(op, lambda t, d, op=op: getattr(t, op)(d), torch.tensor([[1.0, nan], [2.0, -inf]]), 1)
case("repeat", lambda t, r: t.repeat(r), mk([2, 3], "float32"), [2, 1, 3])
case("repeat", lambda t, r: t.repeat(r), mk([3], "int64").expand(2, 3), [1, 2])
case("copy_", lambda a, b: a.copy_(b), mk([2, 3], "float32"), mk([3], "float64", start=4))
case("copy_", lambda a, b: a.copy_(b), mk([2, 3], "int64"), mk([2, 3], "float32", start=4))
case("fill_", lambda a, v: a.fill_(v), mk([2, 3], "float32"), 2.5)
case("fill_", lambda a, v: a.fill_(v), mk([2, 3], "int64"), 3)
P = lambda t, pad, mode, value=0.0: F.pad(t, pad, mode=mode, value=value) if mode == "constant" else F.pad(t, pad, mode=mode)  # noqa: E731
case("pad", P, mk([2, 3, 4], "float32"), [1, 2], "constant", 0.5)
case("pad", P, mk([2, 3, 4], "float32"), [1, -1, 2, 0], "constant", -1.0)
case("pad", P, mk([1, 2, 5], "float32"), [2, 3], "reflect")
case("pad", P, mk([1, 2, 3, 4], "float64"), [2, 1, 1, 2], "reflect")
case("pad", P, mk([1, 1, 3, 3, 4], "float32"), [1, 2, 2, 1, 1, 1], "reflect")
case("pad", P, mk([1, 2, 3, 4], "float32"), [2, 3, 1, 0], "replicate")
case("pad", P, mk([1, 1, 2, 3, 3], "float32"), [1, 2, 0, 1, 2, 1], "replicate")
case("avg_pool1d", lambda t, k, s: F.avg_pool1d(t, k, s), mk([2, 3, 7], "float32"), 3, 2)
case("avg_pool2d", lambda t, k, s, p: F.avg_pool2d(t, k, s, p), mk([1, 2, 5, 6], "float32"), [2, 3], [2, 2], [1, 1])
case("avg_pool2d", lambda t, k, s, p: F.avg_pool2d(t, k, s, p), mk([2, 1, 4, 4], "float64"), [2, 2], [1, 1], [0, 0])
case("adaptive_avg_pool1d", lambda t, o: F.adaptive_avg_pool1d(t, o), mk([2, 3, 7], "float32"), 3)
case("adaptive_avg_pool2d", lambda t, o: F.adaptive_avg_pool2d(t, o), mk([1, 2, 5, 7], "float32"), [2, 3])
case("max_pool2d_with_indices", lambda t, k, s, p: F.max_pool2d(t, k, s, p, return_indices=True), distinct([1, 2, 5, 6], "float32"), [2, 3], [2, 2], [1, 1])
case("max_pool2d_with_indices", lambda t, k, s, p: F.max_pool2d(t, k, s, p, return_indices=True), distinct([2, 1, 4, 4], "float64", 3), [2, 2], [1, 1], [0, 0])
I = lambda t, size, mode, align_corners=None: F.interpolate(t, size=size, mode=mode, align_corners=align_corners)  # noqa: E731
case("interpolate", I, mk([1, 2, 3, 4], "float32"), [5, 7], "bilinear", False)
case("interpolate", I, mk([1, 1, 4, 3], "float64"), [6, 4], "bilinear", True)
case("interpolate", I, mk([2, 1, 3, 3], "float32"), [5, 4], "nearest")
case("fold", lambda t, o, k: F.fold(t, o, k), mk([1, 8, 12], "float32"), [4, 5], [2, 2])
case("conv2d", lambda x, w, b, s, p: F.conv2d(x, w, b, s, p), mk([2, 3, 5, 6], "float32"), mk([4, 3, 3, 2], "float32", start=3) * 0.5, mk([4], "float32", start=7), [1, 2], [1, 0])
case("conv2d", lambda x, w, b, s, p: F.conv2d(x, w, b, s, p), mk([1, 2, 4, 4], "float64"), mk([3, 2, 2, 2], "float64", start=1), None, [1, 1], [0, 0])
BN = lambda x, rm, rv, w, b, training: F.batch_norm(x, rm, rv, w, b, training)  # noqa: E731
bnx = mk([4, 3, 2], "float32")
case("batch_norm", BN, bnx, mk([3], "float32"), mk([3], "float32", "pos"), mk([3], "float32", start=2), mk([3], "float32", start=5), False)
case("batch_norm", BN, bnx, mk([3], "float32"), mk([3], "float32", "pos"), mk([3], "float32", start=2), mk([3], "float32", start=5), True)
case("batch_norm", BN, mk([5, 2], "float64"), None, None, None, None, True)

# ==== slice_scatter, select_scatter
case("slice_scatter", lambda a, b, d, s, e, st: torch.slice_scatter(a, b, d, s, e, st), mk([4, 5], "float32"), mk([4, 2], "float32", start=7), 1, 1, 5, 2)
case("slice_scatter", lambda a, b, d, s, e, st: torch.slice_scatter(a, b, d, s, e, st), mk([4, 3], "int64"), mk([2, 3], "int64", start=3), 0, None, 2, 1)
case("slice_scatter", lambda a, b, d, s, e, st: torch.slice_scatter(a, b, d, s, e, st), mk([2, 3, 4], "float64").transpose(0, 2), mk([4, 2, 2], "float64", start=1), -1, -2, None, 1)
case("slice_scatter", lambda a, b, d, s, e, st: torch.slice_scatter(a, b, d, s, e, st), mk([4, 5], "float32"), mk([4, 3], "float32"), 1, 1, 5, 2)
case("select_scatter", torch.select_scatter, mk([3, 4], "float32"), mk([4], "float32", start=5), 0, 1)
case("select_scatter", torch.select_scatter, mk([3, 4, 2], "int64"), mk([3, 2], "int64", start=5), 1, -1)
case("select_scatter", torch.select_scatter, mk([3, 4], "float32"), mk([3], "float32"), 0, 1)

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops-core.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
print(f"ops-core.json: {len(cases)} cases")
