#!/usr/bin/env python3
"""Golden data for Flint's NumPy facade (Flint.np / NDArray).

Run with the system interpreter (Debian python3-numpy 1.24):
    /usr/bin/python3 tools/golden/gen_numpy.py
Writes tests/golden/numpy.json.

Floats are stored as IEEE bit patterns (hex) so the C# tests can compare bit for bit; big arrays
store their first/last values and the SHA-256 of their little-endian bytes.
"""
import hashlib
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "numpy.json"))


def hexes(a):
    a = np.ascontiguousarray(a, dtype=np.float64).reshape(-1)
    return ["%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in a.tolist()]


def encode(a):
    """An array as dtype, shape and elements (hex doubles for floats, ints, bools)."""
    a = np.asarray(a)
    out = {"dtype": str(a.dtype), "shape": list(a.shape)}
    flat = a.reshape(-1)
    if a.dtype.kind == "f":
        out["data"] = hexes(flat.astype(np.float64))
    elif a.dtype.kind == "b":
        out["data"] = [bool(v) for v in flat.tolist()]
    else:
        out["data"] = [int(v) for v in flat.tolist()]
    return out


def digest(a):
    a = np.ascontiguousarray(a, dtype=np.float64)
    return {
        "shape": list(a.shape),
        "first": hexes(a.reshape(-1)[:20]),
        "last": hexes(a.reshape(-1)[-20:]),
        "sha256": hashlib.sha256(a.tobytes()).hexdigest(),
    }


def random_cases():
    cases = {}
    np.random.seed(0)
    cases["seed0_randn_3_4"] = hexes(np.random.randn(3, 4))
    # the tutorial's draws, in order, after seed(0)
    np.random.seed(0)
    cases["seed0_small"] = [hexes(np.random.randn(*s)) for s in [(3, 4), (3, 2), (4, 2), (2, 2)]]
    np.random.seed(0)
    cases["seed0_large"] = [digest(np.random.randn(*s)) for s in [(64, 1000), (64, 10), (1000, 100), (100, 10)]]
    # an odd count leaves a cached normal for the next call
    np.random.seed(7)
    cases["seed7_odd"] = [hexes(np.random.randn(3)), hexes(np.random.randn(2))]
    np.random.seed(42)
    cases["seed42_rand_5"] = hexes(np.random.rand(5))
    np.random.seed(4294967295)
    cases["seedmax_randn_4"] = hexes(np.random.randn(4))
    np.random.seed([1, 2, 3])
    cases["seedarray_randn_4"] = hexes(np.random.randn(4))
    rs = np.random.RandomState(5)
    cases["state5_normal"] = hexes(rs.normal(2.0, 3.0, size=(2, 3)))
    cases["state5_uniform"] = hexes(rs.uniform(-1.0, 1.0, size=4))
    return cases


def numpy_net(n, d_in, h, d_out, steps):
    """The specification's NumPy program, seeded."""
    np.random.seed(0)
    x = np.random.randn(n, d_in)
    y = np.random.randn(n, d_out)
    w1 = np.random.randn(d_in, h)
    w2 = np.random.randn(h, d_out)
    learning_rate = 1e-6 if n == 64 else 1e-3
    losses = []
    for t in range(steps):
        hh = x.dot(w1)
        h_relu = np.maximum(hh, 0)
        y_pred = h_relu.dot(w2)
        loss = np.square(y_pred - y).sum()
        losses.append(repr(loss))
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[hh < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        w1 -= learning_rate * grad_w1
        w2 -= learning_rate * grad_w2
    return {"learning_rate": learning_rate, "losses": losses, "w2": hexes(w2)}


def repr_cases():
    rng = np.random.RandomState(1)
    arrays = {
        "randn_3_4": rng.randn(3, 4),
        "randn_2_3_4": rng.randn(2, 3, 4),
        "vector_10": rng.randn(10),
        "wide_row_20": rng.randn(1, 20),
        "big_and_small": np.array([1e-5, 1.0, 123.456, -2.5e-7]),
        "large_values": np.array([1.5e8, -2.0, 3.25]),
        "ratio_over_1000": np.array([0.001, 2.0]),
        "integers_as_floats": np.array([1.0, 2.0, -3.0]),
        "halves": np.array([1.0, 2.5]),
        "tiny_negative": np.array([-1e-300, 5e-324, 1.0]),
        "nan_inf": np.array([np.nan, 1.5, -np.inf, np.inf]),
        "all_nan": np.array([np.nan, np.nan]),
        "zeros": np.zeros((2, 2)),
        "neg_zero": np.array([-0.0, 1.0]),
        "ties": np.array([0.125, 0.5000000050000000, 1.000000005, 2.675]),
        "scalar0d": np.array(2.5),
        "float32": rng.randn(2, 3).astype(np.float32),
        "float32_wrap": rng.randn(3, 7).astype(np.float32),
        "float32_long_dtype_line": (rng.randn(1, 6) * 1000).astype(np.float32),
        "float16": np.array([0.1, 1.5, -2.0], dtype=np.float16),
        "int64": np.array([1, 2, 3]),
        "int64_neg_wide": np.array([[1, -200, 30000], [4, 5, 6]]),
        "int32": np.arange(3, dtype=np.int32),
        "int_many": np.arange(40),
        "int_summarized": np.arange(2000),
        "uint8": np.array([0, 255, 7], dtype=np.uint8),
        "int8": np.array([-128, 5], dtype=np.int8),
        "bool": np.array([True, False, True]),
        "bool_2d": np.array([[True, False], [False, False]]),
        "empty_1d": np.zeros(0),
        "empty_2d": np.zeros((0, 3)),
        "empty_int": np.zeros((2, 0), dtype=np.int64),
        "exp_negative_exponent_3": np.array([1e-100, 1.0]),
        "exp_positive_exponent_3": np.array([1e200, -1.0]),
        "column": rng.randn(4, 1),
    }
    out = []
    for name, a in arrays.items():
        out.append({"name": name, "array": encode(a), "repr": repr(a), "str": str(a)})
    # Big arrays are summarized with "..."; they are described by the seeded draw that makes them
    # (np.random.RandomState(seed).randn(*shape), checked bit for bit by the random cases).
    for name, seed, shape in [("summarized_64_1000", 11, (64, 1000)), ("summarized_2000", 12, (2000,)),
                              ("summarized_3d", 13, (10, 10, 11)), ("summarized_1001", 14, (1001,))]:
        a = np.random.RandomState(seed).randn(*shape)
        out.append({"name": name, "randn": {"seed": seed, "shape": list(shape)}, "repr": repr(a), "str": str(a)})
    return out


def scalar_cases():
    values = [2.864611001842192, 25233694.0, 9.893770038615912e-05, 1e16, 9999999999999998.0, 1e-4, 1e-5,
              0.1, 1.0, -0.0, 0.0, 123456789.125, 1.5e-300, 5e-324, 1.7976931348623157e308, float("nan"),
              float("inf"), -float("inf"), 0.30000000000000004, 2.5]
    small = [v for v in values if not (abs(v) > 3.4e38 and v == v and abs(v) != float("inf"))]
    f64 = [{"bits": hexes(np.array([v]))[0], "repr": repr(np.float64(v))} for v in values]
    f32 = [{"bits": hexes(np.array([np.float32(v)]))[0], "repr": repr(np.float32(v))} for v in small]
    return {"float64": f64, "float32": f32}


def promotion_cases():
    """result dtypes of array (op) scalar/array under NumPy 1.24's rules."""
    out = []
    def add(a, b, label):
        r = a + b
        out.append({"label": label, "a": encode(a), "b": encode(b), "b_python": None, "result": str(np.asarray(r).dtype)})
    def addpy(a, b, label):
        r = a + b
        out.append({"label": label, "a": encode(a), "b": None, "b_python": b if not isinstance(b, bool) else ("true" if b else "false"),
                    "b_kind": type(b).__name__, "result": str(np.asarray(r).dtype)})
    f32 = np.array([1.0, 2.0], dtype=np.float32)
    i8 = np.array([1, 2], dtype=np.int8)
    i32 = np.array([1, 2], dtype=np.int32)
    i64 = np.array([1, 2])
    u8 = np.array([1, 2], dtype=np.uint8)
    f64 = np.array([1.0, 2.0])
    b = np.array([True, False])
    addpy(f32, 2.5, "float32 + float")
    addpy(f32, 3, "float32 + int")
    addpy(f32, 100000, "float32 + large int")
    addpy(i8, 1.5, "int8 + float")
    addpy(i8, 3, "int8 + int")
    addpy(i8, 300, "int8 + int beyond int8")
    addpy(u8, -1, "uint8 + negative int")
    addpy(u8, 200, "uint8 + int")
    addpy(i64, 2.0, "int64 + float")
    addpy(b, 1, "bool + int")
    addpy(b, True, "bool + bool")
    add(f32, f64, "float32 + float64")
    add(i32, f32, "int32 + float32")
    add(i8, f32, "int8 + float32")
    add(i8, u8, "int8 + uint8")
    add(i32, i64, "int32 + int64")
    add(b, i8, "bool + int8")
    add(f32, np.array(2.0), "float32 + 0-d float64")
    add(i8, np.array(2.0), "int8 + 0-d float64")
    add(np.array(2.0, dtype=np.float32), np.array(3.0), "0-d float32 + 0-d float64")
    out.append({"label": "int64 / int", "a": encode(i64), "b": None, "b_python": 2, "b_kind": "int", "op": "div",
                "result": str((i64 / 2).dtype)})
    out.append({"label": "int8 / int8", "a": encode(i8), "b": encode(np.array([2, 2], dtype=np.int8)), "b_python": None, "op": "div",
                "result": str((i8 / np.array([2, 2], dtype=np.int8)).dtype)})
    return out


def error_cases():
    errs = {}
    def catch(name, f):
        try:
            f()
        except Exception as e:  # noqa: BLE001
            errs[name] = {"type": type(e).__name__, "message": str(e)}
            return
        raise AssertionError(name + " did not raise")
    catch("dot_not_aligned", lambda: np.ones((3, 2)).dot(np.ones((3, 4))))
    catch("dot_vector_not_aligned", lambda: np.dot(np.ones((3, 2)), np.ones(3)))
    catch("dot_1d", lambda: np.dot(np.ones(3), np.ones(4)))
    catch("broadcast", lambda: np.ones((2, 3)) + np.ones(4))
    catch("broadcast_3d", lambda: np.ones((2, 3, 4)) * np.ones((3, 5)))
    catch("reshape", lambda: np.ones(12).reshape(5))
    catch("reshape_2d", lambda: np.ones(12).reshape(5, 3))
    catch("axis", lambda: np.ones((2, 3)).sum(axis=2))
    catch("axis_negative", lambda: np.ones((2, 3)).sum(axis=-3))

    def inplace_cast():
        a = np.arange(3)
        a -= 0.5
    catch("inplace_cast", inplace_cast)

    def inplace_broadcast():
        a = np.ones(3)
        a += np.ones((2, 3))
    catch("inplace_broadcast", inplace_broadcast)
    catch("index_out_of_bounds", lambda: np.ones((3, 2))[5])
    catch("index_out_of_bounds_axis1", lambda: np.ones((3, 2))[0, 2])
    catch("too_many_indices", lambda: np.ones(3)[0, 0])
    catch("mask_mismatch", lambda: np.ones(3)[np.array([True, False])])
    catch("max_empty", lambda: np.zeros(0).max())
    catch("size1_conversion", lambda: float(np.ones(2)))
    catch("truth_value", lambda: bool(np.ones(2)))
    catch("seed_negative", lambda: np.random.seed(-1))
    return errs


def op_cases():
    rng = np.random.RandomState(3)
    a = rng.randn(3, 4)
    b = rng.randn(4, 5)
    c = rng.randn(2, 3, 4)
    v = rng.randn(4)
    p = np.abs(rng.randn(3, 4)) + 0.1
    return {
        "a": encode(a), "b": encode(b), "c": encode(c), "v": encode(v), "p": encode(p),
        "a_dot_b": encode(a.dot(b)),
        "a_dot_v": encode(a.dot(v)),
        "v_dot_v": hexes(np.array([v.dot(v)]))[0],
        "c_dot_b": encode(np.dot(c, b)),
        "c_dot_c_T": encode(np.dot(c, c.transpose(0, 2, 1))),
        "a_sum": hexes(np.array([a.sum()]))[0],
        "a_sum_axis0": encode(a.sum(axis=0)),
        "a_sum_axis1_keepdims": encode(a.sum(axis=1, keepdims=True)),
        "c_mean_axis_neg1": encode(c.mean(axis=-1)),
        "a_max": hexes(np.array([a.max()]))[0],
        "a_min_axis0": encode(a.min(axis=0)),
        "exp_a": encode(np.exp(a)),
        "log_p": encode(np.log(p)),
        "sqrt_p": encode(np.sqrt(p)),
        "abs_a": encode(np.abs(a)),
        "maximum_a_0": encode(np.maximum(a, 0)),
        "square_a": encode(np.square(a)),
        "a_plus_v": encode(a + v),
        "a_div_2": encode(a / 2),
        "int_mean": hexes(np.array([np.arange(5).mean()]))[0],
        "int_div": encode(np.arange(5) / 2),
        "sum_repr": repr(a.sum()),
        "int_sum_repr": repr(np.arange(5).sum()),
        "float32_sum_repr": repr(np.arange(5, dtype=np.float32).sum()),
    }


def main():
    data = {
        "numpy_version": np.__version__,
        "random": random_cases(),
        "numpy_net_small": numpy_net(3, 4, 2, 2, 50),
        "numpy_net_large": numpy_net(64, 1000, 100, 10, 500),
        "repr": repr_cases(),
        "scalars": scalar_cases(),
        "promotion": promotion_cases(),
        "errors": error_cases(),
        "ops": op_cases(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
