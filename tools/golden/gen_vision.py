#!/usr/bin/env python3
"""Golden values for Flint.Vision's Resize (torchvision 0.14 on tensors: bilinear, antialias off).

Run with the system interpreter (Debian python3-torch 1.13 + python3-torchvision 0.14):
    /usr/bin/python3 tools/golden/gen_vision.py
Writes tests/golden/vision.json.
"""
import json
import os
import warnings

import torch
from torchvision import transforms

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "vision.json"))

img_u8 = (torch.arange(3 * 5 * 7) * 37 % 256).to(torch.uint8).reshape(3, 5, 7)
img_f = torch.linspace(-1, 2, 2 * 6 * 4).reshape(2, 6, 4)
cases = []
for name, img, size in [("u8_smaller_edge_3", img_u8, 3), ("u8_8x9", img_u8, (8, 9)), ("f_up_9", img_f, 9), ("f_2x3", img_f, (2, 3))]:
    out = transforms.Resize(size)(img)
    cases.append({"name": name, "input": img.flatten().tolist(), "input_shape": list(img.shape),
                  "size": size if isinstance(size, int) else list(size), "dtype": str(img.dtype),
                  "output": out.flatten().tolist(), "output_shape": list(out.shape)})
with open(OUT, "w") as f:
    json.dump({"resize": cases}, f)
print("wrote", OUT)
