#!/usr/bin/env python3
"""Golden data for the torch-level statics (tests/Flint.Tests/Api/TorchStaticsTests.cs).

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_torch_statics.py
Writes tests/golden/torch-statics.json: torch.can_cast over every dtype pair, torch.finfo, the random free functions
(bernoulli, normal's four overloads, poisson, binomial, _standard_gamma, _sample_dirichlet, the scalar draws TorchSharp
adds, the out= forms) for fixed seeds, torch.gradient, torch.histogram and the legacy qr/svd/symeig.
"""
import json
import os

import torch

from golden_common import enc, DTYPES

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "torch-statics.json"))

out = {}

names = ["uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64", "bool", "bfloat16"]
out["can_cast"] = [[a, b, torch.can_cast(DTYPES[a], DTYPES[b])] for a in names for b in names]

out["finfo"] = {}
for n in ["float16", "bfloat16", "float32", "float64"]:
    f = torch.finfo(DTYPES[n])
    out["finfo"][n] = {"bits": f.bits, "eps": f.eps, "max": f.max, "min": f.min, "tiny": f.tiny, "resolution": f.resolution}


def gen(seed):
    return torch.Generator().manual_seed(seed)


probs = torch.linspace(0, 1, 35).reshape(5, 7)
rnd = []


def case(name, result, **inputs):
    rnd.append({"name": name, "inputs": {k: enc(v) for k, v in inputs.items()}, "result": enc(result)})


case("bernoulli_f32", torch.bernoulli(probs, generator=gen(1)), p=probs)
case("bernoulli_f64", torch.bernoulli(probs.double(), generator=gen(2)), p=probs.double())
m = torch.linspace(-2, 2, 3).reshape(3, 1)
s = torch.linspace(0.5, 2, 4).reshape(1, 4)
case("normal_tt_broadcast", torch.normal(m, s, generator=gen(3)), mean=m, std=s)
m2 = torch.linspace(-1, 1, 20).reshape(4, 5)
s2 = torch.linspace(0.1, 3, 20).reshape(4, 5)
case("normal_tt_f32_20", torch.normal(m2, s2, generator=gen(4)), mean=m2, std=s2)
case("normal_tt_f64_20", torch.normal(m2.double(), s2.double(), generator=gen(5)), mean=m2.double(), std=s2.double())
case("normal_tf_f64", torch.normal(m2.double(), 2.0, generator=gen(6)), mean=m2.double())
case("normal_tf_f32_small", torch.normal(m.reshape(3), 0.5, generator=gen(7)), mean=m.reshape(3))
case("normal_ft_f32", torch.normal(1.5, s2, generator=gen(8)), std=s2)
case("normal_ff_f32_17", torch.normal(0.5, 2.0, (17,), generator=gen(9)))
case("normal_ff_f64_5", torch.normal(0.5, 2.0, (5,), generator=gen(10), dtype=torch.float64))
rates = torch.tensor([0.0, 0.5, 3.0, 9.5, 10.0, 25.0, 100.0, 1e4])
case("poisson_f32", torch.poisson(rates, generator=gen(11)), rate=rates)
case("poisson_f64", torch.poisson(rates.double(), generator=gen(12)), rate=rates.double())
cnt = torch.tensor([0., 1., 5., 10., 40., 100., 1000., 7.])
pr = torch.tensor([0.5, 0.3, 0.9, 0.5, 0.25, 0.01, 0.7, 0.0])
case("binomial_f64", torch.binomial(cnt.double(), pr.double(), generator=gen(13)), count=cnt.double(), prob=pr.double())
case("binomial_f32", torch.binomial(cnt, pr, generator=gen(14)), count=cnt, prob=pr)
alpha = torch.tensor([0.1, 0.5, 1.0, 2.5, 10.0, 0.9])
case("standard_gamma_f32", torch._standard_gamma(alpha, generator=gen(15)), alpha=alpha)
case("standard_gamma_f64", torch._standard_gamma(alpha.double(), generator=gen(16)), alpha=alpha.double())
conc = torch.tensor([[0.5, 1.0, 2.0], [3.0, 0.2, 1.5]], dtype=torch.float64)
case("sample_dirichlet_f64", torch._sample_dirichlet(conc, generator=gen(17)), alpha=conc)
case("sample_dirichlet_f32", torch._sample_dirichlet(conc.float(), generator=gen(18)), alpha=conc.float())
out["random"] = rnd

g = gen(21)
scal = {
    "rand_float": [torch.rand(1, dtype=torch.float64, generator=g).item() for _ in range(3)],
    "randn_float": [torch.randn(1, dtype=torch.float64, generator=g).item() for _ in range(3)],
    "randint_long": [torch.randint(-5, 1 << 40, (1,), generator=g).item() for _ in range(3)],
    "randint_int": [torch.randint(3, 17, (1,), dtype=torch.int32, generator=g).item() for _ in range(3)],
    "randint_bool": [bool(torch.randint(0, 2, (1,), dtype=torch.bool, generator=g).item()) for _ in range(6)],
}
out["scalar_draws_seed"] = 21
out["scalar_draws"] = scal

torch.manual_seed(31)
t = torch.empty(0)
torch.rand((2, 3), out=t)
r1 = t.clone()
ti = torch.empty(0, dtype=torch.int32)
torch.randint(9, (4,), out=ti)
tp = torch.empty(0, dtype=torch.int64)
torch.randperm(10, out=tp)
out["out_forms"] = {"seed": 31, "rand": enc(r1), "randint": enc(ti), "randperm": enc(tp)}

# torch.gradient
x = torch.tensor([[1., 2, 4, 8, 16], [10, 20, 40, 80, 100], [3, -1, 2, 0.5, 7]])
coords0 = torch.tensor([0., 1., 3.])
coords1 = torch.tensor([0., 0.5, 2., 2.5, 4.])
grads = []


def gcase(name, results, **kw):
    grads.append({"name": name, "results": [enc(r) for r in results]})


gcase("default", torch.gradient(x))
gcase("scalar_spacing", torch.gradient(x, spacing=2.0))
gcase("list_spacing", torch.gradient(x, spacing=[2.0, 0.5]))
gcase("coords", torch.gradient(x, spacing=(coords0, coords1)))
gcase("edge2", torch.gradient(x, edge_order=2))
gcase("edge2_coords", torch.gradient(x, spacing=(coords0, coords1), edge_order=2))
gcase("dim1", torch.gradient(x, dim=1))
gcase("dim1_spacing3", torch.gradient(x, spacing=3.0, dim=1, edge_order=2))
gcase("dims_list_coords", torch.gradient(x, spacing=(coords1,), dim=[1]))
gcase("int_1d", torch.gradient(torch.tensor([1, 4, 9, 16, 25])))
gcase("f64_edge2", torch.gradient(x.double(), spacing=[1.5, 0.25], edge_order=2))
out["gradient_input"] = enc(x)
out["gradient_coords"] = [enc(coords0), enc(coords1)]
out["gradient"] = grads

# torch.histogram
hx = torch.tensor([0.1, 0.5, 0.5, 1.2, 2.0, 2.7, 3.0, -0.3, 2.2, 1.0])
hw = torch.tensor([1.0, 2.0, 0.5, 1.5, 1.0, 3.0, 1.0, 2.0, 0.25, 1.0])
hb = torch.tensor([0.0, 0.5, 1.0, 2.5, 3.0])
hists = []


def hcase(name, r):
    hists.append({"name": name, "hist": enc(r.hist), "bin_edges": enc(r.bin_edges)})


hcase("bins4", torch.histogram(hx, 4))
hcase("bins3_range", torch.histogram(hx, 3, range=(0.0, 2.0)))
hcase("bins5_weight", torch.histogram(hx, 5, weight=hw))
hcase("bins5_density", torch.histogram(hx, 5, density=True))
hcase("bins5_weight_density", torch.histogram(hx, 5, range=(-1.0, 3.0), weight=hw, density=True))
hcase("tensor_bins", torch.histogram(hx, hb))
hcase("tensor_bins_weight_density", torch.histogram(hx, hb, weight=hw, density=True))
hcase("constant", torch.histogram(torch.tensor([1.0, 1.0, 1.0]), 2))
hcase("f64_bins7", torch.histogram(hx.double() * 3.3, 7))
hcase("edge_values", torch.histogram(torch.linspace(0, 1, 11), 10))
hcase("f32_bins20", torch.histogram(hx * 2.7, 20))  # 21 edges: linspace's vectorised path (2 x 8 float lanes)
hcase("f64_bins19", torch.histogram(hx.double() * 1.7 - 0.3, 19, weight=hw.double(), density=True))
out["histogram_input"] = enc(hx)
out["histogram_weight"] = enc(hw)
out["histogram_bins"] = enc(hb)
out["histogram"] = hists

# legacy linalg
a = torch.tensor([[2.0, -1.0, 0.5], [1.0, 3.0, -2.0], [0.0, 1.0, 4.0], [1.5, -0.5, 1.0]], dtype=torch.float64)
sym = torch.tensor([[4.0, 1.0, -2.0], [1.0, 3.0, 0.5], [-2.0, 0.5, 5.0]], dtype=torch.float64)
sym_u = torch.triu(sym) + torch.tril(torch.full((3, 3), 9.0, dtype=torch.float64), -1)  # garbage below the diagonal
lin = {"a": enc(a), "sym_u": enc(sym_u)}
q, r = torch.qr(a)
lin["qr_some"] = [enc(q), enc(r)]
q, r = torch.qr(a, some=False)
lin["qr_full"] = [enc(q), enc(r)]
u, s_, v = torch.svd(a)
lin["svd_some"] = [enc(u), enc(s_), enc(v)]
u, s_, v = torch.svd(a, some=False)
lin["svd_full"] = [enc(u), enc(s_), enc(v)]
u, s_, v = torch.svd(a, compute_uv=False)
lin["svd_no_uv"] = [enc(u), enc(s_), enc(v)]
e, vv = torch.symeig(sym_u, eigenvectors=True)
lin["symeig_upper"] = [enc(e), enc(vv)]
e, vv = torch.symeig(torch.tril(sym) + torch.triu(torch.full((3, 3), 9.0, dtype=torch.float64), 1), eigenvectors=True, upper=False)
lin["symeig_lower"] = [enc(e), enc(vv)]
e, vv = torch.symeig(sym_u)
lin["symeig_values"] = [enc(e), enc(vv)]
lin["matrix_rank_tol"] = int(torch.linalg.matrix_rank(a, atol=0.5 * torch.linalg.svdvals(a)[-1].item() + 1e-300, rtol=0.0).item())
lin["matrix_rank"] = int(torch.linalg.matrix_rank(a).item())
out["linalg"] = lin

with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", OUT)
