#!/usr/bin/python3
"""Generates tests/golden/linalg_qr.json: PyTorch 1.13's geqrf, ormqr, orgqr, svd_lowrank and pca_lowrank on the CPU.

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_linalg_qr.py
Each case stores its inputs and PyTorch's outputs (a list, in the order PyTorch returns them);
tests/Flint.Tests/Linalg/LinalgQrGoldenSuite.cs maps the case name to Flint's call. Low-rank cases also store the seed
given to torch.manual_seed right before the call (the random test matrix is drawn from the default generator) and,
as a last output, U diag(S) Vᵀ. Errors store PyTorch's message (first line).
"""
import json
import os
import warnings

import torch

from golden_common import enc, expect_error

warnings.simplefilter("ignore")


gen = torch.Generator().manual_seed(20261206)


def randn(*shape, dtype=torch.float64):
    return torch.randn(*shape, generator=gen, dtype=torch.float64).to(dtype)


cases = {}
errors = {}


def case(name, inputs, outputs, seed=None):
    if isinstance(outputs, torch.Tensor):
        outputs = [outputs]
    if name in cases:
        raise SystemExit(f"duplicate case {name}")
    c = {"inputs": [enc(x) for x in inputs], "outputs": [enc(v) for v in outputs]}
    if seed is not None:
        c["seed"] = seed
    cases[name] = c


def err(name, f):
    expect_error(errors, name, f)


F32, F64 = torch.float32, torch.float64

# ---- geqrf (and orgqr of its result)
for shape, tag in (((4, 4), "square"), ((5, 3), "tall"), ((3, 5), "wide"), ((2, 3, 4, 3), "batched"), ((1, 1), "1x1")):
    for dt, dtag in ((F64, "f64"), (F32, "f32")):
        a = randn(*shape, dtype=dt)
        case(f"geqrf_{tag}_{dtag}", [a], list(torch.geqrf(a)))
a = randn(4, 3)
a[1:, 0] = 0  # a column already reduced: tau = 0
case("geqrf_zero_tau", [a], list(torch.geqrf(a)))
a = torch.zeros(3, 2, dtype=F64)
case("geqrf_zeros", [a], list(torch.geqrf(a)))
a = randn(2, 0, 3)
case("geqrf_empty", [a], list(torch.geqrf(a)))
a = randn(4, 3).mT  # a non-contiguous input
case("geqrf_transposed", [a], list(torch.geqrf(a)))
for shape, tag in (((5, 3), "tall"), ((2, 4, 4), "batched")):
    a = randn(*shape)
    g, t = torch.geqrf(a)
    case(f"orgqr_{tag}", [g, t], torch.orgqr(g, t))

# ---- ormqr: all four sides, square/tall/wide reflector sets, batched, fewer reflectors than columns
for shape, k, tag in (((4, 4), 4, "square"), ((5, 3), 3, "tall"), ((4, 6), 4, "wide"), ((5, 3), 2, "k2")):
    g, t = torch.geqrf(randn(*shape))
    t = t[:k]
    mn = shape[0]
    for left in (True, False):
        for tr in (False, True):
            c = randn(mn, 2) if left else randn(3, mn)
            name = f"ormqr_{tag}_{'left' if left else 'right'}{'_T' if tr else ''}"
            case(name, [g, t, c], torch.ormqr(g, t, c, left=left, transpose=tr))
g, t = torch.geqrf(randn(2, 3, 4, 3, dtype=F32))
c = randn(2, 3, 4, 5, dtype=F32)
case("ormqr_batched_f32", [g, t, c], torch.ormqr(g, t, c))
case("ormqr_batched_f32_T", [g, t, c], torch.ormqr(g, t, c, transpose=True))
c = randn(2, 3, 2, 4, dtype=F32)
case("ormqr_batched_f32_right", [g, t, c], torch.ormqr(g, t, c, left=False))
g, t = torch.geqrf(randn(4, 3))
c = randn(2, 4).mT  # non-contiguous other
case("ormqr_transposed_other", [g, t, c], torch.ormqr(g, t, c))
g, t = torch.geqrf(randn(2, 0, 0))
case("ormqr_empty", [g, t, randn(2, 0, 3)], torch.ormqr(g, t, randn(2, 0, 3)))

# ---- svd_lowrank / pca_lowrank: the seed goes to torch.manual_seed just before the call


def lowrank_case(name, inputs, seed, f):
    torch.manual_seed(seed)
    u, s, v = f(*inputs)
    case(name, inputs, [u, s, v, u @ torch.diag_embed(s) @ v.mT], seed=seed)


def lowrank(m, n, r, dtype=F64, batch=()):
    b, c = randn(*batch, m, r), randn(*batch, r, n)
    return (b @ c + 1e-3 * randn(*batch, m, n)).to(dtype)


lowrank_case("svd_lowrank_tall", [randn(8, 5)], 11, lambda a: torch.svd_lowrank(a, q=4))
lowrank_case("svd_lowrank_wide", [randn(5, 8)], 12, lambda a: torch.svd_lowrank(a, q=3))
lowrank_case("svd_lowrank_tall_q_eq_n", [randn(10, 4)], 13, lambda a: torch.svd_lowrank(a, q=4))
lowrank_case("svd_lowrank_default_q", [lowrank(9, 7, 3)], 14, lambda a: torch.svd_lowrank(a))
lowrank_case("svd_lowrank_niter0", [randn(7, 6)], 15, lambda a: torch.svd_lowrank(a, q=3, niter=0))
lowrank_case("svd_lowrank_niter4", [lowrank(6, 9, 2)], 16, lambda a: torch.svd_lowrank(a, q=4, niter=4))
lowrank_case("svd_lowrank_batched_f32", [lowrank(6, 5, 2, F32, (2,))], 17, lambda a: torch.svd_lowrank(a, q=3))
lowrank_case("svd_lowrank_M_tall", [randn(6, 4), randn(6, 4)], 18, lambda a, m: torch.svd_lowrank(a, q=4, M=m))
lowrank_case("svd_lowrank_M_wide", [randn(4, 7), randn(4, 7)], 19, lambda a, m: torch.svd_lowrank(a, q=3, M=m))
lowrank_case("pca_lowrank_default", [lowrank(10, 5, 2)], 21, lambda a: torch.pca_lowrank(a))
lowrank_case("pca_lowrank_q3", [randn(12, 8)], 22, lambda a: torch.pca_lowrank(a, q=3))
lowrank_case("pca_lowrank_no_center", [randn(6, 9)], 23, lambda a: torch.pca_lowrank(a, q=2, center=False))
lowrank_case("pca_lowrank_batched_f32", [lowrank(7, 4, 2, F32, (3,))], 24, lambda a: torch.pca_lowrank(a, q=2, niter=1))


def e(*s, dtype=F32):
    return torch.ones(*s, dtype=dtype)


err("geqrf_1d", lambda: torch.geqrf(e(3)))
err("geqrf_long", lambda: torch.geqrf(e(3, 3, dtype=torch.long)))
err("geqrf_half", lambda: torch.geqrf(e(3, 3, dtype=torch.half)))
err("geqrf_backward", lambda: torch.geqrf(torch.ones(3, 2, requires_grad=True))[0].sum().backward())
err("geqrf_tau_backward", lambda: torch.geqrf(torch.ones(3, 2, requires_grad=True))[1].sum().backward())
err("ormqr_input_1d", lambda: torch.ormqr(e(3), e(3), e(3, 3)))
err("ormqr_other_1d", lambda: torch.ormqr(e(3, 3), e(3), e(3)))
err("ormqr_other_rows_lt_tau", lambda: torch.ormqr(e(3, 3), e(3), e(2, 3)))
err("ormqr_other_cols_lt_tau", lambda: torch.ormqr(e(3, 3), e(3), e(3, 2), left=False))
err("ormqr_other_rows_ne_input", lambda: torch.ormqr(e(4, 3), e(3), e(5, 2)))
err("ormqr_other_cols_ne_input", lambda: torch.ormqr(e(4, 3), e(3), e(2, 3), left=False))
err("ormqr_tau_gt_input_cols", lambda: torch.ormqr(e(4, 3), e(4), e(4, 2)))
err("ormqr_tau_0d", lambda: torch.ormqr(e(3, 3), torch.tensor(1.0), e(3, 3)))
err("ormqr_tau_ndim", lambda: torch.ormqr(e(4, 3), e(2, 3), e(4, 2)))
err("ormqr_other_ndim", lambda: torch.ormqr(e(4, 3), e(3), e(2, 4, 2)))
err("ormqr_tau_batch", lambda: torch.ormqr(e(2, 4, 3), e(3, 3), e(2, 4, 2)))
err("ormqr_other_batch", lambda: torch.ormqr(e(2, 4, 3), e(2, 3), e(3, 4, 2)))
err("ormqr_tau_dtype", lambda: torch.ormqr(e(4, 3), e(3, dtype=F64), e(4, 2)))
err("ormqr_other_dtype", lambda: torch.ormqr(e(4, 3), e(3), e(4, 2, dtype=F64)))
err("ormqr_long", lambda: torch.ormqr(e(4, 3, dtype=torch.long), e(3, dtype=torch.long), e(4, 2, dtype=torch.long)))
err("ormqr_half", lambda: torch.ormqr(e(4, 3, dtype=torch.half), e(3, dtype=torch.half), e(4, 2, dtype=torch.half)))
err("ormqr_backward", lambda: torch.ormqr(*torch.geqrf(randn(4, 3)), torch.ones(4, 2, dtype=F64, requires_grad=True)).sum().backward())
err("svd_lowrank_1d", lambda: torch.svd_lowrank(e(5)))
err("svd_lowrank_q_too_big", lambda: torch.svd_lowrank(randn(5, 3), q=4))
err("svd_lowrank_default_q_small", lambda: torch.svd_lowrank(randn(4, 8)))
err("pca_lowrank_q_too_big", lambda: torch.pca_lowrank(randn(5, 4), q=5))
err("pca_lowrank_q_negative", lambda: torch.pca_lowrank(randn(5, 4), q=-1))
err("pca_lowrank_niter_negative", lambda: torch.pca_lowrank(randn(5, 4), niter=-1))
err("pca_lowrank_1d", lambda: torch.pca_lowrank(e(5)))
err("pca_lowrank_long", lambda: torch.pca_lowrank(e(5, 3, dtype=torch.long), q=2))

out = {"torch_version": torch.__version__, "cases": cases, "errors": errors}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "linalg_qr.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(f"wrote {len(cases)} cases and {len(errors)} errors to {os.path.normpath(path)}")
