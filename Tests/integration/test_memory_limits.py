"""The kernel under a 4 GB address-space limit (`prlimit --as`, as a JupyterHub spawner sets one).

Every allocation that would exceed the limit must end the cell with MemoryError naming the size and
the limit, and the kernel must keep running with every binding.
"""
from __future__ import annotations

import json
import os
import shutil

import pytest
from jupyter_client.kernelspec import KernelSpecManager

import conftest
from conftest import run, start

LIMIT = 4_000_000_000

CASES = {
    "tensor": "let big = Tensor.random([2147483648])",
    "broadcast": "let sum = Tensor.random([2]) + Tensor.random([2147483648])",
    "matmul": "let product = matmul(Tensor.random([2]), Tensor.random([2147483647]))",
    "array": "var grown: [Int] = []\nlet chunk = Array(repeating: 1, count: 1_000_000)\n"
             "while true { grown.append(contentsOf: chunk) }",
    "tensors": "var tensors: [Tensor] = []\nwhile true { tensors.append(Tensor.random([16_000_000])) }",
}


@pytest.fixture(scope="module")
def limited_kernel():
    """A kernelspec `stride-limited` whose argv runs the kernel under `prlimit --as=4000000000`."""
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is not installed")
    spec = KernelSpecManager().get_kernel_spec(conftest.KERNEL_NAME)
    directory = os.path.join(conftest._STATE, "limited", "kernels", "stride-limited")
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "kernel.json"), "w") as f:
        json.dump({"argv": ["prlimit", f"--as={LIMIT}", "--", *spec.argv], "display_name": "Stride (4 GB)",
                   "language": spec.language, "env": spec.env,
                   "interrupt_mode": spec.interrupt_mode}, f)
    paths = [os.path.join(conftest._STATE, "limited"), os.environ.get("JUPYTER_PATH", "")]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in paths if p)
    km, kc = start("stride-limited")
    yield km, kc
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=False)


@pytest.mark.parametrize("name", list(CASES))
def test_allocation_over_the_limit_is_a_memory_error(limited_kernel, name):
    km, kc = limited_kernel
    reply, _ = run(kc, f"let keep_{name} = 42", timeout=30)
    assert reply["content"]["status"] == "ok"
    reply, outputs = run(kc, CASES[name], timeout=240)
    content = reply["content"]
    assert content["status"] == "error", content
    assert content["ename"] == "MemoryError", content
    assert "needs" in content["evalue"] and "(RLIMIT_AS)" in content["evalue"], content["evalue"]
    assert km.is_alive()
    reply, outputs = run(kc, f"keep_{name} + 1", timeout=30)
    assert reply["content"]["status"] == "ok"
    results = [o for o in outputs if o["msg_type"] == "execute_result"]
    assert results and results[0]["content"]["data"]["text/plain"] == "43"


def test_the_kernel_keeps_what_it_built_before_the_limit(limited_kernel):
    km, kc = limited_kernel
    reply, outputs = run(kc, "tensors.count > 10 && grown.count > 1_000_000", timeout=30)
    assert reply["content"]["status"] == "ok", reply["content"]
    results = [o for o in outputs if o["msg_type"] == "execute_result"]
    assert results[0]["content"]["data"]["text/plain"] == "true"
    assert km.is_alive()
