#!/usr/bin/python3
"""Generates tests/golden/ops-ldl.json with PyTorch 1.13: torch.linalg.ldl_factor, ldl_factor_ex and ldl_solve on real
symmetric matrices (definite and indefinite, zero diagonals that force 2x2 pivots, a non-symmetric input of which only
the lower triangle is read, batches, float32 and float64, singular matrices for ldl_factor_ex's info) and PyTorch's
error messages. (1.13's ldl_factor on a singular matrix fails an internal assert instead of a LinAlgError, so that
case is not recorded.) Run with /usr/bin/python3.
"""
import json
import os

import torch

from golden_common import enc_arg as enc  # noqa: E402

L = torch.linalg
cases = []


def case(op, fn, *args):
    c = {"op": op, "args": [enc(a) for a in args]}
    try:
        r = fn(*[a.clone() if isinstance(a, torch.Tensor) else a for a in args])
        c["out"] = enc(list(r) if isinstance(r, tuple) else r)
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        c["error"] = str(e).split("\n")[0]
    cases.append(c)


g = torch.Generator().manual_seed(15)


def sym(n, *batch, dtype=torch.float64, zero_diag=False, scale_diag=1.0):
    a = torch.randn(*batch, n, n, generator=g, dtype=torch.float64)
    a = a + a.transpose(-1, -2)
    if zero_diag:
        a = a - torch.diag_embed(torch.diagonal(a, dim1=-2, dim2=-1))
    else:
        a = a + torch.diag_embed(torch.diagonal(a, dim1=-2, dim2=-1)) * (scale_diag - 1)
    return a.to(dtype)


mats = [sym(1), sym(2), sym(3), sym(4), sym(5), sym(6), sym(8), sym(12),
        sym(4, zero_diag=True), sym(5, zero_diag=True), sym(7, zero_diag=True), sym(6, scale_diag=0.05),
        sym(5) + 10 * torch.eye(5, dtype=torch.float64),  # positive definite
        torch.tensor([[1.0, 2.0], [2.0, 1.0]], dtype=torch.float64), torch.tensor([[0.0, 1.0, 2.0], [1.0, 0.0, 3.0], [2.0, 3.0, 0.0]], dtype=torch.float64),
        sym(4, 2, 3), sym(3, 2, zero_diag=True), sym(5, dtype=torch.float32), sym(6, 2, dtype=torch.float32, zero_diag=True)]
for a in mats:
    case("linalg_ldl_factor", lambda t: L.ldl_factor(t), a)
    case("linalg_ldl_factor_ex", lambda t: L.ldl_factor_ex(t), a)
    n = a.shape[-1]
    b = torch.randn(*a.shape[:-2], n, 3, generator=g, dtype=torch.float64).to(a.dtype)
    ld, piv = L.ldl_factor(a)
    case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld, piv, b)
# only the lower triangle is read
a = torch.randn(5, 5, generator=g, dtype=torch.float64)
case("linalg_ldl_factor", lambda t: L.ldl_factor(t), a)
case("linalg_ldl_factor", lambda t: L.ldl_factor(t, hermitian=True), sym(4))
# singular: info, no error from the _ex form; check_errors raises (1.13: an internal assert, not recorded)
case("linalg_ldl_factor_ex", lambda t: L.ldl_factor_ex(t), torch.zeros(3, 3, dtype=torch.float64))
case("linalg_ldl_factor_ex", lambda t: L.ldl_factor_ex(t), torch.tensor([[4.0, 1, 2], [1, -3, 0.5], [2, 0.5, 1]], dtype=torch.float64))
case("linalg_ldl_factor_ex", lambda t: L.ldl_factor_ex(t), torch.stack([sym(3), torch.zeros(3, 3, dtype=torch.float64)]))
# broadcasting of B against LD's batch
a = sym(4, 2)
ld, piv = L.ldl_factor(a)
# (1.13 crashes when B has more batch dims than a batched LD, e.g. B [3, 2, 4, 2] with LD [2, 4, 4]: not recorded.)
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld, piv, torch.randn(2, 4, 2, generator=g, dtype=torch.float64))
ld1, piv1 = L.ldl_factor(sym(4))
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1, piv1, torch.randn(2, 4, 1, generator=g, dtype=torch.float64))
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1, piv1.long(), torch.randn(4, 2, generator=g, dtype=torch.float64))
# errors
case("linalg_ldl_factor", lambda t: L.ldl_factor(t), torch.zeros(2, 3))
case("linalg_ldl_factor", lambda t: L.ldl_factor(t), torch.zeros(3))
case("linalg_ldl_factor", lambda t: L.ldl_factor(t), torch.zeros(2, 2, dtype=torch.int64))
case("linalg_ldl_factor", lambda t: L.ldl_factor(t), torch.zeros(2, 2, dtype=torch.float16))
B = torch.ones(4, 2, dtype=torch.float64)
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1, piv1.double(), B)
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1, piv1[:2], B)
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1, piv1, torch.ones(3, 2, dtype=torch.float64))
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1[:3], piv1, B)
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1, piv1, B.float())
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1, piv1, torch.ones(4, dtype=torch.float64))
case("linalg_ldl_solve", lambda l, p, r: L.ldl_solve(l, p, r), ld1.half(), piv1, B.half())

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops-ldl.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
print(f"ops-ldl.json: {len(cases)} cases")
