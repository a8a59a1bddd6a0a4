#!/usr/bin/python3
"""Generates tests/golden/linalg-more.json: PyTorch 1.13's everyday matrix, statistics, window and factorization
functions (issue 15) on the CPU.

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_linalg_more.py
Each case stores its inputs and PyTorch's outputs (a list, in the order PyTorch returns them);
tests/Flint.Tests/Linalg/LinalgMoreGoldenSuite.cs maps the case name to Flint's call. Errors store PyTorch's message.
"""
import json
import math
import os
import warnings

import torch

from golden_common import expect_error

warnings.simplefilter("ignore")


def jv(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


def enc(t):
    t = t.detach()
    vals = t.reshape(-1).tolist()
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""),
            "values": [jv(float(v)) for v in vals] if t.is_floating_point() else [jv(v) for v in vals]}


gen = torch.Generator().manual_seed(20261206)


def randn(*shape, dtype=torch.float64):
    return torch.randn(*shape, generator=gen, dtype=torch.float64).to(dtype)


def well(*shape, dtype=torch.float64):
    a = randn(*shape)
    return (a + 3 * torch.eye(shape[-1], dtype=torch.float64)).to(dtype)


def spd(*shape, dtype=torch.float64):
    a = randn(*shape)
    n = shape[-1]
    return (a @ a.mT + n * torch.eye(n, dtype=torch.float64)).to(dtype)


cases = {}
errors = {}


def case(name, inputs, outputs):
    if isinstance(outputs, torch.Tensor):
        outputs = [outputs]
    if name in cases:
        raise SystemExit(f"duplicate case {name}")
    cases[name] = {"inputs": [enc(x) for x in inputs], "outputs": [enc(v) for v in outputs]}


def err(name, f):
    expect_error(errors, name, f)


L = torch.linalg
F32, F64 = torch.float32, torch.float64

# ---- addmv / addr / addbmm / addmm_
for dt, tag in ((F64, "f64"), (F32, "f32")):
    i, m, v = randn(3, dtype=dt), randn(3, 4, dtype=dt), randn(4, dtype=dt)
    case(f"addmv_{tag}", [i, m, v], torch.addmv(i, m, v, beta=0.5, alpha=2))
    i2, a, b = randn(3, 4, dtype=dt), randn(3, dtype=dt), randn(4, dtype=dt)
    case(f"addr_{tag}", [i2, a, b], torch.addr(i2, a, b, beta=-1, alpha=0.5))
    i3, b1, b2 = randn(2, 5, dtype=dt), randn(3, 2, 4, dtype=dt), randn(3, 4, 5, dtype=dt)
    case(f"addbmm_{tag}", [i3, b1, b2], torch.addbmm(i3, b1, b2, beta=2, alpha=-1))
i, m, v = torch.tensor([float("nan"), 1.0, 2.0], dtype=F64), randn(3, 2), randn(2)
case("addmv_beta0_ignores_nan", [i, m, v], torch.addmv(i, m, v, beta=0))
i, m, v = randn(1), randn(3, 2), randn(2)
case("addmv_broadcast_input", [i, m, v], torch.addmv(i, m, v))
i, a, b = randn(4), randn(3), randn(4)
case("addr_broadcast_input", [i, a, b], torch.addr(i, a, b))
i, m, v = randn(3), randn(3, 2), randn(2)
case("addmv_inplace", [i, m, v], i.clone().addmv_(m, v, beta=2, alpha=3))
i, a, b = randn(3, 4), randn(3), randn(4)
case("addr_inplace", [i, a, b], i.clone().addr_(a, b, alpha=2))
i, b1, b2 = randn(2, 3), randn(4, 2, 5), randn(4, 5, 3)
case("addbmm_inplace", [i, b1, b2], i.clone().addbmm_(b1, b2, beta=0.5))
i, m1, m2 = randn(2, 3), randn(2, 4), randn(4, 3)
case("addmm_inplace", [i, m1, m2], i.clone().addmm_(m1, m2, beta=0.25, alpha=-2))

# ---- inner / kron / tensordot / vdot / vecdot / dist / logdet
a, b = randn(2, 3, 4), randn(5, 4)
case("inner", [a, b], torch.inner(a, b))
a, b = randn(3), torch.tensor(2.5, dtype=F64)
case("inner_scalar", [a, b], torch.inner(a, b))
for sa, sb, tag in (((2, 3), (4, 2), "2d"), ((2, 1, 3), (3, 2), "3d_2d"), ((3,), (2, 2), "1d_2d")):
    a, b = randn(*sa), randn(*sb)
    case(f"kron_{tag}", [a, b], torch.kron(a, b))
a, b = torch.arange(4).reshape(2, 2), torch.tensor([[1, 2], [3, 4]])
case("kron_int", [a, b], torch.kron(a, b))
a, b = randn(3, 4, 5), randn(4, 5, 2)
case("tensordot_dims2", [a, b], torch.tensordot(a, b, dims=2))
case("tensordot_dims0", [a[0, 0], b[0, 0]], torch.tensordot(a[0, 0], b[0, 0], dims=0))
a, b = randn(3, 4, 5), randn(5, 3, 2)
case("tensordot_pairs", [a, b], torch.tensordot(a, b, dims=([0, 2], [1, 0])))
a, b = randn(5, dtype=F32), randn(5, dtype=F32)
case("vdot_f32", [a, b], torch.vdot(a, b))
x, y = randn(2, 3, 4), randn(3, 4)
case("vecdot", [x, y], L.vecdot(x, y))
x, y = randn(3, 4), randn(3, 1)
case("vecdot_dim0", [x, y], L.vecdot(x, y, dim=0))
a, b = randn(3, 4), randn(3, 4)
for p, tag in ((2, "2"), (1, "1"), (0, "0"), (float("inf"), "inf"), (3.5, "3_5")):
    case(f"dist_{tag}", [a, b], torch.dist(a, b, p))
a = well(2, 3, 3)
case("logdet_batched", [a], torch.logdet(a))
a = torch.tensor([[0.0, 1.0], [1.0, 0.0]], dtype=F64)
case("logdet_negative", [a], torch.logdet(a))
a = torch.tensor([[1.0, 2.0], [2.0, 4.0]], dtype=F64)
case("logdet_singular", [a], torch.logdet(a))

# ---- cov / corrcoef
x = randn(3, 6)
case("cov", [x], torch.cov(x))
case("cov_correction0", [x], torch.cov(x, correction=0))
fw = torch.tensor([1, 2, 0, 3, 1, 1])
case("cov_fweights", [x, fw], torch.cov(x, fweights=fw))
aw = torch.rand(6, generator=gen, dtype=F64) + 0.1
case("cov_aweights", [x, aw], torch.cov(x, aweights=aw))
case("cov_both", [x, fw, aw], torch.cov(x, correction=2, fweights=fw, aweights=aw))
x1 = randn(7, dtype=F32)
case("cov_1d_f32", [x1], torch.cov(x1))
xi = torch.tensor([[1, 5, 2, 8], [3, 3, 1, 0]])
case("cov_int", [xi], torch.cov(xi))
case("cov_dof_zero", [x[:, :2]], torch.cov(x[:, :2], correction=2))
case("corrcoef", [x], torch.corrcoef(x))
case("corrcoef_1d", [x1], torch.corrcoef(x1))
case("corrcoef_int", [xi], torch.corrcoef(xi))

# ---- trapezoid / cumulative_trapezoid
y = randn(3, 5)
case("trapezoid", [y], torch.trapezoid(y))
case("trapezoid_dx_dim0", [y], torch.trapezoid(y, dx=0.5, dim=0))
xs = torch.sort(randn(5)).values
case("trapezoid_x1d", [y, xs], torch.trapezoid(y, xs))
xs2 = torch.sort(randn(3, 5), dim=1).values
case("trapezoid_x2d", [y, xs2], torch.trapezoid(y, xs2))
case("trapz_x", [y, xs], torch.trapz(y, xs))
case("trapz_dx", [y], torch.trapz(y, dx=2.0))
yi = torch.tensor([1, 4, 9, 16])
case("trapezoid_int", [yi], torch.trapezoid(yi))
case("cumulative_trapezoid", [y], torch.cumulative_trapezoid(y))
case("cumulative_trapezoid_dx_dim0", [y], torch.cumulative_trapezoid(y, dx=0.25, dim=0))
case("cumulative_trapezoid_x", [y, xs], torch.cumulative_trapezoid(y, xs))

# ---- vander
x = torch.tensor([1.5, -2.0, 0.5, 3.0], dtype=F64)
case("vander", [x], torch.vander(x))
case("vander_N3_increasing", [x], torch.vander(x, N=3, increasing=True))
xi = torch.tensor([1, 2, 3, -4])
case("vander_int", [xi], torch.vander(xi))
case("linalg_vander", [x], L.vander(x))
xb = randn(2, 3, dtype=F32)
case("linalg_vander_batched_N5_f32", [xb], L.vander(xb, N=5))

# ---- aminmax / atleast / tile / clamp_min_ / adjoint / std_mean / var_mean
x = randn(3, 4)
case("aminmax", [x], tuple(torch.aminmax(x)))
case("aminmax_dim1", [x], tuple(torch.aminmax(x, dim=1)))
case("aminmax_dim0_keepdim", [x], tuple(torch.aminmax(x, dim=0, keepdim=True)))
xi = torch.tensor([[3, -1, 7], [2, 2, 0]])
case("aminmax_int_keepdim", [xi], tuple(torch.aminmax(xi, keepdim=True)))
s = torch.tensor(2.0, dtype=F64)
v = randn(3)
case("atleast_1d_0d", [s], torch.atleast_1d(s))
case("atleast_2d_1d", [v], torch.atleast_2d(v))
case("atleast_3d_1d", [v], torch.atleast_3d(v))
case("atleast_3d_2d", [x], torch.atleast_3d(x))
case("atleast_3d_0d", [s], torch.atleast_3d(s))
x23 = randn(2, 3)
case("tile_short", [x23], torch.tile(x23, (2,)))
case("tile_long", [x23], torch.tile(x23, (2, 1, 2)))
case("clamp_min_", [x], x.clone().clamp_min_(0.1))
case("clamp_max_", [x], x.clone().clamp_max_(-0.1))
xb = randn(2, 3, 4)
case("adjoint", [xb], xb.adjoint())
case("mH", [xb], xb.mH)
case("H", [x], x.H)
for dt, tag in ((F64, "f64"), (F32, "f32")):
    x3 = randn(3, 4, 5, dtype=dt)
    case(f"std_mean_{tag}", [x3], tuple(torch.std_mean(x3)))
    case(f"var_mean_{tag}", [x3], tuple(torch.var_mean(x3)))
x3 = randn(3, 4, 5)
case("std_mean_dims_keepdim", [x3], tuple(torch.std_mean(x3, dim=(0, 2), keepdim=True)))
case("var_mean_dim_unbiased_false", [x3], tuple(torch.var_mean(x3, dim=1, unbiased=False)))
case("std_mean_correction2", [x3], tuple(torch.std_mean(x3, dim=(1,), correction=2)))
case("var_mean_correction0_all", [x3], tuple(torch.var_mean(x3, dim=None, correction=0)))

# ---- block_diag / diagflat / diagonal_scatter / tril_indices / combinations / renorm / take
a, b, c = torch.tensor(2.0, dtype=F64), randn(3), randn(2, 2)
case("block_diag", [a, b, c], torch.block_diag(a, b, c))
ai, bf = torch.tensor([[1, 2], [3, 4]]), randn(1, 3, dtype=F32)
case("block_diag_promote", [ai, bf], torch.block_diag(ai, bf))
v = randn(3)
case("diagflat", [v], torch.diagflat(v))
case("diagflat_2d_offset", [x23], torch.diagflat(x23, -1))
z, src = randn(3, 4), randn(3)
case("diagonal_scatter_offset1", [z, src], torch.diagonal_scatter(z, src, 1))
z, src = randn(2, 3, 3), randn(3, 2)
case("diagonal_scatter_dims", [z, src], torch.diagonal_scatter(z, src, 0, 0, 2))
v = randn(4)
case("combinations", [v], torch.combinations(v))
case("combinations_r3", [v], torch.combinations(v, r=3))
case("combinations_replacement", [v[:3]], torch.combinations(v[:3], with_replacement=True))
case("combinations_r5_empty", [v], torch.combinations(v, r=5))
x = randn(3, 4) * 3
case("renorm_dim0", [x], torch.renorm(x, 2, 0, 2.0))
case("renorm_p1_dim1", [x], torch.renorm(x, 1, 1, 1.5))
xb = randn(2, 3, 2)
case("renorm_inf_dim2", [xb], torch.renorm(xb, float("inf"), 2, 0.5))
idx = torch.tensor([[0, 5], [-1, 3]])
case("take", [x, idx], torch.take(x, idx))
case("take_transposed", [x, idx], torch.take(x.t(), idx))

# ---- multi_dot / chain_matmul
ms = [randn(2, 5), randn(5, 3), randn(3, 6), randn(6, 4)]
case("multi_dot_4", ms, L.multi_dot(ms))
ms = [randn(5), randn(5, 3), randn(3, 6)]
case("multi_dot_first_vector", ms, L.multi_dot(ms))
ms = [randn(4), randn(4, 3), randn(3)]
case("multi_dot_both_vectors", ms, L.multi_dot(ms))
ms = [randn(4, 3), randn(3, 2)]
case("multi_dot_2", ms, L.multi_dot(ms))
ms = [randn(10, 2), randn(2, 8), randn(8, 3), randn(3, 9), randn(9, 1)]
case("chain_matmul_5", ms, torch.chain_matmul(*ms))

# ---- cond / tensorinv / tensorsolve
a = randn(3, 3)
for p, tag in ((None, "none"), (2, "2"), (-2, "-2"), ("fro", "fro"), ("nuc", "nuc"), (float("inf"), "inf"), (float("-inf"), "-inf"), (1, "1"), (-1, "-1")):
    case(f"cond_{tag}", [a], L.cond(a, p))
ab = well(2, 3, 3, dtype=F32)
case("cond_batched_f32", [ab], L.cond(ab))
ar = randn(3, 5)
case("cond_rect", [ar], L.cond(ar))
sing = torch.tensor([[1.0, 2.0], [2.0, 4.0]], dtype=F64)
case("cond_singular_1", [sing], L.cond(sing, 1))
a = well(6, 6).reshape(2, 3, 6)
case("tensorinv", [a], L.tensorinv(a, ind=2))
a = well(4, 4).reshape(4, 2, 2)
case("tensorinv_ind1", [a], L.tensorinv(a, ind=1))
a = well(6, 6).reshape(2, 3, 6)
b = randn(2, 3)
case("tensorsolve", [a, b], L.tensorsolve(a, b))
a = well(6, 6).reshape(2, 3, 2, 3).movedim(3, 0).contiguous()
case("tensorsolve_dims", [a, b], L.tensorsolve(a, b, dims=(0,)))

# ---- broadcast_shapes / tril_indices / logspace / windows (no tensor inputs)
case("tril_indices_3_4_1", [], torch.tril_indices(3, 4, 1))
case("triu_indices_3_4_-1", [], torch.triu_indices(3, 4, -1))
case("tril_indices_4_3", [], torch.tril_indices(4, 3))
case("triu_indices_4_4_2", [], torch.triu_indices(4, 4, 2))
case("logspace", [], torch.logspace(-2, 2, 7))
case("logspace_base2_f64", [], torch.logspace(0, 10, 11, base=2, dtype=F64))
case("logspace_int", [], torch.logspace(0, 3, 4, dtype=torch.int64))
for name, f in (("hann", torch.hann_window), ("hamming", torch.hamming_window), ("bartlett", torch.bartlett_window),
                ("blackman", torch.blackman_window), ("kaiser", torch.kaiser_window)):
    for n in (0, 1, 2, 7, 8):
        for periodic in (True, False):
            case(f"{name}_window_{n}_{'periodic' if periodic else 'symmetric'}", [], f(n, periodic=periodic))
    case(f"{name}_window_9_f64", [], f(9, dtype=F64))
case("hamming_window_alpha_beta", [], torch.hamming_window(10, periodic=False, alpha=0.6, beta=0.3, dtype=F64))
case("kaiser_window_beta5", [], torch.kaiser_window(10, periodic=True, beta=5.0, dtype=F64))

# ---- factorizations
for dt, tag in ((F64, "f64"), (F32, "f32")):
    a = randn(4, 4, dtype=dt)
    b = randn(4, 3, dtype=dt)
    for upper in (True, False):
        t = a.triu() + 3 * torch.eye(4, dtype=dt) if upper else a.tril() + 3 * torch.eye(4, dtype=dt)
        u = "upper" if upper else "lower"
        case(f"solve_triangular_{u}_{tag}", [t, b], L.solve_triangular(t, b, upper=upper))
        case(f"solve_triangular_{u}_unit_{tag}", [a, b], L.solve_triangular(a, b, upper=upper, unitriangular=True))
        case(f"solve_triangular_{u}_right_{tag}", [t, b.mT], L.solve_triangular(t, b.mT, upper=upper, left=False))
a = well(2, 1, 3, 3)
b = randn(4, 3, 2)
case("solve_triangular_broadcast", [a, b], L.solve_triangular(a, b, upper=False))
a, b = well(3, 3), randn(3, 2)
r = torch.triangular_solve(b, a)
case("triangular_solve", [b, a], (r.solution, r.cloned_coefficient))
r = torch.triangular_solve(b, a, upper=False, transpose=True)
case("triangular_solve_lower_transpose", [b, a], (r.solution, r.cloned_coefficient))

for shape, tag in (((4, 4), "square"), ((5, 3), "tall"), ((3, 5), "wide"), ((2, 3, 3), "batched")):
    a = randn(*shape)
    lu, piv = L.lu_factor(a)
    case(f"lu_factor_{tag}", [a], (lu, piv))
    P, Lm, U = L.lu(a)
    case(f"lu_{tag}", [a], (P, Lm, U))
    P, Lm, U = torch.lu_unpack(lu, piv)
    case(f"lu_unpack_{tag}", [lu, piv], (P, Lm, U))
a32 = randn(3, 3, dtype=F32)
lu, piv, info = L.lu_factor_ex(a32)
case("lu_factor_ex_f32", [a32], (lu, piv, info))
sing = torch.tensor([[1.0, 2.0], [2.0, 4.0]], dtype=F64)
lu, piv, info = L.lu_factor_ex(sing)
case("lu_factor_ex_singular", [sing], (lu, piv, info))
lu, piv, info = torch.lu(sing, get_infos=True)
case("torch_lu_get_infos", [sing], (lu, piv, info))
a = well(2, 3, 3)
lu, piv = L.lu_factor(a)
b = randn(2, 3, 2)
case("lu_solve", [lu, piv, b], L.lu_solve(lu, piv, b))
case("lu_solve_adjoint", [lu, piv, b], L.lu_solve(lu, piv, b, adjoint=True))
case("lu_solve_right", [lu, piv, b.mT], L.lu_solve(lu, piv, b.mT, left=False))
case("lu_solve_right_adjoint", [lu, piv, b.mT], L.lu_solve(lu, piv, b.mT, left=False, adjoint=True))
case("torch_lu_solve", [b, lu, piv], torch.lu_solve(b, lu, piv))

for upper in (False, True):
    u = "upper" if upper else "lower"
    a = spd(3, 3)
    f = L.cholesky(a, upper=upper)
    b = randn(3, 2)
    case(f"cholesky_solve_{u}", [b, f], torch.cholesky_solve(b, f, upper=upper))
    case(f"cholesky_inverse_{u}", [f], torch.cholesky_inverse(f, upper=upper))
a = spd(2, 3, 3, dtype=F32)
f = L.cholesky(a)
b = randn(2, 3, 1, dtype=F32)
case("cholesky_solve_batched_f32", [b, f], torch.cholesky_solve(b, f))
a = spd(2, 3, 3)
r = L.cholesky_ex(a)
case("cholesky_ex", [a], (r.L, r.info))
r = L.cholesky_ex(a, upper=True)
case("cholesky_ex_upper", [a], (r.L, r.info))
notpd = torch.stack([torch.eye(2, dtype=F64), torch.tensor([[1.0, 2.0], [2.0, 1.0]], dtype=F64)])
case("cholesky_ex_not_pd_info", [notpd], L.cholesky_ex(notpd).info)
a = well(2, 3, 3)
r = L.inv_ex(a)
case("inv_ex", [a], (r.inverse, r.info))
case("inv_ex_singular_info", [sing], L.inv_ex(sing).info)
b = randn(2, 3)
r = L.solve_ex(a, b)
case("solve_ex_vector", [a, b], (r.result, r.info))
case("solve_ex_singular_info", [sing, torch.ones(2, 1, dtype=F64)], L.solve_ex(sing, torch.ones(2, 1, dtype=F64)).info)

for scale, tag in ((0.001, "tiny"), (0.1, "small"), (0.5, "mid"), (1.5, "deg9"), (4.0, "deg13"), (40.0, "scaled")):
    a = randn(4, 4) * scale
    case(f"matrix_exp_{tag}", [a], L.matrix_exp(a))
ab = randn(3, 3, 3, dtype=F32)
case("matrix_exp_batched_f32", [ab], torch.matrix_exp(ab))
a1 = randn(2, 1, 1)
case("matrix_exp_1x1", [a1], L.matrix_exp(a1))
nil = torch.tensor([[0.0, 1.0, 2.0], [0.0, 0.0, 3.0], [0.0, 0.0, 0.0]], dtype=F64)
case("matrix_exp_nilpotent", [nil], L.matrix_exp(nil))

a = randn(5, 3)
q, r = torch.geqrf(a)
case("householder_product", [q, r], L.householder_product(q, r))
case("householder_product_k2", [q, r[:2]], L.householder_product(q, r[:2]))
a = randn(2, 4, 4, dtype=F32)
q, r = torch.geqrf(a)
case("householder_product_batched_f32", [q, r], L.householder_product(q, r))

# ---- errors
e = torch.ones
err("inner_last_dim", lambda: torch.inner(e(2, 3), e(2, 4)))
err("vdot_2d", lambda: torch.vdot(e(2, 3), e(3)))
err("vdot_size", lambda: torch.vdot(e(3), e(4)))
err("tensordot_size", lambda: torch.tensordot(e(2, 3), e(4, 5), dims=1))
err("cov_3d", lambda: torch.cov(e(2, 2, 2)))
err("cov_fweights_float", lambda: torch.cov(e(2, 3), fweights=e(3)))
err("cov_aweights_long", lambda: torch.cov(e(2, 3), aweights=torch.ones(3, dtype=torch.long)))
err("cov_fweights_negative", lambda: torch.cov(e(2, 3), fweights=torch.tensor([1, -1, 2])))
err("cov_fweights_numel", lambda: torch.cov(e(2, 3), fweights=torch.tensor([1, 1])))
err("trapezoid_x_size", lambda: torch.trapezoid(e(3), e(4)))
err("linalg_vander_N1", lambda: L.vander(torch.tensor([1.0, 2.0]), N=1))
err("aminmax_empty", lambda: torch.aminmax(e(0)))
err("aminmax_empty_dim", lambda: torch.aminmax(e(2, 0), dim=1))
err("H_3d", lambda: e(2, 3, 4).H)
err("mH_1d", lambda: e(3).mH)
err("adjoint_1d", lambda: e(3).adjoint())
err("block_diag_3d", lambda: torch.block_diag(e(2, 2, 2)))
err("combinations_2d", lambda: torch.combinations(e(2, 2)))
err("combinations_negative", lambda: torch.combinations(torch.arange(3), r=-1))
err("take_out_of_range", lambda: torch.take(e(2, 3), torch.tensor([6])))
err("broadcast_shapes", lambda: torch.broadcast_shapes((2, 3), (4, 3)))
err("chain_matmul_none", lambda: torch.chain_matmul())
err("multi_dot_one", lambda: L.multi_dot([e(2, 3)]))
err("multi_dot_shapes", lambda: L.multi_dot([e(2, 3), e(4, 3)]))
err("multi_dot_3d", lambda: L.multi_dot([e(2, 3, 3), e(3, 3)]))
err("cond_rect_ord1", lambda: L.cond(e(2, 3), 1))
err("cond_bad_ord", lambda: L.cond(torch.tensor([[1.0, 2], [2, 4]]), 3))
err("tensorinv_shape", lambda: L.tensorinv(e(2, 3, 4), ind=1))
err("tensorinv_ind0", lambda: L.tensorinv(e(2, 3), ind=0))
err("tensorsolve_shape", lambda: L.tensorsolve(e(2, 3, 6), e(2, 4)))
err("tril_indices_negative_row", lambda: torch.tril_indices(-1, 4))
err("hann_window_negative", lambda: torch.hann_window(-1))
err("kaiser_window_negative", lambda: torch.kaiser_window(-2))
err("diagonal_scatter_size", lambda: torch.diagonal_scatter(torch.zeros(3, 4), e(2), 1))
err("addmv_size", lambda: torch.addmv(e(2), e(2, 3), e(4)))
err("addmv_input_size", lambda: torch.addmv(e(3), e(2, 3), e(3)))
err("addmv_inplace_shape", lambda: e(1).addmv_(e(2, 3), e(3)))
err("addr_2d_vec", lambda: torch.addr(e(2, 3), e(2, 1), e(3)))
err("addbmm_batches", lambda: torch.addbmm(e(2, 3), e(2, 2, 4), e(3, 4, 3)))
err("addbmm_sizes", lambda: torch.addbmm(e(2, 3), e(2, 2, 4), e(2, 5, 3)))
sing2 = torch.tensor([[1.0, 2.0], [2.0, 4.0]])
err("lu_factor_singular", lambda: L.lu_factor(sing2))
err("lu_factor_singular_batched", lambda: L.lu_factor(torch.stack([torch.eye(2), torch.zeros(2, 2)])))
err("lu_factor_1d", lambda: L.lu_factor(e(3)))
err("lu_factor_int", lambda: L.lu_factor(torch.ones(2, 2, dtype=torch.long)))
err("solve_triangular_1d_b", lambda: L.solve_triangular(torch.eye(2), e(2), upper=True))
err("solve_triangular_shapes", lambda: L.solve_triangular(torch.eye(2), e(3, 1), upper=True))
err("solve_triangular_rect", lambda: L.solve_triangular(e(2, 3), e(2, 1), upper=True))
err("cholesky_ex_check", lambda: L.cholesky_ex(torch.tensor([[1.0, 2], [2, 1]]), check_errors=True))
err("inv_ex_check", lambda: L.inv_ex(sing2, check_errors=True))
err("matrix_exp_rect", lambda: L.matrix_exp(e(2, 3)))
err("matrix_exp_int", lambda: torch.matrix_exp(torch.ones(2, 2, dtype=torch.long)))
err("householder_product_wide", lambda: L.householder_product(e(2, 3), e(2)))
err("householder_product_tau", lambda: L.householder_product(e(3, 2), e(3)))
err("householder_product_1d", lambda: L.householder_product(e(3), e(3)))
err("lu_solve_shapes", lambda: L.lu_solve(torch.eye(2), torch.tensor([1, 2], dtype=torch.int32), e(3, 1)))
err("lu_unpack_pivots", lambda: torch.lu_unpack(torch.eye(2), torch.tensor([1, 3], dtype=torch.int32)))
err("cholesky_solve_sizes", lambda: torch.cholesky_solve(e(3, 1), torch.eye(2)))
err("cholesky_inverse_1d", lambda: torch.cholesky_inverse(e(3)))
err("solve_singular_linalg_error", lambda: L.solve(sing2, e(2)))
err("inverse_singular_linalg_error", lambda: torch.inverse(sing2))

out = {"torch_version": torch.__version__, "cases": cases, "errors": errors}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "linalg-more.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(f"wrote {len(cases)} cases and {len(errors)} errors to {os.path.normpath(path)}")
