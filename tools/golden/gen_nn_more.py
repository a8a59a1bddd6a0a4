#!/usr/bin/python3
"""Generates tests/golden/nn-more.json: the losses and layers of tests/Flint.Tests/NN/NnMoreGoldenTests.cs.

Run with /usr/bin/python3 (Debian's PyTorch 1.13). Each case lists its inputs (float64 unless integer), which
inputs are differentiated, the output and the gradients of sum(output * w) with w = linspace(0.5, 1.5, numel).
The C# table (NnMoreCases.cs) computes the same function of the same inputs.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(15)
D = torch.float64


def jv(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


def enc(t):
    t = t.detach()
    return {
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "values": [jv(v) for v in t.reshape(-1).double().tolist()] if t.is_floating_point() else t.reshape(-1).tolist(),
    }


cases = {}


def case(name, fn, inputs, grad):
    xs = [x.detach().clone().requires_grad_(i in grad) for i, x in enumerate(inputs)]
    out = fn(*xs)
    w = torch.linspace(0.5, 1.5, out.numel(), dtype=out.dtype).reshape(out.shape) if out.numel() > 1 else torch.ones_like(out)
    if grad:
        (out * w).sum().backward()
    cases[name] = {
        "inputs": [enc(x) for x in xs],
        "grad": grad,
        "out": enc(out),
        "grads": [enc(xs[i].grad) for i in grad],
    }


def R(*s):
    return torch.randn(*s, dtype=D)


def U(*s):
    return torch.rand(*s, dtype=D)


def sign(*s):
    return torch.randint(0, 2, s).to(D) * 2 - 1


for r in ["none", "mean", "sum"]:
    case(f"huber_{r}", lambda x, t: F.huber_loss(x, t, reduction=r, delta=0.7), [R(3, 4) * 2, R(3, 4)], [0, 1])
    case(f"smooth_l1_{r}", lambda x, t: F.smooth_l1_loss(x, t, reduction=r, beta=0.6), [R(3, 4) * 2, R(3, 4)], [0, 1])
    case(f"kl_div_{r}", lambda x, t: F.kl_div(x.log_softmax(1), t, reduction=r), [R(3, 5), R(3, 5).softmax(1)], [0, 1])
    case(f"kl_div_log_target_{r}", lambda x, t: F.kl_div(x.log_softmax(1), t, reduction=r, log_target=True), [R(3, 5), R(3, 5).log_softmax(1)], [0, 1])
    case(f"poisson_{r}", lambda x, t: F.poisson_nll_loss(x, t, reduction=r), [R(3, 4) * 0.5, torch.poisson(U(3, 4) * 3)], [0])
    case(f"poisson_rate_full_{r}", lambda x, t: F.poisson_nll_loss(x, t, log_input=False, full=True, reduction=r), [U(3, 4) * 3 + 0.1, torch.poisson(U(3, 4) * 3)], [0])
    case(f"gaussian_{r}", lambda x, t, v: F.gaussian_nll_loss(x, t, v, reduction=r), [R(4, 3), R(4, 3), U(4, 3) + 0.2], [0, 1, 2])
    case(f"gaussian_homo_full_{r}", lambda x, t, v: F.gaussian_nll_loss(x, t, v, full=True, reduction=r), [R(4, 3), R(4, 3), U(4) + 0.2], [0, 1, 2])
    case(f"margin_ranking_{r}", lambda a, b, y: F.margin_ranking_loss(a, b, y, margin=0.3, reduction=r), [R(6), R(6), sign(6)], [0, 1])
    case(f"hinge_embedding_{r}", lambda x, y: F.hinge_embedding_loss(x, y, margin=1.2, reduction=r), [R(3, 4), sign(3, 4)], [0])
    case(f"cosine_embedding_{r}", lambda a, b, y: F.cosine_embedding_loss(a, b, y, margin=0.1, reduction=r), [R(5, 4), R(5, 4), sign(5)], [0, 1])
    case(f"soft_margin_{r}", lambda x, y: F.soft_margin_loss(x, y, reduction=r), [R(3, 4), sign(3, 4)], [0])
    case(f"multilabel_soft_margin_{r}", lambda x, y, w: F.multilabel_soft_margin_loss(x, y, weight=w, reduction=r), [R(3, 5), torch.randint(0, 2, (3, 5)).to(D), U(5) + 0.5], [0])
    case(f"multilabel_margin_{r}", lambda x, y: F.multilabel_margin_loss(x, y, reduction=r),
         [R(3, 5), torch.tensor([[3, 0, -1, 1, 2], [1, 2, 4, 0, -1], [4, -1, 0, 0, 0]])], [0])
    case(f"multi_margin_{r}", lambda x, y: F.multi_margin_loss(x, y, reduction=r), [R(4, 5), torch.tensor([1, 0, 4, 2])], [0])
    case(f"multi_margin_p2_weight_{r}", lambda x, y, w: F.multi_margin_loss(x, y, p=2, margin=0.7, weight=w, reduction=r), [R(4, 5), torch.tensor([1, 0, 4, 2]), U(5) + 0.5], [0])
    case(f"triplet_{r}", lambda a, p, n: F.triplet_margin_loss(a, p, n, margin=1.5, reduction=r), [R(4, 3), R(4, 3), R(4, 3)], [0, 1, 2])
    case(f"triplet_swap_p1_{r}", lambda a, p, n: F.triplet_margin_loss(a, p, n, p=1, swap=True, reduction=r), [R(4, 3), R(4, 3), R(4, 3)], [0, 1, 2])
    case(f"triplet_distance_{r}", lambda a, p, n: F.triplet_margin_with_distance_loss(
        a, p, n, distance_function=lambda x, y: 1 - F.cosine_similarity(x, y), margin=0.5, swap=True, reduction=r), [R(4, 3), R(4, 3), R(4, 3)], [0, 1, 2])
    # CTC: log_probs from log_softmax of the differentiated logits (PyTorch's gradient assumes normalised log-probs)
    case(f"ctc_{r}", lambda x, tg, il, tl: F.ctc_loss(x.log_softmax(2), tg, il, tl, reduction=r),
         [R(8, 3, 5), torch.tensor([[1, 2, 2, 0], [3, 3, 1, 4], [4, 1, 0, 0]]), torch.tensor([8, 6, 7]), torch.tensor([3, 4, 2])], [0])

case("kl_div_batchmean", lambda x, t: F.kl_div(x.log_softmax(1), t, reduction="batchmean"), [R(3, 5), R(3, 5).softmax(1)], [0, 1])
case("huber_broadcast", lambda x, t: F.huber_loss(x, t), [R(3, 4) * 2, R(4)], [0, 1])
case("smooth_l1_beta0", lambda x, t: F.smooth_l1_loss(x, t, beta=0.0), [R(3, 4), R(3, 4)], [0])
case("multi_margin_1d", lambda x, y: F.multi_margin_loss(x, y, reduction="none"), [R(5), torch.tensor(3)], [0])
case("multilabel_margin_1d", lambda x, y: F.multilabel_margin_loss(x, y, reduction="none"), [R(4), torch.tensor([2, 1, -1, 0])], [0])
case("cosine_embedding_1d", lambda a, b, y: F.cosine_embedding_loss(a, b, y, reduction="none"), [R(4), R(4), torch.tensor(-1.0, dtype=D)], [0, 1])
case("ctc_concatenated", lambda x, tg, il, tl: F.ctc_loss(x.log_softmax(2), tg, il, tl, blank=2),
     [R(6, 2, 4), torch.tensor([1, 0, 3, 3, 0]), torch.tensor([6, 5]), torch.tensor([2, 3])], [0])
case("ctc_unbatched", lambda x, tg, il, tl: F.ctc_loss(x.log_softmax(1), tg, il, tl),
     [R(7, 4), torch.tensor([1, 3, 3]), torch.tensor(7), torch.tensor(3)], [0])
case("ctc_zero_infinity", lambda x, tg, il, tl: F.ctc_loss(x.log_softmax(2), tg, il, tl, reduction="sum", zero_infinity=True),
     [R(3, 2, 4), torch.tensor([[1, 1, 1], [2, 3, 0]]), torch.tensor([3, 3]), torch.tensor([3, 2])], [0])
case("ctc_infinity_none", lambda x, tg, il, tl: F.ctc_loss(x.log_softmax(2), tg, il, tl, reduction="none"),
     [R(3, 2, 4), torch.tensor([[1, 1, 1], [2, 3, 0]]), torch.tensor([3, 3]), torch.tensor([3, 2])], [])
case("instance_norm", lambda x, w, b: F.instance_norm(x, weight=w, bias=b), [R(2, 3, 4, 5), U(3) + 0.5, R(3)], [0, 1, 2])
case("instance_norm_1d", lambda x: F.instance_norm(x), [R(2, 3, 6)], [0])


def running(m, x):
    m.train()
    y = m(x)
    return torch.cat([y.reshape(-1), m.running_mean, m.running_var])


def instance_running(x):
    torch.manual_seed(0)
    m = nn.InstanceNorm2d(3, momentum=0.3, affine=True, track_running_stats=True, dtype=D)
    return running(m, x)


def instance_eval(x):
    m = nn.InstanceNorm1d(3, track_running_stats=True, dtype=D)
    with torch.no_grad():
        m.running_mean.copy_(torch.tensor([0.5, -0.2, 0.1], dtype=D))
        m.running_var.copy_(torch.tensor([2.0, 0.5, 1.5], dtype=D))
    m.eval()
    return m(x)


def batchnorm3d(x):
    m = nn.BatchNorm3d(3, momentum=0.2, dtype=D)
    return running(m, x)


case("instance_norm2d_running", instance_running, [R(2, 3, 3, 4)], [0])
case("instance_norm1d_eval_unbatched", instance_eval, [R(3, 6)], [0])
case("batch_norm3d_train", batchnorm3d, [R(2, 3, 2, 3, 2)], [0])

# layers (item 2 of issue 15)
case("hardshrink", lambda x: F.hardshrink(x, 0.4), [R(3, 5)], [0])
case("softshrink", lambda x: F.softshrink(x, 0.3), [R(3, 5)], [0])
case("unflatten", lambda x: nn.Unflatten(1, (2, 3))(x) * torch.arange(6, dtype=D).reshape(2, 3, 1), [R(2, 6, 2)], [0])
case("softmax2d", lambda x: nn.Softmax2d()(x), [R(2, 3, 2, 2)], [0])
case("channel_shuffle", lambda x: nn.ChannelShuffle(3)(x), [R(2, 6, 2)], [])  # no derivative in 1.13
case("reflection_pad1d", lambda x: nn.ReflectionPad1d((2, 1))(x), [R(2, 3, 4)], [0])
case("reflection_pad2d", lambda x: nn.ReflectionPad2d(1)(x), [R(1, 2, 3, 3)], [0])
case("replication_pad3d", lambda x: nn.ReplicationPad3d((1, 0, 2, 1, 0, 1))(x), [R(1, 1, 2, 2, 3)], [0])
case("constant_pad2d", lambda x: nn.ConstantPad2d((1, 0, 2, 1), 3.5)(x), [R(2, 2, 3)], [0])
case("zero_pad2d", lambda x: nn.ZeroPad2d((1, 2, 0, 1))(x), [R(1, 2, 2, 3)], [0])
case("cosine_similarity_module", lambda a, b: nn.CosineSimilarity(dim=0)(a, b), [R(4, 3), R(4, 3)], [0, 1])
case("pairwise_distance_module", lambda a, b: nn.PairwiseDistance(p=3.0, keepdim=True)(a, b), [R(4, 3), R(4, 3)], [0, 1])

inits = {
    "eye_3x5": enc(nn.init.eye_(torch.empty(3, 5))),
    "dirac_4x3x3": enc(nn.init.dirac_(torch.empty(4, 3, 3))),
    "dirac_groups2_6x2x3x2": enc(nn.init.dirac_(torch.empty(6, 2, 3, 2), groups=2)),
    "dirac_2x3x2x2x3": enc(nn.init.dirac_(torch.empty(2, 3, 2, 2, 3))),
}

reprs = {
    "HuberLoss": repr(nn.HuberLoss(delta=0.5)),
    "KLDivLoss": repr(nn.KLDivLoss(reduction="batchmean")),
    "CTCLoss": repr(nn.CTCLoss()),
    "TripletMarginLoss": repr(nn.TripletMarginLoss()),
    "MultiMarginLoss": repr(nn.MultiMarginLoss(p=2)),
    "InstanceNorm1d": repr(nn.InstanceNorm1d(3)),
    "InstanceNorm2d": repr(nn.InstanceNorm2d(4, affine=True, track_running_stats=True)),
    "InstanceNorm3d": repr(nn.InstanceNorm3d(2, eps=1e-3, momentum=0.2)),
    "BatchNorm3d": repr(nn.BatchNorm3d(5)),
    "Hardshrink": repr(nn.Hardshrink()),
    "Softshrink": repr(nn.Softshrink(0.3)),
    "Unflatten": repr(nn.Unflatten(1, (2, 3))),
    "Softmax2d": repr(nn.Softmax2d()),
    "ChannelShuffle": repr(nn.ChannelShuffle(2)),
    "ReflectionPad1d": repr(nn.ReflectionPad1d(2)),
    "ReplicationPad3d": repr(nn.ReplicationPad3d(1)),
    "ConstantPad1d": repr(nn.ConstantPad1d(2, 3.5)),
    "ZeroPad2d": repr(nn.ZeroPad2d((1, 0, 2, 1))),
    "CosineSimilarity": repr(nn.CosineSimilarity()),
    "PairwiseDistance": repr(nn.PairwiseDistance()),
    "Sequential": repr(nn.Sequential(nn.ReflectionPad2d(1), nn.Softshrink())),
}

state_dicts = {
    "InstanceNorm2d": list(nn.InstanceNorm2d(4, affine=True, track_running_stats=True).state_dict().keys()),
    "InstanceNorm1d": list(nn.InstanceNorm1d(4).state_dict().keys()),
    "MultiLabelSoftMarginLoss": list(nn.MultiLabelSoftMarginLoss(weight=torch.ones(3)).state_dict().keys()),
}


def err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return str(e).split("\n")[0]
    raise AssertionError("no error")


errors = {
    "huber_delta": err(lambda: F.huber_loss(R(3), R(3), delta=0.0)),
    "smooth_l1_beta": err(lambda: F.smooth_l1_loss(R(3), R(3), beta=-1.0)),
    "gaussian_var_size": err(lambda: F.gaussian_nll_loss(R(4, 3), R(4, 3), U(4, 2))),
    "gaussian_var_negative": err(lambda: F.gaussian_nll_loss(R(4, 3), R(4, 3), -U(4, 3))),
    "margin_ranking_dims": err(lambda: F.margin_ranking_loss(R(3), R(3), R(3, 1))),
    "cosine_embedding_dims": err(lambda: F.cosine_embedding_loss(R(3), R(3), sign(3))),
    "multi_margin_p": err(lambda: F.multi_margin_loss(R(2, 3), torch.tensor([0, 1]), p=3)),
    "triplet_dims": err(lambda: F.triplet_margin_loss(R(3, 2), R(3, 2), R(2))),
    "ctc_blank": err(lambda: F.ctc_loss(R(3, 1, 4).log_softmax(2), torch.tensor([[1]]), torch.tensor([3]), torch.tensor([1]), blank=4)),
    "instance_norm_dims": err(lambda: nn.InstanceNorm2d(3)(R(2, 3))),
    "instance_norm_features": err(lambda: nn.InstanceNorm1d(3, affine=True)(R(2, 4, 5))),
    "eye_dims": err(lambda: nn.init.eye_(torch.empty(2, 3, 4))),
    "dirac_dims": err(lambda: nn.init.dirac_(torch.empty(2, 3))),
    "dirac_groups": err(lambda: nn.init.dirac_(torch.empty(3, 2, 3), groups=2)),
    "softshrink_lambda": err(lambda: F.softshrink(R(2), -1.0)),
    "channel_shuffle_groups": err(lambda: nn.ChannelShuffle(2)(R(1, 3, 2))),
    "softmax2d_dims": err(lambda: nn.Softmax2d()(R(2, 2))),
    "batch_norm3d_dims": err(lambda: nn.BatchNorm3d(3)(R(2, 3, 4, 4))),
}

out = {"torch_version": torch.__version__, "cases": cases, "inits": inits, "reprs": reprs, "state_dicts": state_dicts, "errors": errors}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "nn-more.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print(len(cases), "cases")
print(json.dumps(reprs, indent=1))
print(json.dumps(errors, indent=1))
