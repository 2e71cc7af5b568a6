"""Checks an installed Stride image layout: the kernelspec starts a kernel that maps the data cache.

    python3 check_image.py PREFIX

Starts the `stride` kernelspec that `stride-image.sh install` wrote (found through this Python's
Jupyter paths, as JupyterLab in the image finds it) with STRIDE_CACHE_DIR=PREFIX/dataset-cache,
as the Dockerfile and the Zero to JupyterHub values set it; asks kernel_info; loads Fashion-MNIST
and checks that the kernel mapped the cache written at install time instead of decoding its own
copy (no new cache entry; its own memory stays small). Exit status 1 on any failure.
"""
from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("JUPYTER_RUNTIME_DIR", tempfile.mkdtemp(prefix="stride-image-"))
from jupyter_client import KernelManager  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402


def anonymous_mib(pid: int) -> float:
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Anonymous:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(prefix: str) -> int:
    cache = os.path.join(prefix, "dataset-cache")
    binary = KernelSpecManager().get_kernel_spec("stride").argv[0]
    if os.path.realpath(binary) != os.path.realpath(os.path.join(prefix, "bin", "stride")):
        print(f"FAIL the kernelspec `stride` found first starts {binary}, not the image's {prefix}/bin/stride")
        return 1
    before = sorted(os.listdir(cache))
    km = KernelManager(kernel_name="stride")
    km.start_kernel(env=dict(os.environ, STRIDE_CACHE_DIR=cache))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        info = kc.kernel_info(reply=True, timeout=30)["content"]
        reply = kc.execute_interactive("let data = FashionMNIST()\nprint(data.test.count)",
                                       output_hook=lambda msg: None, timeout=120)
        own = anonymous_mib(km.provisioner.process.pid)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    problems = []
    if info.get("language_info", {}).get("name") != "swift":
        problems.append(f"kernel_info names no Swift kernel: {info.get('language_info')}")
    if reply["content"]["status"] != "ok":
        problems.append(f"loading Fashion-MNIST failed: {reply['content']}")
    if sorted(os.listdir(cache)) != before or not before:
        problems.append(f"the kernel did not map the install-time cache (before {before}, after {os.listdir(cache)})")
    if not own < 40:
        problems.append(f"the kernel's own memory after loading the data is {own:.1f} MiB (a decoded copy?)")
    for problem in problems:
        print("FAIL", problem)
    print(f"image layout in {prefix}: kernel answers, Fashion-MNIST mapped from the shared cache, "
          f"kernel's own memory {own:.1f} MiB" if not problems else "image check failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
