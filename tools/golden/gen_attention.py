#!/usr/bin/python3
"""Generates tests/golden/attention.json: attention and transformer behaviour Flint must reproduce.

Run with /usr/bin/python3 (Debian's PyTorch 1.13). PyTorch 1.13 has no public
F.scaled_dot_product_attention, so its cases are computed from PyTorch 2.x's documented math
(softmax(Q Kᵀ·scale + mask) V, bool masks meaning "may attend", is_causal top-left aligned).
Modules are built from a seed (so Flint can check its seeded initialisation), their state_dict is
written, and each case backpropagates sum(output * r) for a fixed random r, recording input and
parameter gradients. Inputs require grad, so PyTorch takes its reference (non-fast) path; one
eval/no_grad case records the fast path too.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F


def jv(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


def enc(t):
    t = t.detach()
    return {
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "values": [jv(v) for v in t.reshape(-1).double().tolist()] if t.is_floating_point() else
        [bool(v) for v in t.reshape(-1).tolist()] if t.dtype == torch.bool else t.reshape(-1).tolist(),
    }


def state(m):
    return [[k, enc(v)] for k, v in m.state_dict().items()]


out = {"torch_version": torch.__version__}


# ------------------------------------------------------------------ scaled dot-product attention (2.x math)
def sdpa_reference(q, k, v, attn_mask=None, is_causal=False, scale=None):
    L, S = q.size(-2), k.size(-2)
    scale_factor = 1 / math.sqrt(q.size(-1)) if scale is None else scale
    bias = torch.zeros(L, S, dtype=q.dtype)
    if is_causal:
        bias.masked_fill_(torch.ones(L, S, dtype=torch.bool).tril(0).logical_not(), float("-inf"))
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            bias = bias.masked_fill(attn_mask.logical_not(), float("-inf"))
        else:
            bias = bias + attn_mask
    w = q @ k.transpose(-2, -1) * scale_factor
    w = w + bias
    return torch.softmax(w, dim=-1) @ v


sdpa = []
g = torch.Generator().manual_seed(1)


def rn(*shape, dtype=torch.float32):
    return torch.randn(*shape, generator=g, dtype=dtype)


for name, qs, ks, vs, mask, causal, scale in [
    ("basic_3d", (2, 3, 4), (2, 5, 4), (2, 5, 6), None, False, None),
    ("heads_4d", (2, 2, 4, 8), (2, 2, 4, 8), (2, 2, 4, 8), None, False, None),
    ("causal", (2, 2, 5, 4), (2, 2, 5, 4), (2, 2, 5, 4), None, True, None),
    ("causal_rect", (1, 3, 4), (1, 6, 4), (1, 6, 2), None, True, None),
    ("bool_mask", (2, 3, 4), (2, 5, 4), (2, 5, 4), "bool", False, None),
    ("float_mask", (2, 3, 4), (2, 5, 4), (2, 5, 4), "float", False, None),
    ("scale", (2, 3, 4), (2, 5, 4), (2, 5, 4), None, False, 0.3),
    ("broadcast_batch", (2, 1, 3, 4), (1, 2, 5, 4), (1, 2, 5, 3), None, False, None),
    ("unbatched", (3, 4), (5, 4), (5, 4), None, False, None),
]:
    q, k, v = rn(*qs).requires_grad_(), rn(*ks).requires_grad_(), rn(*vs).requires_grad_()
    L, S = qs[-2], ks[-2]
    m = None
    if mask == "bool":
        m = torch.rand(L, S, generator=g) > 0.3
        m[:, 0] = True  # every row attends somewhere
    elif mask == "float":
        m = rn(2, L, S)
    y = sdpa_reference(q, k, v, m, causal, scale)
    r = rn(*y.shape)
    (y * r).sum().backward()
    sdpa.append({"name": name, "q": enc(q), "k": enc(k), "v": enc(v), "mask": enc(m) if m is not None else None,
                 "is_causal": causal, "scale": scale, "out": enc(y), "r": enc(r),
                 "dq": enc(q.grad), "dk": enc(k.grad), "dv": enc(v.grad)})
out["sdpa"] = sdpa


# ------------------------------------------------------------------ nn.MultiheadAttention
def grads(m):
    return [[n, enc(p.grad)] for n, p in m.named_parameters() if p.grad is not None]


mha = []
for case in [
    dict(name="self", E=8, H=2, kw={}, L=3, S=3, N=2, self_attn=True),
    dict(name="batch_first", E=8, H=2, kw=dict(batch_first=True), L=3, S=3, N=2, self_attn=True),
    dict(name="cross", E=8, H=4, kw={}, L=3, S=5, N=2, kv_same=True),
    dict(name="separate_kv", E=8, H=2, kw={}, L=3, S=4, N=2),
    dict(name="no_bias", E=6, H=3, kw=dict(bias=False), L=2, S=4, N=3),
    dict(name="bias_kv_zero_attn", E=8, H=2, kw=dict(add_bias_kv=True, add_zero_attn=True), L=3, S=4, N=2,
         kpm=True, mask="bool2d"),
    dict(name="kdim_vdim", E=8, H=2, kw=dict(kdim=5, vdim=3), L=3, S=4, N=2),
    dict(name="kpm_bool", E=8, H=2, kw={}, L=3, S=4, N=2, kpm=True),
    dict(name="mask_bool2d", E=8, H=2, kw={}, L=4, S=4, N=2, self_attn=True, mask="bool2d"),
    dict(name="mask_float3d_kpm", E=8, H=2, kw={}, L=3, S=4, N=2, mask="float3d", kpm=True),
    dict(name="causal_float2d", E=8, H=2, kw=dict(batch_first=True), L=4, S=4, N=2, self_attn=True, mask="causal"),
    dict(name="per_head_weights", E=8, H=2, kw={}, L=3, S=4, N=2, average=False),
    dict(name="no_weights", E=8, H=2, kw={}, L=3, S=4, N=2, need_weights=False),
    dict(name="unbatched", E=8, H=2, kw={}, L=3, S=4, N=None, kpm=True),
    dict(name="float64", E=4, H=2, kw=dict(dtype=torch.float64), L=2, S=3, N=2),
]:
    torch.manual_seed(7)
    m = nn.MultiheadAttention(case["E"], case["H"], **case["kw"])
    init_state = state(m)
    dtype = case["kw"].get("dtype", torch.float32)
    E, L, S, N = case["E"], case["L"], case["S"], case["N"]
    kd, vd = case["kw"].get("kdim", E), case["kw"].get("vdim", E)
    bf = case["kw"].get("batch_first", False)

    def shp(T, D):
        if N is None:
            return (T, D)
        return (N, T, D) if bf else (T, N, D)

    q = rn(*shp(L, E), dtype=dtype).requires_grad_()
    if case.get("self_attn"):
        k = v = q
    elif case.get("kv_same"):
        k = v = rn(*shp(S, kd), dtype=dtype).requires_grad_()
    else:
        k = rn(*shp(S, kd), dtype=dtype).requires_grad_()
        v = rn(*shp(S, vd), dtype=dtype).requires_grad_()
    kpm = None
    if case.get("kpm"):
        kpm = torch.zeros(S, dtype=torch.bool) if N is None else torch.zeros(N, S, dtype=torch.bool)
        kpm[..., -1] = True
    am = None
    if case.get("mask") == "bool2d":
        am = torch.zeros(L, S, dtype=torch.bool)
        am[0, 1] = True
        am[-1, 0] = True
    elif case.get("mask") == "float3d":
        am = rn(N * case["H"], L, S, dtype=dtype)
    elif case.get("mask") == "causal":
        am = nn.Transformer.generate_square_subsequent_mask(L)
    nw, avg = case.get("need_weights", True), case.get("average", True)
    y, w = m(q, k, v, key_padding_mask=kpm, need_weights=nw, attn_mask=am, average_attn_weights=avg)
    r = rn(*y.shape, dtype=dtype)
    (y * r).sum().backward()
    entry = {"name": case["name"], "embed_dim": E, "num_heads": case["H"],
             "kwargs": {k2: v2 for k2, v2 in case["kw"].items() if k2 != "dtype"}, "dtype": str(dtype).replace("torch.", ""),
             "self_attn": bool(case.get("self_attn")), "kv_same": bool(case.get("kv_same")),
             "state": init_state, "repr": str(m),
             "q": enc(q), "k": enc(k), "v": enc(v), "key_padding_mask": enc(kpm) if kpm is not None else None,
             "attn_mask": enc(am) if am is not None else None, "need_weights": nw, "average": avg,
             "out": enc(y), "weights": enc(w) if w is not None else None, "r": enc(r),
             "dq": enc(q.grad), "dk": enc(k.grad) if k is not q else None, "dv": enc(v.grad) if v is not k else None,
             "param_grads": grads(m)}
    mha.append(entry)
out["mha"] = mha

# The fast path (eval, no grad, batch_first self-attention) gives the same numbers.
torch.manual_seed(3)
m = nn.MultiheadAttention(8, 2, batch_first=True).eval()
x = rn(2, 3, 8)
with torch.no_grad():
    y, w = m(x, x, x)
out["mha_fast_path"] = {"state": state(m), "x": enc(x), "out": enc(y), "weights": enc(w)}

# Error texts.
errors = {}
m = nn.MultiheadAttention(8, 2)
for key, fn in [
    ("embed_dim", lambda: m(torch.zeros(3, 2, 6), torch.zeros(3, 2, 6), torch.zeros(3, 2, 6))),
    ("mask_2d_shape", lambda: m(torch.zeros(3, 2, 8), torch.zeros(4, 2, 8), torch.zeros(4, 2, 8),
                                attn_mask=torch.zeros(3, 3, dtype=torch.bool))),
    ("query_rank", lambda: m(torch.zeros(3), torch.zeros(3), torch.zeros(3))),
    ("kpm_rank", lambda: m(torch.zeros(3, 2, 8), torch.zeros(3, 2, 8), torch.zeros(3, 2, 8),
                           key_padding_mask=torch.zeros(3, dtype=torch.bool))),
    ("kv_shape", lambda: m(torch.zeros(3, 2, 8), torch.zeros(4, 2, 8), torch.zeros(5, 2, 8))),
]:
    try:
        fn()
        errors[key] = None
    except (AssertionError, RuntimeError) as e:
        errors[key] = str(e)
try:
    nn.MultiheadAttention(6, 4)
except AssertionError as e:
    errors["divisible"] = str(e)
out["mha_errors"] = errors


# ------------------------------------------------------------------ transformer layers (eval: dropout off)
def run_module(m, inputs, kwargs):
    for t in inputs:
        t.requires_grad_()
    y = m(*inputs, **kwargs)
    r = rn(*y.shape)
    (y * r).sum().backward()
    return y, r


def masks_enc(kw):
    return {k2: enc(v2) for k2, v2 in kw.items()}


tr = []
for name, ctor, kind, bf in [
    ("enc_relu", lambda: nn.TransformerEncoderLayer(8, 2, dim_feedforward=16), "enc_layer", False),
    ("enc_gelu_norm_first_bf", lambda: nn.TransformerEncoderLayer(8, 2, 16, activation="gelu", norm_first=True,
                                                                   batch_first=True), "enc_layer", True),
    ("enc_tanh_eps", lambda: nn.TransformerEncoderLayer(8, 4, 12, activation=torch.tanh, layer_norm_eps=1e-3),
     "enc_layer", False),
    ("encoder_norm", lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2, nn.LayerNorm(8)),
     "encoder", False),
    ("dec_relu", lambda: nn.TransformerDecoderLayer(8, 2, 16), "dec_layer", False),
    ("dec_gelu_norm_first_bf", lambda: nn.TransformerDecoderLayer(8, 2, 16, activation="gelu", norm_first=True,
                                                                   batch_first=True), "dec_layer", True),
    ("decoder_norm", lambda: nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16), 2, nn.LayerNorm(8)),
     "decoder", False),
    ("transformer", lambda: nn.Transformer(8, 2, 2, 2, 16), "transformer", False),
    ("transformer_bf_norm_first", lambda: nn.Transformer(8, 2, 1, 2, 12, activation="gelu", batch_first=True,
                                                         norm_first=True), "transformer", True),
]:
    torch.manual_seed(11)
    m = ctor()
    init_state = state(m)
    m.eval()
    N, Ls, Lt = 2, 4, 3
    src = rn(N, Ls, 8) if bf else rn(Ls, N, 8)
    tgt = rn(N, Lt, 8) if bf else rn(Lt, N, 8)
    kpm = torch.zeros(N, Ls, dtype=torch.bool)
    kpm[1, -1] = True
    if kind in ("enc_layer", "encoder"):
        kw = {"src_key_padding_mask": kpm}
        if kind == "enc_layer":
            kw["src_mask"] = nn.Transformer.generate_square_subsequent_mask(Ls)
        else:
            kw["mask"] = nn.Transformer.generate_square_subsequent_mask(Ls)
        inputs = [src]
    elif kind in ("dec_layer", "decoder"):
        kw = {"tgt_mask": nn.Transformer.generate_square_subsequent_mask(Lt), "memory_key_padding_mask": kpm}
        inputs = [tgt, src]
    else:
        kw = {"tgt_mask": nn.Transformer.generate_square_subsequent_mask(Lt), "src_key_padding_mask": kpm,
              "memory_key_padding_mask": kpm}
        inputs = [src, tgt]
    y, r = run_module(m, inputs, kw)
    tr.append({"name": name, "kind": kind, "batch_first": bf, "state": init_state, "repr": str(m),
               "inputs": [enc(t) for t in inputs], "masks": masks_enc(kw), "out": enc(y), "r": enc(r),
               "input_grads": [enc(t.grad) for t in inputs], "param_grads": grads(m)})
out["transformer"] = tr
out["square_subsequent_mask"] = enc(nn.Transformer.generate_square_subsequent_mask(4))

terr = {}
t = nn.Transformer(8, 2, 1, 1, 16)
try:
    t(torch.zeros(3, 2, 8), torch.zeros(3, 3, 8))
except RuntimeError as e:
    terr["batch"] = str(e)
try:
    t(torch.zeros(3, 2, 8), torch.zeros(3, 2, 6))
except RuntimeError as e:
    terr["d_model"] = str(e)
try:
    nn.TransformerEncoderLayer(8, 2, activation="tanh")
except RuntimeError as e:
    terr["activation"] = str(e)
out["transformer_errors"] = terr

path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "golden", "attention.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print("wrote", os.path.normpath(path), os.path.getsize(path), "bytes")
