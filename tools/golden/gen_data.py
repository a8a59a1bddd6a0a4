#!/usr/bin/env python3
"""Golden orders for Flint's torch.utils.data (samplers, DataLoader shuffling, random_split).

Run with the system interpreter (Debian python3-torch 1.13):
    /usr/bin/python3 tools/golden/gen_data.py
Writes tests/golden/data.json.
"""
import json
import os

import torch
from torch.utils.data import (DataLoader, RandomSampler, SubsetRandomSampler, TensorDataset,
                              WeightedRandomSampler, random_split)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "data.json"))


def batches(loader):
    return [b[0].tolist() for b in loader]


g = {}

torch.manual_seed(0)
g["random_int64_seed0"] = [int(torch.empty((), dtype=torch.int64).random_().item()) for _ in range(3)]

# shuffle=True with the default generator: two epochs, then a fresh draw afterwards.
torch.manual_seed(0)
ds = TensorDataset(torch.arange(10))
loader = DataLoader(ds, batch_size=3, shuffle=True)
g["shuffle_default_seed0"] = [batches(loader), batches(loader)]
g["after_two_epochs_randn"] = torch.randn(3).tolist()

torch.manual_seed(0)
g["shuffle_default_seed0_n100_drop_last"] = batches(DataLoader(TensorDataset(torch.arange(100)), batch_size=16, shuffle=True, drop_last=True))

loader = DataLoader(ds, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(42))
g["shuffle_generator42"] = [batches(loader), batches(loader)]

g["random_sampler_replacement_gen1"] = list(RandomSampler(range(10), replacement=True, num_samples=40, generator=torch.Generator().manual_seed(1)))
g["random_sampler_num_samples_gen2"] = list(RandomSampler(range(10), num_samples=25, generator=torch.Generator().manual_seed(2)))
g["subset_random_sampler_gen3"] = list(SubsetRandomSampler([10, 20, 30, 40, 50, 60], generator=torch.Generator().manual_seed(3)))
weights = [0.1, 0.9, 0.4, 0.0, 2.5, 1.0]
g["weights"] = weights
g["weighted_replacement_gen5"] = list(WeightedRandomSampler(weights, 50, replacement=True, generator=torch.Generator().manual_seed(5)))
g["weighted_no_replacement_gen6"] = list(WeightedRandomSampler(weights, 4, replacement=False, generator=torch.Generator().manual_seed(6)))

g["random_split_3_7_gen42"] = [list(s.indices) for s in random_split(range(10), [3, 7], generator=torch.Generator().manual_seed(42))]
g["random_split_fractions_31_gen42"] = [list(s.indices) for s in random_split(range(31), [0.3, 0.3, 0.4], generator=torch.Generator().manual_seed(42))]
torch.manual_seed(0)
g["random_split_default_seed0"] = [list(s.indices) for s in random_split(range(8), [5, 3])]

with open(OUT, "w") as f:
    json.dump(g, f, indent=1)
print("wrote", OUT)
