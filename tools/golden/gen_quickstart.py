#!/usr/bin/env python3
"""Golden run of PyTorch's Quickstart (Fashion-MNIST, 512-512 MLP, SGD lr 1e-3, batch 64) for samples/Quickstart.

Run with the system interpreter (Debian python3-torch 1.13 + python3-torchvision 0.14, and dataset-fashion-mnist):
    /usr/bin/python3 tools/golden/gen_quickstart.py
Writes tests/golden/quickstart.json: every training loss of epoch 1 and each epoch's test accuracy and average loss.
The tutorial itself is unseeded; like samples/Quickstart, this calls torch.manual_seed(0) before building the model.
"""
import gzip
import json
import os
import shutil
import tempfile

import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import ToTensor

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "golden", "quickstart.json"))
DEBIAN = "/usr/share/datasets/fashion-mnist"

# torchvision wants the uncompressed IDX files under root/FashionMNIST/raw/.
root = tempfile.mkdtemp()
raw = os.path.join(root, "FashionMNIST", "raw")
os.makedirs(raw)
for name in os.listdir(DEBIAN):
    with gzip.open(os.path.join(DEBIAN, name)) as src, open(os.path.join(raw, name[:-3]), "wb") as dst:
        shutil.copyfileobj(src, dst)

training_data = datasets.FashionMNIST(root=root, train=True, download=False, transform=ToTensor())
test_data = datasets.FashionMNIST(root=root, train=False, download=False, transform=ToTensor())
train_dataloader = DataLoader(training_data, batch_size=64)
test_dataloader = DataLoader(test_data, batch_size=64)


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


torch.manual_seed(0)
model = NeuralNetwork()
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

first_epoch_losses = []
epochs = []
for t in range(5):
    model.train()
    for batch, (X, y) in enumerate(train_dataloader):
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if t == 0:
            first_epoch_losses.append(loss.item())
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in test_dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    epochs.append({"accuracy": correct / len(test_dataloader.dataset), "avg_loss": test_loss / len(test_dataloader)})
    print(t + 1, epochs[-1], flush=True)

with torch.no_grad():
    predicted = model(test_data[0][0]).argmax(1).item()
shutil.rmtree(root)
with open(OUT, "w") as f:
    json.dump({"first_epoch_losses": first_epoch_losses, "epochs": epochs, "first_test_prediction": predicted,
               "first_train_image_sum": float(training_data[0][0].sum())}, f, indent=1)
print("wrote", OUT)
