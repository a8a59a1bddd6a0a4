#!/usr/bin/env python3
"""More golden data for Flint's NumPy facade: the functions of "Learning PyTorch with Examples".

Run with the system interpreter (Debian python3-numpy 1.24):
    /usr/bin/python3 tools/golden/gen_numpy_more.py
Writes tests/golden/numpy_more.json.

Covers np.linspace, the float ufuncs (sin, cos, exp, log, sqrt, abs, tanh), np.power, NumPy's
pairwise summation, np.random.randint/choice/shuffle/permutation on the legacy RandomState
(bit for bit), np.concatenate, np.argmax, np.where, np.clip, their printing and error wording, and
the tutorial's NumPy polynomial fit of sin (its printed lines). Floats are IEEE bit patterns (hex).
"""
import json
import math
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "numpy_more.json"))


def hexes(a):
    a = np.ascontiguousarray(a, dtype=np.float64).reshape(-1)
    return ["%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in a.tolist()]


def encode(a):
    """An array as dtype, shape, elements (hex doubles for floats), repr and str."""
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


def result(r):
    """A function's result: the encoded array, its repr and str, and whether it is a NumPy scalar."""
    scalar = not isinstance(r, np.ndarray)
    out = encode(r)
    out["scalar"] = scalar
    out["repr"] = repr(r)
    out["str"] = str(r)
    return out


def linspace_cases():
    cases = []
    for start, stop, num, endpoint, dtype in [
        (-math.pi, math.pi, 2000, True, None),
        (0.0, 1.0, 5, True, None),
        (0.0, 1.0, 5, False, None),
        (2.0, 3.0, 1, True, None),
        (2.0, 3.0, 0, True, None),
        (-1.0, 1.0, 7, True, "float32"),
        (0.0, 10.0, 4, True, "int64"),
        (-5.0, 5.0, 6, False, "int32"),
        (1.0, 1.0, 3, True, None),
        (0.0, 1e-320, 4, True, None),
        (10.0, -10.0, 9, True, None),
    ]:
        kw = {"num": num, "endpoint": endpoint}
        if dtype is not None:
            kw["dtype"] = dtype
        r = np.linspace(start, stop, **kw)
        cases.append({"start": hexes([start])[0], "stop": hexes([stop])[0], "num": num, "endpoint": endpoint,
                      "dtype": dtype, "result": result(r)})
    return cases


def ufunc_cases():
    """Inputs are described by what makes them (linspace, arange) so the C# side rebuilds them exactly."""
    x = np.linspace(-math.pi, math.pi, 2000)
    pos = np.linspace(0.01, 20.0, 333)
    xf32 = np.linspace(-3.0, 3.0, 50, dtype=np.float32)
    ints = np.arange(-3, 7)
    cases = {
        "sin_x": result(np.sin(x)),
        "cos_x": result(np.cos(x)),
        "exp_x": result(np.exp(x)),
        "tanh_x": result(np.tanh(x)),
        "abs_x": result(np.abs(x)),
        "log_pos": result(np.log(pos)),
        "sqrt_pos": result(np.sqrt(pos)),
        "sin_f32": result(np.sin(xf32)),
        "cos_f32": result(np.cos(xf32)),
        "exp_f32": result(np.exp(xf32)),
        "sin_int": result(np.sin(ints)),
        "sqrt_int": result(np.sqrt(np.arange(5))),
        "abs_int": result(np.abs(ints)),
        "sin_scalar": result(np.sin(np.float64(1.0))),
        "power_x_2": result(np.power(x, 2)),
        "power_x_3": result(np.power(x, 3)),
        "power_pos_half": result(np.power(pos, 0.5)),
        "power_pos_x": result(np.power(pos, np.linspace(-2.0, 2.0, 333))),
        "power_int_int": result(np.power(ints, 3)),
        "power_int_arr": result(np.power(np.arange(1, 6), np.arange(5))),
        "power_int_float": result(np.power(ints, 2.0)),
        "power_f32_2": result(np.power(xf32, 2)),
        "power_scalar": result(np.power(2.0, 10)),
    }
    return cases


def sum_cases():
    """NumPy's pairwise summation (8 accumulators, blocks of 128, inner loops of at most 8192)."""
    out = []
    for seed, n in [(1, 1), (2, 7), (3, 8), (4, 9), (5, 127), (6, 128), (7, 129), (8, 1000), (9, 2000),
                    (10, 8192), (11, 8193), (12, 10000), (13, 50000)]:
        a = np.random.RandomState(seed).randn(n)
        out.append({"seed": seed, "shape": [n], "dtype": "float64", "axis": None, "sum": hexes([a.sum()])[0],
                    "mean": hexes([a.mean()])[0]})
        f = a.astype(np.float32)
        out.append({"seed": seed, "shape": [n], "dtype": "float32", "axis": None, "sum": hexes([f.sum()])[0],
                    "mean": hexes([f.mean()])[0]})
    for seed, shape, axis in [(20, (5, 300), 0), (21, (5, 300), 1), (22, (4, 30, 20), 1), (23, (4, 30, 20), 2),
                              (24, (64, 10), None), (25, (3, 3000), -1), (26, (300, 40), 0)]:
        a = np.random.RandomState(seed).randn(*shape)
        out.append({"seed": seed, "shape": list(shape), "dtype": "float64", "axis": axis,
                    "sum": hexes(a.sum(axis=axis)), "mean": hexes(a.mean(axis=axis))})
    return out


def random_cases():
    out = {}

    def draw(name, seed, f):
        np.random.seed(seed)
        out[name] = result(f())

    draw("randint_10", 0, lambda: np.random.randint(10))
    draw("randint_0_10_size5", 0, lambda: np.random.randint(0, 10, size=5))
    draw("randint_neg_size2x3", 1, lambda: np.random.randint(-5, 5, size=(2, 3)))
    draw("randint_big", 2, lambda: np.random.randint(0, 2 ** 40, size=6))
    draw("randint_full32", 3, lambda: np.random.randint(0, 2 ** 32, size=4))
    draw("randint_above32", 3, lambda: np.random.randint(0, 2 ** 32 + 1, size=4))
    draw("randint_int64_extremes", 4, lambda: np.random.randint(-2 ** 63, 2 ** 63 - 1, size=3))
    draw("randint_int32", 5, lambda: np.random.randint(0, 1000, size=7, dtype=np.int32))
    draw("randint_int32_scalar", 5, lambda: np.random.randint(3, 9, dtype=np.int32))
    draw("randint_int16", 6, lambda: np.random.randint(-300, 300, size=9, dtype=np.int16))
    draw("randint_int8", 7, lambda: np.random.randint(-100, 100, size=11, dtype=np.int8))
    draw("randint_uint8", 8, lambda: np.random.randint(0, 256, size=10, dtype=np.uint8))
    draw("randint_uint8_small", 8, lambda: np.random.randint(3, 9, size=10, dtype=np.uint8))
    draw("randint_bool", 9, lambda: np.random.randint(0, 2, size=40, dtype=bool))
    draw("randint_one_value", 10, lambda: np.random.randint(4, 5, size=3))

    def sequence():
        # draws continue one stream across functions
        a = np.random.randint(0, 100, size=3)
        b = np.random.randn(3)
        c = np.random.randint(0, 7, size=2, dtype=np.int16)
        d = np.random.rand(2)
        return np.concatenate([a.astype(np.float64), b, c.astype(np.float64), d])
    draw("randint_interleaved", 11, sequence)

    draw("choice_int", 0, lambda: np.random.choice(10))
    draw("choice_int_size", 0, lambda: np.random.choice(5, size=8))
    draw("choice_array", 1, lambda: np.random.choice(np.array([1.5, -2.0, 3.25, 7.0]), size=(2, 3)))
    draw("choice_array_scalar", 1, lambda: np.random.choice(np.array([1.5, -2.0, 3.25, 7.0])))
    draw("choice_noreplace", 2, lambda: np.random.choice(10, size=4, replace=False))
    draw("choice_noreplace_array", 2, lambda: np.random.choice(np.arange(100, 110), size=(2, 2), replace=False))
    draw("choice_p", 3, lambda: np.random.choice(4, size=10, p=[0.1, 0.2, 0.3, 0.4]))
    draw("choice_p_scalar", 3, lambda: np.random.choice(4, p=[0.1, 0.2, 0.3, 0.4]))
    draw("choice_p_array", 4, lambda: np.random.choice(np.array([10, 20, 30]), size=6, p=np.array([0.5, 0.0, 0.5])))
    draw("choice_p_noreplace", 5, lambda: np.random.choice(6, size=4, replace=False, p=[0.05, 0.05, 0.3, 0.3, 0.2, 0.1]))

    def shuffled(seed, a):
        np.random.seed(seed)
        np.random.shuffle(a)
        return a
    out["shuffle_arange10"] = result(shuffled(0, np.arange(10)))
    out["shuffle_float"] = result(shuffled(1, np.linspace(0.0, 1.0, 7)))
    out["shuffle_rows"] = result(shuffled(2, np.arange(12).reshape(4, 3)))
    out["shuffle_one"] = result(shuffled(3, np.arange(1)))
    draw("permutation_8", 4, lambda: np.random.permutation(8))
    draw("permutation_array", 5, lambda: np.random.permutation(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])))
    rs = np.random.RandomState(6)
    out["state_randint"] = result(rs.randint(0, 50, size=5))
    out["state_choice"] = result(rs.choice(7, size=3))
    return out


def misc_cases():
    a = np.array([[1.0, 5.0, -2.0], [3.0, 3.0, 9.0]])
    b = np.array([[0.5, -1.0, 4.0]])
    i = np.array([[1, 2, 3], [4, 5, 6]])
    f32 = np.array([[1.5, 2.5, -3.5]], dtype=np.float32)
    n = np.array([1.0, np.nan, 3.0, np.nan])
    cases = {
        "concat_axis0": result(np.concatenate([a, b])),
        "concat_axis1": result(np.concatenate([a, a * 2], axis=1)),
        "concat_neg_axis": result(np.concatenate([a, i], axis=-1)),
        "concat_none": result(np.concatenate([a, b], axis=None)),
        "concat_int_f32": result(np.concatenate([i, f32])),
        "concat_1d": result(np.concatenate([np.arange(3), np.arange(5, 7), np.arange(0)])),
        "concat_3": result(np.concatenate([b, b, b])),
        "argmax_all": result(np.argmax(a)),
        "argmax_axis0": result(np.argmax(a, axis=0)),
        "argmax_axis1": result(np.argmax(a, axis=1)),
        "argmax_ties": result(np.argmax(np.array([2, 7, 7, 1]))),
        "argmax_nan": result(np.argmax(n)),
        "argmax_bool": result(np.argmax(np.array([False, True, True]))),
        "argmin_axis1": result(np.argmin(a, axis=1)),
        "method_argmax": result(a.argmax(axis=-1)),
        "where3": result(np.where(a > 2, a, b)),
        "where3_scalars": result(np.where(a > 2, 1, 0)),
        "where3_f32_scalar": result(np.where(f32 > 0, f32, 0.0)),
        "where3_int_float": result(np.where(np.array([[False, True, False], [True, False, True]]), i, 0.5)),
        "clip": result(np.clip(a, 0.0, 4.0)),
        "clip_min_only": result(np.clip(a, 1.0, None)),
        "clip_max_only": result(np.clip(a, None, 2.0)),
        "clip_int": result(np.clip(i, 2, 5)),
        "clip_int_float": result(np.clip(i, 1.5, 4)),
        "clip_f32": result(np.clip(f32, -1, 2)),
        "clip_nan": result(np.clip(n, 0.0, 2.0)),
        "clip_arrays": result(np.clip(a, np.array([0.0, 4.0, -1.0]), 3.0)),
        "method_clip": result(a.clip(0.0, 1.0)),
    }
    w = np.where(np.array([[True, False], [False, True]]))
    cases["where1_2d"] = [result(x) for x in w]
    cases["where1_1d"] = [result(x) for x in np.where(np.array([0.0, 1.5, 0.0, -2.0]))]
    return cases


def error_cases():
    errs = {}

    def catch(name, f):
        try:
            f()
        except Exception as e:  # noqa: BLE001
            errs[name] = {"type": type(e).__name__, "message": str(e)}
            return
        raise AssertionError(name + " did not raise")
    catch("linspace_negative", lambda: np.linspace(0.0, 1.0, -1))
    catch("concat_mismatch", lambda: np.concatenate([np.ones((2, 2)), np.ones((2, 3))]))
    catch("concat_mismatch_axis1", lambda: np.concatenate([np.ones((2, 2)), np.ones((3, 2)), np.ones((2, 4))], axis=1))
    catch("concat_ndim", lambda: np.concatenate([np.ones((2, 2)), np.ones(2)]))
    catch("concat_zero_d", lambda: np.concatenate([np.array(1.0), np.array(2.0)]))
    catch("concat_empty", lambda: np.concatenate([]))
    catch("concat_axis", lambda: np.concatenate([np.ones((2, 2)), np.ones((2, 2))], axis=2))
    catch("argmax_empty", lambda: np.argmax(np.zeros(0)))
    catch("argmax_axis", lambda: np.argmax(np.zeros((2, 3)), axis=2))
    catch("where_broadcast", lambda: np.where(np.ones(2, dtype=bool), np.ones(3), np.ones(4)))
    catch("clip_none", lambda: np.clip(np.ones(3), None, None))
    catch("power_negative_int", lambda: np.power(np.arange(1, 4), -1))
    catch("randint_low_high", lambda: np.random.randint(5, 5))
    catch("randint_high_zero", lambda: np.random.randint(0))
    catch("randint_low_bounds", lambda: np.random.randint(-1, 5, dtype=np.uint8))
    catch("randint_high_bounds", lambda: np.random.randint(0, 300, dtype=np.int8))
    catch("randint_int32_high_bounds", lambda: np.random.randint(0, 2 ** 31 + 1, dtype=np.int32))
    catch("choice_zero", lambda: np.random.choice(0))
    catch("choice_2d", lambda: np.random.choice(np.ones((2, 2))))
    catch("choice_empty", lambda: np.random.choice(np.zeros(0)))
    catch("choice_too_many", lambda: np.random.choice(3, size=4, replace=False))
    catch("choice_p_size", lambda: np.random.choice(3, p=[0.5, 0.5]))
    catch("choice_p_sum", lambda: np.random.choice(3, p=[0.5, 0.4, 0.2]))
    catch("choice_p_negative", lambda: np.random.choice(3, p=[0.5, 0.7, -0.2]))
    catch("choice_p_nan", lambda: np.random.choice(2, p=[np.nan, 0.5]))
    catch("choice_p_nonzero", lambda: np.random.choice(3, size=3, replace=False, p=[0.5, 0.5, 0.0]))
    catch("shuffle_0d", lambda: np.random.shuffle(np.array(1.0)))
    catch("permutation_0d", lambda: np.random.permutation(np.array(1.0)))
    return errs


def tutorial():
    """The NumPy part of "Learning PyTorch with Examples" (fit a third order polynomial to sin), seeded."""
    np.random.seed(0)
    lines = []
    x = np.linspace(-math.pi, math.pi, 2000)
    y = np.sin(x)
    a = np.random.randn()
    b = np.random.randn()
    c = np.random.randn()
    d = np.random.randn()
    learning_rate = 1e-6
    for t in range(2000):
        y_pred = a + b * x + c * x ** 2 + d * x ** 3
        loss = np.square(y_pred - y).sum()
        if t % 100 == 99:
            lines.append("%s %s" % (t, loss))
        grad_y_pred = 2.0 * (y_pred - y)
        grad_a = grad_y_pred.sum()
        grad_b = (grad_y_pred * x).sum()
        grad_c = (grad_y_pred * x ** 2).sum()
        grad_d = (grad_y_pred * x ** 3).sum()
        a -= learning_rate * grad_a
        b -= learning_rate * grad_b
        c -= learning_rate * grad_c
        d -= learning_rate * grad_d
    lines.append(f'Result: y = {a} + {b} x + {c} x^2 + {d} x^3')
    return lines


def main():
    data = {
        "numpy_version": np.__version__,
        "linspace": linspace_cases(),
        "ufuncs": ufunc_cases(),
        "sums": sum_cases(),
        "random": random_cases(),
        "misc": misc_cases(),
        "errors": error_cases(),
        "tutorial": tutorial(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
