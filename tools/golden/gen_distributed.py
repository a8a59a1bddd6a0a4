#!/usr/bin/env python3
"""Golden index orders for Flint.Distributed's DistributedSampler (PyTorch 1.13's).

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_distributed.py
Writes tests/golden/distributed.json: for each case, every rank's indices for epochs 0, 1 and 5.
"""
import json
import os

from torch.utils.data import DistributedSampler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "distributed.json"))

cases = []
for size, replicas, shuffle, seed, drop_last in [
    (10, 2, True, 0, False), (10, 3, True, 0, False), (10, 3, True, 0, True), (11, 4, True, 42, False),
    (11, 4, True, 42, True), (10, 3, False, 0, False), (10, 3, False, 0, True), (2, 5, True, 7, False),
    (1000, 3, True, 1234, False), (7, 7, True, 3, True),
]:
    epochs = {}
    for epoch in [0, 1, 5]:
        ranks = []
        for rank in range(replicas):
            s = DistributedSampler(range(size), num_replicas=replicas, rank=rank, shuffle=shuffle, seed=seed, drop_last=drop_last)
            s.set_epoch(epoch)
            ranks.append(list(iter(s)))
            assert len(s) == len(ranks[-1])
        epochs[str(epoch)] = ranks
    cases.append({"size": size, "num_replicas": replicas, "shuffle": shuffle, "seed": seed, "drop_last": drop_last, "epochs": epochs})

with open(OUT, "w") as f:
    json.dump({"torch": __import__("torch").__version__, "cases": cases}, f)
print("wrote", OUT)
