#!/usr/bin/env python3
"""Regenerates the engine's PyTorch reference fixtures (small JSON files).

usage: /work/torchbench/venv/bin/python scripts/gen_engine_fixtures.py
writes Tests/AutogradTests/Fixtures/{conv2d,conv_transpose2d,pooling,batch_norm,cross_entropy,upsample}.json

Each case holds its inputs, options, an upstream gradient `gy` and PyTorch's forward output and
input gradients (float32, CPU, deterministic seeds). Layout NCHW, as the engine's.
"""
import json
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "AutogradTests", "Fixtures")


def t(x):
    x = x.detach().to(torch.float32).contiguous()
    return {"shape": list(x.shape), "data": [float(f"{v:.9g}") for v in x.reshape(-1).tolist()]}


def rand(*shape, seed):
    g = torch.Generator().manual_seed(seed)
    return (torch.rand(*shape, generator=g) * 2 - 1).requires_grad_(True)


def grads(out, inputs, seed):
    gy = rand(*out.shape, seed=seed).detach()
    gs = torch.autograd.grad(out, inputs, gy)
    return gy, gs


def conv_cases():
    cases = []
    specs = [
        ("basic", (2, 3, 6, 6), (4, 3, 3, 3), dict(stride=1, padding=1, dilation=1, groups=1)),
        ("same_even_kernel", (1, 2, 7, 7), (3, 2, 4, 4), dict(stride=1, padding="same", dilation=1, groups=1)),
        ("strided_dilated_grouped", (2, 4, 9, 8), (6, 2, 3, 3), dict(stride=2, padding=2, dilation=2, groups=2)),
        ("pointwise", (3, 5, 4, 4), (2, 5, 1, 1), dict(stride=1, padding=0, dilation=1, groups=1)),
        ("rect_stride_no_pad", (2, 2, 8, 7), (3, 2, 3, 2), dict(stride=(2, 1), padding=0, dilation=1, groups=1)),
    ]
    for i, (name, xs, ws, opts) in enumerate(specs):
        x, w, b = rand(*xs, seed=10 * i + 1), rand(*ws, seed=10 * i + 2), rand(ws[0], seed=10 * i + 3)
        y = F.conv2d(x, w, b, **opts)
        gy, (gx, gw, gb) = grads(y, (x, w, b), 10 * i + 4)
        cases.append({"name": name, "options": opts, "x": t(x), "w": t(w), "b": t(b), "y": t(y),
                      "gy": t(gy), "gx": t(gx), "gw": t(gw), "gb": t(gb)})
    return cases


def conv_transpose_cases():
    cases = []
    specs = [
        ("stride2_outpad", (2, 3, 4, 4), (3, 2, 3, 3), dict(stride=2, padding=1, output_padding=1, dilation=1, groups=1)),
        ("grouped_dilated", (1, 4, 3, 3), (4, 3, 3, 3), dict(stride=1, padding=0, output_padding=0, dilation=2, groups=2)),
        ("upconv2x2", (2, 4, 3, 3), (4, 2, 2, 2), dict(stride=2, padding=0, output_padding=0, dilation=1, groups=1)),
    ]
    for i, (name, xs, ws, opts) in enumerate(specs):
        x = rand(*xs, seed=100 + 10 * i)
        w = rand(*ws, seed=101 + 10 * i)
        b = rand(ws[1] * opts["groups"], seed=102 + 10 * i)
        y = F.conv_transpose2d(x, w, b, **opts)
        gy, (gx, gw, gb) = grads(y, (x, w, b), 103 + 10 * i)
        cases.append({"name": name, "options": opts, "x": t(x), "w": t(w), "b": t(b), "y": t(y),
                      "gy": t(gy), "gx": t(gx), "gw": t(gw), "gb": t(gb)})
    return cases


def pooling_cases():
    cases = []
    specs = [
        ("max", "max_k3_s2_p1", dict(kernel_size=3, stride=2, padding=1, ceil_mode=False)),
        ("max", "max_k2", dict(kernel_size=2, stride=2, padding=0, ceil_mode=False)),
        ("max", "max_k3_s2_ceil", dict(kernel_size=3, stride=2, padding=0, ceil_mode=True)),
        ("avg", "avg_k3_s2_p1_incl", dict(kernel_size=3, stride=2, padding=1, ceil_mode=False, count_include_pad=True)),
        ("avg", "avg_k3_s2_p1_excl", dict(kernel_size=3, stride=2, padding=1, ceil_mode=False, count_include_pad=False)),
        ("avg", "avg_k2_ceil", dict(kernel_size=2, stride=2, padding=0, ceil_mode=True, count_include_pad=True)),
        ("adaptive", "adaptive_3x2", dict(output_size=(3, 2))),
        ("adaptive", "adaptive_global", dict(output_size=(1, 1))),
    ]
    for i, (kind, name, opts) in enumerate(specs):
        x = rand(2, 3, 7, 7, seed=200 + i)
        if kind == "max":
            y = F.max_pool2d(x, **opts)
        elif kind == "avg":
            y = F.avg_pool2d(x, **opts)
        else:
            y = F.adaptive_avg_pool2d(x, **opts)
        gy, (gx,) = grads(y, (x,), 300 + i)
        cases.append({"name": name, "kind": kind, "options": opts, "x": t(x), "y": t(y), "gy": t(gy), "gx": t(gx)})
    return cases


def batch_norm_cases():
    cases = []
    for i, training in enumerate([True, False]):
        x = rand(4, 3, 5, 5, seed=400 + i)
        with torch.no_grad():
            x.mul_(2).add_(0.5)
        gamma, beta = rand(3, seed=410 + i), rand(3, seed=420 + i)
        rm0 = torch.tensor([0.1, -0.2, 0.3])
        rv0 = torch.tensor([1.5, 0.8, 1.2])
        rm, rv = rm0.clone(), rv0.clone()
        y = F.batch_norm(x, rm, rv, gamma, beta, training=training, momentum=0.1, eps=1e-5)
        gy, (gx, gg, gb) = grads(y, (x, gamma, beta), 430 + i)
        cases.append({"name": "train" if training else "eval", "training": training, "momentum": 0.1,
                      "eps": 1e-5, "x": t(x), "gamma": t(gamma), "beta": t(beta),
                      "running_mean_before": t(rm0), "running_var_before": t(rv0),
                      "running_mean_after": t(rm), "running_var_after": t(rv),
                      "y": t(y), "gy": t(gy), "gx": t(gx), "ggamma": t(gg), "gbeta": t(gb)})
    return cases


def cross_entropy_cases():
    cases = []
    for i, (n, c) in enumerate([(5, 7), (8, 10)]):
        logits = rand(n, c, seed=500 + i)
        with torch.no_grad():
            logits.mul_(3)
        g = torch.Generator().manual_seed(510 + i)
        labels = torch.randint(0, c, (n,), generator=g)
        loss = F.cross_entropy(logits, labels)
        (gl,) = torch.autograd.grad(loss, (logits,))
        cases.append({"name": f"ce_{n}x{c}", "logits": t(logits), "labels": labels.tolist(),
                      "loss": float(loss), "glogits": t(gl)})
    return cases


def upsample_cases():
    cases = []
    for i, (mode, size, align) in enumerate([("nearest", (7, 9), None), ("bilinear", (8, 6), False), ("bilinear", (7, 10), True)]):
        x = rand(2, 2, 4, 5, seed=600 + i)
        kw = {} if align is None else {"align_corners": align}
        y = F.interpolate(x, size=size, mode=mode, **kw)
        gy, (gx,) = grads(y, (x,), 610 + i)
        cases.append({"name": f"{mode}_{size[0]}x{size[1]}" + ("_align" if align else ""), "mode": mode,
                      "size": list(size), "align_corners": bool(align), "x": t(x), "y": t(y), "gy": t(gy), "gx": t(gx)})
    return cases


def main():
    torch.use_deterministic_algorithms(True)
    os.makedirs(OUT, exist_ok=True)
    files = {"conv2d": conv_cases(), "conv_transpose2d": conv_transpose_cases(), "pooling": pooling_cases(),
             "batch_norm": batch_norm_cases(), "cross_entropy": cross_entropy_cases(), "upsample": upsample_cases()}
    for name, cases in files.items():
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump({"generator": "scripts/gen_engine_fixtures.py", "torch": torch.__version__, "cases": cases}, f)
        print(name, len(cases), "cases")


if __name__ == "__main__":
    main()
