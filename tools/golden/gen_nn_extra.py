#!/usr/bin/python3
"""Generates tests/golden/nn-extra.json: the torch.nn names of issue 15's second batch
(tests/Flint.Tests/NN/NnExtraGoldenTests.cs): Bilinear, RReLU, the alpha/feature dropouts, LPPool, MaxUnpool,
upsample_nearest*d, conv*_padding, fractional max pooling with given samples, fuse_conv_bn / fuse_linear_bn.

Run with /usr/bin/python3 (Debian's PyTorch 1.13). Each case lists its inputs (float64 unless integer), which
inputs are differentiated, the output and the gradients of sum(output * w) with w = linspace(0.5, 1.5, numel).
The C# table (NnExtraCases.cs) computes the same function of the same inputs.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(151)
D = torch.float64


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


cases = {}


def case(name, fn, inputs, grad):
    xs = [x.detach().clone().requires_grad_(i in grad) for i, x in enumerate(inputs)]
    out = fn(*xs)
    w = torch.linspace(0.5, 1.5, out.numel(), dtype=out.dtype).reshape(out.shape) if out.numel() > 1 else torch.ones_like(out)
    if grad:
        (out * w).sum().backward()
    cases[name] = {
        "inputs": [enc(x) for x in xs],
        "grad": grad,
        "out": enc(out),
        "grads": [enc(xs[i].grad) for i in grad],
    }


def R(*s):
    return torch.randn(*s, dtype=D)


def U(*s):
    return torch.rand(*s, dtype=D)


# 1. bilinear
case("bilinear", lambda a, b, w, c: F.bilinear(a, b, w, c), [R(4, 3), R(4, 5), R(2, 3, 5), R(2)], [0, 1, 2, 3])
case("bilinear_nobias", lambda a, b, w: F.bilinear(a, b, w), [R(3, 2), R(3, 4), R(3, 2, 4)], [0, 1, 2])
case("bilinear_batched", lambda a, b, w, c: F.bilinear(a, b, w, c), [R(2, 3, 3), R(2, 3, 2), R(4, 3, 2), R(4)], [0, 1, 2, 3])
case("bilinear_vector", lambda a, b, w, c: F.bilinear(a, b, w, c), [R(3), R(2), R(2, 3, 2), R(2)], [0, 1, 2, 3])

# 2. rrelu (evaluation mode: slope (lower + upper) / 2)
case("rrelu_eval", lambda x: F.rrelu(x), [R(3, 5)], [0])
case("rrelu_eval_bounds", lambda x: F.rrelu(x, 0.1, 0.4, training=False), [R(2, 3, 4)], [0])
case("rrelu_module_eval", lambda x: nn.RReLU(0.2, 0.3).eval()(x), [R(6)], [0])

# 3. dropouts in evaluation mode are the identity
case("alpha_dropout_eval", lambda x: F.alpha_dropout(x, 0.3, training=False), [R(3, 4)], [0])
case("feature_alpha_dropout_eval", lambda x: F.feature_alpha_dropout(x, 0.3), [R(2, 3, 4)], [0])
case("dropout1d_eval", lambda x: F.dropout1d(x, 0.3, training=False), [R(2, 3, 4)], [0])
case("dropout3d_eval", lambda x: F.dropout3d(x, 0.3, training=False), [R(2, 3, 2, 2, 2)], [0])

# 4. lp_pool
case("lp_pool1d_p2", lambda x: F.lp_pool1d(x, 2, 3), [R(2, 3, 8)], [0])
case("lp_pool1d_p3_stride_ceil", lambda x: F.lp_pool1d(x, 3, 2, stride=1, ceil_mode=True), [U(2, 2, 7) + 0.1], [0])
case("lp_pool1d_unbatched", lambda x: F.lp_pool1d(x, 1.5, 2), [U(3, 6) + 0.1], [0])
case("lp_pool2d_p2", lambda x: F.lp_pool2d(x, 2, 2), [R(2, 2, 4, 6)], [0])
case("lp_pool2d_rect_stride_ceil", lambda x: F.lp_pool2d(x, 3, (2, 3), stride=(1, 2), ceil_mode=True), [U(1, 2, 5, 7) + 0.1], [0])
case("lp_pool2d_p1_negative", lambda x: F.lp_pool2d(x, 1, 2), [R(1, 1, 4, 4)], [0])
case("lp_pool_module2d", lambda x: nn.LPPool2d(2, 3, stride=2)(x), [R(3, 7, 7)], [0])


# 5. max_unpool from max_pool indices
def pooled(fn, x):
    y, i = fn(x)
    return y.detach(), i


y1, i1 = pooled(lambda x: F.max_pool1d(x, 2, return_indices=True), R(2, 3, 8))
case("max_unpool1d", lambda y, i: F.max_unpool1d(y, i, 2), [y1, i1], [0])
case("max_unpool1d_output_size", lambda y, i: F.max_unpool1d(y, i, 2, output_size=[9]), [y1, i1], [0])
y1b, i1b = pooled(lambda x: F.max_pool1d(x, 3, stride=2, padding=1, return_indices=True), R(2, 7))
case("max_unpool1d_unbatched_stride_pad", lambda y, i: F.max_unpool1d(y, i, 3, stride=2, padding=1), [y1b, i1b], [0])
y2, i2 = pooled(lambda x: F.max_pool2d(x, 2, return_indices=True), R(2, 2, 4, 6))
case("max_unpool2d", lambda y, i: F.max_unpool2d(y, i, 2), [y2, i2], [0])
y2b, i2b = pooled(lambda x: F.max_pool2d(x, 2, return_indices=True), R(1, 2, 5, 5))
case("max_unpool2d_output_size", lambda y, i: F.max_unpool2d(y, i, 2, output_size=[1, 2, 5, 5]), [y2b, i2b], [0])
y2c, i2c = pooled(lambda x: F.max_pool2d(x, (2, 3), stride=(2, 3), return_indices=True), R(3, 4, 6))
case("max_unpool2d_unbatched_rect", lambda y, i: nn.MaxUnpool2d((2, 3))(y, i), [y2c, i2c], [0])
y3, i3 = pooled(lambda x: F.max_pool3d(x, 2, return_indices=True), R(1, 2, 4, 4, 4))
case("max_unpool3d", lambda y, i: F.max_unpool3d(y, i, 2), [y3, i3], [0])
y3b, i3b = pooled(lambda x: F.max_pool3d(x, 2, return_indices=True), R(2, 3, 5, 4))
case("max_unpool3d_unbatched_output_size", lambda y, i: F.max_unpool3d(y, i, 2, output_size=(3, 5, 4)), [y3b, i3b], [0])

# 6. upsample_nearest*d (PyTorch's F.interpolate(mode="nearest")) and their backward
case("upsample_nearest1d_size", lambda x: F.interpolate(x, size=7, mode="nearest"), [R(2, 3, 4)], [0])
case("upsample_nearest1d_scale", lambda x: F.interpolate(x, scale_factor=2.5, mode="nearest"), [R(1, 2, 3)], [0])
case("upsample_nearest2d_size", lambda x: F.interpolate(x, size=(5, 3), mode="nearest"), [R(1, 2, 3, 2)], [0])
case("upsample_nearest2d_scale", lambda x: F.interpolate(x, scale_factor=(2.0, 1.5), mode="nearest"), [R(2, 1, 2, 3)], [0])
case("upsample_nearest3d_size", lambda x: F.interpolate(x, size=(3, 4, 2), mode="nearest"), [R(1, 2, 2, 3, 2)], [0])
case("upsample_nearest3d_scale", lambda x: F.interpolate(x, scale_factor=2.0, mode="nearest"), [R(1, 1, 2, 2, 2)], [0])

# pooling gradients (avg_pool2d_backward, avg_pool3d_backward, adaptive_avg_pool3d_backward are checked against these grads)
case("avg_pool2d_grad", lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), [R(2, 2, 5, 6)], [0])
case("avg_pool3d_grad", lambda x: F.avg_pool3d(x, (2, 2, 1), divisor_override=3), [R(1, 2, 4, 4, 3)], [0])
case("adaptive_avg_pool3d_grad", lambda x: F.adaptive_avg_pool3d(x, (2, 3, 2)), [R(1, 2, 5, 4, 3)], [0])

# 7. conv*_padding: PyTorch's padding="same" / "valid"
case("conv1d_same", lambda x, w, b: F.conv1d(x, w, b, padding="same"), [R(2, 3, 7), R(4, 3, 4), R(4)], [0, 1, 2])
case("conv1d_same_dilation", lambda x, w: F.conv1d(x, w, padding="same", dilation=2), [R(1, 2, 8), R(3, 2, 3)], [0, 1])
case("conv1d_valid_stride", lambda x, w: F.conv1d(x, w, stride=2, padding="valid"), [R(1, 2, 9), R(3, 2, 3)], [0, 1])
case("conv2d_same", lambda x, w, b: F.conv2d(x, w, b, padding="same"), [R(1, 2, 5, 6), R(3, 2, 2, 3), R(3)], [0, 1, 2])
case("conv2d_valid_groups", lambda x, w: F.conv2d(x, w, stride=(1, 2), padding="valid", groups=2), [R(1, 4, 5, 6), R(2, 2, 3, 2)], [0, 1])
case("conv3d_same", lambda x, w: F.conv3d(x, w, padding="same"), [R(1, 2, 3, 4, 4), R(2, 2, 2, 3, 2)], [0, 1])
case("conv3d_valid", lambda x, w, b: F.conv3d(x, w, b, padding="valid"), [R(1, 1, 4, 4, 3), R(2, 1, 2, 2, 2), R(2)], [0, 1, 2])

# 8. fractional max pooling with explicit samples
case("fractional_max_pool2d_size", lambda x, s: F.fractional_max_pool2d(x, 2, output_size=3, _random_samples=s),
     [R(2, 3, 7, 6), torch.rand(2, 3, 2, dtype=D)], [0])
case("fractional_max_pool2d_ratio_rect", lambda x, s: F.fractional_max_pool2d(x, (2, 3), output_ratio=(0.5, 0.6), _random_samples=s),
     [R(1, 2, 8, 10), torch.rand(1, 2, 2, dtype=D)], [0])
case("fractional_max_pool2d_unbatched", lambda x, s: F.fractional_max_pool2d(x, 3, output_size=(2, 4), _random_samples=s),
     [R(2, 6, 7), torch.rand(1, 2, 2, dtype=D)], [0])
case("fractional_max_pool2d_indices", lambda x, s: F.fractional_max_pool2d(x, 2, output_size=(3, 4), return_indices=True, _random_samples=s)[1],
     [R(1, 2, 6, 7), torch.rand(1, 2, 2, dtype=D)], [])
case("fractional_max_pool3d_size", lambda x, s: F.fractional_max_pool3d(x, 2, output_size=(2, 3, 2), _random_samples=s),
     [R(2, 2, 5, 6, 4), torch.rand(2, 2, 3, dtype=D)], [0])
case("fractional_max_pool3d_indices", lambda x, s: F.fractional_max_pool3d(x, (2, 1, 2), output_size=3, return_indices=True, _random_samples=s)[1],
     [R(1, 2, 5, 4, 6), torch.rand(1, 2, 3, dtype=D)], [])
case("fractional_max_pool3d_unbatched_ratio", lambda x, s: F.fractional_max_pool3d(x, 2, output_ratio=0.5, _random_samples=s),
     [R(2, 6, 6, 8), torch.rand(1, 2, 3, dtype=D)], [0])


# 9. fuse conv/linear with batch norm in evaluation mode
# The expected output is the unfused conv/linear followed by eval-mode batch norm; the C# side runs the fused
# weights (PyTorch 1.13 has fuse_conv_bn_weights but not yet fuse_linear_bn_weights).
def fused_conv(x, w, b, rm, rv, g, beta):
    fw, fb = torch.nn.utils.fuse_conv_bn_weights(w, b, rm, rv, 1e-5, g, beta)
    ref = F.batch_norm(F.conv2d(x, w, b), rm, rv, g, beta, training=False, eps=1e-5)
    assert torch.allclose(F.conv2d(x, fw, fb), ref)
    return ref


def fused_linear(x, w, b, rm, rv, g, beta):
    return F.batch_norm(F.linear(x, w, b), rm, rv, g, beta, training=False, eps=1e-5)


case("fuse_conv_bn_weights", fused_conv, [R(2, 2, 4, 4), R(3, 2, 2, 2), R(3), R(3), U(3) + 0.5, R(3), R(3)], [])
case("fuse_linear_bn_weights", fused_linear, [R(4, 3), R(5, 3), R(5), R(5), U(5) + 0.5, R(5), R(5)], [])

# seeded parameters and masks (float32, PyTorch's generator)
seeded = {}
torch.manual_seed(5)
m = nn.Bilinear(3, 4, 2)
seeded["bilinear_init_weight"] = enc(m.weight)
seeded["bilinear_init_bias"] = enc(m.bias)
xs = torch.arange(1.0, 25.0).reshape(2, 3, 4)
for name, fn in {
    "alpha_dropout": lambda x: F.alpha_dropout(x, 0.4, training=True),
    "feature_alpha_dropout": lambda x: F.feature_alpha_dropout(x, 0.4, training=True),
    "dropout1d": lambda x: F.dropout1d(x, 0.4, training=True),
    "dropout3d": lambda x: F.dropout3d(x.reshape(1, 2, 3, 2, 2), 0.4, training=True),
}.items():
    torch.manual_seed(9)
    seeded[name] = enc(fn(xs))

torch.manual_seed(3)
seeded["trunc_normal_4x5"] = enc(nn.init.trunc_normal_(torch.empty(4, 5), mean=0.5, std=2.0, a=-1.0, b=2.0))
torch.manual_seed(4)
seeded["orthogonal_3x5_gain2"] = enc(nn.init.orthogonal_(torch.empty(3, 5, dtype=D), gain=2.0))

reprs = {
    "Bilinear": repr(nn.Bilinear(3, 4, 2)),
    "BilinearNoBias": repr(nn.Bilinear(3, 4, 2, bias=False)),
    "RReLU": repr(nn.RReLU()),
    "RReLUInplace": repr(nn.RReLU(0.1, 0.3, inplace=True)),
    "AlphaDropout": repr(nn.AlphaDropout()),
    "FeatureAlphaDropout": repr(nn.FeatureAlphaDropout(0.2)),
    "Dropout1d": repr(nn.Dropout1d()),
    "Dropout3d": repr(nn.Dropout3d(0.1, True)),
    "LPPool1d": repr(nn.LPPool1d(2, 3)),
    "LPPool2d": repr(nn.LPPool2d(1.5, (2, 3), stride=1, ceil_mode=True)),
    "MaxUnpool1d": repr(nn.MaxUnpool1d(2)),
    "MaxUnpool2d": repr(nn.MaxUnpool2d(2, stride=1, padding=1)),
    "MaxUnpool3d": repr(nn.MaxUnpool3d((2, 1, 2))),
    "FractionalMaxPool2d": repr(nn.FractionalMaxPool2d(2, output_size=3)),
    "FractionalMaxPool3d": repr(nn.FractionalMaxPool3d(2, output_ratio=0.5)),
}

state_dicts = {
    "Bilinear": list(nn.Bilinear(3, 4, 2).state_dict().keys()),
}


def err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return str(e).split("\n")[0]
    raise AssertionError("no error")


errors = {
    "bilinear_dims": err(lambda: F.bilinear(R(2, 3), R(2, 3, 4), R(2, 3, 4))),
    "bilinear_batch": err(lambda: F.bilinear(R(2, 3), R(3, 4), R(2, 3, 4))),
    "bilinear_in1": err(lambda: F.bilinear(R(2, 2), R(2, 4), R(2, 3, 4))),
    "bilinear_in2": err(lambda: F.bilinear(R(2, 3), R(2, 5), R(2, 3, 4))),
    "bilinear_bias": err(lambda: F.bilinear(R(2, 3), R(2, 4), R(2, 3, 4), R(3))),
    "alpha_dropout_p": err(lambda: F.alpha_dropout(R(3), 1.5)),
    "feature_alpha_dropout_dims": err(lambda: F.feature_alpha_dropout(R(3), 0.5, training=True)),
    "dropout1d_dims": err(lambda: F.dropout1d(R(2, 3, 4, 5))),
    "dropout1d_p": err(lambda: F.dropout1d(R(2, 3), -0.1)),
    "max_unpool_output_size_len": err(lambda: F.max_unpool2d(y2, i2, 2, output_size=[1, 2, 3])),
    "max_unpool_output_size_range": err(lambda: F.max_unpool2d(y2, i2, 2, output_size=[2, 6])),
    "max_unpool_invalid_index": err(lambda: F.max_unpool2d(y2, torch.full_like(i2, 30), 2)),
    "fractional_no_size": err(lambda: F.fractional_max_pool2d(R(1, 1, 4, 4), 2)),
    "fractional_ratio_range": err(lambda: F.fractional_max_pool2d(R(1, 1, 4, 4), 2, output_ratio=1.5)),
    "fractional_too_large": err(lambda: F.fractional_max_pool2d(R(1, 1, 4, 4), 3, output_size=3)),
}

out = {"torch_version": torch.__version__, "cases": cases, "seeded": seeded, "reprs": reprs, "state_dicts": state_dicts, "errors": errors}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "nn-extra.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print(len(cases), "cases")
print(json.dumps(reprs, indent=1))
print(json.dumps(errors, indent=1))
