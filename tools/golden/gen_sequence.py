#!/usr/bin/python3
"""Generates tests/golden/ops-sequence.json and tests/golden/sequence_nn.json with PyTorch 1.13.

ops-sequence.json: op cases in gen_ops.py's format (see that script's docstring for the encodings),
for the sequence-model ops of issue 16 (tril/triu, masked_fill, sort/argsort/topk, cumsum/cumprod,
one_hot, erf/erfinv, gelu/silu and friends, layer_norm, embedding, cross_entropy over [B, C, T], ...).
sequence_nn.json: module behaviour (printing, parameter names, seeded init, forward/backward values,
clip_grad_norm_) for nn.Embedding, nn.LayerNorm, nn.ModuleList/ModuleDict and the activations.
Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import math
import os

import torch
import torch.nn as nn
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
    if isinstance(a, float):
        return {"float": jf(a)}
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
        if "not implemented for" in msg and "'Long'" not in msg and "'Int'" not in msg:
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
    elif kind == "unit":
        vals = [round(((k * 0.377 + 0.11) % 1.6) - 0.8, 3) for k in i]
    else:
        vals = [round(((k * 0.731 + 0.37) % 4.0) - 2.0, 3) for k in i]
    return torch.tensor(vals, dtype=DTYPES[dt]).reshape(shape)


def distinct(shape, dt, seed=0):
    """Values without ties (a fixed permutation), so sort/topk orders are unambiguous."""
    n = 1
    for s in shape:
        n *= s
    g = torch.Generator().manual_seed(seed)
    perm = torch.randperm(n, generator=g)
    if not DTYPES[dt].is_floating_point:
        return (perm - n // 2).to(DTYPES[dt]).reshape(shape)
    return (perm.to(torch.float64) * 0.37 - n * 0.1).to(DTYPES[dt]).reshape(shape)


FLOATS = ["float16", "bfloat16", "float32", "float64"]
SPECIAL = [nan, inf, -inf, 0.0, -0.0, 0.5, 1.5, 2.5, -2.5, -0.5, 1e-8, 3.0, 5.9, 6.5, -0.9, 0.84, 1.2, 27.0]

# ---- tril / triu
for op, f in [("tril", torch.tril), ("triu", torch.triu)]:
    for dt in ["float32", "int64", "bool", "float64"]:
        case(op, f, mk([3, 4], dt))
    for d in [1, -1, 5, -5]:
        case(op, f, mk([4, 3], "float32"), d)
    case(op, f, mk([2, 3, 3], "float32", start=3), 0)
    case(op, f, mk([0, 3], "float32"))
    case(op, f, mk([4], "float32"))

# ---- masked_fill (broadcasting mask, 0-dim tensor value)
case("masked_fill_value", lambda x, m, v: x.masked_fill(m, v), mk([3, 4], "float32"), mk([1, 4], "bool"), -1.5)
case("masked_fill_value", lambda x, m, v: x.masked_fill(m, v), mk([3, 4], "float32"), mk([3, 1], "bool", start=1), float("-inf"))
case("masked_fill_value", lambda x, m, v: x.masked_fill(m, v), mk([4], "float32"), mk([3, 4], "bool"), 2.0)
case("masked_fill_value", lambda x, m, v: x.masked_fill(m, v), mk([2, 3], "int64"), mk([2, 3], "bool"), 7)
case("masked_fill_value", lambda x, m, v: x.masked_fill(m, v), mk([2, 3], "float32"), mk([2, 3], "bool"), torch.tensor(4.25))
case("masked_fill_value", lambda x, m, v: x.masked_fill(m, v), mk([2, 1, 3], "float64"), mk([4, 1], "bool"), torch.tensor(-2.0, dtype=torch.float64))
case("masked_fill_value", lambda x, m, v: x.masked_fill(m, v), mk([2, 3], "float32"), mk([2, 3], "bool"), torch.tensor([1.0]))

# ---- sort / argsort / topk
for dt in ["float32", "float64", "int64", "int32", "float16", "bfloat16"]:
    x = distinct([3, 5], dt)
    case("sort", lambda t, **k: t.sort(**k), x)
    case("sort", lambda t, **k: t.sort(**k), x, dim=0, descending=True)
    case("argsort", lambda t, **k: t.argsort(**k), x, dim=-1, descending=True)
    case("topk", lambda t, k, **kw: t.topk(k, **kw), x, 2)
    case("topk", lambda t, k, **kw: t.topk(k, **kw), x, 2, dim=0, largest=False)
ties = torch.tensor([[2.0, 1.0, 2.0, nan, 1.0, -inf, 2.0], [0.0, -0.0, 3.0, 3.0, nan, inf, 0.0]])
case("sort", lambda t, **k: t.sort(**k), ties, stable=True)
case("sort", lambda t, **k: t.sort(**k), ties, descending=True, stable=True)
case("argsort", lambda t, **k: torch.sort(t, **k)[1], ties, dim=1, stable=True)
case("sort", lambda t, **k: t.sort(**k), torch.tensor([3, 1, 3, 2, 1, 3]), stable=True)
case("sort", lambda t, **k: t.sort(**k), torch.tensor([True, False, True, False]), stable=True)
case("sort", lambda t, **k: t.sort(**k), distinct([2, 3, 4], "float32", 3), dim=1)
case("sort", lambda t, **k: t.sort(**k), torch.tensor(2.5))
case("topk", lambda t, k, **kw: t.topk(k, **kw), distinct([2, 6], "float32", 5), 6)
case("topk", lambda t, k, **kw: t.topk(k, **kw), distinct([2, 6], "float32", 5), 0)
case("topk", lambda t, k, **kw: t.topk(k, **kw), distinct([2, 6], "float32", 5), 7)
case("topk", lambda t, k, **kw: t.topk(k, **kw), torch.tensor([1.0, nan, 3.0, -inf, 2.0]), 3)
case("topk", lambda t, k, **kw: t.topk(k, **kw), distinct([2, 3, 4], "float64", 7), 2, dim=1)

# ---- cumsum / cumprod
for op, f in [("cumsum", torch.cumsum), ("cumprod", torch.cumprod)]:
    for dt in ["float32", "float64", "int32", "int64", "bool", "uint8", "float16", "bfloat16"]:
        case(op, f, mk([3, 4], dt), 1)
    case(op, f, mk([3, 4], "float32"), 0)
    case(op, f, mk([2, 3, 4], "float32", start=2), -2)
    case(op, f, mk([3, 4], "int32"), 1, dtype=torch.float64)
    case(op, f, mk([3, 4], "float32"), -1, dtype=torch.float64)
    case(op, f, torch.tensor(1.5), 0)
    case(op, f, mk([0, 3], "float32"), 0)
    case(op, f, mk([3], "float32"), 1)
case("cumprod", torch.cumprod, torch.tensor([[1.5, 0.0, 2.0, 0.0, 3.0], [2.0, -1.0, 0.5, 4.0, 0.25]]), 1)
case("cumsum", torch.cumsum, torch.tensor([1e8, 1.0, -1e8, 1.0], dtype=torch.float32), 0)

# ---- one_hot
case("one_hot", F.one_hot, torch.tensor([[0, 2, 1], [3, 0, 1]]))
case("one_hot", F.one_hot, torch.tensor([0, 2, 1]), 5)
case("one_hot", F.one_hot, torch.tensor(2), 4)
case("one_hot", F.one_hot, torch.tensor([0.0, 1.0]), 3)
case("one_hot", F.one_hot, torch.tensor([0, -1]), 3)
case("one_hot", F.one_hot, torch.tensor([0, 3]), 3)
case("one_hot", F.one_hot, torch.zeros(0, dtype=torch.int64))
case("one_hot", F.one_hot, torch.zeros(0, dtype=torch.int64), 4)

# ---- erf and activations
for dt in FLOATS:
    case("erf", torch.erf, torch.tensor(SPECIAL, dtype=DTYPES[dt]))
    case("erf", torch.erf, mk([3, 5], dt))
case("erf", torch.erf, mk([4], "int64"))
for op, f in [("gelu", F.gelu), ("silu", F.silu)]:
    for dt in FLOATS:
        case(op, f, mk([3, 5], dt))
        case(op, f, torch.tensor([nan, inf, -inf, 0.0, -0.0, 1e-8, 8.0, -8.0, 30.0, -30.0], dtype=DTYPES[dt]))
    case(op, f, mk([4], "int64"))
for dt in FLOATS:
    case("gelu", F.gelu, mk([3, 5], dt), approximate="tanh")
case("gelu", F.gelu, mk([3], "float32"), approximate="fast")

# ---- layer_norm
case("layer_norm", F.layer_norm, mk([2, 3, 4], "float32"), [4], mk([4], "float32", "pos"), mk([4], "float32", start=5))
case("layer_norm", F.layer_norm, mk([2, 3, 4], "float64"), [3, 4], mk([3, 4], "float64", "pos"), mk([3, 4], "float64", start=5), 1e-3)
case("layer_norm", F.layer_norm, mk([5, 6], "float32", start=4), [6])
# (bfloat16 is left out: PyTorch 1.13's CPU kernel keeps bfloat16 intermediates and differs from a float32 evaluation by a few ulps.)
case("layer_norm", F.layer_norm, torch.full([2, 4], 3.0), [4])
case("layer_norm", F.layer_norm, mk([2, 3, 4], "float32"), [3])
case("layer_norm", F.layer_norm, mk([2, 3, 4], "float32"), [4], mk([3], "float32"))

# ---- embedding
W = mk([6, 3], "float32", start=1)
case("embedding", F.embedding, torch.tensor([[0, 2, 5], [5, 1, 0]]), W)
case("embedding", F.embedding, torch.tensor([3, 3, 1], dtype=torch.int32), W)
case("embedding", F.embedding, torch.tensor(4), W)
case("embedding", F.embedding, torch.tensor([0.0, 1.0]), W)
case("embedding", F.embedding, torch.tensor([0, 6]), W)
case("embedding", lambda i, w, **k: F.embedding(i, w, **k), torch.tensor([0, 2, 5]), W, padding_idx=2)

# ---- cross_entropy over [B, C, T] with [B, T] targets (the sequence models' loss)
logits = mk([2, 4, 3], "float32", start=3)
tgt = torch.tensor([[0, 3, 1], [2, 2, 0]])
case("cross_entropy", F.cross_entropy, logits, tgt)
case("cross_entropy", lambda x, t, **k: F.cross_entropy(x, t, **k), logits, torch.tensor([[0, 3, -100], [2, -100, 0]]), reduction="sum")
case("cross_entropy", lambda x, t, **k: F.cross_entropy(x, t, **k), logits, tgt, reduction="none")
case("cross_entropy", lambda x, t, **k: F.cross_entropy(x, t, **k), logits, tgt, label_smoothing=0.1)
case("cross_entropy", F.cross_entropy, logits.reshape(2, 4, 3, 1), tgt.reshape(2, 3, 1))

# ==== group (b): more activations, erfinv, repeat_interleave, addmm/baddbmm, einsum, group/rms norm, embedding_bag
ACTS = [
    ("leaky_relu", lambda t: F.leaky_relu(t, 0.2)), ("elu", lambda t: F.elu(t, 0.7)), ("selu", F.selu), ("celu", lambda t: F.celu(t, 1.5)),
    ("softplus", lambda t: F.softplus(t, 2.0, 3.0)), ("softsign", F.softsign), ("hardtanh", lambda t: F.hardtanh(t, -0.5, 1.25)),
    ("relu6", F.relu6), ("hardswish", F.hardswish), ("hardsigmoid", F.hardsigmoid), ("logsigmoid", F.logsigmoid),
    ("tanhshrink", F.tanhshrink), ("threshold", lambda t: F.threshold(t, 0.1, 20.0)), ("mish", F.mish),
]
for op, f in ACTS:
    for dt in ["float32", "float64"]:
        case(op, f, mk([3, 5], dt) * 2)
    case(op, f, torch.tensor([nan, inf, -inf, 0.0, -0.0, -3.0, 3.0, 6.0, 30.0, -30.0]))
case("glu", F.glu, mk([2, 6], "float32"))
case("glu", F.glu, mk([4, 2, 3], "float64"), 0)
case("glu", F.glu, mk([2, 3], "float32"), 1)
case("softmin", F.softmin, mk([3, 4], "float32"), 1)
case("softmin", F.softmin, mk([3, 4], "float64"), 0)
case("prelu", F.prelu, mk([2, 3, 4], "float32"), torch.tensor([0.25]))
case("prelu", F.prelu, mk([2, 3, 4], "float32"), torch.tensor([0.1, -0.2, 0.3]))
case("prelu", F.prelu, mk([2, 3, 4], "float32"), torch.tensor([0.1, -0.2]))
for dt in ["float32", "float64"]:
    case("erfinv", torch.erfinv, torch.tensor([nan, -1.0, 1.0, 1.5, -1.5, 0.0, -0.0, 0.5, -0.999, 0.9999, 1e-6, 0.3], dtype=DTYPES[dt]))
    case("erfinv", torch.erfinv, mk([3, 5], dt, "unit"))
case("repeat_interleave", lambda t, r, **k: torch.repeat_interleave(t, r, **k), mk([2, 3], "float32"), 2)
case("repeat_interleave", lambda t, r, **k: torch.repeat_interleave(t, r, **k), mk([2, 3], "float32"), 3, dim=1)
case("repeat_interleave", lambda t, r, **k: torch.repeat_interleave(t, r, **k), mk([2, 3], "int64"), torch.tensor([1, 0, 2]), dim=1)
case("repeat_interleave", lambda t, r, **k: torch.repeat_interleave(t, r, **k), mk([2, 2, 3], "float32"), torch.tensor([2, 1]), dim=0)
case("repeat_interleave", lambda t, r, **k: torch.repeat_interleave(t, r, **k), mk([2, 3], "float32"), torch.tensor([1, 2]), dim=1)
case("addmm", lambda i, a, b, **k: torch.addmm(i, a, b, **k), mk([2, 4], "float32"), mk([2, 3], "float32", start=1), mk([3, 4], "float32", start=2))
case("addmm", lambda i, a, b, **k: torch.addmm(i, a, b, **k), mk([4], "float64"), mk([2, 3], "float64", start=1), mk([3, 4], "float64", start=2), beta=0.5, alpha=-2.0)
case("addmm", lambda i, a, b, **k: torch.addmm(i, a, b, **k), torch.tensor([nan, 1.0]), mk([2, 3], "float32", start=1), mk([3, 2], "float32", start=2), beta=0.0)
case("baddbmm", lambda i, a, b, **k: torch.baddbmm(i, a, b, **k), mk([2, 2, 4], "float32"), mk([2, 2, 3], "float32", start=1), mk([2, 3, 4], "float32", start=2))
case("baddbmm", lambda i, a, b, **k: torch.baddbmm(i, a, b, **k), mk([1, 4], "float64"), mk([2, 2, 3], "float64", start=1), mk([2, 3, 4], "float64", start=2), beta=2.0, alpha=0.5)
EINSUM = [
    ("ij,jk->ik", [[2, 3], [3, 4]]), ("bij,bjk->bik", [[2, 2, 3], [2, 3, 4]]), ("bhqd,bhkd->bhqk", [[1, 2, 3, 4], [1, 2, 5, 4]]),
    ("ij,jk", [[2, 3], [3, 4]]), ("ii->i", [[3, 3]]), ("ii", [[3, 3]]), ("ij->", [[2, 3]]), ("ij->ji", [[2, 3]]),
    ("...ij,...jk->...ik", [[2, 1, 2, 3], [3, 3, 4]]), ("i,j->ij", [[3], [4]]), ("i,i->", [[4], [4]]),
    ("bn,anm,bm->ba", [[2, 3], [4, 3, 2], [2, 2]]), ("b...d,d->b...", [[2, 3, 4], [4]]), ("ijk,ikj->i", [[2, 3, 4], [2, 4, 3]]),
    ("ij,kl->ijkl", [[2, 2], [1, 3]]), ("ij,jk->ik", [[2, 3], [4, 4]]), ("ij->iij", [[2, 3]]),
]
for eq, shapes in EINSUM:
    case("einsum", lambda e, *ts: torch.einsum(e, *ts), eq, *[mk(s, "float32", start=i * 3) for i, s in enumerate(shapes)])
case("einsum", lambda e, *ts: torch.einsum(e, *ts), "ij,jk->ik", mk([2, 3], "float64"), mk([3, 2], "float64"))
case("group_norm", F.group_norm, mk([2, 6, 3], "float32"), 2, mk([6], "float32", "pos"), mk([6], "float32", start=3))
case("group_norm", F.group_norm, mk([2, 4, 2, 3], "float64"), 4)
case("group_norm", F.group_norm, mk([3, 6], "float32"), 3, None, None, 1e-3)
case("group_norm", F.group_norm, mk([2, 5, 3], "float32"), 2)


def rms_norm(x, shape, weight=None, eps=None):
    """PyTorch 2.4's F.rms_norm, written with 1.13's ops (1.13 has none)."""
    dims = tuple(range(x.dim() - len(shape), x.dim()))
    e = torch.finfo(x.dtype).eps if eps is None else eps
    y = x * torch.rsqrt(x.pow(2).mean(dims, keepdim=True) + e)
    return y if weight is None else y * weight


case("rms_norm", rms_norm, mk([2, 3, 4], "float32"), [4], mk([4], "float32", "pos"))
case("rms_norm", rms_norm, mk([2, 3, 4], "float64"), [3, 4])
case("rms_norm", rms_norm, mk([5, 6], "float32", start=4), [6], None, 1e-3)
EW = mk([7, 3], "float32", start=2)
for mode in ["sum", "mean", "max"]:
    case("embedding_bag", lambda i, w, **k: F.embedding_bag(i, w, **k), torch.tensor([[0, 2, 5], [6, 1, 1]]), EW, mode=mode)
    case("embedding_bag", lambda i, w, **k: F.embedding_bag(i, w, **k), torch.tensor([0, 2, 5, 6, 1, 1, 3]), EW, offsets=torch.tensor([0, 2, 2, 5]), mode=mode)
    case("embedding_bag", lambda i, w, **k: F.embedding_bag(i, w, **k), torch.tensor([[0, 2, 5], [6, 2, 2]]), EW, mode=mode, padding_idx=2)
case("embedding_bag", lambda i, w, **k: F.embedding_bag(i, w, **k), torch.tensor([0, 2, 5, 6]), EW, offsets=torch.tensor([0, 1, 4]), mode="sum", include_last_offset=True)
case("embedding_bag", lambda i, w, **k: F.embedding_bag(i, w, **k), torch.tensor([0, 2, 5, 6]), EW, offsets=torch.tensor([0, 1]), mode="sum", per_sample_weights=torch.tensor([0.5, 2.0, -1.0, 1.5]))

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops-sequence.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
print(f"ops-sequence.json: {len(cases)} cases")

# ====================================================================== sequence_nn.json


def ev(t):
    t = t.detach()
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""),
            "values": [jf(v) for v in t.reshape(-1).double().tolist()] if t.is_floating_point() else t.reshape(-1).tolist()}


def coef(shape):
    """A fixed upstream gradient: loss = (y * coef).sum()."""
    return mk(list(shape), "float32", start=11)


nnout = {"torch_version": torch.__version__}

# ---- printing
reprs = {}
reprs["Embedding(65, 128)"] = repr(nn.Embedding(65, 128))
reprs["Embedding(10, 3, padding_idx=0)"] = repr(nn.Embedding(10, 3, padding_idx=0))
reprs["Embedding(10, 3, padding_idx=-1)"] = repr(nn.Embedding(10, 3, padding_idx=-1))
reprs["Embedding(10, 3, max_norm=1.0, norm_type=1.0, scale_grad_by_freq=True, sparse=True)"] = repr(
    nn.Embedding(10, 3, max_norm=1.0, norm_type=1.0, scale_grad_by_freq=True, sparse=True))
reprs["LayerNorm(128)"] = repr(nn.LayerNorm(128))
reprs["LayerNorm([3, 4], eps=1e-3, elementwise_affine=False)"] = repr(nn.LayerNorm([3, 4], eps=1e-3, elementwise_affine=False))
reprs["GELU()"] = repr(nn.GELU())
reprs["GELU('tanh')"] = repr(nn.GELU(approximate="tanh"))
reprs["SiLU()"] = repr(nn.SiLU())
reprs["ModuleList(Linear(4, 4), ReLU(), Linear(4, 2))"] = repr(nn.ModuleList([nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2)]))
reprs["ModuleList()"] = repr(nn.ModuleList())
reprs["ModuleDict(cls=Linear(4, 3), act=GELU())"] = repr(nn.ModuleDict({"cls": nn.Linear(4, 3), "act": nn.GELU()}))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln = nn.LayerNorm(8)
        self.fc = nn.Linear(8, 8)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(16, 8)
        self.blocks = nn.ModuleList([Block() for _ in range(2)])
        self.heads = nn.ModuleDict({"lm": nn.Linear(8, 16), "cls": nn.Linear(8, 2, bias=False)})


m = Model()
reprs["Model"] = repr(m)
reprs["b"] = [repr(x) for x in [nn.LeakyReLU(), nn.LeakyReLU(0.2, inplace=True), nn.ELU(), nn.ELU(alpha=0.5), nn.SELU(), nn.CELU(), nn.Softplus(),
    nn.Softsign(), nn.Hardtanh(), nn.Hardtanh(-2.0, 2.0), nn.ReLU6(), nn.Hardswish(), nn.Hardsigmoid(), nn.PReLU(), nn.PReLU(3), nn.LogSigmoid(),
    nn.Tanhshrink(), nn.Threshold(0.1, 20.0), nn.GLU(), nn.Softmin(dim=1), nn.Mish(), nn.GroupNorm(2, 6), nn.GroupNorm(3, 6, eps=1e-3, affine=False),
    nn.EmbeddingBag(10, 3), nn.EmbeddingBag(10, 3, mode="max", padding_idx=2), nn.EmbeddingBag(10, 3, mode="sum", max_norm=1.0)]]
reprs["rms"] = ["RMSNorm((4,), eps=None, elementwise_affine=True)", "RMSNorm((3, 4), eps=0.001, elementwise_affine=False)"]  # PyTorch 2.4's extra_repr
reprs["ParameterList"] = repr(nn.ParameterList([nn.Parameter(torch.zeros(3)), nn.Parameter(torch.zeros(2, 2))]))
reprs["ParameterDict"] = repr(nn.ParameterDict({"a": nn.Parameter(torch.zeros(3)), "b": nn.Parameter(torch.zeros(2, dtype=torch.float64))}))
nnout["repr"] = reprs
ps = [torch.nn.Parameter(mk([2, 3], "float32")), torch.nn.Parameter(mk([4], "float32", start=6))]
nnout["parameters_to_vector"] = ev(nn.utils.parameters_to_vector(ps))
nnout["state_dict"] = [[k, list(v.shape)] for k, v in m.state_dict().items()]

# ---- Embedding: seeded init, forward/backward, padding_idx, scale_grad_by_freq, max_norm, from_pretrained
torch.manual_seed(0)
nnout["embedding_init"] = ev(nn.Embedding(4, 3, padding_idx=1).weight)
torch.manual_seed(0)
nnout["embedding_init_nopad"] = ev(nn.Embedding(5, 2).weight)
W = mk([6, 3], "float32", start=1)
idx = torch.tensor([[0, 2, 5, 2], [1, 2, 0, 3]])
for name, kw in [("plain", {}), ("padding", {"padding_idx": 2}), ("freq", {"scale_grad_by_freq": True}),
                 ("padding_freq", {"padding_idx": -1, "scale_grad_by_freq": True})]:
    w = W.clone().requires_grad_()
    y = F.embedding(idx, w, **kw)
    (y * coef(y.shape)).sum().backward()
    nnout["embedding_" + name] = {"out": ev(y), "grad": ev(w.grad)}
w = W.clone().requires_grad_()
y = F.embedding(idx, w, max_norm=1.5)
(y * coef(y.shape)).sum().backward()
nnout["embedding_max_norm"] = {"out": ev(y), "weight_after": ev(w), "grad": ev(w.grad)}
w = W.clone()
y = F.embedding(torch.tensor([0, 4]), w, max_norm=2.0, norm_type=1.0)
nnout["embedding_max_norm_l1"] = {"out": ev(y), "weight_after": ev(w)}
e = nn.Embedding.from_pretrained(W.clone())
nnout["from_pretrained"] = {"repr": repr(e), "requires_grad": e.weight.requires_grad,
                            "unfrozen_requires_grad": nn.Embedding.from_pretrained(W.clone(), freeze=False).weight.requires_grad,
                            "padding_repr": repr(nn.Embedding.from_pretrained(W.clone(), padding_idx=1))}

# ---- LayerNorm module forward/backward
x = mk([2, 3, 4], "float32", start=2).requires_grad_()
ln = nn.LayerNorm(4)
with torch.no_grad():
    ln.weight.copy_(mk([4], "float32", "pos"))
    ln.bias.copy_(mk([4], "float32", start=7))
y = ln(x)
(y * coef(y.shape)).sum().backward()
nnout["layer_norm"] = {"x": ev(x), "weight": ev(ln.weight), "bias": ev(ln.bias), "out": ev(y), "grad_x": ev(x.grad),
                       "grad_weight": ev(ln.weight.grad), "grad_bias": ev(ln.bias.grad)}

# ---- activations' gradients (float32)
acts = {}
for name, f in [("gelu", F.gelu), ("gelu_tanh", lambda t: F.gelu(t, approximate="tanh")), ("silu", F.silu), ("erf", torch.erf)]:
    x = mk([3, 5], "float32", start=4).requires_grad_()
    y = f(x)
    (y * coef(y.shape)).sum().backward()
    acts[name] = {"x": ev(x), "out": ev(y), "grad": ev(x.grad)}
nnout["activation_grads"] = acts

# ---- clip_grad_norm_ / clip_grad_value_
clips = {}
for label, nt in [("2", 2.0), ("1", 1.0), ("inf", inf), ("3", 3.0)]:
    ps = [torch.zeros(2, 3, requires_grad=True), torch.zeros(4, requires_grad=True), torch.zeros(2, requires_grad=True)]
    ps[0].grad = mk([2, 3], "float32", start=1)
    ps[1].grad = mk([4], "float32", start=9)
    total = nn.utils.clip_grad_norm_(ps[:2], max_norm=1.25, norm_type=nt)
    clips[label] = {"total": ev(total), "grads": [ev(p.grad) for p in ps[:2]]}
ps = [torch.zeros(3, requires_grad=True)]
ps[0].grad = torch.tensor([1.0, 2.0, 2.0])
total = nn.utils.clip_grad_norm_(ps, max_norm=10.0)
clips["no_clip"] = {"total": ev(total), "grads": [ev(ps[0].grad)]}
ps = [torch.zeros(3, requires_grad=True)]
ps[0].grad = torch.tensor([1.0, inf, 2.0])
try:
    nn.utils.clip_grad_norm_(ps, max_norm=1.0, error_if_nonfinite=True)
except RuntimeError as err:
    clips["nonfinite_error"] = str(err)
ps = [torch.zeros(3, requires_grad=True)]
ps[0].grad = torch.tensor([1.0, nan, 2.0])
total = nn.utils.clip_grad_norm_(ps, max_norm=1.0)
clips["nan_total"] = {"total": ev(total), "grads": [ev(ps[0].grad)]}
clips["empty"] = ev(nn.utils.clip_grad_norm_([torch.zeros(2, requires_grad=True)], 1.0))
ps = [torch.zeros(2, 3, requires_grad=True)]
ps[0].grad = mk([2, 3], "float32", start=1)
nn.utils.clip_grad_value_(ps, 0.75)
clips["value"] = ev(ps[0].grad)
nnout["clip_grad"] = clips

# ---- cross_entropy over [B, C, T]
x = mk([2, 4, 3], "float32", start=3).requires_grad_()
loss = F.cross_entropy(x, torch.tensor([[0, 3, 1], [2, 2, 0]]))
loss.backward()
nnout["cross_entropy_bct"] = {"x": ev(x), "loss": ev(loss), "grad": ev(x.grad)}

# ---- multinomial draws (seeded), as the samples draw their next token
probs = torch.softmax(mk([2, 6], "float32", start=1), dim=-1)
torch.manual_seed(3)
nnout["multinomial"] = {"probs": ev(probs), "one": ev(torch.multinomial(probs, 1)),
                        "replacement": ev(torch.multinomial(probs, 5, replacement=True)),
                        "no_replacement": ev(torch.multinomial(probs, 4))}
# With replacement PyTorch's CPU kernel accumulates the cumulative distribution in the input's dtype: 100,000 weights of 0.1
# sum visibly differently in float32 and float64, so the same uniform draws pick different categories.
cum_cases = {}
for dt in ["float32", "float64"]:
    torch.manual_seed(5)
    cum_cases[dt] = ev(torch.multinomial(torch.full((100000,), 0.1, dtype=getattr(torch, dt)), 8, replacement=True))
nnout["multinomial_cumulative"] = cum_cases

with open(os.path.join(root, "sequence_nn.json"), "w") as fh:
    json.dump(nnout, fh, indent=1)
    fh.write("\n")
print("sequence_nn.json written")
