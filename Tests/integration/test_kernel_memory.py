"""A small kernel per student: what Fashion-MNIST and `%reset` cost in resident memory.

Sizes, not timings: the kernel's VmRSS from /proc after each step. The full figures (02-lenet5,
ResNet-20) come from scripts/measure-kernel-memory.py, which takes minutes of CPU.
"""
import os

import pytest

from conftest import run

FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"


def rss_mib(km):
    with open(f"/proc/{km.provisioner.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def ok(kc, code):
    reply, outputs = run(kc, code, timeout=120)
    assert reply["content"]["status"] == "ok", (code, outputs)
    return outputs


@pytest.mark.skipif(not os.path.exists(FASHION), reason="apt-get install dataset-fashion-mnist")
def test_fashion_mnist_is_kept_as_bytes_and_reset_gives_memory_back(kernel):
    km, kc = kernel
    ok(kc, "1 + 1")
    idle = rss_mib(km)
    assert idle < 40
    # Loading maps the bytes; drawing every training image once touches all 47 MiB of them.
    ok(kc, "let data = FashionMNIST(padding: 2)\n"
           "var total = 0.0\n"
           "for batch in data.train.batches(size: 6000) { total += batch.images.sum().item }\n"
           "print(total)")
    loaded = rss_mib(km)
    assert loaded - idle < 110, f"idle {idle:.1f} MiB, after the whole training set {loaded:.1f} MiB"
    ok(kc, "let images = data.train.prefix(8192).batch(8192).images")  # 32 MiB of Float32
    held = rss_mib(km)
    assert held - loaded > 25
    ok(kc, "%reset")
    after = rss_mib(km)
    assert after - idle < 25, f"idle {idle:.1f} MiB, after %reset {after:.1f} MiB (held {held:.1f})"
    # The session still works, and loads again.
    outputs = ok(kc, "FashionMNIST(padding: 2).train.count")
    assert any(o["content"].get("data", {}).get("text/plain") == "60000" for o in outputs)
