#!/usr/bin/python3
"""Generates tests/golden/ops-cephes.json with PyTorch 1.13: torch.special's Airy and Bessel functions (airy_ai,
bessel_j0/j1/y0/y1, modified_bessel_k0/k1, scaled_modified_bessel_k0/k1) over wide ranges including large arguments,
negatives, zero, inf and NaN, and its orthogonal polynomials (chebyshev_polynomial_t/u/v/w, shifted_chebyshev_polynomial_*,
hermite_polynomial_h/he, laguerre_polynomial_l, legendre_polynomial_p) with a degree tensor n broadcast against x
(negative, fractional, NaN/inf and large n, |x| > 1). Also the dtype rules (integers promote, float16/bfloat16 refused).

Cases use gen_ops.py's format; the encoders come from golden_common.py. Run with /usr/bin/python3 (Debian's python3-torch 1.13).
"""
import json
import math
import os

import torch

from golden_common import enc_arg as enc  # noqa: E402

nan, inf = math.nan, math.inf
S = torch.special
cases = []


def case(op, fn, *args):
    c = {"op": op, "args": [enc(a) for a in args]}
    try:
        c["out"] = enc(fn(*[a.clone() if isinstance(a, torch.Tensor) else a for a in args]))
    except (RuntimeError, IndexError, ValueError, TypeError) as e:
        c["error"] = str(e).split("\n")[0]
    cases.append(c)


WIDE = [-1e3, -200.0, -50.0, -10.5, -5.0, -4.99, -2.5, -2.09, -2.08, -1.0, -0.1, -1e-6, -0.0, 0.0, 1e-6, 1e-5, 0.1, 0.5, 1.0,
        1.9, 2.0, 2.01, 2.09, 3.0, 4.99, 5.0, 5.01, 7.5, 8.0, 8.3, 8.5, 10.0, 20.0, 30.0, 50.0, 103.0, 104.0, 200.0, 700.0,
        710.0, 1e3, 1e5, 1e10, inf, -inf, nan]
UNARY = ["airy_ai", "bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "modified_bessel_k0", "modified_bessel_k1",
         "scaled_modified_bessel_k0", "scaled_modified_bessel_k1"]
for name in UNARY:
    f = getattr(S, name)
    op = "special_" + name
    case(op, f, torch.tensor(WIDE, dtype=torch.float64))
    case(op, f, torch.tensor(WIDE, dtype=torch.float32))
    case(op, f, torch.linspace(-12, 12, 61, dtype=torch.float64).reshape(61))
    case(op, f, torch.linspace(-12, 12, 41, dtype=torch.float32).reshape(41))
    case(op, f, torch.linspace(0.01, 40, 48, dtype=torch.float64).reshape(6, 8).t())
    case(op, f, torch.tensor([[0, 1, 2], [3, 5, 9]]))
    case(op, f, torch.tensor([True, False]))
    case(op, f, torch.tensor([1.0, 2.0], dtype=torch.float16))
    case(op, f, torch.tensor([1.0, 2.0], dtype=torch.bfloat16))

XS = [-3.0, -1.5, -1.0, -0.999, -0.7, -0.3, -0.0, 0.0, 0.2, 0.5, 0.75, 0.9, 1.0, 1.5, 2.0, 10.0, nan, inf, -inf]
NS = [-2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 15.0, 20.0, 50.0, 100.0, 1000.0, 2.7, 0.5, nan, inf, -inf]
POLY = ["chebyshev_polynomial_t", "chebyshev_polynomial_u", "chebyshev_polynomial_v", "chebyshev_polynomial_w",
        "shifted_chebyshev_polynomial_t", "shifted_chebyshev_polynomial_u", "shifted_chebyshev_polynomial_v",
        "shifted_chebyshev_polynomial_w", "hermite_polynomial_h", "hermite_polynomial_he", "laguerre_polynomial_l",
        "legendre_polynomial_p"]
for name in POLY:
    f = getattr(S, name)
    op = "special_" + name
    case(op, f, torch.tensor(XS, dtype=torch.float64).reshape(-1, 1), torch.tensor(NS, dtype=torch.float64))
    xs32 = torch.tensor([-1.5, -1.0, -0.7, -0.3, 0.0, 0.2, 0.5, 0.9, 1.0, 1.5, 2.0, nan], dtype=torch.float32).reshape(-1, 1)
    case(op, f, xs32, torch.tensor([-1.0, 0.0, 1.0, 2.0, 3.0, 5.0, 7.0, 9.0, 12.0, 20.0, 2.5], dtype=torch.float32))
    case(op, f, torch.tensor([0.3, -0.6, 1.2], dtype=torch.float64), torch.tensor([[3], [4], [11]]))
    case(op, f, torch.tensor([[1, 2], [0, 3]]), torch.tensor([2, 3]))
    case(op, f, torch.tensor([0.25, 0.5], dtype=torch.float32), torch.tensor([6.0, 13.0], dtype=torch.float64))
    case(op, f, torch.tensor([0.25, 0.5], dtype=torch.float16), torch.tensor([2, 3]))
    # large degrees: recurrences run to the end (or stop at NaN), closed forms for |x| < 1
    case(op, f, torch.tensor([-0.95, -0.4, 0.1, 0.35, 0.8, 0.999], dtype=torch.float64).reshape(-1, 1), torch.tensor([30.0, 120.0, 511.0, 513.0, 2000.0], dtype=torch.float64))

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden")
with open(os.path.join(root, "ops-cephes.json"), "w") as fh:
    json.dump(cases, fh, separators=(",", ":"))
print(f"ops-cephes.json: {len(cases)} cases")
