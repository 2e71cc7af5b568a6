#!/usr/bin/env python3
"""A class on JupyterHub: students log in at once and run a notebook on Stride kernels.

Starts JupyterHub with deploy/jupyterhub/jupyterhub_config.py (DummyAuthenticator,
SimpleLocalProcessSpawner, the Python configurable-http-proxy) in a temporary state directory,
then, for N students at once, each in its own thread: log in through the hub's login form, start
the student's server through the REST API, start a Stride kernel in it and run every code cell of
the notebook through the kernel's websocket, as JupyterLab does. Every cell must answer, and its
text must equal the committed notebook's (timings aside, as `scripts/notebooks.py check` reads
them). Prints, per student, the seconds from login to the last cell's answer and the kernel's
resident memory (now and peak); exit status 1 when anything was lost or differs.

    .venv/bin/python scripts/hub-load.py --students 20
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import nbformat
import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
DEFAULT_NOTEBOOK = ROOT / "notebooks" / "01-convolution-arithmetic.ipynb"


def load_notebooks_module():
    """scripts/notebooks.py, for the text a reader sees per cell (the same rule as `check`)."""
    spec = importlib.util.spec_from_file_location("stride_notebooks", ROOT / "scripts" / "notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port_block(size=3):
    """A base port p on 127.0.0.1 with p … p+size-1 free (hub config uses port, +1, +2)."""
    for _ in range(100):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + size < 65536 and all(port_free(base + i) for i in range(size)):
            return base
    raise RuntimeError("no block of free ports on 127.0.0.1")


def port_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


class Hub:
    """A JupyterHub process started with the course configuration; `stop()` ends it and its children."""

    def __init__(self, state: Path):
        self.state = state
        self.port = free_port_block()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, STRIDE_HUB_STATE=str(state), STRIDE_HUB_PORT=str(self.port),
                   STRIDE_HUB_TOKEN=self.token)
        self.log = open(state / "hub.log", "wb")
        hub = Path(sys.executable).parent / "jupyterhub"
        self.process = subprocess.Popen([str(hub), "-f", str(CONFIG)], cwd=state, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)

    def api(self, method, path, token=None, **kwargs):
        headers = {"Authorization": f"token {token or self.token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs)

    def wait_ready(self, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with {self.process.returncode}: see {self.state}/hub.log")
            try:
                if self.api("GET", "/").status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError("jupyterhub did not answer within %d s" % timeout)

    def stop(self):
        """Ends the hub (it stops the servers it spawned), then its process group if anything lingers."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        self.log.close()


def login(hub: Hub, name: str) -> requests.Session:
    """Logs in through the hub's form (DummyAuthenticator), as a browser does."""
    session = requests.Session()
    page = session.get(f"{hub.url}/hub/login", timeout=60)
    page.raise_for_status()
    xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', page.text)
    form = {"username": name, "password": os.environ.get("STRIDE_HUB_PASSWORD", "")}
    if xsrf:
        form["_xsrf"] = xsrf.group(1)
    reply = session.post(f"{hub.url}/hub/login?next=", data=form, allow_redirects=False, timeout=60)
    if reply.status_code != 302 or not any(c.name.startswith("jupyterhub-hub-login") for c in session.cookies):
        raise RuntimeError(f"login of {name} failed: HTTP {reply.status_code}")
    return session


def start_server(hub: Hub, name: str, token: str, timeout=300):
    """Starts the student's server with the student's own token and waits until it is ready."""
    reply = hub.api("POST", f"/users/{name}/server", token=token)
    if reply.status_code not in (201, 202):
        raise RuntimeError(f"starting {name}'s server: HTTP {reply.status_code} {reply.text[:200]}")
    deadline = time.time() + timeout
    while time.time() < deadline:
        server = hub.api("GET", f"/users/{name}", token=token).json().get("servers", {}).get("", {})
        if server.get("ready"):
            return
        time.sleep(0.5)
    raise RuntimeError(f"{name}'s server not ready within {timeout} s")


def kernel_memory(kernel_id):
    """Memory of the kernel whose connection file names `kernel_id`, in MiB.

    `rss` counts every resident page, the data set's shared cache pages included; `pss` divides
    shared pages among the processes mapping them (what a class of kernels costs the machine, per
    kernel); `anon` is the kernel's own memory; `peak` is the highest resident size it reached.
    """
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if f"kernel-{kernel_id}.json" not in (entry / "cmdline").read_bytes().decode(errors="replace"):
                continue
            rollup = fields_in_kib((entry / "smaps_rollup").read_text())
            status = fields_in_kib((entry / "status").read_text())
        except OSError:
            continue
        return {"rss": rollup["Rss"] / 1024, "pss": rollup["Pss"] / 1024,
                "anon": rollup["Anonymous"] / 1024, "peak": status["VmHWM"] / 1024}
    return {}


def fields_in_kib(text):
    """`Name:  1234 kB` lines as {Name: 1234}."""
    fields = {}
    for line in text.splitlines():
        name, _, value = line.partition(":")
        parts = value.split()
        if len(parts) == 2 and parts[1] == "kB":
            fields[name] = int(parts[0])
    return fields


def execute(ws, session_id, code, timeout=300):
    """Runs one cell through the websocket; returns (reply status, nbformat outputs)."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "student", "session": session_id,
                   "msg_type": "execute_request", "version": "5.5"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }))
    outputs, status, idle = [], None, False
    deadline = time.time() + timeout
    while (status is None or not idle) and time.time() < deadline:
        ws.settimeout(max(0.1, deadline - time.time()))
        frame = ws.recv()
        if isinstance(frame, bytes):
            continue
        msg = json.loads(frame)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if msg["channel"] == "shell" and kind == "execute_reply":
            status = msg["content"]["status"]
        elif kind == "status":
            idle = msg["content"]["execution_state"] == "idle"
        elif kind in ("stream", "display_data", "execute_result", "error"):
            outputs.append(nbformat.v4.output_from_msg(msg))
    if status is None or not idle:
        raise TimeoutError(f"no answer to a cell within {timeout} s")
    return status, outputs


def run_student(hub: Hub, name: str, notebook, result: dict):
    """One student's session from login to the last cell; fills `result`."""
    began = time.time()
    login(hub, name)
    token = hub.api("POST", f"/users/{name}/tokens", json={"note": "load test"}).json()["token"]
    start_server(hub, name, token)
    result["server_s"] = time.time() - began
    headers = {"Authorization": f"token {token}"}
    base = f"127.0.0.1:{hub.port}/user/{name}/api/kernels"
    kernel = requests.post(f"http://{base}", headers=headers, json={"name": "stride"}, timeout=120)
    kernel.raise_for_status()
    kernel_id = kernel.json()["id"]
    ws = websocket.create_connection(f"ws://{base}/{kernel_id}/channels",
                                     header=[f"Authorization: token {token}"], timeout=120)
    session_id = uuid.uuid4().hex
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    answered = []
    try:
        for cell in cells:
            status, outputs = execute(ws, session_id, cell.source)
            answered.append(nbformat.v4.new_code_cell(cell.source, outputs=outputs))
            result.setdefault("statuses", []).append(status)
        result["seconds"] = time.time() - began
        result["memory"] = kernel_memory(kernel_id)
    finally:
        ws.close()
    result["answered"] = answered
    requests.delete(f"http://{base}/{kernel_id}", headers=headers, timeout=60)
    hub.api("DELETE", f"/users/{name}/server", token=token)


def compare(notebooks, committed, result):
    """Differences between the committed notebook's cell texts and what the student got."""
    fresh = nbformat.v4.new_notebook(cells=result.get("answered", []))
    expected = notebooks.text_outputs(committed)
    got = notebooks.text_outputs(fresh)
    problems = []
    if len(got) != len(expected):
        problems.append(f"{len(got)} of {len(expected)} cells answered")
    for index, (old, new) in enumerate(zip(expected, got)):
        if old != new:
            problems.append(f"cell {index + 1} differs:\n--- committed\n{old}\n--- got\n{new}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--notebook", type=Path, default=DEFAULT_NOTEBOOK)
    parser.add_argument("--keep", action="store_true", help="keep the hub's state directory")
    args = parser.parse_args()
    notebooks = load_notebooks_module()
    committed = nbformat.read(args.notebook, as_version=4)
    state = Path(tempfile.mkdtemp(prefix="stride-hub-"))
    hub = Hub(state)
    results = {f"student{i + 1:02d}": {} for i in range(args.students)}
    try:
        hub.wait_ready()
        for name in results:  # the instructor adds the class roster
            hub.api("POST", f"/users/{name}").raise_for_status()
        threads = [threading.Thread(target=guarded, args=(run_student, hub, name, committed, results[name]))
                   for name in results]
        began = time.time()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.time() - began
    finally:
        hub.stop()
    return report(notebooks, committed, results, wall, state, args.keep)


def guarded(function, hub, name, notebook, result):
    try:
        function(hub, name, notebook, result)
    except Exception as error:  # reported per student, not a crash of the whole run
        result["error"] = f"{type(error).__name__}: {error}"


def report(notebooks, committed, results, wall, state, keep):
    failures = 0
    nan = float("nan")
    print(f"{'student':<10} {'server s':>8} {'total s':>8} {'cells':>6} "
          f"{'RSS MiB':>8} {'PSS MiB':>8} {'anon MiB':>9} {'peak MiB':>9}")
    for name, result in results.items():
        problems = [result["error"]] if "error" in result else compare(notebooks, committed, result)
        failures += bool(problems)
        memory = result.get("memory", {})
        print(f"{name:<10} {result.get('server_s', nan):8.1f} {result.get('seconds', nan):8.1f} "
              f"{len(result.get('answered', [])):6d} {memory.get('rss', nan):8.1f} {memory.get('pss', nan):8.1f} "
              f"{memory.get('anon', nan):9.1f} {memory.get('peak', nan):9.1f}")
        for problem in problems:
            print(f"  FAIL {name}: {problem}")
    done = [r for r in results.values() if "seconds" in r and r.get("memory")]
    if done:
        median = lambda key: statistics.median(r["memory"][key] for r in done)  # noqa: E731
        print(f"{len(results)} students at once in {wall:.1f} s; per student median "
              f"{statistics.median(r['seconds'] for r in done):.1f} s, max {max(r['seconds'] for r in done):.1f} s; "
              f"per kernel median RSS {median('rss'):.1f} MiB, PSS {median('pss'):.1f} MiB, "
              f"own (anonymous) {median('anon'):.1f} MiB; highest peak {max(r['memory']['peak'] for r in done):.1f} MiB")
    print(f"{len(results) - failures} of {len(results)} students got every cell, as committed")
    if keep or failures:
        print(f"hub state and log: {state}")
    else:
        shutil.rmtree(state, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
