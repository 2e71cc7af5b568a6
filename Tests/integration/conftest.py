"""Shared setup for Stride's integration tests with real Jupyter clients.

The kernelspec `stride` must be installed where jupyter_client finds it (`make test` installs it
into the project's .venv with `stride install --sys-prefix`). Jupyter's runtime files
(connection files) go to a temporary directory, never to ~.
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import time

import pytest

_STATE = tempfile.mkdtemp(prefix="stride-jupyter-")
for _var, _sub in (("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_CONFIG_DIR", "config"),
                   ("JUPYTER_DATA_DIR", "data")):
    os.environ[_var] = os.path.join(_STATE, _sub)
    os.makedirs(os.environ[_var], exist_ok=True)
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

from jupyter_client import KernelManager  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402

KERNEL_NAME = os.environ.get("STRIDE_KERNEL", "stride")


def stride_binary() -> str:
    """The binary the installed `stride` kernelspec starts."""
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    return spec.argv[0]


@pytest.fixture(scope="session")
def message_mode_kernel() -> str:
    """A kernelspec `stride-message` (interrupt_mode: message) in a temporary Jupyter path."""
    prefix = os.path.join(_STATE, "prefix")
    subprocess.run([stride_binary(), "install", "--prefix", prefix, "--name", "stride-message",
                    "--interrupt-mode", "message"], check=True, capture_output=True)
    paths = [os.path.join(prefix, "share", "jupyter"), os.environ.get("JUPYTER_PATH", "")]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in paths if p)
    return "stride-message"


def start(kernel_name: str = KERNEL_NAME):
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    return km, kc


@pytest.fixture
def kernel():
    km, kc = start()
    yield km, kc
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=False)


def run(kc, code: str, timeout: float = 10.0, **kwargs) -> tuple[dict, list[dict]]:
    """Executes `code`; returns the execute_reply and the iopub outputs up to idle."""
    msg_id = kc.execute(code, **kwargs)
    reply = wait_reply(kc, msg_id, timeout)
    outputs = iopub_until_idle(kc, msg_id, timeout)
    return reply, outputs


def wait_reply(kc, msg_id: str, timeout: float = 10.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def iopub_until_idle(kc, msg_id: str, timeout: float = 10.0) -> list[dict]:
    outputs = []
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return outputs
            continue
        outputs.append(msg)


def wait_busy(kc, msg_id: str, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "busy"):
            return


def no_message(get, timeout: float) -> bool:
    try:
        get(timeout=timeout)
    except queue.Empty:
        return True
    return False


sys.path.insert(0, os.path.dirname(__file__))
