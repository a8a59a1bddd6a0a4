#!/usr/bin/env python3
"""Writes the hand-made hostile inputs of issue 12 into tests/Flint.Tests/Hostile/corpus/<format>/.

Each file is one probe from the issue's "Found" list (named after it); the regression corpus also holds every
input the fuzzer (tests/Flint.Fuzz) ever flagged. Plain Python 3 (no numpy/torch): pickles are written opcode by
opcode, zips with zipfile and, where a lying size is the point, patched by hand.
"""
import io, json, os, struct, sys, zipfile, zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Flint.Tests", "Hostile", "corpus")

def put(fmt, name, data):
    d = os.path.join(OUT, fmt)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def u(s):  # BINUNICODE
    b = s.encode("utf-8")
    return b"X" + struct.pack("<I", len(b)) + b

def long1(v):
    return b"\x8a\x08" + struct.pack("<q", v)

def checkpoint(pickle, records=(), compress=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("archive/data.pkl"), pickle)
        for name, data in records:
            info = zipfile.ZipInfo(name)
            if compress and name in compress:
                info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        z.writestr(zipfile.ZipInfo("archive/version"), b"3\n")
    return buf.getvalue()

def patch_declared_size(zipbytes, name, size):
    """Rewrites a record's uncompressed size in its local header and the central directory."""
    b = bytearray(zipbytes)
    n = name.encode()
    i = 0
    while True:
        i = b.find(b"PK\x03\x04", i)
        if i < 0: break
        if b[i + 30:i + 30 + len(n)] == n: struct.pack_into("<I", b, i + 22, size)
        i += 4
    i = 0
    while True:
        i = b.find(b"PK\x01\x02", i)
        if i < 0: break
        if b[i + 46:i + 46 + len(n)] == n: struct.pack_into("<I", b, i + 24, size)
        i += 4
    return bytes(b)

def rebuild(storage_type, key, numel, size, stride, requires_grad=False, offset=0):
    tup = lambda xs: b"(" + b"".join(long1(x) if not (0 <= x < 256) else b"K" + bytes([x]) for x in xs) + b"t"
    return (b"ctorch._utils\n_rebuild_tensor_v2\n(" + b"(" + u("storage") + b"ctorch\n" + storage_type + b"\n" + u(key) + u("cpu")
            + long1(numel) + b"tQ" + long1(offset) + tup(size) + tup(stride) + (b"\x88" if requires_grad else b"\x89")
            + b"ccollections\nOrderedDict\n)RtR")

P = b"\x80\x02"

# --- .pt ---
put("pt", "nested-tuples-1m.bin", checkpoint(P + b")" + b"\x85" * 1_000_000 + b"."))
put("pt", "mark-nesting-100k.bin", checkpoint(P + b"(" * 100_000 + b")."))
put("pt", "nested-lists-via-appends.bin", checkpoint(P + b"]" * 200_000 + b"a" * 199_999 + b"."))
put("pt", "tuple-key-nesting.bin", checkpoint(P + b"}" + b")" + b"\x85" * 200_000 + b"Ns."))
put("pt", "tuple-dag-key.bin", checkpoint(P + b"})" + b"q\x00h\x00\x86" * 60 + b"Ns."))
put("pt", "int-key-hash-flood.bin", checkpoint(P + b"}(" + b"".join(long1(k * ((1 << 32) + 1)) + b"N" for k in range(1, 60_000)) + b"u."))
put("pt", "self-referencing-optimizer-state.bin",
    checkpoint(P + b"}q\x00(" + u("state") + b"}K\x00}" + u("x") + b"h\x00ss" + u("param_groups") + b"]u."))
storage16 = struct.pack("<4f", 1, 2, 3, 4)
put("pt", "view-extent-overflow.bin", checkpoint(P + rebuild(b"FloatStorage", "0", 4, [1 << 62, 4], [4, 1]) + b".", [("archive/data/0", storage16)]))
put("pt", "view-numel-overflow-stride0.bin", checkpoint(P + rebuild(b"FloatStorage", "0", 4, [1 << 32, 1 << 32], [0, 0]) + b".", [("archive/data/0", storage16)]))
put("pt", "storage-numel-times-size-wraps.bin", checkpoint(P + rebuild(b"FloatStorage", "0", 1 << 62, [1], [1]) + b".", [("archive/data/0", b"")]))
put("pt", "integer-requires-grad.bin", checkpoint(P + rebuild(b"LongStorage", "0", 2, [2], [1], requires_grad=True) + b".", [("archive/data/0", b"\0" * 16)]))
put("pt", "integer-parameter-requires-grad.bin", checkpoint(
    P + b"ctorch._utils\n_rebuild_parameter\n(" + rebuild(b"LongStorage", "0", 2, [2], [1]) + b"\x88ccollections\nOrderedDict\n)Rt" + b"R.",
    [("archive/data/0", b"\0" * 16)]))
# A record that declares 2 GB (deflated: the ratio check) and one above Array.MaxLength.
small = checkpoint(P + rebuild(b"FloatStorage", "0", 500_000_000, [4], [1]) + b".", [("archive/data/0", storage16)], compress={"archive/data/0"})
put("pt", "declared-2gb-record.bin", patch_declared_size(small, "archive/data/0", 2_000_000_000))
put("pt", "declared-huge-pickle.bin", patch_declared_size(checkpoint(P + b"N.", compress=None), "archive/data.pkl", 0xFFFFFFF0))
dup = io.BytesIO()
with zipfile.ZipFile(dup, "w") as z:
    z.writestr(zipfile.ZipInfo("archive/data.pkl"), P + rebuild(b"FloatStorage", "0", 4, [4], [1]) + b".")
    import warnings; warnings.simplefilter("ignore")
    z.writestr(zipfile.ZipInfo("archive/data/0"), storage16)
    z.writestr(zipfile.ZipInfo("archive/data/0"), struct.pack("<4f", 6, 6, 6, 6))
put("pt", "duplicate-records.bin", dup.getvalue())

# --- optimizer state (through torch.load + optimizer.load_state_dict) ---
put("optim", "lr-not-a-number.bin", checkpoint(P + b"}(" + u("state") + b"}" + u("param_groups") + b"]}(" + u("lr") + u("abc")
    + u("params") + b"(K\x00K\x01lu" + b"au."))
put("optim", "self-referencing-state.bin",
    checkpoint(P + b"}q\x00(" + u("state") + b"}K\x00}" + u("x") + b"h\x00ss" + u("param_groups") + b"]u."))

# --- .npy ---
def npy(header, data=b"", major=1):
    h = header.encode("latin1")
    if major == 1:
        return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h)) + h + data
    return b"\x93NUMPY" + bytes([major, 0]) + struct.pack("<I", len(h)) + h + data
put("npy", "shape-overflow.bin", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }\n"))
put("npy", "bytes-overflow.bin", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904,), }\n"))
put("npy", "rank-65.bin", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (" + "1, " * 65 + "), }\n", b"\0" * 4))
put("npy", "rank-300k.bin", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (" + "1," * 300_000 + "), }\n", b"\0" * 4, major=2))
put("npy", "header-100kb.bin", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }" + " " * 100_000 + "\n", b"\0" * 4, major=2))

# --- .npz ---
def npz(entries, deflate=False):
    buf = io.BytesIO()
    import warnings; warnings.simplefilter("ignore")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name)  # a fixed 1980 timestamp: the corpus bytes do not change when regenerated
            info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            z.writestr(info, data)
    return buf.getvalue()
f4 = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }          \n", struct.pack("<2f", 1, 2))
put("npz", "duplicate-names.bin", npz([("a.npy", f4), ("a.npy", f4)]))
put("npz", "duplicate-after-extension.bin", npz([("a.npy", f4), ("a", f4)]))
# A deflate bomb: a 2-element array followed by 200 MB of zeros in the same record.
put("npz", "deflate-bomb-trailing.bin", npz([("a.npy", f4 + b"\0" * (200 << 20))], deflate=True))
# The header claims 50M float32 (200 MB); the record holds 200 MB of zeros... compressed, but the declared size lies: 4 GB.
big = npz([("a.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (50000000,), }    \n", b"\0" * 1024))], deflate=True)
put("npz", "declared-size-lies.bin", patch_declared_size(big, "a.npy", 200_001_024))

# --- safetensors ---
def st(header_obj=None, raw_header=None, data=b""):
    h = raw_header if raw_header is not None else json.dumps(header_obj).encode()
    return struct.pack("<Q", len(h)) + h + data
put("safetensors", "lone-surrogate-name.bin", st(raw_header=b'{"\\ud800": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', data=b"\0" * 4))
put("safetensors", "invalid-utf8-name.bin", st(raw_header=b'{"\xff\xfe": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', data=b"\0" * 4))
put("safetensors", "lone-surrogate-metadata.bin", st(raw_header=b'{"__metadata__": {"k": "\\udc00"}}'))
put("safetensors", "shape-overflow.bin", st({"a": {"dtype": "F32", "shape": [1 << 40, 1 << 40], "data_offsets": [0, 0]}}))
put("safetensors", "rank-65.bin", st({"a": {"dtype": "F32", "shape": [1] * 65, "data_offsets": [0, 4]}}, data=b"\0" * 4))
put("safetensors", "header-over-100mb.bin", struct.pack("<Q", 100_000_001) + b"{}")
# --- Module.load (safetensors, then load_state_dict) ---
put("module", "lone-surrogate-name.bin", st(raw_header=b'{"\\ud800": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', data=b"\0" * 4))
put("module", "wrong-shape.bin", st({"0.weight": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}, data=b"\0" * 4))
print("corpus written to", os.path.normpath(OUT))
