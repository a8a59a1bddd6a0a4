#!/usr/bin/python3
"""Checks a samples/CharGpt checkpoint with PyTorch (1.13; run with /usr/bin/python3).

    /usr/bin/python3 tools/golden/check_chargpt_checkpoint.py chargpt.pt [--golden out.json] [--lr 1e-3]

torch.load reads the checkpoint Flint wrote ({"model", "optimizer", "step", "val_loss", "model_args", "vocab"}), the
same GPT is built here in PyTorch (the sample's Model.cs written again in Python, with its parameter names), its
state_dict is loaded with strict=True, and the loss on a fixed batch is printed. The script then resumes training as
the sample's --resume does: an AdamW with the sample's two parameter groups takes the checkpoint's optimizer state
(load_state_dict), and one step (learning rate --lr on both groups, clip_grad_norm_(1.0)) is taken on the same batch.

With --golden, the batch, the losses before and after that step and the last position's logits are written as JSON:
tests/golden/chargpt_checkpoint.json (for tests/golden/chargpt_checkpoint.pt, a checkpoint of a 5-step run) is made so,
and Flint.Tests' CharGptCheckpointTests checks that Flint's numbers for that checkpoint equal PyTorch's.
"""
import argparse
import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

# The batch: windows of this text (the characters the word list has), encoded with the checkpoint's vocabulary.
TEXT = "attention\ntransformer\nembedding\ngradient\noptimizer\nsoftmax\nsequence\nresidual\ncharacter\ncontext\n" * 2


class CausalSelfAttention(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.c_attn = nn.Linear(a["n_embd"], 3 * a["n_embd"])
        self.c_proj = nn.Linear(a["n_embd"], a["n_embd"])
        self.resid_dropout = nn.Dropout(a["dropout"])
        self.n_head = a["n_head"]

    def forward(self, x):
        b, t, c = x.size()
        q, k, v = self.c_attn(x).split(c, dim=2)
        q = q.view(b, t, self.n_head, c // self.n_head).transpose(1, 2)
        k = k.view(b, t, self.n_head, c // self.n_head).transpose(1, 2)
        v = v.view(b, t, self.n_head, c // self.n_head).transpose(1, 2)
        # F.scaled_dot_product_attention(is_causal=True) is PyTorch 2.x; 1.13 writes it out.
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        causal = torch.ones(t, t, dtype=torch.bool).tril()
        att = F.softmax(att.masked_fill(~causal, float("-inf")), dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(b, t, c)
        return self.resid_dropout(self.c_proj(y))


class MLP(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.c_fc = nn.Linear(a["n_embd"], 4 * a["n_embd"])
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(4 * a["n_embd"], a["n_embd"])
        self.dropout = nn.Dropout(a["dropout"])

    def forward(self, x):
        return self.dropout(self.c_proj(self.gelu(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.ln_1 = nn.LayerNorm(a["n_embd"])
        self.attn = CausalSelfAttention(a)
        self.ln_2 = nn.LayerNorm(a["n_embd"])
        self.mlp = MLP(a)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp(self.ln_2(x))


class GPT(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.wte = nn.Embedding(a["vocab_size"], a["n_embd"])
        self.wpe = nn.Embedding(a["block_size"], a["n_embd"])
        self.drop = nn.Dropout(a["dropout"])
        self.h = nn.ModuleList([Block(a) for _ in range(a["n_layer"])])
        self.ln_f = nn.LayerNorm(a["n_embd"])
        self.lm_head = nn.Linear(a["n_embd"], a["vocab_size"], bias=False)

    def forward(self, idx):
        t = idx.size(1)
        x = self.drop(self.wte(idx) + self.wpe(torch.arange(t)))
        for block in self.h:
            x = block(x)
        return self.lm_head(self.ln_f(x))

    def loss(self, idx, targets):
        logits = self(idx)
        return F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1)), logits


def configure_optimizer(model, lr, weight_decay):
    """The sample's Gpt.ConfigureOptimizer: weight decay on matrices only, parameters in registration order."""
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
                             lr=lr, betas=(0.9, 0.99))


def batch(vocab, args, rows=4):
    index = {c: i for i, c in enumerate(vocab)}
    stream = torch.tensor([index[c] for c in TEXT])
    t = args["block_size"]
    starts = [i * (len(stream) - t - 1) // (rows - 1) for i in range(rows)]
    x = torch.stack([stream[s:s + t] for s in starts])
    y = torch.stack([stream[s + 1:s + t + 1] for s in starts])
    return x, y


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkpoint")
    parser.add_argument("--golden", help="write the batch and PyTorch's numbers to this JSON file")
    parser.add_argument("--lr", type=float, default=1e-3, help="the learning rate of the resumed step")
    opts = parser.parse_args()

    ckpt = torch.load(opts.checkpoint, map_location="cpu")
    print(f"{opts.checkpoint}: keys {sorted(ckpt)}; step {ckpt['step']}, val_loss {ckpt['val_loss']:.4f}")
    args = dict(ckpt["model_args"])
    print("model_args:", args)
    model = GPT(args)
    result = model.load_state_dict(ckpt["model"], strict=True)
    print(f"load_state_dict(strict=True): {result}; {sum(p.numel() for p in model.parameters()):,} parameters")
    model.eval()
    vocab = ckpt.get("vocab") or "".join(chr(ord("a") + i % 26) for i in range(args["vocab_size"]))
    x, y = batch(vocab, args)

    with torch.no_grad():
        loss, logits = model.loss(x, y)
    print(f"loss on the fixed batch {tuple(x.shape)}: {loss.item():.6f}")

    # Resume as the sample's --resume does, and take one step.
    model.train()
    optimizer = configure_optimizer(model, opts.lr, 0.1)
    optimizer.load_state_dict(ckpt["optimizer"])
    for group in optimizer.param_groups:
        group["lr"] = opts.lr
    step_loss, _ = model.loss(x, y)
    optimizer.zero_grad()
    step_loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    with torch.no_grad():
        after, _ = model.loss(x, y)
    steps = [float(s["step"]) for s in optimizer.state.values()]
    print(f"resumed step (lr {opts.lr}): gradient norm {norm.item():.6f}, loss {step_loss.item():.6f} -> {after.item():.6f}; "
          f"AdamW step counts now {min(steps):.0f}..{max(steps):.0f}")

    if opts.golden:
        golden = {
            "model_args": args, "vocab": vocab, "step": ckpt["step"], "x": x.tolist(), "y": y.tolist(),
            "loss": loss.item(), "last_logits": logits[0, -1].tolist(),
            "lr": opts.lr, "grad_norm": norm.item(), "loss_after_step": after.item(),
            "wte_after_step": model.wte.weight[:2].tolist(),
        }
        with open(opts.golden, "w") as fh:
            json.dump(golden, fh, indent=1)
        print("wrote", opts.golden)


if __name__ == "__main__":
    main()
