#!/usr/bin/env python3
"""Golden data for Flint's PyTorch-compatible CPU random generator.

Run with the system interpreter (Debian python3-torch 1.13, CPU capability AVX2):
    /usr/bin/python3 tools/golden/gen_random.py
Writes tests/golden/random.json.

Every tensor is stored as raw IEEE bit patterns (hex strings) so that the C# tests can
compare bit for bit.  Tensors with more than 200 elements store the first and last 50
elements, the SHA-256 of all their little-endian bytes and their float64 sum.
"""
import hashlib
import json
import os
import struct

import torch

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "random.json"))

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64}


def bits(t):
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        return ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist()]
    if t.dtype == torch.float64:
        return ["%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.tolist()]
    if t.dtype == torch.int64:
        return ["%d" % v for v in t.tolist()]
    raise ValueError(t.dtype)


def encode(t):
    t = t.contiguous().reshape(-1)
    out = {"dtype": str(t.dtype).replace("torch.", ""), "numel": t.numel()}
    if t.numel() <= 200:
        out["bits"] = bits(t)
    else:
        out["head"] = bits(t[:50])
        out["tail"] = bits(t[-50:])
        out["sha256"] = hashlib.sha256(t.numpy().tobytes()).hexdigest()
        out["sum"] = float(t.double().sum())
    return out


def run_op(op):
    kind = op["op"]
    if kind == "randn":
        return torch.randn(*op["shape"], dtype=DTYPES[op["dtype"]])
    if kind == "rand":
        return torch.rand(*op["shape"], dtype=DTYPES[op["dtype"]])
    if kind == "randint":
        return torch.randint(op["low"], op["high"], tuple(op["shape"]))
    if kind == "normal_":
        return torch.empty(*op["shape"], dtype=DTYPES[op["dtype"]]).normal_(op["mean"], op["std"])
    if kind == "uniform_":
        return torch.empty(*op["shape"], dtype=DTYPES[op["dtype"]]).uniform_(op["from"], op["to"])
    if kind == "randperm":
        return torch.randperm(op["n"])
    if kind == "bernoulli_":
        return torch.empty(*op["shape"], dtype=DTYPES[op["dtype"]]).bernoulli_(op["p"])
    if kind == "get_state":
        return None
    raise ValueError(kind)


def run_case(name, seed, ops):
    torch.manual_seed(seed)
    results = []
    for op in ops:
        if op["op"] == "get_state":
            st = torch.get_rng_state()
            results.append({"state": bytes(st.tolist()).hex()})
        else:
            results.append(encode(run_op(op)))
    return {"name": name, "seed": seed, "ops": ops, "results": results}


def cpu_capability():
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


def main():
    cases = []
    seeds = [0, 1, 42, 12345]
    for seed in seeds:
        for n in [1, 7, 15, 16, 17, 33, 64 * 1000]:
            cases.append(run_case(f"randn_f32_{n}_seed{seed}", seed, [{"op": "randn", "dtype": "float32", "shape": [n]}]))
        for n in [5, 16, 100]:
            cases.append(run_case(f"randn_f64_{n}_seed{seed}", seed, [{"op": "randn", "dtype": "float64", "shape": [n]}]))
        for dt in ["float32", "float64"]:
            for n in [10, 1000]:
                cases.append(run_case(f"rand_{dt}_{n}_seed{seed}", seed, [{"op": "rand", "dtype": dt, "shape": [n]}]))
        cases.append(run_case(f"randint_0_10_seed{seed}", seed, [{"op": "randint", "low": 0, "high": 10, "shape": [20]}]))
        cases.append(run_case(f"randint_m5_1e6_seed{seed}", seed, [{"op": "randint", "low": -5, "high": 1000000, "shape": [10]}]))
        cases.append(run_case(f"sequence_seed{seed}", seed, [
            {"op": "randn", "dtype": "float32", "shape": [3, 4]},
            {"op": "randn", "dtype": "float32", "shape": [5]},
            {"op": "rand", "dtype": "float32", "shape": [2]},
        ]))
        for n in [5, 100]:
            cases.append(run_case(f"normal_2_3_f32_{n}_seed{seed}", seed, [{"op": "normal_", "dtype": "float32", "shape": [n], "mean": 2.0, "std": 3.0}]))
            cases.append(run_case(f"uniform_m05_05_f32_{n}_seed{seed}", seed, [{"op": "uniform_", "dtype": "float32", "shape": [n], "from": -0.5, "to": 0.5}]))

    # Extra coverage: rounding-sensitive affine transforms (FMA contraction in PyTorch's AVX2 kernels),
    # odd sizes, the cached second Box-Muller sample, 64-bit randint ranges, randperm, bernoulli, state.
    extra = [
        ("normal_f32_m03_s07_1000", 7, [{"op": "normal_", "dtype": "float32", "shape": [1000], "mean": -0.3, "std": 0.7}]),
        ("normal_f32_m03_s07_15", 7, [{"op": "normal_", "dtype": "float32", "shape": [15], "mean": -0.3, "std": 0.7}]),
        ("normal_f64_m03_s07_1000", 7, [{"op": "normal_", "dtype": "float64", "shape": [1000], "mean": -0.3, "std": 0.7}]),
        ("normal_f64_m03_s07_15", 7, [{"op": "normal_", "dtype": "float64", "shape": [15], "mean": -0.3, "std": 0.7}]),
        ("uniform_f32_m03_07_1000", 7, [{"op": "uniform_", "dtype": "float32", "shape": [1000], "from": -0.3, "to": 0.7}]),
        ("uniform_f64_m03_07_1000", 7, [{"op": "uniform_", "dtype": "float64", "shape": [1000], "from": -0.3, "to": 0.7}]),
        ("uniform_f64_m037_113_1000", 7, [{"op": "uniform_", "dtype": "float64", "shape": [1000], "from": -0.37, "to": 1.13}]),
        ("uniform_f32_m037_113_1000", 7, [{"op": "uniform_", "dtype": "float32", "shape": [1000], "from": -0.37, "to": 1.13}]),
        ("normal_f64_scalar_path_many", 9, [{"op": "normal_", "dtype": "float64", "shape": [15], "mean": 0.0, "std": 1.0}] * 40),
        ("normal_f32_scalar_path_many", 9, [{"op": "normal_", "dtype": "float32", "shape": [9], "mean": 1.5, "std": 0.3}] * 40),
        ("uniform_f32_kaiming_1000", 3, [{"op": "uniform_", "dtype": "float32", "shape": [1000], "from": -0.03162277660168379, "to": 0.03162277660168379}]),
        ("randn_f32_odd_sizes", 3, [{"op": "randn", "dtype": "float32", "shape": [n]} for n in [31, 47, 100, 1001]]),
        ("randn_f64_odd_sizes", 3, [{"op": "randn", "dtype": "float64", "shape": [n]} for n in [17, 31, 1001]]),
        ("randn_cached_normal", 5, [
            {"op": "randn", "dtype": "float32", "shape": [1]},
            {"op": "randn", "dtype": "float32", "shape": [1]},
            {"op": "randn", "dtype": "float64", "shape": [3]},
            {"op": "randn", "dtype": "float32", "shape": [20]},
            {"op": "randn", "dtype": "float64", "shape": [1]},
            {"op": "get_state"},
        ]),
        ("randint_large_range", 11, [
            {"op": "randint", "low": 0, "high": 2 ** 40, "shape": [10]},
            {"op": "randint", "low": -(2 ** 62), "high": 2 ** 62, "shape": [10]},
            {"op": "randint", "low": 0, "high": 2 ** 32, "shape": [10]},
            {"op": "randint", "low": 0, "high": 2 ** 32 - 1, "shape": [10]},
        ]),
        ("randperm", 13, [{"op": "randperm", "n": n} for n in [1, 2, 10, 100, 1000, 100000]]),
        ("bernoulli", 17, [
            {"op": "bernoulli_", "dtype": "float32", "shape": [100], "p": 0.5},
            {"op": "bernoulli_", "dtype": "float32", "shape": [100], "p": 0.8},
            {"op": "bernoulli_", "dtype": "float64", "shape": [50], "p": 0.1},
        ]),
        ("state_after_seed", 0, [{"op": "get_state"}]),
        ("state_after_draws", 123, [
            {"op": "randn", "dtype": "float32", "shape": [1000]},
            {"op": "randn", "dtype": "float64", "shape": [3]},
            {"op": "get_state"},
        ]),
        ("seed_high_bits", 2 ** 32 + 5, [{"op": "randn", "dtype": "float32", "shape": [20]}, {"op": "get_state"}]),
    ]
    for name, seed, ops in extra:
        cases.append(run_case(name, seed, ops))

    # The "Learning PyTorch with Examples" tutorial setup.
    torch.manual_seed(0)
    tut = {}
    for nm, shape in [("x", (64, 1000)), ("y", (64, 10)), ("w1", (1000, 100)), ("w2", (100, 10))]:
        t = torch.randn(*shape).reshape(-1)
        tut[nm] = {"shape": list(shape), "sum": float(t.double().sum()), "first10": bits(t[:10]), "last10": bits(t[-10:]),
                   "sha256": hashlib.sha256(t.numpy().tobytes()).hexdigest()}

    doc = {
        "generator": f"tools/golden/gen_random.py, torch {torch.__version__}, cpu capability "
                     f"{cpu_capability()}",
        "cases": cases,
        "tutorial": tut,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(doc, fh, indent=1)
    print("wrote", OUT, len(cases), "cases")


if __name__ == "__main__":
    main()
