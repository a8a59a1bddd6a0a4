#!/usr/bin/env python3
"""Loss curves of the tutorial's tensor programs in PyTorch, seeded with torch.manual_seed(0).

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_tutorial.py
Writes tests/golden/tutorial.json: every loss of each program (as Python's repr of loss.item()), the
text of the nn cell's follow-up cells and of the `explore` parameters cell. The NumPy program's curves
are in numpy.json (gen_numpy.py). The programs the notebook only names (optim.SGD, optim.Adam, the custom
Module, DynamicNet) follow PyTorch's "Learning PyTorch with Examples" tutorial; DynamicNet's depths come
from a port of .NET's seeded System.Random so both sides draw the same sequence. Optimizers zero
gradients with set_to_none=True, the default of PyTorch 2 and of Flint (1.13 zeroes them in place): it
matters for DynamicNet, whose middle layer gets no gradient when the depth is 0, so SGD's momentum
leaves it alone that step instead of moving it by the momentum buffer alone.
"""
import json
import os

import torch

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "tutorial.json"))


def tensors_manual():
    torch.manual_seed(0)
    dtype = torch.float
    device = torch.device("cpu")
    N, D_in, H, D_out = 64, 1000, 100, 10
    x = torch.randn(N, D_in, device=device, dtype=dtype)
    y = torch.randn(N, D_out, device=device, dtype=dtype)
    w1 = torch.randn(D_in, H, device=device, dtype=dtype)
    w2 = torch.randn(H, D_out, device=device, dtype=dtype)
    learning_rate = 1e-6
    losses = []
    for t in range(500):
        h = x.mm(w1)
        h_relu = h.clamp(min=0)
        y_pred = h_relu.mm(w2)
        loss = (y_pred - y).pow(2).sum().item()
        losses.append(repr(loss))
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.t().mm(grad_y_pred)
        grad_h_relu = grad_y_pred.mm(w2.t())
        grad_h = grad_h_relu.clone()
        grad_h[h < 0] = 0
        grad_w1 = x.t().mm(grad_h)
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
    return losses


def tensors_autograd():
    torch.manual_seed(0)
    dtype = torch.float
    device = torch.device("cpu")
    N, D_in, H, D_out = 64, 1000, 100, 10
    x = torch.randn(N, D_in, device=device, dtype=dtype)
    y = torch.randn(N, D_out, device=device, dtype=dtype)
    w1 = torch.randn(D_in, H, device=device, dtype=dtype, requires_grad=True)
    w2 = torch.randn(H, D_out, device=device, dtype=dtype, requires_grad=True)
    learning_rate = 1e-6
    losses = []
    for t in range(500):
        y_pred = x.mm(w1).clamp(min=0).mm(w2)
        loss = (y_pred - y).pow(2).sum()
        losses.append(repr(loss.item()))
        loss.backward()
        with torch.no_grad():
            w1 -= learning_rate * w1.grad
            w2 -= learning_rate * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
    return losses


class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input


def custom_function():
    torch.manual_seed(0)
    dtype = torch.float
    device = torch.device("cpu")
    N, D_in, H, D_out = 64, 1000, 100, 10
    x = torch.randn(N, D_in, device=device, dtype=dtype)
    y = torch.randn(N, D_out, device=device, dtype=dtype)
    w1 = torch.randn(D_in, H, device=device, dtype=dtype, requires_grad=True)
    w2 = torch.randn(H, D_out, device=device, dtype=dtype, requires_grad=True)
    learning_rate = 1e-6
    losses = []
    for t in range(500):
        relu = MyReLU.apply
        y_pred = relu(x.mm(w1)).mm(w2)
        loss = (y_pred - y).pow(2).sum()
        losses.append(repr(loss.item()))
        loss.backward()
        with torch.no_grad():
            w1 -= learning_rate * w1.grad
            w2 -= learning_rate * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
    return losses


def nn_sequential(N, D_in, H, D_out):
    """The notebook's nn cell (MSELoss(size_average=False) is reduction='sum'), manual SGD, every loss."""
    torch.manual_seed(0)
    x = torch.randn(N, D_in)
    y = torch.randn(N, D_out)
    model = torch.nn.Sequential(torch.nn.Linear(D_in, H), torch.nn.ReLU(), torch.nn.Linear(H, D_out))
    loss_fn = torch.nn.MSELoss(reduction="sum")
    learning_rate = 1e-4
    losses = []
    for t in range(500):
        y_pred = model(x)
        loss = loss_fn(y_pred, y)
        losses.append(repr(loss.item()))
        model.zero_grad()
        loss.backward()
        with torch.no_grad():
            for param in model.parameters():
                param -= learning_rate * param.grad
    # The cells after the loop: x, y_pred, y and the parameters as the notebook prints them.
    cells = {"x": str(x), "y_pred": str(y_pred), "y": str(y),
             "parameters": "\n".join(str(p) for p in model.parameters())}
    return losses, cells


def nn_optim(make_optimizer):
    """"Learning PyTorch with Examples", PyTorch: optim: Sequential + MSELoss(sum) + an optimizer."""
    torch.manual_seed(0)
    N, D_in, H, D_out = 64, 1000, 100, 10
    x = torch.randn(N, D_in)
    y = torch.randn(N, D_out)
    model = torch.nn.Sequential(torch.nn.Linear(D_in, H), torch.nn.ReLU(), torch.nn.Linear(H, D_out))
    loss_fn = torch.nn.MSELoss(reduction="sum")
    optimizer = make_optimizer(model.parameters())
    losses = []
    for t in range(500):
        y_pred = model(x)
        loss = loss_fn(y_pred, y)
        losses.append(repr(loss.item()))
        optimizer.zero_grad(set_to_none=True)  # PyTorch 2's default, and Flint's
        loss.backward()
        optimizer.step()
    return losses


class TwoLayerNet(torch.nn.Module):
    def __init__(self, D_in, H, D_out):
        super(TwoLayerNet, self).__init__()
        self.linear1 = torch.nn.Linear(D_in, H)
        self.linear2 = torch.nn.Linear(H, D_out)

    def forward(self, x):
        h_relu = self.linear1(x).clamp(min=0)
        y_pred = self.linear2(h_relu)
        return y_pred


def custom_module():
    torch.manual_seed(0)
    N, D_in, H, D_out = 64, 1000, 100, 10
    x = torch.randn(N, D_in)
    y = torch.randn(N, D_out)
    model = TwoLayerNet(D_in, H, D_out)
    criterion = torch.nn.MSELoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)
    losses = []
    for t in range(500):
        y_pred = model(x)
        loss = criterion(y_pred, y)
        losses.append(repr(loss.item()))
        optimizer.zero_grad(set_to_none=True)  # PyTorch 2's default, and Flint's
        loss.backward()
        optimizer.step()
    return losses


class DotNetRandom:
    """.NET's seeded System.Random (the legacy subtractive generator that `new Random(seed)` keeps), so that
    DynamicNet draws the same depths here as `random.Next(0, 4)` does in C#; the C# test checks the sequence."""
    MBIG = 2147483647
    MSEED = 161803398

    def __init__(self, seed):
        a = [0] * 56
        mj = self.MSEED - (2147483647 if seed == -2147483648 else abs(seed))
        a[55] = mj
        mk = 1
        ii = 0
        for i in range(1, 55):
            ii += 21
            if ii >= 55:
                ii -= 55
            a[ii] = mk
            mk = mj - mk
            if mk < 0:
                mk += self.MBIG
            mj = a[ii]
        for k in range(1, 5):
            for i in range(1, 56):
                n = i + 30
                if n >= 55:
                    n -= 55
                a[i] -= a[1 + n]
                if a[i] < 0:
                    a[i] += self.MBIG
        self.a, self.inext, self.inextp = a, 0, 21

    def _sample(self):
        self.inext = 1 if self.inext + 1 >= 56 else self.inext + 1
        self.inextp = 1 if self.inextp + 1 >= 56 else self.inextp + 1
        r = self.a[self.inext] - self.a[self.inextp]
        if r == self.MBIG:
            r -= 1
        if r < 0:
            r += self.MBIG
        self.a[self.inext] = r
        return r * (1.0 / self.MBIG)

    def next(self, lo, hi):
        """Random.Next(lo, hi): lo <= r < hi."""
        return int(self._sample() * (hi - lo)) + lo


class DynamicNet(torch.nn.Module):
    def __init__(self, D_in, H, D_out, random):
        super(DynamicNet, self).__init__()
        self.input_linear = torch.nn.Linear(D_in, H)
        self.middle_linear = torch.nn.Linear(H, H)
        self.output_linear = torch.nn.Linear(H, D_out)
        self.random = random
        self.depths = []

    def forward(self, x):
        h_relu = self.input_linear(x).clamp(min=0)
        depth = self.random.next(0, 4)  # random.randint(0, 3) in the tutorial
        self.depths.append(depth)
        for _ in range(depth):
            h_relu = self.middle_linear(h_relu).clamp(min=0)
        y_pred = self.output_linear(h_relu)
        return y_pred


def dynamic_net():
    torch.manual_seed(0)
    N, D_in, H, D_out = 64, 1000, 100, 10
    x = torch.randn(N, D_in)
    y = torch.randn(N, D_out)
    model = DynamicNet(D_in, H, D_out, DotNetRandom(0))
    criterion = torch.nn.MSELoss(reduction="sum")
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4, momentum=0.9)
    losses = []
    for t in range(500):
        y_pred = model(x)
        loss = criterion(y_pred, y)
        losses.append(repr(loss.item()))
        optimizer.zero_grad(set_to_none=True)  # PyTorch 2's default, and Flint's
        loss.backward()
        optimizer.step()
    return losses, model.depths


def explore_parameters():
    """The exploration cell `for param in model.parameters(): print(param)` on the nn cell's model, seeded."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1))
    return "\n".join(str(p) for p in model.parameters())


def main():
    nn_small, nn_small_cells = nn_sequential(3, 4, 2, 1)
    nn_large, _ = nn_sequential(64, 1000, 100, 10)
    dynamic, depths = dynamic_net()
    data = {
        "torch_version": torch.__version__,
        "tensors": tensors_manual(),
        "autograd": tensors_autograd(),
        "function": custom_function(),
        "nn-small": nn_small,
        "nn-small-cells": nn_small_cells,
        "nn": nn_large,
        "optim-sgd": nn_optim(lambda p: torch.optim.SGD(p, lr=1e-4)),
        "optim-adam": nn_optim(lambda p: torch.optim.Adam(p, lr=1e-4)),
        "module": custom_module(),
        "dynamic": dynamic,
        "dynamic-depths": depths,
        "explore-parameters": explore_parameters(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
