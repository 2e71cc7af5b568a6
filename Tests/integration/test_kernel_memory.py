"""A small kernel per student: what Fashion-MNIST and `%reset` cost in resident memory.

Sizes, not timings: the kernel's VmRSS from /proc after each step. The full figures (02-lenet5,
ResNet-20) come from scripts/measure-kernel-memory.py, which takes minutes of CPU.
"""
import os

import pytest

from jupyter_client import KernelManager

from conftest import KERNEL_NAME, run, wait_reply

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


def start_with_cache(cache_dir):
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(env=dict(os.environ, STRIDE_CACHE_DIR=cache_dir))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    return km, kc


@pytest.mark.skipif(not os.path.exists(FASHION), reason="apt-get install dataset-fashion-mnist")
def test_a_class_loading_at_once_decodes_once_and_shares_it(tmp_path):
    """Four kernels run `FashionMNIST()` at the same moment on an empty cache: one decodes and
    writes the cache while the others wait and map it; none keeps a decoded copy of its own (not
    even the one that decoded, once the engine's allocator has started keeping freed buffers)."""
    kernels = [start_with_cache(str(tmp_path)) for _ in range(4)]
    try:
        for _, kc in kernels:  # the engine has run (its allocator keeps large freed buffers for reuse)
            ok(kc, "let warm = Tensor.random([512, 512]) + Tensor.random([512, 512])")
        ids = [kc.execute("let data = FashionMNIST()\ndata.train.count") for _, kc in kernels]
        for (_, kc), msg_id in zip(kernels, ids):
            assert wait_reply(kc, msg_id, 300)["content"]["status"] == "ok"
        own = [rss_mib(km, "RssAnon") for km, _ in kernels]
        # A decoded copy of the training and test images is 52 MiB of private memory.
        assert max(own) < 30, f"private memory per kernel after loading at once: {own} MiB"
        assert len([p for p in tmp_path.iterdir() if p.suffix == ".idx"]) == 2
    finally:
        for km, kc in kernels:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
