"""Resident memory of a Stride kernel under message load, through jupyter_client (not a test).

  .venv/bin/python scripts/kernel-memory.py executes [--count 10000] [--warmup 1000]
  .venv/bin/python scripts/kernel-memory.py fuzz [--count 20000] [--seed 1] [--big-every 500]

`executes` runs `1 + 1` (or --code) COUNT times after WARMUP executes and prints the kernel's
VmRSS (/proc/PID/status) before and after, and the growth in percent. `fuzz` sends COUNT generated
hostile messages on shell and control (bit flips, truncated and missing frames, wrong and missing
signatures, signed garbage JSON, signed replays, and every BIG_EVERY-th one a 1-50 MB frame),
each followed now and then by a real request that must still be answered; it prints VmRSS along
the way. Every random choice flows from --seed. Needs `make kernelspec` (the kernelspec `stride`
in .venv). Runtime files go to a temporary directory.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time

_STATE = tempfile.mkdtemp(prefix="stride-memory-")
for _var in ("JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR"):
    os.environ[_var] = os.path.join(_STATE, _var.lower())
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

from jupyter_client import KernelManager  # noqa: E402
from jupyter_client.session import Session  # noqa: E402


def rss_kib(pid: int) -> int:
    """VmRSS of `pid` in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def start(kernel: str):
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def execute(kc, code: str, timeout: float = 30.0, store_history: bool = True) -> dict:
    if code == "%kernel_info":  # a request that runs no cell
        msg_id = kc.kernel_info()
    else:
        msg_id = kc.execute(code, store_history=store_history)
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    while True:  # iopub up to idle, so the client's queues stay empty
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return reply


def executes(args) -> None:
    km, kc = start(args.kernel)
    pid = km.provisioner.pid
    try:
        for _ in range(args.warmup):
            execute(kc, args.code, store_history=not args.no_history)
        before = rss_kib(pid)
        started = time.monotonic()
        for index in range(args.count):
            assert execute(kc, args.code, store_history=not args.no_history)["content"]["status"] == "ok"
            if args.every and (index + 1) % args.every == 0:
                print(f"  after {index + 1}: {rss_kib(pid) / 1024:.2f} MiB", file=sys.stderr)
        after = rss_kib(pid)
        elapsed = time.monotonic() - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps({"test": "executes", "code": args.code, "history": not args.no_history,
                      "warmup": args.warmup, "count": args.count,
                      "rss_before_mib": round(before / 1024, 2),
                      "rss_after_mib": round(after / 1024, 2),
                      "growth_percent": round(100 * (after - before) / before, 2),
                      "seconds": round(elapsed, 1)}))


def fuzz_frames(rng: random.Random, session: Session, valid: list[list[bytes]]) -> list[bytes]:
    """One hostile multipart message (a list of frames)."""
    kind = rng.randrange(7)
    base = list(rng.choice(valid))
    if kind == 0:  # bit flips anywhere
        frames = [bytearray(f) for f in base]
        for _ in range(rng.randint(1, 8)):
            frame = rng.randrange(len(frames))
            if frames[frame]:
                position = rng.randrange(len(frames[frame]))
                frames[frame][position] ^= 1 << rng.randrange(8)
        return [bytes(f) for f in frames]
    if kind == 1:  # truncated: frames dropped or cut short
        keep = rng.randrange(len(base) + 1)
        frames = base[:keep]
        if frames and rng.random() < 0.5:
            frames[-1] = frames[-1][: rng.randrange(len(frames[-1]) + 1)]
        return frames or [b""]
    if kind == 2:  # a wrong signature
        wrong = Session(key=rng.randbytes(16).hex().encode(), session=session.session)
        parts = base[2:6]
        return [b"<IDS|MSG>", wrong.sign(parts)] + parts
    if kind == 3:  # no signature
        return [b"<IDS|MSG>", b""] + base[2:6]
    if kind == 4:  # signed garbage JSON
        header = session.msg_header(rng.choice(["execute_request", "kernel_info_request", "x"]))
        parts = [session.pack(header), b"{}", rng.choice([b"[", b"{", b"null", b"1e999999"]),
                 rng.randbytes(rng.randrange(64))]
        return [b"<IDS|MSG>", session.sign(parts)] + parts
    if kind == 5:  # a replay of a valid message (each valid message is also sent once, below)
        return base
    return [rng.randbytes(rng.randrange(1, 200)) for _ in range(rng.randrange(1, 9))]


def big_frames(rng: random.Random, session: Session) -> list[bytes]:
    """A 1-50 MB frame: wrongly signed content, or one huge buffer after a valid message."""
    size = rng.randint(1, 50) << 20
    header = session.msg_header("kernel_info_request")
    parts = [session.pack(header), b"{}", b"{}", b"{}"]
    if rng.random() < 0.5:
        return [b"<IDS|MSG>", b"0" * 64] + parts[:3] + [b" " * size]
    return [b"<IDS|MSG>", b"0" * 64] + parts + [b"\0" * size]


def fuzz(args) -> None:
    rng = random.Random(args.seed)
    km, kc = start(args.kernel)
    pid = km.provisioner.pid
    session = kc.session
    shell, control = kc.shell_channel.socket, kc.control_channel.socket
    valid = []
    for msg_type in ("kernel_info_request", "is_complete_request", "complete_request"):
        content = {} if msg_type == "kernel_info_request" else {"code": "pri", "cursor_pos": 3}
        msg = session.msg(msg_type, content)
        valid.append(session.serialize(msg))
    for frames in valid:
        shell.send_multipart(frames)
    print(json.dumps({"sent": 0, "rss_mib": round(rss_kib(pid) / 1024, 2)}))
    started = time.monotonic()
    try:
        for index in range(1, args.count + 1):
            if args.big_every and index % args.big_every == 0:
                frames = big_frames(rng, session)
            else:
                frames = fuzz_frames(rng, session, valid)
            rng.choice([shell, control]).send_multipart(frames)
            if index % args.check_every == 0:
                while kc.shell_channel.msg_ready():
                    kc.get_shell_msg(timeout=1)
                while kc.control_channel.msg_ready():
                    kc.control_channel.get_msg(timeout=1)
                assert execute(kc, "1 + 1", timeout=120)["content"]["status"] == "ok"
                time.sleep(args.settle)  # control works on its own thread: let it finish
                print(json.dumps({"sent": index, "rss_mib": round(rss_kib(pid) / 1024, 2),
                                  "seconds": round(time.monotonic() - started, 1)}))
        alive = km.is_alive()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps({"test": "fuzz", "count": args.count, "seed": args.seed, "alive": alive}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", default="stride")
    sub = parser.add_subparsers(dest="mode", required=True)
    ex = sub.add_parser("executes")
    ex.add_argument("--count", type=int, default=10_000)
    ex.add_argument("--warmup", type=int, default=1_000)
    ex.add_argument("--code", default="1 + 1", help="the cell (%%kernel_info: no cell, a request)")
    ex.add_argument("--no-history", action="store_true", help="store_history: false")
    ex.add_argument("--every", type=int, default=0, help="print VmRSS every N executes")
    fz = sub.add_parser("fuzz")
    fz.add_argument("--count", type=int, default=20_000)
    fz.add_argument("--seed", type=int, default=1)
    fz.add_argument("--big-every", type=int, default=500)
    fz.add_argument("--check-every", type=int, default=2_000)
    fz.add_argument("--settle", type=float, default=1.0, help="seconds before reading VmRSS")
    args = parser.parse_args()
    executes(args) if args.mode == "executes" else fuzz(args)


if __name__ == "__main__":
    main()
