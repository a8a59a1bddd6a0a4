#!/usr/bin/python3
"""Generates tests/golden/fft_real.json with PyTorch 1.13: the real-valued members of torch.fft (fftfreq, rfftfreq,
fftshift, ifftshift), run by tests/Flint.Tests/Tensors/FftRealTests.cs. Run with /usr/bin/python3 (python3-torch 1.13)."""
import json
import os

import torch

out = {"fftfreq": [], "rfftfreq": [], "shift": []}
for n, d in [(1, 1.0), (2, 1.0), (5, 1.0), (8, 0.1), (9, 2.5), (16, 1e-3)]:
    for name, f in (("fftfreq", torch.fft.fftfreq), ("rfftfreq", torch.fft.rfftfreq)):
        for dtype in (torch.float32, torch.float64):
            v = f(n, d, dtype=dtype)
            out[name].append({"n": n, "d": d, "dtype": str(dtype).split(".")[1], "values": v.tolist()})
g = torch.Generator().manual_seed(7)
for shape, dim in [((7,), None), ((6,), None), ((3, 4), None), ((3, 4), [1]), ((2, 3, 5), [0, 2]), ((2, 3, 5), [-1]), ((4, 5), [0])]:
    x = torch.randn(*shape, generator=g, dtype=torch.float64)
    out["shift"].append({"shape": list(shape), "dim": dim, "input": x.flatten().tolist(),
                         "fftshift": torch.fft.fftshift(x, dim).flatten().tolist(),
                         "ifftshift": torch.fft.ifftshift(x, dim).flatten().tolist()})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "fft_real.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print("wrote", os.path.normpath(path))
