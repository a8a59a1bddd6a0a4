#!/usr/bin/python3
"""Generates tests/golden/bench_autograd.json: the losses of the specification's autograd program
(N, D_in, H, D_out = 64, 1000, 100, 10; lr 1e-6; float32) from torch.manual_seed(0), with x, y, w1, w2
drawn in that order, for iterations 0..20. bench/Flint.Workloads runs the same program.

Run with /usr/bin/python3 (PyTorch 1.13).
"""
import json
import os

import torch

torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in)
y = torch.randn(N, D_out)
w1 = torch.randn(D_in, H, requires_grad=True)
w2 = torch.randn(H, D_out, requires_grad=True)
learning_rate = 1e-6
losses = []
for t in range(21):
    y_pred = x.mm(w1).clamp(min=0).mm(w2)
    loss = (y_pred - y).pow(2).sum()
    losses.append(loss.item())
    loss.backward()
    with torch.no_grad():
        w1 -= learning_rate * w1.grad
        w2 -= learning_rate * w2.grad
        w1.grad.zero_()
        w2.grad.zero_()

out = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "golden", "bench_autograd.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "losses": losses}, f, indent=1)
