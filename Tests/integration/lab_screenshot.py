"""Opens a notebook in JupyterLab in headless Chromium and checks what a reader sees.

Used by test_jupyterlab_render.py and scripts/screenshot-notebook.sh. No pytest here.

- `LabServer` starts `jupyter lab` of this Python's environment on 127.0.0.1 (free port, known
  token, isolated config/data/runtime directories, no browser) and stops exactly that process.
- `Chromium` starts headless Chromium with the DevTools protocol on a free loopback port and
  speaks it over a websocket (websocket-client).
- `render_notebook` opens a notebook, waits until every cell and every output image has loaded,
  then per output image scrolls it into view, screenshots the viewport, crops the image's box and
  measures it (Pillow). It returns a `Render` with everything the caller asserts on.

Notebooks opened this way are untrusted (the notary database lives in the temporary data
directory), so JupyterLab hides `image/svg+xml` outputs and shows their `image/png` fallback:
a chart without a PNG renders no image.
"""
from __future__ import annotations

import base64
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")

# JupyterLab user settings written into the isolated config directory: render every cell (no
# virtual scrolling, so all output images are in the DOM) and no news/update toasts over outputs.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}


class LabError(RuntimeError):
    """JupyterLab or Chromium did not start or did not answer in time."""


def find_chromium() -> str | None:
    """Path of a Chromium binary ($STRIDE_CHROMIUM, else the first of CHROMIUM_NAMES on PATH)."""
    explicit = os.environ.get("STRIDE_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, grace: float = 5.0) -> None:
    """Stops one process we started: SIGTERM, then SIGKILL after `grace` seconds."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)


class LabServer:
    """`jupyter lab` serving `root_dir` on 127.0.0.1 with a token, in isolated Jupyter dirs."""

    APP_MODULE = "jupyterlab"
    TREE_PATH = "/lab/tree/"

    def __init__(self, root_dir: str, state_dir: str | None = None):
        self.root_dir = root_dir
        self.state = state_dir or tempfile.mkdtemp(prefix="stride-lab-")
        self.port = free_port()
        self.token = base64.b16encode(os.urandom(16)).decode().lower()
        self.proc: subprocess.Popen | None = None
        self.log_path = os.path.join(self.state, "lab.log")
        self.extra_args: list[str] = []  # more `jupyter lab` options

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, relpath: str) -> str:
        path = urllib.parse.quote(relpath)
        return f"{self.base_url}{self.TREE_PATH}{path}?token={self.token}&reset"

    def environment(self) -> dict:
        """Isolated config/data/runtime dirs; lab extensions still come from sys.prefix."""
        env = dict(os.environ)
        for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                         ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTERLAB_WORKSPACES_DIR",
                                                              "workspaces")):
            env[var] = os.path.join(self.state, sub)
            os.makedirs(env[var], exist_ok=True)
        settings = os.path.join(env["JUPYTER_CONFIG_DIR"], "lab", "user-settings")
        env["JUPYTERLAB_SETTINGS_DIR"] = settings
        for rel, value in LAB_SETTINGS.items():
            path = os.path.join(settings, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                json.dump(value, f)
        env["JUPYTER_PLATFORM_DIRS"] = "1"
        return env

    def start(self, timeout: float = 40.0) -> "LabServer":
        """Launches the server and waits until /api/status answers."""
        return self.launch().wait(timeout)

    def launch(self) -> "LabServer":
        """Launches the server without waiting (start a browser meanwhile, then `wait`)."""
        cmd = [sys.executable, "-m", self.APP_MODULE, "--no-browser", "--ip=127.0.0.1",
               f"--port={self.port}", "--port-retries=0",
               f"--IdentityProvider.token={self.token}",
               f"--ServerApp.root_dir={self.root_dir}",
               "--ServerApp.open_browser=False",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class="
               "jupyterlab.NeverCheckForUpdate"]
        cmd += self.extra_args
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI runs as root
        log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, env=self.environment(), stdout=log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        return self

    def wait(self, timeout: float = 40.0) -> "LabServer":
        """Polls /api/status with the token until the server answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise LabError(f"{self.APP_MODULE} exited with {self.proc.returncode}:\n{self.log()}")
            try:
                url = f"{self.base_url}/api/status?token={self.token}"
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        raise LabError(f"{self.APP_MODULE} did not answer /api/status in {timeout} s:\n{self.log()}")

    def log(self) -> str:
        try:
            with open(self.log_path) as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is not None:
            _stop(self.proc)


class NotebookServer(LabServer):
    """`jupyter notebook` (Notebook 7, built from JupyterLab's parts) in the same isolated dirs;
    a notebook opens on its own page, /notebooks/PATH."""

    APP_MODULE = "notebook"
    TREE_PATH = "/notebooks/"


class Chromium:
    """Headless Chromium driven over the DevTools protocol (one page target)."""

    def __init__(self, binary: str, width: int = 1400, height: int = 1100):
        self.binary = binary
        self.width, self.height = width, height
        self.profile = tempfile.mkdtemp(prefix="stride-chromium-")
        self.proc: subprocess.Popen | None = None
        self.ws = None
        self._next_id = 0

    def start(self, timeout: float = 30.0) -> "Chromium":
        import websocket  # websocket-client, pinned in requirements-test.txt

        cmd = [self.binary, "--headless=new", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
               "--hide-scrollbars", "--force-device-scale-factor=1",
               f"--window-size={self.width},{self.height}",
               f"--user-data-dir={self.profile}", "--remote-debugging-address=127.0.0.1",
               "--remote-debugging-port=0", "about:blank"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     stdin=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise LabError(f"{self.binary} exited with {self.proc.returncode}")
            if time.monotonic() > deadline:
                raise LabError(f"{self.binary} wrote no DevToolsActivePort in {timeout} s")
            try:
                with open(port_file) as f:
                    port = int(f.readline().strip())
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    pages = [t for t in json.load(r) if t.get("type") == "page"]
                if pages:
                    break
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=30,
                                              suppress_origin=True)
        self.send("Page.enable")
        self.send("Runtime.enable")
        return self

    def send(self, method: str, **params) -> dict:
        """Sends one DevTools command and returns its result (events are skipped)."""
        self._next_id += 1
        ident = self._next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == ident:
                if "error" in msg:
                    raise LabError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def evaluate(self, expression: str):
        """Value of a JavaScript expression in the page (awaits promises)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise LabError(f"JavaScript error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url: str) -> None:
        self.send("Page.navigate", url=url)

    def screenshot(self):
        """The viewport as a Pillow RGB image."""
        from PIL import Image

        data = self.send("Page.captureScreenshot", format="png")["data"]
        return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")

    def stop(self) -> None:
        if self.ws is not None:
            try:
                self.ws.send(json.dumps({"id": 0, "method": "Browser.close"}))  # graceful exit
                if self.proc is not None:
                    self.proc.wait(timeout=5)
            except Exception:  # noqa: BLE001 - SIGTERM below
                pass
            try:
                self.ws.close()
            except Exception:  # noqa: BLE001 - closing a dead socket is fine
                pass
        if self.proc is not None:
            _stop(self.proc)
        shutil.rmtree(self.profile, ignore_errors=True)
