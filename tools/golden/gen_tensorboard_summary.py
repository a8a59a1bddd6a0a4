"""Goldens for torch.utils.tensorboard.Summary (tests/Flint.TensorBoard.Tests/SummaryFunctionTests.cs).

Run with Debian's /usr/bin/python3 (python3-torch 1.13, numpy 1.24). torch.utils.tensorboard itself does not import
there (the tensorboard package is not installed), so this script loads the pure-NumPy parts of PyTorch 1.13's own
sources: make_histogram from torch/utils/tensorboard/summary.py and _prepare_video / convert_to_HWC / make_grid from
torch/utils/tensorboard/_utils.py, by extracting the functions' text (HistogramProto is replaced by a dict).

    /usr/bin/python3 tools/golden/gen_tensorboard_summary.py > tests/golden/tensorboard_summary.json
"""
import ast
import json
import os

import numpy as np
import torch

TB = os.path.join(os.path.dirname(torch.__file__), "utils", "tensorboard")


def load_functions(path, names, env):
    src = open(path).read()
    tree = ast.parse(src)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            code = ast.get_source_segment(src, node)
            # PyTorch 1.13's np.greater(counts, 0, dtype=np.int32) fails under NumPy 1.24 ("No loop matching the
            # specified signature"); later PyTorch writes np.greater(counts, 0).astype(np.int32), the same counts.
            code = code.replace("np.greater(counts, 0, dtype=np.int32)", "np.greater(counts, 0).astype(np.int32)")
            exec(compile(code, path, "exec"), env)


env = {"np": np, "HistogramProto": lambda **kw: kw}
load_functions(os.path.join(TB, "summary.py"), {"make_histogram", "_calc_scale_factor"}, env)
load_functions(os.path.join(TB, "_utils.py"), {"_prepare_video", "convert_to_HWC", "make_grid"}, env)
make_histogram, prepare_video, convert_to_HWC = env["make_histogram"], env["_prepare_video"], env["convert_to_HWC"]
calc_scale_factor = env["_calc_scale_factor"]

# SummaryWriter.__init__'s default_bins (bins="tensorflow").
v = 1e-12
buckets, neg_buckets = [], []
while v < 1e20:
    buckets.append(v)
    neg_buckets.append(-v)
    v *= 1.1
default_bins = neg_buckets[::-1] + [0] + buckets

g = torch.Generator().manual_seed(7)
normal = (torch.randn(1000, generator=g, dtype=torch.float64) * 3 + 0.5).numpy()
small = np.array([0.25, -1.5, 3.0, 3.0, 0.0, 1e-3, -7.25, 2.5])

cases = []


def case(name, values, bins, max_bins=None, bins_json=None):
    h = make_histogram(values.astype(float), default_bins if bins == "tensorflow" else bins, max_bins)
    cases.append({
        "name": name, "values": values.tolist(), "bins": bins_json if bins_json is not None else bins, "max_bins": max_bins,
        "min": float(h["min"]), "max": float(h["max"]), "num": int(h["num"]), "sum": float(h["sum"]),
        "sum_squares": float(h["sum_squares"]), "bucket_limit": [float(x) for x in h["bucket_limit"]],
        "bucket": [float(x) for x in h["bucket"]],
    })


case("normal_tensorflow", normal, "tensorflow")
case("normal_tensorflow_max50", normal, "tensorflow", 50)
case("normal_count10", normal, 10)
case("normal_count30_max7", normal, 30, 7)
case("small_edges", small, np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), None, [-2.0, -1.0, 0.0, 1.0, 2.0])
case("small_tensorflow", small, "tensorflow")
case("constant_count5", np.array([3.0, 3.0, 3.0]), 5)

# image(): NCHW float32 in [0, 1] -> make_grid (8 columns) -> HWC, * 255, astype(uint8).
img = (torch.arange(3 * 1 * 2 * 3, dtype=torch.float32).reshape(3, 1, 2, 3) / 17.0).numpy()
hwc = convert_to_HWC(img, "NCHW")
hwc = (hwc.astype(np.float32) * calc_scale_factor(hwc)).astype(np.uint8)

# video(): B=3, T=2, C=3, H=2, W=3 uint8 -> _prepare_video -> * 255, astype(uint8) (the uint8 input is / 255 first).
vid = ((torch.arange(3 * 2 * 3 * 2 * 3) * 37) % 256).to(torch.uint8).reshape(3, 2, 3, 2, 3).numpy()
frames = prepare_video(vid)
scale = calc_scale_factor(frames)
frames = (frames.astype(np.float32) * scale).astype(np.uint8)

print(json.dumps({
    "histograms": cases,
    "image": {"input": img.reshape(-1).tolist(), "shape": list(img.shape), "hwc": hwc.reshape(-1).tolist(), "hwc_shape": list(hwc.shape)},
    "video": {"input": vid.reshape(-1).tolist(), "shape": list(vid.shape), "frames": frames.reshape(-1).tolist(), "frames_shape": list(frames.shape)},
}, indent=1))
