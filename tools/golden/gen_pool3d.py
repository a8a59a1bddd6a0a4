#!/usr/bin/python3
"""Generates tests/golden/pool3d.json and tests/golden/ops-pool3d.json with PyTorch 1.13: 3-d pooling
(max_pool3d with indices, dilation and ceil_mode; avg_pool3d with count_include_pad, ceil_mode and divisor_override;
adaptive_avg_pool3d; adaptive_max_pool3d with indices): values, indices and the gradients of sum(out * weight)
(pool3d.json, run by tests/Flint.Tests/NN/SamplingGoldenSuite.cs on the CPU and cuda:0), module reprs and error
texts; and the op-table rows the Core ATen coverage table counts (ops-pool3d.json).

Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import os
import sys
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_common import OpCases, Suite, distinct, errors_of, mk  # noqa: E402

warnings.simplefilter("ignore")
s = Suite(3131)
r = s.rand

s.case("max_pool3d_k2", r(2, 2, 4, 4, 4), lambda x: F.max_pool3d(x, 2))
s.case("max_pool3d_k3_s2_p1", r(1, 2, 5, 6, 7), lambda x: F.max_pool3d(x, 3, stride=2, padding=1))
s.case("max_pool3d_rect_dilated_ceil", r(1, 2, 6, 7, 8), lambda x: F.max_pool3d(x, (2, 3, 2), stride=(2, 1, 2), padding=(1, 1, 0), dilation=(2, 1, 2), ceil_mode=True))
s.case("max_pool3d_indices", r(2, 1, 4, 5, 6), lambda x: F.max_pool3d(x, 2, stride=2, padding=1, return_indices=True))
s.case("max_pool3d_4d", r(3, 4, 4, 5), lambda x: F.max_pool3d(x, (2, 2, 3), stride=1, return_indices=True))
s.case("max_pool3d_float64", r(1, 2, 3, 4, 5, dtype=torch.float64), lambda x: F.max_pool3d(x, (1, 2, 3), return_indices=True))
nan_in = r(1, 1, 2, 4, 4)
nan_in[0, 0, 1, 1, 0] = float("nan")
s.case("max_pool3d_nan", nan_in, lambda x: F.max_pool3d(x, 2, return_indices=True))
s.case("avg_pool3d_k2", r(2, 2, 4, 4, 4), lambda x: F.avg_pool3d(x, 2))
s.case("avg_pool3d_k3_s2_p1", r(1, 2, 5, 6, 7), lambda x: F.avg_pool3d(x, 3, stride=2, padding=1))
s.case("avg_pool3d_exclude_pad_ceil", r(1, 2, 5, 6, 7), lambda x: F.avg_pool3d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False))
s.case("avg_pool3d_rect_ceil", r(2, 1, 5, 5, 6), lambda x: F.avg_pool3d(x, (3, 2, 2), stride=(2, 2, 1), padding=(1, 0, 1), ceil_mode=True))
s.case("avg_pool3d_divisor", r(1, 1, 3, 4, 5), lambda x: F.avg_pool3d(x, 2, stride=1, padding=1, divisor_override=3))
s.case("avg_pool3d_4d_float64", r(2, 3, 4, 5, dtype=torch.float64), lambda x: F.avg_pool3d(x, (2, 1, 2)))
s.case("adaptive_avg_pool3d_2x3x2", r(2, 2, 5, 7, 4), lambda x: F.adaptive_avg_pool3d(x, (2, 3, 2)))
s.case("adaptive_avg_pool3d_1", r(1, 3, 3, 4, 5), lambda x: F.adaptive_avg_pool3d(x, 1))
s.case("adaptive_avg_pool3d_up_none", r(2, 3, 4, 3), lambda x: F.adaptive_avg_pool3d(x, (5, None, 4)))
s.case("adaptive_max_pool3d_2x3x4", r(1, 2, 5, 7, 9), lambda x: F.adaptive_max_pool3d(x, (2, 3, 4), return_indices=True))
s.case("adaptive_max_pool3d_4d", r(2, 4, 5, 3), lambda x: F.adaptive_max_pool3d(x, 2, return_indices=True))
s.case("adaptive_max_pool3d_none", r(1, 1, 3, 6, 4, dtype=torch.float64), lambda x: F.adaptive_max_pool3d(x, (None, 3, 2)))

reprs = {
    "MaxPool3d(2)": repr(nn.MaxPool3d(2)),
    "MaxPool3d((2,3,1),1,(1,0,0),2,ceil)": repr(nn.MaxPool3d((2, 3, 1), stride=1, padding=(1, 0, 0), dilation=2, ceil_mode=True)),
    "AvgPool3d(2)": repr(nn.AvgPool3d(2)),
    "AvgPool3d((2,3,1),1,(1,0,0))": repr(nn.AvgPool3d((2, 3, 1), stride=1, padding=(1, 0, 0), count_include_pad=False)),
    "AdaptiveAvgPool3d(2)": repr(nn.AdaptiveAvgPool3d(2)),
    "AdaptiveAvgPool3d((2,None,3))": repr(nn.AdaptiveAvgPool3d((2, None, 3))),
    "AdaptiveMaxPool3d(2)": repr(nn.AdaptiveMaxPool3d(2)),
    "AdaptiveMaxPool3d((1,2,3),indices)": repr(nn.AdaptiveMaxPool3d((1, 2, 3), return_indices=True)),
}

x5 = torch.randn(1, 2, 3, 4, 5)
errors = errors_of({
    "max_pool3d_kernel_zero": lambda: F.max_pool3d(x5, 0),
    "max_pool3d_3d_input": lambda: F.max_pool3d(torch.randn(3, 4, 5), 2),
    "max_pool3d_pad": lambda: F.max_pool3d(x5, 2, padding=2),
    "max_pool3d_too_small": lambda: F.max_pool3d(x5, 4),
    "max_pool3d_empty": lambda: F.max_pool3d(torch.randn(1, 0, 4, 5), 2),
    "max_pool3d_kernel_len": lambda: F.max_pool3d(x5, [2, 2]),
    "max_pool3d_stride_len": lambda: F.max_pool3d(x5, 2, [1, 1]),
    "max_pool3d_dilation_zero": lambda: F.max_pool3d(x5, 2, 1, 0, 0),
    "avg_pool3d_small": lambda: F.avg_pool3d(x5, 4),
    "avg_pool3d_3d_input": lambda: F.avg_pool3d(torch.randn(3, 4, 5), 2),
    "avg_pool3d_pad": lambda: F.avg_pool3d(x5, 3, padding=2),
    "avg_pool3d_divisor_zero": lambda: F.avg_pool3d(x5, 2, divisor_override=0),
    "avg_pool3d_kernel_len": lambda: F.avg_pool3d(x5, [2, 2]),
    "adaptive_avg_pool3d_3d_input": lambda: F.adaptive_avg_pool3d(torch.randn(3, 4, 5), 2),
    "adaptive_max_pool3d_3d_input": lambda: F.adaptive_max_pool3d(torch.randn(3, 4, 5), 2),
    "adaptive_avg_pool3d_empty": lambda: F.adaptive_avg_pool3d(torch.randn(1, 0, 4, 5), 2),
    "adaptive_max_pool3d_empty": lambda: F.adaptive_max_pool3d(torch.randn(1, 0, 4, 5), 2),
    "adaptive_avg_pool3d_size_len": lambda: F.adaptive_avg_pool3d(x5, [1, 1]),
})

ops = OpCases()
ops.case("avg_pool3d", lambda t, k, st, p: F.avg_pool3d(t, k, st, p), mk([1, 2, 4, 5, 6], "float32"), [2, 3, 2], [2, 2, 1], [1, 1, 0])
ops.case("avg_pool3d", lambda t, k, st, p: F.avg_pool3d(t, k, st, p), mk([2, 3, 3, 4], "float64"), [2, 2, 2], [1, 1, 1], [0, 1, 0])
ops.case("max_pool3d_with_indices", lambda t, k, st, p: F.max_pool3d(t, k, st, p, return_indices=True), distinct([1, 2, 4, 5, 6], "float32"), [2, 3, 2], [2, 2, 1], [1, 1, 0])
ops.case("max_pool3d_with_indices", lambda t, k, st, p: F.max_pool3d(t, k, st, p, return_indices=True), distinct([2, 3, 4, 4], "float64", 5), [2, 2, 2], [1, 1, 1], [0, 0, 0])
ops.case("adaptive_avg_pool3d", lambda t, o: F.adaptive_avg_pool3d(t, o), mk([1, 2, 5, 4, 7], "float32"), [2, 3, 3])
ops.case("adaptive_avg_pool3d", lambda t, o: F.adaptive_avg_pool3d(t, o), mk([2, 3, 4, 5], "float64"), [3, 2, 2])
ops.case("adaptive_max_pool3d_with_indices", lambda t, o: F.adaptive_max_pool3d(t, o, return_indices=True), distinct([1, 2, 5, 4, 7], "float32", 2), [2, 3, 3])

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "pool3d.json"), "w") as fh:
    json.dump({"torch_version": torch.__version__, "cases": s.cases, "reprs": reprs, "errors": errors}, fh, separators=(",", ":"))
with open(os.path.join(root, "ops-pool3d.json"), "w") as fh:
    json.dump(ops.cases, fh, separators=(",", ":"))
print(f"pool3d.json: {len(s.cases)} cases; ops-pool3d.json: {len(ops.cases)} cases")
