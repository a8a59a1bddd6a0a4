#!/usr/bin/python3
"""Generates tests/golden/linalg.json: torch.linalg as PyTorch 1.13 computes it on the CPU (float32/float64).

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_linalg.py
Each case stores its inputs and PyTorch's outputs; tests/Flint.Tests/Linalg/LinalgGoldenTests.cs maps the case
name to Flint's call. Decompositions whose signs or order are not unique (qr, eigh, svd) are compared there by
invariants plus the unique parts (|R|, eigenvalues, singular values). Errors store PyTorch's message.
"""
import json
import math
import os
import warnings

import torch

from golden_common import expect_error

warnings.simplefilter("ignore")


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


gen = torch.Generator().manual_seed(20261205)


def randn(*shape, dtype=torch.float64):
    return torch.randn(*shape, generator=gen, dtype=torch.float64).to(dtype)


def well(*shape, dtype=torch.float64):
    """Random matrices with a strong diagonal: well conditioned."""
    a = randn(*shape)
    n = shape[-1]
    return (a + 3 * torch.eye(n, dtype=torch.float64)).to(dtype)


def spd(*shape, dtype=torch.float64):
    a = randn(*shape)
    n = shape[-1]
    return (a @ a.mT + n * torch.eye(n, dtype=torch.float64)).to(dtype)


cases = {}
errors = {}


def arg(v):
    if isinstance(v, float):
        return jv(v)
    if isinstance(v, tuple):
        return list(v)
    return v


def case(name, inputs, outputs, op=None, **args):
    """op: the torch.linalg function (default: the name up to the first '_' that is not part of an op name)."""
    cases[name] = {"op": op, "args": {k: arg(v) for k, v in args.items()},
                   "inputs": [enc(x) for x in inputs], "outputs": {k: enc(v) for k, v in outputs.items()}}


def err(name, f):
    expect_error(errors, name, f)


L = torch.linalg

# ---- det / slogdet / inv / solve
for dt, tag in ((torch.float64, "f64"), (torch.float32, "f32")):
    a = well(4, 4, dtype=dt)
    case(f"det_{tag}", [a], {"out": L.det(a)}, op="det")
    b = randn(2, 3, 3, 3, dtype=dt)
    case(f"det_batched_{tag}", [b], {"out": L.det(b)}, op="det")
    s = L.slogdet(b)
    case(f"slogdet_batched_{tag}", [b], {"sign": s.sign, "logabsdet": s.logabsdet}, op="slogdet")
    case(f"inv_{tag}", [a], {"out": L.inv(a)}, op="inv")
    ab = well(2, 3, 3, dtype=dt)
    case(f"inv_batched_{tag}", [ab], {"out": L.inv(ab)}, op="inv")
    B = randn(4, 2, dtype=dt)
    case(f"solve_{tag}", [a, B], {"out": L.solve(a, B)}, op="solve")
sing = torch.tensor([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]], dtype=torch.float64)
case("det_singular", [sing], {"out": L.det(sing)}, op="det")
s = L.slogdet(sing)
case("slogdet_singular", [sing], {"sign": s.sign, "logabsdet": s.logabsdet}, op="slogdet")
one = torch.tensor([[-2.5]], dtype=torch.float64)
case("det_1x1", [one], {"out": L.det(one)}, op="det")
e0 = torch.zeros(0, 0, dtype=torch.float64)
case("det_0x0", [e0], {"out": L.det(e0)}, op="det")
A = well(3, 3)
v = randn(3)
case("solve_vector", [A, v], {"out": L.solve(A, v)}, op="solve")
Ab = well(2, 3, 3)
vb = randn(2, 3)
case("solve_batched_vector", [Ab, vb], {"out": L.solve(Ab, vb)}, op="solve")
A2 = well(2, 1, 3, 3)
B2 = randn(4, 3, 2)
case("solve_broadcast", [A2, B2], {"out": L.solve(A2, B2)}, op="solve")
B3 = randn(2, 3)
case("solve_left_false", [A, B3], {"out": L.solve(A, B3, left=False)}, op="solve", left=False)

# ---- norms
x = randn(3, 4)
for o in (2, 1, float("inf"), float("-inf"), 0, 3.5, -1, 0.5):
    case(f"vector_norm_{o}", [x], {"out": L.vector_norm(x, ord=o)}, op="vector_norm", ord=float(o))
    case(f"vector_norm_{o}_dim1", [x], {"out": L.vector_norm(x, ord=o, dim=1)}, op="vector_norm", ord=float(o), dim=[1])
x3 = randn(2, 3, 4, dtype=torch.float32)
case("vector_norm_dims_keepdim_f32", [x3], {"out": L.vector_norm(x3, 2, dim=(0, 2), keepdim=True)}, op="vector_norm", ord=2.0, dim=[0, 2], keepdim=True)
m = randn(2, 3, 4)
for o in ("fro", "nuc", float("inf"), float("-inf"), 1, -1, 2, -2):
    case(f"matrix_norm_{o}", [m], {"out": L.matrix_norm(m, ord=o)}, op="matrix_norm", ord=o if isinstance(o, str) else float(o))
    case(f"matrix_norm_{o}_dim02_keepdim", [m], {"out": L.matrix_norm(m, ord=o, dim=(2, 0), keepdim=True)}, op="matrix_norm", ord=o if isinstance(o, str) else float(o), dim=[2, 0], keepdim=True)
v4 = randn(5)
case("norm_default_matrix", [m], {"out": L.norm(m)}, op="norm")
case("norm_vector_ord3", [v4], {"out": L.norm(v4, 3)}, op="norm", ord=3.0)
case("norm_matrix_ord_inf", [m[0]], {"out": L.norm(m[0], float("inf"))}, op="norm", ord=float("inf"))
case("norm_nuc_dims", [m], {"out": L.norm(m, "nuc", dim=(0, 1))}, op="norm", ord="nuc", dim=[0, 1])
case("norm_dim1", [m], {"out": L.norm(m, dim=1)}, op="norm", dim=[1])

# ---- cholesky
for dt, tag in ((torch.float64, "f64"), (torch.float32, "f32")):
    p = spd(4, 4, dtype=dt)
    case(f"cholesky_{tag}", [p], {"out": L.cholesky(p)}, op="cholesky")
    case(f"cholesky_upper_{tag}", [p], {"out": L.cholesky(p, upper=True)}, op="cholesky", upper=True)
pb = spd(2, 3, 3)
case("cholesky_batched", [pb], {"out": L.cholesky(pb)}, op="cholesky")
ns = spd(3, 3)
ns_lower_only = ns.tril() + 100 * torch.ones(3, 3, dtype=torch.float64).triu(1)
case("cholesky_reads_lower", [ns_lower_only], {"out": L.cholesky(ns_lower_only)}, op="cholesky")

# ---- qr
for shape, tag in (((5, 3), "tall"), ((3, 5), "wide"), ((4, 4), "square"), ((2, 4, 3), "batched")):
    a = randn(*shape)
    for mode in ("reduced", "complete", "r"):
        q, r = L.qr(a, mode=mode)
        case(f"qr_{tag}_{mode}", [a], {"Q": q, "R": r}, op="qr", mode=mode)
a32 = randn(4, 3, dtype=torch.float32)
q, r = L.qr(a32)
case("qr_f32", [a32], {"Q": q, "R": r}, op="qr", mode="reduced")

# ---- eigh
for dt, tag in ((torch.float64, "f64"), (torch.float32, "f32")):
    a = randn(5, 5, dtype=dt)
    w, V = L.eigh(a)
    case(f"eigh_L_{tag}", [a], {"L": w, "V": V}, op="eigh", UPLO="L")
    w, V = L.eigh(a, UPLO="U")
    case(f"eigh_U_{tag}", [a], {"L": w, "V": V}, op="eigh", UPLO="U")
    case(f"eigvalsh_{tag}", [a], {"L": L.eigvalsh(a)}, op="eigvalsh", UPLO="L")
ab = randn(2, 3, 4, 4)
w, V = L.eigh(ab)
case("eigh_batched", [ab], {"L": w, "V": V}, op="eigh", UPLO="L")
case("eigvalsh_U_batched", [ab], {"L": L.eigvalsh(ab, UPLO="U")}, op="eigvalsh", UPLO="U")

# ---- svd / svdvals / pinv / matrix_rank
for shape, tag in (((5, 3), "tall"), ((3, 5), "wide"), ((4, 4), "square"), ((2, 3, 4, 2), "batched")):
    a = randn(*shape)
    for full in (True, False):
        U, S, Vh = L.svd(a, full_matrices=full)
        case(f"svd_{tag}_{'full' if full else 'reduced'}", [a], {"U": U, "S": S, "Vh": Vh}, op="svd", full_matrices=full)
    case(f"svdvals_{tag}", [a], {"S": L.svdvals(a)}, op="svdvals")
    case(f"pinv_{tag}", [a], {"out": L.pinv(a)}, op="pinv")
a32 = randn(3, 4, dtype=torch.float32)
U, S, Vh = L.svd(a32, full_matrices=False)
case("svd_f32", [a32], {"U": U, "S": S, "Vh": Vh}, op="svd", full_matrices=False)
case("pinv_f32", [a32], {"out": L.pinv(a32)}, op="pinv")
lowrank = randn(5, 2) @ randn(2, 4)
case("svdvals_rank2", [lowrank], {"S": L.svdvals(lowrank)}, op="svdvals")
U, S, Vh = L.svd(lowrank)
case("svd_rank2_full", [lowrank], {"U": U, "S": S, "Vh": Vh}, op="svd", full_matrices=True)
case("pinv_rank2", [lowrank], {"out": L.pinv(lowrank)}, op="pinv")
case("matrix_rank_rank2", [lowrank], {"out": L.matrix_rank(lowrank)}, op="matrix_rank")
sym = randn(4, 4)
sym = sym + sym.mT
case("pinv_hermitian", [sym], {"out": L.pinv(sym, hermitian=True)}, op="pinv", hermitian=True)
symlow = randn(4, 2)
symlow = symlow @ torch.diag(torch.tensor([2.0, -1.5], dtype=torch.float64)) @ symlow.mT
case("pinv_hermitian_rank2", [symlow], {"out": L.pinv(symlow, hermitian=True)}, op="pinv", hermitian=True)
case("matrix_rank_hermitian_rank2", [symlow], {"out": L.matrix_rank(symlow, hermitian=True)}, op="matrix_rank", hermitian=True)
graded = torch.diag(torch.tensor([4.0, 1.0, 0.3, 0.01], dtype=torch.float64))
case("pinv_rtol", [graded], {"out": L.pinv(graded, rtol=0.05)}, op="pinv", rtol=0.05)
case("pinv_atol", [graded], {"out": L.pinv(graded, atol=0.5)}, op="pinv", atol=0.5)
case("matrix_rank_atol", [graded], {"out": L.matrix_rank(graded, atol=0.5)}, op="matrix_rank", atol=0.5)
case("matrix_rank_rtol", [graded], {"out": L.matrix_rank(graded, rtol=0.01)}, op="matrix_rank", rtol=0.01)
case("matrix_rank_atol_rtol", [graded], {"out": L.matrix_rank(graded, atol=0.2, rtol=0.01)}, op="matrix_rank", atol=0.2, rtol=0.01)
rb = torch.stack([randn(3, 3), randn(3, 1) @ randn(1, 3)])
case("matrix_rank_batched", [rb], {"out": L.matrix_rank(rb)}, op="matrix_rank")

# ---- lstsq (CPU default driver gelsy)
for shape_a, shape_b, tag in (((6, 3), (6, 2), "tall"), ((3, 5), (3, 2), "wide"), ((2, 5, 3), (2, 5, 4), "batched"), ((4, 4), (4, 1), "square")):
    a = randn(*shape_a)
    b = randn(*shape_b)
    r = L.lstsq(a, b)
    case(f"lstsq_{tag}", [a, b], {"solution": r.solution, "residuals": r.residuals, "rank": r.rank, "singular_values": r.singular_values}, op="lstsq")
a = randn(6, 2) @ randn(2, 4)
b = randn(6, 3)
r = L.lstsq(a, b)
case("lstsq_rank_deficient", [a, b], {"solution": r.solution, "residuals": r.residuals, "rank": r.rank, "singular_values": r.singular_values}, op="lstsq")
a = randn(5, 3, dtype=torch.float32)
b = randn(5, 2, dtype=torch.float32)
r = L.lstsq(a, b)
case("lstsq_f32", [a, b], {"solution": r.solution, "residuals": r.residuals, "rank": r.rank, "singular_values": r.singular_values}, op="lstsq")
a = randn(2, 5, 3)
b = randn(1, 5, 2)
r = L.lstsq(a, b)
case("lstsq_broadcast", [a, b], {"solution": r.solution, "residuals": r.residuals, "rank": r.rank, "singular_values": r.singular_values}, op="lstsq")

# ---- matrix_power, cross
a = well(3, 3) / 3
for k in (0, 1, 2, 5, -1, -3):
    case(f"matrix_power_{k}", [a], {"out": L.matrix_power(a, k)}, op="matrix_power", n=k)
ab = well(2, 3, 3) / 3
case("matrix_power_batched_-2", [ab], {"out": L.matrix_power(ab, -2)}, op="matrix_power", n=-2)
x = randn(4, 3)
y = randn(4, 3)
case("cross", [x, y], {"out": L.cross(x, y)}, op="cross")
x = randn(1, 3, 2)
y = randn(4, 3, 2)
case("cross_dim_broadcast", [x, y], {"out": L.cross(x, y, dim=-2)}, op="cross", dim=-2)
x = randn(2, 3, 3)
y = randn(2, 3, 3)
case("torch_cross_default_dim", [x, y], {"out": torch.cross(x, y)}, op="torch.cross")

# ---- errors (PyTorch's wording)
sing2 = torch.tensor([[1.0, 2.0], [2.0, 4.0]])
err("inv_singular", lambda: L.inv(sing2))
err("inv_singular_batched", lambda: L.inv(torch.stack([torch.eye(2), sing2])))
err("solve_singular", lambda: L.solve(sing2, torch.ones(2, 1)))
err("inverse_singular", lambda: torch.inverse(sing2))
notpd = torch.tensor([[4.0, 2.0, 0.0], [2.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
err("cholesky_not_pd", lambda: L.cholesky(notpd))
err("cholesky_not_pd_batched", lambda: L.cholesky(torch.stack([torch.eye(3), torch.eye(3), notpd])))
err("cholesky_upper_not_pd", lambda: L.cholesky(torch.tensor([[1.0, 0.0], [0.0, -1.0]]), upper=True))
rect = torch.ones(2, 3)
for op, f in (("inv", L.inv), ("det", L.det), ("slogdet", L.slogdet), ("cholesky", L.cholesky), ("eigh", L.eigh), ("eigvalsh", L.eigvalsh)):
    err(f"{op}_non_square", lambda f=f: f(rect))
    err(f"{op}_1d", lambda f=f: f(torch.ones(3)))
    err(f"{op}_int", lambda f=f: f(torch.ones(2, 2, dtype=torch.int64)))
err("matrix_power_non_square", lambda: L.matrix_power(rect, 2))
err("solve_non_square", lambda: L.solve(rect, torch.ones(2, 1)))
err("solve_incompatible", lambda: L.solve(torch.eye(3), torch.ones(4, 2)))
err("solve_int", lambda: L.solve(torch.eye(2, dtype=torch.int64), torch.ones(2, 1, dtype=torch.int64)))
err("solve_dtype_mismatch", lambda: L.solve(torch.eye(2), torch.ones(2, 1, dtype=torch.float64)))
err("qr_bad_mode", lambda: L.qr(torch.eye(2), mode="full"))
err("qr_int", lambda: L.qr(torch.ones(2, 2, dtype=torch.int64)))
err("qr_1d", lambda: L.qr(torch.ones(3)))
err("svd_int", lambda: L.svd(torch.ones(2, 2, dtype=torch.int64)))
err("svd_1d", lambda: L.svd(torch.ones(3)))
err("svdvals_1d", lambda: L.svdvals(torch.ones(3)))
err("pinv_1d", lambda: L.pinv(torch.ones(3)))
err("matrix_rank_1d", lambda: L.matrix_rank(torch.ones(3)))
err("eigh_bad_uplo", lambda: L.eigh(torch.eye(2), UPLO="X"))
err("cross_size", lambda: L.cross(torch.ones(2, 2), torch.ones(2, 2)))
err("cross_broadcast", lambda: L.cross(torch.ones(2, 3), torch.ones(4, 3)))
err("matrix_norm_ord", lambda: L.matrix_norm(torch.ones(2, 2), ord=3))
err("matrix_norm_1d", lambda: L.matrix_norm(torch.ones(3)))
err("matrix_norm_int", lambda: L.matrix_norm(torch.ones(2, 2, dtype=torch.int64)))
err("vector_norm_int", lambda: L.vector_norm(torch.ones(2, dtype=torch.int64)))
err("norm_3d_ord", lambda: L.norm(torch.ones(2, 2, 2), 2))
err("lstsq_rows", lambda: L.lstsq(torch.ones(3, 2), torch.ones(4, 1)))
err("lstsq_vector_rows", lambda: L.lstsq(torch.ones(2, 3, 2), torch.ones(2, 4)))
err("lstsq_int", lambda: L.lstsq(torch.ones(3, 2, dtype=torch.int64), torch.ones(3, 1, dtype=torch.int64)))
err("det_half", lambda: L.det(torch.eye(2, dtype=torch.float16)))
qr_r = torch.eye(3, requires_grad=True)
err("qr_backward_mode_r", lambda: L.qr(qr_r * 2, mode="r")[1].sum().backward())
err("qr_backward_complete_tall", lambda: L.qr(torch.ones(3, 2, requires_grad=True) * torch.tensor([[1.0, 2], [3, 4], [5, 7]]), mode="complete")[0].sum().backward())

out = {"torch_version": torch.__version__, "cases": cases, "errors": errors}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "linalg.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(f"wrote {len(cases)} cases and {len(errors)} errors to {os.path.normpath(path)}")
