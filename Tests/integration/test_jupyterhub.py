"""A class on JupyterHub: 20 students log in at once and run notebook 01 on Stride kernels.

Runs scripts/hub-load.py, which starts the real JupyterHub with deploy/jupyterhub's configuration
(DummyAuthenticator, SimpleLocalProcessSpawner, the Python configurable-http-proxy), logs every
student in through the login form, starts each student's server through the REST API and runs
every code cell of notebooks/01-convolution-arithmetic.ipynb through the kernel's websocket. Every
cell must answer with the committed notebook's text. The script's table (time per student, memory
per kernel) is printed with the test's output.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = 20


def test_twenty_students_at_once_each_get_every_cell_of_notebook_01():
    env = dict(os.environ)
    env.pop("JUPYTER_RUNTIME_DIR", None)  # each student's server keeps its own, under its home
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "hub-load.py"), "--students", str(STUDENTS)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    print(run.stdout[-6000:])
    print(run.stderr[-3000:])
    assert run.returncode == 0, run.stdout[-3000:]
    assert f"{STUDENTS} of {STUDENTS} students got every cell, as committed" in run.stdout
