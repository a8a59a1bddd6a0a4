#!/usr/bin/env python3
"""Golden data for Flint's optimizers and learning-rate schedulers.

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_optim.py
Writes tests/golden/optim.json.

Optimizer cases start from fixed float32 parameters p1 (3, 4) and p2 (4,), and take 5 steps on
loss = ((p1 * x + 0.25) ** 2).sum() + ((p2 * y - 0.5) ** 2).sum() with fixed x (3, 4) and y (4,);
the parameters after every step and the state dict after the last step are recorded. The loss is
elementwise on purpose: its gradients involve no accumulation order (PyTorch's BLAS and reductions
sum in orders Flint's kernels don't copy), so the trajectories test the optimizers' own arithmetic,
which Flint then reproduces bit for bit. Floats are written with Python's repr, which is
exact for float32 values and round-trips doubles.
"""
import json
import os

import torch

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "optim.json"))

STEPS = 5

OPTIMIZERS = {
    "SGD": torch.optim.SGD,
    "Adam": torch.optim.Adam,
    "AdamW": torch.optim.AdamW,
    "RMSprop": torch.optim.RMSprop,
    "Adagrad": torch.optim.Adagrad,
    "Adadelta": torch.optim.Adadelta,
}

# name, optimizer, kwargs, extras. extras: "groups" splits p1/p2 into two groups with their own
# options; "skip_p2_odd" leaves p2 out of the loss on odd steps, so its grad is None there.
CASES = [
    ("sgd_plain", "SGD", {"lr": 0.05}, {}),
    ("sgd_momentum_dampening", "SGD", {"lr": 0.02, "momentum": 0.9, "dampening": 0.1}, {}),
    ("sgd_nesterov", "SGD", {"lr": 0.02, "momentum": 0.8, "nesterov": True}, {}),
    ("sgd_weight_decay", "SGD", {"lr": 0.05, "momentum": 0.5, "weight_decay": 0.1}, {}),
    ("sgd_maximize", "SGD", {"lr": 0.01, "momentum": 0.9, "maximize": True}, {}),
    ("sgd_groups", "SGD", {"lr": 0.05, "momentum": 0.9}, {"groups": [{}, {"lr": 0.01, "momentum": 0.5}]}),
    ("sgd_skip_none_grad", "SGD", {"lr": 0.02, "momentum": 0.9}, {"skip_p2_odd": True}),
    ("adam_default", "Adam", {"lr": 0.01}, {}),
    ("adam_amsgrad", "Adam", {"lr": 0.01, "betas": (0.8, 0.9), "amsgrad": True}, {}),
    ("adam_weight_decay", "Adam", {"lr": 0.01, "weight_decay": 0.1}, {}),
    ("adam_maximize", "Adam", {"lr": 0.01, "eps": 1e-6, "maximize": True}, {}),
    ("adam_groups", "Adam", {"lr": 0.01}, {"groups": [{"lr": 0.05}, {"betas": (0.5, 0.6)}]}),
    ("adam_skip_none_grad", "Adam", {"lr": 0.01}, {"skip_p2_odd": True}),
    ("adamw_default", "AdamW", {"lr": 0.01}, {}),
    ("adamw_amsgrad", "AdamW", {"lr": 0.02, "weight_decay": 0.1, "amsgrad": True}, {}),
    ("rmsprop_plain", "RMSprop", {"lr": 0.01}, {}),
    ("rmsprop_momentum", "RMSprop", {"lr": 0.01, "momentum": 0.9, "alpha": 0.9}, {}),
    ("rmsprop_centered", "RMSprop", {"lr": 0.01, "centered": True}, {}),
    ("rmsprop_centered_momentum_wd", "RMSprop", {"lr": 0.005, "centered": True, "momentum": 0.5, "weight_decay": 0.1}, {}),
    ("adagrad_plain", "Adagrad", {"lr": 0.1}, {}),
    ("adagrad_lr_decay", "Adagrad", {"lr": 0.1, "lr_decay": 0.05, "initial_accumulator_value": 0.1, "weight_decay": 0.01, "eps": 1e-8}, {}),
    ("adadelta_default", "Adadelta", {}, {}),
    ("adadelta_lr_rho_wd", "Adadelta", {"lr": 0.5, "rho": 0.8, "eps": 1e-4, "weight_decay": 0.1}, {}),
    ("adadelta_maximize", "Adadelta", {"lr": 1.0, "maximize": True}, {"skip_p2_odd": True}),
]


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def plain(v):
    """JSON form of a state-dict value: tensors as {shape, dtype, values}."""
    if isinstance(v, torch.Tensor):
        return {"shape": list(v.shape), "dtype": str(v.dtype).replace("torch.", ""), "values": flat(v)}
    if isinstance(v, tuple):
        return [plain(x) for x in v]
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def initial():
    g = torch.Generator().manual_seed(1234)
    p1 = torch.randn(3, 4, generator=g)
    p2 = torch.randn(4, generator=g)
    x = torch.randn(3, 4, generator=g) * 0.5
    y = torch.randn(4, generator=g)
    return p1, p2, x, y


def run_case(name, opt, kwargs, extras):
    p1_0, p2_0, x, y = initial()
    p1 = torch.nn.Parameter(p1_0.clone())
    p2 = torch.nn.Parameter(p2_0.clone())
    if "groups" in extras:
        g1, g2 = extras["groups"]
        params = [dict(g1, params=[p1]), dict(g2, params=[p2])]
    else:
        params = [p1, p2]
    o = OPTIMIZERS[opt](params, **kwargs)
    steps = []
    for t in range(STEPS):
        o.zero_grad(set_to_none=True)
        if extras.get("skip_p2_odd") and t % 2 == 1:
            loss = ((p1 * x + 0.25) ** 2).sum()
        else:
            loss = ((p1 * x + 0.25) ** 2).sum() + ((p2 * y - 0.5) ** 2).sum()
        loss.backward()
        o.step()
        steps.append({"loss": float(loss), "p1": flat(p1), "p2": flat(p2)})
    sd = o.state_dict()
    state = {str(k): {kk: plain(vv) for kk, vv in v.items()} for k, v in sd["state"].items()}
    groups = [{k: plain(v) for k, v in g.items()} for g in sd["param_groups"]]
    case = {"name": name, "optimizer": opt, "kwargs": {k: plain(v) for k, v in kwargs.items()},
            "steps": steps, "state": state, "param_groups": groups}
    case.update({k: plain(v) for k, v in extras.items()})
    return case


def schedulers():
    out = []
    specs = [
        ("step_lr", "StepLR", {"step_size": 3, "gamma": 0.5}, [0.1]),
        ("step_lr_default_gamma_two_groups", "StepLR", {"step_size": 4}, [0.1, 0.03]),
        ("cosine_tmax7_etamin", "CosineAnnealingLR", {"T_max": 7, "eta_min": 0.001}, [0.1]),
        ("cosine_tmax10_two_groups", "CosineAnnealingLR", {"T_max": 10}, [0.05, 0.2]),
    ]
    for name, kind, kwargs, lrs in specs:
        ps = [torch.nn.Parameter(torch.zeros(1)) for _ in lrs]
        o = torch.optim.SGD([{"params": [p], "lr": lr} for p, lr in zip(ps, lrs)], lr=1.0)
        s = getattr(torch.optim.lr_scheduler, kind)(o, **kwargs)
        seq = [list(s.get_last_lr())]
        for _ in range(20):
            o.step()
            s.step()
            seq.append(list(s.get_last_lr()))
        out.append({"name": name, "scheduler": kind, "kwargs": kwargs, "lrs": lrs, "sequence": seq})
    return out


def tutorial():
    """The spec's two-layer net on raw tensors, updated by optim.SGD instead of by hand.

    Run in float32 (the spec) and, from the same random draws, in float64: by step 499 the float32 loss
    (~3e-5) is float32 rounding noise (the float64 loss is ~3e-7), so only the float64 run can be
    compared tightly that late.
    """
    out = {"lr": 1e-6}
    for name, dt in (("float32", torch.float32), ("float64", torch.float64)):
        torch.manual_seed(0)
        N, D_in, H, D_out = 64, 1000, 100, 10
        x = torch.randn(N, D_in).to(dt)
        y = torch.randn(N, D_out).to(dt)
        w1 = torch.nn.Parameter(torch.randn(D_in, H).to(dt))
        w2 = torch.nn.Parameter(torch.randn(H, D_out).to(dt))
        o = torch.optim.SGD([w1, w2], lr=out["lr"])
        losses = {}
        for t in range(500):
            y_pred = x.mm(w1).clamp(min=0).mm(w2)
            loss = (y_pred - y).pow(2).sum()
            if t in (0, 10, 100, 499):
                losses[str(t)] = float(loss)
            o.zero_grad()
            loss.backward()
            o.step()
        out[name] = losses
    return out


def fused():
    """add/sub with alpha and addcmul fuse their multiply-add in PyTorch's CPU kernels; addcdiv does not."""
    g = torch.Generator().manual_seed(99)
    n = 100  # covers both the vectorized loop and the scalar tail of PyTorch's kernels
    a, b, c = (torch.randn(n, generator=g) for _ in range(3))
    c = c.abs() + 0.5
    alpha = -0.0537
    out = {"alpha": alpha, "a": flat(a), "b": flat(b), "c": flat(c), "results": {
        "add": flat(a.add(b, alpha=alpha)),
        "sub": flat(a.sub(b, alpha=alpha)),
        "add_": flat(a.clone().add_(b, alpha=alpha)),
        "sub_": flat(a.clone().sub_(b, alpha=alpha)),
        "addcmul": flat(a.addcmul(b, c, value=alpha)),
        "addcmul_": flat(a.clone().addcmul_(b, c, value=alpha)),
        "addcdiv": flat(a.addcdiv(b, c, value=alpha)),
        "addcdiv_": flat(a.clone().addcdiv_(b, c, value=alpha)),
    }}
    return out


def main():
    p1, p2, x, y = initial()
    data = {
        "torch_version": torch.__version__,
        "steps": STEPS,
        "init": {"p1": flat(p1), "p2": flat(p2), "x": flat(x), "y": flat(y)},
        "cases": [run_case(*c) for c in CASES],
        "schedulers": schedulers(),
        "tutorial": tutorial(),
        "fused": fused(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
