#!/usr/bin/env python3
"""Regenerates Tests/NNTests/Fixtures/layers/*.json: PyTorch's outputs for Stride's layers.

Run with the PyTorch venv: /work/torchbench/venv/bin/python scripts/nn_layer_fixtures.py
Inputs are filled 0, 1, 2, ... (scaled where an activation would saturate); weights are small
deterministic ramps, so the fixtures are readable. Tests read them; they never need PyTorch.
"""
import json
import pathlib

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/NNTests/Fixtures/layers"


def t(x):
    x = x.detach().contiguous()
    return {"shape": list(x.shape), "values": [round(float(v), 7) for v in x.flatten()]}


def ramp(*shape, scale=0.1, shift=0.0):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n, dtype=torch.float32).reshape(shape) % 7 - 3) * scale + shift


def arange(*shape, scale=1.0, shift=0.0):
    n = 1
    for s in shape:
        n *= s
    return torch.arange(n, dtype=torch.float32).reshape(shape) * scale + shift


def case(name, x, module, **extra):
    module.eval() if not extra.pop("training", False) else module.train()
    with torch.no_grad():
        y = module(x)
    params = {k: t(v) for k, v in module.named_parameters()}
    buffers = {k: t(v) for k, v in module.named_buffers() if not k.endswith("num_batches_tracked")}
    return {"name": name, "input": t(x), "parameters": params, "buffers": buffers,
            "output": t(y), **extra}


def set_params(module, **tensors):
    with torch.no_grad():
        for k, v in tensors.items():
            getattr(module, k).copy_(v)
    return module


def layer_cases():
    cases = []
    conv = set_params(nn.Conv2d(2, 2, 3, stride=2, padding=1), weight=ramp(2, 2, 3, 3),
                      bias=torch.tensor([0.1, -0.2]))
    cases.append(case("conv_stride2_pad1", arange(1, 2, 5, 5), conv))
    dil = set_params(nn.Conv2d(2, 4, 2, dilation=2, groups=2), weight=ramp(4, 1, 2, 2),
                     bias=torch.tensor([0.0, 0.1, 0.2, 0.3]))
    cases.append(case("conv_dilated_grouped", arange(1, 2, 5, 5), dil))
    same = set_params(nn.Conv2d(1, 1, 3, padding="same", bias=False), weight=ramp(1, 1, 3, 3))
    cases.append(case("conv_same", arange(2, 1, 4, 4), same))
    up = set_params(nn.ConvTranspose2d(3, 2, 2, stride=2), weight=ramp(3, 2, 2, 2),
                    bias=torch.tensor([0.5, -0.5]))
    cases.append(case("conv_transpose", arange(1, 3, 2, 2), up))
    dense = set_params(nn.Linear(4, 3), weight=ramp(3, 4), bias=torch.tensor([0.1, 0.2, 0.3]))
    cases.append(case("dense", arange(2, 4), dense))
    x = arange(1, 2, 5, 5)
    cases.append(case("maxpool2", x, nn.MaxPool2d(2)))
    cases.append(case("avgpool3_s2_p1", x, nn.AvgPool2d(3, stride=2, padding=1)))
    cases.append(case("global_avgpool", x, nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())))
    cases.append(case("adaptive_avgpool2", x, nn.AdaptiveAvgPool2d(2)))
    cases.append(case("upsample_nearest", arange(1, 1, 2, 3), nn.Upsample(scale_factor=2)))
    cases.append(case("upsample_bilinear", arange(1, 1, 2, 3),
                      nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)))
    cases.append(case("flatten", arange(2, 2, 2, 2), nn.Flatten()))
    a = arange(2, 5, scale=0.5, shift=-2.5)
    for name, module in [("relu", nn.ReLU()), ("leaky_relu", nn.LeakyReLU(0.2)), ("elu", nn.ELU()),
                         ("gelu", nn.GELU()), ("tanh", nn.Tanh()), ("sigmoid", nn.Sigmoid()),
                         ("softmax", nn.Softmax(dim=1))]:
        cases.append(case(name, a, module))
    bn = set_params(nn.BatchNorm2d(2), weight=torch.tensor([1.5, 0.5]), bias=torch.tensor([0.1, -0.1]))
    with torch.no_grad():
        bn.running_mean.copy_(torch.tensor([1.0, 2.0]))
        bn.running_var.copy_(torch.tensor([4.0, 0.25]))
    x = arange(2, 2, 2, 2)
    cases.append(case("batchnorm_eval", x, bn))
    bn_train = case("batchnorm_train", x, bn, training=True)
    # Parameters and buffers before the step, the updated running statistics after it.
    bn_train["buffers"] = {"running_mean": t(torch.tensor([1.0, 2.0])),
                           "running_var": t(torch.tensor([4.0, 0.25]))}
    bn_train["updated_buffers"] = {k: t(v) for k, v in bn.named_buffers() if not k.endswith("num_batches_tracked")}
    cases.append(bn_train)
    return cases


class BasicBlock(nn.Module):
    """torchvision's BasicBlock with a projection shortcut, or the CIFAR option-A shortcut."""

    def __init__(self, cin, cout, stride, option_a=False):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.option_a = option_a
        self.pad = (cout - cin) // 2
        if not option_a:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False),
                                            nn.BatchNorm2d(cout))

    def forward(self, x):
        y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        if self.option_a:
            s = x[:, :, ::2, ::2]
            s = F.pad(s, (0, 0, 0, 0, self.pad, y.shape[1] - s.shape[1] - self.pad))
        else:
            s = self.downsample(x)
        return F.relu(y + s)


def block_case(name, option_a):
    torch.manual_seed(7)
    block = BasicBlock(4, 8, 2, option_a)
    with torch.no_grad():
        for m in block.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
    x = torch.randn(2, 4, 6, 6)
    result = {"name": name,
              "parameters": {k: t(v) for k, v in block.named_parameters()},
              "buffers": {k: t(v) for k, v in block.named_buffers() if not k.endswith("num_batches_tracked")},
              "input": t(x)}
    block.eval()
    with torch.no_grad():
        result["eval_output"] = t(block(x))
    block.train()
    xg = x.clone().requires_grad_(True)
    y = block(xg)
    probe = torch.linspace(-1, 1, y.numel()).reshape(y.shape)
    (y * probe).sum().backward()
    result["train_output"] = t(y)
    result["probe"] = t(probe)
    result["input_grad"] = t(xg.grad)
    result["conv1_weight_grad"] = t(block.conv1.weight.grad)
    result["updated_buffers"] = {k: t(v) for k, v in block.named_buffers()
                                 if not k.endswith("num_batches_tracked")}
    return result


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "layers.json").write_text(json.dumps({"torch": torch.__version__, "cases": layer_cases()}))
    blocks = [block_case("basic_block_projection", False), block_case("basic_block_option_a", True)]
    (OUT / "residual_blocks.json").write_text(json.dumps({"torch": torch.__version__, "cases": blocks}))


if __name__ == "__main__":
    main()
