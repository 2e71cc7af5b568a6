"""`fit(…, controls: true)` through jupyter_client: Pause, Stop and a learning-rate slider that
work from a kernel subshell while the main shell trains (as JupyterLab 4.4+ sends widget
messages), the model kept on Stop."""
from __future__ import annotations

import time

from conftest import iopub_until_idle, run, wait_reply
from test_runtime_kernel import SMALL_MODEL
from test_subshells import control, on_subshell

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def until(kc, predicate, timeout=10.0):
    """Reads iopub until `predicate(msg)`; returns (msg, seconds waited)."""
    start = time.monotonic()
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, start + timeout - time.monotonic()))
        if predicate(msg):
            return msg, time.monotonic() - start


def comm_update(comm_id, key):
    return lambda m: (m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
                      and key in m["content"]["data"].get("state", {}))


def test_fit_controls_pause_change_the_rate_and_stop_from_a_subshell(kernel):
    _, kc = kernel
    assert run(kc, SMALL_MODEL, timeout=60)[0]["content"]["status"] == "ok"
    subshell = control(kc, "create_subshell_request")["subshell_id"]
    main = kc.execute("let h = model.fit(data.train, epochs: 50, batchSize: 32, "
                      "optimizer: SGD(learningRate: 0.05), seed: 5, controls: true)")
    opens = {}
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["msg_type"] == "comm_open":
            opens[msg["content"]["comm_id"]] = msg["content"]["data"]["state"]
        if msg["msg_type"] == "display_data" and WIDGET_VIEW in msg["content"]["data"]:
            break
    buttons = {s["description"]: i for i, s in opens.items() if s["_model_name"] == "ButtonModel"}
    [rate_id] = [i for i, s in opens.items() if s["_model_name"] == "FloatLogSliderModel"]
    assert set(buttons) == {"Pause", "Stop"} and abs(opens[rate_id]["value"] - 0.05) < 1e-12
    time.sleep(1.0)  # training
    on_subshell(kc, subshell, "comm_msg", comm_id=rate_id,
                data={"method": "update", "state": {"value": 0.01}, "buffer_paths": []})
    _, waited = until(kc, lambda m: m["msg_type"] == "comm_msg" and m["content"]["data"].get("method") == "echo_update")
    assert waited < 1.0, f"the slider's echo took {waited:.3f} s while training"  # 0.2 when the machine is quiet
    time.sleep(1.0)  # batches run at the new rate (a Pause served at the same poll would leave none)
    on_subshell(kc, subshell, "comm_msg", comm_id=buttons["Pause"], data={"method": "custom", "content": {"event": "click"}})
    msg, waited = until(kc, comm_update(buttons["Pause"], "description"))
    assert msg["content"]["data"]["state"]["description"] == "Resume" and waited < 1.0
    time.sleep(0.5)  # paused: Stop still answers
    clicked = time.monotonic()
    on_subshell(kc, subshell, "comm_msg", comm_id=buttons["Stop"], data={"method": "custom", "content": {"event": "click"}})
    reply = wait_reply(kc, main, timeout=10)
    assert time.monotonic() - clicked < 1.0
    assert reply["content"]["status"] == "ok", reply["content"]
    iopub_until_idle(kc, main)
    _, outputs = run(kc, "h.stopReason")
    text = next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]["text/plain"]
    assert "stopped by the user" in text
    _, outputs = run(kc, "let rates = h.batchLearningRates\n(rates[0], rates[rates.count - 1], rates.count > 10)")
    assert next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]["text/plain"] == "(0.05, 0.01, true)"
    reply, outputs = run(kc, "model.evaluate(data.test.prefix(200)).accuracy > 0.2", timeout=30)
    assert reply["content"]["status"] == "ok"
