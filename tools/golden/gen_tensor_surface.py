#!/usr/bin/env python3
"""Golden data for the Tensor methods added for TorchSharp's spelling (issue 15, item 6): the random in-place fills
and draws (values for a seeded torch.Generator), the in-place comparisons (their result dtype) and Tensor.unfold.

Run with the system interpreter (Debian python3-torch 1.13, CPU capability AVX2):
    /usr/bin/python3 tools/golden/gen_tensor_surface.py
Writes tests/golden/tensor-surface.json. Values are exact: float64 through repr, float32 widened to float64.
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_common import enc, DTYPES  # noqa: E402

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "tensor-surface.json"))


def gen(seed):
    return torch.Generator().manual_seed(seed)


random_cases = []


def rcase(name, dtype, n, op, args, seed=11, p=None):
    """op applied in place to torch.zeros(n, dtype) with a seeded generator (p: the probability/rate/count tensor)."""
    g = gen(seed)
    x = torch.zeros(n, dtype=DTYPES[dtype])
    if op == "uniform_":
        x.uniform_(*args, generator=g)
    elif op == "normal_":
        x.normal_(*args, generator=g)
    elif op == "exponential_":
        x.exponential_(*args, generator=g)
    elif op == "cauchy_":
        x.cauchy_(*args, generator=g)
    elif op == "log_normal_":
        x.log_normal_(*args, generator=g)
    elif op == "geometric_":
        x.geometric_(*args, generator=g)
    elif op == "random_":
        x.random_(*args, generator=g)
    elif op == "bernoulli_":
        x.bernoulli_(*args, generator=g)
    elif op == "bernoulli_tensor":
        x.bernoulli_(p, generator=g)
    elif op == "bernoulli":
        x = torch.bernoulli(p, generator=g)
    elif op == "poisson":
        x = torch.poisson(p, generator=g)
    elif op == "binomial":
        x = torch.binomial(p[0], p[1], generator=g)
    else:
        raise ValueError(op)
    c = {"name": name, "op": op, "dtype": dtype, "n": n, "args": list(args), "seed": seed, "out": enc(x)}
    if p is not None:
        c["p"] = [enc(t) for t in p] if isinstance(p, tuple) else enc(p)
    random_cases.append(c)


for dt in ("float32", "float64"):
    rcase(f"uniform_{dt}", dt, 40, "uniform_", [-2.0, 3.0])
    rcase(f"normal_small_{dt}", dt, 10, "normal_", [1.0, 2.0])
    rcase(f"normal_{dt}", dt, 40, "normal_", [1.0, 2.0])
    rcase(f"exponential_{dt}", dt, 30, "exponential_", [1.5])
    rcase(f"cauchy_{dt}", dt, 30, "cauchy_", [0.5, 2.0])
    rcase(f"log_normal_{dt}", dt, 30, "log_normal_", [0.5, 0.7])
    rcase(f"geometric_{dt}", dt, 30, "geometric_", [0.3])
    rcase(f"bernoulli_scalar_{dt}", dt, 30, "bernoulli_", [0.3])
rcase("geometric_int64", "int64", 30, "geometric_", [0.2])
rcase("bernoulli_scalar_int64", "int64", 30, "bernoulli_", [0.6])
for dt, a in (("int64", [3, 17]), ("int32", [-4, 9]), ("float32", [-5, 5]), ("float64", [0, 2 ** 40]), ("uint8", [0, 200]), ("int64", [-(2 ** 35), 2 ** 35])):
    rcase(f"random_from_to_{dt}_{a[0]}_{a[1]}", dt, 30, "random_", a)
rcase("random_to_int64", "int64", 30, "random_", [10])
for dt in ("int64", "int32", "int16", "int8", "uint8", "bool", "float32", "float64"):
    rcase(f"random_full_{dt}", dt, 30, "random_", [])
probs = torch.tensor([0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0] * 4)
for pdt in ("float32", "float64"):
    rcase(f"bernoulli_tensor_p_{pdt}", "float32", probs.numel(), "bernoulli_tensor", [], p=probs.to(DTYPES[pdt]))
    rcase(f"bernoulli_method_{pdt}", pdt, probs.numel(), "bernoulli", [], p=probs.to(DTYPES[pdt]))
rates = torch.tensor([0.0, 0.5, 3.0, 9.9, 10.0, 12.0, 100.0, 1000.0] * 3)
for dt in ("float32", "float64"):
    rcase(f"poisson_{dt}", dt, rates.numel(), "poisson", [], p=rates.to(DTYPES[dt]))
counts = torch.tensor([0.0, 5.0, 10.0, 20.0, 100.0, 1000.0]).repeat_interleave(7)
bprobs = torch.tensor([0.0, 0.05, 0.3, 0.5, 0.7, 0.95, 1.0]).repeat(6)
for dt in ("float64", "float32"):
    rcase(f"binomial_{dt}", dt, counts.numel(), "binomial", [], p=(counts.to(DTYPES[dt]), bprobs.to(DTYPES[dt])))

compare_cases = []


def ccase(name, x, op, other):
    y = x.clone()
    getattr(y, op)(other)
    compare_cases.append({"name": name, "op": op, "self": enc(x),
                          "other": enc(other) if isinstance(other, torch.Tensor) else float(other),
                          "out": enc(y)})


ccase("eq_int_by_float", torch.tensor([1, 2, 3]), "eq_", torch.tensor([1.5, 2.0, 3.0]))
ccase("lt_float_scalar", torch.tensor([0.25, 0.5, 0.75]), "lt_", 0.5)
ccase("ge_bool_bool", torch.tensor([True, False, True]), "ge_", torch.tensor([False, True, True]))
ccase("ne_float64_row", torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64), "ne_", torch.tensor([1.0, 4.0]))
ccase("gt_uint8_scalar", torch.tensor([0, 5, 200], dtype=torch.uint8), "gt_", 4)
ccase("le_int32_int64", torch.tensor([1, 5, 9], dtype=torch.int32), "le_", torch.tensor([5, 5, 5]))
ccase("not_equal_float16", torch.tensor([1.0, 2.0], dtype=torch.float16), "not_equal_", 2.0)
ccase("less_equal_bfloat16", torch.tensor([1.0, 2.0, 3.0], dtype=torch.bfloat16), "less_equal_", 2.0)

unfold_cases = []


def ucase(name, x, dim, size, step):
    y = x.unfold(dim, size, step)
    unfold_cases.append({"name": name, "input": enc(x), "dim": dim, "size": size, "step": step,
                         "out": enc(y), "stride": list(y.stride())})


base = torch.arange(24.0).reshape(2, 3, 4)
ucase("last_dim_step1", base, 2, 2, 1)
ucase("middle_dim_step2", base, 1, 2, 2)
ucase("first_dim_size1", base, 0, 1, 1)
ucase("negative_dim", base, -1, 3, 2)
ucase("scalar", torch.tensor(5.0), 0, 1, 1)
ucase("size_equals_length", torch.arange(6.0), 0, 6, 3)
ucase("transposed_input", base.transpose(0, 2), 1, 2, 1)

with open(OUT, "w") as f:
    json.dump({"random": random_cases, "compare": compare_cases, "unfold": unfold_cases}, f, indent=1)
print("wrote", OUT, len(random_cases), len(compare_cases), len(unfold_cases))
