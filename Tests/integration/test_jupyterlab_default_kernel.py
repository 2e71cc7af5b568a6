"""`make run`'s JupyterLab opens new notebooks with the Stride kernel.

`make run` adds deploy/jupyter to JUPYTER_CONFIG_PATH; its jupyter_server_config.json sets
`MappingKernelManager.default_kernel_name = "stride"`, which the server reports as the default
kernelspec (what JupyterLab's "New Notebook" uses) and starts when no kernel is named.
"""
import json
import os
import urllib.request
from pathlib import Path

import pytest

from lab_screenshot import LabServer

ROOT = Path(__file__).resolve().parents[2]
CONFIG_PATH = ROOT / "deploy" / "jupyter"


class ConfiguredLab(LabServer):
    """JupyterLab with the configuration directory `make run` adds."""

    def environment(self) -> dict:
        env = super().environment()
        env["JUPYTER_CONFIG_PATH"] = str(CONFIG_PATH)
        return env


def call(server, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{server.base_url}{path}", data=data, method=method,
                                     headers={"Authorization": f"token {server.token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    server = ConfiguredLab(str(tmp_path_factory.mktemp("notebooks")))
    try:
        yield server.start()
    finally:
        server.stop()


def test_make_run_uses_this_configuration():
    makefile = (ROOT / "Makefile").read_text()
    assert "JUPYTER_CONFIG_PATH=$(CURDIR)/deploy/jupyter" in makefile


def test_default_kernelspec_is_stride(lab):
    specs = call(lab, "GET", "/api/kernelspecs")
    assert specs["default"] == "stride"
    assert specs["kernelspecs"]["stride"]["spec"]["language"] == "swift"


def test_new_notebook_session_starts_a_stride_kernel(lab):
    session = call(lab, "POST", "/api/sessions",
                   {"path": "Untitled.ipynb", "type": "notebook", "name": "Untitled.ipynb"})
    try:
        assert session["kernel"]["name"] == "stride"
    finally:
        call(lab, "DELETE", f"/api/sessions/{session['id']}")
