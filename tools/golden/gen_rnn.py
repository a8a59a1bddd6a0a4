#!/usr/bin/python3
"""Generates tests/golden/rnn.json: PyTorch 1.13's recurrent layers, cells and sequence packing.

Run with /usr/bin/python3 (Debian's PyTorch 1.13). For each module case: the seeded default init
(state_dict after torch.manual_seed(0)), its repr, inputs, outputs, and the gradients of
loss = sum(out * w_out) + sum(h_n * w_h) [+ sum(c_n * w_c)] with respect to the inputs, the initial
states and every parameter. Error cases store PyTorch's message for wrong input sizes.
"""
import json
import math
import os

import torch
import torch.nn as nn
from torch.nn.utils import rnn as rnn_utils


def jv(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(v)


def enc(t):
    t = t.detach()
    return {
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "values": [jv(v) for v in t.reshape(-1).double().tolist()] if t.is_floating_point() else t.reshape(-1).tolist(),
    }


def build(kind, kw):
    return {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU,
            "RNNCell": nn.RNNCell, "LSTMCell": nn.LSTMCell, "GRUCell": nn.GRUCell}[kind](**kw)


def hidden_shapes(kind, kw, batch):
    d = 2 if kw.get("bidirectional", False) else 1
    layers = kw.get("num_layers", 1)
    h = kw.get("proj_size", 0) or kw["hidden_size"]
    lead = [layers * d] + ([batch] if batch is not None else [])
    if kind == "LSTM":
        return [lead + [h], lead + [kw["hidden_size"]]]
    return [lead + [h]]


def module_case(name, kind, kw, x_shape, with_h0, train_seed=None):
    torch.manual_seed(0)
    m = build(kind, kw)
    case = {"name": name, "kind": kind, "kwargs": kw, "repr": str(m),
            "state_dict": {k: enc(v) for k, v in m.state_dict().items()},
            "param_names": [n for n, _ in m.named_parameters()]}
    torch.manual_seed(1)
    x = torch.randn(*x_shape, requires_grad=True)
    batched = len(x_shape) == 3
    batch = (x_shape[0] if kw.get("batch_first", False) else x_shape[1]) if batched else None
    hs = [torch.randn(*s, requires_grad=True) for s in hidden_shapes(kind, kw, batch)] if with_h0 else None
    case["input"] = enc(x)
    case["h0"] = [enc(h) for h in hs] if hs else None
    if train_seed is None:
        m.eval()
    else:
        m.train()
        torch.manual_seed(train_seed)
    case["train_seed"] = train_seed
    if kind == "LSTM":
        out, (hn, cn) = m(x, tuple(hs) if hs else None)
        finals = [hn, cn]
    else:
        out, hn = m(x, hs[0] if hs else None)
        finals = [hn]
    torch.manual_seed(2)
    w_out = torch.randn_like(out)
    ws = [torch.randn_like(f) for f in finals]
    loss = (out * w_out).sum() + sum((f * w).sum() for f, w in zip(finals, ws))
    loss.backward()
    case["output"] = enc(out)
    case["finals"] = [enc(f) for f in finals]
    case["w_out"] = enc(w_out)
    case["w_finals"] = [enc(w) for w in ws]
    case["grad_input"] = enc(x.grad)
    case["grad_h0"] = [enc(h.grad) for h in hs] if hs else None
    case["grad_params"] = {n: enc(p.grad) for n, p in m.named_parameters()}
    return case


def cell_case(name, kind, kw, x_shape, with_h0):
    torch.manual_seed(0)
    m = build(kind, kw)
    case = {"name": name, "kind": kind, "kwargs": kw, "repr": str(m),
            "state_dict": {k: enc(v) for k, v in m.state_dict().items()},
            "param_names": [n for n, _ in m.named_parameters()]}
    torch.manual_seed(1)
    x = torch.randn(*x_shape, requires_grad=True)
    hshape = ([x_shape[0]] if len(x_shape) == 2 else []) + [kw["hidden_size"]]
    hs = [torch.randn(*hshape, requires_grad=True) for _ in range(2 if kind == "LSTMCell" else 1)] if with_h0 else None
    case["input"] = enc(x)
    case["h0"] = [enc(h) for h in hs] if hs else None
    if kind == "LSTMCell":
        h, c = m(x, tuple(hs) if hs else None)
        finals = [h, c]
    else:
        finals = [m(x, hs[0] if hs else None)]
    torch.manual_seed(2)
    ws = [torch.randn_like(f) for f in finals]
    sum((f * w).sum() for f, w in zip(finals, ws)).backward()
    case["finals"] = [enc(f) for f in finals]
    case["w_finals"] = [enc(w) for w in ws]
    case["grad_input"] = enc(x.grad)
    case["grad_h0"] = [enc(h.grad) for h in hs] if hs else None
    case["grad_params"] = {n: enc(p.grad) for n, p in m.named_parameters()}
    return case


def error_case(kind, kw, x_shape, h_shapes):
    m = build(kind, kw)
    x = torch.zeros(*x_shape)
    hs = [torch.zeros(*s) for s in h_shapes] if h_shapes else None
    try:
        if kind in ("LSTM", "LSTMCell"):
            m(x, tuple(hs) if hs else None)
        else:
            m(x, hs[0] if hs else None)
    except Exception as e:  # noqa: BLE001 - the message is the golden value
        return {"kind": kind, "kwargs": kw, "input_shape": list(x_shape), "h_shapes": h_shapes, "message": str(e)}
    raise AssertionError(f"no error for {kind} {kw} {x_shape} {h_shapes}")


out = {"torch_version": torch.__version__}

out["modules"] = [
    module_case("lstm_2layer_batch_first", "LSTM", dict(input_size=3, hidden_size=4, num_layers=2, batch_first=True), (2, 5, 3), True),
    module_case("lstm_default_no_h0", "LSTM", dict(input_size=3, hidden_size=4), (5, 2, 3), False),
    module_case("lstm_bidirectional_2layer", "LSTM", dict(input_size=3, hidden_size=4, num_layers=2, bidirectional=True), (4, 2, 3), True),
    module_case("lstm_proj_bidirectional", "LSTM", dict(input_size=3, hidden_size=5, num_layers=2, bidirectional=True, proj_size=2), (4, 2, 3), True),
    module_case("lstm_nobias_unbatched", "LSTM", dict(input_size=3, hidden_size=4, bias=False), (5, 3), True),
    module_case("lstm_unbatched_no_h0", "LSTM", dict(input_size=3, hidden_size=4, num_layers=2), (3, 3), False),
    module_case("lstm_dropout_train", "LSTM", dict(input_size=3, hidden_size=4, num_layers=3, dropout=0.5), (4, 2, 3), True, train_seed=7),
    module_case("gru_bidirectional_2layer", "GRU", dict(input_size=3, hidden_size=4, num_layers=2, bidirectional=True), (4, 2, 3), True),
    module_case("gru_batch_first_no_h0", "GRU", dict(input_size=3, hidden_size=4, batch_first=True), (2, 5, 3), False),
    module_case("gru_nobias_unbatched", "GRU", dict(input_size=3, hidden_size=4, bias=False), (5, 3), True),
    module_case("rnn_relu_2layer", "RNN", dict(input_size=3, hidden_size=4, num_layers=2, nonlinearity="relu"), (5, 2, 3), True),
    module_case("rnn_tanh_bidirectional_batch_first", "RNN", dict(input_size=3, hidden_size=4, bidirectional=True, batch_first=True), (2, 4, 3), True),
    module_case("rnn_unbatched_no_h0", "RNN", dict(input_size=3, hidden_size=4), (5, 3), False),
    module_case("rnn_dropout_train", "RNN", dict(input_size=3, hidden_size=4, num_layers=2, dropout=0.25, bidirectional=True), (4, 2, 3), False, train_seed=3),
]

out["reprs"] = {
    "lstm_print": str(nn.LSTM(10, 20, num_layers=2, batch_first=True)),
    "lstm_all": str(nn.LSTM(10, 20, num_layers=3, bias=False, batch_first=True, dropout=0.5, bidirectional=True, proj_size=5)),
    "gru": str(nn.GRU(10, 20)),
    "rnn_relu": str(nn.RNN(10, 20, nonlinearity="relu")),
    "rnn_cell_relu": str(nn.RNNCell(10, 20, nonlinearity="relu", bias=False)),
    "lstm_cell": str(nn.LSTMCell(10, 20)),
    "gru_cell": str(nn.GRUCell(10, 20, bias=False)),
}

out["cells"] = [
    cell_case("rnncell_tanh", "RNNCell", dict(input_size=3, hidden_size=4), (2, 3), True),
    cell_case("rnncell_relu_nobias_unbatched", "RNNCell", dict(input_size=3, hidden_size=4, bias=False, nonlinearity="relu"), (3,), True),
    cell_case("lstmcell", "LSTMCell", dict(input_size=3, hidden_size=4), (2, 3), True),
    cell_case("lstmcell_unbatched_no_h0", "LSTMCell", dict(input_size=3, hidden_size=4), (3,), False),
    cell_case("grucell", "GRUCell", dict(input_size=3, hidden_size=4), (2, 3), True),
    cell_case("grucell_nobias_no_h0", "GRUCell", dict(input_size=3, hidden_size=4, bias=False), (2, 3), False),
]

out["errors"] = [
    error_case("LSTM", dict(input_size=3, hidden_size=4), (5, 2, 7), None),
    error_case("LSTM", dict(input_size=3, hidden_size=4), (5, 2, 3, 1), None),
    error_case("LSTM", dict(input_size=3, hidden_size=4, num_layers=2), (5, 2, 3), [[1, 2, 4], [2, 2, 4]]),
    error_case("LSTM", dict(input_size=3, hidden_size=4, num_layers=2), (5, 2, 3), [[2, 2, 4], [2, 3, 4]]),
    error_case("LSTM", dict(input_size=3, hidden_size=4), (5, 2, 3), [[1, 4], [1, 4]]),
    error_case("LSTM", dict(input_size=3, hidden_size=4), (5, 3), [[1, 1, 4], [1, 1, 4]]),
    error_case("GRU", dict(input_size=3, hidden_size=4, bidirectional=True), (5, 2, 3), [[1, 2, 4]]),
    error_case("GRU", dict(input_size=3, hidden_size=4), (5,), None),
    error_case("GRU", dict(input_size=3, hidden_size=4), (5, 3), [[1, 1, 4]]),
    error_case("RNN", dict(input_size=3, hidden_size=4), (5, 2, 2), None),
    error_case("RNN", dict(input_size=3, hidden_size=4), (5, 2, 3), [[1, 2]]),
    error_case("RNNCell", dict(input_size=3, hidden_size=4), (2, 5), None),
    error_case("RNNCell", dict(input_size=3, hidden_size=4), (2, 2, 3), None),
    error_case("LSTMCell", dict(input_size=3, hidden_size=4), (2, 3), [[3, 4], [2, 4]]),
    error_case("GRUCell", dict(input_size=3, hidden_size=4), (2, 3), [[2, 5]]),
]

# ------------------------------------------------------------------ packing utilities
torch.manual_seed(3)
seqs = [torch.randn(3, 2), torch.randn(5, 2), torch.randn(1, 2)]
packing = {"sequences": [enc(s) for s in seqs]}
packing["pad_false"] = enc(rnn_utils.pad_sequence(seqs))
packing["pad_true_value"] = enc(rnn_utils.pad_sequence(seqs, batch_first=True, padding_value=-1.5))
padded = rnn_utils.pad_sequence(seqs, batch_first=True)
lengths = torch.tensor([3, 5, 1])
p = rnn_utils.pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packing["packed_unsorted"] = {"data": enc(p.data), "batch_sizes": enc(p.batch_sizes),
                              "sorted_indices": enc(p.sorted_indices), "unsorted_indices": enc(p.unsorted_indices)}
ps = rnn_utils.pack_padded_sequence(rnn_utils.pad_sequence([seqs[1], seqs[0], seqs[2]]), torch.tensor([5, 3, 1]))
packing["packed_sorted"] = {"data": enc(ps.data), "batch_sizes": enc(ps.batch_sizes)}
unp, unl = rnn_utils.pad_packed_sequence(p, batch_first=True, padding_value=9.0, total_length=7)
packing["unpacked_total7"] = enc(unp)
packing["unpacked_lengths"] = enc(unl)
unp2, _ = rnn_utils.pad_packed_sequence(p)
packing["unpacked_seq_first"] = enc(unp2)
try:
    rnn_utils.pack_padded_sequence(padded, lengths, batch_first=True)
except Exception as e:  # noqa: BLE001
    packing["unsorted_error"] = str(e)
try:
    rnn_utils.pad_packed_sequence(p, total_length=3)
except Exception as e:  # noqa: BLE001
    packing["total_length_error"] = str(e)
packing["repr_sorted"] = repr(ps)
out["packing"] = packing

# A module fed a PackedSequence (unsorted lengths, bidirectional, two layers), with gradients.
packed_cases = []
for kind, kw in [("LSTM", dict(input_size=2, hidden_size=3, num_layers=2, bidirectional=True)),
                 ("GRU", dict(input_size=2, hidden_size=3, bidirectional=True)),
                 ("RNN", dict(input_size=2, hidden_size=3, num_layers=2))]:
    torch.manual_seed(0)
    m = build(kind, kw).eval()
    x = padded.clone().requires_grad_(True)
    pk = rnn_utils.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    torch.manual_seed(4)
    hs = [torch.randn(s, requires_grad=True) for s in hidden_shapes(kind, kw, 3)]
    if kind == "LSTM":
        po, (hn, cn) = m(pk, tuple(hs))
        finals = [hn, cn]
    else:
        po, hn = m(pk, hs[0])
        finals = [hn]
    padded_out, _ = rnn_utils.pad_packed_sequence(po, batch_first=True)
    torch.manual_seed(5)
    w_out = torch.randn_like(padded_out)
    ws = [torch.randn_like(f) for f in finals]
    ((padded_out * w_out).sum() + sum((f * w).sum() for f, w in zip(finals, ws))).backward()
    packed_cases.append({"kind": kind, "kwargs": kw, "state_dict": {k: enc(v) for k, v in m.state_dict().items()},
                         "input": enc(padded), "lengths": [3, 5, 1], "h0": [enc(h) for h in hs],
                         "packed_output_data": enc(po.data), "padded_output": enc(padded_out),
                         "finals": [enc(f) for f in finals], "w_out": enc(w_out), "w_finals": [enc(w) for w in ws],
                         "grad_input": enc(x.grad), "grad_h0": [enc(h.grad) for h in hs],
                         "grad_params": {n: enc(p.grad) for n, p in m.named_parameters()}})
out["packed_modules"] = packed_cases

path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "golden", "rnn.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print("wrote", os.path.normpath(path))
