"""Jupyter widgets (protocol 2.1) and messaging protocol 5.5 through jupyter_client.

The client plays the part of JupyterLab's widget manager: it reads the comm_open messages a
displayed widget sends, and sends `update`, `request_state`, Button clicks and
`request_states` as comm messages, as @jupyter-widgets/base 2.0.0 does. ipywidgets (pinned in
requirements-test.txt) is the reference for each model's attribute names.
"""
from __future__ import annotations

import json
import os
import time
import uuid

import ipywidgets
import pytest

from jupyter_client.kernelspec import KernelSpecManager
from conftest import KERNEL_NAME, iopub_until_idle, run, wait_reply

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def comm_opens(outputs):
    return {m["content"]["comm_id"]: m for m in outputs if m["msg_type"] == "comm_open"}


def send_comm(kc, comm_id, data, msg_type="comm_msg", buffers=None):
    """Sends a comm message on shell; returns the iopub messages it caused, up to idle."""
    content = {"comm_id": comm_id, "data": data}
    msg = kc.session.msg(msg_type, content=content)
    kc.session.send(kc.shell_channel.socket, msg, buffers=buffers or [])
    return iopub_until_idle(kc, msg["header"]["msg_id"]), msg["header"]["msg_id"]


def comm_data(outputs, comm_id, method=None):
    return [m["content"]["data"] for m in outputs if m["msg_type"] == "comm_msg"
            and m["content"]["comm_id"] == comm_id
            and (method is None or m["content"]["data"].get("method") == method)]


def stdout(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def show_slider(kc):
    reply, outputs = run(kc, 'let k = IntSlider(value: 3, in: 1...7, description: "kernel")\n'
                             'k.onChange { v in print("changed to \\(v)") }\ndisplay(k)')
    assert reply["content"]["status"] == "ok", reply["content"]
    view = next(m for m in outputs if m["msg_type"] == "display_data")["content"]["data"][WIDGET_VIEW]
    return view["model_id"], comm_opens(outputs), outputs


def test_kernel_info_is_protocol_5_5_on_shell_and_control(kernel):
    _, kc = kernel
    shell = kc.kernel_info(reply=True)["content"]
    assert shell["protocol_version"] == "5.5"
    assert shell["supported_features"] == ["kernel subshells"]  # no debugger
    request = kc.session.msg("kernel_info_request")
    kc.control_channel.send(request)
    control = kc.get_control_msg(timeout=10)
    assert control["parent_header"]["msg_id"] == request["header"]["msg_id"]
    assert control["content"]["protocol_version"] == "5.5"
    assert control["header"]["version"] == "5.5"


def test_kernelspec_names_the_protocol_the_kernel_speaks(kernel):
    _, kc = kernel
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    with open(os.path.join(spec.resource_dir, "kernel.json")) as file:
        written = json.load(file)
    assert written["kernel_protocol_version"] == kc.kernel_info(reply=True)["content"]["protocol_version"]


def test_displayed_slider_opens_its_models_with_full_state(kernel):
    _, kc = kernel
    model_id, opens, outputs = show_slider(kc)
    slider = opens[model_id]
    assert slider["content"]["target_name"] == "jupyter.widget"
    assert slider["metadata"]["version"] == "2.1.0"
    state = slider["content"]["data"]["state"]
    reference = ipywidgets.IntSlider().get_state()
    assert set(reference) <= set(state), set(reference) - set(state)
    for key in ("_model_name", "_model_module", "_model_module_version", "_view_name",
                "_view_module", "_view_module_version"):
        assert state[key] == reference[key], key
    assert (state["value"], state["min"], state["max"], state["description"]) == (3, 1, 7, "kernel")
    layout_id = state["layout"].removeprefix("IPY_MODEL_")
    style_id = state["style"].removeprefix("IPY_MODEL_")
    order = [m["content"]["comm_id"] for m in outputs if m["msg_type"] == "comm_open"]
    assert order.index(layout_id) < order.index(model_id) and order.index(style_id) < order.index(model_id)
    layout = opens[layout_id]["content"]["data"]["state"]
    assert set(ipywidgets.Layout().get_state()) <= set(layout)
    style = opens[style_id]["content"]["data"]["state"]
    assert style["_model_name"] == ipywidgets.IntSlider().style.get_state()["_model_name"]
    info = kc.comm_info(target_name="jupyter.widget")
    comms = wait_reply(kc, info)["content"]["comms"]
    assert {model_id, layout_id, style_id} <= set(comms)


def test_update_runs_on_change_and_echoes(kernel):
    _, kc = kernel
    model_id, _, _ = show_slider(kc)
    outputs, msg_id = send_comm(kc, model_id, {"method": "update", "state": {"value": 5},
                                               "buffer_paths": []})
    assert comm_data(outputs, model_id, "echo_update") == [
        {"method": "echo_update", "state": {"value": 5}, "buffer_paths": []}]
    assert stdout(outputs) == "changed to 5\n"
    assert all(m["parent_header"]["msg_id"] == msg_id for m in outputs)
    _, outputs = run(kc, "k.value")
    assert next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]["text/plain"] == "5"
    # Clamped to max, as ipywidgets does; the echo says what the kernel kept.
    outputs, _ = send_comm(kc, model_id, {"method": "update", "state": {"value": 99}, "buffer_paths": []})
    assert comm_data(outputs, model_id, "echo_update")[0]["state"] == {"value": 7}


def test_request_state_answers_with_the_full_state(kernel):
    _, kc = kernel
    model_id, opens, _ = show_slider(kc)
    outputs, _ = send_comm(kc, model_id, {"method": "request_state"})
    [update] = comm_data(outputs, model_id, "update")
    assert update["state"] == opens[model_id]["content"]["data"]["state"]


def test_bad_updates_are_refused_and_leave_the_state(kernel):
    km, kc = kernel
    model_id, _, _ = show_slider(kc)
    bad = [{"value": "five"}, {"value": 2.5}, {"no_such_attribute": 1}, {"value": True}]
    for state in bad:
        outputs, _ = send_comm(kc, model_id, {"method": "update", "state": state, "buffer_paths": []})
        assert comm_data(outputs, model_id, "echo_update") == []
        assert stdout(outputs) == ""
    # A buffer path that names nothing, and paths that do not match the buffers.
    for paths, buffers in (([["missing"]], [b"\x00"]), ([["value"]], []), ([], [b"\x01"])):
        outputs, _ = send_comm(kc, model_id, {"method": "update", "state": {"value": 4},
                                              "buffer_paths": paths}, buffers=buffers)
        assert comm_data(outputs, model_id, "echo_update") == []
    # The kept value is sent back so a front end that moved the slider returns to it.
    outputs, _ = send_comm(kc, model_id, {"method": "update", "state": {"value": "x"}, "buffer_paths": []})
    assert comm_data(outputs, model_id, "update") == [{"method": "update", "state": {"value": 3}, "buffer_paths": []}]
    send_comm(kc, "no-such-comm", {"method": "update", "state": {"value": 1}})
    send_comm(kc, model_id, {"method": "frobnicate"})
    send_comm(kc, model_id, "not an object")
    _, outputs = run(kc, "k.value")
    assert next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]["text/plain"] == "3"
    assert km.is_alive()


def test_button_click_runs_its_action(kernel):
    _, kc = kernel
    _, outputs = run(kc, 'var clicks = 0\nlet stop = Button("Stop") { clicks += 1; print("stopping") }\ndisplay(stop)')
    view = next(m for m in outputs if m["msg_type"] == "display_data")["content"]["data"][WIDGET_VIEW]
    state = comm_opens(outputs)[view["model_id"]]["content"]["data"]["state"]
    assert (state["_model_name"], state["description"]) == ("ButtonModel", "Stop")
    for _ in range(2):
        outputs, _ = send_comm(kc, view["model_id"], {"method": "custom", "content": {"event": "click"}})
        assert stdout(outputs) == "stopping\n"
    _, outputs = run(kc, "clicks")
    assert next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]["text/plain"] == "2"


def test_callback_error_is_shown_and_the_kernel_goes_on(kernel):
    _, kc = kernel
    _, outputs = run(kc, 'let b = Button("Boom") { let xs = [1]; print(xs[3]) }\ndisplay(b)')
    view = next(m for m in outputs if m["msg_type"] == "display_data")["content"]["data"][WIDGET_VIEW]
    outputs, _ = send_comm(kc, view["model_id"], {"method": "custom", "content": {"event": "click"}})
    errors = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream"
                     and m["content"]["name"] == "stderr")
    assert "IndexError" in errors
    reply, _ = run(kc, "1 + 1")
    assert reply["content"]["status"] == "ok"


def test_hbox_references_its_children(kernel):
    _, kc = kernel
    _, outputs = run(kc, 'let a = IntSlider(value: 3, in: 1...7, description: "kernel")\n'
                         'let b = Button("Stop")\ndisplay(HBox([a, b]))')
    view = next(m for m in outputs if m["msg_type"] == "display_data")["content"]
    opens = comm_opens(outputs)
    box = opens[view["data"][WIDGET_VIEW]["model_id"]]["content"]["data"]["state"]
    assert box["_model_name"] == "HBoxModel"
    assert all(c.removeprefix("IPY_MODEL_") in opens for c in box["children"])
    assert view["data"]["text/plain"] == "[IntSlider(kernel: 3 in 1...7) | Button(Stop)]"


def test_interact_renders_into_an_output_by_msg_id(kernel):
    _, kc = kernel
    code = ("interact(kernel: 1...7, padding: 0...3, stride: 1...3) { k, p, s in\n"
            "    convOutputSize(input: 7, filter: k, padding: p, stride: s)\n}")
    msg_id = kc.execute(code)
    assert wait_reply(kc, msg_id)["content"]["status"] == "ok"
    outputs = iopub_until_idle(kc, msg_id)
    opens = comm_opens(outputs)
    names = {i: m["content"]["data"]["state"]["_model_name"] for i, m in opens.items()}
    output_id = next(i for i, n in names.items() if n == "OutputModel")
    sliders = {m["content"]["data"]["state"]["description"]: i for i, m in opens.items()
               if names[i] == "IntSliderModel"}
    assert set(sliders) == {"kernel", "padding", "stride"}
    msg_ids = [d["state"]["msg_id"] for d in comm_data(outputs, output_id, "update")]
    assert msg_ids == [msg_id, ""]
    first = [m for m in outputs if m["msg_type"] == "display_data"][-1]["content"]["data"]["text/plain"]
    assert first.startswith("W' = (7 − 4 + 2×1)/2 + 1 = 3.5 → 3")  # sliders start mid-range
    outputs, comm_msg_id = send_comm(kc, sliders["kernel"], {"method": "update", "state": {"value": 3},
                                                             "buffer_paths": []})
    msg_ids = [d["state"]["msg_id"] for d in comm_data(outputs, output_id, "update")]
    assert msg_ids == [comm_msg_id, ""]
    kinds = [m["msg_type"] for m in outputs if m["msg_type"] in ("clear_output", "display_data")]
    assert kinds == ["clear_output", "display_data"]
    shown = next(m for m in outputs if m["msg_type"] == "display_data")
    assert shown["parent_header"]["msg_id"] == comm_msg_id
    assert shown["content"]["data"]["text/plain"] == "W' = (7 − 3 + 2×1)/2 + 1 = 4"


def test_control_comm_answers_request_states(kernel):
    _, kc = kernel
    model_id, _, _ = show_slider(kc)
    control_id = uuid.uuid4().hex
    msg = kc.session.msg("comm_open", content={"comm_id": control_id, "target_name": "jupyter.widget.control", "data": {}})
    kc.shell_channel.send(msg)
    assert not [m for m in iopub_until_idle(kc, msg["header"]["msg_id"]) if m["msg_type"] == "comm_close"]
    outputs, _ = send_comm(kc, control_id, {"method": "request_states"})
    [states] = comm_data(outputs, control_id, "update_states")
    entry = states["states"][model_id]
    assert (entry["model_name"], entry["model_module"], entry["model_module_version"]) == (
        "IntSliderModel", "@jupyter-widgets/controls", "2.0.0")
    assert entry["state"]["value"] == 3


def test_unknown_comm_target_is_closed(kernel):
    _, kc = kernel
    comm_id = uuid.uuid4().hex
    msg = kc.session.msg("comm_open", content={"comm_id": comm_id, "target_name": "no.such.target", "data": {}})
    kc.shell_channel.send(msg)
    outputs = iopub_until_idle(kc, msg["header"]["msg_id"])
    assert [m["content"]["comm_id"] for m in outputs if m["msg_type"] == "comm_close"] == [comm_id]


def test_convolution_explorer_redraws_the_formula_and_warns(kernel):
    _, kc = kernel
    reply, outputs = run(kc, "convolutionExplorer(input: 7, kernel: 3, padding: 1, stride: 2)")
    assert reply["content"]["status"] == "ok"
    opens = comm_opens(outputs)
    states = {i: m["content"]["data"]["state"] for i, m in opens.items()}
    html_id = next(i for i, s in states.items() if s["_model_name"] == "HTMLModel")
    assert "(7 − 3 + 2×1)/2 + 1 = 4" in states[html_id]["value"]
    assert "not a whole number" not in states[html_id]["value"]
    kernel_id = next(i for i, s in states.items() if s.get("description") == "kernel F")
    outputs, _ = send_comm(kc, kernel_id, {"method": "update", "state": {"value": 4}, "buffer_paths": []})
    [update] = comm_data(outputs, html_id, "update")
    html = update["state"]["value"]
    assert "(7 − 4 + 2×1)/2 + 1 = 5/2 + 1 → 3" in html
    assert "color: #d62728" in html and "5/2 is not a whole number" in html
    assert "<svg" in html
