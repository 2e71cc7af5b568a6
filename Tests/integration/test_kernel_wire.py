"""Stride over real ZeroMQ with jupyter_client: security, interrupts, lifecycle, load."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import zmq
from jupyter_client.session import Session

from conftest import (KERNEL_NAME, iopub_until_idle, no_message, run, start, wait_busy,
                      wait_reply)


def test_kernelspec_is_listed():
    jupyter = os.path.join(os.path.dirname(sys.executable), "jupyter")
    out = subprocess.run([jupyter, "kernelspec", "list"], capture_output=True, text=True,
                         check=True).stdout
    assert any(line.split()[0] == KERNEL_NAME for line in out.splitlines()[1:] if line.split())


def test_kernelspec_pins_openblas_kernels():
    """Notebooks reproduce across processors only with OpenBLAS's kernels pinned (kernel.json)."""
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert spec.env.get("OPENBLAS_CORETYPE") == "Haswell"


def test_wrongly_signed_and_malformed_requests_are_dropped(kernel):
    km, kc = kernel
    socket = kc.shell_channel.socket
    intruder = Session(key=b"not-the-key", session=kc.session.session)
    intruder.send(socket, "execute_request", {"code": 'print("pwned")', "silent": False})
    unsigned = Session(key=b"", session=kc.session.session)
    unsigned.send(socket, "kernel_info_request", {})
    socket.send_multipart([b"no delimiter at all"])
    socket.send_multipart([b"<IDS|MSG>", b"short"])
    assert no_message(kc.get_shell_msg, 1.0)
    # a correctly signed message with bad JSON content: dropped too
    header = kc.session.msg_header("execute_request")
    parts = [kc.session.pack(header), b"{}", b"{}", b"{not json"]
    socket.send_multipart([b"<IDS|MSG>", kc.session.sign(parts)] + parts)
    assert no_message(kc.get_shell_msg, 0.5)
    msg_id = kc.kernel_info()
    reply = wait_reply(kc, msg_id, 5)
    assert reply["content"]["status"] == "ok"
    reply, outputs = run(kc, "1 + 1")
    assert reply["content"]["status"] == "ok"
    assert km.is_alive()


def interrupt_and_check(km, kc):
    assert run(kc, "let kept = 42")[0]["content"]["status"] == "ok"
    msg_id = kc.execute("var spins = 0\nwhile true { spins += 1 }")
    wait_busy(kc, msg_id)
    time.sleep(0.5)
    start_time = time.monotonic()
    km.interrupt_kernel()
    reply = wait_reply(kc, msg_id, 5)
    elapsed = time.monotonic() - start_time
    iopub_until_idle(kc, msg_id, 5)
    assert reply["content"]["status"] == "error"
    assert "interrupt" in reply["content"]["ename"].lower()
    assert elapsed <= 1.0, f"interrupt took {elapsed:.3f} s"
    reply, outputs = run(kc, "kept")
    results = [o for o in outputs if o["msg_type"] == "execute_result"]
    assert results and results[0]["content"]["data"]["text/plain"] == "42"
    reply, outputs = run(kc, "spins > 0")
    assert [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"] == ["true"]


def test_interrupt_by_signal_keeps_bindings(kernel):
    km, kc = kernel
    assert km.kernel_spec.interrupt_mode == "signal"
    interrupt_and_check(km, kc)
    interrupt_and_check(km, kc)  # twice: the handler stays installed


def test_interrupt_by_message_keeps_bindings(message_mode_kernel):
    km, kc = start(message_mode_kernel)
    try:
        assert km.kernel_spec.interrupt_mode == "message"
        interrupt_and_check(km, kc)
    finally:
        kc.stop_channels()
        km.shutdown_kernel()


def test_interrupt_during_sleep_and_input(kernel):
    km, kc = kernel
    msg_id = kc.execute("sleep(30)")
    wait_busy(kc, msg_id)
    km.interrupt_kernel()
    assert wait_reply(kc, msg_id, 2)["content"]["status"] == "error"
    iopub_until_idle(kc, msg_id)  # queued cells are aborted until then (stop_on_error)
    msg_id = kc.execute('readLine(prompt: "never answered")', allow_stdin=True)
    assert kc.get_stdin_msg(timeout=5)["msg_type"] == "input_request"
    km.interrupt_kernel()
    assert wait_reply(kc, msg_id, 2)["content"]["status"] == "error"
    iopub_until_idle(kc, msg_id)
    assert run(kc, "2 * 21")[0]["content"]["status"] == "ok"


def test_stdin_round_trip(kernel):
    _, kc = kernel
    msg_id = kc.execute('let name = readLine(prompt: "name? ") ?? ""\nprint("hi " + name)',
                        allow_stdin=True)
    request = kc.get_stdin_msg(timeout=5)
    assert request["content"]["prompt"] == "name? "
    assert request["parent_header"]["msg_id"] == msg_id
    kc.input("Ada")
    assert wait_reply(kc, msg_id)["content"]["status"] == "ok"
    texts = [o["content"]["text"] for o in iopub_until_idle(kc, msg_id) if o["msg_type"] == "stream"]
    assert "".join(texts) == "hi Ada\n"


def test_heartbeat_answers_while_a_cell_runs(kernel):
    km, kc = kernel
    msg_id = kc.execute("sleep(2)")
    wait_busy(kc, msg_id)
    context = zmq.Context.instance()
    req = context.socket(zmq.REQ)
    req.linger = 0
    req.connect(f"{km.transport}://{km.ip}:{km.hb_port}")
    req.send(b"ping")
    assert req.poll(500) == zmq.POLLIN
    assert req.recv() == b"ping"
    req.close()
    info_id = kc.kernel_info()  # shell is busy: answered after the cell
    control_id = kc.control_channel.send(kc.session.msg("kernel_info_request"))
    control = kc.control_channel.get_msg(timeout=1)  # control answers during the cell
    assert control["msg_type"] == "kernel_info_reply"
    assert wait_reply(kc, msg_id, 5)["content"]["status"] == "ok"
    assert wait_reply(kc, info_id, 5)["content"]["status"] == "ok"
    del control_id


def test_shutdown_and_restart():
    km, kc = start()
    try:
        assert run(kc, "let before = 1")[0]["content"]["status"] == "ok"
        old_pid = km.provisioner.pid
        km.restart_kernel()
        assert km.provisioner.pid != old_pid
        kc.wait_for_ready(timeout=30)
        reply, outputs = run(kc, "before")
        assert reply["content"]["ename"] == "NameError"  # a fresh process
        assert run(kc, "1 + 1")[0]["content"]["status"] == "ok"
    finally:
        kc.stop_channels()
        start_time = time.monotonic()
        km.shutdown_kernel()
        elapsed = time.monotonic() - start_time
    assert not km.is_alive()
    assert elapsed < 2.5, f"shutdown needed SIGTERM ({elapsed:.2f} s)"


def test_shutdown_reply_on_control():
    km, kc = start()
    try:
        kc.shutdown(restart=True)
        reply = kc.control_channel.get_msg(timeout=5)
        assert reply["msg_type"] == "shutdown_reply"
        assert reply["content"] == {"status": "ok", "restart": True}
        deadline = time.monotonic() + 3
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not km.is_alive()
    finally:
        kc.stop_channels()
        km.cleanup_resources()


def test_thousand_requests_in_a_row(kernel):
    _, kc = kernel
    for count in range(1, 1001):
        msg_id = kc.execute("1 + 1")
        reply = wait_reply(kc, msg_id, 10)
        assert reply["content"]["status"] == "ok"
        assert reply["content"]["execution_count"] == count
    ids = [kc.execute("2 + 2") for _ in range(1000)]  # pipelined
    replies = [wait_reply(kc, msg_id, 30) for msg_id in ids]
    assert [r["content"]["execution_count"] for r in replies] == list(range(1001, 2001))


def test_client_vanishing_mid_cell_does_not_hurt(kernel):
    km, kc = kernel
    doomed = km.client()
    doomed.start_channels()
    msg_id = doomed.execute('print("partial")\nsleep(0.5)\nprint("done")')
    time.sleep(0.2)  # the cell is running (a fresh SUB socket may miss `busy`)
    doomed.stop_channels()  # gone before the reply and idle
    time.sleep(0.8)
    reply, outputs = run(kc, "40 + 2")
    assert reply["content"]["status"] == "ok"
    assert km.is_alive()


def test_comm_open_to_unknown_target_is_closed(kernel):
    _, kc = kernel
    msg = kc.session.msg("comm_open", {"comm_id": "abc", "target_name": "nobody", "data": {}})
    kc.shell_channel.send(msg)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        m = kc.get_iopub_msg(timeout=5)
        if m["msg_type"] == "comm_close":
            assert m["content"]["comm_id"] == "abc"
            break
    else:
        pytest.fail("no comm_close")
    msg_id = kc.comm_info()
    assert wait_reply(kc, msg_id)["content"]["comms"] == {}


def test_execute_bookkeeping(kernel):
    _, kc = kernel
    reply, outputs = run(kc, 'print("x")', silent=True)
    assert outputs == [] and reply["content"]["execution_count"] == 0
    reply, outputs = run(kc, "let u = 5", user_expressions={"twice": "u * 2", "bad": "nope"})
    expressions = reply["content"]["user_expressions"]
    assert expressions["twice"]["data"]["text/plain"] == "10"
    assert expressions["bad"]["status"] == "error"
    assert [o["msg_type"] for o in outputs][0] == "execute_input"


def test_stream_output_is_coalesced(kernel):
    _, kc = kernel
    reply, outputs = run(kc, "for i in 0..<10000 { print(i) }", timeout=60)
    streams = [o for o in outputs if o["msg_type"] == "stream"]
    text = "".join(o["content"]["text"] for o in streams)
    assert text.split() == [str(i) for i in range(10000)]
    assert len(streams) < 50
