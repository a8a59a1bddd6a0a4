#!/usr/bin/python3
"""Generates tests/golden/pool.json: pooling, batch norm, dropout2d, interpolate and pixel shuffle
as PyTorch 1.13 computes them (values, indices, gradients, running statistics, printing, errors).

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_pool.py
Each case names a call that tests/Flint.Tests/NN/PoolGoldenTests.cs maps to Flint's spelling. Gradients
are those of sum(out * weight) for the stored weight, so a test needs no randomness of its own.
"""
import json
import math
import os
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.simplefilter("ignore")


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
        "values": [jv(v) for v in t.reshape(-1).double().tolist()] if t.is_floating_point() else t.reshape(-1).tolist(),
    }


gen = torch.Generator().manual_seed(1234)


def rand(*shape, dtype=torch.float32):
    return torch.randn(*shape, generator=gen).to(dtype)


cases = []


def case(name, x, f, extra_inputs=()):
    x = x.clone().requires_grad_(True)
    extras = [e.clone().requires_grad_(True) for e in extra_inputs]
    r = f(x, *extras)
    out, idx = (r if isinstance(r, tuple) else (r, None))
    w = torch.randn(out.shape, generator=gen).to(out.dtype)
    (out * w).sum().backward()
    c = {"name": name, "input": enc(x), "out": enc(out), "weight": enc(w), "grad": enc(x.grad)}
    if idx is not None:
        c["indices"] = enc(idx)
    for i, e in enumerate(extras):
        c[f"extra{i}"] = enc(e)
        c[f"extra{i}_grad"] = enc(e.grad)
    cases.append(c)


# ---- max pooling
case("max_pool2d_k2", rand(2, 3, 6, 6), lambda x: F.max_pool2d(x, 2))
case("max_pool2d_k3_s2_p1", rand(1, 2, 7, 7), lambda x: F.max_pool2d(x, 3, stride=2, padding=1))
case("max_pool2d_rect_dilated", rand(2, 2, 7, 8), lambda x: F.max_pool2d(x, (2, 3), stride=(1, 2), padding=(1, 0), dilation=(2, 1)))
case("max_pool2d_ceil", rand(1, 2, 7, 7), lambda x: F.max_pool2d(x, 3, stride=2, ceil_mode=True))
case("max_pool2d_ceil_pad_dil", rand(1, 1, 8, 9), lambda x: F.max_pool2d(x, 3, stride=2, padding=1, dilation=2, ceil_mode=True))
case("max_pool2d_indices", rand(2, 2, 5, 6), lambda x: F.max_pool2d(x, 2, stride=2, padding=1, return_indices=True))
case("max_pool2d_3d", rand(3, 5, 5), lambda x: F.max_pool2d(x, 2, stride=1))
case("max_pool2d_float64", rand(1, 2, 4, 6, dtype=torch.float64), lambda x: F.max_pool2d(x, (2, 3)))
nan_in = rand(1, 1, 4, 4)
nan_in[0, 0, 1, 0] = float("nan")
case("max_pool2d_nan", nan_in, lambda x: F.max_pool2d(x, 2, return_indices=True))
case("max_pool1d_k3_s2_p1", rand(2, 3, 9), lambda x: F.max_pool1d(x, 3, stride=2, padding=1))
case("max_pool1d_ceil_dil", rand(1, 2, 10), lambda x: F.max_pool1d(x, 3, stride=2, dilation=2, ceil_mode=True, return_indices=True))
case("max_pool1d_2d", rand(3, 8), lambda x: F.max_pool1d(x, 2))

# ---- average pooling
case("avg_pool2d_k2", rand(2, 3, 6, 6), lambda x: F.avg_pool2d(x, 2))
case("avg_pool2d_k3_s2_p1", rand(1, 2, 7, 7), lambda x: F.avg_pool2d(x, 3, stride=2, padding=1))
case("avg_pool2d_exclude_pad", rand(1, 2, 7, 7), lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False))
case("avg_pool2d_ceil", rand(1, 2, 7, 6), lambda x: F.avg_pool2d(x, (3, 2), stride=(2, 2), padding=(1, 1), ceil_mode=True))
case("avg_pool2d_ceil_exclude", rand(1, 1, 6, 7), lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False))
case("avg_pool2d_divisor", rand(2, 1, 5, 5), lambda x: F.avg_pool2d(x, 2, stride=1, padding=1, divisor_override=3))
case("avg_pool2d_3d", rand(3, 4, 5), lambda x: F.avg_pool2d(x, (2, 1)))
case("avg_pool1d_k3_s2_p1", rand(2, 3, 9), lambda x: F.avg_pool1d(x, 3, stride=2, padding=1))
case("avg_pool1d_ceil_exclude", rand(1, 2, 8), lambda x: F.avg_pool1d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False))

# ---- adaptive pooling
case("adaptive_avg_pool2d_3x2", rand(2, 3, 7, 5), lambda x: F.adaptive_avg_pool2d(x, (3, 2)))
case("adaptive_avg_pool2d_1", rand(2, 4, 3, 3), lambda x: F.adaptive_avg_pool2d(x, 1))
case("adaptive_avg_pool2d_up", rand(1, 2, 3, 2), lambda x: F.adaptive_avg_pool2d(x, (5, 4)))
case("adaptive_avg_pool2d_none", rand(3, 6, 5), lambda x: F.adaptive_avg_pool2d(x, (None, 2)))
case("adaptive_avg_pool1d_3", rand(2, 3, 7), lambda x: F.adaptive_avg_pool1d(x, 3))
case("adaptive_max_pool2d_3x4", rand(2, 2, 7, 9), lambda x: F.adaptive_max_pool2d(x, (3, 4), return_indices=True))
case("adaptive_max_pool2d_3d", rand(3, 5, 5), lambda x: F.adaptive_max_pool2d(x, 2))
case("adaptive_max_pool1d_4", rand(2, 3, 10), lambda x: F.adaptive_max_pool1d(x, 4, return_indices=True))

# ---- interpolate and pixel shuffle
case("interpolate_nearest_size", rand(1, 2, 3, 4), lambda x: F.interpolate(x, size=(5, 7)))
case("interpolate_nearest_scale2", rand(2, 1, 3, 3), lambda x: F.interpolate(x, scale_factor=2))
case("interpolate_nearest_scale1_5", rand(1, 1, 4, 5), lambda x: F.interpolate(x, scale_factor=1.5))
case("interpolate_nearest_down", rand(1, 2, 7, 6), lambda x: F.interpolate(x, size=(3, 4), mode="nearest"))
case("interpolate_nearest_1d", rand(2, 2, 5), lambda x: F.interpolate(x, size=8))
case("interpolate_bilinear_size", rand(1, 2, 3, 4), lambda x: F.interpolate(x, size=(5, 7), mode="bilinear", align_corners=False))
case("interpolate_bilinear_align", rand(1, 2, 3, 4), lambda x: F.interpolate(x, size=(5, 7), mode="bilinear", align_corners=True))
case("interpolate_bilinear_scale", rand(2, 1, 3, 3), lambda x: F.interpolate(x, scale_factor=2, mode="bilinear"))
case("interpolate_bilinear_scale_align", rand(1, 1, 4, 5), lambda x: F.interpolate(x, scale_factor=1.5, mode="bilinear", align_corners=True))
case("interpolate_bilinear_down", rand(1, 2, 7, 6), lambda x: F.interpolate(x, size=(3, 4), mode="bilinear"))
case("interpolate_bilinear_scale_down", rand(1, 1, 7, 6), lambda x: F.interpolate(x, scale_factor=0.6, mode="bilinear"))
case("pixel_shuffle_2", rand(2, 8, 2, 3), lambda x: F.pixel_shuffle(x, 2))
case("pixel_shuffle_3d", rand(9, 2, 2), lambda x: F.pixel_shuffle(x, 3))
case("pixel_unshuffle_2", rand(2, 2, 4, 6), lambda x: F.pixel_unshuffle(x, 2))

# ---- batch norm (functional, with weight and bias as extra inputs)
for name, shape, training, momentum in [("bn_train_4d", (3, 2, 4, 5), True, 0.1), ("bn_train_2d", (5, 3), True, 0.3),
                                        ("bn_train_3d", (2, 3, 4), True, 0.1), ("bn_eval_4d", (2, 3, 3, 3), False, 0.1)]:
    rm = torch.randn(shape[1], generator=gen)
    rv = torch.rand(shape[1], generator=gen) + 0.5
    rm0, rv0 = rm.clone(), rv.clone()
    x = rand(*shape) * 2 + 0.5
    w = rand(shape[1])
    b = rand(shape[1])
    case(name, x, lambda x, w, b: F.batch_norm(x, rm, rv, w, b, training=training, momentum=momentum, eps=1e-5), (w, b))
    cases[-1]["running_mean_before"] = enc(rm0)
    cases[-1]["running_var_before"] = enc(rv0)
    cases[-1]["running_mean_after"] = enc(rm)
    cases[-1]["running_var_after"] = enc(rv)
case("bn_no_stats_no_affine", rand(4, 3, 2) * 3, lambda x: F.batch_norm(x, None, None, training=True, eps=1e-3))

# ---- batch-norm modules: two training steps then eval, momentum 0.1 and None
modules = []
for name, make, shape in [("BatchNorm2d", lambda: nn.BatchNorm2d(3), (4, 3, 2, 2)),
                          ("BatchNorm2d_cma", lambda: nn.BatchNorm2d(3, momentum=None), (4, 3, 2, 2)),
                          ("BatchNorm1d", lambda: nn.BatchNorm1d(3, eps=1e-3, momentum=0.2), (6, 3)),
                          ("BatchNorm1d_3d_untracked", lambda: nn.BatchNorm1d(2, track_running_stats=False, affine=False), (3, 2, 4))]:
    m = make()
    xs = [rand(*shape) * 1.5 + 0.3 for _ in range(3)]
    outs = [m(xs[0]), m(xs[1])]
    m.eval()
    outs.append(m(xs[2]))
    modules.append({
        "name": name, "inputs": [enc(x) for x in xs], "outputs": [enc(o) for o in outs],
        "state": {k: enc(v) for k, v in m.state_dict().items()},
        "keys": list(m.state_dict().keys()),
        "repr": repr(m),
    })

# ---- dropout2d (seeded masks from the global generator)
dropouts = []
for name, shape, p in [("dropout2d_4d", (2, 3, 2, 2), 0.5), ("dropout2d_3d", (2, 4, 3), 0.25)]:
    torch.manual_seed(7)
    x = rand(*shape)
    torch.manual_seed(7)
    y = F.dropout2d(x, p, training=True)
    dropouts.append({"name": name, "p": p, "input": enc(x), "out": enc(y)})

# ---- printing
reprs = {
    "MaxPool2d(2)": repr(nn.MaxPool2d(2)),
    "MaxPool2d((2,3),return_indices)": repr(nn.MaxPool2d((2, 3), return_indices=True)),
    "MaxPool2d(3,1,1,2,ceil)": repr(nn.MaxPool2d(3, stride=1, padding=1, dilation=2, ceil_mode=True)),
    "MaxPool1d(3)": repr(nn.MaxPool1d(3)),
    "MaxPool1d(3,2,1)": repr(nn.MaxPool1d(3, stride=2, padding=1)),
    "AvgPool2d(2)": repr(nn.AvgPool2d(2)),
    "AvgPool2d((3,2),1,(1,0))": repr(nn.AvgPool2d((3, 2), stride=1, padding=(1, 0))),
    "AvgPool2d(3,divisor)": repr(nn.AvgPool2d(3, divisor_override=2, count_include_pad=False, ceil_mode=True)),
    "AvgPool1d(2)": repr(nn.AvgPool1d(2)),
    "AvgPool1d(3,2,1)": repr(nn.AvgPool1d(3, stride=2, padding=1)),
    "AdaptiveAvgPool2d((2,3))": repr(nn.AdaptiveAvgPool2d((2, 3))),
    "AdaptiveAvgPool2d(1)": repr(nn.AdaptiveAvgPool2d(1)),
    "AdaptiveAvgPool2d((None,3))": repr(nn.AdaptiveAvgPool2d((None, 3))),
    "AdaptiveAvgPool1d(2)": repr(nn.AdaptiveAvgPool1d(2)),
    "AdaptiveMaxPool2d(2)": repr(nn.AdaptiveMaxPool2d(2)),
    "AdaptiveMaxPool2d((3,4),indices)": repr(nn.AdaptiveMaxPool2d((3, 4), return_indices=True)),
    "AdaptiveMaxPool1d(5)": repr(nn.AdaptiveMaxPool1d(5)),
    "BatchNorm2d(4)": repr(nn.BatchNorm2d(4)),
    "BatchNorm1d(3,None)": repr(nn.BatchNorm1d(3, momentum=None)),
    "BatchNorm1d(5,0.001,0.2,False,False)": repr(nn.BatchNorm1d(5, eps=0.001, momentum=0.2, affine=False, track_running_stats=False)),
    "Dropout2d()": repr(nn.Dropout2d()),
    "Dropout2d(0.25,True)": repr(nn.Dropout2d(0.25, inplace=True)),
    "Upsample(scale=2)": repr(nn.Upsample(scale_factor=2)),
    "Upsample(size=(3,4),bilinear,align)": repr(nn.Upsample(size=(3, 4), mode="bilinear", align_corners=True)),
    "Upsample(size=5)": repr(nn.Upsample(size=5)),
    "Upsample(scale=1.5,bilinear)": repr(nn.Upsample(scale_factor=1.5, mode="bilinear")),
    "PixelShuffle(2)": repr(nn.PixelShuffle(2)),
    "PixelUnshuffle(3)": repr(nn.PixelUnshuffle(3)),
}

# ---- errors: PyTorch's wording
x4 = torch.randn(1, 2, 5, 5)
err_calls = {
    "max_pool2d_kernel0": lambda: F.max_pool2d(x4, 0, stride=1),
    "max_pool2d_stride0": lambda: F.max_pool2d(x4, 2, stride=0),
    "max_pool2d_pad_too_big": lambda: F.max_pool2d(x4, 2, padding=2),
    "max_pool2d_pad_negative": lambda: F.max_pool2d(x4, 2, padding=-1),
    "max_pool2d_dilation0": lambda: F.max_pool2d(x4, 2, dilation=0),
    "max_pool2d_1d_input": lambda: F.max_pool2d(torch.randn(5), 2),
    "max_pool2d_too_small": lambda: F.max_pool2d(torch.randn(1, 1, 1, 1), 2),
    "max_pool2d_empty_plane": lambda: F.max_pool2d(torch.randn(1, 2, 0, 4), 2),
    "max_pool2d_long": lambda: F.max_pool2d(x4.long(), 2),
    "max_pool1d_kernel0": lambda: F.max_pool1d(torch.randn(1, 2, 5), 0),
    "max_pool1d_1d_input": lambda: F.max_pool1d(torch.randn(5), 2),
    "max_pool1d_pad_too_big": lambda: F.max_pool1d(torch.randn(1, 2, 5), 2, padding=2),
    "max_pool1d_stride0": lambda: F.max_pool1d(torch.randn(1, 2, 5), 2, stride=0),
    "max_pool1d_too_small": lambda: F.max_pool1d(torch.randn(1, 1, 1), 3),
    "avg_pool2d_pad_too_big": lambda: F.avg_pool2d(x4, 2, padding=2),
    "avg_pool2d_too_small": lambda: F.avg_pool2d(torch.randn(1, 1, 1, 1), 2),
    "avg_pool2d_divisor0": lambda: F.avg_pool2d(x4, 2, divisor_override=0),
    "avg_pool2d_stride0": lambda: F.avg_pool2d(x4, 2, stride=0),
    "avg_pool2d_5d": lambda: F.avg_pool2d(torch.randn(1, 1, 2, 2, 2), 2),
    "avg_pool1d_too_small": lambda: F.avg_pool1d(torch.randn(1, 1, 1), 2),
    "avg_pool1d_4d": lambda: F.avg_pool1d(torch.randn(1, 1, 2, 2), 2),
    "adaptive_avg_pool2d_1d_input": lambda: F.adaptive_avg_pool2d(torch.randn(5), 2),
    "adaptive_avg_pool2d_empty": lambda: F.adaptive_avg_pool2d(torch.randn(1, 2, 0, 3), 2),
    "adaptive_avg_pool2d_long": lambda: F.adaptive_avg_pool2d(x4.long(), 2),
    "adaptive_max_pool2d_1d_input": lambda: F.adaptive_max_pool2d(torch.randn(5), 2),
    "adaptive_avg_pool1d_4d": lambda: F.adaptive_avg_pool1d(torch.randn(5, 2, 3, 4), 2),
    "batch_norm_running_size": lambda: F.batch_norm(x4, torch.zeros(3), torch.ones(3)),
    "batch_norm_weight_size": lambda: F.batch_norm(x4, torch.zeros(2), torch.ones(2), weight=torch.ones(3)),
    "batch_norm_one_value": lambda: F.batch_norm(torch.randn(1, 2), torch.zeros(2), torch.ones(2), training=True),
    "BatchNorm2d_2d_input": lambda: nn.BatchNorm2d(2)(torch.randn(2, 5)),
    "BatchNorm1d_4d_input": lambda: nn.BatchNorm1d(2)(torch.randn(2, 3, 4, 5)),
    "BatchNorm1d_one_value": lambda: nn.BatchNorm1d(2)(torch.randn(1, 2)),
    "BatchNorm2d_channels": lambda: nn.BatchNorm2d(3)(x4),
    "dropout2d_p": lambda: F.dropout2d(x4, 1.5),
    "pixel_shuffle_channels": lambda: F.pixel_shuffle(torch.randn(1, 3, 2, 2), 2),
    "pixel_shuffle_2d": lambda: F.pixel_shuffle(torch.randn(4, 4), 2),
    "pixel_unshuffle_height": lambda: F.pixel_unshuffle(torch.randn(1, 3, 3, 4), 2),
    "pixel_unshuffle_width": lambda: F.pixel_unshuffle(torch.randn(1, 3, 4, 3), 2),
    "interpolate_bilinear_3d": lambda: F.interpolate(torch.randn(1, 2, 3), size=3, mode="bilinear"),
    "interpolate_nothing": lambda: F.interpolate(x4),
    "interpolate_both": lambda: F.interpolate(x4, size=3, scale_factor=2),
    "interpolate_align_nearest": lambda: F.interpolate(x4, size=3, align_corners=True),
    "interpolate_size_len": lambda: F.interpolate(x4, size=(3, 4, 5)),
    "interpolate_mode": lambda: F.interpolate(x4, size=3, mode="cubic"),
}
errors = {}
for k, f in err_calls.items():
    try:
        f()
        errors[k] = None
    except Exception as e:
        errors[k] = {"type": type(e).__name__, "message": str(e)}

out = {"torch_version": torch.__version__, "cases": cases, "modules": modules, "dropouts": dropouts,
       "reprs": reprs, "errors": errors}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "pool.json")
with open(path, "w") as fh:
    json.dump(out, fh, separators=(",", ":"))
print("wrote", os.path.normpath(path), len(cases), "cases")
