#!/usr/bin/env python3
"""Golden data for Flint's further optimizers (Adamax, NAdam, RAdam, ASGD, Rprop, LBFGS) and the
learning-rate schedulers beyond StepLR/CosineAnnealingLR.

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_optim_more.py
Writes tests/golden/optim_more.json.

The first-order cases use gen_optim.py's setup (same initial tensors and elementwise loss, 5 steps).

NAdam: PyTorch 1.13's single-tensor NAdam computes mu_product_next = mu_product * mu * mu_next,
counting the momentum decay mu twice (fixed in PyTorch 2.0: mu_product * mu_next). Flint follows the
2.x formula (as TorchSharp does), so this script replaces 1.13's _single_tensor_nadam by the same code
with that one line corrected; everything else is PyTorch 1.13's own arithmetic.

LBFGS runs in float64 on the Rosenbrock function (its scalar bookkeeping mixes Python floats and
0-dim tensors; in float64 both round alike), with and without the strong-Wolfe line search.
"""
import json
import math
import os

import torch
import torch.optim.nadam as nadam_module

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "optim_more.json"))
STEPS = 5


def _single_tensor_nadam_2x(params, grads, exp_avgs, exp_avg_sqs, mu_products, state_steps, *,
                            beta1, beta2, lr, weight_decay, momentum_decay, eps):
    # PyTorch 1.13's _single_tensor_nadam with PyTorch 2.x's mu_product_next (see the module doc).
    for i, param in enumerate(params):
        grad = grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]
        step_t += 1
        step = step_t.item()
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        mu_product_next = mu_product * mu_next
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
        param.addcdiv_(grad, denom, value=-lr * (1. - mu) / (1. - mu_product.item()))
        param.addcdiv_(exp_avg, denom, value=-lr * mu_next / (1. - mu_product_next.item()))


nadam_module._single_tensor_nadam = _single_tensor_nadam_2x

OPTIMIZERS = {
    "Adamax": torch.optim.Adamax,
    "NAdam": torch.optim.NAdam,
    "RAdam": torch.optim.RAdam,
    "ASGD": torch.optim.ASGD,
    "Rprop": torch.optim.Rprop,
}

CASES = [
    ("adamax_default", "Adamax", {}, {}),
    ("adamax_wd_maximize", "Adamax", {"lr": 0.01, "betas": (0.8, 0.95), "eps": 1e-6, "weight_decay": 0.1, "maximize": True}, {}),
    ("adamax_skip_none_grad", "Adamax", {"lr": 0.02}, {"skip_p2_odd": True}),
    ("nadam_default", "NAdam", {}, {}),
    ("nadam_wd_momentum_decay", "NAdam", {"lr": 0.01, "betas": (0.8, 0.9), "weight_decay": 0.1, "momentum_decay": 0.01}, {}),
    ("nadam_groups", "NAdam", {"lr": 0.01}, {"groups": [{"lr": 0.05}, {"betas": (0.5, 0.6)}]}),
    ("radam_default", "RAdam", {}, {}),
    # beta2 small enough that rho_t passes 5 within the 5 steps, so both branches run.
    ("radam_rectified", "RAdam", {"lr": 0.01, "betas": (0.9, 0.6), "weight_decay": 0.05}, {}),
    ("asgd_default", "ASGD", {}, {}),
    ("asgd_t0_wd", "ASGD", {"lr": 0.05, "lambd": 0.01, "alpha": 0.5, "t0": 2, "weight_decay": 0.1}, {}),
    ("asgd_maximize", "ASGD", {"lr": 0.02, "t0": 1, "maximize": True}, {"skip_p2_odd": True}),
    ("rprop_default", "Rprop", {}, {}),
    ("rprop_etas_sizes", "Rprop", {"lr": 0.05, "etas": (0.3, 1.5), "step_sizes": (0.01, 0.1)}, {}),
    ("rprop_maximize", "Rprop", {"lr": 0.02, "maximize": True}, {"skip_p2_odd": True}),
]


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def plain(v):
    if isinstance(v, torch.Tensor):
        return {"shape": list(v.shape), "dtype": str(v.dtype).replace("torch.", ""), "values": flat(v)}
    if isinstance(v, (tuple, list)):
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


def rosenbrock(w):
    return ((1 - w[:-1]) ** 2).sum() + 100 * ((w[1:] - w[:-1] ** 2) ** 2).sum()


LBFGS_CASES = [
    ("lbfgs_plain", {"lr": 0.5, "max_iter": 5, "history_size": 3}),
    # Without a line search at lr=1 Rosenbrock amplifies rounding (a 1e-14 change of the start moves the
    # result by 3e-6 after 4 steps), so no golden case uses that; these two are stable to 1e-14.
    ("lbfgs_lr_small_default_iters", {"lr": 0.1}),
    ("lbfgs_lr_max_iter", {"lr": 0.25, "max_iter": 10}),
    ("lbfgs_strong_wolfe", {"lr": 1, "max_iter": 8, "history_size": 4, "line_search_fn": "strong_wolfe"}),
    ("lbfgs_strong_wolfe_defaults", {"line_search_fn": "strong_wolfe"}),
]


def lbfgs_cases():
    out = []
    for name, kwargs in LBFGS_CASES:
        w = torch.nn.Parameter(torch.tensor([-1.2, 1.0, -0.5, 0.8], dtype=torch.float64))
        o = torch.optim.LBFGS([w], **kwargs)
        evals = [0]

        def closure():
            o.zero_grad()
            loss = rosenbrock(w)
            loss.backward()
            evals[0] += 1
            return loss

        steps = []
        for _ in range(4):
            loss = o.step(closure)
            steps.append({"loss": float(loss), "w": flat(w), "evals": evals[0]})
        st = o.state[w]
        out.append({"name": name, "kwargs": kwargs, "steps": steps,
                    "func_evals": st["func_evals"], "n_iter": st["n_iter"],
                    "param_group": {k: v for k, v in o.state_dict()["param_groups"][0].items()}})
    return out


def schedulers():
    return []


def main():
    p1, p2, x, y = initial()
    data = {
        "torch_version": torch.__version__,
        "nadam": "PyTorch 2.x's mu_product_next (see gen_optim_more.py)",
        "steps": STEPS,
        "init": {"p1": flat(p1), "p2": flat(p2), "x": flat(x), "y": flat(y)},
        "cases": [run_case(*c) for c in CASES],
        "lbfgs": lbfgs_cases(),
    }
    data["schedulers"] = schedulers()
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
