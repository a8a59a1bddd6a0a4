#!/usr/bin/python3
"""Generates tests/golden/conv.json: convolutions, transposed convolutions, F.pad, Unfold/Fold.

Run with /usr/bin/python3 (Debian's PyTorch 1.13). Each functional case runs y = op(x, w, b, **args)
and backpropagates sum(y * r) for a fixed random r into every input; values are written as Python
floats (float32 values are exact in a double).
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
        "values": [jv(v) for v in t.reshape(-1).double().tolist()],
    }


gen = torch.Generator().manual_seed(1234)


def rnd(*shape, dtype=torch.float64):
    return (torch.rand(*shape, generator=gen, dtype=torch.float64) * 2 - 1).to(dtype)


out = {"torch_version": torch.__version__}

# ------------------------------------------------------------------ functional cases
cases = []


def case(name, op, x_shape, w_shape, bias=True, dtype=torch.float64, **args):
    x = rnd(*x_shape, dtype=dtype).requires_grad_()
    w = rnd(*w_shape, dtype=dtype).requires_grad_()
    b = None
    if bias:
        bn = w_shape[0] if not op.startswith("conv_transpose") else w_shape[1] * args.get("groups", 1)
        b = rnd(bn, dtype=dtype).requires_grad_()
    fn = getattr(F, op)
    y = fn(x, w, b, **args)
    r = rnd(*y.shape, dtype=dtype)
    (y * r).sum().backward()
    entry = {"name": name, "op": op, "args": {k: (list(v) if isinstance(v, tuple) else v) for k, v in args.items()},
             "x": enc(x), "w": enc(w), "r": enc(r), "y": enc(y), "gx": enc(x.grad), "gw": enc(w.grad)}
    if b is not None:
        entry["b"] = enc(b)
        entry["gb"] = enc(b.grad)
    cases.append(entry)


case("conv2d_basic", "conv2d", (2, 3, 5, 6), (4, 3, 3, 3))
case("conv2d_nobias", "conv2d", (2, 3, 5, 6), (4, 3, 3, 3), bias=False)
case("conv2d_stride_pad", "conv2d", (2, 3, 7, 6), (4, 3, 3, 2), stride=(2, 1), padding=(1, 2))
case("conv2d_stride3_pad1", "conv2d", (1, 2, 8, 7), (3, 2, 3, 3), stride=3, padding=1)
case("conv2d_dilation", "conv2d", (2, 2, 7, 8), (3, 2, 3, 3), dilation=(2, 1), padding=1)
case("conv2d_groups", "conv2d", (2, 4, 5, 5), (6, 2, 3, 3), groups=2, padding=1)
case("conv2d_depthwise", "conv2d", (2, 3, 5, 5), (3, 1, 3, 3), groups=3, padding=1)
case("conv2d_depthwise_mult", "conv2d", (1, 3, 5, 4), (6, 1, 2, 2), groups=3)
case("conv2d_same", "conv2d", (2, 2, 5, 6), (3, 2, 3, 3), padding="same")
case("conv2d_same_even", "conv2d", (2, 2, 5, 6), (3, 2, 4, 2), padding="same")
case("conv2d_same_dilated", "conv2d", (1, 2, 6, 6), (2, 2, 3, 2), padding="same", dilation=2)
case("conv2d_valid", "conv2d", (2, 2, 5, 6), (3, 2, 3, 3), padding="valid")
case("conv2d_unbatched", "conv2d", (3, 5, 6), (4, 3, 3, 3), padding=1)
case("conv2d_1x1", "conv2d", (2, 5, 4, 4), (3, 5, 1, 1))
case("conv2d_f32", "conv2d", (2, 3, 6, 6), (4, 3, 3, 3), dtype=torch.float32, padding=1)
case("conv2d_f32_big", "conv2d", (3, 8, 10, 9), (16, 8, 3, 3), dtype=torch.float32, padding=1, stride=(1, 2))
case("conv1d_basic", "conv1d", (2, 3, 9), (4, 3, 3))
case("conv1d_stride_pad_dil", "conv1d", (2, 4, 11), (6, 2, 3), stride=2, padding=2, dilation=2, groups=2)
case("conv1d_same", "conv1d", (2, 3, 8), (2, 3, 4), padding="same")
case("conv1d_unbatched", "conv1d", (3, 9), (2, 3, 2))
case("conv3d_basic", "conv3d", (2, 2, 4, 5, 4), (3, 2, 2, 3, 2))
case("conv3d_stride_pad", "conv3d", (1, 2, 5, 5, 5), (2, 2, 3, 3, 3), stride=2, padding=1)
case("conv3d_groups_dil", "conv3d", (1, 4, 5, 5, 6), (4, 2, 2, 2, 2), groups=2, dilation=(1, 2, 2), padding=(0, 1, 1))
case("conv3d_same", "conv3d", (1, 2, 4, 4, 4), (2, 2, 2, 3, 2), padding="same")
case("conv3d_unbatched", "conv3d", (2, 3, 4, 4), (2, 2, 2, 2, 2))
case("conv_transpose2d_basic", "conv_transpose2d", (2, 3, 4, 5), (3, 4, 3, 3))
case("conv_transpose2d_stride", "conv_transpose2d", (2, 3, 4, 4), (3, 2, 3, 3), stride=2, padding=1, output_padding=1)
case("conv_transpose2d_groups_dil", "conv_transpose2d", (1, 4, 3, 4), (4, 3, 2, 3), groups=2, dilation=(2, 1), stride=(1, 2), padding=(1, 0))
case("conv_transpose2d_nobias", "conv_transpose2d", (2, 2, 3, 3), (2, 3, 2, 2), bias=False, stride=2)
case("conv_transpose2d_unbatched", "conv_transpose2d", (3, 4, 4), (3, 2, 3, 3), stride=2)
case("conv_transpose2d_f32", "conv_transpose2d", (2, 4, 5, 5), (4, 3, 4, 4), dtype=torch.float32, stride=2, padding=1)
case("conv_transpose1d_basic", "conv_transpose1d", (2, 3, 6), (3, 2, 3), stride=3, padding=1, output_padding=2)
case("conv_transpose1d_groups", "conv_transpose1d", (2, 4, 5), (4, 1, 3), groups=4, dilation=2)
case("conv_transpose3d_basic", "conv_transpose3d", (1, 2, 3, 3, 2), (2, 2, 2, 2, 2), stride=2)
out["functional"] = cases

# ------------------------------------------------------------------ modules: init, repr, state_dict, forward
modules = []


def module_case(name, ctor, x_shape):
    torch.manual_seed(0)
    m = eval(ctor)
    entry = {"name": name, "repr": repr(m), "keys": list(m.state_dict().keys()),
             "params": {k: enc(v) for k, v in m.state_dict().items()}}
    entry["next_rand"] = float(torch.rand(1).item())
    if x_shape is not None:
        x = rnd(*x_shape, dtype=torch.float32).requires_grad_()
        y = m(x)
        r = rnd(*y.shape, dtype=torch.float32)
        (y * r).sum().backward()
        entry.update({"x": enc(x), "r": enc(r), "y": enc(y), "gx": enc(x.grad),
                      "grads": {k: enc(p.grad) for k, p in m.named_parameters()}})
    modules.append(entry)


module_case("Conv2d_1_32_3", "nn.Conv2d(1, 32, 3)", (2, 1, 6, 6))
module_case("Conv2d_full", "nn.Conv2d(4, 6, (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 2), groups=2, bias=False)", (2, 4, 7, 7))
module_case("Conv2d_same", "nn.Conv2d(2, 3, 4, padding='same')", (2, 2, 5, 5))
module_case("Conv2d_valid", "nn.Conv2d(2, 3, 3, padding='valid')", (2, 2, 5, 5))
module_case("Conv2d_reflect", "nn.Conv2d(2, 3, 3, padding=1, padding_mode='reflect')", (2, 2, 5, 6))
module_case("Conv2d_replicate", "nn.Conv2d(2, 3, 3, padding=(2, 1), padding_mode='replicate')", (2, 2, 4, 5))
module_case("Conv2d_circular", "nn.Conv2d(2, 3, 3, padding=2, padding_mode='circular')", (1, 2, 4, 5))
module_case("Conv2d_same_reflect", "nn.Conv2d(2, 3, (4, 3), padding='same', padding_mode='reflect')", (1, 2, 6, 5))
module_case("Conv2d_unbatched", "nn.Conv2d(3, 2, 2)", (3, 4, 4))
module_case("Conv2d_depthwise", "nn.Conv2d(4, 8, 3, groups=4, padding=1)", (2, 4, 4, 4))
module_case("Conv1d", "nn.Conv1d(3, 5, 3, stride=2)", (2, 3, 10))
module_case("Conv1d_circular", "nn.Conv1d(2, 3, 3, padding=1, padding_mode='circular')", (2, 2, 6))
module_case("Conv3d", "nn.Conv3d(2, 3, (2, 3, 3), padding=(0, 1, 1))", (1, 2, 3, 4, 4))
module_case("Conv3d_replicate", "nn.Conv3d(2, 2, 3, padding=1, padding_mode='replicate')", (1, 2, 3, 3, 3))
module_case("ConvTranspose2d", "nn.ConvTranspose2d(3, 4, 3, stride=2, padding=1, output_padding=1)", (2, 3, 4, 4))
module_case("ConvTranspose2d_groups", "nn.ConvTranspose2d(4, 6, (2, 3), groups=2, bias=False, dilation=2)", (1, 4, 3, 3))
module_case("ConvTranspose1d", "nn.ConvTranspose1d(2, 3, 4, stride=2)", (2, 2, 5))
module_case("Conv2d_big_init", "nn.Conv2d(64, 64, 3, padding=1)", None)
module_case("Conv2d_double", "nn.Conv2d(2, 3, 2, dtype=torch.float64)", None)
out["modules"] = modules

# ------------------------------------------------------------------ error texts
errors = {}


def err(name, fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        errors[name] = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
        return
    raise AssertionError(name + " did not raise")


w4 = torch.zeros(32, 1, 3, 3)
err("conv2d_rank", lambda: F.conv2d(torch.zeros(2, 3), w4))
err("conv2d_rank5", lambda: F.conv2d(torch.zeros(1, 1, 1, 5, 5), w4))
err("conv1d_rank", lambda: F.conv1d(torch.zeros(5), torch.zeros(2, 1, 3)))
err("conv3d_rank", lambda: F.conv3d(torch.zeros(2, 3, 4), torch.zeros(2, 1, 3, 3, 3)))
err("conv_transpose2d_rank", lambda: F.conv_transpose2d(torch.zeros(2, 3), w4))
err("conv2d_channels", lambda: F.conv2d(torch.zeros(64, 3, 28, 28), w4))
err("conv2d_channels_groups", lambda: F.conv2d(torch.zeros(2, 3, 8, 8), torch.zeros(4, 2, 3, 3), groups=2))
err("conv2d_weight_rank", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), torch.zeros(4, 1, 3)))
err("conv2d_groups_div", lambda: F.conv2d(torch.zeros(2, 4, 8, 8), torch.zeros(3, 2, 3, 3), groups=2))
err("conv2d_groups_big", lambda: F.conv2d(torch.zeros(2, 4, 8, 8), torch.zeros(3, 1, 3, 3), groups=4))
err("conv2d_bias", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), w4, torch.zeros(3)))
err("conv2d_kernel_too_big", lambda: F.conv2d(torch.zeros(2, 1, 2, 8), w4))
err("conv2d_stride0", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), w4, stride=0))
err("conv2d_negpad", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), w4, padding=-1))
err("conv2d_dilation0", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), w4, dilation=0))
err("conv2d_groups0", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), w4, groups=0))
err("conv2d_stride_len", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), w4, stride=(1, 1, 1)))
err("conv2d_same_strided", lambda: F.conv2d(torch.zeros(2, 1, 8, 8), w4, padding="same", stride=2))
err("conv2d_dtype", lambda: F.conv2d(torch.zeros(2, 1, 8, 8, dtype=torch.float64), w4))
err("conv_transpose2d_channels", lambda: F.conv_transpose2d(torch.zeros(2, 3, 4, 4), torch.zeros(2, 3, 3, 3)))
err("conv_transpose2d_bias", lambda: F.conv_transpose2d(torch.zeros(2, 2, 4, 4), torch.zeros(2, 3, 3, 3), torch.zeros(2)))
err("conv_transpose2d_output_padding", lambda: F.conv_transpose2d(torch.zeros(2, 2, 4, 4), torch.zeros(2, 3, 3, 3), output_padding=1))
err("module_groups_in", lambda: nn.Conv2d(3, 4, 3, groups=2))
err("module_groups_out", lambda: nn.Conv2d(4, 3, 3, groups=2))
err("module_same_strided", lambda: nn.Conv2d(4, 3, 3, stride=2, padding="same"))
err("module_transpose_mode", lambda: nn.ConvTranspose2d(4, 3, 3, padding_mode="reflect"))
err("pad_odd", lambda: F.pad(torch.zeros(2, 3), (1, 1, 1)))
err("pad_too_long", lambda: F.pad(torch.zeros(2, 3), (1, 1, 1, 1, 1, 1)))
err("pad_negative_size", lambda: F.pad(torch.zeros(2, 3), (-2, -2)))
err("pad_reflect_too_big", lambda: F.pad(torch.zeros(1, 2, 3), (3, 3), mode="reflect"))
err("pad_reflect_rank", lambda: F.pad(torch.zeros(3), (1, 1), mode="reflect"))
err("pad_circular_wrap", lambda: F.pad(torch.zeros(1, 2, 3), (4, 0), mode="circular"))
err("pad_value_nonconstant", lambda: F.pad(torch.zeros(1, 2, 3), (1, 1), mode="replicate", value=1.0))
out["errors"] = errors

# ------------------------------------------------------------------ F.pad
pads = []


def pad_case(name, shape, pad, mode="constant", value=None, dtype=torch.float64):
    x = rnd(*shape, dtype=dtype).requires_grad_()
    y = F.pad(x, pad, mode=mode) if value is None else F.pad(x, pad, mode=mode, value=value)
    r = rnd(*y.shape, dtype=dtype)
    (y * r).sum().backward()
    pads.append({"name": name, "pad": list(pad), "mode": mode, "value": 0.0 if value is None else value,
                 "x": enc(x), "r": enc(r), "y": enc(y), "gx": enc(x.grad)})


pad_case("constant_1d", (2, 5), (1, 2))
pad_case("constant_2d_value", (2, 3, 4), (1, 0, 2, 1), value=1.5)
pad_case("constant_negative", (2, 3, 5), (-1, 2, 1, -1))
pad_case("constant_4dims", (2, 2, 2, 3), (1, 1, 0, 1, 1, 0, 2, 1))
pad_case("constant_f32", (1, 2, 3), (2, 2), dtype=torch.float32)
pad_case("reflect_1d", (2, 3, 5), (2, 3), "reflect")
pad_case("reflect_2d", (1, 2, 4, 5), (1, 2, 3, 1), "reflect")
pad_case("reflect_2d_unbatched", (2, 4, 5), (2, 2, 1, 1), "reflect")
pad_case("reflect_3d", (1, 1, 3, 4, 3), (1, 1, 2, 1, 1, 2), "reflect")
pad_case("replicate_1d", (2, 2, 4), (3, 1), "replicate")
pad_case("replicate_2d", (1, 2, 3, 4), (2, 1, 0, 3), "replicate")
pad_case("replicate_3d", (2, 2, 2, 3), (1, 2, 1, 0, 2, 1), "replicate")
pad_case("circular_1d", (2, 3, 5), (2, 3), "circular")
pad_case("circular_2d", (1, 2, 4, 5), (1, 2, 3, 1), "circular")
pad_case("circular_3d", (1, 1, 3, 3, 4), (1, 1, 2, 0, 1, 2), "circular")
pad_case("circular_negative", (1, 2, 5), (-1, 2), "circular")
out["pad"] = pads

# ------------------------------------------------------------------ Unfold / Fold
folds = []


def unfold_case(name, shape, dtype=torch.float64, **args):
    x = rnd(*shape, dtype=dtype).requires_grad_()
    y = F.unfold(x, **args)
    r = rnd(*y.shape, dtype=dtype)
    (y * r).sum().backward()
    folds.append({"name": name, "op": "unfold", "args": {k: (list(v) if isinstance(v, tuple) else v) for k, v in args.items()},
                  "x": enc(x), "r": enc(r), "y": enc(y), "gx": enc(x.grad)})


def fold_case(name, shape, dtype=torch.float64, **args):
    x = rnd(*shape, dtype=dtype).requires_grad_()
    y = F.fold(x, **args)
    r = rnd(*y.shape, dtype=dtype)
    (y * r).sum().backward()
    folds.append({"name": name, "op": "fold", "args": {k: (list(v) if isinstance(v, tuple) else v) for k, v in args.items()},
                  "x": enc(x), "r": enc(r), "y": enc(y), "gx": enc(x.grad)})


unfold_case("unfold_basic", (2, 3, 4, 5), kernel_size=(2, 3))
unfold_case("unfold_all", (1, 2, 6, 5), kernel_size=3, dilation=(1, 2), padding=1, stride=(2, 1))
unfold_case("unfold_unbatched", (2, 4, 4), kernel_size=2, stride=2)
fold_case("fold_basic", (2, 6, 9), output_size=(4, 5), kernel_size=(2, 3))
fold_case("fold_all", (1, 18, 9), output_size=(6, 5), kernel_size=3, dilation=(1, 2), padding=1, stride=(2, 1))
fold_case("fold_unbatched", (8, 4), output_size=(4, 4), kernel_size=2, stride=2)
out["fold"] = folds
err("unfold_rank", lambda: F.unfold(torch.zeros(2, 3, 4, 5, 6), kernel_size=2))
err("fold_rank", lambda: F.fold(torch.zeros(2, 3, 4, 5), output_size=(4, 4), kernel_size=2))
err("fold_channels", lambda: F.fold(torch.zeros(2, 7, 9), output_size=(4, 4), kernel_size=2))
err("fold_blocks", lambda: F.fold(torch.zeros(2, 8, 8), output_size=(4, 4), kernel_size=2))
torch.manual_seed(0)
out["fold_repr"] = repr(nn.Fold(output_size=(4, 5), kernel_size=(2, 3), stride=2))
out["unfold_repr"] = repr(nn.Unfold(kernel_size=(2, 3), dilation=2, padding=1))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "conv.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print("wrote", path, os.path.getsize(path), "bytes")
for k, v in errors.items():
    print(k, v)
print(out["fold_repr"], out["unfold_repr"])
for m in modules:
    print(m["repr"], m["keys"])
