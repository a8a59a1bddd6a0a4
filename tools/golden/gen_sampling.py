#!/usr/bin/python3
"""Generates tests/golden/sampling.json and tests/golden/ops-sampling.json with PyTorch 1.13: grid_sample (bilinear,
nearest, bicubic; zeros, border, reflection; align_corners) with the gradients of input and grid, affine_grid (2-d and
3-d), pdist; values and the gradients of sum(out * weight) (sampling.json, run by
tests/Flint.Tests/NN/SamplingGoldenSuite.cs on the CPU and cuda:0), error texts; and the op-table rows the Core ATen
coverage table counts (ops-sampling.json).

Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import os
import sys
import warnings

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_common import OpCases, Suite, errors_of, mk  # noqa: E402

warnings.simplefilter("ignore")
s = Suite(4242)
r = s.rand

for mode in ("bilinear", "nearest", "bicubic"):
    for pad in ("zeros", "border", "reflection"):
        for align in (False, True):
            name = f"grid_sample_{mode}_{pad}_{'align' if align else 'noalign'}"
            s.case(name, r(2, 3, 4, 5), lambda x, g, m=mode, p=pad, a=align: F.grid_sample(x, g, mode=m, padding_mode=p, align_corners=a),
                   extra_inputs=(s.uniform(-1.3, 1.3, 2, 3, 4, 2),))
s.case("grid_sample_float64_far", r(1, 2, 3, 4, dtype=torch.float64),
       lambda x, g: F.grid_sample(x, g, mode="bilinear", padding_mode="reflection", align_corners=False),
       extra_inputs=(s.uniform(-3.5, 3.5, 1, 5, 2, 2, dtype=torch.float64),))
s.case("grid_sample_default", r(1, 1, 3, 3), lambda x, g: F.grid_sample(x, g), extra_inputs=(s.uniform(-1, 1, 1, 2, 2, 2),))
s.case("affine_grid_2d", s.rand(2, 2, 3), lambda t: F.affine_grid(t, [2, 3, 4, 5], align_corners=False))
s.case("affine_grid_2d_align", s.rand(1, 2, 3, dtype=torch.float64), lambda t: F.affine_grid(t, [1, 1, 3, 2], align_corners=True))
s.case("affine_grid_3d", s.rand(2, 3, 4), lambda t: F.affine_grid(t, [2, 1, 2, 3, 4], align_corners=False))
s.case("pdist_2", r(5, 3), lambda x: torch.pdist(x))
s.case("pdist_1", r(4, 3, dtype=torch.float64), lambda x: F.pdist(x, 1))
s.case("pdist_3_5", r(4, 2), lambda x: torch.pdist(x, 3.5))
s.case("pdist_inf", r(3, 4, dtype=torch.float64), lambda x: torch.pdist(x, float("inf")))

I = F.interpolate
s.case("interp_nearest_exact_1d", r(2, 3, 5), lambda x: I(x, size=8, mode="nearest-exact"))
s.case("interp_nearest_exact_2d_scale", r(1, 2, 3, 4), lambda x: I(x, scale_factor=1.7, mode="nearest-exact"))
s.case("interp_nearest_exact_3d_down", r(1, 2, 5, 6, 7), lambda x: I(x, size=(3, 4, 5), mode="nearest-exact"))
s.case("interp_nearest_5d", r(1, 1, 2, 3, 4), lambda x: I(x, scale_factor=(2, 1.5, 0.5)))
s.case("interp_linear_size", r(2, 3, 5), lambda x: I(x, size=8, mode="linear"))
s.case("interp_linear_align_down", r(1, 2, 9, dtype=torch.float64), lambda x: I(x, size=4, mode="linear", align_corners=True))
s.case("interp_linear_scale", r(1, 2, 4), lambda x: I(x, scale_factor=2.5, mode="linear"))
s.case("interp_bicubic_size", r(1, 2, 4, 5), lambda x: I(x, size=(7, 3), mode="bicubic"))
s.case("interp_bicubic_align", r(2, 1, 3, 4, dtype=torch.float64), lambda x: I(x, size=(5, 6), mode="bicubic", align_corners=True))
s.case("interp_bicubic_scale", r(1, 2, 3, 3), lambda x: I(x, scale_factor=1.5, mode="bicubic"))
s.case("interp_trilinear_size", r(1, 2, 3, 4, 3), lambda x: I(x, size=(5, 3, 6), mode="trilinear"))
s.case("interp_trilinear_align", r(1, 1, 2, 3, 4, dtype=torch.float64), lambda x: I(x, scale_factor=2, mode="trilinear", align_corners=True))
s.case("interp_area_1d", r(2, 3, 7), lambda x: I(x, size=3, mode="area"))
s.case("interp_area_2d", r(1, 2, 6, 5), lambda x: I(x, scale_factor=0.5, mode="area"))
s.case("interp_area_3d", r(1, 2, 4, 5, 6), lambda x: I(x, size=(2, 3, 4), mode="area"))
s.case("interp_bilinear_recompute", r(1, 2, 5, 5), lambda x: I(x, scale_factor=1.7, mode="bilinear", recompute_scale_factor=True))
s.case("interp_nearest_recompute", r(1, 2, 5, 5), lambda x: I(x, scale_factor=1.7, recompute_scale_factor=True))
s.case("upsample_bilinear_fn", r(1, 2, 3, 4), lambda x: F.upsample_bilinear(x, scale_factor=2))
s.case("upsample_nearest_fn", r(1, 2, 3, 4), lambda x: F.upsample_nearest(x, size=(5, 6)))
s.case("upsample_fn", r(1, 2, 3), lambda x: F.upsample(x, size=5, mode="linear", align_corners=False))

x4 = torch.randn(2, 3, 4, 5)
g4 = torch.rand(2, 3, 4, 2) * 2 - 1
errors = errors_of({
    "grid_sample_mode": lambda: F.grid_sample(x4, g4, mode="cubic"),
    "grid_sample_padding": lambda: F.grid_sample(x4, g4, padding_mode="wrap"),
    "grid_sample_batch": lambda: F.grid_sample(x4, g4[:1]),
    "grid_sample_last": lambda: F.grid_sample(x4, torch.rand(2, 3, 4, 3)),
    "grid_sample_bicubic_5d": lambda: F.grid_sample(torch.randn(2, 3, 4, 5, 6), torch.rand(2, 3, 4, 5, 3), mode="bicubic"),
    "grid_sample_empty": lambda: F.grid_sample(torch.randn(2, 3, 0, 5), g4),
    "grid_sample_dtype": lambda: F.grid_sample(x4.double(), g4),
    "affine_grid_3d_size": lambda: F.affine_grid(torch.randn(2, 2, 3), [2, 3, 4]),
    "affine_grid_theta_shape": lambda: F.affine_grid(torch.randn(2, 3, 3), [2, 3, 4, 5]),
    "affine_grid_zero": lambda: F.affine_grid(torch.randn(2, 2, 3), [2, 3, 4, 0]),
    "affine_grid_int": lambda: F.affine_grid(torch.randn(2, 2, 3).int(), [2, 3, 4, 5]),
    "pdist_1d": lambda: torch.pdist(torch.randn(3)),
    "pdist_negative_p": lambda: torch.pdist(torch.randn(3, 2), -1),
    "pdist_int": lambda: torch.pdist(torch.randn(3, 2).int()),
    "interp_linear_4d": lambda: F.interpolate(x4, size=3, mode="linear"),
    "interp_trilinear_4d": lambda: F.interpolate(x4, size=3, mode="trilinear"),
    "interp_bicubic_3d": lambda: F.interpolate(torch.randn(1, 2, 3), size=3, mode="bicubic"),
    "interp_area_align": lambda: F.interpolate(x4, size=3, mode="area", align_corners=True),
})

ops = OpCases()
GS = lambda x, g, m, p, a: F.grid_sample(x, g, mode=m, padding_mode=p, align_corners=a)  # noqa: E731
gg = torch.Generator().manual_seed(5)
grid = lambda *shape, dt=torch.float32: (torch.rand(*shape, generator=gg) * 2.4 - 1.2).to(dt)  # noqa: E731
ops.case("grid_sample", GS, mk([2, 2, 3, 4], "float32"), grid(2, 3, 2, 2), "bilinear", "zeros", False)
ops.case("grid_sample", GS, mk([1, 3, 4, 4], "float64"), grid(1, 2, 3, 2, dt=torch.float64), "bicubic", "reflection", True)
ops.case("grid_sample", GS, mk([1, 2, 3, 3], "float32"), grid(1, 4, 1, 2), "nearest", "border", False)
ops.case("interpolate", lambda t, size, m, a=None: F.interpolate(t, size=size, mode=m, align_corners=a), mk([1, 2, 3, 4], "float32"), [5, 3], "bicubic", False)
ops.case("interpolate", lambda t, size, m, a=None: F.interpolate(t, size=size, mode=m, align_corners=a), mk([2, 1, 4], "float64"), [7], "linear", True)
ops.case("interpolate", lambda t, size, m: F.interpolate(t, size=size, mode=m), mk([1, 1, 2, 3, 4], "float32"), [3, 4, 2], "trilinear")
ops.case("interpolate", lambda t, size, m: F.interpolate(t, size=size, mode=m), mk([1, 2, 5, 4], "float32"), [3, 7], "nearest-exact")
ops.case("interpolate", lambda t, size, m: F.interpolate(t, size=size, mode=m), mk([1, 2, 5, 4], "float32"), [3, 2], "area")
ops.case("pdist", lambda x, p: torch.pdist(x, p), mk([4, 3], "float32"), 2.0)
ops.case("pdist", lambda x, p: torch.pdist(x, p), mk([5, 2], "float64"), 1.0)
AS = lambda x, size, stride, off: x.as_strided(size, stride, off)  # noqa: E731
ops.case("as_strided", AS, mk([6], "float32"), [2, 2], [1, 2], 1)
ops.case("as_strided", AS, mk([3, 4], "float64"), [3, 3], [4, 1], 0)
ops.case("as_strided", AS, mk([10], "int64"), [2, 3, 2], [3, 1, 2], 2)
ops.case("as_strided", AS, mk([2, 3], "float32"), [3, 3], [1, 1], 0)
ops.case("as_strided", AS, mk([6], "float32"), [2, 4], [3, 1], 0)
ops.case("as_strided", AS, mk([6], "float32"), [2, 2], [1, 1], 5)
ops.case("as_strided", AS, mk([6], "float32"), [2, 2], [-1, 1], 0)
ops.case("alias", lambda x: torch.ops.aten.alias(x), mk([2, 3], "float32"))
ops.case("resize_", lambda x, size: x.resize_(size), mk([2, 3], "float32"), [2, 2])
ops.case("resize_", lambda x, size: x.resize_(size), mk([4, 3], "int64"), [5])

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "sampling.json"), "w") as fh:
    json.dump({"torch_version": torch.__version__, "cases": s.cases, "errors": errors}, fh, separators=(",", ":"))
with open(os.path.join(root, "ops-sampling.json"), "w") as fh:
    json.dump(ops.cases, fh, separators=(",", ":"))
print(f"sampling.json: {len(s.cases)} cases; ops-sampling.json: {len(ops.cases)} cases")
