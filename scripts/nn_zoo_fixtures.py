#!/usr/bin/env python3
"""Regenerates Tests/NNTests/Fixtures/layers/zoo_outputs.json: whole zoo models vs PyTorch.

Run with the PyTorch venv: /work/torchbench/venv/bin/python scripts/nn_zoo_fixtures.py
Weights, running statistics and inputs are not stored: both sides fill them from one formula,
pattern(i) = ((37·i) mod 101 − 50)/50 over each tensor's row-major index i, scaled by
1/√fan-in for weights of rank ≥ 2 (fan-in = count/shape[0], PyTorch's for every layer here),
1 + 0.1·pattern for 1-D weights (BatchNorm scale), 0.1·pattern for biases and running means,
1 + 0.05·(pattern + 1) for running variances; inputs are pattern itself. Models are written
functionally with Stride's parameter names, so the fixture checks names, wiring and numbers.
"""
import json
import math
import pathlib

import torch
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/NNTests/Fixtures/layers"


def pattern(n):
    i = torch.arange(n, dtype=torch.float64)
    return ((i * 37) % 101 - 50) / 50


def fill(name, shape):
    n = math.prod(shape)
    p = pattern(n)
    if len(shape) >= 2:
        values = p * (1 / math.sqrt(n / shape[0]))
    elif name.endswith("running_var"):
        values = 1 + 0.05 * (p + 1)
    elif name.endswith("weight"):
        values = 1 + 0.1 * p
    else:
        values = 0.1 * p
    return values.to(torch.float32).reshape(shape)


class Params:
    """Parameters and buffers created on first use, filled by the shared formula."""

    def __init__(self):
        self.tensors = {}

    def get(self, name, shape):
        if name not in self.tensors:
            self.tensors[name] = fill(name, shape)
        return self.tensors[name]

    def conv(self, x, name, out, k, stride=1, pad=0, bias=True):
        w = self.get(name + ".weight", [out, x.shape[1], k, k])
        b = self.get(name + ".bias", [out]) if bias else None
        return F.conv2d(x, w, b, stride=stride, padding=pad)

    def conv_t(self, x, name, out, k=2, stride=2):
        w = self.get(name + ".weight", [x.shape[1], out, k, k])
        return F.conv_transpose2d(x, w, self.get(name + ".bias", [out]), stride=stride)

    def dense(self, x, name, out):
        w = self.get(name + ".weight", [out, x.shape[1]])
        return F.linear(x, w, self.get(name + ".bias", [out]))

    def bn(self, x, name, training):
        c = x.shape[1]
        return F.batch_norm(x, self.get(name + ".running_mean", [c]), self.get(name + ".running_var", [c]),
                            self.get(name + ".weight", [c]), self.get(name + ".bias", [c]),
                            training=training, momentum=0.1, eps=1e-5)


def lenet(p, x):
    x = F.avg_pool2d(torch.tanh(p.conv(x, "0", 6, 5)), 2)
    x = F.avg_pool2d(torch.tanh(p.conv(x, "2", 16, 5)), 2).flatten(1)
    x = torch.tanh(p.dense(x, "5", 120))
    x = torch.tanh(p.dense(x, "6", 84))
    return p.dense(x, "7", 10)


def resnet8(p, x, training):
    x = F.relu(p.bn(p.conv(x, "conv1", 16, 3, pad=1, bias=False), "bn1", training))
    for stage, width in enumerate([16, 32, 64]):
        name = f"layer{stage + 1}.0"
        stride = 1 if stage == 0 else 2
        y = F.relu(p.bn(p.conv(x, name + ".conv1", width, 3, stride, 1, False), name + ".bn1", training))
        y = p.bn(p.conv(y, name + ".conv2", width, 3, 1, 1, False), name + ".bn2", training)
        s = x
        if stride != 1:
            s = x[:, :, ::2, ::2]
            extra = width - s.shape[1]
            s = F.pad(s, (0, 0, 0, 0, extra // 2, extra - extra // 2))
        x = F.relu(y + s)
    return p.dense(x.mean(dim=(2, 3)), "fc", 10)


def unet_level(p, x, prefix, level, depth, base):
    width = base << level
    x = F.relu(p.conv(x, prefix + "0", width, 3))
    x = F.relu(p.conv(x, prefix + "1", width, 3))
    if level == depth:
        return x
    y = F.max_pool2d(x, 2)
    y = unet_level(p, y, prefix + f"2.level{level + 1}.", level + 1, depth, base)
    y = p.conv_t(y, prefix + "2.2", width)
    top = (x.shape[2] - y.shape[2]) // 2
    left = (x.shape[3] - y.shape[3]) // 2
    x = torch.cat([x[:, :, top:top + y.shape[2], left:left + y.shape[3]], y], 1)
    x = F.relu(p.conv(x, prefix + "3", width, 3))
    return F.relu(p.conv(x, prefix + "4", width, 3))


def unet(p, x):
    return p.conv(unet_level(p, x, "", 0, 2, 4), "5", 3, 1)


def t(x):
    x = x.detach().contiguous()
    return {"shape": list(x.shape), "values": [round(float(v), 7) for v in x.flatten()]}


def digest(y):
    flat = y.detach().flatten().double()
    return {"shape": list(y.shape), "sum": float(flat.sum()), "abs_sum": float(flat.abs().sum()),
            "stride": 97, "samples": [round(float(v), 7) for v in flat[::97]]}


def main():
    torch.set_grad_enabled(False)
    out = {"torch": torch.__version__}
    p = Params()
    out["lenet"] = t(lenet(p, pattern(2 * 32 * 32).float().reshape(2, 1, 32, 32)))
    x = pattern(2 * 32 * 32).float().reshape(2, 1, 32, 32)
    p = Params()
    out["resnet8_eval"] = t(resnet8(p, x, False))
    p = Params()
    out["resnet8_train"] = t(resnet8(p, x, True))
    out["resnet8_train_buffers"] = {k: t(v) for k, v in p.tensors.items() if "running" in k}
    p = Params()
    out["unet"] = digest(unet(p, pattern(140 * 140).float().reshape(1, 1, 140, 140)))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "zoo_outputs.json").write_text(json.dumps(out))


if __name__ == "__main__":
    main()
