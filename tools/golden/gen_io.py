#!/usr/bin/env python3
"""Golden files for Flint's serialization (torch.save/torch.load, safetensors, .npy/.npz).

Run with the system interpreter (Debian python3-torch 1.13 and numpy):
    /usr/bin/python3 tools/golden/gen_io.py           # writes tests/golden/io/*
    /usr/bin/python3 tools/golden/gen_io.py check     # reads tests/golden/io/flint-written/* in PyTorch

`gen` writes files made by PyTorch/NumPy plus expected.json, which records for every tensor its
dtype, shape, stride, storage offset and the hex of its little-endian bytes in row-major order,
so the C# tests compare bit for bit.  The `safetensors` Python package is not in Debian, so the
.safetensors files are written here by hand from the format's definition (8-byte little-endian
header length, JSON header, byte buffer).  The malicious files are made here too: a pickle that
calls os.system must be rejected by Flint without running anything.

`check` loads every file Flint wrote (tests write them when FLINT_WRITE_GOLDEN is set) with
torch.load(weights_only=True) where PyTorch 1.13's restricted unpickler can read it, otherwise with
a plain torch.load after checking with pickletools that the pickle names only allowed globals,
and compares the values with what PyTorch computes itself from the same seeds.
"""
import collections
import io
import json
import os
import pickle
import pickletools
import struct
import sys
import zipfile

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "io"))
FLINT = os.path.join(OUT, "flint-written")

ALLOWED_GLOBALS = {
    "collections OrderedDict",
    "torch._utils _rebuild_tensor_v2",
    "torch._utils _rebuild_parameter",
} | {"torch %sStorage" % n for n in
     ["Float", "Double", "Half", "BFloat16", "Long", "Int", "Short", "Char", "Byte", "Bool"]}


def hexbytes(t):
    t = t.detach().contiguous().reshape(-1)
    return t.view(torch.uint8).numpy().tobytes().hex() if t.numel() else ""


def describe(t):
    return {
        "dtype": str(t.dtype).replace("torch.", ""),
        "shape": list(t.shape),
        "stride": list(t.stride()),
        "offset": t.storage_offset(),
        "requires_grad": t.requires_grad,
        "bytes": hexbytes(t),
    }


def special_values(dtype):
    """Values that catch byte-order and conversion mistakes: signs, zeros, infinities, NaN, tiny."""
    if dtype.is_floating_point:
        v = torch.tensor([1.5, -2.25, 0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e-3, 65504.0, 3.0e-5],
                         dtype=torch.float64)
        return v.to(dtype).reshape(2, 5)
    if dtype == torch.bool:
        return torch.tensor([[True, False, True], [False, False, True]])
    info = torch.iinfo(dtype)
    return torch.tensor([info.min, -1 if info.min < 0 else 0, 0, 1, 7, info.max], dtype=torch.int64).to(dtype).reshape(2, 3)


DTYPES = [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int32,
          torch.int16, torch.int8, torch.uint8, torch.bool]


def small_model():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))


def adam_run(steps=2):
    """small_model() trained by Adam(lr=0.01) for two steps on sum(model(MODEL_INPUT())**2)."""
    model = small_model()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(steps):
        opt.zero_grad()
        model(MODEL_INPUT()).pow(2).sum().backward()
        opt.step()
    return model, opt


def MODEL_INPUT():
    return torch.linspace(-2, 2, 20).reshape(5, 4)


def views():
    """Non-contiguous, shared-storage, 0-dim and empty tensors."""
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    shared = torch.arange(10, dtype=torch.int64)
    return collections.OrderedDict([
        ("transposed", base.t()),
        ("column", base[:, 1]),
        ("shared_a", shared[2:5]),
        ("shared_b", shared.view(2, 5)),
        ("scalar", torch.tensor(2.5, dtype=torch.float64)),
        ("empty", torch.zeros(0, 3)),
    ])


def safetensors_bytes(tensors, metadata=None):
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    offset = 0
    blobs = []
    names = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
             torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
             torch.uint8: "U8", torch.bool: "BOOL"}
    for name, t in tensors.items():
        data = t.contiguous().reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b""
        header[name] = {"dtype": names[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


class RunsShell:
    """The classic malicious pickle: unpickling it calls os.system."""
    def __reduce__(self):
        return (os.system, ("touch flint_pwned_marker",))


def write_pt2_layout(src, dst):
    """The record layout PyTorch 2.x writes (archive name 'archive', .format_version, .storage_alignment,
    byteorder, .data/serialization_id, storages 64-byte aligned by padding the local header's extra field),
    made from a 1.13 checkpoint: the 1.13 here cannot write it itself."""
    with zipfile.ZipFile(src) as z:
        prefix = z.namelist()[0].split("/")[0]
        records = [(n[len(prefix) + 1:], z.read(n)) for n in z.namelist()]
    order = ["data.pkl", ".format_version", ".storage_alignment", "byteorder"]
    extra = {"data.pkl": None, ".format_version": b"1", ".storage_alignment": b"64", "byteorder": b"little"}
    body = dict(records)
    names = order + sorted(n for n in body if n.startswith("data/")) + ["version", ".data/serialization_id"]
    extra.update({n: body[n] for n in body})
    extra[".data/serialization_id"] = b"1234567890123456789012345678901234567890"
    with open(dst, "wb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_STORED) as out:
        for n in names:
            info = zipfile.ZipInfo("archive/" + n, date_time=(1980, 1, 1, 0, 0, 0))
            # Pad with an extra field ('FB' tag, as PyTorch does) so the data starts on a 64-byte boundary.
            header = 30 + len(info.filename.encode())
            pad = (-(f.tell() + header + 4)) % 64
            info.extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
            out.writestr(info, extra[n])


def zip_with_pickle(path, pkl):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in [("archive/data.pkl", pkl), ("archive/version", b"3\n")]:
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)


def gen():
    os.makedirs(OUT, exist_ok=True)
    expected = {}

    sd = small_model().state_dict()
    torch.save(sd, os.path.join(OUT, "state_dict.pt"))
    expected["state_dict.pt"] = {k: describe(v) for k, v in sd.items()}
    expected["pt2_layout.pt"] = expected["state_dict.pt"]
    with torch.no_grad():
        expected["state_dict_forward"] = describe(small_model()(MODEL_INPUT()))

    dt = collections.OrderedDict((str(d).replace("torch.", ""), special_values(d)) for d in DTYPES)
    torch.save(dt, os.path.join(OUT, "dtypes.pt"))
    expected["dtypes.pt"] = {k: describe(v) for k, v in dt.items()}

    vw = views()
    torch.save(vw, os.path.join(OUT, "views.pt"))
    expected["views.pt"] = {k: describe(v) for k, v in vw.items()}

    torch.manual_seed(1)
    single = torch.randn(2, 3)
    torch.save(single, os.path.join(OUT, "tensor.pt"))
    expected["tensor.pt"] = {"": describe(single)}

    torch.manual_seed(2)
    param = torch.nn.Parameter(torch.randn(3))
    torch.save(param, os.path.join(OUT, "parameter.pt"))
    expected["parameter.pt"] = {"": describe(param)}

    # An optimizer state dict: nested dicts, lists, ints, floats, bools, None and tensors.
    model = small_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)
    model(MODEL_INPUT()).pow(2).sum().backward()
    opt.step()
    osd = opt.state_dict()
    torch.save(osd, os.path.join(OUT, "sgd_state.pt"))
    expected["sgd_state.pt"] = {
        "param_groups": [{k: v for k, v in g.items()} for g in osd["param_groups"]],
        "momentum_buffers": [describe(osd["state"][i]["momentum_buffer"]) for i in range(4)],
    }

    write_pt2_layout(os.path.join(OUT, "state_dict.pt"), os.path.join(OUT, "pt2_layout.pt"))

    model, opt = adam_run()
    osd = opt.state_dict()
    torch.save(osd, os.path.join(OUT, "adam_state.pt"))
    expected["adam_state.pt"] = {
        "param_groups": [{k: v for k, v in g.items()} for g in osd["param_groups"]],
        "state": [{k: describe(v) for k, v in osd["state"][i].items()} for i in range(4)],
        "params_after": {k: describe(v) for k, v in model.state_dict().items()},
    }

    with open(os.path.join(OUT, "state_dict.safetensors"), "wb") as f:
        f.write(safetensors_bytes(sd, {"format": "pt", "source": "gen_io.py"}))
    with open(os.path.join(OUT, "dtypes.safetensors"), "wb") as f:
        f.write(safetensors_bytes(dt))

    # NumPy: one .npy per interesting layout, an .npz of all dtypes NumPy has, a compressed .npz.
    a = np.arange(6, dtype="<f4").reshape(2, 3) / 4
    np.save(os.path.join(OUT, "f4.npy"), a)
    np.save(os.path.join(OUT, "fortran.npy"), np.asfortranarray(np.arange(6, dtype="<i8").reshape(2, 3)))
    np.save(os.path.join(OUT, "bigendian.npy"), np.array([1.5, -2.0, 1e300], dtype=">f8"))
    np.save(os.path.join(OUT, "scalar.npy"), np.array(7, dtype="<i4"))
    np.save(os.path.join(OUT, "bool.npy"), np.array([True, False, True]))
    arrays = {k: v.numpy() for k, v in dt.items() if k != "bfloat16"}
    np.savez(os.path.join(OUT, "dtypes.npz"), **arrays)
    np.savez_compressed(os.path.join(OUT, "compressed.npz"), a=a, b=np.arange(5, dtype="<i2"))
    expected["npy"] = {
        "f4.npy": describe(torch.from_numpy(a)),
        "fortran.npy": describe(torch.arange(6).reshape(2, 3)),
        "bigendian.npy": describe(torch.tensor([1.5, -2.0, 1e300], dtype=torch.float64)),
        "scalar.npy": describe(torch.tensor(7, dtype=torch.int32)),
        "bool.npy": describe(torch.tensor([True, False, True])),
    }

    # Malicious: a pickle whose REDUCE would call os.system, inside a valid checkpoint zip,
    # and one that hides builtins.eval behind protocol 4's STACK_GLOBAL.
    # pickle.dumps names os.system by its real module (posix on Linux), so spell 'os system' by hand.
    cmd = b"touch flint_pwned_marker"
    evil = b"\x80\x02cos\nsystem\nq\x00X" + struct.pack("<I", len(cmd)) + cmd + b"\x85R."
    zip_with_pickle(os.path.join(OUT, "malicious_os_system.pt"), evil)
    evil4 = pickle.dumps(collections.OrderedDict(x=RunsShell()), protocol=4)
    zip_with_pickle(os.path.join(OUT, "malicious_protocol4.pt"), evil4)

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    print("wrote", OUT)


# ---------------------------------------------------------------------------------------------
# check: PyTorch reads what Flint wrote.

def globals_in(pkl):
    names, strings = set(), []
    for op, arg, _ in pickletools.genops(pkl):
        if op.name == "GLOBAL":
            names.add(arg)
        elif op.name == "STACK_GLOBAL":
            names.add(" ".join(strings[-2:]))
        if isinstance(arg, str):
            strings.append(arg)
    return names


def check_pickle_globals(path):
    with zipfile.ZipFile(path) as z:
        pkl = [n for n in z.namelist() if n.endswith("/data.pkl")]
        assert len(pkl) == 1, pkl
        used = globals_in(z.read(pkl[0]))
        for info in z.infolist():
            assert info.compress_type == zipfile.ZIP_STORED, (path, info.filename)
    bad = used - ALLOWED_GLOBALS
    assert not bad, (path, bad)


def same(a, b, what):
    assert a.dtype == b.dtype, (what, a.dtype, b.dtype)
    assert list(a.shape) == list(b.shape), (what, a.shape, b.shape)
    assert hexbytes(a) == hexbytes(b), (what, a, b)


def read_safetensors(path):
    names = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
             "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
             "U8": torch.uint8, "BOOL": torch.bool}
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    assert n % 8 == 0, n
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", None)
    data = raw[8 + n:]
    out, end = {}, 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        s, e = info["data_offsets"]
        assert s == end, (name, s, end)
        end = e
        buf = bytearray(data[s:e])
        t = torch.frombuffer(buf, dtype=names[info["dtype"]]) if e > s else torch.empty(0, dtype=names[info["dtype"]])
        out[name] = t.reshape(info["shape"])
    assert end == len(data), (end, len(data))
    return out, meta


def check():
    files = sorted(os.listdir(FLINT))
    assert files, "no Flint-written files: run the IO tests with FLINT_WRITE_GOLDEN=" + FLINT
    checked = 0

    # Values Flint computed from the same seeds with its PyTorch-exact generator.
    torch.manual_seed(0)
    randn = torch.randn(3, 4)

    def load(name, weights_only=True):
        path = os.path.join(FLINT, name)
        check_pickle_globals(path)
        return torch.load(path, weights_only=weights_only)

    t = load("tensor.pt")
    same(t, randn, "tensor.pt")
    checked += 1

    d = load("dict.pt")
    assert list(d.keys()) == ["randn", "transposed", "row", "scalar", "empty"], list(d.keys())
    same(d["randn"], randn, "dict randn")
    same(d["transposed"], randn.t(), "dict transposed")
    assert d["transposed"].stride() == (1, 4), d["transposed"].stride()
    same(d["row"], randn[1], "dict row")
    assert d["row"].storage_offset() == 4
    assert d["row"].storage().data_ptr() == d["randn"].storage().data_ptr(), "shared storage was not kept"
    same(d["scalar"], torch.tensor(-1.25, dtype=torch.float64), "dict scalar")
    same(d["empty"], torch.zeros(0, 2, dtype=torch.int32), "dict empty")
    checked += 1

    dt = load("dtypes.pt")
    for name, v in dt.items():
        want = torch.arange(-3, 3).reshape(2, 3).to(getattr(torch, name))
        same(v, want, "dtypes " + name)
    assert len(dt) == len(DTYPES)
    checked += 1

    p = load("parameter.pt")
    assert isinstance(p, torch.nn.Parameter) and p.requires_grad
    same(p.detach(), randn[0], "parameter")
    checked += 1

    # A nested object with floats: 1.13's weights_only unpickler has no BINFLOAT, so load it plainly
    # after the global check above.
    nested = load("nested.pt", weights_only=False)
    assert nested["param_groups"] == [{"lr": 0.1, "momentum": 0.9, "nesterov": True, "dampening": 0.0,
                                       "weight_decay": 0.0, "maximize": False, "foreach": None,
                                       "params": [0, 1]}], nested["param_groups"]
    same(nested["state"][0]["momentum_buffer"], randn[2], "nested momentum_buffer")
    assert nested["state"][1] == {} and nested["tuple"] == (1, -70000, 2 ** 40, "x") and nested["big"] == -2 ** 63
    checked += 1

    st, meta = read_safetensors(os.path.join(FLINT, "tensors.safetensors"))
    assert meta == {"format": "pt", "made_by": "Flint"}, meta
    same(st["randn"], randn, "safetensors randn")
    same(st["transposed"], randn.t(), "safetensors transposed")
    for name in ["float16", "bfloat16", "int8", "bool"]:
        same(st[name], torch.arange(-3, 3).reshape(2, 3).to(getattr(torch, name)), "safetensors " + name)
    checked += 1

    a = np.load(os.path.join(FLINT, "randn.npy"))
    assert a.dtype == np.float32 and a.tobytes() == randn.numpy().tobytes()
    z = np.load(os.path.join(FLINT, "arrays.npz"))
    assert sorted(z.files) == ["randn", "transposed", "uint8"], z.files
    assert z["transposed"].tobytes() == randn.t().contiguous().numpy().tobytes() and z["transposed"].shape == (4, 3)
    assert z["uint8"].dtype == np.uint8 and z["uint8"].tolist() == [0, 1, 255]
    checked += 1

    # Optional: files that exist once the nn/optim parts are in.
    # A Flint nn.Sequential(Linear(4, 3), ReLU(), Linear(3, 2)) after torch.manual_seed(0), saved two ways:
    # its initialisation is PyTorch's, so the weights equal small_model()'s bit for bit.
    want = small_model()
    sd = load("model_state.pt")
    assert isinstance(sd, collections.OrderedDict) and list(sd.keys()) == list(want.state_dict().keys()), sd.keys()
    st, meta = read_safetensors(os.path.join(FLINT, "model.safetensors"))
    assert meta == {"format": "pt"}, meta
    for name, ref in want.state_dict().items():
        same(sd[name], ref, "model_state.pt " + name)
        same(st[name], ref, "model.safetensors " + name)
    fresh = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))
    fresh.load_state_dict(st)
    with torch.no_grad():
        same(fresh(MODEL_INPUT()), want(MODEL_INPUT()), "model forward")
    checked += 2

    # Flint's Adam after the same two steps: PyTorch loads its state dict into its own Adam.
    path = os.path.join(FLINT, "adam_state.pt")
    check_pickle_globals(path)
    flint_osd = torch.load(path)  # floats (lr, betas): 1.13's weights_only unpickler has no BINFLOAT
    model, opt = adam_run()
    ref = opt.state_dict()
    fresh = torch.optim.Adam(small_model().parameters(), lr=0.5)
    fresh.load_state_dict(flint_osd)
    assert fresh.param_groups[0]["lr"] == 0.01 and fresh.param_groups[0]["betas"] == (0.9, 0.999), fresh.param_groups
    assert sorted(flint_osd["state"].keys()) == [0, 1, 2, 3]
    for i in range(4):
        for k, v in ref["state"][i].items():
            assert torch.allclose(flint_osd["state"][i][k], v, rtol=1e-5, atol=1e-7), (i, k, flint_osd["state"][i][k], v)
    checked += 1

    print("check passed:", checked, "Flint-written files read back by PyTorch", torch.__version__)


if __name__ == "__main__":
    check() if sys.argv[1:] == ["check"] else gen()
