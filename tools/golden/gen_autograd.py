#!/usr/bin/env python3
"""Golden gradients for Flint's autograd.

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_autograd.py
Writes tests/golden/autograd.json:
  graphs:    small float32 graphs; per graph the inputs (values, shape, requires_grad), the loss,
             the gradient of each input that requires grad, and the grad_fn names PyTorch prints,
             walked depth-first from loss.grad_fn through next_functions (each node once).
             tests/Flint.Tests/Autograd/AutogradGoldenTests.cs rebuilds each graph by name.
  tutorial:  the loss curves of the notebook's "Tensors and autograd" and "Defining new autograd
             functions" programs (500 iterations, lr 1e-6) after torch.manual_seed(0).
"""
import json
import os

import torch

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "autograd.json"))


def names(root):
    # Python wraps a node afresh on each access, so compare the nodes themselves, kept alive.
    out, seen, stack = [], [], [root]
    while stack:
        node = stack.pop()
        if node is None or any(node == s for s in seen):
            continue
        seen.append(node)
        out.append(node.name().replace("torch::autograd::", ""))
        # Push in reverse so the first input is visited first.
        for nxt, _ in reversed(node.next_functions):
            stack.append(nxt)
    return out


def rand(gen, *shape, scale=1.0, shift=0.0):
    return (torch.randn(*shape, generator=gen) * scale + shift).float()


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


# name -> (inputs: list of (name, tensor, requires_grad), fn(**inputs) -> loss)
def graphs(gen):
    g = {}
    g["mlp"] = ([("x", rand(gen, 4, 5), False), ("w1", rand(gen, 5, 6), True), ("w2", rand(gen, 6, 3), True), ("y", rand(gen, 4, 3), False)],
                lambda x, w1, w2, y: (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum())
    g["sigmoid_mean"] = ([("a", rand(gen, 3, 4), True)],
                         lambda a: (a.sigmoid() * a).mean())
    g["broadcast"] = ([("a", rand(gen, 3, 1), True), ("b", rand(gen, 4, scale=0.3, shift=2.0), True)],
                      lambda a, b: ((a + b).exp() - a / b + a * b).sum())
    g["views"] = ([("a", rand(gen, 2, 3, 4), True)],
                  lambda a: (a.permute(2, 0, 1)[1:3].transpose(0, 1).unsqueeze(0).squeeze(0) * 3.0).sum()
                  + a.view(6, 4).t()[:, 2].pow(2).sum() + a.narrow(1, 1, 2).select(2, 0).expand(5, 2, 2).sum())
    g["reductions"] = ([("a", rand(gen, 3, 4), True)],
                       lambda a: (a.sum(1, keepdim=True) * a.max(dim=0).values).sum() + a.mean(0).prod() + a.min())
    g["matmul_batched"] = ([("a", rand(gen, 2, 3, 4), True), ("b", rand(gen, 4, 5), True), ("c", rand(gen, 2, 5, 2), True)],
                           lambda a, b, c: a.matmul(b).bmm(c).tanh().sum())
    g["matmul_vectors"] = ([("m", rand(gen, 3, 4), True), ("v", rand(gen, 4), True), ("u", rand(gen, 3), True)],
                           lambda m, v, u: u.dot(m.mv(v)) + torch.outer(u, v).sum() + v.matmul(m.t()).sum())
    g["index_mask"] = ([("a", rand(gen, 4, 5), True)],
                       lambda a: a[a > 0].sum() + a.masked_fill(a < -0.5, 0.0).pow(2).sum() + a[[0, 2, 2]].sum() * 2)
    g["gather_cat"] = ([("a", rand(gen, 2, 3), True), ("b", rand(gen, 2, 3), True)],
                       lambda a, b: torch.cat([a, b], 0).gather(1, torch.tensor([[0, 2], [1, 1], [2, 0], [0, 0]])).exp().sum()
                       + torch.stack([a, b], 2).sum(2).pow(2).mean())
    g["var_std_norm"] = ([("a", rand(gen, 3, 5), True)],
                         lambda a: a.var() + a.std(dim=1).sum() + a.norm())
    g["inplace"] = ([("a", rand(gen, 3, 4), True), ("b", rand(gen, 3, 4), True)],
                    lambda a, b: _inplace(a, b))
    g["logsumexp_like"] = ([("a", rand(gen, 3, 4), True)],
                           lambda a: (a - a.max(dim=1, keepdim=True)[0]).exp().sum(1).log().mean())
    g["where_minimum"] = ([("a", rand(gen, 3, 4), True), ("b", rand(gen, 3, 4), True)],
                          lambda a, b: torch.where(a > 0, a, b).minimum(b * 2).abs().sum() + a.maximum(b).pow(2).sum()
                          + (a.abs() + 1).log().sum())
    g["my_relu"] = ([("x", rand(gen, 4, 5), False), ("w1", rand(gen, 5, 6), True), ("w2", rand(gen, 6, 3), True), ("y", rand(gen, 4, 3), False)],
                    lambda x, w1, w2, y: (MyReLU.apply(x.mm(w1)).mm(w2) - y).pow(2).sum())
    return g


def _inplace(a, b):
    y = a * 2
    y.add_(1)
    y.mul_(b)
    y[0] = 0
    y[y < 0] = 0
    return y.sum()


# Single ops on a = randn(3, 4, requires_grad=True): the grad_fn name PyTorch gives each result.
NODE_NAMES = [
    ("add", lambda a: a + a), ("add_scalar", lambda a: a + 1.0), ("sub", lambda a: a - 1.0), ("mul", lambda a: a * a),
    ("div", lambda a: a / 2.0), ("neg", lambda a: -a), ("pow_scalar", lambda a: a.pow(2)), ("pow_tensor", lambda a: a.pow(a)),
    ("exp", lambda a: a.exp()), ("log", lambda a: a.log()), ("log1p", lambda a: a.log1p()), ("sqrt", lambda a: a.sqrt()),
    ("rsqrt", lambda a: a.rsqrt()), ("sin", lambda a: a.sin()), ("cos", lambda a: a.cos()), ("tanh", lambda a: a.tanh()),
    ("sigmoid", lambda a: a.sigmoid()), ("relu", lambda a: a.relu()), ("abs", lambda a: a.abs()),
    ("clamp_min", lambda a: a.clamp(min=0)), ("clamp_max", lambda a: a.clamp(max=0)), ("clamp_both", lambda a: a.clamp(-1, 1)),
    ("clamp_min_method", lambda a: a.clamp_min(0)), ("clamp_max_method", lambda a: a.clamp_max(0)),
    ("maximum", lambda a: a.maximum(a * 2)), ("minimum", lambda a: a.minimum(a * 2)), ("where", lambda a: torch.where(a > 0, a, a * 2)),
    ("sum", lambda a: a.sum()), ("sum_dim", lambda a: a.sum(1)), ("mean", lambda a: a.mean()), ("mean_dim", lambda a: a.mean(0)),
    ("prod", lambda a: a.prod()), ("prod_dim", lambda a: a.prod(1)), ("max", lambda a: a.max()), ("max_dim", lambda a: a.max(1)[0]),
    ("min", lambda a: a.min()), ("min_dim", lambda a: a.min(1)[0]), ("amax", lambda a: a.amax(1)),
    ("var", lambda a: a.var()), ("var_dim", lambda a: a.var(1)), ("std", lambda a: a.std()), ("std_dim", lambda a: a.std(1)),
    ("norm", lambda a: a.norm()), ("norm_dim", lambda a: a.norm(dim=1)),
    ("mm", lambda a: a.mm(a.t())), ("matmul_2d_1d", lambda a: a.matmul(a[0])), ("dot", lambda a: a[0].dot(a[1])),
    ("mv", lambda a: a.mv(a[0])), ("bmm", lambda a: a.unsqueeze(0).bmm(a.t().unsqueeze(0))),
    ("view", lambda a: a.view(12)), ("reshape_contiguous", lambda a: a.reshape(12)), ("reshape_noncontiguous", lambda a: a.t().reshape(12)),
    ("flatten", lambda a: a.flatten()), ("permute", lambda a: a.permute(1, 0)), ("transpose", lambda a: a.transpose(0, 1)),
    ("t", lambda a: a.t()), ("expand", lambda a: a.expand(2, 3, 4)), ("squeeze_dim", lambda a: a.unsqueeze(0).squeeze(0)),
    ("unsqueeze", lambda a: a.unsqueeze(0)), ("narrow", lambda a: a.narrow(0, 0, 1)), ("select", lambda a: a.select(0, 1)),
    ("index_int", lambda a: a[1]), ("index_slice", lambda a: a[1:]), ("index_advanced", lambda a: a[[0, 2]]),
    ("index_mask", lambda a: a[a > 0]), ("index_select", lambda a: a.index_select(0, torch.tensor([0, 2]))),
    ("gather", lambda a: a.gather(1, torch.tensor([[0], [1], [2]]))), ("scatter_add", lambda a: a.scatter_add(1, torch.tensor([[0], [1], [2]]), a)),
    ("masked_fill", lambda a: a.masked_fill(a > 0, 0)), ("cat", lambda a: torch.cat([a, a])), ("stack", lambda a: torch.stack([a, a])),
    ("split", lambda a: a.split(2, 1)[0]), ("chunk", lambda a: a.chunk(2, 1)[1]), ("unbind", lambda a: a.unbind(0)[0]),
    ("to_float64", lambda a: a.to(torch.float64)), ("clone", lambda a: a.clone()), ("contiguous", lambda a: a.t().contiguous()),
]


def tutorial(custom):
    torch.manual_seed(0)
    N, D_in, H, D_out = 64, 1000, 100, 10
    x = torch.randn(N, D_in)
    y = torch.randn(N, D_out)
    w1 = torch.randn(D_in, H, requires_grad=True)
    w2 = torch.randn(H, D_out, requires_grad=True)
    lr = 1e-6
    losses = []
    for _ in range(500):
        h = x.mm(w1)
        y_pred = (MyReLU.apply(h) if custom else h.clamp(min=0)).mm(w2)
        loss = (y_pred - y).pow(2).sum()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w1 -= lr * w1.grad
            w2 -= lr * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
    return losses


def main():
    gen = torch.Generator().manual_seed(1234)
    out = []
    for name, (inputs, fn) in graphs(gen).items():
        tensors = {}
        for nm, t, rg in inputs:
            tensors[nm] = t.clone().requires_grad_(rg)
        loss = fn(**tensors)
        loss.backward()
        out.append({
            "name": name,
            "inputs": [{"name": nm, "shape": list(t.shape), "requires_grad": rg, "values": t.reshape(-1).tolist()}
                       for nm, t, rg in inputs],
            "loss": loss.item(),
            "grad_fn": names(loss.grad_fn),
            "grads": {nm: tensors[nm].grad.reshape(-1).tolist() for nm, _, rg in inputs if rg},
        })
    doc = {
        "generator": f"tools/golden/gen_autograd.py, torch {torch.__version__}",
        "graphs": out,
        "node_names": {name: fn(torch.randn(3, 4, requires_grad=True)).grad_fn.name() for name, fn in NODE_NAMES},
        "tutorial": {"autograd": tutorial(False), "my_relu": tutorial(True)},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
    print("wrote", OUT, len(out), "graphs")


if __name__ == "__main__":
    main()
