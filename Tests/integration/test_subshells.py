"""Kernel subshells (JEP 91) through jupyter_client: create, list and delete on control; requests
addressed to a subshell are answered while a long cell runs on the main shell, and a widget's
Button on a subshell can stop that cell."""
from __future__ import annotations

import time

from conftest import iopub_until_idle, run, wait_reply

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def control(kc, msg_type, **content):
    msg = kc.session.msg(msg_type, content=content)
    kc.control_channel.send(msg)
    while True:
        reply = kc.get_control_msg(timeout=10)
        if reply["parent_header"]["msg_id"] == msg["header"]["msg_id"]:
            return reply["content"]


def on_subshell(kc, subshell_id, msg_type, **content):
    """Sends a shell request addressed to `subshell_id`; its msg_id."""
    msg = kc.session.msg(msg_type, content=content)
    msg["header"]["subshell_id"] = subshell_id
    kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def test_create_list_delete(kernel):
    _, kc = kernel
    first = control(kc, "create_subshell_request")
    second = control(kc, "create_subshell_request")
    assert first["status"] == second["status"] == "ok"
    assert control(kc, "list_subshell_request") == {
        "status": "ok", "subshell_id": [first["subshell_id"], second["subshell_id"]]}
    assert control(kc, "delete_subshell_request", subshell_id=first["subshell_id"]) == {"status": "ok"}
    assert control(kc, "list_subshell_request")["subshell_id"] == [second["subshell_id"]]
    gone = control(kc, "delete_subshell_request", subshell_id=first["subshell_id"])
    assert (gone["status"], gone["ename"]) == ("error", "UnknownSubshellError")
    msg_id = on_subshell(kc, first["subshell_id"], "kernel_info_request")
    reply = wait_reply(kc, msg_id)
    assert (reply["content"]["status"], reply["content"]["ename"]) == ("error", "UnknownSubshellError")
    msg_id = on_subshell(kc, second["subshell_id"], "execute_request", code="6 * 7", silent=False,
                         store_history=True, user_expressions={}, allow_stdin=False, stop_on_error=True)
    assert wait_reply(kc, msg_id)["content"]["status"] == "ok"
    results = [m for m in iopub_until_idle(kc, msg_id) if m["msg_type"] == "execute_result"]
    assert results[0]["content"]["data"]["text/plain"] == "42"


def test_subshell_answers_while_the_main_shell_runs_a_cell(kernel):
    _, kc = kernel
    reply, outputs = run(kc, 'let k = IntSlider(value: 3, in: 1...7)\n'
                             'k.onChange { v in print("moved to \\(v)") }\ndisplay(k)')
    model_id = next(m for m in outputs if m["msg_type"] == "display_data")["content"]["data"][WIDGET_VIEW]["model_id"]
    subshell = control(kc, "create_subshell_request")["subshell_id"]
    main = kc.execute("sleep(4)\nk.value")
    time.sleep(0.5)  # the cell is running
    started = time.monotonic()
    info = wait_reply(kc, on_subshell(kc, subshell, "kernel_info_request"))
    complete = wait_reply(kc, on_subshell(kc, subshell, "complete_request", code="k.val", cursor_pos=5))
    comm = on_subshell(kc, subshell, "comm_msg", comm_id=model_id,
                       data={"method": "update", "state": {"value": 6}, "buffer_paths": []})
    outputs = iopub_until_idle(kc, comm, timeout=3)
    elapsed = time.monotonic() - started
    assert info["content"]["protocol_version"] == "5.5"
    assert "value" in complete["content"]["matches"]
    assert "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream") == "moved to 6\n"
    assert any(m["msg_type"] == "comm_msg" and m["content"]["data"]["method"] == "echo_update" for m in outputs)
    assert elapsed < 2.0, elapsed  # well before the 4 s cell ends
    with_main = wait_reply(kc, main, timeout=10)
    assert with_main["content"]["status"] == "ok"
    results = [m for m in iopub_until_idle(kc, main) if m["msg_type"] == "execute_result"]
    assert results[0]["content"]["data"]["text/plain"] == "6"  # the cell sees the new value


def test_stop_button_on_a_subshell_ends_a_running_loop(kernel):
    _, kc = kernel
    _, outputs = run(kc, 'var running = true\nlet stop = Button("Stop") { running = false }\ndisplay(stop)')
    model_id = next(m for m in outputs if m["msg_type"] == "display_data")["content"]["data"][WIDGET_VIEW]["model_id"]
    subshell = control(kc, "create_subshell_request")["subshell_id"]
    main = kc.execute("var n = 0\nwhile running { n += 1; sleep(0.01) }\nprint(\"stopped\")")
    time.sleep(0.5)
    clicked = time.monotonic()
    on_subshell(kc, subshell, "comm_msg", comm_id=model_id, data={"method": "custom", "content": {"event": "click"}})
    reply = wait_reply(kc, main, timeout=10)
    assert reply["content"]["status"] == "ok"
    assert time.monotonic() - clicked < 2.0
    outputs = iopub_until_idle(kc, main)
    assert "stopped\n" in "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def test_comm_message_for_a_deleted_subshell_reaches_its_widget(kernel):
    """JupyterLab may close or update a widget through a subshell it has just deleted: the comm is
    the kernel's, so the message is served on the main shell rather than refused."""
    _, kc = kernel
    reply, outputs = run(kc, 'let g = IntSlider(value: 2, in: 1...9)\n'
                             'g.onChange { v in print("now \\(v)") }\ndisplay(g)')
    model_id = next(m for m in outputs if m["msg_type"] == "display_data")["content"]["data"][WIDGET_VIEW]["model_id"]
    subshell = control(kc, "create_subshell_request")["subshell_id"]
    assert control(kc, "delete_subshell_request", subshell_id=subshell) == {"status": "ok"}
    comm = on_subshell(kc, subshell, "comm_msg", comm_id=model_id,
                       data={"method": "update", "state": {"value": 5}, "buffer_paths": []})
    outputs = iopub_until_idle(kc, comm, timeout=5)
    assert "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream") == "now 5\n"
    reply, outputs = run(kc, "g.value")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["5"]
