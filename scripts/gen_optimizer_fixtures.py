#!/usr/bin/env python3
"""Writes Tests/NNTests/Fixtures/training/optimizers.json: PyTorch optimizer steps to match.

usage: /work/torchbench/venv/bin/python scripts/gen_optimizer_fixtures.py

For each configuration, one float32 parameter of 6 values takes 4 steps with fixed,
hand-chosen gradients (set on .grad directly, so only the update rule is tested).
The fixture records the parameter after every step.
"""
import json
import os

import torch

P0 = [0.5, -1.25, 2.0, 0.0, -0.3, 1.0]
GRADS = [
    [0.1, -0.2, 0.3, -0.4, 0.5, 0.0],
    [-0.3, 0.1, 0.2, 0.05, -0.5, 1.5],
    [0.2, 0.2, -0.1, 0.0, 0.3, -2.0],
    [0.01, -0.02, 0.0, 0.7, -0.1, 0.25],
]

CONFIGS = [
    ("sgd", "SGD", {"lr": 0.1}),
    ("sgd_momentum", "SGD", {"lr": 0.05, "momentum": 0.9}),
    ("sgd_nesterov_wd", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
    ("sgd_dampening", "SGD", {"lr": 0.1, "momentum": 0.5, "dampening": 0.3}),
    ("adam", "Adam", {"lr": 0.01}),
    ("adam_wd", "Adam", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.1}),
    ("adamw", "AdamW", {"lr": 0.01, "weight_decay": 0.1}),
    ("rmsprop", "RMSprop", {"lr": 0.01}),
    ("rmsprop_momentum_centered", "RMSprop",
     {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.05}),
]


def run(name, cls, kwargs):
    p = torch.nn.Parameter(torch.tensor(P0, dtype=torch.float32))
    opt = getattr(torch.optim, cls)([p], foreach=False, **kwargs)
    steps = []
    for g in GRADS:
        p.grad = torch.tensor(g, dtype=torch.float32)
        opt.step()
        steps.append([float(v) for v in p.detach()])
    options = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
    return {"name": name, "optimizer": cls, "options": options, "steps": steps}


def main():
    root = os.path.join(os.path.dirname(__file__), "..", "Tests", "NNTests", "Fixtures", "training")
    os.makedirs(root, exist_ok=True)
    doc = {"torch": torch.__version__, "initial": P0, "gradients": GRADS,
           "cases": [run(*c) for c in CONFIGS]}
    with open(os.path.join(root, "optimizers.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
