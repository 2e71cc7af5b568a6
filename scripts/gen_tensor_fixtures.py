#!/usr/bin/env python3
"""Regenerates the PyTorch reference values of the language's tensor surface (one JSON file).

usage: <venv with torch 2.13 CPU>/bin/python scripts/gen_tensor_fixtures.py
       (e.g. a copy of ../shared/bench/torch after its setup.sh)
writes Tests/NotebookRuntimeTests/Fixtures/torch/tensor-surface.json

Each case is a Stride expression of `x` (run in a notebook session by TorchFixtureTests), the
input x, PyTorch's output y of the same operation, an upstream gradient gy and PyTorch's input
gradient gx = d(sum(y * gy))/dx (null where the operation has none). Float32, CPU, fixed seeds.
"""
import json
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "NotebookRuntimeTests", "Fixtures", "torch",
                   "tensor-surface.json")


def t(x):
    x = x.detach().to(torch.float32).contiguous()
    return {"shape": list(x.shape), "data": [float(f"{v:.9g}") for v in x.reshape(-1).tolist()]}


def rand(*shape, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(tuple(shape), generator=g) * 2 - 1


def case(name, stride, x, torch_op, seed, differentiable=True):
    x = x.clone().requires_grad_(differentiable)
    y = torch_op(x)
    entry = {"name": name, "stride": stride, "x": t(x), "y": t(y)}
    if differentiable:
        gy = rand(*y.shape, seed=seed + 1000)
        (gx,) = torch.autograd.grad(y, (x,), gy)
        entry.update({"gy": t(gy), "gx": t(gx)})
    return entry


def topk_values(x):
    return torch.topk(x, 2, dim=1).values


def cases():
    x23, x34, x245 = rand(2, 3, seed=1), rand(3, 4, seed=2), rand(2, 4, 5, seed=3)
    labels = torch.tensor([1, 0, 3])
    targets = torch.tensor([[0.0, 1.0, 0.5, 1.0], [1.0, 0.0, 0.0, 0.25], [0.5, 0.5, 1.0, 0.0]])
    image = torch.round((rand(3, 4, 6, seed=4) + 1) / 2 * 255) / 255
    out = [
        case("pad constant", "x.padded([[1, 2], [0, 1]], value: 0.5)", x23, lambda v: F.pad(v, (0, 1, 1, 2), value=0.5), 10),
        case("pad reflect", "x.padded([[1, 2], [2, 1]], mode: .reflect)", x245,
             lambda v: F.pad(v.unsqueeze(0), (2, 1, 1, 2), mode="reflect").squeeze(0), 11),
        case("repeat interleave", "x.repeated(3, axis: 1)", x23, lambda v: torch.repeat_interleave(v, 3, dim=1), 12),
        case("tile", "x.tiled([2, 1, 3])", x23, lambda v: torch.tile(v, (2, 1, 3)), 13),
        case("topk values", "x.topK(2, axis: 1).0", x34, topk_values, 14),
        case("strided slice", "x[..., ..., stride(from: 4, to: -1, by: -2)]", x245, lambda v: v[..., [4, 2, 0]], 15),
        case("cumulative sum", "x.cumulativeSum(axis: 1)", x34, lambda v: torch.cumsum(v, dim=1), 16),
        case("variance", "x.variance(axis: 1)", x34, lambda v: torch.var(v, dim=1, unbiased=False), 17),
        case("standard deviation", "x.standardDeviation(axis: 0, unbiased: true)", x34, lambda v: torch.std(v, dim=0), 18),
        case("log softmax", "x.logSoftmax(axis: 0)", x34, lambda v: F.log_softmax(v, dim=0), 19),
        case("gelu", "x.gelu()", x34, lambda v: F.gelu(v), 20),
        case("cross entropy none", "crossEntropy(x, Tensor([1, 0, 3]), reduction: .none)", x34,
             lambda v: F.cross_entropy(v, labels, reduction="none"), 21),
        case("binary cross entropy sum", "binaryCrossEntropy(logits: x, targets: Tensor(%s), reduction: .sum)" % targets.tolist(),
             x34, lambda v: F.binary_cross_entropy_with_logits(v, targets, reduction="sum"), 22),
        case("upsample bilinear", "upsample(x, scale: 2, mode: .bilinear)", x245,
             lambda v: F.interpolate(v.unsqueeze(0), scale_factor=2, mode="bilinear", align_corners=False).squeeze(0), 23),
        case("avg pool padded", "avgPool2D(x, size: 3, stride: 2, padding: 1)", x245,
             lambda v: F.avg_pool2d(v.unsqueeze(0), 3, stride=2, padding=1).squeeze(0), 24),
        case("image file resized", "IMAGE [5, 9]", image,
             lambda v: F.interpolate(v.unsqueeze(0), size=(5, 9), mode="bilinear", align_corners=False).squeeze(0), 25,
             differentiable=False),
        case("image file shrunk", "IMAGE [3, 4]", image,
             lambda v: F.interpolate(v.unsqueeze(0), size=(3, 4), mode="bilinear", align_corners=False).squeeze(0), 26,
             differentiable=False),
    ]
    return out


def main():
    torch.set_num_threads(1)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    document = {"generator": "scripts/gen_tensor_fixtures.py", "torch": torch.__version__, "cases": cases()}
    with open(OUT, "w") as f:
        json.dump(document, f, indent=0)
        f.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
