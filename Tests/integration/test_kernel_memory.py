"""A small kernel per student: what Fashion-MNIST and `%reset` cost in resident memory.

Sizes, not timings: the kernel's VmRSS from /proc after each step. The full figures (02-lenet5,
ResNet-20) come from scripts/measure-kernel-memory.py, which takes minutes of CPU.
"""
import os

import pytest

from conftest import run

FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"


def rss_mib(km, field="VmRSS"):
    """VmRSS (all resident), RssAnon (private heap) or RssFile (mapped files) in MiB."""
    with open(f"/proc/{km.provisioner.pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field}")


def ok(kc, code):
    reply, outputs = run(kc, code, timeout=120)
    assert reply["content"]["status"] == "ok", (code, outputs)
    return outputs


@pytest.mark.skipif(not os.path.exists(FASHION), reason="apt-get install dataset-fashion-mnist")
def test_fashion_mnist_is_mapped_bytes_and_reset_gives_memory_back(kernel):
    km, kc = kernel
    ok(kc, "1 + 1")
    idle, idle_file = rss_mib(km), rss_mib(km, "RssFile")
    # Drawing every training image once touches all 47 MiB of bytes: mapped file pages (shared
    # by every kernel), not private memory; the Float32 set would have been 240 MiB private.
    ok(kc, "let data = FashionMNIST(padding: 2)\n"
           "for batch in data.train.batches(size: 6000) { }")
    touched = rss_mib(km)
    assert rss_mib(km, "RssFile") - idle_file > 40
    assert touched - idle < 110, f"idle {idle:.1f} MiB, after the whole training set {touched:.1f} MiB"
    ok(kc, "let images = data.train.prefix(8192).batch(8192).images")  # 32 MiB of Float32
    held = rss_mib(km)
    assert held - touched > 25
    ok(kc, "%reset")
    after = rss_mib(km)
    # The mapping and the 32 MiB tensor go back (what a batch loop leaves in the heap may stay).
    assert held - after > 70, f"idle {idle:.1f}, held {held:.1f}, after %reset {after:.1f} MiB"
    assert rss_mib(km, "RssFile") - idle_file < 10
    # The session still works, and loads again.
    outputs = ok(kc, "FashionMNIST(padding: 2).train.count")
    assert any(o["content"].get("data", {}).get("text/plain") == "60000" for o in outputs)
