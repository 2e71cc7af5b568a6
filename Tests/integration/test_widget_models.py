"""Widgets set from cells, and the models beyond the first session's, through jupyter_client.

As in test_widgets.py, the client plays JupyterLab's widget manager; ipywidgets (pinned in
requirements-test.txt) is the reference for each model's attribute names (`get_state()`).
"""
from __future__ import annotations

import ipywidgets

from conftest import run
from test_widgets import WIDGET_VIEW, comm_data, comm_opens, send_comm, stdout


def result(outputs):
    return next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]["text/plain"]


def shown_state(kc, code):
    """Runs `code` (ending in a display); returns (model id, its state, every opened state)."""
    reply, outputs = run(kc, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    view = [m for m in outputs if m["msg_type"] == "display_data"][-1]["content"]["data"][WIDGET_VIEW]
    states = {i: m["content"]["data"]["state"] for i, m in comm_opens(outputs).items()}
    return view["model_id"], states[view["model_id"]], states, outputs


def test_value_set_in_a_cell_runs_on_change_once_and_updates_the_front_end(kernel):
    _, kc = kernel
    model_id, _, _, _ = shown_state(kc, 'var seen: [Int] = []\n'
                                        'let k = IntSlider(value: 3, in: 1...7, description: "kernel")\n'
                                        'k.onChange { v in seen.append(v); print("changed to \\(v)") }\ndisplay(k)')
    reply, outputs = run(kc, "k.value = 5")
    assert reply["content"]["status"] == "ok"
    assert comm_data(outputs, model_id) == [{"method": "update", "state": {"value": 5}, "buffer_paths": []}]
    assert stdout(outputs) == "changed to 5\n"
    # The same value again: the front end is told, the handler does not run (nothing changed).
    _, outputs = run(kc, "k.value = 5")
    assert stdout(outputs) == ""
    # Clamped to max; a bound that moves the value runs the handler too.
    _, outputs = run(kc, "k.value = 99")
    assert comm_data(outputs, model_id, "update")[-1]["state"] == {"value": 7}
    _, outputs = run(kc, "k.max = 6")
    assert comm_data(outputs, model_id, "update")[-1]["state"] == {"max": 6, "value": 6}
    assert stdout(outputs) == "changed to 6\n"
    _, outputs = run(kc, "seen")
    assert result(outputs) == "[5, 7, 6]"
    # A description is sent, with no handler run.
    _, outputs = run(kc, 'k.description = "F"')
    assert comm_data(outputs, model_id) == [{"method": "update", "state": {"description": "F"}, "buffer_paths": []}]
    assert stdout(outputs) == ""


def test_a_handler_that_sets_its_own_widget_does_not_loop(kernel):
    _, kc = kernel
    model_id, _, _, _ = shown_state(kc, 'var runs = 0\nlet k = IntSlider(value: 2, in: 0...10)\n'
                                        'k.onChange { v in runs += 1; k.value = v / 2 * 2 }\ndisplay(k)')
    _, outputs = run(kc, "k.value = 5")
    updates = [d["state"] for d in comm_data(outputs, model_id, "update")]
    assert updates == [{"value": 5}, {"value": 4}]
    _, outputs = run(kc, "runs")
    assert result(outputs) == "1"
    # From the front end: one echo, one handler run, the rounded value sent back once.
    outputs, _ = send_comm(kc, model_id, {"method": "update", "state": {"value": 7}, "buffer_paths": []})
    assert comm_data(outputs, model_id, "echo_update") == [
        {"method": "echo_update", "state": {"value": 7}, "buffer_paths": []}]
    assert [d["state"] for d in comm_data(outputs, model_id, "update")] == [{"value": 6}]
    _, outputs = run(kc, "(runs, k.value)")
    assert result(outputs) == "(2, 6)"


def test_a_handler_that_sets_another_widget_sends_it(kernel):
    _, kc = kernel
    _, _, states, _ = shown_state(kc, 'let a = IntSlider(value: 1, in: 0...9)\nlet b = IntSlider(value: 1, in: 0...9)\n'
                                      'a.onChange { v in b.value = v + 1 }\nb.onChange { v in print("b is \\(v)") }\n'
                                      'display(HBox([a, b]))')
    a_id, b_id = [i for i, s in states.items() if s["_model_name"] == "IntSliderModel"]
    outputs, _ = send_comm(kc, a_id, {"method": "update", "state": {"value": 4}, "buffer_paths": []})
    assert [d["state"] for d in comm_data(outputs, b_id, "update")] == [{"value": 5}]
    assert stdout(outputs) == "b is 5\n"


def check_against(state, reference):
    """Every attribute ipywidgets sends is there; the model and view names are the same."""
    ref = reference.get_state()
    binary = {k for k, v in ref.items() if isinstance(v, (bytes, memoryview))}  # sent as buffers
    assert set(ref) - binary <= set(state), set(ref) - binary - set(state)
    for key in ("_model_name", "_model_module", "_model_module_version", "_view_name",
                "_view_module", "_view_module_version"):
        assert state[key] == ref[key], (key, state[key], ref[key])


def test_more_models_open_with_ipywidgets_state(kernel):
    _, kc = kernel
    cases = [
        ('FloatLogSlider(value: 0.01, min: -4, max: 0, description: "lr")', ipywidgets.FloatLogSlider(),
         {"value": 0.01, "min": -4.0, "max": 0.0, "base": 10.0}),
        ('IntRangeSlider(value: 2...5, in: 0...9)', ipywidgets.IntRangeSlider(), {"value": [2, 5], "max": 9}),
        ('ToggleButtons(["max", "average"], value: "average")', ipywidgets.ToggleButtons(options=["a"]),
         {"_options_labels": ["max", "average"], "index": 1}),
        ('RadioButtons(["valid", "same"])', ipywidgets.RadioButtons(options=["a"]), {"index": 0}),
        ('Text(value: "hi", placeholder: "name")', ipywidgets.Text(), {"value": "hi", "placeholder": "name"}),
        ('HTMLMath("$x^2$")', ipywidgets.HTMLMath(), {"value": "$x^2$"}),
        ('Play(value: 2, in: 0...8, interval: 300)', ipywidgets.Play(), {"value": 2, "max": 8, "interval": 300}),
        ('GridBox([Label("W"), IntSlider()], columns: 2)', ipywidgets.GridBox(), {}),
        ('Tab([IntSlider(), Button("Go")], titles: ["size", "run"])', ipywidgets.Tab(),
         {"titles": ["size", "run"], "selected_index": 0}),
    ]
    for code, reference, expected in cases:
        model_id, state, states, _ = shown_state(kc, f"display({code})")
        check_against(state, reference)
        for key, value in expected.items():
            assert state[key] == value, (code, key, state[key])
        if "style" in reference.get_state():
            style = states[state["style"].removeprefix("IPY_MODEL_")]
            ref_style = reference.style.get_state()
            assert set(ref_style) <= set(style) and style["_model_name"] == ref_style["_model_name"], code
        if reference.get_state().get("children") is not None and "children" in state:
            assert all(c.removeprefix("IPY_MODEL_") in states for c in state["children"])
    _, _, states, _ = shown_state(kc, 'display(GridBox([Label("W"), IntSlider(), Label("F"), IntSlider()], columns: 2))')
    grid = next(s for s in states.values() if s["_model_name"] == "GridBoxModel")
    assert states[grid["layout"].removeprefix("IPY_MODEL_")]["grid_template_columns"] == "repeat(2, auto)"


def test_choices_ranges_and_log_values_follow_the_front_end(kernel):
    _, kc = kernel
    model_id, _, _, _ = shown_state(kc, 'let t = ToggleButtons(["max", "average"])\n'
                                        't.onChange { v in print("pool: \\(v)") }\ndisplay(t)')
    outputs, _ = send_comm(kc, model_id, {"method": "update", "state": {"index": 1}, "buffer_paths": []})
    assert stdout(outputs) == "pool: average\n"
    range_id, _, _, _ = shown_state(kc, 'let r = IntRangeSlider(value: 2...5, in: 0...9)\ndisplay(r)')
    outputs, _ = send_comm(kc, range_id, {"method": "update", "state": {"value": [3, 12]}, "buffer_paths": []})
    assert comm_data(outputs, range_id, "echo_update")[0]["state"] == {"value": [3, 9]}
    for bad in ([5, 2], [1], "x", [1.5, 2]):
        outputs, _ = send_comm(kc, range_id, {"method": "update", "state": {"value": bad}, "buffer_paths": []})
        assert comm_data(outputs, range_id, "echo_update") == [], bad
    _, outputs = run(kc, "r.value")
    assert result(outputs) == "3...9"
    log_id, _, _, _ = shown_state(kc, 'let lr = FloatLogSlider(value: 0.01, min: -4, max: 0)\ndisplay(lr)')
    outputs, _ = send_comm(kc, log_id, {"method": "update", "state": {"value": 5.0}, "buffer_paths": []})
    assert comm_data(outputs, log_id, "echo_update")[0]["state"] == {"value": 1.0}  # 10^0
    _, outputs = run(kc, "lr.value = 0.001\nlr.value")
    assert result(outputs) == "0.001"


def test_text_submit_and_tab_selection(kernel):
    _, kc = kernel
    model_id, _, _, _ = shown_state(kc, 'let name = Text(description: "model")\n'
                                        'name.onSubmit { s in print("submitted \\(s)") }\ndisplay(name)')
    send_comm(kc, model_id, {"method": "update", "state": {"value": "lenet"}, "buffer_paths": []})
    outputs, _ = send_comm(kc, model_id, {"method": "custom", "content": {"event": "submit"}})
    assert stdout(outputs) == "submitted lenet\n"
    tab_id, _, _, _ = shown_state(kc, 'let tab = Tab([Label("a"), Label("b")], titles: ["A", "B"])\n'
                                      'tab.onChange { i in print("tab \\(i)") }\ndisplay(tab)')
    outputs, _ = send_comm(kc, tab_id, {"method": "update", "state": {"selected_index": 1}, "buffer_paths": []})
    assert stdout(outputs) == "tab 1\n"
    reply, outputs = run(kc, "tab.selectedIndex = 0")
    assert comm_data(outputs, tab_id, "update") == [{"method": "update", "state": {"selected_index": 0}, "buffer_paths": []}]
    assert stdout(outputs) == "tab 0\n"
    reply, _ = run(kc, "tab.selectedIndex = 5")
    assert reply["content"]["status"] == "error" and "IndexError" in reply["content"]["ename"] + reply["content"]["evalue"]


def test_image_sends_png_bytes_as_a_buffer(kernel):
    _, kc = kernel
    reply, outputs = run(kc, "let img = ImageWidget(Tensor.zeros([16, 16]), width: 64)\ndisplay(img)")
    assert reply["content"]["status"] == "ok", reply["content"]
    [opened] = [m for m in outputs if m["msg_type"] == "comm_open"
                and m["content"]["data"]["state"]["_model_name"] == "ImageModel"]
    check_against(opened["content"]["data"]["state"], ipywidgets.Image())
    assert opened["content"]["data"]["buffer_paths"] == [["value"]]
    [png] = opened["buffers"]
    assert bytes(png).startswith(b"\x89PNG\r\n\x1a\n")
    assert opened["content"]["data"]["state"]["width"] == "64"
    model_id = opened["content"]["comm_id"]
    _, outputs = run(kc, "img.value = Tensor.ones([3, 8, 8])")
    [update] = [m for m in outputs if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == model_id]
    assert update["content"]["data"]["buffer_paths"] == [["value"]]
    assert bytes(update["buffers"][0]).startswith(b"\x89PNG") and bytes(update["buffers"][0]) != bytes(png)
    outputs, _ = send_comm(kc, model_id, {"method": "request_state"})
    [state] = [m for m in outputs if m["msg_type"] == "comm_msg"]
    assert bytes(state["buffers"][0]) == bytes(update["buffers"][0])
    reply, _ = run(kc, "img.value = Tensor.zeros([2, 2])")
    assert reply["content"]["status"] == "error" and "not an image" in reply["content"]["evalue"]


def test_jslink_opens_a_link_model_between_play_and_slider(kernel):
    _, kc = kernel
    reply, outputs = run(kc, "let play = Play(in: 0...8)\nlet s = IntSlider(value: 0, in: 0...8)\n"
                             "let link = jslink(play, s)\ndisplay(HBox([play, s]))")
    assert reply["content"]["status"] == "ok", reply["content"]
    opens = comm_opens(outputs)
    states = {i: m["content"]["data"]["state"] for i, m in opens.items()}
    [link_id] = [i for i, s in states.items() if s["_model_name"] == "LinkModel"]
    reference = ipywidgets.jslink((ipywidgets.Play(), "value"), (ipywidgets.IntSlider(), "value"))
    check_against(states[link_id], reference)
    play_id = next(i for i, s in states.items() if s["_model_name"] == "PlayModel")
    slider_id = next(i for i, s in states.items() if s["_model_name"] == "IntSliderModel")
    assert states[link_id]["source"] == ["IPY_MODEL_" + play_id, "value"]
    assert states[link_id]["target"] == ["IPY_MODEL_" + slider_id, "value"]
    order = list(opens)
    assert order.index(play_id) < order.index(link_id) and order.index(slider_id) < order.index(link_id)
    reply, _ = run(kc, 'jslink(play, Label("x"), attribute: "max")')
    assert reply["content"]["status"] == "error" and "no attribute 'max'" in reply["content"]["evalue"]
