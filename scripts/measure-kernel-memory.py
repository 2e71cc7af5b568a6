#!/usr/bin/env python3
"""Resident memory of one Stride kernel per student (a measurement, not a test).

Starts fresh kernels through the installed kernelspec (jupyter_client) and reads the kernel
process's VmRSS (resident now) and VmHWM (peak resident) from /proc:

  idle                  a fresh kernel after `1 + 1`
  FashionMNIST          after `let data = FashionMNIST(padding: 2)`, then after `%reset`
  02-lenet5             every code cell of notebooks/02-lenet5.ipynb: peak and end
  ResNet-20             ResNet(depth: 20) trained one epoch on 2,048 images, then `%reset`

Usage: .venv/bin/python scripts/measure-kernel-memory.py [--skip-lenet] (after `make kernelspec`).
Figures are MiB; the machine's load changes timings, not these sizes.
"""
import argparse
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager

ROOT = Path(__file__).resolve().parent.parent
RESNET = ("%seed 1\nlet data = FashionMNIST(padding: 2)\nlet net = ResNet(depth: 20)\n"
          "let history = net.fit(data.train.prefix(2048), epochs: 1, batchSize: 64, "
          "optimizer: SGD(learningRate: 0.05, momentum: 0.9), loss: .crossEntropy, seed: 1)\n"
          "history.finalLoss")


def status(pid, field):
    """A /proc/PID/status size field (VmRSS, VmHWM) in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


class Kernel:
    """A fresh Stride kernel and its client."""

    def __enter__(self):
        self.km = KernelManager(kernel_name="stride")
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)
        self.pid = self.km.provisioner.pid
        return self

    def __exit__(self, *exc):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run(self, code, timeout=1800):
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"cell failed: {reply['content'].get('evalue')}\n{code}")

    def rss(self):
        return status(self.pid, "VmRSS")

    def peak(self):
        return status(self.pid, "VmHWM")


def report(label, value):
    print(f"{label:<44} {value:8.1f} MiB", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-lenet", action="store_true", help="skip notebook 02 (minutes of CPU)")
    args = parser.parse_args()
    with Kernel() as k:
        k.run("1 + 1")
        time.sleep(0.5)
        report("idle kernel (RSS)", k.rss())
        k.run("let data = FashionMNIST(padding: 2)")
        report("after FashionMNIST(padding: 2) (RSS)", k.rss())
        k.run("%reset")
        report("after %reset (RSS)", k.rss())
    with Kernel() as k:
        k.run(RESNET)
        report("ResNet-20, 1 epoch on 2,048 images (RSS)", k.rss())
        report("ResNet-20 (peak RSS)", k.peak())
        k.run("%reset")
        report("ResNet-20 then %reset (RSS)", k.rss())
    if not args.skip_lenet:
        nb = nbformat.read(ROOT / "notebooks" / "02-lenet5.ipynb", as_version=4)
        with Kernel() as k:
            start = time.time()
            for cell in nb.cells:
                if cell.cell_type == "code":
                    k.run(cell.source)
            report(f"02-lenet5 end ({time.time() - start:.0f} s) (RSS)", k.rss())
            report("02-lenet5 (peak RSS)", k.peak())
    return 0


if __name__ == "__main__":
    sys.exit(main())
