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


SCHED_STEPS = 30

# name, scheduler, kwargs, optimizer ("SGD" with momentum 0.9, or "Adam"), group rates.
# Callables cannot be written to JSON: the *_lambda cases name the function Flint's test builds.
SCHEDULERS = [
    ("lambda_two_groups", "LambdaLR", {"lr_lambda": "0.95**epoch"}, "SGD", [0.1, 0.05]),
    ("lambda_per_group", "LambdaLR", {"lr_lambda": ["epoch//5", "1/(epoch+1)"]}, "SGD", [0.1, 0.05]),
    ("multiplicative", "MultiplicativeLR", {"lr_lambda": "0.9"}, "SGD", [0.1]),
    ("multistep", "MultiStepLR", {"milestones": [3, 7, 7, 15], "gamma": 0.5}, "SGD", [0.1, 0.02]),
    ("constant", "ConstantLR", {"factor": 0.25, "total_iters": 4}, "SGD", [0.1]),
    ("constant_default", "ConstantLR", {}, "SGD", [0.1, 0.3]),
    ("linear", "LinearLR", {"start_factor": 0.2, "end_factor": 0.9, "total_iters": 10}, "SGD", [0.1]),
    ("linear_default", "LinearLR", {}, "SGD", [0.1]),
    ("exponential", "ExponentialLR", {"gamma": 0.9}, "SGD", [0.1, 0.05]),
    ("polynomial", "PolynomialLR", {"total_iters": 12, "power": 2.0}, "SGD", [0.1]),
    ("polynomial_default", "PolynomialLR", {}, "SGD", [0.1]),
    ("warm_restarts", "CosineAnnealingWarmRestarts", {"T_0": 5}, "SGD", [0.1]),
    ("warm_restarts_mult", "CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 2, "eta_min": 0.001}, "SGD", [0.1, 0.05]),
    ("cyclic_triangular", "CyclicLR", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 4}, "SGD", [0.1]),
    ("cyclic_triangular2", "CyclicLR", {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3, "step_size_down": 5, "mode": "triangular2"}, "SGD", [0.1, 0.2]),
    ("cyclic_exp_range", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5, "mode": "exp_range", "gamma": 0.95, "cycle_momentum": False}, "SGD", [0.1]),
    ("onecycle_cos", "OneCycleLR", {"max_lr": 0.1, "total_steps": 30}, "SGD", [0.1]),
    ("onecycle_linear_three_phase", "OneCycleLR", {"max_lr": 0.2, "epochs": 5, "steps_per_epoch": 6, "anneal_strategy": "linear", "three_phase": True, "pct_start": 0.25}, "SGD", [0.1, 0.05]),
    ("onecycle_adam", "OneCycleLR", {"max_lr": 0.01, "total_steps": 30, "div_factor": 10.0, "final_div_factor": 100.0}, "Adam", [0.001]),
    ("sequential", "SequentialLR", {"schedulers": [["ConstantLR", {"factor": 0.1, "total_iters": 2}], ["ExponentialLR", {"gamma": 0.9}]], "milestones": [2]}, "SGD", [0.1]),
    ("sequential_three", "SequentialLR", {"schedulers": [["LinearLR", {"start_factor": 0.5, "total_iters": 4}], ["StepLR", {"step_size": 3, "gamma": 0.5}], ["CosineAnnealingLR", {"T_max": 8}]], "milestones": [5, 12]}, "SGD", [0.1, 0.05]),
    ("chained", "ChainedScheduler", {"schedulers": [["ConstantLR", {"factor": 0.1, "total_iters": 2}], ["ExponentialLR", {"gamma": 0.9}]]}, "SGD", [0.1]),
]

LAMBDAS = {
    "0.95**epoch": lambda epoch: 0.95 ** epoch,
    "epoch//5": lambda epoch: epoch // 5,
    "1/(epoch+1)": lambda epoch: 1 / (epoch + 1),
    "0.9": lambda epoch: 0.9,
}

# ReduceLROnPlateau: the metric sequence and the configurations.
PLATEAU_METRICS = [1.0, 0.9, 0.91, 0.905, 0.9, 0.95, 0.8, 0.8, 0.8, 0.80001, 0.79, 0.85, 0.85, 0.85, 0.85,
                   0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.69, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]
PLATEAUS = [
    ("plateau_min_rel", {"patience": 2}, [0.1]),
    ("plateau_min_abs_cooldown", {"patience": 1, "threshold": 0.02, "threshold_mode": "abs", "cooldown": 2, "factor": 0.5}, [0.1, 0.05]),
    ("plateau_max_rel_min_lr", {"mode": "max", "patience": 1, "factor": 0.5, "min_lr": [0.02, 0.001]}, [0.1, 0.05]),
    ("plateau_max_abs", {"mode": "max", "patience": 0, "threshold": 0.01, "threshold_mode": "abs", "min_lr": 0.03}, [0.1]),
]


def make_optimizer(kind, lrs):
    ps = [torch.nn.Parameter(torch.zeros(1)) for _ in lrs]
    if kind == "Adam":
        return torch.optim.Adam([{"params": [p], "lr": lr} for p, lr in zip(ps, lrs)], lr=1.0)
    return torch.optim.SGD([{"params": [p], "lr": lr} for p, lr in zip(ps, lrs)], lr=1.0, momentum=0.9)


def build(kind, kwargs, o):
    kwargs = dict(kwargs)
    if "lr_lambda" in kwargs:
        f = kwargs["lr_lambda"]
        kwargs["lr_lambda"] = [LAMBDAS[x] for x in f] if isinstance(f, list) else LAMBDAS[f]
    if kind == "SequentialLR":
        subs = [build(k, kw, o) for k, kw in kwargs["schedulers"]]
        return torch.optim.lr_scheduler.SequentialLR(o, subs, milestones=kwargs["milestones"])
    if kind == "ChainedScheduler":
        return torch.optim.lr_scheduler.ChainedScheduler([build(k, kw, o) for k, kw in kwargs["schedulers"]])
    return getattr(torch.optim.lr_scheduler, kind)(o, **kwargs)


def momenta(o):
    return [g["betas"][0] if "betas" in g else g["momentum"] for g in o.param_groups]


def schedulers():
    out = []
    for name, kind, kwargs, opt, lrs in SCHEDULERS:
        o = make_optimizer(opt, lrs)
        s = build(kind, kwargs, o)
        seq, mom = [list(s.get_last_lr())], [momenta(o)]
        for _ in range(SCHED_STEPS):
            o.step()
            s.step()
            seq.append(list(s.get_last_lr()))
            mom.append(momenta(o))
        sd = s.state_dict()
        out.append({"name": name, "scheduler": kind, "kwargs": kwargs, "optimizer": opt, "lrs": lrs,
                    "sequence": seq, "momentum": mom, "last_epoch": sd.get("last_epoch")})
    for name, kwargs, lrs in PLATEAUS:
        o = make_optimizer("SGD", lrs)
        s = torch.optim.lr_scheduler.ReduceLROnPlateau(o, **kwargs)
        seq = []
        for m in PLATEAU_METRICS:
            o.step()
            s.step(m)
            seq.append([g["lr"] for g in o.param_groups])
        out.append({"name": name, "scheduler": "ReduceLROnPlateau", "kwargs": kwargs, "optimizer": "SGD", "lrs": lrs,
                    "metrics": PLATEAU_METRICS, "sequence": seq, "best": s.best, "num_bad_epochs": s.num_bad_epochs,
                    "cooldown_counter": s.cooldown_counter})
    return out


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
