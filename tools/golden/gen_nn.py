#!/usr/bin/python3
"""Generates tests/golden/nn.json: torch.nn behaviour that Flint's nn must reproduce.

Run with /usr/bin/python3 (Debian's PyTorch 1.13). Float values are written as Python floats
(float32 values are exact in a double, so tests may compare bit for bit). Large tensors are
summarised by the SHA-256 of their little-endian bytes plus a few leading values.
"""
import hashlib
import json
import math
import os
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_printoptions(profile="default")


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


def digest(t):
    t = t.detach().contiguous()
    return {
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "sha256": hashlib.sha256(t.numpy().tobytes()).hexdigest(),
        "head": [float(v) for v in t.reshape(-1)[:8].double().tolist()],
        "sum": float(t.double().sum()),
    }


out = {"torch_version": torch.__version__}

# ------------------------------------------------------------------ Linear init (bit-exact RNG)
inits = []
for (fin, fout, dtype, bias) in [(4, 2, torch.float32, True), (3, 5, torch.float64, True), (7, 3, torch.float32, False),
                                (1000, 100, torch.float32, True)]:
    torch.manual_seed(0)
    lin = nn.Linear(fin, fout, bias=bias, dtype=dtype)
    entry = {"in": fin, "out": fout, "dtype": str(dtype).replace("torch.", ""), "bias": bias}
    if fin * fout <= 64:
        entry["weight"] = enc(lin.weight)
        entry["bias_values"] = enc(lin.bias) if bias else None
    else:
        entry["weight_digest"] = digest(lin.weight)
        entry["bias_digest"] = digest(lin.bias)
    # the generator must have advanced exactly as PyTorch's: the next draw matches too
    entry["next_rand"] = float(torch.rand(1).item())
    inits.append(entry)
out["linear_init"] = inits

# ------------------------------------------------------------------ nn.init
init_cases = []


def init_case(name, shape, fn, dtype=torch.float32):
    torch.manual_seed(0)
    t = torch.empty(*shape, dtype=dtype)
    fn(t)
    init_cases.append({"name": name, "result": enc(t)})


for shape in [(3, 5), (4, 5), (2, 3, 4)]:
    s = "x".join(map(str, shape))
    init_case(f"uniform_{s}", shape, lambda t: nn.init.uniform_(t, -2.0, 3.0))
    init_case(f"normal_{s}", shape, lambda t: nn.init.normal_(t, 1.0, 0.5))
    init_case(f"kaiming_uniform_{s}", shape, lambda t: nn.init.kaiming_uniform_(t))
    init_case(f"kaiming_uniform_a_sqrt5_{s}", shape, lambda t: nn.init.kaiming_uniform_(t, a=math.sqrt(5)))
    init_case(f"kaiming_normal_fanout_relu_{s}", shape, lambda t: nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu"))
    init_case(f"kaiming_normal_{s}", shape, lambda t: nn.init.kaiming_normal_(t))
    init_case(f"xavier_uniform_tanh_{s}", shape, lambda t: nn.init.xavier_uniform_(t, gain=nn.init.calculate_gain("tanh")))
    init_case(f"xavier_normal_{s}", shape, lambda t: nn.init.xavier_normal_(t))
    init_case(f"xavier_uniform_f64_{s}", shape, lambda t: nn.init.xavier_uniform_(t), dtype=torch.float64)
    init_case(f"kaiming_normal_f64_{s}", shape, lambda t: nn.init.kaiming_normal_(t), dtype=torch.float64)
init_case("constant_", (2, 3), lambda t: nn.init.constant_(t, 0.25))
init_case("ones_", (2, 3), lambda t: nn.init.ones_(t))
init_case("zeros_", (2, 3), lambda t: nn.init.zeros_(t))
out["init"] = init_cases
out["gain"] = {
    "linear": nn.init.calculate_gain("linear"),
    "conv2d": nn.init.calculate_gain("conv2d"),
    "sigmoid": nn.init.calculate_gain("sigmoid"),
    "tanh": nn.init.calculate_gain("tanh"),
    "relu": nn.init.calculate_gain("relu"),
    "leaky_relu": nn.init.calculate_gain("leaky_relu"),
    "leaky_relu_0.2": nn.init.calculate_gain("leaky_relu", 0.2),
    "leaky_relu_sqrt5": nn.init.calculate_gain("leaky_relu", math.sqrt(5)),
}

# ------------------------------------------------------------------ functional forward + input gradients
torch.manual_seed(1)
fcases = []


def fcase(name, fn, *inputs, dtype=torch.float32, grad_index=0):
    """Runs fn on copies of inputs; the first input gets a gradient of sum(out * w) with a fixed random w."""
    xs = [i.clone().to(dtype) if i.is_floating_point() else i.clone() for i in inputs]
    x = xs[grad_index].requires_grad_(True)
    y = fn(*xs)
    w = torch.randn(y.shape, dtype=dtype) if y.dim() > 0 else torch.ones((), dtype=dtype)
    (y * w).sum().backward()
    fcases.append({
        "name": name,
        "grad_index": grad_index,
        "inputs": [enc(i) for i in inputs],
        "output": enc(y),
        "out_weight": enc(w),
        "grad": enc(x.grad),
    })


x34 = torch.randn(3, 4) * 2
x234 = torch.randn(2, 3, 4) * 3
big = torch.tensor([[1000.0, 0.0, -1000.0, 10.0], [-5.0, 88.0, 89.0, 90.0]])
for d in [0, 1, -1]:
    fcase(f"softmax_dim{d}", lambda t, d=d: F.softmax(t, dim=d), x34)
    fcase(f"log_softmax_dim{d}", lambda t, d=d: F.log_softmax(t, dim=d), x34)
fcase("softmax_3d_dim1", lambda t: F.softmax(t, dim=1), x234)
fcase("log_softmax_3d_dim1", lambda t: F.log_softmax(t, dim=1), x234)
fcase("log_softmax_3d_dim2_f64", lambda t: F.log_softmax(t, dim=2), x234, dtype=torch.float64)
fcase("softmax_extreme", lambda t: F.softmax(t, dim=1), big)
fcase("log_softmax_extreme", lambda t: F.log_softmax(t, dim=1), big)
fcase("relu", F.relu, x34)
fcase("sigmoid", torch.sigmoid, x34)
fcase("tanh", torch.tanh, x34)
fcase("flatten", lambda t: nn.Flatten()(t), x234)
fcase("flatten_0_1", lambda t: nn.Flatten(0, 1)(t), x234)
fcase("identity", lambda t: nn.Identity()(t), x34)
W = torch.randn(2, 4)
b = torch.randn(2)
fcase("linear", lambda t, w, bb: F.linear(t, w, bb), x34, W, b)
fcase("linear_weight_grad", lambda t, w, bb: F.linear(t, w, bb), x34, W, b, grad_index=1)
fcase("linear_bias_grad", lambda t, w, bb: F.linear(t, w, bb), x34, W, b, grad_index=2)
fcase("linear_nobias_3d", lambda t, w: F.linear(t, w), x234, W)
fcase("linear_1d", lambda t, w, bb: F.linear(t, w, bb), x34[0], W, b)

# losses, with every reduction
inp = torch.randn(3, 4)
tgt = torch.randn(3, 4)
logits = torch.randn(4, 5) * 2
cls = torch.tensor([1, 0, 4, 2])
cls_ign = torch.tensor([1, 0, 1, 3])
cw = torch.rand(5) + 0.5
probs = torch.softmax(torch.randn(4, 5), dim=1)
logits3 = torch.randn(2, 3, 4)
cls3 = torch.tensor([[0, 2, 1, 1], [2, 2, 0, 1]])
logits1 = torch.randn(5)
cls0 = torch.tensor(3)
p = torch.sigmoid(torch.randn(6))
p[0] = 1.0
p[1] = 0.0
bt = torch.rand(6)
bt[0] = 1.0
bt[1] = 0.0
bw = torch.rand(6)
ext = torch.tensor([-100.0, -30.0, -5.0, -0.5, 0.0, 0.5, 5.0, 30.0, 100.0])
ext_t = torch.tensor([0.0, 1.0, 1.0, 0.3, 1.0, 0.0, 0.0, 1.0, 0.0])
ext_pw = torch.tensor(2.5)
logits_multi = torch.randn(3, 4) * 4
tgt_multi = torch.rand(3, 4)
pos_w = torch.rand(4) * 3

for red in ["none", "mean", "sum"]:
    fcase(f"mse_{red}", lambda a, t, r=red: F.mse_loss(a, t, reduction=r), inp, tgt)
    fcase(f"l1_{red}", lambda a, t, r=red: F.l1_loss(a, t, reduction=r), inp, tgt)
    fcase(f"mse_f64_{red}", lambda a, t, r=red: F.mse_loss(a, t, reduction=r), inp, tgt, dtype=torch.float64)
    fcase(f"ce_idx_{red}", lambda a, t, r=red: F.cross_entropy(a, t, reduction=r), logits, cls)
    fcase(f"ce_idx_weight_{red}", lambda a, t, r=red: F.cross_entropy(a, t, weight=cw, reduction=r), logits, cls)
    fcase(f"ce_idx_ignore_{red}", lambda a, t, r=red: F.cross_entropy(a, t, ignore_index=1, reduction=r), logits, cls_ign)
    fcase(f"ce_idx_weight_ignore_{red}", lambda a, t, r=red: F.cross_entropy(a, t, weight=cw, ignore_index=1, reduction=r), logits, cls_ign)
    fcase(f"ce_idx_smooth_{red}", lambda a, t, r=red: F.cross_entropy(a, t, reduction=r, label_smoothing=0.1), logits, cls)
    fcase(f"ce_idx_smooth_weight_ignore_{red}", lambda a, t, r=red: F.cross_entropy(a, t, weight=cw, ignore_index=1, reduction=r, label_smoothing=0.2), logits, cls_ign)
    fcase(f"ce_prob_{red}", lambda a, t, r=red: F.cross_entropy(a, t, reduction=r), logits, probs)
    fcase(f"ce_prob_weight_smooth_{red}", lambda a, t, r=red: F.cross_entropy(a, t, weight=cw, reduction=r, label_smoothing=0.1), logits, probs)
    fcase(f"ce_3d_{red}", lambda a, t, r=red: F.cross_entropy(a, t, reduction=r), logits3, cls3)
    fcase(f"ce_1d_{red}", lambda a, t, r=red: F.cross_entropy(a, t, reduction=r), logits1, cls0)
    fcase(f"ce_f64_{red}", lambda a, t, r=red: F.cross_entropy(a, t, reduction=r), logits, cls, dtype=torch.float64)
    fcase(f"nll_{red}", lambda a, t, r=red: F.nll_loss(a, t, reduction=r), F.log_softmax(logits, 1), cls)
    fcase(f"nll_weight_ignore_{red}", lambda a, t, r=red: F.nll_loss(a, t, weight=cw, ignore_index=1, reduction=r), F.log_softmax(logits, 1), cls_ign)
    fcase(f"bce_{red}", lambda a, t, r=red: F.binary_cross_entropy(a, t, reduction=r), p, bt)
    fcase(f"bce_weight_{red}", lambda a, t, r=red: F.binary_cross_entropy(a, t, weight=bw, reduction=r), p, bt)
    fcase(f"bcelogits_extreme_{red}", lambda a, t, r=red: F.binary_cross_entropy_with_logits(a, t, reduction=r), ext, ext_t)
    fcase(f"bcelogits_extreme_posw_{red}", lambda a, t, r=red: F.binary_cross_entropy_with_logits(a, t, reduction=r, pos_weight=ext_pw), ext, ext_t)
    fcase(f"bcelogits_weight_posw_{red}", lambda a, t, r=red: F.binary_cross_entropy_with_logits(a, t, weight=bw[:4], reduction=r, pos_weight=pos_w), logits_multi, tgt_multi)
out["functional"] = fcases
out["constants"] = {"cw": enc(cw), "bw": enc(bw), "ext_pw": enc(ext_pw), "pos_w": enc(pos_w)}

# ------------------------------------------------------------------ dropout (seeded masks)
drops = []
for (shape, pp, dtype) in [((20,), 0.5, torch.float32), ((4, 5), 0.2, torch.float32), ((7,), 0.9, torch.float64), ((30,), 0.3, torch.float32)]:
    torch.manual_seed(0)
    y = F.dropout(torch.ones(*shape, dtype=dtype), pp)
    drops.append({"shape": list(shape), "p": pp, "dtype": str(dtype).replace("torch.", ""), "result": enc(y),
                  "next_rand": float(torch.rand(1).item())})
out["dropout"] = drops

# ------------------------------------------------------------------ the specification's training loop


def spec_loop(N, D_in, H, D_out, record):
    torch.manual_seed(0)
    x = torch.randn(N, D_in)
    y = torch.randn(N, D_out)
    model = torch.nn.Sequential(torch.nn.Linear(D_in, H), torch.nn.ReLU(), torch.nn.Linear(H, D_out))
    loss_fn = torch.nn.MSELoss(reduction="sum")
    lr = 1e-4
    losses = {}
    for t in range(500):
        y_pred = model(x)
        loss = loss_fn(y_pred, y)
        if t in record:
            losses[str(t)] = loss.item()
        model.zero_grad()
        loss.backward()
        with torch.no_grad():
            for param in model.parameters():
                param -= lr * param.grad
    return {"N": N, "D_in": D_in, "H": H, "D_out": D_out, "losses": losses,
            "final_params": {n: enc(p) if p.numel() <= 16 else digest(p) for n, p in model.named_parameters()}}


out["spec"] = [spec_loop(3, 4, 2, 1, {0, 1, 10, 100, 499}), spec_loop(64, 1000, 100, 10, {0, 1, 10, 100, 499})]

# ------------------------------------------------------------------ module structure: repr, names, state_dict errors


class TwoLayerNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):
        return self.linear2(self.linear1(x).clamp(min=0))


spec_model = nn.Sequential(nn.Linear(4, 2), nn.ReLU(), nn.Linear(2, 1))
named = nn.Sequential(OrderedDict([("fc1", nn.Linear(4, 3)), ("act", nn.Tanh()), ("drop", nn.Dropout(0.25)),
                                   ("fc2", nn.Linear(3, 2, bias=False))]))
nested = nn.Sequential(nn.Flatten(), nn.Sequential(nn.Linear(6, 4), nn.Sigmoid()), nn.Identity(), nn.Dropout())
net = TwoLayerNet(4, 3, 2)


def structure(m):
    return {
        "repr": repr(m),
        "named_parameters": [[n, list(p.shape)] for n, p in m.named_parameters()],
        "named_modules": [[n, type(mm).__name__] for n, mm in m.named_modules()],
        "named_children": [[n, type(mm).__name__] for n, mm in m.named_children()],
        "state_dict": list(m.state_dict().keys()),
    }


out["structure"] = {"spec": structure(spec_model), "named": structure(named), "nested": structure(nested), "twolayer": structure(net)}
out["loss_repr"] = {"MSELoss": repr(nn.MSELoss()), "MSELoss_sum": repr(nn.MSELoss(reduction="sum")),
                    "CrossEntropyLoss": repr(nn.CrossEntropyLoss()), "BCEWithLogitsLoss": repr(nn.BCEWithLogitsLoss())}


def load_error(model, sd):
    try:
        model.load_state_dict(sd)
    except RuntimeError as e:
        return str(e)
    return None


sd = spec_model.state_dict()
missing = OrderedDict((k, v) for k, v in sd.items() if k != "0.bias")
unexpected = OrderedDict(sd)
unexpected["3.weight"] = torch.zeros(1)
mismatch = OrderedDict(sd)
mismatch["0.weight"] = torch.zeros(3, 4)
both = OrderedDict((k, v) for k, v in sd.items() if k not in ("0.bias", "2.bias"))
both["extra"] = torch.zeros(1)
both["2.weight"] = torch.zeros(2, 2)
out["load_errors"] = {
    "missing": load_error(spec_model, missing),
    "unexpected": load_error(spec_model, unexpected),
    "mismatch": load_error(spec_model, mismatch),
    "combined": load_error(spec_model, both),
}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "nn.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote", os.path.normpath(path), os.path.getsize(path), "bytes")
